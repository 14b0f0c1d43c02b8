"""Mandates, directives with deadlines, reporting duties.

Synthetic resolutions with other numbers, dates and phrasings of the same
acts; the seed tables at the end check S/RES/1963 (2010) and S/RES/2129 (2013)
exactly, with no false positives anywhere in the seeds.
"""

from __future__ import annotations

import datetime as dt

import pytest
import rdflib
from rdflib import Literal, URIRef
from rdflib.namespace import RDF

from conftest import BASE, seed
from ct2rdf.build import build
from ct2rdf.pipeline import process
from ct2rdf.rdf.namespace import CT

HEAD = "第 2395 (2017) 号决议\n\n安全理事会 2017 年 12 月 21 日第 8148 次会议通过\n\n安全理事会，\n\n"
PREAMBLE = "回顾设立反恐怖主义委员会(反恐委员会)的第 1373 (2001) 号决议，"


def resolution(*operative: str) -> str:
    """A resolution with one preambular paragraph and numbered operative paragraphs."""
    ops = [f"{n}. {p}" for n, p in enumerate(operative, 1)]
    return HEAD + "\n\n".join([PREAMBLE, *ops, f"{len(ops) + 1}. 决定继续积极处理此案。"]) + "\n"


def run(*operative: str):
    return process("synthetic.txt", resolution(*operative).encode()).facts


D = dt.date


# *** Mandates ***

