"""A pool of query worker processes, each killed and replaced when its query runs too long.

Oxigraph runs a query in native code and offers no way to stop it, so a
thread cannot be cut off: a process can.  Every worker loads the same N-Quads
file into memory, so a fresh one is ready in a fraction of a second for
graphs of the seeds' size (~0.3 s per 100k triples; see
:mod:`ct2rdf.serve.worker`).  At most ``max_queue`` requests wait for an idle
worker, each at most the time limit; one more is refused at once
(:class:`Busy`, with a ``Retry-After``) rather than queued for ever, so a
burst of slow queries costs the server a bounded number of waiting requests.
A query past the time limit gets :class:`TimedOut` while the other workers
keep answering, and the same query sent again within ``cooldown`` seconds is
refused without running (:class:`Cooling`; :mod:`ct2rdf.serve.cooldown`).
"""

from __future__ import annotations

import asyncio
import logging
import math
import os
import socket
import subprocess
import sys
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path

from .cooldown import Cooldown

# A worker that has not loaded the graphs by then is broken, not slow.
STARTUP_SECONDS = 60
log = logging.getLogger("uvicorn.error")


class PoolError(Exception):
    """A job that got no answer: ``status`` and ``message`` are what the client is told."""

    status = 503
    retry_after: int | None = None  # seconds, when trying again later may well succeed


class TimedOut(PoolError):
    """The query ran past the time limit; its worker was killed."""


class Busy(PoolError):
    """No worker became free within the time limit, or too many requests wait for one already."""

    retry_after = 1


class Cooling(PoolError):
    """The same query ran past a limit a moment ago: refused without running, until ``retry_after``."""

    def __init__(self, message: str, retry_after: int):
        super().__init__(message)
        self.retry_after = retry_after


class Gone(PoolError):
    """The client hung up while its query waited for a worker: it is not run."""

    status = 499


class Died(PoolError):
    """The worker ended during the query (out of memory, or a crash)."""


@dataclass(eq=False)
class Worker:
    """One worker process and its end of the socket."""

    process: subprocess.Popen
    conn: Connection
    hello: dict = field(default_factory=dict)

    def call(self, job: dict, timeout: float) -> tuple | None:
        """Send ``job`` and wait for the answer; None when ``timeout`` seconds pass first."""
        try:
            self.conn.send(job)
            if not self.conn.poll(timeout):
                return None
            return self.conn.recv()
        except (EOFError, OSError):
            raise Died("the query stopped its worker process (it may need more memory than this "
                       "server allows); try a narrower query") from None

    def kill(self) -> None:
        """Stop the process now and reap it."""
        self.process.kill()
        self.process.wait()
        self.conn.close()


def spawn(data: Path, max_memory_mb: int) -> Worker:
    """Start a worker on the N-Quads file ``data`` and wait until it has loaded it."""
    ours, theirs = socket.socketpair()
    package_root = str(Path(__file__).resolve().parents[2])  # the folder holding ct2rdf/
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [package_root,
                                                                   os.environ.get("PYTHONPATH")])))
    with theirs:
        process = subprocess.Popen(
            [sys.executable, "-m", "ct2rdf.serve.worker", str(theirs.fileno()), str(data),
             str(max_memory_mb)],
            pass_fds=[theirs.fileno()], stdin=subprocess.DEVNULL, env=env)
    conn = Connection(ours.detach())
    worker = Worker(process, conn)
    try:
        if not conn.poll(STARTUP_SECONDS):
            raise RuntimeError("a query worker did not start in time")
        worker.hello = conn.recv()
    except (EOFError, OSError, RuntimeError) as e:
        worker.kill()
        raise RuntimeError(f"a query worker could not load the graphs ({e}); see above") from None
    return worker


