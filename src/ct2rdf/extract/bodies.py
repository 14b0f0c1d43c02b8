"""Mentions of bodies, from the gazetteer in ``data/bodies.toml``.

Names match whole words only: a name counts where jieba (see
:mod:`ct2rdf.text.segment`) puts a word boundary at both its ends, so 大会 in
广大会员国 (广大/会员国) is no General Assembly.  jieba's user dictionary is
our names and aliases, the trigger terms of the themes (one dictionary for
both: see :func:`boundaries`) plus ``data/other_bodies.toml``, other organisations
whose names contain ours (非洲联盟和平与安全理事会, 世界卫生大会, 人权监察员);
those are matched first, longest first, and the names of ours inside them
are skipped: they give no mention at all.  Guards from the gazetteer keep
short names from the end of other names jieba does not know (副秘书长,
伊斯兰合作组织秘书长).

Leftmost, then longest first, one mention per span, so
反恐怖主义委员会执行局 is CTED and not CTC plus a stray 执行局.

Two paths, in this order: committees named by their resolutions
(第1267(1999)号和第1989(2011)号决议所设委员会) are found first, item by item
(:mod:`.committees`), because jieba splits text at "(" and "/" and could never hold such a name;
their spans are then taken, and the word path below finds nothing inside
them.  Gazetteer names that hold a "(" (伊黎伊斯兰国(达伊沙)和基地组织制裁委员会)
go the word path: only their two ends need to be word boundaries.
Committees named by their resolutions map to bodies through the gazetteer's
``resolutions``; one it does not know (第1533(2004)号决议所设委员会) is
another committee.

Short anaphoric names (执行局, 委员会, 监察员, 监测组) count only in a
document that names their body in full, and not where the text defines them
for another body or names another committee.  Abbreviations the text defines (X(Y), X(“Y”), 又称为 Y,
下称“Y”) become aliases of the body they follow, and count wherever the text
uses them later (so …所设委员会(“委员会”) makes 委员会 that committee, not
CTC); an abbreviation of an unknown body is reported, not turned into a body.

A body whose name is also a common noun (大会, ``common_noun`` in the
gazetteer) gives no bare mention in news that names another organisation
holding it (世界卫生大会 … 本届大会) and never names the body otherwise.
Names quoting a word in “” match in any quote marks ("基地", ‘基地’).
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from .. import patterns as P
from ..model import Doc, ParaRef, Span
from ..reference import Gazetteer, data_text, gazetteer, themes
from ..text import segment
from .committees import committees_by_resolution

_SHORT = 3  # names this long or shorter are checked against their body's guards


@dataclass(frozen=True)
class Mention:
    """A body named at a span of the normalized text."""

    key: str
    span: Span
    paragraph: ParaRef | None
    text: str


@dataclass(frozen=True)
class Alias:
    """An abbreviation or alias the text defines; ``key`` None if its body is unknown."""

    key: str | None
    alias: str
    span: Span
    warning: str | None = None


def _longest_first(names) -> list[str]:
    return sorted(names, key=lambda n: (-len(n), n))


def _compile(names) -> re.Pattern:
    return re.compile("|".join(re.escape(n) for n in _longest_first(names)))


@lru_cache(maxsize=1)
def _other_data() -> dict:
    return tomllib.loads(data_text("other_bodies.toml"))


def other_names() -> tuple[tuple[str, str | None], ...]:
    """(name, hidden key) of every other organisation in ``data/other_bodies.toml``."""
    rows = _other_data()["other"]
    return tuple((n, r.get("hides")) for r in rows for n in (r["zh"], *r.get("aliases", ())))


@lru_cache(maxsize=1)
def _hides() -> dict[str, str | None]:
    """Other organisation's name -> the key of ours it hides."""
    return dict(other_names())


def split_words() -> tuple[str, ...]:
    """jieba dictionary words that begin with a name of ours and are cut apart."""
    return tuple(_other_data()["split_words"])


