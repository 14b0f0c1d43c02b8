"""Faults, on a real ``ct2rdf build`` process: signals, SIGKILL, a full disk, an
unwritable -o, workers that die.

Each run is a subprocess.  ``CT2RDF_TEST_HOOKS`` (src/ct2rdf/hooks.py) pauses it
at a named point (start-up, a document's extraction, the first bytes of an
output's temporary file), so the signal lands exactly there; the start-up
rows instead wait until the process has set its SIGTERM handler (read from
/proc) and signal it while it imports.  Every run carries a unique
``CT2RDF_TEST_RUN`` in its environment, so any process of it still alive
afterwards (an orphaned worker) is found in /proc.

What every row checks: the previous output byte for byte, the exit code, the
one-line message, no traceback, no temporary file (after SIGKILL: only the
named one, which the next build removes and reports).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
OLD = b"# the previous build's graph: an interrupted build must leave it as it is\n"
VICTIM = "002_ba668f23f7111b3a.txt"  # the seed a hook pauses or kills a worker on
LINUX = sys.platform.startswith("linux")
pytestmark = pytest.mark.skipif(not LINUX, reason="reads /proc and uses PR_SET_PDEATHSIG (Linux)")


class Run:
    """One ``ct2rdf build`` subprocess in its own session, its standard error read as it comes."""

    def __init__(self, args: list, hooks: str = "", cwd: Path | None = None):
        self.tag = uuid.uuid4().hex
        env = {**os.environ, "CT2RDF_TEST_HOOKS": hooks, "CT2RDF_TEST_RUN": self.tag}
        self.p = subprocess.Popen([sys.executable, "-m", "ct2rdf", "build", *map(str, args)], cwd=cwd,
                                  env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                  start_new_session=True)
        self.lines: list[str] = []
        self.hooked = threading.Event()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        for raw in self.p.stderr:
            line = raw.decode("utf-8", "replace")
            self.lines.append(line)
            if line.startswith("ct2rdf-hook:"):
                self.hooked.set()

    def wait_for_hook(self, timeout: float = 90) -> None:
        assert self.hooked.wait(timeout), f"the hook was never reached:\n{self.stderr}"

    def wait_for_handlers(self, timeout: float = 30) -> None:
        """Until the process has set its SIGTERM handler (the start of ct2rdf.entry.main)."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            try:
                status = Path(f"/proc/{self.p.pid}/status").read_text()
            except OSError:
                break
            mask = next(int(x.split()[1], 16) for x in status.splitlines() if x.startswith("SigCgt:"))
            if mask >> (signal.SIGTERM - 1) & 1:
                return
            time.sleep(0.002)
        raise AssertionError(f"no SIGTERM handler was set:\n{self.stderr}")

    def send(self, sig: int, group: bool = False) -> None:
        """``sig`` to the build, or to its whole process group, as a terminal's Ctrl-C does."""
        if group:
            os.killpg(self.p.pid, sig)
        else:
            self.p.send_signal(sig)

    def finish(self, timeout: float = 120) -> int:
        code = self.p.wait(timeout)
        self.reader.join(10)
        return code

    @property
    def stderr(self) -> str:
        return "".join(self.lines)

    @property
    def errors(self) -> list[str]:
        return [line.rstrip("\n") for line in self.lines if line.startswith("Error:")]

    def survivors(self, grace: float = 8) -> list[int]:
        """Processes of this run still alive after ``grace`` seconds (orphaned workers)."""
        needle = f"CT2RDF_TEST_RUN={self.tag}".encode()
        end = time.monotonic() + grace
        while True:
            alive = []
            for d in Path("/proc").iterdir():
                if d.name.isdigit():
                    try:
                        if needle in (d / "environ").read_bytes().split(b"\0"):
                            alive.append(int(d.name))
                    except OSError:
                        continue
            if not alive or time.monotonic() > end:
                return alive
            time.sleep(0.1)


@pytest.fixture(scope="module")
def docs(tmp_path_factory) -> Path:
    """The seeds (five documents and their catalog)."""
    folder = tmp_path_factory.mktemp("faults") / "docs"
    shutil.copytree(SEEDS, folder)
    return folder


