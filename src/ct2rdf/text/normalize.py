"""Source text → normalized paragraphs, with a map back to every source character.

Every step only maps characters one to one or deletes them, so each
character of the normalized text knows the source character it came from:
``Normalized.offsets[i]`` is the index, in the decoded source, of
``Normalized.text[i]``.  Provenance selectors are computed from that map.

Steps, in order:

1. Fold each character: NFKC where it keeps the length (``，`` → ``,``,
   ``（`` → ``(``, U+3000 → space); delete invisible format characters
   (U+202E, U+200B, soft hyphens: they would hide a name from the patterns;
   counted in ``Normalized.invisible`` for a warning) and the noise of machine-converted web
   pages, pinyin in parentheses after a character (``會(huì)議``) and list
   bullets (``- 回顾…``); then OpenCC ``t2s`` (Traditional → Simplified),
   which is length-preserving character for character.
2. Classify lines: URL lines (kept aside, they carry citations), page
   furniture (job numbers, page numbers, the running head; dropped), footnote
   rules and footnote bodies, and ordinary text.
3. Join lines into paragraphs (:mod:`ct2rdf.text.lines`): "layout", where a
   paragraph's last line ends in a space; "block", one paragraph per line
   with page breaks inside paragraphs; text re-wrapped at a fixed width,
   whose full lines continue; a page printing everything on one line is
   split first.  Header lines and page furniture stand alone.
4. Delete footnote markers glued to the text (``若干关键决议1 中``), or left
   alone on a line by a wrap, when a footnote with that number exists.
5. Delete every whitespace run except one between two ASCII letters or digits.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import compress

from .. import patterns as P
from .lines import (
    Line,
    footnote_continues,
    is_furniture,
    is_layout,
    split_lines,
    starts_paragraph,
    unflatten,
    wrap_width,
)

# Variants OpenCC's t2s keeps but the gazetteer and verb lists spell otherwise.
# Each pair is of equal length so the offset map stays one to one.
_VARIANTS = (("著重", "着重"),)
# Traditional typography quotes with corner brackets, which t2s keeps; the
# patterns expect the curly quotes of Simplified texts (“安全理事会…”).
_QUOTES = str.maketrans("「」『』", "“”‘’")


@dataclass(frozen=True)
class Block:
    """One paragraph of normalized text: ``text[start:end]``.

    ``kind`` is ``"body"`` or ``"footnote"``; ``number`` is a footnote's number.
    """

    start: int
    end: int
    kind: str = "body"
    number: int | None = None


@dataclass(frozen=True)
class Marker:
    """A footnote marker deleted from a body block."""

    number: int
    block: int  # index of the body block that holds it
    source_start: int
    source_end: int


@dataclass(frozen=True)
class UrlLine:
    """A line holding only a URL, with its place in the source."""

    url: str
    source_start: int
    source_end: int
    block: int | None  # the body block it interrupts or follows, if any


@dataclass(frozen=True)
class Normalized:
    """The normalized text of one source, its blocks and its offset map."""

    source: str
    text: str
    offsets: tuple[int, ...]
    blocks: tuple[Block, ...]
    markers: tuple[Marker, ...]
    urls: tuple[UrlLine, ...]
    traditional: bool
    # Invisible format characters deleted for matching: (how many, source offset of the first)
    invisible: tuple[int, int] = (0, -1)
    # Source ranges of the lines set aside inside the body text: footnote rules,
    # footnotes and URL lines, sorted.  A span never covers one (see source_pieces).
    asides: tuple[tuple[int, int], ...] = ()

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Map the normalized span ``[start, end)`` to a source span."""
        if end <= start:
            raise ValueError(f"empty span {start}:{end}")
        return self.offsets[start], self.offsets[end - 1] + 1

    def source_pieces(self, start: int, end: int) -> list[tuple[int, int, int, int]]:
        """The normalized span ``[start, end)`` as contiguous source pieces.

        Each piece is ``(normalized start, normalized end, source start, source end)``.
        A PDF page break can put the page's footnotes and URL lines in the middle
        of a paragraph (…针对软目标的袭击； / footnotes / URLs / 滥用新的信息…):
        the span is cut there, so no piece holds a footnote block or a URL line.
        Everything else between two characters (line breaks, page furniture,
        a deleted footnote marker) stays inside its piece.
        """
        first, last = self.source_span(start, end)
        i = bisect_left(self.asides, (first + 1, -1))
        if i == len(self.asides) or self.asides[i][0] >= last:
            return [(start, end, first, last)]
        pieces, a = [], start
        for k in range(start, end - 1):
            gap_start, gap_end = self.offsets[k] + 1, self.offsets[k + 1]
            j = bisect_left(self.asides, (gap_start, -1))
            if gap_end > gap_start and j < len(self.asides) and self.asides[j][0] < gap_end:
                pieces.append((a, k + 1, self.offsets[a], self.offsets[k] + 1))
                a = k + 1
        pieces.append((a, end, self.offsets[a], last))
        return pieces

    def block_text(self, i: int) -> str:
        """The text of block ``i``."""
        b = self.blocks[i]
        return self.text[b.start : b.end]


