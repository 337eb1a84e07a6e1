"""GPU-only checks (marker `gpu`, deselected by default; run `scripts/run-tests.sh -m gpu`
on a machine with an NVIDIA GPU, nvidia-ml-py and a CUDA build of torch)."""

from __future__ import annotations

import time

import pytest

from pytest_llmeval.serving.hardware import gpu_info
from pytest_llmeval.serving.memory import MemorySampler

pytestmark = pytest.mark.gpu


@pytest.fixture
def cuda():
    pynvml = pytest.importorskip("pynvml", reason="pip install nvidia-ml-py")
    try:
        pynvml.nvmlInit()
        pynvml.nvmlShutdown()
    except Exception as exc:  # no driver
        pytest.skip(f"NVML unavailable: {exc}")
    torch = pytest.importorskip("torch")
    if not torch.cuda.is_available():
        pytest.skip("torch has no CUDA device")
    return torch


def test_hardware_info_lists_the_gpus(cuda):
    gpus = gpu_info()
    assert len(gpus) == cuda.cuda.device_count()
    assert all(g["memory_gib"] > 1 for g in gpus)


def test_memory_sampler_sees_a_cuda_allocation_through_nvml(cuda):
    with MemorySampler(interval_s=0.1, devices=[0]) as sampler:
        time.sleep(0.5)
        block = cuda.empty(1024 * 2**20, dtype=cuda.uint8, device="cuda:0")  # 1 GiB
        cuda.cuda.synchronize()
        time.sleep(1.0)
        del block
    result = sampler.result
    assert result["source"] == "nvml" and result["devices"][0]["index"] == 0
    first = result["series"][0][1]
    assert result["peak_mib"] - first >= 900  # the 1 GiB block (plus the CUDA context)
