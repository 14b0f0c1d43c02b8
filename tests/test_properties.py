"""Properties that hold for every input, checked on generated ones (hypothesis).

Tables test what we thought of; these test what nobody wrote down: for
arbitrary Unicode (biased towards CJK, full-width forms, Traditional
characters, numerals, line breaks, page furniture, invisible and bidi
controls: ``tests/strategies.py``) and for mutated real paragraphs,

* the normalizer's offset map sends every normalized character to a source
  character whose folded form it is, in order, inside the source;
* the per-document pipeline (decode → normalize → structure → every
  extractor) never raises, and every span it emits lies inside the
  normalized text and maps back inside the source;
* every date it emits is an ``xsd:date`` between 1945 and 2100;
* the N-Triples encoder writes what Oxigraph writes, and its output parses
  back to the same string in Oxigraph and rdflib.

The draws are derandomized (the same examples every run, no example
database): CI is deterministic.  ``CT2RDF_HYPOTHESIS_EXAMPLES=2000`` runs more.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import sys
import unicodedata
from itertools import pairwise

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from ct2rdf.model import Span
from ct2rdf.pipeline import process
from ct2rdf.rdf import nt
from ct2rdf.text.decode import decode
from ct2rdf.text.normalize import _VARIANTS, _fold_char, _t2s, fold, normalize

sys.path.insert(0, str(ROOT / "bench"))

from strategies import ANY_CHAR, CHAR, documents, resolutions, seed_paragraph, texts

EXAMPLES = int(os.environ.get("CT2RDF_HYPOTHESIS_EXAMPLES", "150"))
PROFILE = settings(derandomize=True, database=None, max_examples=EXAMPLES, deadline=None,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


# *** the offset map ***


def _forms(c: str) -> set[str]:
    """What a source character may become by itself: itself, its NFKC fold, that fold in
    Simplified script or a listed variant (phrase rules are checked against ``fold``)."""
    f = _fold_char(c)
    out = {c, f, _t2s().convert(f)}
    out |= {new[k] for old, new in _VARIANTS for k, ch in enumerate(old) if ch in out}
    return out


def check_offset_map(source: str) -> None:
    n = normalize(source)
    folded, _ = fold(source)  # t2s in context: a phrase rule converts 瞭解 to 了解, 瞭 alone stays
    assert len(n.offsets) == len(n.text)
    assert all(0 <= o < len(source) for o in n.offsets), "an offset outside the source"
    inside = set()
    for b in n.blocks:
        assert 0 <= b.start < b.end <= len(n.text)
        offs = n.offsets[b.start : b.end]
        # strictly increasing inside a block: one source character per normalized one, in order
        assert all(x < y for x, y in pairwise(offs)), f"not monotonic in {b}"
        inside.update(range(b.start, b.end))
        lo, hi = n.source_span(b.start, b.end)
        assert 0 <= lo < hi <= len(source)
        pieces = n.source_pieces(b.start, b.end)
        assert pieces[0][0] == b.start and pieces[-1][1] == b.end
        assert all(0 <= s < e <= len(source) for _, _, s, e in pieces)
    # body blocks follow the source's order (footnote blocks come after them)
    body = [n.offsets[b.start] for b in n.blocks if b.kind == "body"]
    assert body == sorted(body)
    for i, ch in enumerate(n.text):
        if i not in inside:
            assert ch == "\n", "text outside blocks is the separator between two"
            continue
        src = source[n.offsets[i]]
        if ch == " ":  # the one space kept between two ASCII words stands for whitespace
            assert src.isspace() or _fold_char(src) == " " or src in "\u200b\ufeff", repr(src)
        else:
            assert ch in _forms(src) or ch == folded[n.offsets[i]], f"{ch!r} at {i} maps to {src!r}"


@PROFILE
@given(texts())
def test_offset_map_on_arbitrary_text(source):
    check_offset_map(source)


@PROFILE
@given(seed_paragraph())
def test_offset_map_on_mutated_paragraphs(source):
    check_offset_map(source)


# fmt: off
OFFSET_ROWS = [
    # a combining acute after a CJK character: NFKC of the pair would compose, per character it cannot
    "安\u0301全",
    # a ligature NFKC expands to two characters: kept as it is, so the map stays one to one
    "\ufb01安全理事会",
    # right-to-left override and a zero-width space inside a body's name
    "安全\u202e理事\u200b会",
    # a Traditional phrase t2s converts by a phrase rule
    "乾隆年間於會議",
    # a footnote block after the body text: its offsets are earlier than nothing after it
    "安理会在决议1 中触及议题。\n\n__________\n\n 1 包括第 1624(2005)号决议。\n\n2. 决定继续。",
]
# fmt: on


@pytest.mark.parametrize("source", OFFSET_ROWS, ids=["combining", "ligature", "bidi", "phrase", "footnote"])
def test_offset_map_rows(source):
    check_offset_map(source)


# *** the pipeline ***


def _walk(value):
    """Every value inside a fact or structure: dataclass fields, tuples, lists and dict values."""
    yield value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            if f.name != "catalog":
                yield from _walk(getattr(value, f.name))
    elif isinstance(value, (tuple, list)):
        for v in value:
            yield from _walk(v)
    elif isinstance(value, dict):
        for v in value.values():
            yield from _walk(v)


def _everything(r):
    return (r.doc.structure, r.facts)


def check_pipeline(source: str):
    r = process("x.txt", source.encode("utf-8"))  # raising is the failure
    if r.error is not None:
        assert r.doc is None
        return r
    text, norm = r.doc.text, r.doc.norm
    source = norm.source  # as decoded (a leading BOM is not part of it)
    for v in _walk(_everything(r)):
        if isinstance(v, Span):
            assert 0 <= v.start < v.end <= len(text), f"{v} outside the text ({len(text)})"
            lo, hi = norm.source_span(v.start, v.end)
            assert 0 <= lo < hi <= len(source)
    for group in r.facts.values():
        for fact in group:
            if getattr(fact, "source_span", None):  # a citation in a URL line: source offsets
                a, b = fact.source_span
                assert 0 <= a < b <= len(source)
            if hasattr(fact, "text") and isinstance(fact.text, str) and getattr(fact, "span", None):
                assert fact.text == r.doc.quote(fact.span), fact
    return r


@PROFILE
@given(documents())
@example("\ufeff安全理事会，\n\n1. 决定反恐执行局每隔90天向安理会报告；")  # a BOM: offsets count after it
def test_pipeline_never_raises_and_spans_are_inside(source):
    check_pipeline(source)


@PROFILE
@given(resolutions())
def test_pipeline_on_generated_resolutions(source):
    """Dates, counts and deadlines of every size in the slots the extractors read."""
    check_pipeline(source)


@settings(PROFILE, max_examples=max(10, EXAMPLES // 5))  # triples and Oxigraph: 30 ms an example
@given(documents())
@example("\ufeff安全理事会，\n\n1. 决定反恐执行局每隔90天向安理会报告；")  # a BOM: offsets count after it
def test_every_passage_quotes_its_source(source):
    """Through the worker's whole path (facts → triples → N-Quads chunk), each passage's
    ``oa:exact`` is the source's characters at its ``oa:start``/``oa:end``."""
    from fuzz import PASSAGES

    from ct2rdf.work import Task, run_task

    task = Task("x.txt", "x.txt", None, "https://w3id.org/ct2rdf/id/", "", check=False,
                data=source.encode("utf-8"), inline=True)
    out = run_task(task)
    if out.error is not None:
        return
    source = decode(source.encode("utf-8"))[0]  # offsets count in the decoded text
    store = ox.Store()
    store.load(out.chunks["nq"], format=ox.RdfFormat.N_QUADS)
    for row in store.query(PASSAGES, use_default_graph_as_union=True):
        s, e = int(row["start"].value), int(row["end"].value)
        assert 0 <= s < e <= len(source) and row["exact"].value == source[s:e], (s, e)


