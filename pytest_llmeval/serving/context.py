"""A launched model's context length: the value vLLM's `--max-model-len` is given in any of its spellings, or the one
it reads from the model's config.json, so that a case asking more tokens than the server holds is named before the
server starts (vLLM refused each such request with a 400, one case error after another).

`context_length` reads a length as vLLM's parser does (`human_readable_int`): `4096`, `4k` (4,000), `4K` (4,096),
`25.6k` (25,600), `1m`, `1M`. The plugin's `--llm-max-model-len` takes the same spellings, and the answer cache keys
the number they stand for: `4K` and `4096` start the same server.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path
from typing import Any

_HUMAN = re.compile(r"(\d+(?:\.\d+)?)([kKmMgGtT])")
_DECIMAL = {"k": 10**3, "m": 10**6, "g": 10**9, "t": 10**12}
_BINARY = {"K": 2**10, "M": 2**20, "G": 2**30, "T": 2**40}
# the config.json fields vLLM takes a model's length from (`_get_and_verify_max_len`: the smallest one present)
LENGTH_KEYS = (
    "max_position_embeddings",
    "n_positions",
    "max_seq_len",
    "seq_length",
    "max_sequence_length",
    "max_seq_length",
    "seq_len",
    "model_max_length",
    "max_target_positions",
)
_CONFIG_LIMIT = 16 * 2**20  # a config.json larger than this is no model config (read by model_config_problem first)


class LengthError(argparse.ArgumentTypeError, ValueError):
    """A context length that is no number vLLM reads; argparse prints the message as it is (not "invalid value")."""


def context_length(text: str) -> int:
    """`text` as the number of tokens vLLM reads it as (`4k` is 4,000, `4K` 4,096); LengthError says why not."""
    value = str(text).strip()
    match = _HUMAN.fullmatch(value)
    if match is not None:
        number, suffix = match.groups()
        if suffix in _DECIMAL:
            return int(float(number) * _DECIMAL[suffix])
        if "." not in number:
            return int(number) * _BINARY[suffix]
        raise LengthError(
            f"{value!r}: vLLM takes no decimals with a binary suffix ({suffix} is {_BINARY[suffix]:,}). Fix: "
            f"write {number}{suffix.lower()} (decimal) or a whole number of tokens, e.g. 32768"
        )
    if value.isascii() and value.isdigit():
        return int(value)
    if value.lower() == "auto" or value == "-1":
        raise LengthError(
            f"{value!r}: the plugin takes a number of tokens. Fix: leave the option out (vLLM uses the model's "
            "own length), or pass --llm-vllm-arg=--max-model-len=auto for the longest that fits the GPU"
        )
    raise LengthError(
        f"{value!r} is not a number of tokens. Fix: write e.g. 4096, 4K (4,096), 32k (32,000) or 128K, as vLLM reads "
        "--max-model-len"
    )


def context_length_or_text(value: Any) -> Any:
    """The number a length given as text stands for; the value as written when vLLM would not read it (the cache
    keys it apart: a needless miss, never a wrong hit)."""
    if not isinstance(value, str):
        return value
    try:
        return context_length(value)
    except LengthError:
        return value


def config_context(folder: Path) -> tuple[int, str] | None:
    """The context length vLLM derives from `folder`/config.json (the smallest length field, times a RoPE scaling
    factor - an upper bound: some scaling types keep the length), with the field named; None when there is no
    readable config or no length field in it."""
    config = folder / "config.json"
    try:
        if not config.is_file() or config.stat().st_size > _CONFIG_LIMIT:
            return None
        data = json.loads(config.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(data, dict):
        return None
    text_config = data.get("text_config")
    if isinstance(text_config, dict) and any(key in text_config for key in LENGTH_KEYS):
        data = text_config  # a vision-language model: the language model's length
    found = [(data[key], key) for key in LENGTH_KEYS if _whole(data.get(key))]
    if not found:
        return None
    length, key = min(found)
    scaling = data.get("rope_scaling")
    factor = scaling.get("factor") if isinstance(scaling, dict) else None
    if isinstance(factor, (int, float)) and not isinstance(factor, bool) and factor > 1:
        return int(length * factor), f"{key} {length} x rope_scaling.factor {factor:g} in {config}"
    return int(length), f"{key} in {config}"


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0