@dataclass(frozen=True)
class _Names:
    """A name table: name -> key, a pattern finding any name, names by first character."""

    keys: dict[str, str]
    regex: re.Pattern
    by_first: dict[str, tuple[str, ...]]

    @classmethod
    def of(cls, keys: dict[str, str]) -> _Names:
        by_first: dict[str, list[str]] = {}
        for n in _longest_first(keys):
            by_first.setdefault(n[0], []).append(n)
        return cls(keys, _compile(keys), {c: tuple(ns) for c, ns in by_first.items()})


@lru_cache(maxsize=1)
def _names() -> tuple[_Names, _Names, re.Pattern, tuple[str, ...]]:
    """Full names, context aliases, the other organisations' pattern, and jieba's user words."""
    gz = gazetteer()
    full = {v: b.key for b in gz.bodies for n in b.names for v in _quoted_alike(n)}
    short = {n: b.key for b in gz.bodies for n in b.context_aliases}
    others = [n for n, _ in other_names()]
    words = tuple(sorted({*full, *short, *others, *themes().by_trigger}))
    return _Names.of(full), _Names.of(short), _compile(others), words


# Quote marks news prints for the curly ones of UN texts: "基地"组织制裁委员会 and
# ‘基地’组织制裁委员会 are the gazetteer's “基地”组织制裁委员会 (「」 and 『』 are
# folded to “” and ‘’ by normalization).
_QUOTE_PAIRS = (("“", "”"), ('"', '"'), ("‘", "’"), ("'", "'"))


def _quoted_alike(name: str) -> tuple[str, ...]:
    """``name`` and, if it quotes a word in “”, the same name in every other quote pair."""
    if "“" not in name:
        return (name,)
    return tuple(name.replace("“", a).replace("”", b) for a, b in _QUOTE_PAIRS)


def _guarded(gz: Gazetteer, key: str, text: str, start: int, end: int) -> bool:
    """Whether a guard forbids the short name at ``[start, end)``.

    Guards protect short names that longer words hide (大会 in 广大会员国,
    委员会 in 人权事务委员会); a name of four or more characters is
    distinctive, so 设立的反恐怖主义委员会 stays CTC although 的 guards 委员会.
    """
    if end - start > _SHORT:
        return False
    b = gz.get(key)
    return any(text.endswith(g, 0, start) for g in b.not_before) or any(
        text.startswith(g, end) for g in b.not_after
    )


@lru_cache(maxsize=64)
def boundaries(doc: Doc) -> segment.Boundaries:
    """Where jieba puts the word boundaries of ``doc``'s text (cached: the themes ask too).

    One user dictionary (names, other organisations, theme triggers) for every
    extractor: one jieba dictionary to build and load, one segmentation of a
    text, and the runs cut for the names are not cut again for the themes.
    """
    return segment.boundaries(doc.text, _names()[3], split_words())


@lru_cache(maxsize=64)
def mentions(doc: Doc) -> tuple[Mention, ...]:
    """Every body mention in ``doc``, in text order (cached: other extractors use it)."""
    return tuple(m for m in _scan(doc) if isinstance(m, Mention))


def extract(doc: Doc) -> list[Mention | Alias]:
    """Mentions and alias definitions of ``doc``."""
    return list(_scan(doc))


