"""The real-text corpus (tests/real/): well-formed expectations, and scores that must not fall.

The floors sit a little under what the code scores today, so a change that
loses facts on real pages fails here with the whole table and every miss.
Raise them as the extractors improve; never lower one without saying why in
the commit.  ``python tests/real/score.py -v`` prints the same figures.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "real"))
import score

from ct2rdf.reference import gazetteer

CASES = score.cases()
# S/RES/1373 (2001) · S/PRST/2004/31 · A/RES/60/288 · A/HRC/RES/40/16 · S/2015/939 · S/23500
# A/RES/2625(XXV) · SC/7791-IK/365 (a joint press release)
UN_SYMBOL_RE = re.compile(r"^[A-Z]{1,3}(?:/[A-Za-z0-9.\-]+)+(?: \(\d{4}\)|\([IVXL]+\))?$")

# kind -> (minimum precision, minimum recall): about one fact under today's figures
# (python tests/real/score.py), so any lost fact on the small kinds fails
FLOORS = {
    "fields": (0.98, 0.97),
    "citations": (0.98, 0.98),
    "bodies": (0.98, 0.98),
    "mandates": (0.95, 0.95),
    "directives": (0.95, 0.83),
    "reporting": (0.95, 0.88),
}


def test_the_corpus_is_large_enough():
    # the issue asks for at least 40 real texts
    assert len(CASES) >= 40, f"only {len(CASES)} real texts in tests/real/"


@pytest.mark.parametrize(("stem", "path", "exp"), CASES, ids=[c[0] for c in CASES])
def test_expectations_are_well_formed(stem, path, exp):
    known_bodies = {b.key for b in gazetteer().bodies}
    assert str(exp.get("url", "")).startswith("http"), "every real text names its URL"
    assert exp.get("type", "other") in {"resolution", "prst", "letter", "other"}
    # any UN symbol, also series ct2rdf does not model (S/23500, E/CN.4/RES/2004/87)
    for s in [exp["symbol"]] if exp.get("symbol") else []:
        assert UN_SYMBOL_RE.match(str(s)), f"not a UN symbol as printed: {s}"
    for s in exp.get("citations") or ():
        assert UN_SYMBOL_RE.match(str(s)), f"not a UN symbol as printed: {s}"
    for b in exp.get("bodies") or ():
        assert b in known_bodies, f"unknown body key {b}"
    for m in exp.get("mandates") or ():
        assert m["holder"] in known_bodies and (m.get("end") is None or isinstance(m["end"], dt.date))
    for d in exp.get("directives") or ():
        assert d["addressee"] in known_bodies and isinstance(d["due"], dt.date)
    for r in exp.get("reporting") or ():
        assert r["addressee"] in known_bodies and r["to"] in known_bodies
    assert path.read_bytes().strip(), "the text is empty"


def test_scores_hold_their_floors():
    tallies = score.score(CASES)
    failing = [
        f"{k}: P {tallies[k].precision:.2f} < {p} or R {tallies[k].recall:.2f} < {r}"
        for k, (p, r) in FLOORS.items()
        if tallies[k].precision < p or tallies[k].recall < r
    ]
    misses = "\n".join(m for k in FLOORS for m in tallies[k].misses if k != "fields")
    assert not failing, "\n".join([*failing, score.table(tallies), misses])
