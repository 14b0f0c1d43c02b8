"""Mandates: who holds which task until when, under whose guidance.

    决定反恐执行局将在2017年12月31日终了的期间内继续作为一项特别政治任务,
    在反恐委员会的政策指导下运作,并决定最迟于2015年12月31日进行一次期中审查

→ holder CTED, kind special political mission, end 2017-12-31, review
2015-12-31, under guidance of CTC, conferred by that operative paragraph.

The frame is a 决定/请/指示 clause of a resolution's operative paragraph
with a mandate cue; its slots are filled wherever they stand:

* holders: the bodies that end the name before (的)任务/任务期/任期
  (将X的任务期限…, 延长X和Y的任务, 将其任务… with 其 resolved), else the
  clause's subject (决定反恐执行局将…) or the body it establishes (成立…);
* end (…终了的期间内, 延长至…, 直至…, 延长三年,至…止), duration (延长24个月,
  为期12个月), start (自…起), guidance (在…的指导/指示下), kind, review.

With several holder names, each takes the end, duration and start that
follow it (up to the next name).  A duration with no end gives the end
from the start when the text gives one (为期12个月 runs from adoption);
an extension's end is otherwise computed build-wide from the holder's
previous mandate (:func:`ct2rdf.merge.extend_durations`), or left unknown.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .. import patterns as P
from ..dates import add_period, date_from_match, month_end_from_match
from ..model import Doc, ParaRef, Span
from .bodies import Mention, mentions
from .duties import addressee, bodies_in, headed, operative_clauses
from .slots import ClauseText, antecedent, clause_text, end_date, heads, period, xsd_period

_MANDATE_VERBS = {"decides", "requests", "directs"}


@dataclass(frozen=True)
class Mandate:
    """A mandate conferred by an operative paragraph."""

    key: str  # path below the document: op/2/mandate/CTED
    holder: str
    kind: str | None  # "SpecialPoliticalMission" or None
    end: dt.date | None  # None: a duration whose end neither the text nor the corpus gives
    start: dt.date | None
    review: dt.date | None
    guidance: str | None
    paragraph: ParaRef
    span: Span
    duration: str | None = None  # xsd:duration of 延长24个月 / 为期12个月: P24M


def extract(doc: Doc) -> list[Mandate]:
    """Every mandate in ``doc``'s operative paragraphs."""
    out: dict[str, Mandate] = {}
    news = doc.structure.header.doc_type == "other"
    for p, c in operative_clauses(doc):
        # a resolution's operative paragraph confers a mandate (the contract's
        # ct:OperativeParagraph); a statement's 决定 only recalls or announces one.  A news
        # item's sentence that reports the act (安理会…通过决议,将…任期延长10年至…) states it
        # in its own words, with or without a verb: operative_clauses kept only those.
        reported = news and p.ref.kind == "p"
        if not reported and (p.ref.kind != "op" or c.verb is None or c.verb.slug not in _MANDATE_VERBS):
            continue
        ct = clause_text(doc, c)
        if not P.MANDATE_CUE_RE.search(ct.text):
            continue
        guide = _guidance(doc, ct)
        para_text = doc.text[p.span.start : p.span.end]
        review_m = P.MANDATE_REVIEW_RE.search(para_text)
        review = date_from_match(review_m) if review_m else None
        span_end = max(c.span.end, p.span.start + review_m.end()) if review_m else c.span.end
        groups = _holder_groups(doc, p, c, ct, guide)
        for k, (at, holders) in enumerate(groups):
            stop = groups[k + 1][0] if k + 1 < len(groups) else len(ct.text)
            end, duration, start = _period_slots(doc, ct, 0 if k == 0 else at, stop)
            if end is None and duration is None:
                continue
            for h in holders:
                if h.key == (guide.key if guide else None) or h.key == "SC":
                    continue
                key = f"{p.ref.path}/mandate/{h.key}"
                out.setdefault(key, Mandate(
                    key=key, holder=h.key,
                    kind="SpecialPoliticalMission" if "特别政治任务" in ct.text else None,
                    end=end, start=start, review=None if review and end and review > end else review,
                    guidance=guide.key if guide else None, paragraph=p.ref,
                    span=Span(c.verb_span.start if c.verb_span else c.span.start, span_end),
                    duration=duration,
                ))
    return list(out.values())


