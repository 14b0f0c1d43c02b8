"""SHACL engines behind one interface: shapes loaded once, many small data graphs checked fast.

A build validates each document's graph (a few thousand triples, as
N-Triples text) in its worker, and once a small summary for the shapes that
look across documents.  pyshacl is the reference; ``pyshacl-turbo`` (a Rust
engine with pyshacl's report vocabulary) gives the same verdicts on every
shape of ``shapes/`` and every planted fault (tests/test_engines.py), about
45× faster per document, so it is the default.  ``pyrudof`` also agrees but
reads data slowly (~6× turbo's time per document); it stays selectable for
comparison.  Never hand pyshacl-turbo 0.6 a pyoxigraph Store: on that path
it reads the plain literal "zh" as differing from "zh"^^xsd:string and fails
S03-SourceText-language; text and rdflib graphs are read correctly.

Every engine's report is read the same way into :class:`Finding` tuples, so
"the same verdict" is a set comparison; :class:`Checker` turns findings into
:class:`~ct2rdf.rdf.validate.Violation` (messages read off the shapes, the
source file and characters located in the data graph, parsed only when there
is something to locate).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, SH, XSD

from ..errors import UsageError
from .locate import Location, TripleIndex, cited_in, locate
from .namespace import PREFIXES
from .validate import SHAPES_NS, Report, Violation, shapes_graph

ENGINES = ("turbo", "pyshacl", "rudof")
DEFAULT_ENGINE = "turbo"
# rdflib's, pyshacl-turbo's and pyrudof's names for the data formats a check accepts
_FORMATS = {"ntriples": ("nt", "nquads", "NTriples"), "nquads": ("nquads", "nquads", "NQuads"),
            "turtle": ("turtle", "turtle", "Turtle")}


class Finding(NamedTuple):
    """One result as every engine can state it: what the engines must agree on."""

    shape: str  # the shape's id, e.g. "S08-Mandate-holder"
    focus: str  # the focus node in N-Triples syntax
    path: str  # the result path as SPARQL (ct:conferredBy/eli:is_part_of), "" for none
    value: str  # the value node in N-Triples syntax, "" for none; xsd:string is the plain literal
    severity: str  # "Violation", "Warning", "Info"


class Checker:
    """Loads the shapes once per process; :meth:`check` validates one data graph against them."""

    def __init__(self, shapes_dir: Path | None = None, engine: str = DEFAULT_ENGINE):
        if engine not in ENGINES:
            raise ValueError(f"unknown SHACL engine {engine!r}: choose one of {', '.join(ENGINES)}")
        self.engine = engine
        self.shapes = shapes_graph(shapes_dir)
        self.messages = messages(self.shapes)
        try:
            self._run = _engine(engine, self.shapes)
        except Exception as e:  # the engine refuses what the checks of a user's shapes let through
            if shapes_dir is None:
                raise
            raise UsageError(f"the shapes in {shapes_dir} cannot be compiled ({e}). Fix them") from None

    def report_graph(self, data: str | Graph, fmt: str = "ntriples") -> Graph:
        """The engine's own results graph (sh:ValidationReport) for ``data``."""
        if fmt not in _FORMATS:
            raise ValueError(f"unknown data format {fmt!r}: choose one of {', '.join(_FORMATS)}")
        return self._run(data, fmt)

    def findings(self, data: str | Graph, fmt: str = "ntriples") -> set[Finding]:
        """The results for ``data`` (text in ``fmt``, or a graph), engine differences normalized."""
        return {f for f, _ in read_results(self.report_graph(data, fmt))}

    def check(self, data: str | Graph, fmt: str = "ntriples") -> tuple[Violation, ...]:
        """Validate ``data`` (N-Triples text by default, or a graph); the Violations, sorted."""
        results = read_results(self.report_graph(data, fmt))
        if not results:
            return ()
        graph = data if isinstance(data, Graph) else TripleIndex(data, fmt)
        return tuple(sorted({self._violation(graph, f, v) for f, v in results}, key=Violation.sort_key))

    def report(self, data: Graph) -> Report:
        """:meth:`check` on a graph, as a :class:`Report` (the engine's results graph kept)."""
        report = self.report_graph(data)
        found = {self._violation(data, f, v) for f, v in read_results(report)}
        violations = tuple(sorted(found, key=Violation.sort_key))
        return Report(not any(v.severity == "Violation" for v in violations), violations, report)

    def _violation(self, graph: Graph | TripleIndex, f: Finding, value) -> Violation:
        en, zh = self.messages.get(f.shape, ("", ""))
        focus = _term(f.focus)
        where = _where(graph, focus, value)
        return Violation(
            shape=f.shape, focus=str(focus), path=f.path, value="" if value is None else str(value),
            severity=f.severity, message_en=en, message_zh=zh,
            file=where.file if where else "", start=where.start if where else None,
            end=where.end if where else None,
        )


