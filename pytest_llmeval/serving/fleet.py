"""Endpoint fleets: one model served behind several base URLs (replicas of a deployment).

`FleetClient` has the `ChatClient` interface. Each request goes to the live endpoint with the fewest
requests in flight (ties: the one that has served fewest, then the order given). When a request fails
on a connection (refused, reset, cut stream) and the endpoint no longer accepts connections, the
endpoint is taken out of the fleet (a dying server's kernel still accepts connections on its listening socket for
a moment after the streams were cut, so an endpoint that does is probed again a little later before it is kept)
and the request is sent once more to another one; the completion then carries `retry` (the endpoint that failed
and why; when the second endpoint fails too, the error names both failures), and every completion carries the
`endpoint` that answered - a public form of its URL, without userinfo, query or fragment (where tokens hide). The
warm-up warms every endpoint and reports a live one's record. `read_urls` checks every URL at start (scheme, host,
port, one URL a line, duplicates).

Thread-safe: the in-flight counts and the live set are guarded by one lock, so many threads
(`--llm-concurrency`) can share one client; each endpoint has its own `ChatClient` (httpx pools are
thread-safe). Under pytest-xdist every worker balances its own requests.
"""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..textfiles import not_utf8
from .client import ChatClient, Completion, LLMRequestError
from .credentials import wrapped_in_quotes
from .endpoint import Endpoint, public_url, stray_at
from .server import ServerStartError

PROBE_TIMEOUT_S = 1.0
# after a failed request, the pauses before probing the endpoint again while it still accepts connections: a killed
# process's streams are cut before its listening socket closes, and the first probe raced with that
PROBE_SETTLE_S = (0.2, 0.5)
RETRYABLE = ("connection", "stream")


class FleetError(ValueError):
    """A fleet's URLs cannot be read; the message names the option or file and the fix."""


class MixedFleet(FleetError, ServerStartError):
    """The fleet's endpoints serve different models under one label (`check_served`). Also a ServerStartError, as a
    server that did not start: each of the model's cases records it as its error (stage `launch`) and the run is
    degraded - raised from the session's client fixture as a plain error, it failed every test with a traceback
    and left a results.json with no case and status `complete`."""


def read_urls(values: Iterable[str], option: str = "--llm-base-url") -> list[str]:
    """The URLs of `--llm-base-url` values: each a URL or `@FILE` (one URL a line, UTF-8 with or without a BOM;
    blank lines and # comments skipped). Each is checked (`check_url`); an error names the option, or the file
    and line (`--llm-base-url @urls.txt:3`), with the URL in public form and the fix. Duplicates are refused,
    compared on the lowercased public form (userinfo and query do not make another endpoint): one replica
    listed twice would get twice the load."""
    urls: list[tuple[str, str]] = []  # (url, where it was given)
    for value in values:
        value = value.strip()
        if value.startswith("@"):
            path = Path(value[1:]).expanduser()
            try:
                lines = path.read_text(encoding="utf-8-sig").splitlines()
            except OSError as exc:
                raise FleetError(
                    f"{option} {value}: cannot read {path} ({exc.strerror}). Fix: a file of URLs, one a line"
                ) from None
            except UnicodeDecodeError as exc:
                raise FleetError(
                    f"{option} {value}: {path} is {not_utf8(exc)}. Fix: a text file of URLs, one a line"
                ) from None
            found = [(ln.split("#", 1)[0].strip(), f"{option} {value}:{n}") for n, ln in enumerate(lines, 1)]
            found = [(url, where) for url, where in found if url]
            if not found:
                raise FleetError(f"{option} {value}: {path} lists no URL. Fix: one base URL a line")
            urls += found
        elif value:
            urls.append((value, option))
    seen: dict[tuple[str, ...], str] = {}
    for url, where in urls:
        check_url(url, where)
        key = _identity(url)
        if key in seen:
            also = "" if seen[key] == where else f" (also at {seen[key]})"
            raise FleetError(
                f"{where}: {public_url(url)} is given twice{also}; endpoints are compared without userinfo, query "
                "and letter case. Fix: list each endpoint once"
            )
        seen[key] = where
    return [url for url, _ in urls]


