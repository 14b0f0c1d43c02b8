"""The whole job: files → per-document chunks (in workers) → merge → output → verdict.

Each input file is one :class:`ct2rdf.work.Task`, run in this process, in
``jobs`` worker processes or on a Dask cluster (:mod:`ct2rdf.engines`).  A
task returns a small summary; its triples wait on disk (the cache, or a
spool folder of this build).  The merge then decides what only the whole
build knows, the shapes are checked per document (in the workers) and once
over a small summary graph for what crosses documents, and the writer
streams the chunks into the output files.  No step holds the corpus' graph.

The CLI is a thin layer over :func:`build` and :meth:`BuildResult.write`.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

from .cache import CACHE_DAYS, prune
from .errors import InputError
from .inputs import INPUT_SUFFIXES, Skipped, Source, collect, find  # noqa: F401 (re-exported)
from .merge import Corpus, merge
from .pipeline import read_catalog
from .work import DocOut, Task

# A build's spool folder (in the temp dir) is named SPOOL_PREFIX<pid>-…: with the pid, so
# the next build can remove the folder of a build killed by SIGKILL (see buildcmd).
SPOOL_PREFIX = "ct2rdf-spool-"


def catalog_for(sources: list[Source], explicit: Path | None) -> dict[str, dict]:
    """The catalog: ``--catalog``, else every ``catalog.csv`` beside the inputs."""
    if explicit is not None:
        return read_catalog(explicit)
    out: dict[str, dict] = {}
    for d in sorted({s.catalog_dir for s in sources}):
        if (d / "catalog.csv").is_file():
            out.update(read_catalog(d / "catalog.csv"))
    return out


@dataclass
class BuildResult:
    """What a build made: the documents' summaries, the merge, the verdict; :meth:`write` writes it."""

    outs: tuple[DocOut, ...]
    corpus: Corpus
    base: str
    report: object | None  # a ct2rdf.rdf.validate.Report, None when not checked
    assembly: object  # a ct2rdf.rdf.write.Assembly
    timings: dict = field(default_factory=dict)
    reused: int = 0  # documents whose chunks came from the cache
    jobs: int = 1
    _spool: tempfile.TemporaryDirectory | None = None
    skipped: tuple[Skipped, ...] = ()  # paths under the input folders not read, and why
    pruned: int = 0  # cache entries removed after the build (see ct2rdf.cache.prune)

    @property
    def results(self) -> tuple:
        """The pipeline Results of every input, when the build kept them (``keep=True``)."""
        return tuple(o.result if o.result is not None else o for o in self.outs)

    @property
    def errors(self) -> tuple[DocOut, ...]:
        return tuple(o for o in self.outs if o.error is not None)

    @property
    def triples(self) -> int:
        """Triples in the graph (the union of all named graphs)."""
        return len(self.graph) if "graph" in self.__dict__ else self._count()

    def _count(self) -> int:
        a = self.assembly
        own = sum(o.triples - len(o.shared) for o in (e.result for e in self.corpus.entries))
        return own + len(set(a.reference) | set(a.shared) | set(a.build))

    def write(self, path: Path | str, fmt: str = "ttl", staged=None) -> int:
        """Write the graph to ``path`` as ``fmt`` (see :data:`ct2rdf.rdf.write.FORMATS`); bytes written.
        Into ``staged`` (a :class:`ct2rdf.atomic.Staged`) when given, else atomically now."""
        from .rdf.write import write

        t = time.perf_counter()
        n = write(path, fmt, self.assembly, staged)
        self.timings["write"] = self.timings.get("write", 0.0) + time.perf_counter() - t
        return n

    def write_shards(self, folder: Path, per_shard: int = 1000, staged=None) -> list[Path]:
        """Write the dataset as N-Quads shards into ``folder`` (see :func:`ct2rdf.rdf.write.write_shards`)."""
        from .rdf.write import write_shards

        t = time.perf_counter()
        paths = write_shards(folder, self.assembly, per_shard, staged)
        self.timings["write"] = self.timings.get("write", 0.0) + time.perf_counter() - t
        return paths

    def to_bytes(self, fmt: str = "ttl") -> bytes:
        from .rdf.write import to_bytes

        return to_bytes(fmt, self.assembly)

    @cached_property
    def graph(self):
        """The whole graph as an rdflib Graph (parsed from the output: small builds, tests)."""
        from rdflib import Graph

        from .rdf.namespace import PREFIXES

        g = Graph()
        for prefix, ns in PREFIXES.items():
            g.bind(prefix, ns, override=True, replace=True)
        return g.parse(data=self.to_bytes("nt"), format="nt")

    def close(self) -> None:
        """Remove the spool folder (the chunks of a build without a cache)."""
        if self._spool is not None:
            self._spool.cleanup()
            self._spool = None


