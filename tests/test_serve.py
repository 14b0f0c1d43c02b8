"""`ct2rdf serve` through Starlette's TestClient: the SPARQL Protocol, limits, CORS, IRIs, /void, the page.

The app serves the committed out/ct.ttl.  Expected values are read off the
seed texts (resolution 2129 (2013) was adopted on 17 December 2013 at the
Council's 7086th meeting) or computed independently with rdflib from the
same file.
"""

from __future__ import annotations

import json
import re
import shutil
import threading
import time
import warnings

import pytest
from rdflib import RDF, Graph, Literal, Namespace, URIRef

with warnings.catch_warnings():  # Starlette 1.x prefers httpx2 to httpx; either works
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from conftest import BASE, OUT
from ct2rdf.serve.app import STATIC, Settings, create_app, prepare

CT = Namespace("https://w3id.org/ct2rdf/ontology#")
VOID = Namespace("http://rdfs.org/ns/void#")
TIMEOUT, MAX_RESULTS, MAX_BODY = 3.0, 100, 4000
R2129 = f"{BASE}S/RES/2129(2013)"
ASK_2129 = f"ASK {{ <{R2129}> <http://purl.org/dc/terms/identifier> \"S/RES/2129 (2013)\" }}"
SELECT_2129 = f"SELECT ?date WHERE {{ <{R2129}> <http://data.europa.eu/eli/ontology#date_document> ?date }}"
CONSTRUCT_2129 = f"CONSTRUCT WHERE {{ <{R2129}> <http://www.w3.org/2000/01/rdf-schema#label> ?label }}"
# a cross product of all triples three times over: 2.3e12 rows to count
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
# sorting a cross product holds it all in memory: ~250 MB more every second
GREEDY = "SELECT ?a ?d WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?a ?d LIMIT 1"
LONG_ROWS = ('SELECT ?block ?x WHERE { { SELECT (GROUP_CONCAT("aaaaaaaaaaaaaaaa"; separator="") AS ?block) '
             '{ SELECT ?s { ?s ?p ?o } LIMIT 8192 } } { SELECT ?x { ?x ?y ?z } LIMIT 16 } }')
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@pytest.fixture(scope="module")
def graph():
    return Graph().parse(OUT, format="turtle")


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    prepared = prepare([OUT], tmp_path_factory.mktemp("serve"))
    settings = Settings(timeout=TIMEOUT, max_results=MAX_RESULTS, max_body=MAX_BODY, workers=2,
                        max_memory_mb=100, max_answer_mb=1)
    with TestClient(create_app(prepared, settings)) as c:
        yield c


def json_rows(response) -> list[dict]:
    return [{k: v["value"] for k, v in b.items()} for b in response.json()["results"]["bindings"]]


REQUESTS = [
    # GET with ?query=
    ("get", "GET", {"params": {"query": SELECT_2129}}),
    # POST application/sparql-query: the body is the query
    ("post-query", "POST", {"content": SELECT_2129, "headers": {"content-type": "application/sparql-query"}}),
    # the same with a charset parameter
    ("post-query-charset", "POST", {"content": SELECT_2129,
                                    "headers": {"content-type": "application/sparql-query; charset=utf-8"}}),
    # POST form-encoded query=
    ("post-form", "POST", {"data": {"query": SELECT_2129}}),
]


@pytest.mark.parametrize(("method", "kwargs"), [r[1:] for r in REQUESTS], ids=[r[0] for r in REQUESTS])
def test_protocol_requests(client, method, kwargs):
    r = client.request(method, "/sparql", **kwargs)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/sparql-results+json"
    assert json_rows(r) == [{"date": "2013-12-17"}]


