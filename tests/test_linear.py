"""Extraction time grows linearly with the document: one row per former hot spot.

Each row is a unit of text repeated n and 8n times into one document and the
step that was quadratic, timed on it.  Linear work takes 8x as long at 8x the
size (up to ~20 with cache effects on long strings, more on a busy machine);
quadratic work 64x.
Ratios only, never a wall-clock limit.  The lists and
abbreviation rows of issue #10 are in test_citations.py and test_bodies.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import best_seconds
from ct2rdf import patterns as P
from ct2rdf.extract import bodies, directives, duties, slots
from ct2rdf.pipeline import process
from ct2rdf.text import structure
from ct2rdf.text.normalize import normalize

HEAD = "第2129(2013)号决议\n\n安全理事会2013年12月17日第7086次会议通过\n\n安全理事会，\n\n"


def _masked_clauses(doc):
    # every operative clause's text with its citations masked, uncached; then the
    # directives, which look for the document each clause concerns
    texts = [slots.clause_text.__wrapped__(doc, c) for _, c in duties.operative_clauses(doc)]
    return texts, directives.extract(doc)


def _heads(doc):
    # the body named at each mention, as every clause break asks
    return [duties.body_at(doc, m.span.start, m.span.start + 1) for m in bodies.mentions(doc)]


def _footnotes(doc):
    return structure._attach_footnotes(doc.norm, list(doc.structure.paragraphs))


# (id, unit with {i} for its number, what is timed).  Timed on n = 100 and 800 units
# (at most 800 paragraphs: 4-digit numbers start no paragraph).
LINEAR_ROWS = [
    # every clause masked the citations of the whole document (slots.clause_text) and
    # looked through all of them for the one it concerns (directives)
    ("clause-citations",
     "{i}. 请反恐执行局最迟于2015年12月31日就第1373(2001)号决议的执行情况向委员会提交报告；\n\n",
     _masked_clauses),
    # body_at copied the rest of the document's mentions at every call
    ("mentions",
     "{i}. 请反恐怖主义委员会、反恐执行局和监测组每年向安全理事会报告，并鼓励大会和秘书长合作；\n\n",
     _heads),
    # every paragraph scanned every footnote marker of the document (structure)
    ("footnotes",
     "{i}. 回顾若干关键决议1 中的规定； \n\n__________\n\n1 见第1373(2001)号决议。\n\n",
     _footnotes),
    # each footnote looked for its marker through every paragraph before it (normalize):
    # where none has one, that is every paragraph for every footnote
    ("unmarked-footnotes",
     "{i}. 回顾若干关键决议中的规定； \n\n__________\n\n7 见第1373(2001)号决议。\n\n",
     lambda doc: normalize(doc.norm.source)),
    # one long run of CJK characters with no punctuation, full of names: segmented once
    ("one-run",
     "安全理事会和大会及秘书长与反恐怖主义委员会执行局的工作组",
     lambda doc: bodies._scan.__wrapped__(doc)),
]


@pytest.mark.parametrize(("unit", "timed"), [r[1:] for r in LINEAR_ROWS], ids=[r[0] for r in LINEAR_ROWS])
def test_hot_spots_take_linear_time(unit, timed):
    def seconds(k: int) -> float:
        data = (HEAD + "".join(unit.format(i=i + 1) for i in range(k)) + "\n").encode()
        doc = process("t.txt", data).doc  # warm: reference data, jieba's dictionary, caches
        return best_seconds(lambda: timed(doc), repeat=5)

    small, large = seconds(100), seconds(800)
    assert large / small < 32, f"100 units {small:.4f} s, 800 units {large:.4f} s"


def test_footnote_row_finds_its_markers():
    # the footnotes row measures what it says: every paragraph keeps its marker's footnote
    unit = LINEAR_ROWS[2][1]
    r = process("t.txt", (HEAD + "".join(unit.format(i=i + 1) for i in range(20))).encode())
    assert [p.footnotes for p in r.doc.structure.paragraphs if p.ref.kind == "op"] == [(1,)] * 20


# *** Patterns scanned over whole texts, behind a lookahead of their first characters ***

SCANNED = ["SYMBOL_RE", "RES_ITEM_RE", "CITE_ITEM_RE", "GA_RES_ROMAN_RE", "SESSION_ITEM_RE",
           "ALIAS_PHRASE_RE", "MEETING_HELD_RE"]
TEXTS = sorted((Path(__file__).parent / "corpus").glob("*.txt")) + sorted(
    (Path(__file__).parents[1] / "seeds").glob("*.txt"))


@pytest.mark.parametrize("name", SCANNED)
def test_scanning_patterns_find_the_same_matches(name):
    # the lookahead only skips positions where no match can start
    fast = getattr(P, name)
    assert fast.pattern.startswith("(?=[")
    plain = re.compile(fast.pattern.split("])", 1)[1])
    for path in TEXTS:
        text = process(path.name, path.read_bytes()).doc.text
        assert [(m.span(), m.groupdict()) for m in fast.finditer(text)] == [
            (m.span(), m.groupdict()) for m in plain.finditer(text)], path.name


# (pattern, characters a match may start with, characters it may not; None: no class)
FIRST_ROWS = [
    ("第?\\d+号", "第05", "号a"),  # an optional prefix: the next item counts too
    ("(?<![A-Z])(?:S/|A/)", "AS", "/B"),  # a lookbehind is zero width
    ("(?:又称|简称)为?", "又简", "为称"),
    ("\\d*", None, None),  # may match empty
    ("[^,]+", None, None),  # a negated class
    ("(?i)abc", None, None),  # case-insensitive
]


@pytest.mark.parametrize(("pattern", "inside", "outside"), FIRST_ROWS, ids=[r[0] for r in FIRST_ROWS])
def test_first_class(pattern, inside, outside):
    got = P._first_class(pattern)
    if inside is None:
        assert got is None
    else:
        cls = re.compile(f"[{got}]")
        assert [c for c in inside if not cls.match(c)] == []
        assert [c for c in outside if cls.match(c)] == []
