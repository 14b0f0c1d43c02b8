"""Every regular expression ct2rdf uses, in one place.

House rules:

* Constants are named ``*_RE`` and built from the small helpers below, so a
  fix to, say, the date grammar reaches every pattern that embeds a date.
* Above each constant: two or three real examples it must match.
* Unless a comment says otherwise, patterns run over *normalized* text
  (see :mod:`ct2rdf.text.normalize`): NFKC per character (so ``，（）：；`` are
  ASCII), Traditional folded to Simplified, and every whitespace run removed
  except a single space between two ASCII letters or digits.  That is why the
  patterns below have no ``\\s*`` between CJK characters and digits.
* Order matters inside alternations: longer, more specific forms first.
"""

from __future__ import annotations

import re

# *** Helpers for building patterns ***


def alt(*parts: str) -> str:
    """Join alternatives into one non-capturing group, longest first."""
    return "(?:" + "|".join(sorted(parts, key=len, reverse=True)) + ")"


def named(name: str, pattern: str) -> str:
    """Wrap ``pattern`` in a named group."""
    return f"(?P<{name}>{pattern})"


def unnamed(pattern: str) -> str:
    """Turn every named group of ``pattern`` into a non-capturing one."""
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


def prefixed(prefix: str, pattern: str) -> str:
    """Rename every named group ``(?P<x>`` in ``pattern`` to ``prefix_x``."""
    return pattern.replace("(?P<", f"(?P<{prefix}_")


def counted(digits: int) -> str:
    """A number of up to ``digits`` digits from 1, without a leading zero: the numbers
    in symbols (S/RES/0, S/PRST/2015/0 and A/RES/60/0 name nothing; shape S01 refuses them)."""
    return rf"[1-9]\d{{0,{digits - 1}}}"


def scanning(pattern: str) -> re.Pattern:
    """Compile a pattern that ``finditer``/``search`` runs over whole texts, behind a
    lookahead of the characters a match can start with.

    Patterns that open with a lookbehind or an optional date give the regex
    engine no first character to skip ahead to, so it tries every branch at
    every position of the text; the lookahead rejects most positions at once
    (CITE_ITEM_RE: 6x faster over a long text).  The set is computed from the
    parsed pattern, so the matches are the same; where it cannot be (a pattern
    that may match empty, a negated class, a wildcard first) none is added.
    """
    first = _first_class(pattern)
    try:
        return re.compile(f"(?=[{first}])" + pattern if first else pattern)
    except re.error:  # global flags must open the pattern: (?m)…
        return re.compile(pattern)


def _first_class(pattern: str) -> str | None:
    try:
        from re import _constants as C
        from re import _parser

        parsed = _parser.parse(pattern)
        if parsed.state.flags & re.IGNORECASE:
            return None
        parts, nullable = _first(parsed.data, C)
    except Exception:  # another Python's parser: no lookahead, the same matches
        return None
    return None if parts is None or nullable else "".join(sorted(parts))


def _first(items, C) -> tuple[set[str] | None, bool]:
    """(class parts a match of ``items`` can start with, whether it can match empty)."""
    out: set[str] = set()
    for op, av in items:
        if op in (C.AT, C.ASSERT, C.ASSERT_NOT):  # zero width: the next item decides
            continue
        if op is C.LITERAL:
            return out | {re.escape(chr(av))}, False
        if op is C.IN:
            got = _class_parts(av, C)
            return (None if got is None else out | got), False
        if op is C.SUBPATTERN:
            sub, nullable = _first(av[3].data if hasattr(av[3], "data") else av[3], C)
        elif op is C.BRANCH:
            sub, nullable = set(), False
            for alt in av[1]:
                a, n = _first(alt.data, C)
                sub = None if sub is None or a is None else sub | a
                nullable = nullable or n
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
            sub, nullable = _first(av[2].data, C)
            nullable = nullable or av[0] == 0
        else:  # ANY, NOT_LITERAL, group references…: anything may come first
            return None, False
        if sub is None:
            return None, False
        out |= sub
        if not nullable:
            return out, False
    return out, True


def _class_parts(items, C) -> set[str] | None:
    parts: set[str] = set()
    for op, av in items:
        if op is C.LITERAL:
            parts.add(re.escape(chr(av)))
        elif op is C.RANGE:
            parts.add(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is C.CATEGORY and av in _CATEGORIES:
            parts.add(_CATEGORIES[av])
        else:  # a negated class: anything may come first
            return None
    return parts


_CATEGORIES = {
    re._constants.CATEGORY_DIGIT: r"\d", re._constants.CATEGORY_NOT_DIGIT: r"\D",
    re._constants.CATEGORY_SPACE: r"\s", re._constants.CATEGORY_NOT_SPACE: r"\S",
    re._constants.CATEGORY_WORD: r"\w", re._constants.CATEGORY_NOT_WORD: r"\W",
} if hasattr(re, "_constants") else {}


def one_of(chars) -> re.Pattern:
    """A pattern matching any one of ``chars`` (normalization's folding table: the
    characters a text needs folded, found with one scan in C and replaced where they
    are; ``str.translate`` looks every character of the text up in a dict).
    ``，`` · ``（`` · ``「`` · U+3000"""
    return re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]")


CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Any CJK character (a line of Chinese text, not a URL or a job number).   安 · 會
CJK_CHAR_RE = re.compile(f"[{CJK}]")
CN_DIGIT = "〇零一二三四五六七八九"
CN_NUMERAL = CN_DIGIT + "十百千两"
# A year of the UN era: 1940-2100 (1940-1944 are matched and refused in code,
# ct2rdf.dates.plausible, so that they are reported rather than unseen).
YEAR = r"(?:19[4-9]\d|20\d\d|2100)"

# Dates in Arabic or Chinese numerals, whitespace already removed.
#   2013年12月17日 · 2004年3月26日 · 二〇一三年十二月十七日
DATE = (
    r"(?:"
    + named("y", YEAR) + "年" + named("m", r"\d{1,2}") + "月" + named("d", r"\d{1,2}") + "日"
    + "|"
    + named("cy", f"[{CN_DIGIT}]{{4}}") + "年"
    + named("cm", "[一二三四五六七八九十]{1,2}") + "月"
    + named("cd", "[一二三四五六七八九十]{1,3}") + "日"
    + r")"
)
# A date with any year, for the check that reports the invalid and implausible
# ones (extract/datechecks.py; no other pattern matches them, so no fact has them).
# A minus or 公元前 before the year makes it negative; a hyphen between two numbers
# is a range (2001-2023年), not a sign.  Bounded digit runs: int() never sees a
# thousand-digit number; no match inside a longer number (二00一年, 二OO一年: mixed ones).
#   2023年2月30日 (no such day) · 二〇二三年十三月一日 (no such month) · 9999年12月31日
#   九九九九年十二月三十一日 · 0年1月1日 · -2023年1月1日 · 公元前5年3月1日
ANY_DATE_RE = scanning(
    r"(?:" + named("neg", r"公元前|(?<![\d.])[-−]") + ")?(?:"
    + f"(?<![\\dA-Za-z.{CN_NUMERAL}])" + named("y", r"\d{1,9}") + "年" + named("m", r"\d{1,3}") + "月"
    + named("d", r"\d{1,3}") + "日"
    + "|" + f"(?<![\\dA-Za-z.{CN_NUMERAL}])" + named("cy", f"[{CN_NUMERAL}]{{1,9}}") + "年"
    + named("cm", "[零一二三四五六七八九十]{1,3}") + "月"
    + named("cd", "[零一二三四五六七八九十]{1,3}") + "日"
    + r")"
)
# A month without a day, meaning its last day when it ends a period.
#   2024年6月 · 2025年12月底 (not the 2024年6月 of 2024年6月30日)
MONTH = named("ey", YEAR) + "年" + named("em", r"\d{1,2}") + r"月(?:底|末)?(?!\d)"
# A time of day after a date.  上午8时30分 · 下午3时 · 15:00
TIME = (
    r"(?:" + named("ampm", "上午|下午|晚上|中午") + r"?"
    + named("hh", r"\d{1,2}") + r"(?:时|点|:)" + r"(?:" + named("mi", r"\d{1,2}") + r"分?)?)"
)

# *** Source-line patterns (run on folded but not yet joined lines) ***

# A line that is nothing but a URL; PDFs of UN documents put runs of them
# inside paragraphs.   https://undocs.org/ch/S/RES/1373(2001)
URL_LINE_RE = re.compile(r"^\s*(https?://\S+)\s*$")

# The rule that opens a footnote block.   __________________
FOOTNOTE_RULE_RE = re.compile(r"^\s*_{5,}\s*$")

# Page furniture of an official PDF, alone on its line: job number, barcode,
# page number "N/M" (checked N <= M in code, so 66/10 is not one).  Dropped.
#   17-23196 (C) · *1723196* · 2/3        17-23196 · 18-22738        3/3
PAGE_FURNITURE_RE = re.compile(r"^\s*(?:(?:\d{2}-\d{5}(?:\s*\([A-Z]\))?|\*\d{7}\*|\d{1,2}/\d{1,2})\s*)+$")
PAGE_NUMBER_RE = re.compile(r"(?<![\d-])(\d{1,2})/(\d{1,2})(?!\d)")

