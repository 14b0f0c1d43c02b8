"""Hypothesis strategies for ct2rdf's inputs: arbitrary Unicode biased towards what matters.

A uniform draw over Unicode almost never makes a citation, a date or a page
break, so the strategies mix three sources: single characters from a table of
what the normalizer and the patterns treat specially (full-width forms,
Traditional characters, Chinese numerals, invisible and bidirectional
controls, combining marks, line breaks), fragments of real documents (a
citation, a deadline, a masthead line, a footnote rule), and any code point
but a surrogate (decoded text never holds one: ``decode`` rejects them).

``seed_paragraph`` mutates a paragraph of ``seeds/`` or ``tests/corpus/`` the
way copies of real pages differ or break; the fuzzing script
(``bench/fuzz.py``) does the same at scale over whole files.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]

# One character at a time: what the normalizer folds, drops or keeps apart.
SPECIAL = (
    "安全理事会决议号第年月日次会议通过反恐执行局委员会秘书长报告每隔天内前至止"  # the patterns' words
    "於會議號決議報員們發"  # Traditional forms (t2s changes them)
    "〇一二三四五六七八九十百千万零两"  # Chinese numerals
    "０１２３４５６７８９ＳＲＥ／（），、；：。！？“”‘’「」『』《》"  # full-width forms, corner quotes
    "0123456789()/,.;:-_*#"  # ASCII digits and punctuation of symbols and furniture
    " \u3000\t\r\n\f\v\x85\u2028\u2029"  # every kind of space and line break
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2069\ufeff\u00ad"  # invisible, bidi
    "\u0301\u0300\u20dd\u3099"  # combining marks (NFKC would compose them with the character before)
    "\ufb01\u2460\u3251\u33a1\u2168\u00bd"  # compatibility characters NFKC expands to several (ﬁ ① ㉑ ㎡ Ⅸ ½)
    "𠀀𝄞\U0010fffd\ufffe\uffff\x00\x7f"  # astral, non-characters, NUL and DEL
)

# Pieces of real documents (seeds/, tests/real/): citations, dates, deadlines,
# bodies, structure and page furniture, so that a short draw holds a fact.
FRAGMENTS = (
    "第1373(2001)号决议", "第 2395 (2017) 号决议", "第1267(1999)号决议所设委员会", "1624(2005)",
    "第一六二四號決議", "(2001年)第1373号决议", "、", "和", "S/RES/2129 (2013)", "S/PRST/2015/11",
    "安全理事会，\n\n", "安全理事会2017年12月21日第8148次会议通过\n\n", "1. 决定", "2. ", "(a) ",
    "反恐执行局", "反恐怖主义委员会", "安理会", "秘书长", "大会", "世界卫生大会", "监测组",
    "2013年12月17日", "二〇一三年十二月十七日", "九九九九年十二月三十一日", "2013年2月30日",
    "在2017年12月31日终了的期间内继续作为一项特别政治任务", "最迟于2015年12月31日进行一次期中审查",
    "每隔60天向安理会报告", "每12个月", "在本决议通过后90天内", "在本决议通过后九千年内",
    "九九九九九九周内", "延长至2024年6月", "为期四年", "请秘书长", "决定延长", "的任务期限",
    "\n17-23196 (C)    *1723196*\n", "\n2/3\n", "\n__________________\n", "\n 1 见附件。\n",
    "\nhttps://undocs.org/ch/S/RES/1373(2001)\n", "會(huì)議", "\n- ", "\n\n", "\r\n", "\f",
)

# Any code point a decoded text can hold (lone surrogates are rejected by decode).
ANY_CHAR = st.characters(exclude_categories=("Cs",))
CJK_CHAR = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
CHAR = st.one_of(st.sampled_from(SPECIAL), CJK_CHAR, ANY_CHAR)


def texts(max_pieces: int = 40) -> st.SearchStrategy[str]:
    """Arbitrary text: a mix of special characters, real fragments and any code point."""
    piece = st.one_of(st.sampled_from(FRAGMENTS), st.text(CHAR, max_size=6))
    return st.lists(piece, max_size=max_pieces).map("".join)


@lru_cache(maxsize=1)
def seed_paragraphs() -> tuple[str, ...]:
    """The non-blank paragraphs (blank-line separated) of every seed and corpus file, decoded."""
    from ct2rdf.text.decode import decode

    out = []
    for folder in (ROOT / "seeds", ROOT / "tests" / "corpus"):
        for f in sorted(folder.glob("*.txt")):
            text, _ = decode(f.read_bytes(), f.name)
            out += [p for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
    return tuple(out)


@lru_cache(maxsize=1)
def _s2t():
    import opencc

    return opencc.OpenCC("s2t")


def _big(m: str) -> str:
    """A number replaced by a huge one (the overflow of 在本决议通过后九千年内)."""
    return "9" * 30 if m.isascii() else "九" * 12


@st.composite
def mutated(draw, base: st.SearchStrategy[str]) -> str:
    """``base`` changed by a few edits: characters inserted, deleted or replaced,
    pieces duplicated or swapped, script converted, lines wrapped, numbers made huge."""
    text = draw(base)
    for _ in range(draw(st.integers(0, 4))):
        op = draw(st.sampled_from(("insert", "delete", "replace", "duplicate", "swap", "traditional",
                                   "wrap", "nfd", "huge", "fragment")))
        n = len(text)
        i = draw(st.integers(0, n))
        j = draw(st.integers(i, min(n, i + 40)))
        if op == "insert":
            text = text[:i] + draw(st.text(CHAR, min_size=1, max_size=3)) + text[i:]
        elif op == "delete":
            text = text[:i] + text[j:]
        elif op == "replace":
            text = text[:i] + draw(st.text(CHAR, max_size=3)) + text[j:]
        elif op == "duplicate":
            text = text[:j] + text[i:j] + text[j:]
        elif op == "swap":
            text = text[j:] + text[i:j] + text[:i]
        elif op == "traditional":
            text = _s2t().convert(text)
        elif op == "wrap":
            w = draw(st.integers(1, 40))
            text = "\n".join(text[k : k + w] for k in range(0, len(text), w))
        elif op == "nfd":
            text = unicodedata.normalize("NFD", text)
        elif op == "huge":
            text = re.sub(r"[0-9]+|[〇一二三四五六七八九十百千]+", lambda m: _big(m.group()), text, count=1)
        else:
            text = text[:i] + draw(st.sampled_from(FRAGMENTS)) + text[i:]
    return text


def seed_paragraph() -> st.SearchStrategy[str]:
    """One to three real paragraphs joined by a blank line, then mutated."""
    para = st.sampled_from(seed_paragraphs())
    return mutated(st.lists(para, min_size=1, max_size=3).map("\n\n".join))


def documents() -> st.SearchStrategy[str]:
    """A text for the whole pipeline: arbitrary, or mutated real paragraphs under a resolution's head."""
    head = "第 2395 (2017) 号决议\n\n安全理事会 2017 年 12 月 21 日第 8148 次会议通过\n\n安全理事会，\n\n"
    return st.one_of(texts(), seed_paragraph(), seed_paragraph().map(lambda t: head + t),
                     mutated(texts()), resolutions(), mutated(resolutions()))


