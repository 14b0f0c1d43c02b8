"""Benchmark the build on a synthetic corpus made from the seeds; prints figures.

Run on demand (not part of the test suite):

    python bench/bench_build.py            # 200 documents
    python bench/bench_build.py 2000 --no-validate --rdflib

Each synthetic document is a seed with its resolution or statement number
shifted, so every document gets its own symbol and IRIs, as a real corpus
would.  Stages timed: per-document processing (decode, normalize, structure,
every extractor), merge, graph building, Turtle (pyoxigraph; optionally
rdflib's own serializer for comparison), SHACL validation.
"""

from __future__ import annotations

import argparse
import re
import resource
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

from ct2rdf.merge import merge
from ct2rdf.pipeline import process
from ct2rdf.rdf.graph import build_graph
from ct2rdf.rdf.serialize import to_turtle
from ct2rdf.rdf.validate import validate

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _shift(m: re.Match, k: int) -> str:
    return f"第{int(m.group(1)) + k}({m.group(2)})号决议"


def synthetic(n: int) -> list[tuple[str, bytes, dict]]:
    """``n`` documents: the seeds, renumbered so each has a distinct symbol."""
    seeds = sorted(SEEDS.glob("*.txt"))
    out = []
    for i in range(n):
        src = seeds[i % len(seeds)]
        text = src.read_text(encoding="utf-8")
        k = i // len(seeds)
        # shift the document's own number: 第 2129 (2013) 号决议 → 第 2129+k…
        text = re.sub(r"第 ?(\d{4}) ?\((\d{4})\) ?号决议", partial(_shift, k=k), text, count=1)
        entry = {"symbol": f"S/PRST/{2000 + k % 25}/{i + 1}"} if src.name.startswith(("000", "001")) else {}
        out.append((f"{i:05d}_{src.name}", text.encode("utf-8"), entry))
    return out


def timed(label: str, fn, *args):
    t = time.perf_counter()
    result = fn(*args)
    print(f"{label:<28}{time.perf_counter() - t:8.2f} s")
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("documents", type=int, nargs="?", default=200)
    ap.add_argument("--no-validate", action="store_true")
    ap.add_argument("--rdflib", action="store_true", help="also time rdflib's Turtle serializer")
    args = ap.parse_args()
    docs = synthetic(args.documents)
    mb = sum(len(d) for _, d, _ in docs) / 1e6
    print(f"{len(docs)} documents, {mb:.1f} MB of text")
    t = time.perf_counter()
    results = [process(name, data, entry) for name, data, entry in docs]
    dt = time.perf_counter() - t
    per_doc = dt / len(docs) * 1000
    print(f"{'process (per document)':<28}{dt:8.2f} s  ({per_doc:.1f} ms/doc, {mb / dt:.2f} MB/s)")
    corpus = timed("merge", merge, results)
    graph = timed("build graph", build_graph, corpus, "https://w3id.org/ct2rdf/id/")
    print(f"{'triples':<28}{len(graph):8d}")
    data = timed("Turtle (pyoxigraph)", to_turtle, graph)
    print(f"{'Turtle size':<28}{len(data) / 1e6:8.1f} MB")
    if args.rdflib:
        with tempfile.TemporaryDirectory() as d:
            timed("Turtle (rdflib)", graph.serialize, str(Path(d) / "x.ttl"), "turtle")
    if not args.no_validate:
        report = timed("validate (pyshacl)", validate, graph)
        print(f"{'conforms':<28}{report.conforms!s:>8}")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{'peak RSS':<28}{rss:8.0f} MB")


if __name__ == "__main__":
    sys.exit(main())