def _dates(r):
    return [v for v in _walk(_everything(r)) if isinstance(v, dt.date)]


DATE_BOUNDS = (dt.date(1945, 1, 1), dt.date(2100, 12, 31))


@PROFILE
@given(st.one_of(resolutions(), documents()))
# what failed before the plausible-date rules (issue #10), explicit: always tried
@example("第 1 (0) 号决议\n\n安全理事会 一九四五年一月一日第 0 次会议通过\n\n安全理事会，\n\n"
         "1. 决定反恐执行局最迟于〇〇〇一年一月一日向安理会报告；\n")
@example("第 2395 (2017) 号决议\n\n安全理事会 九九九九年十二月三十一日第 8148 次会议通过\n\n安全理事会，\n\n"
         "1. 决定继续积极处理此案。\n")
def test_every_date_is_plausible(source):
    r = check_pipeline(source)
    if r.doc is not None:
        for d in _dates(r):
            assert DATE_BOUNDS[0] <= d <= DATE_BOUNDS[1], d
            assert dt.date.fromisoformat(d.isoformat()) == d  # a valid xsd:date lexical form


# *** the N-Triples encoder ***

S, P = "https://w3id.org/ct2rdf/id/S/RES/1(1946)", "https://w3id.org/ct2rdf/ontology#x"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


@PROFILE
@given(st.text(st.one_of(CHAR, ANY_CHAR)), st.sampled_from((None, "zh", "en")))
def test_nt_encoder_is_oxigraphs_and_round_trips(value, lang):
    from rdflib import Graph, Literal

    term = nt.text(value, lang)
    ours = nt.lines([(S, P, term)]).encode()
    parsed = list(ox.parse(ours, format=ox.RdfFormat.N_TRIPLES))
    assert ox.serialize(parsed, format=ox.RdfFormat.N_TRIPLES) == ours
    assert parsed[0].object.value == value
    g = Graph().parse(data=ours.decode(), format="nt")
    (o,) = g.objects()
    assert isinstance(o, Literal) and str(o) == value and (o.language or None) == lang


@PROFILE
@given(st.text(st.one_of(CHAR, ANY_CHAR)))
def test_nt_typed_literal_is_oxigraphs(value):
    ours = nt.lines([(S, P, nt.typed(value, "https://w3id.org/ct2rdf/ontology#T"))]).encode()
    parsed = list(ox.parse(ours, format=ox.RdfFormat.N_TRIPLES))
    assert ox.serialize(parsed, format=ox.RdfFormat.N_TRIPLES) == ours
    assert parsed[0].object.value == value


def test_strategies_reach_what_matters():
    """The biased alphabet holds the characters the properties are about (guards edits to it)."""
    from strategies import SPECIAL

    cats = {unicodedata.category(c) for c in SPECIAL}
    assert {"Cf", "Mn", "Zs", "Cc", "Lo", "Nd"} <= cats