# A masthead line of an official PDF.  Its own paragraph even in "layout",
# where these lines carry no trailing space; a document symbol alone on a line
# later on is the running head of a page.
#   联合国 · 联 合 国 · 安全理事会 · Distr.: General · Original: English · Chinese
#   21 December 2017 · S/RES/2395 (2017) · S/2018/1177 · S/PRST/2016/6 · A/HRC/RES/40/16
SYMBOL_ALONE = r"[AS]/(?:[A-Z]+/){0,2}\d[\dA-Z/.\-]*(?:\s*\(\d{4}\))?"
MASTHEAD_LINE_RE = re.compile(
    r"^\s*(?:联\s*合\s*国|安\s*全\s*理\s*事\s*会|United\s+Nations|Distr\.?:?\s*\w+|Original:\s*\w+"
    r"|Chinese|中文|\d{1,2}\s+[A-Z][a-z]+\s+\d{4}|" + named("symbol", SYMBOL_ALONE) + r")\s*$"
)

# The first line of one footnote: its number, then a space.
#    1 包括第 1624(2005)、…    · 3 也被一些国家认定为…
# (a continuation line such as "2354(2017)、…" has no space after the digits)
FOOTNOTE_ITEM_RE = re.compile(r"^\s*(\d{1,2})\s+(?=\S)")

# A footnote marker glued to the text it annotates; deleted only when a
# footnote with that number exists.   若干关键决议1 中 · 的执行。2 这些 · 冒头。3
# Not "每隔 180 天" or "1267 监察组" (a space precedes the digits) nor
# "上午 8 时" (a unit follows).
FOOTNOTE_MARKER_RE = re.compile(
    rf"(?<=[{CJK}。；;，,、”》)])(\d{{1,2}})(?=\s|$)(?!\s*[时点年月日天分个次项名号周倍%])"
)

# Where a page that printed a whole document on one line put a paragraph break:
# spaces after a paragraph's last punctuation (source lines, folded).
#   安全理事會, 重申一切形式…的效力, 關切地注意到… · …決心消除這一威脅, 銘記必須…
FLATTENED_BREAK_RE = re.compile(r"(?<=[,;。:])[ \t]+(?=\S)")

# A footnote marker that a line break cut from its word: alone on a line
# inside a paragraph (…并招募人员。 / 2 / 4. 反恐执行局…).
FOOTNOTE_MARKER_LINE_RE = re.compile(r"^\s*(\d{1,2})\s*$")

# A line that starts a paragraph whatever the layout:
#   1. 2001 年 9 月… · 12. 指示… · “安全理事会… · (a) 会员国… · – 评估… · ## 第…
#   一. 导言 · 二、主要趋势 (a report's section heading, which in "block" may follow
#   a long title line without punctuation)
PARAGRAPH_START_RE = re.compile(
    r"^\s*(?:\d{1,3}[.．](?!\d)|[“\"]|[(（][a-z][)）]|[–—]\s|#|[一二三四五六七八九十]{1,3}[.．、])"
)

# The numbered or itemized subset of PARAGRAPH_START_RE.   12. 指示… · (a) … · – 评估…
NUMBERED_START_RE = re.compile(r"^\s*(?:\d{1,3}[.．](?!\d)|[(（][a-z][)）]|[–—]\s)")

# Lines that end a paragraph in "block" layout (one paragraph per line).
#   …会员国合作, · 安全理事会， · …行动。 · 声明如下：
BLOCK_LINE_END_RE = re.compile(r"[。；;：:？?！!，,”\"]\s*$")

# A run of characters normalization keeps: no whitespace (str.isspace, as re's \\s
# is for str patterns), no zero-width space or BOM.  The runs are emitted whole and
# whitespace between them collapsed, so normalizing is linear and runs in C, not per
# character in Python.   安全理事会, · 第 2129 (2013) 号决议 → 第 / 2129 / (2013) / 号决议
TEXT_RUN_RE = re.compile("[^\\s\u200b\ufeff]+")

# Invisible format characters (Unicode category Cf): bidirectional marks and
# overrides, zero-width spaces and joiners, word joiners, a BOM inside the text,
# soft hyphens, tags.  They print nothing, yet a U+202E or U+200F inside 安全理事会
# hides the name from every pattern; normalization deletes them for matching (the
# source offsets, and so every quote, keep them).  tests/test_hostile.py checks the
# list against unicodedata.   安全\u202e理事会 · 第2129\u200b(2013)号 · 20\u206013年 · 安理\u00ad会
INVISIBLE_RE = re.compile(
    "[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]"
)

# Markdown-like heading marks, dropped from the text.   ## 第 2129 (2013) 号决议
HEADING_MARK_RE = re.compile(r"^\s*#+\s*")

# Pinyin a machine conversion put in parentheses after a character (run on
# folded text, before t2s; the parenthesized part is deleted).  A tone mark
# is required, so (a), (i), (ISIL), (2001) and (CTED) are never taken.
#   安理會(huì)決定延長(zhǎng)聯(lián)合國(guó)索馬里援助團(tuán)任期 · 根據(jù)安理會(huì)2102號(hào)決議
#   贊揚(yáng)聯(lián)索援助團(tuán)在支持索馬里實(shí)現(xiàn)和平
# Line breaks may fall inside or before it where the page was wrapped: 安理會(hu / ì),
# 決議 / / (yì) (they are kept, see normalize.strip_noise).
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_PY = f"a-zü{_TONED}"
INLINE_PINYIN_RE = re.compile(
    rf"(?<=[{CJK}])([ \t\r\n]*\((?=[{_PY}\r\n]{{1,9}}\))[a-zü\r\n]*[{_TONED}][{_PY}\r\n]*\))"
)

# A list bullet opening a line of a web page (wikisource lists a resolution's
# paragraphs so); the bullet is deleted.  Not the en dash of official sub-items.
#   - 回顾其各项相关决议,包括… · - 1. 强调迫切需要… · - 「安全理事會注意到…
LIST_BULLET_RE = re.compile(r"(?m)^[ \t]*[-*•][ \t]+(?=\S)")

# *** Structure patterns (whole normalized paragraphs) ***

# A Council document's symbol, whitespace removed.   S/RES/2617(2021) · S/PRST/2004/31 · S/2015/939
HEADER_SYMBOL = r"S/RES/\d{1,4}\(" + YEAR + r"\)|S/PRST/" + YEAR + r"/\d{1,3}|S/" + YEAR + r"/\d{1,4}"

# A resolution's title, as printed or as a web page gives it: web pages may
# print the symbol after it, or leave out the year (found from the number).
#   第2129(2013)号决议 · 联合国安理会第1535(2004)号决议 · 安全理事会第1963(2010)号决议
#   第2178(2014)号决议 S/RES/2178(2014) · 安理会第2178号决议 · 联合国安理会第1624号决议(全文)
#   联合国安理会第2178号决议全文
RES_TITLE_RE = re.compile(
    r"^(?:联合国)?(?:安理会|安全理事会)?第" + named("num", r"\d{1,4}")
    + r"(?:\(" + named("year", YEAR) + r"\))?号?决议"
    + r"(?:\(?(?:全文|中文|中英文)\)?)?"
    + r"(?:[(:]?" + named("tsym", HEADER_SYMBOL) + r"\)?)?$"
)

# A resolution named as a title anywhere in a header line: a wiki page's
# title and navigation name the page's resolution and its neighbours.
#   ←|2445(2018)|联合国安理会第2446(2018)号决议S/RES/2446(2018)2018年11月15日发布机关:…|
#   联合国安理会第1615(2005)号决议联合国安理会第1616(2005)号决议 · 联合国安理会第2446号决议中华文库
RES_TITLE_IN_RE = re.compile(
    r"(?<![\d/])(?:联合国)?(?:安理会|安全理事会)?第" + named("num", r"\d{1,4}")
    + r"(?:\(" + named("year", YEAR) + r"\))?号?决议"
)

# A Council document's symbol inside a header line (navigation, masthead table, un.org field).
#   联合国|S/RES/2446(2018)| · Resolution number:S/RES/2462(2019) · …号决议S/RES/2102(2013)2013年5月2日
HEADER_SYMBOL_RE = re.compile(r"(?<![A-Za-z0-9/])(?:" + HEADER_SYMBOL + r")(?![\d/])")

# A presidential statement named as a title inside a header line (wiki navigation).
#   ←|聯合國安理會主席聲明2015年第23號|聯合國安理會主席聲明2015年第24號S/PRST/2015/24
#     聯合國安全理事會2015年12月8日|
PRST_TITLE_IN_RE = re.compile(
    r"(?:联合国)?(?:安理会|安全理事会)主席(?:的)?声明"
    + named("year", YEAR) + "年第" + named("num", r"\d{1,3}") + "号"
)

# A presidential statement's heading, with the web forms that carry the
# symbol.   安全理事会主席声明 · 联合国安理会主席声明2004年第31号 · 2014年8月15日安全理事会主席声明
#   安全理事会主席声明(S/PRST/2016/6) · 安全理事会主席声明 S/PRST/2016/6
PRST_TITLE_RE = re.compile(
    r"^(?:" + prefixed("t", DATE) + r")?(?:联合国)?(?:安理会|安全理事会)主席(?:的)?声明"
    r"(?:" + named("year", YEAR) + "年第" + named("num", r"\d{1,3}") + "号)?"
    + r"(?:[(:]?" + named("tsym", r"S/PRST/" + YEAR + r"/\d{1,3}") + r"\)?)?$"
)

