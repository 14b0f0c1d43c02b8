"""Every selector quotes exactly the characters it points at, and only its passage.

For each passage (an oa:SpecificResource with a position and a quote
selector), in the seed graph and in a graph of tests/corpus/:

* ``oa:exact`` is ``source[start:end]`` of the file as decoded, unchanged
  (line breaks, page furniture, Traditional characters and all), as the W3C
  Web Annotation model defines the quote selector;
* ``oa:prefix`` / ``oa:suffix`` are the (up to) 32 source characters around it;
* ``ct:normalizedText`` is the cleaned passage: its characters, in order, come
  from the folded quote, and it starts and ends where the quote does;
* no passage holds a footnote block or a URL line, unless it quotes that URL.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import PROV, RDF

from conftest import BASE, ROOT, SEEDS
from ct2rdf.build import build
from ct2rdf.patterns import FOOTNOTE_RULE_RE, URL_LINE_RE
from ct2rdf.rdf.namespace import CT, OA
from ct2rdf.text.decode import decode
from ct2rdf.text.normalize import fold

CORPUS = ROOT / "tests" / "corpus"


@pytest.fixture(scope="module")
def graphs(seed_build) -> dict[str, tuple[Graph, Path]]:
    return {"seeds": (seed_build.graph, SEEDS), "corpus": (build([CORPUS], base=BASE).graph, CORPUS)}


def passages(g: Graph, root: Path) -> list[dict]:
    """Every passage with its source text (decoded here, from the file itself) and selectors."""
    sources = {}
    for f in g.subjects(CT.sourceFile, None):
        sources[f] = decode((root / str(g.value(f, CT.sourceFile))).read_bytes())[0]
    out = []
    for sr in g.subjects(RDF.type, OA.SpecificResource):
        row = {"sr": str(sr), "source": sources[g.value(sr, OA.hasSource)],
               "normalized": str(g.value(sr, CT.normalizedText))}
        for sel in g.objects(sr, OA.hasSelector):
            if (sel, RDF.type, OA.TextPositionSelector) in g:
                row["start"], row["end"] = int(g.value(sel, OA.start)), int(g.value(sel, OA.end))
            else:
                for key, prop in (("exact", OA.exact), ("prefix", OA.prefix), ("suffix", OA.suffix)):
                    value = g.value(sel, prop)
                    row[key] = "" if value is None else str(value)
        out.append(row)
    return out


def in_order(needle: str, hay: str) -> bool:
    it = iter(hay)
    return all(c in it for c in needle)


@pytest.mark.parametrize("name", ["seeds", "corpus"])
def test_there_are_many_passages(graphs, name):
    assert len(passages(*graphs[name])) > 300


@pytest.mark.parametrize("name", ["seeds", "corpus"])
def test_exact_is_the_source_slice(graphs, name):
    bad = [
        f"{p['sr']}: exact={p['exact'][:40]!r} source={p['source'][p['start']:p['end']][:40]!r}"
        for p in passages(*graphs[name])
        if p["exact"] != p["source"][p["start"] : p["end"]]
    ]
    assert not bad, "\n".join(bad[:20])


@pytest.mark.parametrize("name", ["seeds", "corpus"])
def test_prefix_and_suffix_are_the_32_characters_around(graphs, name):
    bad = []
    for p in passages(*graphs[name]):
        source, start, end = p["source"], p["start"], p["end"]
        if p["prefix"] != source[max(0, start - 32) : start] or p["suffix"] != source[end : end + 32]:
            bad.append(p["sr"])
    assert not bad, bad[:20]


@pytest.mark.parametrize("name", ["seeds", "corpus"])
def test_normalized_text_is_the_cleaned_quote(graphs, name):
    bad = []
    for p in passages(*graphs[name]):
        folded = "".join(fold(p["exact"])[0].split())
        norm = "".join(p["normalized"].split())
        if not (norm and norm[0] == folded[0] and norm[-1] == folded[-1] and in_order(norm, folded)):
            bad.append(f"{p['sr']}: normalized={norm[:40]!r} folded quote={folded[:40]!r}")
    assert not bad, "\n".join(bad[:20])


@pytest.mark.parametrize("name", ["seeds", "corpus"])
def test_no_passage_holds_footnotes_or_url_lines(graphs, name):
    bad = []
    for p in passages(*graphs[name]):
        lines = p["exact"].splitlines()
        if len(lines) > 1 and any(URL_LINE_RE.match(x) or FOOTNOTE_RULE_RE.match(x) for x in lines):
            bad.append(f"{p['sr']}: {p['exact'][:80]!r}")
    assert not bad, "\n".join(bad[:20])


# (file, paragraph, what each of its passages starts and ends with) — paragraphs that
# a PDF page break interrupts with the page's footnotes and URL lines; read off the files
INTERRUPTED = [
    # seed 002, the concept note's paragraph 4: 24 footnote and URL lines after 的袭击；
    ("seeds", "doc/letter-2020-12-30/annex/1/p/4",
     [("4. 2001 年以来", "脆弱目标的袭击；"), ("滥用新的信息", "恐怖主义冒头。")]),
    # the 2018 addendum: the break falls inside the word 旅客 (预报旅 / … / 客资料)
    ("corpus", "S/2018/1177/annex/1/p/3", [("3. 会员国应依照", "提供预报旅"), ("客资料", "数据的能力。")]),
    # the 2021 survey, a one-paragraph-per-line PDF: the break falls inside 资金流动
    ("corpus", "S/2021/972/p/4", [("4. 反恐执行局注意到", "识别和调查资金"), ("流动方面", "存在缺口。")]),
]


@pytest.mark.parametrize("name,path,expected", INTERRUPTED, ids=[p for _, p, _ in INTERRUPTED])
def test_interrupted_paragraph_has_one_passage_per_piece(graphs, name, path, expected):
    g, _ = graphs[name]
    quotes = []
    for sr in g.objects(URIRef(BASE + path), PROV.wasDerivedFrom):
        for sel in g.objects(sr, OA.hasSelector):
            if g.value(sel, OA.exact) is not None:
                quotes.append((int(str(sr).rsplit("/", 1)[1].split("-")[0]), str(g.value(sel, OA.exact))))
    quotes = [q for _, q in sorted(quotes)]
    assert len(quotes) == len(expected)
    for quote, (head, tail) in zip(quotes, expected, strict=True):
        assert quote.startswith(head) and quote.endswith(tail), quote


def test_every_extracted_node_has_provenance(seed_build):
    g = seed_build.graph
    for cls in (CT.Paragraph, CT.Mandate, CT.Directive, CT.ReportingDuty, CT.Meeting):
        for node in g.subjects(RDF.type, cls):
            assert g.value(node, PROV.wasDerivedFrom) is not None, node
    for ann in g.subjects(RDF.type, OA.Annotation):
        assert g.value(ann, OA.hasTarget) is not None, ann



# (document, paragraph, the start of its oa:exact, the start of its ct:normalizedText): a
# Traditional-script web copy is quoted as printed and normalized to Simplified
SCRIPTS = [
    # S/PRST/2016/6: 「安全理事會重申 … as printed; “安全理事会重申 … when cleaned
    ("S/PRST/2016/6/p/1", "「安全理事會重申，一切形式", "“安全理事会重申,一切形式"),
]


@pytest.mark.parametrize("path,exact,normalized", SCRIPTS, ids=[p for p, _, _ in SCRIPTS])
def test_exact_keeps_the_script_normalized_text_folds_it(graphs, path, exact, normalized):
    g, _ = graphs["corpus"]
    [sr] = g.objects(URIRef(BASE + path), PROV.wasDerivedFrom)
    quote = next(g.value(sel, OA.exact) for sel in g.objects(sr, OA.hasSelector) if g.value(sel, OA.exact))
    assert str(quote).startswith(exact)
    assert str(g.value(sr, CT.normalizedText)).startswith(normalized)
