"""Dates and numbers written in Chinese, converted only inside captured spans.

Every date made here is plausible or None: a UN Security Council text dates
nothing before 1945 or after 2100, so a year outside is a typo, an OCR error
or a hostile input, never a fact (:func:`plausible`).  The same check holds
for years in Arabic and Chinese numerals and for dates counted from another
(``在本决议通过后九千年内``), whose arithmetic never raises.
"""

from __future__ import annotations

import datetime as dt
import re

_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "两": 2}
_UNITS = {"十": 10, "百": 100, "千": 1000}
FIRST_YEAR, LAST_YEAR = 1945, 2100


def plausible(d: dt.date | None) -> dt.date | None:
    """``d`` if its year is within 1945–2100, else None."""
    return d if d is not None and FIRST_YEAR <= d.year <= LAST_YEAR else None


def cn_number(s: str) -> int:
    """Convert a Chinese numeral to an int.

    >>> cn_number("二十"), cn_number("三"), cn_number("二〇一三"), cn_number("一百零五")
    (20, 3, 2013, 105)
    """
    if s.isdigit() and s.isascii():
        return int(s)
    if not any(c in _UNITS for c in s):  # digit by digit: 二〇一三
        return int("".join(str(_DIGITS[c]) for c in s))
    total, current = 0, 0
    for c in s:
        if c in _DIGITS:
            current = _DIGITS[c]
        elif c in _UNITS:
            total += (current or 1) * _UNITS[c]
            current = 0
        else:
            raise ValueError(f"not a Chinese numeral: {s!r}")
    return total + current


def date_from_match(m: re.Match, prefix: str = "") -> dt.date | None:
    """Build a date from the groups of :data:`ct2rdf.patterns.DATE` in ``m``.

    Returns None for impossible dates (2013年2月30日) and implausible ones
    (九九九九年十二月三十一日) rather than raising.
    """
    g = m.groupdict()
    try:
        if g.get(prefix + "y"):
            return plausible(dt.date(int(g[prefix + "y"]), int(g[prefix + "m"]), int(g[prefix + "d"])))
        if g.get(prefix + "cy"):
            return plausible(dt.date(
                cn_number(g[prefix + "cy"]), cn_number(g[prefix + "cm"]), cn_number(g[prefix + "cd"])
            ))
    except (ValueError, OverflowError):
        return None
    return None


def month_end_from_match(m: re.Match, prefix: str = "") -> dt.date | None:
    """The last day of the month in :data:`ct2rdf.patterns.MONTH` groups (2024年6月 → 2024-06-30)."""
    g = m.groupdict()
    if not g.get(prefix + "ey"):
        return None
    year, month = int(g[prefix + "ey"]), int(g[prefix + "em"])
    if not 1 <= month <= 12 or not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    first_of_next = dt.date(year + month // 12, month % 12 + 1, 1)
    return first_of_next - dt.timedelta(days=1)


def time_from_match(m: re.Match) -> dt.time | None:
    """Build a time of day from :data:`ct2rdf.patterns.TIME` groups (上午8时30分 → 08:30)."""
    g = m.groupdict()
    if not g.get("hh"):
        return None
    hour, minute = int(g["hh"]), int(g.get("mi") or 0)
    if g.get("ampm") in ("下午", "晚上") and hour < 12:
        hour += 12
    try:
        return dt.time(hour, minute)
    except ValueError:
        return None


def add_period(start: dt.date, n: int, unit: str) -> dt.date | None:
    """``start`` plus ``n`` units (个月, 天/日, 周/个星期, 年), clamped to the month's end.

    None when the day is not plausible (see :func:`plausible`): 九千年 after
    2013 is no deadline, and no overflow escapes.

    >>> add_period(dt.date(2021, 12, 30), 2, "个月")
    datetime.date(2022, 2, 28)
    >>> add_period(dt.date(2013, 12, 17), 999999, "周") is None
    True
    """
    try:
        return plausible(_add_period(start, n, unit))
    except (ValueError, OverflowError):  # past year 9999 or before year 1
        return None


def _add_period(start: dt.date, n: int, unit: str) -> dt.date:
    if unit in ("天", "日"):
        return start + dt.timedelta(days=n)
    if unit in ("周", "个星期"):
        return start + dt.timedelta(weeks=n)
    months = n * 12 if unit == "年" else n
    y, m = divmod(start.month - 1 + months, 12)
    year, month = start.year + y, m + 1
    last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(start.day, last))
