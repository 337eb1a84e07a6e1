"""Async load generator: N streamed requests, at most `concurrency` in flight.

Per request it records what `vllm bench serve` records, measured the same way:

- start: when the request is sent (after the concurrency slot is acquired);
- ttft: start -> first SSE event that carries `choices` (vLLM's definition;
  for the chat endpoint that is the first delta, role or content);
- itl: the gaps between consecutive events that carry `choices`;
- e2el: start -> the last event that carries `choices` (the trailing usage
  event and `[DONE]` do not count);
- prompt/output tokens from the final `usage` event
  (`stream_options: {include_usage: true}`), never re-tokenised.

Transport: one shared client session per run, a connection pool of
`concurrency` keep-alive connections, and a hand-written SSE parser
(`json.loads` per event; events that arrive in one network read share its
timestamp, where vLLM's client stamps each as it parses it - microseconds apart).
aiohttp when it is importable (it is whenever vLLM is installed; vLLM's own
benchmark uses it), else one shared `httpx.AsyncClient`. Chosen by
measurement (`benchmarks/bench_harness.py`: an instant local server, 2000
requests of 8 token events each, one write per event, 2-core machine shared
with other jobs, best of 2):

    client                       conc 16            conc 64
    this runner, aiohttp     ~1300 req/s ~10k ev/s  ~1300 req/s ~10k ev/s
    this runner, httpx        ~300 req/s ~2.5k ev/s  ~160 req/s ~1.3k ev/s
    openai.AsyncOpenAI        ~150 req/s ~1.2k ev/s  ~100 req/s  ~800 ev/s
    bare aiohttp (vLLM-like) ~1800 req/s ~15k ev/s  ~1400 req/s ~11k ev/s

httpx's connection pool rescans every connection on each request (cost grows
with the pool) and the openai SDK adds a pydantic model per event, so both
fall behind; the embedded CPU model needs ~25 events/s per stream, but a GPU
server at concurrency 64 streams thousands of events/s, and client time spent
per event shows up in TTFT/ITL. Reading each body to its end (past `[DONE]`)
matters: stopping at `[DONE]` made httpx drop the connection and reconnect
for every request.

Warm-up requests run first (same concurrency) and are kept apart. Every
request catches its own errors, so a failure is one failed record, never a
lost run; `LoadGenerator.partial()` returns whatever finished if the run is
interrupted.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import asdict, dataclass, field
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

import httpx

from ..serving.endpoint import Endpoint, auth_headers
from ..serving.endpoint import request_url as endpoint_request_url
from .config import BenchConfig
from .prompts import Prompt

ERROR_BODY_LIMIT = 300


@dataclass
class RequestRecord:
    """One request. Times in seconds; `start_s` is relative to the start of its phase."""

    index: int
    warmup: bool = False
    start_s: float = 0.0
    ttft_s: float | None = None
    itl_s: list[float] = field(default_factory=list)
    e2el_s: float | None = None
    prompt_tokens: int | None = None
    output_tokens: int | None = None
    expected_prompt_tokens: int | None = None
    chunks: int = 0
    usage_reported: bool = False
    finish_reason: str | None = None
    queue_s: float = 0.0
    success: bool = False
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class LoadResult:
    records: list[RequestRecord]
    """Measured requests, in request order."""
    warmup_records: list[RequestRecord]
    duration_s: float
    """Wall clock of the measured part: first request created -> last request finished."""
    started_at: float
    """Unix time when the measured part started."""
    interrupted: bool = False
    transport: str = ""


class BenchmarkInterrupted(KeyboardInterrupt):
    """Ctrl-C during a run; `.result` holds what had finished (a result dict from
    `run_benchmark`, a `LoadResult` from lower-level callers)."""

    def __init__(self, result: Any) -> None:
        super().__init__("benchmark interrupted")
        self.result = result


def request_url(endpoint: Endpoint, kind: str) -> str:
    """The URL requests go to: the base URL's path + /completions (or /chat/completions), its query kept at the
    end; its credentials are sent as a header (`auth_headers`), not in the URL."""
    return endpoint_request_url(endpoint.base_url, "/chat/completions" if kind == "chat" else "/completions")


def request_body(endpoint: Endpoint, config: BenchConfig, prompt: str) -> dict[str, Any]:
    body: dict[str, Any] = {
        "model": endpoint.model,
        "max_tokens": config.max_tokens,
        "temperature": config.temperature,
        "stream": True,
        "stream_options": {"include_usage": True},
    }
    if config.endpoint == "chat":
        body["messages"] = [{"role": "user", "content": prompt}]
    else:
        body["prompt"] = prompt
    if config.ignore_eos:
        body["ignore_eos"] = True  # vLLM extension
    if config.extra_body:
        body.update(config.extra_body)
    return body


def _short(text: str, limit: int = ERROR_BODY_LIMIT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + " ..."


def url_secrets(base_url: str) -> list[str]:
    """What of a base URL must never be recorded: its password and user (as written and decoded), its query and
    the query's values; longest first."""
    parts = urlsplit(base_url)
    found = {parts.query, parts.password or "", unquote(parts.password or ""), parts.username or ""}
    found |= {value for _, value in parse_qsl(parts.query, keep_blank_values=True)}
    return sorted((s for s in found if len(s) >= 3), key=len, reverse=True)


