"""Streaming chat client with per-request metrics defined as vLLM's serving benchmark does.

TTFT: request start to the first chunk that carries content (answer or reasoning).
E2E: request start to the last chunk. TPOT = (E2E - TTFT) / (output_tokens - 1).
Decode tok/s = 1 / TPOT. Token counts come from the server's `usage`
(`stream_options.include_usage`), never from re-tokenising.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from typing import Any
from urllib.parse import urlsplit

from .credentials import CREDENTIAL_NAME as CREDENTIAL_NAME  # re-exported: importers take these from the client
from .credentials import MIN_SECRET_CHARS as MIN_SECRET_CHARS
from .credentials import (
    NO_KEY,
    URL_SCHEME,
    credential_values,
    hide_values,
    secret_forms,
    without_named_credentials,
    without_url_credentials,
)
from .credentials import URL_QUERY as URL_QUERY
from .credentials import URL_USERINFO as URL_USERINFO
from .endpoint import Endpoint, public_url
from .http_stream import StreamBrokenError, StreamConnectionError, StreamHTTPError, StreamingPoster

THINKING_MODES = ("off", "on", "server")
WARMUP_PROMPT = "Warm-up request: reply with OK."  # distinct from every case, so it caches none of their prefixes
WARMUP_MAX_TOKENS = 8


# -- secrets: the keys and URL credentials in use, never written into a record, a report or the terminal --------
# How a URL's credentials are found and cut is credentials.py's (one implementation); the names are kept here for
# the modules that import them from the client.
_SECRETS: set[str] = set()


def remember_secret(*values: str | None) -> None:
    """Values this process sends (API keys read from the environment): `hide_secrets` replaces them by ***, in
    every form a server may echo them (`secret_forms`: percent-encoded, JSON-escaped)."""
    for value in values:
        if value and value != NO_KEY and len(value) >= MIN_SECRET_CHARS and value not in _SECRETS:
            _SECRETS.update(secret_forms(value))


def remember_url_secrets(urls: Iterable[str | None]) -> None:
    """The credentials the URLs carry (or the texts that hold URLs: `openai:http://u:k@h/v1`): each userinfo and
    password as written, percent-decoded and -encoded and as the Basic header a client makes of it (a server may
    echo it), and the values of the query parameters named as credentials (`CREDENTIAL_NAME`)."""
    remember_secret(*credential_values(urls, every_query_value=False, whole_urls=True))


def hide_secrets(text: str, urls: bool = True) -> str:
    """`text` with every remembered secret replaced by ***, the value of every header or key field that carries a
    credential too (`without_named_credentials`: a short key, one the run does not know), and (with `urls`) its URLs
    without userinfo, query or fragment: what an error message (a server's echo of the request included) may show."""
    text = without_named_credentials(hide_values(text, _SECRETS))
    return without_url_credentials(text) if urls else text


def hide_secrets_in(value: Any, keep: frozenset[str] = frozenset()) -> Any:
    """Every remembered secret replaced by *** in every string of a JSON-like value (a record), URLs left as they
    are (an answer may quote one); the value itself when there is no secret to hide. `keep`: top-level keys of a
    dict left as they are (a case's identity and content: a secret is never sent there, and a value that merely
    equals one - a label, a word of the answer - must not be rewritten)."""
    if not _SECRETS:
        return value
    if isinstance(value, str):
        return hide_secrets(value, urls=False)
    if isinstance(value, dict):
        return {k: v if k in keep else hide_secrets_in(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [hide_secrets_in(v) for v in value]
    return value


def safe_public_url(url: str) -> str:
    """`public_url`, or for a URL it cannot read (a bad port) the URL with userinfo and query cut off."""
    try:
        return public_url(url)
    except ValueError:
        return without_url_credentials(url)


def public_spec(spec: str) -> str:
    """A component spec (`URL@model`, `kind:URL@model`, a path, a name) with its URL made public (no userinfo,
    query or fragment), whatever the URL's scheme: what results, reports, messages and the terminal show of
    --llm-judge, --rag-embedder, --rag-reranker. A spec without a URL is returned with a userinfo written without
    a scheme hidden (`user:key@host/v1@m` -> `***@host/v1@m`)."""
    if not spec:
        return spec
    found = URL_SCHEME.search(spec)
    if found is None:
        return without_url_credentials(spec)
    head, rest = without_url_credentials(spec[: found.start()]), spec[found.start() :]
    scheme, marker, after = rest.partition("://")
    if not marker:
        return head + safe_public_url(rest)
    after = after[_userinfo_end(after) + 1 :]
    # the model follows the first '@' after the host and path (a stray '@' in the model is the model's: `h/v1@m@n`
    # is http://h/v1 and model m@n, never host m), or the last one after a query, whose values may hold an '@'
    at = after.find("@")
    if at >= 0 and any(mark in after[:at] for mark in "?#"):
        at = after.rfind("@")
    if at < 0:
        return head + safe_public_url(f"{scheme}://{after}")
    url = re.split("[?#]", after[:at], maxsplit=1)[0]  # a query is never shown, and an '@' in it is no userinfo
    return f"{head}{safe_public_url(f'{scheme}://{url}')}@{without_url_credentials(after[at + 1 :])}"


# a host (and port) with a path after it: what follows the '@' of a password that holds an unencoded '/'
_HOST_THEN_PATH = re.compile(r"[\w.\-\[\]]+(?::[0-9]+)?/")
_PASSWORD = re.compile(r"^[^/@]*:(?![0-9]*(?:/|$))")  # u:k, u:p/ss, :tok (not the port of h:8000 or h:8000/v1)


def _userinfo_end(after: str) -> int:
    """Where the userinfo of the URL text after '://' ends (the index of its '@'), or -1 where it has none: the last
    '@' with no '/' before it and a host with a path or a model after it (u:p@ss@h/v1@m), or a password before it
    (u:k@h); or the first '@' after a password holding a '/' when a host and a path follow it (u:p/ss@h/v1@m). An
    '@' after the path is the model's (h/v1@m@n, h/v1@org/model) and so is one after a bare host (h:8000@judge)."""
    end = -1
    for k, char in enumerate(after):
        if char != "@":
            continue
        before, later = after[:k], after[k + 1 :]
        password = _PASSWORD.match(before) is not None
        if "/" not in before and ("/" in later or "@" in later or password):
            end = k
        elif password and "@" not in before and _HOST_THEN_PATH.match(later):
            end = k  # a '/' in the password itself (u:p/ss@h/v1), not in the path after a userinfo (u:k@h/v1@org/m)
    return end


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
        # built field by field (asdict deep-copies every value; this runs once per case): the one nested
        # value, retry, is copied
        data = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "itl_s"}
        if data["retry"] is None:
            data.pop("retry")
        else:
            data["retry"] = dict(data["retry"])
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
    prompt_tokens = _field(usage, "prompt_tokens")
    output_tokens = _field(usage, "completion_tokens")
    tpot = None
    if ttft is not None and output_tokens is not None and output_tokens > 1:
        tpot = (e2e - ttft) / (output_tokens - 1)
    decode = 1.0 / tpot if tpot else None
    content_times = [t for t in chunk_times if first_content is not None and t >= first_content]
    itl = [b - a for a, b in zip(content_times, content_times[1:])]
    reasoning_tokens = _field(_field(usage, "completion_tokens_details"), "reasoning_tokens")
    if reasoning_tokens is None and reasoning_chunks:
        reasoning_tokens = reasoning_chunks
    ttfat = first_answer - start if first_answer is not None else None
    return RequestMetrics(
        ttft, e2e, prompt_tokens, output_tokens, tpot, decode, itl, finish_reason, ttfat, reasoning_tokens
    )


def _field(obj: Any, name: str) -> Any:
    """A field of the server's usage (a JSON object) or of an object with attributes; None when absent."""
    if obj is None:
        return None
    if isinstance(obj, Mapping):
        return obj.get(name)
    return getattr(obj, name, None)


class ChatClient:
    """Sends one chat request at a time, streamed, and measures it."""

    def __init__(self, endpoint: Endpoint, thinking: str = "off", timeout_s: float = 600.0) -> None:
        if thinking not in THINKING_MODES:
            raise ValueError(f"thinking must be one of {THINKING_MODES}, not {thinking!r}")
        self.endpoint = endpoint
        self.public_url = public_url(endpoint.base_url)  # for messages and records: no userinfo, no query
        self.thinking = thinking
        self.timeout_s = timeout_s
        headers = endpoint.headers()
        remember_secret(headers.get("Authorization", "").removeprefix("Bearer ").strip() or None)
        remember_url_secrets([endpoint.base_url, *endpoint.urls])
        self._poster = StreamingPoster(endpoint.base_url, headers, timeout_s)

    def close(self) -> None:
        self._poster.close()

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
                record.update(cache_salt=False, cache_salt_error=hide_secrets(str(exc)))
                completion = self.complete(messages, max_tokens=max_tokens)
        except LLMRequestError as exc:
            error = hide_secrets(str(exc))
            return {**record, "at": start, "ttft_s": None, "e2e_s": None, "output_tokens": None, "error": error}
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
        body: dict[str, Any] = {
            "model": self.endpoint.model,
            "messages": messages,
            "max_tokens": max_tokens,
            "temperature": temperature,
            "stream": True,
            "stream_options": {"include_usage": True},
            **thinking_body(self.thinking),
            **(extra_body or {}),
        }
        if cache_salt:
            body["cache_salt"] = cache_salt
        payload = json.dumps(body, ensure_ascii=False).encode("utf-8")
        text_parts: list[str] = []
        reasoning_parts: list[str] = []
        chunk_times: list[float] = []
        first_content: float | None = None
        first_answer: float | None = None
        reasoning_chunks = 0
        choices_seen = 0
        usage: dict[str, Any] | None = None
        finish_reason = None
        done = False
        where = f"{self.public_url} (model '{self.endpoint.model}')"
        start = time.perf_counter()
        events = self._poster.stream("/chat/completions", payload)
        try:
            for data in events:
                now = time.perf_counter()
                if now - start > self.timeout_s:  # a total deadline: the socket timeout is per read
                    raise LLMRequestError(
                        f"request to {where} took longer than {self.timeout_s:g} s (--llm-request-timeout)", "timeout"
                    )
                if data == b"[DONE]":  # read on to the end of the body, so that the connection is kept
                    done = True
                    continue
                if not data:
                    continue
                event = json.loads(data)
                if not isinstance(event, dict):
                    raise ValueError(f"an event that is not a JSON object: {_short(data.decode('utf-8', 'replace'))}")
                if event.get("error") or event.get("object") == "error":  # vLLM's ErrorResponse: object "error"
                    raise LLMRequestError(
                        f"{where} sent an error in the stream: {hide_secrets(_error_text(event))}", "stream"
                    )
                if event.get("object") == "chat.completion":  # a server that answered without streaming
                    return self._whole(event, start, now, where)
                if event.get("usage"):
                    usage = event["usage"]
                for choice in event.get("choices") or ():
                    choices_seen += 1
                    delta = choice.get("delta") or {}
                    content = delta.get("content") or ""
                    reasoning = delta.get("reasoning_content") or delta.get("reasoning") or ""
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
                    finish_reason = choice.get("finish_reason") or finish_reason
        except StreamHTTPError as exc:
            detail = _short(hide_secrets(_error_text(_json_or_text(exc.body)) or exc.reason))
            raise LLMRequestError(
                f"{self.public_url} answered HTTP {exc.status} for model '{self.endpoint.model}': {detail}"
                + (_not_found_hint(self.public_url, detail) if exc.status == 404 else ""),
                "http",
                exc.status,
            ) from None
        except TimeoutError:
            raise LLMRequestError(f"request to {where} timed out", "timeout") from None
        except StreamConnectionError as exc:
            raise LLMRequestError(f"request to {where} failed: {_short(str(exc))}", "connection") from None
        except StreamBrokenError as exc:
            if not done:  # a cut after [DONE] loses only the connection: the answer is whole
                raise LLMRequestError(
                    f"stream from {where} broke: {_short(str(exc))}", "stream" if chunk_times else "connection"
                ) from None
        except (ValueError, KeyError, TypeError, AttributeError) as exc:  # a malformed event in the stream
            raise LLMRequestError(f"malformed stream from {where}: {_short(str(exc))}", "stream") from None
        finally:
            events.close()  # a deadline or a bad event ends the read early: the connection is not reused
        if not done and finish_reason is None:
            raise LLMRequestError(
                f"stream from {where} ended before the answer was complete (no finish_reason, no [DONE])",
                "stream" if chunk_times else "connection",
            )
        refuse_no_choice(choices_seen, where)
        refuse_stopped_answer(finish_reason, where, len("".join(text_parts)))
        metrics = derive_metrics(
            start, chunk_times, first_content, usage, finish_reason, first_answer, reasoning_chunks
        )
        metrics.endpoint = self.public_url
        return Completion("".join(text_parts), "".join(reasoning_parts), metrics)

    def _whole(self, answer: dict[str, Any], start: float, now: float, where: str) -> Completion:
        """A plain JSON chat completion (the server ignored `stream`): one chunk, TTFT = E2E."""
        choices = answer.get("choices")
        choices = choices if isinstance(choices, list) else []
        refuse_no_choice(len(choices), where)
        choice = choices[0]
        message = choice.get("message") or {}
        text = message.get("content") or ""
        refuse_stopped_answer(choice.get("finish_reason"), where, len(text))
        reasoning = message.get("reasoning_content") or message.get("reasoning") or ""
        first = now if text or reasoning else None
        metrics = derive_metrics(
            start,
            [now] if first is not None else [],
            first,
            answer.get("usage"),
            choice.get("finish_reason"),
            now if text else None,
        )
        metrics.endpoint = self.public_url
        return Completion(text, reasoning, metrics)


def refuse_no_choice(choices: int, where: str) -> None:
    """A reply without a single choice (`[DONE]` or a usage event alone, an empty `choices` list: a proxy that lost
    the answer, a server that dropped the request) holds no answer of the model: it was scored as an empty answer,
    0 points, in a run called complete. It is a failed request. (A choice with no text that stopped is the model's
    empty answer, and is scored.)"""
    if not choices:
        raise LLMRequestError(f"{where} answered no choice (an empty 'choices' list): no answer of the model", "stream")


SERVER_STOPPED = frozenset({"abort", "error"})  # finish reasons of an answer the server, not the model, ended


def refuse_stopped_answer(finish_reason: str | None, where: str, characters: int) -> None:
    """An answer the server ended (vLLM's finish_reason "abort": the engine dropped the request; "error") is no
    answer of the model: scored, its first half read as a weak answer and the run stayed "complete"; it is a
    failed request, so the case errors and the gate sees a broken run. ("content_filter" is the provider's verdict
    on the model's answer and stays an answer; "length" is the token limit.)"""
    if finish_reason in SERVER_STOPPED:
        raise LLMRequestError(
            f"the server stopped the answer from {where} after {characters} characters (finish_reason "
            f"{finish_reason!r}): not the model's whole answer",
            "stream",
        )


def _not_found_hint(url: str, detail: str) -> str:
    """What a 404 on POST {url}/chat/completions means, when the server does not say a model is missing: a base URL
    written as http://host:8000 (LiteLLM serves both forms, vLLM and OpenAI only /v1/...) or with another path. The
    run was accepted (a server may serve /chat/completions at its root); the 404 is where the URL form shows."""
    if re.search(r"\bmodels?\b", detail, re.IGNORECASE):  # vLLM: "The model `x` does not exist."
        return ""
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    path = parts.path.rstrip("/")
    server = f"{parts.scheme}://{parts.netloc}"
    if not path:
        return (
            f" (no POST /chat/completions at {url}: an OpenAI-compatible server such as vLLM serves it under /v1)."
            f" Fix: write the base URL with /v1 at its end: {url}/v1"
        )
    if re.search(r"/v\d+$", path):
        return f" (no POST /chat/completions at {url}). Fix: check that it is the server's OpenAI-compatible base URL"
    return (
        f" (no POST /chat/completions at {url}). Fix: check the base URL's path: vLLM and OpenAI serve it under /v1,"
        f" e.g. {server}/v1"
    )


def _json_or_text(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return text


def _error_text(body: Any) -> str:
    """The message of an OpenAI-style error body ({"error": {"message": ...}}, {"message": ...}, {"detail":
    ...}), else the body as text."""
    if isinstance(body, dict):
        error = body.get("error", body)
        if isinstance(error, dict):
            for key in ("message", "detail", "msg"):
                if error.get(key):
                    return str(error[key])
        elif isinstance(error, str):
            return error
        if body.get("detail"):
            return str(body["detail"])
        return json.dumps(body, ensure_ascii=False)
    return str(body).strip()


def _short(text: str, limit: int = 500) -> str:
    """`text` cut to `limit` characters, its secrets hidden first: hidden after the cut, a key the cut split kept
    its first characters in the message (an event that is no JSON object quoted with a key near its end)."""
    text = hide_secrets(text, urls=False)
    return text if len(text) <= limit else text[:limit] + " ..."
