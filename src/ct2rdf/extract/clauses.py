"""Split a paragraph into clauses, each opening with an action verb.

Directives often sit in a later clause (``…,并指示反恐执行局…``,
``…;又请委员会…``), so each clause's verb and addressee are looked for, not
only the paragraph's first verb.  A clause starts at the paragraph's start
(after its number, the statement's subject and any modifiers) and at every
``, ; : 。`` that is followed by an optional subject (安全理事会), optional
modifiers and a known verb, except a verb that after a bare comma continues
the current act (…合作,支持会员国…,并每年报告: :data:`ct2rdf.patterns.CONTINUING_VERBS`).
Inside a clause, :mod:`ct2rdf.extract.slots` tells its predicates apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import patterns as P
from ..model import Doc, Paragraph, Span, per_document
from ..reference import Verb, verbs


@dataclass(frozen=True)
class Clause:
    """A clause: its verb (None if the paragraph opens without one) and spans."""

    verb: Verb | None
    phrase: str  # the verb phrase as printed, e.g. 欢迎并鼓励 (modifiers excluded)
    verb_span: Span | None
    span: Span  # from the verb to the end of the clause


# VERB_MODIFIERS by first character, in their order: most positions start none.
_MODIFIERS: dict[str, tuple[str, ...]] = {
    c: tuple(m for m in P.VERB_MODIFIERS if m[0] == c) for c in {m[0] for m in P.VERB_MODIFIERS}
}


def match_verb(text: str, pos: int) -> tuple[Verb, str, int, int] | None:
    """The verb that opens ``text`` at ``pos``, skipping modifiers.

    Returns ``(verb, phrase, start, end)``: a compound (欢迎并鼓励, 欢迎和赞同)
    keeps its first verb as the concept and the whole phrase; 提请…注意 keeps
    its addressee inside the phrase.
    """
    vs = verbs()
    table = vs.by_phrase
    i = pos
    for _ in range(4):  # at most a few stacked modifiers: 又再次…
        m = P.DRAW_ATTENTION_RE.match(text, i)
        if m:
            return table["提请注意"], m.group(0), i, m.end()
        hit = vs.phrase_at(text, i)
        if hit:
            end = i + len(hit)
            if text.startswith(("并", "和", "及"), end) and (nxt := vs.phrase_at(text, end + 1)):
                end = end + 1 + len(nxt)  # compounds: 欢迎并鼓励
            return table[hit], text[i:end], i, end
        mod = next((m for m in _MODIFIERS.get(text[i : i + 1], ()) if text.startswith(m, i)), None)
        if not mod:
            return None
        i += len(mod)
    return None


def paragraph_start(doc: Doc, p: Paragraph) -> int:
    """Where a paragraph's words begin: after its number, quote and subject."""
    text = doc.text
    i = p.span.start  # (list bullets, - 1. 决定… on mobile wikisource, are gone: normalize)
    m = P.OPERATIVE_NUMBER_RE.match(text[i : p.span.end])
    if m and (p.ref.kind == "op" or reprinted(doc, p)):
        i += m.end()
    m = _subject(doc).match(text, i)
    if m:
        i = m.end()
    elif text.startswith(("“", '"'), i):
        i += 1
    return i


def reprinted(doc: Doc, p: Paragraph) -> bool:
    """Whether an unnumbered-typed paragraph is a resolution's operative paragraph
    reprinted with its number and verb (6.决定,…成立一个…监测小组 on a page that
    starts mid-resolution, c-fymate-res1526-2004-p2-monitoring-team-18-months)."""
    if p.ref.kind != "p":
        return False
    i = p.span.start
    m = P.OPERATIVE_NUMBER_RE.match(doc.text[i : p.span.end])
    return bool(m) and match_verb(doc.text, i + m.end()) is not None


def _subject(doc: Doc):
    """The subject a clause may open with: the Council, and in news (type other) also
    the resolution (决议要求秘书长…)."""
    other = doc.structure.header.doc_type == "other"
    return P.REPORTED_SUBJECT_RE if other else P.STATEMENT_SUBJECT_RE


def _continues(text: str, at: int, hit: tuple) -> bool:
    """Whether the verb after a comma at ``at`` is a predicate of the current act.

    请反恐执行局…合作,支持会员国…,并每年向委员会报告: 支持 continues the
    request, so the report is the request's; 又注意到 or 表示 open a new act.
    """
    verb, _, a, _ = hit
    return verb.slug in P.CONTINUING_VERBS and text[at:a] in P.CONTINUING_MODIFIERS


@per_document  # four extractors ask for every paragraph's clauses in turn
def clauses(doc: Doc, p: Paragraph) -> tuple[Clause, ...]:
    """The clauses of paragraph ``p``; the first is the paragraph's leading clause."""
    text = doc.text
    start = paragraph_start(doc, p)
    end = p.span.end
    first = match_verb(text, start)
    if first is None:  # 安全理事会向受害者家属表示哀悼: the verb follows its addressee
        m = P.ADDRESSEE_FIRST_RE.match(text, start)
        first = match_verb(text, m.end()) if m else None
    other = doc.structure.header.doc_type == "other"
    cuts: list[tuple[int, tuple | None]] = [(start, first)]
    for m in P.CLAUSE_BREAK_RE.finditer(text, start, end):
        at = m.end()
        item = P.CLAUSE_ITEM_RE.match(text, at)  # …;(c)请秘书长…
        at = item.end() if item else at
        subject = _subject(doc).match(text, at)  # …。安全理事会还欢迎… · …。决议还要求…
        hit = match_verb(text, subject.end() if subject else at)
        if hit and not (m.group(0) == "," and not subject and _continues(text, m.end(), hit)):
            cuts.append((m.end(), hit))
        elif m.group(0) == "。" and other:  # news: an act is reported in one sentence
            cuts.append((m.end(), None))
    out = []
    for k, (at, hit) in enumerate(cuts):
        stop = cuts[k + 1][0] - 1 if k + 1 < len(cuts) else end
        if hit:
            verb, phrase, a, b = hit
            out.append(Clause(verb, phrase, Span(a, b), Span(at, stop)))
        else:
            out.append(Clause(None, "", None, Span(at, stop)))
    return tuple(out)
