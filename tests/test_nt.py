"""The N-Triples encoder writes what Oxigraph's serializer writes, byte for byte.

N-Quads chunks are written by ct2rdf.rdf.nt directly (see ct2rdf.work); the
promise that every output goes through Oxigraph holds because Oxigraph would
write the very same bytes.  Literals are where encoders differ.
"""

from __future__ import annotations

import datetime as dt

import pyoxigraph as ox
import pytest

from ct2rdf.rdf import nt

S, P = "https://w3id.org/ct2rdf/id/S/RES/1(1946)", "https://w3id.org/ct2rdf/ontology#x"

LITERALS = [
    # plain Chinese text
    nt.text("安全理事会"),
    # a language tag
    nt.text("安全理事会", "zh"),
    # quotes and backslashes
    nt.text('他说"是"\\不是'),
    # line breaks of every kind the sources have
    nt.text("一\n二\r\n三\r四"),
    # a tab, a form feed, other control characters and a DEL
    nt.text("a\tb\fc\x01d\x1fe\x7f"),
    # characters outside the BMP, a BOM-like and a bidi mark
    nt.text("𠀀𝄞\ufeff\u202e"),
    # datatypes
    nt.date(dt.date(2013, 12, 17)),
    nt.date_time(dt.datetime(2014, 9, 24, 10, 0)),
    nt.integer(7086),
    nt.boolean(True),
    nt.duration("P180D"),
    # an IRI object
    nt.iri("https://undocs.org/zh/S/PV.7086"),
]


@pytest.mark.parametrize("literal", LITERALS, ids=[
    "plain", "lang", "quotes", "breaks", "controls", "astral", "date", "datetime", "integer", "boolean",
    "duration", "iri"])
def test_encoder_matches_oxigraph(literal):
    ours = nt.lines([(S, P, literal)], graph="https://w3id.org/ct2rdf/id/S/RES/1(1946)").encode()
    theirs = ox.serialize(ox.parse(ours, format=ox.RdfFormat.N_QUADS), format=ox.RdfFormat.N_QUADS)
    assert ours == theirs


def test_seed_chunks_match_oxigraph(seed_build):
    from pathlib import Path

    for _, chunks in seed_build.assembly.docs:
        ours = Path(chunks["nq"]).read_bytes()
        theirs = ox.serialize(ox.parse(ours, format=ox.RdfFormat.N_QUADS), format=ox.RdfFormat.N_QUADS)
        assert ours == theirs


def test_ordered_puts_types_first_and_drops_duplicates():
    triples = [("b", "http://x/p", '"1"'), ("b", nt.RDF_TYPE, "<c>"), ("a", "http://a", '"2"'),
               ("b", "http://x/p", '"1"')]
    assert nt.ordered(triples) == [("a", "http://a", '"2"'), ("b", nt.RDF_TYPE, "<c>"),
                                   ("b", "http://x/p", '"1"')]
