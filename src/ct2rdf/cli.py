"""The command line: a thin layer over :mod:`ct2rdf.build` and :mod:`ct2rdf.rdf.validate`.

Exit codes: 0 ok (warnings allowed), 1 the graph violates the shapes (or, for
``validate``, holds no ct:Document), 2 bad input or usage, 130/143 interrupted
by SIGINT/SIGTERM (see :mod:`ct2rdf.entry`).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__
from .bases import DEFAULT_BASE

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}


class Failure(click.ClickException):
    """A ClickException with ct2rdf's exit code (2 for bad input)."""

    def __init__(self, message: str, exit_code: int = 2):
        super().__init__(message)
        self.exit_code = exit_code


@click.group(context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, "--version", prog_name="ct2rdf")
def cli():
    """Turn Chinese UN counter-terrorism documents into a validated RDF graph.

    \b
    Exit codes: 0 ok (warnings allowed), 1 the graph violates the shapes,
                2 bad input or usage, 130/143 interrupted (Ctrl-C, SIGTERM).
    Example:    ct2rdf build seeds/ -o out/ct.ttl && ct2rdf validate out/ct.ttl
    """


@cli.command(short_help="Build out/ct.ttl (or -o FILE) from document texts.")
@click.argument("inputs", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--output", type=click.Path(allow_dash=True, path_type=Path),
              default=Path("out/ct.ttl"), show_default=True,
              help="File to write (its extension names the format); - for stdout.")
@click.option("-f", "--format", "formats", metavar="LIST",
              help="Formats to write, comma-separated: ttl,nt,nq,trig,jsonld. "
                   "Several: one file each, named like -o. Default: -o's extension.")
@click.option("--base", default=DEFAULT_BASE, show_default=True, help="Base IRI of the data.")
@click.option("--catalog", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="CSV (file,symbol[,date]) of metadata the texts lack. "
                   "Default: catalog.csv beside the inputs.")
@click.option("--no-validate", is_flag=True, help="Write the graph without checking the shapes.")
@click.option("--no-themes", is_flag=True,
              help="Tag no paragraph with themes and leave the theme scheme out (faster).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Worker processes. Default: all cores.")
@click.option("--cache", "cache_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Folder of cached per-document results, reused when a file is unchanged. "
                   "Default: $CT2RDF_CACHE, else ~/.cache/ct2rdf.")
@click.option("--no-cache", is_flag=True, help="Make every document again; keep nothing.")
@click.option("--cache-days", type=click.FloatRange(min=0), default=30, show_default=True, metavar="DAYS",
              help="After the build, remove cached documents it did not use and no build used "
                   "for this many days (0: all but this build's).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Where documents are processed: worker processes here, or a Dask cluster.")
@click.option("--scheduler", metavar="ADDRESS",
              help="Dask scheduler (tcp://host:8786). Default with --engine dask: a local cluster.")
@click.option("--shards", type=click.Path(file_okay=False, path_type=Path),
              help="Also write the dataset as N-Quads shards (1,000 documents each) into this folder.")
@click.option("--max-size", type=click.FloatRange(min=0), default=20, show_default=True, metavar="MB",
              help="Refuse input files larger than this many MB (0: no limit).")
@click.option("--max-facts", type=click.IntRange(min=0), default=100_000, show_default=True, metavar="N",
              help="Refuse a document with more than N facts of one kind (citations…; 0: no limit).")
@click.option("--stats", type=click.Path(dir_okay=False, path_type=Path),
              help="Write timings and counts as JSON to this file.")
