"""A corpus of ten documents in the formats real copies come in, with the facts read from their texts.

tests/corpus/ holds Security Council counter-terrorism texts of 2001-2021
(abridged, not verbatim) as they reach ct2rdf: official PDFs extracted in both
layouts with mastheads, page furniture, footnotes and undocs.org URL runs; web
copies with ASCII punctuation, web titles and header lines; a Traditional-script
copy; GB18030 and UTF-16 files with Windows line ends.  The expected values
below were read off the texts, not taken from ct2rdf's output.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from rdflib import URIRef

from conftest import BASE
from ct2rdf.rdf.namespace import CT
from ct2rdf.text.decode import decode
from ct2rdf.text.lines import is_layout, split_lines
from ct2rdf.text.normalize import fold
from test_normalize import check_offsets

CORPUS = Path(__file__).resolve().parent / "corpus"
D = dt.date


def R(*items: str) -> set[str]:
    """Security Council resolutions: ``R("1373 (2001)")`` → ``{"S/RES/1373 (2001)"}``."""
    return {f"S/RES/{i}" for i in items}


@dataclass(frozen=True)
class Expected:
    """What a document's text says."""

    type: str
    symbol: str | None
    date: dt.date
    meeting: int | None
    paragraphs: dict[str, int]  # "pp" / "op" / "p" / "annex/1/p" → how many
    cites: set[str]
    bodies: set[str]
    # (paragraph, holder, kind, end, review, guidance)
    mandates: set[tuple] = field(default_factory=set)
    # (paragraph, addressee, due, concerns)
    directives: set[tuple] = field(default_factory=set)
    # (paragraph, addressee, reports to, frequency)
    reporting: set[tuple] = field(default_factory=set)
    # paragraphs that open with no action verb
    no_verb: set[str] = field(default_factory=set)


SPM = "SpecialPoliticalMission"

