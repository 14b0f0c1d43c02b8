"""The SHACL engines give pyshacl's verdicts: on every example, the seeds graph and planted faults.

"The same verdict" is the same set of (shape id, focus node, result path,
value, severity): rdf/shacl.py reads every engine's report into those
Findings, so engine differences in printing are normalized once, there.
tests/planted.py plants one fault per reporting shape in the seeds' graph
(out/ct.ttl); pyshacl must report each at the node planted and nothing
else new, and every engine must report exactly what pyshacl reports.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from ct2rdf.rdf.shacl import ENGINES, Checker, Finding, checker, read_results
from ct2rdf.rdf.validate import Report, Violation, validate
from planted import ROWS, plant_all

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "tests" / "shapes").glob("*.ttl"))
BASE = "https://w3id.org/ct2rdf/id/"
# the engines checked against the reference
OTHERS = [e for e in ENGINES if e != "pyshacl"]


def findings(report: Report) -> set[Finding]:
    return {f for f, _ in read_results(report.graph)}


@pytest.fixture(scope="module")
def examples() -> dict[str, set[Finding]]:
    """Every example in one graph, each under its own base IRI; engine → findings.

    One run per engine instead of one per file: the examples share no node
    once renamed, and no shape looks beyond a document.
    """
    g = Graph()
    for path in EXAMPLES:
        text = path.read_text(encoding="utf-8")
        g.parse(data=text.replace(f"@base <{BASE}>", f"@base <{BASE}{path.stem}/>"), format="turtle")
    return {e: findings(validate(g, engine=e)) for e in ENGINES}


@pytest.fixture(scope="module")
def seeds() -> tuple[Graph, dict[str, set[Finding]]]:
    """The seeds' graph (out/ct.ttl) and each engine's findings on it."""
    g = Graph().parse(ROOT / "out" / "ct.ttl", format="turtle")
    return g, {e: findings(validate(g, engine=e)) for e in ENGINES}


@pytest.fixture(scope="module")
def planted(seeds):
    """The seeds' graph with every row's fault: (graph, shape id → focus, engine → report)."""
    g = Graph()
    for t in seeds[0]:
        g.add(t)
    foci = plant_all(g)
    return g, foci, {e: validate(g, engine=e) for e in ENGINES}


# slow: pyshacl parses each SPARQL constraint again per focus node, and the
# examples hold many documents (test_shapes.py checks each with the fast engine)
@pytest.mark.slow
@pytest.mark.parametrize("engine", OTHERS)
@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_engines_agree_on_the_examples(examples, path, engine):
    mine = f"<{BASE}{path.stem}/"
    reference = {f for f in examples["pyshacl"] if f.focus.startswith(mine)}
    assert {f for f in examples[engine] if f.focus.startswith(mine)} == reference
    # the invalid examples are invalid for the reference too
    assert bool(reference) is path.stem.endswith("-invalid")


@pytest.mark.parametrize("engine", OTHERS)
def test_engines_agree_on_the_seeds(seeds, engine):
    assert seeds[1][engine] == seeds[1]["pyshacl"]


def test_every_reporting_shape_has_a_planted_fault():
    from test_shapes import reporting_ids

    assert sorted(row.shape for row in ROWS) == sorted(reporting_ids())


@pytest.mark.parametrize("row", ROWS, ids=[row.shape for row in ROWS])
def test_planted_fault(planted, row):
    _, foci, reports = planted
    focus = f"<{foci[row.shape]}>"
    reference = {f for f in findings(reports["pyshacl"]) if f.focus == focus}
    assert row.shape in {f.shape for f in reference}, f"pyshacl missed the fault at {focus}"
    for engine in OTHERS:
        assert {f for f in findings(reports[engine]) if f.focus == focus} == reference, engine


@pytest.mark.parametrize("engine", OTHERS)
def test_engines_agree_on_the_planted_graph(planted, engine):
    _, _, reports = planted
    assert findings(reports[engine]) == findings(reports["pyshacl"])
    # and so give the same Violations: messages, sources and characters
    assert reports[engine].violations == reports["pyshacl"].violations


def test_nothing_but_the_planted_faults_is_new(seeds, planted):
    _, foci, reports = planted
    planted_at = {(shape, f"<{focus}>") for shape, focus in foci.items()}
    new = findings(reports["pyshacl"]) - seeds[1]["pyshacl"]
    assert sorted(f for f in new if (f.shape, f.focus) not in planted_at) == []


@pytest.mark.parametrize("engine", OTHERS)
def test_text_gives_the_violations_of_the_graph(planted, engine):
    """Checker.check on N-Triples (located in the text) = validate() on the graph (= pyshacl's)."""
    g, _, reports = planted
    assert checker(engine).check(g.serialize(format="nt")) == reports[engine].violations


def test_checker_refuses_unknown_engines_and_formats():
    with pytest.raises(ValueError, match="unknown SHACL engine"):
        Checker(engine="jena")
    with pytest.raises(ValueError, match="unknown data format"):
        checker().check("", fmt="rdfxml")


def violation(shape: str, severity: str = "Violation", focus: str = BASE + "x") -> Violation:
    return Violation(shape, focus, "", "", severity, "en", "zh", "x.txt", 1, 2)


V1, V2, W1 = violation("S02-Resolution-year"), violation("S17-Resolution-numberYear"), violation(
    "S03-InputDocument-date", "Warning")
UNIONS = [
    # no reports: nothing found, conforms
    ([], (), True),
    # one document's warning: reported, still conforms
    ([(W1,)], (W1,), True),
    # a document's and the summary's results, violations first, then by shape
    ([(W1, V2), (V1,)], (V1, V2, W1), False),
    # the same result from two runs (a shape seen by a document and the summary) once
    ([(V1,), (V1,)], (V1,), False),
]


@pytest.mark.parametrize(("parts", "expected", "conforms"), UNIONS,
                         ids=["empty", "warning", "sorted", "deduplicated"])
def test_report_union(parts, expected, conforms):
    union = Report.union(Report(not any(v.severity == "Violation" for v in p), p) for p in parts)
    assert union.violations == expected and union.conforms is conforms
