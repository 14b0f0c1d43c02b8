"""`ct2rdf serve` under a short attack: bench/load_serve.py, small (6 clients, 3 of them hostile, ~3 s).

One run of the real server on out/ct.ttl, with every limit short (1.5 s to
run a query, 1 s to send headers or a body, 2 s to start reading an answer,
200 MB a worker, 200 kB a body), serves the whole module.  Every hostile
kind of bench/attacks.py is sent once: two alone, then the others while
good clients send the cookbook; the rows below check what became of
each.  No latency is asserted: only what was answered, and how.
"""

from __future__ import annotations

import sys

import pytest

from conftest import OUT, ROOT

sys.path.insert(0, str(ROOT / "bench"))

import load_serve
from attacks import KINDS, SOLO

FAST = load_serve.Limits(timeout=1.5, header_timeout=1.0, body_timeout=1.0, send_timeout=2.0,
                         max_body=200_000, max_connections=40, max_queue=8, workers=2, max_memory=200)


@pytest.fixture(scope="module")
def report():
    return load_serve.run(OUT, clients=6, attackers=3, seconds=3.0, limits=FAST, health_ms=10_000,
                          idle_connections=8, drip=0.3, solo_again=False)


# one row per hostile kind (bench/attacks.py KINDS says why each limit applies); any new connection
# may also meet --max-connections while the flood holds every slot
@pytest.mark.parametrize(("kind", "limits"), [(name, allowed) for name, _, allowed in KINDS],
                         ids=[name for name, _, _ in KINDS])
def test_hostile_request_is_cut_off_by_its_limit(report, kind, limits):
    seen = report.hostile[kind]
    assert seen, f"{kind} was never sent"
    assert set(seen) <= limits | {"connections"}, (seen, report.notes)


# sent alone before the load, so that the workers are free: an answer past --max-answer is refused,
# one the client never reads is dropped after --send-timeout
@pytest.mark.parametrize(("kind", "limit"), sorted(SOLO.items()), ids=sorted(SOLO))
def test_alone_each_meets_its_own_limit(report, kind, limit):
    assert report.solo[kind].limit == limit, report.solo[kind]


def test_a_slow_but_steady_reader_gets_the_whole_answer(report):
    # the same 5 MB answer the slow reader leaves unread, read at ~1.3 MB/s: longer than
    # --send-timeout 2, but never nothing for that long
    got, declared = report.steady
    assert got == declared > 5_000_000


def test_good_queries_answer_correctly_or_are_shed_politely(report):
    # every answer to a good query was Oxigraph's own answer, or a 503 naming its limit
    assert report.good["correct"] > 0
    assert not [v for v in report.good if v.startswith("wrong")], report.notes


def test_memory_stays_within_bounds(report):
    memory = report.memory
    # a worker never passes its address-space cap; the server itself stays small
    assert 0 < memory["worker_mb"] <= memory["worker_cap_mb"]
    assert 0 < memory["server_mb"] <= 400


def test_healthy_after_the_attack(report):
    # every cookbook query answered correctly, the workers all back, no file descriptor leaked
    assert not [f for f in report.failures if "unhealthy" in f or "leak" in f], report.failures
    assert report.memory["workers_after"] == FAST.workers
    assert report.memory["fds_after"] <= report.memory["fds_before"]


def test_nothing_failed(report):
    assert report.failures == []
