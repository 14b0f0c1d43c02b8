"""The output in independent tools: raptor's ``rapper`` (a C parser) and Virtuoso (the store
behind DBpedia).  Both are Debian packages that .ci/run installs when it can; without them these
tests skip and say which package is missing.

Virtuoso is started once for the module on free loopback ports, with its database in a temporary
folder; the seeds' N-Quads (what ``ct2rdf build -o out/ct.nq`` writes) are bulk-loaded with its
loader, and every cookbook query in queries/ is run through its SPARQL endpoint with SPARQLWrapper
and compared with Oxigraph's answer over the same file.  The theme questions are also compared on
the hand-written themes graph of tests/test_theme_queries.py, loaded into a named graph of its own.
"""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import time
import urllib.request
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pyoxigraph as ox
import pytest

from conftest import ROOT, answers_on_seeds

QUERIES = sorted((ROOT / "queries").glob("*.rq"))
THEMES = Path(__file__).with_name("themes_fixture.ttl")
THEMES_GRAPH = "urn:ct2rdf:test:themes"
XSD = "http://www.w3.org/2001/XMLSchema#"


def _need(tool: str, package: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.skip(f"{tool} is not installed: `apt-get install -y {package}` (Debian) to run this test")
    return path


@pytest.fixture(scope="module")
def files(tmp_path_factory, seed_build) -> dict[str, Path]:
    """The seeds written in every format."""
    folder = tmp_path_factory.mktemp("stores")
    out = {}
    for fmt in ("ttl", "nt", "nq", "trig"):
        out[fmt] = folder / f"ct.{fmt}"
        seed_build.write(out[fmt], fmt)
    return out


# *** rapper ***

RAPPER = [
    # format, rapper's parser name, what it counts: triples of one graph or quads of the dataset
    ("ttl", "turtle", "triples"),
    ("nt", "ntriples", "triples"),
    ("nq", "nquads", "quads"),
    ("trig", "trig", "quads"),
]


@pytest.mark.parametrize(("fmt", "parser", "unit"), RAPPER, ids=[r[0] for r in RAPPER])
def test_rapper_parses_with_the_same_count(files, fmt, parser, unit):
    rapper = _need("rapper", "raptor2-utils")
    r = subprocess.run([rapper, "-i", parser, "-c", str(files[fmt])], capture_output=True, text=True,
                       timeout=120)
    assert r.returncode == 0, r.stderr
    counted = re.search(r"returned (\d+) (?:triples|statements)", r.stderr)
    assert counted, r.stderr
    quads = set(ox.parse(path=str(files["nq"]), format=ox.RdfFormat.N_QUADS))
    expected = len(quads) if unit == "quads" else len({(q.subject, q.predicate, q.object) for q in quads})
    assert int(counted.group(1)) == expected
    assert "error" not in r.stderr.lower()


# *** Virtuoso ***

INI = """[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql}
DisableUnixSocket = 1
DirsAllowed = {d}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
CheckpointInterval = 0
[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {d}
ServerThreads = 4
[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 60
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(url: str, proc: subprocess.Popen, log: Path, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"virtuoso-t exited ({proc.returncode}):\n{log.read_text(errors='replace')[-2000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.5)
    pytest.fail(f"Virtuoso did not answer at {url} within {seconds} s")


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory, files):
    """A Virtuoso on free loopback ports with the seeds' N-Quads loaded: its SPARQL endpoint URL."""
    server = _need("virtuoso-t", "virtuoso-opensource")
    isql = shutil.which("isql-vt") or shutil.which("isql")
    if isql is None:
        pytest.skip("isql-vt (Virtuoso's SQL client) is not installed: "
                    "`apt-get install -y virtuoso-opensource` (Debian) to run this test")
    d = tmp_path_factory.mktemp("virtuoso")
    sql, http = _free_port(), _free_port()
    (d / "virtuoso.ini").write_text(INI.format(d=d, sql=sql, http=http), encoding="utf-8")
    shutil.copyfile(files["nq"], d / "ct.nq")
    themes = ox.Store()
    themes.bulk_load(path=str(THEMES), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(THEMES_GRAPH))
    themes.dump(str(d / "themes.nq"), format=ox.RdfFormat.N_QUADS)
    log = d / "server.out"
    with open(log, "wb") as out:
        proc = subprocess.Popen([server, "-f", "-c", str(d / "virtuoso.ini")], cwd=d, stdout=out,
                                stderr=subprocess.STDOUT)
    try:
        endpoint = f"http://127.0.0.1:{http}/sparql"
        _wait(f"{endpoint}?query=ASK%7B%7D", proc, log)
        # the bulk loader: each quad into its named graph (the last argument is for triples only)
        load = f"ld_dir('{d}', '*.nq', 'urn:ct2rdf:unused'); rdf_loader_run(); " \
               "SELECT ll_state, ll_error FROM DB.DBA.LOAD_LIST;"
        r = subprocess.run([isql, f"127.0.0.1:{sql}", "dba", "dba", f"exec={load}"], capture_output=True,
                           text=True, timeout=120)
        assert r.returncode == 0 and "NULL" in r.stdout, r.stdout + r.stderr
        yield endpoint
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module")
def oxigraph(files):
    store = ox.Store()
    store.bulk_load(path=str(files["nq"]), format=ox.RdfFormat.N_QUADS)
    return store


def test_virtuoso_holds_every_named_graph(virtuoso, oxigraph):
    query = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    ours = {r["g"].value: int(r["n"].value) for r in oxigraph.query(query)}
    theirs = {row["g"]: int(row["n"]) for row in _virtuoso_select(virtuoso, query)}
    # Virtuoso keeps its own system graphs beside ours
    assert {g: n for g, n in theirs.items() if g in ours} == ours


@pytest.mark.parametrize("query", QUERIES, ids=[q.stem for q in QUERIES])
def test_cookbook_query_answers_the_same_in_virtuoso(virtuoso, oxigraph, query):
    text = query.read_text(encoding="utf-8")
    ours = _oxigraph_rows(oxigraph, text)
    # the default graph is the merge of our named graphs in both (Virtuoso also has system graphs)
    theirs = _virtuoso_rows(virtuoso, text, [g.value for g in oxigraph.named_graphs()])
    if not ours and not answers_on_seeds(query):
        pytest.skip(f"{query.name} has no answer on the seeds until they have themes")
    assert ours, f"{query.name} has no answer on the seeds: nothing to compare"
    _assert_same_answers(text, ours, theirs)


THEMED = [q for q in QUERIES if q.stem.startswith(("paragraphs-on-", "themes-per-"))]


@pytest.mark.parametrize("query", THEMED, ids=[q.stem for q in THEMED])
def test_theme_query_answers_the_same_in_virtuoso(virtuoso, query):
    # skos:broader*, COALESCE of OPTIONAL dates, YEAR, COUNT(DISTINCT) on the hand-written graph
    text = query.read_text(encoding="utf-8")
    store = ox.Store()
    store.bulk_load(path=str(THEMES), format=ox.RdfFormat.TURTLE)
    ours = _oxigraph_rows(store, text)
    assert ours, f"{query.name} has no answer on {THEMES.name}"
    _assert_same_answers(text, ours, _virtuoso_rows(virtuoso, text, [THEMES_GRAPH]))


def _assert_same_answers(text: str, ours: list, theirs: list) -> None:
    assert sorted(theirs, key=repr) == sorted(ours, key=repr)
    # ORDER BY: the same sequence of sort keys (rows tied on them may come in any order)
    keys = _ORDER_BY_RE.search(text)
    if keys:
        names = _VAR_RE.findall(keys.group(1))
        assert [_project(r, names) for r in theirs] == [_project(r, names) for r in ours]


# ORDER BY ?end ?holder / ORDER BY DESC(?n) ?g: the variables sorted on
_ORDER_BY_RE = re.compile(r"\bORDER\s+BY\b(.*)$", re.IGNORECASE | re.DOTALL)
_VAR_RE = re.compile(r"[?$](\w+)")


def _project(row: tuple, names: list[str]) -> tuple:
    values = dict(row)
    return tuple(values.get(n) for n in names)


# *** answers, normalized where the engines legitimately differ ***


def _oxigraph_rows(store, text: str) -> list:
    result = store.query(text, use_default_graph_as_union=True)
    if isinstance(result, bool):
        return [result]
    if isinstance(result, ox.QueryTriples):
        return [tuple(_ox_term(x) for x in (t.subject, t.predicate, t.object)) for t in result]
    names = [v.value for v in result.variables]
    return [tuple((n, _ox_term(row[n])) for n in names if row[n] is not None) for row in result]


def _virtuoso_rows(endpoint: str, text: str, graphs: list[str] = ()) -> list:
    from SPARQLWrapper import JSON, TURTLE, SPARQLWrapper

    w = SPARQLWrapper(endpoint)
    w.setMethod("POST")
    w.setQuery(text)
    for g in sorted(graphs):
        w.addDefaultGraph(g)
    if w.queryType in ("CONSTRUCT", "DESCRIBE"):
        w.setReturnFormat(TURTLE)
        data = w.query().response.read()
        return [tuple(_ox_term(x) for x in (t.subject, t.predicate, t.object))
                for t in ox.parse(data, format=ox.RdfFormat.TURTLE)]
    w.setReturnFormat(JSON)
    res = w.queryAndConvert()
    if "boolean" in res:
        return [res["boolean"]]
    names = res["head"]["vars"]
    return [tuple((n, _json_term(b[n])) for n in names if n in b) for b in res["results"]["bindings"]]


def _virtuoso_select(endpoint: str, text: str) -> list[dict]:
    """Rows as {variable: value} (the normalized term's value)."""
    return [{k: v[1] for k, v in row} for row in _virtuoso_rows(endpoint, text)]


def _ox_term(t) -> tuple:
    if isinstance(t, ox.NamedNode):
        return ("iri", t.value)
    if isinstance(t, ox.BlankNode):
        return ("bnode", "")
    return _literal(t.value, t.language, t.datatype.value)


def _json_term(b: dict) -> tuple:
    if b["type"] == "uri":
        return ("iri", b["value"])
    if b["type"] == "bnode":
        return ("bnode", "")
    return _literal(b["value"], b.get("xml:lang"), b.get("datatype"))


_NUMBERS = {f"{XSD}{t}" for t in ("integer", "int", "long", "short", "decimal", "double", "float",
                                  "nonNegativeInteger", "positiveInteger")}
_DURATION_RE = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$")


def _literal(value: str, lang: str | None, datatype: str | None) -> tuple:
    """A literal as the engines agree on it.

    * a language tag in lower case (tags are case-insensitive);
    * a plain string with or without xsd:string (SPARQL 1.1 results may omit it);
    * numbers by value: Virtuoso types COUNTs as xsd:int, Oxigraph as xsd:integer;
    * xsd:duration by amount: Virtuoso stores a duration as a number, months for a
      year-month one (P1Y → 12) and seconds for a day-time one (P180D → 15552000).
    """
    if lang:
        return ("lang", value, lang.lower())
    if datatype in (None, f"{XSD}string"):
        return ("str", value)
    if datatype in _NUMBERS:
        try:
            return ("num", Decimal(value).normalize())
        except InvalidOperation:
            return ("num", value)
    if datatype == f"{XSD}duration":
        return ("duration", _duration_amount(value))
    return ("typed", value, datatype)


def _duration_amount(value: str) -> Decimal:
    m = _DURATION_RE.match(value)
    if m is None:  # Virtuoso's number
        return Decimal(value).normalize()
    y, mo, d, h, mi, s = (int(x or 0) for x in m.groups())
    months = 12 * y + mo
    seconds = ((d * 24 + h) * 60 + mi) * 60 + s
    return Decimal(months if months and not seconds else seconds).normalize()