# The opening of a presidential statement: it ends with the announcement (a
# colon, or the first quoted paragraph on the same line).  A report or letter
# that mentions a statement (安全理事会主席在…发表的声明(S/PRST/2015/11)中) is no opening.
#   安全理事会主席在2012年5月4日安全理事会第6765次会议上,就安理会…代表安理会发表声明如下:
#   2021年1月12日,依照…安全理事会主席就安理会审议的题为…代表安理会发表声明如下:
#   …代表安理会发表了如下声明: · …代表安理会发表声明如下:“安全理事会重申… · …代表安理会发表声明:
PRST_INTRO_RE = re.compile(
    r"(?:发表(?:了)?(?:如下|以下)(?:的)?声明|声明如下|代表安理会发表(?:了)?声明)[:,]?(?=[“\"]|$)"
)

# A header line that is just a symbol.   S/RES/2617(2021) · S/PRST/2004/31
# (pdftotext -layout puts the masthead's two columns on one line:
#  联 合 国        S/RES/2395 (2017) → 联合国S/RES/2395(2017) once normalized)
SYMBOL_LINE_RE = re.compile(
    r"^(?:联合国|United Nations)?" + named("symbol", HEADER_SYMBOL) + r"\*?$"
)

# The date an official PDF's masthead prints, in English: the document's date
# when nothing else gives one (a report, a note).   21 December 2017 · 3 May 2004
MASTHEAD_DATE_RE = re.compile(
    r"^" + named("md", r"\d{1,2}") + " " + named("mmon", "January|February|March|April|May|June|July"
                                               "|August|September|October|November|December")
    + " " + named("my", YEAR) + "$"
)

# Lines of an official PDF's masthead, skipped before the title.
#   联合国 · 安全理事会 · Distr.: General · 13-61627 (C) · Original: English · 17 December 2013
HEADER_NOISE_RE = re.compile(
    r"^(?:联合国|安全理事会|安理会|United Nations|(?:安全理事会|安理会)?Distr\.?:?.*"
    r"|General|Original:.*|Chinese|中文"
    r"|\d{2}-\d{4,6}(?:\(C\))?.*|\*\d{6,}\*|\d{1,2} [A-Z][a-z]+ \d{4})$"
)

# A header line that is just a date.   2004年10月19日
DATE_LINE_RE = re.compile(r"^" + DATE + r"$")

# The adoption line of a resolution, alone or in a navigation cell after the
# title; trailing punctuation allowed.  Without a date it must say 通过 (its
# date is then on the next line); without 通过 it must have a date (checked in code).
#   安全理事会2013年12月17日第7086次会议通过 · 2010年12月20日安全理事会第6459次会议通过
#   2011年7月27日安理会在其第6592次会议上通过 · 安全理事会2014年9月24日在第7272次会议上通过
#   安全理事会2005年12月20日第5555次会议通过, · 2019年3月28日于联合国安全理事会第8496次会议
#   安全理事會第8169次會議通過 (then 2018年1月30日) · 安全理事會2013年12月17日第7086次會議通過
#   联合国安理会第1724(2006)号决议2006年11月29日安全理事会第5575次会议通过 (a wiki navigation cell)
#   2004428日安全理事会第4956次会议通过 (a reprint that lost 年 and 月: the meeting still counts, no date)
#   安全理事会2021年3月26日通过 (a written vote during the pandemic: a date and 通过, no meeting)
_COUNCIL = r"(?:联合国)?(?:安全理事会|安理会)"
ADOPTION_RE = re.compile(
    r"^(?=.*次会议|.*日" + _COUNCIL + r"?通过)(?:(?:联合国)?(?:安理会|安全理事会)?第\d{1,4}(?:\(" + YEAR
    + r"\))?号?决议)*" + _COUNCIL + r"?(?:于|在)?(?:" + DATE + r"|\d{5,8}日)?(?:于|在)?" + _COUNCIL
    + r"?(?:(?:在其?|于)?第" + named("meeting", r"\d{1,5}") + r"次会议(?:上)?)?" + named("adopted", "通过")
    + r"?[,.;。]?$"
)

# The heading of a resolution of the Assembly or another organ: who adopted it and when.
#   人权理事会2019年3月22日通过的决议 (A/HRC/RES/40/16) · 大会2006年9月8日通过的决议 (A/RES/60/288)
ADOPTED_BY_RE = re.compile(
    r"^(?:联合国)?(?:大会|人权理事会|经济及社会理事会|安全理事会|安理会)" + DATE + r"通过的决议$"
)

# A wrapper's sentence naming the date a resolution was adopted (a gazette's notice,
# a transmittal note); the resolution's number and year follow.
#   命令公佈聯合國安全理事會於二零一一年六月十七日通過的關於…威脅的第1989(2011)號決議的中文及英文正式文本
#   秘书长谨转递安全理事会2014年9月24日第7272次会议通过的第2178(2014)号决议
ADOPTED_MENTION_RE = re.compile(
    _COUNCIL + r"(?:于|在)?" + DATE + r"(?:第\d{1,5}次会议)?通过的[^。]{0,80}?第" + named("num", r"\d{1,4}")
    + r"\(" + named("year", YEAR) + r"\)号决议"
)

# The date a navigation cell prints after the page's own title (and symbol).
#   联合国安理会第2446(2018)号决议|S/RES/2446(2018)2018年11月15日 · 聯合國安理會第443號決議1978年12月14日
DATE_AFTER_TITLE_RE = re.compile(r"(?:" + HEADER_SYMBOL + r")?" + DATE)

# A wiki page's vote line: the meeting that adopted the resolution.
#   第6969次會議以15票贊成,0票反對通過 · 第8141次会议以12票赞成,0票反对,3票弃权(…)通过
#   第4872次会议一致通过。 · 第二一〇七次會議以十四票對〇票通過。 · 第4385次会议通过。
#   第一八二一次会议以十三票对零票通过。1  (a footnote marker: 1 两个理事国没有参加表决。)
VOTE_LINE_RE = re.compile(
    r"^第" + named("meeting", rf"\d{{1,5}}|[{CN_DIGIT}]{{3,5}}")
    + r"次会议(?:以[^。]{1,120}?|一致)?通过[。.]?" + named("note", r"\d{1,2}") + "?$"
)

# Page furniture of web copies, whole lines: navigation (any line with | or an
# arrow is one, checked in code), collection notes, site names, licence footers,
# news-site menus and bylines.  Found only around the document, never inside it.
#   本作品收录于《Portal:联合国安理会2017年决议 · 本作品来自联合国官方文件。此组织之政策…
#   维基文库,自由的图书馆 · 联合国安理会第2446号决议中华文库 · 跳转到内容 · 跳至内容 · 外观
#   发布机关:联合国安全理事会 · Public domainPublic domainfalsefalse
#   根据ST/AI/189/Add.9/Rev.2第2条(仅供英文版),下列联合国文件在全球属于公有领域:
#   官方纪录(会议、逐字、摘要记录等); · 带有联合国标志发布的文献; · 主要设计通知公众关于联合国活动的…
#   您现在的位置:首页>国际 · 发稿时间:2022-07-13 10:57来源:新华网 · 相关新闻: · 设为首页加入收藏
#   新闻热线:0816-2395666 · 责任编辑:… · 分类:联合国安理会决议
#   王帆发布时间:2023-11-03 09:14:00来源:中国新闻网 · 分享到: · 中国西藏网>即时新闻>博览 · 首页>要闻要闻
#   来源:新华社作者:倪红梅顾震球责任编辑:吕欣彤2014-07-10 07:28 · (责编:艾雯、张悦) · 国际资讯>>正文
PAGE_CHROME_RE = re.compile(
    r"^(?:本作品(?:收录于|来自).*|.*(?:维基文库|中华文库|自由的图书馆).*|跳(?:转到|至)内容|外观|目录|编辑"
    r"|发布机关:.*|Public domain.*|根据ST/AI/189.*|官方纪录\(.*|带有联合国标志.*|主要设计通知公众.*"
    r"|您现在的位置.*|.{0,10}发(?:稿|布)时间.*|来源:.{0,80}|\(责编:.{0,30}\)|相关新闻.*|设为首页.*|新闻热线.*|责任编辑.*|分类:.*"
    r"|分享到:?.{0,20}|首页>.*|.{0,60}>正文|[^>。,]{1,20}>[^>。,]{1,20}>[^>。,]{0,20})$"
)

# A labelled field of an un.org page or an encyclopedia's infobox; the value may
# be in the next line or table cell (a bare label).
#   Resolution number:S/RES/2396(2017) · Resolution Date:21 December 2017 · 文件号: · 文件日期:
#   发布日期:2001年9月28日 · 发布机构:联合国安理会 · 中文名:联合国安理会第1373号决议
#   日期|2013年5月2日| · 会议|6959| · 编号|S/RES/2102(文件)|  (zh.wikipedia's infobox table)
FIELD_RE = re.compile(
    r"^" + named("label", "Resolution number|Resolution Date|Document symbol|Symbol|Date"
                          "|文件号|文号|文件日期|发布日期|通过日期|日期|发布机构|中文名|外文名|会议|编号")
    + r"(?::" + named("value", ".{0,40}") + ")?$"
)

