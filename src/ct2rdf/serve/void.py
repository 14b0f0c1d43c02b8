"""The dataset description at /void.

``ct2rdf build`` writes a ``void.ttl`` beside its output: when the first graph
served has one, /void serves it as it is.  Otherwise the server describes
the store it loaded: triples, distinct subjects and objects, and one class
partition per class (``ct:Document`` gives the number of documents), with
the endpoint's own address as ``void:sparqlEndpoint``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

VOID = "http://rdfs.org/ns/void#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
DCTERMS = "http://purl.org/dc/terms/"
XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
COUNTS = """SELECT (COUNT(*) AS ?triples) (COUNT(DISTINCT ?s) AS ?subjects) (COUNT(DISTINCT ?o) AS ?objects)
WHERE { ?s ?p ?o }"""
CLASSES = "SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?class } GROUP BY ?class ORDER BY ?class"


@dataclass(frozen=True)
class Stats:
    """What /void says about a store it computed the description of."""

    triples: int
    subjects: int
    objects: int
    classes: tuple[tuple[str, int], ...]


def measure(store: ox.Store) -> Stats:
    """Count ``store``'s triples (every graph), distinct subjects and objects, and entities per class."""
    options = {"use_default_graph_as_union": True}
    row = next(iter(store.query(COUNTS, **options)))
    classes = tuple((r["class"].value, int(r["n"].value)) for r in store.query(CLASSES, **options)
                    if isinstance(r["class"], ox.NamedNode))
    return Stats(int(row["triples"].value), int(row["subjects"].value), int(row["objects"].value), classes)


def beside(graph: Path) -> Path | None:
    """The ``void.ttl`` next to ``graph``, when there is one that parses."""
    candidate = graph.parent / "void.ttl"
    if not candidate.is_file():
        return None
    try:
        list(ox.parse(path=str(candidate), format=ox.RdfFormat.TURTLE))
    except (SyntaxError, OSError):
        return None
    return candidate


def describe(stats: Stats, base: str, endpoint: str) -> list[ox.Triple]:
    """The VoID triples of the served dataset (``base + 'void#dataset'``), no blank nodes."""
    dataset = ox.NamedNode(f"{base}void#dataset")

    def count(n: int) -> ox.Literal:
        return ox.Literal(str(n), datatype=XSD_INTEGER)

    triples = [
        ox.Triple(dataset, RDF_TYPE, ox.NamedNode(VOID + "Dataset")),
        ox.Triple(dataset, ox.NamedNode(DCTERMS + "title"), ox.Literal("ct2rdf graph", language="en")),
        ox.Triple(dataset, ox.NamedNode(VOID + "sparqlEndpoint"), ox.NamedNode(endpoint)),
        ox.Triple(dataset, ox.NamedNode(VOID + "uriSpace"), ox.Literal(base)),
        ox.Triple(dataset, ox.NamedNode(VOID + "vocabulary"), ox.NamedNode("https://w3id.org/ct2rdf/ontology#")),
        ox.Triple(dataset, ox.NamedNode(VOID + "triples"), count(stats.triples)),
        ox.Triple(dataset, ox.NamedNode(VOID + "distinctSubjects"), count(stats.subjects)),
        ox.Triple(dataset, ox.NamedNode(VOID + "distinctObjects"), count(stats.objects)),
        ox.Triple(dataset, ox.NamedNode(VOID + "classes"), count(len(stats.classes))),
    ]
    parts = [ox.NamedNode(f"{base}void#class-{i}") for i in range(1, len(stats.classes) + 1)]
    triples += [ox.Triple(dataset, ox.NamedNode(VOID + "classPartition"), part) for part in parts]
    for part, (cls, n) in zip(parts, stats.classes, strict=True):
        triples += [ox.Triple(part, ox.NamedNode(VOID + "class"), ox.NamedNode(cls)),
                    ox.Triple(part, ox.NamedNode(VOID + "entities"), count(n))]
    return triples
