"""Fuzz the whole `ct2rdf build` with mutated real texts, for a fixed time budget.

    python bench/fuzz.py [--seconds 300] [--seed 0] [--out fuzz-findings] [--timeout 30]

Each input is one to three files made from ``seeds/``, ``tests/corpus/`` and
``tests/real/`` by a few random mutations, the ways copies of real pages
differ or break: bytes flipped, characters inserted, deleted or replaced
(invisible and bidi controls, full-width forms, combining marks), paragraphs
duplicated, swapped or dropped, pieces of another file spliced in, Simplified
→ Traditional, re-wrapping, one-line pages, CRLF, page furniture and footnote
lines inserted, numbers replaced by huge ones, a fragment repeated thousands
of times, the bytes cut mid-character or re-encoded (GB18030, UTF-16).

Every input is built in a forked child (``ct2rdf build DIR -o OUT.nq --format
nq,ttl --jobs 1 --no-cache`` through click's runner, so the command's own
error handling counts) with a time limit and a memory limit.  A finding is

* ``crash``: an exception escaped the command (a traceback), or the child died;
* ``hang``: the build used more than ``--timeout`` seconds of CPU, or sat
  blocked ten times as long;
* ``invalid``: an output does not parse (Turtle, N-Quads), a passage's
  ``oa:exact`` is not ``source[start:end]``, or an input file is neither in
  the graph nor named in an error (lost);
* ``shape``: a violation of a shape that checks the builder's own work
  (types, selectors, numbering).  Violations of the plausibility shapes
  (S02, S06, S14–S18) are what a self-contradictory text deserves: counted,
  not findings.

Each finding's files and report are saved under ``--out/KIND/SIGNATURE/``
(the first input with that signature; later ones are counted).  The inputs
are reproducible: input ``i`` is made from ``random.Random(f"{seed}-{i}")``.
At the end it prints inputs tried, findings by kind and the signatures.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import resource
import shutil
import signal
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))

from strategies import FRAGMENTS, SPECIAL  # noqa: E402  (plain tuples: no hypothesis at run time)

BASE = "https://w3id.org/ct2rdf/id/"
# Shapes about what a text says (a deadline before its document, a number that does
# not fit its year, two dates for one meeting): a mutated text may well say that.
CONTENT_SHAPES = ("S02", "S06", "S14", "S15", "S16", "S17", "S18")

FURNITURE = ("17-23196 (C)    *1723196*", "2/3", "S/RES/2395 (2017)", "__________________",
             " 1 见第1373(2001)号决议。", "https://undocs.org/ch/S/RES/1373(2001)", "上一页 下一页",
             "本页面最后修订于2023年3月1日", "Distr.: General", "21 December 2017", "- 回顾", "\f")
INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2069\ufeff\u00ad"
NUMBER_RE = re.compile(r"[0-9０-９]+|[〇零一二三四五六七八九十百千两]+")


# *** mutations: each (text or bytes, rng, pool) -> the same kind ***


def _pos(rng: random.Random, s) -> int:
    return rng.randrange(len(s) + 1)


def insert_chars(t, rng, pool):
    i = _pos(rng, t)
    return t[:i] + "".join(rng.choice(SPECIAL + INVISIBLE) for _ in range(rng.randint(1, 4))) + t[i:]


def delete_chars(t, rng, pool):
    i = _pos(rng, t)
    return t[:i] + t[i + rng.randint(1, 50):]


def invisible_in_words(t, rng, pool):
    out = list(t)
    for _ in range(rng.randint(1, 10)):
        out.insert(_pos(rng, out), rng.choice(INVISIBLE))
    return "".join(out)


def _paragraphs(t):
    return t.split("\n")


def duplicate_paragraph(t, rng, pool):
    ps = _paragraphs(t)
    i = rng.randrange(len(ps))
    ps.insert(rng.randrange(len(ps) + 1), ps[i])
    return "\n".join(ps)


def swap_paragraphs(t, rng, pool):
    ps = _paragraphs(t)
    i, j = rng.randrange(len(ps)), rng.randrange(len(ps))
    ps[i], ps[j] = ps[j], ps[i]
    return "\n".join(ps)


def drop_paragraph(t, rng, pool):
    ps = _paragraphs(t)
    del ps[rng.randrange(len(ps))]
    return "\n".join(ps)


def splice(t, rng, pool):
    other = rng.choice(pool)
    a = rng.randrange(len(other) + 1)
    i = _pos(rng, t)
    return t[:i] + other[a : a + rng.randint(1, 2000)] + t[i:]


def traditional(t, rng, pool):
    import opencc

    return opencc.OpenCC("s2t").convert(t)


def rewrap(t, rng, pool):
    w, sep = rng.randint(5, 80), rng.choice(("\n", "\n\n"))
    return sep.join(line[k : k + w] for line in t.split("\n") for k in range(0, max(len(line), 1), w))


def one_line(t, rng, pool):
    return t.replace("\n", rng.choice(("", " ", "\u3000")))


def crlf(t, rng, pool):
    return t.replace("\n", rng.choice(("\r\n", "\r", "\u2028", "\x85")))


def furniture(t, rng, pool):
    lines = t.split("\n")
    for _ in range(rng.randint(1, 6)):
        lines.insert(rng.randrange(len(lines) + 1), rng.choice(FURNITURE))
    return "\n".join(lines)


def huge_numbers(t, rng, pool):
    big = rng.choice(("9" * 30, "9" * 5000, "九千", "九九九九九九", "九" * 5000, "0" * 40, "九九九九"))
    found = list(NUMBER_RE.finditer(t))
    if not found:
        return t + big
    for m in rng.sample(found, min(len(found), rng.randint(1, 3)))[::-1]:
        t = t[: m.start()] + big + t[m.end():]
    return t


def fragments(t, rng, pool):
    i = _pos(rng, t)
    return t[:i] + "".join(rng.choice(FRAGMENTS) for _ in range(rng.randint(1, 8))) + t[i:]


def repeat(t, rng, pool):
    """A piece repeated many times: a chained list, nested brackets, a long run (linear time?)."""
    piece = rng.choice(("第1373(2001)、", "(", "“", "安全理事会", "1. ", "\n", "九", "a", "、和",
                        t[(a := _pos(rng, t)) : a + rng.randint(1, 20)] or "x"))
    i = _pos(rng, t)
    return t[:i] + piece * rng.randint(100, 5000) + t[i:]


_CN = "〇一二三四五六七八九"


def _number(rng):
    n = rng.choice((rng.randint(0, 999), rng.randint(0, 10**6), rng.randint(0, 10**40)))
    form = rng.random()
    if form < 0.4:
        return str(n)
    if form < 0.8:
        return "".join(_CN[int(c)] for c in str(n))
    return "".join(rng.choice("一二三四五六七八九十百千两零") for _ in range(rng.randint(1, 8)))


def _date(rng):
    y = rng.choice((rng.randint(1945, 2099), rng.randint(0, 9999)))
    m, d = rng.choice((rng.randint(1, 12), rng.randint(0, 13))), rng.choice((rng.randint(1, 28), 0, 31, 32))
    if rng.random() < 0.5:
        return f"{y}年{m}月{d}日"
    return "".join(_CN[int(c)] for c in f"{y:04d}") + f"年{_number(rng)}月{_number(rng)}日"


def clause(t, rng, pool):
    """An operative paragraph of the kind the extractors read, its counts and dates drawn at random."""
    n, unit, date = _number(rng), rng.choice(("个月", "天", "日", "周", "个星期", "年")), _date(rng)
    slot = rng.choice((
        f"在本决议通过后{n}{unit}内", f"不迟于本决议通过后{n}{unit}", f"每隔{n}天向安理会报告",
        f"每{n}个月向安全理事会提交报告", f"将其任务期限延长{n}{unit}", f"为期{n}{unit}",
        f"延长至{date}", f"自{date}起为期{n}{unit}", f"在{date}终了的期间内继续作为一项特别政治任务",
        f"最迟于{date}进行一次期中审查", f"在其任务期限结束前{n}{unit}向安理会报告",
        f"于{date}举行第{n}次会议",
    ))
    who = rng.choice(("反恐执行局", "秘书长", "反恐怖主义委员会", "监察员办公室",
                      "第1267(1999)号决议所设委员会"))
    verb = rng.choice(("决定", "请", "要求", "决定延长", "指示"))
    lines = t.split("\n")
    lines.insert(rng.randrange(len(lines) + 1), f"{_number(rng)}. {verb}{who}{slot}；")
    return "\n".join(lines)


# clause three times: the extractors' slots are where the arithmetic is
TEXT_MUTATIONS = (clause, clause, clause, insert_chars, delete_chars, invisible_in_words,
                  duplicate_paragraph, swap_paragraphs, drop_paragraph, splice, traditional, rewrap,
                  one_line, crlf, furniture, huge_numbers, fragments, repeat)


def flip_bytes(b, rng):
    b = bytearray(b)
    for _ in range(rng.randint(1, 8)):
        if b:
            b[rng.randrange(len(b))] ^= 1 << rng.randrange(8)
    return bytes(b)


def truncate(b, rng):
    return b[: rng.randrange(len(b) + 1)]


def insert_bytes(b, rng):
    i = rng.randrange(len(b) + 1)
    return b[:i] + bytes(rng.randrange(256) for _ in range(rng.randint(1, 4))) + b[i:]


BYTE_MUTATIONS = (flip_bytes, truncate, insert_bytes)
ENCODINGS = ("utf-8", "utf-8", "utf-8", "utf-8-sig", "gb18030", "utf-16")


def make_input(rng: random.Random, pool: list[str]) -> tuple[dict[str, bytes], list[str]]:
    """One to three mutated files (name → bytes), sometimes two from the same text (one
    document twice, clashing minted paths) and a catalog, and the log of what was done."""
    files, log = {}, []
    first = rng.randrange(len(pool))
    for k in range(rng.choice((1, 1, 1, 2, 3))):
        base = first if k == 0 or rng.random() < 0.3 else rng.randrange(len(pool))
        text, steps = pool[base], [f"file{k}: pool[{base}]"]
        for _ in range(rng.randint(1, 8)):
            m = rng.choice(TEXT_MUTATIONS)
            try:
                text = m(text, rng, pool)
            except Exception:  # a mutation that fails (an encoding OpenCC refuses) is skipped
                continue
            steps.append(m.__name__)
        enc = rng.choice(ENCODINGS)
        data = text.encode(enc, errors="surrogatepass")
        steps.append(enc)
        if rng.random() < 0.15:
            m = rng.choice(BYTE_MUTATIONS)
            data = m(data, rng)
            steps.append(m.__name__)
        files[f"f{k}.txt"] = data
        log.append(" ".join(steps))
    if rng.random() < 0.2:
        files["catalog.csv"] = catalog(rng, list(files))
        log.append("catalog.csv")
    return files, log


def catalog(rng: random.Random, names: list[str]) -> bytes:
    """A catalog row per file, its symbol and date well formed or not."""
    symbols = ("S/RES/1373 (2001)", "S/PRST/2015/11", "S/2020/1", "A/RES/60/288", "garbage", "", "S/RES/0")
    dates = ("2013-12-17", "9999-12-31", "0001-01-01", "2013-02-30", "x", "", "1945-01-01")
    rows = ["file,symbol,date,note"] + [f"{n},{rng.choice(symbols)},{rng.choice(dates)},\"a, \"\"b\"\"\""
                                        for n in names]
    return ("\n".join(rows) + "\n").encode()


def load_pool() -> list[str]:
    from ct2rdf.text.decode import decode

    pool = []
    for folder in (ROOT / "seeds", ROOT / "tests" / "corpus", ROOT / "tests" / "real"):
        for f in sorted(folder.glob("*.txt")):
            pool.append(decode(f.read_bytes(), f.name)[0])
    return pool


# *** one build, checked ***

PASSAGES = """
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX ct: <https://w3id.org/ct2rdf/ontology#>
SELECT ?file ?start ?end ?exact ?prefix ?suffix WHERE {
  ?sr oa:hasSource ?src ; oa:hasSelector ?pos, ?quote .
  ?src ct:sourceFile ?file .
  ?pos oa:start ?start ; oa:end ?end .
  ?quote oa:exact ?exact .
  OPTIONAL { ?quote oa:prefix ?prefix } OPTIONAL { ?quote oa:suffix ?suffix }
}"""
CT_SOURCE_FILE = "https://w3id.org/ct2rdf/ontology#sourceFile"
VIOLATION_RE = re.compile(r"^\[(S\d\d[^\]]*)\] Violation", re.M)


def check_build(folder: Path) -> tuple[list[tuple[str, str, str]], Counter]:
    """Build ``folder/in`` into ``folder/out``; the findings ``(kind, signature, detail)`` and
    the plausibility shapes violated (counted, not findings)."""
    import pyoxigraph as ox
    from click.testing import CliRunner

    from ct2rdf.cli import cli
    from ct2rdf.errors import Ct2rdfError
    from ct2rdf.text.decode import decode

    out = folder / "out" / "ct.nq"
    r = CliRunner().invoke(cli, ["build", str(folder / "in"), "-o", str(out), "--format", "nq,ttl",
                                 "--jobs", "1", "--no-cache"])
    if r.exception is not None and not isinstance(r.exception, SystemExit):
        tb = "".join(traceback.format_exception(r.exception))
        return [("crash", _signature(r.exception), tb + "\n--- output ---\n" + r.output)], Counter()
    findings, content = [], Counter()
    if r.exit_code not in (0, 1, 2):
        findings.append(("crash", f"exit-{r.exit_code}", r.output))
    for shape in VIOLATION_RE.findall(r.output):
        if shape[:3] in CONTENT_SHAPES:
            content[shape] += 1
        else:
            findings.append(("shape", shape, r.output))
    names = sorted(p.name for p in (folder / "in").glob("*.txt"))
    if not out.exists():  # nothing built: every file must have been refused by name
        lost = [n for n in names if f"{n}:" not in r.output]
        if lost:
            findings.append(("invalid", "lost-without-output", f"{lost}\n{r.output}"))
        return findings, content
    store = ox.Store()
    try:
        store.load(path=str(out), format=ox.RdfFormat.N_QUADS)
        ttl = out.with_suffix(".ttl").read_bytes()
        list(ox.parse(ttl, format=ox.RdfFormat.TURTLE))
    except (SyntaxError, ValueError, OSError) as e:
        return [*findings, ("invalid", f"unparsable-{type(e).__name__}", f"{e}\n{r.output}")], content
    sources = {}
    for n in names:
        try:
            sources[n] = decode((folder / "in" / n).read_bytes(), n)[0]
        except Ct2rdfError:  # refused: it must be named in an error (checked below)
            pass
    seen = {q.object.value for q in store.quads_for_pattern(None, ox.NamedNode(CT_SOURCE_FILE), None)}
    for row in store.query(PASSAGES, use_default_graph_as_union=True):
        name = row["file"].value
        src = sources.get(name)
        if src is None:
            continue
        s, e = int(row["start"].value), int(row["end"].value)
        exact = row["exact"].value
        prefix = row["prefix"].value if row["prefix"] else ""
        suffix = row["suffix"].value if row["suffix"] else ""
        if not (0 <= s < e <= len(src)) or exact != src[s:e]:
            findings.append(("invalid", "exact-not-source-slice", f"{name} {s}-{e}: {exact[:80]!r} "
                             f"!= {src[s:e][:80]!r}"))
        elif prefix != src[max(0, s - 32) : s] or suffix != src[e : e + 32]:
            findings.append(("invalid", "prefix-suffix", f"{name} {s}-{e}: {prefix!r} / {suffix!r}"))
    lost = [n for n in names if n not in seen and f"{n}:" not in r.output]
    if lost:
        findings.append(("invalid", "lost-file", f"{lost}\n{r.output}"))
    return findings, content


def _signature(e: BaseException) -> str:
    """The exception's type and the innermost frame inside ct2rdf: one bug, one signature."""
    frames = [f for f in traceback.extract_tb(e.__traceback__) if "ct2rdf" in f.filename]
    where = f"{Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else "outside"
    return f"{type(e).__name__}@{where}"


