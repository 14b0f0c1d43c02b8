"""The output stage: the base IRI, the output path, and writing the graph.

Every failure here is the user's to fix (a typo in --base, a folder that is
not writable) and is raised as a :class:`UsageError` reading ``<cause>. <fix>``,
so the CLI prints one line and exits 2, never a traceback and never exit 1
(which means "the graph violates the shapes").
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pyoxigraph as ox

from ..errors import UsageError
from .write import write_atomic


def check_base(base: str) -> None:
    """``base`` must be an absolute IRI ending in ``/`` or ``#`` (Oxigraph's IRI parser decides)."""
    try:
        ox.NamedNode(base)
    except ValueError as e:
        raise UsageError(
            f"--base {base!r} is not a valid absolute IRI ({e}). "
            "Give one such as https://example.org/id/"
        ) from None
    if not base.endswith(("/", "#")):
        raise UsageError(f"--base {base!r} must end with '/' or '#'. Add a trailing slash")


def check_writable(path: Path) -> None:
    """Fail before the build, not after it, when ``path`` cannot be written."""
    path = Path(path)
    if path.is_dir():
        raise UsageError(f"-o {path} is a folder. Name a file in it, e.g. -o {path / 'ct.ttl'}")
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent  # the nearest existing ancestor: the build will create the rest
    if not folder.is_dir():
        raise UsageError(
            f"cannot write {path}: {folder} is a file, not a folder. Choose another -o path"
        )
    if not os.access(folder, os.W_OK | os.X_OK):
        raise UsageError(
            f"cannot write {path}: the folder {folder} is not writable. "
            "Choose a folder you can write to with -o, or fix its permissions"
        )


def write_output(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically, or to standard output when ``path`` is ``-``."""
    if str(path) == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    try:
        write_atomic(Path(path), data)
    except OSError as e:
        cause = e.strerror or str(e)
        raise UsageError(
            f"cannot write {path} ({cause}). Choose a folder you can write to with -o"
        ) from None
