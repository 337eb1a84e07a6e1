"""Benchmark prompts: from a file, or synthetic prompts of a given token length.

Synthetic prompts are streams of common English words drawn from a
`random.Random(seed)`; prompt i uses its own stream (seeded from `seed` and
`i`), so every prompt differs from its first token on and vLLM's prefix cache
cannot serve one prompt's prefill from another's. The same seed always gives
the same prompts; use another seed for a repeated run against the same server.

Length calibration (the token count as the *server* counts it, BOS and, for
the chat endpoint, the chat template included - the number that comes back as
`usage.prompt_tokens`):

1. the server's vLLM `/tokenize` endpoint (`POST {root}/tokenize`, root = the
   base URL without `/v1`) when it answers: exact counts;
2. else a local Hugging Face tokenizer (`model_path_for_tokenizer`, needs
   `transformers`): exact for the completions endpoint;
3. else `CHARS_PER_TOKEN`: an estimate; the prompts then carry `tokens=None`
   and the statistics rely on the server's `usage` only.
"""

from __future__ import annotations

import json
import math
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit, urlunsplit

import httpx

from ..serving.endpoint import auth_headers, public_url, request_url

# Common English words; nearly all are one token (with their leading space) in
# BPE and SentencePiece vocabularies, so the length search moves one token per word.
WORDS = tuple(
    [
        "time",
        "year",
        "people",
        "way",
        "day",
        "man",
        "thing",
        "woman",
        "life",
        "child",
        "world",
        "school",
        "state",
        "family",
        "student",
        "group",
        "country",
        "problem",
        "hand",
        "part",
        "place",
        "case",
        "week",
        "company",
        "system",
        "program",
        "question",
        "work",
        "government",
        "number",
        "night",
        "point",
        "home",
        "water",
        "room",
        "mother",
        "area",
        "money",
        "story",
        "fact",
        "month",
        "lot",
        "right",
        "study",
        "book",
        "eye",
        "job",
        "word",
        "business",
        "issue",
        "side",
        "kind",
        "head",
        "house",
        "service",
        "friend",
        "father",
        "power",
        "hour",
        "game",
        "line",
        "end",
        "member",
        "law",
        "car",
        "city",
        "community",
        "name",
        "president",
        "team",
        "minute",
        "idea",
        "kid",
        "body",
        "information",
        "back",
        "parent",
        "face",
        "others",
        "level",
        "office",
        "door",
        "health",
        "person",
        "art",
        "war",
        "history",
        "party",
        "result",
        "change",
        "morning",
        "reason",
        "research",
        "girl",
        "guy",
        "moment",
        "air",
        "teacher",
        "force",
        "education",
        "foot",
        "boy",
        "age",
        "policy",
        "process",
        "music",
        "market",
        "sense",
        "nation",
        "plan",
        "college",
        "interest",
        "death",
        "experience",
        "effect",
        "use",
        "class",
        "control",
        "care",
        "field",
        "development",
        "role",
        "effort",
        "rate",
        "heart",
        "drug",
        "show",
        "leader",
        "light",
        "voice",
        "wife",
        "police",
        "mind",
        "price",
        "report",
        "decision",
        "son",
        "view",
        "relationship",
        "town",
        "road",
        "arm",
        "difference",
        "value",
        "building",
        "action",
        "model",
        "season",
        "society",
        "tax",
        "director",
        "position",
        "player",
        "record",
        "paper",
        "space",
        "ground",
        "form",
        "event",
        "official",
        "matter",
        "center",
        "couple",
        "site",
        "project",
        "activity",
        "star",
        "table",
        "need",
        "court",
        "oil",
        "situation",
        "cost",
        "industry",
        "figure",
        "street",
        "image",
        "phone",
        "data",
        "picture",
        "practice",
        "piece",
        "land",
        "product",
        "doctor",
        "wall",
        "patient",
        "worker",
        "news",
        "test",
        "movie",
        "north",
        "love",
        "support",
        "technology",
        "step",
        "baby",
        "computer",
        "type",
        "attention",
        "film",
        "tree",
        "source",
        "organization",
        "hair",
        "window",
        "evidence",
        "population",
        "river",
        "note",
        "garden",
        "simple",
        "green",
        "small",
        "large",
        "early",
        "young",
        "important",
        "public",
        "bad",
        "same",
        "able",
        "little",
        "great",
    ]
)
FILLERS = ("the", "of", "and", "a", "to", "in")  # one token each almost everywhere: fine-tunes the length
CHARS_PER_TOKEN = 6.4
"""Fallback estimate for these synthetic prompts when no tokenizer is reachable:
the word list averages ~5.5 letters plus a space per word and nearly every word
is one token (measured with the Gemma 3 tokenizer via vLLM's /tokenize:
6.41-6.44 characters per token for 32-, 128- and 512-token prompts). Natural
English prose is closer to 4 characters per token, Chinese to ~1.5."""


