"""A model's shape from its directory: config.json (the language model's part of a multimodal one) and the
real weight size: the safetensors index's `metadata.total_size`, else the *.safetensors files, else
parameters estimated from the config x bytes per parameter.

Each size field is a whole number above 0 (4096.0 read as 4096) or refused by name (NaN, "32", 0, 4096.5); a
text_config that leaves transformers' defaults out (LLaVA) is read with them, and said so; an encoder (BERT,
XLM-RoBERTa) is marked as one: no KV cache."""

from __future__ import annotations

import json
import math
import stat
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..serving.context import LENGTH_KEYS, config_length
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
    "int3": 0.395,  # GPTQ 3-bit: 3 bits + a 16-bit scale and a 3-bit zero point per group of 128
    "int2": 0.27,  # 2 bits + the same per-group scale and zero point
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
    encoder: bool = False  # BERT, XLM-RoBERTa, ...: attends over a request once, keeps no KV cache
    kind: str = ""  # what the model is when it is no chat model ("an encoder (BertModel, model_type bert) ...")
    notes: tuple[str, ...] = ()  # what the estimate assumed (a dtype, transformers' defaults for missing fields)
    gated_mlp: bool = True  # gate, up and down projections; BERT-style encoders have up and down only

    @property
    def full_attention_layers(self) -> int:
        return self.layers - self.sliding_window_layers

    @property
    def params_estimate(self) -> int:
        """Parameters from the config: attention + (gated) MLP or experts per layer, embeddings, lm_head."""
        return self.linear_params_estimate + self.embedding_params_estimate

    @property
    def embedding_params_estimate(self) -> int:
        return self.vocab * self.hidden * (1 if self.tied_embeddings or self.encoder else 2)

    @property
    def linear_params_estimate(self) -> int:
        q_width = self.heads * self.head_dim
        kv_width = self.kv_heads * self.head_dim
        attention = self.hidden * q_width * 2 + self.hidden * kv_width * 2  # q, o; k, v
        if self.num_experts:
            mlp = self.num_experts * 3 * self.hidden * (self.moe_intermediate or self.intermediate)
            mlp += self.hidden * self.num_experts  # router
        else:
            mlp = (3 if self.gated_mlp else 2) * self.hidden * self.intermediate  # gate, up, down (BERT: up, down)
        return self.layers * (attention + mlp)

    def kv_heads_per_gpu(self, tp: int = 1) -> int:
        """KV heads one GPU stores: kv_heads / tp, or one (replicated) when there are fewer KV heads than GPUs."""
        if self.kv_lora_rank is not None:
            return 1  # MLA's latent is not split by tensor parallelism; every GPU keeps all of it
        return max(1, self.kv_heads // tp)

    def kv_bytes_per_token(self, kv_dtype_bytes: float = 2.0, tp: int = 1) -> int:
        """KV cache bytes per token on one GPU (tp=1: the whole model): layers x KV heads x head dim x 2 x bytes;
        0 for an encoder, which keeps none."""
        if self.encoder:
            return 0
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
    value = _config_dtype(config) or "bfloat16"  # vLLM's --dtype auto on a config naming none (or "auto"): bf16
    name = value.lower() if isinstance(value, str) else ""
    if name not in DTYPE_NAMES:
        raise SizingError(
            f"{source}: field '{key}' is {shown(value, 40)}, not a dtype. Fix: use the model's own config.json "
            "(torch_dtype: bfloat16, float16 or float32)"
        )
    return DTYPE_NAMES[name]


def _config_dtype(config: dict[str, Any]) -> Any:
    """The dtype config.json names (torch_dtype, else Transformers 5's dtype); None when it names none or 'auto'."""
    value = config.get("torch_dtype") or config.get("dtype")
    return None if value is None or (isinstance(value, str) and value.strip().lower() == "auto") else value


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
    except SizingError as exc:  # the method's own words ("bits is 5, but ..."), after the file and the field
        raise SizingError(f"{field} cannot be read: {exc}") from None
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
        return _bits_precision(q, "awq" if method.startswith("awq") else "gptq")
    if method == "compressed-tensors":
        return _compressed_tensors_precision(q)
    if method == "bitsandbytes":
        return "int8" if q.get("load_in_8bit") else "int4"
    if "fp8" in method or "fp8" in algo or method == "modelopt":
        return "fp8"
    if "int4" in algo or "w4a" in algo:
        return "int4"
    return method or "unknown"


def _bits_precision(q: dict[str, Any], method: str) -> str:
    """AWQ's / GPTQ's weights by their `bits` (or `w_bit`): 3-bit GPTQ was sized as 4-bit, and `bits: 5` too."""
    key = "bits" if "bits" in q else "w_bit"
    bits = q.get(key, 4)
    if isinstance(bits, str) and bits.strip().isdigit():
        bits = int(bits)
    if isinstance(bits, bool) or bits not in (2, 3, 4, 8):
        raise SizingError(
            f"{key} is {shown(bits, 20)}, but {method.upper()} stores weights in 2, 3, 4 or 8 bits. "
            "Fix: use the model's own config.json"
        )
    return {8: "int8", 3: "int3", 2: "int2"}.get(int(bits), method)


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


UTF8_BOM = b"\xef\xbb\xbf"
CONFIG_LIMIT = 16 * 2**20  # a model's config.json is kilobytes; a larger file is something else


def _read_config(config_path: Path) -> dict[str, Any]:
    """config.json as an object, or SizingError naming what is wrong with the file and the fix."""
    try:
        if config_path.stat().st_size > CONFIG_LIMIT:
            raise SizingError(
                f"{config_path}: {config_path.stat().st_size / 2**20:,.1f} MiB, no model's config.json. Fix: use the "
                "model's own config.json (a few KiB)"
            )
        raw = config_path.read_bytes()
    except OSError as exc:
        raise SizingError(f"{config_path}: cannot read ({exc.strerror}). Fix: make it readable") from None
    if raw.startswith(UTF8_BOM):  # transformers reads config.json as plain UTF-8: vLLM stops on the mark
        raise SizingError(
            f"{config_path}: starts with a UTF-8 byte order mark, which transformers (and so vLLM) cannot read: the "
            f"server would not start. Fix: remove it: sed -i '1s/^\\xEF\\xBB\\xBF//' {_quoted(config_path)}"
        )
    try:
        config = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:  # a GBK or UTF-16 file: "not valid JSON" sent the reader to its brackets
        from ..textfiles import encoding_hint, not_utf8, recode_fix

        raise SizingError(
            f"{config_path}: {not_utf8(exc)}{encoding_hint(raw)}. Fix: {recode_fix(raw, config_path)}, or "
            "re-download the file"
        ) from None
    except (json.JSONDecodeError, RecursionError) as exc:
        where = f" (line {exc.lineno})" if isinstance(exc, json.JSONDecodeError) else ""
        raise SizingError(f"{config_path}: not valid JSON{where}. Fix: repair or re-download the file") from None
    if not isinstance(config, dict):
        names = {
            "list": "a JSON list",
            "str": "a JSON string",
            "int": "a number",
            "float": "a number",
            "bool": "true or false",
            "NoneType": "null",
        }
        what = names.get(type(config).__name__, f"JSON {config!r}")
        raise SizingError(
            f'{config_path}: {what}, not an object ({{"num_hidden_layers": ..., ...}}). Fix: use the model\'s own '
            "config.json"
        )
    return config


def _quoted(path: Path) -> str:
    import shlex

    return shlex.quote(str(path))


TEXT_PARTS = ("text_config", "llm_config", "language_config")


def _language_part(config: dict[str, Any], config_path: Path) -> tuple[str, dict[str, Any]]:
    """The name and the object of a multimodal config's language model ("", config for a text model)."""
    for name in TEXT_PARTS:
        part = config.get(name)
        if part is None or part == {}:
            continue
        if not isinstance(part, dict):
            raise SizingError(
                f"{config_path}: field '{name}' is {type(part).__name__}, not an object. Fix: use the model's own "
                "config.json"
            )
        return name, part
    return "", config


# transformers' defaults of the language models a LLaVA-style config names in text_config with only the fields that
# differ from them (llava-1.5: vicuna as "llama" without hidden_size or num_hidden_layers), as transformers fills them
TEXT_DEFAULTS: dict[str, tuple[str, dict[str, int]]] = {
    "llama": (
        "LlamaConfig",
        {
            **{"vocab_size": 32000, "hidden_size": 4096, "intermediate_size": 11008, "num_hidden_layers": 32},
            **{"num_attention_heads": 32, "max_position_embeddings": 2048},
        },
    ),
    "mistral": (
        "MistralConfig",
        {
            **{"vocab_size": 32000, "hidden_size": 4096, "intermediate_size": 14336, "num_hidden_layers": 32},
            **{"num_attention_heads": 32, "num_key_value_heads": 8, "max_position_embeddings": 131072},
        },
    ),
    "qwen2": (
        "Qwen2Config",
        {
            **{"vocab_size": 151936, "hidden_size": 4096, "intermediate_size": 22016, "num_hidden_layers": 32},
            **{"num_attention_heads": 32, "num_key_value_heads": 32, "max_position_embeddings": 32768},
        },
    ),
}


def _text_defaults(text: dict[str, Any]) -> dict[str, int]:
    """The transformers defaults of the fields a text_config leaves out, for a model_type TEXT_DEFAULTS knows."""
    known = TEXT_DEFAULTS.get(str(text.get("model_type", "")).lower())
    if known is None:
        return {}
    return {key: value for key, value in known[1].items() if text.get(key) is None}


def _defaults_note(part: str, text: dict[str, Any], defaults: dict[str, int]) -> str:
    name = TEXT_DEFAULTS[str(text.get("model_type", "")).lower()][0]
    filled = ", ".join(f"{key} {value}" for key, value in defaults.items())
    return f"{part} leaves out {filled}: {name}'s defaults, as transformers (and vLLM) read them"


# the whole-number fields of a config this estimate reads; an integral float in one ("hidden_size": 4096.0, as some
# converters write them) is taken as the whole number it is; 4096.5, 0.0, -1.0, NaN and true are still refused
WHOLE_NUMBER_FIELDS = frozenset(
    {
        *("num_hidden_layers", "n_layer", "num_layers", "n_layers", "hidden_size", "n_embd", "d_model", "dim"),
        *("num_attention_heads", "n_head", "n_heads", "num_key_value_heads", "num_kv_heads", "head_dim"),
        *("intermediate_size", "ffn_dim", "n_inner", "hidden_dim", "vocab_size", "num_experts", "num_local_experts"),
        *("n_routed_experts", "moe_intermediate_size", "qk_rope_head_dim", "kv_lora_rank", "sliding_window"),
        *LENGTH_KEYS,
        "model_max_length",
    }
)


def whole_numbers(config: dict[str, Any]) -> dict[str, Any]:
    """`config` with each integral float of a WHOLE_NUMBER_FIELDS field above 0 (at the top or in a part such as
    text_config) as an int: 4096.0 is 4096. A float that is no whole number (4096.5), 0.0 or below, NaN or infinite
    is left as it is, for the field's check to refuse by name."""

    def whole(key: str, value: Any) -> Any:
        if (
            key in WHOLE_NUMBER_FIELDS
            and isinstance(value, float)
            and value.is_integer()
            and 0 < value <= MAX_CONFIG_INTEGER
        ):
            return int(value)
        return value

    return {
        key: {k: whole(k, v) for k, v in value.items()} if isinstance(value, dict) else whole(key, value)
        for key, value in config.items()
    }


class _Fields:
    """The size fields of a config: a whole number above 0 or refused, naming the field, its value and the fix.
    "32" as text, NaN, 0 or -1 were each "missing or not a positive integer" - or, in a field with a default
    (num_key_value_heads "8"), the default in silence: a 4x KV cache."""

    def __init__(self, merged: dict[str, Any], config_path: Path, prefix: str, in_part: set[str]) -> None:
        self.merged, self.config_path, self.prefix, self.in_part = merged, config_path, prefix, in_part

    def name(self, key: str) -> str:
        return f"{self.prefix}{key}" if key in self.in_part else key

    def integer(self, *names: str, default: int | None = None) -> int:
        for key in names:
            value = self.merged.get(key)
            if value is None or (default is not None and value == 0 and not isinstance(value, bool)):
                continue  # null (Mistral's head_dim) or 0 (num_experts of a dense model): the default
            if isinstance(value, int) and not isinstance(value, bool) and 0 < value <= MAX_CONFIG_INTEGER:
                return value
            raise SizingError(self._problem(key, value))
        if default is not None:
            return default
        return self._missing(names)

    def _missing(self, names: tuple[str, ...]) -> int:
        part = f", or add it to {self.prefix[:-1]} (the language model's value, from its base model's config.json)"
        raise SizingError(
            f"{self.config_path}: field '{self.prefix}{names[0]}' missing or not a positive integer. Fix: use the "
            f"model's own config.json{part if self.prefix else ''}"
        )

    def _problem(self, key: str, value: Any) -> str:
        field = f"{self.config_path}: field '{self.name(key)}' is {shown(value, 40)}"
        fix = "Fix: use the model's own config.json (re-download it)"
        if isinstance(value, str) and value.strip().lstrip("+").isdigit() and int(value) > 0:
            return f"{field}, text, not a number. Fix: write {int(value)} without quotes"
        if isinstance(value, float) and not math.isfinite(value):  # as JSON writes it, not Python's nan / inf
            written = "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
            return f"{self.config_path}: field '{self.name(key)}' is {written}, not a number a model has. {fix}"
        if isinstance(value, (int, float)) and not isinstance(value, bool) and value > MAX_CONFIG_INTEGER:
            return f"{field}, more than any model has (at most {MAX_CONFIG_INTEGER}). {fix}"
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return f"{field}: it must be a whole number of 1 or more. {fix}"
        return f"{field}, not a whole number. {fix}"


# text encoders: sized as weights + activations (vLLM keeps no KV cache for them); other chatless model types
# (speech, images) are refused: this estimate knows text models only
TEXT_ENCODER_TYPES = frozenset(
    {
        *("bert", "roberta", "xlm-roberta", "distilbert", "deberta", "deberta-v2", "electra", "albert", "mpnet"),
        *("camembert", "modernbert", "nomic_bert", "jina_bert", "new", "ernie", "megatron-bert"),
    }
)
GATED_ENCODER_TYPES = frozenset({"modernbert"})  # GeGLU: a gated MLP like a decoder's
OTHER_ENCODER_TYPES = frozenset({"clip", "siglip", "siglip2", "whisper", "wav2vec2", "hubert", "vit", "clap"})


@dataclass(frozen=True)
class _Kind:
    encoder: bool = False
    words: str = ""  # what the model is, when it is no chat model
    note: str = ""


def _model_kind(config: dict[str, Any], config_path: Path) -> _Kind:
    """Encoder, chatless decoder (a reward model, a classifier head) or chat model, from model_type and
    architectures. A BERT or a reranker was sized as a chat model with a KV cache it does not keep."""
    from ..serving.models import CHATLESS_HEADS

    model_type = str(config.get("model_type") or "").lower()
    architectures = config.get("architectures")
    names = [a for a in architectures if isinstance(a, str)] if isinstance(architectures, list) else []
    shown_names = ", ".join(names) or "no architectures"
    if model_type in OTHER_ENCODER_TYPES:
        raise SizingError(
            f"{config_path}: model_type {model_type} ({shown_names}) is a speech or image model, not a text model: "
            "this command sizes text models (chat models and text encoders). Fix: size a text model's folder, and "
            "leave this one to vLLM's own start-up log"
        )
    if model_type in TEXT_ENCODER_TYPES:
        words = f"an encoder ({shown_names}, model_type {model_type})"
        return _Kind(
            True,
            words,
            f"{words}: served for embeddings or scores, not for chat; no KV cache (each request is one pass), so the "
            "memory is weights + activations",
        )
    if names and all(name.endswith(CHATLESS_HEADS) for name in names):
        words = f"a classifier ({shown_names})"
        return _Kind(False, words, f"{words}: served for scores, not for chat; sized as a decoder with its KV cache")
    return _Kind()


def read_model(path: str | Path, dtype: str | None = None, quantization: str | None = None) -> ModelShape:
    """Read MODEL_DIR/config.json and the weight size. Raises SizingError (one line, with the fix)."""
    from .folders import broken_link, folder_of_models, path_problem

    folder = Path(path).expanduser()
    config_path = folder / "config.json"
    problem = path_problem(folder) or broken_link(config_path)
    if problem is not None:
        raise SizingError(problem)
    if not config_path.is_file():
        what = "is a folder, not a file" if config_path.is_dir() else "is not a regular file (a FIFO or a device)"
        if not config_path.exists():
            from ..serving.models import folder_kind

            kind = folder_kind(folder)  # an adapter, a tokenizer alone: what it is, and the fix for it
            if kind is not None:
                raise SizingError(f"{folder}: {kind}")
            models = folder_of_models(folder)  # ~/models with Qwen3-8B/ and Qwen3-14B/ inside
            if models is not None:
                raise SizingError(models)
            what = "missing"
        raise SizingError(f"{config_path}: {what}. Fix: pass a Hugging Face model directory (with config.json)")
    config = whole_numbers(_read_config(config_path))
    part, text = _language_part(config, config_path)
    defaults = _text_defaults(text) if part else {}
    merged = {**config, **defaults, **text}  # the language model's values win
    fields = _Fields(merged, config_path, f"{part}." if part else "", set(text) if part else set())
    model_kind = _model_kind(config, config_path)

    layers = fields.integer("num_hidden_layers", "n_layer", "num_layers", "n_layers")
    hidden = fields.integer("hidden_size", "n_embd", "d_model", "dim")
    heads = fields.integer("num_attention_heads", "n_head", "n_heads")
    kv_heads = fields.integer("num_key_value_heads", "num_kv_heads", default=heads)
    where = fields.prefix
    if kv_heads > heads or heads % kv_heads:  # each KV head serves a whole group of query heads (GQA)
        raise SizingError(
            f"{config_path}: {kv_heads} KV heads ('{where}num_key_value_heads') do not divide {heads} attention heads "
            f"('{where}num_attention_heads'). Fix: use the model's own config.json"
        )
    if merged.get("head_dim") is None and hidden < heads:  # the default head dim, hidden // heads, would be 0
        raise SizingError(
            f"{config_path}: {heads} attention heads ('{where}num_attention_heads') are more than hidden_size "
            f"{hidden}, and no '{where}head_dim' is given. Fix: use the model's own config.json"
        )
    head_dim = fields.integer("head_dim", default=hidden // heads)
    tied = merged.get("tie_word_embeddings", model_kind.encoder)  # an encoder has no lm_head: its embeddings count once
    if not isinstance(tied, bool):  # "false" as text was read as true: the embeddings counted once
        raise SizingError(
            f"{config_path}: field '{where}tie_word_embeddings' is {shown(tied, 40)}, not true or false. Fix: write "
            "true or false (no quotes)"
        )
    intermediate = fields.integer("intermediate_size", "ffn_dim", "n_inner", "hidden_dim", default=4 * hidden)
    vocab = fields.integer("vocab_size")
    _check_quantization_config(merged.get("quantization_config"), f"{config_path}: field '{where}quantization_config'")
    precision = precision_of(merged, dtype, quantization, str(config_path))
    layer_types = merged.get("layer_types") or []
    sliding = sum(1 for kind in layer_types if "sliding" in str(kind)) if isinstance(layer_types, list) else 0
    window = merged.get("sliding_window")
    mla_rank = merged.get("kv_lora_rank")
    fields.integer("max_position_embeddings", "n_positions", default=0)  # a 10**30 length is refused, naming it
    known = config_length({**config, **({part: {**defaults, **text}} if part else {})}, str(config_path))
    notes = [model_kind.note] if model_kind.note else []
    if defaults:
        notes.append(_defaults_note(part, text, defaults))
    if not (dtype or quantization or merged.get("quantization_config")) and _config_dtype(merged) is None:
        notes.append("config.json names no torch_dtype (or 'auto'): bf16 assumed, as vLLM's --dtype auto does")
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
        num_experts=fields.integer("num_experts", "num_local_experts", "n_routed_experts", default=0),
        moe_intermediate=fields.integer("moe_intermediate_size", default=0),
        kv_lora_rank=mla_rank if isinstance(mla_rank, int) and mla_rank > 0 else None,
        qk_rope_head_dim=fields.integer("qk_rope_head_dim", default=0),
        config_path=str(config_path),
        longest_context=known.longest if known is not None else None,
        context_where=known.where if known is not None else "",
        encoder=model_kind.encoder,
        kind=model_kind.words,
        gated_mlp=not model_kind.encoder or str(config.get("model_type")).lower() in GATED_ENCODER_TYPES,
        notes=tuple(notes),
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
            total = int(json.loads(index.read_text(encoding="utf-8-sig"))["metadata"]["total_size"])
            if total > 0:
                return total, "safetensors index"
        except (KeyError, TypeError, ValueError, RecursionError, OSError):
            pass  # a broken index: fall back to the files
    for pattern, source in (("*.safetensors", "safetensors files"), ("pytorch_model*.bin", "pytorch .bin files")):
        files = _weight_files(folder, pattern)
        if files:
            _refuse_lfs_pointers(files)
            return sum(size for _, size in files), source
    return 0, ""


def _weight_files(folder: Path, pattern: str) -> list[tuple[Path, int]]:
    """The regular files matching `pattern` with their sizes. A shard that is a link to a deleted blob was a
    FileNotFoundError traceback; a FIFO named model.safetensors hung the LFS check's read."""
    from .folders import broken_link

    files = []
    for file in sorted(folder.glob(pattern)):
        problem = broken_link(file)
        if problem is not None:
            raise SizingError(problem)
        try:
            info = file.stat()
        except OSError as exc:
            raise SizingError(f"{file}: cannot read ({exc.strerror}). Fix: make it readable") from None
        if stat.S_ISREG(info.st_mode):
            files.append((file, info.st_size))
    return files


LFS_POINTER = b"version https://git-lfs"


def _refuse_lfs_pointers(files: list[tuple[Path, int]]) -> None:
    """A weights file that is a Git LFS pointer (a clone without `git lfs pull`): its ~130 bytes were summed as the
    weights, and a 16 GB model 'fit' any GPU with 0.00 GiB of weights."""
    for file, size in files:
        try:
            if size < 1024 and file.read_bytes().startswith(LFS_POINTER):
                raise SizingError(
                    f"{file}: a Git LFS pointer, not the weights. Fix: fetch them (git lfs pull in the model "
                    "directory, or download the model again)"
                )
        except OSError:
            continue


def _estimated_weights(shape: ModelShape, config_path: Path, on_disk: int, checkpoint: str) -> dict[str, Any]:
    per_param = BYTES_PER_PARAM.get(shape.quantization)
    if per_param is None:
        method = shape.quantization
        named = (
            "names no quant_method"
            if method in ("none", "unknown", "")
            else f"names quant_method {method!r}, whose bytes per weight this estimate does not know"
        )
        raise SizingError(
            f"{config_path}: field 'quantization_config' {named}: precision {method!r} has no known size and no "
            "weights were found in the folder to measure. "
            f"Fix: pass --quantization (one of {sorted(QUANTIZATION_NAMES)}) "
            "or --dtype, or download the weights (*.safetensors: their size is used)"
        )
    embed_bytes = 2.0 if shape.quantization not in UNQUANTISED else per_param  # quantised: embeddings stay 16-bit
    total = shape.linear_params_estimate * per_param + shape.embedding_params_estimate * embed_bytes
    why = f"{shape.params_estimate / 1e9:.2f}e9 parameters, {shape.quantization} {per_param:g} B/param"
    if shape.quantization not in UNQUANTISED:
        why += " (embeddings 2 B)"
    if on_disk:
        why += f"; the {checkpoint} checkpoint on disk is quantised at load time"
    return {"weight_bytes": int(math.ceil(total)), "weight_source": f"estimated from config.json: {why}"}
