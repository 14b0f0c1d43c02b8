"""Order-free slot filling: one table per slot form, rows in real UN phrasing.

Each row is an operative paragraph of a synthetic resolution adopted on
2017-12-21 (tests/test_mandates.py's HEAD).  The phrasings come from real
resolutions and UN pages (cited per row); the expected values were read off
the sentence, not taken from ct2rdf's output.
"""

from __future__ import annotations

import datetime as dt
import functools

import pytest

from test_mandates import run

D = dt.date
ADOPTED = D(2017, 12, 21)


def mandates(paragraph):
    return sorted((m.holder, m.end, m.duration, m.guidance) for m in run(paragraph)["mandates"])


def directives(paragraph):
    return sorted((d.addressee, d.due) for d in run(paragraph)["directives"])


def duties(paragraph):
    return sorted((x.addressee, x.reports_to, x.frequency) for x in run(paragraph)["reporting"])


# *** Mandate slots: holders, end, duration, guidance ***

# (operative paragraph, [(holder, end, duration, guidance)])
MANDATE_SLOTS = [
    # a duration with its end after it (S/RES/2742 (2024) news: 延长12个月,至2025年7月14日)
    ("决定将监察员办公室的任务期限延长三年，至 2026 年 6 月 30 日止；",
     [("OMBUDSPERSON", D(2026, 6, 30), "P3Y", None)]),
    # the end with no comma after the duration (新华社: 任期延长12个月至2013年7月31日)
    ("决定将分析支助和制裁监测组的任期延长12个月至2019年7月31日；",
     [("MT1267", D(2019, 7, 31), "P12M", None)]),
    # a duration alone: the end is the previous mandate's business (merge), none here
    ("决定将监察员办公室的任务期限延长30个月；", [("OMBUDSPERSON", None, "P30M", None)]),
    # 其 names the body of the sentence before it (un.org summary of S/RES/2610 (2021))
    ("决定特别指出监察员办公室的重要性，将其任务期限延长24个月；", [("OMBUDSPERSON", None, "P24M", None)]),
    # 其 after an organisation the gazetteer does not know: no holder rather than the one before
    ("决定在秘书长的报告基础上，将联合国阿富汗援助团，即其任务期限延长12个月；", []),
    # two holders in one name, one of them unknown (专家小组)
    ("决定将专家小组和监察员办公室的任务期限延长至 2021 年 12 月 17 日；",
     [("OMBUDSPERSON", D(2021, 12, 17), None, None)]),
    # two known holders after 延长
    ("决定延长监察员办公室和分析支助和制裁监测组的任务，至 2021 年 12 月 17 日止；",
     [("MT1267", D(2021, 12, 17), None, None), ("OMBUDSPERSON", D(2021, 12, 17), None, None)]),
    # two names, each with its own period
    ("决定将监察员办公室的任务期限延长至 2020 年 12 月 17 日，"
     "并将分析支助和制裁监测组的任务期限延长至 2021 年 6 月 30 日；",
     [("MT1267", D(2021, 6, 30), None, None), ("OMBUDSPERSON", D(2020, 12, 17), None, None)]),
    # established for a period, counted from adoption (S/RES/1526 (2004): establish for a period of 18 months)
    ("决定设立监察员办公室，为期18个月；", [("OMBUDSPERSON", D(2019, 6, 21), "P18M", None)]),
    # …任期一年: established for a year, from adoption
    ("决定设立监察员办公室，任期一年；", [("OMBUDSPERSON", D(2018, 12, 21), "P1Y", None)]),
    # a period from the expiry of the current mandate, given as a month (S/RES/2368 (2017) wording)
    # …under the direction of the committee it serves (在…的指示下)
    ("决定将监测组的任务期限自其目前任务期限于2017年12月到期之日起延长24个月，"
     "在第1267(1999)号决议所设委员会的指示下运作；",
     [("MT1267", D(2019, 12, 31), "P24M", "C1267")]),
    # from a day: the period's last day is the day before (自2018年1月1日起…4年)
    ("决定自 2018 年 1 月 1 日起将反恐执行局的任务期限延长4年；", [("CTED", D(2021, 12, 31), "P4Y", None)]),
    # guidance given as 在…的指示下 (S/RES/1526 (2004): under the direction of the Committee)
    ("决定将反恐执行局的任务期限延长至 2025 年 12 月 31 日，在反恐委员会的指示下运作；",
     [("CTED", D(2025, 12, 31), None, "CTC")]),
    # a duration and its end after 直至 (S/RES/1673 (2006) op 4: 将1540委员会的任期延长两年,直至2008年4月27日)
    ("决定将1540委员会的任期延长两年，直至2008年4月27日，并继续由专家予以协助；",
     [("C1540", D(2008, 4, 27), "P2Y", None)]),
    # 目前 between the name and 任务期限
    ("决定将分析支助和制裁监测组目前的任务期限再延长18个月；", [("MT1267", None, "P18M", None)]),
    # 为期 in an extension is the extension's length, not a period from adoption
    ("决定延长监察员办公室的任务期限，为期24个月；", [("OMBUDSPERSON", None, "P24M", None)]),
    # the holders as the subject of 决定, with 均
    ("决定监察员办公室和分析支助和制裁监测组的任务期限均延长24个月；",
     [("MT1267", None, "P24M", None), ("OMBUDSPERSON", None, "P24M", None)]),
    # the end as the day the mandate expires
    ("决定反恐执行局的任务期限于2021年12月31日届满；", [("CTED", D(2021, 12, 31), None, None)]),
    # …运作至 DATE
    ("决定反恐执行局继续作为一项特别政治任务运作至2025年12月31日；", [("CTED", D(2025, 12, 31), None, None)]),
    # guidance by another actor than a body: none (the SRSG is not the Secretary-General)
    ("决定反恐执行局将在2021年12月31日终了的期间内继续作为一项特别政治任务，在秘书长特别代表的领导下运作；",
     [("CTED", D(2021, 12, 31), None, None)]),
    # distractor: a known name inside another organisation's (苏丹问题监测组)
    ("决定将苏丹问题监测组的任务期限延长至2025年3月12日；", []),
    # distractor: recalling an extension confers nothing
    ("回顾安理会决定将监察员办公室的任务期限延长30个月；", []),
    # distractor: a delay (在…个月内) is not a period
    ("决定在6个月内审查监察员办公室的任务；", []),
    # distractor: a date inside a citation is no end (2015年12月17日第2253(2015)号决议)
    ("决定继续执行2015年12月17日第2253(2015)号决议规定的监察员办公室任务；", []),
]


