"""Knobs of one throughput benchmark run.

Defaults follow the seed "precision throughput" experiment (concurrency 16,
64 requests, max_tokens 256, temperature 0) and `vllm bench serve`'s
completions backend, so numbers can be put next to vLLM's own.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

ENDPOINTS = ("completions", "chat")


class BenchConfigError(ValueError):
    """A benchmark setting is invalid; the message names the field and the fix. `field`: the BenchConfig field
    (the pytest plugin names its option instead), "" for an unknown field."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class BenchConfig:
    """One benchmark run. Validated on construction (`BenchConfigError`)."""

    concurrency: int = 16
    """Requests in flight at once (client-side semaphore, like `--max-concurrency`)."""
    num_requests: int = 64
    """Measured requests (warm-up requests come on top)."""
    max_tokens: int = 256
    """Output token limit per request."""
    temperature: float = 0.0
    warmup_requests: int = 2
    """Requests sent before the measured part; excluded from every statistic."""
    prompt_file: str | None = None
    """Optional prompts: .txt (one per line) or .jsonl (a "prompt" field per line).
    Used in order and cycled when there are fewer prompts than requests."""
    prompt_tokens: int = 128
    """Length of synthetic prompts, in tokens as the server counts them (ignored with prompt_file)."""
    endpoint: str = "completions"
    """"completions" (/v1/completions, like `vllm bench serve --backend vllm`) or "chat" (/v1/chat/completions)."""
    ignore_eos: bool = False
    """Ask vLLM to generate exactly max_tokens (vLLM extension `ignore_eos`)."""
    seed: int = 0
    """Seed of the synthetic prompts; change it between repeated runs against one
    server so prefix caching cannot serve earlier prompts."""
    request_timeout_s: float = 600.0
    """Total time one request may take before it is abandoned and counted as failed."""
    extra_body: dict[str, Any] | None = None
    """Extra request fields sent as is, e.g. {"chat_template_kwargs": {"enable_thinking": False}}."""

    def __post_init__(self) -> None:
        _positive_int(self, "concurrency", "e.g. concurrency=16")
        _positive_int(self, "num_requests", "e.g. num_requests=64")
        _positive_int(self, "max_tokens", "e.g. max_tokens=256")
        _positive_int(self, "prompt_tokens", "e.g. prompt_tokens=128")
        _int_at_least(self, "warmup_requests", 0, "use 0 to disable warm-up")
        _int_at_least(self, "seed", 0, "use a non-negative integer")
        if (
            isinstance(self.temperature, bool)
            or not isinstance(self.temperature, (int, float))
            or not math.isfinite(self.temperature)
            or self.temperature < 0
        ):
            raise BenchConfigError(
                f"BenchConfig.temperature must be a number >= 0, not {self.temperature!r}. "
                "Fix: use 0.0 for greedy decoding",
                "temperature",
            )
        if (
            isinstance(self.request_timeout_s, bool)
            or not isinstance(self.request_timeout_s, (int, float))
            or not self.request_timeout_s > 0
            or not math.isfinite(self.request_timeout_s)
        ):
            raise BenchConfigError(
                f"BenchConfig.request_timeout_s must be a finite number of seconds > 0, not "
                f"{self.request_timeout_s!r}. Fix: e.g. request_timeout_s=600",
                "request_timeout_s",
            )
        if self.endpoint not in ENDPOINTS:
            raise BenchConfigError(
                f"BenchConfig.endpoint must be one of {ENDPOINTS}, not {self.endpoint!r}. "
                "Fix: endpoint='completions' (what `vllm bench serve` uses) or endpoint='chat'",
                "endpoint",
            )
        if not isinstance(self.ignore_eos, bool):
            raise BenchConfigError(
                f"BenchConfig.ignore_eos must be True or False, not {self.ignore_eos!r}. Fix: ignore_eos=True",
                "ignore_eos",
            )
        if self.extra_body is not None and not isinstance(self.extra_body, dict):
            raise BenchConfigError(
                "BenchConfig.extra_body must be a dict of request fields or None, not "
                f"{type(self.extra_body).__name__}. "
                'Fix: e.g. extra_body={"top_p": 1.0}',
                "extra_body",
            )
        if self.prompt_file is not None:
            path = Path(self.prompt_file)
            object.__setattr__(self, "prompt_file", str(path))  # a Path is accepted, a str is stored
            if path.suffix.lower() not in (".txt", ".jsonl"):
                raise BenchConfigError(
                    f"BenchConfig.prompt_file {str(path)!r} must end in .txt (one prompt per line) "
                    'or .jsonl (one JSON object with a "prompt" field per line). Fix: rename or convert it',
                    "prompt_file",
                )
            if not path.is_file():
                what = "is not a regular file" if path.exists() else "does not exist"  # a folder, a FIFO
                raise BenchConfigError(
                    f"BenchConfig.prompt_file {str(path)!r} {what}. Fix: pass an existing .txt or .jsonl file",
                    "prompt_file",
                )

    @property
    def total_requests(self) -> int:
        return self.warmup_requests + self.num_requests

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> BenchConfig:
        if not isinstance(data, dict):
            raise BenchConfigError(
                f"a benchmark config must be a mapping of fields, not {type(data).__name__}. Fix: e.g. "
                "{'concurrency': 16, 'num_requests': 64}"
            )
        from ..evaluation.scenario_keys import unknown_key_fix

        known = {f.name for f in fields(cls)}
        for key in data:
            if key not in known:
                raise BenchConfigError(
                    f"BenchConfig field {key!r}: unknown field. Fix: {unknown_key_fix(str(key), known)}"
                )
        return cls(**data)


def _positive_int(cfg: BenchConfig, name: str, example: str) -> None:
    _int_at_least(cfg, name, 1, example)


def _int_at_least(cfg: BenchConfig, name: str, low: int, example: str) -> None:
    value = getattr(cfg, name)
    if isinstance(value, bool) or not isinstance(value, int) or value < low:
        raise BenchConfigError(f"BenchConfig.{name} must be an integer >= {low}, not {value!r}. Fix: {example}", name)
