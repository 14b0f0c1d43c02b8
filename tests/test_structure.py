"""Structure: document type, header, adoption, paragraphs, sub-items, footnotes, letters."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from conftest import seed
from ct2rdf.pipeline import process


def doc(text: str):
    r = process("t.txt", text.encode())
    assert r.error is None, r.error
    return r.doc


def paras(d) -> list[tuple[str, str]]:
    return [(p.ref.path, d.quote(p.span)) for p in d.structure.paragraphs]


def join(parts: list[str], layout: bool) -> str:
    """Paragraphs as a PDF gives them: one a line ("block"), or ending in a space ("layout")."""
    return "\n\n".join(f" {x} " if layout else x for x in parts)


RES = (
    "第 2400 (2018) 号决议\n\n安全理事会 2018 年 2 月 8 日第 8175 次会议通过\n\n"
    "安全理事会，\n\n重申其以往决议，\n\n1. 决定继续处理此案。"
)
PRST_INTRO = (
    "安全理事会主席在2015年5月29日安全理事会第7453次会议上，"
    "就安理会审议的题为“恐怖行为对国际和平与安全造成的威胁”的项目，代表安理会发表声明如下："
)
LETTER = "2019 年 3 月 5 日法国常驻联合国代表给安全理事会主席的信\n\n谨此告知，法国将举办一次高级别会议。"

TYPES = [
    # a resolution: title and adoption line
    (RES, "resolution"),
    # a resolution known by its adoption line alone
    ("2010 年 12 月 20 日安全理事会第 6459 次会议通过\n\n安全理事会，\n\n1. 决定。", "resolution"),
    # a resolution with a web title
    ("联合国安理会第1535(2004)号决议\n\n安全理事会,\n\n1. 决定设立执行局。", "resolution"),
    # a presidential statement: heading and opening
    ("安全理事会主席声明\n\n" + PRST_INTRO + "\n\n“安全理事会重申。”", "prst"),
    # a presidential statement known by its opening alone
    (PRST_INTRO + "\n\n“安全理事会重申。”", "prst"),
    # a presidential statement with a web title
    ("联合国安理会主席声明2004年第31号\n\n“安全理事会重申。”", "prst"),
    # a letter with an annex
    (LETTER + "\n\n" + LETTER.split("\n")[0] + "的附件\n\n概念说明\n\n1. 背景情况如下。", "letter"),
    # an older statement's opening: 代表安理会发表声明: without 如下
    ("安全理事会主席在2001年9月12日安全理事会第4370次会议上代表安理会发表声明:\n“安全理事会谴责。”", "prst"),
    # anything else
    ("关于打击恐怖主义的报告\n\n本报告说明会员国执行第1373(2001)号决议的情况。", "other"),
    # numbered paragraphs alone do not make a resolution
    ("概念说明\n\n1. 安全理事会决定举行会议。\n\n2. 会议将讨论以下问题。", "other"),
]


@pytest.mark.parametrize(("text", "expected"), TYPES, ids=[f"type{i}" for i in range(len(TYPES))])
def test_document_type(text, expected):
    assert doc(text).structure.header.doc_type == expected


HEADERS = [
    # header lines giving the symbol and the date, then a web title
    ("S/RES/2617(2021)\n2021年12月30日\n联合国安理会第2617(2021)号决议\n安全理事会，\n回顾其决议，\n1. "
     "决定。",
     ("S/RES/2617 (2021)", dt.date(2021, 12, 30), None)),
    # adoption line: council, date, meeting
    (RES, ("S/RES/2400 (2018)", dt.date(2018, 2, 8), 8175)),
    # adoption line: date, council, meeting (layout, with spaces)
    ("   第 1963(2010)号决议 \n\n\n\n  2010 年 12 月 20 日安全理事会第 6459 次会议通过 \n\n "
     "安全理事会， \n\n 1. 决定。 ",
     ("S/RES/1963 (2010)", dt.date(2010, 12, 20), 6459)),
    # adoption line with 安理会 and 在其…上
    ("第2000(2011)号决议\n2011年7月27日安理会在其第6592次会议上通过\n安全理事会，\n1. 决定。",
     ("S/RES/2000 (2011)", dt.date(2011, 7, 27), 6592)),
    # Traditional script: title and adoption line
    ("第2129(2013)號決議\n\n安全理事會2013年12月17日第7086次會議通過\n\n安全理事會，\n\n1. 決定。",
     ("S/RES/2129 (2013)", dt.date(2013, 12, 17), 7086)),
    # adoption line in Chinese numerals, no title: no symbol
    ("二〇一三年十二月十七日安全理事会第7086次会议通过\n安全理事会，\n1. 决定。",
     (None, dt.date(2013, 12, 17), 7086)),
    # web title of a presidential statement gives its symbol
    ("联合国安理会主席声明2004年第31号\n\n2004年10月19日\n\n“安全理事会重申。”",
     ("S/PRST/2004/31", dt.date(2004, 10, 19), None)),
    # a symbol header line of a presidential statement
    ("S/PRST/2012/17\n\n安全理事会主席声明\n\n" + PRST_INTRO + "\n\n“安全理事会重申。”",
     ("S/PRST/2012/17", dt.date(2015, 5, 29), 7453)),
    # a web title followed by the symbol; adoption line 在第N次会议上通过
    ("第2178(2014)号决议 S/RES/2178(2014)\n安全理事会2014年9月24日在第7272次会议上通过\n安全理事会，\n"
     "1. 决定。", ("S/RES/2178 (2014)", dt.date(2014, 9, 24), 7272)),
    # a web title without the year: the year comes from the resolution number
    ("安理会第2178号决议\n2014年9月24日安全理事会第7272次会议通过\n安全理事会，\n1. 决定。",
     ("S/RES/2178 (2014)", dt.date(2014, 9, 24), 7272)),
    # a statement's heading with its symbol in parentheses
    ("安全理事会主席声明(S/PRST/2016/6)\n\n" + PRST_INTRO + "\n\n“安全理事会重申。”",
     ("S/PRST/2016/6", dt.date(2015, 5, 29), 7453)),
    # an official PDF's masthead in "layout" (no trailing spaces on its lines), then title and adoption
    ("联合国\n\nS/RES/2395 (2017)\n\n安全理事会\n\nDistr.: General\n\n21 December 2017\n\n\n\n"
     "  第 2395 (2017)号决议 \n\n  2017 年 12 月 21 日安全理事会第 8148 次会议通过 \n\n 安全理事会， \n\n"
     " 1. 决定继续积极处理此案。 ",
     ("S/RES/2395 (2017)", dt.date(2017, 12, 21), 8148)),
    # a report whose only date is the masthead's, in English
    ("联合国\nS/2021/972\n安全理事会\nDistr.: General\n23 November 2021\nChinese\nOriginal: English\n"
     "全球执行情况调查\n1. 本调查说明会员国执行第1373(2001)号决议的情况。",
     ("S/2021/972", dt.date(2021, 11, 23), None)),
    # the masthead's date does not override the date a statement's opening gives
    ("S/PRST/2015/11\n\n安全理事会\n\n1 June 2015\n\n安全理事会主席声明\n\n" + PRST_INTRO
     + "\n\n“安全理事会重申。”",
     ("S/PRST/2015/11", dt.date(2015, 5, 29), 7453)),
]


@pytest.mark.parametrize(("text", "expected"), HEADERS, ids=[f"header{i}" for i in range(len(HEADERS))])
def test_header(text, expected):
    d = doc(text)
    h = d.structure.header
    assert (str(h.symbol) if h.symbol else None, h.date, h.meeting_number) == expected


STATEMENTS = [
    # meeting and agenda item (项目) in the opening
    (PRST_INTRO, (dt.date(2015, 5, 29), 7453, "恐怖行为对国际和平与安全造成的威胁")),
    # no meeting number, an agenda item (议题), a document symbol in the opening
    ("2021年1月12日，依照在S/2020/372号文件中所列程序，"
     "安全理事会主席就安理会审议的题为“恐怖主义行为对国际和平与安全"
     "造成的威胁”的议题，代表安理会发表声明如下：",
     (dt.date(2021, 1, 12), None, "恐怖主义行为对国际和平与安全造成的威胁")),
    # an opening broken over lines (layout), another meeting
    ("安全理事会主席在 2012 年 5 月 4 日安全理事会第 6765 次会议上，就安理会\n\n"
     "审议的题为“非洲和平与安全”的项目，"
     "代表安理会发表\n\n声明如下：", (dt.date(2012, 5, 4), 6765, "非洲和平与安全")),
    # 举行的 before the council: 在…举行的安全理事会第N次会议上
    ("安全理事会主席在2010年9月27日举行的安全理事会第6390次会议上，就安理会审议的题为"
     "“恐怖主义行为对国际和平与安全造成的威胁”的项目，代表安理会发表声明如下：",
     (dt.date(2010, 9, 27), 6390, "恐怖主义行为对国际和平与安全造成的威胁")),
]


@pytest.mark.parametrize(("intro", "expected"), STATEMENTS, ids=["meeting", "no-meeting", "layout", "held"])
def test_statement_opening(intro, expected):
    d = doc(join(["安全理事会主席声明", intro, "“安全理事会重申。", "“安全理事会强调。”"], "\n" in intro))
    h = d.structure.header
    assert (h.date, h.meeting_number, h.agenda_item) == expected
    # the quoted paragraphs: every one opens with “, only the last closes
    assert paras(d) == [("p/1", "“安全理事会重申。"), ("p/2", "“安全理事会强调。”")]


def test_traditional_statement_with_corner_quotes():
    d = doc("安全理事會主席聲明\n\n安全理事會主席在2012年5月4日安全理事會第6765次會議上，就安理會審議的題為"
            "「恐怖行為對國際和平與安全造成的威脅」的項目，代表安理會發表聲明如下：\n\n"
            "「安全理事會重申。\n\n「安全理事會強調。」")
    h = d.structure.header
    assert (h.doc_type, h.meeting_number) == ("prst", 6765)
    assert h.agenda_item == "恐怖行为对国际和平与安全造成的威胁"
    assert paras(d) == [("p/1", "“安全理事会重申。"), ("p/2", "“安全理事会强调。”")]


# (statement body after the opening, its paragraphs)
# (what separates the opening from the body, the body, its paragraphs)
STATEMENT_PARAGRAPHS = [
    # block: a page break inside a quoted paragraph: the block without a quote continues it
    ("\n", "“安全理事会重申其承诺，并强调必须加强\n合作。\n“安全理事会请秘书长报告。”",
     [("p/1", "“安全理事会重申其承诺,并强调必须加强\n合作。"), ("p/2", "“安全理事会请秘书长报告。”")]),
    # a web copy without the opening quotes: each block that opens with the Council is a paragraph
    ("\n", "安全理事会重申其承诺。\n安理会请秘书长每年向安理会报告。\n安全理事会将继续积极处理此案。",
     [("p/1", "安全理事会重申其承诺。"), ("p/2", "安理会请秘书长每年向安理会报告。"),
      ("p/3", "安全理事会将继续积极处理此案。")]),
    # a web page running the first paragraph on after the opening's colon
    ("", "“安全理事会重申其承诺。\n“安全理事会请秘书长报告。”",
     [("p/1", "“安全理事会重申其承诺。"), ("p/2", "“安全理事会请秘书长报告。”")]),
]


@pytest.mark.parametrize(("sep", "body", "expected"), STATEMENT_PARAGRAPHS,
                         ids=["quoted", "unquoted", "run-on"])
def test_statement_paragraphs(sep, body, expected):
    assert paras(doc("安全理事会主席声明\n" + PRST_INTRO + sep + body)) == expected


# (an other document, its title, its paragraphs)
TITLES = [
    # a short title
    ("概念说明\n\n1. 会议将讨论以下问题。", "概念说明", ["p/1"]),
    # a report's long title without sentence punctuation is still its title, not a paragraph
    ("会员国执行安全理事会第1373(2001)号决议和其他相关决议情况全球调查(节选)\n一. 导言\n"
     "1. 本调查说明执行情况。\n2. 调查查明了主要缺口。",
     "会员国执行安全理事会第1373(2001)号决议和其他相关决议情况全球调查(节选)", ["p/1", "p/2"]),
]


@pytest.mark.parametrize(("text", "title", "expected"), TITLES, ids=["short", "long"])
def test_other_document_title(text, title, expected):
    d = doc(text)
    assert (d.quote(d.structure.header.title), [p for p, _ in paras(d)]) == (title, expected)


PARAGRAPHS = [
    # the number, not the verb, makes a paragraph operative: 回顾 opens op/2
    ("安全理事会，\n\n回顾其决议，\n\n强调合作，\n\n1. 决定延长任务。\n\n2. 回顾其以往决议。",
     [("pp/1", "回顾其决议,"), ("pp/2", "强调合作,"), ("op/1", "1.决定延长任务。"),
      ("op/2", "2.回顾其以往决议。")]),
    # numbers as printed, even when they skip
    ("安全理事会，\n\n重申，\n\n5. 决定。\n\n7. 请秘书长。",
     [("pp/1", "重申,"), ("op/5", "5.决定。"), ("op/7", "7.请秘书长。")]),
    # (a) items belong to their operative paragraph
    ("安全理事会，\n\n重申，\n\n1. 决定：\n\n(a) 会员国应合作；\n\n(b) 会员国应报告；\n\n2. 注意到报告。",
     [("pp/1", "重申,"), ("op/1", "1.决定:\n(a)会员国应合作;\n(b)会员国应报告;"),
      ("op/2", "2.注意到报告。")]),
    # – items too (layout: a list of paragraphs, each ending in a space)
    (["安全理事会，", "重申，", "1. 请秘书长报告，该报告应：", "– 评估风险；", "– 指出差距；", "2. 决定。"],
     [("pp/1", "重申,"), ("op/1", "1.请秘书长报告,该报告应:\n–评估风险;\n–指出差距;"), ("op/2", "2.决定。")]),
    # web reprints number operative paragraphs 1、 2、
    ("安全理事会，\n\n重申其决议，\n\n1、决定会员国应合作；\n\n2、决定继续处理此案。",
     [("pp/1", "重申其决议,"), ("op/1", "1、决定会员国应合作;"), ("op/2", "2、决定继续处理此案。")]),
    # a preambular paragraph broken over lines (layout) stays one
    (["安全理事会，", "重申一切形式的恐怖主义\n\n都是犯罪，", "1. 决定。"],
     [("pp/1", "重申一切形式的恐怖主义都是犯罪,"), ("op/1", "1.决定。")]),
]


@pytest.mark.parametrize(("body", "expected"), PARAGRAPHS, ids=[f"paras{i}" for i in range(len(PARAGRAPHS))])
def test_resolution_paragraphs(body, expected):
    head = ["第 2400 (2018) 号决议", "安全理事会 2018 年 2 月 8 日第 8175 次会议通过"]
    d = doc(head[0] + "\n\n" + head[1] + "\n\n" + body if isinstance(body, str) else join(head + body, True))
    assert paras(d) == expected


SUBITEMS = [
    # a、 items under a numbered paragraph of a concept note
    ("1. 会议将讨论以下问题：\n\na、会员国面临哪些挑战？\n\nb、如何合作？\n\n2. 会议形式。",
     [("p/1", "1.会议将讨论以下问题:\na、会员国面临哪些挑战?\nb、如何合作?"), ("p/2", "2.会议形式。")]),
    # 1、 items under an unnumbered paragraph
    ("会议将讨论以下问题：\n\n1、会员国面临哪些挑战？\n\n2、如何合作？\n\n会议将以虚拟形式举行。",
     [("p/1", "会议将讨论以下问题:\n1、会员国面临哪些挑战?\n2、如何合作?"),
      ("p/2", "会议将以虚拟形式举行。")]),
    # (i) items
    ("会议将讨论以下问题：\n\n(i) 会员国面临哪些挑战？\n\n(ii) 如何合作？",
     [("p/1", "会议将讨论以下问题:\n(i)会员国面临哪些挑战?\n(ii)如何合作?")]),
]


@pytest.mark.parametrize(("body", "expected"), SUBITEMS, ids=["a、", "1、", "(i)"])
def test_subitems_in_unnumbered_documents(body, expected):
    assert paras(doc("概念说明\n\n" + body)) == expected


FOOTNOTES = [
    # a letter's annex: markers in two paragraphs, footnotes after a rule
    (" 1. 安理会在若干决议1 中触及议题。 \n\n 2. 委员会开发了工具。2 这些工具很好。 \n\n 3. "
     "会议将讨论问题。 \n\n"
     "__________ \n\n 1 包括第 2462(2019)号决议。 \n\n 2 包括国别访问。 ", {"p/1": (1,), "p/2": (2,)}),
    # a footnote marker in the third paragraph only, block layout
    ("1. 安理会决定举行会议。\n2. 会议将讨论问题。\n3. 会员国在若干决议3 中作出规定。\n__________\n3 "
     "包括第 2462(2019)号决议。",
     {"p/3": (3,)}),
]


@pytest.mark.parametrize(("body", "expected"), FOOTNOTES, ids=["layout", "block"])
def test_footnotes_attach_to_the_marker_paragraph(body, expected):
    d = doc("概念说明\n\n" + body)
    assert {p.ref.path: p.footnotes for p in d.structure.paragraphs if p.footnotes} == expected


LETTERS = [
    # a letter with signature block and annex
    (" 2019 年 3 月 5 日法国常驻联合国代表给安全理事会主席的信 \n\n 谨此告知，法国将举办会议。 \n\n "
     "请分发为荷。 \n\n"
     " 常驻代表 \n\n 大使 \n\n 弗朗索瓦·德拉特(签名) \n\n 2019 年 3 月 5 "
     "日法国常驻联合国代表给安全理事会主席的信的附件 \n\n"
     "  概念说明 \n\n 1. 背景情况如下。 \n\n 2. 会议将讨论以下问题： \n\n (a) 会员国面临哪些挑战？ ",
     (dt.date(2019, 3, 5), "法国常驻联合国代表", "安全理事会主席", "弗朗索瓦·德拉特", "常驻代表 大使",
      ["p/1", "p/2", "annex/1/p/1", "annex/1/p/2"])),
    # a letter to the Secretary-General without annex, 签字
    ("2022年1月3日挪威常驻联合国代表给秘书长的信\n谨随函转递一份报告。\n请分发为荷。\n莫娜·尤尔(签字)",
     (dt.date(2022, 1, 3), "挪威常驻联合国代表", "秘书长", "莫娜·尤尔", None, ["p/1", "p/2"])),
]


@pytest.mark.parametrize(("text", "expected"), LETTERS, ids=["annex", "plain"])
def test_letter(text, expected):
    d = doc(text)
    h = d.structure.header
    got = (h.date, h.sender, h.recipient, h.signatory, h.signatory_title, [p for p, _ in paras(d)])
    assert got == expected


def test_letter_annex_is_a_part_with_its_title():
    d = doc(LETTERS[0][0])
    (part,) = d.structure.parts
    assert (part.key, d.quote(part.title)) == ("annex/1", "概念说明")


SEED_COUNTS = [
    # S/RES/2129 (2013): 32 preambular, 27 operative (the numbers)
    ("003", {"pp": 32, "op": 27}, dt.date(2013, 12, 17), 7086),
    # S/RES/1963 (2010): 24 preambular, 18 operative
    ("004", {"pp": 24, "op": 18}, dt.date(2010, 12, 20), 6459),
]


@pytest.mark.parametrize(("prefix", "counts", "date", "meeting"), SEED_COUNTS, ids=["2129", "1963"])
def test_seed_resolutions(seed_results, prefix, counts, date, meeting):
    d = seed_results[seed(prefix)].doc
    assert Counter(p.ref.kind for p in d.structure.paragraphs) == counts
    numbers = [p.ref.number for p in d.structure.paragraphs if p.ref.kind == "op"]
    assert numbers == list(range(1, counts["op"] + 1))
    assert (d.structure.header.date, d.structure.header.meeting_number) == (date, meeting)


# *** Web pages: the document inside page furniture ***
# Abridged from real pages (zh.wikisource.org, zhonghuashu.com, un.org, a news reprint);
# the furniture lines are as the pages print them.

WIKI_NAV = (  # zh.m.wikisource.org, Traditional: title, navigation, vote line, then the resolution
    "聯合國安理會第2326號決議\n"
    "← | 2325(2016) | 聯合國安理會第2326(2016)號決議 S/RE"
    "S/2326(2016) 2016年12月15日 發布機關:聯合國安全理事會 |\n"
    "2327(2016) |\n第7838次會議以15票贊成,0票反對通過 |\n"
)
WIKI_LICENCE = (
    "本作品來自聯合國官方文件。此組織之政策為於公有領域保存其大部份文獻,以儘可能廣泛宣傳聯合國出版物。\n"
    "根據ST/AI/189/Add.9/Rev.2第2條(僅供英文版),下列聯合國文件在全球屬於公有領域:\n"
    "- 官方紀錄(會議、逐字、摘要記錄等);\n- 帶有聯合國標誌發佈的文獻;\nPublic domainPublic domainfalsefalse\n"
)
RES_BODY = "安全理事會,\n回顧以往第1996(2011)號決議,\n1. 決定繼續積極處理此案。\n"

FLAT = (
    "安全理事會, 重申一切形式和表現(xiàn)的恐怖主義是對國際和平與安全的最嚴重威脅之一,任何恐怖行為,"
    "不論其動機為何、在何時發(fā)生、由何人所為,都是不可開脫的犯罪行為, "
    "關切地注意到恐怖主義威脅已變得更加擴散,"
    "并表示決心消除這一威脅, 回顧第1373(2001)號決議, 1. 決定所有國家應合作; 2. 決定繼續積極處理此案。"
)

# (page text, (type, symbol, date, meeting), citations)
WEB_PAGES = [
    # wikisource: navigation naming the neighbours, vote line, title, adoption line, licence footer
    (WIKI_NAV + "第2326(2016)號決議\n安全理事會2016年12月15日第7838次會議通過\n" + RES_BODY + WIKI_LICENCE,
     ("resolution", "S/RES/2326 (2016)", dt.date(2016, 12, 15), 7838), {"S/RES/1996 (2011)"}),
    # the same page without title and adoption line: the navigation and the vote line tell
    (WIKI_NAV + RES_BODY + WIKI_LICENCE,
     ("resolution", "S/RES/2326 (2016)", dt.date(2016, 12, 15), 7838), {"S/RES/1996 (2011)"}),
    # wikisource, navigation split over lines; adoption line without a date, the date on the next line
    ("聯合國安理會第2399號決議\n\n維基文庫,自由的圖書館\n"
     "聯合國安理會第2398(2018)號決議 聯合國安理會第2399(201"
     "8)號決議\n安全理事會第8169次會議通過\n2018年1月30日\n"
     "聯合國安理會第2400(2018)號決議\n本作品收錄於《聯合國安理會2018年決議\n\n安全理事會\n\n"
     "回顧其以往各項決議,尤其是第2121(2013)號決議,\n\n1. 決定延長。\n",
     ("resolution", "S/RES/2399 (2018)", dt.date(2018, 1, 30), 8169), {"S/RES/2121 (2013)"}),
    # zhonghuashu: the adoption line inside a navigation cell, list bullets before every paragraph
    ("联合国安理会第1724号决议 中华文库\n"
     "← | 联合国安理会第1723(2006)号决议 | 联合国安理会第1724("
     "2006)号决议 2006年11月29日安全理事会第5575次会议通过 |\n"
     "联合国安理会第1725(2006)号决议 |\n安全理事会,\n- 重"
     "申其第733(1992)号决议,\n- 1. 决定继续积极处理此案。\n",
     ("resolution", "S/RES/1724 (2006)", dt.date(2006, 11, 29), 5575), {"S/RES/733 (1992)"}),
    # a masthead laid out as a table, the English date in its cell
    ("跳转到内容\n联合国安理会第2446号决议\n联合国 | S/RES/2446 (2018) |\n"
     "安全理事会 | Distr.: General 15 November 2018 |\n"
     "第2446(2018)号决议\n2018年11月15日安全理事会第8401次会议通过\n"
     "安全理事会,\n回顾第2121(2013)号决议,\n1. 决定。\n",
     ("resolution", "S/RES/2446 (2018)", dt.date(2018, 11, 15), 8401), {"S/RES/2121 (2013)"}),
    # a statement page: navigation with the neighbouring statements, Traditional, bulleted quotes
    ("聯合國安理會主席聲明2015年第24號\n"
     "← | 聯合國安理會主席聲明2015年第23號 | 聯合國安理會主席聲"
     "明2015年第24號 S/PRST/2015/24 聯合國安全理事會 "
     "2015年12月8日 |\n聯合國安理會主席聲明2015年第25號 |\n|\n"
     "安全理事會主席在2015年12月8日安全理事會第7571次會議上,就安理會審議的題為「非洲和平與安全」的項目,"
     "代表安理會發表聲明如下:\n- 「安全理事會注意到秘書長的報告"
     "(S/2015/866)。\n- 「安全理事會鼓勵秘書長。」\n",
     ("prst", "S/PRST/2015/24", dt.date(2015, 12, 8), 7571), {"S/2015/866"}),
    # un.org: a summary of a resolution, its symbol and date as labelled fields at the end; the
    # page is not the resolution (FORMAT.md: no symbol or date for type other), so it cites it
    ("S/RES/2462(2019)\n\n重申安理会第1373(2001)号决议的决定,即所有国家应防止和制止资助恐怖主义行为。\n\n"
     "Resolution number: \nS/RES/2462(2019)\nResolution Date: \n28 March 2019\n",
     ("other", None, None, None), {"S/RES/2462 (2019)", "S/RES/1373 (2001)"}),
    # an official report's masthead: its own document symbol and date stay
    ("联合国\nS/2021/972\n安全理事会\nDistr.: General\n19 November 2021\n"
     "会员国执行第1373(2001)号决议情况全球调查\n本报告回顾安理会第1624(2005)号决议。\n",
     ("other", "S/2021/972", dt.date(2021, 11, 19), None), {"S/RES/1373 (2001)", "S/RES/1624 (2005)"}),
    # an encyclopedia page (newton.com.tw): prose about the resolution, an infobox of bulleted
    # fields, then the text under a heading
    ("聯合國安理會第1373號決議\n\n"
     "《聯合國安理會第1373號決議》是2001年9月28日安全理事會第4385次會議通過的一項決議。\n\n"
     "基本介紹\n\n  • 中文名:聯合國安理會第1373號決議\n  • 發布機構:聯合國安理會\n"
     "  • 發布日期:2001年9月28日\n"
     "決議原文\n\n安全理事會,\n重申其第1368(2001)號決議,\n"
     "1. 決定所有國家應:\n(a) 防止和制止資助恐怖主義行為;\n",
     ("resolution", "S/RES/1373 (2001)", dt.date(2001, 9, 28), 4385), {"S/RES/1368 (2001)"}),
    # a vote line at the end of the page gives the meeting; no date anywhere
    ("联合国安理会第1518号决议\n\n维基文库,自由的图书馆\n\n安全理事会\n\n回顾其以前所有有关决议,\n"
     "1. 决定设立委员会;\n\n第4872次会议一致通过。\n\n本作品来自联合国官方文件。\n",
     ("resolution", "S/RES/1518 (2003)", None, 4872), set()),
    # a web title without the year: the year table gives it
    ("联合国安理会第1624号决议(全文)\n安全理事会,\n重申其第1373(2001)号决议,\n1. 呼吁所有国家。",
     ("resolution", "S/RES/1624 (2005)", None, None), {"S/RES/1373 (2001)"}),
    # a news reprint: the title says 全文, the byline is furniture
    ("联合国安理会第2178号决议全文\n2014年09月25日 来源:新华网\n"
     "安全理事会,\n重申第1373(2001)号决议,\n1. 决定。\n",
     ("resolution", "S/RES/2178 (2014)", None, None), {"S/RES/1373 (2001)"}),
    # a note transmitting a resolution: the wrapper is header, the resolution's own lines give its facts
    ("秘书长的说明\n秘书长谨转递安全理事会2014年9月24日第7272次会议通过的第2178(2014)号决议,全文如下:\n"
     "第2178(2014)号决议\n安全理事会2014年9月24日第7272次会议通过\n"
     "安全理事会,\n重申第1373(2001)号决议,\n1. 决定。\n",
     ("resolution", "S/RES/2178 (2014)", dt.date(2014, 9, 24), 7272), {"S/RES/1373 (2001)"}),
    # an adoption line with 于 before the council and no 通过
    ("2019年3月28日于联合国安全理事会第8496次会议\n安全理事会,\n重申其第1373(2001)号决议,\n1. 决定。",
     ("resolution", None, dt.date(2019, 3, 28), 8496), {"S/RES/1373 (2001)"}),
    # an adoption line with trailing punctuation
    ("第1644(2005)号决议\n安全理事会2005年12月15日第5329次会议通过,\n安全理事会,\n1. 决定。",
     ("resolution", "S/RES/1644 (2005)", dt.date(2005, 12, 15), 5329), set()),
    # a letter to two addressees (同文信), its heading longer than a line
    ("2014年12月30日伊拉克常驻联合国代表分别给秘书长和安全理事会主席的同文信\n谨随函转递一份报告。\n请分发为荷。",
     ("letter", None, dt.date(2014, 12, 30), None), set()),
    # a report whose first paragraph cites a presidential statement is no statement
    ("安全理事会主席在2015年5月29日安全理事会第7453次会议上发表的声明(S/PRST/2015/11)中,安理会请委员会报告。\n"
     "本报告介绍执行情况。", ("other", None, None, None), {"S/PRST/2015/11"}),
    # a reprint printing the whole resolution on one line, paragraphs joined by a space (qqstock.cn)
    (FLAT, ("resolution", None, None, None), {"S/RES/1373 (2001)"}),
    # a repost cut in the preamble: the council line and clauses opening with the Council's verbs
    # make a resolution (qqstock.cn, newton.com.tw: 決議原文 then the bare text)
    ("决议原文\n安全理事会,\n重申其第1540(2004)号决议,\n仍然严重关切恐怖主义的威胁,\n",
     ("resolution", None, None, None), {"S/RES/1540 (2004)"}),
    # the second page of a paginated reprint, starting at paragraph 8 (fsou.com): an excerpt
    ("8.请秘书长将第1771(2007)号决议所设专家组的任务期限延至2009年11月30日;\n"
     "9.决定专家组任务规定还应包含下列任务:\n(a)在其提交委员会的报告中列入信息;\n"
     "10.请专家组继续将其活动集中于南基伍;\n",
     ("resolution", None, None, None), {"S/RES/1771 (2007)"}),
    # a reprint starting mid-preamble (ask.fsou.com): clauses opening with verbs, then 1、决定
    ("又重申断然谴责2001年9月11日发生的恐怖攻击,\n确认各国有必要采取措施,\n"
     "重申大会的宣言(第2625(XXV)号决议)所确定的原则,\n1、决定所有国家应:\na、防止和制止资助恐怖主义行为;\n",
     ("resolution", None, None, None), {"A/RES/2625(XXV)"}),  # the Assembly's declaration
    # a Human Rights Council resolution under its official masthead (docstore.ohchr.org): the
    # masthead's symbol of another series is its own; the heading says who adopted it and when
    # (the masthead's 8 April 2019 is the issue date)
    ("联 合 国\nA/HRC/RES/40/16\n大 会\nDistr.: General\n8 April 2019\n人权理事会\n第四十届会议\n"
     "人权理事会2019年3月22日通过的决议\n铭记大会第60/251号决议,\n1.决定延长特别报告员的任期;\n"
     "2.确认特别报告员的工作;\n3.请各国政府给予充分合作;\n",
     ("resolution", "A/HRC/RES/40/16", dt.date(2019, 3, 22), None), {"A/RES/60/251"}),
    # an encyclopedia article about a resolution (a Wikipedia mirror): its infobox prints the council
    # and the title over prose, no preamble follows; an other document citing the resolution
    ("联合国安全理事会第1093号决议\n维基百科,自由的百科全书\n联合国安全理事会\n第1093号决议\n"
     "日期1997年1月14日\n会议3,731\n编号S/RES/1093(文件\n"
     "联合国安全理事会第1093号决议,是联合国安全理事会于1997年1月14日通过的决议。\n",
     ("other", None, None, None), {"S/RES/1093 (1997)"}),
    # an old resolution opens its preamble with a phrase of its time (审议了…), then 注意到
    ("第408(1977)号决议\n安全理事会,\n审议了秘书长关于观察员部队的报告,\n注意到为建立持久和平所作的努力,\n"
     "决定:\n(a)将任务期限再延长六个月;\n",
     ("resolution", "S/RES/408 (1977)", None, None), set()),
    # a report's numbered paragraphs open with their subjects: no excerpt of a resolution
    ("1.本报告是根据第1373(2001)号决议提交的。\n2.委员会继续开展工作。\n3.请参阅附件。\n"
     "4.执行局访问了三个国家。\n",
     ("other", None, None, None), {"S/RES/1373 (2001)"}),
    # an old resolution's wiki page: titles without the year in the navigation, the year in the
    # document's own title; dates in Chinese numerals; a vote line with a footnote marker
    ("联合国安理会第368号决议\n← | 联合国安理会第367号决议 | 联合国安理会第368号决议 1975年4月17日 |\n"
     "联合国安理会第369号决议 |\n|\n一九七五年四月十七日\n第368(1975)号决议\n安全理事会,\n"
     "回顾其第338(1973)号决议,\n决定:\n(a)将任务期限延长三个月;\n"
     "第一八二一次会议以十三票对零票通过。 1\n1 两个理事国(中国和伊拉克)没有参加表决。\n"
     "本作品来自联合国官方文件。\n",
     ("resolution", "S/RES/368 (1975)", dt.date(1975, 4, 17), 1821), {"S/RES/338 (1973)"}),
    # wikisource's header cell for recent resolutions: date, place, then the meeting in brackets
    ("联合国安理会第2627号决议\n← | 联合国安理会第2626(2022)号决议 | 联合国安理会第2627(2022)号决议 "
     "制定机关:联合国安全理事会 2022年3月25日于联合国总部大楼 (在联合国安全理事会第9004次会议上) |\n"
     "联合国安理会第2628(2022)号决议 |\n安全理事会,\n回顾其第1718(2006)号决议,\n1. 决定延长。\n",
     ("resolution", "S/RES/2627 (2022)", dt.date(2022, 3, 25), 9004), {"S/RES/1718 (2006)"}),
    # an adoption line whose date lost 年 and 月 in conversion: the meeting counts, no date is guessed
    ("第1540(2004)号决议\n2004428日安全理事会第4956次会议通过\n安全理事会\n申明扩散构成威胁,\n1. 决定。\n",
     ("resolution", "S/RES/1540 (2004)", None, 4956), set()),
    # a resolution adopted by written vote (2021): the adoption line has a date but no meeting, and
    # the navigation's date (the page's) is not the adoption date
    ("联合国安理会第2569号决议\n← | 2568(2021) | 联合国安理会第2569(2021)号决议 S/RES/2569(2021) "
     "2021年4月7日 发布机关:联合国安全理事会 |\n第2569(2021)号决议\n安全理事会2021年3月26日通过\n"
     "安全理事会,\n回顾其第1718(2006)号决议,\n1. 决定延长。\n",
     ("resolution", "S/RES/2569 (2021)", dt.date(2021, 3, 26), None), {"S/RES/1718 (2006)"}),
    # a gazette's notice publishing a resolution (Macau, Traditional): the notice's sentence gives
    # the adoption date in Chinese numerals with 零; the notice's own dates are not it
    ("按照中央人民政府的命令,命令公佈聯合國安全理事會於二零一一年六月十七日通過的關於恐怖行為對"
     "國際和平與安全造成的威脅的第1989(2011)號決議的中文及英文正式文本。\n二零一一年十月十八日發佈。\n"
     "安全理事會,\n回顧其第1267(1999)號決議,\n1. 決定。\n",
     ("resolution", "S/RES/1989 (2011)", dt.date(2011, 6, 17), None), {"S/RES/1267 (1999)"}),
    # a reprint printing the adoption line last
    ("联合国安理会第1373号决议\n安全理事会,\n重申其决议,\n1. 决定继续处理此案。\n"
     "2001年9月28日安全理事会第4385次会议通过\n",
     ("resolution", "S/RES/1373 (2001)", dt.date(2001, 9, 28), 4385), set()),
    # an old resolution's closing vote line without a vote count
    ("联合国安理会第1373号决议\n安全理事会,\n重申其决议,\n1. 决定继续处理此案。\n第4385次会议通过。\n",
     ("resolution", "S/RES/1373 (2001)", None, 4385), set()),
    # a news page: breadcrumbs, byline, share line around an article that cites a resolution
    ("中国西藏网 > 即时新闻 > 博览\n\n中国担任联合国安理会11月轮值主席\n\n"
     "王帆 发布时间:2023-11-03 09:14:00来源: 中国新闻网\n分享到:\n\n"
     "中新社联合国11月1日电 安理会本月将审议第2178(2014)号决议的执行情况。\n",
     ("other", None, None, None), {"S/RES/2178 (2014)"}),
    # a news article (machine-converted, pinyin after characters) is no UN document; its citations count
    ("新聞熱線:0816-2395666\n設(shè)為首頁\n您现在的位置: 首頁 > 國際\n"
     "聯(lián)合國安理會通過敘利亞跨境人道救援授權(quán)延期決議\n发稿"
     "时间:2022-07-13 10:57   来源: 新華網(wǎng)\n\n"
     "新華社聯(lián)合國7月12日電(記者尚緒謙)聯(lián)合國安理會12日通過第2642號決議,將授權(quán)延長6個月。\n",
     ("other", None, None, None), {"S/RES/2642 (2022)"}),
]


@pytest.mark.parametrize(("text", "expected", "cites"), WEB_PAGES,
                         ids=[f"web{i}" for i in range(len(WEB_PAGES))])
def test_web_page_header(text, expected, cites):
    r = process("t.txt", text.encode())
    h = r.doc.structure.header
    assert (h.doc_type, str(r.doc.symbol) if r.doc.symbol else None, h.date, h.meeting_number) == expected
    # navigation naming the neighbours and the page's own title are never citations
    assert {str(c.symbol) for c in r.facts["citations"]} == cites


def test_a_page_printing_the_document_on_one_line_has_its_paragraphs():
    # the spaces after a paragraph's last punctuation are its breaks; commas inside stay
    assert [p for p, _ in paras(doc(FLAT))] == ["pp/1", "pp/2", "pp/3", "op/1", "op/2"]
    # a copy spacing every comma English-style is not split at its commas
    spaced = "安全理事会, 重申其决议, 强调合作, 并决心消除威胁, 回顾其承诺,\n1. 决定继续处理此案。"
    assert [p for p, _ in paras(doc("第2400(2018)号决议\n" + spaced))] == ["pp/1", "op/1"]


# A table of sentences is content, not navigation: un.org's list of the President's notes,
# its last row cut short by the page (haohao.work.gd mirror of main.un.org)
NOTES_TABLE = (
    "(以下文件均为PDF。)\n安全理事会关于其工作方法的决定\n"
    "S/2023/945 安全理事会主席的说明 | 2023年12月1日 | 根据2017年8月30日主席说明(S/2017/507)第111段,"
    "安理会再次承诺尽一切努力。 |\n"
    "S/2023/612 安全理事会主席的说明 | 2023年8月21日 | 安全理事会重申,必须确保安理会高效率地开展工作。 |\n"
    "S/2021/1074 安全理事会主席的说明 | 2021年12月22日 | 安全理事会承诺在\n"
)

# (page text, the lines that are the page's furniture, in order)
FURNITURE = [
    # wikisource: title, navigation and vote line before the document's own title and
    # adoption line; the licence after, with what it lists
    (WIKI_NAV + "第2326(2016)號決議\n安全理事會2016年12月15日第7838次會議通過\n" + RES_BODY + WIKI_LICENCE,
     [*WIKI_NAV.splitlines(), *(ln.lstrip("- ") for ln in WIKI_LICENCE.splitlines())]),
    # a reprint printing the adoption line last: the document's own, not the page's
    ("联合国安理会第1373号决议\n安全理事会,\n重申其决议,\n1. 决定继续处理此案。\n"
     "2001年9月28日安全理事会第4385次会议通过\n", []),
    # a news page: breadcrumbs, headline, byline, share line
    ("中国西藏网 > 即时新闻 > 博览\n\n中国担任联合国安理会11月轮值主席\n\n"
     "王帆 发布时间:2023-11-03 09:14:00来源: 中国新闻网\n分享到:\n\n"
     "中新社联合国11月1日电 安理会本月将审议第2178(2014)号决议的执行情况。\n",
     ["中国西藏网>即时新闻>博览", "中国担任联合国安理会11月轮值主席",
      "王帆发布时间:2023-11-03 09:14:00来源:中国新闻网", "分享到:"]),
    # un.org's table of notes: rows of sentences, the cut-short last row included, are content
    (NOTES_TABLE, []),
]


@pytest.mark.parametrize(("text", "lines"), FURNITURE, ids=["wiki", "adoption-last", "news", "notes-table"])
def test_furniture_is_the_pages_lines_not_the_documents(text, lines):
    d = doc(text)
    got = [text[slice(*d.norm.source_span(s.start, s.end))] for s in d.structure.header.furniture_spans]
    assert ["".join(g.split()) for g in got] == ["".join(ln.split()) for ln in lines]


def test_a_table_of_sentences_is_cited():
    r = process("t.txt", NOTES_TABLE.encode())
    assert r.doc.structure.header.header_spans == ()
    assert {str(c.symbol) for c in r.facts["citations"]} >= {"S/2017/507", "S/2023/945", "S/2021/1074"}
