"""Compare the SHACL engines on ct2rdf graphs: same verdicts, and what each costs; prints figures.

Run on demand (not part of the test suite; several minutes with pyshacl):

    python bench/bench_shacl.py            # 50 documents with planted faults, 100 per-document graphs
    python bench/bench_shacl.py 20 --per-doc 20 --no-pyshacl-whole

1. Verdicts: a synthetic corpus (bench_build.py's renumbered seeds) built as
   one graph, every fault of tests/planted.py planted in it, validated whole
   by each engine; the result sets must be equal.
2. Per call: one document's graph (~2,000 triples) as N-Triples text, checked
   many times with the shapes loaded once (median).
3. Per document: ``--per-doc`` documents, each built alone and checked as text.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "tests")]

import tempfile  # noqa: E402

from corpus import generate  # noqa: E402
from ct2rdf.build import build  # noqa: E402
from ct2rdf.rdf.shacl import ENGINES, Checker  # noqa: E402
from planted import plant_all  # noqa: E402

BASE = "https://w3id.org/ct2rdf/id/"


def synthetic(n: int) -> list[tuple[str, bytes, dict]]:
    """``n`` documents of the benchmark corpus (bench/corpus.py, seed 0) with their catalog rows."""
    files, rows = generate(n, 0)
    by_file = {r["file"]: r for r in rows}
    return [(name, data, by_file.get(name, {})) for name, data in files]


def graph_of(docs):
    """The rdflib graph of ``docs``, built by ct2rdf (no validation)."""
    with tempfile.TemporaryDirectory() as d:
        folder = Path(d)
        rows = ["file,symbol,date"]
        for name, data, entry in docs:
            (folder / name).write_bytes(data)
            if entry:
                rows.append(f"{name},{entry.get('symbol', '')},{entry.get('date', '')}")
        (folder / "catalog.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
        result = build([folder], base=BASE, check=False)
        try:
            return result.graph
        finally:
            result.close()


def timed(fn, *args):
    t = time.perf_counter()
    out = fn(*args)
    return out, time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("documents", type=int, nargs="?", default=50)
    ap.add_argument("--per-doc", type=int, default=100)
    ap.add_argument("--no-pyshacl-whole", action="store_true", help="skip whole-graph pyshacl (slow)")
    args = ap.parse_args()
    print(f"load average {os.getloadavg()[0]:.2f}; {os.cpu_count()} cores")
    checkers = {}
    for engine in ENGINES:
        checkers[engine], dt = timed(Checker, None, engine)
        print(f"load shapes  {engine:<8}{dt:8.3f} s")

    docs = synthetic(max(args.documents, args.per_doc))
    graph = graph_of(docs[: args.documents])
    rows = plant_all(graph)
    print(f"\n{args.documents} documents, {len(graph)} triples, {len(rows)} planted faults")
    found = {}
    for engine, c in checkers.items():
        if engine == "pyshacl" and args.no_pyshacl_whole:
            continue
        found[engine], dt = timed(c.findings, graph)
        print(f"whole graph  {engine:<8}{dt:8.2f} s  {len(found[engine])} results")
    reference = found.get("pyshacl") or found["turbo"]
    missing = {s for s, f in rows.items() if not any(x.shape == s and x.focus == f"<{f}>" for x in reference)}
    print(f"planted faults not reported: {sorted(missing) or 'none'}")
    for engine, got in found.items():
        diff = f"DIFFERS: -{len(reference - got)} +{len(got - reference)}"
        same = "same results" if got == reference else diff
        print(f"  {engine:<8}{same}")

    one = graph_of(docs[:1]).serialize(format="nt")
    print(f"\none document's graph: {one.count(chr(10))} triples as N-Triples")
    per_call = {}
    for engine, c in checkers.items():
        reps = 5 if engine == "pyshacl" else 30
        times = [timed(c.check, one)[1] for _ in range(reps)]
        per_call[engine] = statistics.median(times)
        print(f"per call     {engine:<8}{per_call[engine] * 1000:8.1f} ms  (median of {reps})")

    texts = [graph_of([d]).serialize(format="nt") for d in docs[: args.per_doc]]
    print(f"\n{len(texts)} per-document graphs, {sum(t.count(chr(10)) for t in texts)} triples")
    for engine, c in checkers.items():
        if engine == "pyshacl":
            print(f"per document pyshacl {per_call['pyshacl'] * len(texts):8.1f} s  (per call × documents)")
            continue
        _, dt = timed(lambda c=c: [c.check(t) for t in texts])
        print(f"per document {engine:<8}{dt:8.2f} s")


if __name__ == "__main__":
    sys.exit(main())