@pytest.mark.parametrize(("paragraph", "expected"), MANDATE_SLOTS,
                         ids=[f"m{i}" for i in range(len(MANDATE_SLOTS))])
def test_mandate_slots(paragraph, expected):
    assert mandates(paragraph) == expected


# *** Deadlines ***

# (operative paragraph, [(addressee, due)])
DEADLINE_SLOTS = [
    # the end of a year (在2022年底以前)
    ("请秘书长在2022年底以前向安理会提交报告；", [("SG", D(2022, 12, 31))]),
    # 至迟于 (S/RES/1857 (2008): 至迟于2009年5月15日), and a second deadline in the same clause
    ("请分析支助和制裁监测组至迟于2018年5月15日，另在2018年10月15日之前，通过委员会向安理会提出书面报告；",
     [("MT1267", D(2018, 5, 15)), ("MT1267", D(2018, 10, 15))]),
    # a delay from the document's date (S/RES/2178 (2014) op 7: 在180天内向…委员会报告)
    ("请分析支助和制裁监测组在180天内向委员会报告；", [("MT1267", D(2018, 6, 19))]),
    ("请秘书长在30天内向安理会通报情况；", [("SG", D(2018, 1, 20))]),
    # the next twelve months (S/RES/1624 (2005) op 6 (c))
    ("指示反恐委员会在今后十二个月内向安理会报告本决议的执行情况；", [("CTC", D(2018, 12, 21))]),
    # coordinated addressees (S/RES/2178 (2014) op 8)
    ("请第1267(1999)号和第1989(2011)号决议所设委员会和反恐委员会在各自任务范围内，在180天内向安理会通报；",
     [("C1267", D(2018, 6, 19)), ("CTC", D(2018, 6, 19))]),
    # a bracketed abbreviation between coordinated addressees (c-unorg-sc-sres2462-summary-…)
    ("请反恐怖主义委员会(反恐委员会)和1267委员会在12个月内举行一次联合特别会议；",
     [("C1267", D(2018, 12, 21)), ("CTC", D(2018, 12, 21))]),
    # a first report, then recurring ones: the first is a directive
    ("请秘书长在60天内向安理会提交报告，此后每六个月报告一次；", [("SG", D(2018, 2, 19))]),
    # a directive of 决定 whose subject is a body
    ("决定反恐执行局应在2020年6月30日之前向委员会提交一份全球调查；", [("CTED", D(2020, 6, 30))]),
    # …,注意到…: the deadline still belongs to the request
    ("请秘书长继续开展工作，注意到会员国的意见，并在2020年6月30日之前提交报告；",
     [("SG", D(2020, 6, 30))]),
    # 与 means "with": the Secretary-General alone is asked
    ("请秘书长与反恐执行局协商，在2020年3月31日之前提交报告；", [("SG", D(2020, 3, 31))]),
    # a delay from adoption with no 内 (not later than 120 days after adoption)
    ("请分析支助和制裁监测组不迟于本决议通过后120天向委员会提交报告；", [("MT1267", D(2018, 4, 20))]),
    # distractor: counted from an event the text does not date (S/RES/1985 (2011) op 3)
    ("请秘书长最迟在获得任命后30天内向委员会提出工作方案；", []),
    # at the end of the period the same text gives, in Chinese numerals (c-wikisource-m-res368-1975-…:
    # (b)将联合国紧急部队的任务期限延长三个月,至一九七五年七月二十四日为止;(c)请秘书长在这段期间终了时…)
    ("决定将联合国紧急部队的任务期限延长三个月，至二〇一八年七月二十四日为止；"
     "并请秘书长在这段期间终了时，提出关于局势发展的报告；", [("SG", D(2018, 7, 24))]),
    # item marks inside one operative paragraph (c-wikisource-m-res408-1977-undof-chinese-numerals:
    # 决定:(a)要求…;(b)将…任务再延长六个月,至一九七七年十一月三十日为止;(c)请秘书长在这一期限终了时…)
    ("决定：(a)要求有关各方立即执行第338(1973)号决议；(b)将联合国脱离接触观察员部队的任务再延长六个月，"
     "至二〇一八年十一月三十日为止；(c)请秘书长在这一期限终了时，提出关于局势发展的报告。",
     [("SG", D(2018, 11, 30))]),
    # before the end of the current period (c-wikisource-res1263-1999-…: 在本次任务期限终了前)
    ("决定将西撒特派团的任务期限延长到2018年12月14日，又请秘书长在本次任务期限终了前向安全理事会提出全面评估；",
     [("SG", D(2018, 12, 14))]),
    # distractor: counted back from the mandate's end, which this text does not give (S/RES/1985 (2011) op 2)
    ("请监测组最迟在其任务期限结束前30天向委员会提交最后报告；", []),
    # distractor: the Council's review of a mandate is no task of the holder
    ("决定监察员办公室的任务期限延长至2021年12月17日，并在2020年6月30日之前进行审查；", []),
    # distractor: a date in a citation is no deadline
    ("请秘书长就2015年12月17日第2253(2015)号决议的执行情况提交报告；", []),
    # distractor: member states are not a body (促请 is a call, 会员国 no addressee)
    ("促请会员国至迟于本决议通过之日起180天内向委员会提交最新报告；", []),
]


