"""Normalized blocks → header, paragraphs and annexes.

The document type comes from the text itself: a resolution has a title
``第N(YYYY)号决议`` and an adoption line; a presidential statement a heading
``安全理事会主席声明`` or an opening ``…声明如下``; a letter a heading
``DATE…给…的信``.  In a resolution the printed number, not the verb, makes a
paragraph operative; sub-items (``(a)``, ``–``) belong to the paragraph before.
"""

from __future__ import annotations

from bisect import bisect_left

from .. import patterns as P
from ..dates import date_from_match
from ..model import Header, Paragraph, ParaRef, Part, Span, Structure
from ..symbols import parse, sc_resolution
from . import header as H
from .normalize import Normalized

# A heading inside a letter or annex: short and without sentence punctuation.
_HEADING_MAX = 24
# A report's title may be long (会员国执行安全理事会第1373(2001)号决议和其他相关决议
# 情况全球调查): still a title when it has no sentence punctuation.
_TITLE_MAX = 80


def _body_blocks(norm: Normalized) -> list[int]:
    return [i for i, b in enumerate(norm.blocks) if b.kind == "body"]


def _span(norm: Normalized, i: int, skip: int = 0) -> Span:
    b = norm.blocks[i]
    return Span(b.start + skip, b.end)


def parse_structure(norm: Normalized) -> Structure:
    """Find the header, paragraphs and annexes of a normalized document."""
    blocks = _body_blocks(norm)
    op = H.opening(norm, blocks)
    doc_type = op.doc_type
    header: dict = {"doc_type": doc_type}
    if op.kind in ("intro", "letter"):
        head = op.pos  # the opening itself is read by _statement / _letter
    elif op.kind in ("none", "excerpt"):  # no opening block: header lines from the top
        head = _header_lines(norm, blocks, 0, doc_type)
    else:
        head = _header_lines(norm, blocks, op.pos + 1, doc_type)
    end = H.trailer_start(norm, blocks, head)
    titled = False
    if doc_type == "other":
        head, titled = _page_title(norm, blocks, head, end)
    around = [*range(head), *range(end, len(blocks))]
    header_spans = [_span(norm, blocks[k]) for k in around]
    ref = head if op.kind in ("none", "excerpt") else op.pos
    header["furniture_spans"] = tuple(
        _span(norm, blocks[k]) for k in H.furniture_positions(norm, blocks, ref, head, end))
    _header_facts(norm, H.cells(norm, blocks, around), header)

    body = blocks[head:end]
    if doc_type == "resolution":
        paragraphs, parts = _resolution(norm, body)
    elif doc_type == "prst":
        paragraphs, parts = _statement(norm, body, header)
    elif doc_type == "letter":
        paragraphs, parts = _letter(norm, body, header, header_spans)
    else:
        if titled:
            # Not a header span: an other document's title is not its own symbol,
            # so a citation in it ("第1373(2001)号决议全球执行情况调查") counts.
            header["title"] = _span(norm, body[0])
            body = body[1:]
        paragraphs, parts = _plain(norm, body, ""), ()
    for key in ("fallback_date", "masthead_date"):
        late = header.pop(key, None)
        if late and "date" not in header:
            header["date"], header["date_span"] = late
    header.pop("masthead_date", None)
    header["header_spans"] = tuple(sorted(header_spans))
    paragraphs = _attach_footnotes(norm, paragraphs)
    return Structure(Header(**header), tuple(paragraphs), tuple(parts))


def _page_title(norm: Normalized, blocks: list[int], k: int, end: int) -> tuple[int, bool]:
    """An other document's header end and whether a title opens its body.

    A heading followed by furniture or header lines was the page's title (a
    news headline and its byline, a wiki page's title and site name, then the
    document's masthead): it joins the header, and the next heading is tried.
    """
    while k < end and _is_heading(norm.block_text(blocks[k]), _TITLE_MAX):
        n = _header_lines(norm, blocks, k + 1, "other")
        if n == k + 1:
            return k, True
        k = n
    return k, False


def _header_lines(norm: Normalized, blocks: list[int], k: int, doc_type: str) -> int:
    """The position after the header lines from ``k`` on (a resolution's council line included)."""
    while k < len(blocks):
        t = norm.block_text(blocks[k])
        if doc_type == "resolution" and P.COUNCIL_LINE_RE.match(t):
            return k + 1
        titled = doc_type != "other" and (P.RES_TITLE_RE.match(t) or P.PRST_TITLE_RE.match(t))
        masthead = (m := P.SYMBOL_LINE_RE.match(t) or P.MASTHEAD_LINE_RE.match(t)) and (
            not m.group("symbol") or _own_kind(parse(m.group("symbol")), doc_type))
        if not (titled or masthead or P.DATE_LINE_RE.match(t) or P.HEADER_NOISE_RE.match(t)
                or H.is_furniture(t) or H.adoption(t)):
            return k
        k += 1
    return k