@click.option("-q", "--quiet", is_flag=True, help="Print only errors and violations.")
def build(inputs, output, formats, base, catalog, no_validate, no_themes, jobs, cache_dir, no_cache,
          cache_days, engine, scheduler, shards, max_size, max_facts, stats, quiet):
    """Build a graph from document texts (default: seeds/ → out/ct.ttl).

    The graph is written whenever one could be built, then checked against
    the shapes: violations are printed and give exit code 1, warnings (what
    the texts do not say) are printed and do not.

    \b
    Exit codes: 0 ok (warnings allowed), 1 the graph violates the shapes,
                2 bad input or usage (files that cannot be read or whose worker
                died, an unwritable -o, a full disk),
                130 / 143 interrupted by SIGINT (Ctrl-C) / SIGTERM.
    Every file is written under a temporary name (.NAME.ct2rdf-tmp-PID) and
    all are renamed into place at the end: an error or interrupt leaves the
    previous output unchanged.
    \b
    Example:
        ct2rdf build seeds/ -o out/ct.ttl
        ct2rdf build corpus/ -o out/ct.nq --jobs 4
        ct2rdf build corpus/ --engine dask --scheduler tcp://head:8786 --shards out/nq/
    """
    from .buildcmd import run_build_command

    run_build_command(
        inputs=inputs, output=output, formats=formats, base=base, catalog=catalog, check=not no_validate,
        themes=not no_themes,
        jobs=jobs, cache_dir=cache_dir, no_cache=no_cache, cache_days=cache_days, engine=engine,
        scheduler=scheduler, shards=shards, max_bytes=int(max_size * 1e6), max_facts=max_facts, stats=stats,
        quiet=quiet,
    )


@cli.command(short_help="Check a Turtle file against the shapes.")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, allow_dash=True, path_type=Path))
@click.option("--shapes", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder of SHACL shapes (*.ttl). Default: the packaged shapes.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "turtle"]), default="text",
              show_default=True, help="Report format.")
def validate(file, shapes, fmt):
    """Check a Turtle file (- for stdin) against the shapes.

    \b
    Exit codes: 0 conforms (warnings allowed), 1 violates the shapes or holds
                no ct:Document (empty, truncated, wrong file), 2 bad input or usage.
    \b
    Example:
        ct2rdf validate out/ct.ttl --format json
    """
    from .errors import UsageError
    from .rdf.validate import EmptyGraph, TurtleError, format_report, read_turtle
    from .rdf.validate import validate as run_validate

    name = "standard input" if str(file) == "-" else str(file)
    try:
        data = sys.stdin.buffer.read() if str(file) == "-" else file.read_bytes()
        graph = read_turtle(data, name)
    except OSError as e:
        raise Failure(f"cannot read {name} ({e.strerror}). Check the path and its permissions") from None
    except TurtleError as e:
        raise Failure(str(e)) from None
    except EmptyGraph as e:
        if fmt == "json":
            import json

            click.echo(json.dumps({"conforms": False, "error": str(e), "violations": [], "warnings": []},
                                  ensure_ascii=False, indent=2))
        raise Failure(str(e), 1) from None
    try:
        report = run_validate(graph, shapes)
    except FileNotFoundError as e:
        raise Failure(f"{e}. Give --shapes a folder of *.ttl shapes") from None
    except UsageError as e:  # a malformed shapes file (ct2rdf.rdf.shapecheck)
        raise Failure(str(e)) from None
    click.echo(format_report(report, fmt))
    if not report.conforms:
        sys.exit(1)


@cli.command(short_help="Serve graphs: a SPARQL endpoint and a query page.")
@click.argument("graphs", nargs=-1, required=True,
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. 0.0.0.0 or :: exposes the endpoint to the network.")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(1, 65535))
@click.option("--base", default=DEFAULT_BASE, show_default=True,
              help="Base IRI of the data: GET /PATH describes BASE+PATH.")
@click.option("--timeout", default=10.0, show_default=True, type=click.FloatRange(min=0.1),
              help="Seconds a query may run before it is stopped.")
@click.option("--max-results", default=10_000, show_default=True, type=click.IntRange(min=1),
              help="Most rows (or triples) one answer may have.")
@click.option("--max-answer", "max_answer_mb", default=16, show_default=True, type=click.IntRange(min=1),
              help="Largest answer, in MB (10,000 rows of this data take ~2.5 MB).")
@click.option("--max-body", default=1_000_000, show_default=True, type=click.IntRange(min=1),
              help="Largest request body, in bytes.")
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 64),
              help="Query worker processes: how many queries run at once.")
@click.option("--max-memory", "max_memory_mb", default=1024, show_default=True, type=click.IntRange(min=0),
              help="MB each worker may allocate for a query (0: no limit).")
