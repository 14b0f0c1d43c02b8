"""The lines around a document: where it opens, what its header says, where the page ends.

Web copies wrap a document in page furniture: a page title, wiki navigation
naming the neighbouring resolutions, vote lines, mastheads laid out as tables,
licence footers, news-site menus.  This module finds

* the *opening*: the block where the document itself begins (a resolution's
  adoption line or council line, a statement's announcement, a letter's
  heading), searched over many blocks so any amount of furniture may precede it;
* the *trailer*: the furniture after the document (licence, navigation);
* the header *facts* (symbol, date, adopting meeting) from every line before
  the opening and in the trailer.  A navigation line names neighbours too, so
  the symbol is the one the header lines name most often.

Every header and trailer block becomes a header span: never a citation.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from . import patterns as P
from .dates import cn_number, date_from_match
from .model import Span
from .normalize import Normalized
from .reference import resolution_years
from .symbols import Symbol, parse, prst, sc_resolution

# How many leading blocks are searched for the opening: wiki pages put a dozen
# lines of furniture before it, news pages more.
HEADER_SCAN = 60
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")
_QUOTED_COUNCIL_RE = re.compile(r"^[“\"](?:安全理事会|安理会)")


@dataclass(frozen=True)
class Cell:
    """One cell of a header block (blocks of wiki navigation are split on ``|``)."""

    text: str
    span: Span
    pos: int  # position of its block in the list of body blocks


@dataclass(frozen=True)
class Opening:
    """Where a document begins: its type and the position of its opening block.

    ``kind`` is ``adoption``, ``council``, ``intro``, ``letter``, ``res_title``,
    ``prst_title`` or ``none``.
    """

    doc_type: str
    pos: int
    kind: str


def cells(norm: Normalized, blocks: list[int], positions) -> list[Cell]:
    """The cells of the blocks at ``positions`` (indexes into ``blocks``)."""
    out = []
    for k in positions:
        b = norm.blocks[blocks[k]]
        start = b.start
        for part in norm.text[b.start : b.end].split("|"):
            s = part.strip("←→ ")
            if s:
                a = start + part.index(s)
                out.append(Cell(s, Span(a, a + len(s)), k))
            start += len(part) + 1
    return out


def is_navigation(t: str) -> bool:
    """A wiki navigation or table line: ``← | 2101(2013) | … |``."""
    return "|" in t or t.startswith(("←", "→"))


def is_furniture(t: str) -> bool:
    """A line of web-page furniture (navigation, vote line, licence, site chrome)."""
    return (is_navigation(t) or bool(P.PAGE_CHROME_RE.match(t)) or bool(P.VOTE_LINE_RE.match(t))
            or bool(P.FIELD_RE.match(t)))


def adoption(t: str) -> re.Match | None:
    """An adoption line (with a date, or saying 通过), else None."""
    m = P.ADOPTION_RE.match(t)
    return m if m and (m.group("y") or m.group("cy") or m.group("adopted")) else None


def _cell_texts(t: str) -> list[str]:
    return [s for part in t.split("|") if (s := part.strip("←→ "))]


def opening(norm: Normalized, blocks: list[int]) -> Opening:
    """Find where the document begins among the first :data:`HEADER_SCAN` blocks.

    The scan stops at the first numbered or quoted Council paragraph: what
    follows is the document's body, and a report quoting a statement's
    opening further down is not a statement.
    """
    first: dict[str, int] = {}
    for k, i in enumerate(blocks[:HEADER_SCAN]):
        t = norm.block_text(i)
        if P.OPERATIVE_NUMBER_RE.match(t) or _QUOTED_COUNCIL_RE.match(t):
            break
        parts = _cell_texts(t)
        if any(adoption(c) for c in parts):
            first.setdefault("adoption", k)
        if P.PRST_INTRO_RE.search(t):
            first.setdefault("intro", k)
        m = P.LETTER_TITLE_RE.match(t)
        if m and not m.group("annex"):
            first.setdefault("letter", k)
        if any(P.RES_TITLE_RE.match(c) for c in parts):
            first.setdefault("res_title", k)
        if P.PRST_TITLE_RE.match(t):
            first.setdefault("prst_title", k)
        # 安全理事会, opens a resolution's preamble; a bare 安全理事会 may be a
        # masthead line, so it counts only after the title
        m = P.COUNCIL_LINE_RE.match(t)
        if m and (t[-1] in ",:" or first.get("res_title", k) < k):
            first.setdefault("council", k)
        if "adoption" in first or "intro" in first or "letter" in first:
            break
    strong = {"adoption": "resolution", "intro": "prst", "letter": "letter"}
    found = sorted((first[k], k) for k in strong if k in first)
    if found:
        pos, kind = found[0]
        return Opening(strong[kind], pos, kind)
    if "council" in first and ("res_title" in first or _numbered_follows(norm, blocks, first["council"])):
        return Opening("resolution", first["council"], "council")
    if "res_title" in first and _numbered_follows(norm, blocks, first["res_title"]):
        return Opening("resolution", first["res_title"], "res_title")
    if "prst_title" in first:
        return Opening("prst", first["prst_title"], "prst_title")
    return Opening("other", 0, "none")


def _numbered_follows(norm: Normalized, blocks: list[int], k: int) -> bool:
    return any(P.OPERATIVE_NUMBER_RE.match(norm.block_text(i)) for i in blocks[k + 1 : k + 1 + HEADER_SCAN])


def trailer_start(norm: Normalized, blocks: list[int], after: int) -> int:
    """Position of the first block of the page furniture after the document.

    From a licence or collection note on everything is furniture; before it,
    trailing navigation, vote and field lines are too.  ``after`` is the first
    position that may belong to the trailer.
    """
    end = len(blocks)
    for k in range(after, len(blocks)):
        t = norm.block_text(blocks[k])
        if P.PAGE_CHROME_RE.match(t) and t.startswith(("本作品来自", "Public domain", "根据ST/AI/189")):
            end = k
            break
    while end > after and _trailing_line(norm, blocks, end - 1):
        end -= 1
    return end


def _trailing_line(norm: Normalized, blocks: list[int], k: int) -> bool:
    t = norm.block_text(blocks[k])
    if is_furniture(t) or adoption(t):  # reprints may print the adoption line last
        return True
    # the value of a field on its own line: Resolution Date: / 28 March 2019
    prev = norm.block_text(blocks[k - 1]) if k > 0 else ""
    return bool(P.FIELD_RE.match(prev)) and len(t) <= 40


# *** Facts ***


def symbol_votes(found: list[tuple[Symbol, Span]], kind: str | None,
                 near: int | None = None) -> tuple[Symbol, Span] | None:
    """The symbol the header names most often (of ``kind``, if given).

    Ties go to the one named last before ``near`` (the adoption line: the
    title printed right above it), then to the first named.
    """
    found = [(s, sp) for s, sp in found if kind is None or s.kind == kind]
    if not found:
        return None
    count = Counter(s for s, _ in found)
    order = {}
    for n, (s, sp) in enumerate(found):
        distance = near - sp.end if near is not None and sp.end <= near else 10**9
        key = (-count[s], distance, n)
        if s not in order or key < order[s][0]:
            order[s] = (key, sp)
    best = min(order, key=lambda s: order[s][0])
    return best, order[best][1]


def symbols_in(cell: Cell, titles: bool) -> list[tuple[Symbol, Span]]:
    """Symbols a header cell names: printed ones, and titles when ``titles``."""
    out = []
    base = cell.span.start
    for m in P.HEADER_SYMBOL_RE.finditer(cell.text):
        s = parse(m.group(0))
        if s:
            out.append((s, Span(base + m.start(), base + m.end())))
    if titles:
        for m in P.RES_TITLE_IN_RE.finditer(cell.text):
            num = int(m.group("num"))
            year = int(m.group("year")) if m.group("year") else resolution_years().year_of(num)
            out.append((sc_resolution(num, year), Span(base + m.start(), base + m.end())))
        for m in P.PRST_TITLE_IN_RE.finditer(cell.text):
            symbol = prst(int(m.group("year")), int(m.group("num")))
            out.append((symbol, Span(base + m.start(), base + m.end())))
    return sorted(out, key=lambda x: x[1].start)


def vote_meeting(t: str) -> int | None:
    """The meeting number of a vote line (第6969次會議以15票贊成…通過), else None."""
    m = P.VOTE_LINE_RE.match(t)
    return cn_number(m.group("meeting")) if m else None


def english_date(m: re.Match) -> dt.date | None:
    """The date of an :data:`ct2rdf.patterns.ENGLISH_DATE_RE` match."""
    try:
        return dt.date(int(m.group("my")), _MONTHS.index(m.group("mmon")) + 1, int(m.group("md")))
    except ValueError:
        return None


def field_values(cs: list[Cell]) -> dict[str, tuple[str, Span]]:
    """Labelled fields of an un.org page (``Resolution Date:`` / ``28 March 2019``)."""
    out: dict[str, tuple[str, Span]] = {}
    for n, c in enumerate(cs):
        m = P.FIELD_RE.match(c.text)
        if not m:
            continue
        value = m.group("value")
        if m.group("value") is None and n + 1 < len(cs) and P.FIELD_RE.match(cs[n + 1].text):
            continue  # a bare label followed by another label: no value
        if value:
            a = c.span.start + m.start("value")
            out.setdefault(m.group("label"), (value, Span(a, a + len(value))))
        elif n + 1 < len(cs):
            out.setdefault(m.group("label"), (cs[n + 1].text, cs[n + 1].span))
    return out


def date_in(text: str) -> re.Match | None:
    """A Chinese date anywhere in ``text``."""
    return re.search(P.DATE, text)


def date_of(m: re.Match) -> dt.date | None:
    """The date of a match of :data:`ct2rdf.patterns.DATE`."""
    return date_from_match(m)
