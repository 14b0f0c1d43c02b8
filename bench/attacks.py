"""The requests of the endpoint load test (bench/load_serve.py): hostile ones, and how each was cut off.

Every hostile kind is a function ``kind(target) -> Outcome`` sending one
request (or a few connections) over raw sockets, so that nothing between us
and the server tidies the bytes up.  :func:`limit_of` names the limit an
answer shows (its status and the option its message names); each kind lists
the limits that may cut it off (:data:`KINDS`).  A limit is a cut-off only
when its answer says so: a 200, a 500 or an unexplained hang-up is not.
"""

from __future__ import annotations

import contextlib
import http.client
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass

EVERYTHING = "?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l"
# a literal of 4 × 4 × (triples in the graph) characters "a", matched against "(a+)+$" once per triple:
# the textbook catastrophic regex.  Oxigraph's regex engine does not backtrack, so the cost is only
# the size of the input times the rows, which the time limit bounds like any other
LONG_LITERAL = ('{ SELECT (GROUP_CONCAT("aaaaaaaaaaaaaaaa"; separator="") AS ?long) { ?s ?p ?o } }')
# a literal of exactly 128 KiB (8,192 × 16 characters; the graph has more than 8,192 triples)
BLOCK = ('{ SELECT (GROUP_CONCAT("aaaaaaaaaaaaaaaa"; separator="") AS ?block) '
         '{ SELECT ?s { ?s ?p ?o } LIMIT 8192 } }')


def rows_of_block(rows: int) -> str:
    """A query answering ``rows`` rows of 128 KiB each: few rows, a large answer."""
    return f"SELECT ?block ?x WHERE {{ {BLOCK} {{ SELECT ?x {{ ?x ?y ?z }} LIMIT {rows} }} }}"


def block_triples(count: int) -> str:
    """A CONSTRUCT of ``count`` triples of 128 KiB each (Oxigraph writes it faster than rows)."""
    return (f"CONSTRUCT {{ ?x <urn:block> ?block }} WHERE {{ {BLOCK} "
            f"{{ SELECT DISTINCT ?x {{ ?x ?y ?z }} LIMIT {count} }} }}")


# 5 MB: on loopback an unread 2 MB answer fit in the kernel's buffers whole (in a trial; 4 MB did
# not), leaving the server nothing to hold and no limit to meet
SLOW_READER_ROWS = 40
QUERIES = {
    # a cartesian product of every triple four times over, counted: nothing streams, it runs to the limit
    "cartesian-count": f"SELECT (COUNT(*) AS ?n) WHERE {{ {EVERYTHING} }}",
    # the same, rows out: the answer passes --max-results at once
    "cartesian-rows": f"SELECT * WHERE {{ {EVERYTHING} }}",
    # sorting a cross product holds it all in memory (~250 MB/s)
    "cartesian-sorted": "SELECT ?a ?d WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?a ?d LIMIT 1",
    "regex": f'SELECT (COUNT(*) AS ?n) WHERE {{ {LONG_LITERAL} ?x ?y ?z '
             f'FILTER(REGEX(CONCAT(?long, STR(?z)), "^(a+)+$")) }}',
    # every node to every node through any predicate, either way
    "property-path": "SELECT (COUNT(*) AS ?n) WHERE { ?a (<urn:p>|^<urn:p>|!<urn:p>|^!<urn:p>)* ?b }",
    # 200 rows, 26 MB: few rows, past --max-answer
    "huge-answer": rows_of_block(200),
}
STATUS_LIMITS = [
    # (status, words of the message, limit): the messages of ct2rdf.serve and of uvicorn/h11
    (503, "(--timeout)", "timeout"),
    (503, "stopped its worker", "memory"),
    (503, "(--max-queue)", "queue"),
    (503, "(--cooldown)", "cooldown"),
    (503, "stayed busy", "queue"),
    (503, "(--max-connections)", "connections"),
    (400, "(--max-results)", "results"),
    (400, "(--max-answer)", "answer-size"),
    (413, "(--max-body)", "body-size"),
    (408, "(--body-timeout)", "body-timeout"),
    (408, "(--header-timeout)", "header-timeout"),
    (431, "(--max-header)", "header-size"),
    (400, "not UTF-8", "utf-8"),
    (400, "Invalid HTTP request", "malformed"),
    (400, "is refused", "refused"),
]


@dataclass(frozen=True)
class Target:
    """The server under test and the limits it was started with (seconds, bytes)."""

    port: int
    timeout: float
    header_timeout: float
    body_timeout: float
    max_body: int
    max_connections: int
    send_timeout: float = 30.0
    idle_connections: int = 20
    drip: float = 1.0  # seconds between the bytes of a slow client


