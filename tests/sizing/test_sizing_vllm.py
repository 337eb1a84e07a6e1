"""The estimate against what a running vLLM logs: the shared CPU test server (embedded Gemma 3 270M)."""

from __future__ import annotations

import os
import re

import pytest

from pytest_llmeval.sizing import VLLM_CPU_DEFAULTS, estimate_for_model_dir, kv_capacity_for_budget, read_model

KV_LINE = re.compile(r"KV cache size: ([\d,]+) tokens, Maximum concurrency for ([\d,]+) tokens per request: ([\d.]+)x")


def test_the_embedded_model_directory_is_read():
    from pytest_llmeval.serving.built_models import cache_root

    folder = cache_root() / "models" / "gemma-3-270m-bf16-v1"
    if not (folder / "config.json").is_file():
        pytest.skip("the embedded model is not converted yet (the vllm tests convert it)")
    e = estimate_for_model_dir(folder, 1.0, gpu_memory_utilization=1.0, reserve_gib=0)
    assert e.kv_bytes_per_token == 18 * 1 * 256 * 2 * 2 and e.weight_source == "safetensors files"
    assert e.kv_layout == "1 full + 5 sliding-window groups of 3 layers"


@pytest.mark.vllm
def test_kv_capacity_estimate_within_5_percent_of_the_running_server(vllm_server_log):
    log, model_path = vllm_server_log
    match = KV_LINE.search(log.read_text(encoding="utf-8", errors="replace"))
    assert match, "vLLM logged no KV cache size"
    logged, length = int(match.group(1).replace(",", "")), int(match.group(2).replace(",", ""))
    budget = int(os.environ.get("VLLM_CPU_KVCACHE_SPACE", "1")) * 2**30
    capacity = kv_capacity_for_budget(read_model(model_path), budget, length, **VLLM_CPU_DEFAULTS)
    assert capacity.tokens == pytest.approx(logged, rel=0.05), (capacity.explanation, match.group(0))
    assert capacity.max_concurrency == pytest.approx(float(match.group(3)), abs=0.01 + 0.05 * capacity.max_concurrency)