@pytest.mark.parametrize(("paragraph", "expected"), DEADLINE_SLOTS,
                         ids=[f"d{i}" for i in range(len(DEADLINE_SLOTS))])
def test_deadline_slots(paragraph, expected):
    assert directives(paragraph) == expected


# *** Reporting: recipient and frequency, in any order ***

# (operative paragraph, [(addressee, reports to, frequency)])
FREQUENCY_SLOTS = [
    # the frequency after the recipient, in its own segment
    ("请秘书长向安全理事会报告，每年一次；", [("SG", "SC", "P1Y")]),
    ("请分析支助和制裁监测组至少每两年一次向委员会提交报告；", [("MT1267", "CTC", "P2Y")]),
    ("请秘书长每隔90天向安理会报告；", [("SG", "SC", "P90D")]),
    ("请秘书长每季度向安理会报告；", [("SG", "SC", "P3M")]),
    ("请秘书长每半年向安理会报告一次；", [("SG", "SC", "P6M")]),
    ("请秘书长每两个月向安理会报告；", [("SG", "SC", "P2M")]),
    # monthly (S/RES/2742 (2024) news: 要求秘书长每月向安理会报告)
    ("要求秘书长每月向安理会报告；", [("SG", "SC", "P1M")]),
    # oral briefings
    ("请反恐委员会主席每年向安理会口头通报委员会的工作；", [("CTC", "SC", "P1Y")]),
    ("请秘书长每六个月向安理会通报情况；", [("SG", "SC", "P6M")]),
    # no recipient in the words: the Council whose text it is (S/RES/1263 (1999): 请秘书长每45天提出报告)
    ("请秘书长每45天提出报告；", [("SG", "SC", "P45D")]),
    # a first report, then recurring ones to the same recipient
    ("请秘书长在60天内向委员会提交报告，此后每六个月报告一次；", [("SG", "CTC", "P6M")]),
    # a duty in a clause that also holds other verbs
    ("请分析支助和制裁监测组继续同各国合作，协助委员会开展工作，并每年向安全理事会报告一次；",
     [("MT1267", "SC", "P1Y")]),
    # …,支持…: a verb after a bare comma that continues the request, not a new act
    ("请反恐执行局与委员会密切合作，支持会员国的能力建设，并每年向委员会报告一次；",
     [("CTED", "CTC", "P1Y")]),
    # the addressee as the subject after 决定
    ("决定监察员办公室应每六个月向安理会提交报告；", [("OMBUDSPERSON", "SC", "P6M")]),
    # twice a year, the count apart from 每年
    ("决定分析支助和制裁监测组应至少每年向委员会提交两次书面报告；", [("MT1267", "CTC", "P6M")]),
    # an annual report
    ("请反恐执行局向委员会提交年度报告；", [("CTED", "CTC", "P1Y")]),
    # two recipients
    ("请秘书长每年向大会和安全理事会报告；", [("SG", "GA", "P1Y"), ("SG", "SC", "P1Y")]),
    # a first report by a delay, then updates (最新情况)
    ("请秘书长在本决议通过之日起30天内向安理会提出建议，此后每三个月提出一次最新情况；",
     [("SG", "SC", "P3M")]),
    # an oral briefing as a noun (作一次通报)
    ("请秘书长每六个月向安理会作一次通报；", [("SG", "SC", "P6M")]),
    # distractor: an actor named after a body (秘书长特别代表) is not that body, as addressee or recipient
    ("请秘书长特别代表每六个月向安理会报告；", []),
    ("请秘书长每六个月向秘书长特别代表报告；", []),
    # 报告 as a verb right after the frequency, no recipient: the Council's
    ("请秘书长每年报告本决议的执行情况；", [("SG", "SC", "P1Y")]),
    # distractor: 定期报告中 is a noun (the periodic report), no duty
    ("请秘书长在其定期报告中列入相关信息；", []),
    # distractor: the recipient is another organisation whose name holds one of ours
    ("请秘书长每六个月向苏丹问题监测组报告；", []),
    ("请秘书长在提交安理会的年度报告中列入相关信息；", []),
    # distractor: a work programme is no report
    ("请1540委员会每年向安理会提交一份工作方案；", []),
    # the frequency belongs to meetings, not to the report: a report with no frequency
    # (tests/real/FORMAT.md: frequency null when unstated)
    ("请反恐委员会每年举行会议，并向安理会报告；", [("CTC", "SC", None)]),
    # one-off reports: a dated one, and an immediate one (c-wikisource-hant-res443-1978…:
    # 于一九七九年五月三十一日以前就本决议的执行情况提出报告; c-zhonghuashu-res688-1991…: 立即…提出报告)
    ("请秘书长于2018年5月31日以前就本决议的执行情况提出报告；", [("SG", "SC", None)]),
    ("请秘书长斟酌情况，立即就平民的苦难情况提出报告；", [("SG", "SC", None)]),
    # 提出关于…的报告 (c-wikisource-m-hant-res858-1993…: 在三个月内,提出关于观察团的活动的报告)
    ("请秘书长无论如何在三个月内，提出关于观察团的活动的报告；", [("SG", "SC", None)]),
    # 提供…报告 (c-wikisource-m-hant-res1463-2003-minurso-sg-by-date: 在2003年3月17日前提供一份局势报告)
    ("请秘书长在2018年3月17日前提供一份局势报告；", [("SG", "SC", None)]),
    # an assessment (c-wikisource-res1263-1999-…: 又请秘书长…向安全理事会提出全面评估)
    ("又请秘书长在2018年6月30日前向安全理事会提出全面评估，说明所采取的措施；", [("SG", "SC", None)]),
    # item marks: the request in (c) is a clause of its own (S/RES/408 (1977))
    ("决定：(a)要求有关各方立即执行第338(1973)号决议；(b)请秘书长在2018年11月30日以前提出报告。",
     [("SG", "SC", None)]),
    # 汇报 (b-unnews-2010-ga-strategy-review-sg-report: 要求秘书长…向大会汇报《战略》的进展情况)
    ("要求秘书长在2019年4月30日前向大会汇报《战略》的进展情况；", [("SG", "GA", None)]),
    # distractor: a report to member states is no duty to a body (S/RES/2395 (2017) op 6:
    # 并以书面形式向会员国通报)
    ("指示反恐执行局继续进行评估访问，并以书面形式向会员国通报；", []),
    # distractor: a report provided to member states
    ("请秘书长向会员国提供一份报告；", []),
    # distractor: a report someone made, named as a noun (提出的报告), is no duty
    ("请秘书长根据监测组提出的报告采取行动；", []),
    # distractor: a recommendation about states in general
    ("鼓励会员国每年向反恐委员会报告其执行情况；", []),
    # distractor: member states asked to report are no body
    ("请所有会员国每年向委员会报告；", []),
]