def hide(text: str, secrets: list[str]) -> str:
    """`text` (an error: an exception's message, a server's reply) with each secret replaced by ***."""
    for secret in secrets:
        text = text.replace(secret, "***")
    return text


TRANSPORTS = ("auto", "aiohttp", "httpx")

# (status, body chunks, read the whole body)
Stream = tuple[int, AsyncIterator[bytes], Callable[[], Awaitable[bytes]]]


def aiohttp_available() -> bool:
    try:
        import aiohttp  # noqa: F401
    except ImportError:
        return False
    return True


class _AiohttpTransport:
    name = "aiohttp"

    def __init__(self, concurrency: int, timeout_s: float, headers: dict[str, str]) -> None:
        import aiohttp

        self._aiohttp = aiohttp
        connector = aiohttp.TCPConnector(limit=concurrency, limit_per_host=concurrency, keepalive_timeout=60)
        timeout = aiohttp.ClientTimeout(total=None, sock_connect=min(30.0, timeout_s), sock_read=timeout_s)
        self._session = aiohttp.ClientSession(connector=connector, timeout=timeout, headers=headers, trust_env=True)

    @contextlib.asynccontextmanager
    async def stream(self, url: str, body: dict[str, Any]) -> AsyncIterator[Stream]:
        async with self._session.post(url, json=body) as response:
            yield response.status, response.content.iter_any(), response.read

    async def close(self) -> None:
        await self._session.close()


class _HttpxTransport:
    name = "httpx"

    def __init__(self, concurrency: int, timeout_s: float, headers: dict[str, str]) -> None:
        limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
        timeout = httpx.Timeout(timeout_s, connect=min(30.0, timeout_s))
        self._client = httpx.AsyncClient(limits=limits, timeout=timeout, headers=headers)

    @contextlib.asynccontextmanager
    async def stream(self, url: str, body: dict[str, Any]) -> AsyncIterator[Stream]:
        async with self._client.stream("POST", url, json=body) as response:
            yield response.status_code, response.aiter_bytes(), response.aread

    async def close(self) -> None:
        await self._client.aclose()


def make_transport(
    name: str, concurrency: int, timeout_s: float, headers: dict[str, str]
) -> _AiohttpTransport | _HttpxTransport:
    if name not in TRANSPORTS:
        raise ValueError(f"transport must be one of {TRANSPORTS}, not {name!r}")
    if name == "aiohttp" or (name == "auto" and aiohttp_available()):
        return _AiohttpTransport(concurrency, timeout_s, headers)
    return _HttpxTransport(concurrency, timeout_s, headers)