# An English date anywhere in a header line (a masthead cell, an un.org field).
#   安全理事会|Distr.:General 15 November 2018| · 12 May 2013 · 28 March 2019
ENGLISH_DATE_RE = re.compile(
    r"(?<!\d)" + named("md", r"\d{1,2}") + " ?" + named("mmon", "January|February|March|April|May|June|July"
                                                       "|August|September|October|November|December")
    + " ?" + named("my", YEAR) + r"(?!\d)"
)

# "At its Nth meeting on DATE" inside a statement's opening.
#   安全理事会主席在2012年5月4日安全理事会第6765次会议上
#   安全理事会主席在2010年9月27日举行的安全理事会第6390次会议上 (举行的 before the council)
#   2022年3月25日于联合国总部大楼 (在联合国安全理事会第9004次会议上)  (wikisource's header cell)
MEETING_MENTION_RE = re.compile(
    r"(?:在)?" + DATE + r"(?:于[^()\d]{1,12}\s?\(在)?(?:举行的)?(?:联合国)?(?:安全理事会|安理会)?"
    + r"(?:举行的)?第" + named("meeting", r"\d{1,5}") + r"次会议"
)

# The agenda item of a statement.   题为“恐怖行为对国际和平与安全造成的威胁”的项目
AGENDA_ITEM_RE = re.compile(r"题为[“\"]" + named("item", r"[^”\"]{2,200}") + r"[”\"]的(?:项目|议题|议程项目)")

# The council line that opens a resolution's preamble.   安全理事会,
COUNCIL_LINE_RE = re.compile(r"^(?:联合国)?(?:安全理事会|安理会)[,:]?$")

# A letter's heading (and its annex's).
#   2020年12月30日突尼斯常驻联合国代表给秘书长的信
#   2020年12月30日突尼斯常驻联合国代表给秘书长的信的附件
#   2014年12月30日…常驻联合国代表分别给秘书长和安全理事会主席的同文信
LETTER_TITLE_RE = re.compile(
    r"^" + DATE + named("sender", r"[^给]{2,60}?") + "(?:分别)?给" + named("recipient", r"[^的]{2,40}?")
    + r"的(?:同文信|信|函|普通照会)" + named("annex", r"的附件(?:[一二三四五六七八九十\d]{0,3})?") + r"?$"
)

# A bare annex heading.   附件 · 附件二
ANNEX_LINE_RE = re.compile(r"^附件[一二三四五六七八九十\d]{0,3}$")

# A signature line.   塔里克·拉德卜(签名)
SIGNATURE_RE = re.compile(r"^" + named("name", r"[^()]{2,40}") + r"\((?:签名|签字)\)$")

# A paragraph's printed number.   1.强调… · 27.决定继续积极处理此案。 · 4.2001年以来
# (normalization removed the space after "4.", so a digit may follow)
#   1、决定… (web reprints of resolutions number their paragraphs so)
OPERATIVE_NUMBER_RE = re.compile(r"^" + named("n", r"\d{1,3}") + r"[.．、]")

# A resolution with one operative paragraph leaves it unnumbered (UN style): the
# last paragraph then opens with an operative verb and ends the sentence with 。
# where every preambular one ends with a comma.
#   决定:(a)要求有关各方立即执行…;(b)将…任务期限延长三个月…;(c)请秘书长在这段期间终了时,
#   提出关于…的报告。 (S/RES/368 (1975); S/RES/408 (1977) likewise)
UNNUMBERED_OPERATIVE_RE = re.compile(
    r"^(?:又|还)?" + alt("决定", "请", "要求", "指示", "授权", "促请", "吁请") + r"[\s\S]*。$"
)

# A sub-item of a paragraph.   (a)会员国在履行… · –评估风险… · a、… · 1、…
SUBITEM_RE = re.compile(r"^(?:\([a-z]\)|\((?:i|ii|iii|iv|v|vi|vii|viii|ix|x)\)|[–—]|[a-z][、.)]|\d{1,2}、)")

# A meeting described in running text: the next sentence after a date and
# time says it is held.
#   会议将以虚拟形式于2021年1月12日上午8时30分举行
#   此次通报会将是部长级的虚拟会议,于2021年1月12日上午8时30分举行
# (The sentence around it is checked in code; a leading context group here
# made the pattern scan 40 characters back at every position: slow.)
MEETING_HELD_RE = scanning(DATE + TIME + r"?" + r"(?P<after>[^。;]{0,6}?)举行")

# *** Citation patterns ***
#
# Lists of resolutions are NOT matched by one regex: ``ITEM(?:JOIN ITEM)*决议``
# backtracks through every item at every start when no 决议 closes the run
# (quadratic on long footnote lists).  Instead the items below are found one
# by one (each match is bounded), and extract/citations.py chains items whose
# gap is a LIST_JOIN_RE and checks for RES_CLOSE_RE after the last one.

# A Security Council resolution symbol; encyclopedia pages leave out the year
# (the extractor takes it from the year table).
#   S/RES/2129(2013) · S/RES/2467(2019) · S/RES/1373 (Document)
SC_RES_SYMBOL = r"S/RES/" + named("num", counted(4)) + r"(?:\(" + named("year", YEAR) + r"\))?"
# A presidential statement symbol.   S/PRST/2005/64 · S/PRST/2012/17
PRST_SYMBOL = r"S/PRST/" + named("year", YEAR) + "/" + named("num", counted(3))
# A General Assembly resolution symbol.   A/RES/60/288 · A/RES/66/10
GA_RES_SYMBOL = r"A/RES/" + named("session", counted(2)) + "/" + named("num", counted(3))
# A General Assembly resolution of the first thirty sessions, numbered with
# its session in Roman numerals.   A/RES/2625(XXV) · A/RES/3314(XXIX)
GA_RES_ROMAN_SYMBOL = r"A/RES/" + named("num", counted(4)) + r"\(" + named("session", "[IVXL]{1,6}") + r"\)"
# Resolutions of other UN organs, by session or year (printed on their own
# mastheads; cited documents of kind "document" in the graph).
#   A/HRC/RES/40/16 · A/HRC/RES/35/3 (Human Rights Council) · E/RES/2004/28 (ECOSOC)
#   E/CN.4/RES/2004/87 (Commission on Human Rights)
OTHER_RES_SYMBOL = (
    r"A/HRC/RES/\d{1,2}/\d{1,3}|E/RES/" + YEAR + r"/\d{1,3}|E/CN\.4/RES/" + YEAR + r"/\d{1,3}"
)
# Council documents before 1994, numbered without a year.
#   主席声明(S/23500) (the summit statement of 31 January 1992)
OLD_DOC_SYMBOL = r"S/\d{4,5}"
# Press releases of the Council and the Assembly, with a joint release's
# second number.  Cited only as documents (…号文件, in parentheses): bare in a
# header line (联合国新闻稿  SC/12206  2016年1月15日) it is the page's own.
#   2003年6月12日SC/7791-IK/365号文件 · 安全理事会 SC/7158 第4385次会议 (its own)
PRESS_SYMBOL = r"(?:SC|GA)/\d{4,5}(?:-[A-Z]{1,4}/\d{1,4})?"
# Other document symbols: Council and Assembly documents, with any addendum,
# revision or corrigendum.   S/2015/939 · A/64/297 · S/2021/1080/Add.1 · S/2016/49/Rev.1
DOC_SYMBOL = (
    named("organ", "[SA]") + "/" + named("series", r"\d{2,4}") + "/" + named("num", r"\d{1,5}")
    + named("suffix", r"(?:/(?:Add|Rev|Corr|ADD|REV|CORR)\.\d{1,3})*")
)

# Any symbol printed in the text.
#   (A/RES/60/288) · S/2018/1177 · S/PRST/2005/64 · 大会第A/RES/66/10号决议 · A/RES/2625(XXV)
#   A/HRC/RES/40/16
SYMBOL = (
    r"(?<![A-Za-z0-9/])(?:"
    + prefixed("res", SC_RES_SYMBOL) + "|" + prefixed("prst", PRST_SYMBOL) + "|"
    + prefixed("ga", GA_RES_SYMBOL) + "|" + prefixed("gar", GA_RES_ROMAN_SYMBOL) + "|"
    + named("other", OTHER_RES_SYMBOL) + "|" + prefixed("doc", DOC_SYMBOL) + "|"
    + named("old", OLD_DOC_SYMBOL) + "|" + named("press", PRESS_SYMBOL) + r")(?![0-9/])"
)
SYMBOL_RE = scanning(SYMBOL)

# An undocs.org link (source lines, not normalized text).
#   https://undocs.org/ch/S/RES/2467(2019) · https://undocs.org/zh/S/2015/939
UNDOCS_URL_RE = re.compile(
    r"https?://(?:www\.)?undocs\.org/(?:(?:ch|zh|en|fr|ru|es|ar)/)?" + named("symbol", r"[A-Za-z0-9/().\-]+")
)

# One item of a resolution list (used by extract/committees.py):
# an optional date, 第, number, optional year.
#   2007年12月10日第1787(2007)号 · 第1373(2001)号 · 1267(1999) · 第2122号
RES_ITEM = (
    r"(?:" + prefixed("i", DATE) + r"的?)?第?" + named("num", r"\d{1,4}")
    + r"(?:\(" + named("year", YEAR) + r"\))?号?"
)
RES_ITEM_RE = scanning(r"(?<![\d/A-Za-z])" + RES_ITEM)
# Words that join the items of a list.   、 · 和 · 以及 · ,
LIST_JOIN = alt("、", "和", "及", "以及", ",", "或", "与")