def run_one(folder: Path, timeout: float, memory_mb: int, wall: float | None = None
            ) -> tuple[list, Counter, float]:
    """Build in a forked child with a CPU-time and a memory limit; its findings, content
    shapes and CPU seconds.

    The limit is on CPU time, so a busy machine does not turn a slow build into a
    hang; a child that uses no CPU for ten times as long (blocked on a read) is a
    hang too (or after ``wall`` seconds, if given).
    """
    report = folder / "report.json"
    pid = os.fork()
    if pid == 0:  # the child: never returns
        code = 0
        try:
            resource.setrlimit(resource.RLIMIT_AS, (memory_mb << 20, memory_mb << 20))
            cpu = max(1, round(timeout))
            resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 5))  # SIGXCPU past it
            os.environ["TMPDIR"] = str(folder)  # a killed build's spool stays inside the input folder
            tempfile.tempdir = str(folder)
            findings, content = check_build(folder)
            report.write_text(json.dumps({"findings": findings, "content": content}))
        except BaseException as e:  # a failure of the checks themselves is a crash too
            report.write_text(json.dumps({"findings": [("crash", _signature(e), traceback.format_exc())],
                                          "content": {}}))
            code = 1
        os._exit(code)
    deadline = time.perf_counter() + (wall or max(60, 10 * timeout))
    while True:
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            break
        if time.perf_counter() > deadline:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            return [("hang", "blocked", "")], Counter(), 0.0
        time.sleep(0.01)
    seconds = usage.ru_utime + usage.ru_stime  # CPU: the machine may be busy
    if os.WIFSIGNALED(status):
        if os.WTERMSIG(status) == signal.SIGXCPU:
            return [("hang", f"over-{timeout:g}s-cpu", "")], Counter(), seconds
        return [("crash", f"signal-{os.WTERMSIG(status)}", "")], Counter(), seconds
    try:
        data = json.loads(report.read_text())
    except (OSError, ValueError):
        return [("crash", f"no-report-exit-{os.WEXITSTATUS(status)}", "")], Counter(), seconds
    return [tuple(f) for f in data["findings"]], Counter(data["content"]), seconds


