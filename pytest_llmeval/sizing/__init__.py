"""GPU sizing: will a model fit a GPU at a context length, with how many tensor-parallel ways (no pytest here).

estimate_for_model_dir("/models/Qwen3-8B", gpu_memory_gib=80, tp=1, max_model_len=32768).to_dict()
kv_capacity_for_budget(read_model("/models/Qwen3-8B"), 2**30, max_model_len=2048).tokens
python -m pytest_llmeval size /models/Qwen3-8B --gpu A100-80GB --max-model-len 32768
"""

from __future__ import annotations

from .estimate import (
    GPU_DEFAULTS,
    RESERVE_GIB,
    VLLM_CPU_DEFAULTS,
    Estimate,
    KVCapacity,
    estimate,
    estimate_for_gpu,
    estimate_for_model_dir,
    feasibility,
    kv_capacity_for_budget,
)
from .gpus import CATALOGUE, GPU, GPUS, find_gpu, gpu_memory_gib
from .model_config import BYTES_PER_PARAM, ModelShape, SizingError, read_model
from .render import feasibility_table, summary

__all__ = [
    "BYTES_PER_PARAM",
    "CATALOGUE",
    "GPU",
    "GPUS",
    "GPU_DEFAULTS",
    "RESERVE_GIB",
    "VLLM_CPU_DEFAULTS",
    "Estimate",
    "KVCapacity",
    "ModelShape",
    "SizingError",
    "estimate",
    "estimate_for_gpu",
    "estimate_for_model_dir",
    "feasibility",
    "feasibility_table",
    "find_gpu",
    "gpu_memory_gib",
    "kv_capacity_for_budget",
    "read_model",
    "summary",
]
