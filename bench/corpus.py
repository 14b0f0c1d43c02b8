"""Make a realistic benchmark corpus of N documents from the seeds and tests/corpus.

    python bench/corpus.py N OUTDIR [--seed S]

Every document is a template (a seed or a tests/corpus file) varied
systematically, deterministically from ``--seed`` (same seed, same bytes):

* renumbered: a resolution gets a fresh number that fits its new year (the
  year table src/ct2rdf/data/sc_resolution_years.csv, which shape S17 checks);
  statements and letters get fresh S/PRST/YYYY/N and S/YYYY/N symbols (in
  catalog.csv where the text does not print them); every meeting it names
  gets a fresh meeting number, so no meeting gets two dates;
* shifted in time: its own date and every later date it gives (meeting,
  mandate end, review, deadline, the English date and job number of a PDF
  header) move together, forward only, so deadlines stay after the document
  and cited documents keep their own years; earlier dates (history, cited
  documents) stay;
* recombined: a resolution may take operative paragraphs of another
  (renumbered so operative numbers stay unique, dates shifted to the new year);
* laid out as a UN PDF extraction (spaced: lines followed by blank lines, job
  number and page footers; compact: page furniture inside a paragraph), as a
  web copy (site furniture lines before and after, sometimes ASCII
  punctuation), re-wrapped at a fixed width, or kept as is;
* in Traditional script (OpenCC s2t) and in the encodings real inputs come
  in (UTF-8 with or without BOM, GB18030, UTF-16, CRLF line ends).

Writes ``OUTDIR/NNNNN_<template>_<layout>.txt`` and ``OUTDIR/catalog.csv``.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import random
import re
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from ct2rdf.pipeline import process, read_catalog
from ct2rdf.rdf.yeartable import year_bounds
from ct2rdf.text.decode import decode

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE_DIRS = (ROOT / "seeds", ROOT / "tests" / "corpus")
LAST_YEAR = 2070  # documents are moved forward at most to this year
SPAN = 25  # a document moves forward by up to this many years (more when numbers run out)
PER_YEAR = 150  # resolution numbers per year after the year table
# Years after the year table: resolution numbers from OPEN_FIRST fit every one of them.
OPEN_YEAR, OPEN_FIRST = year_bounds()[-1][0], year_bounds()[-1][2]
LAYOUTS = ("asis", "pdf-spaced", "pdf-compact", "web", "rewrap")

# A resolution number with its year, as printed in headers, symbols and titles:
# "第 2129 (2013) 号决议", "S/RES/2395 (2017)", "第2617(2021)号", "2178(2014)",
# full-width "第1624（2005）號".  {n} and {y} are filled in per document.
OWN_RES_TEMPLATE = r"(?<!\d)({n})(\s*[(（]\s*)({y})(\s*[)）])"
# Without the year: "联合国安理会第2569号决议", "第 2129 号决议".
OWN_RES_BARE_TEMPLATE = r"(第\s*)({n})(\s*号)"
# CJK dates, spacing kept: "2013 年 12 月 17 日", "2021年1月12日", "2015年12月", "2019年底".
CJK_DATE_RE = re.compile(
    r"(?<!\d)(?P<y>\d{4})(?P<s1>\s*)年(?:(?P<s2>\s*)(?P<m>\d{1,2})(?P<s3>\s*)月"
    r"(?:(?P<s4>\s*)(?P<d>\d{1,2})(?P<s5>\s*)日)?)?"
)
# English dates of UN PDF headers: "Distr.: General\n\n21 December 2017".
MONTHS = ("January February March April May June July August September October "
          "November December").split()
EN_DATE_RE = re.compile(r"(?<!\d)(?P<d>\d{1,2}) (?P<m>" + "|".join(MONTHS) + r") (?P<y>\d{4})")
# Meetings, also broken across lines: "第 6459 次会议", "第4385次会议", "第 7086 次会\n议".
MEETING_RE = re.compile(r"(第\s*)(\d{3,5})(\s*次(?=\s*[会會]\s*[议議]))")
# UN job numbers: "17-23196 (C)", "*1723196*", page footer "2/3   17-23196".
JOB_RE = re.compile(r"(?<![\d/-])(\d{2})-(\d{5})(?!\d)")
JOB_CODE_RE = re.compile(r"\*(\d{2})(\d{5})\*")
# An operative paragraph's first line, "2. 决定…", and its lettered items, "(a) 防止…".
OP_LINE_RE = re.compile(r"^(\s*)(\d{1,2})(\.\s*)")
ITEM_LINE_RE = re.compile(r"^\s*[(（][a-z][)）]")
# A line that may continue a wrapped paragraph begins with a CJK character or quote.
# Also a digit, unless the line is page furniture: "2/3    17-23196", "17-23196 (C)", "*1723196*".
CJK_START_RE = re.compile(r"[\u4e00-\u9fff“《(（]|(?!\d+/\d+\s|\d{2}-\d{5}|\*\d)\d")
# A PDF line at least this wide (CJK characters, ASCII counting ½) may wrap; headings are shorter.
FULL_LINE = 30
# Where a line may end: after CJK punctuation, or at the end of a paragraph.
CLOSING = "，。；：,;:」”\"』）)"


@dataclass(frozen=True)
class Template:
    """A source document, its text in Simplified script, and what the pipeline read from it."""

    name: str
    text: str
    kind: str  # resolution | prst | letter | other
    date: dt.date
    symbol: str | None  # as ct2rdf normalizes it, e.g. "S/RES/2129 (2013)"
    catalog: bool  # the symbol comes from the catalog, not the text
    block: bool  # one paragraph per line: layouts and recombination apply


@dataclass(frozen=True)
class Doc:
    """One generated document before layout."""

    template: Template
    text: str
    date: dt.date
    symbol: str | None
    neighbours: tuple[int, int] | None = None  # resolution numbers N-1, N+1 that fit its year too


# ---------------------------------------------------------------- templates

@cache
def templates() -> tuple[Template, ...]:
    """Every dated template, in a fixed order."""
    out = []
    for folder in TEMPLATE_DIRS:
        catalog = read_catalog(folder / "catalog.csv") if (folder / "catalog.csv").exists() else {}
        for path in sorted(folder.glob("*.txt")):
            data = path.read_bytes()
            r = process(path.name, data, catalog.get(path.name))
            if r.doc is None or r.doc.date is None:
                continue
            text, _ = decode(data, path.name)
            text = _s2t("t2s")(text).replace("\r\n", "\n").lstrip("\ufeff")
            kind = r.doc.structure.header.doc_type
            symbol = str(r.doc.symbol) if r.doc.symbol else None
            joined = unbreak(text)
            block = _is_block(joined)
            out.append(Template(path.stem, joined if block else text, kind, r.doc.date, symbol,
                                path.name in catalog, block))
    return tuple(out)


def unbreak(text: str) -> str:
    """Lines a PDF wrapped joined again, one paragraph per line.

    A line continues on the next non-blank line when that starts with a CJK
    character and either the line stops inside a sentence or, in a text whose
    paragraphs are indented (" 重申…任" / "何恐怖行为…"), the next is not indented.
    """
    raw = [line.rstrip() for line in text.split("\n")]
    long = [line for line in raw if width(line.strip()) >= FULL_LINE]
    indented = sum(line[:1].isspace() for line in long) > len(long) / 5
    out: list[str] = []
    gap = False
    for line in raw:
        s = line.strip()
        if not s:
            gap = True
            continue
        prev = out[-1] if out else ""
        if (width(prev) >= FULL_LINE and CJK_START_RE.match(s)
                and (prev[-1] not in CLOSING or (indented and not line[:1].isspace()))):
            out[-1] = prev + s
        else:
            out += [""] if gap and out else []
            out.append(s)
        gap = False
    return "\n".join(out) + "\n"


def _is_block(text: str) -> bool:
    """One paragraph per line: no long line ends inside a sentence."""
    return not any(width(s) >= FULL_LINE and s[-1] not in CLOSING
                   for s in (line.strip() for line in text.splitlines()) if s)


@cache
def _s2t(config: str):
    import opencc

    return opencc.OpenCC(config).convert


# ---------------------------------------------------------------- numbering

class Registry:
    """Fresh symbols and meeting numbers, unique over the whole corpus."""

    def __init__(self) -> None:
        self.used: set[str] = set()
        self.meetings: set[int] = set()
        self.counters: dict[str, int] = {}
        self.pools = _resolution_pools()
        self.fits = {year: set(ns) for year, ns in self.pools.items()}

    def resolution(self, year: int, rng: random.Random) -> int | None:
        """An unused resolution number that fits ``year``; the caller moves on when None."""
        free = [n for n in self.pools.get(year, ()) if f"S/RES/{n} ({year})" not in self.used]
        if not free:
            return None
        n = rng.choice(free)
        self.pools[year].remove(n)
        return n

    def serial(self, pattern: str, year: int, start: int) -> str:
        """The next unused symbol ``pattern.format(year, k)`` for k from ``start``."""
        key = f"{pattern}|{year}"
        k = self.counters.get(key, start)
        while pattern.format(year, k) in self.used:
            k += 1
        self.counters[key] = k + 1
        return pattern.format(year, k)

    def meeting(self, year: int, rng: random.Random) -> int:
        """A fresh meeting number, roughly where the Council's count stood in ``year``."""
        n = 4300 + (year - 2001) * 240 + rng.randrange(240)
        while n in self.meetings:
            n += 1
        self.meetings.add(n)
        return n


