"""Run a SPARQL query on an Oxigraph store and write its results in the format asked for.

SELECT results go out as a table (the default) or as the standard SPARQL 1.1
results formats (CSV, TSV, JSON, XML), written by Oxigraph.  ASK gives
``true``/``false`` (or the JSON/XML boolean result).  CONSTRUCT and DESCRIBE
give triples: Turtle (the default) or N-Triples, written by Oxigraph with the
query's own prefixes, or a subject/predicate/object table.
"""

from __future__ import annotations

from typing import BinaryIO

import pyoxigraph as ox

from ..errors import UsageError
from ..patterns import SPARQL_PREFIX_RE
from . import table

RESULT_FORMATS = {
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
}
GRAPH_FORMATS = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES}
FORMATS = ("table", *RESULT_FORMATS, *GRAPH_FORMATS)
# Shown compact in tables even when a query does not declare them (its own win).
WELL_KNOWN = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
}
# An engine's "expected one of …" can list hundreds of tokens: keep the start.
MAX_REASON = 160


class QuerySyntaxError(UsageError):
    """The query is not SPARQL: the message names the line, the column and the engine's reason."""


def check_format(fmt: str | None) -> None:
    """A UsageError unless ``fmt`` is None (the default for the query's kind) or a known format."""
    if fmt is not None and fmt not in FORMATS:
        raise UsageError(f"--format {fmt} is not a format ct2rdf query writes. "
                         f"Choose one of {', '.join(FORMATS)}")


def prefixes(query: str) -> dict[str, str]:
    """The prefix declarations of ``query``'s prologue, name → namespace IRI."""
    return {m["name"]: m["iri"] for m in SPARQL_PREFIX_RE.finditer(query)}


def run(store: ox.Store, query: str, name: str = "the query"):
    """Evaluate ``query``: QuerySolutions, QueryBoolean or QueryTriples.

    A syntax error becomes :class:`QuerySyntaxError` reading ``<name>: line L,
    column C: <reason>. <fix>``; a failure while evaluating (a SERVICE that
    cannot be reached) a UsageError with the engine's reason.
    """
    try:
        return store.query(query)
    except SyntaxError as e:
        raise QuerySyntaxError(f"{name} is not valid SPARQL: {_reason(e.msg)}. "
                               "Fix the query there") from None
    except OSError as e:
        raise UsageError(f"{name} failed: {str(e).rstrip('.')}. Check the query") from None


def _reason(msg: str) -> str:
    """``line L, column C: reason`` from Oxigraph's ``error at L:C: reason``."""
    reason = msg
    if msg.startswith("error at "):
        place, _, reason = msg.removeprefix("error at ").partition(": ")
        line, _, column = place.partition(":")
        reason = f"line {line}, column {column}: {reason}"
    reason = " ".join(reason.split()).rstrip(".")
    if len(reason) > MAX_REASON:
        reason = reason[:MAX_REASON].rsplit(",", 1)[0] + ", …"
    return reason


def kind(result) -> str:
    """``select``, ``ask`` or ``graph`` (CONSTRUCT and DESCRIBE)."""
    if isinstance(result, ox.QueryBoolean):
        return "ask"
    if isinstance(result, ox.QueryTriples):
        return "graph"
    return "select"


def write(result, out: BinaryIO, fmt: str | None = None, *, prefixes: dict[str, str] | None = None,
          max_width: int | None = 40) -> None:
    """Write ``result`` to the binary stream ``out`` as ``fmt`` (None: the kind's default).

    Raises UsageError, before writing anything, for a format the result's kind
    has not got (CSV of triples, Turtle of a SELECT).
    """
    what = kind(result)
    fmt = fmt or ("ttl" if what == "graph" else "table")
    prefixes = prefixes or {}
    # for tables, the query's own first (they win a tie); Turtle declares the query's own only
    shown = {**prefixes, **{k: v for k, v in WELL_KNOWN.items() if k not in prefixes}}
    if what == "graph" and fmt in RESULT_FORMATS:
        raise UsageError(f"--format {fmt} is for SELECT and ASK results, and this query gives "
                         "triples (CONSTRUCT or DESCRIBE). Use --format ttl, nt or table")
    if what != "graph" and fmt in GRAPH_FORMATS:
        raise UsageError(f"--format {fmt} is for the triples of CONSTRUCT and DESCRIBE, and this is "
                         f"{'an ASK' if what == 'ask' else 'a SELECT'} query. "
                         "Use --format table, csv, tsv, json or xml")
    if fmt in RESULT_FORMATS:
        data = result.serialize(format=RESULT_FORMATS[fmt])
        out.write(data if data.endswith(b"\n") else data + b"\n")
    elif what == "ask":
        out.write(b"true\n" if bool(result) else b"false\n")
    elif what == "graph":
        triples = sorted(result, key=_triple_key)
        if fmt == "table":
            rows = [[_cell(t, shown) for t in (x.subject, x.predicate, x.object)] for x in triples]
            out.write(table.render(("subject", "predicate", "object"), rows, max_width).encode())
        else:
            used = prefixes if fmt == "ttl" else None
            out.write(ox.serialize(triples, format=GRAPH_FORMATS[fmt], prefixes=used))
    else:
        header = [v.value for v in result.variables]
        rows = [[_cell(s[v], shown) for v in header] for s in result]
        out.write(table.render(header, rows, max_width).encode())


def _triple_key(t: ox.Triple) -> tuple[str, str, str]:
    return (str(t.subject), str(t.predicate), str(t.object))


def _cell(term, prefixes: dict[str, str]) -> tuple[str, bool]:
    """A term as a table shows it, and whether to cut it in the middle (IRIs).

    Literals show their value (``值@zh`` when tagged), IRIs ``prefix:local``
    under the query's own prefixes or else ``<iri>``, blank nodes ``_:id``.
    """
    if term is None:
        return "", False
    if isinstance(term, ox.Literal):
        return (f"{term.value}@{term.language}" if term.language else term.value), False
    if isinstance(term, ox.NamedNode):
        return compact(term.value, prefixes), True
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}", False
    if isinstance(term, ox.Triple):  # RDF-star
        parts = (_cell(t, prefixes)[0] for t in (term.subject, term.predicate, term.object))
        return f"<< {' '.join(parts)} >>", False
    return str(term), False


def compact(iri: str, prefixes: dict[str, str]) -> str:
    """``iri`` as ``prefix:local`` under the longest matching namespace, else ``<iri>``."""
    best = max((ns for ns in prefixes.values() if ns and iri.startswith(ns)), key=len, default=None)
    if best is None:
        return f"<{iri}>"
    name = next(k for k, v in prefixes.items() if v == best)
    return f"{name}:{iri[len(best):]}"
