"""The real `ct2rdf serve` process on a loopback port: urllib, SPARQLWrapper and headless Chromium.

The server runs as users start it (``python -m ct2rdf serve out/ct.ttl``);
its answers to the cookbook must be Oxigraph's answers on the same file.
The browser test opens the page with every host name but 127.0.0.1
unresolvable, runs a cookbook query and reads the rows of the table it
renders: the page needs no network.
"""

from __future__ import annotations

import http.client
import json
import os
import select
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest

import ct2rdf
from conftest import OUT, ROOT, answers_on_seeds

sys.path.insert(0, str(ROOT / "bench"))
from load_serve import children  # one /proc walker for the load test and these tests

QUERIES = sorted((ROOT / "queries").glob("*.rq"))
THEMES = Path(__file__).with_name("themes_fixture.ttl")
SRC = str(Path(ct2rdf.__file__).resolve().parents[1])


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cli(*args: str, **kwargs) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [SRC, os.environ.get("PYTHONPATH")])))
    return subprocess.Popen([sys.executable, "-m", "ct2rdf", *args], env=env, cwd=ROOT, **kwargs)


def serve(graph: Path):
    """Run ``ct2rdf serve graph`` on a free port; yield its address once it answers, then stop it."""
    port = free_port()
    process = cli("serve", str(graph), "--port", str(port), "--quiet", "--timeout", "2",
                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"{url}/sparql?query=ASK%7B%7D", timeout=5).read()
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"ct2rdf serve did not start: {process.stderr.read().decode()}")
            time.sleep(0.2)
    yield url
    workers = children(process.pid)
    process.terminate()
    # SIGTERM ends it like Ctrl-C: exit code 0, its query workers gone
    assert process.wait(20) == 0 and workers
    time.sleep(0.5)
    assert not any(Path(f"/proc/{pid}").exists() for pid in workers)


@pytest.fixture(scope="module")
def server():
    """The endpoint serving out/ct.ttl."""
    yield from serve(OUT)


@pytest.fixture(scope="module")
def themes_server():
    """The endpoint serving the hand-written themes graph of tests/test_theme_queries.py."""
    yield from serve(THEMES)


def fetch(url: str, data: bytes | None = None, headers: dict | None = None) -> tuple[int, str, str]:
    """(status, content type, text) of one request."""
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as r:
            return r.status, r.headers["content-type"], r.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, e.headers["content-type"], e.read().decode("utf-8")


@pytest.fixture(scope="module")
def store():
    s = ox.Store()
    s.bulk_load(path=str(OUT), format=ox.RdfFormat.TURTLE)
    return s


def oxigraph_rows(store, query: str) -> list[dict]:
    return [{v.value: row[v].value for v in result.variables if row[v] is not None}
            for result in [store.query(query)] for row in result]


@pytest.mark.parametrize("path", QUERIES, ids=[p.stem for p in QUERIES])
def test_cookbook_answers_equal_oxigraph(server, store, path):
    query = path.read_text(encoding="utf-8")
    status, media, text = fetch(f"{server}/sparql", urllib.parse.urlencode({"query": query}).encode(),
                                {"Accept": "application/sparql-results+json"})
    assert status == 200 and media == "application/sparql-results+json"
    rows = [{k: v["value"] for k, v in b.items()} for b in json.loads(text)["results"]["bindings"]]
    expected = oxigraph_rows(store, query)
    assert rows == expected and (rows or not answers_on_seeds(path))


REFUSALS = [
    # Update sent as an update, and as a query
    ("update", "application/sparql-update", "DELETE WHERE { ?s ?p ?o }", 400, "read-only"),
    ("update-as-query", "application/sparql-query", "DROP ALL", 400, "read-only"),
    # SERVICE: the server never fetches a URL
    ("service", "application/sparql-query", "SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
     400,
     "SERVICE is refused"),
    # a runaway query is stopped at --timeout 2
    ("runaway", "application/sparql-query", "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", 503,
     "time limit of 2 s"),
]


@pytest.mark.parametrize(("media", "body", "status", "message"), [r[1:] for r in REFUSALS],
                         ids=[r[0] for r in REFUSALS])
def test_refusals(server, media, body, status, message):
    got, _, text = fetch(f"{server}/sparql", body.encode(), {"Content-Type": media})
    assert got == status and message in text


