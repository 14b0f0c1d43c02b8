"""Validation results name the source file and characters behind their focus node.

The passage's oa:hasSource is the expression in contract v1 and an eli:Format
that eli:embodies the expression in v2: the lookup reads both.
"""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef

from ct2rdf.rdf.locate import Location, TripleIndex, cited_in, locate

ID = "https://w3id.org/ct2rdf/id/"
PREFIXES = """@base <https://w3id.org/ct2rdf/id/> .
@prefix ct: <https://w3id.org/ct2rdf/ontology#> .
@prefix eli: <http://data.europa.eu/eli/ontology#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
"""
# What both layouts share: a resolution, an operative paragraph with a
# mandate, an annex paragraph, a citation annotation, a body.  SOURCE is the
# node the passages point at.
SHARED = """
<R> a ct:Document , ct:Resolution ; dcterms:references <S/RES/1373(2001)> .
<R/op/2> a ct:Paragraph ; eli:is_part_of <R> ; prov:wasDerivedFrom <SOURCE/span/100-180> .
<R/op/2/mandate/CTED> a ct:Mandate ; ct:conferredBy <R/op/2> ; prov:wasDerivedFrom <SOURCE/span/104-150> .
<R/op/3> a ct:Paragraph ; eli:is_part_of <R> .
<R/annex/1> a ct:Document , ct:Annex ; dcterms:isPartOf <R> .
<R/annex/1/p/1> a ct:Paragraph ; eli:is_part_of <R/annex/1> .
<S/RES/1373(2001)> a ct:Document , ct:Resolution ; dcterms:identifier "S/RES/1373 (2001)" .
<org/CTC> a ct:Body .
<SOURCE/cite/40-54> a oa:Annotation ; oa:hasBody <S/RES/1373(2001)> ; oa:hasTarget <SOURCE/span/40-54> .
<SOURCE/span/100-180> a oa:SpecificResource ; oa:hasSource <SOURCE> ; oa:hasSelector <SOURCE/pos/100-180> .
<SOURCE/pos/100-180> a oa:TextPositionSelector ; oa:start 100 ; oa:end 180 .
<SOURCE/span/104-150> a oa:SpecificResource ; oa:hasSource <SOURCE> ; oa:hasSelector <SOURCE/pos/104-150> .
<SOURCE/pos/104-150> a oa:TextPositionSelector ; oa:start 104 ; oa:end 150 .
<SOURCE/span/40-54> a oa:SpecificResource ; oa:hasSource <SOURCE> ; oa:hasSelector <SOURCE/pos/40-54> .
<SOURCE/pos/40-54> a oa:TextPositionSelector ; oa:start 40 ; oa:end 54 .
"""
LAYOUTS = {
    # v1: the expression carries the file and is the passages' source
    "v1": (SHARED.replace("SOURCE", "R/zh") + """
<R/zh> a eli:LegalExpression ; eli:realizes <R> ; ct:sourceFile "res.txt" .
"""),
    # v2: an eli:Format node carries the file, embodies the expression, and is the source
    "v2": (SHARED.replace("SOURCE", "R/zh/txt") + """
<R/zh> a eli:LegalExpression ; eli:realizes <R> .
<R/zh/txt> a eli:Format ; eli:embodies <R/zh> ; ct:sourceFile "res.txt" .
"""),
}

CASES = [
    # a mandate: its own passage
    ("R/op/2/mandate/CTED", Location("res.txt", 104, 150)),
    # a paragraph: its own passage
    ("R/op/2", Location("res.txt", 100, 180)),
    # a paragraph without provenance: its document's file
    ("R/op/3", Location("res.txt")),
    # an annex paragraph: annex → letter → file
    ("R/annex/1/p/1", Location("res.txt")),
    # the document: the file that realizes it
    ("R", Location("res.txt")),
    # the expression
    ("R/zh", Location("res.txt")),
    # a cited document: where it is cited
    ("S/RES/1373(2001)", Location("res.txt", 40, 54)),
    # an annotation: its target
    ("SOURCE/cite/40-54", Location("res.txt", 40, 54)),
    # a selector: its passage
    ("SOURCE/pos/104-150", Location("res.txt", 104, 150)),
    # a body never mentioned: reference data, no file
    ("org/CTC", None),
]


def read(reader: str, text: str):
    """The graph as rdflib parses it, or as a TripleIndex over the text (what a worker holds)."""
    return Graph().parse(data=text, format="turtle") if reader == "rdflib" else TripleIndex(text, "turtle")


READERS = ["rdflib", "index"]


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("layout", sorted(LAYOUTS))
@pytest.mark.parametrize(("node", "expected"), CASES, ids=[c[0] for c in CASES])
def test_locate(layout, node, expected, reader):
    g = read(reader, PREFIXES + LAYOUTS[layout])
    source = "R/zh" if layout == "v1" else "R/zh/txt"
    assert locate(g, URIRef(ID + node.replace("SOURCE", source))) == expected


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_a_bad_citation_is_found_where_the_document_cites_it(layout, reader):
    from rdflib import Literal

    g = read(reader, PREFIXES + LAYOUTS[layout])
    assert cited_in(g, URIRef(ID + "R"), Literal("S/RES/1373 (2001)")) == Location("res.txt", 40, 54)
    assert cited_in(g, URIRef(ID + "R"), Literal("S/RES/9999 (2001)")) is None


def test_location_text():
    assert str(Location("a.txt", 3, 9)) == "a.txt, characters 3-9"
    assert str(Location("a.txt")) == "a.txt"


def test_every_seed_result_names_its_file(seed_build):
    # every Violation or Warning on the seeds points at a file
    assert all(v.file for v in seed_build.report.violations), seed_build.report.violations


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_a_result_on_a_document_points_at_the_citation(layout):
    # S17's focus is the citing document; its result points at the bad citation
    from ct2rdf.rdf.validate import validate

    text = LAYOUTS[layout].replace('"S/RES/1373 (2001)"', '"S/RES/1373 (2010)"')
    g = Graph().parse(data=PREFIXES + text, format="turtle")
    [v] = [v for v in validate(g).violations if v.shape == "S17-Resolution-numberYear"]
    assert (v.file, v.start, v.end, v.value) == ("res.txt", 40, 54, "S/RES/1373 (2010)")