@pytest.fixture(scope="module")
def many(tmp_path_factory) -> Path:
    """A larger input: 40 documents, each seed 8 times with its own bytes (a numbered
    blank-line tail), so no two share a cache entry."""
    folder = tmp_path_factory.mktemp("faults") / "many"
    folder.mkdir()
    for k in range(8):
        for f in sorted(SEEDS.glob("*.txt")):
            (folder / f"{k}-{f.name}").write_bytes(f.read_bytes() + b"\n" * (k + 1))
    return folder


@pytest.fixture
def out(tmp_path) -> Path:
    """An output folder holding a previous build's files."""
    folder = tmp_path / "out"
    folder.mkdir()
    for name in ("ct.ttl", "void.ttl", "stats.json"):
        (folder / name).write_bytes(OLD)
    (folder / "nq").mkdir()
    (folder / "nq" / "part-00000.nq").write_bytes(OLD)
    return folder


def unchanged(out: Path) -> bool:
    """The previous output, all of it, byte for byte, and nothing else."""
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    return files == ["ct.ttl", "nq/part-00000.nq", "stats.json", "void.ttl"] and all(
        p.read_bytes() == OLD for p in out.rglob("*") if p.is_file())


def temporaries(out: Path) -> list[Path]:
    return sorted(p for p in out.rglob("*") if ".ct2rdf-tmp-" in p.name)


def build_args(inputs: Path, out: Path, jobs: int, engine: str = "local") -> list:
    return [inputs, "-o", out / "ct.ttl", "--shards", out / "nq", "--stats", out / "stats.json",
            "--jobs", jobs, "--engine", engine, "--no-cache", "-q"]


# (id, hook, jobs, engine, how the signal is timed)
POINTS = [
    # the handlers are set, nothing heavy imported yet
    ("start", "start=pause", 1, "local", "hook"),
    # as soon as the handlers are set: while click and the build's modules are imported
    ("importing", "", 2, "local", "imports"),
    # 0.4 s later: while rdflib, jieba and Oxigraph load, or the dictionaries
    ("loading", "", 2, "local", "imports+0.4"),
    # extracting a document in this process
    ("extract-in-process", f"extract:{VICTIM}=pause", 1, "local", "hook"),
    # extracting in a forked worker: the main process must stop its workers
    ("extract-in-worker", f"extract:{VICTIM}=pause", 2, "local", "hook"),
    # extracting 40 documents for real, no pause: as soon as two are done
    ("extract-larger-input", "", 2, "local", "cache"),
    # the first bytes of the graph are in its temporary file
    ("write-graph", "write:ct.ttl=pause", 2, "local", "hook"),
    # a shard, after the graph is staged
    ("write-shard", "write:part-00000.nq=pause", 2, "local", "hook"),
    # void.ttl, after the graph and the shards are staged
    ("write-void", "write:void.ttl=pause", 2, "local", "hook"),
    # the statistics, the last file staged before the renames
    ("write-stats", "write:stats.json=pause", 2, "local", "hook"),
]
SIGNALS = [("SIGINT", signal.SIGINT, 130), ("SIGTERM", signal.SIGTERM, 143)]


def reach(run: Run, how: str, cache: Path | None = None) -> None:
    """Wait for the point a row names."""
    if how == "hook":
        run.wait_for_hook()
    elif how.startswith("imports"):
        run.wait_for_handlers()
        time.sleep(float(how.partition("+")[2] or 0))
    elif how == "cache":
        end = time.monotonic() + 90
        while len(list(cache.glob("*.pkl"))) < 2:
            assert run.p.poll() is None and time.monotonic() < end, run.stderr
            time.sleep(0.01)


def start_row(hook, jobs, engine, how, docs, many, out, tmp_path) -> tuple[Run, Path | None]:
    inputs = many if how == "cache" else docs
    args = build_args(inputs, out, jobs, engine)
    cache = None
    if how == "cache":
        cache = tmp_path / "cache"
        args = [a for a in args if a != "--no-cache"] + ["--cache", cache]
    return Run(args, hook), cache


