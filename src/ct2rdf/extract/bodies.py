"""Mentions of bodies, from the gazetteer in ``data/bodies.toml``.

Longest first over the normalized text, one mention per span, so
反恐怖主义委员会执行局 is CTED and not CTC plus a stray 执行局.  Guards from the
gazetteer keep 广大会员国 from being the General Assembly and 副秘书长 from
being the Secretary-General.  Committees named by their resolutions
(第1540(2004)号决议所设委员会) map through the gazetteer's ``resolutions``.
Short anaphoric names (执行局, 委员会) count only in a document that names
their body in full.  Abbreviations the text defines (X(Y), X(“Y”), 又称为 Y,
下称“Y”) become aliases of the body they follow, and count wherever the text
uses them later (so …所设委员会(“委员会”) makes 委员会 that committee, not
CTC); an abbreviation of an unknown body is reported, not turned into a body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import patterns as P
from ..model import Doc, ParaRef, Span
from ..reference import Gazetteer, gazetteer

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


@lru_cache(maxsize=1)
def _names_re() -> tuple[re.Pattern, dict[str, str], re.Pattern, dict[str, str]]:
    gz = gazetteer()
    full = {n: b.key for b in gz.bodies for n in b.names}
    short = {n: b.key for b in gz.bodies for n in b.context_aliases}

    def compile_(names):
        return re.compile("|".join(re.escape(n) for n in sorted(names, key=lambda n: (-len(n), n))))

    return compile_(full), full, compile_(short), short


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

    def free(a, b):
        return not any(taken[a:b])

    def take(a, b, key):
        found.append((a, b, key))
        taken[a:b] = b"\x01" * (b - a)

    # 1. committees named by their resolutions
    for m in P.COMMITTEE_BY_RESOLUTION_RE.finditer(text):
        keys: dict[str, int] = {}
        for item in P.RES_ITEM_RE.finditer(text, m.start("lists"), m.end("lists")):
            key = gz.by_resolution(int(item.group("num")))
            if key and (m.group("kind") == "委员会") == (key != "OMBUDSPERSON"):
                keys.setdefault(key, item.start())
        for key, start in keys.items():
            found.append((start, m.end(), key))
        if keys:
            taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    # 2. full names and aliases, longest first (the regex alternation is sorted so)
    full_re, full, short_re, short = _names_re()
    for m in full_re.finditer(text):
        key = full[m.group(0)]
        if free(m.start(), m.end()) and not _guarded(gz, key, text, m.start(), m.end()):
            take(m.start(), m.end(), key)
    # 3. aliases the text defines: X(Y) after a mention, 又称为 Y
    aliases: list[Alias] = []
    local: dict[str, str] = {}
    for m in P.ABBREVIATION_RE.finditer(text):
        short_form = m.group("short")
        before = next((f for f in found if f[1] == m.start()), None)
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
        elif short_form not in full and _unknown_body_before(text, m.start()):
            aliases.append(Alias(None, short_form, span, _UNKNOWN.format(short_form)))
    for m in P.ALIAS_PHRASE_RE.finditer(text):
        before = next((f for f in found if 0 <= m.start() - f[1] <= 1), None)
        short_form = m.group("short")
        span = Span(m.start("short"), m.end("short"))
        if before and short_form not in gz.get(before[2]).names and short_form not in full:
            aliases.append(Alias(before[2], short_form, span))
            local[short_form] = before[2]
        elif (  # 下称“…” after an unknown name is reported like X(Y) (same in-order test)
            not before
            and short_form not in full
            and _in_order(short_form, text[max(0, m.start() - 31) : m.start()])
            and _unknown_body_before(text, m.start())
        ):
            aliases.append(Alias(None, short_form, span, _UNKNOWN.format(short_form)))
    # 4. aliases defined in this document, used later in it; a defined 委员会
    # (…所设委员会(“委员会”)) overrides the gazetteer's anaphora, with its guards
    for short_form, key in sorted(local.items()):
        if short_form in full:
            continue
        guards = [k for k in (short.get(short_form), key) if k]
        for m in re.finditer(re.escape(short_form), text):
            a, b = m.span()
            if free(a, b) and not any(_guarded(gz, k, text, a, b) for k in guards):
                take(a, b, key)
    # 5. anaphoric short names, where their body is named in full
    named = {k for _, _, k in found}
    for m in short_re.finditer(text):
        key = short[m.group(0)]
        if set(gz.get(key).context) & named and free(m.start(), m.end()) and not _guarded(
            gz, key, text, m.start(), m.end()
        ):
            take(m.start(), m.end(), key)

    out: list[Mention | Alias] = []
    for a, b, key in sorted(found):
        p = doc.paragraph_at(a)
        out.append(Mention(key, Span(a, b), p.ref if p else None, text[a:b]))
    return (*out, *aliases)


_UNKNOWN = "abbreviation {!r} defined for an unknown body"


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