class Pool:
    """``size`` workers over the N-Quads file ``data``; :meth:`run` answers one job within ``timeout`` s."""

    def __init__(self, data: Path, size: int, timeout: float, max_memory_mb: int, max_queue: int = 64,
                 cooldown: float = 0.0):
        self.data, self.size, self.timeout, self.max_memory_mb = data, size, timeout, max_memory_mb
        self.max_queue, self.waiting = max_queue, 0
        self.cooldown = Cooldown(cooldown)
        self.workers: set[Worker] = set()
        self.idle: asyncio.Queue[Worker] | None = None
        self.executor = ThreadPoolExecutor(max_workers=size, thread_name_prefix="ct2rdf-query")
        self.respawning: set[asyncio.Task] = set()

    async def start(self) -> list[dict]:
        """Start every worker; their greetings (pid, whether the network is isolated)."""
        self.idle = asyncio.Queue()
        started = await asyncio.gather(*(asyncio.to_thread(spawn, self.data, self.max_memory_mb)
                                         for _ in range(self.size)))
        for w in started:
            self.workers.add(w)
            self.idle.put_nowait(w)
        return [w.hello for w in started]

    async def run(self, job: dict, wanted: Callable[[], Awaitable[bool]] | None = None) -> tuple:
        """The worker's answer to ``job``; raises a :class:`PoolError` when there is none.

        ``wanted``, asked once a worker is free, says whether the client still waits for the
        answer: a query sent by a client that has hung up is not run (:class:`Gone`).
        """
        if (left := self.cooldown.left(job)) > 0:
            raise Cooling(f"this query ran past a limit of this server less than {self.cooldown.seconds:g} s "
                          f"ago and is refused for {math.ceil(left)} s more (--cooldown). "
                          "Narrow it, or add LIMIT", math.ceil(left))
        if self.idle.empty() and self.waiting >= self.max_queue:
            raise Busy(f"all {self.size} query workers are busy and {self.waiting} queries wait for them, "
                       "this server's limit (--max-queue). Try again shortly")
        self.waiting += 1
        try:
            worker = await asyncio.wait_for(self.idle.get(), self.timeout)
        except TimeoutError:
            raise Busy(f"all {self.size} query workers stayed busy for {self.timeout:g} s; "
                       "try again shortly") from None
        finally:
            self.waiting -= 1
        try:
            gone = wanted is not None and not await wanted()
        except BaseException:
            self.idle.put_nowait(worker)
            raise
        if gone:
            self.idle.put_nowait(worker)
            raise Gone("the client hung up before its query ran")
        loop = asyncio.get_running_loop()
        future = loop.run_in_executor(self.executor, worker.call, job, self.timeout)
        try:
            answer = await asyncio.shield(future)
        except asyncio.CancelledError:  # the client left: settle the worker when its query ends
            future.add_done_callback(lambda f: self._settle(worker, f, job))
            raise
        except Died:
            self._replace(worker)
            self.cooldown.add(job)
            raise
        if answer is None:
            self._replace(worker)
            self.cooldown.add(job)
            raise TimedOut(f"the query ran past this server's time limit of {self.timeout:g} s "
                           "(--timeout) and was stopped. Add LIMIT or narrow the query")
        self.idle.put_nowait(worker)
        return answer

    def _settle(self, worker: Worker, future, job: dict) -> None:
        if future.exception() is None and future.result() is not None:
            self.idle.put_nowait(worker)
        else:
            self._replace(worker)
            self.cooldown.add(job)

    def _replace(self, worker: Worker) -> None:
        """Kill ``worker`` and start another in the background."""
        log.info("query worker %s stopped (time limit or memory ceiling); starting another",
                 worker.process.pid)
        worker.kill()
        self.workers.discard(worker)
        task = asyncio.get_running_loop().create_task(self._respawn())
        self.respawning.add(task)
        task.add_done_callback(self.respawning.discard)

    async def _respawn(self) -> None:
        try:
            worker = await asyncio.to_thread(spawn, self.data, self.max_memory_mb)
        except RuntimeError as e:
            log.error("%s; %d query workers remain", e, len(self.workers))
            return
        self.workers.add(worker)
        self.idle.put_nowait(worker)

    async def close(self) -> None:
        """Stop every worker."""
        for task in list(self.respawning):
            task.cancel()
        for worker in list(self.workers):
            worker.kill()
        self.workers.clear()
        self.executor.shutdown(wait=False, cancel_futures=True)