@pytest.mark.parametrize(("name", "sig", "code"), SIGNALS, ids=[s[0] for s in SIGNALS])
@pytest.mark.parametrize(("point", "hook", "jobs", "engine", "how"), POINTS, ids=[p[0] for p in POINTS])
def test_a_signal_leaves_the_previous_output(docs, many, out, tmp_path, point, hook, jobs, engine, how,
                                             name, sig, code):
    run, cache = start_row(hook, jobs, engine, how, docs, many, out, tmp_path)
    reach(run, how, cache)
    if point == "write-graph":  # the temporary file: named for its target and pid, an ordinary mode
        [tmp] = temporaries(out)
        assert tmp.name == f".ct.ttl.ct2rdf-tmp-{run.p.pid}"
        umask = os.umask(0)
        os.umask(umask)
        assert tmp.stat().st_mode & 0o777 == 0o666 & ~umask
    run.send(sig)
    assert run.finish() == code, run.stderr
    assert "Traceback" not in run.stderr
    message = f"Error: interrupted ({name})"
    assert run.errors and run.errors[-1].startswith(message), run.stderr
    if point not in ("start", "importing", "loading"):  # before the build knows it has an output
        assert run.errors[-1] == f"{message}; the previous output is unchanged.", run.stderr
    assert unchanged(out), sorted(out.rglob("*"))
    assert not run.survivors(), "a worker outlived the build"
    if cache is not None:
        assert not temporaries(cache)


# Ctrl-C in a terminal signals the whole process group: the workers too
CTRL_C = [
    # forked workers ignore it; the main process stops them
    ("workers", 2, "local"),
    # the local Dask cluster's workers too (a worker plugin)
    ("dask", 2, "dask"),
]


@pytest.mark.parametrize(("jobs", "engine"), [r[1:] for r in CTRL_C], ids=[r[0] for r in CTRL_C])
def test_ctrl_c_to_the_process_group(docs, out, tmp_path, jobs, engine):
    run = Run(build_args(docs, out, jobs, engine), f"extract:{VICTIM}=pause")
    run.wait_for_hook(180)
    run.send(signal.SIGINT, group=True)
    assert run.finish() == 130, run.stderr
    assert "Traceback" not in run.stderr and "KeyboardInterrupt" not in run.stderr, run.stderr
    assert run.errors[-1] == "Error: interrupted (SIGINT); the previous output is unchanged."
    assert unchanged(out)
    assert not run.survivors(), "a worker outlived the build"


def test_sigterm_under_dask(docs, out, tmp_path):
    # timeout, CI cancellation, docker stop: SIGTERM to the main process only
    run = Run(build_args(docs, out, 2, "dask"), f"extract:{VICTIM}=pause")
    run.wait_for_hook(180)
    run.send(signal.SIGTERM)
    assert run.finish() == 143, run.stderr
    assert "Traceback" not in run.stderr
    assert run.errors[-1] == "Error: interrupted (SIGTERM); the previous output is unchanged."
    assert unchanged(out)
    assert not run.survivors(), "a Dask worker outlived the build"


# (id, hook, jobs, the temporary files SIGKILL leaves: output-relative names)
KILLS = [
    # at start-up: nothing written yet
    ("start", "start=pause", 1, []),
    # in a worker's document: the workers die with the main process (PR_SET_PDEATHSIG)
    ("extract-in-worker", f"extract:{VICTIM}=pause", 2, []),
    # in the graph's temporary file: that file stays, named
    ("write-graph", "write:ct.ttl=pause", 2, [".ct.ttl.ct2rdf-tmp-{pid}"]),
    # in a shard's: the graph's staged file too
    ("write-shard", "write:part-00000.nq=pause", 2,
     [".ct.ttl.ct2rdf-tmp-{pid}", "nq/.part-00000.nq.ct2rdf-tmp-{pid}"]),
]