@lru_cache(maxsize=64)
def _scan(doc: Doc) -> tuple[Mention | Alias, ...]:
    # a tuple: the cached result is shared by every caller and must not change
    gz = gazetteer()
    text = doc.text
    taken = bytearray(len(text))
    found: list[tuple[int, int, str]] = []
    first_ending: dict[int, int] = {}  # end offset -> index in found of the first mention ending there
    names, context_names, others_re, _ = _names()
    full, short = names.keys, context_names.keys
    bounds = boundaries(doc)

    def free(a, b):
        return not any(taken[a:b])

    def word(a, b):  # whole word: jieba boundaries at both ends; no Latin letter glued on (FATFs)
        return a in bounds and b in bounds and not (_latin(text, a - 1, a) or _latin(text, b - 1, b))

    def record(a, b, key):
        first_ending.setdefault(b, len(found))
        found.append((a, b, key))

    def take(a, b, key):
        record(a, b, key)
        taken[a:b] = b"\x01" * (b - a)

    # the page's furniture (navigation, chrome, licence) names no body of the
    # document; its own header lines (the adoption line's Council) do
    furniture = doc.structure.header.furniture_spans
    for s in furniture:
        taken[s.start : s.end] = b"\x03" * (s.end - s.start)

    def ending_at(*ends):  # the first mention found that ends at one of ``ends`` (an index: linear)
        i = min((first_ending[e] for e in ends if e in first_ending), default=None)
        return None if i is None else found[i]

    # 1. committees named by their resolutions; one the gazetteer does not know
    # (第1533(2004)号决议所设委员会) is another committee, so a bare 委员会 is not the CTC
    other_committee = False
    for c in committees_by_resolution(text):
        keys: dict[str, int] = {}
        for item in c.items:
            key = gz.by_resolution(int(item.group("num")))
            if key and (c.kind == "委员会") == (key != "OMBUDSPERSON"):
                keys.setdefault(key, item.start())
        for key, start in keys.items():
            record(start, c.end, key)
        if keys:
            taken[c.start : c.end] = b"\x01" * (c.end - c.start)
        elif c.kind == "委员会":
            other_committee = True
    # 2. other organisations' names, longest first: taken, but no mention
    other_ends = set()
    hidden = set()  # keys of ours whose names the other organisations found hold
    for m in others_re.finditer(text):
        if free(m.start(), m.end()):
            taken[m.start() : m.end()] = b"\x02" * (m.end() - m.start())
            other_ends.add(m.end())
            hidden.add(_hides()[m.group(0)])
    # 3. full names and aliases: leftmost, then the longest that is a whole word
    for a, b, key in _whole_names(text, names, word):
        if free(a, b) and not _guarded(gz, key, text, a, b):
            take(a, b, key)
    # outside the UN's own documents (news: type "other"), a bare common noun (大会)
    # is the other organisation's the text names, unless the text also names our
    # body otherwise (联大, 大会第…号决议); in a resolution 大会 is the GA's name
    news = doc.structure.header.doc_type == "other"
    yielding = {k for k in hidden if k and news and gz.get(k).common_noun}
    yielding -= {k for a, b, k in found
                 if k in yielding and (text[a:b] != gz.get(k).zh or text.startswith("第", b))}
    if yielding:
        found[:] = [f for f in found if f[2] not in yielding]
        first_ending.clear()
        for i, (_, b, _) in enumerate(found):
            first_ending.setdefault(b, i)
    # 4. aliases the text defines: X(Y) after a mention, 又称为 Y
    aliases: list[Alias] = []
    local: dict[str, str] = {}
    for m in P.ABBREVIATION_RE.finditer(text):
        short_form = m.group("short")
        before = ending_at(m.start())
        long_form = text[before[0] : before[1]] if before else text[max(0, m.start() - 30) : m.start()]
        if not _in_order(short_form, long_form):
            continue
        span = Span(m.start("short"), m.end("short"))
        if before:
            key = before[2]
            if short_form not in gz.get(key).names:
                aliases.append(Alias(key, short_form, span))
            local[short_form] = key
            if free(span.start, span.end):
                take(span.start, span.end, key)
        elif (short_form not in full and m.start() not in other_ends
              and _unknown_body_before(text, m.start())):
            aliases.append(Alias(None, short_form, span, _UNKNOWN.format(short_form)))
    for m in P.ALIAS_PHRASE_RE.finditer(text):
        before = ending_at(m.start(), m.start() - 1)
        short_form = m.group("short")
        span = Span(m.start("short"), m.end("short"))
        if before and short_form not in gz.get(before[2]).names and short_form not in full:
            aliases.append(Alias(before[2], short_form, span))
            local[short_form] = before[2]
        elif (  # 下称“…” after an unknown name is reported like X(Y) (same in-order test)
            not before
            and short_form not in full
            and _in_order(short_form, text[max(0, m.start() - 31) : m.start()])
            and not other_ends & {m.start(), m.start() - 1}
            and _unknown_body_before(text, m.start())
        ):
            aliases.append(Alias(None, short_form, span, _UNKNOWN.format(short_form)))
    # 5. aliases defined in this document, used later in it; a defined 委员会
    # (…所设委员会(“委员会”)) overrides the gazetteer's anaphora, with its guards
    for short_form, key in sorted(local.items()):
        if short_form in full:
            continue
        guards = [k for k in (short.get(short_form), key) if k]
        for m in re.finditer(re.escape(short_form), text):
            a, b = m.span()
            if free(a, b) and word(a, b) and not any(_guarded(gz, k, text, a, b) for k in guards):
                take(a, b, key)
    # 6. anaphoric short names, where their body is named in full and the text
    # does not define the short name for another body (人权事务委员会(下称“委员会”))
    # nor name a committee the gazetteer does not know
    named = {k for _, _, k in found}
    elsewhere = {a.alias for a in aliases if a.key is None} | ({"委员会"} if other_committee else set())
    for a, b, key in _whole_names(text, context_names, word):
        if (set(gz.get(key).context) & named and text[a:b] not in elsewhere and free(a, b)
                and not _guarded(gz, key, text, a, b)):
            take(a, b, key)

    out: list[Mention | Alias] = []
    inside = _inside(furniture)
    found = [f for f in found if not inside(f[0])]  # step 1 takes committees without asking
    aliases = [a for a in aliases if not inside(a.span.start)]
    for a, b, key in sorted(found):
        p = doc.paragraph_at(a)
        out.append(Mention(key, Span(a, b), p.ref if p else None, text[a:b]))
    return (*out, *aliases)