# the paths the plugin adds to a base URL: a base URL that already ends with one was asked .../v1/chat/completions
# /chat/completions - a 404 for every case, after the run had started
ENDPOINT_PATHS = ("/chat/completions", "/completions", "/models", "/embeddings", "/responses", "/rerank", "/score")


def quotes_problem(text: str, shown: Callable[[str], str] = public_url) -> str | None:
    """'<value> is wrapped in quotes ... Fix: write <value> without them' when `text` (stripped) starts with a quote
    and ends with one - an ini value or a CI variable that kept its quotes; a mismatched pair (`"http://h/v1'`)
    too, which no URL or judge spec is either. `shown` writes a value without its credentials. One message for a
    base URL and a judge spec (they were checked apart: the judge's took a mismatched pair, the URL's not)."""
    text = text.strip()
    if wrapped_in_quotes(text):
        return (
            f"{shown(text)!r} is wrapped in quotes, which are part of the value here. Fix: write "
            f"{shown(text[1:-1].strip())} without them"
        )
    return None


def url_form_problem(url: str) -> str | None:
    """How a base URL is written wrong in a way a user makes (quotes kept around it, no `http://`, an endpoint's
    path at its end), with the URL to write - its credentials never shown; None when it is none of these."""
    text = url.strip()
    quoted = quotes_problem(text)
    if quoted is not None:
        return quoted
    scheme = re.match(r"(?i)(https?)[:/]+", text)
    if scheme is not None and "://" not in text[: scheme.end()]:  # `http//h`, `http:/h`, `https:h`
        meant = f"{scheme.group(1).lower()}://{text[scheme.end() :]}"
        return (
            f"its scheme is written {text[: scheme.end()]!r}, not {scheme.group(1).lower()}://. Fix: write "
            f"{public_url(meant)}"
        )
    host = text.split("/", 1)[0].rpartition("@")[2]
    if "://" not in text and re.fullmatch(r"[\w.-]*[A-Za-z.][\w.-]*(:\d+)?|\[[0-9a-fA-F:.]+\](:\d+)?", host):
        return f"{_schemeless(text)!r} is not an http(s) URL: it has no http:// in front. Fix: write http://{_schemeless(text)}"
    try:
        path = urlsplit(text).path.rstrip("/") if "://" in text else ""
    except ValueError:  # a bracketed IPv6 host not closed: check_url names it
        return None
    ending = next((end for end in ENDPOINT_PATHS if path.lower().endswith(end)), None)
    if ending is not None:
        base = text[: text.lower().rindex(ending)] if ending in text.lower() else text
        return (
            f"{public_url(text)!r} ends with the endpoint {ending}: the plugin adds the endpoint to the base URL "
            f"itself, so every request went to a path that does not exist. Fix: write the base URL, {public_url(base)}"
        )
    return None


def _schemeless(text: str) -> str:
    """A URL written without its scheme, its userinfo hidden (`u:sk-key@h:8000/v1` -> `***@h:8000/v1`)."""
    head, slash, rest = text.partition("/")
    return f"***@{head.rpartition('@')[2]}{slash}{rest}" if "@" in head else text


