"""Reading a model directory: shape from config.json, precision, and where the weight size comes from."""

from __future__ import annotations

import pytest
from sizing_configs import (
    DEEPSEEK_V2_LITE,
    GEMMA3_270M,
    QWEN3_8B,
    QWEN3_8B_TOTAL_SIZE,
    QWEN3_14B,
    QWEN3_32B,
    QWEN3_32B_FP8,
    QWEN3_32B_NVFP4,
    QWEN3_VL_2B,
    write_model,
)

from pytest_llmeval.sizing import BYTES_PER_PARAM, SizingError, read_model


def test_qwen3_8b_weights_from_the_safetensors_index(tmp_path):
    shape = read_model(write_model(tmp_path, "Qwen3-8B", QWEN3_8B, total_size=QWEN3_8B_TOTAL_SIZE))
    assert (shape.layers, shape.kv_heads, shape.head_dim, shape.quantization) == (36, 8, 128, "bf16")
    assert shape.weight_source == "safetensors index"
    assert shape.weight_bytes == QWEN3_8B_TOTAL_SIZE
    assert shape.weight_bytes / 1e9 == pytest.approx(16.4, abs=0.05)


def test_qwen3_8b_weights_estimated_from_the_config_agree_with_the_index(tmp_path):
    shape = read_model(write_model(tmp_path, "Qwen3-8B", QWEN3_8B))
    assert shape.params_estimate / 1e9 == pytest.approx(8.19, abs=0.01)  # Qwen3-8B: 8.2B parameters
    assert shape.weight_source.startswith("estimated from config.json: 8.19e9 parameters, bf16 2 B/param")
    assert shape.weight_bytes == pytest.approx(QWEN3_8B_TOTAL_SIZE, rel=0.001)


def test_weights_from_safetensors_files_when_there_is_no_index(tmp_path):
    folder = write_model(tmp_path, "m", QWEN3_8B, files={"a.safetensors": 3_000_000, "b.safetensors": 1_000_000})
    shape = read_model(folder)
    assert (shape.weight_bytes, shape.weight_source) == (4_000_000, "safetensors files")


def test_a_broken_index_falls_back_to_the_files(tmp_path):
    folder = write_model(tmp_path, "m", QWEN3_8B, files={"model.safetensors": 5_000})
    (folder / "model.safetensors.index.json").write_text('{"weight_map": {}}', encoding="utf-8")
    assert read_model(folder).weight_source == "safetensors files"


def test_qwen3_14b_and_32b_parameter_counts(tmp_path):
    s14 = read_model(write_model(tmp_path, "Qwen3-14B", QWEN3_14B))
    s32 = read_model(write_model(tmp_path, "Qwen3-32B", QWEN3_32B))
    assert s14.params_estimate / 1e9 == pytest.approx(14.77, abs=0.01)  # published: 14.8B
    assert s32.params_estimate / 1e9 == pytest.approx(32.76, abs=0.01)  # published: 32.8B
    assert s14.weight_bytes / 1e9 == pytest.approx(29.54, abs=0.01)
    assert s32.weight_bytes / 1e9 == pytest.approx(65.52, abs=0.01)


def test_fp8_and_nvfp4_variants_of_qwen3_32b(tmp_path):
    fp8 = read_model(write_model(tmp_path, "Qwen3-32B-FP8", QWEN3_32B_FP8))
    nvfp4 = read_model(write_model(tmp_path, "Qwen3-32B-NVFP4", QWEN3_32B_NVFP4))
    assert (fp8.quantization, nvfp4.quantization) == ("fp8", "nvfp4")
    embeddings = 2 * 151936 * 5120 * 2  # embed_tokens + lm_head stay 16-bit
    assert fp8.weight_bytes == pytest.approx(fp8.linear_params_estimate * 1.0 + embeddings, abs=1)
    assert nvfp4.weight_bytes == pytest.approx(nvfp4.linear_params_estimate * 0.5625 + embeddings, abs=1)
    assert fp8.weight_bytes / 1e9 == pytest.approx(34.3, abs=0.1)
    assert nvfp4.weight_bytes / 1e9 == pytest.approx(20.7, abs=0.1)
    assert "nvfp4 0.5625 B/param (embeddings 2 B)" in nvfp4.weight_source


