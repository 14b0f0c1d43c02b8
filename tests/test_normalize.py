"""Normalization: PDF artifacts rejoined, with a map from every normalized character to its source."""

from __future__ import annotations

from itertools import pairwise

import pytest

from conftest import SEEDS
from ct2rdf.text.decode import decode
from ct2rdf.text.normalize import fold, normalize
from metamorphic import rewrap

LONG = (  # a line longer than 30 characters that ends inside a word
    "安全理事会强调必须开展能力建设和提供技术援助，"
    "以提高会员国以及区域和次区域组织有效执行决议的能力，并确定良好做"
)

# (source, the normalized text: blocks joined by "\n")
ARTIFACTS = [
    # layout: a word broken across a line break, the blank line after it dropped
    (" 安全理事会谴责恐怖主义，无论是何\n\n人所为。 ", "安全理事会谴责恐怖主义,无论是何人所为。"),
    # block: a page break inside a word, with blank lines between the halves
    (LONG + "\n\n\n\n法，在这方面支持委员会。", LONG.replace("，", ",") + "法,在这方面支持委员会。"),
    # a citation broken after 第
    (" 回顾其决议、尤其是第\n\n1267(1999)号决议。 ", "回顾其决议、尤其是第1267(1999)号决议。"),
    # a body name broken in two
    (" 欢迎会员国和联合国系统、包括反恐执行\n\n工作队作出努力。 ",
     "欢迎会员国和联合国系统、包括反恐执行工作队作出努力。"),
    # spaces between CJK and digits go, irregular or not
    (" 在 2012 年 5 月 4 日第 6765 次会议上，于 2004年 3月 26日通过。 ",
     "在2012年5月4日第6765次会议上,于2004年3月26日通过。"),
    # a space between two ASCII letters or digits stays, one only
    (" 冠状病毒病(COVID   19)和 ISIL Daesh 的威胁。 ", "冠状病毒病(COVID 19)和ISIL Daesh的威胁。"),
    # a line break between two ASCII words becomes that one space
    (" 伊黎伊斯兰国(ISIL\n\nDaesh)和 S/RES/2129 (2013)。 ", "伊黎伊斯兰国(ISIL Daesh)和S/RES/2129(2013)。"),
    # footnote markers glued to the text go when the footnote exists; footnotes become blocks of their own
    (" 安理会在若干关键决议1 中触及议题，并确保执\n\n行。2 这些工具很好。 \n\n__________________ \n\n"
     " 1 包括第 1624(2005)、\n\n2354(2017)号决议。 \n\n 2 包括国别访问。 ",
     "安理会在若干关键决议中触及议题,并确保执行。这些工具很好。\n包括第1624(2005)、2354(2017)号决议。\n"
     "包括国别访问。"),
    # layout: the body text of the next page follows the footnotes and rejoins its paragraph
    (" 安理会在决议1 中触及议题，包括执法、国\n\n__________ \n\n 1 包括第 1624(2005)、\n\n"
     "2354(2017)号决议。 \n\n"
     "际合作和打击资助恐怖主义行为。 \n\n 2. 决定继续处理此案。 ",
     "安理会在决议中触及议题,包括执法、国际合作和打击资助恐怖主义行为。\n2.决定继续处理此案。\n"
     "包括第1624(2005)、2354(2017)号决议。"),
    # block: the same, one footnote over two lines
    (LONG + "1 和打击\n__________\n1 包括第 1624(2005)号和\n第 2354(2017)号决议。\n"
     "恐怖主义言论等议题。\n2. 决定继续。",
     LONG.replace("，", ",") + "和打击恐怖主义言论等议题。\n2.决定继续。\n"
     "包括第1624(2005)号和第2354(2017)号决议。"),
    # a marker-like digit stays when no footnote has that number
    (" 安理会在若干关键决议1 中触及议题。 ", "安理会在若干关键决议1中触及议题。"),
    # 每隔 180 天 and 上午 8 时 are not markers, even with footnotes 1 and 8
    (" 至少每隔 180 天报告，于上午 8 时举行。1 \n\n__________ \n\n 1 见附件。 \n\n 8 见附件。 ",
     "至少每隔180天报告,于上午8时举行。\n见附件。\n见附件。"),
    # a run of URL lines inside a paragraph is removed; the paragraph resumes after it
    (" 安理会回顾第 1373(2001)号决议，\n\nhttps://undocs.org/ch/S/RES/1373(2001)\n"
     "https://undocs.org/ch/S/RES/1373(2001)\n"
     " 并强调合作。 ", "安理会回顾第1373(2001)号决议,并强调合作。"),
    # a Markdown heading mark is dropped
    ("## 第 2129 (2013) 号决议\n\n安全理事会，", "第2129(2013)号决议\n安全理事会,"),
    # full-width punctuation becomes ASCII, half-width stays, an ideographic space goes
    ("回顾（见附件）；强调：会员国？是！\u3000有效互动,均衡地。",
     "回顾(见附件);强调:会员国?是!有效互动,均衡地。"),
    # full-width digits and letters become ASCII
    ("回顾第１３７３（２００１）号决议和ＩＳＩＬ。", "回顾第1373(2001)号决议和ISIL。"),
    # Traditional script is folded to Simplified
    ("安全理事會重申第1373(2001)號決議，著重指出會員國的義務。",
     "安全理事会重申第1373(2001)号决议,着重指出会员国的义务。"),
    # Traditional corner-bracket quotes become the curly quotes of Simplified texts
    ("「安全理事會重申『備忘錄』。」", "“安全理事会重申‘备忘录’。”"),
    # characters whose NFKC form is longer are kept as they are
    ("措施……㈠会员国", "措施……㈠会员国"),
    # layout: a page break inside a word, with the footer (page number, job number), a form
    # feed and the running head between the halves; furniture and head go, the word rejoins
    (" S/RES/2395 (2017) \n\n 请反恐委员会向安理会通报委员会和反恐执\n\n"
     "2/3                    17-23196\n\fS/RES/2395 (2017)\n\n行局的工作。 ",
     "S/RES/2395(2017)\n请反恐委员会向安理会通报委员会和反恐执行局的工作。"),
    # block: the first page's footer (job number, barcode) between two paragraphs is dropped
    ("确认反恐执行局的关键作用，\n17-23196 (C)\n*1723196*\n1. 决定继续积极处理此案。",
     "确认反恐执行局的关键作用,\n1.决定继续积极处理此案。"),
    # a line "66/10" is a wrapped General Assembly citation, not page "N/M" (N > M)
    (" 回顾大会第\n\n66/10\n\n号决议。 ", "回顾大会第66/10号决议。"),
]


