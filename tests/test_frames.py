"""Frames beyond a resolution's numbered paragraphs: reported acts and subject frames.

News items and summaries (type other) report a resolution's acts in the
third person (决议要求秘书长…); old translations and statements put the
addressee first with no verb (秘书长…提出报告, 联合国秘书长被责成…).  Each row
is a real phrasing from tests/real/ (the file named in its comment); the
expected values were read off the sentence.
"""

from __future__ import annotations

import datetime as dt

import pytest

from ct2rdf.pipeline import process
from test_mandates import run

D = dt.date
NEWS_HEAD = "新华社联合国7月8日电\n\n"


def news(sentence: str) -> dict:
    result = process("news.txt", (NEWS_HEAD + sentence + "\n").encode())
    assert result.doc.structure.header.doc_type == "other"
    return result.facts


def facts(f: dict) -> tuple:
    return (sorted((d.addressee, d.due) for d in f["directives"]),
            sorted((x.addressee, x.reports_to, x.frequency or "") for x in f["reporting"]))


# (news sentence, ([(addressee, due)], [(addressee, to, frequency or "")]))
NEWS_ROWS = [
    # b-comemg-2024-res2742-hant-news: the resolution as subject, a monthly report
    ("决议要求联合国秘书长每月向安理会报告荷台达协议的落实情况。", ([], [("SG", "SC", "P1M")])),
    # b-cctv-big5-2012-unsmil-every60days-comments: 决议还要求 after another sentence
    ("此外,决议还将专家小组的任期延长了一年。决议还要求联合国秘书长每隔60天向安理会提交报告。",
     ([], [("SG", "SC", "P60D")])),
    # c-stagd-2023-res2685-unitams-sg-every-90-days: a modal after the subject, 根据决议要求 before it
    ("根据决议要求,联合国秘书长必须每90天向安理会报告援助团的工作执行情况。",
     ([], [("SG", "SC", "P90D")])),
    # c-feifmx-2024-unami-sg-by-end-of-2024-doubled-commas: the passive 被责成, the end of a year
    ("联合国秘书长被责成在2024年底之前与伊拉克方面共同制定出详细的过渡方案。",
     ([("SG", D(2024, 12, 31))], [])),
    # b-unnews-2010-ga-strategy-review-sg-report: a one-off report to the Assembly, 汇报
    ("决议强调要增进保护人权,并要求秘书长在2012年4月30日前向大会汇报《战略》的进展情况。",
     ([("SG", D(2012, 4, 30))], [("SG", "GA", "")])),
    # b-comemg-2024-res2742-hant-news: a one-off report due a month before the mandate the
    # text states ends (2025-07-14), beside a monthly one
    ("联合国安理会8日一致通过第2742号决议,将联合国支助荷台达协议特派团的任期延长12个月,至2025年7月14日。"
     "决议要求联合国秘书长每月向安理会报告荷台达协议的落实情况,"
     "并至少在支助团新任期结束前1个月向安理会提交一份支助团工作的审查报告。",
     ([("SG", D(2025, 6, 14))], [("SG", "SC", ""), ("SG", "SC", "P1M")])),
    # b-everyday-2022-res2642-sg-monthly-60days: a call (促请) to the Secretary-General, and
    # 定期(至少每60天): the interval says how regular
    ("这项决议促请联合国秘书长就有关安理会决议执行情况每月向安理会通报,"
     "并定期(至少每60天)向安理会提交书面报告。",
     ([], [("SG", "SC", "P1M"), ("SG", "SC", "P60D")])),
    # b-tibet-2023-res2678-2679-hant-footer: 安理会决议2679号则要求…
    ("安理会决议2679号则要求联合国秘书长在2023年11月17日前,对阿富汗形势进行独立、完整评估。",
     ([("SG", D(2023, 11, 17))], [])),
    # a Wikipedia reference mark ends the sentence before (c-zwnes-wikipedia-hant-res1093-1997-…)
    ("安理会透过这份决议,促请双方落实协议,并排除地雷[2]决议案也要求联合国秘书长科菲·安南于1997年7月5日前,"
     "向安理会报告双方争端的和平解决方案推动进展。",
     ([("SG", D(1997, 7, 5))], [("SG", "SC", "")])),
    # a list bullet before the paragraph's words (b-reportify-2025-res2799-bullets-refs: ' - ' bullets)
    ("- 决议要求联合国秘书长每月向安理会报告。", ([], [("SG", "SC", "P1M")])),
    # distractor: a call to member states is no task of a body
    ("决议促请会员国在2019年底前向委员会提交报告。", ([], [])),
    # distractor (c-hyyz888-2013-unama-sg-every-three-months): a briefing that was given, not asked
    ("在安理会表决前,联合国秘书长潘基文就阿富汗当前局势向安理会作了通报。", ([], [])),
    # distractor: no resolution or Council acts; 安理会 is only the recipient
    ("中方希望联合国秘书长每月向安理会报告。", ([], [])),
    # distractor (b-jinxun-2024-1267-renewal-spaces): states are no body
    ("这一决议重申对恐怖活动的严重关切,要求各国在2025年6月30日前向安理会报告。", ([], [])),
    # distractor (b-everyday-2022-res2642-sg-monthly-60days): a report with no recipient in news
    ("这项决议请联合国秘书长在2022年12月10日前就叙利亚人道需求提交一份特别报告。",
     ([("SG", D(2022, 12, 10))], [])),
]


