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

from ct2rdf.build import build

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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("documents", type=int, nargs="?", default=200)
    ap.add_argument("--no-validate", action="store_true")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("-o", "--output", help="also keep the Turtle here")
    args = ap.parse_args()
    docs = synthetic(args.documents)
    mb = sum(len(d) for _, d, _ in docs) / 1e6
    print(f"{len(docs)} documents, {mb:.1f} MB of text")
    with tempfile.TemporaryDirectory() as d:
        folder = Path(d) / "docs"
        folder.mkdir()
        rows = ["file,symbol"]
        for name, data, entry in docs:
            (folder / name).write_bytes(data)
            if entry:
                rows.append(f"{name},{entry['symbol']}")
        (folder / "catalog.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
        t = time.perf_counter()
        result = build([folder], base="https://w3id.org/ct2rdf/id/", check=not args.no_validate,
                       jobs=args.jobs, keep=False)
        for stage, seconds in result.timings.items():
            print(f"{stage:<28}{seconds:8.2f} s")
        out = Path(args.output) if args.output else Path(d) / "ct.ttl"
        size = result.write(out)
        print(f"{'write Turtle':<28}{result.timings['write']:8.2f} s  ({size / 1e6:.1f} MB)")
        print(f"{'total':<28}{time.perf_counter() - t:8.2f} s")
        print(f"{'triples':<28}{result.triples:8d}")
        if result.report is not None:
            print(f"{'conforms':<28}{result.report.conforms!s:>8}")
        result.close()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{'peak RSS':<28}{rss:8.0f} MB")


if __name__ == "__main__":
    sys.exit(main())
