"""Keeping the chunk cache from growing forever: entries no build has used for a while are removed.

The cache (see :mod:`ct2rdf.work`) holds one *entry* per document version a
build has made: ``<key>.pkl`` (the summary) and its chunks ``<key>.ttl``,
``<key>.nq``.  An edited file gets a new key, a new tool version gives every
file one, so without pruning the folder only grows.  After each build with a
cache, :func:`prune` removes the entries this build did not use and no build
has used for ``days`` days (``ct2rdf build --cache-days``, 30 by default): a
build that reuses an entry touches its summary, so an entry's age is the
time since it was last used, and a corpus built once a month keeps its cache
while other corpora share the folder.
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

from .atomic import TMP_MARK, temp_pid

CACHE_DAYS = 30.0
# what an entry's files end with: its summary and every chunk format (ct2rdf.work.FORMATS)
_SUFFIXES = frozenset(("pkl", "ttl", "nq"))
_HEX = frozenset("0123456789abcdef")
_KEY_LENGTH = 32  # hex digits of ct2rdf.work.cache_key


def prune(folder: Path | str, used: set[str], days: float = CACHE_DAYS, now: float | None = None) -> int:
    """Remove the entries of ``folder`` whose key is not in ``used`` and whose newest
    file is older than ``days`` days; return how many entries were removed.

    Only files named as entries are looked at (``<key>.<suffix>`` with a key of
    32 hex digits, and the temporary files a killed build left of them, see
    :mod:`ct2rdf.atomic`): a cache folder shared with anything else loses
    nothing else.
    """
    cutoff = (time.time() if now is None else now) - days * 86400
    entries: dict[str, list[tuple[str, float]]] = {}
    try:
        scan = os.scandir(folder)
    except OSError:
        return 0
    with scan:
        for f in scan:
            key = entry_key(f.name)
            if key is None or key in used or not f.is_file(follow_symlinks=False):
                continue
            with contextlib.suppress(OSError):
                entries.setdefault(key, []).append((f.path, f.stat(follow_symlinks=False).st_mtime))
    removed = 0
    for files in entries.values():
        if max(mtime for _, mtime in files) >= cutoff:
            continue
        for path, _ in files:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(path)
        removed += 1
    return removed


def entry_key(name: str) -> str | None:
    """The key of a cache file's name, None if the name is not an entry's.

    ``0123…cdef.nq`` → ``0123…cdef``; the temporary file it is written as,
    ``.0123…cdef.nq.ct2rdf-tmp-4242``, → the same key; ``notes.txt`` → None.
    """
    if temp_pid(name) is not None:
        name = name.rpartition(TMP_MARK)[0][1:]
    parts = name.split(".")
    if len(parts) != 2 or parts[1] not in _SUFFIXES:
        return None
    key = parts[0]
    return key if len(key) == _KEY_LENGTH and set(key) <= _HEX else None


def touch(path: Path | str) -> None:
    """Mark an entry's file as used now (best effort: a read-only cache is still read)."""
    with contextlib.suppress(OSError):
        os.utime(path)
