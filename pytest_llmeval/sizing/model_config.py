"""A model's shape from its directory: config.json (the language model's part of a multimodal one) and the
real weight size: the safetensors index's `metadata.total_size`, else the *.safetensors files, else
parameters estimated from the config x bytes per parameter."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..serving.context import config_length
from ..textfiles import shown

# Bytes per weight parameter by precision. 4-bit formats include their scales:
#   awq / gptq / int4: 4 bits + an fp16 scale and a 4-bit zero point per group of 128 = 4.156 bits = 0.52 B
#   nvfp4: 4-bit values + one fp8 (e4m3) scale per 16 values = 4.5 bits = 0.5625 B (+ a negligible fp32 global)
#   mxfp4: 4-bit values + one 8-bit (e8m0) scale per 32 values = 4.25 bits = 0.53 B
#   fp8: 1 byte + per-tensor/channel/128x128-block scales (< 0.1%) = 1.0 B
# Quantised checkpoints keep the embeddings and lm_head at 16 bits; the config estimate does the same.
BYTES_PER_PARAM: dict[str, float] = {
    "fp32": 4.0,
    "bf16": 2.0,
    "fp16": 2.0,
    "fp8": 1.0,
    "int8": 1.0,
    "int4": 0.52,
    "awq": 0.52,
    "gptq": 0.52,
    "nvfp4": 0.5625,
    "mxfp4": 0.53125,
}
UNQUANTISED = ("fp32", "bf16", "fp16")
DTYPE_NAMES = {
    "bfloat16": "bf16",
    "bf16": "bf16",
    "float16": "fp16",
    "fp16": "fp16",
    "half": "fp16",
    "float32": "fp32",
    "fp32": "fp32",
    "float": "fp32",
}
QUANTIZATION_NAMES = {  # --quantization / quant_method -> precision label
    "fp8": "fp8",
    "fbgemm_fp8": "fp8",
    "modelopt": "fp8",  # modelopt's quant_algo decides; FP8 when it says nothing else
    "modelopt_fp4": "nvfp4",
    "nvfp4": "nvfp4",
    "awq": "awq",
    "awq_marlin": "awq",
    "gptq": "gptq",
    "gptq_marlin": "gptq",
    "int4": "int4",
    "int8": "int8",
    "mxfp4": "mxfp4",
}


class SizingError(ValueError):
    """The model directory or an argument cannot be sized; the message names the file, the field and the fix."""


# The largest value a config.json's size field may hold: vLLM keeps these in 32-bit integers, and a larger one
# (10**30 layers, a 400-digit vocab_size) printed a weight size of 10**29 GiB or was an OverflowError traceback
MAX_CONFIG_INTEGER = 2**31 - 1


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
    quantization: str  # bf16 | fp16 | fp32 | fp8 | int8 | awq | gptq | int4 | nvfp4 | mxfp4 | <other method>
    weight_bytes: int
    weight_source: str  # "safetensors index" | "safetensors files" | ... | "estimated from config.json ..."
    sliding_window_layers: int = 0
    sliding_window: int | None = None
    max_position_embeddings: int | None = None
    num_experts: int = 0
    moe_intermediate: int = 0
    kv_lora_rank: int | None = None  # MLA (DeepSeek): one compressed latent per token and layer
    qk_rope_head_dim: int = 0
    config_path: str = ""
    longest_context: int | None = None  # the longest --max-model-len vLLM takes (serving.context.ModelLength)
    context_where: str = ""  # the config fields that length comes from

    @property
    def full_attention_layers(self) -> int:
        return self.layers - self.sliding_window_layers

    @property
    def params_estimate(self) -> int:
        """Parameters from the config: attention + (gated) MLP or experts per layer, embeddings, lm_head."""
        return self.linear_params_estimate + self.embedding_params_estimate

    @property
    def embedding_params_estimate(self) -> int:
        return self.vocab * self.hidden * (1 if self.tied_embeddings else 2)

    @property
    def linear_params_estimate(self) -> int:
        q_width = self.heads * self.head_dim
        kv_width = self.kv_heads * self.head_dim
        attention = self.hidden * q_width * 2 + self.hidden * kv_width * 2  # q, o; k, v
        if self.num_experts:
            mlp = self.num_experts * 3 * self.hidden * (self.moe_intermediate or self.intermediate)
            mlp += self.hidden * self.num_experts  # router
        else:
            mlp = 3 * self.hidden * self.intermediate  # gate, up, down
        return self.layers * (attention + mlp)

    def kv_heads_per_gpu(self, tp: int = 1) -> int:
        """KV heads one GPU stores: kv_heads / tp, or one (replicated) when there are fewer KV heads than GPUs."""
        if self.kv_lora_rank is not None:
            return 1  # MLA's latent is not split by tensor parallelism; every GPU keeps all of it
        return max(1, self.kv_heads // tp)

    def kv_bytes_per_token(self, kv_dtype_bytes: float = 2.0, tp: int = 1) -> int:
        """KV cache bytes per token on one GPU (tp=1: the whole model): layers x KV heads x head dim x 2 x bytes."""
        if self.kv_lora_rank is not None:
            return int(self.layers * (self.kv_lora_rank + self.qk_rope_head_dim) * kv_dtype_bytes)
        return int(self.layers * self.kv_heads_per_gpu(tp) * self.head_dim * 2 * kv_dtype_bytes)

    def tp_problem(self, tp: int) -> str | None:
        """Why vLLM would refuse this tensor-parallel size, or None."""
        if tp < 1:
            return "tensor-parallel size must be >= 1"
        if self.heads % tp:
            return f"{self.heads} attention heads are not divisible by TP {tp}"
        if self.kv_lora_rank is None:
            if self.kv_heads >= tp and self.kv_heads % tp:
                return f"{self.kv_heads} KV heads are not divisible by TP {tp}"
            if self.kv_heads < tp and tp % self.kv_heads:
                return f"TP {tp} is not a multiple of {self.kv_heads} KV heads"
        return None


def precision_of(
    config: dict[str, Any], dtype: str | None = None, quantization: str | None = None, source: str = "config.json"
) -> str:
    """The weights' precision label: an explicit --quantization, else config.json's quantization_config,
    else --dtype, else config.json's torch_dtype / dtype (bf16 when absent)."""
    if quantization:
        key = quantization.lower()
        if key not in QUANTIZATION_NAMES:
            raise SizingError(f"unknown --quantization {quantization!r}. Fix: use one of {sorted(QUANTIZATION_NAMES)}")
        return QUANTIZATION_NAMES[key]
    q = config.get("quantization_config")
    if isinstance(q, dict) and q:
        return _precision_from_quantization_config(q)
    if dtype and dtype.lower() != "auto":
        name = dtype.lower()
        if name not in DTYPE_NAMES:
            raise SizingError(f"unknown --dtype {name!r}. Fix: use bfloat16, float16 or float32")
        return DTYPE_NAMES[name]
    return _config_precision(config, source)