def check_url(url: str, where: str = "--llm-base-url") -> None:
    """FleetError when `url` is not a usable base URL: an http(s) scheme, a host, a port that is a number in
    1-65535, no whitespace or control character (two URLs on one line). The message names `where` and shows the
    URL without userinfo and query (never its credentials)."""
    parts_of_line = url.split()
    shown = " ".join(public_url(part) for part in parts_of_line) or public_url(url)
    example = "e.g. http://host:8000/v1"
    form = url_form_problem(url)
    if form is not None:
        raise FleetError(f"{where}: {form}")
    if stray_at(url):
        raise FleetError(
            f"{where}: {shown!r}: its password holds a /, ? or # that is not percent-encoded, so the URL cannot be "
            "read. Fix: write them as %2F, %3F, %23 (and @ as %40), e.g. http://user:p%2Fw@host:8000/v1"
        )
    if url.split("?", 1)[0].count("://") > 1:  # a URL in the query (?redirect=http://...) is the query's
        raise FleetError(
            f"{where}: {shown!r} holds more than one URL. Fix: one URL a line (in a file), or one --llm-base-url each"
        )
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in url):
        raise FleetError(f"{where}: {shown!r} contains a space or control character. Fix: {example}")
    try:
        parts = urlsplit(url)
    except ValueError:  # urllib: an unclosed or invalid bracketed IPv6 address
        raise FleetError(
            f"{where}: {shown!r} is not a valid URL (bad IPv6 address). Fix: write an IPv6 host in brackets, "
            "e.g. http://[::1]:8000/v1"
        ) from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FleetError(f"{where}: {shown!r} is not an http(s) URL with a host. Fix: {example}")
    hostport = parts.netloc.rpartition("@")[2]
    after_host = hostport.rpartition("]")[2] if hostport.startswith("[") else hostport
    port = after_host.partition(":")[2]
    if port:
        if not (port.isascii() and port.isdigit()):
            raise FleetError(f"{where}: {shown!r}: the port {port!r} is not a number. Fix: {example}")
        if not 1 <= int(port) <= 65535:
            raise FleetError(f"{where}: {shown!r}: the port {port} is out of range (1-65535). Fix: {example}")
    try:
        parts.port  # noqa: B018 - what every request reads: must not raise later
    except ValueError:
        raise FleetError(f"{where}: {shown!r}: the port is not readable. Fix: {example}") from None


