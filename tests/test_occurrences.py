"""Every occurrence (an oa:Annotation of a mention or a citation) names its paragraph.

ct:inParagraph links the occurrence to the paragraph it is in; the
paragraph-level ct:mentions and cito:cites summarize exactly those links.
Occurrences outside every paragraph (the header: 安全理事会主席在…第6765次会议上,
a letter's heading) have no paragraph, and their passage lies in no paragraph's.
"""

from __future__ import annotations

import pytest
from rdflib.namespace import PROV, RDF

from conftest import BASE, ROOT
from ct2rdf.build import build
from ct2rdf.rdf.namespace import CITO, CT, OA


@pytest.fixture(scope="module")
def graphs(seed_build):
    return {"seeds": seed_build.graph, "corpus": build([ROOT / "tests" / "corpus"], base=BASE).graph}


def span(g, sr) -> tuple[int, int]:
    for sel in g.objects(sr, OA.hasSelector):
        if (sel, RDF.type, OA.TextPositionSelector) in g:
            return int(g.value(sel, OA.start)), int(g.value(sel, OA.end))
    raise AssertionError(f"{sr} has no position")


# (motivation, the paragraph property that summarizes it)
KINDS = [(OA.identifying, CT.mentions), (OA.linking, CITO.cites)]


@pytest.mark.parametrize("name", ["seeds", "corpus"])
@pytest.mark.parametrize("motivation,summary", KINDS, ids=["mentions", "citations"])
def test_paragraph_summaries_are_the_occurrences(graphs, name, motivation, summary):
    g = graphs[name]
    occurrences = {
        (g.value(a, CT.inParagraph), g.value(a, OA.hasBody))
        for a in g.subjects(OA.motivatedBy, motivation) if g.value(a, CT.inParagraph) is not None
    }
    assert occurrences
    assert occurrences == set(g.subject_objects(summary))


@pytest.mark.parametrize("name", ["seeds", "corpus"])
def test_occurrences_without_paragraph_lie_outside_every_paragraph(graphs, name):
    g = graphs[name]
    paragraphs = {}  # source file → passages of its paragraphs
    for p in g.subjects(RDF.type, CT.Paragraph):
        for sr in g.objects(p, PROV.wasDerivedFrom):
            paragraphs.setdefault(g.value(sr, OA.hasSource), []).append(span(g, sr))
    bad = []
    for a in g.subjects(RDF.type, OA.Annotation):
        if g.value(a, CT.inParagraph) is not None:
            continue
        for sr in g.objects(a, OA.hasTarget):
            start, end = span(g, sr)
            if any(s <= start and end <= e for s, e in paragraphs.get(g.value(sr, OA.hasSource), ())):
                bad.append(str(a))
    assert not bad, bad[:10]


def test_most_occurrences_are_in_paragraphs(seed_build):
    g = seed_build.graph
    anns = set(g.subjects(RDF.type, OA.Annotation))
    assert len([a for a in anns if g.value(a, CT.inParagraph) is not None]) > 0.9 * len(anns)
