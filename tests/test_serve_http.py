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

QUERIES = sorted((ROOT / "queries").glob("*.rq"))
SRC = str(Path(ct2rdf.__file__).resolve().parents[1])


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cli(*args: str, **kwargs) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [SRC, os.environ.get("PYTHONPATH")])))
    return subprocess.Popen([sys.executable, "-m", "ct2rdf", *args], env=env, cwd=ROOT, **kwargs)


@pytest.fixture(scope="module")
def server():
    """The endpoint's address, once it answers."""
    port = free_port()
    process = cli("serve", str(OUT), "--port", str(port), "--quiet", "--timeout", "2",
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


def children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (Linux /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


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


def test_browser_runs_a_cookbook_query_offline(server, tmp_path):
    exe = next(filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None)
    if exe is None:
        pytest.skip("no Chromium here; .ci/run installs it with apt-get install -y chromium")
    browser = Chromium(exe, tmp_path / "profile")
    try:
        target = browser.call("Target.createTarget", url=f"{server}/?cookbook=mandates-ending-before-2018")
        attached = browser.call("Target.attachToTarget", targetId=target["targetId"], flatten=True)
        session = attached["sessionId"]
        deadline, rows = time.monotonic() + 30, None
        while rows is None and time.monotonic() < deadline:
            time.sleep(0.2)
            result = browser.call("Runtime.evaluate", session, expression=TABLE, returnByValue=True)["result"]
            rows = result.get("value")
    finally:
        browser.close()
    # the two CTED mandates of the seeds, as the query's first three columns: holder, end, document
    assert rows == [["CTED", "2013-12-31", "S/RES/1963 (2010)"], ["CTED", "2017-12-31", "S/RES/2129 (2013)"]]


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
    assert assets == str(["app.js", "index.html", "style.css"])