@click.option("--max-queue", default=64, show_default=True, type=click.IntRange(min=0),
              help="Queries that may wait for a busy worker; more are refused (503, Retry-After).")
@click.option("--cooldown", default=60.0, show_default=True, type=click.FloatRange(min=0),
              help="Seconds a query that ran past --timeout or --max-memory is refused if sent again "
                   "(0: never).")
@click.option("--max-connections", default=256, show_default=True, type=click.IntRange(min=1),
              help="Open connections; one more is refused (503, Retry-After).")
@click.option("--header-timeout", default=10.0, show_default=True, type=click.FloatRange(min=0.1),
              help="Seconds a client may take to send a request's headers.")
@click.option("--body-timeout", default=10.0, show_default=True, type=click.FloatRange(min=0.1),
              help="Seconds a client may take to send a request's body.")
@click.option("--send-timeout", default=30.0, show_default=True, type=click.FloatRange(min=0.1),
              help="Seconds an answer may wait for a client that reads nothing of it.")
@click.option("--max-header", default=16_384, show_default=True, type=click.IntRange(min=1024),
              help="Largest request line and headers, in bytes (a GET query counts).")
@click.option("-q", "--quiet", is_flag=True, help="No access log.")
def serve(graphs, host, port, base, quiet, **limits):
    """Serve graph files (.ttl, .nt, .nq, .trig, .jsonld) read-only over SPARQL 1.1.

    \b
    /sparql  the SPARQL 1.1 Protocol (GET, POST); Update and SERVICE are refused
    /        a query page with the cookbook queries (works offline)
    /void    the dataset description;  /PATH  the description of BASE+PATH
    \b
    Every limit has an option: time and memory per query, rows per answer,
    bytes and seconds per request, waiting queries and open connections.
    \b
    Exit codes: 0 stopped with Ctrl-C, 2 bad input or usage (a graph that
                cannot be read, a port in use).
    \b
    Example:
        ct2rdf serve out/ct.ttl --port 7878
    """
    import contextlib
    import ipaddress
    import signal
    import socket
    import tempfile

    import uvicorn

    from .errors import Ct2rdfError
    from .rdf.output import check_base
    from .serve.app import Settings, create_app, prepare, server_config

    try:
        check_base(base)
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    except Ct2rdfError as e:
        raise Failure(str(e), e.exit_code) from None
    except OSError as e:
        raise Failure(f"cannot use --host {host} ({e.strerror}). Give an address of this machine") from None
    # proto IPPROTO_TCP, not 0: asyncio sets TCP_NODELAY only on such sockets, and without it every
    # answer on a kept-alive connection waited ~40 ms for the client's delayed ACK
    listener = socket.socket(family, kind, proto)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind(address)
    except OSError as e:
        raise Failure(f"cannot listen on {host} port {port} ({e.strerror}). "
                      "Choose another --port or stop the program using it") from None
    settings = Settings(base=base, **limits)
    with tempfile.TemporaryDirectory(prefix="ct2rdf-serve-") as workdir:
        try:
            prepared = prepare(list(graphs), Path(workdir))
        except Ct2rdfError as e:
            raise Failure(str(e), e.exit_code) from None
        shown = f"[{host}]" if ":" in host else host
        click.echo(f"Serving {prepared.triples:,} triples from {len(graphs)} file(s) at "
                   f"http://{shown}:{port}/ (SPARQL endpoint: /sparql). Ctrl-C stops.", err=True)
        if not ipaddress.ip_address(address[0]).is_loopback:
            click.echo(f"Warning: listening on {host}: anyone who can reach this machine can query it.",
                       err=True)
        config = server_config(create_app(prepared, settings), settings, access_log=not quiet)
        # uvicorn shuts down gracefully, then re-raises the signal: let SIGTERM and Ctrl-C end
        # the server as a KeyboardInterrupt (not ct2rdf.interrupts' error), so the temporary
        # store is removed and the exit code is 0
        signal.signal(signal.SIGTERM, _interrupt)
        signal.signal(signal.SIGINT, _interrupt)
        with contextlib.suppress(KeyboardInterrupt):
            uvicorn.Server(config).run(sockets=[listener])


def _interrupt(signum, frame):
    raise KeyboardInterrupt