ANSWERS = [
    # SELECT, each results format, and JSON by default
    ("select-default", SELECT_2129, None, "application/sparql-results+json", '"2013-12-17"'),
    ("select-json", SELECT_2129, "application/sparql-results+json", "application/sparql-results+json",
     '"value":"2013-12-17"'),
    ("select-xml", SELECT_2129, "application/sparql-results+xml", "application/sparql-results+xml",
     '<binding name="date"><literal datatype="http://www.w3.org/2001/XMLSchema#date">2013-12-17</literal>'),
    ("select-csv", SELECT_2129, "text/csv", "text/csv; charset=utf-8", "date\r\n2013-12-17\r\n"),
    ("select-tsv", SELECT_2129, "text/tab-separated-values", "text/tab-separated-values; charset=utf-8",
     '?date\n"2013-12-17"^^<http://www.w3.org/2001/XMLSchema#date>\n'),
    # ASK, JSON and XML
    ("ask-json", ASK_2129, None, "application/sparql-results+json", '"boolean":true'),
    ("ask-xml", ASK_2129, "application/sparql-results+xml", "application/sparql-results+xml",
     "<boolean>true</boolean>"),
    # CONSTRUCT: Turtle by default (with the contract's prefixes), N-Triples, JSON-LD, RDF/XML
    ("construct-default", CONSTRUCT_2129, None, "text/turtle; charset=utf-8",
     'rdfs:label "Security Council resolution 2129 (2013)"@en'),
    ("construct-ntriples", CONSTRUCT_2129, "application/n-triples", "application/n-triples",
     f'<{R2129}> <http://www.w3.org/2000/01/rdf-schema#label> "安全理事会第2129(2013)号决议"@zh .'),
    ("construct-jsonld", CONSTRUCT_2129, "application/ld+json", "application/ld+json",
     '{"@language":"en","@value":"Security Council resolution 2129 (2013)"}'),
    ("construct-rdfxml", CONSTRUCT_2129, "application/rdf+xml", "application/rdf+xml",
     '<rdfs:label xml:lang="en">Security Council resolution 2129 (2013)</rdfs:label>'),
    # DESCRIBE answers in Turtle too
    ("describe", f"DESCRIBE <{R2129}>", "text/turtle", "text/turtle; charset=utf-8",
     "ct:adoptedAt <https://w3id.org/ct2rdf/id/meeting/SC/7086>"),
]


@pytest.mark.parametrize(("query", "accept", "media", "excerpt"), [r[1:] for r in ANSWERS],
                         ids=[r[0] for r in ANSWERS])
def test_content_negotiation(client, query, accept, media, excerpt):
    headers = {"accept": accept} if accept else {}
    r = client.get("/sparql", params={"query": query}, headers=headers)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == media and "Accept" in r.headers["vary"]
    assert excerpt in r.text


ERRORS = [
    # SPARQL Update: as the media type of a POST, as a form's update=, as ?update=, as a query
    ("update-media-type", "POST", {"content": "INSERT DATA { <http://a> <http://b> <http://c> }",
                                   "headers": {"content-type": "application/sparql-update"}},
     400, "read-only"),
    ("update-form", "POST", {"data": {"update": "DROP ALL"}}, 400, "read-only"),
    ("update-param", "GET", {"params": {"update": "CLEAR DEFAULT"}}, 400, "read-only"),
    ("update-as-query", "GET", {"params": {"query": "DELETE WHERE { ?s ?p ?o }"}}, 400, "Update (DELETE)"),
    # SERVICE, by GET and by POST
    ("service-get", "GET", {"params": {"query": "SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"}},
     400, "SERVICE is refused"),
    ("service-post", "POST", {"content": "SELECT * { service:x { ?s ?p ?o } }",
                              "headers": {"content-type": "application/sparql-query"}},
     400, "SERVICE is refused"),
    # no query, two queries, a syntax error (with the engine's line and column)
    ("no-query", "GET", {}, 400, "exactly one query"),
    ("two-queries", "GET", {"params": [("query", ASK_2129), ("query", ASK_2129)]}, 400,
     "exactly one query"),
    ("syntax-error", "GET", {"params": {"query": "SELECT ?x WHERE { ?x ?y }"}}, 400,
     "not valid SPARQL: error at 1:"),
    # a body type the protocol does not have
    ("wrong-media-type", "POST", {"content": ASK_2129, "headers": {"content-type": "text/plain"}}, 415,
     "application/sparql-query"),
    # a format the query form cannot be written in
    ("not-acceptable", "GET", {"params": {"query": SELECT_2129}, "headers": {"accept": "text/turtle"}}, 406,
     "application/sparql-results+json"),
    # bodies over the limit: declared by Content-Length, or streamed in chunks without one
    ("body-too-large", "POST", {"content": "#" * (MAX_BODY + 1) + "\nASK {}",
                                "headers": {"content-type": "application/sparql-query"}}, 413, "--max-body"),
    ("chunked-too-large", "POST", {"content": iter([b"#" * 3000, b"#" * 3000]),
                                   "headers": {"content-type": "application/sparql-query"}},
     413, "--max-body"),
    # more rows or triples than --max-results (the graph has thousands of triples)
    ("too-many-rows", "GET", {"params": {"query": "SELECT * { ?s ?p ?o }"}}, 400,
     f"more than {MAX_RESULTS} rows"),
    ("too-many-triples", "GET", {"params": {"query": "CONSTRUCT WHERE { ?s ?p ?o }"}}, 400,
     f"more than {MAX_RESULTS} triples"),
    # bytes that are not UTF-8 once percent-decoded: refused, never run as U+FFFD
    ("utf8-query-string", "GET", {"path": "/sparql?query=ASK%7B%3Fs%20%3Fp%20%22%FF%22%7D"}, 400,
     "query string is not UTF-8"),
    ("utf8-form", "POST", {"content": b"query=ASK%7B%22%C3%28%22%7D",
                           "headers": {"content-type": "application/x-www-form-urlencoded"}}, 400,
     "form is not UTF-8"),
    ("utf8-body", "POST", {"content": b'ASK { ?s ?p "\xe4\xb8" }',
                           "headers": {"content-type": "application/sparql-query"}}, 400,
     "body is not UTF-8"),
    # a request line and headers past --max-header (the default 16,384 bytes), sent at once
    ("header-too-large", "GET", {"params": {"query": "ASK {} #" + "x" * 20_000}}, 431, "--max-header"),
    # few rows, but long ones: 16 rows holding a 128 KiB literal each pass --max-answer 1 (MB)
    ("too-large-answer", "GET", {"params": {"query": LONG_ROWS}}, 400, "(--max-answer)"),
    # a query that dies of its memory ceiling gets an error; its worker is replaced
    ("out-of-memory", "GET", {"params": {"query": GREEDY}}, 503, "stopped its worker"),
]


