"""The SPARQL 1.1 Protocol at /sparql: read a request, check the query, answer through the pool.

GET ``?query=``, POST ``application/sparql-query`` (the body is the query)
and POST form-encoded (``query=``) are accepted, with the protocol's
``default-graph-uri`` and ``named-graph-uri``; without them the default
graph is the union of every graph, so N-Quads and TriG inputs answer the
same queries as Turtle.  Updates, in any of their three forms, are refused.

Parameters must be UTF-8 once percent-decoded (a query is never run with
characters replaced), and the body must arrive within ``--body-timeout``
seconds and ``--max-body`` bytes; past either the connection is closed.
"""

from __future__ import annotations

import asyncio
from urllib.parse import parse_qsl

import pyoxigraph as ox
from starlette.requests import ClientDisconnect, Request
from starlette.responses import PlainTextResponse, Response

from .guard import Refused, inspect
from .negotiate import choose, offers_for, supported
from .pool import PoolError


class HttpError(Exception):
    """An answer other than 200: ``status`` and a message saying what to do."""

    def __init__(self, status: int, message: str, headers: dict | None = None):
        super().__init__(message)
        self.status, self.headers = status, headers


# the rest of the body is not read: the connection cannot carry another request
CLOSE = {"connection": "close"}


def error(status: int, message: str, headers: dict | None = None) -> Response:
    """A plain-text error answer."""
    return PlainTextResponse(f"Error: {message}.\n", status_code=status, headers=headers)


async def sparql(request: Request) -> Response:
    """The /sparql endpoint."""
    service = request.app.state.service
    settings = service.settings
    try:
        params = await read_params(request, settings.max_body, settings.body_timeout)
        query = one_query(params)
        info = inspect(query)
        dataset = dataset_of(params)
    except Refused as e:
        return error(400, str(e))
    except HttpError as e:
        return error(e.status, str(e), e.headers)
    except ClientDisconnect:  # the client left mid-body: nobody reads an answer
        return Response(status_code=400, headers=CLOSE)
    offers = offers_for(info.form)
    media = choose(request.headers.get("accept"), offers)
    if media is None:
        return error(406, f"no media type in the Accept header can carry the answer; "
                          f"this query can be answered as {supported(offers)}")
    job = {"query": query, "format": media.split(";")[0], "dataset": dataset}
    return await run(service, job, request)


async def run(service, job: dict, request: Request | None = None) -> Response:
    """Answer ``job`` through the worker pool, with the server's result limit.

    With ``request``, a query whose client has hung up by the time a worker is free is not run.
    """
    settings = service.settings
    job = {"limit": settings.max_results, "max_bytes": settings.max_answer_mb * 1_000_000, "dataset": {},
           **job}

    async def wanted() -> bool:
        return not await request.is_disconnected()

    try:
        kind, first, body = await service.pool.run(job, wanted if request is not None else None)
    except PoolError as e:
        return error(e.status, str(e), {"retry-after": str(e.retry_after)} if e.retry_after else None)
    if kind == "error":
        return error(first, body)
    return Response(body, media_type=first, headers={"Vary": "Accept"})


async def read_params(request: Request, max_body: int, body_timeout: float) -> list[tuple[str, str]]:
    """The protocol parameters of ``request`` (query string, form or query body) as pairs."""
    params = pairs(request.scope["query_string"], "the query string")
    if request.method == "GET":
        return params
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media == "application/sparql-update":
        raise Refused("SPARQL Update is refused: this endpoint is read-only. "
                      "Send a SELECT, ASK, CONSTRUCT or DESCRIBE query")
    if media not in ("application/sparql-query", "application/x-www-form-urlencoded"):
        raise HttpError(415, f"cannot read a request body of type {media or 'none'!r}. "
                             "POST the query as application/sparql-query, or form-encoded as query=…")
    body = await read_body(request, max_body, body_timeout)
    if media == "application/sparql-query":
        try:
            return [*params, ("query", body.decode("utf-8"))]
        except UnicodeDecodeError:
            raise HttpError(400, "the request body is not UTF-8. Encode the query as UTF-8") from None
    return params + pairs(body, "the form")


def pairs(raw: bytes, what: str) -> list[tuple[str, str]]:
    """The ``key=value`` pairs of a query string or form; 400 unless UTF-8 once percent-decoded.

    Starlette's own reading replaces bad bytes with U+FFFD, which would run a query the client
    never wrote (``?query=ASK{"%FF"}`` asking about ``"\ufffd"``).
    """
    try:
        return parse_qsl(raw.decode("utf-8"), keep_blank_values=True, errors="strict")
    except UnicodeDecodeError:
        raise HttpError(400, f"{what} is not UTF-8 once percent-decoded. Encode the query as UTF-8, "
                             "then percent-encode it") from None


async def read_body(request: Request, limit: int, timeout: float) -> bytes:
    """The request body; 413 as soon as it is known to exceed ``limit`` bytes, 408 when it has
    not all arrived within ``timeout`` seconds (a client sending a byte a second)."""
    too_large = HttpError(413, f"the request body is larger than this server's limit of {limit:,} bytes "
                               "(--max-body). Send a shorter query", CLOSE)
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise too_large
    chunks, size = [], 0
    try:
        async with asyncio.timeout(timeout):
            async for chunk in request.stream():
                size += len(chunk)
                if size > limit:
                    raise too_large
                chunks.append(chunk)
    except TimeoutError:
        raise HttpError(408, f"the request body took longer than this server's {timeout:g} s "
                             "(--body-timeout). Send the whole request at once", CLOSE) from None
    return b"".join(chunks)


def one_query(params: list[tuple[str, str]]) -> str:
    """The single ``query`` parameter; refuses ``update`` and rejects none or several."""
    if any(k == "update" for k, _ in params):
        raise Refused("SPARQL Update is refused: this endpoint is read-only. "
                      "Send a SELECT, ASK, CONSTRUCT or DESCRIBE query")
    queries = [v for k, v in params if k == "query"]
    if len(queries) != 1:
        raise HttpError(400, "give exactly one query parameter, e.g. /sparql?query=ASK%7B%7D "
                             f"(this request has {len(queries)}). The query editor is at /")
    return queries[0]


def dataset_of(params: list[tuple[str, str]]) -> dict:
    """Keyword arguments of ``Store.query`` for the protocol's dataset parameters."""
    dataset = {}
    for key, name in (("default-graph-uri", "default_graph"), ("named-graph-uri", "named_graphs")):
        iris = [v for k, v in params if k == key]
        for iri in iris:
            try:
                ox.NamedNode(iri)
            except ValueError:
                raise HttpError(400, f"{key} {iri!r} is not an absolute IRI. "
                                     "Give the graph's full IRI") from None
        if iris:
            dataset[name] = iris
    return dataset or {"use_default_graph_as_union": True}