def _config_precision(config: dict[str, Any], source: str) -> str:
    """The precision config.json's torch_dtype (or dtype) names, bf16 when absent. One it does not name was
    reported as an unknown --dtype - an option the user had not given."""
    key = "torch_dtype" if config.get("torch_dtype") else "dtype"
    value = config.get(key) or "bfloat16"
    name = value.lower() if isinstance(value, str) else ""
    if name not in DTYPE_NAMES:
        raise SizingError(
            f"{source}: field '{key}' is {shown(value, 40)}, not a dtype. Fix: use the model's own config.json "
            "(torch_dtype: bfloat16, float16 or float32)"
        )
    return DTYPE_NAMES[name]


def _check_quantization_config(q: Any, field: str) -> None:
    """A quantization_config that is not an object, or whose fields cannot be read (`bits: "x"`, `config_groups:
    []`), is refused: the model was sized as 16-bit weights without a word, or it was a traceback."""
    fix = "Fix: use the model's own config.json (its quantization_config says how the checkpoint is stored)"
    if q is not None and not isinstance(q, dict):
        raise SizingError(f"{field} is {type(q).__name__}, not an object. {fix}")
    if not q:
        return
    try:
        _precision_from_quantization_config(q)
    except (TypeError, ValueError, AttributeError) as exc:
        raise SizingError(
            f"{field} cannot be read ({type(exc).__name__}: {shown(str(exc), 80)[1:-1]}). {fix}"
        ) from None