def build(
    inputs: Iterable[Path],
    *,
    base: str,
    catalog: Path | None = None,
    check: bool = True,
    themes: bool = True,
    jobs: int = 1,
    cache: Path | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    keep: bool = True,
    max_bytes: int = 20_000_000,
    max_facts: int = 100_000,
    progress: Callable[[int], None] | None = None,
    cache_days: float | None = CACHE_DAYS,
) -> BuildResult:
    """Process every input, merge, check the shapes; the result writes the output.

    Args:
        themes: tag paragraphs with themes and ship the theme scheme.
        jobs: worker processes (1: in this process).
        cache: a folder of cached chunks, reused when a file, its catalog row,
            the base and the tool version are unchanged; None: a spool folder
            removed by :meth:`BuildResult.close`.
        engine: ``local`` (processes) or ``dask`` (a Dask cluster at
            ``scheduler``, or a local one).
        keep: keep each file's pipeline Result (in-process builds only).
        max_bytes: refuse input files larger than this (0: no limit).
        max_facts: refuse a document with more facts than this of one kind (0: no limit).
        progress: called with the number of documents done so far.
        cache_days: after the build, remove the cache's entries that it did
            not use and no build used for this many days (None: keep all).
    """
    from .engines import run_all

    inputs = list(inputs)
    found = find(inputs)
    sources = found.sources
    if not sources:
        lost = [s for s in found.skipped if s.error]
        raise InputError(
            ", ".join(str(p) for p in inputs),
            "no .txt or .md files found" + (f" ({lost[0].name}: {lost[0].cause})" if lost else ""),
            "Give a folder of UTF-8 texts or the files themselves",
        )
    entries = catalog_for(sources, catalog)
    spool = None
    if cache is None:
        spool = tempfile.TemporaryDirectory(prefix=f"{SPOOL_PREFIX}{os.getpid()}-")
        folder = spool.name
    else:
        folder = str(Path(cache))
    keep = keep and jobs == 1 and engine == "local"
    tasks = [Task(s.name, str(s.path), entries.get(s.name), base, folder, check, keep=keep,
                  max_bytes=max_bytes, max_facts=max_facts, themes=themes) for s in sources]
    timings: dict[str, float] = {}
    t = time.perf_counter()
    outs = run_all(tasks, jobs=jobs, engine=engine, scheduler=scheduler, progress=progress)
    reused = sum(1 for o in outs if o.reused)
    timings["extract"] = time.perf_counter() - t
    t = time.perf_counter()
    used = {o.key for o in outs}  # a clashing minted path is made twice: both are reused next time
    outs, corpus = _merge(outs, tasks, lambda redo: run_all(redo, jobs=jobs, engine=engine,
                                                            scheduler=scheduler))
    timings["merge"] = time.perf_counter() - t
    pruned = 0
    if cache is not None and cache_days is not None:
        pruned = prune(folder, used | {o.key for o in outs}, cache_days)
    assembly = _assemble(corpus, base, themes)
    t = time.perf_counter()
    report = _verdict(corpus, assembly) if check else None
    timings["validate"] = time.perf_counter() - t
    return BuildResult(tuple(outs), corpus, base, report, assembly, timings, reused, jobs, spool,
                       tuple(found.skipped), pruned)


