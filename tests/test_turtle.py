"""The Turtle writer writes what Oxigraph's Turtle serializer writes, byte for byte.

Documents' Turtle chunks are written by ct2rdf.rdf.turtle (see ct2rdf.work);
the reference is Oxigraph fed the same triples as N-Triples, with the same
prefixes, its prefix lines stripped (what the chunks were before).  Checked on
every document the project has (seeds, tests/corpus, tests/real, generated
corpora), on hand-picked terms where Turtle writers differ, and on generated
literals and IRIs.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from conftest import BASE, ROOT, SEEDS
from ct2rdf.pipeline import process, read_catalog
from ct2rdf.rdf import nt
from ct2rdf.rdf.graph import document_triples
from ct2rdf.rdf.namespace import PREFIXES
from ct2rdf.rdf.turtle import local_name, turtle
from ct2rdf.rdf.write import strip_prefixes
from ct2rdf.work import minted_path

sys.path.insert(0, str(ROOT / "bench"))
import corpus

XSD = "http://www.w3.org/2001/XMLSchema#"
EX = {"ex": "http://example.org/", "exl": "http://example.org/p/", "xsd": XSD, "ct": PREFIXES["ct"]}


def oxigraph(triples, prefixes=PREFIXES) -> str:
    """The reference: Oxigraph's Turtle of ``triples`` without its prefix lines."""
    text = nt.lines(triples).encode()
    out = ox.serialize(ox.parse(text, format=ox.RdfFormat.N_TRIPLES), format=ox.RdfFormat.TURTLE,
                       prefixes=prefixes)
    return strip_prefixes(out).decode()


def documents(folder: Path):
    """(file name, the document's triples) of every text in ``folder`` that builds."""
    catalog = read_catalog(folder / "catalog.csv") if (folder / "catalog.csv").is_file() else {}
    for f in sorted(folder.glob("*.txt")):
        r = process(f.name, f.read_bytes(), catalog.get(f.name))
        if r.error is None:
            doc = r.doc
            path = doc.symbol.path if doc.symbol else minted_path(doc.structure.header.doc_type, doc.date)
            yield f.name, document_triples(doc, r.facts, path, BASE)


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """Two generated corpora (bench/corpus.py): every template, layout, script and encoding."""
    folders = []
    for seed, n in ((0, 40), (3, 20)):
        folder = tmp_path_factory.mktemp(f"corpus{seed}")
        corpus.write(n, folder, seed)
        folders.append(folder)
    return folders


@pytest.mark.parametrize("folder", [
    # the seeds: out/ct.ttl is made of their chunks
    SEEDS,
    # the test corpus: PDF layouts, web copies, Traditional script, GB18030
    ROOT / "tests" / "corpus",
    # real pages as saved from the web, with their furniture
    ROOT / "tests" / "real",
], ids=["seeds", "corpus", "real"])
def test_documents_match_oxigraph(folder):
    made = 0
    for name, g in documents(folder):
        assert turtle(g.own) == oxigraph(g.own), name
        made += 1
    assert made


def test_generated_corpora_match_oxigraph(generated):
    for folder in generated:
        for name, g in documents(folder):
            assert turtle(g.own) == oxigraph(g.own), name


def test_merged_is_ordered_on_documents(generated):
    # the N-Quads chunk merges own and shared triples by subject instead of re-sorting
    for name, g in documents(generated[1]):
        assert nt.merged(g.own, g.shared) == nt.ordered(g.own + g.shared), name


S = "http://example.org/s"
P = "http://example.org/p"

# (id, object term, expected Turtle), each under the EX prefixes
TERMS = [
    # a plain literal and its escapes, as in N-Triples
    ("plain", nt.text('他说"是"\\不是\n\t\r'), nt.text('他说"是"\\不是\n\t\r')),
    # language tags are written in lower case
    ("lang-case", '"x"@EN-Us', '"x"@en-us'),
    # xsd:string is the plain literal
    ("xsd-string", nt.typed("x", f"{XSD}string"), '"x"'),
    # Turtle's own number and boolean tokens, bare; a sign is kept
    ("integer", nt.integer(7086), "7086"),
    ("integer-signed", nt.typed("+01", f"{XSD}integer"), "+01"),
    ("decimal", nt.typed("-1.50", f"{XSD}decimal"), "-1.50"),
    ("double", nt.typed("1.5E-3", f"{XSD}double"), "1.5E-3"),
    ("boolean", nt.boolean(False), "false"),
    # values that are not those tokens keep their quotes and datatype
    ("decimal-no-dot", nt.typed("1", f"{XSD}decimal"), '"1"^^xsd:decimal'),
    ("double-no-exponent", nt.typed("1.5", f"{XSD}double"), '"1.5"^^xsd:double'),
    ("boolean-one", nt.typed("1", f"{XSD}boolean"), '"1"^^xsd:boolean'),
    ("integer-fullwidth", nt.typed("７", f"{XSD}integer"), '"７"^^xsd:integer'),
    # other datatypes are compacted like IRIs, or written whole
    ("date", nt.typed("2013-12-17", f"{XSD}date"), '"2013-12-17"^^xsd:date'),
    ("datatype-unprefixed", nt.typed("a", "http://other.org/dt"), '"a"^^<http://other.org/dt>'),
    # the longer of two nested namespaces wins
    ("nested-namespace", nt.iri("http://example.org/p/o"), "exl:o"),
    # an empty local name
    ("namespace-itself", nt.iri("http://example.org/"), "ex:"),
    # punctuation Turtle allows escaped: a final dot, parentheses, percent, tilde
    ("final-dot", nt.iri("http://example.org/p/o."), "exl:o\\."),
    ("escapes", nt.iri("http://example.org/a(b)~c%20d"), "ex:a\\(b\\)\\~c\\%20d"),
    # a leading hyphen is escaped, a leading digit, underscore or colon is not
    ("leading-hyphen", nt.iri("http://example.org/-a.b"), "ex:\\-a.b"),
    ("leading-digit", nt.iri("http://example.org/1a"), "ex:1a"),
    ("leading-underscore-colon", nt.iri("http://example.org/_a:b"), "ex:_a:b"),
    # non-ASCII name characters, combining marks and U+00B7
    ("unicode-local", nt.iri("http://example.org/aéb·\u0301"), "ex:aéb·\u0301"),
    # a local name that cannot be written (a U+00D7 inside): the whole IRI
    ("unwritable", nt.iri("http://example.org/a×b"), "<http://example.org/a×b>"),
    # not under any namespace
    ("no-namespace", nt.iri("https://w3id.org/ct2rdf/id/S/RES/1(1946)"),
     "<https://w3id.org/ct2rdf/id/S/RES/1(1946)>"),
    # a blank node
    ("blank", "_:b1", "_:b1"),
]


