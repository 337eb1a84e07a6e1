"""Endpoint fleets: one model served behind several base URLs (replicas of a deployment).

`FleetClient` has the `ChatClient` interface. Each request goes to the live endpoint with the fewest
requests in flight (ties: the one that has served fewest, then the order given). When a request fails
on a connection (refused, reset, cut stream) and the endpoint no longer accepts connections, the
endpoint is taken out of the fleet and the request is sent once more to another one; the completion
then carries `retry` (the endpoint that failed and why), and every completion carries the `endpoint`
that answered - a public form of its URL, without userinfo, query or fragment (where tokens hide).

Thread-safe: the in-flight counts and the live set are guarded by one lock, so many threads
(`--llm-concurrency`) can share one client; each endpoint has its own `ChatClient` (httpx pools are
thread-safe). Under pytest-xdist every worker balances its own requests.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..textfiles import not_utf8
from .client import ChatClient, Completion, LLMRequestError
from .endpoint import Endpoint, public_url

PROBE_TIMEOUT_S = 1.0
RETRYABLE = ("connection", "stream")


class FleetError(ValueError):
    """A fleet's URLs cannot be read; the message names the option or file and the fix."""


def read_urls(values: Iterable[str], option: str = "--llm-base-url") -> list[str]:
    """The URLs of `--llm-base-url` values: each a URL or `@FILE` (one URL a line; blank lines and # comments
    skipped). Duplicates are refused: one replica listed twice would get twice the load."""
    urls: list[str] = []
    for value in values:
        value = value.strip()
        if value.startswith("@"):
            path = Path(value[1:]).expanduser()
            try:
                lines = path.read_text(encoding="utf-8").splitlines()
            except OSError as exc:
                raise FleetError(
                    f"{option} {value}: cannot read {path} ({exc.strerror}). Fix: a file of URLs, one a line"
                ) from None
            except UnicodeDecodeError as exc:
                raise FleetError(
                    f"{option} {value}: {path} is {not_utf8(exc)}. Fix: a text file of URLs, one a line"
                ) from None
            found = [ln.split("#", 1)[0].strip() for ln in lines]
            found = [u for u in found if u]
            if not found:
                raise FleetError(f"{option} {value}: {path} lists no URL. Fix: one base URL a line")
            urls += found
        elif value:
            urls.append(value)
    for url in urls:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FleetError(f"{option} {public_url(url)!r} is not an http(s) URL. Fix: e.g. http://host:8000/v1")
    seen: set[str] = set()
    for url in urls:
        if url.rstrip("/") in seen:
            raise FleetError(f"{option}: {public_url(url)} is given twice. Fix: list each endpoint once")
        seen.add(url.rstrip("/"))
    return urls


def accepts_connections(url: str, timeout_s: float = PROBE_TIMEOUT_S) -> bool:
    """Whether the URL's host and port accept a TCP connection now (a dead replica refuses or times out)."""
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        with socket.create_connection((parts.hostname or "localhost", port), timeout=timeout_s):
            return True
    except OSError:
        return False


@dataclass
class Member:
    url: str
    public: str
    client: Any  # a ChatClient (or anything with its `complete`)
    in_flight: int = 0
    served: int = 0
    alive: bool = True
    failure: str | None = None
    order: int = 0
    errors: list[str] = field(default_factory=list)


