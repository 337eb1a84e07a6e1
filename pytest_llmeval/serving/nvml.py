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
