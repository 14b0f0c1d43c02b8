"""Time the summary check (the shapes over what crosses documents) at several corpus sizes.

    python bench/bench_summary.py [N ...] [--seed S] [--jobs J] [--keep DIR]

For each N (default 1000 5000): generate N documents with bench/corpus.py,
build them without validation (``check=False``: the per-document checks are
the larger part of a build and are not what is measured here), make the
summary graph the build would check (:func:`ct2rdf.build.summary_triples`)
and time the shape check on it, CPU seconds, best of three.  Prints the
summary's size, the time and its ratio to the first size: linear work gives
the ratio of the sizes (5 from 1,000 to 5,000 documents).

The builds are the slow part (about 15 s of CPU per 1,000 documents);
``--keep DIR`` keeps the corpora and a cache of their chunks for a rerun.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus
from ct2rdf.bases import DEFAULT_BASE


def summary_text(folder: Path, jobs: int, cache: Path) -> tuple[str, dict]:
    """The summary graph of the corpus in ``folder`` as N-Triples, and its counts."""
    from ct2rdf.build import build, summary_triples
    from ct2rdf.rdf import nt

    result = build([folder], base=DEFAULT_BASE, check=False, jobs=jobs, cache=cache, keep=False)
    try:
        triples = nt.ordered(summary_triples(result.corpus, result.assembly))
        counts = {"documents": len(result.corpus.entries), "summary_triples": len(triples),
                  "renewals": len(result.corpus.renewals)}
        return nt.lines(triples), counts
    finally:
        result.close()


def check_seconds(text: str, repeat: int = 3) -> tuple[float, int]:
    """The least CPU seconds of the shape check on ``text`` over ``repeat`` runs, and its results."""
    from ct2rdf.rdf.shacl import checker

    c = checker()
    best, found = float("inf"), 0
    for _ in range(repeat):
        t = time.process_time()
        found = len(c.check(text))
        best = min(best, time.process_time() - t)
    return best, found


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sizes", type=int, nargs="*", default=[1000, 5000])
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--keep", type=Path, help="keep corpora and the chunk cache in this folder")
    args = ap.parse_args(argv)
    print(f"# {time.strftime('%Y-%m-%d %H:%M:%S %Z')}  load {os.getloadavg()[0]:.2f}  cpus {os.cpu_count()}")
    rows = []
    with tempfile.TemporaryDirectory(prefix="ct2rdf-summary-") as tmp:
        work = args.keep or Path(tmp)
        for n in args.sizes:
            folder = work / f"corpus-{n}-{args.seed}"
            if not (folder / "catalog.csv").is_file():
                corpus.write(n, folder, args.seed)
            text, counts = summary_text(folder, args.jobs, work / "cache")
            seconds, found = check_seconds(text)
            rows.append({"n": n, **counts, "check_cpu_s": round(seconds, 3), "results": found})
    first = rows[0]
    print(f"{'docs':>6} {'summary triples':>15} {'renewals':>8} {'check s':>8} {'ratio':>6}")
    for r in rows:
        ratio = r["check_cpu_s"] / first["check_cpu_s"] if first["check_cpu_s"] else float("nan")
        r["ratio"] = round(ratio, 2)
        print(f"{r['n']:>6} {r['summary_triples']:>15} {r['renewals']:>8} {r['check_cpu_s']:>8.3f}"
              f" {ratio:>6.1f}")
    for r in rows:
        print(json.dumps(r, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