def _merge(outs: list[DocOut], tasks: list[Task], run) -> tuple[list[DocOut], Corpus]:
    """Merge; documents whose minted path clashed are made again (by ``run``) with their numbered path."""
    corpus = merge(outs)
    redo = {e.result.name: e.path for e in corpus.entries if e.path != e.result.path}
    if not redo:
        return outs, corpus
    again = [replace(t, path=redo[t.name]) for t in tasks if t.name in redo]
    made = {o.name: o for o in run(again)}
    outs = [made.get(o.name, o) for o in outs]
    return outs, merge(outs)


def _assemble(corpus: Corpus, base: str, themes: bool = True):
    from .rdf.graph import RUN_PLACEHOLDER, BuildFacts, build_triples, iri, reference_triples, run_iri
    from .rdf.nt import natural
    from .rdf.write import Assembly

    docs = sorted(corpus.entries, key=lambda e: natural(e.path))
    cited = {}
    for e in docs:
        for symbol, _ in e.result.cited:
            cited[symbol] = corpus.cited_dates.get(symbol)
    facts = BuildFacts(
        run=corpus.run,
        sources=tuple(f"{iri(base, e.path)}/zh/txt" for e in docs),
        inputs=frozenset(e.result.symbol for e in docs if e.result.symbol),
        cited=cited, ends=corpus.mandate_ends, renewals=corpus.renewals,
    )
    shared = sorted({t for e in docs for t in e.result.shared})
    return Assembly(
        base=base,
        docs=tuple((e.result.iri, e.result.chunks) for e in docs),
        shared=tuple(shared), reference=tuple(reference_triples(with_themes=themes)),
        build=tuple(build_triples(facts, base)),
        placeholder=run_iri(base, RUN_PLACEHOLDER).encode(), run=run_iri(base, corpus.run).encode(),
    )


def _verdict(corpus: Corpus, assembly):
    """The shapes' verdict: every document's own results, and the summary graph's."""
    from .rdf import nt
    from .rdf.shacl import checker
    from .rdf.validate import Report

    found = [v for e in corpus.entries for v in (e.result.findings or ())]
    summary = checker().check(nt.lines(nt.ordered(summary_triples(corpus, assembly))))
    run = assembly.run.decode()
    placeholder = assembly.placeholder.decode()
    where = {e.result.iri: e.result.name for e in corpus.entries}
    out = []
    for v in (*found, *summary):
        if placeholder in v.focus:
            v = replace(v, focus=v.focus.replace(placeholder, run))
        if not v.file:
            doc = _owner(v.focus, where)
            if doc:
                v = replace(v, file=doc)
        out.append(v)
    return Report.union_of(out)


def summary_triples(corpus: Corpus, assembly) -> list:
    """The summary graph the cross-document shapes check once per build.

    What crosses documents: cited documents (with the dates the build gives
    them), meetings described by several documents, and mandates whose end
    or renewal the build computed (both ends of a link), each with the
    triples of its document the shapes follow; and the reference data.  Its
    size grows with the corpus, so every shape must check it in linear time
    (``python bench/bench_summary.py``; tests/test_summary.py).
    """
    from .rdf.graph import meeting_iri

    meetings: dict[str, int] = {}
    for e in corpus.entries:
        for node in e.result.groups:
            if node.startswith(meeting_iri(assembly.base, "")):
                meetings[node] = meetings.get(node, 0) + 1
    wanted = {n for n, k in meetings.items() if k > 1}
    wanted |= set(corpus.mandate_ends) | set(corpus.renewals) | set(corpus.renewals.values())
    triples = list(assembly.reference) + list(assembly.build)
    for e in corpus.entries:
        for node, group in e.result.groups.items():
            if node in wanted:
                triples += group
    return triples


def _owner(focus: str, where: dict[str, str]) -> str | None:
    """The input file whose document IRI ``focus`` is, or is under."""
    node = focus
    while node:
        if node in where:
            return where[node]
        cut = node.rfind("/")
        node = node[:cut] if cut > 0 else ""
    return None