@dataclass(frozen=True)
class Outcome:
    """What became of one hostile request: the limit that cut it off (None: not cut off)."""

    limit: str | None
    status: int | None
    note: str = ""


def limit_of(status: int | None, text: str) -> str | None:
    """The limit an answer shows, or None."""
    for code, words, limit in STATUS_LIMITS:
        if status == code and words in text:
            return limit
    return None


def connect(target: Target, timeout: float | None = None) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", target.port), timeout=timeout or target.timeout + 30)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return sock


def read_answer(sock: socket.socket, method: str = "POST") -> Outcome:
    """The server's answer on ``sock`` as an :class:`Outcome`; a hang-up without one is not a cut-off."""
    response = http.client.HTTPResponse(sock, method=method)
    try:
        response.begin()
        text = response.read().decode("utf-8", "replace")
    except (http.client.HTTPException, OSError) as e:
        return Outcome(None, None, f"no answer ({type(e).__name__})")
    return Outcome(limit_of(response.status, text), response.status, text.strip()[:160])


def request(method: str, path: str, headers: dict[str, str], body: bytes = b"") -> bytes:
    lines = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1", *(f"{k}: {v}" for k, v in headers.items())]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


def post_query(target: Target, query: str | bytes) -> Outcome:
    """POST ``query`` as application/sparql-query and read the answer."""
    body = query.encode() if isinstance(query, str) else query
    with connect(target) as sock:
        sock.sendall(request("POST", "/sparql", {"Content-Type": "application/sparql-query",
                                                  "Content-Length": str(len(body))}, body))
        return read_answer(sock)


def send_raw(target: Target, data: bytes) -> Outcome:
    """Send ``data`` as it is (a malformed request) and read the answer."""
    with connect(target, target.header_timeout + 5) as sock:
        sock.sendall(data)
        return read_answer(sock)


def query_kind(name: str) -> Callable[[Target], Outcome]:
    def kind(target: Target) -> Outcome:
        return post_query(target, QUERIES[name])
    kind.__name__ = name
    return kind


