"""Faults on demand, for tests only: ``CT2RDF_TEST_HOOKS`` makes a build pause,
die or find the disk full at a named point, so a test can signal or kill a real
``ct2rdf build`` exactly there (tests/test_faults.py).

``CT2RDF_TEST_HOOKS="POINT[:NAME]=ACTION,…"``.  The points:

* ``start``: the command has set its signal handlers and imported nothing heavy;
* ``extract:<file>``: a worker is about to process input ``<file>``;
* ``write:<file>``: the first bytes of output ``<file>`` (``ct.ttl``,
  ``void.ttl``, ``part-00000.nq``) are in its temporary file.

The actions: ``pause`` (print ``ct2rdf-hook: POINT NAME`` on standard error, then
sleep up to a minute: the test's moment to send a signal), ``exit`` (the process
ends at once with status 70, no clean-up), ``kill`` (SIGKILL itself), ``enospc``
(raise ``OSError(ENOSPC)``, as a full disk does).  Unset, each point costs one
test of :data:`ACTIVE`.
"""

from __future__ import annotations

import errno
import os
import signal
import sys
import time

ENV = "CT2RDF_TEST_HOOKS"


def _parse(spec: str) -> dict[tuple[str, str], str]:
    out = {}
    for item in filter(None, (s.strip() for s in spec.split(","))):
        where, _, action = item.partition("=")
        point, _, name = where.partition(":")
        out[(point, name)] = action
    return out


_HOOKS = _parse(os.environ.get(ENV, ""))
ACTIVE = bool(_HOOKS)


def at(point: str, name: str = "") -> None:
    """Act as ``CT2RDF_TEST_HOOKS`` says at ``point`` (for ``name``), if it says anything."""
    action = _HOOKS.get((point, name)) or _HOOKS.get((point, ""))
    if action is None:
        return
    if action == "pause":
        print(f"ct2rdf-hook: {point} {name}".rstrip(), file=sys.stderr, flush=True)
        time.sleep(60)
    elif action == "exit":
        os._exit(70)
    elif action == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    elif action == "enospc":
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
