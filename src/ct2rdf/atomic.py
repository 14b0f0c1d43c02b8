"""Files that appear whole or not at all: every file ct2rdf writes goes through here.

A file is written under a temporary name beside its target,
``.<name>.ct2rdf-tmp-<pid>`` (hidden, unmistakably ct2rdf's, naming the
process that writes it), flushed to disk and only then renamed over the
target.  A build stages all its files (the graph in every format, shards,
``void.ttl``, ``--stats``) and renames them together at the end
(:meth:`Staged.commit`, with SIGINT and SIGTERM held back for those few
renames), so an interrupted build leaves the previous output as it was, all
of it.

The temporary file has the mode ``open`` would give (0666 less the umask),
so the output is an ordinary file other users and a web server can read.
An interrupt or an error removes it; only SIGKILL (or a power cut) can
leave one behind, and :func:`remove_stale` removes those the next time.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path

from . import hooks
from .errors import OutputError

TMP_MARK = ".ct2rdf-tmp-"
# Temporary files this process is writing: removed on an interrupt, even one
# that arrives where no ``finally`` runs (a second Ctrl-C).
_live: set[str] = set()
# A temporary file untouched this long belongs to nobody, whatever its pid says.
STALE_AFTER = 24 * 3600.0


def temp_path(path: Path) -> Path:
    """The temporary name of ``path`` for this process: ``.ct.ttl.ct2rdf-tmp-1234`` beside it."""
    return path.parent / f".{path.name}{TMP_MARK}{os.getpid()}"


def temp_pid(name: str) -> int | None:
    """The pid in a temporary file's name, or None when ``name`` is not one of ours."""
    head, mark, pid = name.rpartition(TMP_MARK)
    if not mark or not head.startswith(".") or len(head) < 2 or not pid.isdigit():
        return None
    return int(pid)


def target(path: Path | str) -> Path:
    """Where writing ``path`` really writes: a symbolic link's file (the link stays a link)."""
    path = Path(path)
    return Path(os.path.realpath(path)) if path.is_symlink() else path


class Staged:
    """Files written under temporary names, renamed into place together by :meth:`commit`.

    Used as a context manager: whatever is not committed when the block ends
    (an error, an interrupt) is removed.  ``durable``: fsync each file and its
    folder, so a power cut after the commit cannot leave an empty file (the
    cache skips it: a lost cache entry is only made again).
    """

    def __init__(self, durable: bool = True):
        self.durable = durable
        self.pending: list[tuple[Path, Path]] = []  # (temporary file, target)
        self.obsolete: list[Path] = []  # removed by the commit (shards of an earlier, larger build)

    def __enter__(self) -> Staged:
        return self

    def __exit__(self, *exc) -> bool:
        self.discard()
        return False

    @contextlib.contextmanager
    def open(self, path: Path | str) -> Iterator[Counting]:
        """A binary file that will become ``path`` at :meth:`commit`.

        A failed write (a full disk, a quota) raises :class:`OutputError`
        naming ``path``; errors reading other files pass through unchanged.
        """
        path = target(path)
        tmp = temp_path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = _create(tmp)
        except OSError as e:
            raise OutputError(str(path), e) from None
        out = None
        try:
            with os.fdopen(fd, "wb", buffering=1 << 20) as f:
                out = Counting(f, path.name)
                yield out
                f.flush()
                if self.durable:
                    os.fsync(f.fileno())
        except OSError as e:
            _remove(tmp)
            if e.filename is not None:  # reading a chunk, not writing the output
                raise
            raise OutputError(str(path), e, out.n if out else 0) from None
        except BaseException:
            _remove(tmp)
            raise
        self.pending.append((tmp, path))

    def write(self, path: Path | str, data: bytes) -> None:
        """Stage ``data`` as the next contents of ``path``."""
        with self.open(path) as f:
            f.write(data)

    def commit(self, then=None) -> None:
        """Rename every staged file into place, remove the obsolete ones, call ``then()``.

        SIGINT and SIGTERM wait until that is done: an interrupt never leaves
        half of the new files beside half of the old ones, and ``then`` (the
        command noting that the output is written) runs before any handler.
        """
        mask = getattr(signal, "pthread_sigmask", None)  # POSIX; elsewhere the renames are unguarded
        old = mask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM}) if mask else None
        try:
            folders = set()
            for tmp, path in self.pending:
                os.replace(tmp, path)
                _live.discard(str(tmp))
                folders.add(path.parent)
            self.pending = []
            for path in self.obsolete:
                path.unlink(missing_ok=True)
            if self.durable:
                for folder in sorted(folders):
                    _sync_folder(folder)
            if then is not None:
                then()
        finally:
            if mask:
                mask(signal.SIG_SETMASK, old)

    def discard(self) -> None:
        """Remove every staged file not committed."""
        for tmp, _ in self.pending:
            _remove(tmp)
        self.pending = []


