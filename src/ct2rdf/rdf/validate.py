"""SHACL validation results, reported by stable shape id in English and Chinese (engines: rdf/shacl.py)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH

from ..errors import Ct2rdfError, UsageError
from ..resources import turtle_files
from .locate import Location
from .namespace import CT

SHAPES_NS = "https://w3id.org/ct2rdf/shapes#"


@dataclass(frozen=True)
class Violation:
    """One validation result, with the source file and characters behind its focus node."""

    shape: str  # the shape's id, e.g. "S01-Resolution-symbol"
    focus: str
    path: str
    value: str
    severity: str  # "Violation" or "Warning"
    message_en: str
    message_zh: str
    file: str = ""  # the source file, "" when the node comes from no file
    start: int | None = None  # code-point offsets into the decoded file, end exclusive
    end: int | None = None

    @property
    def source(self) -> str:
        """``file, characters start-end`` (or just the file), "" when unknown."""
        return str(Location(self.file, self.start, self.end)) if self.file else ""

    def sort_key(self) -> tuple:
        """Violations before warnings, then by shape, file, offset and focus."""
        return (self.severity != "Violation", self.shape, self.file, self.start or 0, self.focus,
                self.path, self.value)


@dataclass(frozen=True)
class Report:
    """The outcome: whether the graph conforms, the results, and the engine's report graph.

    ``conforms`` is true when no result is a Violation: Warnings (what the
    source does not say) are reported but do not fail the graph.
    ``violations`` holds every result, Warnings included.  ``graph`` is the
    engine's own report (None for a union: :func:`results_graph` renders one).
    """

    conforms: bool
    violations: tuple[Violation, ...]
    graph: Graph | None = None

    @staticmethod
    def union(reports: Iterable[Report]) -> Report:
        """One report of several (each document's, and the summary's): results de-duplicated, sorted."""
        return Report.union_of(v for r in reports for v in r.violations)

    @classmethod
    def union_of(cls, found) -> Report:
        """One report of results found in parts (per document, the summary graph).

        A result found twice (a cited document checked with two citing
        documents) is listed once, with a source file where one of them has it.
        """
        best: dict[tuple, Violation] = {}
        for v in found:
            key = (v.shape, v.focus, v.path, v.value, v.severity)
            prev = best.get(key)
            if prev is None or (not prev.file and v.file) or (
                    prev.file and v.file and (v.file, v.start or 0) < (prev.file, prev.start or 0)):
                best[key] = v
        unique = tuple(sorted(best.values(), key=Violation.sort_key))
        return cls(not any(v.severity == "Violation" for v in unique), unique, None)

    @property
    def warnings(self) -> tuple[Violation, ...]:
        """The results of severity Warning (or Info)."""
        return tuple(v for v in self.violations if v.severity != "Violation")

    @property
    def errors(self) -> tuple[Violation, ...]:
        """The results of severity Violation."""
        return tuple(v for v in self.violations if v.severity == "Violation")


@lru_cache(maxsize=4)
def _load(paths: tuple[Path, ...]) -> Graph:
    g = Graph()
    for p in paths:
        g.parse(p, format="turtle")
    return g


def shapes_graph(shapes_dir: Path | None = None) -> Graph:
    """The shapes: every ``*.ttl`` of ``shapes_dir`` (default: the packaged shapes).

    A user's folder is read strictly (:mod:`ct2rdf.rdf.shapecheck`): a file that
    is not Turtle, no shape at all or a malformed path is a ShapesError.
    """
    files = sorted(Path(shapes_dir).glob("*.ttl")) if shapes_dir else turtle_files("shapes")
    if not files:
        raise FileNotFoundError(f"no *.ttl shapes in {shapes_dir}")
    if shapes_dir:
        from .shapecheck import load_shapes

        return load_shapes(files)
    return _load(tuple(files))


# ct:Document and its subclasses, for graphs written without the superclass.
_DOCUMENT_CLASSES = (CT.Document, CT.Resolution, CT.PresidentialStatement, CT.Letter, CT.Annex)


class TurtleError(UsageError):
    """The input is not Turtle: the message names the line, the column and the parser's reason."""


class EmptyGraph(Ct2rdfError):
    """The graph holds no ct:Document: an empty, truncated or wrong file, nothing to check."""

    exit_code = 1