def values_cross(target: Target) -> Outcome:
    """Two VALUES blocks filling most of --max-body, crossed and counted."""
    count = max(1000, target.max_body // 20)
    values = " ".join(str(i) for i in range(count))
    return post_query(target, f"SELECT (COUNT(*) AS ?n) WHERE {{ VALUES ?x {{ {values} }} "
                              f"VALUES ?y {{ {values} }} ?s ?p ?o }}")


def big_body_declared(target: Target) -> Outcome:
    """10 MB announced by Content-Length: refused before it is read (then the connection closes)."""
    size = 10 * 1024 * 1024
    with connect(target) as sock:
        sock.sendall(request("POST", "/sparql", {"Content-Type": "application/sparql-query",
                                                  "Content-Length": str(size)}))
        return _send_until_answered(sock, size, target.max_body)


def big_body_chunked(target: Target) -> Outcome:
    """10 MB of VALUES in chunks, no length announced: cut off once past --max-body."""
    with connect(target) as sock:
        sock.sendall(request("POST", "/sparql", {"Content-Type": "application/x-www-form-urlencoded",
                                                  "Transfer-Encoding": "chunked"}))
        return _send_until_answered(sock, 10 * 1024 * 1024, target.max_body, chunked=True)


def _send_until_answered(sock: socket.socket, size: int, limit: int, chunked: bool = False) -> Outcome:
    """Send ``size`` bytes of a VALUES block, stopping when the server answers or hangs up.

    The server answers 413 and closes while bytes are still on their way: the kernel may then
    reset the connection before the answer is read, so a reset after the limit counts too.
    """
    piece = b"query=SELECT%20*%7BVALUES%20%3Fx%7B" + b"%201" * 16_000
    sent = 0
    sock.settimeout(10)
    try:
        while sent < size:
            data = b"%x\r\n%s\r\n" % (len(piece), piece) if chunked else piece
            sock.sendall(data)
            sent += len(piece)
    except OSError:
        pass
    answer = read_answer(sock)
    if answer.status is None and sent > limit:
        return Outcome("body-size", None, f"reset after {sent:,} bytes: {answer.note}")
    return answer


def slow_headers(target: Target) -> Outcome:
    """Slowloris: a request line, then a header a byte every ``drip`` seconds, never finished."""
    return _drip(target, request("GET", "/sparql?query=ASK%7B%7D", {})[:-2], b"X-Slow: " + b"a" * 1000)


def slow_body(target: Target) -> Outcome:
    """Headers at once, then the body a byte every ``drip`` seconds."""
    body = b"ASK { }" + b" " * 1000
    head = request("POST", "/sparql", {"Content-Type": "application/sparql-query",
                                       "Content-Length": str(len(body))})
    return _drip(target, head, body)


def _drip(target: Target, first: bytes, rest: bytes) -> Outcome:
    with connect(target, target.header_timeout + target.body_timeout + 10) as sock:
        sock.sendall(first)
        sock.setblocking(False)
        for i in range(len(rest)):
            try:
                if sock.recv(1, socket.MSG_PEEK):  # the server has answered
                    break
            except BlockingIOError:
                pass
            except OSError:
                break
            try:
                sock.send(rest[i:i + 1])
            except OSError:
                break
            time.sleep(target.drip)
        sock.settimeout(10)
        return read_answer(sock)


def stalled_chunk(target: Target) -> Outcome:
    """A chunked body that announces 256 bytes, sends 10 and stops (a chunked lie)."""
    head = request("POST", "/sparql", {"Content-Type": "application/sparql-query",
                                       "Transfer-Encoding": "chunked"})
    with connect(target, target.body_timeout + 10) as sock:
        sock.sendall(head + b"100\r\nASK { }   ")
        return read_answer(sock)


def idle_connections(target: Target) -> Outcome:
    """Open connections and send nothing: each must be closed by the server after --header-timeout
    (or refused at once, when the other clients already hold --max-connections)."""
    socks, closed, refused = [], 0, 0
    try:
        for _ in range(target.idle_connections):
            socks.append(connect(target, target.header_timeout + 10))
        started = time.monotonic()
        for sock in socks:
            try:
                data = sock.recv(4096)
            except OSError:
                data = b""
            closed += data == b""
            refused += b"(--max-connections)" in data
        waited = time.monotonic() - started
    finally:
        for sock in socks:
            sock.close()
    note = f"{closed} idle connections closed by the server in {waited:.1f} s, {refused} refused"
    if closed + refused < len(socks):
        return Outcome(None, None, f"of {len(socks)}: {note}")
    return Outcome("header-timeout" if closed else "connections", None, note)


def connection_flood(target: Target) -> Outcome:
    """Open more connections than --max-connections at once: the last ones are refused with 503."""
    socks, refused = [], 0
    try:
        for _ in range(target.max_connections + 5):
            socks.append(connect(target, 5))
        for sock in socks[-5:]:  # past the limit whatever else is open: answered at once
            try:
                refused += b"(--max-connections)" in sock.recv(4096)
            except OSError:
                continue
    finally:
        for sock in socks:
            sock.close()
    if refused:
        return Outcome("connections", 503, f"{refused} of the last 5 of {len(socks)} connections refused")
    return Outcome(None, None, f"none of the last 5 of {len(socks)} connections was refused")


def _ask_big_answer(target: Target, timeout: float) -> socket.socket:
    """A connection with a small receive buffer that has sent the 5 MB-answer query."""
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    sock.settimeout(timeout)
    try:
        sock.connect(("127.0.0.1", target.port))
        body = block_triples(SLOW_READER_ROWS).encode()
        sock.sendall(request("POST", "/sparql", {"Content-Type": "application/sparql-query",
                                                  "Accept": "application/n-triples",
                                                  "Content-Length": str(len(body))}, body))
    except BaseException:
        sock.close()
        raise
    return sock


def slow_reader(target: Target) -> Outcome:
    """Ask for a 5 MB answer (40 triples of 128 KiB) and read none of it: the server must drop the
    connection after --send-timeout rather than hold the answer for ever.  The answer is larger
    than the kernel's loopback buffers (at most 4 MB to send, 4 KB to receive here), so the
    server's transport is left holding the rest."""
    sock = _ask_big_answer(target, 10)
    with sock:
        # wait for the answer to start (a worker, the query), then leave it unread past the limit;
        # a dropped connection shows only when read (the kernel still delivers what it holds)
        sock.settimeout(target.timeout * 2 + 2)
        with contextlib.suppress(OSError):
            sock.recv(1, socket.MSG_PEEK)
        time.sleep(target.send_timeout + 1)
        sock.settimeout(10)
        answer = read_answer(sock)
    if answer.status is None:
        return Outcome("send-timeout", answer.status, f"dropped unread: {answer.note}")
    return answer  # an error the query met first (its limit names it), or a whole answer: not cut off


def steady_reader(target: Target) -> tuple[int, int]:
    """Not hostile: the slow reader's 5 MB answer read slowly but steadily (64 KB every 50 ms,
    ~1.3 MB/s, so longer than a short --send-timeout): (bytes of the body read, Content-Length)."""
    sock = _ask_big_answer(target, target.timeout * 2 + 10)
    with sock:
        data = b""
        while True:
            tick = b""
            with contextlib.suppress(OSError):
                while len(tick) < 65536 and (chunk := sock.recv(65536 - len(tick))):
                    tick += chunk
            data += tick
            if len(tick) < 65536:
                break
            time.sleep(0.05)
    head, _, rest = data.partition(b"\r\n\r\n")
    declared = [int(line.split(b":")[1]) for line in head.lower().split(b"\r\n")
                if line.startswith(b"content-length:")]
    return len(rest), declared[0] if declared else -1


def header_too_large(target: Target) -> Outcome:
    """A GET whose URL (a 100 KB query) passes --max-header."""
    query = "ASK%7B%7D%23" + "x" * 100_000
    return send_raw(target, request("GET", f"/sparql?query={query}", {}))


MALFORMED = {
    # no method, no version
    "garbage-request-line": b"\x16\x03\x01 hello there\r\n\r\n",
    # a length that is not a number
    "bad-content-length": request("POST", "/sparql", {"Content-Type": "application/sparql-query",
                                                       "Content-Length": "12abc"}, b"ASK {}"),
    # two lengths that disagree
    "two-content-lengths": request("POST", "/sparql", {"Content-Type": "application/sparql-query",
                                                        "Content-Length": "6", "content-length": "9"},
                                   b"ASK {}"),
    # a chunk size that is not hexadecimal
    "bad-chunk-size": request("POST", "/sparql", {"Content-Type": "application/sparql-query",
                                                   "Transfer-Encoding": "chunked"},
                              b"zz\r\nASK {}\r\n0\r\n\r\n"),
    # an invalid UTF-8 byte in the query, percent-encoded in the URL and raw in the body
    "utf8-url": request("GET", "/sparql?query=ASK%7B%3Fs%20%3Fp%20%22%FF%22%7D", {}),
    "utf8-body": request("POST", "/sparql", {"Content-Type": "application/sparql-query",
                                             "Content-Length": "14"}, b'ASK{?s ?p "\xff"}'),
    # SPARQL Update and SERVICE: refused by the query check
    "update": request("POST", "/sparql", {"Content-Type": "application/sparql-query",
                                          "Content-Length": "8"}, b"DROP ALL"),
}


def malformed_kind(name: str) -> Callable[[Target], Outcome]:
    def kind(target: Target) -> Outcome:
        return send_raw(target, MALFORMED[name])
    kind.__name__ = name
    return kind


# kinds whose own limit only shows when the workers are free: run alone before the load too
SOLO = {"slow-reader": "send-timeout", "huge-answer": "answer-size"}
# a query cut off by its worker, or never given one (the queue is full, or it ran past a limit just now)
ANY_TIME = {"timeout", "memory", "queue", "cooldown"}
# every hostile kind: (name, request, the limits that may cut it off).  Any new connection may also
# meet --max-connections while the flood holds them all.
KINDS: list[tuple[str, Callable[[Target], Outcome], set[str]]] = [
    ("cartesian-count", query_kind("cartesian-count"), ANY_TIME),
    ("cartesian-rows", query_kind("cartesian-rows"), {"results", *ANY_TIME}),
    ("cartesian-sorted", query_kind("cartesian-sorted"), ANY_TIME),
    ("regex", query_kind("regex"), ANY_TIME),
    ("property-path", query_kind("property-path"), ANY_TIME),
    ("values-cross", values_cross, ANY_TIME),
    ("huge-answer", query_kind("huge-answer"), {"answer-size", *ANY_TIME}),
    ("slow-reader", slow_reader, {"send-timeout", *ANY_TIME}),
    ("body-10mb-declared", big_body_declared, {"body-size"}),
    ("body-10mb-chunked", big_body_chunked, {"body-size"}),
    ("slow-headers", slow_headers, {"header-timeout"}),
    ("slow-body", slow_body, {"body-timeout"}),
    ("stalled-chunk", stalled_chunk, {"body-timeout"}),
    ("idle-connections", idle_connections, {"header-timeout"}),
    ("connection-flood", connection_flood, {"connections"}),
    # h11 says 400 when the headers come in pieces, ct2rdf 431 when they come at once
    ("header-too-large", header_too_large, {"header-size", "malformed"}),
    ("garbage-request-line", malformed_kind("garbage-request-line"), {"malformed"}),
    ("bad-content-length", malformed_kind("bad-content-length"), {"malformed"}),
    ("two-content-lengths", malformed_kind("two-content-lengths"), {"malformed"}),
    ("bad-chunk-size", malformed_kind("bad-chunk-size"), {"malformed"}),
    ("utf8-url", malformed_kind("utf8-url"), {"utf-8"}),
    ("utf8-body", malformed_kind("utf8-body"), {"utf-8"}),
    ("update", malformed_kind("update"), {"refused"}),
]
