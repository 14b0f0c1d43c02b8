"""The command line: help, version, exit codes, error messages, --quiet, report formats."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal
from rdflib.namespace import SH

from ct2rdf import __version__
from ct2rdf.cli import cli

PRST = (
    "安全理事会主席声明\n\n2021年1月12日，安全理事会主席代表安理会发表声明如下：\n\n"
    "“安全理事会回顾第1373(2001)号决议。”\n"
)
# A resolution whose symbol year (2017) disagrees with its adoption date (2018): S02 is violated.
WRONG_YEAR = (
    "第 2395 (2017) 号决议\n\n安全理事会 2018 年 12 月 21 日第 8148 次会议通过\n\n"
    "安全理事会，\n\n1. 决定继续处理此案。\n"
)
INVALID_TTL = (
    "@prefix ct: <https://w3id.org/ct2rdf/ontology#> .\n@prefix dcterms: <http://purl.org/dc/terms/> .\n"
    '<https://w3id.org/ct2rdf/id/S/RES/1> a ct:Resolution ; dcterms:identifier "bogus" .\n'
)
# A well-formed graph that is not a ct2rdf graph: one body, no ct:Document.
NO_DOCUMENT = (
    "@prefix ct: <https://w3id.org/ct2rdf/ontology#> .\n"
    "<https://w3id.org/ct2rdf/id/org/CTED> a ct:Body .\n"
)
# A news item that prints no date and no symbol: Warnings (S03), not Violations.
UNDATED = (
    "安全理事会主席声明\n\n安全理事会主席代表安理会发表声明如下：\n\n"
    "“安全理事会回顾第1373(2001)号决议。”\n"
)
# ct2rdf's own messages: "Error: <cause>. <fix>"
ERROR_RE = re.compile(r"^Error: \S.*\. [A-Z\w].*$", re.M)


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


@pytest.fixture
def files(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text(PRST, encoding="utf-8")
    (tmp_path / "wrong").mkdir()
    (tmp_path / "wrong" / "r.txt").write_text(WRONG_YEAR, encoding="utf-8")
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "e.txt").write_bytes(b"")
    (tmp_path / "none").mkdir()
    (tmp_path / "invalid.ttl").write_text(INVALID_TTL, encoding="utf-8")
    (tmp_path / "broken.ttl").write_text("this is { not turtle", encoding="utf-8")
    (tmp_path / "empty.ttl").write_bytes(b"")
    (tmp_path / "nodoc.ttl").write_text(NO_DOCUMENT, encoding="utf-8")
    (tmp_path / "afile").write_text("", encoding="utf-8")
    (tmp_path / "undated").mkdir()
    (tmp_path / "undated" / "u.txt").write_text(UNDATED, encoding="utf-8")
    (tmp_path / "nofile.csv").write_text("name,symbol\na.txt,S/PRST/2021/1\n", encoding="utf-8")
    assert run("build", "-q", str(tmp_path / "docs"), "-o", str(tmp_path / "valid.ttl")).exit_code == 0
    return tmp_path


# the group and each command, short and long option
HELP = [["-h"], ["--help"], ["build", "-h"], ["build", "--help"], ["validate", "-h"], ["validate", "--help"]]


@pytest.mark.parametrize("args", HELP, ids=lambda a: "_".join(a))
def test_help(args):
    r = run(*args)
    assert r.exit_code == 0 and r.output.startswith("Usage: ")


def test_version():
    r = run("--version")
    assert r.exit_code == 0 and __version__ in r.output


EXIT_CODES = [
    # a graph that conforms
    (["validate", "{d}/valid.ttl"], 0),
    # a graph that violates the shapes
    (["validate", "{d}/invalid.ttl"], 1),
    # an empty file is not a graph that conforms
    (["validate", "{d}/empty.ttl"], 1),
    # nor is a graph without a single ct:Document
    (["validate", "{d}/nodoc.ttl"], 1),
    # build writes a graph that violates the shapes, and says so
    (["build", "{d}/wrong", "-o", "{d}/w.ttl"], 1),
    # ... and does not check it with --no-validate
    (["build", "-q", "--no-validate", "{d}/wrong", "-o", "{d}/w.ttl"], 0),
    # a text without date or symbol gives Warnings only
    (["build", "{d}/undated", "-o", "{d}/u.ttl"], 0),
    # a file that is not Turtle
    (["validate", "{d}/broken.ttl"], 2),
    # a file that does not exist
    (["validate", "{d}/missing.ttl"], 2),
    # an input that does not exist
    (["build", "{d}/missing", "-o", "{d}/x.ttl"], 2),
    # a folder without .txt files
    (["build", "{d}/none", "-o", "{d}/x.ttl"], 2),
    # an empty input file
    (["build", "{d}/empty", "-o", "{d}/x.ttl"], 2),
    # a catalog without a file column
    (["build", "{d}/docs", "--catalog", "{d}/nofile.csv", "-o", "{d}/x.ttl"], 2),
    # a base IRI without a trailing slash
    (["build", "{d}/docs", "--base", "https://example.org/id", "-o", "{d}/x.ttl"], 2),
    # a base that is not an absolute IRI
    (["build", "{d}/docs", "--base", "example.org/id/", "-o", "{d}/x.ttl"], 2),
    # a base with a space
    (["build", "{d}/docs", "--base", "https://example.org/my id/", "-o", "{d}/x.ttl"], 2),
    # an output whose parent is a file
    (["build", "{d}/docs", "-o", "{d}/afile/x.ttl"], 2),
    # ... or whose grandparent is
    (["build", "{d}/docs", "-o", "{d}/afile/sub/x.ttl"], 2),
    # an output that is a folder
    (["build", "{d}/docs", "-o", "{d}/docs"], 2),
    # an unknown option
    (["build", "--frobnicate"], 2),
    # an unknown command
    (["frobnicate"], 2),
]


@pytest.mark.parametrize(("args", "code"), EXIT_CODES, ids=[f"exit{i:02d}" for i in range(len(EXIT_CODES))])
def test_exit_codes(files, args, code):
    r = run(*(a.format(d=files) for a in args))
    assert r.exit_code == code, r.output
    assert "Traceback" not in r.output
    if code == 1:
        assert "Conforms: no" in r.output or "no ct:Document" in r.output or "is empty" in r.output


MESSAGES = [
    # not Turtle
    ["validate", "{d}/broken.ttl"],
    # an empty graph
    ["validate", "{d}/empty.ttl"],
    # a graph without documents
    ["validate", "{d}/nodoc.ttl"],
    # no .txt files
    ["build", "{d}/none", "-o", "{d}/x.ttl"],
    # an empty file, then the summary
    ["build", "{d}/empty", "-o", "{d}/x.ttl"],
    # a catalog without a file column
    ["build", "{d}/docs", "--catalog", "{d}/nofile.csv", "-o", "{d}/x.ttl"],
    # a bad base IRI
    ["build", "{d}/docs", "--base", "https://example.org/id", "-o", "{d}/x.ttl"],
    # a base that is not an IRI
    ["build", "{d}/docs", "--base", "example.org/id/", "-o", "{d}/x.ttl"],
    # an output under a file
    ["build", "{d}/docs", "-o", "{d}/afile/x.ttl"],
    # an output that is a folder
    ["build", "{d}/docs", "-o", "{d}/docs"],
    # shapes violated
    ["build", "{d}/wrong", "-o", "{d}/w.ttl"],
]


@pytest.mark.parametrize("args", MESSAGES, ids=[f"msg{i}" for i in range(len(MESSAGES))])
def test_error_messages_give_cause_and_fix(files, args):
    r = run(*(a.format(d=files) for a in args))
    errors = [line for line in r.stderr.splitlines() if line.startswith("Error:")]
    assert errors and all(ERROR_RE.match(line) for line in errors), r.stderr


def test_quiet_prints_nothing_on_success(files):
    r = run("build", "-q", str(files / "docs"), "-o", str(files / "q.ttl"))
    assert r.exit_code == 0 and r.output == "" and r.stderr == ""
    loud = run("build", str(files / "docs"), "-o", str(files / "q.ttl"))
    assert "Wrote" in loud.output


FORMATS = [
    # text: "Conforms: yes"
    ("text", "valid", True),
    # text: "Conforms: no" and the results
    ("text", "invalid", False),
    # json, conforming
    ("json", "valid", True),
    # json, with violations
    ("json", "invalid", False),
    # pyshacl's report graph as Turtle, conforming
    ("turtle", "valid", True),
    # ... and not conforming
    ("turtle", "invalid", False),
]


@pytest.mark.parametrize(("fmt", "name", "conforms"), FORMATS, ids=[f"{f}-{n}" for f, n, _ in FORMATS])
def test_validate_formats(files, fmt, name, conforms):
    r = run("validate", str(files / f"{name}.ttl"), "--format", fmt)
    assert r.exit_code == (0 if conforms else 1)
    if fmt == "text":
        assert r.output.startswith("Conforms: yes" if conforms else "Conforms: no")
    elif fmt == "json":
        report = json.loads(r.output)
        assert report["conforms"] is conforms and bool(report["violations"]) is not conforms
    else:
        g = Graph().parse(data=r.output, format="turtle")
        assert Literal(conforms) in set(g.objects(None, SH.conforms))


def test_report_messages_do_not_depend_on_the_hash_seed(files):
    _ = run("build", "-q", "--no-validate", str(files / "wrong"), "-o", str(files / "w.ttl"))
    for hash_seed in ("0", "1", "5"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        cmd = [sys.executable, "-m", "ct2rdf", "validate", str(files / "w.ttl"), "--format", "json"]
        out = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False).stdout
        (v,) = json.loads(out)["violations"]
        assert v["message_en"].isascii() and not v["message_zh"].isascii(), hash_seed


def test_build_writes_a_violating_graph_and_names_the_sources(files):
    out = files / "w.ttl"
    r = run("build", str(files / "wrong"), "-o", str(out))
    assert r.exit_code == 1 and out.exists()
    assert "[S02-Resolution-year] Violation" in r.stderr
    # the focus node's source file and characters, not only its IRI
    assert re.search(r"source: r\.txt(, characters \d+-\d+)?$", r.stderr, re.M), r.stderr


def test_build_prints_warnings_and_exits_0(files):
    r = run("build", str(files / "undated"), "-o", str(files / "u.ttl"))
    assert r.exit_code == 0 and (files / "u.ttl").exists()
    assert "[S03-InputDocument-date] Warning" in r.stderr and "source: u.txt" in r.stderr
    # --quiet keeps warnings quiet
    quiet = run("build", "-q", str(files / "undated"), "-o", str(files / "u.ttl"))
    assert quiet.exit_code == 0 and quiet.stderr == ""


@pytest.mark.parametrize("umask", [0o022, 0o002], ids=["umask022", "umask002"])
def test_output_has_ordinary_permissions(files, umask):
    old = os.umask(umask)
    try:
        r = run("build", "-q", str(files / "docs"), "-o", str(files / "p" / "ct.ttl"))
    finally:
        os.umask(old)
    assert r.exit_code == 0
    assert (files / "p" / "ct.ttl").stat().st_mode & 0o777 == 0o666 & ~umask
    assert not list((files / "p").glob(".*.ct2rdf-tmp-*")), "the temporary file is left behind"


def test_dash_writes_the_graph_to_stdout(files):
    r = run("build", str(files / "docs"), "-o", "-")
    assert r.exit_code == 0
    # stdout holds the graph and nothing else: the summary goes to stderr
    g = Graph().parse(data=r.stdout, format="turtle")
    assert len(g) > 10 and "documents," in r.stderr
    assert not (files / "-").exists()


def test_validate_reads_stdin(files):
    data = (files / "valid.ttl").read_text(encoding="utf-8")
    r = CliRunner().invoke(cli, ["validate", "-"], input=data)
    assert r.exit_code == 0 and r.stdout.startswith("Conforms: yes")
    empty = CliRunner().invoke(cli, ["validate", "-"], input="")
    assert empty.exit_code == 1 and "standard input is empty" in empty.stderr


SYNTAX = [
    # a bare word where a subject should be
    ("this is { not turtle", "line 1, column 1"),
    # an unterminated string on line 3
    ('@prefix ex: <http://e/> .\nex:a ex:b ex:c .\nex:a ex:b "open .\n', "line 3, column 11"),
    # a missing final dot after line 2
    ("@prefix ex: <http://e/> .\nex:a ex:b ex:c\n", "line 3"),
]


@pytest.mark.parametrize(("text", "where"), SYNTAX, ids=["bare-word", "open-string", "no-dot"])
def test_syntax_errors_give_line_column_and_reason(tmp_path, text, where):
    (tmp_path / "bad.ttl").write_text(text, encoding="utf-8")
    r = run("validate", str(tmp_path / "bad.ttl"))
    assert r.exit_code == 2 and where in r.stderr, r.stderr
    assert ERROR_RE.match(r.stderr.strip()) and "Traceback" not in r.stderr


def test_json_report_of_an_empty_graph(files):
    r = run("validate", str(files / "empty.ttl"), "--format", "json")
    assert r.exit_code == 1
    report = json.loads(r.stdout)
    assert report["conforms"] is False and "is empty" in report["error"]


def test_write_failure_is_an_error_not_a_traceback(files, monkeypatch):
    # an unwritable folder: root may write anywhere, so the refusal is simulated
    # where the output's temporary file is made (after the check before the build)
    from ct2rdf import atomic

    def refuse(path):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(atomic, "_create", refuse)
    r = run("build", str(files / "docs"), "-o", str(files / "x.ttl"))
    assert r.exit_code == 2 and "Traceback" not in r.output
    [line] = [x for x in r.stderr.splitlines() if x.startswith("Error:")]
    assert ERROR_RE.match(line) and "Permission denied" in line


def test_unwritable_folder_is_refused_before_the_build(files, monkeypatch):
    # root may write anywhere: refuse write access, as for an ordinary user's read-only folder
    real = os.access
    monkeypatch.setattr(os, "access", lambda path, mode, **kw: not mode & os.W_OK and real(path, mode, **kw))
    r = run("build", str(files / "docs"), "-o", str(files / "ro" / "x.ttl"))
    assert r.exit_code == 2 and "not writable" in r.stderr and "documents," not in r.output


HELP_TEXTS = [["-h"], ["build", "-h"], ["validate", "-h"]]


@pytest.mark.parametrize("args", HELP_TEXTS, ids=lambda a: "_".join(a))
def test_help_states_exit_codes_and_an_example(args):
    out = " ".join(run(*args).output.split())
    assert re.search(r"Exit codes: 0 .*, 1 .*shapes.*, 2 bad input or usage", out), out
    assert re.search(r"Example: +ct2rdf \w+ ", out), out
