"""Shared fixtures: paths into the repository and one build of the seeds per session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
OUT = ROOT / "out" / "ct.ttl"
BASE = "https://w3id.org/ct2rdf/id/"


def pytest_addoption(parser):
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="Rewrite out/ct.ttl and other golden files instead of comparing against them.",
    )


@pytest.fixture(scope="session")
def seed_build():
    """The seeds built once, validated: a ct2rdf.build.BuildResult."""
    from ct2rdf.build import build

    return build([SEEDS], base=BASE)


@pytest.fixture(scope="session")
def seed_results(seed_build):
    """Per-file results of the seed build, by file name."""
    return {r.name: r for r in seed_build.results}


def answers_on_seeds(query: Path) -> bool:
    """Whether the cookbook query ``query`` must have an answer on out/ct.ttl.

    The theme questions (issue #11) answer only once the seeds' graph holds themes
    (the tagger of [themes]); until then tests/test_theme_queries.py checks them on a
    hand-written graph.  As soon as out/ct.ttl has a theme, every query must answer.
    """
    text = query.read_text(encoding="utf-8")
    themed = "dcterms:subject" in text or "oa:classifying" in text
    return not themed or "<https://w3id.org/ct2rdf/id/theme/" in OUT.read_text(encoding="utf-8")


def seed(prefix: str) -> str:
    """The seed file name starting with ``prefix`` (e.g. "003")."""
    return next(p.name for p in SEEDS.glob(f"{prefix}*.txt"))


def graph_diff_message(expected: bytes, actual: bytes, limit: int = 20) -> str:
    """Only-in-expected / only-in-actual triples of two Turtle documents, as sorted N-Triples."""
    from rdflib import Graph
    from rdflib.compare import graph_diff, to_isomorphic

    exp = to_isomorphic(Graph().parse(data=expected, format="turtle"))
    act = to_isomorphic(Graph().parse(data=actual, format="turtle"))
    if exp == act:
        return "the graphs are isomorphic; only the bytes differ (order or formatting)"
    _, only_exp, only_act = graph_diff(exp, act)
    out = []
    for title, g in (("only in expected", only_exp), ("only in actual", only_act)):
        lines = sorted(g.serialize(format="nt").splitlines())
        out.append(f"{title} ({len(lines)}):")
        out += [f"  {line}" for line in lines[:limit]]
        if len(lines) > limit:
            out.append(f"  … {len(lines) - limit} more")
    return "\n".join(out)


def best_seconds(fn, repeat: int = 3) -> float:
    """The least CPU time per call of ``fn()`` over ``repeat`` runs, garbage collection off.

    For ratio tests (linear or not at two sizes), never for wall-clock limits: a
    collection's cost grows with the heap, not with the work timed.  CPU time, not
    wall time: on a busy machine a run of tens of milliseconds is always preempted
    and one of a millisecond seldom is, which skews wall-time ratios towards
    "quadratic".  Each run makes enough calls to last ~10 ms, so a fast call is
    timed well above the clock's resolution.
    """
    import gc
    import time

    gc.disable()
    try:
        t0 = time.process_time()
        fn()
        calls = max(1, min(20, int(0.01 / max(time.process_time() - t0, 1e-6))))
        best = float("inf")
        for _ in range(repeat):
            t0 = time.process_time()
            for _ in range(calls):
                fn()
            best = min(best, time.process_time() - t0)
    finally:
        gc.enable()
    return best / calls
