"""RDF terms and triples as N-Triples text: the graph's wire form between stages.

Building rdflib terms and adding them to a ``Graph`` costs ~15 µs a triple
and holds ~1.7 KB a triple; a document's triples as text cost ~1 µs each and
go straight to Oxigraph's parser (Rust), to pyrudof, to a cache file or to
another process.  A triple is a tuple of three encoded terms:

* an IRI is the bare IRI string (subjects and predicates are always IRIs);
* an object is already encoded: ``<iri>`` or a literal ``"…"``, ``"…"@zh``,
  ``"…"^^<datatype>`` (see :func:`iri`, :func:`text`, :func:`typed`).

Every IRI ct2rdf makes is percent-encoded ASCII (see ``graph.iri``), so only
literals need escaping; Oxigraph parses each document's text, so a mistake
here is an error at build time, never a silent bad file.
"""

from __future__ import annotations

import datetime as dt
import re
from operator import itemgetter

from rdflib.namespace import RDF, XSD

RDF_TYPE = str(RDF.type)
_XSD = str(XSD)

# How Oxigraph escapes a quoted literal (so our text is its text, byte for
# byte): ECHARs for \b \t \n \f \r " \\, \uXXXX for the other C0 controls and DEL.
_ESCAPES = str.maketrans({
    **{chr(c): f"\\u{c:04X}" for c in (*range(0x20), 0x7F)},
    "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r", '"': '\\"', "\\": "\\\\",
})


def iri(value: str) -> str:
    """An IRI as an object term: ``<value>``."""
    return f"<{value}>"


def text(value: str, lang: str | None = None) -> str:
    """A string literal, with a language tag if given."""
    quoted = f'"{value.translate(_ESCAPES)}"'
    return f"{quoted}@{lang}" if lang else quoted


def typed(value: str, datatype: str) -> str:
    """A literal of ``datatype`` (an IRI string) with the lexical form ``value``."""
    return f'"{value.translate(_ESCAPES)}"^^<{datatype}>'


def date(value: dt.date) -> str:
    """An ``xsd:date``."""
    return f'"{value.isoformat()}"^^<{_XSD}date>'


def date_time(value: dt.datetime) -> str:
    """An ``xsd:dateTime`` (no time zone: the texts give none)."""
    return f'"{value.isoformat()}"^^<{_XSD}dateTime>'


def integer(value: int) -> str:
    """An ``xsd:integer``."""
    return f'"{int(value)}"^^<{_XSD}integer>'


def boolean(value: bool) -> str:
    """An ``xsd:boolean``."""
    return f'"{"true" if value else "false"}"^^<{_XSD}boolean>'


def duration(value: str) -> str:
    """An ``xsd:duration`` such as ``P1Y`` or ``P180D``."""
    return typed(value, f"{_XSD}duration")


Triple = tuple[str, str, str]

_DIGITS_RE = re.compile(r"(\d+)")


def natural(s: str) -> tuple:
    """Sort key that puts …/op/2 before …/op/10."""
    return tuple(int(x) if x.isdigit() else x for x in _DIGITS_RE.split(s))


def ordered(triples) -> list[Triple]:
    """Triples in output order, duplicates dropped: by subject, ``rdf:type``
    first, then predicate and object, all compared as text.

    The order depends on the triples only, so equal sets give equal text.
    Plain text order (…/op/10 before …/op/2) because it sorts in C: a natural
    order cost ten times as much, the largest part of making a document's triples.
    """
    # "" sorts before every IRI: rdf:type stands in as "" while sorting
    keyed = sorted({(s, "" if p == RDF_TYPE else p, o) for s, p, o in triples})
    return [(s, p or RDF_TYPE, o) for s, p, o in keyed]


def merged(*runs) -> list[Triple]:
    """:func:`ordered` of the union of ``runs``, when each run is in that order
    already and no two runs share a subject (a document's own and shared triples).

    A stable sort by subject alone keeps each subject's triples in their
    order: a fifth of :func:`ordered`'s cost, which re-keys every triple.
    """
    return sorted((t for run in runs for t in run), key=itemgetter(0))


def lines(triples, graph: str | None = None) -> str:
    """N-Triples (or, with ``graph``, N-Quads) text of ``triples`` in the given order."""
    g = f" <{graph}>" if graph else ""
    return "".join(f"<{s}> <{p}> {o}{g} .\n" for s, p, o in triples)