@lru_cache(maxsize=1)
def _t2s():
    import opencc  # imported lazily: keeps `ct2rdf --help` fast

    return opencc.OpenCC("t2s")


def fold(source: str) -> tuple[str, bool]:
    """Fold ``source`` character by character; return it and whether t2s changed it.

    The result has exactly the length of ``source``.
    """
    folded = _fold_chars(source)
    converted = _simplified(folded)
    return converted, converted != folded


def _fold_chars(source: str) -> str:
    """NFKC per character where it keeps the length; corner quotes to curly ones."""
    table = {}
    for c in set(source):  # a text uses a few thousand distinct characters at most
        if not c.isascii() and (f := _fold_char(c)) != c:
            table[c] = f
    if not table:
        return source
    return P.one_of(table).sub(lambda m: table[m.group()], source)


@cache
def _fold_char(c: str) -> str:
    n = unicodedata.normalize("NFKC", c)
    return (n if len(n) == 1 else c).translate(_QUOTES)


def _simplified(folded: str) -> str:
    converted = _convert_same_length(folded)
    for old, new in _VARIANTS:
        converted = converted.replace(old, new)
    return converted


def strip_noise(folded: str) -> tuple[str, Sequence[int]]:
    """Delete invisible format characters, inline pinyin and list bullets; return the
    text and its index map.

    ``index[i]`` is the position in ``folded`` of the result's character ``i``;
    one extra entry maps the end of the text.  Deleting (never replacing)
    keeps every remaining character's source offset exact.  Invisible
    characters go first, so a U+200B before a bullet hides neither.
    """
    text, index = _delete(folded, [m.span() for m in P.INVISIBLE_RE.finditer(folded)])
    cuts = [m.span(1) for m in P.INLINE_PINYIN_RE.finditer(text)]
    cuts += [m.span() for m in P.LIST_BULLET_RE.finditer(text)]
    if not cuts:
        return text, index
    text, again = _delete(text, cuts)
    return text, again if isinstance(index, range) else [index[i] for i in again]


def _delete(text: str, cuts: list[tuple[int, int]]) -> tuple[str, Sequence[int]]:
    """``text`` without the spans ``cuts`` (line breaks inside them stay), and its index map."""
    if not cuts:
        return text, range(len(text) + 1)
    keep = bytearray(b"\x01") * len(text)
    for a, b in cuts:
        keep[a:b] = bytes(b - a)
        for i in range(a, b):  # line breaks stay: lines keep their number and printed width
            keep[i] = text[i] in "\r\n"
    index = list(compress(range(len(text)), keep))
    return "".join(compress(text, keep)), [*index, len(text)]