def save(out: Path, kind: str, sig: str, files: dict[str, bytes], log: list[str], detail: str,
         index: int, seed: int) -> Path:
    """Keep a finding's input and report under ``out/kind/signature/``."""
    slug = re.sub(r"[^A-Za-z0-9_.-]+", "_", sig)[:60] + "-" + hashlib.sha1(sig.encode()).hexdigest()[:8]
    where = out / kind / slug
    if where.exists():
        return where
    (where / "in").mkdir(parents=True)
    for name, data in files.items():
        (where / "in" / name).write_bytes(data)
    (where / "report.txt").write_text(
        f"kind: {kind}\nsignature: {sig}\ninput: --seed {seed}, input {index}\nmutations:\n  "
        + "\n  ".join(log) + f"\n\n{detail}\n", encoding="utf-8")
    return where


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seconds", type=float, default=300, help="time budget (default 300)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", type=Path, default=Path("fuzz-findings"), help="where findings are saved")
    ap.add_argument("--timeout", type=float, default=30, help="CPU seconds per input before it is a hang")
    ap.add_argument("--memory", type=int, default=3000, help="MB of address space per build")
    ap.add_argument("--max-inputs", type=int, default=0, help="stop after this many inputs (0: no limit)")
    ap.add_argument("--write-input", type=int, metavar="I",
                    help="only write input I of --seed into --out/input-I (to reproduce one) and exit")
    args = ap.parse_args(argv)

    pool = load_pool()
    if args.write_input is not None:
        files, log = make_input(random.Random(f"{args.seed}-{args.write_input}"), pool)
        where = args.out / f"input-{args.write_input}"
        where.mkdir(parents=True, exist_ok=True)
        for name, data in files.items():
            (where / name).write_bytes(data)
        print(f"{where}: " + "; ".join(log))
        return 0
    from ct2rdf.build import build  # warm up in the parent: every child inherits loaded modules

    warm = build([ROOT / "seeds"], base=BASE)
    warm.close()
    work = Path(tempfile.mkdtemp(prefix="ct2rdf-fuzz-"))
    tried, kinds, sigs, content = 0, Counter(), Counter(), Counter()
    slowest, total_bytes, cpu = (0.0, -1, 0), 0, 0.0
    t_end = time.perf_counter() + args.seconds
    try:
        while time.perf_counter() < t_end and (not args.max_inputs or tried < args.max_inputs):
            rng = random.Random(f"{args.seed}-{tried}")
            files, log = make_input(rng, pool)
            folder = work / str(tried)
            (folder / "in").mkdir(parents=True)
            for name, data in files.items():
                (folder / "in" / name).write_bytes(data)
            findings, shapes, seconds = run_one(folder, args.timeout, args.memory)
            content.update(shapes)
            size = sum(map(len, files.values()))
            slowest = max(slowest, (seconds, tried, size))
            total_bytes, cpu = total_bytes + size, cpu + seconds
            for kind, sig, detail in findings:
                kinds[kind] += 1
                if sigs[(kind, sig)] == 0:
                    where = save(args.out, kind, sig, files, log, detail, tried, args.seed)
                    print(f"[{tried}] {kind}: {sig} -> {where}", flush=True)
                sigs[(kind, sig)] += 1
            shutil.rmtree(folder, ignore_errors=True)
            tried += 1
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"\ninputs tried: {tried} ({total_bytes / 1e6:.1f} MB) in {args.seconds:g} s (seed {args.seed}); "
          f"{cpu:.0f} s of build CPU; slowest build {slowest[0]:.1f} s CPU (input {slowest[1]}, "
          f"{slowest[2] / 1e3:.0f} kB)")
    print(f"findings: {sum(kinds.values())} ({', '.join(f'{k} {n}' for k, n in kinds.items()) or 'none'}), "
          f"{len(sigs)} distinct")
    for (kind, sig), n in sigs.most_common():
        print(f"  {kind:8} {sig}  ×{n}")
    if content:
        print("plausibility shapes violated (a self-contradictory text, not a finding): "
              + ", ".join(f"{s} ×{n}" for s, n in content.most_common()))
    return 1 if sigs else 0


if __name__ == "__main__":
    sys.exit(main())
