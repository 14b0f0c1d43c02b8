"""The HTTP connections of ``ct2rdf serve``: how many may be open, and how long a client may dawdle.

uvicorn's HTTP/1.1 protocol (h11) bounds the size of a request's headers but
not the time they take, and counts a connection that never sends a byte like
any other: a client sending a byte a second (slowloris), or opening sockets
and leaving them idle, holds a connection and its file descriptor for ever,
and enough of them lock everyone out.  :func:`protocol_class` returns
uvicorn's h11 protocol with three bounds added:

- at most ``max_connections`` open at once: one more is answered ``503`` with
  ``Retry-After`` and closed before anything of it is read, so established
  (kept-alive) clients keep being served while new ones are turned away;
- each request's headers must arrive within ``header_timeout`` seconds of the
  connection opening or of the previous answer; new bytes do not extend it
  (uvicorn's own keep-alive timer restarts with every byte).  Past it the
  connection is closed, with ``408`` when part of a request had arrived;
- an answer of which the client reads nothing (its socket buffers full)
  for ``send_timeout`` seconds is abandoned and the connection dropped, so a
  client that never reads cannot hold an answer in memory for ever; a slow
  client that keeps reading keeps its connection, however long it takes.

The size of the request line and headers is bounded twice: h11 refuses
(400) headers that arrive in pieces past ``max_header`` bytes, and
:class:`HeadLimit` refuses (431) the same when they arrived all at once, which
h11 lets through.  The request body has its own time limit where it is read
(:func:`ct2rdf.serve.protocol.read_body`).
"""

from __future__ import annotations

import asyncio

from uvicorn.protocols.http.h11_impl import H11Protocol


def plain_answer(status: str, message: str, extra: str = "") -> bytes:
    """A complete HTTP/1.1 answer that closes the connection, written without h11.

    h11 lets a server answer only a request it has read; these answers go out
    before there is one (a connection over the limit, headers that never came).
    """
    body = f"Error: {message}.\n".encode()
    head = (f"HTTP/1.1 {status}\r\ncontent-type: text/plain; charset=utf-8\r\n{extra}"
            f"content-length: {len(body)}\r\nconnection: close\r\n\r\n")
    return head.encode("ascii") + body


def protocol_class(max_connections: int, header_timeout: float, send_timeout: float) -> type[H11Protocol]:
    """uvicorn's h11 protocol with the bounds above (give it as ``uvicorn.Config(http=...)``)."""

    class Bounded(H11Protocol):
        header_timer: asyncio.TimerHandle | None = None
        send_timer: asyncio.TimerHandle | None = None
        unsent = 0  # bytes of the answer waiting to be sent when the send timer was set
        awaited = None  # the request cycle answered last when the timer was set (None: a new connection)
        partial = False  # bytes have arrived since then

        def connection_made(self, transport) -> None:
            super().connection_made(transport)
            if len(self.connections) > max_connections:  # this connection is already counted
                transport.write(plain_answer(
                    "503 Service Unavailable", f"this server already has {max_connections:,} connections "
                    "open (--max-connections). Try again shortly", "retry-after: 1\r\n"))
                transport.close()
                return
            self._await_request()

        def data_received(self, data: bytes) -> None:
            self.partial = True
            super().data_received(data)
            if self.cycle is not self.awaited:  # a new request's headers are in
                self._cancel("header_timer")

        def on_response_complete(self) -> None:
            answered = self.cycle
            super().on_response_complete()
            # the rest of an unread body and the next request's headers must come in time,
            # unless a pipelined request is already in (uvicorn started its cycle)
            if not self.transport.is_closing() and self.cycle is answered:
                self._await_request()

        def connection_lost(self, exc: Exception | None) -> None:
            self._cancel("header_timer")
            self._cancel("send_timer")
            super().connection_lost(exc)

        def pause_writing(self) -> None:
            super().pause_writing()
            if self.send_timer is None:
                self._watch_sending()

        def _watch_sending(self) -> None:
            self.unsent = self.transport.get_write_buffer_size()
            self.send_timer = self.loop.call_later(send_timeout, self._abandon)

        def resume_writing(self) -> None:
            self._cancel("send_timer")
            super().resume_writing()

        def _await_request(self) -> None:
            self._cancel("header_timer")
            self.awaited, self.partial = self.cycle, False
            self.header_timer = self.loop.call_later(header_timeout, self._headers_too_slow)

        def _headers_too_slow(self) -> None:
            self.header_timer = None
            if self.transport.is_closing():
                return
            if self.partial:
                self.transport.write(plain_answer(
                    "408 Request Timeout", f"the request's headers took longer than this server's "
                    f"{header_timeout:g} s (--header-timeout). Send the whole request at once"))
            self.transport.close()

        def _abandon(self) -> None:
            self.send_timer = None
            if self.transport.get_write_buffer_size() < self.unsent:  # read slowly, but read
                self._watch_sending()
                return
            self.logger.info("dropped a connection that read nothing of its answer for %g s "
                             "(--send-timeout)", send_timeout)
            self.transport.abort()

        def _cancel(self, name: str) -> None:
            timer = getattr(self, name)
            if timer is not None:
                timer.cancel()
                setattr(self, name, None)

    return Bounded


class HeadLimit:
    """ASGI middleware: 431 for a request whose line and headers exceed ``max_header`` bytes."""

    def __init__(self, app, max_header: int):
        self.app, self.max_header = app, max_header

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http" and head_size(scope) > self.max_header:
            body = (f"Error: the request line and headers are longer than this server's limit of "
                    f"{self.max_header:,} bytes (--max-header). POST a long query as the request body.\n")
            await send({"type": "http.response.start", "status": 431, "headers": [
                (b"content-type", b"text/plain; charset=utf-8"), (b"connection", b"close")]})
            await send({"type": "http.response.body", "body": body.encode()})
            return
        await self.app(scope, receive, send)


def head_size(scope: dict) -> int:
    """Bytes of the request line and headers, near enough (the separators are not counted)."""
    return (len(scope.get("raw_path") or b"") + len(scope.get("query_string") or b"")
            + sum(len(k) + len(v) + 4 for k, v in scope["headers"]))
