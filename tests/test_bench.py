"""The benchmark instrument: bench/corpus.py makes plausible, deterministic corpora;
bench/run.py builds one and reports (smoke-run here on 20 documents, no timings checked).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys

import pytest

from conftest import ROOT
from ct2rdf.rdf.yeartable import plausible_re

sys.path.insert(0, str(ROOT / "bench"))

import run

import corpus

D = dt.date


@pytest.mark.parametrize(
    ("old", "new", "text", "expected"),
    [
        # the document's own date lands on the new one, spacing kept (UN PDF style)
        (D(2013, 12, 17), D(2023, 12, 20), "安全理事会 2013 年 12 月 17 日第 7086 次会议通过",
         "安全理事会 2023 年 12 月 20 日第 7086 次会议通过"),
        # a later date moves by the same years and days: 2025-12-31 + 3 days
        (D(2013, 12, 17), D(2023, 12, 20), "在 2015 年 12 月 31 日终了的期间内",
         "在 2026 年 1 月 3 日终了的期间内"),
        # an earlier date (history, a cited resolution's date) stays
        (D(2005, 9, 14), D(2011, 9, 14), "重申其2001年9月28日第1373(2001)号决议",
         "重申其2001年9月28日第1373(2001)号决议"),
        # a month and a year-end of the document's year or later move by whole years
        (D(2019, 3, 28), D(2021, 4, 1), "2019年底前; 2019年12月; 2018年6月",
         "2021年底前; 2021年12月; 2018年6月"),
        # 29 February of a leap year becomes the 28th in a common year
        (D(2016, 1, 5), D(2017, 1, 5), "最迟于2016年2月29日", "最迟于2017年2月28日"),
        # the English date and the job numbers of a UN PDF header
        (D(2017, 12, 21), D(2030, 12, 22), "21 December 2017\n17-23196 (C)\n*1723196*",
         "22 December 2030\n30-23196 (C)\n*3023196*"),
    ],
    ids=["own-date", "later-date", "earlier-date", "partial-dates", "leap-day", "pdf-header"],
)
def test_shift_moves_dates_on_or_after_the_document(old, new, text, expected):
    assert corpus.Shift(old, new).text(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # header, symbol and title forms of the own number all change; a citation does not
        ("第 2129 (2013) 号决议\nS/RES/2129 (2013)\n回顾第 1373(2001) 号决议",
         "第 2200 (2015) 号决议\nS/RES/2200 (2015)\n回顾第 1373(2001) 号决议"),
        # full-width brackets (Traditional copies) and the title without a year
        ("第2129（2013）號決議\n联合国安理会第2129号决议", "第2200（2015）號決議\n联合国安理会第2200号决议"),
    ],
    ids=["pdf-and-citation", "fullwidth-and-bare"],
)
def test_own_resolution_number(text, expected):
    assert corpus._own_resolution(text, "2129", "2013", "2200", "2015") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a PDF wraps inside a sentence; an indented line starts a paragraph
        (" 重申一切形式和表现的恐怖主义是对国际和平与安全的最严重威胁之一，任\n\n"
         "何恐怖行为，不论其动机为何、在何时发生。 \n\n 又重申不能也不应将恐怖主义与任何宗教联系起来， \n",
         "重申一切形式和表现的恐怖主义是对国际和平与安全的最严重威胁之一，任何恐怖行为，不论其动机为何、在何时发生。\n"
         "\n又重申不能也不应将恐怖主义与任何宗教联系起来，\n"),
        # page furniture after a full line stays on its own lines
        ("6. 请反恐委员会通过其主席，至少每年一次向安理会口头通报委员会和反恐执\n\n"
         "2/3                                                                  17-23196\n",
         "6. 请反恐委员会通过其主席，至少每年一次向安理会口头通报委员会和反恐执\n\n"
         "2/3                                                                  17-23196\n"),
    ],
    ids=["wrapped-paragraph", "page-footer"],
)
def test_unbreak(text, expected):
    assert corpus.unbreak(text) == expected


def test_resolution_pools_fit_their_years():
    # every number the generator may give a year is one shape S17 accepts for that year
    fits = re.compile(plausible_re())
    pools = corpus._resolution_pools()
    bad = [(n, y) for y, ns in pools.items() for n in ns if not fits.fullmatch(f"S/RES/{n} ({y})")]
    assert not bad
    numbers = [n for ns in pools.values() for n in ns]
    assert len(numbers) == len(set(numbers))  # a number belongs to one year only


def test_generation_is_deterministic():
    a, cat_a = corpus.generate(20, seed=7)
    b, cat_b = corpus.generate(20, seed=7)
    c, _ = corpus.generate(20, seed=8)
    assert a == b and cat_a == cat_b
    assert a != c


def test_twenty_documents_build_without_violations(tmp_path):
    # bench/run.py generates 20 documents and runs `ct2rdf build` on them: exit 0
    # means no shape Violation (warnings are allowed); the figures are not checked.
    out = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "20", "--no-core", "--keep", str(tmp_path)],
        capture_output=True, text=True, timeout=600,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    rows = [json.loads(line) for line in out.stdout.splitlines() if line.startswith("{")]
    assert [r["n"] for r in rows] == [20]
    assert rows[0]["rc"] == 0, "the generated corpus violates the shapes"
    assert rows[0]["triples"] > 0
    assert len(list((tmp_path / "corpus-20").glob("*.txt"))) == 20


CHILD = {"rc": 0, "wall": 10.0, "rss_mb": 300.0, "tree_rss_mb": 320.0, "stderr": ""}


@pytest.mark.parametrize(
    ("child", "stats", "expected"),
    [
        # a build that writes --stats: its stages and counts are taken over
        (CHILD, {"documents": 20, "built": 18, "reused": 2, "failed": 0, "triples": 5000, "jobs": 2,
                 "stages": {"extract": 4.0, "merge": 0.5, "validate": 3.0, "write": 1.0, "total": 9.5}},
         {"extract": 4.0, "validate": 3.0, "write": 1.0, "reused": 2, "jobs": 2, "triples_s": 500.0}),
        # the workers' CPU counts: validation per document, the Turtle chunks (not the N-Quads ones)
        (CHILD, {"triples": 5000, "stages": {"validate": 3.0, "write": 1.0},
                 "worker_cpu": {"validate": 6.0, "turtle": 0.5, "nquads": 0.25}},
         {"validate_all": 9.0, "serialize_all": 1.5}),
        # a build without --stats (the triples counted from its Turtle): stages unknown
        (CHILD, {"triples": 5000}, {"extract": None, "validate": None, "triples_s": 500.0, "docs_s": 2.0}),
        # a failed build (exit 2): its last error line is kept
        ({**CHILD, "rc": 2, "stderr": "Reading\nError: cannot read x.txt. Fix it"}, {},
         {"error": ["Error: cannot read x.txt. Fix it"], "triples": None, "triples_s": None}),
    ],
    ids=["with-stats", "worker-cpu", "without-stats", "failed"],
)
def test_figures(child, stats, expected):
    row = run.figures(20, 1.0, child, stats)
    assert {k: row.get(k) for k in expected} == expected
    head, line = run.table([row]).splitlines()  # unknown figures print as '-'
    assert len(line) == len(head)


@pytest.mark.parametrize(
    ("argv", "sizes", "extra"),
    [
        (["20", "--jobs", "2"], [20], ["--jobs", "2"]),  # unknown options go to the build
        (["--seed", "3", "--", "--jobs", "2"], [5, 100, 1000], ["--jobs", "2"]),  # after --, all of them
        (["5", "100", "--no-core", "--", "--no-validate"], [5, 100], ["--no-validate"]),
    ],
    ids=["unknown", "after-dashes", "sizes-and-dashes"],
)
def test_build_arguments_pass_through(argv, sizes, extra):
    args, rest = run.parse_args(run.parser(), argv)
    assert (args.sizes, rest) == (sizes, extra)