def _engine(name: str, shapes: Graph):
    """A function (data, fmt) → results graph, with the shapes compiled once."""
    if name == "turbo":
        import pyshacl_turbo
        from pyshacl_turbo.rdf import Input

        compiled = pyshacl_turbo.compile_shapes(shapes)

        def run_turbo(data, fmt):
            # Text goes in as text: the engine parses it natively (rdflib would take 10× longer).
            source = data if isinstance(data, Graph) else Input(data, _FORMATS[fmt][1], None, {})
            return compiled.validate(source, allow_warnings=True)[1]

        return run_turbo
    if name == "rudof":
        import pyrudof

        rudof = pyrudof.Rudof(pyrudof.RudofConfig())
        rudof.read_shacl(shapes.serialize(format="turtle"), format=pyrudof.ShaclFormat.Turtle)

        def run_rudof(data, fmt):
            if isinstance(data, Graph):
                data, fmt = data.serialize(format="nt"), "ntriples"
            rudof.reset_data()  # read_data would otherwise add to the last document
            rudof.read_data(data, format=getattr(pyrudof.RDFFormat, _FORMATS[fmt][2]))
            if rudof.validate_shacl().conforms:
                return Graph()
            # the N-Triples report keeps datatypes and path nodes that the entries print lossily
            text = rudof.serialize_shacl_validation_results(pyrudof.ResultShaclValidationFormat.NTriples)
            report = Graph().parse(data=text, format="nt")
            # pyrudof lists the failures of sh:or's members beside the shape's own result
            for r, shape in list(report.subject_objects(SH.sourceShape)):
                if isinstance(shape, BNode):
                    report.remove((r, None, None))
            return report

        return run_rudof

    import pyshacl  # the reference; slow to import

    def run_pyshacl(data, fmt):
        graph = data if isinstance(data, Graph) else Graph().parse(data=data, format=_FORMATS[fmt][0])
        return pyshacl.validate(graph, shacl_graph=shapes, inference="none", allow_warnings=True)[1]

    return run_pyshacl


@lru_cache(maxsize=8)
def checker(engine: str = DEFAULT_ENGINE, shapes_dir: Path | None = None) -> Checker:
    """The process's checker for ``engine`` and ``shapes_dir``: shapes are compiled once."""
    return Checker(shapes_dir, engine)


def messages(shapes: Graph) -> dict[str, tuple[str, str]]:
    """Each shape id's messages (en, zh): its own, or its SPARQL constraint's.

    Read off the shapes, not the reports: pyshacl drops the language tags of
    SPARQL constraints' messages and pyrudof adds its own text.
    """
    out = {}
    for node in set(shapes.subjects(SH.message, None)) | set(shapes.subjects(SH.sparql, None)):
        sid = _short(node)
        if not isinstance(node, URIRef) or sid == str(node):
            continue
        owners = [node, *shapes.objects(node, SH.sparql)]
        by_lang = {m.language: str(m) for o in owners for m in shapes.objects(o, SH.message)}
        out[sid] = (by_lang.get("en") or by_lang.get(None, ""), by_lang.get("zh", ""))
    return out


def read_results(report: Graph) -> list[tuple[Finding, object]]:
    """Each result of a report graph as a Finding, with its value node (None when absent)."""
    out = []
    for r in report.subjects(SH.resultSeverity, None):
        value = report.value(r, SH.value)
        finding = Finding(
            shape=_short(report.value(r, SH.sourceShape)),
            focus=_nt(report.value(r, SH.focusNode)),
            path=path_text(report, report.value(r, SH.resultPath)),
            value=_nt(value),
            severity=_short(report.value(r, SH.resultSeverity)),
        )
        out.append((finding, value))
    return out


def _nt(node) -> str:
    """N-Triples syntax; ``"x"^^xsd:string`` is ``"x"`` (RDF 1.1: the same literal)."""
    if node is None:
        return ""
    if isinstance(node, Literal) and node.datatype == XSD.string:
        node = Literal(str(node))
    return node.n3()


def _term(nt: str):
    """The IRI or literal back from :func:`_nt` (a focus node is almost always an IRI)."""
    if nt.startswith("<"):
        return URIRef(nt[1:-1])
    return Graph().parse(data=f"<x:s> <x:p> {nt} .", format="nt").value(URIRef("x:s"), URIRef("x:p"))


def _where(data: Graph, focus, value) -> Location | None:
    """The source behind ``focus``; for a whole document (S17), where it cites ``value``."""
    where = locate(data, focus)
    if where is not None and where.start is None and value is not None:
        return cited_in(data, focus, value) or where
    return where


def _short(node) -> str:
    """A shape's id (the part after cts:) or a SHACL term's local name; "" for None."""
    if node is None:
        return ""
    s = str(node)
    if isinstance(node, URIRef):
        for prefix in (SHAPES_NS, str(SH)):
            if s.startswith(prefix):
                return s[len(prefix):]
    return s


def path_text(g: Graph, node) -> str:
    """A result path as text: an IRI in full, a complex path as SPARQL (``ct:conferredBy/…``)."""
    if node is None:
        return ""
    if isinstance(node, URIRef):
        return str(node)
    return _complex(g, node)


def _complex(g: Graph, node) -> str:
    if isinstance(node, URIRef):
        return _prefixed(str(node))
    if (node, RDF.first, None) in g:
        return "/".join(_complex(g, step) for step in Collection(g, node))
    alternatives = g.value(node, SH.alternativePath)
    if alternatives is not None:
        return "(" + "|".join(_complex(g, step) for step in Collection(g, alternatives)) + ")"
    for prop, mark in ((SH.zeroOrMorePath, "*"), (SH.oneOrMorePath, "+"), (SH.zeroOrOnePath, "?")):
        inner = g.value(node, prop)
        if inner is not None:
            return f"({_complex(g, inner)}){mark}"
    inner = g.value(node, SH.inversePath)
    if inner is not None:
        return f"^{_complex(g, inner)}"
    return "_:" if isinstance(node, BNode) else str(node)


def _prefixed(iri: str) -> str:
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri
