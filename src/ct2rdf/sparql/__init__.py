"""SPARQL over ct2rdf graphs through Oxigraph."""