def check_offsets(source: str) -> None:
    """Every normalized character comes from the source character its offset names."""
    norm = normalize(source)
    folded, _ = fold(source)
    assert len(norm.offsets) == len(norm.text)
    for i, ch in enumerate(norm.text):
        j = norm.offsets[i]
        if ch == "\n":
            continue  # the block separator has no source character of its own
        if ch == " ":
            assert folded[j].isspace(), (i, j)  # a kept space may come from a line break
        else:
            assert folded[j] == ch, (i, ch, j, source[j])
    for b in norm.blocks:  # offsets rise within a block
        offs = norm.offsets[b.start : b.end]
        assert all(x < y for x, y in pairwise(offs))


@pytest.mark.parametrize(
    ("source", "expected"), ARTIFACTS, ids=[f"artifact{i:02d}" for i in range(len(ARTIFACTS))]
)
def test_artifacts(source, expected):
    assert normalize(source).text == expected
    check_offsets(source)


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_offset_map_on_seeds(path):
    source, _ = decode(path.read_bytes(), path.name)
    check_offsets(source)
    norm = normalize(source)
    assert "http" not in norm.text and "____" not in norm.text and "#" not in norm.text


def test_traditional_offsets_point_into_the_original():
    source = "安全理事會回顧第1373(2001)號決議。"
    norm = normalize(source)
    assert norm.traditional and norm.text == "安全理事会回顾第1373(2001)号决议。"
    pos = norm.text.index("号决议")
    assert source[norm.offsets[pos] : norm.offsets[pos + 2] + 1] == "號決議"
    assert norm.source_span(pos, pos + 3) == (source.index("號"), source.index("。"))