@pytest.mark.parametrize(("method", "kwargs", "status", "message"), [r[1:] for r in ERRORS],
                         ids=[r[0] for r in ERRORS])
def test_errors(client, method, kwargs, status, message):
    kwargs = dict(kwargs)
    r = client.request(method, kwargs.pop("path", "/sparql"), **kwargs)
    assert r.status_code == status, r.text
    assert r.text.startswith("Error: ") and message in r.text


def test_runaway_query_is_stopped_while_others_are_served(client):
    slow = {}

    def run_slow():
        started = time.monotonic()
        slow["response"] = client.get("/sparql", params={"query": RUNAWAY})
        slow["seconds"] = time.monotonic() - started

    thread = threading.Thread(target=run_slow)
    thread.start()
    time.sleep(0.5)
    started = time.monotonic()
    quick = client.get("/sparql", params={"query": ASK_2129})
    quick_seconds = time.monotonic() - started
    thread.join()
    # the second client is answered at once, while the runaway query still runs
    assert quick.status_code == 200 and quick.json()["boolean"] is True
    assert quick_seconds < 1.0 and "response" in slow
    # the runaway query is cut off at the time limit with a clear message
    assert slow["response"].status_code == 503 and "time limit of 3 s" in slow["response"].text
    assert TIMEOUT <= slow["seconds"] < TIMEOUT + 2
    # and the pool is whole again: two queries at once are both answered
    answers = []
    pair = [threading.Thread(target=lambda: answers.append(client.get("/sparql", params={"query": ASK_2129})))
            for _ in range(2)]
    for t in pair:
        t.start()
    for t in pair:
        t.join()
    assert [a.status_code for a in answers] == [200, 200]


CORS = [
    # a preflight for a cross-origin POST of a query
    ("preflight", "OPTIONS", {"origin": "http://example.org", "access-control-request-method": "POST",
                              "access-control-request-headers": "content-type"}),
    # a simple cross-origin GET
    ("simple-get", "GET", {"origin": "http://example.org"}),
]


@pytest.mark.parametrize(("method", "headers"), [r[1:] for r in CORS], ids=[r[0] for r in CORS])
def test_cors(client, method, headers):
    r = client.request(method, "/sparql", params={"query": ASK_2129}, headers=headers)
    assert r.status_code == 200
    assert r.headers["access-control-allow-origin"] == "*"
    if method == "OPTIONS":
        assert "POST" in r.headers["access-control-allow-methods"]


