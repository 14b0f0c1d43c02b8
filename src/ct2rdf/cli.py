"""The command line: a thin layer over :mod:`ct2rdf.build` and :mod:`ct2rdf.rdf.validate`.

Exit codes: 0 ok (warnings allowed), 1 the graph violates the shapes (or, for
``validate``, holds no ct:Document), 2 bad input or usage.
"""

from __future__ import annotations

import json
import sys
from functools import partial
from pathlib import Path

import click

from . import __version__
from .errors import Ct2rdfError
from .rdf.namespace import DEFAULT_BASE

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}
# Show a progress bar from this many input files on.
PROGRESS_FROM = 20


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
                2 bad input or usage.
    Example:    ct2rdf build seeds/ -o out/ct.ttl && ct2rdf validate out/ct.ttl
    """


@cli.command(short_help="Build out/ct.ttl (or -o FILE) from document texts.")
@click.argument("inputs", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--output", type=click.Path(allow_dash=True, path_type=Path),
              default=Path("out/ct.ttl"), show_default=True, help="Turtle file to write; - for stdout.")
@click.option("--base", default=DEFAULT_BASE, show_default=True, help="Base IRI of the data.")
@click.option("--catalog", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="CSV (file,symbol[,date]) of metadata the texts lack. "
                   "Default: catalog.csv beside the inputs.")
@click.option("--no-validate", is_flag=True, help="Write the graph without checking the shapes.")
@click.option("-q", "--quiet", is_flag=True, help="Print only errors and violations.")
def build(inputs, output, base, catalog, no_validate, quiet):
    """Build a Turtle graph from document texts (default: seeds/ → out/ct.ttl).

    The graph is written whenever one could be built, then checked against
    the shapes: violations are printed and give exit code 1, warnings (what
    the texts do not say) are printed and do not.

    \b
    Exit codes: 0 ok (warnings allowed), 1 the graph violates the shapes,
                2 bad input or usage (files that cannot be read, an unwritable -o).
    \b
    Example:
        ct2rdf build seeds/ -o out/ct.ttl
    """
    from .build import build as run_build
    from .rdf.output import check_base, check_writable, write_output
    from .rdf.serialize import to_turtle
    from .rdf.validate import format_report

    if not inputs:
        if not Path("seeds").is_dir():
            raise Failure("no input given and there is no seeds/ folder here. "
                          "Name the folder or files to build: ct2rdf build DIR -o FILE")
        inputs = (Path("seeds"),)
    to_stdout = str(output) == "-"
    # with -o -, stdout carries the graph: everything else goes to stderr
    say = partial(click.echo, err=to_stdout)
    try:
        check_base(base)
        if not to_stdout:
            check_writable(output)
    except Ct2rdfError as e:
        raise Failure(str(e), e.exit_code) from None

    def progress(sources):
        if quiet or len(sources) < PROGRESS_FROM:
            return sources
        return click.progressbar(sources, label="Reading", file=sys.stderr,
                                 item_show_func=lambda s: s.name if s else "")

    try:
        result = run_build(inputs, base=base, catalog=catalog, check=not no_validate,
                           progress=_wrap(progress))
    except Ct2rdfError as e:
        raise Failure(str(e), e.exit_code) from None

    errors = [r for r in result.results if r.error]
    for r in errors:
        click.echo(f"Error: {r.error}", err=True)
    if not result.corpus.entries:
        raise Failure(f"none of the {len(result.results)} input files could be read; {output} was not "
                      "written. Fix the files named above", 2)
    if not quiet:
        _summary(result, say)
    try:
        write_output(output, to_turtle(result.graph))
    except Ct2rdfError as e:
        raise Failure(str(e), e.exit_code) from None
    if not quiet and not to_stdout:
        say(f"Wrote {output} ({len(result.graph)} triples)")
    report = result.report
    if report is not None and (report.errors or (report.warnings and not quiet)):
        click.echo(format_report(report, warnings=not quiet), err=True)
    if errors:
        raise Failure(f"{len(errors)} of {len(result.results)} files could not be read; "
                      "the others were built. See the errors above", 2)
    if report is not None and not report.conforms:
        raise Failure(f"the graph violates the shapes ({len(report.errors)} violations above); "
                      f"{'it' if to_stdout else output} was written all the same. "
                      "Fix the input at the sources named above", 1)


def _wrap(progress):
    def run(sources):
        bar = progress(sources)
        if bar is sources:
            yield from sources
            return
        with bar as items:
            yield from items
    return run


def _summary(result, say) -> None:
    rows = []
    for e in sorted(result.corpus.entries, key=lambda e: e.result.name):
        r = e.result
        facts = r.facts
        rows.append((r.name, str(r.doc.symbol or e.path), len(r.doc.structure.paragraphs),
                     len(facts.get("citations", ())), len(r.warnings)))
    if rows:
        width = max(len(r[0]) for r in rows)
        say(f"{'file':<{width}}  {'paragraphs':>10}  {'citations':>9}  {'warnings':>8}  document")
        for name, ident, paras, cites, warns in rows:
            say(f"{name:<{width}}  {paras:>10}  {cites:>9}  {warns:>8}  {ident}")
    for r in result.results:
        for w in r.warnings:
            click.echo(f"Warning: {w}", err=True)
    for w in result.corpus.warnings:
        click.echo(f"Warning: {w}", err=True)
    say(f"{len(rows)} documents, {len(result.graph)} triples")


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
            click.echo(json.dumps({"conforms": False, "error": str(e), "violations": [], "warnings": []},
                                  ensure_ascii=False, indent=2))
        raise Failure(str(e), 1) from None
    try:
        report = run_validate(graph, shapes)
    except FileNotFoundError as e:
        raise Failure(f"{e}. Give --shapes a folder of *.ttl shapes") from None
    click.echo(format_report(report, fmt))
    if not report.conforms:
        sys.exit(1)


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
    """Entry point of the ``ct2rdf`` command."""
    cli(prog_name="ct2rdf")
