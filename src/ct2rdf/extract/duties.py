"""Shared helpers for the mandate, directive and reporting-duty extractors."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache

from .. import patterns as P
from ..model import Doc, Paragraph, Span
from ..reference import verbs
from .bodies import Mention, mentions
from .clauses import Clause, clauses, paragraph_start, reprinted


def operative_clauses(doc: Doc) -> Iterator[tuple[Paragraph, Clause]]:
    """Every clause that states an act of the Council, and every subject frame.

    Those are the clauses of a resolution's numbered paragraphs and of every
    paragraph of a presidential statement (安全理事会请秘书长在…之前提交报告 is
    a task too); in a text of type other (news, summaries), the clauses of a
    sentence that reports a resolution's or the Council's act (决议要求秘书长…,
    安理会一致通过决议,将…任期延长…).  A letter's paragraphs are not the
    Council's acts.  Subject frames (:func:`subject_frames`) follow each
    paragraph's clauses.
    """
    kind = doc.structure.header.doc_type
    for p in doc.structure.paragraphs:
        council = p.ref.kind == "op" or (kind == "prst" and p.ref.kind == "p" and not p.ref.part)
        reported = kind == "other" and p.ref.kind == "p" and not p.ref.part
        council = council or (reported and reprinted(doc, p))  # 6.决定… on a mid-resolution page
        if not (council or reported):
            continue
        every = clauses(doc, p)
        for c in every:
            actor_end = c.verb_span.start if c.verb_span else c.span.end
            if council or reports_an_act(doc, p, c.span.start, actor_end):
                yield p, c
        for c in subject_frames(doc, p, every, council):
            yield p, c


def reports_an_act(doc: Doc, p: Paragraph, a: int, b: int) -> bool:
    """Whether the resolution or the Council is named from the start of ``a``'s sentence to ``b``.

    ``b`` is where the act's verb (or subject) stands, so the actor comes
    before it: 决议要求秘书长… · 安理会…一致通过决议,将…的任期延长12个月 ·
    这项决议促请…; not 中方希望秘书长每月向安理会报告 (安理会 is the recipient).
    """
    # by bisection over the full stops and the act words found once: in a paragraph of
    # one endless sentence, looking back for 。 from every clause was quadratic
    stops, acts = _stops_and_acts(doc)
    i = bisect_left(stops, a) - 1
    start = max(stops[i] + 1 if i >= 0 else 0, p.span.start)
    j = bisect_left(acts, (start, -1))
    if j == len(acts) or acts[j][1] > b:
        return False
    # 2004年,安理会通过第1540号决议… · 安理会2014年通过决议…: a year (with no day) by the
    # actor dates an earlier act the item recalls as background, not the one it reports
    return not _background(doc, start, min(acts[j][1] + 8, b))


@lru_cache(maxsize=8)
def _stops_and_acts(doc: Doc) -> tuple[list[int], list[tuple[int, int]]]:
    """Where every 。 is, and every act word (决议, 安理会…) as ``(start, end)``, in ``doc``."""
    stops = [m.start() for m in re.finditer("。", doc.text)]
    return stops, [m.span() for m in P.ACT_SOURCE_RE.finditer(doc.text)]


@lru_cache(maxsize=4096)
def _background(doc: Doc, a: int, b: int) -> bool:
    """Whether a background year (2004年, not a day) stands in ``[a, b)``; asked again by
    every clause of one sentence."""
    return P.BACKGROUND_YEAR_RE.search(doc.text, a, b) is not None


def subject_frames(doc: Doc, p: Paragraph, every: tuple[Clause, ...], council: bool) -> list[Clause]:
    """Frames whose addressee is the subject, with no verb before it.

    联合国秘书长被责成在2024年底之前… (passive) · 联合国秘书长必须每90天向安理会报告 ·
    反恐怖主义委员会主席会在2003年10月31日前将…送交安全理事会 (a modal) · an operative
    paragraph of an old translation that drops its 请: 4.秘书长斟酌情况,…在三个月内,提出…报告.
    In a text of type other, only in a sentence that reports an act, or in the passive.
    The Council is never its own addressee.
    """
    table = verbs().by_phrase
    start = paragraph_start(doc, p)
    spots = [start] + [m.end() for m in P.CLAUSE_BREAK_RE.finditer(doc.text, start, p.span.end)]
    out = []
    for pos in spots:
        who = body_at(doc, pos, pos + 1)
        if who is None or who.span.start != pos or who.key == "SC" or headed(doc, who) is None:
            continue
        who = next(iter(coordinated(doc, who, p.span.end)[-1:]))
        modal = P.SUBJECT_MODAL_RE.match(doc.text, who.span.end)
        if modal is None and not (council and pos == start and p.ref.kind == "op"):
            continue
        passive = bool(modal and modal.group("passive"))
        home = next((c for c in every if c.span.start <= pos < c.span.end + 1), None)
        if home is None or (not council and not passive
                            and not reports_an_act(doc, p, pos, pos)):
            continue
        verb = table["请"] if passive or modal is None else table["决定"]
        out.append(Clause(verb, "", Span(pos, pos), Span(pos, home.span.end)))
    return out


@lru_cache(maxsize=64)
def _starts(doc: Doc) -> list[int]:
    # every clause asks for the bodies in it: bisect, not a scan of every mention
    return [m.span.start for m in mentions(doc)]


def bodies_in(doc: Doc, a: int, b: int) -> list[Mention]:
    """Body mentions inside ``[a, b)``, in text order."""
    every, starts = mentions(doc), _starts(doc)
    return [m for m in every[bisect_left(starts, a) : bisect_left(starts, b)] if m.span.end <= b]


def body_at(doc: Doc, a: int, b: int) -> Mention | None:
    """The first body named from inside ``[a, b)`` (it may end after ``b``).

    Mentions that touch form one name whose head is the last:
    安全理事会|第1540(2004)号决议所设委员会 is the committee, not the Council.
    """
    every = mentions(doc)
    i = bisect_left(_starts(doc), a)
    if i == len(every) or every[i].span.start >= b:
        return None
    head = every[i]
    for k in range(i + 1, len(every)):  # not every[i + 1 :], a copy of the rest
        m = every[k]
        if m.span.start > head.span.end:
            break
        if m.span.start == head.span.end:
            head = m
    return head


def addressee(doc: Doc, c: Clause) -> Mention | None:
    """The body a clause's verb addresses: named right after the verb.

    请反恐委员会… · 指示反恐执行局… · 请安全理事会第1540(2004)号决议所设委员会….
    Only 其/该/本 may come between; in 请会员国…向反恐执行局提交 the
    addressee is the member states, not CTED, so there is none; nor in
    请秘书长特别代表…, whose addressee is no body of ours.
    """
    if c.verb_span is None:
        return None
    start = c.verb_span.end
    if doc.text[start : start + 1] in ("其", "该", "本"):
        start += 1
    return headed(doc, body_at(doc, start, start + 1))


def headed(doc: Doc, m: Mention | None) -> Mention | None:
    """``m`` unless its name only modifies another actor: 秘书长特别代表 is not the
    Secretary-General, so 请秘书长特别代表… has no addressee among the bodies."""
    return None if m is None or P.NOT_HEAD_RE.match(doc.text, m.span.end) else m


def addressees(doc: Doc, c: Clause) -> list[Mention]:
    """The clause's addressee and the bodies coordinated with it.

    请第1267(1999)号和第1989(2011)号决议所设委员会和反恐委员会…在180天内向安理会通报
    → the 1267 committee and the CTC (S/RES/2178 (2014) op 8).
    """
    first = addressee(doc, c)
    return coordinated(doc, first, c.span.end) if first else []


def coordinated(doc: Doc, first: Mention, limit: int) -> list[Mention]:
    """``first`` and the bodies joined to it by 和, 、, 及, 以及 before ``limit``.

    秘书长和反恐执行局合作 joins no second addressee: that 和 means "with".
    A bracketed abbreviation may follow a name: 反恐怖主义委员会(反恐委员会)和1267委员会.
    """
    out = [first]
    while True:
        end = out[-1].span.end
        paren = P.LEADING_PAREN_RE.match(doc.text, end)
        m = P.CONJUNCTION_RE.match(doc.text, paren.end() if paren else end)
        nxt = body_at(doc, m.end(), m.end() + 1) if m else None
        if nxt is None or nxt.span.end > limit or P.WITH_RE.match(doc.text, nxt.span.end):
            return out
        out.append(nxt)