def _precision_from_quantization_config(q: dict[str, Any]) -> str:
    method = str(q.get("quant_method", "")).lower()
    algo = str(q.get("quant_algo", "")).lower()
    if "fp4" in algo or "fp4" in method:
        return "mxfp4" if "mx" in (algo + method) else "nvfp4"
    if method in ("awq", "awq_marlin", "gptq", "gptq_marlin"):
        bits = q.get("bits", q.get("w_bit", 4))
        return {8: "int8"}.get(int(bits), "awq" if method.startswith("awq") else "gptq")
    if method == "compressed-tensors":
        return _compressed_tensors_precision(q)
    if method == "bitsandbytes":
        return "int8" if q.get("load_in_8bit") else "int4"
    if "fp8" in method or "fp8" in algo or method == "modelopt":
        return "fp8"
    if "int4" in algo or "w4a" in algo:
        return "int4"
    return method or "unknown"


def _compressed_tensors_precision(q: dict[str, Any]) -> str:
    if "nvfp4" in str(q.get("format", "")).lower():
        return "nvfp4"
    for group in (q.get("config_groups") or {}).values():
        weights = (group or {}).get("weights") or {}
        bits, kind = weights.get("num_bits"), str(weights.get("type", "int")).lower()
        if bits == 8:
            return "fp8" if kind == "float" else "int8"
        if bits == 4:
            return "nvfp4" if kind == "float" else "int4"
    return "compressed-tensors"


