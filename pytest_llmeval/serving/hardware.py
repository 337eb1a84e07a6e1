"""Describe the machine (CPU, RAM, GPUs through NVML when present) and the code version."""

from __future__ import annotations

import os
import platform
import subprocess
from pathlib import Path
from typing import Any

from .nvml import nvml_gpus


def gpu_info() -> list[dict[str, Any]]:
    """GPUs seen by NVML (nvidia-ml-py); an empty list without a driver or the package."""
    return [{"index": g["index"], "name": g["name"], "memory_gib": round(g["total_gib"], 1)} for g in nvml_gpus()]


def cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def hardware_info() -> dict[str, Any]:

    import psutil

    return {
        "cpu": cpu_name(),
        "cpu_count": os.cpu_count(),
        "memory_gib": round(psutil.virtual_memory().total / 2**30, 1),
        "gpus": gpu_info(),
        "platform": platform.platform(),
        "python": platform.python_version(),
    }


def git_commit(cwd: Path) -> str | None:
    try:
        out = subprocess.run(["git", "rev-parse", "HEAD"], cwd=cwd, capture_output=True, text=True, timeout=5)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return out.stdout.strip() or None if out.returncode == 0 else None
