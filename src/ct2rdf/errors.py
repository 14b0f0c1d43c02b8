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
