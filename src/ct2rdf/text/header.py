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

Every header and trailer block becomes a header span: never a citation.  The
page's lines among them (navigation, chrome, licence, the page's title) are
also *furniture*: no extractor reads them, while the document's own header
lines (its title, adoption line) still name the Council for the bodies.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from .. import patterns as P
from ..dates import cn_number, plausible
from ..model import Span
from ..reference import resolution_years, verbs
from ..symbols import Symbol, parse, prst, sc_resolution
from .normalize import Normalized

# How many leading blocks are searched for the opening: wiki pages put a dozen
# lines of furniture before it, news pages more.
HEADER_SCAN = 60
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


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
    """A wiki navigation or table line: ``← | 2101(2013) | … |``.

    A table whose cells hold sentences is content, not navigation: un.org's
    list of notes by the President (``S/2023/945安全理事会主席的说明|2023年12月1日|
    根据…第111段,安理会再次承诺…。|``), a news paragraph with a stray ``|``.
    """
    if t.startswith(("←", "→")):
        return True
    return "|" in t and not any(_is_sentence(c.strip()) for c in t.split("|"))


def _is_sentence(cell: str) -> bool:
    # a vote line may end in 。 too (第4385次会议通过。 |)
    return "。" in cell and not P.VOTE_LINE_RE.match(cell)


def is_furniture(t: str) -> bool:
    """A line of web-page furniture (navigation, vote line, licence, site chrome)."""
    return (is_navigation(t) or bool(P.PAGE_CHROME_RE.match(t)) or bool(P.VOTE_LINE_RE.match(t))
            or bool(P.FIELD_RE.match(t)))


def adoption(t: str) -> re.Match | None:
    """An adoption line (with a date, or saying 通过), else None."""
    m = P.ADOPTION_RE.match(t)
    dated = m and (m.group("y") or m.group("cy"))
    if m and m.group("meeting"):
        return m if dated or m.group("adopted") else None
    return m if dated and m.group("adopted") else None  # 安全理事会2021年3月26日通过


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
        if P.OPERATIVE_NUMBER_RE.match(t) or P.QUOTED_COUNCIL_RE.match(t):
            break
        parts = _cell_texts(t)
        if any(adoption(c) for c in parts) or P.ADOPTED_BY_RE.match(t):
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
    # the council line opens a preamble only where clauses or numbered paragraphs follow:
    # an encyclopedia's infobox prints 联合国安全理事会 / 第1093号决议 over an article
    if "council" in first and (_numbered_follows(norm, blocks, first["council"])
                               or _clause_follows(norm, blocks, first["council"])):
        return Opening("resolution", first["council"], "council")
    if "res_title" in first and _numbered_follows(norm, blocks, first["res_title"]):
        return Opening("resolution", first["res_title"], "res_title")
    if "prst_title" in first:
        return Opening("prst", first["prst_title"], "prst_title")
    if _operative_excerpt(norm, blocks):
        return Opening("resolution", 0, "excerpt")
    return Opening("other", 0, "none")


def opens_with_verb(t: str) -> bool:
    """Whether a paragraph opens with a resolution's action verb (又重申…, 4、决定…, 8.请秘书长…)."""
    t = t[m.end():] if (m := P.OPERATIVE_NUMBER_RE.match(t)) else t
    for modifier in P.VERB_MODIFIERS:
        if t.startswith(modifier):
            t = t[len(modifier):]
            break
    return t.startswith(verbs().phrases_longest_first)


def _clause_follows(norm: Normalized, blocks: list[int], k: int) -> bool:
    # 安全理事会, then 重申…: a preamble, even where the copy ends before paragraph 1;
    # an old one may open with a phrase of its time (审议了秘书长…的报告, then 注意到…)
    return any(opens_with_verb(norm.block_text(i)) for i in blocks[k + 1 : k + 4])


# How many numbered paragraphs opening with an action verb make a resolution's excerpt.
_EXCERPT_MIN = 3


def _operative_excerpt(norm: Normalized, blocks: list[int]) -> bool:
    """A resolution without its header: a page of a reprint starting at paragraph 8
    (8.请秘书长… 9.决定… 10.请专家组…), most numbered paragraphs opening with the
    Council's verbs (a report's open with their subject); or a copy starting
    mid-preamble (又重申… 确认… 重申… then 1、决定…)."""
    texts = [norm.block_text(i) for i in blocks[:HEADER_SCAN]]
    numbered = [t for t in texts if P.OPERATIVE_NUMBER_RE.match(t)]
    acting = sum(1 for t in numbered if opens_with_verb(t))
    if acting >= _EXCERPT_MIN and acting * 3 >= len(numbered) * 2:
        return True
    first = next((k for k, t in enumerate(texts) if P.OPERATIVE_NUMBER_RE.match(t)), None)
    if first is None or not opens_with_verb(texts[first]) or not opens_with_verb(texts[0]):
        return False
    return sum(1 for t in texts[:first] if opens_with_verb(t)) >= _EXCERPT_MIN


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
    prev = norm.block_text(blocks[k - 1]) if k > 0 else ""
    if "|" in t and "|" in prev and not is_navigation(prev):
        return False  # the last row of a table of sentences, cut short by the page
    if (m := P.VOTE_LINE_RE.match(prev)) and m.group("note") and t.startswith(m.group("note")):
        return True  # the vote line's footnote: 通过。1 / 1 两个理事国(中国和伊拉克)没有参加表决。
    if is_furniture(t) or adoption(t):  # reprints may print the adoption line last
        return True
    # the value of a field on its own line: Resolution Date: / 28 March 2019
    return bool(P.FIELD_RE.match(prev)) and len(t) <= 40


def furniture_positions(norm: Normalized, blocks: list[int], ref: int, head: int, end: int) -> list[int]:
    """Positions of the page's furniture among the header (``< head``) and trailer (``>= end``) blocks.

    The document's own header lines (masthead, title, adoption and council
    lines) run up to its opening at ``ref``; everything before the last
    furniture line above them is the page's (its title, site name, navigation),
    as is every furniture line among the header lines and the trailer from its
    first furniture line on (navigation, licence and what the licence lists).
    A reprint's adoption line printed last, before any furniture, is the
    document's own.
    """
    texts = {k: norm.block_text(blocks[k]) for k in [*range(head), *range(end, len(blocks))]}
    above = [k for k in range(min(ref, head)) if is_furniture(texts[k])]
    out = [k for k in range(head) if (above and k <= above[-1]) or is_furniture(texts[k])]
    first = next((k for k in range(end, len(blocks)) if is_furniture(texts[k])), len(blocks))
    return out + list(range(first, len(blocks)))


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
    # a title without the year (联合国安理会第443号决议) names the same resolution
    # as one with it (第443(1978)号决议): the year-bearing symbol takes its votes
    full = {s.path.split("(")[0]: s for s, _ in found if s.kind == "resolution" and s.year}
    found = [(full.get(s.path, s) if s.kind == "resolution" and not s.year else s, sp) for s, sp in found]
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
        return plausible(dt.date(int(m.group("my")), _MONTHS.index(m.group("mmon")) + 1, int(m.group("md"))))
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
