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
                      scheduler, shards, max_bytes, stats, quiet, themes=True, max_facts=100_000,
                      cache_days=30.0) -> None:
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
        if shards is not None:
            check_writable(Path(shards) / "part-build.nq", "--shards")
        if stats is not None:
            check_writable(stats, "--stats")
        cache = cache_folder(cache_dir, no_cache)
        total = len(collect(inputs))
    except Ct2rdfError as e:
        raise Failure(str(e), e.exit_code) from None
    _remove_stale(targets, shards, stats, cache, to_stdout, quiet)
    if not to_stdout:
        from . import interrupts

        interrupts.note("the previous output is unchanged")
    show = not quiet and total >= PROGRESS_FROM and sys.stderr.isatty()
    t0 = time.perf_counter()
    try:
        result = run_build(inputs, base=base, catalog=catalog, check=check, themes=themes,
                           jobs=jobs or default_jobs(),
                           cache=cache, cache_days=cache_days, engine=engine, scheduler=scheduler, keep=False,
                           max_bytes=max_bytes, max_facts=max_facts,
                           progress=Progress(total) if show else None)
    except Ct2rdfError as e:
        raise Failure(str(e), e.exit_code) from None
    try:
        _finish(result, targets, shards, to_stdout, say, quiet, stats, t0, format_report)
    finally:
        result.close()


def _finish(result, targets, shards, to_stdout, say, quiet, stats, t0, format_report) -> None:
    errors = result.errors
    lost = [s for s in result.skipped if s.error]  # folders that could not be listed
    for o in errors:
        click.echo(f"Error: {o.error}", err=True)
    for s in lost:
        click.echo(f"Error: {s}", err=True)
    if not result.corpus.entries:
        raise Failure(f"none of the {len(result.outs)} input files could be read; nothing was "
                      "written. Fix the files named above", 2)
    if not quiet:
        _summary(result, say)
    written = _write_all(result, targets, shards, stats, to_stdout, t0)
    if not quiet and not to_stdout:
        for path in written:
            say(f"Wrote {path}")
    report = result.report
    if report is not None and (report.errors or (report.warnings and not quiet)):
        click.echo(format_report(report, warnings=not quiet), err=True)
    if errors or lost:
        what = f"{len(errors)} of {len(result.outs)} files" + (f" and {len(lost)} folders" if lost else "")
        raise Failure(f"{what} could not be read or built; the others were built. See the errors above", 2)
    if report is not None and not report.conforms:
        where = "it" if to_stdout else ", ".join(written)
        raise Failure(f"the graph violates the shapes ({len(report.errors)} violations above); "
                      f"{where} was written all the same. Fix the input at the sources named above", 1)


def _write_all(result, targets, shards, stats, to_stdout, t0) -> dict:
    """Every output file staged, then renamed into place together (see :mod:`ct2rdf.atomic`):
    an error or an interrupt before the end leaves the previous output, all of it."""
    from . import interrupts
    from .atomic import Staged

    written = {}
    try:
        with Staged() as staged:
            for fmt, path in targets.items():
                written[str(path)] = result.write(path, fmt, staged)
            if shards is not None:
                for part in result.write_shards(shards, staged=staged):
                    written[str(part)] = _staged_size(staged, part)
            files = [p for p in targets.values() if not to_stdout and not _special(p)]
            if files:  # the dataset description (and JSON-LD context) beside the files
                from .rdf.void import write_beside

                for extra in write_beside(result, written, files[0].parent, staged):
                    written[str(extra)] = _staged_size(staged, extra)
            if stats is not None:
                _write_stats(staged, stats, result, written, t0)
            staged.commit(then=lambda: interrupts.note("the output was written before it stopped"))
    except Ct2rdfError as e:
        raise Failure(str(e), e.exit_code) from None
    except OSError as e:  # reading a document's chunk back (e.filename), or a rename
        raise Failure(f"cannot complete the output: {e.filename or ''} {e.strerror or e}. "
                      "Build again; the previous output is unchanged") from None
    return written


def _special(path: Path) -> bool:
    """An existing output that is not a file (``-o /dev/null``): written into, nothing beside it."""
    return path.exists() and not path.is_file() and not path.is_dir()


def _staged_size(staged, path: Path) -> int:
    from .atomic import target

    tmp = next(t for t, p in staged.pending if p == target(path))
    return tmp.stat().st_size


def _remove_stale(targets, shards, stats, cache, to_stdout, quiet) -> None:
    """Remove the temporary files a killed build left beside this build's outputs (see
    :func:`ct2rdf.atomic.remove_stale`), and say so in one line."""
    from .atomic import remove_stale, remove_stale_spools, target

    folders = set() if to_stdout else {target(p).parent for p in targets.values() if not _special(p)}
    if shards is not None:
        folders.add(Path(shards))
    if stats is not None:
        folders.add(target(stats).parent)
    removed = remove_stale(sorted(folders))
    if cache is not None:
        removed += remove_stale([cache], by_pid=False)
    else:  # the spool folder of a killed build without a cache
        import tempfile

        from .build import SPOOL_PREFIX

        removed += remove_stale_spools(Path(tempfile.gettempdir()), SPOOL_PREFIX)
    if removed and not quiet:
        names = ", ".join(str(p) for p in removed[:10]) + (" …" if len(removed) > 10 else "")
        click.echo(f"Removed {len(removed)} temporary file(s) left by an interrupted build: {names}",
                   err=True)


def _summary(result, say) -> None:
    entries = sorted(result.corpus.entries, key=lambda e: e.result.name)
    if len(entries) <= TABLE_UP_TO:
        width = max(len(e.result.name) for e in entries)
        say(f"{'file':<{width}}  {'paragraphs':>10}  {'citations':>9}  {'warnings':>8}  document")
        for e in entries:
            o = e.result
            say(f"{o.name:<{width}}  {o.paragraphs:>10}  {o.citations:>9}  {len(o.warnings):>8}  "
                f"{o.symbol or e.path}")
    for s in result.skipped:
        if not s.error:
            click.echo(f"Warning: {s}", err=True)
    for o in result.outs:
        for w in o.warnings:
            click.echo(f"Warning: {w}", err=True)
    for w in result.corpus.warnings:
        click.echo(f"Warning: {w}", err=True)
    reused = f", {result.reused} reused from the cache" if result.reused else ""
    if result.pruned:
        reused += f", {result.pruned} unused cached documents removed"
    say(f"{len(entries)} documents{reused}, {result.triples} triples")


def _write_stats(staged, path: Path, result, written: dict, t0: float) -> None:
    import resource

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
    staged.write(path, (json.dumps(data, indent=2) + "\n").encode())
