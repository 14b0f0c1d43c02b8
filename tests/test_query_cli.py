"""``ct2rdf query``: the cookbook through Oxigraph agrees with rdflib's engine, every output
format parses back, named graphs are kept, tables align Chinese text, errors are one line."""

from __future__ import annotations

import csv
import gzip
import io
import re
import subprocess
import sys
from collections import Counter

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.query import Result

from conftest import OUT, ROOT, answers_on_seeds
from ct2rdf.cli import cli
from ct2rdf.sparql.table import display_width, render, truncate

QUERIES = sorted((ROOT / "queries").glob("*.rq"))
CT = "https://w3id.org/ct2rdf/ontology#"
ID = "https://w3id.org/ct2rdf/id/"
# ct2rdf's own messages: "Error: <cause>. <fix>", on one line
ERROR_RE = re.compile(r"^Error: \S.*\. [A-Z\w].*$")


def run(*args: str, stdin: bytes | None = None):
    return CliRunner().invoke(cli, ["query", *map(str, args)], input=stdin)


def answers(data: bytes, fmt: str = "json") -> tuple[list[str], Counter]:
    """The variables and the multiset of rows (tuples of rdflib terms) of a results document."""
    result = Result.parse(io.BytesIO(data), format=fmt)
    names = [str(v) for v in result.vars]
    return names, Counter(tuple(row) for row in result)


@pytest.fixture(scope="module")
def graph() -> Graph:
    return Graph().parse(OUT, format="turtle")


@pytest.fixture(scope="module")
def expected():
    """Each cookbook query answered by ``ct2rdf query out/ct.ttl``: name → (variables, rows).

    The answers every other format and file layout must give; that they are
    rdflib's answers too is the slow test below.
    """
    out = {}
    for q in QUERIES:
        r = run(OUT, "-f", q, "--format", "json")
        assert r.exit_code == 0, r.output
        out[q.stem] = answers(r.stdout_bytes)
    return out


# *** The cookbook: same answers as rdflib's engine, in every results format ***

# rdflib orders a basic graph pattern once, before any variable is bound: the
# cookbook once typed its selectors (?pos a oa:TextPositionSelector …), which
# made every query a cross product of every selector (45-160 s on the seeds);
# without the type patterns each takes under half a second.
AGREE = [
    # aggregates: documents per class
    pytest.param("SELECT ?type (COUNT(?d) AS ?n) { ?d a ?type } GROUP BY ?type", id="count-per-class"),
    # property paths and OPTIONAL: mandates with holder, end, paragraph and what they renew
    pytest.param(f"""PREFIX ct: <{CT}> PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        PREFIX dcterms: <http://purl.org/dc/terms/> PREFIX eli: <http://data.europa.eu/eli/ontology#>
        SELECT ?holder ?end ?document ?paragraph ?renews WHERE {{
          ?m a ct:Mandate ; ct:holder/skos:notation ?holder ; ct:conferredBy ?para .
          OPTIONAL {{ ?m ct:endDate ?end }} OPTIONAL {{ ?m ct:renews ?renews }}
          ?para ct:number ?paragraph ; eli:is_part_of/dcterms:identifier ?document }}""", id="mandates"),
    # FILTER on language tags and strings: Chinese labels of resolutions
    pytest.param(f"""SELECT ?d ?label {{
        ?d a <{CT}Resolution> ; <http://www.w3.org/2000/01/rdf-schema#label> ?label
        FILTER (lang(?label) = "zh" && CONTAINS(?label, "决议")) }}""", id="zh-labels"),
]


@pytest.mark.parametrize("query", AGREE)
def test_answers_equal_rdflibs(query, graph):
    r = run(OUT, query, "--format", "json")
    assert r.exit_code == 0, r.output
    result = graph.query(query)
    assert answers(r.stdout_bytes) == ([str(v) for v in result.vars], Counter(tuple(x) for x in result))
    assert r.stdout_bytes.count(b'"type"') > 2, "the query answers something on the seeds"


@pytest.mark.parametrize("query", QUERIES, ids=lambda p: p.stem)
def test_cookbook_answers_equal_rdflibs(query, graph, expected):
    # every cookbook question, JSON results read back by rdflib's own parser
    result = graph.query(query.read_text(encoding="utf-8"))
    rows = Counter(tuple(row) for row in result)
    assert expected[query.stem] == ([str(v) for v in result.vars], rows)
    assert rows or not answers_on_seeds(query), "a cookbook query answers something on the seeds"


def _read_csv(data: bytes, delimiter: str = ",") -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8"), newline=""), delimiter=delimiter))


