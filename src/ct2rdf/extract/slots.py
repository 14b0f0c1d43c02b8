"""Order-free slots of a clause: the values a frame's predicates take.

A clause (:mod:`ct2rdf.extract.clauses`) is a frame: its operative verb and the body
it addresses.  The slots (deadline, frequency, recipient, end, duration,
start, guidance, holders) are found wherever they stand in the clause, not
in one order: 向安全理事会报告,每年一次 and 每年向安全理事会报告一次 give the
same duty.  A clause's predicates are told apart by its *segments* (split on
punctuation and on coordination, :data:`ct2rdf.patterns.SEGMENT_BREAK_RE`),
so a frequency that belongs to 举行会议 is not a reporting frequency.

Citations are masked first: the date in 2015年12月17日第2253(2015)号决议 is
no deadline and no mandate end.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property

from .. import patterns as P
from ..dates import add_period, cn_number, date_from_match, month_end_from_match, plausible
from ..model import Doc, Paragraph, per_document
from . import citations
from .bodies import Mention
from .clauses import Clause
from .duties import bodies_in

_MASK = "□"  # matches no pattern; same length, so offsets hold


@dataclass(frozen=True)
class ClauseText:
    """A clause's text with citations masked, and where it starts."""

    text: str
    base: int  # offset of text[0] in the normalized text
    verb_end: int  # relative offset just after the verb phrase

    def segment_of(self, pos: int) -> int:
        """The index of the segment holding relative offset ``pos``: the breaks ending
        at or before it, by bisection (a clause of 100,000 sentences is asked once per
        report: a count from the start each time was quadratic)."""
        return bisect_right(self._cuts[1], pos)

    def segments(self) -> list[tuple[int, int]]:
        """Every segment as a relative ``(start, end)``, the cuts left out (made once: do not change it)."""
        return self._segments

    @cached_property
    def _segments(self) -> list[tuple[int, int]]:
        starts, ends = self._cuts
        return list(zip([0, *ends], [*starts, len(self.text)], strict=True))

    @cached_property
    def _cuts(self) -> tuple[list[int], list[int]]:
        """The starts and the ends of the segment breaks (once per clause)."""
        cuts = [m.span() for m in P.SEGMENT_BREAK_RE.finditer(self.text)]
        return [a for a, _ in cuts], [b for _, b in cuts]


@per_document
def clause_text(doc: Doc, c: Clause) -> ClauseText:
    """The clause's text, with every citation inside it masked (cached per document)."""
    a, b = c.span.start, c.span.end
    chars = list(doc.text[a:b])
    starts, longest, cites = citations.spanned(doc)
    for x in cites[bisect_left(starts, a - longest) : bisect_left(starts, b)]:
        if x.span.end > a:
            lo, hi = max(x.span.start, a), min(x.span.end, b)
            chars[lo - a : hi - a] = _MASK * (hi - lo)
    verb_end = c.verb_span.end - a if c.verb_span else 0
    return ClauseText("".join(chars), a, verb_end)


def period(n: str | None, unit: str | None, half: str | None) -> tuple[int, str]:
    """A PERIOD match's groups as ``(n, unit)`` for :func:`ct2rdf.dates.add_period`."""
    if half:
        return 6, "个月"
    return cn_number(n), unit


def xsd_period(n: int, unit: str) -> str:
    """``(24, "个月")`` → ``P24M``; ``(3, "年")`` → ``P3Y``; ``(90, "天")`` → ``P90D``."""
    if unit in ("周", "个星期"):
        return f"P{n * 7}D"
    return f"P{n}{ {'个月': 'M', '年': 'Y', '天': 'D', '日': 'D'}[unit] }"