def found_in(found: list, span: Span) -> bool:
    """Whether a symbol was already found inside ``span``."""
    return any(span.start <= sp.start < span.end for _, sp in found)


def _own_kind(symbol, doc_type: str) -> bool:
    """Whether ``symbol`` can be a ``doc_type`` document's own: a resolution's or
    statement's symbol heading a summary, a news item or a report names the
    document it is about (un.org's summary page under S/RES/2462(2019)), a citation."""
    if symbol is None:
        return True  # not a symbol we know: nothing says it is another document's
    kind = "resolution" if "/RES/" in symbol.text else symbol.kind  # A/HRC/RES/40/16 too
    return kind == {"resolution": "resolution", "prst": "prst"}.get(doc_type, "document")


def _header_facts(norm: Normalized, cells: list[H.Cell], header: dict) -> None:
    """Symbol, date and adopting meeting from the header and trailer lines."""
    doc_type = header["doc_type"]
    near = None
    for c in cells:
        m = H.adoption(c.text)
        if m:
            near = c.span.start
            if m.group("meeting"):
                header["meeting_number"] = int(m.group("meeting"))
                header["meeting_span"] = c.span
            if m.group("y") or m.group("cy"):
                header["date"], header["date_span"] = date_from_match(m), c.span
            break
    fields = H.field_values(cells)
    # un.org prints a resolution's date under a label: on a page about it (a
    # summary) that is the resolution's date, not the page's
    labels = () if doc_type == "resolution" else ("Resolution Date", "通过日期")
    theirs = {fields[k][1] for k in labels if k in fields}
    found = []
    for c in cells:
        t = c.text
        if (m := P.ADOPTED_BY_RE.match(t)) and doc_type == "resolution":
            header.setdefault("date", date_from_match(m))
            header.setdefault("date_span", c.span)
        elif (m := P.DATE_LINE_RE.match(t)) and doc_type != "letter":
            header.setdefault("date", date_from_match(m))
            header.setdefault("date_span", c.span)
        elif (m := P.RES_TITLE_RE.match(t)) and doc_type == "resolution":
            header.setdefault("title", c.span)
        elif (m := P.PRST_TITLE_RE.match(t)) and doc_type == "prst":
            header.setdefault("title", c.span)
            if m.group("t_y"):  # 2014年8月15日安全理事会主席声明
                header.setdefault("date", date_from_match(m, "t_"))
                header.setdefault("date_span", c.span)
        elif (meeting := H.vote_meeting(t)) and "meeting_number" not in header:
            header["meeting_number"], header["meeting_span"] = meeting, c.span
        if ((d := P.ENGLISH_DATE_RE.search(t)) and "masthead_date" not in header and H.english_date(d)
                and c.span not in theirs):
            header["masthead_date"] = (H.english_date(d), c.span)
        found += H.symbols_in(c, titles=doc_type in ("resolution", "prst"))
        # an official masthead's symbol of another series (A/HRC/RES/40/16 under 联合国 / 大会)
        if (m := P.MASTHEAD_LINE_RE.match(t)) and m.group("symbol") and not found_in(found, c.span):
            if s := parse(m.group("symbol")):
                found.append((s, c.span))
    for label in ("Resolution number", "Document symbol", "Symbol", "文件号", "文号"):
        if label in fields and (s := parse(fields[label][0])):
            found.append((s, fields[label][1]))
    best = H.symbol_votes([(s, sp) for s, sp in found if _own_kind(s, doc_type)], None, near)
    if best:
        header["symbol"], header["symbol_span"] = best
        # a date printed right after the document's own title or symbol (wiki navigation)
        for c in cells:
            for s, sp in found:
                after = c.text[sp.end - c.span.start :] if c.span.start <= sp.start < c.span.end else ""
                if s == best[0] and (m := P.DATE_AFTER_TITLE_RE.match(after)):
                    header.setdefault("fallback_date", (date_from_match(m), c.span))
        # a wrapper's notice: 安全理事会于DATE通过的…第N(YYYY)号决议, this resolution
        for c in cells:
            for m in P.ADOPTED_MENTION_RE.finditer(c.text):
                if best[0] == sc_resolution(int(m.group("num")), int(m.group("year"))):
                    header.setdefault("fallback_date", (date_from_match(m), c.span))
    if "会议" in fields and fields["会议"][0].isdigit() and "meeting_number" not in header:
        header["meeting_number"], header["meeting_span"] = int(fields["会议"][0]), fields["会议"][1]
    if doc_type == "resolution" and "meeting_number" not in header:
        # a page's own prose about the resolution: 是2001年9月28日安全理事会第4385次会议通过的一项决议
        for c in cells:
            if m := P.MEETING_MENTION_RE.search(c.text):
                a = c.span.start
                header["meeting_number"], header["meeting_span"] = int(m.group("meeting")), Span(
                    a + m.start(), a + m.end())
                header.setdefault("fallback_date", (date_from_match(m), header["meeting_span"]))
                break
    # a resolution's date labels only a resolution's page (an other page's is the summarised one's)
    labels = ("Resolution Date", "通过日期") if doc_type == "resolution" else ()
    for label in (*labels, "Date", "文件日期", "发布日期", "日期"):
        if label in fields:
            value, span = fields[label]
            m = H.date_in(value)
            e = P.ENGLISH_DATE_RE.search(value)
            d = date_from_match(m) if m else H.english_date(e) if e else None
            if d:
                header["fallback_date"] = (d, span)
                break


