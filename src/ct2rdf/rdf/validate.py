"""SHACL validation with pyshacl, reported by stable shape id in English and Chinese."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, SH

from ..errors import Ct2rdfError, UsageError
from ..resources import turtle_files
from .locate import Location, cited_in, locate
from .namespace import CT, PREFIXES

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
    """The outcome: whether the graph conforms, the results, and pyshacl's report graph.

    ``conforms`` is true when no result is a Violation: Warnings (what the
    source does not say) are reported but do not fail the graph.
    ``violations`` holds every result, Warnings included.
    """

    conforms: bool
    violations: tuple[Violation, ...]
    graph: Graph

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
    """The shapes: every ``*.ttl`` of ``shapes_dir`` (default: the packaged shapes)."""
    files = sorted(Path(shapes_dir).glob("*.ttl")) if shapes_dir else turtle_files("shapes")
    if not files:
        raise FileNotFoundError(f"no *.ttl shapes in {shapes_dir}")
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


def validate(data: Graph, shapes_dir: Path | None = None) -> Report:
    """Validate ``data`` against the shapes."""
    import pyshacl  # imported lazily: it is slow to import

    conforms, results, _ = pyshacl.validate(
        data, shacl_graph=shapes_graph(shapes_dir), inference="none", allow_warnings=True
    )
    shapes = shapes_graph(shapes_dir)
    violations = []
    for r in results.subjects(SH.resultSeverity, None):
        shape = results.value(r, SH.sourceShape)
        # Read the messages off the shape (or its SPARQL constraint): pyshacl
        # drops the language tags of SPARQL constraints' messages.
        msgs = {}
        for node in (results.value(r, SH.sourceConstraint), shape):
            if node is not None and not msgs:
                msgs = {m.language: str(m) for m in shapes.objects(node, SH.message)}
        if not msgs:
            msgs = {m.language: str(m) for m in results.objects(r, SH.resultMessage)}
        focus, value = results.value(r, SH.focusNode), results.value(r, SH.value)
        where = _where(data, focus, value)
        violations.append(
            Violation(
                shape=_short(shape),
                focus=str(focus or ""),
                path=_path(results, results.value(r, SH.resultPath)),
                value=str(value or ""),
                severity=_short(results.value(r, SH.resultSeverity)),
                message_en=msgs.get("en") or msgs.get(None, ""),
                message_zh=msgs.get("zh", ""),
                file=where.file if where else "",
                start=where.start if where else None,
                end=where.end if where else None,
            )
        )
    # one line per finding: a shape with two constraints of one message (S15:
    # start ≤ review, start ≤ end) reports the same value twice
    unique = sorted(set(violations), key=Violation.sort_key)
    return Report(bool(conforms), tuple(unique), results)


def _where(data: Graph, focus, value) -> Location | None:
    """The source behind ``focus``; for a whole document (S17), where it cites ``value``."""
    where = locate(data, focus)
    if where is not None and where.start is None and value is not None:
        return cited_in(data, focus, value) or where
    return where


def _short(node) -> str:
    if node is None:
        return ""
    s = str(node)
    if isinstance(node, URIRef):
        for prefix in (SHAPES_NS, str(SH)):
            if s.startswith(prefix):
                return s[len(prefix):]
    return s


def _path(g: Graph, node) -> str:
    """A result path as text: an IRI in full, a complex path as SPARQL (``ct:conferredBy/…``)."""
    if node is None or isinstance(node, URIRef):
        return _short(node)
    return _complex(g, node)


def _complex(g: Graph, node) -> str:
    if isinstance(node, URIRef):
        return _prefixed(str(node))
    if (node, RDF.first, None) in g:
        return "/".join(_complex(g, step) for step in Collection(g, node))
    for prop, mark in ((SH.zeroOrMorePath, "*"), (SH.oneOrMorePath, "+"), (SH.zeroOrOnePath, "?")):
        inner = g.value(node, prop)
        if inner is not None:
            return f"({_complex(g, inner)}){mark}"
    inner = g.value(node, SH.inversePath)
    return f"^{_complex(g, inner)}" if inner is not None else str(node)


def _prefixed(iri: str) -> str:
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


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
        return report.graph.serialize(format="turtle")
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
