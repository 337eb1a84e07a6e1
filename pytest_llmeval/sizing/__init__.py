"""GPU sizing: will a model fit a GPU at a context length, with how many tensor-parallel ways (no pytest here).

estimate_for_model_dir("/models/Qwen3-8B", gpu_memory_gib=80, tp=1, max_model_len=32768).to_dict()
python -m pytest_llmeval size /models/Qwen3-8B --gpu A100-80GB --max-model-len 32768
"""

from __future__ import annotations

from .estimate import Estimate, estimate, estimate_for_model_dir, kv_capacity_tokens
from .gpus import GPUS, gpu_memory_gib
from .model_config import ModelShape, SizingError, read_model

__all__ = [
    "GPUS",
    "Estimate",
    "ModelShape",
    "SizingError",
    "estimate",
    "estimate_for_model_dir",
    "gpu_memory_gib",
    "kv_capacity_tokens",
    "read_model",
]
