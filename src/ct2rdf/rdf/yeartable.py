"""Shape S17's year table: which resolution numbers fit which year, as one regex.

S17 checks that ``S/RES/N (YYYY)`` names a number the Council could have
adopted in that year.  pyshacl parses a SPARQL constraint again for every focus
node and SHACL forbids VALUES in constraints, and each function call in the
query costs parse time; one long regex literal costs almost nothing.  So the
table ``data/sc_resolution_years.csv`` becomes the regex of every plausible
``N (YYYY)``, written into ``shapes/ct-shapes.ttl`` between two marker comments
(the shapes stay plain Turtle that any SHACL engine can read).  A test keeps
the file in sync with the table; ``pytest --update-golden`` rewrites it.
"""

from __future__ import annotations

import re

from ..reference import resolution_years

# The Council adopted its first resolution in 1946; no number reaches this.
FIRST_YEAR = 1946
LAST_YEAR = 2099
NO_NUMBER = 99999


def year_bounds() -> list[tuple[int, int, int, int]]:
    """Rows (first year, last year, lowest number, highest number) of plausible pairs.

    A number fits a table year when it lies after the last number of the years
    before and before the first number of the years after: the table's ranges
    stop short of uncertain boundaries, so the numbers in a gap fit both years.
    Years before and after the table get the open ranges below and above it.
    """
    rows = sorted((year, first, last) for first, last, year in resolution_years().rows)
    out = [(FIRST_YEAR, rows[0][0] - 1, 1, rows[0][1] - 1)]
    for year, _, _ in rows:
        lo = max((last for y, _, last in rows if y < year), default=0)
        hi = min((first for y, first, _ in rows if y > year), default=NO_NUMBER + 1)
        out.append((year, year, lo + 1, hi - 1))
    out.append((rows[-1][0] + 1, LAST_YEAR, rows[-1][2] + 1, NO_NUMBER))
    return out


def range_re(lo: int, hi: int) -> str:
    """A regex (plain groups, XPath-compatible) matching the decimal integers lo..hi."""
    parts = []
    while lo <= hi:
        top = min(hi, 10 ** len(str(lo)) - 1)  # split where the digit count changes
        parts += _same_length(str(lo), str(top))
        lo = top + 1
    return "|".join(parts)


def _same_length(a: str, b: str) -> list[str]:
    """Patterns for the integers a..b, both of the same number of digits."""
    if a == b:
        return [a]
    if len(a) == 1:
        return [f"[{a}-{b}]"]
    if a[0] == b[0]:
        return [a[0] + p for p in _same_length(a[1:], b[1:])]
    n = len(a) - 1
    head, tail = [], []
    first, last = int(a[0]), int(b[0])
    if a[1:] != "0" * n:  # a partial run up to a[0]99…
        head = [a[0] + p for p in _same_length(a[1:], "9" * n)]
        first += 1
    if b[1:] != "9" * n:  # a partial run from b[0]00…
        tail = [b[0] + p for p in _same_length("0" * n, b[1:])]
        last -= 1
    middle = []
    if first <= last:
        digit = str(first) if first == last else f"[{first}-{last}]"
        middle = [digit + "[0-9]" * n]
    return head + middle + tail


def plausible_re() -> str:
    """The regex every ``S/RES/N (YYYY)`` whose number fits its year matches in full."""
    alternatives = "|".join(
        f"({range_re(lo, hi)}) \\(({range_re(y0, y1)})\\)" for y0, y1, lo, hi in year_bounds()
    )
    return f"^S/RES/({alternatives})$"


_BLOCK_RE = re.compile(
    r"(?P<head>^(?P<indent>[ \t]*)# BEGIN resolution years\n).*?(?P<tail>^[ \t]*# END resolution years$)",
    re.M | re.S,
)


def with_year_table(shapes_text: str) -> str:
    """``shapes_text`` with the lines between S17's markers regenerated from the table."""
    # In Turtle's """…""" each backslash of the SPARQL string is written twice,
    # and SPARQL's own string escapes double it again for the regex.
    literal = plausible_re().replace("\\", "\\\\\\\\")

    def block(m: re.Match) -> str:
        return f'{m["head"]}{m["indent"]}FILTER (!REGEX(?value, "{literal}"))\n{m["tail"]}'

    return _BLOCK_RE.sub(block, shapes_text)