def _plain(term) -> str:
    """A term as SPARQL CSV writes it: the lexical form or IRI, "" when unbound."""
    return "" if term is None else str(term)


FORMATS = [
    # SPARQL 1.1 JSON and XML results, and TSV (terms in Turtle syntax): rdflib's parsers
    pytest.param("json", id="json"),
    pytest.param("xml", id="xml"),
    pytest.param("tsv", id="tsv"),
    # CSV keeps only lexical forms: the stdlib reader, compared as strings
    pytest.param("csv", id="csv"),
]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("query", QUERIES, ids=lambda p: p.stem)
def test_every_results_format_parses_back(query, fmt, expected):
    r = run(OUT, "-f", query, "--format", fmt)
    assert r.exit_code == 0, r.output
    names, rows = expected[query.stem]
    if fmt == "csv":
        header, *body = _read_csv(r.stdout_bytes)
        assert header == names
        assert Counter(map(tuple, body)) == Counter(tuple(map(_plain, row)) for row in rows.elements())
    else:
        assert answers(r.stdout_bytes, fmt) == (names, rows)


CONSTRUCT = (
    f"PREFIX ct: <{CT}>\n"
    "CONSTRUCT { ?m ct:holder ?h ; ct:endDate ?end }\n"
    "WHERE { ?m a ct:Mandate ; ct:holder ?h ; ct:endDate ?end }"
)


@pytest.mark.parametrize("fmt", ["ttl", "nt"], ids=["turtle", "n-triples"])
def test_construct_writes_rdf_that_parses_back(fmt, graph):
    # the triples rdflib's engine constructs, written by Oxigraph, read back by rdflib
    r = run(OUT, CONSTRUCT, "--format", fmt)
    assert r.exit_code == 0, r.output
    got = Graph().parse(data=r.stdout_bytes, format="turtle" if fmt == "ttl" else "nt")
    assert len(got) > 0 and isomorphic(got, graph.query(CONSTRUCT).graph)
    if fmt == "ttl":
        assert r.stdout.startswith(f"@prefix ct: <{CT}> .")  # the query's own prefixes


def test_describe_gives_the_nodes_own_triples(graph):
    # no blank nodes in ct2rdf graphs: DESCRIBE (a concise bounded description) = outgoing triples
    node = URIRef(f"{ID}S/RES/2129(2013)/op/2/mandate/CTED")
    r = run(OUT, f"DESCRIBE <{node}>", "--format", "nt")
    assert r.exit_code == 0, r.output
    got = Graph().parse(data=r.stdout_bytes, format="nt")
    assert set(got) == set(graph.triples((node, None, None))) and len(got) > 5


ASK = [
    # the seeds hold resolutions
    pytest.param(f"ASK {{ ?d a <{CT}Resolution> }}", "true", id="true"),
    # a class nobody uses: false, and still exit 0
    pytest.param(f"ASK {{ ?d a <{CT}NoSuchClass> }}", "false", id="false"),
]


@pytest.mark.parametrize(("query", "answer"), ASK)
def test_ask_prints_true_or_false(query, answer):
    r = run(OUT, query)
    assert (r.exit_code, r.stdout) == (0, answer + "\n")


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_ask_in_results_formats(fmt):
    r = run(OUT, ASK[0].values[0], "--format", fmt)
    assert r.exit_code == 0 and Result.parse(io.BytesIO(r.stdout_bytes), format=fmt).askAnswer is True


# *** Files, formats and named graphs ***

# Two named graphs sharing one triple, and one triple in the default graph.
TRIG = """@prefix ex: <http://example.org/> .
ex:a ex:p "默认" .
ex:g1 { ex:a ex:p "一" . ex:b ex:p "共" . }
ex:g2 { ex:b ex:p "共" . ex:c ex:p "二" . }
"""
NQUADS = """<http://example.org/a> <http://example.org/p> "默认" .
<http://example.org/a> <http://example.org/p> "一" <http://example.org/g1> .
<http://example.org/b> <http://example.org/p> "共" <http://example.org/g1> .
<http://example.org/b> <http://example.org/p> "共" <http://example.org/g2> .
<http://example.org/c> <http://example.org/p> "二" <http://example.org/g2> .
"""
NAMED = [
    # each named graph kept with its own triples
    pytest.param("SELECT ?g (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g", (),
                 [["g", "n"], ["http://example.org/g1", "2"], ["http://example.org/g2", "2"]],
                 id="per-graph"),
    # the shared triple is in both graphs
    pytest.param('SELECT ?g { GRAPH ?g { <http://example.org/b> ?p "共" } } ORDER BY ?g', (),
                 [["g"], ["http://example.org/g1"], ["http://example.org/g2"]], id="shared-in-both"),
    # default graph = the merge of all: 默认, 一, 共 (once), 二
    pytest.param("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", (), [["n"], ["4"]], id="union-counts-once"),
    # --no-union: only the triple outside any named graph
    pytest.param("SELECT ?o { ?s ?p ?o }", ("--no-union",), [["o"], ["默认"]], id="no-union"),
    # GRAPH still sees only named graphs under the union
    pytest.param('ASK { GRAPH ?g { ?s ?p "默认" } }', ("--format", "csv"), [["false"]],
                 id="default-not-named"),
]


