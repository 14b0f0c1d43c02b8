"""Reporting duties: who reports to whom, how often.

    请反恐委员会通过委员会主席,至少每隔180天向安理会口头报告… → CTC → SC, P180D
    至少每年一次 → P1Y · 每年两次 → P6M · 定期 → kept, with no frequency

The frame is a 请/指示/决定/要求 clause and its addressee (the body named
right after the verb, or its subject); each report in it (向X报告, 提交报告,
报告一次) is a predicate whose frequency is found in its own segment, or in
a neighbouring segment that holds no other report and no other activity
(向安全理事会报告,每年一次 · 每年,向安理会报告).  A report that names no
recipient goes to the recipient named earlier in the clause (在60天内向委员会
提交报告,此后每六个月报告一次), else to the Council whose text it is.

Rule for distractors: only a body of the gazetteer reports.  Member states
(请会员国每年向反恐委员会报告) are no body, and an encouragement or a call
(鼓励, 促请, 呼吁) is a recommendation, not a duty.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from .. import patterns as P
from ..dates import cn_number
from ..model import Doc, ParaRef, Span
from .duties import addressees, body_at, coordinated, headed, operative_clauses
from .slots import ClauseText, clause_text

# a call (促请) to a body of ours is a request: 促请联合国秘书长…每月向安理会通报 (S/RES/2642
# (2022) as 新华社 reports it); to member states it is none, as they are no body
_DUTY_VERBS = {"requests", "directs", "decides", "demands", "calls-upon"}


@dataclass(frozen=True)
class ReportingDuty:
    """A duty of ``addressee`` to report to ``reports_to``."""

    key: str  # path below the document: op/14/reporting/1
    addressee: str
    reports_to: str
    frequency: str | None  # xsd:duration, e.g. P180D; None for 定期
    paragraph: ParaRef
    span: Span


def duration(m, times: str | None = None) -> str | None:
    """The xsd:duration of a FREQUENCY_RE match (the longest interval between reports).

    ``times`` is a count of reports a year found apart from 每年 (每年…提交两次).
    """
    g = m.groupdict()
    if times and g.get("unit") == "年":
        g = {"times": times}
    if g.get("days"):
        return f"P{cn_number(g['days'])}D"
    if g.get("months"):
        return f"P{cn_number(g['months'])}M"
    if g.get("times"):
        return {1: "P1Y", 2: "P6M", 3: "P4M", 4: "P3M"}[cn_number(g["times"])]
    if g.get("years"):
        return f"P{cn_number(g['years'])}Y"
    if g.get("unit"):
        return {"年": "P1Y", "月": "P1M"}[g["unit"]]
    if g.get("annual"):
        return "P1Y"
    text = m.group(0)
    if "半年" in text or "六个月" in text:
        return "P6M"
    if "季" in text:
        return "P3M"
    return None  # 定期: regular, no fixed interval


def extract(doc: Doc) -> list[ReportingDuty]:
    """Every reporting duty in ``doc``'s operative paragraphs."""
    out = []
    count: dict[ParaRef, int] = {}
    council = doc.structure.header.doc_type in ("resolution", "prst")
    for p, c in operative_clauses(doc):
        if c.verb is None or c.verb.slug not in _DUTY_VERBS:
            continue
        everyone = addressees(doc, c)
        if not everyone:
            continue
        ct = clause_text(doc, c)
        seen = set()
        named = None  # the last recipient named in the clause
        reports = _reports(doc, ct)
        index = _Frequencies(ct) if reports else None
        for a, b, to in reports:
            named = to or named
            freq = index.of(a, b)
            target = to or named or (next((t for t in _later(doc, ct, b)), None))
            if target is None and not council:
                continue  # a news item's 提交一份特别报告: to whom, it does not say
            if freq is None and index.recurring_after(b):
                continue  # 在60天内提交报告,此后每六个月报告一次: one duty, every six months
            value = None  # a one-off report (在…之前提交报告, 立即提出报告): no frequency
            if freq is not None:
                times = P.TIMES_RE.search(ct.text, freq.end(), b + 8)
                value = duration(freq, times.group("times") if times else None)
            end = max(b, freq.end()) if freq is not None else b
            # 向大会和安全理事会报告: both
            for key in [t.key for t in coordinated(doc, target, c.span.end)] if target else ["SC"]:
                if (key, value) in seen:
                    continue
                seen.add((key, value))
                for who in everyone:
                    count[p.ref] = count.get(p.ref, 0) + 1
                    out.append(ReportingDuty(
                        key=f"{p.ref.path}/reporting/{count[p.ref]}", addressee=who.key,
                        reports_to=key, frequency=value, paragraph=p.ref,
                        span=Span(c.verb_span.start, ct.base + end),
                    ))
    return out