ROWS = {
    # S/RES/1373 (2001), one paragraph a line ("block"), a page break inside op 1 (c);
    # cites a General Assembly resolution of a numbered session, 2625 (XXV)
    "s-res-1373-2001_block.txt": Expected(
        "resolution", "S/RES/1373 (2001)", D(2001, 9, 28), 4385, {"pp": 10, "op": 9},
        R("1269 (1999)", "1368 (2001)", "1189 (1998)") | {"A/RES/2625(XXV)"},
        {"SC", "GA", "SG"},  # the committee op 6 sets up is not yet named 反恐怖主义委员会
        no_verb={"pp/10"},  # 根据《联合国宪章》第七章采取行动 (acting under Chapter VII)
    ),
    # S/RES/1624 (2005), GB18030 with CRLF line ends, a page break inside pp 5;
    # dated lists, a statement symbol in parentheses, General Assembly resolutions
    "s-res-1624-2005_gb18030-crlf.txt": Expected(
        "resolution", "S/RES/1624 (2005)", D(2005, 9, 14), 5261, {"pp": 7, "op": 7},
        R("1269 (1999)", "1368 (2001)", "1373 (2001)", "1456 (2003)", "1566 (2004)", "1617 (2005)",
          "1611 (2005)") | {"S/PRST/2005/36", "A/RES/49/60", "A/RES/51/210"},
        {"SC", "CTC", "GA"},
        # op 6 指示反恐怖主义委员会: (c) 在今后十二个月内向安理会报告: due twelve months after adoption
        directives={("op/6", "CTC", D(2006, 9, 14), None)},
        # …and a one-off report with no frequency (tests/real/SOURCES-c.md)
        reporting={("op/6", "CTC", "SC", None)},
    ),
    # S/RES/2178 (2014), web copy: ASCII punctuation, web title, symbol and date lines
    "s-res-2178-2014_web-ascii.txt": Expected(
        "resolution", "S/RES/2178 (2014)", D(2014, 9, 24), 7272, {"pp": 6, "op": 9},
        R("1267 (1999)", "1373 (2001)", "1624 (2005)", "2083 (2012)", "2129 (2013)", "2133 (2014)",
          "2161 (2014)", "2170 (2014)", "1526 (2004)", "1989 (2011)"),
        {"SC", "CTED", "MT1267", "CTC", "UNCCT", "UNODC", "CTITF", "C1267"},
        no_verb={"pp/6"},  # 根据《联合国宪章》第七章采取行动
        # op 7 请监测组…在180天内向…委员会报告; op 8 请…所设委员会和反恐委员会…在180天内向安理会通报
        directives={("op/7", "MT1267", D(2015, 3, 23), None), ("op/8", "C1267", D(2015, 3, 23), None),
                    ("op/8", "CTC", D(2015, 3, 23), None)},
        # the same reports are one-off duties with no frequency (tests/real/SOURCES-c.md)
        reporting={("op/7", "MT1267", "C1267", None), ("op/8", "C1267", "SC", None),
                   ("op/8", "CTC", "SC", None)},
    ),
    # S/RES/2395 (2017), official PDF, "layout": masthead, footer and barcode between
    # pp 5 and op 1, a page break with footer and running head inside 反恐执|行局 (op 6)
    "s-res-2395-2017_pdf-layout.txt": Expected(
        "resolution", "S/RES/2395 (2017)", D(2017, 12, 21), 8148, {"pp": 5, "op": 8},
        R("1373 (2001)", "1535 (2004)", "1624 (2005)", "1787 (2007)", "1805 (2008)", "1963 (2010)",
          "2129 (2013)", "2178 (2014)", "2354 (2017)", "1267 (1999)", "1989 (2011)", "2253 (2015)")
        | {"A/RES/71/291"},
        {"SC", "GA", "UNOCT", "CTED", "CTC", "UNODC", "C1267", "MT1267"},
        mandates={("op/2", "CTED", SPM, D(2021, 12, 31), D(2019, 12, 31), "CTC")},
        directives={("op/5", "CTED", D(2020, 12, 31), "S/RES/1373 (2001)")},
        reporting={("op/6", "CTC", "SC", "P1Y")},
    ),
    # S/RES/2617 (2021), official PDF in UTF-16 with a BOM and CRLF, one paragraph a line;
    # a page break with footer, barcode and running head inside 期|中审查 (op 1)
    "s-res-2617-2021_utf16.txt": Expected(
        "resolution", "S/RES/2617 (2021)", D(2021, 12, 30), 8941, {"pp": 3, "op": 5},
        R("1373 (2001)", "1535 (2004)", "2129 (2013)", "2395 (2017)") | {"S/PRST/2005/64"},
        {"SC", "CTED", "CTC", "UNOCT", "FATF", "GCTF"},
        mandates={("op/1", "CTED", SPM, D(2025, 12, 31), D(2023, 12, 31), "CTC")},
        directives={("op/2", "CTED", D(2022, 6, 30), None)},
        reporting={("op/4", "CTC", "SC", "P1Y")},
    ),
    # S/PRST/2015/11, web copy: ASCII punctuation and quotes, web title with the symbol, date line
    "s-prst-2015-11_web-ascii.txt": Expected(
        "prst", "S/PRST/2015/11", D(2015, 5, 29), 7453, {"p": 6},
        R("2170 (2014)", "2178 (2014)", "2199 (2015)", "1267 (1999)", "1989 (2011)")
        | {"S/2015/338", "S/2015/358"},
        {"SC", "CTED", "MT1267", "CTC", "C1267", "UNCCT", "CTITF"},
        reporting={("p/6", "CTC", "SC", "P180D")},  # 每隔180天向安理会通报
    ),
    # S/PRST/2016/6 in Traditional script: 「」 quotes, full-width parentheses, 祕書長, 著重指出
    "s-prst-2016-6_traditional.txt": Expected(
        "prst", "S/PRST/2016/6", D(2016, 5, 11), 7690, {"p": 7},
        R("1624 (2005)", "2178 (2014)"),
        {"SC", "CTITF", "AOC", "CTC", "CTED", "SG"},
        directives={("p/5", "CTC", D(2017, 4, 30), None)},  # 最遲於2017年4月30日向安理會提交
    ),
    # S/PRST/2010/19, official PDF, "layout", no symbol in the text (catalog.csv gives it);
    # the opening says 在…举行的安全理事会第6390次会议上
    "s-prst-2010-19_pdf-layout.txt": Expected(
        "prst", "S/PRST/2010/19", D(2010, 9, 27), 6390, {"p": 7},
        R("1267 (1999)", "1373 (2001)", "1540 (2004)", "1624 (2005)", "1904 (2009)")
        | {"A/RES/64/297", "A/RES/60/288"},
        {"SC", "GA", "CTITF", "CTC", "C1267", "C1540", "OMBUDSPERSON", "CTED"},
        reporting={("p/6", "CTC", "SC", "P1Y")},  # 至少每年一次向安理会报告
    ),
    # S/2018/1177, letter of the CTC Chair with an annex, official PDF, "layout": eight
    # masthead lines, signature block, footnotes and undocs.org URL runs inside annex ¶ 3
    "s-2018-1177_letter-annex.txt": Expected(
        "letter", "S/2018/1177", D(2018, 12, 28), None, {"p": 2, "annex/1/p": 5},
        R("1373 (2001)", "2396 (2017)", "2170 (2014)", "2178 (2014)", "2199 (2015)", "1267 (1999)",
          "1989 (2011)", "2253 (2015)") | {"S/2015/939"},
        {"SC", "CTC", "CTED", "UNODC", "UNOCT", "C1267"},
    ),
    # S/2021/972, a CTED report excerpt, one paragraph a line: masthead with its date in
    # English only, a long title, section headings, footnotes and URLs inside ¶ 4
    "s-2021-972_cted-survey.txt": Expected(
        "other", "S/2021/972", D(2021, 11, 23), None, {"p": 5},
        R("1373 (2001)", "2395 (2017)", "1624 (2005)", "2178 (2014)", "2396 (2017)", "2462 (2019)",
          "2129 (2013)", "2617 (2021)"),
        {"CTED", "CTC", "SC", "FATF", "UNOCT", "UNODC", "UNICRI"},
    ),
}

