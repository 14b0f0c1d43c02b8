"""Hostile inputs (issue #10): nothing crashes, nothing hangs, nothing is lost, nothing is silent.

Each row of the table writes one hostile input into a folder beside a copy of
a good seed, runs ``ct2rdf build`` on the folder, and states what must happen:
the exit code, fragments of the messages (read off the input: the offsets and
sizes are computed from the bytes written), and that the good seed was built.
"""

from __future__ import annotations

import os
import shutil
import sys
import time

import pytest
from click.testing import CliRunner
from rdflib import Graph, URIRef

from conftest import SEEDS, seed
from ct2rdf import patterns as P
from ct2rdf.cli import cli
from ct2rdf.pipeline import process

GOOD = seed("004")  # S/RES/1963 (2010): no warnings of its own; at most 71 facts of a kind
GOOD_IRI = b"<https://w3id.org/ct2rdf/id/S/RES/1963(2010)>"
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
AS_ROOT = pytest.mark.skipif(IS_ROOT, reason="root reads every file and folder whatever its mode")


def res(n: int, body: str) -> str:
    """A small resolution of 2013 (numbers 2087-2132 fit that year), distinct by number."""
    return (f"第{n}(2013)号决议\n\n安全理事会2013年12月17日第{7000 + n}次会议通过\n\n"
            f"安全理事会，\n\n{body}\n")


def write(name: str, data: bytes | str):
    def make(root):
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode() if isinstance(data, str) else data)
    return make


def link(name: str, target: str):
    def make(root):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        os.symlink(target, root / name)
    return make


def fifo(name: str):
    return lambda root: os.mkfifo(root / name)


def locked(name: str, folder: bool):
    def make(root):
        path = root / name
        if folder:
            path.mkdir()
            (path / "inside.txt").write_text(res(2120, "1. 决定继续处理此案。"))
        else:
            path.write_text(res(2121, "1. 决定继续处理此案。"))
        path.chmod(0)
    return make


TEXT = res(2090, "1. 决定继续处理此案。")
CUT = TEXT.encode()
LINE_50MB = "安全理事会决议" * 2_380_953  # 21 bytes each: 50,000,013 bytes, one line
DATES = res(2093, "\n\n".join([
    "1. 请反恐执行局在本决议通过后九千年内向委员会报告；",
    "2. 请反恐执行局在九九九九九九周内向委员会报告；",
    "3. 请反恐执行局最迟于9999年12月31日向委员会报告；",
    "4. 请反恐执行局最迟于九九九九年十二月三十一日向委员会报告；",
    "5. 请秘书长最迟于2023年2月30日提交报告；",
    "6. 请秘书长最迟于二〇二三年十三月一日提交报告；",
    "7. 回顾0年1月1日和-5年1月1日的事件。",
]))