@pytest.mark.parametrize(("term", "expected"), [r[1:] for r in TERMS], ids=[r[0] for r in TERMS])
def test_terms(term, expected):
    ours = turtle([(S, P, term)], EX)
    assert ours == f"ex:s ex:p {expected} .\n"
    assert ours == oxigraph([(S, P, term)], EX)


# (id, triples, expected): how subjects and predicates group
GROUPING = [
    # one subject, one predicate: objects after " , "
    ("objects", [(S, P, '"a"'), (S, P, '"b"')], 'ex:s ex:p "a" , "b" .\n'),
    # one subject, rdf:type first as "a", then other predicates after " ;\n\t"
    ("predicates", [(S, nt.RDF_TYPE, "<http://example.org/C>"), (S, P, '"a"')],
     'ex:s a ex:C ;\n\tex:p "a" .\n'),
    # a new subject closes the last with " .\n"
    ("subjects", [(S, P, '"a"'), ("http://other.org/s", P, '"b"')],
     'ex:s ex:p "a" .\n<http://other.org/s> ex:p "b" .\n'),
    # nothing: nothing at all
    ("empty", [], ""),
]


@pytest.mark.parametrize(("triples", "expected"), [r[1:] for r in GROUPING], ids=[r[0] for r in GROUPING])
def test_grouping(triples, expected):
    assert turtle(triples, EX) == expected == oxigraph(triples, EX)


# *** generated terms ***

# IRI characters, one piece at a time: name characters, the punctuation Turtle
# escapes in local names, percent escapes, and non-ASCII letters and marks
_PIECES = st.sampled_from([
    "a", "Z", "0", "9", "_", "-", ".", "~", "!", "$", "&", "'", "(", ")", "*", "+", ",", ";", "=", ":",
    "@", "/", "?", "%20", "%e4", "é", "中", "·", "\u0301", "\u203f", "×", "\u00bf", "\U00010000",
])
_LOCAL = st.lists(_PIECES, max_size=8).map("".join)
_NAMESPACES = st.sampled_from([*EX.values(), "http://example.org/p", "http://other.org/"])
_IRIS = st.builds(lambda ns, local: ns + local, _NAMESPACES, _LOCAL)
_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
_TAGS = st.from_regex(r"[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8}){0,2}", fullmatch=True)
_DATATYPES = st.one_of(
    st.sampled_from([f"{XSD}{n}" for n in ("integer", "decimal", "double", "boolean", "string", "date")]),
    _IRIS,
)
_LEXICAL = st.one_of(_TEXT, st.from_regex(r"[+-]?[0-9]{0,3}(\.[0-9]{0,3})?([eE][+-]?[0-9]{0,2})?",
                                          fullmatch=True), st.sampled_from(["true", "false", "True"]))
_OBJECTS = st.one_of(
    _IRIS.map(nt.iri),
    _TEXT.map(nt.text),
    st.builds(nt.text, _TEXT, _TAGS),
    st.builds(nt.typed, _LEXICAL, _DATATYPES),
    st.sampled_from(["_:b0", "_:b1"]),
)
_PREDICATES = st.one_of(_IRIS, st.just(nt.RDF_TYPE))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_IRIS, _PREDICATES, _OBJECTS), max_size=12))
def test_generated_triples_match_oxigraph(triples):
    # subjects and predicates are IRIs in ct2rdf's triples (ct2rdf.rdf.nt)
    try:
        expected = oxigraph(nt.ordered(triples), EX)
    except SyntaxError:  # an IRI or language tag Oxigraph refuses: not a graph
        assume(False)
    assert turtle(nt.ordered(triples), EX) == expected


@settings(max_examples=150, deadline=None)
@given(_LOCAL)
def test_local_names_read_back(local):
    # a local name we write reads back as the IRI it abbreviates
    name = local_name(local)
    assume(name is not None)
    text = f"@prefix ex: <http://example.org/> .\nex:s ex:p ex:{name} .\n"
    try:
        iri = ox.parse(text.encode(), format=ox.RdfFormat.TURTLE).__next__().object.value
    except SyntaxError:
        assume(False)  # the IRI itself is invalid (Oxigraph refuses it in N-Triples too)
    assert iri == "http://example.org/" + local
