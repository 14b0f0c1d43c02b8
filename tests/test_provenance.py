"""Every selector in the seed graph points at the characters it quotes.

For each passage (an oa:SpecificResource with a position and a quote
selector): the decoded source file sliced at start:end, folded as ct2rdf
folds text (NFKC per character, Traditional → Simplified) and with all
whitespace removed, starts with the quote's first character, ends with its
last, and holds all the quote's characters in order.  The slice may hold more
(a URL run or a footnote marker that normalization dropped).
"""

from __future__ import annotations

import pytest
from rdflib import Graph
from rdflib.namespace import RDF

from conftest import SEEDS
from ct2rdf.decode import decode
from ct2rdf.namespace import CT, OA
from ct2rdf.normalize import fold


@pytest.fixture(scope="module")
def passages(seed_build):
    g: Graph = seed_build.graph
    sources = {}
    for expr in g.subjects(CT.sourceFile, None):
        text, _ = decode((SEEDS / str(g.value(expr, CT.sourceFile))).read_bytes())
        sources[expr] = fold(text)[0]
    out = []
    for sr in g.subjects(RDF.type, OA.SpecificResource):
        pos = quote = None
        for sel in g.objects(sr, OA.hasSelector):
            if (sel, RDF.type, OA.TextPositionSelector) in g:
                pos = (int(g.value(sel, OA.start)), int(g.value(sel, OA.end)))
            else:
                quote = str(g.value(sel, OA.exact))
        out.append((str(sr), sources[g.value(sr, OA.hasSource)], pos, quote))
    return out


def in_order(needle: str, hay: str) -> bool:
    it = iter(hay)
    return all(c in it for c in needle)


def test_there_are_many_passages(passages):
    assert len(passages) > 500


def test_every_selector_points_at_its_quote(passages):
    bad = []
    for sr, source, (start, end), quote in passages:
        piece = "".join(source[start:end].split())
        q = "".join(quote.split())
        if not (piece[:1] == q[:1] and piece[-1:] == q[-1:] and in_order(q, piece)):
            bad.append(f"{sr}: source[{start}:{end}]={piece[:40]!r} quote={q[:40]!r}")
    assert not bad, "\n".join(bad[:20])


def test_every_extracted_node_has_provenance(seed_build):
    g = seed_build.graph
    from rdflib.namespace import PROV

    for cls in (CT.Paragraph, CT.Mandate, CT.Directive, CT.ReportingDuty, CT.Meeting):
        for node in g.subjects(RDF.type, cls):
            assert g.value(node, PROV.wasDerivedFrom) is not None, node
    for ann in g.subjects(RDF.type, OA.Annotation):
        assert g.value(ann, OA.hasTarget) is not None, ann