# (id, what to write beside the good seed, extra options, exit code, message fragments, IRIs built)
ROWS = [
    # binary garbage: ASCII then 0x80, invalid in UTF-8 and in GB18030: an error at its offset
    ("binary", write("binary.txt", bytes(range(256)) * 4), [], 2,
     ["Error: binary.txt: cannot decode as utf-8 or GB18030: invalid byte b'\\x80' at byte offset 128"], []),
    # a UTF-8 file cut inside its last character (安 is E5 AE 89): UTF-8, never GB18030 mojibake
    ("utf8-truncated", write("cut.txt", CUT + "安".encode()[:2]), [], 2,
     [f"Error: cut.txt: cannot decode as utf-8: invalid byte b'\\xe5' at byte offset {len(CUT)}"], []),
    # GB18030 bytes after a UTF-8 start (反 is B7 B4 in GB18030): an error naming the offset
    ("gb18030-after-utf8", write("mixed.txt", CUT + "反恐执行局".encode("gb18030")), [], 2,
     [f"Error: mixed.txt: cannot decode as utf-8: invalid byte b'\\xb7' at byte offset {len(CUT)}"], []),
    # only whitespace, ideographic space included
    ("only-whitespace", write("blank.txt", " \n\t\u3000\r\n"), [], 2,
     ["Error: blank.txt: the file is empty"], []),
    # only punctuation: no Chinese text, no document
    ("only-punctuation", write("punct.txt", "。，、；：！？“”（）《》…—" * 50 + "\n"), [], 2,
     ["Error: punct.txt: no recognizable document: no Chinese text found"], []),
    # quotes nested 300 deep around a name: built, no recursion anywhere
    ("nested-quotes", write("quotes.txt", res(2091, "1. 回顾" + "「『“" * 300 + "安全理事会"
                                              + "”』」" * 300 + "；\n\n2. 决定继续处理此案。")),
     [], 0, [], ["S/RES/2091(2013)"]),
    # a 50 MB single line: refused by its size before a byte is read, the size in the message
    ("50mb-line", write("huge.txt", LINE_50MB), [], 2,
     ["Error: huge.txt: 50,000,013 bytes (50.0 MB) is over the limit of --max-size 20 MB"], []),
    # 200,000 parentheses in one paragraph
    ("200k-parentheses", write("parens.txt", res(2092, "1. 决定" + "(" * 100_000 + ")" * 100_000 + "。")),
     [], 0, [], ["S/RES/2092(2013)"]),
    # absurd dates in Arabic and Chinese numerals: warnings saying why, never facts, never a crash
    ("absurd-dates", write("dates.txt", DATES), [], 0, [
        "implausible date “在本决议通过后九千年内”", "implausible date “在九九九九九九周内”",
        "implausible date “9999年12月31日”", "implausible date “九九九九年十二月三十一日”",
        "invalid date “2023年2月30日”", "invalid date “二〇二三年十三月一日”",
        "implausible date “0年1月1日”", "implausible date “-5年1月1日”"], ["S/RES/2093(2013)"]),
    # invisible characters inside 安全理事会, the symbol and the date: the title is still read
    ("invisible", write("bidi.txt", res(2094, "1. 决定安全\u202e理事会继续处理此案。")
                        .replace("第2094(2013)", "第2094\u200b(2013)")
                        .replace("2013年12月", "2013\u2060年12月")
                        .replace("安全理事会，", "安全\u200f理事\u00ad会\ufeff，")), [], 0,
     ["Warning: bidi.txt: 6 invisible format characters", "the first (U+200B) at line 1, column 6"],
     ["S/RES/2094(2013)"]),
    # Simplified and Traditional mixed in one sentence
    ("mixed-script", write("mixed-script.txt", res(2095, "1. 決定反恐怖主义委員會執行局继续運作。")),
     [], 0, [], ["S/RES/2095(2013)"]),
    # more citations than --max-facts allows: an error naming the file and the kind
    ("max-facts", write("many.txt", res(2096, "1. 回顾" + "第1373(2001)号决议、" * 120
                                         + "第1624(2005)号决议。")),
     ["--max-facts", "100"], 2, ["Error: many.txt: more than 100 citations in one document"], []),
    # a FIFO inside a folder: refused by type, never waited on
    ("fifo", fifo("pipe.txt"), [], 2, ["Error: pipe.txt: not a regular file but a FIFO (named pipe)"], []),
    # a folder named x.txt is a folder: the texts inside are built
    ("dir-named-txt", write("x.txt/inner.txt", res(2097, "1. 决定继续处理此案。")), [], 0, [],
     ["S/RES/2097(2013)"]),
    # a link to nothing
    ("broken-link", link("broken.txt", "nowhere.txt"), [], 2,
     ["Error: broken.txt: a broken link (to nowhere.txt, which does not exist)"], []),
    # a -> b -> a
    ("link-loop", lambda root: (link("a.txt", "b.txt")(root), link("b.txt", "a.txt")(root)), [], 2,
     ["Error: a.txt: a symbolic link loop", "Error: b.txt: a symbolic link loop"], []),
    # a folder link to its parent: walked once, a warning
    ("link-to-parent", link("sub/up", ".."), [], 0,
     ["Warning: sub/up/: a link to a folder read already"], []),
    # a hidden file (e.g. macOS's ._x.txt resource forks): skipped with a warning
    ("hidden-file", write("._x.txt", b"\x00\x05\x16\x07"), [], 0,
     ["Warning: ._x.txt: a hidden file (its name starts with a dot): skipped"], []),
    # an unreadable file
    pytest.param("unreadable-file", locked("secret.txt", folder=False), [], 2,
                 ["Error: secret.txt: cannot read it (Permission denied)"], [], marks=AS_ROOT,
                 id="unreadable-file"),
    # an unreadable folder: its texts are lost, so an error
    pytest.param("unreadable-folder", locked("closed", folder=True), [], 2,
                 ["Error: closed/: cannot list the folder (Permission denied)"], [], marks=AS_ROOT,
                 id="unreadable-folder"),
]


def _ids(rows):
    return [r.id if hasattr(r, "id") and r.id else r[0] for r in rows]


def build(root, *options):
    out = root.parent / "out" / "ct.ttl"
    r = CliRunner().invoke(cli, ["build", str(root), "-o", str(out), "--no-cache", "--jobs", "1", *options])
    return r, out


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    shutil.copy(SEEDS / GOOD, root / GOOD)
    yield root
    for p in root.rglob("*"):  # give back what a row locked, so tmp_path can be removed
        if not p.is_symlink():
            p.chmod(0o755)


