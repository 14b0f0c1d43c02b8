"""The whole job: files → per-document results → merged corpus → graph → Turtle.

The CLI is a thin layer over :func:`build`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from .errors import InputError, UsageError
from .merge import Corpus, merge
from .pipeline import Result, process, read_catalog
from .rdf.graph import build_graph
from .rdf.validate import Report, validate

INPUT_SUFFIXES = (".txt", ".md")


@dataclass(frozen=True)
class Source:
    """One input file and the name it gets in the graph (relative to its input root)."""

    path: Path
    name: str
    catalog_dir: Path


def collect(inputs: Iterable[Path]) -> list[Source]:
    """Expand folders into their text files; sort by name so order never matters."""
    found: dict[str, Source] = {}
    for raw in inputs:
        path = Path(raw)
        if path.is_dir():
            for f in sorted(path.rglob("*")):
                if f.is_file() and f.suffix.lower() in INPUT_SUFFIXES:
                    name = f.relative_to(path).as_posix()
                    _add(found, Source(f, name, path))
        else:
            _add(found, Source(path, path.name, path.parent))
    return [found[k] for k in sorted(found)]


def _add(found: dict[str, Source], source: Source) -> None:
    """Add ``source`` unless the same file is there already.

    Two different files with one name (``a/x.txt`` and ``b/x.txt`` given as
    ``a b``) would share a ct:sourceFile and a catalog row: the second was
    silently dropped, and which one depended on the order of the inputs.
    """
    prev = found.get(source.name)
    if prev is None:
        found[source.name] = source
    elif prev.path.resolve() != source.path.resolve():
        raise UsageError(
            f"two inputs have the same name {source.name} ({prev.path} and {source.path}). "
            "Rename one, or give their common parent folder instead"
        )


def catalog_for(sources: list[Source], explicit: Path | None) -> dict[str, dict]:
    """The catalog: ``--catalog``, else every ``catalog.csv`` beside the inputs."""
    if explicit is not None:
        return read_catalog(explicit)
    out: dict[str, dict] = {}
    for d in sorted({s.catalog_dir for s in sources}):
        if (d / "catalog.csv").is_file():
            out.update(read_catalog(d / "catalog.csv"))
    return out


@dataclass(frozen=True)
class BuildResult:
    results: tuple[Result, ...]
    corpus: Corpus
    graph: Graph
    report: Report | None


def build(
    inputs: Iterable[Path],
    *,
    base: str,
    catalog: Path | None = None,
    check: bool = True,
    progress: Callable[[Iterable[Source]], Iterable[Source]] = lambda xs: xs,
) -> BuildResult:
    """Process every input, merge, build the graph and (unless ``check`` is off) validate it."""
    sources = collect(inputs)
    if not sources:
        raise InputError(
            ", ".join(str(p) for p in inputs),
            "no .txt or .md files found",
            "Give a folder of UTF-8 texts or the files themselves",
        )
    entries = catalog_for(sources, catalog)
    results = []
    for s in progress(sources):
        try:
            data = s.path.read_bytes()
        except OSError as e:
            results.append(Result(s.name, error=InputError(s.name, f"cannot read it ({e.strerror})",
                                                           "Check the path and its permissions")))
            continue
        results.append(process(s.name, data, entries.get(s.name)))
    corpus = merge(results)
    graph = build_graph(corpus, base)
    report = validate(graph) if check else None
    return BuildResult(tuple(results), corpus, graph, report)
