"""Generalization gaps found in review, each a row with the input inline."""

from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner

from ct2rdf.cli import cli
from ct2rdf.pipeline import process

MASTHEAD = (
    "联合国\nS/RES/2395 (2017)\n安全理事会\nDistr.: General\n21 December 2017\n\n"
    "第 2395 (2017) 号决议\n\n安全理事会 2017 年 12 月 21 日第 8148 次会议通过\n\n安全理事会，\n\n"
    "重申其以往各项决议，\n\n1. 决定继续积极处理此案。\n"
)


def facts(text: str):
    r = process("x.txt", text.encode("utf-8"))
    assert r.error is None, r.error
    return r


# fmt: off
HEADER_ROWS = [
    # an official PDF's masthead (联合国 / symbol / 安全理事会 / Distr.) before the title
    (MASTHEAD, ("resolution", "S/RES/2395 (2017)", dt.date(2017, 12, 21), 8148)),
    # a masthead extracted side by side (pdftotext -layout): 联 合 国 and the symbol on one line
    ("联 合 国                              S/RES/2395 (2017)\n\n安全理事会                           "
     "Distr.: General\n                                     21 December 2017\n\n"
     + MASTHEAD[MASTHEAD.index("第 2395"):],
     ("resolution", "S/RES/2395 (2017)", dt.date(2017, 12, 21), 8148)),
    # a statement heading that starts with its date
    ("2014年8月15日安全理事会主席声明\n\n安全理事会主席在2014年8月15日安全理事会第7242次会议上，"
     "就安理会审议的题为“恐怖行为对国际和平与安全造成的威胁”的项目，代表安理会发表声明如下：\n\n"
     "“安全理事会重申其决心。”\n",
     ("prst", None, dt.date(2014, 8, 15), 7242)),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), HEADER_ROWS,
                         ids=["masthead", "masthead-side-by-side", "dated-prst-heading"])
def test_headers(text, expected):
    r = facts(text)
    h = r.doc.structure.header
    symbol = str(r.doc.symbol) if r.doc.symbol else None
    assert (h.doc_type, symbol, h.date, h.meeting_number) == expected


def test_masthead_keeps_paragraph_counts():
    kinds = [p.ref.kind for p in facts(MASTHEAD).doc.structure.paragraphs]
    assert kinds == ["pp", "op"]


BODY = "第 2395 (2017) 号决议\n\n安全理事会 2017 年 12 月 21 日第 8148 次会议通过\n\n安全理事会，\n\n{}\n"

# fmt: off
CITATION_ROWS = [
    # a number wrapped across lines by the PDF: 第 13 / 73(2001)
    ("回顾设立反恐怖主义委员会并规定其任务、要求各国采取一系列措施的第 13\n73(2001)号决议，",
     [("S/RES/1373 (2001)", None)]),
    # a date joined to the item by 的 is still the cited document's date
    ("回顾2001年9月28日的第1373(2001)号决议，", [("S/RES/1373 (2001)", dt.date(2001, 9, 28))]),
    # COVID-19(2020) is not resolution 19: a bare N(YYYY) must fit the year
    ("关切冠状病毒病COVID-19(2020)对各国反恐能力的影响，", []),
    # …while a bare N(YYYY) that fits its year is a resolution
    ("按照1624(2005)的要求，", [("S/RES/1624 (2005)", None)]),
    # numbers from 0 name nothing (found by bench/fuzz.py: S/RES/0 typed ct:Resolution broke shape S01)
    ("回顾S/RES/0 (2001)、S/PRST/2015/0、大会第60/0号决议和主席声明2003年第0号，", []),
]
# fmt: on


@pytest.mark.parametrize(("paragraph", "expected"), CITATION_ROWS,
                         ids=["wrapped-number", "date-with-de", "covid-19", "bare-fits-year", "number-zero"])
def test_citations(paragraph, expected):
    r = facts(BODY.format(paragraph))
    assert [(str(c.symbol), c.date) for c in r.facts["citations"]] == expected


def test_nothing_written_when_every_file_fails(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_bytes(b"")
    (tmp_path / "in" / "b.txt").write_bytes(b"\x80\x81 not text")
    out = tmp_path / "x.ttl"
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "in"), "-o", str(out)])
    assert result.exit_code == 2
    assert "none of the 2 input files could be read" in result.output
    assert not out.exists()


def test_misdecoded_bytes_are_not_a_document():
    # a UTF-16 BOM before bytes that are not UTF-16 text: random CJK, no Chinese prose
    r = process("x.txt", b"\xff\xfe" + bytes(range(0x21, 0x7f)) * 2)
    assert r.error is not None and "no recognizable document" in str(r.error)


