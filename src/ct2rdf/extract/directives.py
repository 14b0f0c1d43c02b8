"""Directives: tasks with a deadline, in any clause of an operative paragraph.

    指示反恐执行局最迟于在2011年6月30日…编制出最新的“第1373(2001)号决议全球执行情况调查”
    …,并指示反恐执行局编制这些全球执行情况调查的更新版,在2015年12月31日之前提交委员会

→ addressee, due date (最迟于 / 之前 = deadline), and the document the task
concerns when the clause cites one.

The frame is a 请/指示/要求 clause and its addressee; every deadline slot in
it is a directive, wherever it stands (至迟于2009年5月15日,另在2009年10月15日
之前…提出书面报告 gives two).  Delays count from the document's date
(在本决议通过后9个月内, 在30天内: a first report due then, even when
recurring ones follow: 在60天内…此后每六个月…).  An interim review's date
belongs to a mandate; a date inside a citation is none.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from dataclasses import dataclass

from ..model import Doc, ParaRef, Span
from ..symbols import Symbol
from . import citations
from .duties import addressees, bodies_in, operative_clauses
from .slots import clause_text, deadlines

# 决定 counts when a body is its subject: 决定反恐执行局应在2020年6月30日之前提交…;
# a call (促请, 吁请) counts when it is addressed to a body of ours, not to member states:
# 这项决议促请联合国秘书长在2022年12月10日前…提交一份特别报告 (新华社 on S/RES/2642 (2022))
_DIRECTIVE_VERBS = {"directs", "requests", "demands", "decides", "calls-upon"}


@dataclass(frozen=True)
class Directive:
    """A task with a deadline."""

    key: str  # path below the document: op/12/directive/1
    addressee: str
    due: dt.date
    concerns: Symbol | None
    paragraph: ParaRef
    span: Span


def extract(doc: Doc) -> list[Directive]:
    """Every directive with a deadline in ``doc``'s operative paragraphs."""
    out = []
    starts, _, cites = citations.spanned(doc)
    count: dict[ParaRef, int] = {}
    for p, c in operative_clauses(doc):
        if c.verb is None or c.verb.slug not in _DIRECTIVE_VERBS:
            continue
        everyone = addressees(doc, c)
        if not everyone:
            continue
        ct = clause_text(doc, c)
        names = bodies_in(doc, c.span.start, c.span.end)  # 第1540(2004)号决议所设委员会 names a body
        concerned = next(
            (x.symbol for x in cites[bisect_left(starts, c.span.start) : bisect_left(starts, c.span.end)]
             if not any(b.span.start <= x.span.start < b.span.end for b in names)), None
        )
        dues = sorted({due for _, due in deadlines(doc, ct)})
        for who in everyone:
            for due in dues:
                count[p.ref] = count.get(p.ref, 0) + 1
                out.append(Directive(
                    key=f"{p.ref.path}/directive/{count[p.ref]}", addressee=who.key, due=due,
                    concerns=concerned, paragraph=p.ref, span=Span(c.verb_span.start, c.span.end),
                ))
    return out
