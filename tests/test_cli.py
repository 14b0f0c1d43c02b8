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
    # build stops before writing when the graph violates the shapes
    (["build", "{d}/wrong", "-o", "{d}/w.ttl"], 1),
    # ... and writes it anyway with --no-validate
    (["build", "-q", "--no-validate", "{d}/wrong", "-o", "{d}/w.ttl"], 0),
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
    # an unknown option
    (["build", "--frobnicate"], 2),
    # an unknown command
    (["frobnicate"], 2),
]


@pytest.mark.parametrize(("args", "code"), EXIT_CODES, ids=[f"exit{i:02d}" for i in range(len(EXIT_CODES))])
def test_exit_codes(files, args, code):
    r = run(*(a.format(d=files) for a in args))
    assert r.exit_code == code, r.output
    if code == 1:
        assert "Conforms: no" in r.output and re.search(r"\[S\d\d-", r.output)


MESSAGES = [
    # not Turtle
    ["validate", "{d}/broken.ttl"],
    # no .txt files
    ["build", "{d}/none", "-o", "{d}/x.ttl"],
    # an empty file, then the summary
    ["build", "{d}/empty", "-o", "{d}/x.ttl"],
    # a catalog without a file column
    ["build", "{d}/docs", "--catalog", "{d}/nofile.csv", "-o", "{d}/x.ttl"],
    # a bad base IRI
    ["build", "{d}/docs", "--base", "https://example.org/id", "-o", "{d}/x.ttl"],
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
