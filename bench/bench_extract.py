"""Benchmark the extraction core: decode, normalize, structure, every extractor; no graph.

Run on demand (not part of the test suite), from the repository root:

    python bench/bench_extract.py              # seeds, and a ~1 MB corpus made from them
    python bench/bench_extract.py --mb 5 --repeat 3

Prints a table per corpus, then the same figures as JSON:

* ``cold``: a fresh interpreter importing ct2rdf.pipeline and processing the
  first seed (jieba's dictionary load included), measured in a subprocess;
* ``warm``: the corpus processed again in this process, the best of
  ``--repeat`` runs, as MB/s overall and per stage.  Warm figures are CPU
  time of this process (``time.process_time``): MB/s per core, and less
  disturbed by other work on a shared machine than wall time.

Corpora: ``seeds`` (the five seed files as they are) and ``large``: every
text of seeds/ and tests/corpus/ (PDF layouts, web copies, Traditional
script, GB18030, UTF-16), each renumbered and concatenated until one document
of about ``--mb`` MB, as a long report reprinting many resolutions would be.
Cold figures are wall time.  Timings on a shared machine are noisy: compare
ratios run to run, and note the load (printed from ``os.getloadavg``).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from ct2rdf.extract import EXTRACTORS  # noqa: E402
from ct2rdf.model import Doc  # noqa: E402
from ct2rdf.pipeline import process, read_catalog  # noqa: E402
from ct2rdf.text.decode import decode  # noqa: E402
from ct2rdf.text.normalize import normalize  # noqa: E402
from ct2rdf.text.structure import parse_structure  # noqa: E402

_CLOCK = time.process_time  # CPU seconds of this process: throughput per core

_COLD = """
import time, pathlib, sys
t0 = time.perf_counter()
from ct2rdf.pipeline import process
t1 = time.perf_counter()
p = sorted(pathlib.Path(sys.argv[1]).glob("*.txt"))[0]
process(p.name, p.read_bytes())
t2 = time.perf_counter()
print(t1 - t0, t2 - t1)
"""


def seeds() -> list[tuple[str, bytes, dict | None]]:
    """The seed files with their catalog rows."""
    catalog = read_catalog(ROOT / "seeds" / "catalog.csv")
    return [(p.name, p.read_bytes(), catalog.get(p.name)) for p in sorted((ROOT / "seeds").glob("*.txt"))]


def _shift(m: re.Match, k: int) -> str:
    return f"第{int(m.group(1)) + k}({m.group(2)})号决议"


def large(mb: float) -> list[tuple[str, bytes, dict | None]]:
    """One document of about ``mb`` MB: seeds and test corpus texts, renumbered, concatenated."""
    texts = []
    for folder in ("seeds", "tests/corpus"):
        for p in sorted((ROOT / folder).glob("*.txt")):
            texts.append(decode(p.read_bytes(), p.name)[0].replace("\r\n", "\n"))
    out, size, k = [], 0, 0
    while size < mb * 1e6:
        t = texts[k % len(texts)]
        t = re.sub(r"第 ?(\d{4}) ?\((\d{4})\) ?号决议", partial(_shift, k=k // len(texts)), t, count=1)
        out.append(t)
        size += len(t.encode("utf-8"))
        k += 1
    return [("large.txt", "\n\n".join(out).encode("utf-8"), None)]


def stages(docs) -> dict[str, float]:
    """Seconds per stage over ``docs``, in the order :func:`ct2rdf.pipeline.process` runs them."""
    t: dict[str, float] = {}

    def clock(key, fn, *args):
        a = _CLOCK()
        r = fn(*args)
        t[key] = t.get(key, 0.0) + _CLOCK() - a
        return r

    for name, data, _ in docs:
        text, encoding = clock("decode", decode, data, name)
        norm = clock("normalize", normalize, text)
        structure = clock("structure", parse_structure, norm)
        doc = Doc(name, "", encoding, norm, structure, structure.header.symbol, structure.header.date)
        for key, fn in EXTRACTORS:  # cached helpers count where first used, as in process
            clock(key, lambda d, fn=fn: tuple(fn(d)), doc)
    return t


def measure(label: str, docs, repeat: int) -> dict:
    """Warm figures for one corpus: whole ``process`` and per stage, best of ``repeat``."""
    mb = sum(len(d) for _, d, _ in docs) / 1e6
    for d in docs:  # warm: imports, jieba, reference data, regex caches
        process(*d)
    whole = []
    for _ in range(repeat):
        a = _CLOCK()
        for d in docs:
            process(*d)
        whole.append(_CLOCK() - a)
    best: dict[str, float] = {}
    for _ in range(repeat):
        for k, v in stages(docs).items():
            best[k] = min(best.get(k, v), v)
    t = min(whole)
    return {
        "corpus": label, "documents": len(docs), "mb": round(mb, 3),
        "seconds": round(t, 4), "mb_per_s": round(mb / t, 2),
        "stages": {k: {"seconds": round(v, 4), "mb_per_s": round(mb / v, 2) if v else None,
                       "share": round(v / sum(best.values()), 3)} for k, v in best.items()},
    }


def cold(runs: int = 3) -> dict:
    """Import and first-document cost in fresh interpreters (median of ``runs``)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    rows = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", _COLD, str(ROOT / "seeds")], env=env,
                             capture_output=True, text=True, check=True).stdout.split()
        rows.append((float(out[0]), float(out[1])))
    rows.sort(key=sum)
    imp, first = rows[len(rows) // 2]
    return {"import_s": round(imp, 3), "first_document_s": round(first, 3), "total_s": round(imp + first, 3)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=1.0, help="size of the large document (default 1)")
    ap.add_argument("--repeat", type=int, default=5, help="warm runs; the best counts (default 5)")
    ap.add_argument("--no-large", action="store_true", help="only the seeds")
    args = ap.parse_args()
    report = {"load": [round(x, 2) for x in os.getloadavg()], "cold": cold(), "warm": []}
    report["warm"].append(measure("seeds", seeds(), args.repeat))
    if not args.no_large:
        report["warm"].append(measure("large", large(args.mb), max(1, args.repeat // 3)))
    c = report["cold"]
    print(f"load average {report['load']}")
    print(f"cold: import {c['import_s']:.3f} s + first document {c['first_document_s']:.3f} s"
          f" = {c['total_s']:.3f} s")
    for w in report["warm"]:
        print(f"\n{w['corpus']}: {w['documents']} document(s), {w['mb']:.3f} MB,"
              f" process {w['seconds'] * 1000:.1f} ms = {w['mb_per_s']:.2f} MB/s")
        print(f"  {'stage':<12}{'ms':>10}{'MB/s':>10}{'share':>8}")
        for k, s in w["stages"].items():
            print(f"  {k:<12}{s['seconds'] * 1000:>10.1f}{s['mb_per_s'] or 0:>10.2f}{s['share']:>8.0%}")
    print("\n" + json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
