"""The Starlette application of ``ct2rdf serve``, and the store it serves.

:func:`prepare` loads the graphs once, measures them for /void and writes
them as one N-Quads file that every query worker loads into memory;
:func:`create_app` serves it:

- ``/`` the query page (editor, cookbook, results table; every asset local);
- ``/sparql`` the SPARQL 1.1 Protocol (:mod:`ct2rdf.serve.protocol`);
- ``/void`` the dataset description; ``/cookbook`` the packaged queries as JSON;
- any other path: the description of the IRI it names under the base
  (:mod:`ct2rdf.serve.deref`).

Every answer carries ``Access-Control-Allow-Origin: *``; preflight requests
are answered.
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ..bases import DEFAULT_BASE
from ..sparql.store import load
from . import void
from .connections import HeadLimit, protocol_class
from .cookbook import cookbook
from .deref import describe
from .negotiate import GRAPHS, choose, supported
from .pool import Pool
from .protocol import error, sparql
from .worker import PREFIXES

STATIC = Path(__file__).parent / "static"
# The page runs only its own script and style and talks only to this server.
PAGE_POLICY = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'"


@dataclass(frozen=True)
class Settings:
    """The options of ``ct2rdf serve`` (time in seconds, sizes in bytes, memory in MB per worker).

    The connection limits (``max_connections``, ``header_timeout``,
    ``send_timeout``, ``max_header``) are kept by the HTTP protocol
    (:mod:`ct2rdf.serve.connections`), the others by the application.
    """

    base: str = DEFAULT_BASE
    timeout: float = 10.0
    max_results: int = 10_000
    max_answer_mb: int = 16
    max_body: int = 1_000_000
    workers: int = 2
    max_memory_mb: int = 1024
    max_queue: int = 64
    cooldown: float = 60.0
    body_timeout: float = 10.0
    max_connections: int = 256
    header_timeout: float = 10.0
    send_timeout: float = 30.0
    max_header: int = 16_384


@dataclass
class Prepared:
    """The graphs as one N-Quads file ready to serve, and what /void says about them."""

    data: Path
    graphs: list[Path]
    triples: int
    stats: void.Stats
    void_file: Path | None


@dataclass
class Service:
    """What the handlers share (``request.app.state.service``)."""

    settings: Settings
    prepared: Prepared
    pool: Pool
    hello: list[dict] = field(default_factory=list)


def prepare(graphs: list[Path], workdir: Path) -> Prepared:
    """Load ``graphs`` (any RDF syntax), measure them, write them to ``workdir/graphs.nq`` for the workers.

    Workers keep the graphs in memory rather than open one on-disk store
    read-only: on the cookbook, RocksDB read-only answered 5-7 times slower
    (seeds graph, 2 cores) and a worker loads 100k triples in ~0.3 s.
    Raises :class:`ct2rdf.errors.Ct2rdfError` for a file that cannot be read or parsed.
    """
    store = load(graphs)
    data = workdir / "graphs.nq"
    store.dump(str(data), format=ox.RdfFormat.N_QUADS)
    return Prepared(data, list(graphs), len(store), void.measure(store), void.beside(graphs[0]))


def create_app(prepared: Prepared, settings: Settings = Settings()) -> Starlette:
    """The ASGI application serving ``prepared``; workers start and stop with its lifespan."""

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette):
        pool = Pool(prepared.data, settings.workers, settings.timeout, settings.max_memory_mb,
                    settings.max_queue, settings.cooldown)
        app.state.service = Service(settings, prepared, pool)
        try:
            hello = app.state.service.hello = await pool.start()
            isolated = all(h.get("isolated") for h in hello)
            logging.getLogger("uvicorn.error").info(
                "%d query workers; %s", len(hello),
                "each in a network namespace of its own (no network)" if isolated else
                "no network namespace permitted here: SERVICE is refused by the query check alone")
            yield
        finally:
            await pool.close()

    routes = [
        Route("/", index),
        Route("/sparql", sparql, methods=["GET", "POST"]),
        Route("/void", void_description),
        Route("/cookbook", cookbook_json),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
        Route("/{path:path}", describe),
    ]
    cors = Middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST", "OPTIONS"],
                      allow_headers=["*"], max_age=86400)
    head = Middleware(HeadLimit, max_header=settings.max_header)
    return Starlette(routes=routes, middleware=[head, cors], lifespan=lifespan)


def server_config(app: Starlette, settings: Settings, access_log: bool = True):
    """The ``uvicorn.Config`` serving ``app`` with the connection limits of ``settings``.

    No WebSockets; a kept-alive connection may sit idle 5 s; Ctrl-C waits at most a query's time
    for the answers under way.
    """
    import uvicorn

    http = protocol_class(settings.max_connections, settings.header_timeout, settings.send_timeout)
    return uvicorn.Config(app, log_level="info", access_log=access_log, http=http, ws="none",
                          h11_max_incomplete_event_size=settings.max_header, timeout_keep_alive=5,
                          timeout_graceful_shutdown=int(settings.timeout) + 5)


async def index(request: Request) -> Response:
    """The query page."""
    return FileResponse(STATIC / "index.html", headers={"Content-Security-Policy": PAGE_POLICY})


async def cookbook_json(request: Request) -> Response:
    """The cookbook and the base IRI, for the page."""
    return JSONResponse({"base": request.app.state.service.settings.base, "queries": cookbook()})


async def void_description(request: Request) -> Response:
    """The VoID description: ``void.ttl`` beside the first graph, else one computed from the store."""
    service = request.app.state.service
    media = choose(request.headers.get("accept"), GRAPHS)
    if media is None:
        return error(406, f"the dataset description is written as {supported(GRAPHS)}")
    prepared = service.prepared
    if prepared.void_file is not None:
        if media == "text/turtle":
            return Response(prepared.void_file.read_bytes(), media_type=media)
        triples = [q.triple for q in ox.parse(path=str(prepared.void_file), format=ox.RdfFormat.TURTLE)]
    else:
        endpoint = str(request.url_for("sparql"))
        triples = void.describe(prepared.stats, service.settings.base, endpoint)
    fmt = ox.RdfFormat.from_media_type(media)
    return Response(ox.serialize(triples, format=fmt, prefixes=PREFIXES), media_type=media)