_UNKNOWN = "abbreviation {!r} defined for an unknown body"


def _inside(spans):
    # header lines are disjoint and in text order: the span starting last at or before pos
    starts = [s.start for s in spans]
    if any(a.end > b.start for a, b in pairwise(spans)):
        return lambda pos: any(s.start <= pos < s.end for s in spans)

    def inside(pos: int) -> bool:
        k = bisect_right(starts, pos) - 1
        return k >= 0 and pos < spans[k].end

    return inside


def _whole_names(text: str, names: _Names, word) -> list[tuple[int, int, str]]:
    """(start, end, key) of names in ``text`` that are whole words, leftmost then longest.

    Where the longest name at a position is not a whole word a shorter one may
    be (…执行局长 → 执行局 is not, but …委员会执 may still hold 委员会); where
    none is, the search goes on from the next character, so a name starting
    inside a rejected one is still found.
    """
    out: list[tuple[int, int, str]] = []
    pos = 0
    while m := names.regex.search(text, pos):
        a = m.start()
        b = next((a + len(n) for n in names.by_first[text[a]]
                  if text.startswith(n, a) and word(a, a + len(n))), None)
        if b is None:
            pos = a + 1
            continue
        out.append((a, b, names.keys[text[a:b]]))
        pos = b
    return out


def _latin(text: str, i: int, j: int) -> bool:
    """Whether ``text[i]`` and ``text[j]`` are both ASCII letters or digits (a word runs on)."""
    return 0 <= i and j < len(text) and text[i].isascii() and text[j].isascii() \
        and text[i].isalnum() and text[j].isalnum()


def _unknown_body_before(text: str, pos: int) -> bool:
    """Whether the name before ``pos`` (an abbreviation's "(" or 下称) may be a body.

    A title or a quoted term is not: 《联合国全球反恐战略》(下称“战略”),
    “…阿尔及尔备忘录”(备忘录).
    """
    i = pos
    while i > 0 and text[i - 1] in "(,":
        i -= 1
    return i > 0 and text[i - 1] not in "》”\"'"


def _in_order(short: str, long: str) -> bool:
    """Whether the characters of ``short`` appear in order in ``long``."""
    it = iter(long)
    return all(c in it for c in short)
