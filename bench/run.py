"""Benchmark `ct2rdf build` on generated corpora; print a table and one JSON line per size.

    python bench/run.py [N ...] [--seed S] [--compare-pyshacl] [--compare-rdflib]
                        [--no-core] [--keep DIR] [-- BUILD ARGS, e.g. -- --jobs 2]

For each N (default 5 100 1000): generate N documents with bench/corpus.py into
a temporary folder, run ``ct2rdf build DIR -o OUT.ttl`` as a child process
(arguments after ``--``, and any this script does not know, are passed on), and measure its
wall time and peak RSS (the largest single process, from wait4, and the whole
process tree, polled from /proc).  Where the build supports ``--stats FILE``
its per-stage seconds are read from that JSON; otherwise only the total is
known and the triples are counted from the Turtle.

Comparisons on the same corpus, each in a child process with a timeout:

* ``--compare-pyshacl``: pyshacl over the whole written graph with the
  shapes (skipped above ``--cap`` triples): its time against the build's
  validation stage, and whether the verdicts agree;
* ``--compare-rdflib``: rdflib's own Turtle serializer on the same graph
  (parsed first, not timed): its CPU seconds against the Turtle chunks'
  CPU seconds in the workers plus the build's write stage;
* the extraction core (``ct2rdf.pipeline.process`` over every file, in this
  process, one core): MB/s.  ``--no-core`` skips it.

Timings are wall clock on a shared machine: compare ratios, note ``uptime``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus

ROOT = corpus.ROOT
STAGES = ("extract", "merge", "validate", "write")

PYSHACL_CHILD = """
import sys, time, rdflib, pyshacl
from pathlib import Path
g = rdflib.Graph().parse(sys.argv[1], format="turtle")
shapes = rdflib.Graph()
for p in sorted(Path(sys.argv[2]).glob("*.ttl")):
    shapes.parse(p, format="turtle")
t = time.perf_counter()
conforms, results, _ = pyshacl.validate(g, shacl_graph=shapes, inference="none", allow_warnings=True)
dt = time.perf_counter() - t
SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
violations = len(set(results.subjects(SH.resultSeverity, SH.Violation)))
print(f"{dt} {int(conforms)} {violations}")
"""

# CPU seconds (and wall): on a shared machine the wall clock of a minutes-long
# serialization counts the other processes too, and our side is CPU seconds
RDFLIB_CHILD = """
import sys, time, rdflib
g = rdflib.Graph().parse(sys.argv[1], format="turtle")
t, c = time.perf_counter(), time.process_time()
g.serialize(destination=sys.argv[2], format="turtle")
print(time.process_time() - c, time.perf_counter() - t)
"""


def child_env() -> dict:
    """The environment for children: this checkout's src/ first on the path."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH")]))
    return env


def supports_stats() -> bool:
    """Whether this ct2rdf's build takes ``--stats FILE``."""
    out = subprocess.run([sys.executable, "-m", "ct2rdf", "build", "--help"], capture_output=True,
                         text=True, env=child_env())
    return "--stats" in out.stdout