# (operative paragraph 1, (holder, kind, end, review, guidance, start) or None)
MANDATE_ROWS = [
    # the 2129 sentence: special political mission, end of period, interim review, guidance
    ("决定反恐执行局将在 2017 年 12 月 31 日终了的期间内继续作为一项特别政治任务，"
     "在反恐委员会的政策指导下运作，"
     "并决定最迟于 2015 年 12 月 31 日进行一次期中审查；",
     ("CTED", "SpecialPoliticalMission", D(2017, 12, 31), D(2015, 12, 31), "CTC", None)),
    # the same act, other dates, Chinese numerals
    ("决定反恐执行局将在二〇二一年十二月三十一日终了的期间内继续作为一项特别政治任务，在反恐委员会的政策指导下运作，"
     "并决定最迟于二〇一九年十二月三十一日进行一次期中审查；",
     ("CTED", "SpecialPoliticalMission", D(2021, 12, 31), D(2019, 12, 31), "CTC", None)),
    # 延长…的任务期限至…
    ("决定延长反恐执行局的任务期限至 2025 年 12 月 31 日；",
     ("CTED", None, D(2025, 12, 31), None, None, None)),
    # 将…的任务期限延长至…, with guidance and a start date
    ("决定自 2022 年 1 月 1 日起将反恐执行局作为一项特别政治任务的任务期限延长至 2025 年 12 月 31 日，"
     "在反恐委员会的政策指导下运作；",
     ("CTED", "SpecialPoliticalMission", D(2025, 12, 31), None, "CTC", D(2022, 1, 1))),
    # 将…的任务延长到…, with an interim review "在…之前"
    ("决定将反恐执行局的任务延长到 2021 年 12 月 31 日，并决定在 2019 年 12 月 31 日之前进行一次期中审查；",
     ("CTED", None, D(2021, 12, 31), D(2019, 12, 31), None, None)),
    # 作为一项特别政治任务，成立… (the directorate's creation), guidance by the anaphoric 委员会
    ("决定作为一项特别政治任务，成立反恐怖主义委员会执行局，在 2007 年 12 月 31 日终了的期间内"
     "在委员会全体会议的政策指导下运作，并决定不迟于 2005 年 12 月 31 日对执行局进行一次全面审查；",
     ("CTED", "SpecialPoliticalMission", D(2007, 12, 31), D(2005, 12, 31), "CTC", None)),
    # 成立…，作为一项特别政治任务，任期至…止
    ("决定成立反恐怖主义委员会执行局，作为一项特别政治任务，任期至 2007 年 12 月 31 日止；",
     ("CTED", "SpecialPoliticalMission", D(2007, 12, 31), None, None, None)),
    # another holder: the Ombudsperson's office named by its resolution
    ("决定将第 1904 (2009) 号决议所设监察员办公室的任务期限延长至 2021 年 12 月 17 日；",
     ("OMBUDSPERSON", None, D(2021, 12, 17), None, None, None)),
    # the holder is the head of 委员会的监测组: the Monitoring Team, not the committee
    ("决定将第 1267 (1999) 号决议所设委员会的分析支助和制裁监测组的任务期限延长至 2024 年 6 月 30 日；",
     ("MT1267", None, D(2024, 6, 30), None, None, None)),
    # 将X任务期 without 的, X a known body
    ("决定将反恐执行局任务期限延长至 2029 年 12 月 31 日；",
     ("CTED", None, D(2029, 12, 31), None, None, None)),
    # 接受…的政策指导 (S/PRST/2005/64's wording of the guidance)
    ("决定反恐执行局将在 2009 年 12 月 31 日终了的期间内继续作为一项特别政治任务，"
     "接受反恐怖主义委员会的政策指导；",
     ("CTED", "SpecialPoliticalMission", D(2009, 12, 31), None, "CTC", None)),
    # 直至… after the guidance clause (the S/RES/2617 (2021) wording), review "在…之前"
    ("决定反恐执行局将继续作为一项特别政治任务，在反恐委员会的政策指导下运作，直至2025年12月31日，"
     "并决定在2023年12月31日之前进行一次期中审查；",
     ("CTED", "SpecialPoliticalMission", D(2025, 12, 31), D(2023, 12, 31), "CTC", None)),
    # a month without a day ends on its last day
    ("决定将监察员办公室的任务期限延长至2024年6月；",
     ("OMBUDSPERSON", None, D(2024, 6, 30), None, None, None)),
    # a panel of experts "of" a committee (S/RES/2569 wording): the committee is not the holder
    ("决定将第 1267 (1999) 号决议所设委员会专家小组任务期延长至 2022 年 4 月 30 日；", None),
    # a body outside the gazetteer holds the mandate: none, rather than the Secretary-General
    ("决定在秘书长特别代表的领导下将联合国阿富汗援助团的任务期限延长至 2024 年 3 月 17 日；", None),
    # a review alone confers no mandate
    ("决定最迟于 2015 年 12 月 31 日进行一次期中审查；", None),
    # recalling a mandate does not confer it
    ("回顾反恐执行局将在 2013 年 12 月 31 日终了的期间内继续作为一项特别政治任务；", None),
    # a deadline for a task is not a mandate
    ("指示反恐执行局在 2019 年 12 月 31 日之前提交报告；", None),
]


@pytest.mark.parametrize(("paragraph", "expected"), MANDATE_ROWS,
                         ids=[f"{e[0]}-{e[2].year}" if e else "none" for _, e in MANDATE_ROWS])
def test_mandates(paragraph, expected):
    found = run(paragraph)["mandates"]
    if expected is None:
        assert found == ()
        return
    [m] = found
    assert (m.holder, m.kind, m.end, m.review, m.guidance, m.start) == expected
    assert m.paragraph.path == "op/1"  # conferred by that operative paragraph


def test_traditional_script_and_line_breaks():
    # a Traditional-script "layout" text, with line breaks inside the name and the dates
    text = (
        "  第 2395 (2017) 號決議 \n\n"
        "  安全理事會 2017 年 12 月 21 日第 8148 次會議通過 \n\n  安全理事會， \n\n"
        "  回顧設立反恐怖主義委員會的第 1373 (2001) 號決議， \n\n"
        "  1. 決定反恐執\n\n行局將在 2021 年 12\n\n月 31 日終了的期間內繼續作為一項特別政治任務，"
        "在反恐委員會的"
        "政策指導下運作，並決定最遲於 2019 年 12 月\n31 日進行一次期中審查； \n\n"
        "  2. 請反恐委員會至少每年一次向安理會口頭報告，"
        "並指示反恐執行局在 2018 年 6 月 30 日之前提交委員會； \n\n"
        "  3. 決定繼續積極處理此案。 \n"
    )
    f = process("layout.txt", text.encode()).facts
    [m] = f["mandates"]
    assert (m.holder, m.end, m.review, m.guidance) == ("CTED", D(2021, 12, 31), D(2019, 12, 31), "CTC")
    assert [(x.addressee, x.reports_to, x.frequency) for x in f["reporting"]] == [("CTC", "SC", "P1Y")]
    directives = [(x.addressee, x.due, x.paragraph.path) for x in f["directives"]]
    assert directives == [("CTED", D(2018, 6, 30), "op/2")]