@pytest.fixture(scope="module")
def corpus_build():
    from ct2rdf.build import build

    return build([CORPUS], base=BASE)


def facts(result) -> dict:
    """The facts of one built document, in the shape of :class:`Expected`."""
    d, f = result.doc, result.facts
    h = d.structure.header
    verbs = {v.paragraph for v in f["verbs"]}
    return {
        "type": h.doc_type,
        "symbol": str(d.symbol) if d.symbol else None,
        "date": d.date,
        "meeting": h.meeting_number,
        "paragraphs": dict(Counter(
            f"{p.ref.part}/{p.ref.kind}" if p.ref.part else p.ref.kind for p in d.structure.paragraphs
        )),
        "cites": {str(c.symbol) for c in f["citations"]},
        "bodies": {m.key for m in f["bodies"] if hasattr(m, "paragraph")},
        "mandates": {(m.paragraph.path, m.holder, m.kind, m.end, m.review, m.guidance)
                     for m in f["mandates"]},
        "directives": {(x.paragraph.path, x.addressee, x.due, str(x.concerns) if x.concerns else None)
                       for x in f["directives"]},
        "reporting": {(x.paragraph.path, x.addressee, x.reports_to, x.frequency) for x in f["reporting"]},
        "no_verb": {p.ref.path for p in d.structure.paragraphs if p.ref not in verbs}
        if h.doc_type in ("resolution", "prst") else set(),
    }


@pytest.mark.parametrize("name", sorted(ROWS))
def test_document_facts(corpus_build, name):
    result = next(r for r in corpus_build.results if r.name == name)
    assert result.error is None, result.error
    got, want = facts(result), vars(ROWS[name])
    assert {k: v for k, v in got.items() if v != want[k]} == {k: v for k, v in want.items() if v != got[k]}


def test_corpus_builds_and_conforms(corpus_build):
    # every file is read, none twice, and the whole graph conforms to the shapes
    assert sorted(r.name for r in corpus_build.results) == sorted(ROWS)
    assert [str(r.error) for r in corpus_build.results if r.error] == []
    assert corpus_build.corpus.warnings == ()
    assert corpus_build.report.conforms, corpus_build.report


def test_mandate_renewal_across_the_corpus(corpus_build):
    # S/RES/2617 (2021) op 1 continues the CTED mandate of S/RES/2395 (2017) op 2
    g = corpus_build.graph
    new = URIRef(BASE + "S/RES/2617(2021)/op/1/mandate/CTED")
    old = URIRef(BASE + "S/RES/2395(2017)/op/2/mandate/CTED")
    assert (new, CT.renews, old) in g


# (file, encoding, CRLF line ends, "layout" or "block"): the corpus keeps the formats it claims
FORMATS = [
    ("s-res-1373-2001_block.txt", "utf-8", False, "block"),
    ("s-res-1624-2005_gb18030-crlf.txt", "gb18030", True, "block"),
    ("s-res-2178-2014_web-ascii.txt", "utf-8", False, "block"),
    ("s-res-2395-2017_pdf-layout.txt", "utf-8", False, "layout"),
    ("s-res-2617-2021_utf16.txt", "utf-16", True, "block"),
    ("s-prst-2015-11_web-ascii.txt", "utf-8", False, "block"),
    ("s-prst-2016-6_traditional.txt", "utf-8", False, "block"),
    ("s-prst-2010-19_pdf-layout.txt", "utf-8", False, "layout"),
    ("s-2018-1177_letter-annex.txt", "utf-8", False, "layout"),
    ("s-2021-972_cted-survey.txt", "utf-8", False, "block"),
]


@pytest.mark.parametrize(("name", "encoding", "crlf", "layout"), FORMATS, ids=[f[0] for f in FORMATS])
def test_corpus_formats(name, encoding, crlf, layout):
    text, found = decode((CORPUS / name).read_bytes(), name)
    assert (found, "\r\n" in text) == (encoding, crlf)
    assert ("layout" if is_layout(split_lines(fold(text)[0])) else "block") == layout
    check_offsets(text)  # every normalized character maps back to its source character
