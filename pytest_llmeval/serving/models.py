"""Which models a run evaluates: `--llm-model` values parsed into labelled specs (no pytest here).

One syntax for every per-model setting:

    --llm-model 8b=/models/Qwen3-8B@0              LABEL=PATH, optionally @GPUS (CUDA indices: 0 or 1,2)
    --llm-model-arg 14b:tensor_parallel_size=2     LABEL:KEY=VALUE, repeatable
    --llm-model-arg 14b:vllm_arg=--enforce-eager   (vllm_arg and base_url may be given several times)
    --llm-model-arg 8b:base_url=@replicas.txt      (an endpoint fleet for that model alone)

A per-model value replaces the run-wide option of the same name (`--llm-tensor-parallel-size`, ...);
`vllm_arg` values are added after the run-wide `--llm-vllm-arg` ones.
"""

from __future__ import annotations

import dataclasses
import re
import shlex
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .embedded import EMBEDDED_LABEL, is_embedded

_GPUS = re.compile(r"^\d+(,\d+)*$")

# per-model keys: the ServerSettings field each fills and how its text is read
MODEL_KEYS: dict[str, type] = {
    "gpus": str,
    "tensor_parallel_size": int,
    "data_parallel_size": int,
    "gpu_memory_utilization": float,
    "max_model_len": int,
    "dtype": str,
    "quantization": str,
    "reasoning_parser": str,
    "chat_template": str,
    "limit_mm_per_prompt": str,
}
LIST_KEYS = ("vllm_arg", "base_url")
# vLLM's --dtype choices (the same from 0.4 to today): a typo fails at the start, not after a server start
DTYPES = ("auto", "half", "float16", "bfloat16", "float", "float32")


def dtype_problem(value: str) -> str | None:
    """Why `value` is no vLLM --dtype, with the nearest choice; None when it is one."""
    if value in DTYPES:
        return None
    import difflib

    near = difflib.get_close_matches(value, DTYPES, n=1)
    hint = f"did you mean {near[0]!r}? " if near else ""
    return f"{hint}vLLM's --dtype takes {', '.join(DTYPES)}"


class ModelSpecError(ValueError):
    """An --llm-model value cannot be used; the message says how to write it."""


@dataclass(frozen=True)
class ModelSpec:
    """A model to evaluate: its label (ids, reports, served name), where it comes from, and its own settings."""

    label: str
    source: str  # "embedded", a local directory or a hub id
    gpus: str | None = None  # CUDA_VISIBLE_DEVICES for its server ("0", "1,2"): @GPUS, gpus=, or placement
    options: tuple[tuple[str, Any], ...] = ()  # per-model ServerSettings values (--llm-model-arg)
    vllm_args: tuple[str, ...] = ()  # extra vLLM arguments of this model alone
    base_urls: tuple[str, ...] = ()  # this model's endpoint(s), raw (@FILE allowed): attach instead of launch

    @property
    def embedded(self) -> bool:
        return is_embedded(self.source)

    def describe(self) -> dict[str, Any]:
        """For results.json: label and source, and the per-model settings where there are any."""
        from .endpoint import public_url

        data: dict[str, Any] = {"label": self.label, "source": self.source}
        if self.gpus is not None:
            data["gpus"] = self.gpus
        if self.options:
            data["options"] = dict(self.options)
        if self.vllm_args:
            from .server import redact

            data["vllm_args"] = redact(list(self.vllm_args))
        if self.base_urls:
            data["base_urls"] = [u if u.startswith("@") else public_url(u) for u in self.base_urls]
        return data


def parse_model(text: str) -> ModelSpec:
    """`embedded`, a path or hub id (label: the directory's name), or `LABEL=PATH`; any of them may end in
    `@GPUS` (`@0`, `@1,2`)."""
    text = text.strip()
    if not text:
        raise ModelSpecError("--llm-model got an empty value. Fix: pass a model path, hub id or 'embedded'")
    gpus = None
    head, at, tail = text.rpartition("@")
    if at and _GPUS.match(tail.strip()):
        text, gpus = head.strip(), tail.strip()
        if not text:
            raise ModelSpecError(f"--llm-model @{gpus}: the model is missing. Fix: LABEL=PATH@{gpus}")
    if "=" in text:
        label, _, source = text.partition("=")
        if not label.strip() or not source.strip():
            raise ModelSpecError(f"--llm-model {text!r}: use LABEL=PATH")
        return ModelSpec(label.strip(), source.strip(), gpus)
    if is_embedded(text):
        return ModelSpec(EMBEDDED_LABEL, text, gpus)
    return ModelSpec(Path(text.rstrip("/")).name or text, text, gpus)


