"""Source lines: how a text was laid out, and where its paragraphs break.

Three layouts reach ct2rdf: a PDF extraction whose paragraphs end in a
trailing space ("layout"), one paragraph per line ("block", web copies and
other PDF extractions), and text re-wrapped at a fixed width (web pages,
e-mail).  Pages may also print a whole document on one line.  Lines hold
folded text and the source offset of their first character.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from .. import patterns as P


@dataclass
class Line:
    """One source line: where it starts, its folded text, its printed width."""

    start: int  # source offset of the first character
    text: str  # folded text, without the newline
    width: int = 0  # its length as printed, before inline pinyin was deleted

    @property
    def blank(self) -> bool:
        """Nothing but whitespace."""
        return not self.text.strip()


def split_lines(folded: str) -> list[Line]:
    """The lines of ``folded``, each with the offset of its first character."""
    out, pos = [], 0
    for raw in folded.split("\n"):
        # CRLF (Windows files, GB18030 and UTF-16 ones above all): the CR is not a
        # trailing space, which would make every line of a "block" file end a paragraph
        out.append(Line(pos, raw[:-1] if raw.endswith("\r") else raw))
        pos += len(raw) + 1
    return out


def unflatten(lines: list[Line]) -> list[Line]:
    """Split the lines of a page that printed a whole document on one line.

    Some reprints join paragraphs with a space after their last punctuation
    (安全理事會, 重申…的效力, 關切地注意到…).  Such a line is told from a copy
    that spaces every comma English-style by its commas: few are spaced.
    """
    out = []
    for ln in lines:
        if " " not in ln.text and "\t" not in ln.text:  # no break without a space: most lines
            out.append(ln)
            continue
        breaks = [m.end() for m in P.FLATTENED_BREAK_RE.finditer(ln.text)]
        spaced = sum(1 for b in breaks if ln.text[: b].rstrip().endswith(","))
        if len(breaks) < 3 or spaced * 2 > ln.text.count(","):
            out.append(ln)
            continue
        for a, b in zip([0, *breaks], [*breaks, len(ln.text)], strict=True):
            piece = ln.text[a:b].rstrip()
            out.append(Line(ln.start + a, piece, len(piece)))
    return out


def is_furniture(text: str) -> bool:
    """A job number, barcode or page number line of an official PDF (``2/3  17-23196``)."""
    return bool(P.PAGE_FURNITURE_RE.match(text)) and all(
        int(a) <= int(b) for a, b in P.PAGE_NUMBER_RE.findall(text)
    )


def wrap_width(lines: list[Line]) -> int | None:
    """The width a web page or an editor wrapped the text at, if it was.

    In re-wrapped text no line is longer than the width and many lines (every
    line of a paragraph but its last) are exactly that long; a web copy's or a
    "block" PDF extraction's lines are whole paragraphs of every length.
    Header lines and furniture, added by the page around the text, do not count.
    """
    lengths = Counter(
        ln.width for ln in lines
        if len(ln.text.strip()) >= 20 and P.CJK_CHAR_RE.search(ln.text) and not standalone(ln.text)
    )
    if not lengths:
        return None
    width = max(lengths)
    count = lengths[width]
    return width if count >= 2 and count >= 0.2 * sum(lengths.values()) else None


def is_layout(lines: list[Line], width: int | None = None) -> bool:
    """True for the PDF layout whose paragraphs end in a trailing space."""
    text = [
        ln.text for ln in lines
        if not ln.blank and not P.URL_LINE_RE.match(ln.text) and not is_furniture(ln.text)
        and ln.width != width  # a full line of wrapped text (no trailing space) says nothing
    ]
    if not text:
        return False
    trailing = sum(1 for t in text if t != t.rstrip())
    return trailing / len(text) >= 0.1


def footnote_continues(prev: str, line: str, layout: bool) -> bool:
    """Whether ``line`` continues the footnote whose last line is ``prev``.

    In "layout" a footnote's last line ends in a space, as a paragraph's does;
    in "block" a footnote ends with its sentence.
    """
    if P.PARAGRAPH_START_RE.match(line):
        return False
    if layout:
        return prev == prev.rstrip()
    return not P.FOOTNOTE_END_RE.search(prev)


@lru_cache(maxsize=256)  # asked of each line up to three times in a row (width, then as line and prev)
def standalone(line: str, layout: bool = False) -> bool:
    """A line that is a paragraph of its own though long and unpunctuated.

    Web-page furniture (navigation, vote line, licence, site chrome) in either
    layout; header lines (a letter's heading, an adoption line, a title) in
    "block" only: in "layout" they end in a space like any paragraph, and a
    line of a wrapped paragraph might look like one.
    """
    t = "".join(line.split())
    header = () if layout else (P.LETTER_TITLE_RE, P.ADOPTION_RE, P.RES_TITLE_RE, P.PRST_TITLE_RE)
    return "|" in t or t.startswith(("←", "→")) or any(
        p.match(t) for p in (*header, P.PAGE_CHROME_RE, P.VOTE_LINE_RE, P.FIELD_RE))




def starts_paragraph(prev: str, line: str, layout: bool, full: bool = False) -> bool:
    """Whether ``line`` opens a new paragraph after the body line ``prev``.

    In re-wrapped text ``prev`` is the whole line the previous pieces were
    cut from, and ``full`` says the last piece filled the width: the line goes
    on, unless a numbered or quoted paragraph starts.
    """
    if standalone(prev, layout) or standalone(line, layout):
        return True
    if full and not P.PARAGRAPH_START_RE.match(line):
        return False
    if layout:
        # Quotes open lines inside paragraphs here; only numbers and items count.
        # A masthead's lines (联合国 / S/RES/2395 (2017) / Distr.: General) carry no
        # trailing space, yet each stands alone.
        return (prev != prev.rstrip() or bool(P.NUMBERED_START_RE.match(line))
                or bool(P.MASTHEAD_LINE_RE.match(line)) or bool(P.MASTHEAD_LINE_RE.match(prev)))
    if P.PARAGRAPH_START_RE.match(line):
        return True
    stripped = prev.strip()
    return bool(P.BLOCK_LINE_END_RE.search(stripped)) or len("".join(stripped.split())) <= 30
