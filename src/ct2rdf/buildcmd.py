"""``ct2rdf build``: options → a build → files, a summary, a verdict and an exit code.

Kept out of :mod:`ct2rdf.cli` so that ``ct2rdf --help`` imports none of it.
"""

from __future__ import annotations

import json
import os
import sys
import time
from functools import partial
from pathlib import Path

import click

from .cli import Failure
from .errors import Ct2rdfError, UsageError

# Print one row per document up to this many documents; a total beyond.
TABLE_UP_TO = 50
# Show progress from this many input files on (on a terminal).
PROGRESS_FROM = 20


def outputs_for(output: Path, formats: str | None) -> dict[str, Path]:
    """``{format: path}``: ``-o``'s extension names the format; ``--format`` may add others.

    ``-o out/ct.ttl --format ttl,nq`` writes out/ct.ttl and out/ct.nq.  An
    extension that contradicts a single ``--format`` is an error, never a
    silently mislabelled file.
    """
    from .rdf.write import FORMATS, format_of

    to_stdout = str(output) == "-"
    named = None if to_stdout else format_of(output)
    if formats:
        wanted = [f.strip().lower() for f in formats.split(",") if f.strip()]
        bad = [f for f in wanted if f not in FORMATS]
        if bad:
            raise UsageError(f"unknown format {', '.join(bad)}. Use one or more of {','.join(FORMATS)}")
    else:
        if not to_stdout and named is None:
            raise UsageError(f"-o {output}: no RDF format has the extension {output.suffix!r}. "
                             f"Use .ttl, .nt, .nq, .trig or .jsonld, or give --format")
        wanted = [named or "ttl"]
    wanted = list(dict.fromkeys(wanted))
    if to_stdout:
        if len(wanted) > 1:
            raise UsageError("-o - writes one format to standard output. Give one --format")
        return {wanted[0]: output}
    if len(wanted) == 1 and named is not None and named != wanted[0]:
        raise UsageError(f"-o {output} names {named} but --format says {wanted[0]}. "
                         f"Name the file {output.with_suffix(FORMATS[wanted[0]][0][0])}")
    return {f: output if f == named else output.with_suffix(FORMATS[f][0][0]) for f in wanted}


def cache_folder(cache_dir: Path | None, no_cache: bool) -> Path | None:
    """The chunk cache: ``--cache``, else $CT2RDF_CACHE, else ~/.cache/ct2rdf (None: no cache)."""
    if no_cache:
        return None
    if cache_dir is None:
        env = os.environ.get("CT2RDF_CACHE")
        root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "ct2rdf"
        cache_dir = Path(env) if env else root
    try:
        cache_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as e:
        raise UsageError(f"cannot use the cache folder {cache_dir} ({e.strerror}). "
                         "Give another with --cache, or --no-cache") from None
    return cache_dir


class Progress:
    """``done/total documents, rate/s, ETA`` on one line of standard error."""

    def __init__(self, total: int):
        self.total, self.t0, self.last = total, time.perf_counter(), 0.0

    def __call__(self, done: int) -> None:
        now = time.perf_counter()
        if now - self.last < 0.2 and done < self.total:
            return
        self.last = now
        rate = done / max(now - self.t0, 1e-9)
        eta = (self.total - done) / rate if rate else 0
        click.echo(f"\r{done}/{self.total} documents  {rate:.1f}/s  ETA {int(eta) // 60}:{int(eta) % 60:02d}",
                   err=True, nl=done >= self.total)


def run_build_command(*, inputs, output, formats, base, catalog, check, jobs, cache_dir, no_cache, engine,
                      scheduler, shards, max_bytes, stats, quiet, cache_days=30.0) -> None:
    """Everything ``ct2rdf build`` does; raises :class:`Failure` with the exit code."""
    from .build import build as run_build
    from .build import collect
    from .engines import default_jobs
    from .rdf.output import check_base, check_writable
    from .rdf.validate import format_report

    if not inputs:
        if not Path("seeds").is_dir():
            raise Failure("no input given and there is no seeds/ folder here. "
                          "Name the folder or files to build: ct2rdf build DIR -o FILE")
        inputs = (Path("seeds"),)
    to_stdout = str(output) == "-"
    say = partial(click.echo, err=to_stdout)  # with -o -, stdout carries the graph
    try:
        check_base(base)
        targets = outputs_for(output, formats)
        if not to_stdout:
            for path in targets.values():
                check_writable(path)
        cache = cache_folder(cache_dir, no_cache)
        total = len(collect(inputs))
    except Ct2rdfError as e:
        raise Failure(str(e), e.exit_code) from None
    show = not quiet and total >= PROGRESS_FROM and sys.stderr.isatty()
    t0 = time.perf_counter()
    try:
        result = run_build(inputs, base=base, catalog=catalog, check=check, jobs=jobs or default_jobs(),
                           cache=cache, cache_days=cache_days, engine=engine, scheduler=scheduler, keep=False,
                           max_bytes=max_bytes, progress=Progress(total) if show else None)
    except Ct2rdfError as e:
        raise Failure(str(e), e.exit_code) from None
    try:
        _finish(result, targets, shards, to_stdout, say, quiet, stats, t0, format_report)
    finally:
        result.close()


