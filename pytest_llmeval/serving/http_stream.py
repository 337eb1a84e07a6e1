"""Streamed JSON POSTs over HTTP/1.1 with the standard library: one kept-alive connection per thread.

One job: send a JSON body to an OpenAI-compatible endpoint and hand back the server-sent events' `data:`
payloads the moment each line arrives (or the whole body when the server answers with plain JSON).

Why not the openai SDK or httpx, which the project uses elsewhere: the measuring client runs once per case
in the test process, and its own CPU time is both the plugin's per-case cost and - under many requests in
flight, with the GIL - a delay in reading chunks that inflates TTFT. Streamed requests to the instant local
server (tests' fake, 1,000 serial requests, 2-core machine): openai SDK 3.2 ms, httpx 1.1 ms, `http.client`
0.44 ms a request. What this module adds to `http.client` is small: a connection per thread, one resend when
a kept-alive connection turns out closed before the request reached the server, proxies from the
environment (HTTP(S)_PROXY / NO_PROXY, as openai and httpx honour them) and errors sorted by kind.
"""

from __future__ import annotations

import base64
import contextlib
import http.client
import select
import socket
import ssl
import threading
import urllib.request
from collections.abc import Generator
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from .endpoint import auth_headers, public_url

USER_AGENT = "pytest-llmeval"
# a kept-alive connection that the server closed while idle fails on reuse with one of these, before any byte
# of the response: the request never reached the server, and is sent once more on a new connection
STALE_CONNECTION = (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError, ConnectionAbortedError)


def redirect_text(location: str | None) -> str:
    """What a redirect answer is in words, with the fix: a redirect is never followed - the Authorization header
    would go along to whatever host it names (the URL is shown as every error shows one: no userinfo or query)."""
    fix = f"pass the URL it redirects to instead: {location}" if location else "pass the URL it redirects to instead"
    return f"the server redirects the request (it is not sent on to another URL: the key would go along). Fix: {fix}"


class StreamHTTPError(Exception):
    """The server answered with an HTTP error status; `body` is the start of its body (text)."""

    def __init__(self, status: int, reason: str, body: str) -> None:
        super().__init__(f"HTTP {status} {reason}")
        self.status = status
        self.reason = reason
        self.body = body


class StreamConnectionError(Exception):
    """No response came: the connection could not be made, or broke before the response began."""


class StreamBrokenError(Exception):
    """The response began and then broke (the connection closed or reset mid-body)."""


@dataclass(frozen=True)
class Target:
    """Where the connection goes and what the request line names: the host itself, or a proxy."""

    scheme: str
    host: str
    port: int
    path_prefix: str  # the base URL's path, e.g. /v1
    proxy: tuple[str, int, str | None] | None = None  # (host, port, Proxy-Authorization) when one applies
    query: str = ""  # the base URL's query (e.g. a gateway's api_key=...), kept at the end of every request

    @classmethod
    def of(cls, base_url: str) -> Target:
        """The target of a base URL; its userinfo is not part of it (sent as a header: `endpoint.auth_headers`).
        ValueError, naming the URL without userinfo or query, for one that is not http(s)."""
        try:
            parts = urlsplit(base_url)
            port = parts.port
        except ValueError as exc:
            raise ValueError(f"not a valid URL: {public_url(base_url)!r} ({_reason(exc)})") from None
        scheme = parts.scheme or "http"
        if scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"not an http(s) URL: {public_url(base_url)!r}")
        port = port or (443 if scheme == "https" else 80)
        proxy = _proxy_for(scheme, parts.hostname)
        return cls(scheme, parts.hostname, port, parts.path.rstrip("/"), proxy, parts.query)

    def url(self, path: str) -> str:
        """The request target: the path (and the base URL's query), or the absolute URL when a plain-HTTP proxy
        forwards it."""
        full = self.path_prefix + path + (f"?{self.query}" if self.query else "")
        if self.proxy is not None and self.scheme == "http":
            host = f"[{self.host}]" if ":" in self.host else self.host
            return f"http://{host}:{self.port}{full}"
        return full


def _reason(exc: ValueError) -> str:
    """urllib's complaint about a URL, without the URL (it may hold a password)."""
    text = str(exc)
    return "bad IPv6 address" if "IPv6" in text else "bad port" if "Port" in text else "unreadable"


def _proxy_for(scheme: str, host: str) -> tuple[str, int, str | None] | None:
    proxies = urllib.request.getproxies()
    proxy = proxies.get(scheme)
    if not proxy or urllib.request.proxy_bypass(host) or host in ("127.0.0.1", "localhost", "::1"):
        return None
    parts = urlsplit(proxy if "://" in proxy else f"http://{proxy}")
    if not parts.hostname:
        return None
    auth = None
    if parts.username is not None:
        token = f"{unquote(parts.username)}:{unquote(parts.password or '')}".encode()
        auth = "Basic " + base64.b64encode(token).decode("ascii")
    return parts.hostname, parts.port or 80, auth


class _NoDelayHTTP(http.client.HTTPConnection):
    """TCP_NODELAY, as urllib3 and aiohttp set it: http.client writes the headers and the body in two sends,
    and with Nagle's algorithm the body waits for the headers' ACK (1 ms a request on loopback, measured)."""

    def connect(self) -> None:
        super().connect()
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


class _NoDelayHTTPS(http.client.HTTPSConnection):
    def connect(self) -> None:
        super().connect()
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


