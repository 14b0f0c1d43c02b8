"""The command line: a thin layer over :mod:`ct2rdf.build` and :mod:`ct2rdf.validate`.

Exit codes: 0 the graph conforms, 1 it violates the shapes, 2 bad input or usage.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__
from .errors import Ct2rdfError
from .namespace import DEFAULT_BASE

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

    Exit codes: 0 conforms, 1 the graph violates the shapes, 2 bad input or usage.
    """


@cli.command(short_help="Build out/ct.ttl (or -o FILE) from document texts.")
@click.argument("inputs", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("out/ct.ttl"), show_default=True, help="Turtle file to write.")
@click.option("--base", default=DEFAULT_BASE, show_default=True, help="Base IRI of the data.")
@click.option("--catalog", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="CSV (file,symbol[,date]) of metadata the texts lack. "
                   "Default: catalog.csv beside the inputs.")
@click.option("--no-validate", is_flag=True, help="Write the graph without checking the shapes.")
@click.option("-q", "--quiet", is_flag=True, help="Print only errors.")
def build(inputs, output, base, catalog, no_validate, quiet):
    """Build a Turtle graph from document texts (default: seeds/ → out/ct.ttl).

    \b
    Example:
        ct2rdf build seeds/ -o out/ct.ttl
    """
    from .build import build as run_build
    from .serialize import to_turtle, write_atomic
    from .validate import format_report

    if not inputs:
        if not Path("seeds").is_dir():
            raise Failure("no input given and there is no seeds/ folder here. "
                          "Name the folder or files to build: ct2rdf build DIR -o FILE")
        inputs = (Path("seeds"),)
    if not base.endswith(("/", "#")):
        raise Failure(f"--base {base!r} must end with '/' or '#'. Add a trailing slash")

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
        _summary(result)
    if result.report is not None and not result.report.conforms:
        click.echo(format_report(result.report), err=True)
        raise Failure(f"the graph violates the shapes; {output} was not written. "
                      "Fix the input, or write it anyway with --no-validate", 1)
    write_atomic(output, to_turtle(result.graph))
    if not quiet:
        click.echo(f"Wrote {output} ({len(result.graph)} triples)")
    if errors:
        raise Failure(f"{len(errors)} of {len(result.results)} files could not be read; "
                      "the others were built. See the errors above", 2)


def _wrap(progress):
    def run(sources):
        bar = progress(sources)
        if bar is sources:
            yield from sources
            return
        with bar as items:
            yield from items
    return run


def _summary(result) -> None:
    rows = []
    for e in sorted(result.corpus.entries, key=lambda e: e.result.name):
        r = e.result
        facts = r.facts
        rows.append((r.name, str(r.doc.symbol or e.path), len(r.doc.structure.paragraphs),
                     len(facts.get("citations", ())), len(r.warnings)))
    if rows:
        width = max(len(r[0]) for r in rows)
        click.echo(f"{'file':<{width}}  {'paragraphs':>10}  {'citations':>9}  {'warnings':>8}  document")
        for name, ident, paras, cites, warns in rows:
            click.echo(f"{name:<{width}}  {paras:>10}  {cites:>9}  {warns:>8}  {ident}")
    for r in result.results:
        for w in r.warnings:
            click.echo(f"Warning: {w}", err=True)
    for w in result.corpus.warnings:
        click.echo(f"Warning: {w}", err=True)
    click.echo(f"{len(rows)} documents, {len(result.graph)} triples")


@cli.command(short_help="Check a Turtle file against the shapes.")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--shapes", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder of SHACL shapes (*.ttl). Default: the packaged shapes.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "turtle"]), default="text",
              show_default=True, help="Report format.")
def validate(file, shapes, fmt):
    """Check a Turtle file against the shapes; exit 1 if it violates them.

    \b
    Example:
        ct2rdf validate out/ct.ttl --format json
    """
    from rdflib import Graph

    from .validate import format_report
    from .validate import validate as run_validate

    graph = Graph()
    try:
        graph.parse(file, format="turtle")
    except Exception as e:  # rdflib raises many types for bad syntax
        raise Failure(f"{file} is not valid Turtle ({str(e).splitlines()[0]}). "
                      "Check the file, or rebuild it with ct2rdf build") from None
    try:
        report = run_validate(graph, shapes)
    except FileNotFoundError as e:
        raise Failure(f"{e}. Give --shapes a folder of *.ttl shapes") from None
    click.echo(format_report(report, fmt))
    if not report.conforms:
        sys.exit(1)


def main() -> None:
    """Entry point of the ``ct2rdf`` command."""
    cli(prog_name="ct2rdf")
