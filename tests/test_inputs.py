"""Reading input: encodings, bad bytes, empty or unrecognizable files, catalogs, minted IRIs."""

from __future__ import annotations

import codecs
import hashlib
import re

import pytest
from click.testing import CliRunner

from ct2rdf.build import build
from ct2rdf.cli import cli
from ct2rdf.errors import InputError
from ct2rdf.pipeline import process
from ct2rdf.text.decode import decode

BASE = "https://w3id.org/ct2rdf/id/"
TEXT = (
    "第 2395 (2017) 号决议\n\n安全理事会 2017 年 12 月 21 日第 8148 次会议通过\n\n安全理事会，\n\n"
    "回顾2001年9月28日第1373(2001)号决议和大会第 60/288 号决议，\n\n1. 决定反恐执行局继续运作。\n\n2. "
    "决定继续积极处理此案。\n"
)
PRST = "安全理事会主席声明\n\n2021年1月12日，安全理事会主席代表安理会发表声明如下：\n\n“安全理事会{}。”\n"

ENCODINGS = [
    # UTF-8 without a BOM
    ("utf-8", lambda t: t.encode("utf-8")),
    # UTF-8 with a BOM
    ("utf-8", lambda t: codecs.BOM_UTF8 + t.encode("utf-8")),
    # UTF-16 little-endian with a BOM
    ("utf-16", lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le")),
    # UTF-16 big-endian with a BOM
    ("utf-16", lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be")),
    # GB18030
    ("gb18030", lambda t: t.encode("gb18030")),
]


@pytest.mark.parametrize(
    ("encoding", "encode"), ENCODINGS, ids=["utf8", "utf8-bom", "utf16le", "utf16be", "gb18030"]
)
def test_encodings_give_the_same_facts(encoding, encode):
    base = process("t.txt", TEXT.encode())
    r = process("t.txt", encode(TEXT))
    assert r.error is None and r.doc.encoding == encoding
    assert r.doc.text == base.doc.text and r.doc.structure == base.doc.structure
    assert r.facts == base.facts and r.facts["citations"]


BAD = [
    # a byte invalid in UTF-8 after Chinese text: UTF-8, not GB18030 mojibake
    ("安全理事会".encode() + b"\x80" + "决议".encode(), 15),
    # a byte invalid in UTF-8 and in GB18030
    (b"ab\x80cd", 2),
    # a 0xFF byte after ASCII
    (b"S/RES/1373" + b"\xff" + "决议".encode(), 10),
    # a UTF-8 BOM, then a truncated character: the offset counts the BOM
    (codecs.BOM_UTF8 + "安理".encode() + b"\xe4", 9),
    # a UTF-16 BOM, then a lone surrogate
    (codecs.BOM_UTF16_LE + "安".encode("utf-16-le") + b"\x00\xd8" + "A".encode("utf-16-le"), 4),
    # UTF-16 without a BOM: NUL bytes
    ("ab安".encode("utf-16-le"), 1),
    # UTF-32 with its BOM, which starts like UTF-16's
    ("安理会".encode("utf-32"), 2),
]


BAD_IDS = ["utf8-invalid", "gb-invalid", "ff", "bom-truncated", "surrogate", "utf16-nobom", "utf32"]


@pytest.mark.parametrize(("data", "offset"), BAD, ids=BAD_IDS)
def test_invalid_bytes_name_the_file_and_offset(data, offset):
    with pytest.raises(InputError) as e:
        decode(data, "docs/bad.txt")
    msg = str(e.value)
    assert msg.startswith("docs/bad.txt: ") and f"byte offset {offset}" in msg
    assert process("docs/bad.txt", data).error is not None


def _corpus(root, files: dict[str, bytes]):
    root.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (root / name).write_bytes(data)
    return root


SKIPPED = {
    "empty.txt": b"",
    "blank.txt": b" \n\n  \n",
    "english.txt": b"hello world\n",
    "bad.txt": b"\x80\x80",
}


def test_bad_files_are_reported_and_skipped(tmp_path):
    root = _corpus(tmp_path, {"good.txt": TEXT.encode(), **SKIPPED})
    result = build([root], base=BASE)
    errors = {r.name: str(r.error) for r in result.results if r.error}
    assert set(errors) == set(SKIPPED)
    assert "empty" in errors["empty.txt"] and "empty" in errors["blank.txt"]
    assert "no recognizable document" in errors["english.txt"]
    assert [e.path for e in result.corpus.entries] == ["S/RES/2395(2017)"]
    assert result.report.conforms


def test_cli_reports_bad_files_and_builds_the_others(tmp_path):
    root = _corpus(tmp_path / "in", {"good.txt": TEXT.encode(), **SKIPPED})
    out = tmp_path / "out.ttl"
    r = CliRunner().invoke(cli, ["build", str(root), "-o", str(out)])
    assert r.exit_code == 2
    for name in SKIPPED:
        assert re.search(rf"^Error: {re.escape(name)}: .+\. .+$", r.stderr, re.M), name
    assert b"S/RES/2395(2017)" in out.read_bytes()


def _symbols(result):
    return {r.name: str(r.doc.symbol) for r in result.results if r.doc}


def test_catalog_beside_the_inputs_and_catalog_option(tmp_path):
    root = _corpus(tmp_path / "in", {
        "a.txt": PRST.format("重申").encode(),
        "catalog.csv": b"file,symbol,note\na.txt,S/PRST/2021/1,press release\n",
    })
    # catalog.csv beside the inputs gives the symbol the text lacks
    assert _symbols(build([root], base=BASE, check=False)) == {"a.txt": "S/PRST/2021/1"}
    other = tmp_path / "other.csv"
    other.write_bytes(b"file,symbol\na.txt,s/prst/2021/7\n")
    # --catalog overrides it
    assert _symbols(build([root], base=BASE, catalog=other, check=False)) == {"a.txt": "S/PRST/2021/7"}
    out = tmp_path / "x.ttl"
    r = CliRunner().invoke(cli, ["build", "-q", str(root), "--catalog", str(other), "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert b"<https://w3id.org/ct2rdf/id/S/PRST/2021/7>" in out.read_bytes()


def test_documents_without_symbol_get_minted_iris_ordered_by_content_hash(tmp_path):
    texts = [PRST.format(v).encode() for v in ("重申", "强调", "欢迎")]
    texts.sort(key=lambda b: hashlib.sha256(b).hexdigest())
    # file names in the opposite order of the content hashes: the names must not matter
    root = _corpus(tmp_path, {f"{n}.txt": t for n, t in zip("cba", texts, strict=True)})
    result = build([root], base=BASE, check=False)
    got = {e.result.name: e.path for e in result.corpus.entries}
    stem = "doc/prst-2021-01-12"
    assert got == {"c.txt": stem, "b.txt": f"{stem}-2", "a.txt": f"{stem}-3"}
    iris = {str(s) for s in result.graph.subjects()}
    assert {BASE + stem, BASE + stem + "-2", BASE + stem + "-3"} <= iris


def test_two_files_with_one_name_are_an_error_the_same_file_twice_is_not(tmp_path):
    a = _corpus(tmp_path / "a", {"x.txt": PRST.format("重申").encode()})
    b = _corpus(tmp_path / "b", {"x.txt": PRST.format("强调").encode()})
    # the same file named twice (folder and file) is built once
    assert len(build([a, a / "x.txt"], base=BASE, check=False).results) == 1
    # two different files named x.txt would share ct:sourceFile: exit 2, naming both
    r = CliRunner().invoke(cli, ["build", str(a), str(b), "-o", str(tmp_path / "o.ttl")])
    assert r.exit_code == 2 and "same name x.txt" in r.stderr
    assert not (tmp_path / "o.ttl").exists()


MIXED = [
    # an undated statement (a news excerpt) beside a dated resolution: warnings, exit 0
    ({"news.txt": PRST.replace("2021年1月12日，", "").format("重申").encode()}, 0,
     "[S03-InputDocument-date] Warning"),
    # a resolution whose symbol year contradicts its date: a Violation, exit 1, written all the same
    ({"wrong.txt": TEXT.replace("2017 年 12 月 21 日", "2018 年 12 月 21 日")
      .replace("2395", "2396").encode()}, 1, "[S02-Resolution-year] Violation"),
]


@pytest.mark.parametrize(("extra", "code", "result"), MIXED, ids=["undated-warns", "contradiction-fails"])
def test_one_doubtful_file_does_not_stop_the_output(tmp_path, extra, code, result):
    root = _corpus(tmp_path / "in", {"good.txt": TEXT.encode(), **extra})
    out = tmp_path / "out.ttl"
    r = CliRunner().invoke(cli, ["build", str(root), "-o", str(out)])
    assert r.exit_code == code, r.output
    assert result in r.stderr
    # every document is in the graph, and the result names the file it comes from
    name = next(iter(extra))
    assert f"source: {name}" in r.stderr and f'"{name}"'.encode() in out.read_bytes()
    assert b"S/RES/2395(2017)" in out.read_bytes()