def _finish(result, targets, shards, to_stdout, say, quiet, stats, t0, format_report) -> None:
    errors = result.errors
    for o in errors:
        click.echo(f"Error: {o.error}", err=True)
    if not result.corpus.entries:
        raise Failure(f"none of the {len(result.outs)} input files could be read; nothing was "
                      "written. Fix the files named above", 2)
    if not quiet:
        _summary(result, say)
    written = {}
    try:
        for fmt, path in targets.items():
            written[str(path)] = result.write(path, fmt)
        if shards is not None:
            path = shards
            for part in result.write_shards(shards):
                written[str(part)] = part.stat().st_size
        if not to_stdout:  # the dataset description (and JSON-LD context) beside the files
            from .rdf.void import write_beside

            path = next(iter(targets.values())).parent
            for extra in write_beside(result, written, path):
                written[str(extra)] = extra.stat().st_size
    except Ct2rdfError as e:
        raise Failure(str(e), e.exit_code) from None
    except OSError as e:
        raise Failure(f"cannot write {path} ({e.strerror or e}). "
                      "Choose a folder you can write to with -o") from None
    if not quiet and not to_stdout:
        for path in written:
            say(f"Wrote {path}")
    if stats is not None:
        _write_stats(stats, result, written, t0)
    report = result.report
    if report is not None and (report.errors or (report.warnings and not quiet)):
        click.echo(format_report(report, warnings=not quiet), err=True)
    if errors:
        raise Failure(f"{len(errors)} of {len(result.outs)} files could not be read; "
                      "the others were built. See the errors above", 2)
    if report is not None and not report.conforms:
        where = "it" if to_stdout else ", ".join(written)
        raise Failure(f"the graph violates the shapes ({len(report.errors)} violations above); "
                      f"{where} was written all the same. Fix the input at the sources named above", 1)


def _summary(result, say) -> None:
    entries = sorted(result.corpus.entries, key=lambda e: e.result.name)
    if len(entries) <= TABLE_UP_TO:
        width = max(len(e.result.name) for e in entries)
        say(f"{'file':<{width}}  {'paragraphs':>10}  {'citations':>9}  {'warnings':>8}  document")
        for e in entries:
            o = e.result
            say(f"{o.name:<{width}}  {o.paragraphs:>10}  {o.citations:>9}  {len(o.warnings):>8}  "
                f"{o.symbol or e.path}")
    for o in result.outs:
        for w in o.warnings:
            click.echo(f"Warning: {w}", err=True)
    for w in result.corpus.warnings:
        click.echo(f"Warning: {w}", err=True)
    reused = f", {result.reused} reused from the cache" if result.reused else ""
    if result.pruned:
        reused += f", {result.pruned} unused cached documents removed"
    say(f"{len(entries)} documents{reused}, {result.triples} triples")


def _write_stats(path: Path, result, written: dict, t0: float) -> None:
    import resource

    from .rdf.output import write_output

    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    data = {
        "documents": len(result.outs),
        "built": sum(1 for o in result.outs if o.ok and not o.reused),
        "reused": result.reused,
        "pruned": result.pruned,
        "failed": len(result.errors),
        "triples": result.triples,
        "bytes_in": sum(o.size for o in result.outs),
        "jobs": result.jobs,
        "stages": {**{k: round(v, 3) for k, v in result.timings.items() if isinstance(v, float)},
                   "total": round(time.perf_counter() - t0, 3)},
        # CPU seconds summed over the documents made (not reused), per step, in the workers
        "worker_cpu": {k: round(sum(o.seconds.get(k, 0.0) for o in result.outs if not o.reused), 3)
                       for k in ("extract", "triples", "turtle", "nquads", "validate")},
        "outputs": written,
        "peak_rss_mb": {"main": round(rss, 1), "workers": round(children, 1)},
    }
    write_output(path, (json.dumps(data, indent=2) + "\n").encode())
