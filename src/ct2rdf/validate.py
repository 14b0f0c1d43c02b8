"""SHACL validation with pyshacl, reported by stable shape id in English and Chinese."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import SH

from .resources import turtle_files

SHAPES_NS = "https://w3id.org/ct2rdf/shapes#"


@dataclass(frozen=True, order=True)
class Violation:
    """One validation result."""

    shape: str  # the shape's id, e.g. "S01-Resolution-symbol"
    focus: str
    path: str
    value: str
    severity: str
    message_en: str
    message_zh: str


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
        violations.append(
            Violation(
                shape=_short(shape),
                focus=str(results.value(r, SH.focusNode) or ""),
                path=_short(results.value(r, SH.resultPath)),
                value=str(results.value(r, SH.value) or ""),
                severity=_short(results.value(r, SH.resultSeverity)),
                message_en=msgs.get("en") or msgs.get(None, ""),
                message_zh=msgs.get("zh", ""),
            )
        )
    return Report(bool(conforms), tuple(sorted(violations)), results)


def _short(node) -> str:
    if node is None:
        return ""
    s = str(node)
    if isinstance(node, URIRef):
        for prefix in (SHAPES_NS, str(SH)):
            if s.startswith(prefix):
                return s[len(prefix):]
    return s


def format_report(report: Report, fmt: str = "text") -> str:
    """Render a report as ``text``, ``json`` or ``turtle``."""
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
    for v in report.violations:
        lines.append(f"[{v.shape}] {v.severity}: {v.focus}")
        if v.path:
            lines.append(f"    path: {v.path}" + (f"  value: {v.value}" if v.value else ""))
        lines.append(f"    {v.message_en}")
        if v.message_zh:
            lines.append(f"    {v.message_zh}")
    return "\n".join(lines)
