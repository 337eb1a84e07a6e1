"""NVML set-up in one place (nvidia-ml-py, optional): the initialised module, or None without a GPU."""

from __future__ import annotations

from typing import Any


def init_nvml() -> Any | None:
    """The initialised pynvml module, or None (not installed, no driver, no GPU). Caller calls nvmlShutdown()."""
    try:
        import pynvml  # from nvidia-ml-py; optional
    except ImportError:
        return None
    try:
        pynvml.nvmlInit()
        if pynvml.nvmlDeviceGetCount() < 1:
            pynvml.nvmlShutdown()
            return None
    except Exception:  # pynvml.NVMLError and friends: no usable driver
        return None
    return pynvml


def nvml_gpus() -> list[dict[str, Any]]:
    """Every GPU NVML sees: index, name, total and free memory in GiB (empty without a driver or the package)."""
    pynvml = init_nvml()
    if pynvml is None:
        return []
    try:
        gpus = []
        for index in range(pynvml.nvmlDeviceGetCount()):
            handle = pynvml.nvmlDeviceGetHandleByIndex(index)
            name = pynvml.nvmlDeviceGetName(handle)
            memory = pynvml.nvmlDeviceGetMemoryInfo(handle)
            gpus.append(
                {
                    "index": index,
                    "name": name.decode() if isinstance(name, bytes) else name,
                    "total_gib": memory.total / 2**30,
                    "free_gib": memory.free / 2**30,
                }
            )
        return gpus
    finally:
        pynvml.nvmlShutdown()