# What joins two items of a list of resolutions before a committee: a list
# word, after 决议 when the lists chain (…号决议和第…号决议所设委员会).
# extract/committees.py chains RES_ITEM_RE matches with it, one item at a time:
# a regex ITEM(?:JOIN ITEM)*决议 backtracked quadratically where no 决议 came.
#   、 · 和 · 号决议和 (the 决议和 of 第1267(1999)号决议和第1989(2011)号决议所设委员会)
RES_ITEMS_JOIN_RE = re.compile("(?:决议)?" + LIST_JOIN)

# A resolution number in Chinese numerals, digit by digit (3-4 digits: no
# Council resolution cited in these texts has fewer) or positional.
#   第一六二四號決議 · 二一七八號決議 · 第一千三百七十三号 · 第二千一百七十八号
_CN_D = "一二三四五六七八九"
_CN_TAIL = f"(?:[零〇]?[{_CN_D}]?十)?[{_CN_D}]?"
CN_RES_NUM = (
    f"[〇零{_CN_D}]{{3,4}}"
    + f"|[一二两]千(?:[零〇]|[{_CN_D}]百)?" + _CN_TAIL
    + f"|[{_CN_D}]百" + _CN_TAIL
)

# The pinyin machine-converted pages put after a character, read through
# here in case normalization left it (the 号 of 第2199號(hào)和第2253號(hào)決議).
PINYIN = r"(?:\([a-z\u00e0-\u01dc]{1,6}\))"

# One cited Security Council resolution: what may precede the number (a date,
# with or without 通过的; the year alone, in parentheses or not), 第, the
# number in Arabic or Chinese numerals, the year in parentheses, 号.
#   2007年12月10日第1787(2007)号 · 第1373(2001)号 · 1267(1999) · 第2122号 · 第 1267 (1999) 号
#   二零零一年六月十九日通過的第1356(2001)號 (Macao gazette) · (2001年)第1373号决议 (usinfo news)
#   2005年第1624号决议 · 第一六二四號決議 · 第一三七三(二〇〇一)号
#   一九七三年十月二十二日第338(1973)号、十月二十五日第340(1973)号…等决议 (a later item's
#   date without its year: the list goes on, but it gives no date)
#   United Nations Security Council Resolution 779(1992年) (zh.wikipedia with link noise)
# Not after "." or a letter: WHA58.3号决议 is the World Health Assembly's.
_MONTH_DAY = r"(?:\d{1,2}|[一二三四五六七八九十]{1,2})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日"
CITE_ITEM_RE = scanning(
    r"(?<![\d/A-Za-z.])"
    + r"(?:(?:" + prefixed("i", DATE) + "|" + _MONTH_DAY + r")(?:通过)?的?"
    + r"|\(" + named("pyear", YEAR) + r"年\)|" + named("qyear", YEAR) + r"年(?:通过的)?)?"
    + r"第?(?:" + named("num", r"\d{1,4}") + "|" + named("cnum", CN_RES_NUM) + r")(?!\d)"
    + r"(?:\((?:" + named("year", YEAR) + "|" + named("cyear", f"[一二][〇零{_CN_D}]{{3}}") + r")年?\))?"
    + r"(?:号" + PINYIN + "?)?"
)
# What may join two items: LIST_JOIN, or nothing at all after an item that
# ends in its year or 号 (web copies that lost their separators; checked in code).
#   第1373(2001)、1267(1999) · 第1267(1999)号和第1989(2011)号 · 2630(2022)2609(2021)号决议
LIST_JOIN_RE = re.compile(LIST_JOIN)
# What closes a list of Council resolutions: 决议, maybe after 等 and a few
# words, or after a count.  Anything but a bare 决议 needs the last item to
# end in 号 or its year (checked in code): 20多项决议 counts, it cites nothing.
#   …号决议 · 第1373号、第1624号和第2178号等决议 · 第1267(1999)号等有关决议
#   第2713号和第2714号两项决议 (Xinhua) · 第1373及1624、2396、2462、2482号等安理会反恐相关决议
#   (China's mission, 2021)
RES_CLOSE_RE = re.compile(
    r"决议|等[^,;:。、()\d]{0,12}?决议|(?:有关|相关|各项|多项|一系列|[两二三四五六七八九十]项)决议"
)
# A Council resolution named after the word 决议 (news).
#   安理會決議2678號將聯阿援助團任務時間延長 · 安理会决议第2178(2014)号
RES_AFTER_RE = re.compile(
    r"(?:安理会|安全理事会)的?决议第?"
    + r"(?:" + named("num", r"\d{1,4}") + "|" + named("cnum", CN_RES_NUM) + r")(?!\d)"
    + r"(?:\(" + named("year", YEAR) + r"\))?号"
)

# A presidential statement cited in the web form of its title.
#   联合国安理会主席声明2003年第16号 · 安全理事会主席声明2004年第31号 · 主席声明2012年第17号
PRST_CITE_RE = re.compile(
    r"主席(?:的)?声明" + named("year", YEAR) + "年第" + named("num", counted(3)) + r"号(?!决议)"
)

# What may follow a symbol that stands alone in its block, as in an official
# masthead (the line after 联 合 国): the document's own symbol, never a citation.
#   A/HRC/RES/40/16 · A/61/1(SUPP) · S/RES/2395 (2017)*
MASTHEAD_SYMBOL_RE = re.compile(r"(?:\([A-Z]{2,8}\))?\*?")

# A date right before a printed symbol: the cited document's date.
#   2014年12月18日S/PRST/2014/28号 · 2006年10月6日(S/PRST/2006/41)
DATE_BEFORE_SYMBOL_RE = re.compile(DATE + r"的?\(?$")

# A General Assembly resolution of the first thirty sessions, by number and
# Roman session: no Council resolution has a Roman numeral for its year.
#   大会1970年10月24日第2625(XXV)号决议 · 第3314(XXIX)号决议
GA_RES_ROMAN_RE = scanning(
    r"(?<![A-Za-z/\d])" + "(?:" + prefixed("i", DATE) + "的?)?" + "第?"
    + named("num", counted(4)) + r"\(" + named("session", "[IVXL]{1,6}") + r"\)号?决议"
)

# One resolution numbered by session (General Assembly, Human Rights Council)
# or by year (Economic and Social Council, Commission on Human Rights),
# without its symbol's letters; chained and closed like CITE_ITEM_RE.
#   第64/235号 · 2009年12月24日第64/235号 · 66/10 · 人权理事会第5/1号 · 人权委员会2004年4月21日第2004/87号
SESSION_ITEM_RE = scanning(
    r"(?<![A-Za-z/\d.])" + "(?:" + prefixed("i", DATE) + ")?" + "第?"
    + named("session", YEAR + "|" + counted(2)) + "/" + named("num", counted(3)) + r"(?!\d)号?"
)

# The name of an organ ending right before a list (after any date): whose
# resolutions they are.  A bare 的 is not allowed between them: in
# 设立反恐怖主义委员会的2001年9月28日第1373(2001)号决议 the committee is the object.
# The organ is classified in code by what precedes the suffix (安全理事会 but
# not 和平与安全理事会; 大会 but not 世界卫生大会).
#   欧洲联盟理事会第…号决议 · 人权理事会第35/21号决议 · 大会2009年12月24日第64/235号决议
#   阿拉伯国家联盟理事会第…号决议 (its resolutions run to 4942 by 1989) · 经济及社会理事会第2004/28号决议
# Commissions and conferences of parties number their resolutions by session
# too (麻醉药品委员会第56/1号决议, 缔约国会议第5/1号决议): "other" before a list
# by session.  Before a Council list a committee is its subject, not its author
# (1540委员会第1540(2004)号决议执行情况): the extractor ignores 委员会 and 会议 there.
ORGAN_BEFORE_RE = re.compile(
    named("organ", "理事会|安理会|大会|联大|委员会|会议|组织|联盟|议会|国会|欧盟|非盟|东盟|阿盟")
    + r"(?:" + prefixed("o", DATE) + r"|" + YEAR + r"年)?(?:通过的)?$"
)
# Every organ word in a sentence, for a list by session that has none right
# before it.   人权理事会2007年6月18日关于理事会体制建设的第5/1号决议 (the organ is
# 人权理事会, not the 理事会 inside the topic)
ORGAN_WORD_RE = re.compile(r"理事会|安理会|大会|联大|委员会")
# Other assemblies and councils whose names end like the UN's (not exhaustive:
# these are the ones these texts name).   世界卫生大会 · 缔约方大会 · 和平与安全理事会
OTHER_ORGAN_PREFIX_RE = re.compile(
    r"(?:卫生|代表|缔约方|缔约国|议会|劳工|联盟|组织|机构|全体)大会$|和平与安全理事会$"
)

# *** Semantics patterns ***
# (bodies, clauses, mandates, directives, reporting duties; body names
# themselves come from data/bodies.toml and are compiled in extract/bodies.py)

