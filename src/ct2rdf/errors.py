"""The exceptions ct2rdf raises, each with an exit code for the CLI."""

from __future__ import annotations


class Ct2rdfError(Exception):
    """Base class: a problem the user can act on.

    The message reads ``<cause>. <fix>``; the CLI prints it as ``Error: …``.
    """

    exit_code = 2


class InputError(Ct2rdfError):
    """A bad input file: undecodable, empty, or not a recognizable document."""

    def __init__(self, path: str, cause: str, fix: str):
        self.path, self.cause, self.fix = path, cause, fix
        super().__init__(f"{path}: {cause}. {fix}")

    def __reduce__(self):
        # what pickle calls: the three arguments, so an error made in a worker
        # process (or read from the cache) arrives whole
        return (type(self), (self.path, self.cause, self.fix))


class UsageError(Ct2rdfError):
    """Bad options or arguments."""


class ValidationFailed(Ct2rdfError):
    """The graph does not conform to the shapes."""

    exit_code = 1


class OutputError(UsageError):
    """An output file could not be written (a full disk, a quota, a read-only file system).

    ``written`` bytes had gone into its temporary file, which is removed: the
    previous output is unchanged.
    """

    def __init__(self, path: str, error: OSError, written: int = 0):
        self.path, self.errno, self.written = path, error.errno, written
        super().__init__(_output_message(path, error, written))

    def __reduce__(self):
        return (type(self), (self.path, OSError(self.errno, _strerror(self.errno)), self.written))


def _strerror(code: int | None) -> str:
    import os

    return os.strerror(code) if code else "unknown error"


def _output_message(path: str, error: OSError, written: int) -> str:
    import errno

    so_far = f"{written / 1e6:.1f} MB written" if written >= 100_000 else f"{written:,} bytes written"
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        what = "no space left on device" if error.errno == errno.ENOSPC else "disk quota exceeded"
        return (f"{path}: {what} ({so_far}; the previous output is unchanged). "
                "Free space or choose another -o.")
    if error.errno == errno.EROFS:
        return f"{path}: read-only file system. Choose another -o."
    cause = error.strerror or str(error)
    return f"cannot write {path} ({cause}). Choose a folder you can write to with -o"