# *** documents built from the parts the extractors read ***

_CN = "〇一二三四五六七八九"


@st.composite
def numbers(draw, max_digits: int = 6) -> str:
    """A count as texts print it: Arabic digits, Chinese digits (九九九) or with units (九千)."""
    n = draw(st.one_of(st.integers(0, 999), st.integers(0, 10**max_digits - 1)))
    form = draw(st.sampled_from(("arabic", "digits", "units", "huge")))
    if form == "huge":  # the largest counts the patterns take, and more digits than int() converts
        return draw(st.sampled_from(("999", "九九九九九九", "九千", "九百九十九", "两千",
                                     "9" * 5000, "九" * 5000)))
    if form == "arabic":
        return str(n)
    if form == "digits":
        return "".join(_CN[int(c)] for c in str(n))
    return draw(st.text(st.sampled_from("一二三四五六七八九十百千两零"), min_size=1, max_size=6))


@st.composite
def dates(draw) -> str:
    """A date in Arabic or Chinese numerals, mostly of the UN era, possible or not
    (year 0-9999, month 0-13, day 0-32)."""
    y = draw(st.one_of(st.integers(1945, 2099), st.integers(0, 9999)))
    m = draw(st.one_of(st.integers(1, 12), st.integers(0, 13)))
    d = draw(st.one_of(st.integers(1, 28), st.integers(0, 32)))
    if draw(st.booleans()):
        return f"{y:04d}年{m}月{d}日"
    cn = "".join(_CN[int(c)] for c in f"{y:04d}")
    small = "〇一二三四五六七八九十"
    return f"{cn}年{small[m] if m <= 10 else '十' + small[m - 10]}月{small[min(d, 10)]}日"


def _slot(draw) -> str:
    n, unit = draw(numbers()), draw(st.sampled_from(("个月", "天", "日", "周", "个星期", "年")))
    date = draw(dates())
    return draw(st.sampled_from((
        f"在本决议通过后{n}{unit}内", f"在{n}{unit}内", f"不迟于本决议通过后{n}{unit}",
        f"每隔{n}天向安理会报告", f"每{n}个月向安全理事会提交报告", f"至少每{n}年一次",
        f"将其任务期限延长{n}{unit}", f"为期{n}{unit}", f"延长至{date}", f"自{date}起",
        f"在{date}终了的期间内继续作为一项特别政治任务", f"最迟于{date}进行一次期中审查",
        f"在其任务期限结束前{n}{unit}", f"最迟于{date}向安理会报告", f"于{date}举行会议",
    )))


@st.composite
def resolutions(draw) -> str:
    """A resolution's head (its date drawn) and operative paragraphs of verbs, bodies and slots."""
    head = (f"第 {draw(st.integers(1, 9999))} ({draw(st.integers(0, 9999))}) 号决议\n\n"
            f"安全理事会 {draw(dates())}第 {draw(numbers())} 次会议通过\n\n安全理事会，\n\n")
    paras = []
    for k in range(draw(st.integers(1, 4))):
        verb = draw(st.sampled_from(("决定", "请", "要求", "决定延长", "鼓励", "促请", "指示")))
        body = draw(st.sampled_from(("反恐执行局", "秘书长", "反恐怖主义委员会", "监察员办公室",
                                     "第1267(1999)号决议所设委员会", "监测组", "会员国")))
        slots = "，".join(_slot(draw) for _ in range(draw(st.integers(1, 3))))
        paras.append(f"{k + 1}. {verb}{body}{slots}；")
    return head + "\n".join(paras) + "\n"