# What follows the last item of a list of resolutions that names a committee
# or office by the resolutions that set it up (the items are RES_ITEM_RE,
# joined by RES_ITEMS_JOIN_RE, chained in extract/committees.py).
#   第1267(1999)号和第1989(2011)号决议所设委员会 · 第1540(2004)号决议所设委员会
#   第1373(2001)、1267(1999)、1989(2011)、2253(2015)和1540(2004)号决议所设各个委员会
#   第1267(1999)号和第1989(2011)号、第1373(2001)号和第1540(2004)号决议设立的承担反恐任务的各个委员会
#   第1904(2009)号决议所设监察员办公室
#   第1373號決議(2001年9月28日)所設委員會(反恐怖主義委員會) (S/PRST/2002/26, wikisource):
#   the adoption date in parentheses after 决议
COMMITTEE_AFTER_RESOLUTIONS_RE = re.compile(
    r"决议(?:\(" + unnamed(DATE) + r"\))?"
    + r"(?:所设立?|设立)的?(?:承担[^,;。]{0,12}?任务的)?(?:各个|各|两个|三个|这些)?"
    + named("kind", "委员会|监察员办公室")
)

# An abbreviation defined in parentheses after a long name (CJK only, 2-10
# characters, quoted or not; whether its characters appear in order in the
# long name is checked in code).  A second name may follow it inside the
# parentheses (又称…: ALIAS_PHRASE_RE reads that one).
#   联合国区域间犯罪和司法研究所(犯罪司法所) · 反恐怖主义委员会执行局(反恐执行局)
#   第1267(1999)号、第1989(2011)号和第2253(2015)号决议所设委员会(“委员会”)
#   伊拉克和黎凡特伊斯兰国(伊黎伊斯兰国,又称达伊沙) (S/RES/2734 (2024))
ABBREVIATION_RE = re.compile(
    r"\([“\"]?" + named("short", f"[{CJK}]{{2,10}}") + r"[”\"]?"
    + r"(?:\)|(?=[,;](?:又称|亦称|也称)[^()]{2,16}\)))"
)

# An alias introduced in words.   …所设委员会,又称为反恐怖主义委员会 · 下称“反恐执行局”
#   (以下简称“执行局”) · (以下称反恐办)   (以下 is part of the phrase, so the
#   phrase starts right after the name or its "(")
ALIAS_PHRASE_RE = scanning(
    r"(?:又称为?|亦称为?|也称为?|(?:以下)?简称为?|以下称为?|下称)[“\"]?"
    + named("short", f"[{CJK}]{{2,16}}?")
    + r"(?=[”\",;。)]|$)"
)

# Words that may precede a clause's verb and are not part of it.
#   又请 · 还重申 · 再次呼吁 · 特别回顾 · 并指示
VERB_MODIFIERS = (
    "又", "还", "再次", "特别", "并", "仍然", "也", "进一步", "同时", "因此", "为此", "在这方面",
)

# Verbs that, after a bare comma (or ,并), continue the current act as one of
# its predicates rather than open a new one: a request's task often reads
# …合作,支持会员国…,并每年向委员会报告, and the report still belongs to the request.
# (表示, 请, 决定, 欢迎… open a new act: …口头报告,表示安理会打算…)
CONTINUING_VERBS = frozenset({
    "supports", "recognizes", "notes", "concerned", "looks-forward", "expresses-intention",
    "will-continue", "acknowledges", "bears-in-mind", "convinced", "determined", "affirms",
})
# Modifiers that keep such a verb in the current act.   ,并支持… · ,同时注意…
CONTINUING_MODIFIERS = ("", "并", "同时")

# An addressee before the verb, in statements.
#   向恐怖主义受害者家属表示哀悼 · 对遇难者家属表示深切同情 · 向所有参与者致以谢意
ADDRESSEE_FIRST_RE = re.compile(r"(?:向|对)[^,;:。]{1,30}?(?=表示|致以)")

# An item mark after a clause break, skipped before the clause's verb.
#   决定:(a)要求有关各方…;(b)将…延长六个月…;(c)请秘书长… (S/RES/368 (1975), S/RES/408 (1977))
# Items on lines of their own keep the line break after the break mark:
#   决定:\n(a)要求有关各方…;\n(b)将…;\n(c)请秘书长… (S/RES/368 (1975))
CLAUSE_ITEM_RE = re.compile(r"\s*(?:\((?:[a-z]|[ivx]{1,4})\)|[a-z][、.)](?=[" + CJK + "]))")

# Where a clause may start: after , ; or : (normalized, so ASCII), and after
# 。 inside a paragraph (a statement's next sentence: …。安全理事会请秘书长…).
# A Wikipedia reference mark ends a sentence whose 。 the copy lost:
#   …并排除地雷[2]决议案也要求联合国秘书长…于1997年7月5日前,向安理会报告 (c-zwnes-wikipedia-hant-res1093-…)
CLAUSE_BREAK_RE = re.compile(r"[,;:。]|\[\d{1,3}\]")

# The subject that opens a statement's paragraph.   “安全理事会再次… · 安理会…
# (no ^: used with .match(text, pos), which anchors at pos)
STATEMENT_SUBJECT_RE = re.compile(r"[“\"]?(?:安全理事会|安理会)")

# The subject that opens a sentence reporting an act in news and summaries (type other).
#   决议要求联合国秘书长每月向安理会报告 (新华社 on S/RES/2742 (2024)) · 决议还要求联合国秘书长每隔60天…
#   这项决议促请联合国秘书长… · 决议案也要求… · 安理会在决议中表示…
#   安理会决议2679号则要求联合国秘书长在2023年11月17日前… (b-tibet-2023-res2678-2679-hant-footer)
_REPORTED_RES = r"(?:这项|该项?|此项|这一)?(?:第?\d{1,4}号)?决议案?(?:第?\d{1,4}号)?(?:中)?"
REPORTED_SUBJECT_RE = re.compile(
    r"[“\"]?(?:(?:联合国)?(?:安理会|安全理事会)(?:通过的)?(?:" + _REPORTED_RES + "|在决议中)?"
    + "|" + _REPORTED_RES + ")则?"
)

# 提请…注意, with the addressee inside.   提请会员国注意 · 提请注意
DRAW_ATTENTION_RE = re.compile(r"提请" + named("who", r"[^,;。]{0,12}?") + "注意")

# A number of time units: a mandate's duration, a deadline's delay.
#   24个月 · 三年 · 30个月 · 一年 · 18个月 · 90天 · 两周 · 半年
# (not the 015年 of 2015年: no digit before)
COUNT = rf"(?<!\d)(?:\d{{1,3}}|[{CN_NUMERAL}]{{1,4}})"
PERIOD = (
    "(?:" + named("pn", COUNT) + named("pu", "个月|年|天|日|周|个星期") + "|" + named("half", "半年") + ")"
)

