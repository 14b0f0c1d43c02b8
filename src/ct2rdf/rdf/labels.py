"""Human-readable names (rdfs:label, zh and en) for documents and paragraphs.

Made from what the graph knows, the type, the symbol and the date, in the
forms the UN itself uses: ``安全理事会第2129(2013)号决议`` / ``Security Council
resolution 2129 (2013)``; paragraphs as ``S/RES/2129 (2013), operative
paragraph 2`` / ``第2129(2013)号决议 执行部分第2段``.  Pure functions of their
arguments: no rdflib here.
"""

from __future__ import annotations

import datetime as dt

from ..model import ParaRef
from ..symbols import Symbol

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")

# (zh, en) of each document type, for documents named by type and date
_TYPE_NAMES = {
    "resolution": ("安全理事会决议", "Security Council resolution"),
    "prst": ("安全理事会主席声明", "Statement by the President of the Security Council"),
    "letter": ("信函", "Letter"),
    "other": ("文件", "Document"),
    "document": ("文件", "Document"),
}
# (zh, en) of each kind of paragraph, with the number still to fill in
_PARAGRAPH_NAMES = {"op": ("执行部分第{}段", "operative paragraph {}"),
                    "pp": ("序言部分第{}段", "preambular paragraph {}"),
                    "p": ("第{}段", "paragraph {}")}


def date_zh(d: dt.date) -> str:
    """2020年12月30日."""
    return f"{d.year}年{d.month}月{d.day}日"


def date_en(d: dt.date) -> str:
    """30 December 2020."""
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"


def document_labels(symbol: Symbol | None, doc_type: str, date: dt.date | None) -> tuple[str, str]:
    """``(zh, en)`` naming a document by its type and symbol, or by its type and date without one.

    ``doc_type`` is a header type (resolution, prst, letter, other) or a
    symbol's kind (resolution, prst, document).
    """
    if symbol is not None:
        return _by_symbol(symbol, doc_type)
    zh, en = _TYPE_NAMES[doc_type]
    if date is None:
        return f"{zh}（日期不详）", f"{en} (undated)"
    if doc_type == "letter":
        return f"{date_zh(date)}{zh}", f"{en} dated {date_en(date)}"
    return f"{date_zh(date)}{zh}", f"{en} of {date_en(date)}"


def _by_symbol(symbol: Symbol, doc_type: str) -> tuple[str, str]:
    text = symbol.text
    for prefix, organ_zh, organ_en in (("S/RES/", "安全理事会", "Security Council"),
                                       ("A/RES/", "大会", "General Assembly")):
        if text.startswith(prefix):
            number = text[len(prefix):]
            return f"{organ_zh}第{number.replace(' ', '')}号决议", f"{organ_en} resolution {number}"
    if symbol.kind == "prst":
        zh, en = _TYPE_NAMES["prst"]
    elif doc_type == "letter":
        zh, en = _TYPE_NAMES["letter"]
    else:
        zh, en = "联合国文件", "United Nations document"
    return f"{zh} {text}", f"{en} {text}"


def annex_labels(document: tuple[str, str], number: str) -> tuple[str, str]:
    """``(zh, en)`` of a document's annex: ``… 附件1`` / ``…, annex 1``."""
    return f"{document[0]} 附件{number}", f"{document[1]}, annex {number}"


def citation_names(symbol: Symbol | None, labels: tuple[str, str]) -> tuple[str, str]:
    """How paragraph labels name their document: ``第2129(2013)号决议`` / ``S/RES/2129 (2013)``.

    Security Council resolutions go by their number in Chinese, as the texts
    cite them; other documents by their symbol, or by their label without one.
    """
    if symbol is None:
        return labels
    if symbol.text.startswith("S/RES/"):
        return f"第{symbol.path[len('S/RES/'):]}号决议", symbol.text
    return symbol.text, symbol.text


def paragraph_labels(document: tuple[str, str], ref: ParaRef) -> tuple[str, str]:
    """``(zh, en)`` of a paragraph, given how its document is named (:func:`citation_names`)."""
    zh, en = _PARAGRAPH_NAMES[ref.kind]
    zh, en = zh.format(ref.number), en.format(ref.number)
    if ref.part:  # annex/1
        n = ref.part.split("/")[1]
        zh, en = f"附件{n} {zh}", f"annex {n}, {en}"
    return f"{document[0]} {zh}", f"{document[1]}, {en}"


def meeting_labels(number: int) -> tuple[str, str]:
    """``(zh, en)`` of a Council meeting: 安全理事会第7086次会议 / Security Council, 7086th meeting."""
    return f"安全理事会第{number}次会议", f"Security Council, {ordinal(number)} meeting"


def ordinal(n: int) -> str:
    """7086 → 7086th, 4241 → 4241st, 4242 → 4242nd, 6912 → 6912th, 6513 → 6513th."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
