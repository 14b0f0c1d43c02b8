"""Meetings the text describes: a date, perhaps a time, held virtually or not.

The adopting meeting of a resolution or statement comes from the header
(:mod:`ct2rdf.text.structure`); this extractor finds meetings announced in running
text, such as a concept note's ministerial meeting.  Mentions of the same
date within one document are one meeting.
"""

from __future__ import annotations

from .. import patterns as P
from ..dates import date_from_match, time_from_match
from ..model import Doc, Meeting, Span


def extract(doc: Doc) -> list[Meeting]:
    """Meetings announced in ``doc`` as ``…于DATE(TIME)举行``."""
    text = doc.text
    by_date: dict = {}
    for m in P.MEETING_HELD_RE.finditer(text):
        date = date_from_match(m)
        if date is None:
            continue
        sentence = _sentence(text, m.start(), m.end())
        if "会" not in sentence:
            continue
        entry = by_date.setdefault(date, {"time": None, "virtual": False, "number": None, "spans": []})
        entry["time"] = entry["time"] or time_from_match(m)
        entry["virtual"] = entry["virtual"] or bool(P.VIRTUAL_MEETING_RE.search(sentence))
        n = P.MEETING_NUMBER_RE.search(sentence)
        entry["number"] = entry["number"] or (int(n.group(1)) if n else None)
        start = m.start("y") if m.group("y") else m.start("cy")
        entry["spans"].append(Span(start, m.end()))
    out = []
    for date in sorted(by_date):
        e = by_date[date]
        paras = tuple(p.ref if (p := doc.paragraph_at(s.start)) else None for s in e["spans"])
        out.append(Meeting(date, e["time"], e["virtual"], e["number"], tuple(e["spans"]), paras))
    return out


def _sentence(text: str, start: int, end: int) -> str:
    a = max(text.rfind("。", 0, start), text.rfind("\n", 0, start)) + 1
    b = min(x for x in (text.find("。", end), text.find("\n", end), len(text)) if x >= 0)
    return text[a:b]