# End of a mandate period; the date is the last day.
#   在2017年12月31日终了的期间内 · 延长至2013年12月31日 · 任务期限延至2025年12月31日
#   延长反恐执行局的任务期限至2021年12月31日 · 任期至2007年12月31日止
#   …运作,直至2025年12月31日 · 任务期限延长至2024年6月 (a month: its last day)
#   延长三年,至2026年6月30日止 · 任期延长12个月至2013年7月31日 · 延长一年至2012年7月31日
#   继续作为一项特别政治任务运作至2025年12月31日 · 任务期限于2021年12月31日届满
#   (not 于2017年12月17日到期之日起: a start)
MANDATE_END_RE = re.compile(
    r"(?:在|于)?" + DATE + r"(?:终了|结束|截止)的(?:期间|期限|时期)(?:内)?"
    r"|(?:(?:延长|延|继续|展期|任务期限|任务|任期|期限|运作)(?:延长|延)?|(?<=[,月年天起]))(?:至|到)(?:在)?"
    + "(?:" + prefixed("x", DATE) + "|" + prefixed("x", MONTH) + ")" + r"(?:止|为止)?"
    + r"|(?:直至|直到|截至)" + "(?:" + prefixed("z", DATE) + "|" + prefixed("z", MONTH) + ")"
    + r"|(?:在|于)" + prefixed("e", DATE) + r"(?:届满|到期|结束|终止)(?!之日|时)"
)
# A mandate's length, when the text gives a period rather than (or besides) its end.
#   将其任务期限延长24个月 · 延长三年,至2026年6月30日止 · 将监察员办公室的任务期限延长30个月
#   再延长18个月 · 为期12个月 · 延长为期十二个月 · 任期延长半年
# (not 延长…个月内: a delay, not a period)
#   设立一个专家小组,任期一年 (新华社 on S/RES/1874 (2009)) · 任期为18个月
MANDATE_DURATION_RE = re.compile(
    r"(?:(?:再|另)?(?:延长|延期|展期)了?(?:为期)?|为期|任期为?)" + PERIOD + r"(?![之以]?内)"
)
# A mandate's interim review.   决定最迟于2015年12月31日进行一次期中审查 · 最迟于2012年6月30日进行一次中期审查
#   在2023年12月31日之前进行一次期中审查 · 不迟于2005年12月31日对反恐执行局进行全面审查
#   在2020年6月30日之前进行审查
MANDATE_REVIEW_RE = re.compile(
    r"(?:(?:最迟|不迟|至迟)于(?:在)?|在|于)?" + DATE
    + r"(?:之前|以前|前)?(?:对[^,;。]{1,15}?)?进行(?:一次)?(?:期中|中期|全面)?审查"
)
# The start of a mandate period: a day, or the expiry of the current mandate
# (an event: the new period runs from it).
#   自2014年1月1日起 · 从2018年1月1日开始
#   自监察员办公室目前任务期限于2017年12月到期之日起 · 自本决议通过之日起
MANDATE_START_RE = re.compile(
    r"(?:自|从)(?:" + named("adoption", "本决议通过") + "|[^,;。]{0,24}?(?:"
    + DATE + "|" + prefixed("s", MONTH) + "))" + named("expiry", r"[^,;。]{0,4}?到期")
    + r"?(?:之日|时)?(?:起算|起|开始)"
)
# Words that make a 决定 clause about a mandate.
#   继续作为一项特别政治任务 · 延长…的任务 · 任务期限 · 成立…作为特别政治任务 · 为期18个月
#   监测小组和监察员授权延期36个月 (b-jinxun-2024-1267-renewal-spaces: 授权 is the mandate)
MANDATE_CUE_RE = re.compile(
    r"特别政治任务|任务期|任期|任务延长|授权(?:再)?(?:延期|延长)|延长[^,;。]{0,30}任务|继续作为|继续运作|为期"
    + unnamed(PERIOD)
)
# A task's owner: the name before (的)任务 / 任务期 / 任期, back to 将, 把,
# 延长 or the clause's punctuation.  The holders are the known bodies that
# end the name or one of its conjuncts (和, 、, 及), checked in code: the head
# of 委员会的监测组 is the Monitoring Team, and 专家小组和监察员办公室 names two.
#   将反恐执行局的任务期限延长至… · 延长监察员办公室和监测组的任务 · 将其任务期限延长24个月
#   将反恐执行局任务期限延长至… (no 的: the name must end right before 任务期)
#   将…第26段规定的专家小组任务期延长至… (no known body: no holder, and no guess)
#   最近延长了反恐执行局的任务期限 (b-fanyjok-ctc-about-us-mirror-lost-numbers: 了 after 延长)
#   将1267委员会监测小组和监察员授权延期36个月 (授权 as the mandate, before 延期/延长)
#   将这一特别政治任务延长至2025年12月31日 (任务 with no 的, before 延长)
MANDATE_HOLDER_RE = re.compile(
    r"(?:将|把|延长了?|^|(?<=[,;:]))" + named("who", r"[^,;。将把]{1,60}?")
    + r"(?:的(?:任务期限|任务期|任期|任务)|任务期|任期|(?:的?授权|任务)(?=(?:再)?(?:延期|延长|展期)))"
)
# A holder named by an anaphor: 其 (its), or 该/这一/此 with a head noun, which stands for
# the nearest body named before with that head (将该委员会的任期延长10年: the 1540委员会 named
# in the paragraph before, b-zjol-2011-c1540-extension-sg-statement), else for the
# sentence's body (将这一特别政治任务延长至2025年12月31日: the CTED of 延长了反恐执行局的任务期限).
ANAPHOR_RE = re.compile(
    r"^(?:其|" + named("det", "该|这一|此|这个") + named("head", f"[{CJK}]{{0,8}}") + ")$"
)
# A bracketed abbreviation that ends a name before the next one.
#   将1988制裁委员会(塔利班制裁委)监测小组授权延期14个月 (c-mjblv-2024-res2763-1988-team-14-months)
TRAILING_PAREN_RE = re.compile(r"\([^()]{1,12}\)$")

# A bracketed abbreviation right after a name, before a conjunction.
#   请反恐怖主义委员会(反恐委员会)和1267委员会在12个月内举行… (un.org summary of S/RES/2462 (2019))
LEADING_PAREN_RE = re.compile(r"\([^()]{1,12}\)")

# A mandate holder's modifiers kept out of its name.   反恐执行局作为一项特别政治任务的任务期限
#   将监测组目前的任务期限再延长18个月 · 监察员办公室现行任务期限
HOLDER_MODIFIER_RE = re.compile(r"(?:作为[^,;。]{0,12}?任务|目前|现行|现有|当前)$")
# Under whose guidance.   在反恐委员会的政策指导下运作 · 在委员会的指导下
#   接受反恐怖主义委员会(反恐委员会)的政策指导 (S/PRST/2005/64) · 在委员会的指示下
#   在委员会领导下开展工作 (S/RES/1985 (2011), pp)
GUIDANCE_RE = re.compile(r"(?:在|接受)(?P<who>[^,;。]{2,30}?)的?(?:政策)?(?:指导|指示|领导)")

# A deadline.   最迟于在2011年6月30日 · 最迟于2015年12月31日 · 在2015年12月31日之前 · 不迟于2019年6月30日
#   最迟在2019年6月30日 · 不晚于2019年6月30日 · 至迟于2009年5月15日 (S/RES/1857 (2008))
# A month means its last day: 最迟于2019年6月 · 在2019年6月底之前 (not 在2019年6月之前,
# which may mean before June begins); a year's end its last day: 在2022年底以前 · 最迟于2024年年底
_BY = r"(?:最迟|不迟|至迟|不晚)(?:于|在)(?:在)?"
DEADLINE_RE = re.compile(
    _BY + DATE + r"|(?:在|于)?" + prefixed("b", DATE) + r"(?:之前|以前|前)"
    + r"|" + _BY + prefixed("m", MONTH)
    + r"|(?:在|于)?" + named("n_ey", YEAR) + "年" + named("n_em", r"\d{1,2}") + r"月(?:底|末)(?:之前|以前|前)"
    + r"|(?:" + _BY + "|(?:在|于)?(?=" + YEAR + r"年年?(?:底|末)(?:之前|以前|前)))"
    + named("yend", YEAR) + r"年年?(?:底|末)(?:之前|以前|前)?"
)

# A deadline counted from the document's own date: its adoption, or "now".
#   在本决议通过后9个月内 · 自本决议通过之日起180天内 · 在本决议通过后六个月内
#   在30天内 · 在60天内 · 在今后十二个月内 (S/RES/1624 (2005) op 6 (c))
# (not 最迟在获得任命后30天内, counted from an appointment, nor 结束前30天)
#   不迟于本决议通过后120天 · 最迟在本决议通过之日后90天 (a day counted, no 内)
RELATIVE_DEADLINE_RE = re.compile(
    r"(?:(?:(?:在|于)(?:(?:本决议|本声明)通过(?:后|之日起|之日后))?|自(?:本决议|本声明)通过之日起)(?:今后)?"
    + named("n", rf"\d{{1,3}}|[{CN_NUMERAL}]{{1,6}}")
    + named("unit", "个月|天|日|周|个星期|年") + r"(?:之|以)?内"
    + r"|" + _BY + r"?(?:本决议|本声明)通过(?:后|之日起|之日后)"
    + prefixed("x", named("n", rf"\d{{1,3}}|[{CN_NUMERAL}]{{1,6}}")
               + named("unit", "个月|天|日|周|个星期|年"))
    + ")"
)

# A deadline counted from the end of a mandate period the same text gives (its
# last day, found by MANDATE_END_RE before it); a delay before it counts back.
#   至少在支助团新任期结束前1个月 (b-comemg-2024-res2742-hant-news: 2025-07-14 → 2025-06-14)
#   在这段期间终了时 (S/RES/368 (1975)) · 在这一期限终了时 (S/RES/408 (1977))
#   在本次任务期限终了前 (S/RES/1263 (1999)) · 最迟在其任务期限结束前30天
END_DEADLINE_RE = re.compile(
    r"(?:(?:最迟|至迟|不迟于?|至少)(?:在|于)?|在|于)"
    r"(?:其|本次|这段|这一|该|此|新|[^,;。在于]{1,12}?的?新?)?(?:任务期限|任务期|任期|期间|期限|授权期)"
    r"(?:终了|结束|届满|期满|到期)" + r"(?:时|前|之前|以前)"
    + r"(?:" + named("n", rf"\d{{1,3}}|[{CN_NUMERAL}]{{1,4}}") + named("unit", "个月|天|日|周|个星期") + ")?"
)