class StreamingPoster:
    """POSTs JSON to one base URL; each thread keeps its own connection alive between requests."""

    def __init__(self, base_url: str, headers: dict[str, str], timeout_s: float) -> None:
        self.target = Target.of(base_url)
        self.timeout_s = timeout_s
        given = {name.lower() for name in headers}
        self.headers = {
            "Content-Type": "application/json",
            "Accept": "text/event-stream, application/json",
            "User-Agent": USER_AGENT,
            # credentials written in the base URL, unless the caller's headers already authorise the request
            **({} if "authorization" in given else auth_headers(base_url)),
            **headers,
        }
        if self.target.proxy is not None and self.target.proxy[2] and self.target.scheme == "http":
            self.headers["Proxy-Authorization"] = self.target.proxy[2]
        self._local = threading.local()
        self._all: list[http.client.HTTPConnection] = []
        self._lock = threading.Lock()

    def _connection(self) -> http.client.HTTPConnection:
        conn: http.client.HTTPConnection | None = getattr(self._local, "conn", None)
        if conn is not None:
            return conn
        t = self.target
        host, port = (t.proxy[0], t.proxy[1]) if t.proxy is not None else (t.host, t.port)
        if t.scheme == "https":
            conn = _NoDelayHTTPS(host, port, timeout=self.timeout_s, context=ssl.create_default_context())
            if t.proxy is not None:
                tunnel_headers = {"Proxy-Authorization": t.proxy[2]} if t.proxy[2] else None
                conn.set_tunnel(t.host, t.port, headers=tunnel_headers)
        else:
            conn = _NoDelayHTTP(host, port, timeout=self.timeout_s)
        self._local.conn = conn
        with self._lock:
            self._all.append(conn)
        return conn

    def _drop(self) -> None:
        conn = getattr(self._local, "conn", None)
        self._local.conn = None
        if conn is not None:
            conn.close()
            with self._lock:
                if conn in self._all:
                    self._all.remove(conn)

    def post(self, path: str, body: bytes) -> http.client.HTTPResponse:
        """Send the request and return the response once its headers are in (status checked by the caller)."""
        url = self.target.url(path)
        for attempt in (0, 1):
            kept: http.client.HTTPConnection | None = getattr(self._local, "conn", None)
            if kept is not None and _closed_by_peer(kept):  # as urllib3 checks a pooled connection before reuse
                self._drop()
                kept = None
            reused = kept is not None
            conn = self._connection()
            try:
                conn.request("POST", url, body=body, headers=self.headers)
                return conn.getresponse()
            except STALE_CONNECTION as exc:
                self._drop()
                if reused and attempt == 0:
                    continue
                raise StreamConnectionError(_describe(exc)) from None
            except TimeoutError:
                self._drop()
                raise
            except (OSError, http.client.HTTPException) as exc:
                self._drop()
                raise StreamConnectionError(_describe(exc)) from None
        raise AssertionError("unreachable")

    def stream(self, path: str, body: bytes) -> Generator[bytes, None, None]:
        """POST and yield each server-sent event's data (bytes, without `data:`), as its line arrives; a plain
        JSON answer (a server that does not stream) is yielded whole, once. Raises StreamHTTPError for an
        error status, StreamConnectionError when no response came, StreamBrokenError when the body broke,
        TimeoutError when a read waited longer than the timeout."""
        response = self.post(path, body)
        try:
            if response.status >= 400:
                text = response.read(65536).decode("utf-8", "replace")
                raise StreamHTTPError(response.status, response.reason, text)
            if 300 <= response.status < 400:  # its body was read as the answer: "malformed stream", no word of why
                raise StreamHTTPError(response.status, response.reason, redirect_text(response.getheader("Location")))
            if "text/event-stream" not in (response.getheader("Content-Type") or ""):
                yield response.read()
                return
            for line in response:
                if line.startswith(b"data:"):
                    yield line[5:].strip()
            # http.client's readline ends a body cut short as if it were whole (a chunked one: its peek swallows
            # the IncompleteRead), and never marks a Content-Length body read to its end as done (the connection
            # was then dropped): check for a cut, then read() the end
            if response.length or (response.chunked and response.chunk_left is not None):
                self._drop()
                left = f"with {response.length} bytes to come" if response.length else "before the last chunk"
                raise StreamBrokenError(f"the connection closed {left}")
            response.read()
        except TimeoutError:
            raise
        except (OSError, http.client.HTTPException) as exc:
            raise StreamBrokenError(_describe(exc)) from None
        finally:  # a connection is kept only after a whole body, and when the server keeps it open
            if response.will_close or not response.isclosed():
                self._drop()

    def close(self) -> None:
        """Close every connection, also those a thread is reading a stream from (an answer nobody waits for any
        more: the run was interrupted, or the model's tests have ended): shut the socket down first, which ends
        that read at once - closing alone waits for the reader's lock, up to the request timeout."""
        with self._lock:
            conns, self._all = self._all, []
        for conn in conns:
            sock = conn.sock
            if sock is not None:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
            conn.close()


def _closed_by_peer(conn: http.client.HTTPConnection) -> bool:
    """Whether an idle kept-alive connection has something to read - the server's close (EOF) - so that a
    request is not written into it; the resend in `post` covers only a close that races the request."""
    sock = conn.sock
    if sock is None:
        return True
    try:
        readable, _, _ = select.select([sock], [], [], 0)
    except (OSError, ValueError):
        return True
    return bool(readable)


def _describe(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    if isinstance(exc, socket.gaierror):
        return f"cannot resolve the host ({text})"
    if isinstance(exc, ConnectionRefusedError):
        return f"connection refused ({text})"
    return f"{type(exc).__name__}: {text}" if str(exc) else type(exc).__name__
