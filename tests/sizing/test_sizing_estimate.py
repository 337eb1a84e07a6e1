"""The arithmetic: KV bytes per token, budget, capacity as vLLM counts it, and the feasibility table."""

from __future__ import annotations

import pytest
from sizing_configs import (
    GEMMA3_270M,
    QWEN3_8B,
    QWEN3_8B_TOTAL_SIZE,
    QWEN3_14B,
    QWEN3_32B,
    QWEN3_32B_FP8,
    QWEN3_32B_NVFP4,
    write_model,
)

from pytest_llmeval.sizing import (
    GPUS,
    RESERVE_GIB,
    VLLM_CPU_DEFAULTS,
    SizingError,
    estimate,
    estimate_for_gpu,
    estimate_for_model_dir,
    feasibility,
    find_gpu,
    gpu_memory_gib,
    kv_capacity_for_budget,
    read_model,
)

GIB = 2**30


@pytest.fixture
def qwen3(tmp_path):
    return {
        "8b": read_model(write_model(tmp_path, "Qwen3-8B", QWEN3_8B, total_size=QWEN3_8B_TOTAL_SIZE)),
        "14b": read_model(write_model(tmp_path, "Qwen3-14B", QWEN3_14B)),
        "32b": read_model(write_model(tmp_path, "Qwen3-32B", QWEN3_32B)),
        "32b-fp8": read_model(write_model(tmp_path, "Qwen3-32B-FP8", QWEN3_32B_FP8)),
        "32b-nvfp4": read_model(write_model(tmp_path, "Qwen3-32B-NVFP4", QWEN3_32B_NVFP4)),
    }


def test_kv_bytes_per_token_of_qwen3(qwen3):
    assert estimate(qwen3["8b"], 80).kv_bytes_per_token == 147_456  # 36 x 8 x 128 x 2 x 2 = 144 KiB
    assert estimate(qwen3["14b"], 80).kv_bytes_per_token == 163_840  # 40 x 8 x 128 x 2 x 2
    assert estimate(qwen3["32b"], 80).kv_bytes_per_token == 262_144  # 64 x 8 x 128 x 2 x 2
    assert estimate(qwen3["32b-fp8"], 80, kv_cache_dtype="fp8").kv_bytes_per_token == 131_072
    assert estimate(qwen3["8b"], 80, kv_cache_dtype="fp8").kv_cache_dtype == "fp8"