# How often a body must report.
#   至少每隔180天 · 每隔6个月 · 至少每年一次 · 每年两次 · 每年至少两次 · 每季度 · 每两年 · 每年 · 定期
#   至少每两年一次 · 每隔90天 · 每半年 · 每两个月 · 每45天 (S/RES/1263 (1999)) · 每月 · 此后每六个月
#   年度报告 · 季度报告
FREQUENCY_RE = re.compile(
    r"(?:至少)?每隔?" + named("days", r"\d{1,3}|[" + CN_NUMERAL + r"]{1,4}") + r"(?:天|日)(?:一次)?"
    r"|(?:至少)?每隔?" + named("months", r"\d{1,2}|[" + CN_NUMERAL + r"]{1,3}") + r"个月(?:一次)?"
    r"|(?:至少)?(?:每|一)年(?:至少)?" + named("times", "[一二两三四]") + "次"
    r"|(?:至少)?每隔?" + named("years", r"\d|[一两二三四五]") + r"年(?:一次)?"
    r"|(?:至少)?每(?:半年|六个月)(?:一次)?"
    r"|(?:至少)?每(?:个)?季度?(?:一次)?"
    r"|(?:至少)?每" + named("unit", "年|月") + r"(?:一次)?"
    r"|" + named("annual", "年度") + r"(?=(?:工作)?报告)"
    r"|季度(?=报告)"
    r"|" + named("regular", "定期")
)
# How many times a year, apart from 每年.   每年向委员会提交两次书面报告
TIMES_RE = re.compile(named("times", "[一二两三四]") + "次")
# To whom a report goes.   向安理会口头报告 · 向委员会提出报告 · 向安全理事会提交报告
#   向安理会定期报告 (the frequency inside) · 向安全理事会通报情况
#   向大会汇报《战略》的进展情况 (UN News, 2010)
#   向第1267(1999)号和第1989(2011)号决议所设委员会报告 (S/RES/2178 (2014) op 7: a 32-character name)
#   向安全理事会提出全面评估 (S/RES/1263 (1999) op 3: an assessment the Council asks for)
#   向安理会提交一份支助团工作的审查报告 is a REPORT_WORD_RE; 向会员国提供一份报告 is a report
#   to someone else, so its words are no report to the Council either
REPORT_TO_RE = re.compile(
    r"向(?P<to>[^,;。向]{2,50}?)(?:(?:口头|书面|作|提出|提交|提供|通报)?(?:一份|一次)?"
    r"(?:和\(或\)书面|或书面|书面|口头)?(?:报告|通报|介绍|汇报)"
    r"|(?:提出|提交)(?:一份|一项)?(?:全面|书面)?评估)"
)
# A report with no recipient in its own words (the clause may name one
# before): a submission verb and 报告, or 报告/通报 (一次).
#   此后每六个月报告一次 · 每45天提出报告 · 每年提交一份报告 · 并每年向安全理事会报告一次
#   此后每三个月提出一次最新情况
#   (not the 作 of 合作 or 工作)
#   每年报告本决议的执行情况 · 每隔90天通报 (报告 right after a frequency; not 定期报告中 nor
#   在提交安理会的年度报告中: a report already due, named as the place of something else)
#   提供一份局势报告 (S/RES/1463 (2003)) · 提出关于观察团的活动的报告 (S/RES/858 (1993))
#   提出关于局势发展和…所采取的措施的报告 (S/RES/368 (1975))
#   (not 提出的报告 nor 提交的报告: a report someone made, named as a noun; nor
#   未及时提交报告的国家名单 (S/PRST/2003/17): the states' reports name the list)
REPORT_WORD_RE = re.compile(
    r"(?:提交|提出)(?:一份)?关于[^,;。]{1,60}?的(?:口头|书面)?报告(?![中里内])"
    r"|(?:提交|提出|提供|(?<![合工])作出?)(?!的)(?:[^,;。]{0,6}?)(?:口头|书面)?(?:报告|通报|最新情况|简报)(?![中里内的])"
    r"|(?:报告|通报|提交)(?:情况)?一次"
    r"|(?<=[年月天日度期])(?:口头|书面)?(?:报告|通报)(?![中里内])"
)
# Recurring reports after a first one: the first is their first instance.
#   在60天内向委员会提交报告,此后每六个月报告一次 · 随后每隔90天提交一次报告
THEREAFTER_RE = re.compile(r"(?:此后|之后|随后|其后)(?:至少)?每")

# Other activities a frequency may belong to: then it is not a reporting
# frequency.   每年举行会议 · 定期会议 · 每年审查名单 · 至少每年一次就委员会的工作举行非正式磋商
OTHER_ACTIVITY_RE = re.compile(r"举行|召开|会议|磋商|审查|审议|访问|更新|讨论")

# Where a clause's predicates part: punctuation and coordination (并, 以及,
# 和 before a predicate).   …合作,协助…,并每年向安全理事会报告一次 · 在60天内…,此后每六个月…
SEGMENT_BREAK_RE = re.compile(r"[,;:。]|并(?!且)|以及|和(?=向|每|在|定期|随时)")

# The head nouns of organisations the gazetteer does not hold: a 其 after one
# does not stand for a body named before it.
#   特别指出联合国阿富汗援助团的重要性,将其任务… · 专家小组 · 秘书长特别代表办事处
OTHER_ORG_HEAD_RE = re.compile(r"特派团|援助团|支助团|稳定团|观察团|专家小组|专家组|办事处|机制|部队")

# Establishing a body: the body named right after is the one a mandate is about.
#   决定成立反恐怖主义委员会执行局,作为一项特别政治任务 · 决定设立监察员办公室,为期18个月
ESTABLISH_RE = re.compile(r"(?:成立|设立|建立)(?:一个)?")

# A mandate clause that extends (from the current end) rather than establishes
# (from adoption).   延长24个月 · 再延长18个月 · 延长…的任务期限,为期24个月 (not 设立…,为期12个月)
EXTENSION_RE = re.compile(r"(?:再|另)?(?:延长|延期|展期)")

# The actor of a sentence that reports a Council act, in news and summaries.
#   决议要求联合国秘书长每月向安理会报告 · 联合国安理会8日一致通过第2742号决议,将…任期延长12个月
#   这项决议促请联合国秘书长… (新华社 on S/RES/2642 (2022)) · 安全理事会第号决议最近延长了…
ACT_SOURCE_RE = re.compile(r"决议|安理会|安全理事会")

# A year with no day, by a reported act's actor: the act is background the item recalls.
#   2004年,安理会通过第1540号决议 · 安理会2014年通过决议 · 联合国安理会2019年1月决定成立…
#   (not 2024年6月10日,联合国安理会通过决议: the day of the act reported)
BACKGROUND_YEAR_RE = re.compile(YEAR + r"年(?!\d{1,2}月\d{1,2}日)(?:\d{1,2}月)?(?!\d)")

# What joins a subject to its task when no verb comes first: a passive or a modal.
#   联合国秘书长被责成在2024年底之前 · 联合国秘书长必须每90天向安理会报告
#   反恐怖主义委员会主席会在2003年10月31日前将…送交安全理事会 (S/PRST/2003/17) · 监察员应每六个月…
#   (a title between: 主席, 科菲·安南)
# An exception clause may part the subject from its modal (S/RES/186 (1964) op 4, old style):
#   秘书长除使提供该军部队各国政府随时充分知悉情况外,并应按期向安全理事会报告该军之行动情形
SUBJECT_MODAL_RE = re.compile(
    r"(?:除[^,;:。]{1,40}外,(?:并|还|也|亦)?)?"
    r"(?:主席)?(?:" + named("passive", "被(?:责成|要求|请求?)") + "|必须|应当|应该|应|须|会)"
)

# Words joining coordinated names.   委员会和反恐委员会 · 监察员办公室、监测组 · 以及
# (not 与, nor a 和 that means "with": 秘书长与反恐执行局协商 · 秘书长和反恐执行局合作)
CONJUNCTION_RE = re.compile(r"以及|和|、|及")
WITH_RE = re.compile(r"协商|合作|磋商|协调|一道|一起|共同|密切")

# Nouns that make a body's name a modifier of another actor or office: the
# clause is then about that actor, not the body.
#   请秘书长特别代表… · 向秘书长特使报告 · 在秘书长特别代表的领导下 · 秘书长办公厅
NOT_HEAD_RE = re.compile(r"的?(?:特别代表|特使|个人代表|高级代表|特别顾问|办公厅|办事处)")

# *** Small character classes used by single modules ***

# Sentence punctuation: a line without it is a heading or a title.
#   背景 · 会员国执行安全理事会第1373(2001)号决议和其他相关决议情况全球调查 (no match)
SENTENCE_PUNCT_RE = re.compile(r"[。;:?!,”]")

# The end of a footnote in "block" layout: its sentence ends the line.
#   …第2396(2017)号决议。 · 见S/2015/939; (normalized or not: 。；? and ASCII)
FOOTNOTE_END_RE = re.compile(r"[。;；?？!！]\s*$")

# A statement paragraph opening with the Council in quotes: the text has begun.
#   “安全理事会重申… · "安理会强调…
QUOTED_COUNCIL_RE = re.compile(r"^[“\"](?:安全理事会|安理会)")

# A meeting held online.   会议将以虚拟形式…举行 · 以视频会议形式 · by videoconference
VIRTUAL_MEETING_RE = re.compile(r"虚拟|视频|线上|在线|videoconference|virtual", re.I)

# Chinese prose always holds some of these; random CJK (a misdecoded binary
# file, UTF-16 read the wrong way round) almost never does.   安全理事会决定… · 第1373号
COMMON_CHINESE_RE = re.compile("[的和在与对为国会是了及其决议号第年月日安理事委员联合]")

# A meeting's number inside a sentence.   第8496次会议 · 在第6765次会议上
MEETING_NUMBER_RE = re.compile(r"第(\d{1,5})次会议")

# *** SPARQL query text (raw, not normalized: used by ct2rdf.sparql) ***

# A prefix declaration of a query's prologue, at the start of a line or right
# after the previous declaration's IRI; a commented-out one (# PREFIX …) is not.
# The empty prefix and non-ASCII names (SPARQL's PN_PREFIX) count.
#   PREFIX ct: <https://w3id.org/ct2rdf/ontology#>        (queries/*.rq)
#   prefix dc:   <http://purl.org/dc/elements/1.1/>        (SPARQL 1.1 §2.1, lower case)
#   PREFIX : <http://example.org/book/> PREFIX ns: <http://example.org/ns#>
SPARQL_PREFIX_RE = re.compile(
    r"(?:^|(?<=>))[ \t]*PREFIX\s+" + named("name", r"(?:[^\W\d_][\w.-]*)?") + r":\s*<"
    + named("iri", r"[^<>\"{}|^`\\\s]*") + ">",
    re.I | re.M,
)