@pytest.mark.parametrize(("paragraph", "expected"), FREQUENCY_SLOTS,
                         ids=[f"r{i}" for i in range(len(FREQUENCY_SLOTS))])
def test_frequency_slots(paragraph, expected):
    assert duties(paragraph) == expected


# *** The same facts whatever the script and punctuation ***

_ROWS = [r for r, _ in MANDATE_SLOTS + DEADLINE_SLOTS + FREQUENCY_SLOTS]
_ASCII = str.maketrans("，；：（）“”", ",;:()\"\"")


@functools.cache
def _s2t():
    import opencc

    return opencc.OpenCC("s2t")


def _traditional(text: str) -> str:
    return _s2t().convert(text)


# (name, transformation): Traditional script (OpenCC s2t), ASCII punctuation, both
TRANSFORMS = [
    ("traditional", _traditional),
    ("ascii", lambda t: t.translate(_ASCII)),
    ("both", lambda t: _traditional(t).translate(_ASCII)),
]


@pytest.mark.parametrize(("name", "transform"), TRANSFORMS, ids=[n for n, _ in TRANSFORMS])
def test_slots_survive_script_and_punctuation(name, transform):
    def facts(text):
        f = run(text)
        return (sorted((m.holder, m.end, m.duration, m.guidance) for m in f["mandates"]),
                sorted((d.addressee, d.due) for d in f["directives"]),
                sorted((x.addressee, x.reports_to, x.frequency) for x in f["reporting"]))

    changed = [r for r in _ROWS if facts(r) != facts(transform(r))]
    assert changed == []