def test_every_row_together_builds_a_conforming_graph(tmp_path):
    # all the rows above in one resolution: the graph conforms to the shapes, but
    # for the plausibility shapes (S14), which flag the rows taken from texts
    # older than HEAD's resolution: deadlines before the resolution was adopted
    rows = [r for r, _ in MANDATE_ROWS + DIRECTIVE_ROWS + REPORTING_ROWS]
    (tmp_path / "res.txt").write_text(resolution(*rows), encoding="utf-8")
    result = build([tmp_path], base=BASE)
    adopted = D(2017, 12, 21)
    early = sorted(
        [("S14-Directive-dueAfterDocument", due)
         for _, e in DIRECTIVE_ROWS for _, due, _ in e if due < adopted]
        + [(f"S14-Mandate-{kind}AfterDocument", day) for _, e in MANDATE_ROWS if e
           for kind, day in (("end", e[2]), ("review", e[3])) if day and day < adopted]
    )
    found = [v.shape for v in result.report.errors]
    assert found == [shape for shape, _ in early], [v.message_en for v in result.report.errors][:3]
    assert len(result.results[0].facts["mandates"]) == sum(1 for _, e in MANDATE_ROWS if e)


def test_mandate_in_the_graph(tmp_path):
    # the graph has the contract's terms with xsd:date values
    (tmp_path / "res.txt").write_text(resolution(MANDATE_ROWS[0][0]), encoding="utf-8")
    g = build([tmp_path], base=BASE, check=False).graph
    doc = BASE + "S/RES/2395(2017)"
    node = URIRef(doc + "/op/1/mandate/CTED")
    assert (node, RDF.type, CT.Mandate) in g
    assert (node, CT.holder, URIRef(BASE + "org/CTED")) in g
    assert (node, CT.conferredBy, URIRef(doc + "/op/1")) in g
    assert (node, CT.endDate, Literal(D(2017, 12, 31), datatype=rdflib.XSD.date)) in g
    assert (node, CT.reviewDate, Literal(D(2015, 12, 31), datatype=rdflib.XSD.date)) in g
    assert (node, CT.underGuidanceOf, URIRef(BASE + "org/CTC")) in g


# *** Directives ***

