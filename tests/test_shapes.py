"""The SHACL shapes, tested against one valid and one invalid example per shape id.

Every shape that reports (a property shape with ``sh:message``, or a node shape
with ``sh:sparql``) has an id, the part of its IRI after ``cts:``, e.g.
``S01-Resolution-symbol``.  ``tests/shapes/`` holds two Turtle files per id:

* ``<id>-valid.ttl`` conforms to every shape;
* ``<id>-invalid.ttl`` violates the shape ``<id>`` and no other.

The first line of each file is a comment stating the expectation in English and
Chinese: ``# Valid: … / 有效：…`` or ``# Invalid: … / 无效：…``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import SH

from ct2rdf.validate import SHAPES_NS, format_report, shapes_graph, validate

EXAMPLES = Path(__file__).parent / "shapes"
FILES = sorted(EXAMPLES.glob("*.ttl"))
SUFFIXES = ("-valid", "-invalid")
HEADERS = {"-valid": ("# Valid: ", " / 有效："), "-invalid": ("# Invalid: ", " / 无效：")}


def split(stem: str) -> tuple[str, str]:
    """``S01-Resolution-symbol-invalid`` → (``S01-Resolution-symbol``, ``-invalid``)."""
    for suffix in SUFFIXES:
        if stem.endswith(suffix):
            return stem[: -len(suffix)], suffix
    raise ValueError(f"{stem}: the name must end in -valid or -invalid")


def shape_id(node) -> str | None:
    s = str(node)
    return s[len(SHAPES_NS):] if isinstance(node, URIRef) and s.startswith(SHAPES_NS) else None


def reporting_ids() -> set[str]:
    """Ids of the property shapes with messages and of the node shapes with SPARQL constraints."""
    g = shapes_graph()
    nodes = set(g.subjects(SH.message, None)) | set(g.subjects(SH.sparql, None))
    return {i for i in map(shape_id, nodes) if i}


def test_examples_exist():
    assert FILES, f"no examples in {EXAMPLES}"


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_example(path: Path):
    sid, suffix = split(path.stem)
    first = path.read_text(encoding="utf-8").splitlines()[0]
    en, zh = HEADERS[suffix]
    assert first.startswith(en) and zh in first, f"first line should read '{en}… {zh}…': {first!r}"

    report = validate(Graph().parse(path, format="turtle"))
    text = format_report(report)
    if suffix == "-valid":
        assert report.conforms, text
    else:
        assert not report.conforms, text
        assert {v.shape for v in report.violations} == {sid}, text


def test_every_shape_has_examples():
    ids = reporting_ids()
    have = {split(p.stem) for p in FILES}
    missing = sorted(f"{i}{s}.ttl" for i in ids for s in SUFFIXES if (i, s) not in have)
    unknown = sorted(p.name for p in FILES if split(p.stem)[0] not in ids)
    assert not missing, f"shapes without examples: {missing}"
    assert not unknown, f"examples naming no reporting shape: {unknown}"


def test_messages_in_en_and_zh():
    g = shapes_graph()
    bad = []
    for node in sorted(set(g.subjects(SH.message, None)), key=str):
        langs = sorted(m.language or "" for m in g.objects(node, SH.message))
        if langs != ["en", "zh"]:
            owner = node if shape_id(node) else g.value(predicate=SH.sparql, object=node)
            bad.append(f"{shape_id(owner) or owner}: {langs}")
    assert not bad, f"shapes need one message @en and one @zh: {bad}"