def _convert_same_length(text: str) -> str:
    conv = _t2s().convert
    out = conv(text)
    if len(out) == len(text):
        return out
    # A phrase rule changed the length somewhere: fall back line by line,
    # then character by character, so offsets stay one to one.
    lines = []
    for line in text.split("\n"):
        c = conv(line)
        if len(c) != len(line):
            c = "".join(x if len(x := conv(ch)) == 1 else ch for ch in line)
        lines.append(c)
    return "\n".join(lines)


def normalize(source: str) -> Normalized:
    """Normalize a decoded source text (see the module docstring)."""
    chars = _fold_chars(source)
    stripped, index = strip_noise(chars)
    invisible = _invisible(chars)
    identity = len(stripped) == len(chars)  # nothing deleted: index[i] == i
    folded = _simplified(stripped)
    traditional = folded != stripped
    lines = split_lines(folded)
    printed = P.INVISIBLE_RE.sub("", chars) if invisible else chars  # what a line's width counts
    for ln, raw in zip(lines, printed.split("\n"), strict=True):  # noise deletion kept every line break
        ln.width = len(raw.rstrip("\r"))
    lines = unflatten(lines)
    width = wrap_width(lines)
    layout = is_layout(lines, width)

    # Pass 1: sort lines into paragraphs (lists of line indexes), footnotes and URLs.
    paragraphs: list[list[int]] = []
    footnotes: list[tuple[int, list[int], int]] = []  # (number, lines, paragraph count at rule)
    url_lines: list[tuple[int, int]] = []  # (line index, paragraph index or -1)
    asides: list[int] = []  # footnote rules, footnote lines and URL lines (line indexes)
    in_footnotes = False
    prev_body: Line | None = None
    logical = ""  # the source line a re-wrapped text's pieces so far were cut from
    current_fn: tuple[int, list[int], int] | None = None
    symbols_seen: set[str] = set()  # symbol-only lines so far (masthead, running heads)
    after_furniture = False
    for i, ln in enumerate(lines):
        t = ln.text
        if ln.blank:
            continue
        # Page furniture (job number, barcode, page number) and the running head that
        # repeats the symbol at the top of a page sit inside paragraphs, even inside
        # words (反恐执 / 2/3 17-23196 / S/RES/2395 (2017) / 行局): drop them.
        s = P.MASTHEAD_LINE_RE.match(t)
        symbol = "".join(s.group("symbol").split()) if s and s.group("symbol") else None
        if is_furniture(t) or (symbol and (symbol in symbols_seen or after_furniture or "\f" in t)):
            after_furniture = True
            continue
        after_furniture = False
        if symbol:
            symbols_seen.add(symbol)
        if P.URL_LINE_RE.match(t):
            url_lines.append((i, len(paragraphs) - 1))
            asides.append(i)
            in_footnotes = False
            continue
        if P.FOOTNOTE_RULE_RE.match(t):
            in_footnotes = True
            current_fn = None
            asides.append(i)
            continue
        if in_footnotes:
            m = P.FOOTNOTE_ITEM_RE.match(t)
            if m:
                current_fn = (int(m.group(1)), [i], len(paragraphs))
                footnotes.append(current_fn)
                asides.append(i)
                continue
            # A footnote continues only while its last line leaves it open: the
            # body text of the next page may follow the footnotes directly.
            if current_fn is not None and footnote_continues(lines[current_fn[1][-1]].text, t, layout):
                current_fn[1].append(i)
                asides.append(i)
                continue
            in_footnotes = False
        full = bool(width) and not layout and prev_body is not None and prev_body.width == width
        starts = prev_body is None or starts_paragraph(logical, t, layout, full)
        logical = _joined(logical, t) if full else t
        if starts:
            paragraphs.append([i])
        else:
            paragraphs[-1].append(i)
        prev_body = ln

    # Pass 2: find footnote markers in the paragraphs before each footnote block.
    deleted: dict[int, list[tuple[int, int]]] = {}  # line index → spans within the line
    markers: list[tuple[int, int, int, int]] = []  # (number, paragraph, source start, end)
    if footnotes:
        for number, p, li, s, e in _marker_matches(footnotes, paragraphs, lines):
            deleted.setdefault(li, []).append((s, e))
            markers.append((number, p, lines[li].start + s, lines[li].start + e))

    # Pass 3: emit normalized text, a run of non-space characters at a time.
    chunks: list[str] = []
    offsets: list[int] = []
    blocks: list[Block] = []

    def emit(line_ids: list[int], kind: str, number: int | None, skip_prefix: int = 0) -> None:
        if blocks:
            chunks.append("\n")
            offsets.append(offsets[-1] if offsets else 0)
        start = len(offsets)
        last = ""  # the block's last character so far
        pending_space: int | None = None  # source offset of the whitespace since `last`
        broke_line: bool | str = False
        for n, li in enumerate(line_ids):
            ln = lines[li]
            body, base = ln.text, ln.start
            first = 0
            if n == 0:
                m = P.HEADING_MARK_RE.match(body)
                first = m.end() if m and "#" in m.group(0) else 0
                first = max(first, skip_prefix)
            cuts = deleted.get(li, ())
            pos = first
            for run in P.TEXT_RUN_RE.finditer(body, first):
                a, b = run.span()
                if a > pos and pending_space is None:  # whitespace (markers are digits: never cut)
                    pending_space = base + pos
                pos = b
                pieces = _uncut(a, b, cuts) if cuts else ((a, b),)
                if not pieces:  # a deleted footnote marker standing alone
                    continue
                if pending_space is not None:
                    ch = body[pieces[0][0]]
                    # A line break between two digits is a number wrapped by the
                    # PDF (第 13 / 73(2001)), not a space between two words; nor is
                    # the break after a full line of re-wrapped text (S/PR / ST/2005/64).
                    wrapped_number = broke_line == "cut" or (
                        broke_line and last.isdigit() and ch.isdigit())
                    if last and _ascii_alnum(last) and _ascii_alnum(ch) and not wrapped_number:
                        chunks.append(" ")
                        offsets.append(pending_space)
                    pending_space = None
                broke_line = False
                for x, y in pieces:
                    chunks.append(body[x:y])
                    offsets.extend(range(base + x, base + y))
                last = body[pieces[-1][1] - 1]
            if pending_space is None:  # trailing whitespace, else the line break itself
                pending_space = base + pos
            broke_line = "cut" if width and not layout and ln.width == width else True
        if len(offsets) == start:  # nothing but whitespace: drop the separator again
            if blocks:
                chunks.pop()
                offsets.pop()
            return
        blocks.append(Block(start, len(offsets), kind, number))

    para_block: dict[int, int] = {}
    for p, ids in enumerate(paragraphs):
        before = len(blocks)
        emit(ids, "body", None)
        if len(blocks) > before:
            para_block[p] = len(blocks) - 1
    for number, ids, _ in footnotes:
        prefix = P.FOOTNOTE_ITEM_RE.match(lines[ids[0]].text).end()
        emit(ids, "footnote", number, skip_prefix=prefix)

    def block_of(p: int) -> int | None:
        while p >= 0 and p not in para_block:
            p -= 1
        return para_block.get(p)

    return Normalized(
        source=source,
        text="".join(chunks),
        offsets=tuple(offsets) if identity else tuple(map(index.__getitem__, offsets)),
        blocks=tuple(blocks),
        markers=tuple(
            Marker(n, b, index[s], index[e - 1] + 1)
            for n, p, s, e in markers if (b := block_of(p)) is not None
        ),
        urls=tuple(
            UrlLine(
                P.URL_LINE_RE.match(lines[li].text).group(1),
                index[lines[li].start + len(lines[li].text) - len(lines[li].text.lstrip())],
                index[lines[li].start + len(lines[li].text.rstrip()) - 1] + 1,
                block_of(p),
            )
            for li, p in url_lines
        ),
        traditional=traditional,
        invisible=invisible,
        asides=tuple((lines[i].start, lines[i].start + len(lines[i].text)) for i in asides),
    )


