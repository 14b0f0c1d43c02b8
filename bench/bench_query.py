"""Time the cookbook (queries/*.rq) on Oxigraph (``ct2rdf query``'s engine) and on rdflib's engine.

Run on demand (not part of the test suite); prints a table, then the same figures as JSON:

    python bench/bench_query.py                          # out/ct.ttl
    python bench/bench_query.py --make 500               # and a graph of 500 renumbered seeds
    python bench/bench_query.py --graph big.ttl --timeout 30

``--make N`` writes N renumbered copies of the seeds (bench/bench_build.py's
corpus, 100 times the seeds at N=500) and builds them with ``ct2rdf build
--no-validate`` into a Turtle file in the temp folder, kept for the next run.
Each engine runs in a worker process, results consumed, stopped after
``--timeout`` seconds a query; Oxigraph's time is the best of three runs when
under a second.  rdflib orders a basic graph pattern before any variable is
bound, so the cookbook's provenance block (?pos a oa:TextPositionSelector …
?q a oa:TextQuoteSelector) is a cross product of every selector; Oxigraph too
grows faster than the graph on these queries.
"""

from __future__ import annotations

import argparse
import csv
import json
import multiprocessing as mp
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUERIES = sorted((ROOT / "queries").glob("*.rq"))


def make_graph(n: int) -> Path:
    """out/ct.ttl's big sibling: ``n`` renumbered seeds built into /tmp/ct2rdf-bench-N.ttl."""
    out = Path(tempfile.gettempdir()) / f"ct2rdf-bench-{n}.ttl"
    if out.exists():
        return out
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_build import synthetic

    with tempfile.TemporaryDirectory() as d:
        rows = []
        for name, data, entry in synthetic(n):
            (Path(d) / name).write_bytes(data)
            if entry.get("symbol"):
                rows.append((name, entry["symbol"]))
        with open(Path(d) / "catalog.csv", "w", newline="", encoding="utf-8") as f:
            csv.writer(f).writerows([("file", "symbol"), *rows])
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "ct2rdf", "build", d, "-o", str(out), "--no-validate", "-q"],
                       check=True, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
        print(f"built {out} from {n} documents in {time.perf_counter() - t:.0f} s", file=sys.stderr)
    return out


def _worker(engine: str, path: str, names: list[str], pipe) -> None:
    """Load ``path`` into ``engine``, then run the named queries, sending each figure back."""
    t = time.perf_counter()
    if engine == "oxigraph":
        from ct2rdf.sparql.store import load

        store = load([path])
        pipe.send(("load", {"seconds": time.perf_counter() - t, "triples": len(store)}))
    else:
        from rdflib import Graph

        store = Graph().parse(path, format="turtle")
        pipe.send(("load", {"seconds": time.perf_counter() - t, "triples": len(store)}))
    for name in names:
        text = (ROOT / "queries" / f"{name}.rq").read_text(encoding="utf-8")
        best, rows = float("inf"), 0
        for _ in range(3):  # Oxigraph: best of three when quick; rdflib and slow runs: one
            t = time.perf_counter()
            rows = len(list(store.query(text)))
            best = min(best, time.perf_counter() - t)
            if engine != "oxigraph" or best > 1:
                break
        pipe.send((name, {"rows": rows, "seconds": best}))


def engine_times(engine: str, path: Path, timeout: float) -> dict:
    """Load time and per query (rows, seconds), or ``{"timeout": s}`` past ``timeout``.

    A query past the limit kills the worker; a new one (loading again) takes the
    next query when loading is cheap (under 20 s), else the rest are not run.
    """
    todo = [q.stem for q in QUERIES]
    figures = {"load": None, "queries": {}}
    while todo:
        here, there = mp.Pipe()
        worker = mp.Process(target=_worker, args=(engine, str(path), todo, there), daemon=True)
        worker.start()
        if not here.poll(max(timeout, 600)):
            worker.kill()
            break
        figures["load"] = here.recv()[1]
        while todo and here.poll(timeout):
            name, result = here.recv()
            figures["queries"][name] = result
            todo.remove(name)
        if todo:  # the next query passed the limit
            worker.kill()
            figures["queries"][todo.pop(0)] = {"timeout": timeout}
            if figures["load"]["seconds"] > 20:
                break
        worker.join()
    for name in todo:
        figures["queries"][name] = {"not_run": True}
    return figures


def _cell(q: dict) -> str:
    if "timeout" in q:
        return f"> {q['timeout']:.0f} s"
    if "not_run" in q:
        return "not run"
    s = q["seconds"]
    return f"{s * 1000:.1f} ms" if s < 1 else f"{s:.1f} s"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--graph", type=Path, action="append",
                    help="Turtle graph (repeatable); default out/ct.ttl")
    ap.add_argument("--make", type=int, metavar="N", help="also build and time a graph of N renumbered seeds")
    ap.add_argument("--timeout", type=float, default=120,
                    help="seconds per query and engine (default 120)")
    ap.add_argument("--no-rdflib", action="store_true")
    args = ap.parse_args()
    graphs = args.graph or [ROOT / "out" / "ct.ttl"]
    if args.make:
        graphs.append(make_graph(args.make))
    report = {"load_average": os.getloadavg()[0], "graphs": {}}
    for path in graphs:
        ox = engine_times("oxigraph", path, args.timeout)
        rd = None if args.no_rdflib else engine_times("rdflib", path, args.timeout)
        report["graphs"][str(path)] = {"oxigraph": ox, "rdflib": rd}
        print(f"\n{path}: {ox['load']['triples']} triples; Oxigraph loads it in {ox['load']['seconds']:.1f} s"
              + ("" if rd is None or rd["load"] is None else f", rdflib in {rd['load']['seconds']:.1f} s"))
        print(f"{'query':<40}{'rows':>6}{'Oxigraph':>12}{'rdflib':>12}")
        for q in QUERIES:
            o = ox["queries"][q.stem]
            r = "" if rd is None else _cell(rd["queries"][q.stem])
            print(f"{q.stem:<40}{o.get('rows', ''):>6}{_cell(o):>12}{r:>12}")
    print(f"\nload average {report['load_average']:.2f} on {os.cpu_count()} cores")
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    sys.exit(main())