def run_child(cmd: list[str], timeout: float | None = None) -> dict:
    """Run ``cmd``; return its exit code, stdout, stderr, wall seconds and peak RSS (MB).

    ``rss_mb`` is the largest single process (wait4); ``tree_rss_mb`` the
    largest sum over the child and its descendants seen by polling /proc.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=out, stderr=err, env=child_env())
        peak = {"tree": 0}
        done = threading.Event()
        poller = threading.Thread(target=_poll_tree, args=(p.pid, peak, done), daemon=True)
        poller.start()
        timer = threading.Timer(timeout, p.kill) if timeout else None
        if timer:
            timer.start()
        _, status, usage = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t
        done.set()
        if timer:
            timer.cancel()
        p.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return {"rc": p.returncode, "stdout": out.read().decode(errors="replace"),
                "stderr": err.read().decode(errors="replace"), "wall": wall,
                "rss_mb": usage.ru_maxrss / 1024, "tree_rss_mb": peak["tree"] / 1024,
                "timed_out": p.returncode == -9}


def _poll_tree(pid: int, peak: dict, done: threading.Event) -> None:
    """Record the largest total RSS (KB) of ``pid`` and its descendants until ``done``."""
    page_kb = os.sysconf("SC_PAGE_SIZE") // 1024
    while not done.wait(0.2):
        parents, rss = {}, {}
        for d in os.listdir("/proc"):
            if d.isdigit():
                try:
                    fields = Path(f"/proc/{d}/stat").read_text().rsplit(")", 1)[1].split()
                except OSError:
                    continue
                parents[int(d)], rss[int(d)] = int(fields[1]), int(fields[21]) * page_kb
        tree, frontier = {pid}, [pid]
        while frontier:
            kids = [c for c, pp in parents.items() if pp in frontier and c not in tree]
            tree.update(kids)
            frontier = kids
        peak["tree"] = max(peak["tree"], sum(rss.get(q, 0) for q in tree))


def count_triples(path: Path) -> int:
    """Triples in a Turtle file (pyoxigraph's parser, fast)."""
    import pyoxigraph

    with path.open("rb") as f:
        return sum(1 for _ in pyoxigraph.parse(f, format=pyoxigraph.RdfFormat.TURTLE))


def extraction_core(folder: Path) -> dict:
    """``process`` over every generated file in this process: seconds and MB/s."""
    from ct2rdf.pipeline import process, read_catalog

    catalog = read_catalog(folder / "catalog.csv")
    files = sorted(folder.glob("*.txt"))
    data = [(f.name, f.read_bytes()) for f in files]
    t = time.perf_counter()
    for name, raw in data:
        process(name, raw, catalog.get(name))
    dt = time.perf_counter() - t
    mb = sum(len(raw) for _, raw in data) / 1e6
    return {"core_s": dt, "core_mb_s": mb / dt if dt else None}


def bench_one(n: int, args, extra: list[str], stats_ok: bool, work: Path) -> dict:
    """Generate, build and compare for one corpus size; the figures as a dict."""
    folder, out = work / f"corpus-{n}", work / f"out-{n}.ttl"
    t = time.perf_counter()
    paths = corpus.write(n, folder, args.seed)
    gen = time.perf_counter() - t
    mb = sum(p.stat().st_size for p in paths) / 1e6
    cmd = [sys.executable, "-m", "ct2rdf", "build", str(folder), "-o", str(out), "--quiet", *extra]
    stats_file = work / f"stats-{n}.json"
    if stats_ok:
        cmd += ["--stats", str(stats_file)]
    r = run_child(cmd)
    stats = json.loads(stats_file.read_text()) if stats_file.exists() else {}
    if not stats.get("triples") and out.exists():
        stats = {**stats, "triples": count_triples(out)}
    row = {"n": n, "seed": args.seed, "generate_s": gen, "args": extra, **figures(n, mb, r, stats)}
    if not args.no_core:
        row.update(extraction_core(folder))
    if args.compare_pyshacl and out.exists():
        row.update(compare_pyshacl(out, row, args))
    if args.compare_rdflib and out.exists():
        row.update(compare_rdflib(out, row, work, args))
    return row


def figures(n: int, mb: float, child: dict, stats: dict) -> dict:
    """One build's figures from the child's measurements and its ``--stats`` JSON (maybe empty).

    Stage seconds the stats do not give stay None (printed as '-');
    throughput is over the child's whole wall time.
    """
    wall = child["wall"]
    row = {"mb_in": mb, "rc": child["rc"], "wall_s": wall, "rss_mb": child["rss_mb"],
           "tree_rss_mb": child["tree_rss_mb"], "triples": stats.get("triples"),
           "mb_s": mb / wall, "docs_s": n / wall}
    if child["rc"] not in (0, 1):
        row["error"] = child["stderr"].strip().splitlines()[-1:] or ["?"]
    row.update({s: stats.get("stages", {}).get(s) for s in STAGES})
    row.update({k: stats[k] for k in ("documents", "built", "reused", "failed", "jobs") if k in stats})
    row["triples_s"] = row["triples"] / wall if row["triples"] else None
    # the work done in the workers counts too: validation and the Turtle chunks happen
    # per document there (CPU seconds summed over workers: no credit for parallelism).
    # Builds before the Turtle writer counted both chunks as one "serialize" step.
    cpu = stats.get("worker_cpu", {})
    if cpu:
        row["validate_all"] = (row["validate"] or 0) + cpu.get("validate", 0)
        row["serialize_all"] = (row["write"] or 0) + cpu.get("turtle", cpu.get("serialize", 0))
        row["worker_cpu"] = cpu
    return row


def compare_pyshacl(out: Path, row: dict, args) -> dict:
    """Whole-graph pyshacl over the written Turtle, against the build's validation."""
    if row["triples"] and row["triples"] > args.cap:
        return {"pyshacl": f"skipped: {row['triples']} triples > --cap {args.cap}"}
    r = run_child([sys.executable, "-c", PYSHACL_CHILD, str(out), str(ROOT / "shapes")], args.timeout)
    if r["rc"] != 0:
        return {"pyshacl": "timed out" if r["timed_out"] else f"failed: {r['stderr'][-200:]}"}
    secs, conforms, violations = r["stdout"].split()
    if row.get("validate_all"):
        ours, against = row["validate_all"], "validation: per-document CPU + summary"
    elif row.get("validate"):
        ours, against = row["validate"], "validate"
    else:
        ours, against = row["wall_s"], "whole build"
    return {"pyshacl_s": float(secs), "pyshacl_rss_mb": r["rss_mb"], "pyshacl_against": against,
            "pyshacl_violations": int(violations),
            "pyshacl_verdict_agrees": (int(conforms) == 1 or int(violations) == 0) == (row["rc"] == 0),
            "pyshacl_speedup": float(secs) / ours if ours else None}


def compare_rdflib(out: Path, row: dict, work: Path, args) -> dict:
    """rdflib's own Turtle serializer on the same graph, against the build's write stage."""
    if row["triples"] and row["triples"] > args.cap:
        return {"rdflib": f"skipped: {row['triples']} triples > --cap {args.cap}"}
    r = run_child([sys.executable, "-c", RDFLIB_CHILD, str(out), str(work / "rdflib.ttl")], args.timeout)
    if r["rc"] != 0:
        return {"rdflib": "timed out" if r["timed_out"] else f"failed: {r['stderr'][-200:]}"}
    secs, wall = (float(x) for x in r["stdout"].split()[:2])
    ours = row.get("serialize_all") or row.get("write")
    return {"rdflib_turtle_s": secs, "rdflib_turtle_wall_s": wall,
            "rdflib_speedup": secs / ours if ours else None}


COLUMNS = (
    ("docs", "n", "{:>6}"), ("MB in", "mb_in", "{:>7.2f}"), ("triples", "triples", "{:>9}"),
    ("exit", "rc", "{:>4}"), ("wall s", "wall_s", "{:>8.2f}"), ("extract", "extract", "{:>8.2f}"),
    ("merge", "merge", "{:>7.2f}"), ("validate", "validate", "{:>8.2f}"), ("write", "write", "{:>7.2f}"),
    ("MB/s", "mb_s", "{:>6.3f}"), ("docs/s", "docs_s", "{:>7.1f}"), ("triples/s", "triples_s", "{:>9.0f}"),
    ("RSS MB", "rss_mb", "{:>7.0f}"), ("tree MB", "tree_rss_mb", "{:>7.0f}"),
    ("core MB/s", "core_mb_s", "{:>9.2f}"),
)


def table(rows: list[dict]) -> str:
    """The figures as a fixed-width table; '-' where a figure is unknown."""
    head = " ".join(f"{title:>{len(fmt.format(0) if 'f' in fmt else fmt.format(''))}}"
                    for title, _, fmt in COLUMNS)
    lines = [head]
    for row in rows:
        cells = []
        for title, key, fmt in COLUMNS:
            w = len(fmt.format(0) if "f" in fmt else fmt.format(""))
            v = row.get(key)
            cells.append(fmt.format(v) if v is not None else f"{'-':>{max(w, len(title))}}")
            cells[-1] = cells[-1].rjust(max(w, len(title)))
        lines.append(" ".join(cells))
    return "\n".join(lines)


def comparisons(rows: list[dict]) -> list[str]:
    """One line per size with the comparison figures that were run."""
    out = []
    for r in rows:
        parts = []
        if "pyshacl_s" in r:
            sp = f"{r['pyshacl_speedup']:.1f}x" if r["pyshacl_speedup"] else "-"
            parts.append(f"pyshacl whole graph {r['pyshacl_s']:.2f} s ({sp} vs {r['pyshacl_against']};"
                         f" verdicts {'agree' if r['pyshacl_verdict_agrees'] else 'DIFFER'})")
        elif "pyshacl" in r:
            parts.append(f"pyshacl {r['pyshacl']}")
        if "rdflib_turtle_s" in r:
            sp = f"{r['rdflib_speedup']:.1f}x" if r["rdflib_speedup"] else "- (no write stage)"
            parts.append(f"rdflib Turtle {r['rdflib_turtle_s']:.2f} s of CPU"
                         f" ({sp} vs Turtle chunks' CPU + write)")
        elif "rdflib" in r:
            parts.append(f"rdflib {r['rdflib']}")
        if parts:
            out.append(f"N={r['n']}: " + "; ".join(parts))
    return out


def parse_args(ap: argparse.ArgumentParser, argv: list[str]) -> tuple[argparse.Namespace, list[str]]:
    """This script's options, and the build's: those after ``--`` and any it does not know."""
    cut = argv.index("--") if "--" in argv else len(argv)
    args, extra = ap.parse_known_args(argv[:cut])
    return args, extra + argv[cut + 1:]


def parser() -> argparse.ArgumentParser:
    """The command line of this script."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sizes", type=int, nargs="*", default=[5, 100, 1000],
                    help="corpus sizes in documents (default: 5 100 1000)")
    ap.add_argument("--seed", type=int, default=0, help="corpus seed (same seed, same corpus)")
    ap.add_argument("--compare-pyshacl", action="store_true",
                    help="also run pyshacl over the whole written graph")
    ap.add_argument("--compare-rdflib", action="store_true",
                    help="also time rdflib's own Turtle serializer on the written graph")
    # 1,000 generated documents are about 1.5 M triples; whole-graph pyshacl took ~20 min there
    ap.add_argument("--cap", type=int, default=2_000_000, help="no comparison above this many triples")
    ap.add_argument("--timeout", type=float, default=2400, help="seconds per comparison")
    ap.add_argument("--no-core", action="store_true", help="skip the in-process extraction-core figure")
    ap.add_argument("--keep", type=Path, help="keep corpora and outputs in this folder")
    return ap


def main(argv: list[str] | None = None) -> int:
    args, extra = parse_args(parser(), sys.argv[1:] if argv is None else argv)
    stats_ok = supports_stats()
    print(f"# {time.strftime('%Y-%m-%d %H:%M:%S %Z')}  load {os.getloadavg()[0]:.2f}  cpus {os.cpu_count()}"
          f"  stats: {'yes' if stats_ok else 'no (--stats unsupported; stages unknown)'}")
    rows = []
    with tempfile.TemporaryDirectory(prefix="ct2rdf-bench-") as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        for n in args.sizes:
            rows.append(bench_one(n, args, extra, stats_ok, work))
            if "error" in rows[-1]:
                print(f"N={n}: build failed (exit {rows[-1]['rc']}): {rows[-1]['error'][0]}", file=sys.stderr)
    print(table(rows))
    for line in comparisons(rows):
        print(line)
    for row in rows:
        print(json.dumps(row, sort_keys=True))
    return 0 if all(r["rc"] in (0, 1) for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
