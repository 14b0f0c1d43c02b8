"""Committees named by the resolutions that set them up (a helper of :mod:`.bodies`).

第1267(1999)号和第1989(2011)号决议所设委员会 names a committee by a list of
resolutions.  One regex ``ITEM(?:JOIN ITEM)*决议…委员会`` would find it, but
where no 委员会 closes a long list (a footnote of 2,000 resolutions) it
backtracks through every item at every start: quadratic, ~16 s for 2,000
items.  So, as extract/citations.py does for citations, the items are found
one at a time (each match is bounded), chained by :func:`.runs.runs` where the
text between two is a join word (RES_ITEMS_JOIN_RE: 、, 和, 号决议和…), and a run counts
where COMMITTEE_AFTER_RESOLUTIONS_RE matches right after its last item.  One
pass: linear in the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .. import patterns as P
from .runs import runs


@dataclass(frozen=True)
class ByResolution:
    """A committee or office named by resolutions: ``text[start:end]``."""

    start: int
    end: int
    kind: str  # 委员会 | 监察员办公室
    items: tuple[re.Match, ...]  # RES_ITEM_RE matches, in text order


def committees_by_resolution(text: str) -> Iterator[ByResolution]:
    """Every committee or office ``text`` names by a list of resolutions, in text order."""
    for run in _runs(text):
        tail = P.COMMITTEE_AFTER_RESOLUTIONS_RE.match(text, run[-1].end())
        if tail:
            yield ByResolution(run[0].start(), tail.end(), tail.group("kind"), tuple(run))


def _runs(text: str) -> Iterator[list[re.Match]]:
    """RES_ITEM_RE matches grouped into maximal runs joined by RES_ITEMS_JOIN_RE.

    Only a run's end can be followed by the committee words: they begin with
    决议 and then 所/设/(, which no join word does.
    """
    return runs(
        P.RES_ITEM_RE.finditer(text),
        lambda prev, m: P.RES_ITEMS_JOIN_RE.fullmatch(text, prev.end(), m.start()) is not None,
    )