def test_qwen3_8b_on_one_a100_80gb_at_32k(qwen3):
    e = estimate_for_gpu(qwen3["8b"], "A100-80GB", max_model_len=32768)
    budget = 0.9 * 80 - QWEN3_8B_TOTAL_SIZE / GIB - RESERVE_GIB  # 55.24 GiB
    assert e.weights_gib_per_gpu == pytest.approx(15.26, abs=0.01) and e.weight_source == "safetensors index"
    assert e.kv_budget_gib_per_gpu == pytest.approx(budget, abs=0.01)
    # 16-token blocks of all 36 layers; 32768 is a whole number of blocks, so tokens = blocks x 16
    assert e.kv_capacity_tokens == int(budget * GIB // (16 * 147_456)) * 16
    assert e.kv_capacity_tokens == pytest.approx(budget * GIB / 147_456, rel=1e-3)  # ~402,000 tokens
    assert e.max_concurrent_sequences == pytest.approx(e.kv_capacity_tokens / 32768, abs=0.01)  # ~12.3
    assert e.fits and e.reason == "fits" and e.max_model_len_source == "--max-model-len"


def test_max_model_len_defaults_to_the_config_like_vllm(qwen3):
    e = estimate(qwen3["8b"], 80)
    assert e.max_model_len == 40960 and e.max_model_len_source == "config max_position_embeddings"


def test_tensor_parallel_splits_weights_and_kv_heads(qwen3):
    one = estimate(qwen3["32b"], 80, tp=1, max_model_len=32768)
    two = estimate(qwen3["32b"], 80, tp=2, max_model_len=32768)
    assert two.weights_gib_per_gpu == pytest.approx(one.weights_gib_per_gpu / 2, abs=0.01)
    assert two.kv_bytes_per_token_per_gpu == one.kv_bytes_per_token_per_gpu // 2 == 131_072
    assert two.kv_capacity_tokens == pytest.approx((72 - 61.02 / 2 - 1.5) * GIB / 131_072, rel=2e-3)


def test_fewer_kv_heads_than_gpus_are_replicated(tmp_path):
    config = {**QWEN3_8B, "num_key_value_heads": 2}
    shape = read_model(write_model(tmp_path, "gqa2", config))
    assert shape.kv_bytes_per_token(tp=2) == 36 * 1 * 128 * 4
    assert shape.kv_bytes_per_token(tp=4) == 36 * 1 * 128 * 4  # 2 KV heads over 4 GPUs: one replica each
    assert estimate(shape, 80, tp=4).fits


def test_tp_that_vllm_refuses(qwen3):
    e = estimate(qwen3["32b"], 80, tp=3)
    assert not e.fits and e.reason == "vLLM refuses: 64 attention heads are not divisible by TP 3"


def test_qwen3_32b_feasibility(qwen3):
    s32 = qwen3["32b"]
    assert s32.weight_bytes / GIB == pytest.approx(61.02, abs=0.01)
    on_4090 = estimate_for_gpu(s32, "RTX4090-24GB", max_model_len=32768)
    assert not on_4090.fits and on_4090.kv_capacity_tokens == 0
    assert on_4090.reason.startswith("weights 61.0 GiB per GPU + 1.5 GiB reserve exceed 90% of 24.0 GiB")
    one = estimate_for_gpu(s32, "A100-80GB", tp=1, max_model_len=32768)
    assert one.fits and one.kv_budget_gib_per_gpu == pytest.approx(9.48, abs=0.01)
    assert 1 <= (one.max_concurrent_sequences or 0) < 1.5  # fits, with room for one 32k sequence
    two = estimate_for_gpu(s32, "A100-80GB", tp=2, max_model_len=32768)
    assert two.fits and (two.max_concurrent_sequences or 0) > 9  # 40 GiB per GPU at half the bytes per token
    assert two.kv_capacity_tokens > 8 * one.kv_capacity_tokens
    assert estimate_for_gpu(s32, "RTX4090-24GB", tp=4, max_model_len=32768).fits  # 15.3 GiB weights per GPU
    assert not estimate_for_gpu(s32, "V100-32GB", tp=2, max_model_len=32768).fits
    just_short = estimate_for_gpu(s32, "A100-40GB", tp=2, max_model_len=32768)  # 3.99 GiB: 32,672 tokens
    assert not just_short.fits and just_short.max_concurrent_sequences == 0.99  # floored, never rounded up to 1
    too_long = estimate_for_gpu(s32, "A100-80GB", max_model_len=65536)  # 9.5 GiB holds ~38,800 tokens
    assert not too_long.fits and "less than one 65,536-token sequence" in too_long.reason


def test_quantised_qwen3_32b_leaves_more_room(qwen3):
    bf16, fp8, nvfp4 = (
        estimate_for_gpu(qwen3[k], "H100-80GB", max_model_len=32768) for k in ("32b", "32b-fp8", "32b-nvfp4")
    )
    assert bf16.kv_capacity_tokens < fp8.kv_capacity_tokens < nvfp4.kv_capacity_tokens
    fp8_kv = estimate_for_gpu(qwen3["32b-fp8"], "H100-80GB", max_model_len=32768, kv_cache_dtype="fp8")
    assert fp8_kv.kv_capacity_tokens == pytest.approx(2 * fp8.kv_capacity_tokens, rel=1e-3)
    assert not estimate_for_gpu(qwen3["32b-fp8"], "RTX4090-24GB").fits
    pro = estimate_for_gpu(qwen3["32b-nvfp4"], "RTXPro6000-96GB", max_model_len=32768)
    budget = 0.9 * 97887 / 1024 - qwen3["32b-nvfp4"].weight_bytes / GIB - 1.5  # 86.0 - 19.3 - 1.5 = 65.3 GiB
    assert pro.max_concurrent_sequences == pytest.approx(budget * GIB / 262_144 / 32768, abs=0.01)  # ~8.2


def test_feasibility_covers_every_gpu_at_tp_1_2_4(qwen3):
    rows = feasibility(qwen3["32b"], max_model_len=32768)
    assert [(e.gpu, e.tp) for e in rows] == [(g, tp) for g in GPUS for tp in (1, 2, 4)]
    fits = {(e.gpu, e.tp): e.fits for e in rows}
    assert fits[("RTX4090-24GB", 1)] is False and fits[("RTX4090-24GB", 2)] is False
    assert fits[("A100-80GB", 1)] and fits[("A100-80GB", 2)] and fits[("H200-141GB", 1)]
    assert fits[("V100-32GB", 4)] and not fits[("A100-40GB", 1)]


def test_gpu_catalogue_and_sizes():
    assert set(GPUS) == {
        "V100-32GB",
        "RTX4090-24GB",
        "A100-40GB",
        "A100-80GB",
        "H100-80GB",
        "H200-141GB",
        "RTXPro6000-96GB",
    }
    assert gpu_memory_gib("A100-80GB") == 80.0 and gpu_memory_gib("a100 80gb") == 80.0
    assert gpu_memory_gib("H100") == pytest.approx(79.65, abs=0.01)
    assert find_gpu("rtx 4090").name == "RTX4090-24GB"
    assert find_gpu("H200").max_num_batched_tokens == 8192 and find_gpu("A100").max_num_batched_tokens == 2048
    assert gpu_memory_gib("48GiB") == 48.0 and gpu_memory_gib("48GB") == 48.0
    with pytest.raises(SizingError) as info:
        find_gpu("TPU-v9")
    assert str(info.value) == (
        "unknown GPU 'TPU-v9'. Fix: use one of V100-32GB, RTX4090-24GB, A100-40GB, A100-80GB, H100-80GB, "
        "H200-141GB, RTXPro6000-96GB or a memory size such as 48GiB"
    )


def test_hybrid_kv_capacity_matches_vllm_logs_for_the_embedded_model(tmp_path):
    """vLLM CPU 0.32, VLLM_CPU_KVCACHE_SPACE=1 (a 1 GiB budget), block size 128, 2048 batched tokens:
    max_model_len 8192: "CPU KV cache size: 132,332 tokens, Maximum concurrency for 8,192 tokens per request: 16.15x"
    max_model_len 2048: see docs/sizing.md (benchmarks/validate_sizing_cpu.py)."""
    shape = read_model(write_model(tmp_path, "gemma-3-270m", GEMMA3_270M))
    at_8k = kv_capacity_for_budget(shape, GIB, 8192, **VLLM_CPU_DEFAULTS)
    # 1 full + 5 sliding groups of 3 layers; block = 3 x 128 x 1 x 256 x 2 x 2 B; 2,730 blocks;
    # a request holds 64 full blocks + 5 x (cdiv(511 + 2048, 128) + 1 = 21) = 169 blocks
    assert (at_8k.num_blocks, at_8k.bytes_per_block, at_8k.blocks_per_request) == (2730, 393_216, 169)
    assert at_8k.tokens == 132_332 and round(at_8k.max_concurrency, 2) == 16.15
    at_2k = kv_capacity_for_budget(shape, GIB, 2048, **VLLM_CPU_DEFAULTS)
    # at 2048 the window (min(2559, 2048) tokens + 1 block) is longer than the request: 16 + 5 x 17 blocks
    assert at_2k.blocks_per_request == 101 and at_2k.tokens == int(2730 / 101 * 2048)
    naive = GIB // shape.kv_bytes_per_token()  # 58,254: budget / bytes per token
    flat = kv_capacity_for_budget(shape, GIB, 8192, hybrid=False, **VLLM_CPU_DEFAULTS)
    assert flat.tokens == 455 * 128 and naive < at_8k.tokens / 2


def test_kv_capacity_for_budget_of_a_plain_model_is_budget_over_bytes_per_token(qwen3):
    c = kv_capacity_for_budget(qwen3["8b"], 10 * GIB, 4096)
    assert c.groups == "1 group of all layers" and c.blocks_per_request == 256
    assert c.tokens == int(10 * GIB // (16 * 147_456)) * 16  # whole blocks of 16 tokens
    assert c.to_dict()["tokens"] == c.tokens and "blocks of 16 tokens" in c.explanation


def test_estimate_for_model_dir_to_dict(tmp_path):
    folder = write_model(tmp_path, "Qwen3-8B", QWEN3_8B, total_size=QWEN3_8B_TOTAL_SIZE)
    d = estimate_for_model_dir(folder, 80, tp=2, max_model_len=32768, gpu="A100-80GB").to_dict()
    assert d["model"] == "Qwen3-8B" and d["tp"] == 2 and d["fits"] is True
    assert d["kv_bytes_per_token"] == 147_456 and d["kv_bytes_per_token_per_gpu"] == 73_728
    assert d["weight_source"] == "safetensors index" and d["gpu"] == "A100-80GB"


def test_bad_arguments_raise_sizing_errors(qwen3):
    with pytest.raises(SizingError, match="tensor-parallel size 0 must be >= 1"):
        estimate(qwen3["8b"], 80, tp=0)
    with pytest.raises(SizingError, match=r"gpu_memory_utilization 1.5 is outside \(0, 1\]"):
        estimate(qwen3["8b"], 80, gpu_memory_utilization=1.5)
    with pytest.raises(SizingError, match="unknown --kv-cache-dtype 'int2'"):
        estimate(qwen3["8b"], 80, kv_cache_dtype="int2")