DEREF = [
    # Turtle by default and on request; the path as curl sends it, percent-encoded, and under the base's path
    ("turtle", "/S/RES/2129(2013)", "text/turtle", R2129),
    ("any", "/S/RES/2129(2013)", "*/*", R2129),
    ("encoded", "/S/RES/2129%282013%29", None, R2129),
    ("base-path", "/ct2rdf/id/S/RES/2129(2013)", "text/turtle", R2129),
    # a paragraph and a body are described like documents
    ("paragraph", "/S/RES/2129(2013)/op/2", "text/turtle", f"{R2129}/op/2"),
    ("body", "/org/CTED", "text/turtle", f"{BASE}org/CTED"),
]


@pytest.mark.parametrize(("path", "accept", "iri"), [r[1:] for r in DEREF], ids=[r[0] for r in DEREF])
def test_deref_turtle(client, graph, path, accept, iri):
    r = client.get(path, headers={"accept": accept} if accept else {})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/turtle")
    described = set(Graph().parse(data=r.text, format="turtle"))
    node = URIRef(iri)
    # every triple about the IRI, and every triple pointing at it
    assert described == {t for t in graph if node in (t[0], t[2])}


DEREF_OTHER = [
    # a browser gets HTML: the English label as heading, links to neighbours under the base made local
    ("html-document", "/S/RES/2129(2013)", BROWSER, 200, "text/html",
     ["<h1>Security Council resolution 2129 (2013)</h1>", 'href="/meeting/SC/7086"']),
    ("html-body", "/org/CTED", BROWSER, 200, "text/html",
     ["<h1>Counter-Terrorism Committee Executive Directorate</h1>", 'href="/org/CTC"']),
    # JSON-LD on request
    ("jsonld", "/S/RES/2129(2013)", "application/ld+json", 200, "application/ld+json", [f'"@id":"{R2129}"']),
    # nothing known, a format no description is written in
    ("unknown", "/no/such/thing", "text/turtle", 404, "text/plain", ["say nothing about"]),
    ("not-acceptable", "/S/RES/2129(2013)", "image/png", 406, "text/plain", ["text/turtle"]),
]


@pytest.mark.parametrize(("path", "accept", "status", "media", "excerpts"), [r[1:] for r in DEREF_OTHER],
                         ids=[r[0] for r in DEREF_OTHER])
def test_deref_other(client, path, accept, status, media, excerpts):
    r = client.get(path, headers={"accept": accept})
    assert r.status_code == status and r.headers["content-type"].startswith(media)
    for excerpt in excerpts:
        assert excerpt in r.text


def test_void_computed(client, graph):
    r = client.get("/void")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/turtle")
    void = Graph().parse(data=r.text, format="turtle")
    dataset = URIRef(f"{BASE}void#dataset")
    assert (dataset, RDF.type, VOID.Dataset) in void
    assert void.value(dataset, VOID.triples).toPython() == len(graph)
    assert void.value(dataset, VOID.distinctSubjects).toPython() == len(set(graph.subjects()))
    assert void.value(dataset, VOID.sparqlEndpoint) == URIRef("http://testserver/sparql")
    partitions = {void.value(p, VOID["class"]): void.value(p, VOID.entities).toPython()
                  for p in void.objects(dataset, VOID.classPartition)}
    # the documents: every node typed ct:Document, cited or read
    assert partitions[CT.Document] == len(set(graph.subjects(RDF.type, CT.Document)))


def test_void_file_beside_the_graph_is_served(tmp_path):
    shutil.copy(OUT, tmp_path / "ct.ttl")
    written = "<https://example.org/void#ds> a <http://rdfs.org/ns/void#Dataset> .\n"
    (tmp_path / "void.ttl").write_text(written, encoding="utf-8")
    prepared = prepare([tmp_path / "ct.ttl"], tmp_path)
    with TestClient(create_app(prepared, Settings(workers=1))) as c:
        assert c.get("/void").text == written
        nt = c.get("/void", headers={"accept": "application/n-triples"})
        assert nt.headers["content-type"] == "application/n-triples"
        rdf_type = " <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
        assert nt.text.strip() == written.strip().replace(" a ", rdf_type)