@pytest.mark.parametrize(("hook", "jobs", "left"), [k[1:] for k in KILLS], ids=[k[0] for k in KILLS])
def test_sigkill_leaves_only_named_temporary_files_which_the_next_build_removes(docs, out, hook, jobs,
                                                                                  left):
    run = Run(build_args(docs, out, jobs), hook)
    run.wait_for_hook()
    run.send(signal.SIGKILL)
    assert run.finish() == -signal.SIGKILL
    expected = sorted(out / name.format(pid=run.p.pid) for name in left)
    assert temporaries(out) == expected
    assert not run.survivors(), "a worker outlived the killed build"
    assert all(p.read_bytes() == OLD for p in out.rglob("*") if p.is_file() and p not in expected)
    if not left:
        return
    again = Run([a for a in build_args(docs, out, jobs) if a != "-q"])
    assert again.finish() == 0, again.stderr
    [said] = [line for line in again.lines if line.startswith("Removed ")]
    assert said.startswith("Removed ") and " temporary file(s) left by an interrupted build: " in said
    # the killed build's files, and its spool folder (--no-cache) in the temp dir
    assert all(str(t) in said for t in expected) and f"ct2rdf-spool-{run.p.pid}-" in said, said
    assert not temporaries(out)


def test_the_next_build_keeps_a_running_builds_temporary_file(docs, out):
    # a live pid: another build is writing it; a dead pid: left by a killed build
    live = out / f".ct.ttl.ct2rdf-tmp-{os.getpid()}"
    live.write_bytes(b"being written")
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = out / f".nt.ttl.ct2rdf-tmp-{dead.pid}"
    stale.write_bytes(b"left behind")
    lookalike = out / ".ct.ttl.ct2rdf-tmp-notapid"  # not our pattern: untouched
    lookalike.write_bytes(b"")
    run = Run(build_args(docs, out, 2))
    assert run.finish() == 0, run.stderr
    assert live.exists() and lookalike.exists() and not stale.exists()


# (id, hook, the output whose write fails)
DISK_FULL = [
    # the graph itself
    ("graph", "write:ct.ttl=enospc", "ct.ttl"),
    # a shard, with the graph staged already
    ("shard", "write:part-build.nq=enospc", "nq/part-build.nq"),
    # void.ttl, with the graph and shards staged
    ("void", "write:void.ttl=enospc", "void.ttl"),
    # the statistics, last
    ("stats", "write:stats.json=enospc", "stats.json"),
]


@pytest.mark.parametrize(("hook", "target"), [d[1:] for d in DISK_FULL], ids=[d[0] for d in DISK_FULL])
def test_a_full_disk_keeps_the_previous_output(docs, out, hook, target):
    run = Run(build_args(docs, out, 2), hook)
    assert run.finish() == 2, run.stderr
    assert "Traceback" not in run.stderr
    [line] = run.errors
    assert line.startswith(f"Error: {out / target}: no space left on device (")
    assert line.endswith("). Free space or choose another -o.")
    assert unchanged(out)


@pytest.fixture
def small_disk(tmp_path):
    """A 200 KB tmpfs, where this test may mount one (root, mount works)."""
    folder = tmp_path / "small"
    folder.mkdir()
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a tmpfs needs root")
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=200k", "tmpfs", str(folder)],
                       capture_output=True)
    if r.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {r.stderr.decode().strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False)


def test_a_real_full_disk(docs, small_disk):
    # the seeds' graph is ~950 KB: it cannot fit
    (small_disk / "ct.ttl").write_bytes(OLD)
    run = Run([docs, "-o", small_disk / "ct.ttl", "--no-cache", "-q"])
    assert run.finish() == 2, run.stderr
    [line] = run.errors
    assert line.startswith(f"Error: {small_disk / 'ct.ttl'}: no space left on device (")
    assert line.endswith("Free space or choose another -o.")
    assert os.listdir(small_disk) == ["ct.ttl"] and (small_disk / "ct.ttl").read_bytes() == OLD


# (id, engine, hook action, what the message says of the death)
DEATHS = [
    # the out-of-memory killer's way
    ("local-sigkill", "local", "kill", "the worker process died while building it (killed by SIGKILL"),
    # a crash in native code that ends the process
    ("local-exit", "local", "exit", "the worker process died while building it (exit status 70)"),
    # a Dask worker: Dask retries on other workers, then gives up on this document only
    ("dask-sigkill", "dask", "kill", "every Dask worker that tried to build it died"),
]


