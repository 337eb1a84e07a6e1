"""Common GPUs and their memory (GB as sold = 10^9 bytes; reported in GiB)."""

from __future__ import annotations

from .model_config import SizingError

GPUS: dict[str, float] = {  # name -> memory in GiB (as nvidia-smi reports it)
    "V100-32GB": 32e9 / 2**30,
    "RTX4090-24GB": 24e9 / 2**30,
    "A100-40GB": 40e9 / 2**30,
    "A100-80GB": 80e9 / 2**30,
    "H100-80GB": 80e9 / 2**30,
    "H200-141GB": 141e9 / 2**30,
    "RTXPro6000-96GB": 96e9 / 2**30,
}


def gpu_memory_gib(name: str) -> float:
    key = name.replace(" ", "").upper()
    for gpu, gib in GPUS.items():
        if gpu.upper() == key or gpu.split("-")[0].upper() + "-" + gpu.split("-")[1].upper() == key:
            return gib
    try:
        return float(name.upper().removesuffix("GIB").removesuffix("GB")) * 1e9 / 2**30
    except ValueError:
        raise SizingError(f"unknown GPU {name!r}. Fix: use one of {list(GPUS)} or a memory size such as 48GB") from None
