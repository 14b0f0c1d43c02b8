"""The chunk cache is pruned after a build: entries no build used for a while go, nothing else does."""

from __future__ import annotations

import os
import time

import pytest

from conftest import BASE, SEEDS
from ct2rdf.build import build
from ct2rdf.cache import entry_key, prune

A, B = "0123456789abcdef" * 2, "fedcba9876543210" * 2
DAY = 86400.0
NOW = 1_800_000_000.0

# (id, {file name: age in days}, keys the build used, days kept, files expected to remain)
ROWS = [
    # an entry no build used for 40 days: its summary and both chunks go
    ("stale", {f"{A}.pkl": 40, f"{A}.ttl": 40, f"{A}.nq": 40}, set(), 30, set()),
    # the same entry, used by this build (reused or made again): kept
    ("used", {f"{A}.pkl": 40, f"{A}.ttl": 40, f"{A}.nq": 40}, {A}, 30, {f"{A}.pkl", f"{A}.ttl", f"{A}.nq"}),
    # used by a build 5 days ago: kept
    ("recent", {f"{A}.pkl": 5, f"{A}.nq": 5}, set(), 30, {f"{A}.pkl", f"{A}.nq"}),
    # an entry's newest file gives its age (a reusing build touches the summary only)
    ("newest-file", {f"{A}.pkl": 1, f"{A}.nq": 40}, set(), 30, {f"{A}.pkl", f"{A}.nq"}),
    # two entries, one stale: only that one goes
    ("two", {f"{A}.pkl": 40, f"{B}.pkl": 2}, set(), 30, {f"{B}.pkl"}),
    # the temporary file a killed build left goes with its entry
    ("temporary", {f".{A}.nq.ct2rdf-tmp-4242": 40}, set(), 30, set()),
    # files not named as entries are never touched, however old: a shared folder
    ("foreign", {"notes.txt": 400, "abc.pkl": 400, f"{A.upper()}.pkl": 400, f"{A}.pkl.bak": 400},
     set(), 30, {"notes.txt", "abc.pkl", f"{A.upper()}.pkl", f"{A}.pkl.bak"}),
    # 0 days: everything this build did not use
    ("zero-days", {f"{A}.pkl": 0.001, f"{B}.pkl": 0.001}, {B}, 0, {f"{B}.pkl"}),
]


@pytest.mark.parametrize(("files", "used", "days", "remain"), [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_prune(tmp_path, files, used, days, remain):
    for name, age in files.items():
        (tmp_path / name).write_bytes(b"x")
        os.utime(tmp_path / name, (NOW - age * DAY, NOW - age * DAY))
    removed = prune(tmp_path, used, days, now=NOW)
    assert {p.name for p in tmp_path.iterdir()} == remain
    assert removed == len({entry_key(n) for n in files if n not in remain})  # entries, not files


# (id, name, key): what is an entry's file
KEYS = [
    ("summary", f"{A}.pkl", A),  # a document's summary
    ("chunk", f"{A}.nq", A),  # one of its chunks
    ("temporary", f".{A}.ttl.ct2rdf-tmp-4242", A),  # a chunk being written (ct2rdf.atomic)
    ("other-temporary", f".{A}.ttl.0badcafe.tmp", None),  # not ct2rdf's temporary name
    ("other-suffix", f"{A}.txt", None),  # not a cache suffix
    ("short-key", "0123.pkl", None),  # not a 32-digit key
    ("upper-case", f"{A.upper()}.pkl", None),  # keys are lower-case hex
]


@pytest.mark.parametrize(("name", "key"), [r[1:] for r in KEYS], ids=[r[0] for r in KEYS])
def test_entry_key(name, key):
    assert entry_key(name) == key


def test_build_prunes_stale_entries_and_touches_reused_ones(tmp_path):
    cache = tmp_path / "cache"
    first = build([SEEDS], base=BASE, cache=cache, keep=False)
    first.close()
    used = {p.name for p in cache.iterdir()}
    old = time.time() - 400 * DAY
    for p in cache.iterdir():  # every entry last used 400 days ago
        os.utime(p, (old, old))
    stale = cache / f"{A}.pkl"  # and one no build of these inputs uses
    stale.write_bytes(b"x")
    os.utime(stale, (old, old))
    again = build([SEEDS], base=BASE, cache=cache, keep=False)
    again.close()
    assert again.reused == len(first.outs) and again.pruned == 1
    assert {p.name for p in cache.iterdir()} == used
    # the reused summaries are marked as used now
    assert all(p.stat().st_mtime > old + DAY for p in cache.glob("*.pkl"))


def test_build_without_cache_days_prunes_nothing(tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    stale = cache / f"{A}.pkl"
    stale.write_bytes(b"x")
    os.utime(stale, (0, 0))
    build([next(SEEDS.glob("*.txt"))], base=BASE, cache=cache, keep=False, cache_days=None).close()
    assert stale.exists()


def test_shapes_count_in_the_cache_key():
    # a document's cached results include its shape check: edited shapes must not reuse
    # them, in a source checkout too (where shapes/ is outside the package)
    from ct2rdf.resources import turtle_files
    from ct2rdf.work import code_digest

    shapes = turtle_files("shapes")[0]
    st = shapes.stat()
    before = code_digest.__wrapped__()
    try:
        os.utime(shapes, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
        assert code_digest.__wrapped__() != before
    finally:
        os.utime(shapes, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert code_digest.__wrapped__() == before
