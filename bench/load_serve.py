"""A bounded load test of `ct2rdf serve` under attack, on loopback; exits non-zero when the server fails it.

    python bench/load_serve.py                          # out/ct.ttl, 20 clients for 15 s, 5 of them hostile
    python bench/load_serve.py --clients 6 --attackers 3 --seconds 3
    python bench/load_serve.py --corpus 200             # a store built from 200 generated documents
    python bench/load_serve.py --attackers 0            # the baseline: good clients only

Starts the real server (``python -m ct2rdf serve GRAPH``) on a free loopback
port with the limits below.  Good clients POST the cookbook queries
(``queries/*.rq``) and a count over a kept-alive connection and check every
answer against Oxigraph run directly on the same graph; hostile clients go
through the kinds of bench/attacks.py (cartesian products, regexes over long
literals, unbounded property paths, huge VALUES, 10 MB bodies, slowloris
headers and bodies, chunked lies, malformed HTTP, invalid UTF-8, idle
connections, a connection flood), each at least once.  Meanwhile the
server's and its workers' memory is read from /proc (VmRSS, VmHWM).

Prints requests by kind, good answers correct / wrong / shed (503 with
Retry-After: the server said "not now"), which limit cut off each hostile
request, p50/p99 latency and throughput of the correct answers, peak memory,
and the server's health after the attack.  Exits 1 when a good query got a
wrong answer, a hostile request was not cut off by one of its limits, memory
passed its bound, or the server was not healthy after (every cookbook query
answered correctly, the first within --health-ms; all its workers back;
no file descriptor left open).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).parent))

from attacks import KINDS, SOLO, Outcome, Target, limit_of, steady_reader  # noqa: E402


@dataclass(frozen=True)
class Limits:
    """The server's options for the test: short times, so that every limit is met within seconds."""

    timeout: float = 2.0
    header_timeout: float = 2.0
    body_timeout: float = 2.0
    send_timeout: float = 10.0
    max_body: int = 1_000_000
    max_answer: int = 16
    max_connections: int = 64
    max_queue: int = 16
    cooldown: float = 60.0
    workers: int = 2
    max_memory: int = 512

    def args(self) -> list[str]:
        return [f"--{k.replace('_', '-')}={v}" for k, v in vars(self).items()]


@dataclass
class Report:
    """What the run saw; ``failures`` is empty when the server passed."""

    good: Counter = field(default_factory=Counter)  # correct / wrong / shed:<limit>
    latencies: list[float] = field(default_factory=list)  # seconds, correct answers only
    hostile: dict = field(default_factory=lambda: defaultdict(Counter))  # kind -> limit -> count
    solo: dict = field(default_factory=dict)  # kind -> Outcome, sent alone before the load
    steady: tuple = (0, -1)  # bytes a slow but steady reader got, of the Content-Length
    notes: list[str] = field(default_factory=list)
    memory: dict = field(default_factory=dict)
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def expected_answers(graph: Path, queries: dict[str, str]) -> dict[str, list[str]]:
    """Each query's rows computed by Oxigraph in this process, as a sorted multiset."""
    store = ox.Store()
    store.bulk_load(path=str(graph), format=ox.RdfFormat.from_extension(graph.suffix[1:]))
    answers = {}
    for name, query in queries.items():
        result = store.query(query, use_default_graph_as_union=True)
        rows = [{v.value: row[v].value for v in result.variables if row[v] is not None} for row in result]
        answers[name] = canonical(rows)
    return answers


def canonical(rows: list[dict]) -> list[str]:
    return sorted(json.dumps(r, sort_keys=True, ensure_ascii=False) for r in rows)


def good_queries() -> dict[str, str]:
    queries = {p.stem: p.read_text(encoding="utf-8") for p in sorted((ROOT / "queries").glob("*.rq"))}
    queries["count-triples"] = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    return queries


