"""The v2 layout of the graph: work, expression and input file, and where provenance points.

Each input document is a work (``ct:Document``) realized by its Chinese text
(``eli:LegalExpression`` at ``…/zh``), embodied by the input file
(``eli:Format`` at ``…/zh/txt``), whose characters every offset counts.
"""

from __future__ import annotations

import hashlib

import pytest
from rdflib import URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS

from conftest import BASE, SEEDS, seed
from ct2rdf.rdf.namespace import CT, ELI, OA

ZHO = URIRef("http://publications.europa.eu/resource/authority/language/ZHO")
TEXT_PLAIN = URIRef("http://www.iana.org/assignments/media-types/text/plain")

# (seed file, document IRI path): the catalog and the texts' own headers give the symbols
DOCUMENTS = [
    ("000", "S/PRST/2021/1"),  # symbol from the catalog
    ("001", "S/PRST/2012/17"),  # symbol from the catalog
    ("002", "doc/letter-2020-12-30"),  # a letter without a symbol: minted from type and date
    ("003", "S/RES/2129(2013)"),  # the masthead's symbol
    ("004", "S/RES/1963(2010)"),  # the masthead's symbol
]


@pytest.mark.parametrize("prefix,path", DOCUMENTS, ids=[p for _, p in DOCUMENTS])
def test_work_expression_file(seed_build, prefix, path):
    g = seed_build.graph
    doc, expr, fmt = URIRef(BASE + path), URIRef(BASE + path + "/zh"), URIRef(BASE + path + "/zh/txt")
    name = seed(prefix)
    assert (expr, RDF.type, ELI.LegalExpression) in g
    assert (expr, ELI.realizes, doc) in g
    assert (expr, ELI.language, ZHO) in g
    assert (expr, DCTERMS.language, None) in g
    assert (fmt, RDF.type, ELI.Format) in g
    assert (fmt, ELI.embodies, expr) in g
    assert (fmt, ELI.format, TEXT_PLAIN) in g
    assert str(g.value(fmt, CT.sourceFile)) == name
    assert str(g.value(fmt, CT.sha256)) == hashlib.sha256((SEEDS / name).read_bytes()).hexdigest()
    assert str(g.value(fmt, CT.encoding)) == "utf-8"
    # the file's properties live on the file only
    assert g.value(expr, CT.sourceFile) is None and g.value(expr, CT.sha256) is None


# (document IRI path, its eli:title): the title line of the text, where it has one
TITLES = [
    ("S/RES/2129(2013)", "第2129(2013)号决议"),
    ("S/RES/1963(2010)", "第1963(2010)号决议"),
]


@pytest.mark.parametrize("path,title", TITLES, ids=[p for p, _ in TITLES])
def test_expression_title(seed_build, path, title):
    assert str(seed_build.graph.value(URIRef(BASE + path + "/zh"), ELI.title)) == title


def test_every_passage_comes_from_an_input_file(seed_build):
    g = seed_build.graph
    sources = set(g.objects(None, OA.hasSource))
    assert sources and all((s, RDF.type, ELI.Format) in g for s in sources)


# (document, meeting number, date): the adopting meeting as the header line prints it
MEETINGS = [
    ("S/RES/2129(2013)", 7086, "2013-12-17"),  # 安全理事会 2013 年 12 月 17 日第 7086 次会议通过
    ("S/RES/1963(2010)", 6459, "2010-12-20"),  # 2010 年 12 月 20 日安全理事会第 6459 次会议通过
    ("S/PRST/2012/17", 6765, "2012-05-04"),  # 在 2012 年 5 月 4 日安全理事会第 6765 次会议上
]


@pytest.mark.parametrize("path,number,date", MEETINGS, ids=[p for p, _, _ in MEETINGS])
def test_council_meeting_is_an_event_with_its_record(seed_build, path, number, date):
    g = seed_build.graph
    mt = URIRef(f"{BASE}meeting/SC/{number}")
    assert (URIRef(BASE + path), CT.adoptedAt, mt) in g
    assert (mt, RDF.type, CT.Meeting) in g
    assert int(g.value(mt, CT.meetingNumber)) == number
    assert str(g.value(mt, DCTERMS.date)) == date
    assert (mt, RDFS.seeAlso, URIRef(f"https://undocs.org/zh/S/PV.{number}")) in g
    assert {lit.language for lit in g.objects(mt, RDFS.label)} == {"zh", "en"}
