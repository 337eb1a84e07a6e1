"""The sizing estimate of every launched model next to the memory measured while it served."""

from __future__ import annotations

import math
import os
from typing import Any

from .estimate import RESERVE_GIB, estimate, kv_dtype_bytes
from .model_config import SizingError, read_model


def sizing_rows(doc: dict[str, Any], server_settings: Any) -> list[dict[str, Any]]:
    rows = []
    memory = doc["run"].get("memory") or {}
    gpus = (doc["run"].get("hardware") or {}).get("gpus") or []
    for launch in doc["run"].get("launches") or []:
        path = launch.get("path")
        if launch.get("attached") or not path or launch.get("error"):
            continue
        try:
            shape = read_model(path, server_settings.dtype, server_settings.quantization)
        except SizingError:
            continue
        measured = memory.get(launch["model"]) or {}
        row: dict[str, Any] = {
            "model": launch["model"],
            "weights_gib": round(shape.weight_bytes / 2**30, 2),
            # the estimate's own figure: MLA's latent, fp32 and a quantised KV cache differ from 2 x 2 bytes a head
            "kv_bytes_per_token": shape.kv_bytes_per_token(kv_dtype_bytes(shape)),
            "measured_peak_mib": measured.get("peak_mib"),
            "measured_source": measured.get("source"),
        }
        if gpus:
            tp = server_settings.tensor_parallel_size or 1
            util = server_settings.gpu_memory_utilization or 0.9
            est = estimate(shape, float(gpus[0]["memory_gib"]), tp, util, server_settings.max_model_len)
            row.update(
                estimate=est.to_dict(),
                expected_gpu_mib=round(util * gpus[0]["memory_gib"] * 1024 * tp),
                explanation=(
                    f"vLLM takes gpu_memory_utilization x GPU memory ({util:.0%}) for weights, "
                    f"KV cache and activations; NVML also counts the CUDA context (~0.5 GiB per GPU) "
                    f"and memory outside PyTorch's pool, so the measured peak is above the budget by "
                    f"about that much (the estimate's reserve is {RESERVE_GIB} GiB)."
                ),
            )
        else:
            kv_space = cpu_kv_cache_gib(os.environ.get("VLLM_CPU_KVCACHE_SPACE", "1"))
            kept = f"{kv_space:g} GiB" if kv_space is not None else "an unknown amount"
            row.update(
                estimate=None,
                cpu_kv_cache_gib=kv_space,
                explanation=(
                    f"CPU: vLLM keeps {kept} of KV cache (VLLM_CPU_KVCACHE_SPACE) beside "
                    f"{row['weights_gib']} GiB of weights; the measured RSS also holds the Python "
                    "runtime, torch, the compiled graphs and every process of the server tree "
                    "(shared pages counted once per process)."
                ),
            )
        rows.append(row)
    return rows


def cpu_kv_cache_gib(text: str) -> float | None:
    """VLLM_CPU_KVCACHE_SPACE as GiB; None when it is no finite number of 0 or more (`4GB`, `abc`): the run's
    report was being written when a ValueError stopped it, after every case had run."""
    try:
        value = float(text.strip() or "1")
    except ValueError:
        return None
    return value if math.isfinite(value) and value >= 0 else None
