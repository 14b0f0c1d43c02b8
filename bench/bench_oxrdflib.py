"""rdflib's Graph over the Oxigraph store (oxrdflib) against ct2rdf's N-Triples text; prints figures.

    PYTHONPATH=src python bench/bench_oxrdflib.py

The design card names rdflib as the serializing API; the [scale] issue asks
whether rdflib's Graph on the oxrdflib store would do instead of pyoxigraph
directly.  On the seeds' triples this times: making rdflib terms, adding them
to an rdflib Graph on its default store and on the Oxigraph store, and
ct2rdf's own path (facts → triples as N-Triples text, everything included).
"""

from __future__ import annotations

import time
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef

from ct2rdf.pipeline import process
from ct2rdf.rdf import nt
from ct2rdf.rdf.graph import document_triples

BASE = "https://w3id.org/ct2rdf/id/"
SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def rdflib_term(x):
    if isinstance(x, ox.NamedNode):
        return URIRef(x.value)
    if x.language:
        return Literal(x.value, lang=x.language)
    return Literal(x.value, datatype=URIRef(x.datatype.value))


def main() -> None:
    results = [process(f.name, f.read_bytes()) for f in sorted(SEEDS.glob("*.txt"))]
    t = time.perf_counter()
    text = "".join(
        nt.lines(g.own + g.shared)
        for g in (document_triples(r.doc, r.facts, r.doc.symbol.path if r.doc.symbol else "doc/x", BASE)
                  for r in results)
    )
    ours = time.perf_counter() - t
    parsed = list(ox.parse(text.encode(), format=ox.RdfFormat.N_TRIPLES))
    n = len(parsed)
    t = time.perf_counter()
    rows = [(rdflib_term(q.subject), rdflib_term(q.predicate), rdflib_term(q.object)) for q in parsed]
    terms = time.perf_counter() - t
    print(f"{n} triples (the seeds)")
    print(f"{'ct2rdf: facts → N-Triples text':<44}{ours / n * 1e6:8.1f} µs/triple")
    print(f"{'rdflib: making the terms':<44}{terms / n * 1e6:8.1f} µs/triple")
    for store in ("default", "Oxigraph"):
        g = Graph(store=store)
        t = time.perf_counter()
        for triple in rows:
            g.add(triple)
        add = time.perf_counter() - t
        print(f"{'rdflib: Graph.add, store ' + store:<44}{add / n * 1e6:8.1f} µs/triple")


if __name__ == "__main__":
    main()