def _resolution_pools() -> dict[int, list[int]]:
    """Per year, the resolution numbers that fit it and no other year.

    The year table's open-ended last row (every number above it fits every
    later year) is cut into blocks of PER_YEAR numbers per year (four digits
    up to LAST_YEAR, as the Council's numbering would have it).
    """
    pools: dict[int, list[int]] = {}
    taken: set[int] = set()
    for y0, y1, lo, hi in year_bounds():
        for year in range(max(y0, 2001), min(y1, LAST_YEAR) + 1):
            first, last = lo, hi
            if year >= OPEN_YEAR:  # every number above the table fits: a block per year
                first = OPEN_FIRST + (year - OPEN_YEAR) * PER_YEAR
                last = first + PER_YEAR - 1
            elif hi > lo + 400:  # the table's last year, open-ended upwards
                last = OPEN_FIRST - 1
            pools[year] = [n for n in range(first, last + 1) if n not in taken]
            taken.update(pools[year])
    return pools


# ---------------------------------------------------------------- shifting

def add_years(d: dt.date, years: int) -> dt.date:
    """``d`` moved by whole years (29 February becomes the 28th)."""
    try:
        return d.replace(year=d.year + years)
    except ValueError:
        return d.replace(year=d.year + years, day=28)


class Shift:
    """Moves every date on or after ``old`` so that ``old`` lands on ``new``."""

    def __init__(self, old: dt.date, new: dt.date) -> None:
        self.old, self.years = old, new.year - old.year
        self.days = (new - add_years(old, self.years)).days

    def date(self, d: dt.date) -> dt.date:
        return add_years(d, self.years) + dt.timedelta(self.days) if d >= self.old else d

    def year(self, y: int) -> int:
        return y + self.years if y >= self.old.year else y

    def text(self, text: str) -> str:
        """``text`` with its CJK and English dates, and job numbers, moved."""
        text = CJK_DATE_RE.sub(self._cjk, text)
        text = EN_DATE_RE.sub(self._en, text)
        yy = self.old.year % 100
        new_yy = f"{self.year(self.old.year) % 100:02d}"
        text = JOB_RE.sub(lambda m: f"{new_yy}-{m[2]}" if int(m[1]) == yy else m[0], text)
        return JOB_CODE_RE.sub(lambda m: f"*{new_yy}{m[2]}*" if int(m[1]) == yy else m[0], text)

    def _cjk(self, m: re.Match) -> str:
        y = int(m["y"])
        g = {k: v or "" for k, v in m.groupdict().items()}
        if m["d"]:
            try:
                d = self.date(dt.date(y, int(m["m"]), int(m["d"])))
            except ValueError:
                return m[0]
            return (f"{d.year}{g['s1']}年{g['s2']}{d.month}{g['s3']}月"
                    f"{g['s4']}{d.day}{g['s5']}日")
        if m["m"]:
            keep = (y, int(m["m"])) < (self.old.year, self.old.month)
            return m[0] if keep else f"{y + self.years}{m[0][4:]}"
        return f"{self.year(y)}{m[0][4:]}"

    def _en(self, m: re.Match) -> str:
        try:
            d = self.date(dt.date(int(m["y"]), MONTHS.index(m["m"]) + 1, int(m["d"])))
        except ValueError:
            return m[0]
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def renumber_meetings(text: str, year: int, reg: Registry, rng: random.Random) -> str:
    """Every meeting number the text names, mapped to a fresh one (consistently within it)."""
    fresh: dict[str, int] = {}

    def sub(m: re.Match) -> str:
        if m[2] not in fresh:
            fresh[m[2]] = reg.meeting(year, rng)
        return f"{m[1]}{fresh[m[2]]}{m[3]}"

    return MEETING_RE.sub(sub, text)