def test_markers_and_urls_keep_their_source_places():
    source = ARTIFACTS[7][0] + "\n\nhttps://undocs.org/ch/S/RES/1624(2005)\n"
    norm = normalize(source)
    assert [(m.number, source[m.source_start : m.source_end]) for m in norm.markers] == [(1, "1"), (2, "2")]
    assert [source[u.source_start : u.source_end] for u in norm.urls] == ["https://undocs.org/ch/S/RES/1624(2005)"]
    assert [(b.kind, b.number) for b in norm.blocks] == [("body", None), ("footnote", 1), ("footnote", 2)]


REPORT_TITLE = "会员国执行安全理事会第1373(2001)号决议和其他相关决议情况全球调查(节选)"  # long, unpunctuated

# (source, the paragraphs it holds) in both PDF layouts
LAYOUTS = [
    # layout: wrapped lines with a blank line after each; a trailing space ends a paragraph
    (" 安全理事会重申，会员国必须确保\n\n任何措施都符合国际法， \n\n 又重申不能将恐怖主义与任何宗\n\n"
     "教联系起来， ",
     ["安全理事会重申,会员国必须确保任何措施都符合国际法,", "又重申不能将恐怖主义与任何宗教联系起来,"]),
    # layout: a line ending in a comma inside a paragraph does not end it
    (" 安全理事会确认，\n\n迫切需要作出努力。 \n\n “安全理事会强调合作。 ",
     ["安全理事会确认,迫切需要作出努力。", "“安全理事会强调合作。"]),
    # layout: a paragraph at the top of a page follows without a blank line
    (" “安全理事会注意到\n\n恐怖主义的变化。 \n  “安全理事会再次关切。 ",
     ["“安全理事会注意到恐怖主义的变化。", "“安全理事会再次关切。"]),
    # layout: numbered paragraphs and items start paragraphs
    (" 1. 决定：\n\n (a) 会员国应合作； \n\n 2. 请秘书长报告。 ",
     ["1.决定:", "(a)会员国应合作;", "2.请秘书长报告。"]),
    # block: one paragraph per line
    ("安全理事会，\n重申其以往决议，\n1. 决定继续积极处理此案。",
     ["安全理事会,", "重申其以往决议,", "1.决定继续积极处理此案。"]),
    # block: a page break inside a paragraph, three blank lines between the halves
    (LONG + "\n\n\n\n法，并着重指出合作的重要性；\n2. 请秘书长报告。",
     [LONG.replace("，", ",") + "法,并着重指出合作的重要性;", "2.请秘书长报告。"]),
    # block with Windows line ends (GB18030, UTF-16 files): CR is no trailing space, so a
    # page break inside a paragraph still joins (no "layout" misread)
    ("安全理事会，\r\n" + LONG + "\r\n\r\n\r\n法，并着重指出合作的重要性；\r\n2. 请秘书长报告。\r\n",
     ["安全理事会,", LONG.replace("，", ",") + "法,并着重指出合作的重要性;", "2.请秘书长报告。"]),
    # layout: masthead lines carry no trailing space, yet each is a paragraph of its own
    ("联合国\n\nS/RES/2395 (2017)\n\n安全理事会\n\nDistr.: General\n\n21 December 2017\n\n\n\n"
     "  第 2395 (2017)号决议 \n\n 安全理事会， ",
     ["联合国", "S/RES/2395(2017)", "安全理事会", "Distr.:General", "21 December 2017", "第2395(2017)号决议",
      "安全理事会,"]),
    # block: a section heading (一. 导言) after a long title line without punctuation
    (REPORT_TITLE + "\n一. 导言\n1. 本调查说明执行情况。",
     [REPORT_TITLE, "一.导言", "1.本调查说明执行情况。"]),
    # block: a page break inside a paragraph, no blank line
    ("“安全理事会特别指出反恐执行局与联合国反恐怖主义办公室按照各自任务开展工作的重要性，以确保联合\n"
     "国与会员国有效互动。\n“安全理事会重申。",
     ["“安全理事会特别指出反恐执行局与联合国反恐怖主义办公室按照各自任务开展工作的重要性,以确保联合国与会员国有效互动。",
      "“安全理事会重申。"]),
]