def _marker_matches(footnotes, paragraphs: list[list[int]], lines: list[Line]):
    """``(number, paragraph, line, start, end)`` of the marker each footnote refers to.

    A footnote's marker is the last one with its number, not yet taken, in the
    paragraphs before its block: searched from the last of those paragraphs back,
    each paragraph's lines and markers from the last.  Every marker is listed once
    in that order, by number; a footnote bisects to its paragraphs and skips the
    markers taken, so 10,000 footnotes whose markers are missing cost one scan of the
    text, not one per footnote.
    """
    by_number: dict[int, list[tuple[int, int, int, int]]] = {}  # in search order
    for p in range(len(paragraphs) - 1, -1, -1):
        for li in reversed(paragraphs[p]):
            t = lines[li].text
            alone = P.FOOTNOTE_MARKER_LINE_RE.finditer(t) if li > paragraphs[p][0] else ()
            for m in reversed([*P.FOOTNOTE_MARKER_RE.finditer(t), *alone]):
                by_number.setdefault(int(m.group(1)), []).append((p, li, m.start(1), m.end(1)))
    neg_p = {n: [-c[0] for c in cands] for n, cands in by_number.items()}  # non-decreasing
    skip = {n: list(range(len(cands) + 1)) for n, cands in by_number.items()}  # next untaken
    taken: set[tuple[int, int, int]] = set()  # (line, start, end)
    for number, _, para_count in footnotes:
        cands = by_number.get(number)
        if not cands:
            continue
        nxt = skip[number]
        k = bisect_left(neg_p[number], 1 - min(para_count, len(paragraphs)))
        while True:
            j = k
            while nxt[j] != j:  # follow, then compress, the links past taken markers
                j = nxt[j]
            while nxt[k] != j:
                nxt[k], k = j, nxt[k]
            if j == len(cands) or (cands[j][1], *cands[j][2:]) not in taken:
                break
            nxt[j] = j + 1  # the same span listed twice: taken already
            k = j
        if j == len(cands):
            continue
        p, li, s, e = cands[j]
        nxt[j] = j + 1
        taken.add((li, s, e))
        yield number, p, li, s, e