@pytest.mark.parametrize(("sentence", "expected"), NEWS_ROWS, ids=[f"n{i}" for i in range(len(NEWS_ROWS))])
def test_reported_acts(sentence, expected):
    assert facts(news(sentence)) == expected


# (operative paragraph of a resolution adopted 2017-12-21, expected as in NEWS_ROWS)
SUBJECT_ROWS = [
    # c-zhonghuashu-res625-1988-unficyp-sg-report-by-date: an old translation without 请
    ("秘书长继续其斡旋任务，随时将所获进展通知安全理事会，并于2018年5月31日以前就本决议的执行情况提出报告；",
     ([("SG", D(2018, 5, 31))], [("SG", "SC", "")])),
    # c-wikisource-res858-1993-unomig-simplified-no-request-verb: a delay from adoption
    ("秘书长斟酌情况，但无论如何在三个月内，提出关于观察团的活动的报告；",
     ([("SG", D(2018, 3, 21))], [("SG", "SC", "")])),
    # a-zhonghuashu-prst-2003-17: the chair of a committee (会, a modal) is the committee's task;
    # 未及时提交报告的国家名单 names the states' reports, not a report of the committee
    ("反恐怖主义委员会主席会在2018年10月31日前将截至该日未及时提交报告的国家名单送交安全理事会；",
     ([("CTC", D(2018, 10, 31))], [])),
    # c-wikisource-res186-1964-old-translation-report-periodically (op 4): the subject opens a
    # later sentence and 除…外 parts it from its modal 应; 按期 gives no frequency; the force's
    # commander reporting to the Secretary-General is no body of ours
    ("建议于赛普勒斯政府同意后成立联合国驻赛普勒斯维持和平军。该军之司令由秘书长委派,并向秘书长提出报告。"
     "秘书长除使提供该军部队各国政府随时充分知悉情况外,并应按期向安全理事会报告该军之行动情形；",
     ([], [("SG", "SC", "")])),
    # distractor: 除…外 with no modal after it is no task
    ("建议成立维持和平军。秘书长除报告外,还向安全理事会转递了各国政府的来文；", ([], [])),
    # distractor: a body named first that is only a topic, after a comma (no modal)
    ("欢迎会员国的努力，反恐执行局的评估在2018年5月31日以前完成的工作是宝贵资源；", ([], [])),
    # distractor: the Council is never its own addressee
    ("安全理事会将在2018年5月31日以前审查本决议的执行情况；", ([], [])),
]


@pytest.mark.parametrize(("paragraph", "expected"), SUBJECT_ROWS,
                         ids=[f"s{i}" for i in range(len(SUBJECT_ROWS))])
def test_subject_frames(paragraph, expected):
    f = run(paragraph)
    assert facts(f) == expected


