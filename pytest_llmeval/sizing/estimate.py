"""The arithmetic: weights per GPU, KV cache per token, what is left for the KV cache, and what that buys.

KV bytes per token = layers x KV heads x head dim x 2 (K and V) x bytes per element. With tensor parallel
the KV heads split across GPUs; when there are fewer KV heads than GPUs each GPU keeps (a replica of) one
head, as vLLM does. Budget per GPU = gpu_memory_utilization x GPU memory - weights / tp - a reserve for
activations, CUDA graphs and the CUDA context (RESERVE_GIB; vLLM profiles the real figure at start-up,
so measured memory can differ by that much - the report shows both).
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from .model_config import ModelShape, read_model

RESERVE_GIB = 1.5  # activations + CUDA graphs + non-torch memory at gpu_memory_utilization, per GPU
GIB = 2**30


@dataclass(frozen=True)
class Estimate:
    model: str
    gpu_memory_gib: float
    tp: int
    gpu_memory_utilization: float
    max_model_len: int | None
    quantization: str
    kv_cache_dtype: str
    weights_gib_total: float
    weights_gib_per_gpu: float
    weight_source: str
    kv_bytes_per_token: int  # whole model (all GPUs)
    kv_budget_gib_per_gpu: float
    kv_capacity_tokens: int
    max_concurrent_sequences: float | None
    fits: bool
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def kv_bytes_per_token(shape: ModelShape, kv_dtype_bytes: float) -> int:
    return int(shape.layers * shape.kv_heads * shape.head_dim * 2 * kv_dtype_bytes)


def kv_capacity_tokens(
    shape: ModelShape,
    kv_budget_bytes: float,
    kv_dtype_bytes: float = 2.0,
    tp: int = 1,
    max_model_len: int | None = None,
    block_size: int = 16,
    max_num_batched_tokens: int = 2048,
) -> int:
    """Tokens of KV cache that fit in `kv_budget_bytes` per GPU, counted the way vLLM logs "KV cache size".

    Models with sliding-window layers (Gemma 3: 5 of every 6) use vLLM's hybrid KV cache manager: a
    request of max_model_len L holds L tokens in full-attention layers but only
    min(window - 1 + max_num_batched_tokens, L) (+1 block) in sliding ones, so more requests fit; vLLM
    reports capacity as concurrency x L. Without sliding layers this is budget / bytes per token.
    """
    heads_per_gpu = max(1, math.ceil(shape.kv_heads / tp))
    per_layer_token = heads_per_gpu * shape.head_dim * 2 * kv_dtype_bytes
    sliding = shape.sliding_window_layers if shape.sliding_window else 0
    if not sliding or not max_model_len:
        return max(0, int(kv_budget_bytes // (shape.layers * per_layer_token)))
    length = max_model_len
    full_blocks = math.ceil(length / block_size)
    window_tokens = min(shape.sliding_window - 1 + max_num_batched_tokens, length)  # type: ignore[operator]
    window_blocks = min(math.ceil(window_tokens / block_size) + 1, full_blocks)
    per_request = ((shape.layers - sliding) * full_blocks + sliding * window_blocks) * block_size * per_layer_token
    return max(0, int(kv_budget_bytes / per_request * length))


def estimate(
    shape: ModelShape,
    gpu_memory_gib: float,
    tp: int = 1,
    gpu_memory_utilization: float = 0.9,
    max_model_len: int | None = None,
    kv_cache_dtype: str = "auto",
    block_size: int = 16,
) -> Estimate:
    kv_bytes = 1.0 if kv_cache_dtype.startswith("fp8") else 2.0
    weights_per_gpu = shape.weight_bytes / tp / GIB
    budget = gpu_memory_utilization * gpu_memory_gib - weights_per_gpu - RESERVE_GIB
    tokens = kv_capacity_tokens(shape, max(budget, 0) * GIB, kv_bytes, tp, max_model_len, block_size)
    context = max_model_len
    sequences = tokens / context if context else None
    if budget <= 0:
        fits, reason = (
            False,
            (
                f"weights {weights_per_gpu:.1f} GiB per GPU + {RESERVE_GIB} GiB reserve exceed "
                f"{gpu_memory_utilization:.0%} of {gpu_memory_gib:.0f} GiB"
            ),
        )
    elif context and tokens < context:
        fits, reason = False, f"KV cache holds {tokens} tokens, less than one {context}-token sequence"
    else:
        fits, reason = True, "fits"
    return Estimate(
        shape.name,
        round(gpu_memory_gib, 1),
        tp,
        gpu_memory_utilization,
        context,
        shape.quantization,
        "fp8" if kv_bytes == 1 else "bf16/fp16",
        round(shape.weight_bytes / GIB, 2),
        round(weights_per_gpu, 2),
        shape.weight_source,
        kv_bytes_per_token(shape, kv_bytes),
        round(max(budget, 0), 2),
        tokens,
        None if sequences is None else round(sequences, 2),
        fits,
        reason,
    )


def estimate_for_model_dir(
    path: str | Path,
    gpu_memory_gib: float,
    tp: int = 1,
    gpu_memory_utilization: float = 0.9,
    max_model_len: int | None = None,
    dtype: str | None = None,
    quantization: str | None = None,
    kv_cache_dtype: str = "auto",
) -> Estimate:
    return estimate(
        read_model(path, dtype, quantization), gpu_memory_gib, tp, gpu_memory_utilization, max_model_len, kv_cache_dtype
    )
