"""Where the per-document tasks run: this process, worker processes, or a Dask cluster.

Every engine returns the tasks' outputs in the tasks' order, so the build
is the same whatever ran it; only the time differs.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from .errors import UsageError
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
    from concurrent.futures import ProcessPoolExecutor

    _warm(tasks[0].check)  # load the dictionaries and shapes once, before the fork: the workers share them
    # fork: the workers start with the modules and dictionaries already loaded
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else None
    # a few tasks per round trip, but small enough to keep every worker busy to the end
    chunksize = max(1, min(16, len(tasks) // (jobs * 8)))
    with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx) as pool:
        return _collect(pool.map(run_task, tasks, chunksize=chunksize), progress)


def _warm(check: bool) -> None:
    """Import the pipeline, load jieba's dictionary and compile the shapes in this
    process (see :func:`_in_processes`)."""
    from .pipeline import process

    process("warm-up.txt", "安全理事会第1373(2001)号决议\n\n1. 决定所有国家应防止恐怖主义。".encode())
    if check:
        from .rdf.shacl import checker

        checker()