def test_csv_by_get(server):
    q = "SELECT ?n WHERE { ?m a <https://w3id.org/ct2rdf/ontology#Meeting> ; " \
        "<https://w3id.org/ct2rdf/ontology#meetingNumber> ?n } ORDER BY ?n"
    status, media, text = fetch(f"{server}/sparql?" + urllib.parse.urlencode({"query": q}), None,
                                {"Accept": "text/csv"})
    assert status == 200 and media == "text/csv; charset=utf-8"
    # resolution 2129 (2013) was adopted at the 7086th meeting
    assert text.startswith("n\r\n") and "7086\r\n" in text


def test_sparqlwrapper(server, store):
    sparqlwrapper = pytest.importorskip("SPARQLWrapper", reason="SPARQLWrapper is not installed")
    client = sparqlwrapper.SPARQLWrapper(f"{server}/sparql")
    query = (ROOT / "queries" / "reporting-to-security-council.rq").read_text(encoding="utf-8")
    client.setQuery(query)
    client.setReturnFormat(sparqlwrapper.JSON)
    rows = [{k: v["value"] for k, v in b.items()} for b in client.query().convert()["results"]["bindings"]]
    assert rows == oxigraph_rows(store, query)


def test_kept_alive_connections_answer_without_delay(server):
    # a regression guard: a listening socket made with proto 0 kept asyncio from setting TCP_NODELAY,
    # and every answer after the first on a connection waited >= 40 ms for the client's delayed ACK
    conn = http.client.HTTPConnection("127.0.0.1", int(server.rsplit(":", 1)[1]), timeout=30)
    times = []
    for _ in range(6):
        started = time.perf_counter()
        conn.request("GET", "/sparql?query=ASK%7B%7D")
        conn.getresponse().read()
        times.append(time.perf_counter() - started)
    conn.close()
    assert min(times[1:]) < 0.035, times


