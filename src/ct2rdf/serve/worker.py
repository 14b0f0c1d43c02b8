"""A query worker: one process that loads the graphs into memory and answers queries one at a time.

Oxigraph cannot be interrupted from Python, so a query past the time limit is
stopped by killing its process (:mod:`ct2rdf.serve.pool` starts a fresh one).
Each worker also has a memory ceiling (a runaway ``ORDER BY`` over a cross
product grows by ~250 MB/s) and, where Linux lets it, no network at all: it
moves into a network namespace of its own before it opens anything, so even
a query the SERVICE check missed could not reach a URL.

Run as ``python -m ct2rdf.serve.worker FD GRAPHS.nq MAX_MEMORY_MB``; jobs and
answers travel as pickles over the socket ``FD`` (see :func:`answer`).
"""

from __future__ import annotations

import ctypes
import json
import os
import resource
import sys
from itertools import islice

CLONE_NEWUSER = 0x10000000
CLONE_NEWNET = 0x40000000
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
# Prefixes written into Turtle answers: the graph contract's namespaces.
PREFIXES = {
    "ct": "https://w3id.org/ct2rdf/ontology#",
    "eli": "http://data.europa.eu/eli/ontology#",
    "cito": "http://purl.org/spar/cito/",
    "oa": "http://www.w3.org/ns/oa#",
    "dcterms": "http://purl.org/dc/terms/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "org": "http://www.w3.org/ns/org#",
    "prov": "http://www.w3.org/ns/prov#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "void": "http://rdfs.org/ns/void#",
}


