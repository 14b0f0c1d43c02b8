"""The output stage: the base IRI, the output path, and writing the graph.

Every failure here is the user's to fix (a typo in --base, a folder that is
not writable) and is raised as a :class:`UsageError` reading ``<cause>. <fix>``,
so the CLI prints one line and exits 2, never a traceback and never exit 1
(which means "the graph violates the shapes").
"""

from __future__ import annotations

import os
from pathlib import Path

import pyoxigraph as ox

from ..atomic import temp_path
from ..errors import UsageError


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


def check_writable(path: Path, flag: str = "-o") -> None:
    """Fail before the build, not after it, when ``path`` cannot be written.

    Beyond the permission bits (which root ignores) a file is made and removed
    where the output's temporary file will be: a read-only file system, a full
    quota or a folder that cannot hold files shows there, at once.
    """
    path = Path(path)
    if path.is_dir():
        raise UsageError(f"{flag} {path} is a folder. Name a file in it, e.g. {flag} {path / 'ct.ttl'}")
    if path.exists() and not path.is_file():
        return  # a device or a FIFO (-o /dev/null): written into, not replaced
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent  # the nearest existing ancestor: the build will create the rest
    if not folder.is_dir():
        raise UsageError(
            f"cannot write {path}: {folder} is a file, not a folder. Choose another {flag} path"
        )
    if not os.access(folder, os.W_OK | os.X_OK):
        raise UsageError(
            f"cannot write {path}: the folder {folder} is not writable. "
            f"Choose a folder you can write to with {flag}, or fix its permissions"
        )
    probe = temp_path(folder / path.name)
    try:
        os.close(os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        os.unlink(probe)
    except FileExistsError:
        pass  # our own leftover (a reused pid): the folder takes files
    except OSError as e:
        raise UsageError(
            f"cannot write {path}: {e.strerror or e} in {folder}. "
            f"Choose a folder you can write to with {flag}"
        ) from None
