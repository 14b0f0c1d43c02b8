"""Mandates: who holds which task until when, under whose guidance.

    决定反恐执行局将在2017年12月31日终了的期间内继续作为一项特别政治任务,
    在反恐委员会的政策指导下运作,并决定最迟于2015年12月31日进行一次期中审查

→ holder CTED, kind special political mission, end 2017-12-31, review
2015-12-31, under guidance of CTC, conferred by that operative paragraph.
Other phrasings of the same act: 延长…的任务期限至…, 将…的任务延长到…,
作为一项特别政治任务,成立….  Renewal links are build-wide (merge.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .. import patterns as P
from ..dates import date_from_match, month_end_from_match
from ..model import Doc, ParaRef, Span
from .duties import bodies_in, clause_text, operative_clauses

_MANDATE_VERBS = {"decides", "requests", "directs"}


@dataclass(frozen=True)
class Mandate:
    """A mandate conferred by an operative paragraph."""

    key: str  # path below the document: op/2/mandate/CTED
    holder: str
    kind: str | None  # "SpecialPoliticalMission" or None
    end: dt.date
    start: dt.date | None
    review: dt.date | None
    guidance: str | None
    paragraph: ParaRef
    span: Span


def extract(doc: Doc) -> list[Mandate]:
    """Every mandate with an end date in ``doc``'s operative paragraphs."""
    out = []
    for p, c in operative_clauses(doc):
        # only a resolution's operative paragraph confers a mandate (the contract's
        # ct:OperativeParagraph); a statement's 决定 only recalls or announces one
        if p.ref.kind != "op" or c.verb is None or c.verb.slug not in _MANDATE_VERBS:
            continue
        text, base = clause_text(doc, c)
        end_m = P.MANDATE_END_RE.search(text)
        if not end_m or not P.MANDATE_CUE_RE.search(text):
            continue
        end = (
            date_from_match(end_m) or date_from_match(end_m, "x_") or date_from_match(end_m, "z_")
            or month_end_from_match(end_m, "x_") or month_end_from_match(end_m, "z_")
        )
        guidance = None
        g = P.GUIDANCE_RE.search(text)
        guide_span = None
        if g:
            inside = bodies_in(doc, base + g.start("who"), base + g.end("who"))
            if inside:
                guidance, guide_span = inside[0].key, inside[0].span
        holders = [
            m for m in bodies_in(doc, c.span.start, c.span.end)
            if m.span != guide_span and m.span.start < base + end_m.end() + 40
        ]
        holders = _named_holder(doc, text, base, holders)
        if end is None or not holders:
            continue
        holder = holders[0].key
        para_text = doc.text[p.span.start : p.span.end]
        review_m = P.MANDATE_REVIEW_RE.search(para_text)
        start_m = P.MANDATE_START_RE.search(text)
        out.append(
            Mandate(
                key=f"{p.ref.path}/mandate/{holder}",
                holder=holder,
                kind="SpecialPoliticalMission" if "特别政治任务" in text else None,
                end=end,
                start=date_from_match(start_m) if start_m else None,
                review=date_from_match(review_m) if review_m else None,
                guidance=guidance,
                paragraph=p.ref,
                span=Span(c.verb_span.start, max(c.span.end, p.span.start + review_m.end())
                          if review_m else c.span.end),
            )
        )
    return out


def _named_holder(doc: Doc, text: str, base: int, fallback: list) -> list:
    """The holder 将X的任务… names: X's last body (the head of 委员会的监测组).

    Without 的 (将X任务期…), X must end with the body.  A name that holds no
    known body (将联合国阿富汗援助团的任务…) gives no holder rather than another
    body of the clause; with no such phrase, ``fallback`` stands.
    """
    m = P.MANDATE_HOLDER_RE.search(text)
    if m:
        return bodies_in(doc, base + m.start("who"), base + m.end("who"))[-1:]
    m = P.MANDATE_HOLDER_BARE_RE.search(text)
    if m:
        inside = bodies_in(doc, base + m.start("who"), base + m.end("who"))
        return inside[-1:] if inside and inside[-1].span.end == base + m.end("who") else []
    return fallback
