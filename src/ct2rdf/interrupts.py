"""SIGINT and SIGTERM end a command like an error: clean-up, one line, exit 130 or 143.

SIGTERM is what ``timeout``, a CI cancellation and ``docker stop`` send; SIGINT
is Ctrl-C.  :func:`install` (called first thing by the ``ct2rdf`` command,
before the heavy imports) makes either raise :class:`Interrupted` in the main
thread, so every ``with``/``finally`` runs: staged files are removed
(:mod:`ct2rdf.atomic`), worker processes are stopped (:mod:`ct2rdf.engines`).
A second signal while that runs ends the process at once, after removing this
process's temporary files.
"""

from __future__ import annotations

import os
import signal

SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Interrupted(BaseException):
    """A signal asked the command to stop.  A BaseException, like KeyboardInterrupt,
    so no ``except Exception`` along the way swallows it."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum

    @property
    def name(self) -> str:
        return signal.Signals(self.signum).name

    @property
    def exit_code(self) -> int:
        """128 + the signal's number, as a shell reports a process a signal ended: 130, 143."""
        return 128 + self.signum


_received: list[int] = []
_note: list[str] = [""]


def install() -> None:
    """Raise :class:`Interrupted` on SIGINT and SIGTERM in this (the main) process."""
    for sig in SIGNALS:
        signal.signal(sig, _raise)


def received() -> int | None:
    """The signal that interrupted this process, if one did."""
    return _received[0] if _received else None


def note(text: str | None = None) -> str:
    """What the interrupt message adds about the output (``the previous output is
    unchanged``); set with ``text``, read without."""
    if text is not None:
        _note[0] = text
    return _note[0]


def _raise(signum, frame):
    if _received:  # a second signal: the clean-up is taking too long, leave now
        from .atomic import remove_live

        remove_live()
        os._exit(128 + signum)
    _received.append(signum)
    raise Interrupted(signum)


def in_worker() -> None:
    """A forked worker: Ctrl-C reaches the whole process group, but the main process
    decides (it stops its workers); SIGTERM, what it sends them, raises
    :class:`Interrupted` so the worker removes its temporary files and leaves."""
    from .atomic import forget_live

    forget_live()
    _received.clear()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _raise)