class FleetClient:
    """The `ChatClient` interface over several endpoints of one model (see the module)."""

    def __init__(
        self,
        endpoint: Endpoint,
        urls: list[str],
        thinking: str = "off",
        timeout_s: float = 600.0,
        client_factory: Callable[[Endpoint], Any] | None = None,
        probe: Callable[[str], bool] = accepts_connections,
    ) -> None:
        if not urls:
            raise FleetError("a fleet needs at least one base URL")
        factory = client_factory or (lambda ep: ChatClient(ep, thinking=thinking, timeout_s=timeout_s))
        self.endpoint = endpoint
        self.thinking = thinking
        self.timeout_s = timeout_s
        self._probe = probe
        self._lock = threading.Lock()
        self.members = [
            Member(url, public_url(url), factory(Endpoint(url, endpoint.model, endpoint.api_key_env)), order=i)
            for i, url in enumerate(urls)
        ]

    # -- routing ---------------------------------------------------------------------------
    def _pick(self, exclude: Member | None = None) -> Member:
        with self._lock:
            live = [m for m in self.members if m.alive and m is not exclude]
            if not live:
                down = "; ".join(f"{m.public}: {m.failure}" for m in self.members)
                raise LLMRequestError(
                    f"every endpoint of the fleet for '{self.endpoint.model}' is down ({down})", "connection"
                )
            member = min(live, key=lambda m: (m.in_flight, m.served, m.order))
            member.in_flight += 1
            return member

    def _done(self, member: Member) -> None:
        with self._lock:
            member.in_flight -= 1
            member.served += 1

    def _is_down(self, member: Member, error: LLMRequestError) -> bool:
        """Take the endpoint out when it no longer accepts connections; True when it is out (now or before)."""
        if not member.alive:
            return True
        if error.kind not in RETRYABLE or self._probe(member.url):
            return False
        with self._lock:
            if member.alive:
                member.alive = False
                member.failure = f"{error.kind}: {str(error)[:200]}"
        return True

    def _send(self, member: Member, messages: list[dict[str, Any]], **kwargs: Any) -> Completion:
        try:
            completion: Completion = member.client.complete(messages, **kwargs)
        finally:
            self._done(member)
        completion.metrics.endpoint = member.public
        return completion

    def complete(
        self,
        messages: list[dict[str, Any]],
        max_tokens: int,
        temperature: float = 0.0,
        extra_body: dict[str, Any] | None = None,
        cache_salt: str | None = None,
    ) -> Completion:
        kwargs: dict[str, Any] = {"max_tokens": max_tokens, "temperature": temperature, "extra_body": extra_body}
        if cache_salt:
            kwargs["cache_salt"] = cache_salt
        member = self._pick()
        try:
            return self._send(member, messages, **kwargs)
        except LLMRequestError as exc:
            if not self._is_down(member, exc):
                raise
            retry = {"from": member.public, "error": exc.kind, "message": str(exc)[:300]}
        other = self._pick(exclude=member)  # once: a second failure is the case's error
        completion = self._send(other, messages, **kwargs)
        completion.metrics.retry = retry
        return completion

    # -- the rest of ChatClient's interface -----------------------------------------------------
    def warm_up(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        """Warm every live endpoint (each pays its own first-request cost); the first one's record."""
        records = [m.client.warm_up(*args, **kwargs) for m in self.members if m.alive and hasattr(m.client, "warm_up")]
        return records[0] if records else {"error": "no live endpoint"}

    def status(self) -> list[dict[str, Any]]:
        """Each endpoint: public URL, requests served, in flight, alive, why it was taken out."""
        with self._lock:
            return [
                {
                    "endpoint": m.public,
                    "served": m.served,
                    "in_flight": m.in_flight,
                    "alive": m.alive,
                    "failure": m.failure,
                }
                for m in self.members
            ]

    def close(self) -> None:
        for member in self.members:
            member.client.close()

    def __getattr__(self, name: str) -> Any:  # anything else ChatClient offers: the first endpoint's
        if name == "members":
            raise AttributeError(name)
        return getattr(self.members[0].client, name)


def client_for(endpoint: Endpoint, thinking: str = "off", timeout_s: float = 600.0) -> ChatClient | FleetClient:
    """A `ChatClient` for one endpoint, a `FleetClient` when the endpoint lists several URLs."""
    urls = list(getattr(endpoint, "urls", ()) or ())
    if len(urls) > 1:
        return FleetClient(endpoint, urls, thinking=thinking, timeout_s=timeout_s)
    return ChatClient(endpoint, thinking=thinking, timeout_s=timeout_s)
