"""Throughput of `ct2rdf serve` on the cookbook; prints figures.

Run on demand (not part of the test suite):

    python bench/bench_serve.py                       # out/ct.ttl, 8 s per level
    python bench/bench_serve.py GRAPH.ttl --seconds 5 --clients 1 4 16 --workers 2
    python bench/bench_serve.py --trivial             # ASK {}: the cost of HTTP and the pool alone

Starts the real server (``python -m ct2rdf serve GRAPH --quiet``) on a free
loopback port; each client thread POSTs the cookbook queries in turn
(``queries/*.rq``, JSON results) over a keep-alive connection for the given
seconds.  Prints requests/s and latency percentiles per concurrency level,
and, for comparison, the same queries run and serialized by Oxigraph in
this process: the cost of HTTP and of the worker processes is the difference.
"""

from __future__ import annotations

import argparse
import http.client
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(graph: Path, port: int, workers: int) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT / "src"),
                                                                   os.environ.get("PYTHONPATH")])))
    process = subprocess.Popen([sys.executable, "-m", "ct2rdf", "serve", str(graph), "--port", str(port),
                                "--quiet", "--workers", str(workers)], env=env, stderr=subprocess.DEVNULL)
    for _ in range(300):
        try:
            post(connect(port), "ASK {}")
            return process
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("the server did not start")


def connect(port: int) -> http.client.HTTPConnection:
    """A keep-alive connection without Nagle's delay: http.client sends headers and body in two
    writes, and the second would wait ~40 ms for the server's delayed ACK."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.connect()
    conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return conn


def post(conn: http.client.HTTPConnection, query: str) -> int:
    conn.request("POST", "/sparql", body=query.encode(), headers={
        "Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"})
    response = conn.getresponse()
    response.read()
    if response.status != 200:
        raise RuntimeError(f"HTTP {response.status}")
    return response.status


def load(port: int, queries: list[str], clients: int, seconds: float) -> list[float]:
    """Latencies of every request ``clients`` threads made in ``seconds``."""
    latencies: list[float] = []
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client(offset: int) -> None:
        conn = connect(port)
        mine, i = [], offset
        while time.monotonic() < stop:
            started = time.perf_counter()
            post(conn, queries[i % len(queries)])
            mine.append(time.perf_counter() - started)
            i += 1
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies


def in_process(graph: Path, queries: list[str], rounds: int = 5) -> float:
    """Mean milliseconds to run and serialize one cookbook query with Oxigraph directly."""
    store = ox.Store()
    store.bulk_load(path=str(graph), format=ox.RdfFormat.from_extension(graph.suffix[1:]))
    started = time.perf_counter()
    for _ in range(rounds):
        for q in queries:
            store.query(q).serialize(format=ox.QueryResultsFormat.JSON)
    return (time.perf_counter() - started) * 1000 / (rounds * len(queries))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("graph", nargs="?", type=Path, default=ROOT / "out" / "ct.ttl")
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 4, 16])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--trivial", action="store_true", help="ASK {} instead of the cookbook: the overhead")
    args = parser.parse_args()
    queries = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "queries").glob("*.rq"))]
    if args.trivial:
        queries = ["ASK {}"]
    print(f"{args.graph}, {len(queries)} cookbook queries, {args.workers} workers, "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"in process (Oxigraph, no HTTP): {in_process(args.graph, queries):.2f} ms per query")
    port = free_port()
    server = start(args.graph, port, args.workers)
    try:
        for clients in args.clients:
            lat = sorted(load(port, queries, clients, args.seconds))
            p50, p95 = statistics.median(lat) * 1000, lat[int(len(lat) * 0.95)] * 1000
            print(f"{clients:>3} clients: {len(lat) / args.seconds:7.0f} requests/s, "
                  f"p50 {p50:.1f} ms, p95 {p95:.1f} ms ({len(lat)} requests)")
    finally:
        server.terminate()
        server.wait(20)


if __name__ == "__main__":
    main()