@pytest.mark.parametrize(("row", "make", "options", "code", "messages", "built"), ROWS, ids=_ids(ROWS))
def test_hostile_input(folder, row, make, options, code, messages, built):
    make(folder)
    t = time.perf_counter()
    r, out = build(folder, *options)
    seconds = time.perf_counter() - t
    assert r.exit_code == code, r.output
    assert "Traceback" not in r.output
    for m in messages:
        assert m in r.stderr, r.stderr
    data = out.read_bytes()
    assert GOOD_IRI in data  # the good seed was built whatever its neighbour
    for symbol in built:
        assert f"<https://w3id.org/ct2rdf/id/{symbol}>".encode() in data
    print(f"{row}: exit {r.exit_code} in {seconds:.1f} s")


def test_unreadable_folder_is_an_error_even_as_root(folder, monkeypatch):
    # the same row as unreadable-folder, the refusal simulated: root can list any folder
    (folder / "closed").mkdir()
    (folder / "closed" / "inside.txt").write_text(res(2120, "1. 决定继续处理此案。"))
    real = os.scandir

    def scandir(path):
        if str(path).endswith("closed"):
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr("ct2rdf.inputs.os.scandir", scandir)
    r, out = build(folder)
    assert r.exit_code == 2, r.output
    assert "Error: closed/: cannot list the folder (Permission denied)" in r.stderr
    assert "and 1 folders could not be read" in r.stderr
    assert GOOD_IRI in out.read_bytes()


# *** Dates: no fact holds an impossible or implausible one ***

# (id, a paragraph, the warning it must give)
DATE_ROWS = [
    # a delay counted from 2013 that ends in the year 11014: overflowed before
    ("relative-9000-years", "1. 请反恐执行局在本决议通过后九千年内向委员会报告；", "implausible date"),
    # 999,999 weeks: past the year 9999, an OverflowError before
    ("relative-weeks", "1. 请反恐执行局在九九九九九九周内向委员会报告；", "implausible date"),
    # an Arabic year out of range
    ("arabic-9999", "1. 请反恐执行局最迟于9999年12月31日向委员会报告；", "implausible date “9999年12月31日”"),
    # a Chinese-numeral year out of range: was 9999-12-31
    ("chinese-9999", "1. 请反恐执行局最迟于九九九九年十二月三十一日向委员会报告；",
     "implausible date “九九九九年十二月三十一日”"),
    # no 30 February
    ("february-30", "1. 请反恐执行局最迟于2023年2月30日向委员会报告；",
     "invalid date “2023年2月30日” (2023年2月 has no day 30)"),
    # no 13th month
    ("month-13", "1. 请反恐执行局最迟于二〇二三年十三月一日向委员会报告；",
     "invalid date “二〇二三年十三月一日” (there is no month 13)"),
    # year 0
    ("year-0", "1. 请反恐执行局最迟于0年1月1日向委员会报告；", "implausible date “0年1月1日”"),
    # a negative year
    ("negative", "1. 回顾公元前5年3月1日的事件；", "implausible date “公元前5年3月1日” (the year -5"),
    # a mandate 9,999 months long from 2013
    ("mandate-months", "1. 决定将反恐执行局的任务期限延长九九九九个月；",
     "implausible date “延长九九九九个月”"),
]


def _dates(r):
    import datetime as dt

    values = (v for facts in r.facts.values() for f in facts for v in vars(f).values())
    return [v for v in values if isinstance(v, dt.date)]


@pytest.mark.parametrize(("para", "warning"), [r[1:] for r in DATE_ROWS], ids=[r[0] for r in DATE_ROWS])
def test_absurd_dates_warn_and_make_no_fact(para, warning):
    r = process("d.txt", res(2098, para).encode())
    assert r.error is None
    assert any(w.startswith("d.txt: ") and warning in w for w in r.warnings), r.warnings
    assert all(1945 <= d.year <= 2100 for d in _dates(r)), _dates(r)


def test_an_implausible_header_date_is_named_not_missing():
    # the document's only date is 9999-12-31: "no valid date (see below)", then why
    text = res(2098, "1. 决定继续处理此案。").replace("2013年12月17日", "九九九九年十二月三十一日")
    r = process("h.txt", text.encode())
    assert r.doc.date is None
    assert not any("no date found" in w for w in r.warnings)
    assert any("implausible date “九九九九年十二月三十一日”" in w for w in r.warnings)