def _is_heading(t: str, limit: int = _HEADING_MAX) -> bool:
    return len(t) <= limit and not P.SENTENCE_PUNCT_RE.search(t)


def _resolution(norm, body):
    rest = list(body)
    paragraphs: list[Paragraph] = []
    preambular = 0
    annex_at = next((k for k, i in enumerate(rest) if P.ANNEX_LINE_RE.match(norm.block_text(i))), None)
    main, annex = (rest, []) if annex_at is None else (rest[:annex_at], rest[annex_at:])
    for i in main:
        t = norm.block_text(i)
        m = P.OPERATIVE_NUMBER_RE.match(t)
        if m:
            paragraphs.append(Paragraph(ParaRef("", "op", int(m.group("n"))), _span(norm, i)))
        elif paragraphs and (paragraphs[-1].ref.kind == "op" or P.SUBITEM_RE.match(t)):
            last = paragraphs[-1]  # a sub-item or a page-broken continuation
            paragraphs[-1] = Paragraph(last.ref, Span(last.span.start, norm.blocks[i].end))
        else:
            preambular += 1
            paragraphs.append(Paragraph(ParaRef("", "pp", preambular), _span(norm, i)))
    paragraphs = _single_operative(norm, paragraphs)
    parts = ()
    if annex:
        part = Part("annex/1", _span(norm, annex[0]), None)
        paragraphs += _plain(norm, annex[1:], part.key)
        parts = (part,)
    return paragraphs, parts


def _single_operative(norm, paragraphs: list[Paragraph]) -> list[Paragraph]:
    """The unnumbered operative paragraph of a resolution that has only one.

    UN style leaves a lone operative paragraph unnumbered (决定:(a)…;(b)…;(c)请秘书长…。
    in S/RES/368 (1975)): it is the last paragraph, opens with an operative verb and
    ends with 。 where every preambular paragraph ends with a comma.  It is operative
    paragraph 1; with numbered paragraphs present nothing changes.
    """
    if not paragraphs or any(p.ref.kind == "op" for p in paragraphs):
        return paragraphs
    last = paragraphs[-1]
    if not P.UNNUMBERED_OPERATIVE_RE.match(norm.text[last.span.start : last.span.end].strip()):
        return paragraphs
    return [*paragraphs[:-1], Paragraph(ParaRef("", "op", 1), last.span, last.footnotes)]


def _statement(norm, body, header):
    rest = list(body)
    paragraphs: list[Paragraph] = []
    # The opening paragraph: date, meeting, agenda item, then "声明如下".
    if rest and (m := P.PRST_INTRO_RE.search(t := norm.block_text(rest[0]))):
        _statement_intro(norm, rest[0], t, header)  # not a header span: it may cite (S/2020/372)
        if m.end() < len(t):  # a web page ran the first paragraph on: …声明如下:“安全理事会…
            start = norm.blocks[rest[0]].start + m.end()
            paragraphs.append(Paragraph(ParaRef("", "p", 1), Span(start, norm.blocks[rest[0]].end)))
        rest = rest[1:]
    # Every paragraph opens with a quote, so a block without one continues the
    # last (a page break).  Web copies may drop the quotes altogether: then a
    # block opening with the Council (安全理事会重申…) starts a paragraph.
    quoted = any(norm.block_text(i).startswith(("“", '"')) for i in rest)
    for i in rest:
        t = norm.block_text(i)
        opens = t.startswith(("“", '"')) if quoted else bool(P.STATEMENT_SUBJECT_RE.match(t))
        if paragraphs and not opens:
            last = paragraphs[-1]
            paragraphs[-1] = Paragraph(last.ref, Span(last.span.start, norm.blocks[i].end))
        else:
            paragraphs.append(Paragraph(ParaRef("", "p", len(paragraphs) + 1), _span(norm, i)))
    return paragraphs, ()