def apply_model_args(models: list[ModelSpec], args: Iterable[str]) -> list[ModelSpec]:
    """The specs with every `--llm-model-arg LABEL:KEY=VALUE` applied (see the module's examples)."""
    by_label = {m.label: m for m in models}
    for arg in args:
        label, colon, rest = arg.partition(":")
        key, equals, value = rest.partition("=")
        label, key, value = label.strip(), key.strip(), value.strip()
        if not colon or not equals or not label or not key or not value:
            raise ModelSpecError(
                f"--llm-model-arg {arg!r}: write LABEL:KEY=VALUE, e.g. 14b:tensor_parallel_size=2 or "
                "14b:vllm_arg=--enforce-eager"
            )
        if label not in by_label:
            raise ModelSpecError(f"--llm-model-arg {arg!r}: no model is labelled {label!r}. Labels: {sorted(by_label)}")
        spec = by_label[label]
        if key == "vllm_arg":
            try:
                parts = shlex.split(value)
            except ValueError as exc:  # a quote left open: it was an INTERNALERROR from shlex
                from .server import redact

                raise ModelSpecError(
                    f"--llm-model-arg {label}:vllm_arg={' '.join(redact(value.split()))}: cannot be split into "
                    f"arguments ({exc}). Fix: close the quote, or quote the whole argument once"
                ) from None
            spec = dataclasses.replace(spec, vllm_args=spec.vllm_args + tuple(parts))
        elif key == "base_url":
            spec = dataclasses.replace(spec, base_urls=spec.base_urls + (value,))
        elif key == "gpus":
            if not _GPUS.match(value):
                raise ModelSpecError(f"--llm-model-arg {arg!r}: gpus must be CUDA indices such as 0 or 1,2")
            spec = dataclasses.replace(spec, gpus=value)
        elif key in MODEL_KEYS:
            try:
                typed = MODEL_KEYS[key](value)
            except ValueError:
                raise ModelSpecError(f"--llm-model-arg {arg!r}: {key} must be a {MODEL_KEYS[key].__name__}") from None
            if isinstance(typed, (int, float)) and typed <= 0:
                raise ModelSpecError(f"--llm-model-arg {arg!r}: {key} must be greater than 0")
            if key == "dtype" and (problem := dtype_problem(str(typed))) is not None:
                raise ModelSpecError(f"--llm-model-arg {arg!r}: {problem}")
            options = dict(spec.options)
            options[key] = typed
            spec = dataclasses.replace(spec, options=tuple(options.items()))
        else:
            known = sorted([*MODEL_KEYS, *LIST_KEYS])
            raise ModelSpecError(f"--llm-model-arg {arg!r}: unknown key {key!r}. Keys: {', '.join(known)}")
        by_label[label] = spec
    return [by_label[m.label] for m in models]


def model_server_settings(spec: ModelSpec, settings: Any) -> Any:
    """The run-wide ServerSettings with this model's own values in place (GPUs, options, extra vLLM args,
    endpoints)."""
    changes: dict[str, Any] = dict(spec.options)
    changes.pop("gpus", None)
    if spec.gpus is not None:
        changes["cuda_visible_devices"] = spec.gpus
    if spec.vllm_args:
        changes["extra_args"] = [*settings.extra_args, *spec.vllm_args]
    if spec.base_urls:
        from .fleet import read_urls

        urls = read_urls(spec.base_urls, f"--llm-model-arg {spec.label}:base_url")
        changes.update(base_url=urls[0], base_urls=urls)
    return dataclasses.replace(settings, **changes) if changes else settings


def replicas(spec: ModelSpec, settings: Any) -> int:
    """How many servers answer the model: vLLM data-parallel engines x the endpoints of a fleet."""
    server = model_server_settings(spec, settings)
    return (server.data_parallel_size or 1) * max(1, len(server.base_urls))