def write_atomic(path: Path | str, data: bytes, durable: bool = True) -> None:
    """Write ``data`` to ``path`` via a temporary file and a rename: never half a file."""
    with Staged(durable) as s:
        s.write(path, data)
        s.commit()


class Counting:
    """A binary file that counts what is written to it (for the dataset description)
    and passes through the test hook at its first write (see :mod:`ct2rdf.hooks`)."""

    def __init__(self, f, name: str = ""):
        self.f, self.n, self.name = f, 0, name

    def write(self, data: bytes) -> int:
        first = self.n == 0 and data
        self.n += len(data)
        written = self.f.write(data)
        if first and hooks.ACTIVE:
            self.f.flush()  # the temporary file holds these bytes when the hook pauses
            hooks.at("write", self.name)
        return written

    def flush(self) -> None:
        self.f.flush()


def remove_stale(folders, by_pid: bool = True) -> list[Path]:
    """Remove the temporary files a killed ct2rdf left in ``folders``; return them.

    Safe because only names of the form ``.<name>.ct2rdf-tmp-<pid>`` are
    touched (no other program makes them, and no user names a file so), and
    only when no process with that pid runs on this machine (a dead writer
    writes no more) or the file was untouched for :data:`STALE_AFTER`.  A
    running build's file has a live pid and is never removed.  ``by_pid=False``
    (a cache other machines may share, where a pid says nothing): age only.
    """
    removed = []
    now = time.time()
    for folder in folders:
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            pid = temp_pid(entry.name)
            if pid is None or pid == os.getpid() or not entry.is_file(follow_symlinks=False):
                continue
            try:
                old = now - entry.stat(follow_symlinks=False).st_mtime > STALE_AFTER
                if old or (by_pid and not _alive(pid)):
                    os.unlink(entry.path)
                    removed.append(Path(entry.path))
            except OSError:
                continue
    return removed


def remove_stale_spools(parent: Path, prefix: str) -> list[Path]:
    """Remove this user's folders ``<prefix><pid>-*`` in ``parent`` (the temp dir) whose
    process is dead: the spool of a build killed by SIGKILL.  Same reasoning as
    :func:`remove_stale`; another user's folders are never touched."""
    import shutil

    removed = []
    try:
        entries = list(os.scandir(parent))
    except OSError:
        return removed
    for entry in entries:
        pid, _, rest = entry.name.removeprefix(prefix).partition("-")
        if (not entry.name.startswith(prefix) or not pid.isdigit() or not rest
                or int(pid) == os.getpid() or _alive(int(pid))):
            continue
        try:
            if entry.is_dir(follow_symlinks=False) and entry.stat().st_uid == os.getuid():
                shutil.rmtree(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue
    return removed


def remove_live() -> None:
    """Remove this process's temporary files (an interrupt that skips the ``finally`` blocks)."""
    for tmp in list(_live):
        _remove(Path(tmp))


def forget_live() -> None:
    """A forked worker: the parent's temporary files are the parent's to remove."""
    _live.clear()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def _create(tmp: Path) -> int:
    """Open ``tmp`` new, mode 0666 less the umask; a leftover of a dead process with our
    pid (pids are reused) is replaced."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(tmp, flags, 0o666)
    except FileExistsError:
        tmp.unlink(missing_ok=True)
        fd = os.open(tmp, flags, 0o666)
    _live.add(str(tmp))
    return fd


def _remove(tmp: Path) -> None:
    _live.discard(str(tmp))
    with contextlib.suppress(OSError):
        os.unlink(tmp)


def _sync_folder(folder: Path) -> None:
    """fsync a folder, so the renames in it survive a power cut (where the OS allows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError as e:
        if e.errno not in (errno.EINVAL, errno.EBADF):
            raise
    finally:
        os.close(fd)