def _guidance(doc: Doc, ct: ClauseText) -> Mention | None:
    """The body whose guidance the mandate is under: 在反恐委员会的政策指导下 → CTC.

    Not a body that only modifies another actor: 在秘书长特别代表的领导下 is no
    body's guidance (在委员会全体会议的政策指导下 is the committee's).
    """
    g = P.GUIDANCE_RE.search(ct.text)
    if not g:
        return None
    inside = bodies_in(doc, ct.base + g.start("who"), ct.base + g.end("who"))
    return headed(doc, inside[0]) if inside else None


def _holder_groups(doc, p, c, ct: ClauseText, guide) -> list[tuple[int, list[Mention]]]:
    """``(relative offset, holders)`` per holder name in the clause.

    A name that holds no known body (联合国阿富汗援助团的任务, 专家小组任务期)
    gives no holder rather than another body of the clause.
    """
    out = []
    after = ct.text[ct.verb_end :]
    for m in P.MANDATE_HOLDER_RE.finditer(after):
        a, b = ct.verb_end + m.start("who"), ct.verb_end + m.end("who")
        mod = P.HOLDER_MODIFIER_RE.search(ct.text, a, b)
        b = mod.start() if mod else b
        name = ct.text[a:b]
        ana = P.ANAPHOR_RE.match(name)
        if (ana or name == "其目前") and not bodies_in(doc, ct.base + a, ct.base + b):
            ante = _referent(doc, p, ct.base + a, ana.group("head") if ana else None)
            out.append((a, [ante] if ante else []))
        else:
            out.append((a, heads(doc, ct.base + a, ct.base + b)))
    if out:
        return out
    return [(0, [s])] if (s := _subject(doc, c, ct, guide)) else []


def _referent(doc: Doc, p, pos: int, head: str | None) -> Mention | None:
    """What an anaphor at ``pos`` stands for: 该委员会 → the nearest body named before
    whose name ends in 委员会 (in any paragraph); 其, or a head no body's name ends in
    (这一特别政治任务) → the body named before it in its sentence."""
    if head:
        for m in reversed([m for m in mentions(doc) if m.span.end <= pos and m.key != "SC"]):
            if doc.text[m.span.start : m.span.end].endswith(head):
                return headed(doc, m)
    return antecedent(doc, p, pos)


def _subject(doc, c, ct: ClauseText, guide) -> Mention | None:
    """The body the mandate is about when no name precedes 任务: the verb's
    addressee (决定反恐执行局将…) or the body established (成立反恐怖主义委员会执行局)."""
    who = addressee(doc, c)
    if who is not None:
        return who
    for m in P.ESTABLISH_RE.finditer(ct.text):
        hit = [x for x in bodies_in(doc, ct.base + m.end(), ct.base + m.end() + 40)
               if x.span.start == ct.base + m.end()]
        if hit and hit[0] is not guide:
            return hit[0]
    return None


def _period_slots(doc: Doc, ct: ClauseText, a: int, b: int):
    """``(end, xsd duration, start)`` from the slots inside ``[a, b)`` of the clause."""
    end_m = next((m for m in P.MANDATE_END_RE.finditer(ct.text, a, b)), None)
    end = end_date(end_m) if end_m else None
    dur_m = next((m for m in P.MANDATE_DURATION_RE.finditer(ct.text, a, b)), None)
    start_m = P.MANDATE_START_RE.search(ct.text)
    start, event = None, False  # event: the period runs from adoption or expiry, not a day
    if start_m:
        if start_m.group("adoption"):
            start, event = doc.date, True
        else:
            start = date_from_match(start_m) or month_end_from_match(start_m, "s_")
            event = bool(start_m.group("expiry")) or start_m.group("s_ey") is not None
    duration = None
    if dur_m:
        n, unit = period(dur_m.group("pn"), dur_m.group("pu"), dur_m.group("half"))
        duration = xsd_period(n, unit)
        if end is None:
            if start is not None:
                after = add_period(start, n, unit)
                end = after and after - (dt.timedelta(0) if event else dt.timedelta(days=1))
            elif not P.EXTENSION_RE.search(ct.text) and doc.date:  # 设立…为期12个月: from adoption
                end = add_period(doc.date, n, unit)
    return end, duration, start if start_m and not start_m.group("expiry") else None