def start(graph: Path, port: int, limits: Limits) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT / "src"),
                                                                   os.environ.get("PYTHONPATH")])))
    process = subprocess.Popen([sys.executable, "-m", "ct2rdf", "serve", str(graph), "--port", str(port),
                                "--quiet", *limits.args()], env=env, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            status, _ = ask(port, "ASK {}")
            if status == 200:
                return process
        except OSError:
            pass
        if process.poll() is not None:
            break
        time.sleep(0.1)
    process.kill()
    raise SystemExit("the server did not start")


def connect(port: int) -> http.client.HTTPConnection:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conn.connect()
    conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return conn


def post(conn: http.client.HTTPConnection, query: str) -> tuple[int, dict, str]:
    conn.request("POST", "/sparql", body=query.encode(), headers={
        "Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"})
    response = conn.getresponse()
    return response.status, dict(response.getheaders()), response.read().decode("utf-8", "replace")


def ask(port: int, query: str) -> tuple[int, str]:
    conn = connect(port)
    try:
        status, _, text = post(conn, query)
        return status, text
    finally:
        conn.close()


def rows_of(text: str) -> list[str]:
    return canonical([{k: v["value"] for k, v in b.items()} for b in json.loads(text)["results"]["bindings"]])


def judge(status: int, headers: dict, text: str, expected: list[str]) -> str:
    """correct, shed:<limit> (a 503 that names its limit) or wrong:<why>."""
    if status == 200:
        try:
            return "correct" if rows_of(text) == expected else "wrong:rows"
        except (ValueError, KeyError):
            return "wrong:not-json"
    limit = limit_of(status, text)
    if status == 503 and limit is not None:
        return f"shed:{limit}"
    return f"wrong:{status}"


def good_client(port: int, queries: dict, expected: dict, offset: int, done: threading.Event,
                report: Report) -> None:
    """Send the good queries in turn until ``done``; a broken kept-alive connection is retried once."""
    names = sorted(queries)
    conn, i = None, offset
    while not done.is_set():
        name = names[i % len(names)]
        i += 1
        started, headers = time.perf_counter(), {}
        for attempt in (1, 2):
            try:
                conn = conn or connect(port)
                status, headers, text = post(conn, queries[name])
                verdict = judge(status, headers, text, expected[name])
                break
            except (OSError, http.client.HTTPException) as e:
                if conn is not None:
                    conn.close()
                conn, verdict = None, f"wrong:{type(e).__name__}"
                if attempt == 2 or isinstance(e, TimeoutError):
                    break
        elapsed = time.perf_counter() - started
        with report.lock:
            report.good[verdict] += 1
            if verdict == "correct":
                report.latencies.append(elapsed)
            elif verdict.startswith("wrong"):
                report.notes.append(f"good query {name}: {verdict}")
        if verdict.startswith("shed"):  # a polite client: a fresh connection, after Retry-After
            conn.close()
            conn = None
            done.wait(min(float(headers.get("retry-after", 1)), 2.0))
    if conn is not None:
        conn.close()


def hostile_client(target: Target, kinds: list, deadline: float, report: Report) -> None:
    """Run each of ``kinds`` once, then again in turn until ``deadline``."""
    first = True
    while first or time.monotonic() < deadline:
        for name, kind, allowed in kinds:
            if not first and time.monotonic() >= deadline:
                break
            try:
                outcome = kind(target)
            except OSError as e:
                outcome = Outcome(None, None, f"client error {type(e).__name__}: {e}")
            # any new connection may meet --max-connections while the flood holds every slot
            cut = outcome.limit in allowed | {"connections"}
            with report.lock:
                report.hostile[name][outcome.limit or "NOT CUT OFF"] += 1
                if not cut:
                    report.notes.append(f"{name}: not cut off by {sorted(allowed)}: "
                                        f"{outcome.status} {outcome.note}")
        first = False


def run_solo(target: Target, report: Report) -> None:
    """The kinds of :data:`attacks.SOLO` one after the other, with nothing else running: each must
    meet its own limit, not the time limit or the queue that the load makes likelier.  Meanwhile a
    client reads the slow reader's answer slowly but steadily: it must get all of it."""
    steady: list = []
    reader = threading.Thread(target=lambda: steady.append(steady_reader(target)))
    reader.start()
    for name, kind, _ in KINDS:
        if name in SOLO:
            outcome = report.solo[name] = kind(target)
            report.hostile[name][outcome.limit or "NOT CUT OFF"] += 1
            if outcome.limit != SOLO[name]:
                report.failures.append(f"{name} alone: not cut off by {SOLO[name]}: "
                                       f"{outcome.status} {outcome.note}")
    reader.join()
    got, declared = report.steady = steady[0] if steady else (0, -1)
    if got != declared or declared <= 0:
        report.failures.append(f"a slow but steady reader got {got:,} bytes of {declared:,}")


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


def status_kb(pid: int) -> dict[str, int]:
    """VmRSS, VmHWM and VmSize of ``pid`` in kB (empty when it has ended)."""
    try:
        lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    except OSError:
        return {}
    return {k: int(v.split()[0]) for k, _, v in (line.partition(":") for line in lines)
            if k in ("VmRSS", "VmHWM", "VmSize")}


def watch_memory(pid: int, stop: threading.Event, memory: dict) -> None:
    """Sample the server and its workers every 0.2 s: peaks in MB."""
    while not stop.is_set():
        server = status_kb(pid)
        workers = [status_kb(c) for c in children(pid)]
        total = server.get("VmRSS", 0) + sum(w.get("VmRSS", 0) for w in workers)
        memory["server_mb"] = max(memory.get("server_mb", 0), server.get("VmHWM", 0) // 1024)
        memory["worker_mb"] = max([memory.get("worker_mb", 0), *(w.get("VmHWM", 0) // 1024 for w in workers)])
        memory["total_mb"] = max(memory.get("total_mb", 0), total // 1024)
        stop.wait(0.2)


def open_fds(pid: int) -> int:
    return len(os.listdir(f"/proc/{pid}/fd"))


def check_health(port: int, pid: int, queries: dict, expected: dict, limits: Limits, health_ms: float,
                 baseline_fds: int, report: Report) -> None:
    """After the attack: every good query answers correctly, the first within ``health_ms``;
    the workers are all back; the server holds no more file descriptors than before."""
    started = time.perf_counter()
    for i, (name, query) in enumerate(sorted(queries.items())):
        status, text = ask(port, query)
        if i == 0:
            report.memory["health_ms"] = round((time.perf_counter() - started) * 1000)
            if report.memory["health_ms"] > health_ms:
                report.failures.append(f"unhealthy: the first query after the attack took "
                                       f"{report.memory['health_ms']} ms (--health-ms {health_ms:g})")
        if judge(status, {}, text, expected[name]) != "correct":
            report.failures.append(f"unhealthy: {name} after the attack: {status} {text[:120]}")
    deadline = time.monotonic() + 10 + limits.header_timeout
    while time.monotonic() < deadline:  # idle connections close after --header-timeout
        workers, fds = len(children(pid)), open_fds(pid)
        if workers == limits.workers and fds <= baseline_fds:
            break
        time.sleep(0.2)
    report.memory.update(fds_before=baseline_fds, fds_after=fds, workers_after=workers)
    if workers != limits.workers:
        report.failures.append(f"unhealthy: {workers} query workers after the attack, not {limits.workers}")
    if fds > baseline_fds:
        report.failures.append(f"leak: the server holds {fds} file descriptors, {baseline_fds} before")


def run(graph: Path, clients: int = 20, attackers: int = 5, seconds: float = 15.0,
        limits: Limits = Limits(), health_ms: float = 5000, max_server_mb: int = 400,
        idle_connections: int = 20, drip: float = 1.0, solo_again: bool = True) -> Report:
    """Load the server on ``graph`` and judge it: the :class:`Report`.

    ``solo_again``: the kinds first sent alone (:data:`attacks.SOLO`) are sent again with the load.
    """
    queries = good_queries()
    expected = expected_answers(graph, queries)
    port = free_port()
    server = start(graph, port, limits)
    report, stop = Report(), threading.Event()
    try:
        time.sleep(0.5)
        baseline_fds = open_fds(server.pid)
        # a worker caps its address space at its size once loaded plus --max-memory
        worker_caps = [status_kb(c).get("VmSize", 0) // 1024 + limits.max_memory
                       for c in children(server.pid)]
        sampler = threading.Thread(target=watch_memory, args=(server.pid, stop, report.memory), daemon=True)
        sampler.start()
        target = Target(port, limits.timeout, limits.header_timeout, limits.body_timeout, limits.max_body,
                        limits.max_connections, limits.send_timeout, idle_connections, drip)
        if attackers:
            run_solo(target, report)
        started = time.monotonic()
        deadline = started + seconds
        kinds = [k for k in KINDS if solo_again or k[0] not in SOLO]
        hostile = [threading.Thread(target=hostile_client,
                                    args=(target, kinds[k::attackers], deadline, report))
                   for k in range(attackers)]
        done = threading.Event()
        good = [threading.Thread(target=good_client, args=(port, queries, expected, k, done, report))
                for k in range(clients - attackers)]
        for t in hostile + good:
            t.start()
        for t in hostile:
            t.join()
        done.wait(max(0.0, deadline - time.monotonic()))
        done.set()
        for t in good:
            t.join()
        report.seconds = time.monotonic() - started
        check_health(port, server.pid, queries, expected, limits, health_ms, baseline_fds, report)
        stop.set()
        sampler.join()
        judge_report(report, max_server_mb, max(worker_caps, default=0))
    finally:
        stop.set()
        server.terminate()
        server.wait(30)
    return report


def judge_report(report: Report, max_server_mb: int, worker_cap_mb: int) -> None:
    wrong = sum(n for v, n in report.good.items() if v.startswith("wrong"))
    if wrong:
        report.failures.append(f"{wrong} good queries got a wrong answer")
    if not report.good["correct"]:
        report.failures.append("no good query was answered during the attack")
    uncut = sum(c["NOT CUT OFF"] for c in report.hostile.values())
    if uncut:
        report.failures.append(f"{uncut} hostile requests were not cut off by their limit")
    missing = [name for name, _, _ in KINDS if name not in report.hostile]
    if missing and report.hostile:  # none at all: --attackers 0, the baseline
        report.failures.append(f"hostile kinds never sent: {missing}")
    memory = report.memory
    memory["worker_cap_mb"] = worker_cap_mb
    if memory.get("server_mb", 0) > max_server_mb:
        report.failures.append(f"the server grew to {memory['server_mb']} MB (bound {max_server_mb} MB)")
    if memory.get("worker_mb", 0) > worker_cap_mb:
        report.failures.append(f"a worker grew to {memory['worker_mb']} MB (bound {worker_cap_mb} MB)")
    report.failures.extend(n for n in report.notes if n not in report.failures and "not cut off" in n)


def build_corpus(n: int, workdir: Path) -> Path:
    """A graph built from ``n`` documents of bench/corpus.py (for a bigger store)."""
    import corpus

    docs = workdir / "docs"
    corpus.write(n, docs)
    out = workdir / "ct.ttl"
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    subprocess.run([sys.executable, "-m", "ct2rdf", "build", str(docs), "-o", str(out), "--catalog",
                    str(docs / "catalog.csv"), "--no-validate", "--no-cache", "--quiet"],
                   env=env, check=False)
    if not out.exists():
        raise SystemExit("the corpus could not be built")
    return out


def print_report(report: Report, clients: int, attackers: int) -> None:
    lat = sorted(report.latencies)
    print(f"{clients} clients ({attackers} hostile) for {report.seconds:.1f} s; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"good queries: {sum(report.good.values())} sent: " +
          ", ".join(f"{v} {n}" for v, n in sorted(report.good.items())))
    if lat:
        p50, p99 = statistics.median(lat) * 1000, lat[min(len(lat) - 1, int(len(lat) * 0.99))] * 1000
        print(f"  correct answers: p50 {p50:.1f} ms, p99 {p99:.1f} ms, "
              f"{len(lat) / report.seconds:.1f} per second")
    solo = ", ".join(f"{name} cut off by {o.limit}" for name, o in report.solo.items())
    got, declared = report.steady
    print(f"alone first: {solo or 'none'}; a slow but steady reader got {got:,} bytes of {declared:,}")
    print("hostile requests, by kind and the limit that cut each off:")
    for name, _, _ in KINDS:
        cut = report.hostile.get(name, {})
        print(f"  {name:22} " + ", ".join(f"{limit} ×{n}" for limit, n in sorted(cut.items())))
    m = report.memory
    print(f"memory: server peak {m.get('server_mb')} MB, a worker's peak {m.get('worker_mb')} MB "
          f"(cap {m.get('worker_cap_mb')} MB), all together {m.get('total_mb')} MB")
    print(f"after: first query answered in {m.get('health_ms')} ms; {m.get('workers_after')} workers; "
          f"{m.get('fds_after')} file descriptors ({m.get('fds_before')} before)")
    for note in report.notes[:20]:
        print(f"  note: {note}")
    print("PASS" if not report.failures else "FAIL:\n  " + "\n  ".join(report.failures))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("graph", nargs="?", type=Path, default=ROOT / "out" / "ct.ttl")
    parser.add_argument("--corpus", type=int, metavar="N",
                        help="serve a graph built from N generated documents")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--attackers", type=int, help="hostile clients among them (default: a quarter)")
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--health-ms", type=float, default=5000)
    parser.add_argument("--max-server-mb", type=int, default=400)
    parser.add_argument("--idle-connections", type=int, default=20)
    parser.add_argument("--drip", type=float, default=1.0, help="seconds between a slow client's bytes")
    for name, value in vars(Limits()).items():
        parser.add_argument(f"--{name.replace('_', '-')}", type=type(value), default=value,
                            help=f"the server's --{name.replace('_', '-')}")
    args = parser.parse_args()
    attackers = args.attackers if args.attackers is not None else max(1, args.clients // 4)
    limits = Limits(**{k: getattr(args, k) for k in vars(Limits())})
    with tempfile.TemporaryDirectory(prefix="ct2rdf-load-") as tmp:
        graph = build_corpus(args.corpus, Path(tmp)) if args.corpus else args.graph
        report = run(graph, args.clients, attackers, args.seconds, limits, args.health_ms, args.max_server_mb,
                     args.idle_connections, args.drip)
    print_report(report, args.clients, attackers)
    sys.exit(1 if report.failures else 0)


if __name__ == "__main__":
    main()
