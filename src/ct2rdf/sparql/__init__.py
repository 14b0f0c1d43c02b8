"""SPARQL over ct2rdf graphs: load RDF files into Oxigraph (store), run and format queries (query)."""
