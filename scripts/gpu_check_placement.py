#!/usr/bin/env python3
"""On a GPU machine: read the GPUs through NVML and print the --llm-placement auto plan for a model list.

    python scripts/gpu_check_placement.py                          # the issue's example: 16, 28, 64 GiB at TP 1/1/2
    python scripts/gpu_check_placement.py --llm-model 8b=/models/Qwen3-8B --llm-model 32b=/models/Qwen3-32B
    python scripts/gpu_check_placement.py --llm-model 8b=/m/8b --need 8b=16 --llm-model-arg 8b:tensor_parallel_size=2

Starts nothing. Prints what NVML reports (index, name, total and free GiB), then the plan - the same
planner and the same output as `python -m pytest_llmeval plan`. Exit 2 when a model cannot be placed,
3 when NVML sees no GPU (nvidia-ml-py missing or no driver).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pytest_llmeval.serving.placement import main, nvml_inventory  # noqa: E402

EXAMPLE = [
    "--llm-model", "8b=/models/Qwen3-8B", "--llm-model", "14b=/models/Qwen3-14B",
    "--llm-model", "32b=/models/Qwen3-32B",
    "--llm-model-arg", "32b:tensor_parallel_size=2", "--need", "8b=16", "--need", "14b=28", "--need", "32b=64",
]  # fmt: skip


def run(argv: list[str]) -> int:
    gpus = nvml_inventory()
    if not gpus:
        print("NVML sees no GPU (is nvidia-ml-py installed and the driver loaded?)", file=sys.stderr)
        return 3
    for gpu in gpus:
        print(f"GPU {gpu.index}: {gpu.name}, {gpu.total_gib:.1f} GiB total, {gpu.free_gib:.1f} GiB free")
    return main(argv or EXAMPLE)


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
