"""The limits of `ct2rdf serve` that need a busy worker or a client that hangs up.

The connection limits (slowloris, idle and too many connections, slow
readers) are met by the real server in tests/test_serve_load.py; here are the
pool's: a full queue is refused at once with Retry-After, a query whose
client has gone is never run, and a query that ran past the time limit is
refused for a while when sent again.
"""

from __future__ import annotations

import asyncio
import threading
import time
import warnings

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from conftest import OUT
from ct2rdf.serve.app import Settings, create_app, prepare
from ct2rdf.serve.cooldown import Cooldown
from ct2rdf.serve.pool import Gone, Pool

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
ASK = "ASK { ?s ?p ?o }"


def job(query: str) -> dict:
    return {"query": query, "format": None, "limit": 10, "dataset": {"use_default_graph_as_union": True}}


@pytest.fixture(scope="module")
def prepared(tmp_path_factory):
    return prepare([OUT], tmp_path_factory.mktemp("limits"))


def test_full_queue_is_refused_at_once_with_retry_after(prepared):
    # one worker, no room to wait: while it runs the runaway query, another is refused, not queued
    settings = Settings(workers=1, max_queue=0, timeout=1.5)
    with TestClient(create_app(prepared, settings)) as client:
        runaway = threading.Thread(target=client.get, args=("/sparql",),
                                   kwargs={"params": {"query": RUNAWAY}})
        runaway.start()
        time.sleep(0.5)
        refused = client.get("/sparql", params={"query": ASK})
        runaway.join()
        assert refused.status_code == 503 and "(--max-queue)" in refused.text
        assert refused.headers["retry-after"] == "1"
        # the worker is replaced after the runaway query: the next query is answered
        deadline = time.monotonic() + 30
        while (answer := client.get("/sparql", params={"query": ASK})).status_code == 503:
            assert time.monotonic() < deadline, answer.text
            time.sleep(0.2)
        assert answer.json()["boolean"] is True


WANTED = [
    # the client still waits: the query runs
    ("still-there", True, None),
    # the client has hung up: the query is not run, the worker stays free for the next
    ("gone", False, Gone),
]


@pytest.mark.parametrize(("wanted", "error"), [r[1:] for r in WANTED], ids=[r[0] for r in WANTED])
def test_a_query_whose_client_has_gone_is_not_run(prepared, wanted, error):
    async def scenario():
        pool = Pool(prepared.data, 1, 5.0, 0, max_queue=4)
        await pool.start()
        try:
            async def asked() -> bool:
                return wanted

            if error is None:
                kind, _, body = await pool.run(job(ASK), asked)
                assert kind == "ok" and b"true" in body
            else:
                with pytest.raises(error):
                    await pool.run(job(RUNAWAY), asked)
            # either way the one worker is idle again at once, not busy with a runaway query
            assert pool.idle.qsize() == 1
            kind, _, _ = await pool.run(job(ASK))
            assert kind == "ok"
        finally:
            await pool.close()

    asyncio.run(scenario())



COOLDOWN = [
    # a query that ran past the time limit is refused at once when sent again, and says until when
    ("refused-again", 60.0, 503, "(--cooldown)"),
    # --cooldown 0: it runs again, to the time limit again
    ("off", 0.0, 503, "(--timeout)"),
]


@pytest.mark.parametrize(("cooldown", "status", "message"), [r[1:] for r in COOLDOWN],
                         ids=[r[0] for r in COOLDOWN])
def test_a_runaway_query_sent_again(prepared, cooldown, status, message):
    settings = Settings(workers=1, timeout=1.0, cooldown=cooldown)
    with TestClient(create_app(prepared, settings)) as client:
        first = client.get("/sparql", params={"query": RUNAWAY})
        assert first.status_code == 503 and "(--timeout)" in first.text
        again = client.get("/sparql", params={"query": RUNAWAY})
        assert again.status_code == status and message in again.text
        if cooldown:
            assert 1 <= int(again.headers["retry-after"]) <= cooldown
        # another query is not concerned (asked until the replaced worker is up)
        deadline = time.monotonic() + 30
        while (other := client.get("/sparql", params={"query": ASK})).status_code == 503:
            assert time.monotonic() < deadline, other.text
            time.sleep(0.2)
        assert other.json()["boolean"] is True


def test_cooldown_forgets_after_its_time_and_beyond_its_size():
    now = [0.0]
    cooldown = Cooldown(10.0, size=2, clock=lambda: now[0])
    a, b, c = ({"query": q} for q in ("ASK {}", "ASK { ?s ?p ?o }", "SELECT * {}"))
    cooldown.add(a)
    now[0] = 4.0
    # 6 s left of 10; a different dataset is a different query
    assert cooldown.left(a) == 6.0 and cooldown.left({**a, "dataset": {"default_graph": ["urn:g"]}}) == 0
    now[0] = 10.5
    assert cooldown.left(a) == 0  # its time is over
    for job in (a, b, c):
        cooldown.add(job)
    # at most two remembered: the oldest (a) is forgotten first
    assert (cooldown.left(a), cooldown.left(b), cooldown.left(c)) == (0, 10.0, 10.0)