def test_port_in_use_is_a_usage_error(server):
    port = server.rsplit(":", 1)[1]
    process = cli("serve", str(OUT), "--port", port, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 2 and f"cannot listen on 127.0.0.1 port {port}" in err.decode()


# Put two inherited fds on 3 and 4 (by way of fds above 10, so neither overwrites the other), then exec.
EXEC_ON_FDS_3_4 = """import os, sys
high = [os.dup2(int(fd), 10 + i) for i, fd in enumerate(sys.argv[1:3])]
os.dup2(high[0], 3); os.dup2(high[1], 4)
os.execv(sys.argv[3], sys.argv[3:])"""


class Chromium:
    """Headless Chromium driven over the DevTools protocol on a pipe (fds 3 and 4): no extra packages."""

    def __init__(self, exe: str, profile: Path):
        to_chrome, self.to_chrome = os.pipe()
        self.from_chrome, from_chrome = os.pipe()
        flags = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 f"--user-data-dir={profile}",
                 # no network: every name but the loopback address fails to resolve
                 "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
                 "--remote-debugging-pipe", "about:blank"]
        self.process = subprocess.Popen(
            [sys.executable, "-c", EXEC_ON_FDS_3_4, str(to_chrome), str(from_chrome), exe, *flags],
            pass_fds=(to_chrome, from_chrome), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_chrome)
        os.close(from_chrome)
        self.buffer, self.last_id = b"", 0

    def call(self, method: str, session: str | None = None, timeout: float = 30, **params) -> dict:
        self.last_id += 1
        message = {"id": self.last_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self.to_chrome, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            while b"\0" in self.buffer:
                raw, self.buffer = self.buffer.split(b"\0", 1)
                reply = json.loads(raw)
                if reply.get("id") == self.last_id:
                    assert "error" not in reply, reply
                    return reply["result"]
            left = deadline - time.monotonic()
            assert left > 0 and select.select([self.from_chrome], [], [], left)[0], f"no answer to {method}"
            chunk = os.read(self.from_chrome, 1 << 16)
            assert chunk, "chromium closed the pipe"
            self.buffer += chunk

    def close(self) -> None:
        self.process.kill()
        self.process.wait()
        os.close(self.to_chrome)
        os.close(self.from_chrome)


# the first three cells of each row of the results table, without their datatype tags; null until shown
TABLE = """(() => { const t = document.querySelector('table.results'); if (!t) return null;
  const text = (td) => td.childNodes.length ? td.childNodes[0].textContent : '';
  return [...t.querySelectorAll('tbody tr')].map(tr => [...tr.cells].slice(0, 3).map(text)); })()"""

# what the themes chart shows, once drawn (null before): the SVG's rows and bars, the year labels,
# the legend's ticked themes, the data table's rows, or the message standing in for the chart
CHART = """((box) => { if (!box || !box.querySelector('svg.chart, .empty:not(.loading)')) return null;
  const svg = box.querySelector('svg.chart');
  return { message: svg ? null : box.querySelector('.empty').textContent,
    title: svg && svg.querySelector('title').textContent, desc: svg && svg.querySelector('desc').textContent,
    labelledby: svg && svg.getAttribute('aria-labelledby'),
    rows: svg ? [...svg.querySelectorAll('.series')].map(g => g.dataset.theme) : [],
    bars: svg ? [...svg.querySelectorAll('.series')].map(g => g.querySelectorAll('rect.bar').length) : [],
    years: svg ? [...svg.querySelectorAll('text.year')].map(t => t.textContent) : [],
    ticked: [...box.querySelectorAll('.legend li')].filter(li => li.querySelector('input').checked)
      .map(li => [li.querySelector('.zh').textContent, li.querySelector('.en').textContent]),
    legend: box.querySelectorAll('.legend li').length,
    table: [...box.querySelectorAll('table.themes-table tbody tr')].map(tr => tr.dataset.theme) }; })"""


def chromium() -> str:
    exe = next(filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None)
    if exe is None:
        pytest.skip("no Chromium here; .ci/run installs it with apt-get install -y chromium")
    return exe


def open_page(browser: Chromium, url: str) -> str:
    """A DevTools session on a new tab loading ``url``."""
    target = browser.call("Target.createTarget", url=url)
    return browser.call("Target.attachToTarget", targetId=target["targetId"], flatten=True)["sessionId"]


def wait_for(browser: Chromium, session: str, expression: str, seconds: float = 30):
    """The value of ``expression`` in the page once it is not null (None after ``seconds``)."""
    deadline, value = time.monotonic() + seconds, None
    while value is None and time.monotonic() < deadline:
        time.sleep(0.2)
        reply = browser.call("Runtime.evaluate", session, expression=expression, returnByValue=True)
        value = reply["result"].get("value")
    return value


def test_browser_runs_a_cookbook_query_offline(server, tmp_path):
    browser = Chromium(chromium(), tmp_path / "profile")
    try:
        session = open_page(browser, f"{server}/?cookbook=mandates-ending-before-2018")
        rows = wait_for(browser, session, TABLE)
        chart = wait_for(browser, session, f"{CHART}(document.getElementById('themes-chart'))")
    finally:
        browser.close()
    # the two CTED mandates of the seeds, as the query's first three columns: holder, end, document
    assert rows == [["CTED", "2013-12-31", "S/RES/1963 (2010)"], ["CTED", "2017-12-31", "S/RES/2129 (2013)"]]
    # no chart without themes: a message says why (until the seeds' graph has themes)
    if "<https://w3id.org/ct2rdf/id/theme/" in OUT.read_text(encoding="utf-8"):
        assert chart["rows"]
    else:
        assert chart["message"].startswith("No theme data in this graph") and not chart["legend"]


def test_browser_draws_the_theme_chart(themes_server, tmp_path):
    browser = Chromium(chromium(), tmp_path / "profile")
    try:
        session = open_page(browser, f"{themes_server}/")
        chart = wait_for(browser, session, f"{CHART}(document.getElementById('themes-chart'))")
    finally:
        browser.close()
    # tests/themes_fixture.ttl's ten themes by paragraphs in dated documents, ties by key: the first eight
    # are drawn, a row each, with a bar per year that has paragraphs
    assert chart["rows"] == ["financing", "ict", "foreign-terrorist-fighters", "border-management",
                             "human-rights", "violent-extremism", "arms", "judicial-cooperation"]
    # financing: 2001, 2014, 2019; ICT: 2014, 2017, 2019, 2020
    assert chart["bars"] == [3, 4, 2, 2, 2, 2, 1, 1]
    # 2001 to 2020: a label every two years, on even years
    assert chart["years"] == [str(y) for y in range(2002, 2021, 2)]
    assert chart["ticked"][:2] == [["资助恐怖主义", "Financing of terrorism"],
                                   ["信息和通信技术与互联网", "ICT and the Internet"]]
    assert len(chart["ticked"]) == 8 and chart["legend"] == 10
    # the text alternatives: title and desc name the span and each theme; the table has every theme
    assert chart["labelledby"] == "themes-svg-title themes-svg-desc"
    assert "2001–2020" in chart["title"]
    assert "资助恐怖主义 Financing of terrorism: 4 in all, most in 2019 (2)" in chart["desc"]
    assert chart["table"][-2:] == ["kidnapping-ransom", "victims"] and len(chart["table"]) == 10


def answer(rows: list[tuple]) -> str:
    """A themes-per-year answer (SPARQL JSON) from (year, key, zh, en, paragraphs) rows."""
    def lit(v):
        return {"type": "literal", "value": str(v)}

    names = ("year", "theme", "zh", "en", "paragraphs")
    bindings = [dict(zip(names, map(lit, row), strict=True)) for row in rows]
    return json.dumps({"head": {"vars": list(names)},
                       "results": {"bindings": bindings}}, ensure_ascii=False)


EDGE_CASES = [
    # no theme in the graph: a message, no empty axes
    ("no-themes", [], {"message": "No theme data in this graph", "rows": 0, "years": []}),
    # a single year: one band, labelled, a bar per theme
    ("one-year", [(2019, "financing", "资助恐怖主义", "Financing of terrorism", 3),
                  (2019, "ict", "信息和通信技术", "ICT", 1)],
     {"message": None, "rows": 2, "years": ["2019"], "bars": [1, 1]}),
    # 2001 to 2025 with gaps: every year has its band, labels every two years; ICT (5) above financing (3)
    ("many-years", [(2001, "financing", "资助", "Financing", 2), (2025, "financing", "资助", "Financing", 1),
                    (2013, "ict", "信通技术", "ICT", 5)],
     {"message": None, "rows": 2, "years": [str(y) for y in range(2002, 2025, 2)], "bars": [1, 2]}),
    # twelve themes: the eight with most paragraphs shown, ties by key
    ("twelve-themes", [(2010, f"t{i:02}", f"主题{i}", f"Theme {i}", 20 - i) for i in range(12)],
     {"message": None, "rows": 8, "years": ["2010"], "bars": [1] * 8}),
]


@pytest.mark.parametrize(("rows", "expected"), [c[1:] for c in EDGE_CASES], ids=[c[0] for c in EDGE_CASES])
def test_chart_edge_cases(themes_server, tmp_path, rows, expected):
    # the page's own drawing function on made-up answers, in a box of its own
    browser = Chromium(chromium(), tmp_path / "profile")
    draw = (f"(() => {{ const box = document.createElement('div'); document.body.append(box);"
            f" ThemeChart.draw(box, {answer(rows)}); return {CHART}(box); }})()")
    try:
        session = open_page(browser, f"{themes_server}/")
        wait_for(browser, session, "typeof ThemeChart === 'undefined' ? null : true")
        chart = wait_for(browser, session, draw)
    finally:
        browser.close()
    message = chart["message"]
    assert (message and message.startswith(expected["message"])) or message is expected["message"]
    assert len(chart["rows"]) == expected["rows"] and chart["years"] == expected["years"]
    assert chart["bars"] == expected.get("bars", [])


def test_picking_a_theme_draws_its_row(themes_server, tmp_path):
    browser = Chromium(chromium(), tmp_path / "profile")
    chart = f"{CHART}(document.getElementById('themes-chart'))"
    try:
        session = open_page(browser, f"{themes_server}/")
        wait_for(browser, session, chart)
        click = "document.getElementById('theme-victims').click()"
        browser.call("Runtime.evaluate", session, expression=click)
        more = f"(() => {{ const c = {chart}; return c.rows.length > 8 ? c : null; }})()"
        picked = wait_for(browser, session, more, seconds=5)
    finally:
        browser.close()
    # victims (one paragraph, 2020) comes in at its rank: after the eight drawn (ties by key), and
    # kidnapping, ranked between them but not picked, stays out
    assert picked["rows"][-2:] == ["judicial-cooperation", "victims"] and len(picked["rows"]) == 9
    assert picked["bars"][-1] == 1


@pytest.mark.slow
def test_installed_package_ships_the_page_and_the_cookbook(tmp_path):
    # a wheel install carries queries/ and the page's assets inside the package: the page works anywhere
    site = tmp_path / "site"
    pip = [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(site), str(ROOT)]
    subprocess.run(pip, check=True, env={**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"})
    script = ("from ct2rdf.serve.cookbook import cookbook; from ct2rdf.serve.app import STATIC; "
              "print(sorted(q['name'] for q in cookbook())); print(sorted(p.name for p in STATIC.iterdir()))")
    probe = subprocess.run(
        [sys.executable, "-c", script],
        cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(site)}, capture_output=True, text=True, check=True)
    names, assets = probe.stdout.splitlines()
    assert names == str(sorted(p.stem for p in QUERIES))
    assert assets == str(["app.js", "chart.js", "index.html", "style.css"])