# How much of each end of a re-wrapped line the paragraph test sees (text/lines.py:
# starts_paragraph reads a line's start and its end).  Lines of one width throughout
# (100,000 numbered items of one length) made one logical line of the whole text,
# joined and read again at every piece: quadratic.  Longer lines keep their ends.
_LOGICAL_END = 500


def _joined(logical: str, piece: str) -> str:
    """``logical + piece``, its middle dropped past ``2 * _LOGICAL_END`` characters."""
    joined = logical + piece
    if len(joined) <= 2 * _LOGICAL_END:
        return joined
    return logical[:_LOGICAL_END] + joined[-_LOGICAL_END:]


def _invisible(chars: str) -> tuple[int, int]:
    """How many invisible format characters ``chars`` holds, and where the first is."""
    first = P.INVISIBLE_RE.search(chars)
    if first is None:
        return 0, -1
    return sum(1 for _ in P.INVISIBLE_RE.finditer(chars, first.start())), first.start()


def _uncut(a: int, b: int, cuts) -> tuple[tuple[int, int], ...]:
    """``[a, b)`` without the deleted ``cuts`` (spans of footnote markers), as pieces."""
    pieces, x = [], a
    for s, e in sorted(cuts):
        if e <= x or s >= b:
            continue
        if s > x:
            pieces.append((x, s))
        x = max(x, e)
    if x < b:
        pieces.append((x, b))
    return tuple(pieces)


def _ascii_alnum(c: str) -> bool:
    return c.isascii() and c.isalnum()