# ---------------------------------------------------------------- one document

def make_doc(t: Template, reg: Registry, rng: random.Random) -> Doc:
    """``t`` renumbered and moved to a later year, its symbol registered."""
    number = None
    year = rng.randint(t.date.year, min(LAST_YEAR, t.date.year + SPAN))
    if t.kind == "resolution":
        while (number := reg.resolution(year, rng)) is None:
            year += 1
            if year > LAST_YEAR:
                raise ValueError(f"no resolution numbers left up to {LAST_YEAR}")
    end = dt.date(year, 12, 31)
    start = add_years(t.date, year - t.date.year)
    new_date = start + dt.timedelta(rng.randint(0, min(90, (end - start).days)))
    shift = Shift(t.date, new_date)
    text = t.text
    symbol = t.symbol
    if t.kind == "resolution" and t.symbol:
        old_n, old_y = re.match(r"S/RES/(\d+) \((\d{4})\)", t.symbol).groups()
        text = _own_resolution(text, old_n, old_y, str(number), str(year))
        symbol = f"S/RES/{number} ({year})"
    elif t.kind != "resolution":  # S/PRST/YYYY/N, letters and reports S/YYYY/N; also in the catalog
        prst = t.kind == "prst" or (t.symbol or "").startswith("S/PRST/")
        symbol = reg.serial("S/PRST/{}/{}", year, 1) if prst else reg.serial("S/{}/{}", year, 1001)
    text = shift.text(text)
    if t.symbol and t.kind != "resolution":  # after the shift, which moves "2015年" of "2015年第11号"
        text = _own_serial(text, t.symbol, symbol, shift)
    if symbol:
        reg.used.add(symbol)
    near = (number - 1, number + 1) if number else None
    if near and not all(k in reg.fits[year] for k in near):
        near = None
    return Doc(t, text, new_date, symbol, near)


