"""A plain-text table of query results, aligned by display width.

A terminal gives East Asian Wide and Fullwidth characters (汉字, ，。：)
two columns and combining marks none, so padding by ``len()`` would skew
every row holding Chinese.  Ambiguous-width characters (“ ” …) count as one
column, as terminals outside CJK locales draw them; the table's own
furniture is plain ASCII so it lines up in either.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

ELLIPSIS = "…"
# A line break inside a cell, shown so the row stays on one line.
NEWLINE_MARK = "⏎"


def char_width(c: str) -> int:
    """Columns a terminal gives the character ``c``: 0, 1 or 2."""
    if unicodedata.combining(c) or unicodedata.category(c) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1


def display_width(text: str) -> int:
    """Columns a terminal gives ``text``."""
    return sum(char_width(c) for c in text)


def one_line(text: str) -> str:
    """``text`` on one line: line breaks marked, tabs and other controls as spaces."""
    text = text.replace("\r\n", NEWLINE_MARK).replace("\r", NEWLINE_MARK).replace("\n", NEWLINE_MARK)
    return "".join(" " if unicodedata.category(c) == "Cc" else c for c in text)


def _head(text: str, width: int) -> str:
    """The longest start of ``text`` at most ``width`` columns wide."""
    out, used = [], 0
    for c in text:
        w = char_width(c)
        if used + w > width:
            break
        out.append(c)
        used += w
    return "".join(out)


def truncate(text: str, width: int | None, middle: bool = False) -> str:
    """``text`` cut to ``width`` columns with an ellipsis (None: never cut).

    ``middle`` keeps both ends (for IRIs, whose tail names the thing):
    ``https://w3id.org/…/op/2/mandate/CTED``.
    """
    if width is None or display_width(text) <= width:
        return text
    room = max(width - 1, 0)
    if not middle:
        return _head(text, room) + ELLIPSIS
    tail = _head(text[::-1], room // 2)[::-1]
    return _head(text, room - display_width(tail)) + ELLIPSIS + tail


def _pad(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))


def render(header: Sequence[str], rows: Sequence[Sequence[tuple[str, bool]]],
           max_width: int | None = 40) -> str:
    """The table: a header, a rule, one line per row, then ``(N rows)``.

    Each cell is ``(text, middle)``: its text and whether to cut it in the
    middle rather than at the end when it is wider than ``max_width``.
    """
    cells = [[truncate(one_line(text), max_width, middle) for text, middle in row] for row in rows]
    head = [truncate(one_line(h), max_width) for h in header]
    widths = [max([display_width(h)] + [display_width(r[i]) for r in cells]) for i, h in enumerate(head)]

    def line(values: Sequence[str]) -> str:
        return (" " + " | ".join(_pad(v, w) for v, w in zip(values, widths, strict=True))).rstrip()

    out = [line(head), "-" + "-+-".join("-" * w for w in widths) + "-"] if head else []
    out += [line(r) for r in cells]
    n = len(rows)
    out.append(f"({n} row{'s' * (n != 1)})")
    return "\n".join(out) + "\n"