# *** Invisible characters: the same facts as the clean text, quotes that keep them ***

INVISIBLE = ["\u202e", "\u200f", "\u200b", "\u2060", "\ufeff", "\u00ad"]


@pytest.mark.parametrize("ch", INVISIBLE, ids=[f"U+{ord(c):04X}" for c in INVISIBLE])
def test_invisible_characters_change_no_fact(ch):
    clean = (SEEDS / seed("003")).read_text()
    dirty = (clean.replace("安全理事会", f"安全{ch}理事会").replace("S/RES/", f"S/{ch}RES/")
             .replace("2013 年", f"20{ch}13 年"))
    a, b = process("t.txt", clean.encode()), process("t.txt", dirty.encode())
    assert b.doc.text == a.doc.text and b.facts == a.facts
    n = dirty.count(ch)
    first = dirty.index(ch)
    line, col = dirty.count("\n", 0, first) + 1, first - dirty.rfind("\n", 0, first)
    [w] = [w for w in b.warnings if "invisible" in w]
    assert f"{n} invisible format characters" in w and f"at line {line}, column {col}" in w
    # every span maps to source characters that, the invisible ones taken out, are the clean ones
    norm_a, norm_b = a.doc.norm, b.doc.norm
    for facts in a.facts.values():
        for f in facts:
            sa = norm_a.source_span(f.span.start, f.span.end)
            sb = norm_b.source_span(f.span.start, f.span.end)
            assert dirty[sb[0]:sb[1]].replace(ch, "") == clean[sa[0]:sa[1]]


def test_the_invisible_list_is_unicodes_format_characters():
    import unicodedata

    for c in map(chr, range(0x110000)):
        cat = unicodedata.category(c)
        # every Cf character, and besides them only characters this Python does not know yet
        assert bool(P.INVISIBLE_RE.match(c)) == (cat == "Cf") or (cat == "Cn" and P.INVISIBLE_RE.match(c))


def test_simplified_and_traditional_mixed_give_the_simplified_facts():
    simple = res(2095, "1. 决定反恐怖主义委员会执行局继续作为一项特别政治任务运作至2017年12月31日。")
    mixed = res(2095, "1. 決定反恐怖主义委員會執行局继续作為一項特别政治任務运作至2017年12月31日。")
    a, b = process("s.txt", simple.encode()), process("s.txt", mixed.encode())
    assert b.facts == a.facts and a.facts["mandates"]


# *** File names: escaped in IRIs and literals ***

NAMES = ["with space.txt", "new\nline.txt", "quote\"and'apos.txt", "决议 №1.txt", "-dash.txt",
         "<angle>{brace}|pipe^`back\\slash.txt"]


def test_strange_file_names_are_escaped(folder):
    for i, name in enumerate(NAMES):
        (folder / name).write_text(res(2100 + i, "1. 决定继续处理此案。"))
    r, out = build(folder)
    assert r.exit_code == 0, r.output
    g = Graph().parse(out, format="turtle")  # rdflib reads what was written
    files = {str(o) for o in g.objects(None, URIRef("https://w3id.org/ct2rdf/ontology#sourceFile"))}
    assert files == {GOOD, *NAMES}
    # a leading dash named on the command line, after --
    r = CliRunner().invoke(cli, ["build", "-o", str(folder.parent / "o2.ttl"), "--no-cache", "--jobs", "1",
                                 "--", str(folder / "-dash.txt")])
    assert r.exit_code == 0, r.output


# *** Size and count bounds ***

def test_max_size_boundary(folder):
    # --max-size 0.01 is 10,000 bytes: a file of exactly that is read, one byte more is not
    data = res(2099, "1. 决定继续处理此案。").encode()
    (folder / "edge.txt").write_bytes(data + b"\n" * (10_000 - len(data)))
    big = folder.parent / "big"
    big.mkdir()
    (big / "edge2.txt").write_bytes(data + b"\n" * (10_001 - len(data)))
    r = CliRunner().invoke(cli, ["build", str(folder / "edge.txt"), "-o", str(folder.parent / "a.ttl"),
                                 "--no-cache", "--jobs", "1", "--max-size", "0.01"])
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(cli, ["build", str(big / "edge2.txt"), str(folder / "edge.txt"),
                                 "-o", str(folder.parent / "b.ttl"), "--no-cache", "--jobs", "1",
                                 "--max-size", "0.01"])
    assert r.exit_code == 2 and "edge2.txt: 10,001 bytes" in r.stderr, r.output