def read_turtle(data: bytes, name: str) -> Graph:
    """Parse ``data`` (the contents of ``name``) as a ct2rdf graph, or say precisely why not.

    An empty file or a graph without a single ct:Document would pass every
    shape (no focus nodes, no results): it is refused, not reported as conforming.
    """
    graph = Graph()
    try:
        graph.parse(data=data, format="turtle")
    except Exception as e:  # rdflib raises many types for bad syntax
        raise TurtleError(f"{name} is not valid Turtle: {_syntax_error(data, e)}. "
                          "Fix the file there, or rebuild it with ct2rdf build") from None
    if not any((None, RDF.type, cls) in graph for cls in _DOCUMENT_CLASSES):
        n = len(graph)
        what = "is empty" if not data.strip() else f"holds no ct:Document ({n} triple{'s' * (n != 1)})"
        raise EmptyGraph(f"{name} {what}: there is nothing to check (a truncated download, or the "
                         "wrong file?). Give the Turtle file ct2rdf build wrote (out/ct.ttl)")
    return graph


def _syntax_error(data: bytes, rdflib_error: Exception) -> str:
    """Line, column and reason: Oxigraph's parser says all three, rdflib's only the line."""
    import pyoxigraph as ox

    try:
        for _ in ox.parse(data, format=ox.RdfFormat.TURTLE, base_iri="file:///input.ttl"):
            pass
    except SyntaxError as e:
        # e.msg: "Parser error at line 3 between columns 11 and 14: <reason>"
        reason = e.msg.split(": ", 1)[-1]
        return f"line {e.lineno}, column {e.offset}: {reason}"
    why = getattr(rdflib_error, "_why", None)
    line = getattr(rdflib_error, "lines", None)
    return f"at line {line + 1}: {why}" if why and line is not None else str(rdflib_error).splitlines()[0]


def validate(data: Graph, shapes_dir: Path | None = None, engine: str | None = None) -> Report:
    """Validate ``data`` against the shapes, with the fast engine unless ``engine`` names another.

    Every engine gives pyshacl's verdicts (tests/test_engines.py); see rdf/shacl.py.
    """
    from .shacl import DEFAULT_ENGINE, checker

    return checker(engine or DEFAULT_ENGINE, shapes_dir).report(data)


def results_graph(report: Report) -> Graph:
    """A SHACL validation report graph of ``report``'s results (a union keeps no engine graph).

    Values are IRIs or plain literals (a Violation keeps the lexical form);
    a complex result path is left to the source shape, which states it.
    """
    g = Graph()
    g.bind("sh", SH)
    g.bind("cts", SHAPES_NS)
    node = BNode("report")
    g.add((node, RDF.type, SH.ValidationReport))
    g.add((node, SH.conforms, Literal(report.conforms)))
    for i, v in enumerate(report.violations):
        r = BNode(f"result{i}")
        g.add((node, SH.result, r))
        g.add((r, RDF.type, SH.ValidationResult))
        g.add((r, SH.focusNode, URIRef(v.focus)))
        g.add((r, SH.sourceShape, URIRef(SHAPES_NS + v.shape)))
        g.add((r, SH.resultSeverity, SH[v.severity]))
        if _is_iri(v.path):
            g.add((r, SH.resultPath, URIRef(v.path)))
        if v.value:
            g.add((r, SH.value, URIRef(v.value) if _is_iri(v.value) else Literal(v.value)))
        for text, lang in ((v.message_en, "en"), (v.message_zh, "zh")):
            if text:
                g.add((r, SH.resultMessage, Literal(text, lang=lang)))
    return g


def _is_iri(text: str) -> bool:
    return text.startswith(("http://", "https://"))


def format_report(report: Report, fmt: str = "text", warnings: bool = True) -> str:
    """Render a report as ``text``, ``json`` or ``turtle``; ``warnings=False`` lists violations only."""
    if fmt == "json":
        return json.dumps(
            {"conforms": report.conforms,
             "violations": [asdict(v) for v in report.errors],
             "warnings": [asdict(v) for v in report.warnings]},
            ensure_ascii=False, indent=2,
        )
    if fmt == "turtle":
        graph = report.graph if report.graph is not None else results_graph(report)
        return graph.serialize(format="turtle")
    tally = ((len(report.errors), "violation"), (len(report.warnings), "warning"))
    counts = ", ".join(f"{n} {word}{'' if n == 1 else 's'}" for n, word in tally if n)
    lines = [f"Conforms: {'yes' if report.conforms else 'no'}" + (f" ({counts})" if counts else "")]
    for v in report.violations if warnings else report.errors:
        lines.append(f"[{v.shape}] {v.severity}: {v.focus}")
        if v.source:
            lines.append(f"    source: {v.source}")
        detail = "  ".join(f"{k}: {x}" for k, x in (("path", v.path), ("value", v.value)) if x)
        if detail:
            lines.append(f"    {detail}")
        lines.append(f"    {v.message_en}")
        if v.message_zh:
            lines.append(f"    {v.message_zh}")
    return "\n".join(lines)