def _own_resolution(text: str, n: str, y: str, new_n: str, new_y: str) -> str:
    text = re.sub(OWN_RES_TEMPLATE.format(n=n, y=y), lambda m: f"{new_n}{m[2]}{new_y}{m[4]}", text)
    return re.sub(OWN_RES_BARE_TEMPLATE.format(n=n), lambda m: f"{m[1]}{new_n}{m[3]}", text)


def _own_serial(text: str, old: str, new: str, shift: Shift) -> str:
    """The document's own S/PRST/… or S/… symbol, also as "主席声明2015年第11号"."""
    text = text.replace(old, new)
    (oy, on), (ny, nn) = old.split("/")[-2:], new.split("/")[-2:]
    return text.replace(f"{shift.year(int(oy))}年第{on}号", f"{ny}年第{nn}号")


def recombine(doc: Doc, donor: Template, rng: random.Random) -> Doc:
    """``doc`` with up to three operative paragraphs of ``donor`` before its last one.

    The donor's dates are moved so that its own date lands on ``doc``'s; the
    operative numbers after the insertion are renumbered, so they stay unique.
    """
    lines = doc.text.split("\n")
    starts = [i for i, line in enumerate(lines) if OP_LINE_RE.match(line)]
    paras = _operative(donor.text.split("\n"))[:-1]  # not the donor's "决定继续积极处理此案"
    if len(starts) < 2 or not paras:
        return doc
    taken = rng.sample(paras, min(len(paras), rng.randint(1, 3)))
    shift = Shift(donor.date, doc.date)
    last = starts[-1]
    number = int(OP_LINE_RE.match(lines[last])[2])
    insert = []
    for para in taken:
        first = OP_LINE_RE.sub(lambda m, k=number: f"{m[1]}{k}{m[3]}", para[0], count=1)
        insert += [shift.text(first)] + [shift.text(line) for line in para[1:]]
        number += 1
    tail = [OP_LINE_RE.sub(lambda m, k=number: f"{m[1]}{k}{m[3]}", lines[last], count=1)]
    return replace(doc, text="\n".join(lines[:last] + insert + tail + lines[last + 1:]))


