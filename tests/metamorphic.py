"""Text transformations that must not change what ct2rdf reads from a document.

Each is a small pure function ``str -> str`` (furniture takes the page's own
symbol and date, as a real page's chrome names its document).  They imitate
how real copies differ: punctuation width, script, line wrapping, page
furniture, spacing between CJK and digits, Windows line ends, and the pinyin
machine conversion leaves after characters.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Full-width punctuation and its ASCII counterpart (the quotes stay curly:
# ASCII quotes are ambiguous between opening and closing).
_FULL = "，（）：；？！"
_ASCII = ",():;?!"
_CJK = r"\u3400-\u4dbf\u4e00-\u9fff"

# A tiny pinyin table for the characters the conversion noise is inserted after,
# Simplified and Traditional (會(huì)議, 發(fā)表, 第2178號(hào)決議, 聯(lián)合國).
PINYIN = {
    "会": "huì", "會": "huì", "议": "yì", "議": "yì", "发": "fā", "發": "fā", "号": "hào", "號": "hào",
    "联": "lián", "聯": "lián", "国": "guó", "國": "guó", "决": "jué", "決": "jué", "长": "zhǎng",
    "長": "zhǎng", "报": "bào", "報": "bào", "请": "qǐng", "請": "qǐng",
}


def to_ascii_punctuation(text: str) -> str:
    """，（）：；？！ → ,():;?! (web copies)."""
    return text.translate(str.maketrans(_FULL, _ASCII))


def to_fullwidth_punctuation(text: str) -> str:
    """,():;?! → ，（）：；？！ (symbols and URLs included: NFKC folds them back)."""
    return text.translate(str.maketrans(_ASCII, _FULL))


@lru_cache(maxsize=1)
def _s2t():
    import opencc

    return opencc.OpenCC("s2t")


def to_traditional(text: str) -> str:
    """Simplified → Traditional (OpenCC ``s2t``)."""
    return _s2t().convert(text)


def rewrap(width: int, blank: bool = False):
    """Cut every line longer than ``width`` characters into lines of ``width``.

    A cut line's pieces keep nothing of its ending but the last (so a PDF
    layout's trailing space stays where the paragraph ends), and no space
    where they were cut.  Lines without Chinese (URLs, job numbers) stay whole,
    as a wrapper breaks no word.  With ``blank``,
    a blank line separates every line.
    """

    def wrap(text: str) -> str:
        out = []
        for line in text.split("\n"):
            body = line.rstrip()
            tail = line[len(body):]
            if not re.search(f"[{_CJK}]", body):  # a URL or a job number is not broken
                out.append(line)
                continue
            pieces = [body[i : i + width] for i in range(0, len(body), width)] or [""]
            # a wrapper breaking at a space drops it, as at the end of any line
            pieces = [p.rstrip() for p in pieces[:-1]] + [pieces[-1] + tail]
            out += pieces
        return ("\n\n" if blank else "\n").join(out)

    wrap.__name__ = f"rewrap{width}{'_blank' if blank else ''}"
    return wrap


def furniture(symbol: str | None, date: str | None, doc_type: str):
    """Page furniture before and after the text, naming the page's own document.

    Lines as zh.wikisource.org prints them: page title, navigation naming the
    neighbouring documents, collection note, vote line; licence footer after.
    """
    compact = (symbol or "").replace(" ", "")
    cn_date = ""
    if date:
        y, m, d = (int(x) for x in date.split("-"))
        cn_date = f"{y}年{m}月{d}日"
    m_res = re.match(r"S/RES/(\d+)\((\d{4})\)$", compact)
    m_prst = re.match(r"S/PRST/(\d{4})/(\d+)$", compact)
    if m_res:
        n, y = int(m_res.group(1)), m_res.group(2)
        title = f"联合国安理会第{n}号决议"
        nav = (f"← | {n - 1}({y}) | 联合国安理会第{n}({y})号决议 {compact} {cn_date} "
               "发布机关:联合国安全理事会 |\n"
               f"{n + 1}({y}) |\n第6969次会议以15票赞成,0票反对通过 |")
    elif m_prst:
        y, n = m_prst.group(1), int(m_prst.group(2))
        title = f"联合国安理会主席声明{y}年第{n}号"
        nav = (f"← | 联合国安理会主席声明{y}年第{n - 1}号 | {title} {compact} 联合国安全理事会 {cn_date} |\n"
               f"联合国安理会主席声明{y}年第{n + 1}号 |\n|")
    else:
        title = "联合国文件"
        nav = "← | 上一篇 | 下一篇 |"
    before = (f"跳转到内容\n\n{title}\n\n维基文库,自由的图书馆\n{nav}\n"
              "本作品收录于《Portal:联合国安理会文件\n\n")
    after = ("\n\n本作品来自联合国官方文件。此组织之政策为于公有领域保存其大部份文献,"
             "以尽可能广泛宣传联合国出版物。\n"
             "根据ST/AI/189/Add.9/Rev.2第2条(仅供英文版),下列联合国文件在全球属于公有领域:\n"
             "- 官方纪录(会议、逐字、摘要记录等);\n- 带有联合国标志发布的文献;\n"
             "Public domainPublic domainfalsefalse\n")

    def add(text: str) -> str:
        return before + text + after

    add.__name__ = "furniture"
    return add


def news_page(text: str) -> str:
    """A news site's chrome around a reprint: menu, breadcrumbs, byline; related links after.

    Lines as news sites print them (新聞熱線…, 您现在的位置: 首頁 > 國際, 发稿时间…来源…).
    """
    before = ("新聞熱線:0816-2395666\n設為首頁 加入收藏\n您现在的位置: 首頁 > 國際\n"
              "发稿时间:2022-07-13 10:57   来源: 新華網\n分享到:\n\n")
    after = "\n\n相关新闻:\n责任编辑:王芳\n"
    return before + text + after


def add_cjk_digit_spaces(text: str) -> str:
    """A space between every CJK character and number (第 1373 号, 2001 年).

    Not before a footnote marker (决议1 中: one or two digits, then a space),
    which a PDF extraction prints glued to its word.
    """
    text = re.sub(rf"(?<=[{_CJK}])(?=\d)(?!\d{{1,2}}[ \t])", " ", text)
    return re.sub(rf"(?<=\d)(?=[{_CJK}])", " ", text)


def remove_cjk_digit_spaces(text: str) -> str:
    """No space between a CJK character and a number (第 1373 号 → 第1373号).

    The space after a one- or two-digit number stays: it is all that marks a
    footnote marker (决议1 中) or a footnote's number (1 包括…) in a PDF extraction.
    """
    text = re.sub(rf"(?<=[{_CJK}])[ \t]+(?=\d)", "", text)
    return re.sub(rf"(?<=\d{{3}})[ \t]+(?=[{_CJK}])", "", text)


def crlf(text: str) -> str:
    """Windows line ends."""
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


def insert_pinyin(text: str) -> str:
    """Pinyin in parentheses after every character of :data:`PINYIN` (聯(lián)合國(guó))."""
    return "".join(c + f"({PINYIN[c]})" if c in PINYIN else c for c in text)


def compose(*fns):
    """Apply ``fns`` left to right."""

    def run(text: str) -> str:
        for f in fns:
            text = f(text)
        return text

    run.__name__ = "+".join(f.__name__ for f in fns)
    return run