def _numbered(n: int) -> str:
    # numbered lines of one width from 1000 on: one logical re-wrapped line (quadratic before)
    return res(2110, "".join(f"{i}. 请反恐执行局向委员会报告。\n\n" for i in range(1, n + 1)))


def test_numbered_lines_take_linear_time():
    # 1,250 and 10,000 numbered lines (8x): linear work takes ~8x as long, the quadratic
    # joining of one logical line and counting of a clause's segments took 64x (10,000: minutes)
    def seconds(n: int) -> float:
        data = _numbered(n).encode()
        t = time.process_time()
        r = process("numbered.txt", data)
        assert r.error is None and len(r.facts["reporting"]) == min(n, 999)  # 1000 on start no paragraph
        return time.process_time() - t

    seconds(100)  # warm: jieba, the reference data
    small, large = seconds(1_250), seconds(10_000)
    print(f"numbered lines: 1,250 in {small:.2f} s, 10,000 in {large:.2f} s CPU")
    assert large / small < 32, (small, large)


@pytest.mark.slow
def test_100000_numbered_paragraphs_are_refused_in_bounded_time(folder):
    # 200,000 mentions (two a line) pass the default --max-facts of 100,000: an error, not 20 M triples
    (folder / "numbered.txt").write_text(_numbered(100_000))
    t = time.process_time()
    r, out = build(folder)
    print(f"100,000 numbered paragraphs: {time.process_time() - t:.1f} s CPU")
    assert r.exit_code == 2 and "numbered.txt: more than 100,000 bodies in one document" in r.stderr
    assert GOOD_IRI in out.read_bytes()


def _tiny(root, n: int) -> None:
    import datetime as dt

    rows = ["file,symbol,date"]
    for i in range(n):  # news items, each of its own day (the catalog's): doc/doc-DATE, no clash
        name = f"{i:05d}.txt"
        (root / name).write_text(f"安全理事会关于第{i}号问题的新闻稿。\n")
        rows.append(f"{name},,{dt.date(1990, 1, 1) + dt.timedelta(days=i)}")
    (root / "catalog.csv").write_text("\n".join(rows) + "\n")


@pytest.mark.parametrize("n", [1_000, pytest.param(10_000, marks=pytest.mark.slow)])
def test_a_folder_of_tiny_files(tmp_path, n):
    _tiny(tmp_path, n)
    t = time.perf_counter()
    r = CliRunner().invoke(cli, ["build", str(tmp_path), "-o", str(tmp_path / "out" / "ct.nt"),
                                 "--no-cache", "-q"])
    print(f"{n} tiny files: {time.perf_counter() - t:.1f} s with {os.cpu_count()} cores")
    assert r.exit_code == 0, r.output
    assert (tmp_path / "out" / "ct.nt").stat().st_size > n * 100


# *** Malformed --shapes ***

SHAPES = [
    # not Turtle at all: the parser's line and column
    ("not-turtle", "this is not turtle {\n", "a.ttl is not valid Turtle: line 1, column 1"),
    # Turtle without a single shape: it would "conform" to nothing
    ("no-shapes", "@prefix ex: <http://e/> .\nex:a ex:b ex:c .\n", "no SHACL shapes in 1 file"),
    # a literal as sh:path
    ("literal-path", "@prefix sh: <http://www.w3.org/ns/shacl#> .\n<http://e/S> a sh:NodeShape ;\n"
     "  sh:property [ sh:path \"x\" ; sh:minCount 1 ] .\n",
     "<http://e/S> has a malformed sh:path: \"x\" is a literal"),
    # a blank node with no path form
    ("empty-path", "@prefix sh: <http://www.w3.org/ns/shacl#> .\n<http://e/S> a sh:NodeShape ;\n"
     "  sh:property [ sh:path [ ] ; sh:minCount 1 ] .\n", "exactly one path form, this one has 0"),
]


@pytest.mark.parametrize(("text", "message"), [r[1:] for r in SHAPES], ids=[r[0] for r in SHAPES])
def test_malformed_shapes_are_errors(tmp_path, text, message):
    (tmp_path / "shapes").mkdir()
    (tmp_path / "shapes" / "a.ttl").write_text(text)
    graph = SEEDS.parent / "out" / "ct.ttl"
    r = CliRunner().invoke(cli, ["validate", str(graph), "--shapes", str(tmp_path / "shapes")])
    assert r.exit_code == 2, r.output
    assert isinstance(r.exception, SystemExit), r.exception  # an exit, not a crash
    assert r.stderr.startswith("Error: ") and message in r.stderr, r.stderr


if __name__ == "__main__":  # a quick look at the rows' timings
    sys.exit(pytest.main([__file__, "-q", "-s"]))