def _statement_intro(norm, i, t, header):
    base = norm.blocks[i].start
    m = P.MEETING_MENTION_RE.search(t)
    if m:
        header["meeting_number"] = int(m.group("meeting"))
        header["meeting_span"] = Span(base + m.start(), base + m.end())
    m = m or H.date_in(t)
    if m and "date" not in header:
        header["date"] = date_from_match(m)
        header["date_span"] = Span(base + m.start(), base + m.end())
    a = P.AGENDA_ITEM_RE.search(t)
    if a:
        header["agenda_item"] = a.group("item")


def _letter(norm, body, header, header_spans):
    rest = list(body)
    i = rest.pop(0)
    m = P.LETTER_TITLE_RE.match(norm.block_text(i))
    header["title"] = _span(norm, i)
    header_spans.append(header["title"])
    header["date"] = date_from_match(m)
    header["date_span"] = _span(norm, i)
    header["sender"] = m.group("sender")
    header["recipient"] = m.group("recipient")
    annex_at = next(
        (
            k
            for k, j in enumerate(rest)
            if ((a := P.LETTER_TITLE_RE.match(norm.block_text(j))) and a.group("annex"))
            or P.ANNEX_LINE_RE.match(norm.block_text(j))
        ),
        len(rest),
    )
    letter, annex = rest[:annex_at], rest[annex_at:]
    # The signature block: a "(签名)" line and the short title lines above it.
    sig = next((k for k, j in enumerate(letter) if P.SIGNATURE_RE.match(norm.block_text(j))), None)
    if sig is not None:
        start = sig
        while start > 0 and _is_heading(norm.block_text(letter[start - 1])) and sig - start < 3:
            start -= 1
        header["signatory"] = P.SIGNATURE_RE.match(norm.block_text(letter[sig])).group("name")
        titles = [norm.block_text(j) for j in letter[start:sig]]
        if titles:
            header["signatory_title"] = " ".join(titles)
        letter = letter[:start] + letter[sig + 1 :]
    paragraphs = _plain(norm, letter, "")
    parts = []
    if annex:
        title = None
        rest_annex = annex[1:]
        if rest_annex and not P.NUMBERED_START_RE.match(norm.block_text(rest_annex[0])) and not (
            norm.block_text(rest_annex[0]).endswith("。")
        ):
            title = _span(norm, rest_annex[0])
            rest_annex = rest_annex[1:]
        part = Part("annex/1", _span(norm, annex[0]), title)
        parts.append(part)
        paragraphs += _plain(norm, rest_annex, part.key)
    return paragraphs, tuple(parts)


def _plain(norm, blocks, part: str) -> list[Paragraph]:
    """Unnumbered paragraphs ``p/N``: headings skipped, sub-items merged."""
    out: list[Paragraph] = []
    for i in blocks:
        t = norm.block_text(i)
        if _is_heading(t) and not P.NUMBERED_START_RE.match(t) and not P.SUBITEM_RE.match(t):
            continue
        if out and P.SUBITEM_RE.match(t):
            last = out[-1]
            out[-1] = Paragraph(last.ref, Span(last.span.start, norm.blocks[i].end))
            continue
        out.append(Paragraph(ParaRef(part, "p", len(out) + 1), _span(norm, i)))
    return out


def _attach_footnotes(norm: Normalized, paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Attach each footnote number to the paragraph whose marker refers to it."""
    # markers by the start of their block: each paragraph bisects for its own
    # (a scan of every marker per paragraph is quadratic in a long document)
    order = sorted(range(len(norm.markers)), key=lambda k: norm.blocks[norm.markers[k].block].start)
    starts = [norm.blocks[norm.markers[k].block].start for k in order]
    out = []
    for p in paragraphs:
        mine = sorted(order[bisect_left(starts, p.span.start) : bisect_left(starts, p.span.end)])
        numbers = tuple(norm.markers[k].number for k in mine)  # in the markers' order
        out.append(Paragraph(p.ref, p.span, numbers) if numbers else p)
    return out

