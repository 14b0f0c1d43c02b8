"""Labels in zh and en, as the graph contract's examples and UN usage write them."""

from __future__ import annotations

import datetime as dt

import pytest
from rdflib import URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS

from conftest import BASE, ROOT
from ct2rdf.build import build
from ct2rdf.model import ParaRef
from ct2rdf.rdf.labels import citation_names, document_labels, ordinal, paragraph_labels
from ct2rdf.rdf.namespace import CT
from ct2rdf.symbols import Symbol

D = dt.date(2020, 12, 30)

# (symbol, type, date, zh, en)
DOCUMENTS = [
    # the contract's example of a resolution
    ("S/RES/2129 (2013)", "resolution", None, "安全理事会第2129(2013)号决议",
     "Security Council resolution 2129 (2013)"),
    # the contract's example of a presidential statement
    ("S/PRST/2012/17", "prst", None, "安全理事会主席声明 S/PRST/2012/17",
     "Statement by the President of the Security Council S/PRST/2012/17"),
    # a General Assembly resolution, numbered by session
    ("A/RES/60/288", "resolution", None, "大会第60/288号决议", "General Assembly resolution 60/288"),
    # one of the first thirty sessions
    ("A/RES/2625(XXV)", "resolution", None, "大会第2625(XXV)号决议", "General Assembly resolution 2625(XXV)"),
    # a cited report: no type beyond its symbol
    ("S/2015/939", "document", None, "联合国文件 S/2015/939", "United Nations document S/2015/939"),
    # a letter with its symbol
    ("S/2018/1177", "letter", None, "信函 S/2018/1177", "Letter S/2018/1177"),
    # a letter without a symbol: its type and date
    (None, "letter", D, "2020年12月30日信函", "Letter dated 30 December 2020"),
    # a statement without a symbol
    (None, "prst", dt.date(2021, 1, 12), "2021年1月12日安全理事会主席声明",
     "Statement by the President of the Security Council of 12 January 2021"),
    # nothing but a type
    (None, "other", None, "文件（日期不详）", "Document (undated)"),
]


@pytest.mark.parametrize("symbol,kind,date,zh,en", DOCUMENTS, ids=[r[3] for r in DOCUMENTS])
def test_document_labels(symbol, kind, date, zh, en):
    assert document_labels(Symbol(symbol) if symbol else None, kind, date) == (zh, en)


# (symbol, paragraph, zh, en)
PARAGRAPHS = [
    # the contract's example
    ("S/RES/2129 (2013)", ParaRef("", "op", 2), "第2129(2013)号决议 执行部分第2段",
     "S/RES/2129 (2013), operative paragraph 2"),
    # a preambular paragraph
    ("S/RES/1963 (2010)", ParaRef("", "pp", 3), "第1963(2010)号决议 序言部分第3段",
     "S/RES/1963 (2010), preambular paragraph 3"),
    # a statement's unnumbered paragraph
    ("S/PRST/2012/17", ParaRef("", "p", 25), "S/PRST/2012/17 第25段", "S/PRST/2012/17, paragraph 25"),
    # an annex paragraph of a letter without a symbol
    (None, ParaRef("annex/1", "p", 4), "2020年12月30日信函 附件1 第4段",
     "Letter dated 30 December 2020, annex 1, paragraph 4"),
]


@pytest.mark.parametrize("symbol,ref,zh,en", PARAGRAPHS, ids=[r[2] for r in PARAGRAPHS])
def test_paragraph_labels(symbol, ref, zh, en):
    s = Symbol(symbol) if symbol else None
    names = citation_names(s, document_labels(s, "letter", D))
    assert paragraph_labels(names, ref) == (zh, en)


@pytest.fixture(scope="module")
def graphs(seed_build):
    return {"seeds": seed_build.graph, "corpus": build([ROOT / "tests" / "corpus"], base=BASE).graph}


@pytest.mark.parametrize("name", ["seeds", "corpus"])
def test_every_document_and_paragraph_has_one_zh_and_one_en_label(graphs, name):
    g = graphs[name]
    for cls in (CT.Document, CT.Paragraph):
        nodes = set(g.subjects(RDF.type, cls))
        assert nodes
        for node in nodes:
            assert sorted(lit.language for lit in g.objects(node, RDFS.label)) == ["en", "zh"], node


def test_every_document_with_a_symbol_links_to_undocs(seed_build):
    g = seed_build.graph
    with_symbol = set(g.subjects(DCTERMS.identifier, None))
    assert len(with_symbol) > 20  # four seeds and the documents they cite
    for node in with_symbol:
        symbol = str(g.value(node, DCTERMS.identifier)).replace(" ", "")
        assert str(node) == BASE + symbol
        assert (node, RDFS.seeAlso, URIRef("https://undocs.org/zh/" + symbol)) in g, node


# (number, its English ordinal)
ORDINALS = [
    (7086, "7086th"),  # the meeting that adopted S/RES/2129 (2013)
    (4241, "4241st"),  # one
    (4242, "4242nd"),  # two
    (6903, "6903rd"),  # three
    (6912, "6912th"),  # twelve, not two
    (5013, "5013th"),  # thirteen in the thousands
    (6511, "6511th"),  # eleven, not one
    (6513, "6513th"),  # thirteen, not three
]


@pytest.mark.parametrize("number,text", ORDINALS, ids=[t for _, t in ORDINALS])
def test_ordinal(number, text):
    assert ordinal(number) == text