def _reports(doc: Doc, ct: ClauseText) -> list[tuple[int, int, object]]:
    """Every report in the clause: ``(start, end, recipient mention or None)``, in order."""
    found = []
    taken = []  # reports to someone else: their words are no report of ours either
    for t in P.REPORT_TO_RE.finditer(ct.text):
        a = t.start("to") + (ct.text[t.start("to")] in "其该本")
        to = body_at(doc, ct.base + a, ct.base + a + 1)
        taken.append((t.start(), t.end()))
        if to is None or headed(doc, to) is None:
            # 向苏丹问题监测组报告 (ours only inside another name), 向秘书长特别代表报告,
            # 向会员国通报: to no body of ours
            continue
        found.append((t.start(), t.end(), to))
    for w in P.REPORT_WORD_RE.finditer(ct.text):
        if not any(a < w.end() and w.start() < b for a, b in taken):
            found.append((w.start(), w.end(), None))
    return sorted(found, key=lambda f: f[0])


def _later(doc: Doc, ct: ClauseText, pos: int):
    for t in P.REPORT_TO_RE.finditer(ct.text, pos):
        if (m := body_at(doc, ct.base + t.start("to"), ct.base + t.end("to"))) is not None:
            yield m


class _Frequencies:
    """A clause's frequencies and report segments, found once and looked up by bisection:
    a clause of 100,000 reports asked every frequency once per report (quadratic)."""

    def __init__(self, ct: ClauseText):
        self.ct = ct
        self.freqs = list(P.FREQUENCY_RE.finditer(ct.text))
        self.starts = [f.start() for f in self.freqs]
        self.segs = [ct.segment_of(x) for x in self.starts]  # non-decreasing
        self.reports = sorted({ct.segment_of(x) for x in _report_starts(ct)})
        self.last_thereafter = max((m.start() for m in P.THEREAFTER_RE.finditer(ct.text)), default=-1)

    def recurring_after(self, pos: int) -> bool:
        """Whether recurring reports follow the one ending at ``pos`` (此后每六个月…)."""
        return self.last_thereafter >= pos

    def of(self, a: int, b: int):
        """The frequency of the report at ``[a, b)``: in its segment, else the nearest
        segment that is only about it (no other report, no other activity)."""
        if not self.freqs:
            return None
        ct, freqs, segs = self.ct, self.freqs, self.segs
        home = ct.segment_of(a)
        # in its segment, or starting inside the report, in text order
        near = set(range(bisect_left(segs, home), bisect_right(segs, home)))
        near |= set(range(bisect_left(self.starts, a), bisect_left(self.starts, b)))
        same = [freqs[i] for i in sorted(near)]
        if same:  # 定期(至少每60天): the interval that says how regular
            return next((f for f in same if not f.group("regular")), same[0])
        # the frequency belongs to the nearest report; ours must be that one, so only
        # the segments between the reports on either side of ours can hold it
        r = bisect_left(self.reports, home)
        lo = self.reports[r - 1] if r else -1
        hi = next((x for x in self.reports[r:r + 2] if x > home), segs[-1] + 1)
        best, best_k = None, None
        bounds = ct.segments()
        for i in range(bisect_right(segs, lo), bisect_left(segs, hi)):
            k = segs[i]
            s, e = bounds[k]
            if self._is_report(k) or P.OTHER_ACTIVITY_RE.search(ct.text, s, e):
                continue
            if self._nearest(k) < abs(k - home):
                continue
            if best is None or abs(k - home) < abs(best_k - home):
                best, best_k = freqs[i], k
        return best

    def _is_report(self, k: int) -> bool:
        i = bisect_left(self.reports, k)
        return i < len(self.reports) and self.reports[i] == k

    def _nearest(self, k: int) -> int:
        """The distance from segment ``k`` to the nearest report's segment."""
        i = bisect_left(self.reports, k)
        return min(abs(k - self.reports[j]) for j in (i - 1, i) if 0 <= j < len(self.reports))


def _report_starts(ct: ClauseText) -> list[int]:
    return [m.start() for m in P.REPORT_TO_RE.finditer(ct.text)] + [
        m.start() for m in P.REPORT_WORD_RE.finditer(ct.text)
    ]
