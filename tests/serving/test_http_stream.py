"""The standard-library streaming client (serving/http_stream.py + ChatClient.complete) against real sockets.

A tiny raw HTTP server (`RawServer`, socketserver threads) gives byte-level control where the fake OpenAI
server (`FakeServer`) cannot: connection counts, cut and reset streams, stalls, malformed events, a proxy.
Nothing in http.client is mocked.
"""

from __future__ import annotations

import base64
import json
import os
import socket
import socketserver
import struct
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from pytest_llmeval.serving.client import ChatClient, LLMRequestError
from pytest_llmeval.serving.endpoint import Endpoint
from pytest_llmeval.serving.http_stream import Target
from pytest_llmeval.testing.openai_fake import FakeServer

MESSAGES = [{"role": "user", "content": "hi"}]
KEY_ENV = "LLMEVAL_TEST_HTTP_STREAM_KEY"
SECRET = "sk-test-0123456789-very-secret"


# ---------------------------------------------------------------------------------------------- raw server


@dataclass
class Request:
    line: str  # the request line, e.g. "POST /v1/chat/completions HTTP/1.1"
    headers: dict[str, str]  # lower-case names
    body: bytes
    conn: int  # which accepted connection (0, 1, ...) it came on

    @property
    def json(self) -> Any:
        return json.loads(self.body)


class Conn:
    """One accepted connection as a handler sees it: read requests, write raw bytes, close or reset."""

    def __init__(self, sock: socket.socket, index: int, server: RawServer) -> None:
        self.sock = sock
        self.index = index
        self.server = server
        self.rfile = sock.makefile("rb")
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def read_request(self) -> Request | None:
        """The next request on this connection (recorded on the server), or None at EOF."""
        try:
            line = self.rfile.readline()
        except OSError:
            return None
        if not line:
            return None
        headers: dict[str, str] = {}
        while (raw := self.rfile.readline()) not in (b"\r\n", b"\n", b""):
            name, _, value = raw.decode("latin-1").partition(":")
            headers[name.strip().lower()] = value.strip()
        body = self.rfile.read(int(headers.get("content-length", "0")))
        request = Request(line.decode("latin-1").rstrip("\r\n"), headers, body, self.index)
        with self.server.lock:
            self.server.requests.append(request)
        return request

    def send(self, data: bytes) -> None:
        self.sock.sendall(data)

    def close(self) -> None:
        self.rfile.close()  # else the socket's close waits for its file object
        self.sock.close()

    def reset(self) -> None:
        """Close with a TCP RST instead of a FIN (SO_LINGER 0)."""
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.close()

    def stall(self) -> None:
        """Hold the connection open, answering nothing, until the server stops."""
        self.server.stopping.wait(30)


Handler = Callable[[Conn], None]


class RawServer:
    """Accepts on 127.0.0.1 and runs `handler(conn)` for each connection in its own thread; counts them."""

    def __init__(self, handler: Handler) -> None:
        self.handler = handler
        self.accepted = 0
        self.requests: list[Request] = []
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        raw = self

        class _Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                with raw.lock:
                    index = raw.accepted
                    raw.accepted += 1
                try:
                    raw.handler(Conn(self.request, index, raw))
                except OSError:
                    pass  # the client went away

        class _Server(socketserver.ThreadingTCPServer):
            daemon_threads = True
            block_on_close = False
            allow_reuse_address = True

        self._server = _Server(("127.0.0.1", 0), _Handler)
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
        self._thread.start()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def close(self) -> None:
        self.stopping.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5)


@pytest.fixture
def raw() -> Iterator[Callable[[Handler], RawServer]]:
    servers: list[RawServer] = []

    def start(handler: Handler) -> RawServer:
        servers.append(RawServer(handler))
        return servers[-1]

    yield start
    for server in servers:
        server.close()


@pytest.fixture
def client() -> Iterator[Callable[..., ChatClient]]:
    """Makes ChatClients (closed at the end): client(base_url, timeout_s=..., api_key_env=...)."""
    clients: list[ChatClient] = []

    def make(base_url: str, timeout_s: float = 5.0, api_key_env: str | None = None) -> ChatClient:
        clients.append(ChatClient(Endpoint(base_url, "m", api_key_env=api_key_env), timeout_s=timeout_s))
        return clients[-1]

    yield make
    for c in clients:
        c.close()


