"""Citations: every printed form → (official symbol, date given by the citing text or None)."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest

from conftest import SEEDS, best_seconds, seed
from ct2rdf.pipeline import process, read_catalog
from ct2rdf.reference import resolution_years


def cited(text: str, name: str = "t.txt") -> list[tuple[str, str | None]]:
    """The citations ``text`` makes, in text order, as (symbol, ISO date or None)."""
    r = process(name, text.encode())
    assert r.error is None, r.error
    return [(str(c.symbol), c.date.isoformat() if c.date else None) for c in r.facts["citations"]]


def recognized(text: str) -> list[tuple[str, str | None]]:
    """Like :func:`cited`, also with the series the graph does not model (E/…, SC/…)."""
    from ct2rdf.extract import citations

    r = process("t.txt", text.encode())
    assert r.error is None, r.error
    return [(str(c.symbol), c.date.isoformat() if c.date else None) for c in citations.recognize(r.doc)]


def R(sym: str, date: str | None = None) -> tuple[str, str | None]:
    """A Security Council resolution, ``R("1373 (2001)")`` → ``("S/RES/1373 (2001)", None)``."""
    return (f"S/RES/{sym}", date)


FORMS = [
    # the canonical form
    ("安全理事会回顾第 1373(2001)号决议。", [R("1373 (2001)")]),
    # the same form with another number and year, no spaces
    ("安理会回顾第2396(2017)号决议。", [R("2396 (2017)")]),
    # one 第…号决议 shared by a list joined by 、 and 和
    ("重申需加强第 1373(2001)、1267(1999)、1989(2011)、2253(2015)和 1540(2004)号决议所设委员会的合作。",
     [R("1373 (2001)"), R("1267 (1999)"), R("1989 (2011)"), R("2253 (2015)"), R("1540 (2004)")]),
    # a shared list joined by 以及
    ("回顾第 2170(2014)、2178(2014)以及 2199(2015)号决议。",
     [R("2170 (2014)"), R("2178 (2014)"), R("2199 (2015)")]),
    # a list of 第…号 items joined by 和 and 、
    ("需要加强第 1267(1999)号和第 1989(2011)号、第 1373(2001)号和第 1540(2004)号决议设立的委员会的合作。",
     [R("1267 (1999)"), R("1989 (2011)"), R("1373 (2001)"), R("1540 (2004)")]),
    # dates inside a list give each cited document its own date
    ("特别回顾第1535(2004)号、2007年12月10日第1787(2007)号和2008年3月20日第1805(2008)号决议。",
     [R("1535 (2004)"), R("1787 (2007)", "2007-12-10"), R("1805 (2008)", "2008-03-20")]),
    # a date before a single citation becomes the cited document's date
    ("回顾设立反恐怖主义委员会的2001年9月28日第1373(2001)号决议。", [R("1373 (2001)", "2001-09-28")]),
    # spaces inside the date (PDF artifact) do not stop it
    ("特别回顾 2004年 3月 26日第1535(2004)号决议。", [R("1535 (2004)", "2004-03-26")]),
    # a date in Chinese numerals
    ("回顾二〇一四年九月二十四日第2178(2014)号决议。", [R("2178 (2014)", "2014-09-24")]),
    # a date whose year disagrees with the symbol's is not the document's date
    ("回顾2005年3月26日第1535(2004)号决议。", [R("1535 (2004)")]),
    # 号 missing
    ("会议纪念第1373(2001)决议通过二十周年。", [R("1373 (2001)")]),
    # 第 missing
    ("以便按 1624(2005)号决议的要求制定战略。", [R("1624 (2005)")]),
    # no year: inferred from the table of resolution numbers by year
    ("回顾通过第 2122 号决议，重申打算注意这些问题。", [R("2122 (2013)")]),
    # no year, a list of them
    ("回顾第 1267 号、第 1989 号和第 2253 号决议。", [R("1267 (1999)"), R("1989 (2011)"), R("2253 (2015)")]),
    # General Assembly resolution by session and number
    ("按照大会第64/235号决议开展活动。", [("A/RES/64/235", None)]),
    # ... with its date
    ("按照大会 2009 年 12 月 24 日第 64/235 号决议开展活动。", [("A/RES/64/235", "2009-12-24")]),
    # ... printed as a full symbol inside 第…号决议
    ("欢迎根据大会第 A/RES/66/10 号决议设立联合国反恐中心。", [("A/RES/66/10", None)]),
    # ... printed in parentheses
    ("需要按《联合国全球反恐战略》(A/RES/60/288)所述消除有利条件。", [("A/RES/60/288", None)]),
    # a list of General Assembly resolutions sharing one 号决议
    ("回顾大会第 60/288 号和第 64/235 号决议。", [("A/RES/60/288", None), ("A/RES/64/235", None)]),
    # ... with a date inside the list
    ("回顾大会2006年9月8日第60/288号、第 66/10 号决议。",
     [("A/RES/60/288", "2006-09-08"), ("A/RES/66/10", None)]),
    # a General Assembly and a Council resolution side by side
    ("回顾大会第 66/10 号决议和安全理事会第 1373(2001)号决议。", [("A/RES/66/10", None), R("1373 (2001)")]),
    # other document symbols, with full-width punctuation after them
    ("《马德里指导原则》(S/2015/939，附件二)及其增编(S/2018/1177，附件)。",
     [("S/2015/939", None), ("S/2018/1177", None)]),
    # an addendum keeps its suffix, in its official case
    ("见反恐执行局的报告(S/2021/1080/ADD.1)和订正本 S/2016/49/Rev.1。",
     [("S/2021/1080/Add.1", None), ("S/2016/49/Rev.1", None)]),
    # a General Assembly resolution of the first thirty sessions: Roman session, its date
    ("重申大会1970年10月24日第2625(XXV)号决议宣告的原则。", [("A/RES/2625(XXV)", "1970-10-24")]),
    # a presidential statement's symbol and a Council document's
    ("回顾 S/PRST/2005/64 号主席声明和 S/2020/372 号文件所列程序。",
     [("S/PRST/2005/64", None), ("S/2020/372", None)]),
    # a full resolution symbol printed with the space before the year
    ("回顾 S/RES/2467 (2019) 号决议。", [R("2467 (2019)")]),
    # Traditional script
    ("回顧第1373(2001)號決議。", [R("1373 (2001)")]),
    # Traditional script, a list
    ("回顧第1267(1999)號和第1989(2011)號決議。", [R("1267 (1999)"), R("1989 (2011)")]),
    # full-width parentheses
    ("回顾第1373（2001）号决议。", [R("1373 (2001)")]),
    # full-width digits and parentheses
    ("回顾第２１７８（２０１４）号决议。", [R("2178 (2014)")]),
    # every occurrence counts: the same resolution twice gives two citations
    ("回顾第1373(2001)号决议，重申第1373(2001)号决议。", [R("1373 (2001)"), R("1373 (2001)")]),
    # meetings, monitoring teams and periods are not citations
    ("在第 6765 次会议上，1267 监察组与 1540 委员会每隔 180 天报告 2011 至 2013 年的工作。", []),
]


@pytest.mark.parametrize(("text", "expected"), FORMS, ids=[f"form{i:02d}" for i in range(len(FORMS))])
def test_citation_forms(text, expected):
    assert cited(text) == expected


# 1. Lists whose separators were lost (web copies): items glued after their year.
GLUED = [
    # S/RES/2660 (2022) as wikisource prints it
    ("还决定联阿安全部队应继续依照第2630(2022)2609(2021)号决议执行此项任务和各项工作;",
     [R("2630 (2022)"), R("2609 (2021)")]),
    # three items, none separated
    ("回顾1368(2001)1373(2001)1377(2001)号决议。", [R("1368 (2001)"), R("1373 (2001)"), R("1377 (2001)")]),
    # a lost separator inside an ordinary list
    ("重申第1373(2001)1624(2005)、2178(2014)号决议。",
     [R("1373 (2001)"), R("1624 (2005)"), R("2178 (2014)")]),
    # items glued after 號 (the annex of S/RES/1456 (2003) on a wiki mirror)
    ("特別是第1373(2001)號第1390(2002)號第1455(2003)號決議:",
     [R("1373 (2001)"), R("1390 (2002)"), R("1455 (2003)")]),
    # numbers glued without years cannot be split: nothing is guessed
    ("回顾第13731624号决议。", []),
]


@pytest.mark.parametrize(("text", "expected"), GLUED, ids=["2660", "three", "mixed", "after-hao", "no-year"])
def test_lists_with_lost_separators(text, expected):
    assert cited(text) == expected


# 2. Numbers in Chinese numerals (normalize folds 號決議 to 号决议 first).
CN_NUMERALS = [
    # digit by digit, Traditional script
    ("重申第一六二四號決議,", [R("1624 (2005)")]),
    # digit by digit without 第
    ("各國應執行二一七八號決議。", [R("2178 (2014)")]),
    # the year in Chinese numerals too
    ("回顧第一三七三(二〇〇一)號決議。", [R("1373 (2001)")]),
    # positional numerals
    ("回顾第一千三百七十三号决议。", [R("1373 (2001)")]),
    ("执行第二千一百七十八号决议的情况。", [R("2178 (2014)")]),
    # a meeting numbered digit by digit is no citation (wikisource, resolution 325)
    ("憶及理事會在一九七三年一月十六日第一六八五次會議上所作的決定,", []),
    # a chapter is no citation
    ("根据《联合国宪章》第七章采取行动,", []),
    # a small positional number is no Council resolution these texts cite
    ("回顾第三十五号决议。", []),
]


@pytest.mark.parametrize(("text", "expected"), CN_NUMERALS,
                         ids=["digits-trad", "no-di", "cn-year", "positional", "positional2", "meeting",
                              "chapter", "small"])
def test_numbers_in_chinese_numerals(text, expected):
    assert cited(text) == expected


# 3. The year before the number; a date with 通过的 between it and the number.
YEAR_FIRST = [
    # usinfo.org, a press release of 28 September 2001
    ("根据(2001年)第1373号决议,安理会还设立了一个监督决议实施情况的安理会委员会。", [R("1373 (2001)")]),
    ("回顾(2005年)第1624号决议。", [R("1624 (2005)")]),
    ("回顾2005年第1624号决议。", [R("1624 (2005)")]),
    ("安理会2014年通过的第2178号决议要求各国采取措施。", [R("2178 (2014)")]),
    # a year that cannot be the resolution's dates the event, not the resolution
    ("2015年第1373号决议执行情况全球调查。", [R("1373 (2001)")]),
    # the Macao gazette: Chinese-numeral dates, 通过的, a list closed after other words
    ("命令公佈聯合國安全理事會於二零零一年六月十九日通過的第1356(2001)號、"
     "二零零二年七月二十二日通過的第1425(2002)號有關索馬里局勢的決議",
     [R("1356 (2001)", "2001-06-19"), R("1425 (2002)", "2002-07-22")]),
]


@pytest.mark.parametrize(("text", "expected"), YEAR_FIRST,
                         ids=["usinfo", "paren", "bare", "adopted", "event-year", "macao"])
def test_year_before_the_number(text, expected):
    assert cited(text) == expected


# 4. 等 closing a list.
ETC = [
    # the form: items without years, the year from the table
    ("回顾第1373号、第1624号和第2178号等决议。", [R("1373 (2001)"), R("1624 (2005)"), R("2178 (2014)")]),
    # wikisource, resolution 368 (1975): dates in Chinese numerals, later ones without
    # their year (so no date for those), closed by 等决议
    ("回顾其一九七三年十月二十二日第338(1973)号、十月二十五日第340(1973)号、十月二十七日第341(1973)号、"
     "一九七四年四月八日第346(1974)号和十月二十三日第362(1974)号等决议,",
     [R("338 (1973)", "1973-10-22"), R("340 (1973)"), R("341 (1973)"), R("346 (1974)", "1974-04-08"),
      R("362 (1974)")]),
    # 等 and a qualifier before 决议
    ("重申第1267(1999)号等有关决议,", [R("1267 (1999)")]),
]


@pytest.mark.parametrize(("text", "expected"), ETC, ids=["issue", "res368", "qualified"])
def test_lists_closed_by_deng(text, expected):
    assert cited(text) == expected


# 5. Neither 第 nor a year: the year from the table.
BARE = [
    # grinews.com (Traditional): 决议案, a date before it
    ("聯合國20日通過的2249號決議案,共有15個會員國無異議通過。", [R("2249 (2015)")]),
    ("各國應執行2178號決議。", [R("2178 (2014)")]),
    ("各国须执行安理会1373号决议。", [R("1373 (2001)")]),
    # a notice of the Ministry of Foreign Affairs (2001)
    ("2001年9月29日,联合国安理会通过了第1373号决议(见附件),", [R("1373 (2001)")]),
]


@pytest.mark.parametrize(("text", "expected"), BARE, ids=["grinews", "bare", "anliehui", "mfa"])
def test_numbers_without_di_or_year(text, expected):
    assert cited(text) == expected


# 6. Spaces anywhere: normalize removes whitespace except between ASCII
# letters and digits, so these reach the patterns as 第1267(1999)号决议.
SPACES = [
    ("回顾第 1267 号决议。", [R("1267 (1999)")]),
    ("回顾第 1267 (1999) 号决议。", [R("1267 (1999)")]),
    # spaces inside the parentheses and inside 决议
    ("回顾第 1373 ( 2001 ) 号 决 议。", [R("1373 (2001)")]),
    # ideographic spaces (U+3000)
    ("回顾第\u30001373\u3000号决议。", [R("1373 (2001)")]),
    # S/RES/2627 (2022) on wikisource: a space after 、 and before the last number
    ("回顾其以往各项相关决议,包括第 825(1993)、1540(2004)、 1718(2006)和 2569(2021)号决议,",
     [R("825 (1993)"), R("1540 (2004)"), R("1718 (2006)"), R("2569 (2021)")]),
    ("回顾第 1373 号 和 第 1624 号决议。", [R("1373 (2001)"), R("1624 (2005)")]),
]


@pytest.mark.parametrize(("text", "expected"), SPACES,
                         ids=["number", "number-year", "inside", "ideographic", "res2627", "list"])
def test_spaces_anywhere(text, expected):
    assert cited(text) == expected


# 7. Cut-off numbers and the year table.  A printed year the table cannot
# accept (more than five numbers outside that year's range) drops the item:
# we cannot tell whether the number or the year is wrong.
TABLE = [
    # a number cut off where the text ends
    ("重申第13", []),
    # a list cut off: the complete item with its year still counts
    ("回顾第1373(2001)、13", [R("1373 (2001)")]),
    # beyond the table's last number (plus a margin for newer resolutions)
    ("回顾第9999号决议。", []),
    ("回顾第2960号决议。", []),
    # above the table but within the margin: a newer resolution, year unknown
    ("回顾第2850号决议。", [R("2850")]),
    # a printed year after the table, for a number after the table
    ("回顾第2810(2026)号决议。", [R("2810 (2026)")]),
    # a year that contradicts the table: dropped
    ("回顾第2178(2010)号决议。", []),
    # within five numbers of the year's range: the printed year is trusted
    # (zhonghuashu's copy of S/RES/2617 (2021) prints 2195(2015))
    ("重申安理会第2185(2014)、2195(2015)号决议", [R("2185 (2014)"), R("2195 (2015)")]),
    # a bare small number before 决议 is a footnote's (the UN Repertoire, line-broken)
    ("16 决议草 案付诸表决, 不经辩论获得一致通过, 成为第 1312(2000) 号决议,", [R("1312 (2000)")]),
    # before the table: kept with its printed year, or with none
    ("回顾第338(1973)号决议。", [R("338 (1973)")]),
    ("回顾第1189号决议。", [R("1189 (1998)")]),
    # a printed year in a gap between the table's (narrow) older ranges fits
    ("回顾第1145(1997)号决议。", [R("1145 (1997)")]),
    # and without one, the gap gives no year
    ("回顾第1145号决议。", [R("1145")]),
]


@pytest.mark.parametrize(("text", "expected"), TABLE,
                         ids=["cut", "cut-list", "9999", "2960", "newer", "newer-year", "contradiction",
                              "boundary", "footnote", "old-year", "old", "gap-year", "gap"])
def test_cut_off_numbers_and_the_year_table(text, expected):
    assert cited(text) == expected


# 8. Resolutions numbered by session or year belong to the organ the text
# names before them, never all to the General Assembly.
ORGANS = [
    ("回顾人权理事会第35/21号决议。", [("A/HRC/RES/35/21", None)]),
    ("回顾经济及社会理事会第2004/28号决议。", [("E/RES/2004/28", None)]),
    ("回顾经社理事会第2004/28号决议。", [("E/RES/2004/28", None)]),
    ("回顾大会第60/288号决议。", [("A/RES/60/288", None)]),
    # no organ in the sentence: in Council texts, the Assembly
    ("安全理事会,回顾第60/288号决议。", [("A/RES/60/288", None)]),
    # A/HRC/RES/40/16: the Assembly's list, dated
    ("铭记大会2006年3月15日第60/251号、2007年12月22日第62/219号和2011年6月17日第65/281号决议,",
     [("A/RES/60/251", "2006-03-15"), ("A/RES/62/219", "2007-12-22"), ("A/RES/65/281", "2011-06-17")]),
    # the same: the organ is named before a topic that holds another 理事会
    ("忆及人权理事会2007年6月18日关于理事会体制建设的第5/1号决议和关于理事会特别程序任务负责人行为守则的第5/2号决议,",
     [("A/HRC/RES/5/1", None), ("A/HRC/RES/5/2", None)]),
    # the same: three organs in one sentence, each list its own
    ("忆及人权委员会2004年4月21日第2004/87号和2005年4月21日第2005/80号决议、大会2004年12月20日第59/191号决议,"
     "以及人权理事会题为“反恐中注意保护人权和基本自由:反恐中注意促进与保护人权和基本自由特别报告员的任务”的"
     "2007年12月14日第6/28号决议,",
     [("E/CN.4/RES/2004/87", "2004-04-21"), ("E/CN.4/RES/2005/80", "2005-04-21"),
      ("A/RES/59/191", "2004-12-20"), ("A/HRC/RES/6/28", "2007-12-14")]),
    # a printed symbol of the Human Rights Council's resolutions
    ("如人权理事会第A/HRC/RES/40/16号决议所述,", [("A/HRC/RES/40/16", None)]),
    # numbering that does not fit the organ: nothing rather than a wrong symbol
    ("回顾人权理事会第2004/87号决议。", []),
    ("回顾大会第2004/28号决议。", []),
    # A/RES/51/210: the Assembly recalls its own resolutions (回顾其), dated
    ("回顾其通过《消除国际恐怖主义措施宣言》的1994年12月9日第49/60号决议及其1995年12月11日第50/53号决议,",
     [("A/RES/49/60", "1994-12-09"), ("A/RES/50/53", "1995-12-11")]),
    # UNODC's commissions and the conferences of parties number by session too: not the Assembly's
    ("回顾麻醉药品委员会第56/1号决议。", []),
    ("回顾联合国反腐败公约缔约国会议第5/1号决议。", []),
    # a bare 理事会 (the Human Rights Council in its own texts) cannot be told apart
    ("回顾理事会2007年9月27日第6/3号决议,", []),
]


@pytest.mark.parametrize(("text", "expected"), ORGANS,
                         ids=["hrc", "ecosoc", "ecosoc-short", "ga", "default-ga", "hrc40-16-ga",
                              "hrc-topic", "three-organs", "printed", "hrc-by-year", "ga-by-year", "ga-own",
                              "cnd", "cosp", "bare-council"])
def test_resolutions_of_other_organs(text, expected):
    assert recognized(text) == expected


def test_a_masthead_symbol_is_the_documents_own():
    # an OHCHR PDF copy of A/HRC/RES/40/16: 联 合 国, then its symbol alone, then 大 会
    text = ("联 合 国\n\nA/HRC/RES/40/16\n\n大 会\n\nDistr.: General\n\n"
            "人权理事会,\n\n回顾大会第60/251号决议,\n")
    assert cited(text) == [("A/RES/60/251", None)]


def test_other_organs_resolutions_are_plain_documents_in_the_graph(tmp_path):
    # the contract: S/RES and A/RES are ct:Resolution issued by SC / GA; others plain ct:Document
    from rdflib import RDF, URIRef

    from conftest import BASE
    from ct2rdf.build import build
    from ct2rdf.rdf.namespace import CT

    (tmp_path / "t.txt").write_text("回顾人权理事会第35/21号决议和大会第60/288号决议。", encoding="utf-8")
    g = build([tmp_path / "t.txt"], base=BASE, check=False).graph
    hrc, ga = URIRef(BASE + "A/HRC/RES/35/21"), URIRef(BASE + "A/RES/60/288")
    assert set(g.objects(hrc, RDF.type)) == {CT.Document}
    assert list(g.objects(hrc, CT.issuedBy)) == []
    assert CT.Resolution in set(g.objects(ga, RDF.type))
    assert list(g.objects(ga, CT.issuedBy)) == [URIRef(BASE + "org/GA")]


# 9. Resolutions of bodies that are not the Council, named with 号决议.
NOT_OURS = [
    # the World Health Assembly numbers its resolutions WHA58.3
    ("回顾世界卫生大会第WHA58.3号决议。", []),
    ("回顾世界卫生大会第58/3号决议。", []),
    # regional organizations (the Arab League Council's numbers reach the thousands)
    ("回顾阿盟理事会第7804号决议。", []),
    ("回顾阿拉伯国家联盟理事会第1234号决议。", []),
    ("回顾欧洲联盟理事会第1234号决议。", []),
    # the African Union's council ends in 安全理事会
    ("回顾非洲联盟和平与安全理事会第1234号决议。", []),
    # a national law (the Macao gazette)
    ("行政長官根據澳門特別行政區第3/1999號法律第六條第一款的規定,", []),
    # the Assembly's resolution by number alone: no symbol can be built
    ("回顾联合国大会第1373号决议。", []),
    # controls: our Council, however named
    ("回顾联合国安全理事会第1373号决议。", [R("1373 (2001)")]),
    ("回顾联合国安理会第1373号决议。", [R("1373 (2001)")]),
    # a committee right before a Council resolution is its subject, not its author
    ("安理会欢迎1540委员会第1540(2004)号决议执行情况报告。", [R("1540 (2004)")]),
]


@pytest.mark.parametrize(("text", "expected"), NOT_OURS,
                         ids=["wha", "wha-session", "arab-league", "arab-league-full", "eu", "au-psc",
                              "macao-law", "ga-number", "sc", "sc-short", "committee-subject"])
def test_other_bodies_resolutions_are_not_council_citations(text, expected):
    assert cited(text) == expected


# Web and news forms of other citations.
WEB_FORMS = [
    # wikisource, S/RES/2446 (2018): statements by symbol, each with its date
    ("以及2014年12月18日S/PRST/2014/28号、2015年10月20日S/PRST/2015/17号和2018年7月13日S/PRST/2018/14号主席声明,",
     [("S/PRST/2014/28", "2014-12-18"), ("S/PRST/2015/17", "2015-10-20"), ("S/PRST/2018/14", "2018-07-13")]),
    # wikisource, S/RES/2627 (2022): the date, then the symbol in parentheses
    ("以及 2006 年 10 月 6 日(S/PRST/2006/41)、2009 年 4 月 13 日(S/PRST/2009/7)安理会主席声明,",
     [("S/PRST/2006/41", "2006-10-06"), ("S/PRST/2009/7", "2009-04-13")]),
    # a statement by the web form of its title
    ("安理会回顾联合国安理会主席声明2004年第31号。", [("S/PRST/2004/31", None)]),
    # Xinhua, December 2023: 两项决议 closes the list
    ("安理会当天通过第2713号和第2714号两项决议,", [R("2713 (2023)"), R("2714 (2023)")]),
    # an encyclopedia page prints the symbol without its year
    ("安理会第1373号决议的文件编号为S/RES/1373 (Document)。", [R("1373 (2001)"), R("1373 (2001)")]),
    # a journal article: the Assembly as 联大, the resolution by session without 第
    ("1993年12 月3日,第48届联大采纳了48/26号决议,", [("A/RES/48/26", None)]),
    # China's mission, 2021: 等 then several words before 决议
    ("认真监督执行第1373及1624、2396、2462、2482号等安理会反恐相关决议,协助向会员国提供技术援助。",
     [R("1373 (2001)"), R("1624 (2005)"), R("2396 (2017)"), R("2462 (2019)"), R("2482 (2019)")]),
    # a count of resolutions is no citation (a CTC page mirror)
    ("安全理事会现有20多项决议涉及反恐委员会和反恐执行局。", []),
    # zh.wikipedia (Traditional) with English link noise: the year after the number, with 年
    ("包括第第779號英语United Nations Security Council Resolution 779(1992年)、第981號英语United Nations "
     "Security Council Resolution 981(1995年)等案,", [R("779 (1992)"), R("981 (1995)")]),
    # CCTV news, 2023 (Traditional): the number after 决议
    ("安理會決議2678號將聯阿援助團任務時間延長至2024年3月17日。", [R("2678 (2023)")]),
    # S/RES/1540 (2004) on a mirror: a Council document numbered before 1994
    ("鉴此重申1992年1月31日在安理会国家元首和政府首脑级会议上通过的主席声明(S/23500),", [("S/23500", None)]),
    # press releases: joint ones cited in S/RES/1518 (2003), dated; a release's own symbol
    # in its header line (usinfo's copy of SC/7158) is not a citation
    ("先前商定的准则(参见2003年6月12日SC/7791-IK/365号文件)", [("SC/7791-IK/365", "2003-06-12")]),
    ("安全理事会 SC/7158 第4385次会议ˇ2001年9月28日(晚)", []),
    # machine-converted Traditional with pinyin after 號 (bili3, 2017)
    ("必須按照安理會(huì)第2199號(hào)和第2253號(hào)決議的要求,", [R("2199 (2015)"), R("2253 (2015)")]),
]


@pytest.mark.parametrize(("text", "expected"), WEB_FORMS,
                         ids=["prst-dated", "prst-paren-dated", "prst-title", "two-items", "symbol-no-year",
                              "lianda", "deng-words", "count", "wikipedia-noise", "after-jueyi", "old-symbol",
                              "press-joint", "press-own", "pinyin"])
def test_web_and_news_forms(text, expected):
    assert recognized(text) == expected


def test_other_organs_and_press_releases_are_cited_in_their_own_series():
    # ECOSOC's, the Commission's and press releases are UN symbols too (shape S01
    # admits E/…, SC/…): cited as themselves, never taken for the Assembly's
    text = ("回顾经济及社会理事会第2004/28号决议、人权委员会第2004/87号决议和大会第60/288号决议"
            "(参见SC/7158号新闻稿)。")
    assert cited(text) == [("E/RES/2004/28", None), ("E/CN.4/RES/2004/87", None),
                           ("A/RES/60/288", None), ("SC/7158", None)]


def test_series_outside_the_graph_are_not_cited():
    # a symbol-like string of no UN series the graph holds
    assert cited("参见ST/AI/189/Add.9/Rev.2号文件。") == []


# Line breaks (PDF layout: a blank line after each wrapped line, trailing space ends a paragraph).
BREAKS = [
    # break between 第 and the number
    (" 回顾其所有有关决议、尤其是第\n\n1267(1999)号和第 1989(2011)号决议。 ",
     [R("1267 (1999)"), R("1989 (2011)")]),
    # break between the General Assembly number and 号决议
    (" 按照大会 2009 年 12 月 24 日第 64/235\n\n号决议把工作队机构化。 ", [("A/RES/64/235", "2009-12-24")]),
    # break between the year and 号
    (" 回顾第 1805(2008)\n\n号决议。 ", [R("1805 (2008)")]),
    # break inside the parentheses and inside 决议
    (" 回顾第 1963(\n\n2010)号决\n\n议。 ", [R("1963 (2010)")]),
    # break inside a list, after the joining 、
    (" 包括第 1624(2005)、2178(2014)、\n\n2354(2017)号决议。 ",
     [R("1624 (2005)"), R("2178 (2014)"), R("2354 (2017)")]),
    # block layout: one paragraph per line, a page break right after 第
    ("安全理事会回顾其所有有关恐怖主义的决议和声明，强调需要全面执行这些决议，尤其是第\n"
     "1373(2001)号和第 1624(2005)号决议，再次呼吁各国加入公约。", [R("1373 (2001)"), R("1624 (2005)")]),
]


@pytest.mark.parametrize(("text", "expected"), BREAKS, ids=[f"break{i}" for i in range(len(BREAKS))])
def test_citations_across_line_breaks(text, expected):
    assert cited(text) == expected


def test_number_in_a_gap_of_the_year_table_keeps_the_number_alone():
    rows = resolution_years().rows
    gaps = [a[1] + 1 for a, b in pairwise(rows) if b[0] > a[1] + 1]
    assert gaps, "the table has no gap to test"
    for n in gaps[:3]:
        # a number the table cannot place in a year
        assert cited(f"回顾第 {n} 号决议。") == [(f"S/RES/{n}", None)]


URLS = (
    " 安理会在若干关键决议1 中触及议题，包括第 1373(2001)号决议。 \n\n"
    "__________________ \n\n 1 包括第 2396(2017)号决议。 \n\n"
    "https://undocs.org/ch/S/RES/1373(2001)\nhttps://undocs.org/ch/S/RES/1373(2001)\n"
    "https://undocs.org/ch/S/RES/2396(2017)\nhttps://undocs.org/ch/S/RES/2467(2019)\n"
    "https://undocs.org/ch/S/RES/2467(2019)\nhttps://undocs.org/zh/S/2015/939\n"
)


def test_footnote_url_runs_are_counted_once():
    # symbols the text cites are not cited again by their URL; the others once each
    assert cited(URLS) == [R("1373 (2001)"), R("2396 (2017)"), R("2467 (2019)"), ("S/2015/939", None)]


SELF = [
    # a resolution's title is its own symbol, not a citation
    ("## 第 2395 (2017) 号决议\n\n安全理事会 2017 年 12 月 21 日第 8148 次会议通过\n\n安全理事会，\n\n"
     "回顾第 1373(2001)号决议，\n\n1. 决定继续积极处理此案。", "S/RES/2395 (2017)", [R("1373 (2001)")]),
    # the web form of a resolution title
    ("联合国安理会第1535(2004)号决议\n\n2004年3月26日安全理事会第4936次会议通过\n\n安全理事会,\n\n"
     "重申第1373(2001)号决议,\n\n1. 决定设立执行局。", "S/RES/1535 (2004)", [R("1373 (2001)")]),
    # a header line with the symbol
    ("S/RES/2617(2021)\n2021年12月30日\n联合国安理会第2617(2021)号决议\n安全理事会，\n"
     "回顾第2610(2021)号决议，\n"
     "1. 决定延长任务期限。", "S/RES/2617 (2021)", [R("2610 (2021)")]),
    # the web form of a presidential statement title
    ("联合国安理会主席声明2004年第31号\n\n安全理事会主席在2004年10月19日安全理事会第5053次会议上，"
     "代表安理会发表声明如下：\n\n"
     "“安全理事会回顾 S/PRST/2004/31 号和第1566(2004)号决议。”", "S/PRST/2004/31", [R("1566 (2004)")]),
    # an other document's title is not its own symbol: the citation in it counts
    ("第 1373(2001)号决议全球执行情况调查\n\n本调查说明各国的执行情况。", "None", [R("1373 (2001)")]),
]


@pytest.mark.parametrize(
    ("text", "symbol", "expected"), SELF, ids=["res", "web-res", "header", "web-prst", "other"]
)
def test_own_title_is_not_a_citation(text, symbol, expected):
    r = process("t.txt", text.encode())
    assert str(r.doc.symbol) == symbol
    assert [(str(c.symbol), None) for c in r.facts["citations"]] == expected


def _res(*items: str) -> set[str]:
    return {f"S/RES/{i}" for i in items}


SEED_CITATIONS = [
    # presidential statement 2021/1: a document symbol and two lists
    ("000", {"S/2020/372"} | _res("1373 (2001)", "2178 (2014)", "2462 (2019)", "1267 (1999)", "1989 (2011)",
                                 "2253 (2015)", "1540 (2004)")),
    # presidential statement 2012/17: 第…号 lists across line breaks, A/RES in two forms
    ("001", {"A/RES/60/288", "A/RES/66/10"} | _res("1267 (1999)", "1989 (2011)", "1373 (2001)", "1540 (2004)",
                                                  "1624 (2005)", "1904 (2009)")),
    # letter and concept note: a footnote list, two document symbols, URL runs
    ("002", {"S/2015/939", "S/2018/1177"} | _res(
        "1373 (2001)", "1624 (2005)", "2178 (2014)", "2185 (2014)", "2195 (2014)", "2242 (2015)",
        "2322 (2016)", "2341 (2017)", "2354 (2017)", "2368 (2017)", "2370 (2017)", "2388 (2017)",
        "2395 (2017)", "2396 (2017)",
        "2462 (2019)", "2467 (2019)", "2482 (2019)")),
    # resolution 2129 (2013): 第 2122 号决议 without a year, dated lists, GA by session
    ("003", {"A/RES/60/288", "A/RES/64/235", "A/RES/66/10"} | _res(
        "2122 (2013)", "1267 (1999)", "1989 (2011)", "1373 (2001)", "1624 (2005)", "1535 (2004)",
        "1787 (2007)",
        "1805 (2008)", "1963 (2010)", "1540 (2004)", "1988 (2011)")),
    # resolution 1963 (2010): A/64/297, a dated list across line breaks
    ("004", {"A/RES/60/288", "A/RES/64/235", "A/64/297"} | _res(
        "1373 (2001)", "1624 (2005)", "1535 (2004)", "1787 (2007)", "1805 (2008)", "1267 (1999)",
        "1540 (2004)",
        "1904 (2009)")),
]


def _seed_citations(prefix: str):
    path = SEEDS / seed(prefix)
    entry = read_catalog(SEEDS / "catalog.csv").get(path.name)
    return process(Path(path).name, path.read_bytes(), entry).facts["citations"]


@pytest.mark.parametrize(("prefix", "expected"), SEED_CITATIONS, ids=[p for p, _ in SEED_CITATIONS])
def test_seed_citations(prefix, expected):
    assert {str(c.symbol) for c in _seed_citations(prefix)} == expected


@pytest.mark.parametrize("prefix", ["003", "004"])
def test_seed_cited_dates(prefix):
    # the dates both resolutions print before the resolutions they recall
    dates = {(str(c.symbol), c.date.isoformat()) for c in _seed_citations(prefix) if c.date}
    assert dates == {
        ("S/RES/1373 (2001)", "2001-09-28"), ("S/RES/1535 (2004)", "2004-03-26"),
        ("S/RES/1787 (2007)", "2007-12-10"), ("S/RES/1805 (2008)", "2008-03-20"),
        ("A/RES/64/235", "2009-12-24"),
    } | ({("S/RES/1963 (2010)", "2010-12-20")} if prefix == "003" else set())


# *** Performance: list matching stays linear ***
# A list regex ITEM(?:JOIN ITEM)*决议 backtracks through every item at every
# start when nothing closes the list: 2,000 items took 5.6 s, 4x the time of
# 1,000.  The ratio of times at two sizes 8x apart tells linear (8; up to ~20
# with cache effects on long strings) from quadratic (64).
LONG_LISTS = [
    # Council items that no 决议 closes (a footnote that runs on)
    ("第1373(2001)、", ""),
    # the same list closed by 号决议
    ("第1373(2001)、", "第1540(2004)号决议。"),
    # General Assembly items by session, closed
    ("大会第60/288号、", "第64/235号决议。"),
]


@pytest.mark.parametrize(("unit", "close"), LONG_LISTS, ids=["open", "closed", "ga"])
def test_long_lists_take_linear_time(monkeypatch, unit, close):
    from ct2rdf import pipeline
    from ct2rdf.extract import citations

    monkeypatch.setattr(pipeline, "EXTRACTORS", (("citations", citations.extract),))

    def seconds(n: int) -> float:
        doc = pipeline.process("t.txt", f"安全理事会，\n\n回顾{unit * n}{close}\n".encode()).doc
        return best_seconds(lambda: citations._find.__wrapped__(doc))

    small, large = seconds(1000), seconds(8000)
    assert large / small < 32, f"1000 items {small:.3f} s, 8000 items {large:.3f} s"
