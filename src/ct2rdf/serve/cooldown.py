"""Queries that recently ran past a limit, refused for a while rather than run again.

A query that ran past the time limit (or its worker's memory ceiling) will
almost always do so again, and each try holds a worker for the whole time
limit: a client retrying it, or a page's user pressing "run" again, keeps
the other clients waiting.  :class:`Cooldown` remembers such queries (their
text and dataset, exactly) for ``seconds``; the pool refuses them at once in
that time, with the seconds left as ``Retry-After``.  It holds at most
``size`` of them, forgetting the oldest first.  A varied text is a new query:
this spares the workers from repeats, not from a determined attacker.
"""

from __future__ import annotations

import time
from collections import OrderedDict


class Cooldown:
    """Queries refused until a time; ``seconds`` 0 remembers none."""

    def __init__(self, seconds: float, size: int = 1024, clock=time.monotonic):
        self.seconds, self.size, self.clock = seconds, size, clock
        self.until: OrderedDict[str, float] = OrderedDict()

    @staticmethod
    def key(job: dict) -> str:
        """What makes two jobs the same query: text, dataset and bound variables."""
        return repr((job.get("query"), sorted(job.get("dataset", {}).items()),
                     sorted(job.get("bind", {}).items())))

    def add(self, job: dict) -> None:
        """Refuse ``job`` for the next ``seconds``."""
        if self.seconds <= 0:
            return
        key = self.key(job)
        self.until.pop(key, None)
        self.until[key] = self.clock() + self.seconds
        while len(self.until) > self.size:
            self.until.popitem(last=False)

    def left(self, job: dict) -> float:
        """Seconds ``job`` is still refused for (0: it may run)."""
        key = self.key(job)
        until = self.until.get(key)
        if until is None:
            return 0.0
        left = until - self.clock()
        if left <= 0:
            del self.until[key]
            return 0.0
        return left
