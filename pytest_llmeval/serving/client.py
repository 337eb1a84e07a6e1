"""Streaming chat client with per-request metrics defined as vLLM's serving benchmark does.

TTFT: request start to the first chunk that carries content (answer or reasoning).
E2E: request start to the last chunk. TPOT = (E2E - TTFT) / (output_tokens - 1).
Decode tok/s = 1 / TPOT. Token counts come from the server's `usage`
(`stream_options.include_usage`), never from re-tokenising.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field
from typing import Any

from .endpoint import Endpoint, public_url

THINKING_MODES = ("off", "on", "server")
WARMUP_PROMPT = "Warm-up request: reply with OK."  # distinct from every case, so it caches none of their prefixes
WARMUP_MAX_TOKENS = 8


class LLMRequestError(RuntimeError):
    """A request failed; the message names the model and URL, never the key.

    `kind`: "timeout", "connection", "http", "stream" (a malformed or cut stream); `status`: the HTTP status.
    """

    def __init__(self, message: str, kind: str = "request", status: int | None = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.status = status


@dataclass
class RequestMetrics:
    ttft_s: float | None
    e2e_s: float
    prompt_tokens: int | None
    output_tokens: int | None
    tpot_s: float | None
    decode_tok_s: float | None
    itl_s: list[float] = field(default_factory=list)
    finish_reason: str | None = None
    ttfat_s: float | None = None  # time to the first *answer* token; later than TTFT when the model thinks first
    reasoning_tokens: int | None = None  # from usage details, else the count of streamed reasoning chunks
    endpoint: str | None = None  # the base URL that answered, without userinfo or query (fleet.public_url)
    retry: dict[str, Any] | None = None  # an endpoint fleet sent it again: the endpoint that failed and why

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("itl_s")
        if data["retry"] is None:
            data.pop("retry")
        return data


@dataclass
class Completion:
    text: str
    reasoning: str
    metrics: RequestMetrics
    cached: bool = False  # from the answer cache (--llm-cache): metrics are those of the request that produced it


def thinking_body(mode: str) -> dict[str, Any]:
    """Request fields for Qwen3-style thinking: off by default, on, or left to the server."""
    if mode == "server":
        return {}
    return {"chat_template_kwargs": {"enable_thinking": mode == "on"}}


def derive_metrics(
    start: float,
    chunk_times: list[float],
    first_content: float | None,
    usage: Any,
    finish_reason: str | None,
    first_answer: float | None = None,
    reasoning_chunks: int = 0,
) -> RequestMetrics:
    end = chunk_times[-1] if chunk_times else time.perf_counter()
    e2e = end - start
    ttft = first_content - start if first_content is not None else None
    prompt_tokens = getattr(usage, "prompt_tokens", None) if usage is not None else None
    output_tokens = getattr(usage, "completion_tokens", None) if usage is not None else None
    tpot = None
    if ttft is not None and output_tokens is not None and output_tokens > 1:
        tpot = (e2e - ttft) / (output_tokens - 1)
    decode = 1.0 / tpot if tpot else None
    content_times = [t for t in chunk_times if first_content is not None and t >= first_content]
    itl = [b - a for a, b in zip(content_times, content_times[1:])]
    details = getattr(usage, "completion_tokens_details", None) if usage is not None else None
    reasoning_tokens = getattr(details, "reasoning_tokens", None) if details is not None else None
    if reasoning_tokens is None and reasoning_chunks:
        reasoning_tokens = reasoning_chunks
    ttfat = first_answer - start if first_answer is not None else None
    return RequestMetrics(
        ttft, e2e, prompt_tokens, output_tokens, tpot, decode, itl, finish_reason, ttfat, reasoning_tokens
    )


def _reasoning_of(delta: Any) -> str:
    extra = getattr(delta, "model_extra", None) or {}
    return extra.get("reasoning_content") or extra.get("reasoning") or ""


class ChatClient:
    """Sends one chat request at a time, streamed, and measures it."""

    def __init__(self, endpoint: Endpoint, thinking: str = "off", timeout_s: float = 600.0) -> None:
        if thinking not in THINKING_MODES:
            raise ValueError(f"thinking must be one of {THINKING_MODES}, not {thinking!r}")
        import openai  # imported here: the plugin loads in every pytest run, openai takes ~0.5 s

        self.endpoint = endpoint
        self.public_url = public_url(endpoint.base_url)  # for messages and records: no userinfo, no query
        self.thinking = thinking
        self.timeout_s = timeout_s
        self._client = openai.OpenAI(
            base_url=endpoint.base_url, api_key=endpoint.api_key(), timeout=timeout_s, max_retries=0
        )

    def close(self) -> None:
        self._client.close()

    def warm_up(self, max_tokens: int = WARMUP_MAX_TOKENS, cache_salt: str | None = None) -> dict[str, Any]:
        """One short request before the measured ones, so that none of them pays the server's first-request
        cost (lazy initialisation, compiled graphs, the connection). Never raises: returns its record
        (`ttft_s`, `e2e_s`, `output_tokens`, `error`), excluded from every figure. With `cache_salt` it also
        asks whether the server takes vLLM's `cache_salt` field: `cache_salt` is True when it did, False when
        the server refused the request with it (HTTP 400/422: an API that rejects unknown fields; the
        warm-up is then sent again without it), None when not asked."""
        messages = [{"role": "user", "content": WARMUP_PROMPT}]
        record: dict[str, Any] = {"cache_salt": None, "error": None}
        start = time.time()
        try:
            try:
                completion = self.complete(messages, max_tokens=max_tokens, cache_salt=cache_salt)
                if cache_salt:
                    record["cache_salt"] = True
            except LLMRequestError as exc:
                if not cache_salt or exc.kind != "http" or exc.status not in (400, 422):
                    raise
                record.update(cache_salt=False, cache_salt_error=str(exc))
                completion = self.complete(messages, max_tokens=max_tokens)
        except LLMRequestError as exc:
            return {**record, "at": start, "ttft_s": None, "e2e_s": None, "output_tokens": None, "error": str(exc)}
        m = completion.metrics
        return {**record, "at": start, "ttft_s": m.ttft_s, "e2e_s": m.e2e_s, "output_tokens": m.output_tokens}

    def complete(
        self,
        messages: list[dict[str, Any]],
        max_tokens: int,
        temperature: float = 0.0,
        extra_body: dict[str, Any] | None = None,
        cache_salt: str | None = None,
    ) -> Completion:
        """Stream one chat request and measure it. `cache_salt` (a vLLM >= 0.9 request field) salts the server's
        prefix cache: requests with different salts never reuse each other's cached prefixes."""
        import httpx
        import openai

        salt = {"cache_salt": cache_salt} if cache_salt else {}
        body = {**thinking_body(self.thinking), **(extra_body or {}), **salt}
        text_parts: list[str] = []
        reasoning_parts: list[str] = []
        chunk_times: list[float] = []
        first_content: float | None = None
        first_answer: float | None = None
        reasoning_chunks = 0
        usage = None
        finish_reason = None
        start = time.perf_counter()
        try:
            stream = self._client.chat.completions.create(  # type: ignore[call-overload]
                model=self.endpoint.model,
                messages=messages,  # type: ignore[arg-type]
                max_tokens=max_tokens,
                temperature=temperature,
                stream=True,
                stream_options={"include_usage": True},
                extra_body=body or None,
            )
            for chunk in stream:
                now = time.perf_counter()
                if now - start > self.timeout_s:  # a total deadline: the HTTP timeout is per read
                    stream.close()
                    raise LLMRequestError(
                        f"request to {self.public_url} (model '{self.endpoint.model}') took longer than "
                        f"{self.timeout_s:g} s (--llm-request-timeout)",
                        "timeout",
                    )
                if chunk.usage is not None:
                    usage = chunk.usage
                for choice in chunk.choices:
                    content = choice.delta.content or ""
                    reasoning = _reasoning_of(choice.delta)
                    if content or reasoning:
                        chunk_times.append(now)
                        if first_content is None:
                            first_content = now
                    if content and first_answer is None:
                        first_answer = now
                    if reasoning:
                        reasoning_chunks += 1
                    text_parts.append(content)
                    reasoning_parts.append(reasoning)
                    finish_reason = choice.finish_reason or finish_reason
        except openai.APIStatusError as exc:
            raise LLMRequestError(
                f"{self.public_url} answered HTTP {exc.status_code} for model '{self.endpoint.model}': "
                f"{_short(exc.message)}",
                "http",
                exc.status_code,
            ) from None
        except openai.APITimeoutError:
            raise LLMRequestError(
                f"request to {self.public_url} (model '{self.endpoint.model}') timed out", "timeout"
            ) from None
        except openai.APIConnectionError as exc:
            raise LLMRequestError(
                f"request to {self.public_url} (model '{self.endpoint.model}') failed: {_short(str(exc))}",
                "connection" if first_content is None and not chunk_times else "stream",
            ) from None
        except openai.APIError as exc:
            raise LLMRequestError(
                f"request to {self.public_url} (model '{self.endpoint.model}') failed: {_short(str(exc))}",
                "stream",
            ) from None
        except httpx.HTTPError as exc:  # the connection broke while the stream was read
            raise LLMRequestError(
                f"stream from {self.public_url} (model '{self.endpoint.model}') broke: {_short(str(exc))}",
                "stream" if chunk_times else "connection",
            ) from None
        except (ValueError, KeyError) as exc:  # a malformed event in the stream
            raise LLMRequestError(
                f"malformed stream from {self.public_url} (model '{self.endpoint.model}'): {_short(str(exc))}",
                "stream",
            ) from None
        metrics = derive_metrics(
            start, chunk_times, first_content, usage, finish_reason, first_answer, reasoning_chunks
        )
        metrics.endpoint = self.public_url
        return Completion("".join(text_parts), "".join(reasoning_parts), metrics)


def _short(text: str, limit: int = 500) -> str:
    return text if len(text) <= limit else text[:limit] + " ..."