# (news paragraphs, [(holder, end)])
NEWS_MANDATES = [
    # b-sinomep-2022-res2663-c1540-extension: no verb, the act in 通过决议,将…任期延长10年至…
    ("新华社联合国11月30日电联合国安理会11月30日一致通过决议,"
     "将安理会负责防止大规模杀伤性武器扩散的1540委员会任期延长10年至2032年11月30日。",
     [("C1540", D(2032, 11, 30))]),
    # b-zjol-2011-c1540-extension-sg-statement: 该委员会 names the committee of the paragraph before
    ("2004年,安理会通过第1540号决议,决定成立负责防止大规模杀伤性武器扩散的委员会,因此该委员会又称1540委员会。\n\n"
     "4月20日,联合国安理会一致通过决议,将该委员会的任期延长10年至2021年4月25日。",
     [("C1540", D(2021, 4, 25))]),
    # b-fanyjok-ctc-about-us-mirror-lost-numbers: 延长了…, then 这一特别政治任务 for the same body
    ("安全理事会第号决议最近延长了反恐执行局的任务期限,将这一特别政治任务延长至2025年12月31日。",
     [("CTED", D(2025, 12, 31))]),
    # b-unorg-sc-1267-resolutions-list: 其 after the body, a duration only
    ("决议特别指出监察员办公室的重要性,将其任务期限延长30个月。", [("OMBUDSPERSON", None)]),
    # c-mjblv-2024-res2763-1988-team-14-months: a bracketed abbreviation between the
    # committee and its team (the page says 监测小组; here the team's full name, since a bare
    # 监测组 names MT1267 only in a text that names the team in full: bodies)
    ("联合国安理会全票通过第2763号决议,将1988委员会(塔利班制裁委)分析支助和制裁监测组授权延期14个月。",
     [("MT1267", None)]),
    # c-fymate-res1526-2004-p2-monitoring-team-18-months: an operative paragraph reprinted on a page
    # typed other, its number and verb kept (the page names 监测小组; here the team's full name)
    ("6.决定,为协助委员会完成任务,成立一个分析支助和制裁监测组,设在纽约,为期18个月,在委员会的指示下承担职责;",
     [("MT1267", None)]),
    # distractor (b-comemg-2024-res2742-hant-news): a mission that is not ours
    ("联合国安理会8日一致通过第2742号决议,将联合国支助荷台达协议特派团(荷台达协议支助团)的任期延长12个月,"
     "至2025年7月14日。", []),
    # a full date by the actor is the day of the act reported
    ("2024年6月10日,联合国安理会通过决议,将监察员办公室的任期延长36个月。", [("OMBUDSPERSON", None)]),
    # distractor: an earlier act recalled as background (a year, no day: c-zjol-2011-…: 2004年,安理会通过…)
    ("2004年,安理会通过第1540号决议,决定设立1540委员会,任期两年。", []),
    ("安理会2017年通过第2368号决议,将监察员办公室的任务期限延长至2021年12月17日。", []),
    # distractor: nobody reports an act of the Council (a wish)
    ("中方希望将监察员办公室的任务期限延长12个月。", []),
]


@pytest.mark.parametrize(("text", "expected"), NEWS_MANDATES,
                         ids=[f"m{i}" for i in range(len(NEWS_MANDATES))])
def test_reported_mandates(text, expected):
    assert sorted((m.holder, m.end) for m in news(text)["mandates"]) == expected


OLD_HEAD = "一九七五年四月十七日\n第368(1975)号决议\n安全理事会,\n审议了秘书长关于联合国紧急部队的报告,\n"

# (the paragraphs after the preamble, expected as in NEWS_ROWS, paragraph kinds in order).
# A resolution with one operative paragraph leaves it unnumbered; its items (a), (b), (c)
# stand on lines of their own, each a clause with its own verb.
LONE_OPERATIVE_ROWS = [
    # c-wikisource-m-res368-1975-unef-end-of-period-chinese-numerals: the report is due when
    # the period (b) gives ends; the force is no body of ours, (a) addresses the parties
    ("决定:\n(a)要求有关各方立即执行安全理事会第338(1973)号决议;\n"
     "(b)将联合国紧急部队的任务期限延长三个月,至一九七五年七月二十四日为止;\n"
     "(c)请秘书长在这段期间终了时,提出关于局势发展和执行安理会第338(1973)号决议所采取的措施的报告。",
     ([("SG", D(1975, 7, 24))], [("SG", "SC", "")]), ["pp", "op"]),
    # c-wikisource-m-res408-1977-undof-chinese-numerals: 这一期限, 再延长六个月
    ("决定:\n(a)要求有关各方立即执行一九七三年十月二十二日安全理事会第338(1973)号决议;\n"
     "(b)将联合国脱离接触观察员部队的任务再延长六个月,至一九七七年十一月三十日为止;\n"
     "(c)请秘书长在这一期限终了时,提出关于局势发展和执行第338(1973)号决议所采取措施的报告。",
     ([("SG", D(1977, 11, 30))], [("SG", "SC", "")]), ["pp", "op"]),
    # distractor: a copy cut inside a paragraph that may still be preambular (no closing 。)
    ("决定:\n(a)要求有关各方立即执行安全理事会第338(1973)号决议;\n"
     "(c)请秘书长在一九七五年七月二十四日以前提出报告;", ([], []), ["pp", "pp"]),
    # distractor: with numbered paragraphs, an unnumbered one is no operative paragraph
    ("请秘书长在一九七五年七月二十四日以前提出报告。\n1.决定继续处理此案。", ([], []), ["pp", "pp", "op"]),
]


@pytest.mark.parametrize(("paragraphs", "expected", "kinds"), LONE_OPERATIVE_ROWS,
                         ids=[f"l{i}" for i in range(len(LONE_OPERATIVE_ROWS))])
def test_lone_operative_paragraph(paragraphs, expected, kinds):
    result = process("old.txt", (OLD_HEAD + paragraphs + "\n").encode())
    assert [p.ref.kind for p in result.doc.structure.paragraphs] == kinds
    assert facts(result.facts) == expected
