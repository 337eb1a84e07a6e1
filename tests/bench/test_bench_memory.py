"""MemorySampler on this process tree (no GPU here: the RSS source)."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from pytest_llmeval.serving.memory import MemorySampler, tree_rss_bytes


def test_rss_of_the_current_process_tree():
    child = subprocess.Popen([sys.executable, "-c", "import time; x = bytearray(30 * 2**20); time.sleep(3)"])
    try:
        time.sleep(0.3)
        with MemorySampler(pid=os.getpid(), interval_s=0.05, use_nvml=False) as sampler:
            ballast = bytearray(50 * 2**20)  # noqa: F841 - held while sampling
            time.sleep(0.4)
        result = sampler.result
    finally:
        child.kill()
        child.wait()
    assert result is not None
    assert result["source"] == "rss"
    assert result["samples"] >= 3
    assert result["peak_mib"] >= result["steady_mib"] > 0
    # parent + child: more than this process alone (the child holds 30 MiB)
    assert result["peak_mib"] > 30
    assert len(result["series"]) == result["samples"]


def test_tree_rss_includes_children():
    code = "import time; x = bytearray(40 * 2**20); print('allocated', flush=True); time.sleep(30)"
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE)
    try:
        assert child.stdout is not None and child.stdout.readline() == b"allocated\n"  # at any CPU load
        with_child = tree_rss_bytes(os.getpid())
        alone = tree_rss_bytes(child.pid)
    finally:
        child.kill()
        child.wait()
    assert with_child is not None and alone is not None
    assert with_child > alone > 40 * 2**20


def test_no_pid_no_gpu_reports_nothing():
    with MemorySampler(pid=None, interval_s=0.05, use_nvml=False) as sampler:
        time.sleep(0.1)
    assert sampler.result is not None
    assert sampler.result["source"] == "none"
    assert sampler.result["peak_mib"] is None and sampler.result["steady_mib"] is None
    assert sampler.result["samples"] == 0


def test_vanished_pid_reports_nothing():
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    with MemorySampler(pid=proc.pid, interval_s=0.05, use_nvml=False) as sampler:
        pass
    assert sampler.result["source"] == "none"


def test_nvml_is_optional():
    # Without nvidia-ml-py (or without a GPU) the default sampler falls back to RSS, never fails.
    with MemorySampler(pid=os.getpid(), interval_s=0.05) as sampler:
        time.sleep(0.1)
    assert sampler.result["source"] in ("rss", "nvml")


def test_bad_interval():
    with pytest.raises(ValueError, match="interval_s"):
        MemorySampler(interval_s=0)