def _operative(lines: list[str]) -> list[list[str]]:
    """Operative paragraphs of a block text: each numbered line with its lettered items."""
    out: list[list[str]] = []
    for line in lines:
        if OP_LINE_RE.match(line):
            out.append([line])
        elif out and ITEM_LINE_RE.match(line):
            out[-1].append(line)
        elif out and line.strip():
            out.append([])  # prose after the operative part ends the run
    return [p for p in out if p]


# ---------------------------------------------------------------- layouts

def width(s: str) -> float:
    """Display width: CJK characters 1, ASCII ½ (as a PDF line holds them)."""
    return sum(0.5 if ord(c) < 128 else 1 for c in s)


def wrap(para: str, cols: int) -> list[str]:
    """``para`` broken into lines of about ``cols`` CJK characters, without hyphens.

    Runs of ASCII letters and digits ("S/RES/2395", "(2017)") are never broken,
    as PDF text layout keeps Latin words whole.
    """
    tokens = re.findall(r"[A-Za-z0-9/().\-*]+|.", para)
    lines, cur = [], ""
    for tok in tokens:
        if cur and width(cur + tok) > cols:
            lines.append(cur)
            cur = ""
        cur += tok
    return [*lines, cur] if cur else lines


SPACED_RE = re.compile(r"(?<=[\u4e00-\u9fff])(?=[0-9])|(?<=[0-9)])(?=[\u4e00-\u9fff])")


def pdf_spaced(doc: Doc, rng: random.Random) -> str:
    """A UN PDF as text extraction gives it: the distribution header, lines each followed
    by a blank line, a space between CJK and digits, job number and page footers."""
    job = f"{doc.date.year % 100:02d}-{rng.randrange(10000, 99999)}"
    cols = rng.choice((38, 40, 42))
    body: list[str] = []
    for para in _paragraphs(doc.text):
        lines = wrap(SPACED_RE.sub(" ", para), cols)
        body += [f" {lines[0]}"] + lines[1:-1] + ([f"{lines[-1]} "] if len(lines) > 1 else [])
        body[-1] = body[-1].rstrip() + " "
    per_page = rng.randint(24, 34)
    pages = [body[i:i + per_page] for i in range(0, len(body), per_page)] or [[]]
    out = _pdf_header(doc) if doc.symbol else []
    for k, page in enumerate(pages, 1):
        out += page
        if k == 1:
            out += ["", f"{job} (C)", "", f"*{job.replace('-', '')}*"]
        if k < len(pages):
            out += [f"{k + 1}/{len(pages)}{' ' * 66}{job}", f" {doc.symbol or ''}".rstrip()]
    out += ["", f"{len(pages)}/{len(pages)}{' ' * 66}{job}"] if len(pages) > 1 else []
    return "\n\n".join(out) + "\n"


