"""Load RDF files into an in-memory Oxigraph store, for ``ct2rdf query`` and ``ct2rdf serve``.

The format of each file follows its extension (``.ttl``, ``.nt``, ``.nq``,
``.trig``, ``.jsonld``, ``.rdf``/``.owl``/``.xml``, ``.n3``, each optionally
``.gz``).  Triple formats go to the default graph; the named graphs of
N-Quads, TriG and JSON-LD are kept as they are.

With ``union`` (the default) the default graph is then also made the RDF
merge of every graph: each triple of a named graph is copied into it once.
Oxigraph's own ``use_default_graph_as_union`` matches a triple once *per
graph* holding it, so a triple stated by two documents' graphs would give
two answers on ``ct.nq`` and one on ``ct.ttl``; the copy gives set semantics,
and the same answers whatever format the graph was written in.
"""

from __future__ import annotations

import gzip
import os
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox

from ..errors import InputError, UsageError

# Extension → format.  .xml is RDF/XML: a SPARQL results file is no graph.
FORMATS: dict[str, ox.RdfFormat] = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
    ".xml": ox.RdfFormat.RDF_XML,
    ".n3": ox.RdfFormat.N3,
}
KNOWN = ", ".join(FORMATS) + " (each optionally .gz)"

# Copies every triple of a named graph into the default graph (a set: once each).
_UNION = "INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"


def rdf_format(path: Path) -> ox.RdfFormat:
    """The RDF format of ``path`` by its extension, or a UsageError listing the known ones."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes[-1:] == [".gz"]:
        suffixes.pop()
    ext = suffixes[-1] if suffixes else ""
    if ext not in FORMATS:
        what = f"extension {ext}" if ext else "no extension"
        raise UsageError(f"{path}: unknown RDF format ({what}). "
                         f"Give a file ending in {KNOWN}, or rename it")
    return FORMATS[ext]


def load(paths: Iterable[str | os.PathLike], *, union: bool = True) -> ox.Store:
    """A new in-memory store holding every file of ``paths``.

    Raises :class:`UsageError` for an unknown extension or no file at all, and
    :class:`InputError` (``<file>: line L, column C: <reason>. <fix>``) for a
    file that is missing, unreadable or not valid in its format.  Relative
    IRIs in a file resolve against the file's own ``file:`` URI, as rdflib does.
    """
    paths = [Path(p) for p in paths]
    if not paths:
        raise UsageError("no graph file given. Name one or more, e.g. out/ct.ttl")
    for p in paths:  # every name checked before any file is read
        if p.is_dir():
            raise InputError(str(p), "is a folder", f"Name the graph files in it, e.g. {p / '*.ttl'}")
    formats = [rdf_format(p) for p in paths]
    store = ox.Store()
    for path, fmt in zip(paths, formats, strict=True):
        _load_file(store, path, fmt)
    if union and any(True for _ in store.named_graphs()):
        store.update(_UNION)
    return store


def _load_file(store: ox.Store, path: Path, fmt: ox.RdfFormat) -> None:
    base = path.resolve().as_uri()
    try:
        if path.suffix.lower() == ".gz":
            with gzip.open(path, "rb") as stream:
                store.bulk_load(stream, fmt, base_iri=base)
        else:
            store.bulk_load(path=path, format=fmt, base_iri=base)
    except FileNotFoundError:
        raise InputError(str(path), "no such file", "Check the path") from None
    except PermissionError:
        raise InputError(str(path), "cannot be read (permission denied)",
                         "Fix its permissions") from None
    except SyntaxError as e:
        raise InputError(str(path), syntax_reason(e),
                         f"Fix the file there, or check that it is {fmt.name}") from None
    except (OSError, EOFError, ValueError, UnicodeDecodeError) as e:
        # a corrupt .gz, bytes that are not UTF-8, an I/O error
        reason = str(e).rstrip(".") or type(e).__name__
        raise InputError(str(path), f"cannot be read ({reason})",
                         f"Check that it is {fmt.name}") from None


def syntax_reason(e: SyntaxError) -> str:
    """``line L, column C: <reason>`` from an Oxigraph parse error (its reason alone if unplaced).

    Oxigraph's message reads ``Parser error at line 2 between columns 14 and 15:
    <reason>`` (or ``at line 1 column 10: <reason>``); lines and columns count
    from 1, columns in characters.
    """
    reason = e.msg.split(": ", 1)[-1].strip().rstrip(".")
    if e.lineno is None:
        return reason
    return f"line {e.lineno}, column {e.offset}: {reason}"
