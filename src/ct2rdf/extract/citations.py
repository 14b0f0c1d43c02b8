"""Citations of other documents, normalized to official symbols.

Four passes over the normalized text, each masking what it found so the next
cannot find it again:

1. printed symbols (``S/2015/939``, ``(A/RES/60/288)``, ``S/PRST/2005/64``);
2. General Assembly resolutions by session (``大会第64/235号决议``);
3. lists of Council resolutions sharing one ``决议``
   (``第1373(2001)、1267(1999)和1540(2004)号决议``, ``第2122号决议``);
4. any remaining ``N(YYYY)``, which in these texts is a Council resolution.

Then undocs.org URL lines, counted once: a URL adds a citation only when the
text of the document does not already cite that symbol.  A date printed
before an item (``2004年3月26日第1535(2004)号``) becomes the cited
document's date when its year agrees with the symbol's.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import patterns as P
from ..dates import date_from_match
from ..model import Citation, Doc, Span
from ..reference import resolution_years
from ..symbols import Symbol, from_match, ga_resolution, ga_resolution_roman, parse, sc_resolution


def extract(doc: Doc) -> list[Citation]:
    """Every citation in ``doc``, in text order, without self-citations."""
    return list(_find(doc))


@lru_cache(maxsize=64)
def _find(doc: Doc) -> tuple[Citation, ...]:
    # cached per document: the directives extractor needs the citations too
    text = doc.text
    mask = bytearray(len(text))
    for s in doc.structure.header.header_spans:
        mask[s.start : s.end] = b"\x01" * (s.end - s.start)
    found: list[tuple[Span, Symbol, object]] = []

    def free(a: int, b: int) -> bool:
        return not any(mask[a:b])

    def take(a: int, b: int, symbol: Symbol, date=None) -> None:
        found.append((Span(a, b), symbol, date))

    def block(a: int, b: int) -> None:
        mask[a:b] = b"\x01" * (b - a)

    # 1. printed symbols
    for m in P.SYMBOL_RE.finditer(text):
        if free(m.start(), m.end()):
            take(m.start(), m.end(), from_match(m))
            block(m.start(), m.end())
    # 2. GA resolutions by Roman session (第2625(XXV)号决议), then by session/number
    for m in P.GA_RES_ROMAN_RE.finditer(text):
        if free(m.start(), m.end()):
            symbol = ga_resolution_roman(int(m.group("num")), m.group("session"))
            take(m.start(), m.end(), symbol, _item_date(m, symbol))
            block(m.start(), m.end())
    # (a list, 大会第60/288号和第64/235号决议, cites each item, not only the last)
    for m in P.GA_RES_SHORT_RE.finditer(text):
        if free(m.start(), m.end()):
            base = m.start("list")
            for item in P.GA_ITEM_RE.finditer(m.group("list")):
                symbol = ga_resolution(int(item.group("session")), int(item.group("num")))
                a, b = base + item.start(), base + item.end()
                if item.end() == len(m.group("list")):
                    b = m.end()  # the last item's span runs to 决议
                take(a, b, symbol, _item_date(item, symbol))
            block(m.start(), m.end())
    # 3. lists sharing one 决议
    years = resolution_years()
    for m in P.RES_LIST_RE.finditer(text):
        if m.group("ga") or not free(m.start("list"), m.end()):
            continue  # a GA resolution by number alone: no symbol can be built
        base = m.start("list")
        for item in P.RES_ITEM_RE.finditer(m.group("list")):
            number = int(item.group("num"))
            year = int(item.group("year")) if item.group("year") else years.year_of(number)
            symbol = sc_resolution(number, year)
            a, b = base + item.start(), base + item.end()
            if item.end() == len(m.group("list")):
                b = m.end()  # the last item's span runs to 决议
            take(a, b, symbol, _item_date(item, symbol, "i_"))
        block(m.start(), m.end())
    # 4. stray N(YYYY), if the number fits the year (not COVID-19(2020))
    for item in P.RES_ITEM_RE.finditer(text):
        if (
            item.group("year")
            and free(item.start(), item.end())
            and years.plausible(int(item.group("num")), int(item.group("year")))
        ):
            symbol = sc_resolution(int(item.group("num")), int(item.group("year")))
            take(item.start(), item.end(), symbol, _item_date(item, symbol, "i_"))

    own = doc.symbol
    cited = {sym for _, sym, _ in found}
    out = [
        Citation(sym, span, p.ref if (p := doc.paragraph_at(span.start)) else None, date)
        for span, sym, date in sorted(found, key=lambda f: f[0])
        if sym != own
    ]
    # 5. undocs.org URL lines, once per symbol not already cited
    for url in doc.norm.urls:
        m = P.UNDOCS_URL_RE.match(url.url)
        sym = parse(m.group("symbol")) if m else None
        if sym is None or sym in cited or sym == own:
            continue
        cited.add(sym)
        out.append(Citation(sym, None, None, None, (url.source_start, url.source_end)))
    return tuple(out)


def _item_date(m: re.Match, symbol: Symbol, prefix: str = "i_"):
    """The date printed before a cited item, if its year agrees with the symbol."""
    date = date_from_match(m, prefix)
    if date is None:
        return None
    if symbol.year is not None and symbol.year != date.year:
        return None
    return date