def deadlines(doc: Doc, ct: ClauseText) -> list[tuple[int, dt.date]]:
    """Every deadline in the clause, as ``(relative offset, due date)``.

    Absolute dates (最迟于…, 在…之前, 在2022年底以前) and delays counted from
    the document's date (在本决议通过后9个月内, 在30天内); not an interim
    review's date (a mandate's), nor a delay from another event.
    """
    reviews = [m.span() for m in P.MANDATE_REVIEW_RE.finditer(ct.text)]
    out = []
    for d in P.DEADLINE_RE.finditer(ct.text):
        if any(a <= d.start() < b for a, b in reviews):
            continue
        due = (date_from_match(d) or date_from_match(d, "b_") or month_end_from_match(d, "m_")
               or month_end_from_match(d, "n_")
               or (plausible(dt.date(int(d.group("yend")), 12, 31)) if d.group("yend") else None))
        if due:
            out.append((d.start(), due))
    for r in P.END_DEADLINE_RE.finditer(ct.text):
        end = stated_end(doc, ct.base + r.start())
        if end is not None:
            n = cn_number(r.group("n")) if r.group("n") else 0
            due = add_period(end, -n, r.group("unit")) if n else end
            if due:
                out.append((r.start(), due))
    if doc.date:
        for r in P.RELATIVE_DEADLINE_RE.finditer(ct.text):
            due = relative_due(doc.date, r)
            if due:  # 在本决议通过后九千年内: no deadline (extract/datechecks.py says why)
                out.append((r.start(), due))
    return sorted(out)


def relative_due(start: dt.date, r: re.Match) -> dt.date | None:
    """The day a :data:`ct2rdf.patterns.RELATIVE_DEADLINE_RE` match counts to from ``start``."""
    n, unit = (r.group("n"), r.group("unit")) if r.group("n") else (r.group("x_n"), r.group("x_unit"))
    return add_period(start, cn_number(n), unit)


def stated_end(doc: Doc, pos: int) -> dt.date | None:
    """The last day of the mandate period stated last before ``pos`` in the document.

    …的任期延长12个月,至2025年7月14日。决议要求…在支助团新任期结束前1个月… → 2025-07-14.
    Whose mandate it is does not matter: the deadline counts from that period.
    """
    last = None
    for m in P.MANDATE_END_RE.finditer(doc.text, 0, pos):
        last = m
    return None if last is None else end_date(last)


def end_date(m: re.Match) -> dt.date | None:
    """The last day a :data:`ct2rdf.patterns.MANDATE_END_RE` match states, if it is a date."""
    return (date_from_match(m) or date_from_match(m, "x_") or date_from_match(m, "z_")
            or date_from_match(m, "e_") or month_end_from_match(m, "x_")
            or month_end_from_match(m, "z_"))


def antecedent(doc: Doc, p: Paragraph, pos: int) -> Mention | None:
    """The body 其 at ``pos`` stands for: the nearest one named before it in its sentence.

    特别指出监察员办公室的重要性,将其任务期限延长30个月 → the Ombudsperson.
    Not the Council (the speaker), and none when an organisation the gazetteer
    does not know stands between (…援助团的重要性,将其任务…).
    """
    text = doc.text
    start = max(text.rfind("。", p.span.start, pos), text.rfind(";", p.span.start, pos), p.span.start)
    before = [m for m in bodies_in(doc, start, pos) if m.key != "SC"]
    if not before:
        return None
    m = before[-1]
    return None if P.OTHER_ORG_HEAD_RE.search(text, m.span.end, pos) else m


def heads(doc: Doc, a: int, b: int) -> list[Mention]:
    """The known bodies that end the name ``[a, b)`` or one of its conjuncts.

    委员会的监测组 → the Monitoring Team; 监察员办公室和监测组 → both;
    专家小组和监察员办公室 → the Ombudsperson; 秘书长特别代表办事处 → none;
    苏丹问题监测组 → none (the body must start the name, a conjunct or follow 的).
    """
    out = []
    inside = bodies_in(doc, a, b)
    ends = {a} | {m.span.end for m in inside}
    for m in inside:
        after = doc.text[m.span.end : b]
        if not (after == "" or P.CONJUNCTION_RE.match(after)):
            continue
        # a whole word of the name: 苏丹问题监测组 is another team than the Monitoring Team
        before = doc.text[a : m.span.start]
        # 1988制裁委员会(塔利班制裁委)监测小组: an abbreviation in brackets stays with its name
        paren = P.TRAILING_PAREN_RE.search(before)
        start = m.span.start - (len(paren.group(0)) if paren else 0)
        if start in ends or before.endswith("的") or P.CONJUNCTION_RE.search(before[-2:]):
            out.append(m)
    return out
