"""The arithmetic: weights per GPU, KV cache per token, the KV budget left, and what that budget buys.

KV bytes per token = layers x KV heads x head dim x 2 (K and V) x bytes per element. With tensor parallel
each GPU keeps kv_heads / tp heads; with fewer KV heads than GPUs each GPU keeps one (replicated) head,
as vLLM does. Budget per GPU = gpu_memory_utilization x GPU memory - weights / tp - a fixed reserve for
activations, CUDA graphs and non-torch memory (RESERVE_GIB; vLLM profiles the real figure at start-up).

Capacity follows vLLM's KV cache manager (vllm/v1/core/kv_cache_utils.py): layers are grouped, the budget
is cut into blocks of `block_size` tokens x the layers of one group, and a max_model_len request needs
cdiv(L, block_size) blocks per full-attention group but only cdiv(min(window - 1 + in-flight tokens, L),
block_size) + 1 per sliding-window group (the hybrid manager frees blocks that fall out of the window).
vLLM logs "KV cache size: N tokens" with N = int(concurrency x max_model_len).
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, TypedDict

from .model_config import ModelShape, SizingError, read_model

GIB = 2**30
RESERVE_GIB = 1.5  # per GPU: activation peak of the profile run + CUDA graphs + non-torch memory


class SchedulerSettings(TypedDict):
    """The vLLM settings the KV capacity depends on besides the budget and max_model_len."""

    block_size: int  # tokens per KV block
    max_num_batched_tokens: int  # tokens one scheduler step may process
    in_flight_batches: int  # steps in flight at once (2 with async scheduling)


# vLLM on a GPU: block size 16, async scheduling on (two batches in flight), 2048 batched tokens for the API
# server (8192 on >= 70 GiB GPUs other than A100; the GPU catalogue carries that).
GPU_DEFAULTS = SchedulerSettings(block_size=16, max_num_batched_tokens=2048, in_flight_batches=2)
# vLLM's CPU build: block size 128 (vllm/platforms/cpu.py), 2048 batched tokens for the API server
# (vllm/engine/arg_utils.py), async scheduling off so one batch in flight.
VLLM_CPU_DEFAULTS = SchedulerSettings(block_size=128, max_num_batched_tokens=2048, in_flight_batches=1)
KV_CACHE_DTYPES: dict[str, float | None] = {
    "auto": None,  # the model's activation dtype: 2 bytes (4 for an fp32 model)
    "bfloat16": 2.0,
    "float16": 2.0,
    "float32": 4.0,
    "fp8": 1.0,
    "fp8_e4m3": 1.0,
    "fp8_e5m2": 1.0,
}


def kv_dtype_bytes(shape: ModelShape, kv_cache_dtype: str = "auto") -> float:
    if kv_cache_dtype not in KV_CACHE_DTYPES:
        raise SizingError(f"unknown --kv-cache-dtype {kv_cache_dtype!r}. Fix: use one of {list(KV_CACHE_DTYPES)}")
    explicit = KV_CACHE_DTYPES[kv_cache_dtype]
    if explicit is not None:
        return explicit
    return 4.0 if shape.quantization == "fp32" else 2.0


def _cdiv(a: int, b: int) -> int:
    return -(-a // b)


@dataclass(frozen=True)
class KVCapacity:
    """What a KV budget (bytes per GPU) holds, counted the way vLLM counts it."""

    tokens: int  # vLLM's "KV cache size: N tokens" (int(max_concurrency x max_model_len))
    max_concurrency: float  # vLLM's "Maximum concurrency for L tokens per request"
    max_model_len: int
    num_blocks: int
    block_size: int
    bytes_per_block: int  # one block of every layer of one KV cache group
    blocks_per_request: int  # blocks a max_model_len request holds, summed over groups
    kv_bytes_per_token: int  # per GPU, all layers
    groups: str  # e.g. "1 full + 5 sliding-window groups of 3 layers"

    @property
    def explanation(self) -> str:
        return (
            f"{self.num_blocks:,} blocks of {self.block_size} tokens x {self.bytes_per_block:,} B ({self.groups}); "
            f"a {self.max_model_len:,}-token request holds {self.blocks_per_request} blocks"
        )

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def kv_capacity_for_budget(
    shape: ModelShape,
    kv_budget_bytes: float,
    max_model_len: int | None = None,
    *,
    tp: int = 1,
    kv_cache_dtype: str = "auto",
    block_size: int = GPU_DEFAULTS["block_size"],
    max_num_batched_tokens: int = GPU_DEFAULTS["max_num_batched_tokens"],
    in_flight_batches: int = GPU_DEFAULTS["in_flight_batches"],
    hybrid: bool = True,
) -> KVCapacity:
    """KV capacity of `kv_budget_bytes` per GPU (what VLLM_CPU_KVCACHE_SPACE or --kv-cache-memory-bytes set).

    max_model_len defaults to the config's max_position_embeddings, as in vLLM. hybrid=False models
    --disable-hybrid-kv-cache-manager: sliding-window layers then keep the whole sequence like full ones.
    """
    if shape.encoder:  # kv_bytes_per_token is 0: a ZeroDivisionError
        raise SizingError(f"{shape.config_path or shape.name}: {shape.kind} keeps no KV cache: there is none to size")
    length = max_model_len or shape.max_position_embeddings
    if not length or length < 1:
        raise SizingError(f"{shape.config_path or shape.name}: no max_position_embeddings. Fix: pass --max-model-len")
    if block_size < 1:
        raise SizingError("block size must be >= 1. Fix: pass a positive --block-size")
    element = kv_dtype_bytes(shape, kv_cache_dtype)
    per_gpu_token = shape.kv_bytes_per_token(element, tp)
    page = block_size * per_gpu_token // shape.layers  # one block of one layer
    sliding = shape.sliding_window_layers if hybrid and shape.sliding_window else 0
    full = shape.layers - sliding
    full_blocks = _cdiv(length, block_size)
    window_blocks = 0
    if sliding:
        window = int(shape.sliding_window or 0)
        window_tokens = min(window - 1 + in_flight_batches * max_num_batched_tokens, length)
        window_blocks = _cdiv(window_tokens, block_size) + 1  # +1: the window need not start at a block boundary
    if not sliding or not full:  # one kind of layer: one group holding every layer
        group_size, groups = shape.layers, "1 group of all layers"
        blocks_per_request = window_blocks if sliding else full_blocks
    else:  # vllm _get_kv_cache_groups_uniform_page_size: groups of the smaller count, padded
        group_size = min(full, sliding)
        if max(full, sliding) < 1.5 * group_size:
            group_size = max(full, sliding)
        full_groups, sliding_groups = _cdiv(full, group_size), _cdiv(sliding, group_size)
        blocks_per_request = full_groups * full_blocks + sliding_groups * window_blocks
        groups = f"{full_groups} full + {sliding_groups} sliding-window groups of {group_size} layers"
    bytes_per_block = group_size * page
    num_blocks = max(0, int(kv_budget_bytes // bytes_per_block))
    concurrency = num_blocks / blocks_per_request
    return KVCapacity(
        tokens=int(concurrency * length),
        max_concurrency=concurrency,
        max_model_len=length,
        num_blocks=num_blocks,
        block_size=block_size,
        bytes_per_block=bytes_per_block,
        blocks_per_request=blocks_per_request,
        kv_bytes_per_token=per_gpu_token,
        groups=groups,
    )


@dataclass(frozen=True)
class Estimate:
    model: str
    gpu: str
    gpu_memory_gib: float
    tp: int
    gpu_memory_utilization: float
    max_model_len: int | None
    max_model_len_source: str  # "--max-model-len" | "config max_position_embeddings" | "none"
    quantization: str
    kv_cache_dtype: str
    weights_gib_total: float
    weights_gib_per_gpu: float
    weight_source: str
    kv_bytes_per_token: int  # whole model (one GPU's worth at TP 1)
    kv_bytes_per_token_per_gpu: int  # after splitting (or replicating) the KV heads over TP GPUs
    reserve_gib: float
    kv_budget_gib_per_gpu: float
    kv_capacity_tokens: int
    max_concurrent_sequences: float | None  # max_model_len sequences at once (vLLM's "Maximum concurrency"), floored
    fits: bool
    reason: str
    kv_layout: str
    kv_cache: bool = True  # False: an encoder (BERT, a reranker), sized as weights + activations
    notes: tuple[str, ...] = ()  # what the model is when no chat model, and what the estimate assumed

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def estimate(
    shape: ModelShape,
    gpu_memory_gib: float,
    tp: int = 1,
    gpu_memory_utilization: float = 0.9,
    max_model_len: int | None = None,
    kv_cache_dtype: str = "auto",
    *,
    gpu: str = "",
    reserve_gib: float = RESERVE_GIB,
    block_size: int = GPU_DEFAULTS["block_size"],
    max_num_batched_tokens: int = GPU_DEFAULTS["max_num_batched_tokens"],
    in_flight_batches: int = GPU_DEFAULTS["in_flight_batches"],
) -> Estimate:
    """Will `shape` fit `tp` GPUs of `gpu_memory_gib` each, with room for max_model_len sequences?"""
    if tp < 1:
        raise SizingError(f"tensor-parallel size {tp} must be >= 1. Fix: pass --tp 1, 2, 4 ...")
    if not 0 < gpu_memory_utilization <= 1:
        raise SizingError(f"gpu_memory_utilization {gpu_memory_utilization} is outside (0, 1]. Fix: pass e.g. 0.9")
    if max_model_len is not None and max_model_len < 1:
        raise SizingError(f"max_model_len {max_model_len} must be >= 1. Fix: pass e.g. --max-model-len 32768")
    element = kv_dtype_bytes(shape, kv_cache_dtype)
    length = max_model_len or shape.max_position_embeddings
    source = "--max-model-len" if max_model_len else ("config max_position_embeddings" if length else "none")
    weights_per_gpu = shape.weight_bytes / tp / GIB
    budget_gib = gpu_memory_utilization * gpu_memory_gib - weights_per_gpu - reserve_gib
    budget = max(budget_gib, 0.0) * GIB
    layout = "-"
    if shape.encoder:  # one pass over each request: no KV cache to hold, nothing to count in tokens
        tokens, concurrency, layout = 0, None, "no KV cache (encoder)"
    elif length:
        capacity = kv_capacity_for_budget(
            shape,
            budget,
            length,
            tp=tp,
            kv_cache_dtype=kv_cache_dtype,
            block_size=block_size,
            max_num_batched_tokens=max_num_batched_tokens,
            in_flight_batches=in_flight_batches,
        )
        tokens, concurrency, layout = capacity.tokens, capacity.max_concurrency, capacity.groups
    else:
        tokens, concurrency = int(budget // shape.kv_bytes_per_token(element, tp)), None
    problem = shape.tp_problem(tp)
    if problem:
        fits, reason = False, f"vLLM refuses: {problem}"
    elif budget_gib <= 0:
        fits, reason = (
            False,
            f"weights {weights_per_gpu:.1f} GiB per GPU + {reserve_gib:g} GiB reserve exceed "
            f"{gpu_memory_utilization:.0%} of {gpu_memory_gib:.1f} GiB",
        )
    elif concurrency is not None and concurrency < 1:  # vLLM refuses to start: not one max_model_len request
        fits, reason = False, f"KV cache holds {tokens:,} tokens, less than one {length:,}-token sequence"
        if not max_model_len:  # the config's length (10M tokens for Llama 4 Scout): say how to size a shorter one
            reason += " (the config's length: size a shorter one with --max-model-len)"
    else:
        fits, reason = True, "fits"
    return Estimate(
        model=shape.name,
        gpu=gpu or f"{gpu_memory_gib:g}GiB",
        gpu_memory_gib=round(gpu_memory_gib, 2),
        tp=tp,
        gpu_memory_utilization=gpu_memory_utilization,
        max_model_len=length,
        max_model_len_source=source,
        quantization=shape.quantization,
        kv_cache_dtype={1.0: "fp8", 2.0: "16-bit", 4.0: "fp32"}[element],
        weights_gib_total=round(shape.weight_bytes / GIB, 2),
        weights_gib_per_gpu=round(weights_per_gpu, 2),
        weight_source=shape.weight_source,
        kv_bytes_per_token=shape.kv_bytes_per_token(element),
        kv_bytes_per_token_per_gpu=shape.kv_bytes_per_token(element, tp),
        reserve_gib=reserve_gib,
        kv_budget_gib_per_gpu=round(max(budget_gib, 0.0), 2),
        kv_capacity_tokens=tokens,
        max_concurrent_sequences=None if concurrency is None else math.floor(concurrency * 100) / 100,
        fits=fits,
        reason=reason,
        kv_layout=layout,
        kv_cache=not shape.encoder,
        notes=shape.notes,
    )


def estimate_for_gpu(shape: ModelShape, gpu_name: str, tp: int = 1, **kwargs: Any) -> Estimate:
    """`estimate` on a catalogue GPU (or a size such as "48GiB"), with that GPU's vLLM batch default."""
    from .gpus import find_gpu

    gpu = find_gpu(gpu_name)
    kwargs.setdefault("max_num_batched_tokens", gpu.max_num_batched_tokens)
    return estimate(shape, gpu.memory_gib, tp, gpu=gpu.name, **kwargs)


def feasibility(
    shape: ModelShape, gpus: list[str] | None = None, tps: tuple[int, ...] = (1, 2, 4), **kwargs: Any
) -> list[Estimate]:
    """One estimate per catalogue GPU x TP ways: the hardware feasibility table."""
    from .gpus import GPUS

    return [estimate_for_gpu(shape, name, tp, **kwargs) for name in (gpus or list(GPUS)) for tp in tps]


def estimate_for_model_dir(
    path: str | Path,
    gpu_memory_gib: float,
    tp: int = 1,
    gpu_memory_utilization: float = 0.9,
    max_model_len: int | None = None,
    dtype: str | None = None,
    quantization: str | None = None,
    kv_cache_dtype: str = "auto",
    **kwargs: Any,
) -> Estimate:
    """Read MODEL_DIR and estimate it on `tp` GPUs of `gpu_memory_gib` GiB. Raises SizingError."""
    shape = read_model(path, dtype, quantization)
    return estimate(shape, gpu_memory_gib, tp, gpu_memory_utilization, max_model_len, kv_cache_dtype, **kwargs)