class PromptFileError(ValueError):
    """A prompt file cannot be used; the message names the file and the fix."""


@dataclass(frozen=True)
class Prompt:
    text: str
    tokens: int | None
    """Prompt length in tokens as the server counts it; None when only estimated."""


class TokenCounter(Protocol):
    exact: bool

    def count(self, text: str) -> int: ...

    def close(self) -> None: ...


# --------------------------------------------------------------------------- files


def load_prompt_file(path: str | Path) -> list[str]:
    """Prompts from .txt (one per non-empty line) or .jsonl (a "prompt" string per object)."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PromptFileError(f"prompt file {path} does not exist. Fix: pass an existing .txt or .jsonl file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise PromptFileError(f"prompt file {path} cannot be read ({exc}). Fix: pass a UTF-8 text file") from None
    suffix = path.suffix.lower()
    prompts: list[str] = []
    if suffix == ".txt":
        prompts = [line.strip() for line in raw.splitlines() if line.strip()]
    elif suffix == ".jsonl":
        for lineno, line in enumerate(raw.splitlines(), 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise PromptFileError(
                    f"prompt file {path}, line {lineno}: not valid JSON ({exc.msg}). "
                    'Fix: one JSON object per line, e.g. {"prompt": "..."}'
                ) from None
            text = obj.get("prompt") if isinstance(obj, dict) else None
            if not isinstance(text, str) or not text.strip():
                raise PromptFileError(
                    f'prompt file {path}, line {lineno}: no non-empty string field "prompt". '
                    'Fix: one JSON object per line, e.g. {"prompt": "..."}'
                )
            prompts.append(text)
    else:
        raise PromptFileError(
            f"prompt file {path}: unknown extension {path.suffix!r}. Fix: use .txt (one prompt per line) or .jsonl"
        )
    if not prompts:
        raise PromptFileError(f"prompt file {path} contains no prompts. Fix: add at least one prompt")
    return prompts


# --------------------------------------------------------------------------- counters


def server_root(base_url: str) -> str:
    """http://host:port/v1 -> http://host:port (where vLLM serves /tokenize); the base URL's query kept at the
    end (it may carry a gateway's key), userinfo and fragment dropped (credentials go in a header)."""
    parts = urlsplit(base_url)
    path = parts.path.rstrip("/")
    path = path[: -len("/v1")] if path.endswith("/v1") else path
    return urlunsplit((parts.scheme, parts.netloc.rpartition("@")[2], path, parts.query, ""))


def tokenize_url(base_url: str) -> str:
    """The URL of vLLM's /tokenize for a base URL (http://host:port/v1?k=x -> http://host:port/tokenize?k=x)."""
    return request_url(server_root(base_url), "/tokenize")


class ServerTokenCounter:
    """Counts with vLLM's `/tokenize`, the way the endpoint under test will count."""

    exact = True

    def __init__(
        self, base_url: str, model: str, chat: bool = False, api_key: str | None = None, timeout_s: float = 30.0
    ) -> None:
        self.url = tokenize_url(base_url)
        self.model = model
        self.chat = chat
        headers = auth_headers(base_url, api_key)  # the URL's own credentials win over the key
        self._client = httpx.Client(timeout=timeout_s, headers=headers)

    def count(self, text: str) -> int:
        body: dict[str, Any] = {"model": self.model}
        if self.chat:
            body.update(messages=[{"role": "user", "content": text}], add_generation_prompt=True)
        else:
            body["prompt"] = text
        try:  # httpx's errors name the URL, query included: this one names its public form
            response = self._client.post(self.url, json=body)
        except httpx.HTTPError as exc:
            raise ValueError(f"{public_url(self.url)}: {type(exc).__name__}") from None
        if response.status_code >= 400:
            raise ValueError(f"{public_url(self.url)} answered HTTP {response.status_code}")
        return int(response.json()["count"])

    def available(self) -> bool:
        try:
            self.count("hello")
        except (httpx.HTTPError, KeyError, ValueError, TypeError):
            return False
        return True

    def close(self) -> None:
        self._client.close()


class LocalTokenCounter:
    """Counts with a local Hugging Face tokenizer (BOS included, as vLLM's completions endpoint does)."""

    exact = True

    def __init__(self, model_path: str) -> None:
        from transformers import AutoTokenizer  # optional dependency, imported only here

        self._tokenizer = AutoTokenizer.from_pretrained(model_path)

    def count(self, text: str) -> int:
        return len(self._tokenizer(text, add_special_tokens=True)["input_ids"])

    def close(self) -> None:
        return None


class CharTokenCounter:
    """The last resort: `CHARS_PER_TOKEN` characters per token, an estimate."""

    exact = False

    def __init__(self, chars_per_token: float = CHARS_PER_TOKEN) -> None:
        self.chars_per_token = chars_per_token

    def count(self, text: str) -> int:
        return max(1, math.ceil(len(text) / self.chars_per_token))

    def close(self) -> None:
        return None


def pick_counter(
    base_url: str | None,
    model: str | None,
    chat: bool = False,
    api_key: str | None = None,
    model_path_for_tokenizer: str | None = None,
    note: Callable[[str], None] = lambda _m: None,
) -> TokenCounter:
    """The best counter available: server /tokenize, then a local tokenizer, then characters."""
    if base_url and model:
        counter = ServerTokenCounter(base_url, model, chat=chat, api_key=api_key)
        if counter.available():
            return counter
        counter.close()
        note(f"{public_url(server_root(base_url))}/tokenize is not available")
    if model_path_for_tokenizer:
        try:
            return LocalTokenCounter(model_path_for_tokenizer)
        except Exception as exc:  # ImportError, OSError, ...: fall through to the estimate
            note(f"local tokenizer {model_path_for_tokenizer} unusable: {exc}")
    note(f"prompt lengths estimated at {CHARS_PER_TOKEN} characters per token")
    return CharTokenCounter()


# --------------------------------------------------------------------------- synthetic prompts


def _word_stream(seed: int, index: int, count: int) -> list[str]:
    rng = random.Random(f"llmeval-bench:{seed}:{index}")
    return [rng.choice(WORDS) for _ in range(count)]


def _fit(words: list[str], target: int, counter: TokenCounter, guess: int) -> Prompt:
    """The longest word prefix (plus fillers) whose count is the target, or the closest below/above."""
    cache: dict[int, int] = {}

    def count(k: int) -> int:
        if k not in cache:
            cache[k] = counter.count(" ".join(words[:k]))
        return cache[k]

    k = min(max(1, guess), len(words))
    for _ in range(12):
        c = count(k)
        if c == target:
            return Prompt(" ".join(words[:k]), c if counter.exact else None)
        step = target - c
        nxt = min(max(1, k + (step if abs(step) > 1 else (1 if step > 0 else -1))), len(words))
        below = [j for j, cj in cache.items() if cj < target]
        above = [j for j, cj in cache.items() if cj > target]
        if below and above and min(above) - max(below) <= 1:
            break  # no word count hits the target exactly
        if nxt in cache:
            break
        k = nxt
    below = [j for j, cj in cache.items() if cj <= target]
    k = max(below) if below else min(cache)
    text, c = " ".join(words[:k]), count(k)
    for filler in FILLERS * 2:  # close the last gap with one-token fillers
        if c >= target:
            break
        candidate = f"{text} {filler}"
        cc = counter.count(candidate)
        if cc > target:
            break
        text, c = candidate, cc
    return Prompt(text, c if counter.exact else None)


def synthetic_prompts(n: int, prompt_tokens: int, seed: int, counter: TokenCounter) -> list[Prompt]:
    """n distinct prompts of `prompt_tokens` tokens (as `counter` counts), deterministic from seed."""
    if n <= 0:
        return []
    # Tokens per word and fixed overhead (BOS, chat template) from one probe.
    probe = _word_stream(seed, -1, 64)
    c0, c64 = counter.count(probe[0]), counter.count(" ".join(probe))
    per_word = max((c64 - c0) / 63, 0.25)
    overhead = max(c0 - per_word, 0.0)
    guess = max(1, round((prompt_tokens - overhead) / per_word))
    prompts: list[Prompt] = []
    seen: set[str] = set()
    index = 0
    while len(prompts) < n:
        words = _word_stream(seed, index, guess * 2 + 16)
        index += 1
        prompt = _fit(words, prompt_tokens, counter, guess)
        if prompt.text in seen:  # astronomically unlikely; keep prompts distinct anyway
            continue
        seen.add(prompt.text)
        prompts.append(prompt)
    return prompts


def file_prompts(path: str | Path, n: int, counter: TokenCounter | None = None) -> list[Prompt]:
    """n prompts from a file, in order, cycling when the file has fewer."""
    texts = load_prompt_file(path)
    counts: dict[str, int | None] = {}
    out: list[Prompt] = []
    for i in range(n):
        text = texts[i % len(texts)]
        if text not in counts:
            counts[text] = counter.count(text) if counter is not None and counter.exact else None
        out.append(Prompt(text, counts[text]))
    return out