@cli.command(short_help="Run a SPARQL query over RDF files.")
@click.argument("args", nargs=-1, metavar="GRAPH... [QUERY]")
@click.option("-f", "--file", "query_file", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
              help="Read the query from this file (- for stdin) instead of the last argument.")
@click.option("--format", "fmt", metavar="FORMAT",
              help="table, csv, tsv, json, xml (SELECT, ASK); ttl, nt, table (CONSTRUCT, DESCRIBE). "
                   "Default: table for SELECT, true/false for ASK, ttl for CONSTRUCT and DESCRIBE.")
@click.option("--max-width", type=click.IntRange(min=5), default=40, show_default=True,
              help="Cut table cells wider than this many terminal columns (a Chinese character is 2).")
@click.option("--no-truncate", is_flag=True, help="Never cut table cells.")
@click.option("--no-union", is_flag=True,
              help="Keep the default graph to the unnamed triples (standard SPARQL datasets).")
def query(args, query_file, fmt, max_width, no_truncate, no_union):
    """Run a SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) over RDF files.

    Each GRAPH is read by its extension: .ttl .nt .nq .trig .jsonld .rdf/.owl/.xml
    .n3, each optionally gzipped (.ttl.gz).  The named graphs of N-Quads, TriG and
    JSON-LD are kept: GRAPH ?g { … } sees each of them.  The default graph (the
    triples a query matches outside GRAPH) is the union of everything loaded, each
    triple once, so the same query answers the same on ct.ttl and on ct.nq;
    --no-union makes it only the triples outside any named graph.

    \b
    Exit codes: 0 ok (an ASK answering false too), 2 bad input or usage
                (a file or query with a syntax error: its line and column).
    \b
    Examples:
        ct2rdf query out/ct.ttl -f queries/cted-deliverables.rq
        ct2rdf query out/ct.ttl 'SELECT ?d WHERE { ?d a <https://w3id.org/ct2rdf/ontology#Resolution> }'
        ct2rdf query out/ct.nq 'SELECT ?g (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g'
        ct2rdf query a.ttl b.trig -f q.rq --format csv > answers.csv
    """
    from .errors import Ct2rdfError
    from .sparql.query import check_format, prefixes, run, write
    from .sparql.store import load

    try:
        check_format(fmt)
        graphs, text, name = _query_args(args, query_file)
        store = load(graphs, union=not no_union)
        result = run(store, text, name)
        out = sys.stdout.buffer
        write(result, out, fmt, prefixes=prefixes(text), max_width=None if no_truncate else max_width)
        out.flush()
    except Ct2rdfError as e:
        raise Failure(str(e), e.exit_code) from None
    except BrokenPipeError:  # `ct2rdf query … | head`: the reader has all it wanted
        sys.stderr.close()
        sys.exit(0)


def _query_args(args: tuple[str, ...], query_file: Path | None) -> tuple[list[str], str, str]:
    """(graph files, query text, the query's name in messages) from the command line."""
    from .errors import UsageError

    usage = "Usage: ct2rdf query GRAPH... QUERY, or ct2rdf query GRAPH... -f FILE.rq"
    if query_file is not None:
        if not args:
            raise UsageError(f"no graph file given. {usage}")
        name = "standard input" if str(query_file) == "-" else str(query_file)
        try:
            data = sys.stdin.buffer.read() if str(query_file) == "-" else query_file.read_bytes()
            return list(args), data.decode("utf-8-sig"), name
        except OSError as e:
            raise UsageError(f"{name}: cannot read the query ({e.strerror}). Check the path") from None
        except UnicodeDecodeError:
            raise UsageError(f"{name}: the query is not UTF-8. Save it as UTF-8") from None
    if len(args) < 2:
        what = "no graph file and no query" if not args else "no query"
        raise UsageError(f"{what} given. {usage}")
    text = args[-1]
    if Path(text).is_file():
        raise UsageError(f"the last argument {text} is a file, not a query. "
                         f"To read the query from it, give it with -f {text}")
    return list(args[:-1]), text, "the query"


def main() -> None:
    """The ``ct2rdf`` command (see :func:`ct2rdf.entry.main`, the installed entry point)."""
    from .entry import main as run

    run()
