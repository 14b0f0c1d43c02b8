"""The per-document stage on a Dask cluster (``ct2rdf build --engine dask``).

The workers of a cluster need not see this machine's files: each task
carries its file's bytes and returns its chunks as bytes, which this process
writes into its cache (or spool) as they arrive; futures are released at
once, so memory holds the documents in flight, not the corpus.  Files whose
chunks are cached here are not sent at all.  Without ``--scheduler`` a
``LocalCluster`` of one single-threaded worker process per core is started
(and stopped) for the build.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import replace

from .errors import InputError, UsageError
from .work import DocOut, Task, cache_key, load, materialize, read_input, run_task


def run_dask(tasks: list[Task], *, scheduler: str | None = None,
             progress: Callable[[int], None] | None = None) -> list[DocOut]:
    """Run ``tasks`` on a Dask cluster; outputs in task order, as the local engines give them."""
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise UsageError("--engine dask needs dask.distributed. "
                         "Install it: pip install 'dask[distributed]'") from None
    out: list[DocOut | None] = [None] * len(tasks)
    todo: list[tuple[int, Task]] = []  # with the file's bytes, read once here
    for i, t in enumerate(tasks):
        done = _local(t)
        if isinstance(done, DocOut):
            out[i] = done
        else:
            todo.append((i, replace(t, data=done, inline=True, keep=False)))
    finished = len(tasks) - len(todo)
    if todo:
        with _client(scheduler, Client, LocalCluster) as client:
            futures = client.map(run_task, [t for _, t in todo], pure=False)
            where = {f.key: (i, t) for f, (i, t) in zip(futures, todo, strict=True)}
            suspects: list[tuple[int, Task]] = []
            for future in as_completed(futures):
                i, t = where[future.key]
                if _killed(future):
                    # a worker that dies takes every task it held down with it: a document
                    # that only shared a worker with the culprit gets a second chance below
                    suspects.append((i, t))
                    future.release()
                    continue
                out[i] = _take(_result(future, t), t)
                future.release()
                finished += 1
                if progress is not None:
                    progress(finished)
            for i, t in suspects:  # one at a time: alone, only the culprit dies again
                future = client.submit(run_task, t, pure=False)
                out[i] = _take(_result(future, t), t)
                future.release()
                finished += 1
                if progress is not None:
                    progress(finished)
    return out  # type: ignore[return-value]


def _killed(future) -> bool:
    """True when Dask gave up on the task because the workers running it died."""
    return future.status == "error" and type(future.exception()).__name__ == "KilledWorker"


def _take(got: DocOut, t: Task) -> DocOut:
    return materialize(got, t.folder) if got.ok else replace(got, name=t.name)


def _result(future, t: Task) -> DocOut:
    """The task's output, or an error naming its file when its workers died (Dask tries
    a task whose worker died on others, ``distributed.scheduler.allowed-failures``
    more times, then gives up with KilledWorker) or it raised: that document fails,
    the others are built."""
    try:
        return future.result()
    except Exception as e:
        if type(e).__name__ == "KilledWorker":
            cause = "every Dask worker that tried to build it died"
            fix = ("The other files were built; build again, and if it dies again check the file "
                   "and the workers' memory")
        else:
            cause = f"ct2rdf failed on it on a Dask worker ({type(e).__name__}: {e})"
            fix = "This is a bug in ct2rdf: please report it with the file"
        return DocOut(t.name, error=InputError(t.name, cause, fix))


def _local(t: Task) -> DocOut | bytes:
    """The answer this process gives without the cluster (unreadable, or cached),
    else the file's bytes to send."""
    data = read_input(t)
    if isinstance(data, DocOut):
        return data
    cached = load(t.folder, cache_key(t, hashlib.sha256(data).hexdigest()))
    return replace(cached, name=t.name, reused=True) if cached is not None else data


def _ctrl_c_plugin():
    """A worker plugin making our local cluster's workers ignore SIGINT.

    Ctrl-C reaches every process of the terminal's process group, the
    cluster's workers too, which then died printing KeyboardInterrupt
    tracebacks; the build itself stops them (closing the cluster).  It also
    runs on workers the nanny restarts.  Never for a cluster of ``--scheduler``:
    whose workers answer Ctrl-C is their owner's business.
    """
    from dask.distributed import WorkerPlugin

    class IgnoreCtrlC(WorkerPlugin):
        name = "ct2rdf-ignore-sigint"

        def setup(self, worker):
            import signal

            try:
                signal.signal(signal.SIGINT, signal.SIG_IGN)
            except ValueError:  # not the worker's main thread: leave it
                pass

    return IgnoreCtrlC()


class _client:
    """A Dask client on ``scheduler``, or on a LocalCluster started (and stopped) here."""

    def __init__(self, scheduler, Client, LocalCluster):
        self.scheduler, self.Client, self.LocalCluster, self.cluster = scheduler, Client, LocalCluster, None

    def __enter__(self):
        from .engines import default_jobs

        try:
            if self.scheduler:
                self.client = self.Client(self.scheduler, timeout="10s")
            else:
                self.cluster = self.LocalCluster(n_workers=default_jobs(), threads_per_worker=1,
                                                 processes=True, dashboard_address=None)
                self.client = self.Client(self.cluster)
                self.client.register_plugin(_ctrl_c_plugin())
        except OSError as e:
            raise UsageError(f"cannot reach the Dask scheduler {self.scheduler} ({e}). "
                             "Check the address, or leave out --scheduler for a local cluster") from None
        return self.client

    def __exit__(self, *exc):
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
        return False