def isolate_network() -> bool:
    """Leave the host's network (a new, empty network namespace); False where not permitted."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:
        return False
    # root may create a network namespace directly; others need a user namespace too
    return any(libc.unshare(flags) == 0 for flags in (CLONE_NEWNET, CLONE_NEWUSER | CLONE_NEWNET))


def limit_memory(megabytes: int) -> None:
    """Cap the address space at what the process holds now plus ``megabytes``."""
    if megabytes <= 0:
        return
    with open("/proc/self/statm") as f:
        size = int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    cap = size + megabytes * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


def answer(store, job: dict) -> tuple:
    """Run one job; ``("ok", content_type, body)`` or ``("error", http_status, message)``.

    ``job``: ``query`` (text), ``format`` (a media type Oxigraph writes, or None
    for the default of the query's form), ``limit`` (most rows or triples),
    optionally ``max_bytes`` (the largest answer: rows can be long literals),
    ``dataset`` (keyword arguments of ``Store.query``: default and named graphs),
    optionally ``bind`` (variable name → IRI, substituted into the query, never
    pasted into its text) and ``empty`` (the message of a 404 when there is
    nothing to answer).
    """
    result = _answer(store, job)
    limit = job.get("max_bytes")
    if result[0] == "ok" and limit is not None and len(result[2]) > limit:
        return _too_large(limit)
    return result


def _answer(store, job: dict) -> tuple:
    import pyoxigraph as ox

    dataset = {k: [ox.NamedNode(i) for i in v] if isinstance(v, list) else v
               for k, v in job.get("dataset", {}).items()}
    bound = {ox.Variable(k): ox.NamedNode(v) for k, v in job.get("bind", {}).items()}
    try:
        result = store.query(job["query"], substitutions=bound or None, **dataset)
        if isinstance(result, ox.QueryBoolean):
            fmt = _results_format(job["format"])
            return "ok", fmt.media_type, result.serialize(format=fmt)
        if isinstance(result, ox.QuerySolutions):
            rows, refused = _bounded(result, job, "rows")
            if refused:
                return refused
            fmt = _results_format(job["format"])
            # the rows are read once, so Oxigraph writes the answer from a JSON copy of them
            rows_json = solutions_json([v.value for v in result.variables], rows)
            body = ox.parse_query_results(rows_json, format=ox.QueryResultsFormat.JSON).serialize(format=fmt)
            return "ok", fmt.media_type, body
        triples, refused = _bounded(result, job, "triples")
        if refused:
            return refused
        fmt = _graph_format(job["format"])
        return "ok", fmt.media_type, ox.serialize(triples, format=fmt, prefixes=PREFIXES)
    except SyntaxError as e:
        return "error", 400, f"the query is not valid SPARQL: {e}. Fix it at that line and column"
    except (OSError, RuntimeError, ValueError) as e:
        return "error", 400, f"the query could not be evaluated: {e}"


def _bounded(result, job: dict, what: str) -> tuple[list, tuple | None]:
    """At most the job's limit of ``what`` (rows, triples) from ``result``, or the refusal:
    404 with the job's message when there is nothing and it has one, 400 past a limit.

    The characters of the terms' values, a lower bound of the answer's size, are counted as
    the rows come: an answer sure to pass ``max_bytes`` is refused before it is all made.
    """
    items, size, max_bytes = [], 0, job.get("max_bytes")
    for item in islice(result, job["limit"] + 1):
        items.append(item)
        if max_bytes is not None:
            size += sum(len(getattr(term, "value", "")) for term in item if term is not None)
            if size > max_bytes:
                return items, _too_large(max_bytes)
    if not items and job.get("empty"):
        return items, ("error", 404, job["empty"])
    if len(items) > job["limit"]:
        return items, ("error", 400, _too_many(job["limit"], what))
    return items, None


def _too_large(limit: int) -> tuple:
    return ("error", 400, f"the answer is larger than {limit / 1e6:g} MB, this server's limit "
                          "(--max-answer). Select fewer or shorter values, or page with LIMIT and OFFSET")


def _too_many(limit: int, what: str) -> str:
    return (f"the answer has more than {limit:,} {what}, this server's limit (--max-results). "
            "Add LIMIT and OFFSET to page through it, or narrow the query")


def _results_format(media_type: str | None):
    import pyoxigraph as ox

    fmt = ox.QueryResultsFormat.from_media_type(media_type) if media_type else None
    return fmt or ox.QueryResultsFormat.JSON


def _graph_format(media_type: str | None):
    import pyoxigraph as ox

    fmt = ox.RdfFormat.from_media_type(media_type) if media_type else None
    graphs = (ox.RdfFormat.TURTLE, ox.RdfFormat.N_TRIPLES, ox.RdfFormat.JSON_LD, ox.RdfFormat.RDF_XML)
    return fmt if fmt in graphs else ox.RdfFormat.TURTLE


def solutions_json(variables: list[str], rows: list) -> bytes:
    """SPARQL 1.1 Query Results JSON of ``rows`` (QuerySolution objects) over ``variables``."""
    bindings = []
    for row in rows:
        binding = {}
        for name in variables:
            term = row[name]
            if term is not None:
                binding[name] = term_json(term)
        bindings.append(binding)
    doc = {"head": {"vars": variables}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False).encode()


def term_json(term) -> dict:
    """One RDF term as a SPARQL JSON results value (RDF-star triples included)."""
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {"subject": term_json(term.subject),
                                            "predicate": term_json(term.predicate),
                                            "object": term_json(term.object)}}
    value = {"type": "literal", "value": term.value}
    if term.language:
        value["xml:lang"] = term.language
    elif term.datatype.value != XSD_STRING:
        value["datatype"] = term.datatype.value
    return value


def serve(fd: int, data: str, max_memory_mb: int) -> None:
    """Load the N-Quads file ``data``; answer jobs from socket ``fd`` until the other end closes it."""
    from multiprocessing.connection import Connection

    isolated = isolate_network()  # first: unshare needs a process with one thread
    import pyoxigraph as ox

    conn = Connection(fd)
    store = ox.Store()  # nothing can change it: jobs only ever call Store.query
    store.bulk_load(path=data, format=ox.RdfFormat.N_QUADS)
    limit_memory(max_memory_mb)
    conn.send({"pid": os.getpid(), "isolated": isolated})
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(answer(store, job))


if __name__ == "__main__":
    serve(int(sys.argv[1]), sys.argv[2], int(sys.argv[3]))
