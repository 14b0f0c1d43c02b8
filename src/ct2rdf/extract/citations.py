"""Citations of other documents, normalized to official symbols.

Passes over the normalized text, each masking what it found so the next
cannot find it again:

1. printed symbols (``S/2015/939``, ``(A/RES/60/288)``, ``A/HRC/RES/40/16``,
   ``S/23500``, press releases cited as documents; ``S/RES/1373`` without
   its year takes the table's), with a date printed right before them, except
   a symbol alone after a masthead's 联合国 line (the document's own);
   statements by their web title (``主席声明2004年第31号``); General Assembly
   resolutions with a Roman session (``第2625(XXV)号决议``);
2. resolutions numbered by session or year, the organ read from the name
   before them (``大会第64/235号决议`` → A/RES/64/235, ``人权理事会第35/21号决议``
   → A/HRC/RES/35/21, ``经济及社会理事会第2004/28号决议`` → E/RES/2004/28;
   after another body's name, or a numbering that does not fit: nothing);
3. Council resolutions: ``安理会决议2678号``, then runs of items
   (``第1373(2001)、1267(1999)和1540(2004)号``, ``1368(2001)1373(2001)``,
   ``第一六二四号``) closed by ``决议``, ``等…决议`` or ``两项决议``, unless
   another body's name comes right before (世界卫生大会, 阿盟理事会); an item
   of a run left open counts only with a plausible printed year.

:func:`extract` keeps the series the graph models (S/…, A/…);
:func:`recognize` also returns E/… and press releases.

Lists are chained in code from items found one by one, never by one regex
over the whole list: that keeps matching linear in the length of the text.

Then undocs.org URL lines, counted once: a URL adds a citation only when the
text of the document does not already cite that symbol.  A date printed
before an item (``2004年3月26日第1535(2004)号``) becomes the cited
document's date when its year agrees with the symbol's.

The year of a Council resolution:

* printed after the number (``1373(2001)``): kept when the year table finds
  it plausible (within five numbers of that year's range), else the item is
  dropped: a contradiction means we cannot tell which document is meant;
* printed before it (``(2005年)第1624号``, ``2005年第1624号``): kept when
  plausible, else the table's year (such a year may date the event, not the
  resolution);
* otherwise the table's year; a number in a gap of the table keeps no year,
  and a number beyond the table's last (plus a margin for newer resolutions)
  is no Council resolution at all.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import lru_cache

from .. import patterns as P
from ..dates import cn_number, date_from_match
from ..model import Citation, Doc, Span
from ..reference import ResolutionYears, resolution_years
from ..symbols import (
    Symbol,
    chr_resolution,
    ecosoc_resolution,
    from_match,
    ga_resolution,
    ga_resolution_roman,
    hrc_resolution,
    parse,
    prst,
    sc_resolution,
)
from .runs import runs

# Numbers this far above the table's last are still taken as Council
# resolutions adopted after the table was written (about three years' worth).
_NEWER_MARGIN = 150
# How far back a list by session looks for the organ that adopted it.
_ORGAN_WINDOW = 150

# Organ names by how they end, longest first; other names ending in an organ
# word (欧洲联盟理事会, 反恐怖主义委员会, 世界卫生大会) are "other".
_ORGANS = (
    ("经济及社会理事会", "ECOSOC"), ("经济社会理事会", "ECOSOC"), ("经社理事会", "ECOSOC"),
    ("安全理事会", "SC"), ("人权理事会", "HRC"), ("人权委员会", "CHR"),
    ("安理会", "SC"), ("大会", "GA"), ("联大", "GA"),
)
# Symbol builders for resolutions numbered by session (GA, HRC) or year (ECOSOC, CHR).
_BY_SESSION = {"GA": ga_resolution, "HRC": hrc_resolution}
_BY_YEAR = {"ECOSOC": ecosoc_resolution, "CHR": chr_resolution}


def extract(doc: Doc) -> list[Citation]:
    """Every citation in ``doc`` of a document the graph models (S/…, A/…),
    in text order, without self-citations."""
    return list(modelled(doc))


@lru_cache(maxsize=64)
def modelled(doc: Doc) -> tuple[Citation, ...]:
    """:func:`extract` as a tuple, cached: every clause of the slot extractors asks."""
    return tuple(c for c in _find(doc) if c.symbol.modelled)


@lru_cache(maxsize=64)
def spanned(doc: Doc) -> tuple[tuple[int, ...], int, tuple[Citation, ...]]:
    """The modelled citations that have a span, their starts and the longest span's
    length: which ones overlap a clause is a bisection, not a scan of them all."""
    cites = tuple(c for c in modelled(doc) if c.span)  # in text order
    longest = max((c.span.end - c.span.start for c in cites), default=0)
    return tuple(c.span.start for c in cites), longest, cites


def recognize(doc: Doc) -> tuple[Citation, ...]:
    """Every citation in ``doc``, also of series the graph does not model
    (E/RES/2004/28, E/CN.4/RES/2004/87, SC/7791-IK/365)."""
    return _find(doc)


class _Scan:
    """The text being scanned, what the passes found, and the mask that keeps
    a later pass off what an earlier one took."""

    def __init__(self, doc: Doc):
        self.doc, self.text = doc, doc.text
        self.mask = bytearray(len(doc.text))
        self.found: list[tuple[Span, Symbol, object]] = []
        for s in doc.structure.header.header_spans:  # title and header lines: never citations
            self.block(s.start, s.end)

    def free(self, a: int, b: int) -> bool:
        return not any(self.mask[a:b])

    def block(self, a: int, b: int) -> None:
        self.mask[a:b] = b"\x01" * (b - a)

    def take(self, a: int, b: int, symbol: Symbol | None, date=None) -> None:
        if symbol is not None:
            self.found.append((Span(a, b), symbol, date))


@lru_cache(maxsize=64)
def _find(doc: Doc) -> tuple[Citation, ...]:
    # cached per document: the directives extractor needs the citations too
    scan, years = _Scan(doc), resolution_years()
    _printed(scan, years)
    _by_session(scan)
    _council(scan, years)
    own = doc.symbol
    out = [
        Citation(sym, span, p.ref if (p := doc.paragraph_at(span.start)) else None, date)
        for span, sym, date in sorted(scan.found, key=lambda f: f[0])
        if sym != own
    ]
    # undocs.org URL lines, once per symbol the text does not already cite
    cited = {sym for _, sym, _ in scan.found}
    for url in doc.norm.urls:
        m = P.UNDOCS_URL_RE.match(url.url)
        sym = _with_year(parse(m.group("symbol")), years) if m else None
        if sym is None or sym in cited or sym == own:
            continue
        cited.add(sym)
        out.append(Citation(sym, None, None, None, (url.source_start, url.source_end)))
    return tuple(out)


def _printed(scan: _Scan, years: ResolutionYears) -> None:
    """Passes 1-2: printed symbols (not a masthead's), statements by their web
    title, Assembly resolutions with a Roman session."""
    text = scan.text
    starts = [b.start for b in scan.doc.norm.blocks]
    for m in P.SYMBOL_RE.finditer(text):
        if scan.free(m.start(), m.end()) and not _in_masthead(scan.doc, starts, m) and _cited(text, m):
            symbol = _with_year(from_match(m), years)
            scan.take(m.start(), m.end(), symbol, _date_before(text, m.start(), symbol))
        scan.block(m.start(), m.end())
    for m in P.PRST_CITE_RE.finditer(text):
        if scan.free(m.start(), m.end()):
            scan.take(m.start(), m.end(), prst(int(m.group("year")), int(m.group("num"))))
            scan.block(m.start(), m.end())
    for m in P.GA_RES_ROMAN_RE.finditer(text):
        if scan.free(m.start(), m.end()):
            symbol = ga_resolution_roman(int(m.group("num")), m.group("session"))
            scan.take(m.start(), m.end(), symbol, _item_date(m, symbol))
            scan.block(m.start(), m.end())


def _by_session(scan: _Scan) -> None:
    """Pass 3: resolutions by session or year, of the organ the text names."""
    text = scan.text
    for run, close in _closed_runs(text, P.SESSION_ITEM_RE, scan.mask):
        organ = _organ_before(text, run[0].start())
        if organ in (None, "SC"):
            organ = _organ_in_sentence(text, run[0].start())
        for item, (a, b) in _item_spans(run, close):
            symbol = _session_symbol(organ, item.group("session"), int(item.group("num")))
            scan.take(a, b, symbol, symbol and _item_date(item, symbol))
        scan.block(run[0].start(), close.end())


def _council(scan: _Scan, years: ResolutionYears) -> None:
    """Pass 4: Council resolutions named after 决议 (安理会决议2678号), runs
    closed by 决议 (unless another body's name comes right before), and the
    stray ``N(YYYY)`` of runs left open."""
    text = scan.text
    for m in P.RES_AFTER_RE.finditer(text):
        if scan.free(m.start(), m.end()) and (symbol := _sc_symbol(m, years)) is not None:
            scan.take(m.start(), m.end(), symbol)
            scan.block(m.start(), m.end())
    for run in _runs(text, P.CITE_ITEM_RE, scan.mask):
        close = _close(text, run[-1])
        if close is None:
            scan.found.extend(_stray(run, years))
            continue
        if _organ_before(text, run[0].start(), council=True) in (None, "SC"):
            for item, (a, b) in _item_spans(run, close):
                symbol = _sc_symbol(item, years)
                scan.take(a, b, symbol, symbol and _item_date(item, symbol))
        scan.block(run[0].start(), close.end())


def _cited(text: str, m: re.Match) -> bool:
    """A press release counts only where it is cited as a document
    (SC/7791-IK/365号文件, in parentheses), not in its own header line."""
    if not m.group("press"):
        return True
    return text[m.end() : m.end() + 1] in ("号", ")") or text[max(0, m.start() - 1) : m.start()] == "("


def _with_year(symbol: Symbol | None, years: ResolutionYears) -> Symbol | None:
    """``S/RES/1373`` printed without its year → ``S/RES/1373 (2001)`` by the year table."""
    if symbol is None or not symbol.text.startswith("S/RES/") or symbol.year is not None:
        return symbol
    return sc_resolution(int(symbol.text[6:]), years.year_of(int(symbol.text[6:])))


def _date_before(text: str, start: int, symbol: Symbol):
    """The date printed right before a symbol (2014年12月18日S/PRST/2014/28号), if its year agrees."""
    m = P.DATE_BEFORE_SYMBOL_RE.search(text, max(0, start - 20), start)
    return _item_date(m, symbol, "") if m else None


def _runs(text: str, item_re: re.Pattern, mask: bytearray) -> Iterator[list[re.Match]]:
    """Items of ``item_re`` outside ``mask``, grouped into runs joined by list words.

    Two items are in one run when the text between them is a LIST_JOIN, or
    nothing after an item ending in ``)`` or ``号`` (separators lost:
    ``1368(2001)1373(2001)``).  One pass: linear in the text.
    """
    return runs(
        item_re.finditer(text),
        lambda prev, m: _joined(text, prev, m),
        skip=lambda m: any(mask[m.start() : m.end()]),
    )


def _joined(text: str, prev: re.Match, item: re.Match) -> bool:
    gap = text[prev.end() : item.start()]
    if not gap:
        return prev.group(0)[-1] == ")" or "号" in prev.group(0)
    return len(gap) <= 2 and P.LIST_JOIN_RE.fullmatch(gap) is not None


def _close(text: str, last: re.Match) -> re.Match | None:
    """What closes a run after its ``last`` item: 决议, or 等…决议 / 两项决议 after
    an item ending in 号 or its year (20多项决议 is a count, not an item)."""
    close = P.RES_CLOSE_RE.match(text, last.end())
    if close is None or close.group(0) == "决议" or "号" in last.group(0) or last.group(0)[-1] == ")":
        return close
    return None


def _closed_runs(text: str, item_re: re.Pattern, mask: bytearray):
    """The runs of ``item_re`` that a 决议 closes, with the closing match."""
    for run in _runs(text, item_re, mask):
        close = _close(text, run[-1])
        if close is not None:
            yield run, close


def _in_masthead(doc: Doc, starts: list[int], m: re.Match) -> bool:
    """Whether symbol ``m`` stands alone in its block right after a 联合国 line:
    an official masthead, so the document's own symbol (A/HRC/RES/40/16)."""
    i = bisect.bisect_right(starts, m.start()) - 1
    if i < 1 or doc.norm.blocks[i].start != m.start():
        return False
    rest = doc.text[m.end() : doc.norm.blocks[i].end]
    alone = P.MASTHEAD_SYMBOL_RE.fullmatch(rest) is not None
    return alone and doc.norm.block_text(i - 1).startswith("联合国")


def _item_spans(run: list[re.Match], close: re.Match):
    """Each item with its span; the last item's span runs to 决议."""
    for i, item in enumerate(run):
        yield item, (item.start(), close.end() if i == len(run) - 1 else item.end())


def _organ_at(text: str, end: int) -> str:
    """Which organ the name ending at ``end`` is: a key of _ORGANS' values, or "other"."""
    head = text[max(0, end - 12) : end]
    if P.OTHER_ORGAN_PREFIX_RE.search(head):
        return "other"
    return next((key for name, key in _ORGANS if head.endswith(name)), "other")


def _organ_before(text: str, start: int, council: bool = False) -> str | None:
    """The organ named right before a list (a date between them allowed), if any.

    Before a ``council`` list, a committee or meeting is the subject of the
    resolution (1540委员会第1540(2004)号决议), not its author: ignored.
    """
    m = P.ORGAN_BEFORE_RE.search(text, max(0, start - 40), start)
    if m is None:
        return None
    organ = _organ_at(text, m.end("organ"))
    if council and organ == "other" and m.group("organ") in ("委员会", "会议"):
        return None
    return organ


def _organ_in_sentence(text: str, start: int) -> str:
    """The nearest UN organ numbering by session named earlier in the sentence; else GA.

    人权理事会2007年6月18日关于理事会体制建设的第5/1号决议 → HRC (the inner
    理事会 is no organ of ours, so it is passed over, as are the Council and
    bodies such as 反恐委员会, which adopt no such resolutions).
    """
    lo = max(0, start - _ORGAN_WINDOW)
    lo = max(lo, *(text.rfind(c, lo, start) + 1 for c in "。;\n"))
    for m in reversed(list(P.ORGAN_WORD_RE.finditer(text, lo, start))):
        organ = _organ_at(text, m.end())
        if organ in _BY_SESSION or organ in _BY_YEAR:
            return organ
    return "GA"


def _session_symbol(organ: str, session: str, number: int) -> Symbol | None:
    """The symbol of resolution ``session/number`` of ``organ``, if the numbering fits it."""
    by_year = len(session) == 4
    if organ in _BY_SESSION and not by_year:
        return _BY_SESSION[organ](int(session), number)
    if organ in _BY_YEAR and by_year:
        return _BY_YEAR[organ](int(session), number)
    return None


def _number(item: re.Match) -> int:
    return int(item.group("num")) if item.group("num") else cn_number(item.group("cnum"))


def _printed_year(item: re.Match) -> int | None:
    y = item.group("year") or item.groupdict().get("cyear")
    return cn_number(y) if y else None


def _sc_symbol(item: re.Match, years: ResolutionYears) -> Symbol | None:
    """The Council resolution an item closed by 决议 cites, or None (see the module doc)."""
    number = _number(item)
    printed = _printed_year(item)
    if printed is not None:
        return sc_resolution(number, printed) if years.plausible(number, printed) else None
    if number > years.rows[-1][1] + _NEWER_MARGIN or number == 0:
        return None
    if number < 100 and item.group(0).isdigit():
        return None  # a bare 16决议草案 is a footnote number, not resolution 16
    before = item.groupdict().get("pyear") or item.groupdict().get("qyear")
    if before and years.plausible(number, int(before)):
        return sc_resolution(number, int(before))
    return sc_resolution(number, years.year_of(number))


def _stray(run: list[re.Match], years: ResolutionYears):
    """Items of an unclosed run that still cite: ``N(YYYY)`` with a plausible year
    (not COVID-19(2020))."""
    for item in run:
        printed = _printed_year(item)
        if printed is not None and years.plausible(_number(item), printed):
            symbol = sc_resolution(_number(item), printed)
            yield Span(item.start(), item.end()), symbol, _item_date(item, symbol)


def _item_date(m: re.Match, symbol: Symbol, prefix: str = "i_"):
    """The date printed before a cited item, if its year agrees with the symbol."""
    date = date_from_match(m, prefix)
    if date is None:
        return None
    if symbol.year is not None and symbol.year != date.year:
        return None
    return date