# (operative paragraph 1, [(addressee, due date, cited document or None)])
DIRECTIVE_ROWS = [
    # a deadline counted from adoption (HEAD: adopted 2017-12-21): 本决议通过后9个月内
    ("请秘书长在本决议通过后9个月内向安理会提交报告；", [("SG", D(2018, 9, 21), None)]),
    # …in days, Chinese numerals: 自本决议通过之日起一百八十天内
    ("指示反恐执行局自本决议通过之日起一百八十天内编制一份评估；", [("CTED", D(2018, 6, 19), None)]),
    # 最迟于在 (sic, as printed in 2010) + the survey of a cited resolution
    ("指示反恐执行局最迟于在 2011 年 6 月 30 日，"
     "在上述会议之前编制出最新的“第 1373 (2001) 号决议全球执行情况调查”；",
     [("CTED", D(2011, 6, 30), "S/RES/1373 (2001)")]),
    # the directive in a later clause, …之前; the clause itself cites nothing
    ("回顾反恐执行局按照第 1963 (2010) 号决议提供了调查结果，并指示反恐执行局编制这些调查的更新版，"
     "在 2015 年 12 月 31 日之前提交委员会；",
     [("CTED", D(2015, 12, 31), None)]),
    # a request to the Secretary-General, 不迟于, about another resolution
    ("请秘书长不迟于 2019 年 6 月 30 日就第 2396 (2017) 号决议的执行情况提交报告；",
     [("SG", D(2019, 6, 30), "S/RES/2396 (2017)")]),
    # Chinese-numeral deadline
    ("请秘书长最迟于二〇二〇年六月三十日提交一份报告；", [("SG", D(2020, 6, 30), None)]),
    # 最迟在 and 不晚于 are deadlines too
    ("请秘书长最迟在 2019 年 6 月 30 日向安理会提交报告；", [("SG", D(2019, 6, 30), None)]),
    ("请秘书长不晚于 2019 年 6 月 30 日向安理会提交报告；", [("SG", D(2019, 6, 30), None)]),
    # a month's end: 在…月底之前 and 最迟于…月 fall due on its last day
    ("指示反恐执行局在 2019 年 6 月底之前向委员会提交报告；", [("CTED", D(2019, 6, 30), None)]),
    ("指示反恐执行局最迟于 2020 年 2 月向委员会提交报告；", [("CTED", D(2020, 2, 29), None)]),
    # 在…月之前 may mean before the month begins: no due date is guessed
    ("指示反恐执行局在 2019 年 6 月之前向委员会提交报告；", []),
    # two directives in one paragraph, 又指示
    ("指示反恐执行局在 2016 年 6 月 30 日之前编制调查，又指示反恐执行局在 2016 年 12 月 31 日之前提交评估；",
     [("CTED", D(2016, 6, 30), None), ("CTED", D(2016, 12, 31), None)]),
    # the addressee named with the Council's prefix: the committee, not the Council
    ("请安全理事会第 1540 (2004) 号决议所设委员会在 2022 年 3 月 31 日之前提交方案；",
     [("C1540", D(2022, 3, 31), None)]),
    # member states are not a body: no directive, even with a body later in the clause
    ("请会员国在 2019 年 12 月 31 日之前向反恐执行局提交报告；", []),
    # an encouragement with a date is not a directive
    ("鼓励反恐执行局在 2019 年 12 月 31 日之前举办讨论会；", []),
    # an interim review is part of a mandate, not a directive
    ("请反恐执行局最迟于 2019 年 12 月 31 日进行一次期中审查；", []),
    # a date that is not a deadline
    ("指示反恐执行局继续执行 2001 年 9 月 28 日第 1373 (2001) 号决议；", []),
]


@pytest.mark.parametrize(("paragraph", "expected"), DIRECTIVE_ROWS,
                         ids=["+".join(a for a, _, _ in e) or "none" for _, e in DIRECTIVE_ROWS])
def test_directives(paragraph, expected):
    found = run(paragraph)["directives"]
    got = [(d.addressee, d.due, str(d.concerns) if d.concerns else None) for d in found]
    assert got == expected
    assert all(d.paragraph.path == "op/1" for d in found)


def test_statement_confers_no_mandate_but_its_requests_are_directives(tmp_path):
    # a statement's 决定 is no mandate (only resolutions' operative paragraphs confer one);
    # its request with a deadline is a directive, and the graph still conforms
    text = (
        "安全理事会主席声明\n\n"
        "在 2019 年 5 月 4 日安全理事会第 8520 次会议上，安全理事会主席代表安理会发表声明如下：\n\n"
        "“安全理事会决定将反恐执行局的任务期限延长至 2021 年 12 月 31 日。\n\n"
        "“安全理事会请秘书长在 2020 年 3 月 31 日之前提交报告，并请反恐委员会每隔 90 天向安理会通报。”\n"
    )
    (tmp_path / "prst.txt").write_text(text, encoding="utf-8")
    result = build([tmp_path], base=BASE)
    [r] = result.results
    assert r.facts["mandates"] == ()
    assert [(d.addressee, d.due) for d in r.facts["directives"]] == [("SG", D(2020, 3, 31))]
    # the dated report is one-off: a duty with no frequency too (tests/real/SOURCES-c.md)
    assert sorted((x.addressee, x.frequency or "") for x in r.facts["reporting"]) == [
        ("CTC", "P90D"), ("SG", "")]
    assert result.report.conforms