class LoadGenerator:
    """Runs warm-up then measured requests through one shared client session."""

    def __init__(
        self,
        endpoint: Endpoint,
        config: BenchConfig,
        prompts: list[Prompt],
        warmup_prompts: list[Prompt] | None = None,
        api_key: str | None = None,
        transport: str = "auto",
    ) -> None:
        if len(prompts) != config.num_requests:
            raise ValueError(f"{len(prompts)} prompts for num_requests={config.num_requests}")
        if transport not in TRANSPORTS:
            raise ValueError(f"transport must be one of {TRANSPORTS}, not {transport!r}")
        self.endpoint = endpoint
        self.config = config
        self.prompts = prompts
        self.warmup_prompts = list(warmup_prompts or [])
        self.api_key = api_key if api_key is not None else endpoint.api_key()
        self.transport_name = transport
        self.url = request_url(endpoint, config.endpoint)
        self._secrets = url_secrets(endpoint.base_url)  # kept out of every recorded error
        self.records: list[RequestRecord] = []
        self.warmup_records: list[RequestRecord] = []
        self._t0: float | None = None
        self._started_at = time.time()

    # ------------------------------------------------------------------ public

    async def run(self) -> LoadResult:
        cfg = self.config
        headers = auth_headers(self.endpoint.base_url, self.api_key)  # the URL's own credentials win
        transport = make_transport(self.transport_name, cfg.concurrency, cfg.request_timeout_s, headers)
        self.transport_name = transport.name
        try:
            semaphore = asyncio.Semaphore(cfg.concurrency)
            if self.warmup_prompts:
                t_w = time.perf_counter()
                await asyncio.gather(
                    *(
                        self._limited(transport, semaphore, i, p, t_w, self.warmup_records, warmup=True)
                        for i, p in enumerate(self.warmup_prompts)
                    )
                )
            self._started_at = time.time()
            self._t0 = t0 = time.perf_counter()
            tasks = [
                asyncio.create_task(self._limited(transport, semaphore, i, p, t0, self.records))
                for i, p in enumerate(self.prompts)
            ]
            await asyncio.gather(*tasks)
            duration = time.perf_counter() - t0
        finally:
            await transport.close()
        return self._result(duration, interrupted=False)

    def partial(self) -> LoadResult:
        """What finished so far (for an interrupted run)."""
        duration = time.perf_counter() - self._t0 if self._t0 is not None else 0.0
        return self._result(duration, interrupted=True)

    # ------------------------------------------------------------------ internals

    def _result(self, duration: float, interrupted: bool) -> LoadResult:
        records = sorted(self.records, key=lambda r: r.index)
        warm = sorted(self.warmup_records, key=lambda r: r.index)
        return LoadResult(records, warm, duration, self._started_at, interrupted, self.transport_name)

    async def _limited(
        self,
        transport: Any,
        semaphore: asyncio.Semaphore,
        index: int,
        prompt: Prompt,
        t0: float,
        sink: list[RequestRecord],
        warmup: bool = False,
    ) -> None:
        arrival = time.perf_counter()
        async with semaphore:
            record = RequestRecord(index=index, warmup=warmup, expected_prompt_tokens=prompt.tokens)
            try:
                await self._one(transport, prompt.text, record, t0, arrival)
            except asyncio.CancelledError:
                record.success, record.error = False, "cancelled"
                raise
            except TimeoutError:
                record.success, record.error = False, f"timed out after {self.config.request_timeout_s:g} s"
            except httpx.TimeoutException as exc:
                record.success, record.error = False, f"timed out ({type(exc).__name__})"
            except Exception as exc:  # any failure is this request's failure only
                record.success, record.error = False, _short(f"{type(exc).__name__}: {exc}")
            finally:
                if record.error:
                    record.error = hide(record.error, self._secrets)
                if record.error != "cancelled":
                    sink.append(record)

    async def _one(self, transport: Any, prompt: str, record: RequestRecord, t0: float, arrival: float) -> None:
        body = request_body(self.endpoint, self.config, prompt)
        async with asyncio.timeout(self.config.request_timeout_s):
            st = time.perf_counter()
            record.start_s = st - t0
            record.queue_s = st - arrival
            last = st
            itl = record.itl_s
            buffer = b""
            async with transport.stream(self.url, body) as (status, chunks, read_all):
                if status != 200:
                    text = (await read_all()).decode("utf-8", errors="replace")
                    record.error = _short(f"HTTP {status}: {text}")
                    return
                # Read to the end of the body (past [DONE]) so the connection is reused.
                async for data in chunks:
                    buffer += data
                    if b"\n" not in data:
                        continue
                    *lines, buffer = buffer.split(b"\n")
                    now = time.perf_counter()  # one timestamp per network read, as vLLM's client
                    for line in lines:
                        if not line.startswith(b"data:"):
                            continue  # blank separators, SSE comments/pings, event: lines
                        payload = line[5:].strip()
                        if not payload or payload == b"[DONE]":
                            continue
                        event = json.loads(payload)
                        choices = event.get("choices")
                        if choices:
                            if record.ttft_s is None:
                                record.ttft_s = now - st
                            else:
                                itl.append(now - last)
                            last = now
                            record.chunks += 1
                            reason = choices[0].get("finish_reason")
                            if reason:
                                record.finish_reason = reason
                        elif event.get("error"):
                            err = event["error"]
                            msg = err.get("message", err) if isinstance(err, dict) else err
                            record.error = _short(f"error event in stream: {msg}")
                            return
                        usage = event.get("usage")
                        if usage:
                            record.usage_reported = True
                            record.prompt_tokens = usage.get("prompt_tokens")
                            record.output_tokens = usage.get("completion_tokens")
        if record.ttft_s is None:
            record.error = "the stream ended without any token chunk"
            return
        record.e2el_s = last - st
        if record.prompt_tokens is None:
            record.prompt_tokens = record.expected_prompt_tokens
        if record.output_tokens is None:
            record.output_tokens = record.chunks  # no usage: one token per chunk (vLLM streams one per chunk)
        record.success = True
