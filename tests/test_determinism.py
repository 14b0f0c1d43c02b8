"""out/ct.ttl is byte-identical across runs, input orders, hash seeds, --jobs and the cache,
and is kept up to date; so are the other formats."""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys

import pytest

from conftest import BASE, OUT, SEEDS, graph_diff_message
from ct2rdf.build import build
from ct2rdf.rdf.write import write_atomic

FILES = sorted(p for p in SEEDS.iterdir() if p.suffix == ".txt")


def turtle(inputs, fmt: str = "ttl", **options) -> bytes:
    result = build(inputs, base=BASE, check=False, **options)
    try:
        return result.to_bytes(fmt)
    finally:
        result.close()


@pytest.fixture(scope="module")
def reference(seed_build) -> bytes:
    return seed_build.to_bytes("ttl")


def test_two_builds_give_the_same_bytes(reference):
    assert turtle([SEEDS]) == reference


ORDERS = [
    # the files in name order
    lambda xs: xs,
    # reversed
    lambda xs: xs[::-1],
    # a shuffle
    lambda xs: random.Random(1).sample(xs, len(xs)),
    # another shuffle
    lambda xs: random.Random(2).sample(xs, len(xs)),
]


@pytest.mark.parametrize("order", ORDERS, ids=["sorted", "reversed", "shuffle1", "shuffle2"])
def test_input_order_does_not_matter(reference, order):
    assert turtle(order(list(FILES))) == reference


def test_copy_order_does_not_matter(tmp_path, reference):
    # the same files written into a folder in reverse order (directory order differs), names kept
    for p in [*FILES[::-1], SEEDS / "catalog.csv"]:
        shutil.copyfile(p, tmp_path / p.name)
    assert turtle([tmp_path]) == reference


WAYS = [
    # two worker processes
    ("ttl", {"jobs": 2}),
    # N-Quads: in this process and in two workers
    ("nq", {}),
    ("nq", {"jobs": 2}),
    # TriG and N-Triples too
    ("trig", {"jobs": 2}),
    ("nt", {"jobs": 2}),
]


@pytest.mark.parametrize(("fmt", "options"), WAYS,
                         ids=["ttl-jobs2", "nq", "nq-jobs2", "trig-jobs2", "nt-jobs2"])
def test_jobs_do_not_matter(seed_build, fmt, options):
    assert turtle([SEEDS], fmt, **options) == seed_build.to_bytes(fmt)


def test_cache_gives_the_same_bytes(tmp_path, reference):
    # a cold cache, then a warm one: every document reused, the same bytes
    cold = build([SEEDS], base=BASE, check=False, cache=tmp_path, keep=False)
    warm = build([SEEDS], base=BASE, check=False, cache=tmp_path, keep=False)
    assert (cold.reused, warm.reused) == (0, len(FILES))
    assert cold.to_bytes("ttl") == warm.to_bytes("ttl") == reference


def test_hash_seed_does_not_matter(tmp_path, reference):
    outs = []
    for hash_seed in ("0", "1", "4242"):
        out = tmp_path / f"ct-{hash_seed}.ttl"
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        cmd = [sys.executable, "-m", "ct2rdf", "build", "-q", "--no-validate", str(SEEDS), "-o", str(out)]
        subprocess.run(cmd, env=env, check=True, cwd=tmp_path)
        outs.append(out.read_bytes())
    assert outs == [reference] * len(outs)


def test_out_ttl_is_up_to_date(request, reference):
    if request.config.getoption("--update-golden"):
        write_atomic(OUT, reference)
    current = OUT.read_bytes() if OUT.exists() else b""
    if current != reference:
        pytest.fail(
            f"{OUT} is stale: it differs from a fresh build of seeds/. "
            "Run `ct2rdf build` (or `pytest --update-golden`) and commit the result.\n"
            + graph_diff_message(current, reference),
            pytrace=False,
        )
