"""Shared helpers for the mandate, directive and reporting-duty extractors."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache

from .. import patterns as P
from ..clauses import Clause, clauses
from ..model import Doc, Paragraph
from .bodies import Mention, mentions


def operative_clauses(doc: Doc) -> Iterator[tuple[Paragraph, Clause]]:
    """Every clause of every operative paragraph.

    Those are a resolution's numbered paragraphs and every paragraph of a
    presidential statement (安全理事会请秘书长在…之前提交报告 is a task too);
    a letter's paragraphs are not the Council's acts.
    """
    statement = doc.structure.header.doc_type == "prst"
    for p in doc.structure.paragraphs:
        if p.ref.kind == "op" or (statement and p.ref.kind == "p" and not p.ref.part):
            for c in clauses(doc, p):
                yield p, c


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
    for m in every[i + 1 :]:
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
    """
    out = [first]
    while True:
        m = P.CONJUNCTION_RE.match(doc.text, out[-1].span.end)
        nxt = body_at(doc, m.end(), m.end() + 1) if m else None
        if nxt is None or nxt.span.end > limit or P.WITH_RE.match(doc.text, nxt.span.end):
            return out
        out.append(nxt)