def read_model(path: str | Path, dtype: str | None = None, quantization: str | None = None) -> ModelShape:
    """Read MODEL_DIR/config.json and the weight size. Raises SizingError (one line, with the fix)."""
    folder = Path(path).expanduser()
    config_path = folder / "config.json"
    if not folder.is_dir():
        if folder.is_file():  # the config.json or a weights file itself
            raise SizingError(f"{folder}: is a file. Fix: pass the model directory that holds it: {folder.parent}")
        if folder.exists():  # a FIFO or a device: "no such model directory" sent the user looking for a typo
            raise SizingError(
                f"{folder}: is not a folder (a FIFO or a device). Fix: pass a local model directory (with config.json)"
            )
        raise SizingError(f"{folder}: no such model directory. Fix: pass a local model directory (with config.json)")
    if not config_path.is_file():
        what = "is a folder, not a file" if config_path.is_dir() else "is not a regular file (a FIFO or a device)"
        if not config_path.exists():
            from ..serving.models import folder_kind

            kind = folder_kind(folder)  # an adapter, a tokenizer alone: what it is, and the fix for it
            if kind is not None:
                raise SizingError(f"{folder}: {kind}")
            what = "missing"
        raise SizingError(f"{config_path}: {what}. Fix: pass a Hugging Face model directory (with config.json)")
    try:
        config = json.loads(config_path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:  # a GBK or UTF-16 file: "not valid JSON" sent the reader to its brackets
        from ..textfiles import not_utf8

        raise SizingError(f"{config_path}: {not_utf8(exc)}. Fix: save it as UTF-8, or re-download the file") from None
    except (json.JSONDecodeError, RecursionError) as exc:
        where = f" (line {exc.lineno})" if isinstance(exc, json.JSONDecodeError) else ""
        raise SizingError(f"{config_path}: not valid JSON{where}. Fix: repair or re-download the file") from None
    except OSError as exc:
        raise SizingError(f"{config_path}: cannot read ({exc.strerror}). Fix: make it readable") from None
    if not isinstance(config, dict):
        raise SizingError(f"{config_path}: not a JSON object. Fix: use the model's own config.json")
    text = config.get("text_config") or config.get("llm_config") or config.get("language_config") or config
    if not isinstance(text, dict):
        raise SizingError(f"{config_path}: 'text_config' is not an object. Fix: use the model's own config.json")
    merged = {**config, **text}  # the language model's values win

    where = "text_config." if text is not config else ""

    def integer(*names: str, default: int | None = None) -> int:
        for key in names:
            value = merged.get(key)
            if isinstance(value, int) and not isinstance(value, bool) and value > MAX_CONFIG_INTEGER:
                raise SizingError(
                    f"{config_path}: field '{where}{key}' is {shown(value, 40)}, more than any model has (at most "
                    f"{MAX_CONFIG_INTEGER}). Fix: use the model's own config.json"
                )
            if isinstance(value, int) and not isinstance(value, bool) and value > 0:
                return value
        if default is not None:
            return default
        raise SizingError(
            f"{config_path}: field '{where}{names[0]}' missing or not a positive integer. "
            "Fix: use the model's own config.json"
        )

    layers = integer("num_hidden_layers", "n_layer", "num_layers")
    hidden = integer("hidden_size", "n_embd", "d_model")
    heads = integer("num_attention_heads", "n_head")
    kv_heads = integer("num_key_value_heads", "num_kv_heads", default=heads)
    if kv_heads > heads or heads % kv_heads:  # each KV head serves a whole group of query heads (GQA)
        raise SizingError(
            f"{config_path}: {kv_heads} KV heads ('{where}num_key_value_heads') do not divide {heads} attention heads "
            f"('{where}num_attention_heads'). Fix: use the model's own config.json"
        )
    if "head_dim" not in merged and hidden < heads:  # the default head dim, hidden // heads, would be 0
        raise SizingError(
            f"{config_path}: {heads} attention heads ('{where}num_attention_heads') are more than hidden_size "
            f"{hidden}, and no '{where}head_dim' is given. Fix: use the model's own config.json"
        )
    head_dim = integer("head_dim", default=hidden // heads)
    tied = merged.get("tie_word_embeddings", False)
    if not isinstance(tied, bool):  # "false" as text was read as true: the embeddings counted once
        raise SizingError(
            f"{config_path}: field '{where}tie_word_embeddings' is {shown(tied, 40)}, not true or false. Fix: write "
            "true or false (no quotes)"
        )
    intermediate = integer("intermediate_size", "ffn_dim", "n_inner", default=4 * hidden)
    vocab = integer("vocab_size")
    _check_quantization_config(merged.get("quantization_config"), f"{config_path}: field '{where}quantization_config'")
    precision = precision_of(merged, dtype, quantization, str(config_path))
    layer_types = merged.get("layer_types") or []
    sliding = sum(1 for kind in layer_types if "sliding" in str(kind)) if isinstance(layer_types, list) else 0
    window = merged.get("sliding_window")
    mla_rank = merged.get("kv_lora_rank")
    integer("max_position_embeddings", "n_positions", default=0)  # a 10**30 length is refused, naming the field
    known = config_length(config, str(config_path))  # read as the plugin's checks read it (the smallest field, RoPE)
    shape = ModelShape(
        name=folder.resolve().name,
        layers=layers,
        hidden=hidden,
        heads=heads,
        kv_heads=kv_heads,
        head_dim=head_dim,
        intermediate=intermediate,
        vocab=vocab,
        tied_embeddings=tied,
        quantization=precision,
        weight_bytes=0,
        weight_source="",
        sliding_window_layers=sliding if isinstance(window, int) and window > 0 else 0,
        sliding_window=window if isinstance(window, int) and window > 0 and sliding else None,
        max_position_embeddings=known.length if known is not None else None,
        num_experts=integer("num_experts", "num_local_experts", "n_routed_experts", default=0),
        moe_intermediate=integer("moe_intermediate_size", default=0),
        kv_lora_rank=mla_rank if isinstance(mla_rank, int) and mla_rank > 0 else None,
        qk_rope_head_dim=integer("qk_rope_head_dim", default=0),
        config_path=str(config_path),
        longest_context=known.longest if known is not None else None,
        context_where=known.where if known is not None else "",
    )
    checkpoint = precision_of(merged, source=str(config_path))
    total, source = _checkpoint_bytes(folder)
    if total and (checkpoint == precision or (precision in UNQUANTISED and checkpoint in UNQUANTISED)):
        if precision != checkpoint:  # --dtype casts an unquantised checkpoint at load time
            total = int(total * BYTES_PER_PARAM[precision] / BYTES_PER_PARAM[checkpoint])
            source += f" x {BYTES_PER_PARAM[precision]:g}/{BYTES_PER_PARAM[checkpoint]:g} ({checkpoint} -> {precision})"
        return replace(shape, weight_bytes=total, weight_source=source)
    return replace(shape, **_estimated_weights(shape, config_path, total, checkpoint))


def _checkpoint_bytes(folder: Path) -> tuple[int, str]:
    index = folder / "model.safetensors.index.json"
    if index.is_file():
        try:
            total = int(json.loads(index.read_text(encoding="utf-8"))["metadata"]["total_size"])
            if total > 0:
                return total, "safetensors index"
        except (KeyError, TypeError, ValueError, RecursionError, OSError):
            pass  # a broken index: fall back to the files
    files = sorted(folder.glob("*.safetensors"))
    if files:
        _refuse_lfs_pointers(files)
        return sum(f.stat().st_size for f in files), "safetensors files"
    bins = sorted(folder.glob("pytorch_model*.bin"))
    if bins:
        _refuse_lfs_pointers(bins)
        return sum(f.stat().st_size for f in bins), "pytorch .bin files"
    return 0, ""


LFS_POINTER = b"version https://git-lfs"


def _refuse_lfs_pointers(files: list[Path]) -> None:
    """A weights file that is a Git LFS pointer (a clone without `git lfs pull`): its ~130 bytes were summed as the
    weights, and a 16 GB model 'fit' any GPU with 0.00 GiB of weights."""
    for file in files:
        try:
            if file.stat().st_size < 1024 and file.read_bytes().startswith(LFS_POINTER):
                raise SizingError(
                    f"{file}: a Git LFS pointer, not the weights. Fix: fetch them (git lfs pull in the model "
                    "directory, or download the model again)"
                )
        except OSError:
            continue


def _estimated_weights(shape: ModelShape, config_path: Path, on_disk: int, checkpoint: str) -> dict[str, Any]:
    per_param = BYTES_PER_PARAM.get(shape.quantization)
    if per_param is None:
        raise SizingError(
            f"{config_path}: precision {shape.quantization!r} has no known size and no weights were found. "
            f"Fix: pass --quantization (one of {sorted(QUANTIZATION_NAMES)}) or --dtype"
        )
    embed_bytes = 2.0 if shape.quantization not in UNQUANTISED else per_param  # quantised: embeddings stay 16-bit
    total = shape.linear_params_estimate * per_param + shape.embedding_params_estimate * embed_bytes
    why = f"{shape.params_estimate / 1e9:.2f}e9 parameters, {shape.quantization} {per_param:g} B/param"
    if shape.quantization not in UNQUANTISED:
        why += " (embeddings 2 B)"
    if on_disk:
        why += f"; the {checkpoint} checkpoint on disk is quantised at load time"
    return {"weight_bytes": int(math.ceil(total)), "weight_source": f"estimated from config.json: {why}"}
