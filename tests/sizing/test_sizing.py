"""Sizing arithmetic with the config.json values of real models written into the tests."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from pytest_llmeval.sizing import SizingError, estimate, estimate_for_model_dir, gpu_memory_gib, read_model

QWEN3 = {  # from the models' own config.json files
    "8b": {
        "num_hidden_layers": 36,
        "num_key_value_heads": 8,
        "head_dim": 128,
        "hidden_size": 4096,
        "intermediate_size": 12288,
        "num_attention_heads": 32,
        "vocab_size": 151936,
        "tie_word_embeddings": False,
        "torch_dtype": "bfloat16",
    },
    "14b": {
        "num_hidden_layers": 40,
        "num_key_value_heads": 8,
        "head_dim": 128,
        "hidden_size": 5120,
        "intermediate_size": 17408,
        "num_attention_heads": 40,
        "vocab_size": 151936,
        "tie_word_embeddings": False,
        "torch_dtype": "bfloat16",
    },
    "32b": {
        "num_hidden_layers": 64,
        "num_key_value_heads": 8,
        "head_dim": 128,
        "hidden_size": 5120,
        "intermediate_size": 25600,
        "num_attention_heads": 64,
        "vocab_size": 151936,
        "tie_word_embeddings": False,
        "torch_dtype": "bfloat16",
    },
}


def model_dir(tmp_path, name, config, total_size=None):
    folder = tmp_path / name
    folder.mkdir()
    (folder / "config.json").write_text(json.dumps(config), encoding="utf-8")
    if total_size:
        (folder / "model.safetensors.index.json").write_text(json.dumps({"metadata": {"total_size": total_size}}))
    return folder


def test_qwen3_8b_bf16_weights_and_kv_per_token(tmp_path):
    shape = read_model(model_dir(tmp_path, "Qwen3-8B", QWEN3["8b"], total_size=16381470720))
    e = estimate(shape, gpu_memory_gib("A100-80GB"), max_model_len=32768)
    assert e.kv_bytes_per_token == 147_456  # 36 x 8 x 128 x 2 x 2 = 144 KiB
    assert shape.weight_bytes / 1e9 == pytest.approx(16.4, abs=0.05) and e.weight_source == "safetensors index"
    assert e.fits and e.max_concurrent_sequences > 10
    estimated = read_model(model_dir(tmp_path, "Qwen3-8B-noindex", QWEN3["8b"]))
    assert estimated.weight_source == "estimated from config.json"
    assert estimated.weight_bytes / 1e9 == pytest.approx(16.4, rel=0.02)  # 8.19e9 params x 2 bytes


def test_qwen3_14b_32b_and_quantised_variants(tmp_path):
    s14 = read_model(model_dir(tmp_path, "Qwen3-14B", QWEN3["14b"]))
    assert s14.weight_bytes / 1e9 == pytest.approx(29.5, rel=0.03)
    assert estimate(s14, 80).kv_bytes_per_token == 40 * 8 * 128 * 2 * 2
    s32 = read_model(model_dir(tmp_path, "Qwen3-32B", QWEN3["32b"]))
    assert s32.weight_bytes / 1e9 == pytest.approx(65.5, rel=0.03)
    fp8 = read_model(
        model_dir(tmp_path, "Qwen3-32B-FP8", {**QWEN3["32b"], "quantization_config": {"quant_method": "fp8"}})
    )
    nvfp4 = read_model(
        model_dir(
            tmp_path,
            "Qwen3-32B-NVFP4",
            {**QWEN3["32b"], "quantization_config": {"quant_method": "modelopt", "quant_algo": "NVFP4"}},
        )
    )
    assert (fp8.quantization, nvfp4.quantization) == ("fp8", "nvfp4")
    assert fp8.weight_bytes == pytest.approx(s32.weight_bytes / 2, rel=0.01)
    assert nvfp4.weight_bytes < fp8.weight_bytes * 0.6
    # feasibility: 32B bf16 does not fit a 24 GB 4090, fits one 80 GB A100 with a little KV, two with more
    assert not estimate(s32, gpu_memory_gib("RTX4090-24GB")).fits
    one = estimate(s32, gpu_memory_gib("A100-80GB"), tp=1, max_model_len=8192)
    two = estimate(s32, gpu_memory_gib("A100-80GB"), tp=2, max_model_len=8192)
    assert one.fits and two.kv_capacity_tokens > 3 * one.kv_capacity_tokens
    assert estimate(fp8, gpu_memory_gib("A100-80GB"), kv_cache_dtype="fp8").kv_bytes_per_token == 64 * 8 * 128 * 2


def test_errors_name_the_file_field_and_fix(tmp_path):
    with pytest.raises(SizingError, match="no such model directory"):
        read_model(tmp_path / "missing")
    (tmp_path / "empty").mkdir()
    with pytest.raises(SizingError, match=r"config.json: missing. Fix"):
        read_model(tmp_path / "empty")
    broken = model_dir(tmp_path, "broken", {"hidden_size": 8})
    with pytest.raises(SizingError, match=r"field 'num_hidden_layers' missing.*Fix"):
        read_model(broken)
    with pytest.raises(SizingError, match="unknown GPU"):
        gpu_memory_gib("TPU-v9")


def test_size_command_prints_the_feasibility_table(tmp_path):
    folder = model_dir(tmp_path, "Qwen3-8B", QWEN3["8b"], total_size=16381470720)
    out = subprocess.run(
        [sys.executable, "-m", "pytest_llmeval", "size", str(folder), "--gpu", "A100-80GB", "--max-model-len", "32768"],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stderr
    assert "147,456 bytes/token" in out.stdout and "FITS" in out.stdout
    assert "V100-32GB" in out.stdout and "H200-141GB" in out.stdout and "RTX4090-24GB" in out.stdout
    bad = subprocess.run(
        [sys.executable, "-m", "pytest_llmeval", "size", str(tmp_path / "nope")], capture_output=True, text=True
    )
    assert bad.returncode == 2 and "Traceback" not in bad.stderr and "no such model directory" in bad.stderr


def test_estimate_for_model_dir_of_the_embedded_model_reads_its_shape():
    from pytest_llmeval.serving.embedded import cache_root

    folder = cache_root() / "models" / "gemma-3-270m-bf16-v1"
    if not (folder / "config.json").is_file():
        pytest.skip("the embedded model is not converted yet (the vllm tests convert it)")
    e = estimate_for_model_dir(folder, 1.0, gpu_memory_utilization=1.0)
    assert e.kv_bytes_per_token == 18 * 1 * 256 * 2 * 2 and e.weight_source == "safetensors files"


GEMMA3_270M = {
    "num_hidden_layers": 18,
    "num_key_value_heads": 1,
    "head_dim": 256,
    "hidden_size": 640,
    "intermediate_size": 2048,
    "num_attention_heads": 4,
    "vocab_size": 262144,
    "sliding_window": 512,
    "tie_word_embeddings": True,
    "dtype": "bfloat16",
    "layer_types": (["sliding_attention"] * 5 + ["full_attention"]) * 3,
}


def test_hybrid_kv_capacity_matches_what_vllm_logged_for_the_embedded_model(tmp_path):
    # vLLM CPU 0.32, VLLM_CPU_KVCACHE_SPACE=1 (1 GiB), max_model_len 8192, block size 128, 2048 batched tokens:
    # "CPU KV cache size: 132,332 tokens, Maximum concurrency for 8,192 tokens per request: 16.15x"
    from pytest_llmeval.sizing import kv_capacity_tokens

    shape = read_model(model_dir(tmp_path, "gemma-3-270m", GEMMA3_270M))
    assert (shape.sliding_window_layers, shape.sliding_window) == (15, 512)
    tokens = kv_capacity_tokens(shape, 2**30, 2.0, 1, 8192, block_size=128, max_num_batched_tokens=2048)
    assert tokens == pytest.approx(132_332, rel=0.05)
    naive = 2**30 // (18 * 1 * 256 * 2 * 2)  # ignoring sliding windows: less than half vLLM's figure
    assert naive < tokens / 2


@pytest.mark.vllm
def test_kv_capacity_estimate_within_5_percent_of_the_running_server(vllm_server_log):
    import re

    from pytest_llmeval.sizing import kv_capacity_tokens

    log, model_path = vllm_server_log
    match = re.search(
        r"KV cache size: ([\d,]+) tokens, Maximum concurrency for ([\d,]+) tokens",
        log.read_text(encoding="utf-8", errors="replace"),
    )
    assert match, "vLLM logged no KV cache size"
    logged, length = int(match.group(1).replace(",", "")), int(match.group(2).replace(",", ""))
    budget = float(os.environ.get("VLLM_CPU_KVCACHE_SPACE", "1")) * 2**30
    estimate = kv_capacity_tokens(read_model(model_path), budget, 2.0, 1, length, block_size=128)
    assert estimate == pytest.approx(logged, rel=0.05), (estimate, logged)
