"""Finding the input files: folders walked, and every path left out said, with why.

Archivists run ct2rdf unattended over folders they did not write.  A path
that is not read must never vanish without a word, so the walk returns what
it skipped beside what it found:

- a file named ``*.txt``/``*.md`` that is not a regular file (a FIFO, a
  device, a socket, a broken link, a link loop) or cannot be read is still
  an input: reading it fails with its reason (:func:`ct2rdf.work.read`), an
  Error, and the other files are built;
- a folder that cannot be listed is an Error: the texts inside are lost;
- a link to a folder already walked (a link to its own parent, or a second
  link to one folder) is a Warning: nothing is lost, it is read once;
- a hidden file or folder (its name starts with a dot: ``.git``, the
  ``._x.txt`` resource forks macOS leaves on shared drives) is a Warning.
  Named on the command line it is read like any file.

A folder named ``x.txt`` is a folder: it is walked.  Links to folders are
followed (a corpus assembled from links is read whole), real folders first,
so a file reached both ways keeps the name of its real place.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .errors import UsageError

INPUT_SUFFIXES = (".txt", ".md")


@dataclass(frozen=True)
class Source:
    """One input file and the name it gets in the graph (relative to its input root)."""

    path: Path
    name: str
    catalog_dir: Path


@dataclass(frozen=True)
class Skipped:
    """A path under an input folder that is not read, and why."""

    name: str  # relative to its input folder, as in the other messages; folders end in /
    cause: str
    fix: str
    error: bool  # an Error (text may be lost: exit 2) or a Warning

    def __str__(self) -> str:
        return f"{self.name}: {self.cause}. {self.fix}"


@dataclass
class Found:
    """The walk's result: the files to read, sorted by name, and what was skipped, in walk order."""

    sources: list[Source] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def find(inputs: Iterable[Path]) -> Found:
    """Expand folders into their text files; sort by name so order never matters."""
    found: dict[str, Source] = {}
    out = Found()
    for raw in inputs:
        path = Path(raw)
        if path.is_dir():
            _walk(path, found, out.skipped)
        else:
            _add(found, Source(path, path.name, path.parent))
    out.sources = [found[k] for k in sorted(found)]
    return out


def collect(inputs: Iterable[Path]) -> list[Source]:
    """The input files only (see :func:`find`)."""
    return find(inputs).sources


def _walk(root: Path, found: dict[str, Source], skipped: list[Skipped]) -> None:
    """Every input file under ``root``, without recursion (a folder may be nested deeply).

    Real folders are walked first, links to folders after, each folder once:
    ``seen`` holds the (device, inode) of every folder walked.
    """
    seen = {_identity(root)}
    links: deque[Path] = deque()
    stack = [root]
    while stack or links:
        if not stack:
            link = links.popleft()
            key = _identity(link)
            if key in seen:
                skipped.append(Skipped(_name(root, link) + "/", "a link to a folder read already "
                                       f"({os.readlink(link)}): read once", "Nothing is lost", False))
                continue
            seen.add(key)
            stack.append(link)
        folder = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as e:
            skipped.append(Skipped(_name(root, folder) + "/", f"cannot list the folder ({e.strerror})",
                                   "Check its permissions; the texts inside were not read", True))
            continue
        subfolders = []
        for e in entries:
            path = folder / e.name
            is_dir = _is_dir(e)
            if e.name.startswith("."):
                if is_dir or path.suffix.lower() in INPUT_SUFFIXES:
                    what = "folder" if is_dir else "file"
                    skipped.append(Skipped(_name(root, path) + "/" * is_dir,
                                           f"a hidden {what} (its name starts with a dot): skipped",
                                           "Rename it, or name it on the command line to read it", False))
            elif is_dir and e.is_symlink():
                links.append(path)
            elif is_dir:
                seen.add(_identity(path))
                subfolders.append(path)
            elif path.suffix.lower() in INPUT_SUFFIXES:
                _add(found, Source(path, _name(root, path), root))
        stack.extend(reversed(subfolders))


def _is_dir(entry: os.DirEntry) -> bool:
    """A folder, or a link to one; a broken link or a link loop is not (reading it says why)."""
    try:
        return entry.is_dir()
    except OSError:
        return False


def _identity(path: Path) -> tuple[int, int]:
    st = path.stat()
    return st.st_dev, st.st_ino


def _name(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix() if path != root else root.as_posix()


def _add(found: dict[str, Source], source: Source) -> None:
    """Add ``source`` unless the same file is there already.

    Two different files with one name (``a/x.txt`` and ``b/x.txt`` given as
    ``a b``) would share a ct:sourceFile and a catalog row: the second was
    silently dropped, and which one depended on the order of the inputs.
    """
    prev = found.get(source.name)
    if prev is None:
        found[source.name] = source
    elif not _same(prev.path, source.path):
        raise UsageError(
            f"two inputs have the same name {source.name} ({prev.path} and {source.path}). "
            "Rename one, or give their common parent folder instead"
        )


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except (OSError, RuntimeError):  # a link loop: compare the paths as given
        return a.absolute() == b.absolute()