@pytest.mark.parametrize("module", ["ct2rdf.dates", "ct2rdf.symbols"])
def test_docstring_examples(module):
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(module))
    assert result.failed == 0 and result.attempted > 0


# Found by the property tests and bench/fuzz.py (issue #10): each row is the
# minimal paragraph that raised, and what a reader expects of it instead.
# fmt: off
OVERFLOW_ROWS = [
    # a delay past 9999-12-31 (year 11018) raised ValueError and killed the build: no deadline, no directive
    ("1. 决定反恐执行局在本决议通过后九千年内向安理会报告；", {"reporting": 1, "directives": 0}),
    # 999,999 weeks raised OverflowError in the day arithmetic
    ("1. 请秘书长在本决议通过后九九九九九九周内提交报告；", {"reporting": 1, "directives": 0}),
    # a period starting on 0001-01-01 ended the day before it, before the calendar (OverflowError)
    ("1. 决定反恐执行局自〇〇〇一年一月一日起继续运作，为期零个月；", {"mandates": 1, "directives": 0}),
    # the same counted in days
    ("1. 决定反恐执行局自〇〇〇一年一月一日起继续运作，为期〇天；", {"mandates": 1, "directives": 0}),
]
# fmt: on


@pytest.mark.parametrize(("paragraph", "counts"), OVERFLOW_ROWS,
                         ids=["nine-thousand-years", "million-weeks", "start-of-calendar-months",
                              "start-of-calendar-days"])
def test_absurd_periods_do_not_raise(paragraph, counts):
    r = facts(BODY.format(paragraph))
    assert {k: len(r.facts[k]) for k in counts} == counts
    # no end counted from a day outside the calendar or the UN era
    assert all(m.end is None or m.end.year >= 1945 for m in r.facts["mandates"])


def test_absurd_extension_does_not_kill_the_build(tmp_path):
    """The build-wide step that adds a duration to the holder's previous end raised
    ValueError (year 12017) and lost every document: now that mandate keeps its
    ``ct:duration`` and gets no end, and both documents are built."""
    from ct2rdf.build import build

    (tmp_path / "a.txt").write_text(BODY.replace("2395 (2017)", "2129 (2013)").replace(
        "2017 年 12 月 21 日第 8148", "2013 年 12 月 17 日第 7086").format(
        "1. 决定反恐执行局将在2017年12月31日终了的期间内继续作为一项特别政治任务；"), encoding="utf-8")
    later = BODY.format("1. 决定将反恐执行局的任务期限延长九九九九年；")
    (tmp_path / "b.txt").write_text(later, encoding="utf-8")
    r = build([tmp_path], base="https://w3id.org/ct2rdf/id/")
    assert not r.errors and r.corpus.mandate_ends == {}
    assert {(m.end, m.duration) for o in r.outs for m in o.mandates} == {
        (None, "P9999Y"), (dt.date(2017, 12, 31), None)}
    r.close()


# Whole builds that must conform to the shapes, found by bench/fuzz.py: (the inputs, under tests/).
# fmt: off
CONFORMING_ROWS = [
    # a Human Rights Council resolution reads like a resolution but is not the Council's or the
    # Assembly's: typed ct:Resolution, its symbol A/HRC/RES/40/16 violated S01; now a ct:Document
    ["real/b-ohchr-a-hrc-res-40-16-distr-header.txt"],
    # a catalog symbol numbered 0 was taken as the document's (S/RES/0 broke S01): now ignored, warned
    ["corpus/s-res-1373-2001_block.txt", "catalog:S/RES/0"],
]
# fmt: on


@pytest.mark.parametrize("files", CONFORMING_ROWS, ids=["hrc-resolution", "catalog-symbol-zero"])
def test_builds_conform(files, tmp_path):
    import shutil
    from pathlib import Path

    from ct2rdf.build import build

    here = Path(__file__).parent
    for f in files:
        if f.startswith("catalog:"):  # a catalog row for the files before it
            rows = [f"{Path(g).name},{f.split(':', 1)[1]}" for g in files if not g.startswith("catalog:")]
            (tmp_path / "catalog.csv").write_text("file,symbol\n" + "\n".join(rows) + "\n")
        else:
            shutil.copy(here / f, tmp_path)
    r = build([tmp_path], base="https://w3id.org/ct2rdf/id/")
    assert r.report.conforms, [v.shape for v in r.report.errors]
    r.close()