@pytest.mark.parametrize(("source", "expected"), LAYOUTS, ids=[f"layout{i}" for i in range(len(LAYOUTS))])
def test_layouts(source, expected):
    norm = normalize(source)
    assert [norm.block_text(i) for i in range(len(norm.blocks))] == expected
    check_offsets(source)


# (source, normalized text, source characters the normalized text was read from)
NOISE = [
    # pinyin a machine conversion put after characters goes (a real news reprint)
    ("安理會(huì)決定延長(zhǎng)聯(lián)合國(guó)援助團(tuán)任期", "安理会决定延长联合国援助团任期",
     "安理會決定延長聯合國援助團任期"),
    # through a citation: 第2178號(hào)決議 reads as 第2178号决议
    ("根據(jù)第2178號(hào)決議", "根据第2178号决议", "根據第2178號決議"),
    # full-width parentheses around pinyin too
    ("會（huì）議", "会议", "會議"),
    # parenthesized letters, abbreviations, years and symbols without a tone mark stay
    ("見第1段(a)和(ISIL)及(2001)(反恐執行局)(S/2015/939)",
     "见第1段(a)和(ISIL)及(2001)(反恐执行局)(S/2015/939)",
     "見第1段(a)和(ISIL)及(2001)(反恐執行局)(S/2015/939)"),
    # list bullets of a web page go; an official sub-item's en dash stays
    ("- 回顧其決議,\n- 1. 決定。\n– 評估風險;", "回顾其决议,\n1.决定。\n–评估风险;",
     "回顧其決議,1.決定。–評估風險;"),
]


@pytest.mark.parametrize(("source", "text", "read"), NOISE,
                         ids=["pinyin", "citation", "full-width", "kept", "bullets"])
def test_web_noise_is_deleted_and_offsets_still_point_at_the_source(source, text, read):
    n = normalize(source)
    assert n.text == text
    # every normalized character maps to the source character it was folded from
    assert "".join(source[o] for o, ch in zip(n.offsets, n.text, strict=True) if ch != "\n") == read
    check_offsets(source)



# A text with one paragraph a line, as a web copy gives it: long lines, commas inside,
# a symbol, a footnote marker (before its footnote) and numbered paragraphs.
ONE_A_LINE = (
    "安全理事会重申其以往各项决议和主席声明(S/PRST/2005/64),并强调必须加强国际合作,以有效防止和打击恐怖主义行为,\n"
    "回顾其第1373(2001)号决议,并表示决心继续支持反恐怖主义委员会及其执行局在若干关键决议1 中开展的各项工作,\n"
    "1. 决定继续积极处理此案,并请秘书长在本决议通过后九十天内向安全理事会提交一份关于执行情况的报告。\n"
    "__________\n1 包括第 2462(2019)号决议。"
)


@pytest.mark.parametrize("width", [20, 23, 31, 44], ids=lambda w: f"wrap{w}")
def test_rewrapped_text_reads_as_its_paragraphs(width):
    # full lines continue the line they were cut from, even after a comma; a symbol or a
    # footnote marker cut by the wrap is whole again
    wrapped = rewrap(width)(ONE_A_LINE)
    assert normalize(wrapped).text == normalize(ONE_A_LINE).text
    check_offsets(wrapped)
