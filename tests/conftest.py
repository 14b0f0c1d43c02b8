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


def seed(prefix: str) -> str:
    """The seed file name starting with ``prefix`` (e.g. "003")."""
    return next(p.name for p in SEEDS.glob(f"{prefix}*.txt"))
