"""Reporting duties: who reports to whom, how often.

    请反恐委员会通过委员会主席,至少每隔180天向安理会口头报告… → CTC → SC, P180D
    至少每年一次 → P1Y · 每年两次 → P6M · 定期 → kept, with no frequency
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import patterns as P
from ..dates import cn_number
from ..model import Doc, ParaRef, Span
from .duties import addressee, body_at, clause_text, operative_clauses

_DUTY_VERBS = {"requests", "directs", "decides", "demands"}


@dataclass(frozen=True)
class ReportingDuty:
    """A duty of ``addressee`` to report to ``reports_to``."""

    key: str  # path below the document: op/14/reporting/1
    addressee: str
    reports_to: str
    frequency: str | None  # xsd:duration, e.g. P180D; None for 定期
    paragraph: ParaRef
    span: Span


def duration(m) -> str | None:
    """The xsd:duration of a FREQUENCY_RE match (the longest interval between reports)."""
    g = m.groupdict()
    if g.get("days"):
        return f"P{int(g['days'])}D"
    if g.get("months"):
        return f"P{cn_number(g['months'])}M"
    if g.get("times"):
        return {1: "P1Y", 2: "P6M", 3: "P4M", 4: "P3M"}[cn_number(g["times"])]
    if g.get("years"):
        return f"P{cn_number(g['years'])}Y"
    if g.get("unit"):
        return {"年": "P1Y", "月": "P1M"}[g["unit"]]
    text = m.group(0)
    if "半年" in text or "六个月" in text:
        return "P6M"
    if "季度" in text:
        return "P3M"
    return None  # 定期: regular, no fixed interval


def extract(doc: Doc) -> list[ReportingDuty]:
    """Every reporting duty in ``doc``'s operative paragraphs."""
    out = []
    count: dict[ParaRef, int] = {}
    for p, c in operative_clauses(doc):
        if c.verb is None or c.verb.slug not in _DUTY_VERBS:
            continue
        text, base = clause_text(doc, c)
        freq = P.FREQUENCY_RE.search(text)
        to = P.REPORT_TO_RE.search(text, freq.end()) if freq else None
        if freq and not to:  # 向安理会定期报告: the frequency sits inside the phrase
            to = next((t for t in P.REPORT_TO_RE.finditer(text) if t.start() < freq.start() < t.end()), None)
        if not freq or not to:
            continue
        target = body_at(doc, base + to.start("to"), base + to.end("to"))
        who = addressee(doc, c)
        if target is None or who is None:
            continue
        count[p.ref] = count.get(p.ref, 0) + 1
        out.append(
            ReportingDuty(
                key=f"{p.ref.path}/reporting/{count[p.ref]}",
                addressee=who.key,
                reports_to=target.key,
                frequency=duration(freq),
                paragraph=p.ref,
                span=Span(c.verb_span.start, base + to.end()),
            )
        )
    return out