STATEMENT = (
    "安全理事会主席声明\n\n"
    "在 2019 年 5 月 4 日安全理事会第 8520 次会议上，安全理事会主席代表安理会发表声明如下：\n\n{}\n"
)

# (the statement's paragraphs, (addressee, due date, paragraph))
STATEMENT_DIRECTIVES = [
    # a presidential statement's request with a deadline is a directive of that paragraph
    ("“安全理事会重申其承诺。\n\n“安全理事会请秘书长在 2020 年 3 月 31 日之前提交报告。”",
     ("SG", D(2020, 3, 31), "p/2")),
    # …。安全理事会又请…: the request opens the paragraph's second sentence
    ("“安全理事会强调反恐执行局的作用。安全理事会又请反恐执行局不迟于 2020 年 6 月 30 日提交评估。”",
     ("CTED", D(2020, 6, 30), "p/1")),
]


@pytest.mark.parametrize(("paragraphs", "expected"), STATEMENT_DIRECTIVES,
                         ids=["own-paragraph", "second-sentence"])
def test_directive_in_a_statement(paragraphs, expected):
    [d] = process("prst.txt", STATEMENT.format(paragraphs).encode()).facts["directives"]
    assert (d.addressee, d.due, d.paragraph.path) == expected


# *** Reporting duties ***

# (operative paragraph 1, [(addressee, reports to, xsd:duration or None)])
REPORTING_ROWS = [
    # every 180 days, orally, through the chair
    ("请反恐委员会通过委员会主席，至少每隔 180 天向安理会口头报告委员会和反恐执行局的总体工作；",
     [("CTC", "SC", "P180D")]),
    # at least once a year
    ("请反恐委员会至少每年一次向安全理事会报告其工作；", [("CTC", "SC", "P1Y")]),
    # twice a year: every six months
    ("请秘书长每年两次向安理会报告本决议的执行情况；", [("SG", "SC", "P6M")]),
    # 至少 after 每年: still twice a year
    ("请秘书长每年至少两次向安全理事会通报；", [("SG", "SC", "P6M")]),
    # regularly: kept, with no fixed frequency
    ("指示反恐执行局定期或在委员会提出要求时，及时向委员会提出报告；", [("CTED", "CTC", None)]),
    # every six months in Chinese numerals
    ("请监察员办公室每隔六个月向安理会提交报告；", [("OMBUDSPERSON", "SC", "P6M")]),
    # every 90 days, in writing
    ("请秘书长每 90 天向安全理事会书面报告；", [("SG", "SC", "P90D")]),
    # every year, to the General Assembly
    ("请秘书长每年向大会报告；", [("SG", "GA", "P1Y")]),
    # every two years, 一次 after the verb
    ("请秘书长每两年向大会报告一次；", [("SG", "GA", "P2Y")]),
    # the frequency after 向…: 向安理会定期报告
    ("请秘书长向安理会定期报告；", [("SG", "SC", None)]),
    # the addressee named with the Council's prefix
    ("请安全理事会第 1540 (2004) 号决议所设委员会每年向安理会报告；", [("C1540", "SC", "P1Y")]),
    # the duty in a later clause, the expressed intention after it is not one
    ("欢迎委员会的工作，又请反恐委员会至少每年一次向安理会口头报告，"
     "表示安理会打算至少每年一次就委员会的工作举行非正式磋商；",
     [("CTC", "SC", "P1Y")]),
    # an intention of the Council to hold consultations is not a reporting duty
    ("表示安理会打算至少每年一次就委员会的工作举行非正式磋商；", []),
    # regular meetings are not reports
    ("请委员会为所有会员国举行定期会议；", []),
    # an encouragement to report is not a duty
    ("鼓励反恐执行局定期向委员会报告工作情况；", []),
    # member states are not a body
    ("请会员国每年向反恐委员会报告；", []),
]


