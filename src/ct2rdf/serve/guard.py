"""What a query asks for, read before any engine sees it: its form, and whether it is refused.

The endpoint is read-only and never fetches a URL, so SPARQL Update and
``SERVICE`` are refused.  Oxigraph would run both (pyoxigraph ships an HTTP
client for ``SERVICE``), and it exposes no algebra to inspect, so the check is a
small scanner over SPARQL's lexical grammar: it skips strings, comments and
IRIs, variables and prefixed names, and yields the bare words, which are the
only places a keyword can stand.  ``?service``, ``ex:SERVICE``,
``"SERVICE"``, ``<http://x/SERVICE>`` and ``# SERVICE`` are not keywords;
``service``, ``SERVICE#…\\n<…>`` and ``true.SERVICE`` are.  The scanner errs
towards refusing: a query it misreads is refused, never run with a SERVICE.
(Worker processes also run without a network where Linux allows it:
:mod:`ct2rdf.serve.worker`.)
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

QUERY_FORMS = frozenset({"SELECT", "CONSTRUCT", "DESCRIBE", "ASK"})
# The first keyword of every SPARQL 1.1 Update operation (WITH opens DELETE/INSERT … WHERE).
UPDATE_KEYWORDS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD",
                             "WITH"})
PROLOGUE = frozenset({"BASE", "PREFIX"})
# Characters IRIREF excludes besides whitespace and controls (SPARQL 1.1 grammar, rule 139).
NOT_IN_IRI = frozenset('<>"{}|^`\\')
# What a prefixed name's local part may hold besides name characters (PN_LOCAL, with escapes).
LOCAL_EXTRA = ".-%:\\"


class Refused(ValueError):
    """A request the endpoint will not run; the message says why and what to do."""


@dataclass(frozen=True)
class QueryInfo:
    """``form``: SELECT, CONSTRUCT, DESCRIBE or ASK; None when the text opens with none of them."""

    form: str | None


def inspect(text: str) -> QueryInfo:
    """The form of query ``text``; raises :class:`Refused` for SPARQL Update or SERVICE."""
    form = None
    for word, bare in words(text):
        upper = word.upper()
        if upper == "SERVICE":
            raise Refused("SERVICE is refused: this endpoint never fetches other endpoints. "
                          "Query each endpoint yourself and join the answers locally")
        if bare and form is None and upper not in PROLOGUE:
            if upper in UPDATE_KEYWORDS:
                raise Refused(f"SPARQL Update ({upper}) is refused: this endpoint is read-only. "
                              "Send a SELECT, ASK, CONSTRUCT or DESCRIBE query")
            form = upper if upper in QUERY_FORMS else ""
    return QueryInfo(form or None)


def words(text: str) -> Iterator[tuple[str, bool]]:
    """The words of ``text`` outside strings, comments, IRIs and variables, each with ``bare``.

    A prefixed name yields the words of its prefix with ``bare`` False:
    Oxigraph reads ``SERVICE:x`` as the keyword SERVICE and the name ``:x``.
    """
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "#":
            i = _line_end(text, i)
        elif c in "\"'":
            i = _string_end(text, i)
        elif c == "<" and (end := _iri_end(text, i)) is not None:
            i = end
        elif c in "?$":
            i = _name_end(text, i + 1, "")
        elif c == ":":  # a prefixed name in the default prefix (":x")
            i = _name_end(text, i + 1, LOCAL_EXTRA)
        elif _is_name_char(c):
            end = _name_end(text, i, ".-")
            bare = not (end < len(text) and text[end] == ":")
            # "true.SERVICE": dots and hyphens inside a keyword's run end the keyword
            for piece in text[i:end].replace("-", ".").split("."):
                if piece:
                    yield piece, bare
            i = end if bare else _name_end(text, end + 1, LOCAL_EXTRA)
        else:
            i += 1


def _is_name_char(c: str) -> bool:
    return c.isalnum() or c == "_" or ord(c) >= 0x80


def _name_end(text: str, i: int, extra: str) -> int:
    """End of the name starting at ``i``: name characters and those of ``extra``."""
    n = len(text)
    while i < n and (_is_name_char(text[i]) or text[i] in extra):
        i += 2 if text[i] == "\\" else 1
    return min(i, n)


def _line_end(text: str, i: int) -> int:
    end = text.find("\n", i)
    return len(text) if end < 0 else end + 1


def _string_end(text: str, i: int) -> int:
    """End of the string literal opening at ``i`` ('…', "…", '''…''' or \"\"\"…\"\"\"), escapes skipped."""
    quote = text[i] * 3 if text.startswith(text[i] * 3, i) else text[i]
    j, n = i + len(quote), len(text)
    while j < n:
        if text[j] == "\\":
            j += 2
        elif text.startswith(quote, j):
            return j + len(quote)
        else:
            j += 1
    return n


def _iri_end(text: str, i: int) -> int | None:
    """End of the IRIREF opening at ``i``, or None when this '<' is the less-than operator."""
    j, n = i + 1, len(text)
    while j < n:
        c = text[j]
        if c == ">":
            return j + 1
        if c in NOT_IN_IRI or ord(c) <= 0x20:
            return None
        j += 1
    return None