def test_page_and_its_assets(client):
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    # the browser may load nothing but this server's own files
    assert r.headers["content-security-policy"].startswith("default-src 'self'")
    assert '<textarea id="query"' in r.text
    for asset in ("/static/app.js", "/static/style.css"):
        assert asset in r.text and client.get(asset).status_code == 200


ASSETS = [
    # every src/href of the page is a path on this server
    ("index.html", r"""(?:src|href)=["'](?!/)"""),
    # the script fetches only paths on this server
    ("app.js", r"""fetch\(\s*["'`](?!/)"""),
    # the chart too: /cookbook and /sparql only; its SVG namespace is a name, never fetched
    ("chart.js", r"""fetch\(\s*["'`](?!/)"""),
    # the style imports nothing and loads no fonts or images
    ("style.css", r"@import|url\("),
]


@pytest.mark.parametrize(("name", "remote"), ASSETS, ids=[r[0] for r in ASSETS])
def test_assets_fetch_nothing_remote(name, remote):
    assert not re.search(remote, (STATIC / name).read_text(encoding="utf-8"))


def test_cookbook(client):
    from conftest import ROOT

    entries = client.get("/cookbook").json()
    assert entries["base"] == BASE
    by_name = {q["name"]: q for q in entries["queries"]}
    assert set(by_name) == {p.stem for p in (ROOT / "queries").glob("*.rq")}
    # the question in both languages, from the file's opening comment
    mandates = by_name["mandates-ending-before-2018"]
    assert mandates["en"].startswith("Which bodies hold a mandate that ends before 2018, conferred by which")
    assert mandates["zh"].startswith("哪些机构的任务授权在 2018 年之前结束")
    assert all(q["en"] and q["zh"] and q["query"].lstrip().startswith("#") for q in entries["queries"])


def test_cookbook_queries_answer_on_the_endpoint(client):
    # the page's path: POST the query, JSON rows; here the mandates question, read off the seeds
    queries = client.get("/cookbook").json()["queries"]
    query = next(q for q in queries if q["name"] == "mandates-ending-before-2018")
    r = client.post("/sparql", content=query["query"], headers={"content-type": "application/sparql-query",
                                                                 "accept": "application/sparql-results+json"})
    rows = [(row["holder"], row["end"], row["document"]) for row in json_rows(r)]
    assert rows == [("CTED", "2013-12-31", "S/RES/1963 (2010)"), ("CTED", "2017-12-31", "S/RES/2129 (2013)")]


def test_json_literals_keep_language_and_type(client):
    q = f"SELECT ?l ?d WHERE {{ <{R2129}> <http://www.w3.org/2000/01/rdf-schema#label> ?l ; " \
        "<http://data.europa.eu/eli/ontology#date_document> ?d FILTER(lang(?l) = 'zh') }"
    binding = json.loads(client.get("/sparql", params={"query": q}).text)["results"]["bindings"][0]
    assert binding["l"] == {"type": "literal", "value": "安全理事会第2129(2013)号决议", "xml:lang": "zh"}
    assert binding["d"]["datatype"] == "http://www.w3.org/2001/XMLSchema#date"
    assert Literal(binding["d"]["value"]).toPython() == "2013-12-17"


# The page's questions come from each query's opening comment block.
QUESTIONS = [
    # English then Chinese, no note
    ("# Who?\n# 谁？\nSELECT", ("Who?", "谁？")),
    # an English note quoting a Chinese word after the Chinese line stays a note
    ('# Who reports?\n# 谁报告？\n# A duty without ct:frequency is "regular" (定期).\nSELECT',
     ("Who reports?", "谁报告？")),
    # a Chinese line quoting a Latin term is still Chinese
    ("# Which FTF?\n# 哪些段落涉及外国恐怖主义战斗人员（FTF）？\nSELECT",
     ("Which FTF?", "哪些段落涉及外国恐怖主义战斗人员（FTF）？")),
    # two English lines are joined
    ("# Which paragraphs\n# cite 1373?\n# 哪些段落？\nSELECT", ("Which paragraphs cite 1373?", "哪些段落？")),
]


@pytest.mark.parametrize(("text", "expected"), QUESTIONS, ids=["plain", "note", "latin-in-zh", "two-lines"])
def test_query_questions_split_english_chinese_and_notes(text, expected):
    from ct2rdf.serve.cookbook import question

    assert question(text) == expected