def _identity(url: str) -> tuple[str, ...]:
    """What makes two base URLs the same endpoint: the lowercased public form, a default port (80, 443) as if it
    were written."""
    parts = urlsplit(public_url(url).lower())
    default = 443 if parts.scheme == "https" else 80
    return (parts.scheme, parts.hostname or "", str(parts.port or default), parts.path.rstrip("/"))


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
        settle_s: Iterable[float] = PROBE_SETTLE_S,
    ) -> None:
        if not urls:
            raise FleetError("a fleet needs at least one base URL")
        factory = client_factory or (lambda ep: ChatClient(ep, thinking=thinking, timeout_s=timeout_s))
        self.endpoint = endpoint
        self.thinking = thinking
        self.timeout_s = timeout_s
        self._probe = probe
        self._settle_s = tuple(settle_s)
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
        if error.kind not in RETRYABLE or self._still_up(member):
            return False
        with self._lock:
            if member.alive:
                member.alive = False
                member.failure = f"{error.kind}: {str(error)[:200]}"
        return True

    def _still_up(self, member: Member) -> bool:
        """Whether the endpoint still accepts connections now and after each settle pause (see PROBE_SETTLE_S)."""
        if not self._probe(member.url):
            return False
        for pause in self._settle_s:
            time.sleep(pause)
            if not member.alive or not self._probe(member.url):  # out already: another request found it down
                return False
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
            first = exc
            retry = {"from": member.public, "error": exc.kind, "message": str(exc)[:300]}
        try:  # once: a second failure is the case's error, and names both endpoints' failures
            other = self._pick(exclude=member)
            completion = self._send(other, messages, **kwargs)
        except LLMRequestError as again:
            error = LLMRequestError(
                f"{_short(str(first))}; retried once: {_short(str(again))}", again.kind, again.status
            )
            error.retry = {**retry, "to_error": again.kind, "to_message": str(again)[:300]}  # type: ignore[attr-defined]
            raise error from None
        completion.metrics.retry = retry
        return completion

    # -- one model behind every endpoint ----------------------------------------------------------
    def check_served(self, fetch: Callable[[Member], list[dict[str, Any]] | None] | None = None) -> None:
        """FleetError when the endpoints do not serve one model under the label's served name: each endpoint's
        `GET /v1/models` entry for that name against the first endpoint's that answers - the name listed, the
        model's folder or hub id (`root`, `parent`: their last part, so the same model under another mount
        point is one model) and `max_model_len`. Their answers would be pooled as one model's. An endpoint that
        does not answer /v1/models (down, or a server without the list) is not compared."""
        fetch = fetch or self._served_models
        reference: tuple[Member, dict[str, Any]] | None = None
        for member in self.members:
            models = fetch(member)
            if models is None:
                continue
            entry = next((m for m in models if m.get("id") == self.endpoint.model), None)
            seen = _served_view(entry, models)
            if reference is None:
                reference = (member, seen)
                continue
            first, first_seen = reference
            if seen != first_seen:
                raise MixedFleet(
                    f"the fleet for '{self.endpoint.model}' serves different models: {member.public} reports "
                    f"{seen} against {first.public}'s {first_seen} (GET /v1/models). Their answers would be pooled "
                    "as one model's. Fix: list only replicas of one model in --llm-base-url, or give the other "
                    "model its own --llm-model label (--llm-model-arg LABEL:base_url=URL)"
                )

    def _served_models(self, member: Member) -> list[dict[str, Any]] | None:
        from .endpoint_identity import endpoint_models

        return endpoint_models(
            member.url, self.endpoint.model, self.endpoint.api_key_env, timeout_s=min(self.timeout_s, 10.0)
        )

    # -- the rest of ChatClient's interface -----------------------------------------------------
    def warm_up(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        """Warm every live endpoint (each pays its own first-request cost). The record of the first endpoint
        whose warm-up succeeded - so what it learnt (whether the server takes `cache_salt`) is a live server's -
        with the `endpoint` it came from and, under `failed_endpoints`, each endpoint whose warm-up failed; an
        endpoint that failed and no longer accepts connections is taken out, as a failed request takes it out."""
        warmed: list[tuple[Member, dict[str, Any]]] = []
        for member in self.members:
            if member.alive and hasattr(member.client, "warm_up"):
                warmed.append((member, dict(member.client.warm_up(*args, **kwargs))))
        if not warmed:
            return {"error": "no live endpoint"}
        failed = [(m, r) for m, r in warmed if r.get("error")]
        for member, record in failed:
            if not self._probe(member.url):
                with self._lock:
                    member.alive = False
                    member.failure = f"warm-up: {str(record['error'])[:200]}"
        member, record = next(((m, r) for m, r in warmed if not r.get("error")), warmed[0])
        record["endpoint"] = member.public
        if failed:
            record["failed_endpoints"] = [{"endpoint": m.public, "error": r["error"]} for m, r in failed]
        return record

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


def _served_view(entry: dict[str, Any] | None, models: list[dict[str, Any]]) -> dict[str, Any]:
    """What `check_served` compares of an endpoint's /v1/models: the served name's entry (its folder or hub id by
    the last part, its max_model_len), or the names it serves instead."""
    if entry is None:
        return {"served names": sorted(str(m.get("id")) for m in models)}
    view: dict[str, Any] = {}
    for key in ("root", "parent"):
        if entry.get(key):
            view[key] = str(entry[key]).rstrip("/").rsplit("/", 1)[-1]
    if entry.get("max_model_len") is not None:
        view["max_model_len"] = entry["max_model_len"]
    return view


def _short(text: str, limit: int = 300) -> str:
    return text if len(text) <= limit else text[:limit] + " ..."


def client_for(endpoint: Endpoint, thinking: str = "off", timeout_s: float = 600.0) -> ChatClient | FleetClient:
    """A `ChatClient` for one endpoint, a `FleetClient` when the endpoint lists several URLs."""
    urls = list(getattr(endpoint, "urls", ()) or ())
    if len(urls) > 1:
        fleet = FleetClient(endpoint, urls, thinking=thinking, timeout_s=timeout_s)
        try:
            fleet.check_served()
        except FleetError:
            fleet.close()
            raise
        return fleet
    return ChatClient(endpoint, thinking=thinking, timeout_s=timeout_s)