@pytest.mark.parametrize(("paragraph", "expected"), REPORTING_ROWS,
                         ids=["+".join(f"{a}-{f}" for a, _, f in e) or "none" for _, e in REPORTING_ROWS])
def test_reporting_duties(paragraph, expected):
    found = run(paragraph)["reporting"]
    assert [(x.addressee, x.reports_to, x.frequency) for x in found] == expected
    assert all(x.paragraph.path == "op/1" for x in found)


# *** The seeds ***

SEED_MANDATES = {
    # S/RES/2129 (2013) op 2
    "003": [("op/2", "CTED", "SpecialPoliticalMission", D(2017, 12, 31), D(2015, 12, 31), "CTC")],
    # S/RES/1963 (2010) op 2
    "004": [("op/2", "CTED", "SpecialPoliticalMission", D(2013, 12, 31), D(2012, 6, 30), "CTC")],
}
SEED_DIRECTIVES = {
    # 2129 op 6: …,并指示反恐执行局编制…更新版,在2015年12月31日之前提交委员会 (the clause cites nothing)
    "003": [("op/6", "CTED", D(2015, 12, 31), None)],
    # 1963 op 12 and 13: 最迟于在…编制出最新的“第1373(2001)号 / 第1624(2005)号决议全球执行情况调查”
    "004": [("op/12", "CTED", D(2011, 6, 30), "S/RES/1373 (2001)"),
            ("op/13", "CTED", D(2011, 12, 31), "S/RES/1624 (2005)")],
}
SEED_REPORTING = {
    # 2129 op 9: 指示反恐执行局定期或在委员会提出要求时…及时向委员会提出报告
    # (a real duty, no fixed frequency);
    # op 22: 至少每年一次向安理会口头报告 (its 表示…至少每年一次…非正式磋商 is not a duty)
    "003": [("op/9", "CTED", "CTC", None), ("op/22", "CTC", "SC", "P1Y")],
    # 1963 op 14: 至少每隔180天向安理会口头报告; op 15 only *encourages* CTED to report 定期: no duty
    "004": [("op/14", "CTC", "SC", "P180D")],
}
SEEDS = ["000", "001", "002", "003", "004"]


@pytest.mark.parametrize("prefix", SEEDS)
def test_seed_mandates(seed_results, prefix):
    found = seed_results[seed(prefix)].facts["mandates"]
    got = [(m.paragraph.path, m.holder, m.kind, m.end, m.review, m.guidance) for m in found]
    assert got == SEED_MANDATES.get(prefix, [])


@pytest.mark.parametrize("prefix", SEEDS)
def test_seed_directives(seed_results, prefix):
    found = seed_results[seed(prefix)].facts["directives"]
    got = [(d.paragraph.path, d.addressee, d.due, str(d.concerns) if d.concerns else None) for d in found]
    assert got == SEED_DIRECTIVES.get(prefix, [])


@pytest.mark.parametrize("prefix", SEEDS)
def test_seed_reporting_duties(seed_results, prefix):
    found = seed_results[seed(prefix)].facts["reporting"]
    got = [(x.paragraph.path, x.addressee, x.reports_to, x.frequency) for x in found]
    assert got == SEED_REPORTING.get(prefix, [])


def test_seed_graph_keeps_a_regular_duty_without_frequency(seed_build):
    # 2129 op 9's 定期 duty is in the graph with no ct:frequency; 1963 op 14's has P180D
    g = seed_build.graph
    regular = URIRef(BASE + "S/RES/2129(2013)/op/9/reporting/1")
    fixed = URIRef(BASE + "S/RES/1963(2010)/op/14/reporting/1")
    assert (regular, RDF.type, CT.ReportingDuty) in g
    assert g.value(regular, CT.frequency) is None
    assert g.value(fixed, CT.frequency) == Literal("P180D", datatype=rdflib.XSD.duration)