def pdf_compact(doc: Doc, rng: random.Random) -> str:
    """A PDF extraction with single line breaks and page furniture wherever the page
    ends, inside a paragraph too ("…进行一次期\\n21-21147 (C)\\n*2121147*\\nS/RES/…\\n中审查；")."""
    job = f"{doc.date.year % 100:02d}-{rng.randrange(10000, 99999)}"
    lines = [line for para in _paragraphs(doc.text) for line in wrap(para, rng.choice((40, 44)))]
    per_page = rng.randint(20, 30)
    out = _pdf_header(doc) if doc.symbol else []
    for i in range(0, len(lines), per_page):
        out += lines[i:i + per_page]
        if i + per_page < len(lines):
            out += ["", f"{job} (C)", f"*{job.replace('-', '')}*"] + ([doc.symbol] if doc.symbol else [])
    return "\n".join([*out, job]) + "\n"


def _pdf_header(doc: Doc) -> list[str]:
    en = f"{doc.date.day} {MONTHS[doc.date.month - 1]} {doc.date.year}"
    return ["联合国", doc.symbol, "安全理事会", "Distr.: General", en, "Chinese",
            "Original: English", ""]


def rewrap(doc: Doc, rng: random.Random) -> str:
    """Text re-wrapped at a fixed width, as some sites and mail programs save it."""
    cols = rng.choice((30, 36, 50, 60))
    return "\n".join(line for para in _paragraphs(doc.text) for line in wrap(para, cols)) + "\n"


ASCII_PUNCT = str.maketrans({"，": ",", "；": ";", "：": ":", "（": "(", "）": ")", "“": '"', "”": '"'})
SITES = (
    # a news portal (fjsen, xinhuanet): menu, breadcrumb, byline; share and vote lines after
    (["直通屏山|福建|时评|大学城|台海|娱乐|体育|国内|国际|专题|网事|福州|厦门",
      "您所在的位置: 东南网 > 国际> 国际要闻 > 正文", "", "{title}", "",
      "{iso} 09:46:04 来源:新华网  责任编辑:孙劲贞", "分享到:", ""],
     ["", "责任编辑:日升", "顶一下", "(0)", "0%", "踩一下", "(0)", "0%",
      "------分隔线----------------------------"]),
    # un.org content page: symbol on top, the record's fields below
    (["{symbol}", ""], ["", "Resolution number: ", "{symbol}", "Resolution Date: ", "{en}"]),
    # a wiki copy: title, the site's tagline; licence footer
    (["{title}", "", "维基文库,自由的图书馆", ""],
     ["", "本作品在全世界都属于公有领域,因为它是联合国的正式文件。", "", "分类:联合国安理会文件"]),
)


# A wiki page of a resolution: navigation to its neighbours (a-wikisource-s-res-2569-2021-hans:
# "← | 2568(2021) | 联合国安理会第2569(2021)号决议 S/RES/2569(2021) 2021年4月7日 发布机关:…").
WIKI_NAV = (["联合国安理会第{n}号决议",
             "← | {prev}({y}) | 联合国安理会第{n}({y})号决议 S/RES/{n}({y}) {cjk}"
             " 发布机关:联合国安全理事会 |",
             "{next}({y}) |"],
            ["", "本作品在全世界都属于公有领域,因为它是联合国的正式文件。"])


