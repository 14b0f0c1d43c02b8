"""The base IRIs, in a module of their own so that ``ct2rdf --help`` need not import rdflib."""

DEFAULT_BASE = "https://w3id.org/ct2rdf/id/"
# Reference entities (bodies, verb and theme concepts, the software agent) live
# here whatever --base says, so graphs built with different bases share them.
REFERENCE_BASE = "https://w3id.org/ct2rdf/id/"