@pytest.mark.parametrize(("engine", "action", "says"), [d[1:] for d in DEATHS], ids=[d[0] for d in DEATHS])
def test_a_dying_worker_fails_only_its_document(docs, tmp_path, engine, action, says):
    out = tmp_path / "out"
    run = Run([docs, "-o", out / "ct.ttl", "--jobs", 2, "--engine", engine, "--no-cache", "-q"],
              f"extract:{VICTIM}={action}")
    assert run.finish(300) == 2, run.stderr
    assert "Traceback" not in run.stderr
    assert run.errors[0].startswith(f"Error: {VICTIM}: {says}"), run.stderr
    graph = (out / "ct.ttl").read_text(encoding="utf-8")
    others = sorted(f.name for f in docs.glob("*.txt") if f.name != VICTIM)
    assert all(f'ct:sourceFile "{name}"' in graph for name in others)
    assert f'ct:sourceFile "{VICTIM}"' not in graph
    assert not run.survivors(), "a worker outlived the build"


def _read_only(folder: Path) -> None:
    """Make ``folder`` read-only for this process: a read-only tmpfs for root (who ignores
    permission bits), the permission bits for anyone else."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        return
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", str(folder)],
                       capture_output=True)
    if r.returncode != 0:
        pytest.skip(f"root, and cannot mount a read-only tmpfs here: {r.stderr.decode().strip()}")


# (id, arguments after the inputs ({o}: the output folder), what the one Error line says)
UNWRITABLE = [
    # -o an existing folder
    ("folder", ["-o", "{o}/graph.ttl"], "-o {o}/graph.ttl is a folder. Name a file in it"),
    # -o through a file
    ("through-a-file", ["-o", "{o}/ct.ttl/x.ttl"], "is a file, not a folder"),
    # -o in a folder that cannot be created (no file can be made in /proc)
    ("cannot-create", ["-o", "/proc/ct2rdf-missing/ct.ttl"], "in /proc. Choose a folder you can write"),
    # -o in a read-only folder
    ("read-only", ["-o", "{o}/ro/ct.ttl"], "{o}/ro"),
    # --shards through a file
    ("shards-through-a-file", ["-o", "{o}/x.ttl", "--shards", "{o}/ct.ttl/nq"], "is a file, not a folder"),
    # --stats an existing folder
    ("stats-folder", ["-o", "{o}/x.ttl", "--stats", "{o}/nq"], "{o}/nq' is a directory"),
]


@pytest.mark.parametrize(("args", "says"), [u[1:] for u in UNWRITABLE], ids=[u[0] for u in UNWRITABLE])
def test_an_unwritable_output_is_refused_before_the_work(docs, out, args, says):
    (out / "graph.ttl").mkdir()
    if "{o}/ro" in says:
        (out / "ro").mkdir()
        _read_only(out / "ro")
    try:
        # the hook kills the build if any document is processed: the refusal must come first
        run = Run([docs, *(a.format(o=out) for a in args), "--no-cache"], "extract=kill")
        assert run.finish() == 2, run.stderr
    finally:
        if "{o}/ro" in says and os.geteuid() == 0:
            subprocess.run(["umount", str(out / "ro")], check=False, capture_output=True)
    [line] = run.errors
    assert says.format(o=out) in line and "Traceback" not in run.stderr, line
    assert unchanged(out) or (out / "ro").exists()


def test_a_device_given_as_output_is_written_into_not_replaced(docs):
    # -o /dev/null: a rename would have replaced the device node with a file (as root)
    run = Run([docs, "-o", "/dev/null", "--format", "ttl", "--no-cache", "-q"])
    assert run.finish() == 0, run.stderr
    assert Path("/dev/null").is_char_device()


def test_ctrl_c_stops_the_server_with_exit_0(tmp_path):
    # uvicorn re-raises the signal after its graceful shutdown: serve keeps its documented
    # exit 0 for Ctrl-C rather than the build's 130
    import socket

    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    env = {**os.environ, "CT2RDF_TEST_RUN": uuid.uuid4().hex}
    p = subprocess.Popen([sys.executable, "-m", "ct2rdf", "serve", str(ROOT / "out" / "ct.ttl"),
                          "--port", str(port), "--workers", "1", "-q"], env=env, stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, text=True)
    first = p.stderr.readline()
    assert first.startswith("Serving "), first
    time.sleep(1)  # into uvicorn's loop
    p.send_signal(signal.SIGINT)
    rest = p.communicate(timeout=60)[1]
    assert p.returncode == 0 and "Traceback" not in rest and "Error:" not in rest, rest