@pytest.mark.parametrize(
    ("quantization_config", "expected"),
    [
        ({"quant_method": "awq", "bits": 4, "group_size": 128}, "awq"),
        ({"quant_method": "gptq", "bits": 4}, "gptq"),
        ({"quant_method": "gptq", "bits": 8}, "int8"),
        ({"quant_method": "modelopt", "quant_algo": "FP8"}, "fp8"),
        ({"quant_method": "mxfp4"}, "mxfp4"),
        ({"quant_method": "compressed-tensors", "format": "nvfp4-pack-quantized"}, "nvfp4"),
        (
            {
                "quant_method": "compressed-tensors",
                "config_groups": {"g": {"weights": {"num_bits": 8, "type": "float"}}},
            },
            "fp8",
        ),
        ({"quant_method": "bitsandbytes", "load_in_4bit": True}, "int4"),
    ],
)
def test_precision_from_quantization_config(tmp_path, quantization_config, expected):
    shape = read_model(write_model(tmp_path, "m", {**QWEN3_8B, "quantization_config": quantization_config}))
    assert shape.quantization == expected
    assert shape.weight_bytes < QWEN3_8B_TOTAL_SIZE * (0.55 if expected not in ("fp8", "int8") else 0.6)


def test_dtype_and_online_quantization_override_the_checkpoint(tmp_path):
    folder = write_model(tmp_path, "Qwen3-8B", QWEN3_8B, total_size=QWEN3_8B_TOTAL_SIZE)
    fp32 = read_model(folder, dtype="float32")
    assert fp32.weight_bytes == 2 * QWEN3_8B_TOTAL_SIZE and "(bf16 -> fp32)" in fp32.weight_source
    assert read_model(folder, dtype="float16").weight_bytes == QWEN3_8B_TOTAL_SIZE
    online = read_model(folder, quantization="fp8")  # vLLM quantises a bf16 checkpoint at load time
    assert online.quantization == "fp8" and online.weight_source.startswith("estimated from config.json")
    assert "quantised at load time" in online.weight_source
    assert online.weight_bytes / 1e9 == pytest.approx(9.44, abs=0.05)  # 6.95e9 linear x 1 + 1.24e9 embeddings x 2


def test_multimodal_config_reads_the_text_config(tmp_path):
    shape = read_model(write_model(tmp_path, "Qwen3-VL-2B", QWEN3_VL_2B))
    assert (shape.layers, shape.kv_heads, shape.head_dim, shape.hidden) == (28, 8, 128, 2048)
    assert shape.kv_bytes_per_token() == 28 * 8 * 128 * 2 * 2
    assert shape.tied_embeddings and shape.max_position_embeddings == 262144


def test_defaults_head_dim_and_kv_heads(tmp_path):
    config = {k: v for k, v in QWEN3_8B.items() if k not in ("head_dim", "num_key_value_heads")}
    shape = read_model(write_model(tmp_path, "llama-like", config))
    assert shape.head_dim == 4096 // 32 and shape.kv_heads == 32  # MHA: one KV head per attention head


def test_sliding_window_layers_from_layer_types(tmp_path):
    shape = read_model(write_model(tmp_path, "gemma-3-270m", GEMMA3_270M))
    assert (shape.sliding_window_layers, shape.full_attention_layers, shape.sliding_window) == (15, 3, 512)
    no_types = read_model(write_model(tmp_path, "mistral-like", {**QWEN3_8B, "sliding_window": 4096}))
    assert no_types.sliding_window_layers == 0 and no_types.sliding_window is None  # counted as full attention


def test_mla_latent_and_experts(tmp_path):
    shape = read_model(write_model(tmp_path, "DeepSeek-V2-Lite", DEEPSEEK_V2_LITE))
    assert shape.kv_lora_rank == 512 and shape.num_experts == 64
    assert shape.kv_bytes_per_token() == 27 * (512 + 64) * 2
    assert shape.kv_bytes_per_token(tp=4) == shape.kv_bytes_per_token()  # the latent is not split by TP


def test_bytes_per_param_table_documents_the_scales():
    assert BYTES_PER_PARAM["bf16"] == 2 and BYTES_PER_PARAM["fp8"] == 1
    assert BYTES_PER_PARAM["nvfp4"] == 4.5 / 8  # 4-bit values + an fp8 scale per 16
    assert 0.5 < BYTES_PER_PARAM["awq"] == BYTES_PER_PARAM["gptq"] < 0.53  # + fp16 scale and zero per 128


