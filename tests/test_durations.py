"""Mandates extended by a duration: the end from the holder's previous mandate in the corpus.

S/RES/2368 (2017) extended the Ombudsperson's mandate to 17 December 2021;
S/RES/2610 (2021) extended it by 30 months (将其任务期限延长30个月), which
ends on 17 June 2024.  Without the earlier resolution in the corpus the end is
unknown: the mandate keeps its ct:duration and no ct:endDate.
"""

from __future__ import annotations

import datetime as dt

import pytest
import rdflib
from rdflib import Literal, URIRef

from conftest import BASE
from ct2rdf.build import build
from ct2rdf.rdf.namespace import CT


def resolution(number: int, year: int, date: str, meeting: int, op: str) -> str:
    return (
        f"第 {number} ({year}) 号决议\n\n安全理事会 {date} 第 {meeting} 次会议通过\n\n安全理事会，\n\n"
        "回顾其第1904(2009)号决议，\n\n"
        f"1. {op}\n\n2. 决定继续积极处理此案。\n"
    )


EARLIER = resolution(2368, 2017, "2017 年 7 月 20 日", 8007,
                     "决定将监察员办公室的任务期限延长至 2021 年 12 月 17 日；")
LATER = resolution(2610, 2021, "2021 年 12 月 17 日", 8934,
                   "决定特别指出监察员办公室的重要性，将其任务期限延长30个月；")
LATEST = resolution(2734, 2024, "2024 年 6 月 10 日", 9649,
                    "决定将监察员办公室的任务期限延长36个月；")

OLD = URIRef(BASE + "S/RES/2368(2017)/op/1/mandate/OMBUDSPERSON")
NEW = URIRef(BASE + "S/RES/2610(2021)/op/1/mandate/OMBUDSPERSON")
NEWEST = URIRef(BASE + "S/RES/2734(2024)/op/1/mandate/OMBUDSPERSON")

# (files in the corpus, expected (mandate, end or None, renews or None))
ROWS = [
    # the earlier end plus 30 months; the extension renews the earlier mandate
    ([EARLIER, LATER], [(NEW, dt.date(2024, 6, 17), OLD)]),
    # a chain of extensions by duration resolves in date order
    ([LATEST, LATER, EARLIER], [(NEW, dt.date(2024, 6, 17), OLD), (NEWEST, dt.date(2027, 6, 17), NEW)]),
    # alone: a duration and no end date, still a mandate
    ([LATER], [(NEW, None, None)]),
]


@pytest.mark.parametrize(("texts", "expected"), ROWS, ids=["previous-end", "chain", "alone"])
def test_end_from_previous_mandate(tmp_path, texts, expected):
    for i, text in enumerate(texts):
        (tmp_path / f"r{i}.txt").write_text(text, encoding="utf-8")
    result = build([tmp_path], base=BASE)
    assert result.report.conforms, [v.message_en for v in result.report.violations][:3]
    g = result.graph
    for node, end, renews in expected:
        assert g.value(node, CT.duration) is not None
        assert g.value(node, CT.endDate) == (Literal(end, datatype=rdflib.XSD.date) if end else None)
        assert g.value(node, CT.renews) == renews
