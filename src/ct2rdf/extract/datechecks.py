"""Dates the text writes but no fact may hold: impossible or implausible ones, each a warning.

The extractors take only plausible dates (:func:`ct2rdf.dates.plausible`),
so 2023年2月30日 or 九九九九年十二月三十一日 silently made no fact, and a
document whose only date was one said "no date found".  This check reads
the text for every written date, Arabic or Chinese numerals, and every delay
counted from the document's date, and reports the ones no fact holds:

- "invalid date": no such day or month (2023年2月30日, 二〇二三年十三月一日);
- "implausible date": outside 1945–2100 (9999年12月31日, 0年, 公元前5年,
  在本决议通过后九千年内 from a 2013 resolution).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from .. import patterns as P
from ..dates import FIRST_YEAR, LAST_YEAR, add_period, cn_number
from ..model import Doc, Span
from .slots import period, relative_due


@dataclass(frozen=True)
class DateProblem:
    """A written date no fact holds, and why (reported as a warning)."""

    span: Span
    quote: str
    warning: str


def extract(doc: Doc) -> Iterator[DateProblem]:
    """Every invalid or implausible date of ``doc``, in text order."""
    found = [p for m in P.ANY_DATE_RE.finditer(doc.text) if (p := _written(m))]
    if doc.date is not None:
        for m in P.RELATIVE_DEADLINE_RE.finditer(doc.text):
            if relative_due(doc.date, m) is None:
                found.append(_problem(m, "implausible date", f"counted from {doc.date}, past {LAST_YEAR}"))
        for m in P.MANDATE_DURATION_RE.finditer(doc.text):
            n, unit = period(m.group("pn"), m.group("pu"), m.group("half"))
            if add_period(doc.date, n, unit) is None:
                found.append(_problem(m, "implausible date", f"a period ending past {LAST_YEAR}"))
    yield from sorted(found, key=lambda p: p.span.start)


def _written(m: re.Match) -> DateProblem | None:
    """The problem with a written date, or None when it is a good one."""
    arabic = m.group("y") is not None
    y, mo, d = ((int(m.group(k)) for k in "ymd") if arabic
                else (cn_number(m.group(k)) for k in ("cy", "cm", "cd")))
    if m.group("neg"):
        y = -y
    if not 1 <= mo <= 12:
        return _problem(m, "invalid date", f"there is no month {mo}")
    try:
        dt.date(2000, mo, d)  # a leap year: 2月29日 is possible in some year
        if 1 <= y <= 9999:
            dt.date(y, mo, d)
    except ValueError:
        return _problem(m, "invalid date", f"{y}年{mo}月 has no day {d}")
    if not FIRST_YEAR <= y <= LAST_YEAR:
        return _problem(m, "implausible date", f"the year {y} is outside {FIRST_YEAR}–{LAST_YEAR}")
    return None


def _problem(m: re.Match, kind: str, why: str) -> DateProblem:
    return DateProblem(Span(m.start(), m.end()), m.group(), f"{kind} “{m.group()}” ({why}): not used")