def test_errors_name_the_file_the_field_and_the_fix(tmp_path):
    missing = tmp_path / "missing"
    with pytest.raises(SizingError) as info:
        read_model(missing)
    assert (
        str(info.value) == f"{missing}: no such model directory. Fix: pass a local model directory (with config.json)"
    )
    (tmp_path / "empty").mkdir()
    with pytest.raises(SizingError) as info:
        read_model(tmp_path / "empty")
    assert str(info.value) == (
        f"{tmp_path / 'empty' / 'config.json'}: missing. Fix: pass a Hugging Face model directory (with config.json)"
    )
    broken = write_model(tmp_path, "broken", {"hidden_size": 8})
    with pytest.raises(SizingError) as info:
        read_model(broken)
    assert str(info.value) == (
        f"{broken / 'config.json'}: field 'num_hidden_layers' missing or not a positive integer. "
        "Fix: use the model's own config.json"
    )
    nested = write_model(tmp_path, "nested", {"text_config": {"num_hidden_layers": 2, "hidden_size": 8}})
    with pytest.raises(SizingError, match=r"field 'text_config.num_attention_heads' missing"):
        read_model(nested)
    bad_json = tmp_path / "bad"
    bad_json.mkdir()
    (bad_json / "config.json").write_text("{\n  'layers': 2,\n}", encoding="utf-8")
    with pytest.raises(SizingError) as info:
        read_model(bad_json)
    assert (
        str(info.value) == f"{bad_json / 'config.json'}: not valid JSON (line 2). Fix: repair or re-download the file"
    )


def test_unknown_precision_without_weights_asks_for_quantization(tmp_path):
    folder = write_model(tmp_path, "gguf", {**QWEN3_8B, "quantization_config": {"quant_method": "gguf"}})
    with pytest.raises(SizingError, match=r"precision 'gguf' has no known size .* Fix: pass --quantization"):
        read_model(folder)
    assert read_model(folder, quantization="int4").weight_source.startswith("estimated")
    with pytest.raises(SizingError, match=r"unknown --quantization 'int3'. Fix"):
        read_model(folder, quantization="int3")


def floats(config: dict[str, object]) -> dict[str, object]:
    """`config` as some converters write it: every whole number a float (4096.0), text_config's too."""
    return {
        key: floats(value) if isinstance(value, dict) else (float(value) if type(value) is int else value)
        for key, value in config.items()
    }


FLOAT_CONFIGS = {"Qwen3-8B": QWEN3_8B, "Gemma-3 (sliding)": GEMMA3_270M, "DeepSeek-V2 (MLA)": DEEPSEEK_V2_LITE}
FLOAT_CONFIGS["Qwen3-VL (text_config)"] = QWEN3_VL_2B


@pytest.mark.parametrize("config", FLOAT_CONFIGS.values(), ids=FLOAT_CONFIGS.keys())
def test_integral_floats_are_read_as_the_whole_numbers_they_are(tmp_path, config):
    """ "hidden_size": 4096.0 was refused ("not a whole number"); the float copy of a config sizes as the original:
    the same shape, sliding window, MLA latent and context length (the length was lost with a float)."""
    as_ints = read_model(write_model(tmp_path, "ints", config))
    as_floats = read_model(write_model(tmp_path, "floats", floats(config)))
    assert as_floats.max_position_embeddings == as_ints.max_position_embeddings is not None
    for field in ("layers", "hidden", "heads", "kv_heads", "head_dim", "intermediate", "vocab", "sliding_window"):
        assert getattr(as_floats, field) == getattr(as_ints, field), field
        assert type(getattr(as_floats, field)) is type(getattr(as_ints, field)), field
    assert (as_floats.kv_lora_rank, as_floats.num_experts) == (as_ints.kv_lora_rank, as_ints.num_experts)
    assert (
        as_floats.weight_bytes == as_ints.weight_bytes
        and as_floats.kv_bytes_per_token() == as_ints.kv_bytes_per_token()
    )


FLOATS_REFUSED = {  # value written: words of the refusal
    "4096.5": ("4096.5", ["'hidden_size' is 4096.5", "whole number of 1 or more"]),
    "-4096.0": ("-4096.0", ["'hidden_size' is -4096.0", "whole number of 1 or more"]),
    "0.0": ("0.0", ["'hidden_size' is 0.0", "whole number of 1 or more"]),
    "true": ("true", ["'hidden_size' is True, not a whole number"]),
    "NaN": ("NaN", ["'hidden_size' is NaN, not a number a model has"]),
    "Infinity": ("Infinity", ["'hidden_size' is Infinity, not a number a model has"]),
    "1e30": ("1e30", ["'hidden_size' is 1e+30, more than any model has"]),
}


@pytest.mark.parametrize(("written", "words"), FLOATS_REFUSED.values(), ids=FLOATS_REFUSED.keys())
def test_floats_that_are_no_size_are_still_refused_naming_the_file_the_field_and_the_fix(tmp_path, written, words):
    folder = write_model(tmp_path, "Qwen3-8B", {**QWEN3_8B, "hidden_size": 1})
    config = folder / "config.json"
    config.write_text(config.read_text(encoding="utf-8").replace('"hidden_size": 1', f'"hidden_size": {written}'))
    with pytest.raises(SizingError) as info:
        read_model(folder)
    message = str(info.value)
    assert message.startswith(f"{config}: field ") and "Fix: use the model's own config.json" in message, message
    assert all(word in message for word in words), message