@pytest.mark.parametrize("ext", ["trig", "nq"])
@pytest.mark.parametrize(("query", "options", "rows"), NAMED)
def test_named_graphs_are_kept(tmp_path, ext, query, options, rows):
    path = tmp_path / f"g.{ext}"
    path.write_text(TRIG if ext == "trig" else NQUADS, encoding="utf-8")
    opts = options if "--format" in options else (*options, "--format", "csv")
    r = run(path, query, *opts)
    assert r.exit_code == 0, r.output
    assert _read_csv(r.stdout_bytes) == rows


def _write_variants(tmp_path) -> dict[str, list]:
    """out/ct.ttl re-written as other files: the same graph whatever the format and split."""
    triples = sorted(ox.parse(path=OUT, format=ox.RdfFormat.TURTLE), key=str)
    g = [ox.NamedNode(f"http://example.org/graph/{i}") for i in range(3)]
    # three named graphs, every fifth triple in two of them
    quads = [ox.Quad(t.subject, t.predicate, t.object, g[i % 3]) for i, t in enumerate(triples)]
    quads += [ox.Quad(t.subject, t.predicate, t.object, g[(i + 1) % 3])
              for i, t in enumerate(triples) if i % 5 == 0]
    ox.serialize(quads, tmp_path / "ct.nq", ox.RdfFormat.N_QUADS)
    ox.serialize(quads, tmp_path / "ct.trig", ox.RdfFormat.TRIG)
    half = len(triples) // 2
    ox.serialize(triples[:half], tmp_path / "a.nt", ox.RdfFormat.N_TRIPLES)
    ox.serialize(triples[half:], tmp_path / "b.nt", ox.RdfFormat.N_TRIPLES)
    ox.serialize(triples, tmp_path / "ct.jsonld", ox.RdfFormat.JSON_LD)
    ox.serialize(triples, tmp_path / "ct.rdf", ox.RdfFormat.RDF_XML)
    (tmp_path / "ct.ttl.gz").write_bytes(gzip.compress(OUT.read_bytes()))
    return {
        "nq-three-graphs": [tmp_path / "ct.nq"],  # the default graph as the merge of named graphs
        "trig-three-graphs": [tmp_path / "ct.trig"],
        "two-nt-files": [tmp_path / "a.nt", tmp_path / "b.nt"],  # several files merge
        "jsonld": [tmp_path / "ct.jsonld"],
        "rdf-xml": [tmp_path / "ct.rdf"],
        "gzipped-turtle": [tmp_path / "ct.ttl.gz"],
    }


@pytest.fixture(scope="module")
def variants(tmp_path_factory):
    return _write_variants(tmp_path_factory.mktemp("variants"))


VARIANTS = ["nq-three-graphs", "trig-three-graphs", "two-nt-files", "jsonld", "rdf-xml", "gzipped-turtle"]


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("query", QUERIES, ids=lambda p: p.stem)
def test_cookbook_answers_do_not_depend_on_the_format(variants, variant, query, expected):
    r = run(*variants[variant], "-f", query, "--format", "json")
    assert r.exit_code == 0, r.output
    assert answers(r.stdout_bytes) == expected[query.stem]


def test_relative_iris_resolve_against_the_file(tmp_path):
    # a Turtle file without @base: <a> is the file's sibling, as rdflib reads it
    (tmp_path / "rel.ttl").write_text('<a> <b> "x" .\n', encoding="utf-8")
    r = run(tmp_path / "rel.ttl", "SELECT ?s { ?s ?p ?o }", "--format", "csv")
    assert _read_csv(r.stdout_bytes)[1] == [(tmp_path / "a").resolve().as_uri()]