@pytest.fixture(autouse=True)
def no_proxy_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Proxies come from the environment: start every test without any."""
    for name in list(os.environ):
        if name.lower().endswith("_proxy"):
            monkeypatch.delenv(name)


# ------------------------------------------------------------------------------------------- wire pieces


def event(obj: Any) -> bytes:
    return b"data: " + json.dumps(obj, ensure_ascii=False).encode("utf-8") + b"\n\n"


def delta(content: str | None = None, finish: str | None = None, **extra: str) -> bytes:
    d: dict[str, str] = {**extra}
    if content is not None:
        d["content"] = content
    return event({"object": "chat.completion.chunk", "choices": [{"index": 0, "delta": d, "finish_reason": finish}]})


def usage(prompt: int, completion: int) -> bytes:
    total = prompt + completion
    u = {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": total}
    return event({"object": "chat.completion.chunk", "choices": [], "usage": u})


DONE = b"data: [DONE]\n\n"
SSE_CHUNKED = b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
SSE_UNTIL_CLOSE = b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n"


def chunk(data: bytes) -> bytes:
    return b"%x\r\n%s\r\n" % (len(data), data)


def sse_response(*events: bytes) -> bytes:
    """A whole keep-alive SSE response, chunked (one HTTP chunk an event)."""
    return SSE_CHUNKED + b"".join(chunk(e) for e in events) + b"0\r\n\r\n"


def json_response(status: int, body: Any, reason: str = "X") -> bytes:
    payload = json.dumps(body).encode()
    head = f"HTTP/1.1 {status} {reason}\r\nContent-Type: application/json\r\nContent-Length: {len(payload)}\r\n\r\n"
    return head.encode() + payload


HELLO = (delta("Hel"), delta("lo, 世界"), delta(finish="stop"), usage(7, 3), DONE)


def keep_alive(respond: Callable[[Request, Conn], bytes]) -> Handler:
    """A handler that answers every request on its connection with respond(request, conn)."""

    def handler(conn: Conn) -> None:
        while (request := conn.read_request()) is not None:
            conn.send(respond(request, conn))

    return handler


def failure(fn: Callable[[], object]) -> LLMRequestError:
    with pytest.raises(LLMRequestError) as info:
        fn()
    return info.value


# --------------------------------------------------------------------------------------------- 1. normal


def test_normal_stream_text_usage_finish_reason_and_timings(raw, client):
    server = raw(keep_alive(lambda req, conn: sse_response(*HELLO)))
    c = client(server.base_url)
    completion = c.complete(MESSAGES, max_tokens=16)
    assert completion.text == "Hello, 世界" and completion.reasoning == ""
    m = completion.metrics
    assert (m.prompt_tokens, m.output_tokens, m.finish_reason) == (7, 3, "stop")
    assert m.ttft_s is not None and 0 < m.ttft_s <= m.e2e_s
    assert m.endpoint == server.base_url
    sent = server.requests[0]
    assert sent.line == "POST /v1/chat/completions HTTP/1.1"
    assert sent.json["stream"] is True and sent.json["stream_options"] == {"include_usage": True}
    assert sent.json["max_tokens"] == 16 and sent.json["model"] == "m"


def test_normal_stream_from_the_fake_server():
    answer = "投资回收期为二十个月。"
    with FakeServer(answers={"回收期": answer}, flush_each=True) as fake:
        c = ChatClient(Endpoint(fake.base_url, "fake"), timeout_s=5)
        try:
            completion = c.complete([{"role": "user", "content": "回收期 多久？"}], max_tokens=32)
        finally:
            c.close()
    assert completion.text == answer
    m = completion.metrics
    # the fake counts one prompt token a word plus one, one completion token a piece of four characters
    assert (m.prompt_tokens, m.output_tokens, m.finish_reason) == (3, 3, "stop")
    assert m.ttft_s is not None and m.ttft_s <= m.e2e_s


def test_connection_is_kept_across_requests_and_one_per_thread(raw, client):
    # the answer names the connection it came on
    server = raw(keep_alive(lambda req, conn: sse_response(delta(f"conn{conn.index}", finish="stop"), DONE)))
    c = client(server.base_url)
    texts = [c.complete(MESSAGES, max_tokens=4).text for _ in range(3)]
    assert texts == ["conn0"] * 3 and server.accepted == 1 and len(server.requests) == 3

    barrier = threading.Barrier(4)
    seen: dict[int, list[str]] = {}

    def work(i: int) -> None:
        barrier.wait(5)
        seen[i] = [c.complete(MESSAGES, max_tokens=4).text for _ in range(2)]

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert len(seen) == 4 and all(a == b for a, b in seen.values())  # each thread kept its connection
    assert len({a for a, _ in seen.values()} | {"conn0"}) == 5  # ... its own: 4 new ones, none shared
    assert server.accepted == 5 and len(server.requests) == 11


@pytest.mark.parametrize("framing", ["chunked", "content-length"])
def test_connection_is_kept_whatever_the_body_framing(raw, client, framing):
    def respond(req: Request, conn: Conn) -> bytes:
        if framing == "chunked":
            return sse_response(*HELLO)
        body = b"".join(HELLO)
        return b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nContent-Length: %d\r\n\r\n" % len(body) + body

    server = raw(keep_alive(respond))
    c = client(server.base_url)
    assert [c.complete(MESSAGES, max_tokens=4).text for _ in range(3)] == ["Hello, 世界"] * 3
    assert server.accepted == 1


# ------------------------------------------------------------------------------------ 2. stale keep-alive


@pytest.mark.parametrize("idle_s", [0.0, 0.2])  # sent before the close (a reset) or after it (a broken pipe)
def test_idle_connection_closed_by_server_is_resent_once_on_a_new_one(raw, client, idle_s):
    def one_request_per_connection(conn: Conn) -> None:
        if conn.read_request() is not None:
            conn.send(sse_response(*HELLO))  # keep-alive (no Connection: close), then closed while idle
        time.sleep(0.05)
        conn.close()

    server = raw(one_request_per_connection)
    c = client(server.base_url)
    assert c.complete(MESSAGES, max_tokens=4).text == "Hello, 世界"
    time.sleep(idle_s)
    assert c.complete(MESSAGES, max_tokens=4).text == "Hello, 世界"
    assert server.accepted == 2
    assert [r.conn for r in server.requests] == [0, 1]  # the stale connection never delivered the request
    assert c.complete(MESSAGES, max_tokens=4).text == "Hello, 世界" and server.accepted == 3


def test_the_resend_happens_at_most_once(raw, client):
    def handler(conn: Conn) -> None:
        if conn.read_request() is not None and conn.index == 0:
            conn.send(sse_response(*HELLO))  # the first connection answers once, then closes while idle
        time.sleep(0.05)
        conn.close()  # every later one reads the request and closes without an answer

    server = raw(handler)
    c = client(server.base_url)
    c.complete(MESSAGES, max_tokens=4)
    time.sleep(0.1)
    err = failure(lambda: c.complete(MESSAGES, max_tokens=4))
    assert err.kind == "connection" and server.accepted == 2 and [r.conn for r in server.requests] == [0, 1]


@pytest.mark.parametrize("started", ["head", "head+event"])
def test_a_post_whose_response_began_is_never_sent_again(raw, client, started):
    def handler(conn: Conn) -> None:
        conn.read_request()
        conn.send(sse_response(*HELLO))  # the first request: whole, the connection kept
        if conn.read_request() is not None:  # the second: the response begins, then the connection closes
            conn.send(SSE_CHUNKED + (chunk(delta("par")) if started == "head+event" else b""))
            time.sleep(0.05)
            conn.close()

    server = raw(handler)
    c = client(server.base_url)
    c.complete(MESSAGES, max_tokens=4)
    err = failure(lambda: c.complete(MESSAGES, max_tokens=4))
    assert err.kind == ("stream" if started == "head+event" else "connection")
    assert server.accepted == 1 and len(server.requests) == 2  # not resent on a new connection


def test_a_first_request_on_a_new_connection_is_not_resent(raw, client):
    def handler(conn: Conn) -> None:
        conn.read_request()
        conn.close()  # no response at all

    server = raw(handler)
    err = failure(lambda: client(server.base_url).complete(MESSAGES, max_tokens=4))
    assert err.kind == "connection" and server.base_url in str(err)
    assert server.accepted == 1 and len(server.requests) == 1


# ----------------------------------------------------------------------------------------- 3. HTTP errors


@pytest.mark.parametrize("status", [400, 401, 404, 500])
def test_http_error_status_names_the_message_and_url_never_the_key(raw, client, monkeypatch, status):
    monkeypatch.setenv(KEY_ENV, SECRET)
    message = f"the server says no ({status})"
    first = [True]

    def respond(req: Request, conn: Conn) -> bytes:
        if first[0]:
            first[0] = False
            body = {"error": {"message": message, "type": "invalid_request_error", "code": status}}
            return json_response(status, body, "Nope")
        return sse_response(*HELLO)

    server = raw(keep_alive(respond))
    c = client(server.base_url, api_key_env=KEY_ENV)
    err = failure(lambda: c.complete(MESSAGES, max_tokens=4))
    assert err.kind == "http" and err.status == status
    assert message in str(err) and server.base_url in str(err) and f"HTTP {status}" in str(err)
    assert server.requests[0].headers["authorization"] == f"Bearer {SECRET}"
    assert SECRET not in str(err) and SECRET not in repr(err.args) and err.__cause__ is None
    # the whole error body was read: the connection is kept for the next request
    assert c.complete(MESSAGES, max_tokens=4).text == "Hello, 世界"
    assert server.accepted == 1


def test_http_error_with_a_non_json_body_shows_the_text(raw, client):
    page = b"<html>502 Bad Gateway from the load balancer</html>"
    head = b"HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n" % len(page)
    server = raw(keep_alive(lambda req, conn: head + page))
    err = failure(lambda: client(server.base_url).complete(MESSAGES, max_tokens=4))
    assert err.kind == "http" and err.status == 502 and "502 Bad Gateway from the load balancer" in str(err)


# -------------------------------------------------------------------------------------- 4. no connection


def test_connection_refused_is_a_connection_error(client):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again: nothing listens there
    url = f"http://127.0.0.1:{port}/v1"
    err = failure(lambda: client(url).complete(MESSAGES, max_tokens=4))
    assert err.kind == "connection" and err.status is None
    assert "connection refused" in str(err) and url in str(err)


def test_unresolvable_host_is_a_connection_error_that_says_so(client):
    url = "http://no-such-host.invalid:8000/v1"
    err = failure(lambda: client(url).complete(MESSAGES, max_tokens=4))
    assert err.kind == "connection" and "cannot resolve the host" in str(err) and url in str(err)


# ------------------------------------------------------------------------------------ 5. cut and unfinished


@pytest.mark.parametrize("how", ["close", "reset"])
def test_stream_cut_after_content_is_a_stream_error(raw, client, how):
    def handler(conn: Conn) -> None:
        conn.read_request()
        conn.send(SSE_CHUNKED + chunk(delta("one")) + chunk(delta(" two")))
        time.sleep(0.1)  # the client has read both events
        conn.reset() if how == "reset" else conn.close()

    server = raw(handler)
    err = failure(lambda: client(server.base_url).complete(MESSAGES, max_tokens=4))
    assert err.kind == "stream" and "broke" in str(err) and server.base_url in str(err)
    assert ("reset by peer" if how == "reset" else "closed before the last chunk") in str(err)
    assert len(server.requests) == 1


@pytest.mark.parametrize("how", ["close", "reset"])
def test_stream_cut_before_any_content_is_a_connection_error(raw, client, how):
    def handler(conn: Conn) -> None:
        conn.read_request()
        conn.send(SSE_CHUNKED + chunk(b": keep-alive comment\n\n"))
        time.sleep(0.1)
        conn.reset() if how == "reset" else conn.close()

    server = raw(handler)
    err = failure(lambda: client(server.base_url).complete(MESSAGES, max_tokens=4))
    assert err.kind == "connection" and len(server.requests) == 1


def test_content_length_stream_cut_short_is_a_stream_error(raw, client):
    def handler(conn: Conn) -> None:
        conn.read_request()
        body = delta("one") + delta(" two", finish="stop")  # no [DONE]
        conn.send(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nContent-Length: %d\r\n\r\n" % (len(body) + 50)
        )
        conn.send(body)  # 50 bytes short of what the head promised
        time.sleep(0.05)
        conn.close()

    server = raw(handler)
    err = failure(lambda: client(server.base_url).complete(MESSAGES, max_tokens=4))
    assert err.kind == "stream" and "with 50 bytes to come" in str(err)


def test_chunked_stream_cut_after_done_is_accepted_on_a_new_connection_next_time(raw, client):
    def handler(conn: Conn) -> None:
        if conn.read_request() is None:
            return
        if conn.index == 0:  # everything up to [DONE], then the connection closes without the last chunk
            conn.send(SSE_CHUNKED + b"".join(chunk(e) for e in HELLO))
            time.sleep(0.05)
            conn.close()
        else:
            conn.send(sse_response(*HELLO))

    server = raw(handler)
    c = client(server.base_url)
    assert c.complete(MESSAGES, max_tokens=4).text == "Hello, 世界"
    assert c.complete(MESSAGES, max_tokens=4).text == "Hello, 世界"
    assert server.accepted == 2 and [r.conn for r in server.requests] == [0, 1]


def _ends_cleanly(framing: str, *events: bytes) -> Handler:
    def handler(conn: Conn) -> None:
        conn.read_request()
        if framing == "chunked":  # a complete chunked body: the stream itself just stops
            conn.send(sse_response(*events))
        else:  # a body delimited by the connection's close
            conn.send(SSE_UNTIL_CLOSE + b"".join(events))
            conn.close()

    return handler


@pytest.mark.parametrize("framing", ["chunked", "until-close"])
def test_stream_ending_without_done_or_finish_reason_is_an_error(raw, client, framing):
    server = raw(_ends_cleanly(framing, delta("Hel"), delta("lo")))
    err = failure(lambda: client(server.base_url).complete(MESSAGES, max_tokens=4))
    assert err.kind == "stream" and "no finish_reason, no [DONE]" in str(err)


@pytest.mark.parametrize("framing", ["chunked", "until-close"])
def test_stream_with_finish_reason_but_no_done_is_accepted(raw, client, framing):
    server = raw(_ends_cleanly(framing, delta("Hel"), delta("lo", finish="length"), usage(5, 2)))
    completion = client(server.base_url).complete(MESSAGES, max_tokens=2)
    assert completion.text == "Hello" and completion.metrics.finish_reason == "length"
    assert completion.metrics.output_tokens == 2


# ----------------------------------------------------------------------------------- 6. malformed / error


def test_malformed_event_is_a_stream_error(raw, client):
    server = raw(keep_alive(lambda req, conn: sse_response(delta("ok"), b"data: {not json\n\n", DONE)))
    err = failure(lambda: client(server.base_url).complete(MESSAGES, max_tokens=4))
    assert err.kind == "stream" and "malformed stream" in str(err) and server.base_url in str(err)


def test_error_event_in_the_stream_is_a_stream_error(raw, client):
    server = raw(keep_alive(lambda req, conn: sse_response(delta("ok"), event({"error": {"message": "boom"}}), DONE)))
    err = failure(lambda: client(server.base_url).complete(MESSAGES, max_tokens=4))
    assert err.kind == "stream" and "boom" in str(err)


# ------------------------------------------------------------------------------------------ 7. plain JSON


def test_server_that_ignores_stream_answers_plain_json(raw, client):
    answer = {
        "id": "x",
        "object": "chat.completion",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": "巴黎"}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 11, "completion_tokens": 2, "total_tokens": 13},
    }
    server = raw(keep_alive(lambda req, conn: json_response(200, answer, "OK")))
    c = client(server.base_url)
    for _ in range(2):  # the whole body was read: the connection is kept
        completion = c.complete(MESSAGES, max_tokens=4)
        m = completion.metrics
        assert completion.text == "巴黎" and (m.prompt_tokens, m.output_tokens, m.finish_reason) == (11, 2, "stop")
        assert m.ttft_s == m.e2e_s
    assert server.accepted == 1


# --------------------------------------------------------------------------------------------- 8. timeouts


def test_server_that_never_answers_times_out(raw, client):
    def handler(conn: Conn) -> None:
        conn.read_request()
        conn.stall()

    server = raw(handler)
    start = time.perf_counter()
    err = failure(lambda: client(server.base_url, timeout_s=1).complete(MESSAGES, max_tokens=4))
    took = time.perf_counter() - start
    assert err.kind == "timeout" and server.base_url in str(err)
    assert 0.9 <= took < 15  # the 1 s timeout, not a hang (generous: a loaded 2-core host stalls threads)


def test_stream_that_stalls_midway_times_out(raw, client):
    def handler(conn: Conn) -> None:
        conn.read_request()
        conn.send(SSE_CHUNKED + chunk(delta("one")))
        conn.stall()

    server = raw(handler)
    start = time.perf_counter()
    err = failure(lambda: client(server.base_url, timeout_s=1).complete(MESSAGES, max_tokens=4))
    assert err.kind == "timeout" and 0.9 <= time.perf_counter() - start < 15


def test_trickling_stream_hits_the_total_deadline(raw, client):
    def handler(conn: Conn) -> None:  # every read is well inside the timeout, the whole is not
        conn.read_request()
        conn.send(SSE_CHUNKED)
        for i in range(60):
            conn.send(chunk(delta(f"t{i}")))
            if conn.server.stopping.wait(0.3):
                return

    server = raw(handler)
    start = time.perf_counter()
    err = failure(lambda: client(server.base_url, timeout_s=1).complete(MESSAGES, max_tokens=4))
    assert err.kind == "timeout" and "longer than 1 s" in str(err)
    # the total deadline, not the 18 s the stream would take (generous: a loaded 2-core host stalls threads)
    assert 1 <= time.perf_counter() - start < 12


# -------------------------------------------------------------------------------------------- 9. reasoning


@pytest.mark.parametrize("key", ["reasoning_content", "reasoning"])
def test_reasoning_deltas_and_time_to_first_answer(raw, client, key):
    def handler(conn: Conn) -> None:
        conn.read_request()
        conn.send(SSE_CHUNKED + chunk(delta(**{key: "Let me "})) + chunk(delta(**{key: "think."})))
        time.sleep(0.05)
        conn.send(b"".join(chunk(e) for e in (delta("42", finish="stop"), usage(4, 5), DONE)) + b"0\r\n\r\n")

    server = raw(handler)
    completion = client(server.base_url).complete(MESSAGES, max_tokens=8)
    m = completion.metrics
    assert completion.reasoning == "Let me think." and completion.text == "42"
    assert m.ttft_s is not None and m.ttfat_s is not None and m.ttfat_s > m.ttft_s
    assert m.reasoning_tokens == 2  # no usage details: the count of reasoning chunks


# ---------------------------------------------------------------------------------------------- 10. proxy


@pytest.mark.parametrize("userinfo", ["", "user:p%40ss@"])
def test_http_proxy_gets_the_absolute_url_and_its_credentials(raw, client, monkeypatch, userinfo):
    proxy = raw(keep_alive(lambda req, conn: sse_response(*HELLO)))
    monkeypatch.setenv("HTTP_PROXY", f"http://{userinfo}127.0.0.1:{proxy.port}")
    monkeypatch.setenv(KEY_ENV, SECRET)
    c = client("http://api.example.test/v1", api_key_env=KEY_ENV)
    assert c.complete(MESSAGES, max_tokens=4).text == "Hello, 世界"
    assert c.complete(MESSAGES, max_tokens=4).text == "Hello, 世界"
    assert proxy.accepted == 1 and len(proxy.requests) == 2  # kept alive to the proxy
    got = proxy.requests[0]
    assert got.line == "POST http://api.example.test:80/v1/chat/completions HTTP/1.1"
    assert got.headers["host"].startswith("api.example.test")
    assert got.headers["authorization"] == f"Bearer {SECRET}"
    if userinfo:
        assert got.headers["proxy-authorization"] == "Basic " + base64.b64encode(b"user:p@ss").decode()
    else:
        assert "proxy-authorization" not in got.headers


def test_https_proxy_gets_a_connect_with_its_credentials(raw, client, monkeypatch):
    def refuse(conn: Conn) -> None:
        conn.read_request()
        conn.send(b"HTTP/1.1 407 Proxy Authentication Required\r\nContent-Length: 0\r\n\r\n")

    proxy = raw(refuse)
    monkeypatch.setenv("HTTPS_PROXY", f"http://user:pw@127.0.0.1:{proxy.port}")
    err = failure(lambda: client("https://api.example.test/v1").complete(MESSAGES, max_tokens=4))
    assert err.kind == "connection" and "407" in str(err)
    got = proxy.requests[0]
    assert got.line.startswith("CONNECT api.example.test:443 HTTP/1.")  # http.client sends HTTP/1.0
    assert got.headers["proxy-authorization"] == "Basic " + base64.b64encode(b"user:pw").decode()


def test_no_proxy_and_local_hosts_bypass_the_proxy(raw, client, monkeypatch):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        dead = s.getsockname()[1]
    monkeypatch.setenv("HTTP_PROXY", f"http://127.0.0.1:{dead}")  # a proxy that would refuse everything
    monkeypatch.setenv("NO_PROXY", "example.test,.internal")
    assert Target.of("http://api.example.test/v1").proxy is None
    assert Target.of("http://llm.internal:8000/v1").proxy is None
    assert Target.of("http://api.other.test/v1").proxy == ("127.0.0.1", dead, None)
    for local in ("127.0.0.1", "localhost", "[::1]"):
        assert Target.of(f"http://{local}:8000/v1").proxy is None
    server = raw(keep_alive(lambda req, conn: sse_response(*HELLO)))
    for base in (server.base_url, f"http://localhost:{server.port}/v1"):
        assert client(base).complete(MESSAGES, max_tokens=4).text == "Hello, 世界"
    assert server.requests[0].line == "POST /v1/chat/completions HTTP/1.1"


# ---------------------------------------------------------------------- 11. credentials and query in the URL


@pytest.mark.parametrize(
    ("userinfo", "authorization"),
    [
        ("alice:PW%40123@", "Basic " + base64.b64encode(b"alice:PW@123").decode()),  # percent-decoded, as curl does
        (":tok-PW123@", "Bearer tok-PW123"),  # no user: the password is a bearer token
    ],
)
def test_credentials_and_query_in_the_base_url_are_sent_and_never_shown(raw, client, userinfo, authorization):
    """A gateway URL such as http://user:pw@host/v1?api_key=x: the credentials go in the Authorization header,
    the query stays at the end of every request; the error message and the records show neither."""
    answers = iter([json_response(401, {"error": {"message": "who are you"}}, "Unauthorized")])
    server = raw(keep_alive(lambda req, conn: next(answers, None) or sse_response(*HELLO)))
    url = f"http://{userinfo}127.0.0.1:{server.port}/v1?api_key=QK123"
    c = client(url)
    err = failure(lambda: c.complete(MESSAGES, max_tokens=4))
    completion = c.complete(MESSAGES, max_tokens=4)
    assert completion.text == "Hello, 世界" and completion.metrics.endpoint == server.base_url
    for sent in server.requests:
        assert sent.line == "POST /v1/chat/completions?api_key=QK123 HTTP/1.1"
        assert sent.headers["authorization"] == authorization
    assert err.status == 401 and "PW" not in str(err) and "QK123" not in str(err) and server.base_url in str(err)


def test_the_urls_credentials_win_over_the_api_key(raw, client, monkeypatch):
    monkeypatch.setenv(KEY_ENV, SECRET)
    server = raw(keep_alive(lambda req, conn: sse_response(*HELLO)))
    client(f"http://u:pw@127.0.0.1:{server.port}/v1", api_key_env=KEY_ENV).complete(MESSAGES, max_tokens=4)
    client(server.base_url, api_key_env=KEY_ENV).complete(MESSAGES, max_tokens=4)
    assert [r.headers["authorization"] for r in server.requests] == [
        "Basic " + base64.b64encode(b"u:pw").decode(),
        f"Bearer {SECRET}",
    ]


def test_target_keeps_the_query_and_never_shows_the_password():
    target = Target.of("http://u:SECRET@h:8000/v1/?k=1&b=2#frag")
    assert (target.host, target.port, target.url("/chat/completions")) == ("h", 8000, "/v1/chat/completions?k=1&b=2")
    for bad in ("http://u:SECRET@h:99999/v1?k=SECRET", "http://u:SECRET@[::1/v1", "ftp://u:SECRET@h/v1"):
        with pytest.raises(ValueError) as caught:
            Target.of(bad)
        assert "SECRET" not in str(caught.value)


# ------------------------------------------------------------------------------- property: TCP boundaries

TEXT_PIECES = ["Hel", "lo ", "世界", "—", "🙂 ", "données", ""]
EXPECTED_TEXT = "".join(TEXT_PIECES)


def _body(line_end: bytes, space: bool) -> bytes:
    """A valid SSE body (text pieces, finish_reason, usage, [DONE]) with the given line ends and spacing."""
    events = [delta(p) for p in TEXT_PIECES] + [delta(finish="stop"), usage(9, 6), DONE]
    body = b": ping\n\n" + b"".join(events)
    if not space:
        body = body.replace(b"data: ", b"data:")
    return body.replace(b"\n", line_end)


class SplitServer:
    """Serves the current `plan` (framing, pieces): each piece in its own TCP write, a little apart."""

    def __init__(self) -> None:
        self.plan: tuple[str, list[bytes]] = ("chunked", [])
        self.server = RawServer(keep_alive(self._respond))

    def _respond(self, req: Request, conn: Conn) -> bytes:
        framing, pieces = self.plan
        if framing == "chunked":  # every piece its own HTTP chunk: lines cross chunk boundaries
            conn.send(SSE_CHUNKED)
            for piece in pieces:
                conn.send(chunk(piece))
                time.sleep(0.0002)
            return b"0\r\n\r\n"
        body = b"".join(pieces)  # a Content-Length body, its bytes split anywhere
        conn.send(b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nContent-Length: %d\r\n\r\n" % len(body))
        for piece in pieces[:-1]:
            conn.send(piece)
            time.sleep(0.0002)
        return pieces[-1]


@pytest.fixture(scope="module")
def split_server() -> Iterator[tuple[SplitServer, ChatClient]]:
    split = SplitServer()
    c = ChatClient(Endpoint(split.server.base_url, "m"), timeout_s=5)
    yield split, c
    c.close()
    split.server.close()


@st.composite
def split_plans(draw: st.DrawFn) -> tuple[str, bytes, list[bytes]]:
    body = _body(draw(st.sampled_from([b"\n", b"\r\n"])), draw(st.booleans()))
    cuts = sorted(draw(st.sets(st.integers(1, len(body) - 1), max_size=40)))
    bounds = [0, *cuts, len(body)]
    return draw(st.sampled_from(["chunked", "length"])), body, [body[a:b] for a, b in zip(bounds, bounds[1:])]


def _every_byte(framing: str) -> tuple[str, bytes, list[bytes]]:
    body = _body(b"\n", True)
    return framing, body, [body[i : i + 1] for i in range(len(body))]


@settings(max_examples=60, deadline=None)
@given(plan=split_plans())
@example(plan=_every_byte("chunked"))
@example(plan=_every_byte("length"))
def test_any_split_of_the_stream_into_writes_gives_the_same_answer(split_server, plan):
    split, c = split_server
    framing, body, pieces = plan
    assert b"".join(pieces) == body
    split.plan = (framing, pieces)
    completion = c.complete(MESSAGES, max_tokens=8)
    m = completion.metrics
    assert completion.text == EXPECTED_TEXT
    assert (m.prompt_tokens, m.output_tokens, m.finish_reason) == (9, 6, "stop")
    assert split.server.accepted == 1  # every answer read to its end: one connection throughout


def test_closing_the_client_ends_a_stream_another_thread_is_reading_at_once():
    """Ctrl-C with cases in flight: closing a connection waited for its reader's lock, so pytest hung until every
    answer in flight had ended (up to the request timeout); the socket is now shut down first."""
    with FakeServer(chunks=4, delay_s=5.0) as fake:  # 5 s a token: a read would wait 20 s
        client = ChatClient(Endpoint(fake.base_url, "m"), timeout_s=60)
        outcome: list[BaseException | None] = []

        def ask() -> None:
            try:
                client.complete([{"role": "user", "content": "问"}], max_tokens=4)
                outcome.append(None)
            except BaseException as exc:  # noqa: BLE001 - whatever ends the read
                outcome.append(exc)

        reader = threading.Thread(target=ask, daemon=True)
        reader.start()
        time.sleep(0.5)  # the request is in flight, its reader waiting for the next token
        started = time.monotonic()
        client.close()
        reader.join(timeout=10)
        assert not reader.is_alive() and time.monotonic() - started < 10  # the close, not the 60 s timeout
        assert outcome and isinstance(outcome[0], LLMRequestError)
