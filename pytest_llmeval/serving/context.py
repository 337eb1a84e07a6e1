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
from collections.abc import Mapping
from dataclasses import dataclass
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
_HUGE = 2**62  # a product past this (a factor of 1e300) is no limit at all: kept a whole number, not inf
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


@dataclass(frozen=True)
class ModelLength:
    """A model's context length as vLLM derives it from config.json - one reader for the plugin's checks and the
    sizing command (they read it apart: one took the smallest length field times any RoPE factor, the other
    max_position_embeddings alone).

    `length` is what vLLM gives the server when no --max-model-len is set (its rule today: a Command-R
    `model_max_length` wins; else the smallest length field; times the RoPE factor of `linear`/`dynamic` scaling,
    not of `llama3`/`longrope`/`yarn`, whose length is already scaled; not for Gemma 3). `longest` is the longest
    --max-model-len any vLLM takes without VLLM_ALLOW_LONG_MAX_MODEL_LEN (older ones scaled YaRN's
    `original_max_position_embeddings` by its factor; `model_max_length` is allowed too): an upper bound, so a
    refusal built on it is never false."""

    length: int
    longest: int
    where: str  # the fields `longest` comes from and the file, e.g. "max_position_embeddings in /m/config.json"


# RoPE types whose max_position_embeddings is already the scaled length: vLLM does not multiply it by the factor
_SCALED_ROPE = ("su", "longrope", "llama3", "yarn", "deepseek_yarn", "deepseek_llama_scaling")
_YARN_ROPE = ("yarn", "deepseek_yarn")
_TEXT_PARTS = ("text_config", "llm_config", "language_config")  # a vision-language model's language model


def config_context(folder: Path) -> tuple[int, str] | None:
    """The longest context vLLM gives a server of the model in `folder` (`ModelLength.longest`), with the fields
    named; None when there is no readable config or no length field in it."""
    known = folder_length(folder)
    return None if known is None else (known.longest, known.where)


def folder_length(folder: Path) -> ModelLength | None:
    """`config_length` of `folder`/config.json; None when it is missing, too large, unreadable or not an object
    (model_config_problem names those)."""
    config = folder / "config.json"
    try:
        if not config.is_file() or config.stat().st_size > _CONFIG_LIMIT:
            return None
        data = json.loads(config.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return None
    return config_length(data, str(config)) if isinstance(data, dict) else None


def config_length(data: dict[str, Any], source: str) -> ModelLength | None:
    """The context length vLLM derives from a config.json's `data` (see ModelLength); None when no length field
    holds a positive whole number (vLLM then assumes 2,048 but takes any --max-model-len: nothing to check)."""
    part, prefix = data, ""
    for name in _TEXT_PARTS:
        sub = data.get(name)
        if isinstance(sub, dict) and any(_positive(sub.get(key)) for key in LENGTH_KEYS):
            part, prefix = sub, f"{name}."
            break
    found = sorted((length, key) for key in LENGTH_KEYS if (length := _positive(part.get(key))) is not None)
    if not found:
        return None
    declared = _positive(part.get("model_max_length")) or 0
    base, key = (declared, "model_max_length") if declared else found[0]
    where = f"{prefix}{key}"
    rope_name, params = _rope_parameters(part)
    if not params or "gemma3" in str(part.get("model_type", data.get("model_type", ""))):
        return ModelLength(base, base, f"{where} in {source}")
    factor = 1.0
    for rope in params:
        scale = _factor(rope)
        if _rope_type(rope) not in _SCALED_ROPE and scale is not None:
            factor = scale
    length = int(min(base * factor, _HUGE))
    longest, longest_where = length, where
    if factor != 1:
        longest_where = f"{where} {base} x {prefix}{rope_name}.factor {factor:g}"
    for rope in params:  # older vLLM: YaRN's original length times its factor
        scale, original = _factor(rope), _positive(rope.get("original_max_position_embeddings", base))
        if _rope_type(rope) not in _YARN_ROPE or scale is None or original is None:
            continue
        if min(original * scale, _HUGE) > longest:
            longest = int(min(original * scale, _HUGE))
            named = f"{prefix}{rope_name}.original_max_position_embeddings" if original != base else where
            longest_where = f"{named} {original} x {prefix}{rope_name}.factor {scale:g}"
    if declared > longest:
        longest, longest_where = declared, f"{prefix}model_max_length"
    return ModelLength(length, longest, f"{longest_where} in {source}")


def _rope_type(rope: dict[str, Any]) -> str:
    return str(rope.get("rope_type") or rope.get("type") or "default")


def _factor(rope: dict[str, Any]) -> float | None:
    """A RoPE scaling factor that is a finite number above 0 (vLLM reads a null one as 1); None otherwise."""
    value = rope.get("factor")
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 0 < value < float("inf"):
        return float(value)
    return None


def _rope_parameters(part: dict[str, Any]) -> tuple[str, list[dict[str, Any]]]:
    """The config's RoPE settings (`rope_parameters`, Transformers 5, else `rope_scaling`), one dict per layer type
    when nested, and the field's name."""
    for name in ("rope_parameters", "rope_scaling"):
        value = part.get(name)
        if isinstance(value, dict) and value:
            nested = [v for v in value.values() if isinstance(v, dict) and v]
            return name, nested if nested and len(nested) == len(value) else [value]
    return "rope_scaling", []


def longer_than_the_model(asked: int, where: str, known: ModelLength | None, env: Mapping[str, str]) -> str | None:
    """Why a context `asked` (set by `where`: "--llm-max-model-len 8192", "--max-model-len 65536") past the model's
    own is refused, with both numbers, the config field and the fix - one message for the plugin's check before any
    server starts and the `size` command (they worded it apart); None when it fits, the length is unknown, or
    VLLM_ALLOW_LONG_MAX_MODEL_LEN in `env` lets vLLM take it."""
    if known is None or asked <= known.longest or long_context_allowed(env):
        return None
    return (
        f"{where} asks a context of {asked:,} tokens, but the model's config.json allows {known.longest:,} "
        f"({known.where}), so vLLM refuses to start. Fix: lower "
        f"it to {known.longest} or less, or leave it out (vLLM then uses the model's {known.length}); or set "
        "VLLM_ALLOW_LONG_MAX_MODEL_LEN=1 if the model is known to take a longer context (past its length a RoPE "
        "model's answers turn to NaNs)"
    )


def long_context_allowed(env: Mapping[str, str]) -> bool:
    """Whether vLLM takes a --max-model-len past the model's own (`VLLM_ALLOW_LONG_MAX_MODEL_LEN=1` or `true`, as
    vLLM's envs.py reads it)."""
    return env.get("VLLM_ALLOW_LONG_MAX_MODEL_LEN", "0").strip().lower() in ("1", "true")


def _positive(value: Any) -> int | None:
    """`value` when it is a whole number above 0 (not a bool, not text), else None. An integral float (4096.0, as
    some converters write config.json) is that whole number, as the sizing reader takes it (`whole_numbers`)."""
    if isinstance(value, float) and value.is_integer() and 0 < value < _HUGE:
        return int(value)
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else None