def test_query_from_stdin():
    q = (ROOT / "queries" / "cted-deliverables.rq").read_bytes()
    r = run(OUT, "-f", "-", "--format", "csv", stdin=q)
    assert r.exit_code == 0 and len(_read_csv(r.stdout_bytes)) == 4  # header and CTED's three deliverables


# *** Tables ***

TABLE = [
    # Chinese (2 columns a character) in one row, ASCII in the other
    pytest.param(["文件", "n"], [["第2129(2013)号决议", "1"], ["S/RES/2129 (2013)", "22"]],
                 id="cjk-and-ascii"),
    # full-width punctuation is wide, curly quotes narrow (ambiguous width)
    pytest.param(["quote"], [["“安全理事会，”"], ["ab"]], id="punctuation"),
    # a combining mark takes no column
    pytest.param(["x", "y"], [["e\u0301te\u0301", "-"], ["ete", "-"]], id="combining"),
    # a line break is shown as one mark, keeping the row on one line
    pytest.param(["text", "k"], [["第一行\n第二行", "a"], ["x", "b"]], id="newline"),
]


def _bars(line: str) -> list[int]:
    """Display columns at which `|` (or `+` in the rule) stands in a table line."""
    cols, at = [], 0
    for c in line:
        if c in "|+":
            cols.append(at)
        at += display_width(c)
    return cols


@pytest.mark.parametrize(("header", "rows"), TABLE)
def test_table_columns_line_up_by_display_width(header, rows):
    text = render(header, [[(c, False) for c in r] for r in rows])
    lines = text.splitlines()
    assert len(lines) == len(rows) + 3  # header, rule, rows, count
    assert len({tuple(_bars(line)) for line in lines[:-1]}) == 1
    assert lines[-1] == f"({len(rows)} rows)"


TRUNCATE = [
    # short enough: unchanged
    pytest.param("CTED", 10, False, "CTED", id="fits"),
    # ASCII: 5 columns then the ellipsis
    pytest.param("S/RES/2129 (2013)", 6, False, "S/RES…", id="ascii"),
    # 4 Chinese characters are 8 columns; in 6 only 2 fit before the ellipsis (5 columns)
    pytest.param("反恐执行局将在", 6, False, "反恐…", id="cjk-odd-room"),
    pytest.param("反恐执行局将在", 7, False, "反恐执…", id="cjk-even-room"),
    # IRIs keep both ends
    pytest.param("https://w3id.org/ct2rdf/id/org/CTED", 15, True, "https:/…rg/CTED", id="iri-middle"),
    # no limit
    pytest.param("反恐执行局将在", None, False, "反恐执行局将在", id="no-limit"),
]


@pytest.mark.parametrize(("text", "width", "middle", "cut"), TRUNCATE)
def test_truncate_by_display_width(text, width, middle, cut):
    assert truncate(text, width, middle) == cut
    assert width is None or display_width(cut) <= width


def test_table_cells_show_values_and_compact_iris():
    q = (f"PREFIX ct: <{CT}>\nSELECT ?m ?end ?kind WHERE {{ ?m a ct:Mandate ; ct:endDate ?end ; "
         "ct:mandateKind ?kind } ORDER BY ?end LIMIT 1")
    r = run(OUT, q, "--no-truncate")
    assert r.exit_code == 0, r.output
    _, _, row, count = r.stdout.splitlines()
    # the mandate IRI whole, the date's lexical form, the kind under the query's prefix
    assert row.split(" | ") == [f" <{ID}S/RES/1963(2010)/op/2/mandate/CTED>", "2013-12-31",
                                "ct:SpecialPoliticalMission"]
    assert count == "(1 row)"


def test_table_cuts_long_cells_unless_told_not_to():
    q = (f"SELECT ?t WHERE {{ <{ID}S/RES/2129(2013)/zh/txt/span/3923-4018> "
         "<https://w3id.org/ct2rdf/ontology#normalizedText> ?t }")
    cut, whole = run(OUT, q).stdout.splitlines()[2], run(OUT, q, "--no-truncate").stdout.splitlines()[2]
    assert whole.strip().startswith("2.决定反恐执行局") and whole.strip().endswith("期中审查;")
    # 40 columns at most: here 39, since the next character (的) is wide and would make 41
    assert cut.strip() == "2.决定反恐执行局将在2017年12月31日终了…" and display_width(cut.strip()) == 39


# *** Errors: one line, exit 2, never a traceback ***

