"""A model's shape from its directory: config.json (the language model's part of a multimodal one) and the
real weight size from the safetensors index's `metadata.total_size`, else the *.safetensors files, else
an estimate from the config."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# bytes per parameter by quantisation (weights); int4-family includes their scales (group size 128: ~0.53)
BYTES_PER_PARAM = {
    "bf16": 2.0,
    "fp16": 2.0,
    "fp32": 4.0,
    "fp8": 1.0,
    "int8": 1.0,
    "int4": 0.53,
    "awq": 0.53,
    "gptq": 0.53,
    "nvfp4": 0.5625,
}  # nvfp4: 4-bit values + one fp8 scale per 16 = 4.5 bits


class SizingError(ValueError):
    """The model directory or an argument cannot be sized; the message names the file, the field and the fix."""


@dataclass(frozen=True)
class ModelShape:
    name: str
    layers: int
    hidden: int
    heads: int
    kv_heads: int
    head_dim: int
    intermediate: int
    vocab: int
    tied_embeddings: bool
    quantization: str  # bf16 | fp16 | fp8 | nvfp4 | awq | gptq | ...
    weight_bytes: int
    weight_source: str  # "safetensors index" | "safetensors files" | "estimated from config.json"
    sliding_window_layers: int = 0
    sliding_window: int | None = None

    @property
    def params_estimate(self) -> int:
        attn = self.hidden * (self.heads * self.head_dim) * 2 + self.hidden * (self.kv_heads * self.head_dim) * 2
        mlp = 3 * self.hidden * self.intermediate
        embed = self.vocab * self.hidden * (1 if self.tied_embeddings else 2)
        return self.layers * (attn + mlp) + embed


def _quantization(config: dict[str, Any], dtype: str | None, quantization: str | None) -> str:
    if quantization:
        return quantization.lower()
    q = config.get("quantization_config") or {}
    method = str(q.get("quant_method", "")).lower()
    algo = str(q.get("quant_algo", "")).lower()
    if "nvfp4" in algo or "fp4" in method:
        return "nvfp4"
    if method in ("fp8", "awq", "gptq") or "fp8" in algo:
        return "fp8" if "fp8" in (method + algo) else method
    torch_dtype = str(dtype or config.get("torch_dtype") or config.get("dtype") or "bfloat16").lower()
    return {"bfloat16": "bf16", "float16": "fp16", "float32": "fp32", "auto": "bf16"}.get(torch_dtype, torch_dtype)


def read_model(path: str | Path, dtype: str | None = None, quantization: str | None = None) -> ModelShape:
    folder = Path(path).expanduser()
    config_path = folder / "config.json"
    if not folder.is_dir():
        raise SizingError(f"{folder}: no such model directory. Fix: pass a local model directory")
    if not config_path.is_file():
        raise SizingError(f"{config_path}: missing. Fix: pass a Hugging Face model directory (with config.json)")
    try:
        config = json.loads(config_path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise SizingError(f"{config_path}: not valid JSON (line {exc.lineno}). Fix: repair the file") from None
    text = config.get("text_config") or config.get("llm_config") or config
    merged = {**config, **text}

    def need(name: str, *alternatives: str) -> int:
        for key in (name, *alternatives):
            if isinstance(merged.get(key), int):
                return int(merged[key])
        raise SizingError(
            f"{config_path}: field {name!r} missing or not an integer. Fix: use the model's own config.json"
        )

    layers = need("num_hidden_layers", "n_layer", "num_layers")
    hidden = need("hidden_size", "n_embd", "d_model")
    heads = need("num_attention_heads", "n_head")
    kv_heads = int(merged.get("num_key_value_heads") or heads)
    head_dim = int(merged.get("head_dim") or hidden // heads)
    intermediate = int(merged.get("intermediate_size") or 4 * hidden)
    vocab = need("vocab_size")
    tied = bool(merged.get("tie_word_embeddings", config.get("tie_word_embeddings", False)))
    quant = _quantization(config, dtype, quantization)
    layer_types = merged.get("layer_types") or []
    sliding = sum(1 for t in layer_types if "sliding" in str(t))
    shape = ModelShape(
        folder.name,
        layers,
        hidden,
        heads,
        kv_heads,
        head_dim,
        intermediate,
        vocab,
        tied,
        quant,
        0,
        "",
        sliding,
        merged.get("sliding_window"),
    )
    index = folder / "model.safetensors.index.json"
    files = sorted(folder.glob("*.safetensors"))
    if index.is_file():
        try:
            total = int(json.loads(index.read_text(encoding="utf-8"))["metadata"]["total_size"])
            return _with_weights(shape, total, "safetensors index")
        except (KeyError, ValueError, json.JSONDecodeError):
            pass
    if files:
        return _with_weights(shape, sum(f.stat().st_size for f in files), "safetensors files")
    per_param = BYTES_PER_PARAM.get(quant)
    if per_param is None:
        raise SizingError(
            f"{config_path}: unknown precision {quant!r}. Fix: pass --dtype or --quantization "
            f"(one of {sorted(BYTES_PER_PARAM)})"
        )
    return _with_weights(shape, int(shape.params_estimate * per_param), "estimated from config.json")


def _with_weights(shape: ModelShape, total: int, source: str) -> ModelShape:
    from dataclasses import replace

    return replace(shape, weight_bytes=total, weight_source=source)