def web(doc: Doc, rng: random.Random) -> str:
    """A saved web page: site furniture lines around the text, sometimes ASCII punctuation."""
    head, tail = rng.choice(SITES + ((WIKI_NAV,) if doc.neighbours else ()))
    title = {"resolution": "联合国安理会{}号决议", "prst": "联合国安理会主席声明"}.get(
        doc.template.kind, "联合国安全理事会文件{}")
    fields = {
        "title": title.format(f"第{doc.symbol.split('/')[2]}" if doc.template.kind == "resolution"
                              and doc.symbol else ""),
        "symbol": doc.symbol or "", "iso": doc.date.isoformat(),
        "en": f"{doc.date.day} {MONTHS[doc.date.month - 1]} {doc.date.year}",
        "cjk": f"{doc.date.year}年{doc.date.month}月{doc.date.day}日", "y": doc.date.year,
    }
    if doc.neighbours:
        fields.update(n=doc.neighbours[0] + 1, prev=doc.neighbours[0], next=doc.neighbours[1])
    body = _paragraphs(doc.text)
    if rng.random() < 0.5:
        body = [p.translate(ASCII_PUNCT) for p in body]
    if not doc.symbol:
        head = [line for line in head if "{symbol}" not in line]
        tail = [line for line in tail if "{symbol}" not in line and "Resolution" not in line]
    return "\n".join([line.format(**fields) for line in head] + body
                     + [line.format(**fields) for line in tail]) + "\n"


def _paragraphs(text: str) -> list[str]:
    """The non-blank lines, without indentation or Markdown heading marks."""
    return [s for s in (line.strip().lstrip("#").strip() for line in text.splitlines()) if s]


# ---------------------------------------------------------------- the corpus

def generate(n: int, seed: int = 0) -> tuple[list[tuple[str, bytes]], list[dict]]:
    """``n`` documents as (file name, bytes) and the catalog rows they need."""
    ts = templates()
    block_res = [t for t in ts if t.block and t.kind == "resolution"]
    reg = Registry()
    files, catalog = [], []
    for i in range(n):
        rng = random.Random(f"{seed}:{i}")
        t = ts[i % len(ts)]
        doc = make_doc(t, reg, rng)
        layout = rng.choice(LAYOUTS) if t.block else "asis"
        # a donor no later than the new date, so that what it cites is not from the future
        donors = [d for d in block_res if d is not t and d.date <= doc.date]
        if t.block and t.kind == "resolution" and donors and rng.random() < 0.4:
            doc = recombine(doc, rng.choice(donors), rng)
        doc = replace(doc, text=renumber_meetings(doc.text, doc.date.year, reg, rng))
        text = {"asis": lambda d, r: d.text, "pdf-spaced": pdf_spaced, "pdf-compact": pdf_compact,
                "web": web, "rewrap": rewrap}[layout](doc, rng)
        if rng.random() < 0.2:
            text = _s2t("s2t")(text)
        name = f"{i:05d}_{t.name}_{layout}.txt"
        files.append((name, _encode(text, rng)))
        if doc.symbol and t.kind != "resolution":  # as the UN's records give them
            catalog.append({"file": name, "symbol": doc.symbol, "date": doc.date.isoformat(),
                            "note": f"generated from {t.name}"})
    return files, catalog


def _encode(text: str, rng: random.Random) -> bytes:
    if rng.random() < 0.15:
        text = text.replace("\n", "\r\n")
    enc = rng.choices(("utf-8", "utf-8-sig", "gb18030", "utf-16"), (70, 10, 10, 10))[0]
    return text.encode(enc)


def write(n: int, outdir: Path, seed: int = 0) -> list[Path]:
    """Generate ``n`` documents into ``outdir`` (created) with their catalog.csv."""
    outdir.mkdir(parents=True, exist_ok=True)
    files, catalog = generate(n, seed)
    paths = []
    for name, data in files:
        (outdir / name).write_bytes(data)
        paths.append(outdir / name)
    buf = io.StringIO()
    w = csv.DictWriter(buf, ["file", "symbol", "date", "note"], lineterminator="\n")
    w.writeheader()
    w.writerows(catalog)
    (outdir / "catalog.csv").write_text(buf.getvalue(), encoding="utf-8")
    return paths


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, help="number of documents")
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    paths = write(args.n, args.outdir, args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} documents, {size / 1e6:.2f} MB, in {args.outdir}")


if __name__ == "__main__":
    main()