BROKEN_TTL = '@prefix ex: <http://example.org/> .\nex:a ex:b "中文" ;\n  ex:c 中 .\n'
ERRORS = [
    # the query: line 2 holds the triple pattern without an object
    pytest.param(lambda p: [OUT, "SELECT * WHERE {\n  ?s ?p }"],
                 "the query is not valid SPARQL: line 2, column ", id="query-syntax"),
    # a Turtle file: the bare word 中 on line 3, column 8 (two spaces, ex:c, a space)
    pytest.param(lambda p: [p / "broken.ttl", "ASK {}"], "broken.ttl: line 3, column 8: ", id="file-syntax"),
    # a JSON-LD object not closed
    pytest.param(lambda p: [p / "broken.jsonld", "ASK {}"], "broken.jsonld: line 1, column ",
                 id="jsonld-syntax"),
    # bytes that are not gzip behind .gz
    pytest.param(lambda p: [p / "fake.ttl.gz", "ASK {}"], "fake.ttl.gz: cannot be read", id="bad-gzip"),
    pytest.param(lambda p: [p / "missing.ttl", "ASK {}"], "missing.ttl: no such file", id="missing-file"),
    pytest.param(lambda p: [p, "ASK {}"], "is a folder", id="folder"),
    # the extension decides the format: the known ones are listed
    pytest.param(lambda p: [p / "notes.csv", "ASK {}"], "unknown RDF format (extension .csv). Give a file "
                 "ending in .ttl, .nt, .nq, .trig, .jsonld", id="unknown-extension"),
    pytest.param(lambda p: [OUT, "ASK {}", "--format", "yaml"], "--format yaml is not a format",
                 id="unknown-format"),
    # the format does not suit the query's kind
    pytest.param(lambda p: [OUT, CONSTRUCT, "--format", "csv"], "--format csv is for SELECT and ASK",
                 id="csv-of-construct"),
    pytest.param(lambda p: [OUT, "SELECT * { ?s ?p ?o } LIMIT 1", "--format", "ttl"],
                 "--format ttl is for the triples of CONSTRUCT", id="turtle-of-select"),
    # a query file given without -f
    pytest.param(lambda p: [OUT, ROOT / "queries" / "cted-deliverables.rq"],
                 "is a file, not a query. To read the query from it, give it with -f",
                 id="query-file-without-f"),
    pytest.param(lambda p: [OUT], "no query given", id="no-query"),
    pytest.param(lambda p: ["-f", ROOT / "queries" / "cted-deliverables.rq"], "no graph file given",
                 id="no-graph"),
    pytest.param(lambda p: [OUT, "-f", p / "missing.rq"], "missing.rq: cannot read the query",
                 id="missing-query"),
]


@pytest.mark.parametrize(("args", "message"), ERRORS)
def test_errors_are_one_line_and_exit_2(tmp_path, args, message):
    (tmp_path / "broken.ttl").write_text(BROKEN_TTL, encoding="utf-8")
    (tmp_path / "broken.jsonld").write_text('{"@id": "http://example.org/a"', encoding="utf-8")
    (tmp_path / "fake.ttl.gz").write_bytes(b"not gzip")
    (tmp_path / "notes.csv").write_text("a,b\n", encoding="utf-8")
    r = run(*args(tmp_path))
    assert r.exit_code == 2 and r.stdout == "", r.output
    assert message in r.stderr and ERROR_RE.match(r.stderr.rstrip("\n")), r.stderr
    assert "Traceback" not in r.output and r.stderr.count("\n") == 1


def test_help_does_not_import_the_engine():
    # `ct2rdf query --help` stays fast: pyoxigraph and the sparql package load only to run a query
    code = ("import sys; from ct2rdf.cli import main; sys.argv = ['ct2rdf', 'query', '--help']\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.startswith(('pyoxigraph', 'ct2rdf.sparql'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"


def test_literals_keep_their_language_in_tables(tmp_path):
    data = '<http://e/a> <http://e/l> "决议"@zh, "resolution"@en .\n'
    (tmp_path / "l.ttl").write_text(data, encoding="utf-8")
    r = run(tmp_path / "l.ttl", "SELECT ?l { ?s ?p ?l } ORDER BY ?l")
    assert [line.strip() for line in r.stdout.splitlines()[2:4]] == ["resolution@en", "决议@zh"]


def test_literal_terms_survive_json():
    # a typed date comes back typed: the standard formats carry datatypes, the table does not
    q = f"SELECT ?end {{ ?m <{CT}endDate> ?end }} ORDER BY ?end LIMIT 1"
    _, rows = answers(run(OUT, q, "--format", "json").stdout_bytes)
    assert list(rows) == [(Literal("2013-12-31", datatype=URIRef("http://www.w3.org/2001/XMLSchema#date")),)]
