"""The SHACL shapes, tested against one valid and one invalid example per shape id.

Every shape that reports (a property shape with ``sh:message``, or a node shape
with ``sh:sparql``) has an id, the part of its IRI after ``cts:``, e.g.
``S01-Resolution-symbol``.  ``tests/shapes/`` holds two Turtle files per id:

* ``<id>-valid.ttl`` conforms to every shape;
* ``<id>-invalid.ttl`` violates the shape ``<id>`` and no other.

The first line of each file is a comment stating the expectation in English and
Chinese: ``# Valid: … / 有效：…`` or ``# Invalid: … / 无效：…``.

Severities follow one rule: what the source does not say is a Warning, what
the builder got wrong or what contradicts itself is a Violation.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import SH

from ct2rdf.rdf.validate import SHAPES_NS, format_report, shapes_graph, validate
from ct2rdf.rdf.yeartable import plausible_re, range_re, with_year_table
from ct2rdf.resources import resource_dir

EXAMPLES = Path(__file__).parent / "shapes"
SHAPES_FILE = resource_dir("shapes") / "ct-shapes.ttl"
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
        assert report.conforms and not report.violations, text
    else:
        assert report.violations, text
        assert {v.shape for v in report.violations} == {sid}, text
        severity = "Warning" if sid in WARNINGS else "Violation"
        assert {v.severity for v in report.violations} == {severity}, text
        # Warnings are reported, but the graph still conforms
        assert report.conforms is (severity == "Warning"), text


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


# The shapes whose results are Warnings: gaps in what the source says, or
# values that are unusual but possible.  Every other reporting shape is a
# Violation (the builder got something wrong, or the data contradicts itself).
WARNINGS = {
    # excerpts, news items and undated copies print no date
    "S03-InputDocument-date",
    # statements, letters and web copies often print no symbol
    "S03-InputDocument-symbol",
    # unusual, not impossible: a misread year is the likely cause
    "S16-Mandate-endWithin30Years",
}


def test_every_reporting_shape_states_its_severity():
    g = shapes_graph()
    declared = {i: sorted(str(o) for o in g.objects(URIRef(SHAPES_NS + i), SH.severity))
                for i in reporting_ids()}
    unclear = {i: sev for i, sev in declared.items() if len(sev) != 1}
    assert not unclear, f"shapes need exactly one sh:severity: {unclear}"
    warnings = {i for i, (sev,) in declared.items() if sev == str(SH.Warning)}
    assert warnings == WARNINGS
    assert all(sev in (str(SH.Warning), str(SH.Violation)) for (sev,) in declared.values())


def test_year_table_is_generated_from_the_csv(request):
    text = SHAPES_FILE.read_text(encoding="utf-8")
    fresh = with_year_table(text)
    if request.config.getoption("--update-golden") and fresh != text:
        SHAPES_FILE.write_text(fresh, encoding="utf-8")
        text = fresh
    assert "# BEGIN resolution years" in text and fresh == text, (
        "S17's year table is stale: run `pytest --update-golden tests/test_shapes.py`"
    )


RANGES = [
    # one digit
    (1, 9),
    # across a change of digit count
    (7, 1234),
    # a single number
    (100, 100),
    # 99..101, two digit counts, three numbers
    (99, 101),
    # a year's plausible numbers: 2000 (after 1999's last 1283, before 2001's first 1335)
    (1284, 1334),
    # after the table: anything above 2025's last number
    (2801, 99999),
    # years before the table
    (1946, 1998),
]


@pytest.mark.parametrize(("lo", "hi"), RANGES, ids=[f"{lo}-{hi}" for lo, hi in RANGES])
def test_range_re_matches_exactly_the_range(lo, hi):
    pattern = re.compile(f"({range_re(lo, hi)})$")
    assert [n for n in range(100_001) if pattern.match(str(n))] == list(range(lo, hi + 1))


SYMBOLS = [
    # the seeds' own resolutions
    ("S/RES/2129 (2013)", True),
    ("S/RES/1963 (2010)", True),
    # 1373 was adopted in 2001, not 2010
    ("S/RES/1373 (2010)", False),
    # a 2023 number in 2013
    ("S/RES/2700 (2013)", False),
    # before the table: 687 (1991)
    ("S/RES/687 (1991)", True),
    # a number of 1999 cannot be from 1991
    ("S/RES/1267 (1991)", False),
    # after the table: a number above 2025's last fits 2026
    ("S/RES/2810 (2026)", True),
    # ... a number of 2001 does not
    ("S/RES/1373 (2026)", False),
    # the last resolution of 2020, adopted 29 December (cited so by S/RES/2610 (2021))
    ("S/RES/2560 (2020)", True),
    ("S/RES/2560 (2021)", False),
    # 1334 lies between 2000's last listed (1333) and 2001's first (1335): either year
    ("S/RES/1334 (2000)", True),
    ("S/RES/1334 (2001)", True),
]


@pytest.mark.parametrize(("symbol", "fits"), SYMBOLS, ids=[s for s, _ in SYMBOLS])
def test_plausible_resolution_numbers(symbol, fits):
    assert bool(re.match(plausible_re(), symbol)) is fits


def test_the_issue_s_implausible_graph_fails():
    """A 2023 resolution with a directive due in 2010 and a mandate starting after it ends."""
    text = (EXAMPLES / "S14-Directive-dueAfterDocument-invalid.ttl").read_text(encoding="utf-8")
    text += """
<S/RES/2700(2023)/op/4/mandate/CTED> a ct:Mandate ;
    ct:holder <org/CTED> ;
    ct:conferredBy <S/RES/2700(2023)/op/4> ;
    ct:startDate "2025-01-01"^^xsd:date ;
    ct:reviewDate "2024-06-30"^^xsd:date ;
    ct:endDate "2024-12-31"^^xsd:date .
"""
    report = validate(Graph().parse(data=text, format="turtle"))
    # one line each: S15's two comparisons (start ≤ review, start ≤ end) are one finding
    assert [(v.shape, v.severity) for v in report.violations] == [
        ("S14-Directive-dueAfterDocument", "Violation"), ("S15-Mandate-startOrder", "Violation")
    ]
