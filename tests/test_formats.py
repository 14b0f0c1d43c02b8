"""Every output format holds the same graph in two independent parsers (Oxigraph and rdflib), and
its bytes do not depend on the run or the order of the inputs; JSON-LD carries its context."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
from rdflib import BNode, Dataset, Literal, URIRef

from conftest import BASE, SEEDS
from ct2rdf.build import build
from ct2rdf.rdf.namespace import PREFIXES
from ct2rdf.rdf.write import context_bytes

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

FORMATS = [
    # format, Oxigraph's parser, rdflib's parser name, a dataset (named graphs) or one graph
    ("ttl", ox.RdfFormat.TURTLE, "turtle", False),
    ("nt", ox.RdfFormat.N_TRIPLES, "nt", False),
    ("nq", ox.RdfFormat.N_QUADS, "nquads", True),
    ("trig", ox.RdfFormat.TRIG, "trig", True),
    ("jsonld", ox.RdfFormat.JSON_LD, "json-ld", True),
]
IDS = [f[0] for f in FORMATS]


@pytest.fixture(scope="module")
def quads(seed_build) -> set[tuple]:
    """The dataset every format must hold: the N-Quads output, as (s, p, o, graph) strings."""
    return {_ox(q) for q in ox.parse(seed_build.to_bytes("nq"), format=ox.RdfFormat.N_QUADS)}


def _ox(q) -> tuple:
    graph = "" if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name.value
    return (str(q.subject), str(q.predicate), str(q.object), graph)


def _rdflib_term(t) -> str:
    """An rdflib term as Oxigraph writes it (N-Triples), so the two parsers' results compare."""
    if isinstance(t, URIRef):
        return str(ox.NamedNode(str(t)))
    if isinstance(t, BNode):
        raise AssertionError(f"a blank node in ct2rdf's output: {t}")
    assert isinstance(t, Literal)
    if t.language:
        return str(ox.Literal(str(t), language=t.language))
    return str(ox.Literal(str(t), datatype=ox.NamedNode(str(t.datatype or XSD_STRING))))


def _rdflib(data: bytes, parser: str, dataset: bool) -> set[tuple]:
    ds = Dataset()
    ds.parse(data=data, format=parser)
    out = set()
    for s, p, o, g in ds.quads((None, None, None, None)):
        name = "" if g is None or g == ds.default_graph.identifier or not dataset else str(g)
        out.add((_rdflib_term(s), _rdflib_term(p), _rdflib_term(o), name))
    return out


def _triples(qs: set[tuple]) -> set[tuple]:
    return {(s, p, o, "") for s, p, o, _ in qs}


@pytest.mark.parametrize(("fmt", "ox_format", "parser", "dataset"), FORMATS, ids=IDS)
def test_oxigraph_reads_the_same_graph(seed_build, quads, fmt, ox_format, parser, dataset):
    got = {_ox(q) for q in ox.parse(seed_build.to_bytes(fmt), format=ox_format)}
    assert got == (quads if dataset else _triples(quads))


@pytest.mark.parametrize(("fmt", "ox_format", "parser", "dataset"), FORMATS, ids=IDS)
def test_rdflib_reads_the_same_graph(seed_build, quads, fmt, ox_format, parser, dataset):
    # no blank nodes anywhere, so "isomorphic" is equality of the sets of quads
    got = _rdflib(seed_build.to_bytes(fmt), parser, dataset)
    assert got == (quads if dataset else _triples(quads))


@pytest.fixture(scope="module")
def reversed_build():
    """The seeds built again, from the files in reverse order."""
    files = sorted(SEEDS.glob("*.txt"), reverse=True)
    result = build(files, base=BASE, check=False)
    yield result
    result.close()


@pytest.mark.parametrize("fmt", IDS, ids=IDS)
def test_bytes_do_not_depend_on_run_or_input_order(seed_build, reversed_build, fmt):
    assert reversed_build.to_bytes(fmt) == seed_build.to_bytes(fmt)


def test_jsonld_embeds_the_shipped_context(seed_build):
    shipped = json.loads(context_bytes())
    # the context ships with the package and names exactly the graph's prefixes
    assert shipped == {"@context": PREFIXES}
    doc = json.loads(seed_build.to_bytes("jsonld"))
    # embedded, never a URL a reader would fetch
    assert doc["@context"] == shipped["@context"]
    # and used: terms are compact IRIs
    first = doc["@graph"][0]["@graph"][0]
    assert "rdf:type" in first and not any(k.startswith("http://www.w3.org/1999/02/") for k in first)
