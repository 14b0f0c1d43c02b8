"""Where the per-document tasks run: this process, worker processes, or a Dask cluster.

Every engine returns the tasks' outputs in the tasks' order, so the build
is the same whatever ran it; only the time differs.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from .errors import InputError, UsageError
from .work import DocOut, Task, run_task


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def run_all(tasks: list[Task], *, jobs: int = 1, engine: str = "local", scheduler: str | None = None,
            progress: Callable[[int], None] | None = None) -> list[DocOut]:
    """Run every task; outputs in task order."""
    if engine == "dask":
        from .dask_engine import run_dask

        return run_dask(tasks, scheduler=scheduler, progress=progress)
    if engine != "local":
        raise UsageError(f"unknown engine {engine!r}. Use local or dask")
    if jobs <= 1 or len(tasks) <= 1:
        return _collect(map(run_task, tasks), progress)
    return _in_processes(tasks, jobs, progress)


def _collect(outs, progress) -> list[DocOut]:
    done = []
    for out in outs:
        done.append(out)
        if progress is not None:
            progress(len(done))
    return done


def _in_processes(tasks: list[Task], jobs: int, progress) -> list[DocOut]:
    import multiprocessing as mp

    _warm(tasks[0].check)  # load the dictionaries and shapes once, before the fork: the workers share them
    # fork: the workers start with the modules and dictionaries already loaded
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    workers = _Workers(ctx, min(jobs, len(tasks)))
    try:
        return workers.run(tasks, progress)
    finally:  # also on an interrupt or an error: no worker outlives the build
        workers.stop()


class _Worker:
    """One worker process and the pipe to it; ``task``: the index of the task it holds."""

    def __init__(self, ctx, others: list):
        self.conn, theirs = ctx.Pipe()
        self.proc = ctx.Process(target=_serve, args=(theirs, [self.conn, *others]), daemon=True)
        self.proc.start()
        theirs.close()
        self.task: int | None = None

    def give(self, i: int, tasks: list[Task]) -> None:
        """Send task ``i`` (if the worker is gone, its sentinel says so)."""
        self.task = i
        try:
            self.conn.send((i, tasks[i]))
        except OSError:
            pass

    def take(self) -> DocOut | None:
        """The finished task's output, or None when the worker died holding it."""
        try:
            if self.conn.poll():
                return self.conn.recv()[1]
        except (EOFError, OSError):
            pass
        return None


class _Workers:
    """``n`` worker processes, each given one task at a time.

    Unlike a ``ProcessPoolExecutor``, whose every pending task fails when one
    worker dies, the build knows which document a dead worker held (killed by
    the out-of-memory killer, a crash in native code): that document fails,
    named, and a new worker takes the rest.  Workers die with this process
    (``PR_SET_PDEATHSIG``) and :meth:`stop` ends them on an interrupt.
    """

    def __init__(self, ctx, n: int):
        self.ctx, self.n, self.all = ctx, n, []

    def _start(self) -> _Worker:
        w = _Worker(self.ctx, [x.conn for x in self.all])
        self.all.append(w)
        return w

    def run(self, tasks: list[Task], progress) -> list[DocOut]:
        from collections import deque
        from multiprocessing.connection import wait

        out: list[DocOut | None] = [None] * len(tasks)
        todo, idle, busy, done = deque(range(len(tasks))), [self._start() for _ in range(self.n)], {}, 0
        while done < len(tasks):
            while idle and todo:
                w = idle.pop()
                busy[w.proc.sentinel] = busy[w.conn] = w
                w.give(todo.popleft(), tasks)  # a worker gone already is seen by its sentinel below
            for w in {busy[r] for r in wait(list(busy))}:
                i, got = w.task, w.take()
                del busy[w.conn], busy[w.proc.sentinel]
                w.task = None
                if got is None:
                    w.proc.join()
                    got = _died(tasks[i], w.proc.exitcode)
                    if todo:
                        idle.append(self._start())
                else:
                    idle.append(w)
                out[i] = got
                done += 1
                if progress is not None:
                    progress(done)
        return out  # type: ignore[return-value]

    def stop(self) -> None:
        """End every worker: the idle ones are told to, the busy ones (an interrupt) get
        SIGTERM, which removes their temporary files; any left after 5 s get SIGKILL."""
        import signal
        import time

        for w in self.all:
            if w.proc.is_alive():
                if w.task is None:
                    try:
                        w.conn.send(None)
                        continue
                    except OSError:
                        pass
                _signal(w.proc.pid, signal.SIGTERM)
        deadline = time.monotonic() + 5
        for w in self.all:
            w.proc.join(max(0.0, deadline - time.monotonic()))
            if w.proc.is_alive():
                _signal(w.proc.pid, signal.SIGKILL)
                w.proc.join()
            w.conn.close()


def _signal(pid: int, sig: int) -> None:
    try:
        os.kill(pid, sig)
    except ProcessLookupError:
        pass


def _died(task: Task, code: int | None) -> DocOut:
    """The output of a task whose worker died: an error naming the file."""
    import signal

    how = f"killed by {signal.Signals(-code).name}" if code and code < 0 else f"exit status {code}"
    if code == -signal.SIGKILL:
        how += ", perhaps by the out-of-memory killer"
    return DocOut(task.name, error=InputError(task.name, f"the worker process died while building it ({how})",
                                              "The other files were built; build again, and if it "
                                              "dies again check the file and the machine's memory"))


def _serve(conn, inherited: list) -> None:
    """A worker: run the tasks the main process sends, one at a time, until told to stop."""
    from . import interrupts

    for c in inherited:  # the main process's ends of the pipes, which fork copied
        c.close()
    interrupts.in_worker()
    _die_with_parent()
    try:
        while True:
            try:
                item = conn.recv()
            except (EOFError, OSError):
                return
            if item is None:
                return
            i, task = item
            try:
                got = run_task(task)
            except Exception as e:  # a bug: fail this document, not the build
                got = DocOut(task.name, error=InputError(
                    task.name, f"ct2rdf failed on it ({type(e).__name__}: {e})",
                    "This is a bug in ct2rdf: please report it with the file"))
            conn.send((i, got))
    except interrupts.Interrupted as e:  # SIGTERM from the main process: temporary files are removed
        os._exit(e.exit_code)
    except OSError:  # the main process is gone
        os._exit(1)


def _die_with_parent() -> None:
    """Ask Linux to send SIGTERM to this worker when the main process dies (even by SIGKILL):
    no orphans.  Elsewhere the closed pipe ends the worker once its document is done."""
    import ctypes
    import signal

    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() == 1:  # the main process died before that
        os._exit(1)


def _warm(check: bool) -> None:
    """Import the pipeline, load jieba's dictionary and compile the shapes in this
    process (see :func:`_in_processes`)."""
    from .pipeline import process

    process("warm-up.txt", "安全理事会第1373(2001)号决议\n\n1. 决定所有国家应防止恐怖主义。".encode())
    if check:
        from .rdf.shacl import checker

        checker()
