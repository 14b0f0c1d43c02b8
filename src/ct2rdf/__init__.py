"""ct2rdf: UN Security Council counter-terrorism documents in Chinese → a validated knowledge graph."""

__version__ = "0.2.0"
