"""Bad input, round 15: `size` (and the plan's sizing) given model folders it did not expect.

- a folder of model folders (~/models with Qwen3-8B/ and Qwen3-14B/ inside, a Hugging Face or ModelScope cache)
  said "config.json: missing": now it is named a folder of models, the model folders found below it (three levels at
  most) are listed, and the command that sizes one is given, quoted for a path with spaces or Chinese characters;
- an encoder (BERT, an XLM-RoBERTa embedder or reranker, DistilBERT, ModernBERT) was sized as a chat model with a KV
  cache it does not keep (DistilBERT's n_layers / dim were "num_hidden_layers missing"): now it is named an encoder,
  not served for chat, and sized as weights + activations with no KV cache; a classifier head on a decoder is sized
  with its KV cache and named; Whisper and CLIP are refused (no text model); VLMs and MoE models are sized as before;
- config.json with a byte order mark was "not valid JSON (line 1)" (transformers cannot read it either: vLLM would not
  start); UTF-16 / GBK named no encoding; a list, null or a number was "not a JSON object"; NaN, Infinity, 0, -1, 32.5
  and "32" in a size field were "missing or not a positive integer" - and in a field with a default ("8" KV heads)
  the default in silence, a 4x KV cache; a text_config that leaves transformers' defaults out (LLaVA-1.5) was
  "text_config.hidden_size missing"; GPTQ 3-bit was sized as 4-bit and `bits: 5` too; quant_method null "precision
  'none' has no known size"; torch_dtype "auto" was "not a dtype"; the config's 10M-token length said "does not fit"
  without the way out;
- a symbolic link that loops was "no such model directory"; an unreadable folder a PermissionError traceback; a
  config.json or weights shard linked to a deleted blob "config.json: missing" or a FileNotFoundError traceback; a
  FIFO named model.safetensors hung the Git LFS check.

Decisions: a folder of models is refused with the list, not sized model by model (one model is served at a time; the
message gives the loop that sizes each); an encoder is sized, not refused (it fits a GPU or not like any model); a
config vLLM cannot read (a byte order mark) is refused although its numbers could be read.
"""

from __future__ import annotations

import json
import os
import shlex
import sys
from pathlib import Path
from typing import Any

import pytest
from test_bad_input_round5 import no_wait  # noqa: F401 - autouse: a FIFO or /dev/zero read fails the test, not the run

sys.path.insert(0, str(Path(__file__).parent / "sizing"))
from sizing_configs import (  # noqa: E402
    BERT_BASE,
    DEEPSEEK_V2_LITE,
    GEMMA3_270M,
    QWEN3_8B,
    QWEN3_8B_TOTAL_SIZE,
    QWEN3_VL_2B,
    write_model,
)

from pytest_llmeval.sizing import SizingError, read_model  # noqa: E402
from pytest_llmeval.sizing.cli import main  # noqa: E402

GIB = 2**30


def size(*argv: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def config_folder(root: Path, name: str, raw: bytes) -> Path:
    folder = root / name
    folder.mkdir(parents=True)
    (folder / "config.json").write_bytes(raw)
    return folder


# ------------------------------------------------------------------------------------------ a folder of models
LAYOUTS: dict[str, tuple[list[str], list[str]]] = {  # name: (model folders under the root, names the message lists)
    "~/models with two models": (["Qwen3-8B", "Qwen3-14B"], ["Qwen3-14B", "Qwen3-8B"]),
    "a Hugging Face cache": (
        ["models--Qwen--Qwen3-8B/snapshots/9c925d6"],
        ["models--Qwen--Qwen3-8B/snapshots/9c925d6"],
    ),
    "a ModelScope cache (ORG/NAME)": (["Qwen/Qwen3-8B", "deepseek-ai/DeepSeek-R1"], ["Qwen/Qwen3-8B"]),
    "one model one level down": (["Qwen3-8B"], ["Qwen3-8B"]),
    "Chinese names": (["通义千问-7B", "深度求索 R1"], ["通义千问-7B", "深度求索 R1"]),
    "a folder with spaces": (["my models/Qwen3 8B"], ["my models/Qwen3 8B"]),
}


@pytest.mark.parametrize(("models", "listed"), LAYOUTS.values(), ids=LAYOUTS.keys())
def test_a_folder_of_models_lists_them_and_the_command_sizes_one(tmp_path, capsys, models, listed):
    root = tmp_path / "模型 库"
    for model in models:
        write_model(root, model, QWEN3_8B)
    code, out, err = size(str(root), capsys=capsys)
    assert code == 2 and out == "" and "config.json: missing" not in err, err
    assert err.startswith(f"error: {root}: a folder of models, not a model") and err.count("\n") == 1, err
    assert all(name in err for name in listed) and f"{len(models)} model folder" in err, err
    command = err.split("Fix: size one model folder: ", 1)[1].split(";")[0].strip()
    argv = shlex.split(command)  # quoted: a path with spaces or Chinese characters is pasted whole
    assert argv[:4] == ["python", "-m", "pytest_llmeval", "size"] and Path(argv[4]) == root / sorted(models)[0]
    code, out, err = size(*argv[4:], capsys=capsys)
    assert code == 0 and "verdict:  FITS" in out, err


def test_many_models_are_counted_and_each_can_be_sized_with_the_loop(tmp_path, capsys):
    root = tmp_path / "models"
    for i in range(12):
        write_model(root, f"model-{i:02d}", QWEN3_8B)
    code, _, err = size(str(root), capsys=capsys)
    assert code == 2 and "12 model folders below it" in err and "and 4 more" in err, err
    assert "model-00, model-01" in err and "model-11" not in err
    assert f'for m in {root}/*/; do python -m pytest_llmeval size "$m"; done' in err


def test_models_are_found_three_levels_down_and_no_further(tmp_path, capsys):
    four = tmp_path / "a"
    write_model(four, "b/c/d/Qwen3-8B", QWEN3_8B)  # four levels below a, three below a/b
    code, _, err = size(str(four), capsys=capsys)
    assert code == 2 and f"{four / 'config.json'}: missing" in err, err
    code, _, err = size(str(four / "b"), capsys=capsys)
    assert (
        code == 2
        and "a folder of models" in err
        and "(no config.json in it; 1 model folder below it: c/d/Qwen3-8B)" in err
    ), err


def test_hidden_folders_links_and_loops_are_looked_through_once(tmp_path, capsys):
    root = tmp_path / "models"
    real = write_model(root, "Qwen3-8B", QWEN3_8B)
    write_model(root, ".git/objects", QWEN3_8B)  # hidden: no model folder
    (root / "latest").symlink_to(real)  # a link to a model already listed: the same folder
    (root / "loop").mkdir()
    (root / "loop" / "up").symlink_to(root)  # a link back up: no endless walk
    (root / "notes").mkdir()
    (root / "notes" / "README.md").write_text("# 模型说明\n", encoding="utf-8")
    code, _, err = size(str(root), capsys=capsys)
    assert code == 2 and "1 model folder below it: Qwen3-8B)" in err and ".git" not in err, err
    assert "latest" not in err and "loop" not in err


def test_a_folder_the_scan_may_not_look_into_is_passed_over(tmp_path, capsys, monkeypatch):
    """`size /` stopped at /proc/1/fdinfo/config.json: "Permission denied" (the check's PermissionError)."""
    root = tmp_path / "models"
    write_model(root, "Qwen3-8B", QWEN3_8B)
    (root / "locked" / "inner").mkdir(parents=True)
    original = Path.is_file

    def refuse(self: Path) -> bool:
        if "locked" in self.parts:
            raise PermissionError(13, "Permission denied", str(self))
        return original(self)

    monkeypatch.setattr(Path, "is_file", refuse)
    code, _, err = size(str(root), capsys=capsys)
    assert code == 2 and "1 model folder below it: Qwen3-8B)" in err and "Permission denied" not in err, err


def test_an_empty_folder_and_a_folder_of_other_files_still_say_config_json_is_missing(tmp_path, capsys):
    for name, files in (("empty", {}), ("docs", {"a/readme.md": "x", "b/c/notes.txt": "说明"})):
        folder = tmp_path / name
        folder.mkdir()
        for file, text in files.items():
            (folder / file).parent.mkdir(parents=True, exist_ok=True)
            (folder / file).write_text(text, encoding="utf-8")
        code, _, err = size(str(folder), capsys=capsys)
        assert code == 2 and f"{folder / 'config.json'}: missing" in err, err


def test_the_plan_names_a_folder_of_models_too(tmp_path):
    from pytest_llmeval.serving.placement import sizing_need

    root = tmp_path / "models"
    write_model(root, "Qwen3-8B", QWEN3_8B)
    need, basis = sizing_need(str(root), None)
    assert need is None and "a folder of models" in basis and "Qwen3-8B" in basis, basis


# --------------------------------------------------------------------------------------------------- encoders
BGE_RERANKER_LARGE = {
    "architectures": ["XLMRobertaForSequenceClassification"],
    "model_type": "xlm-roberta",
    "hidden_size": 1024,
    "num_hidden_layers": 24,
    "num_attention_heads": 16,
    "intermediate_size": 4096,
    "vocab_size": 250002,
    "max_position_embeddings": 514,
    "torch_dtype": "float32",
}
ENCODERS: dict[str, tuple[dict[str, Any], float]] = {  # name: (config, parameters in billions, about)
    "BERT-base (BertModel)": (BERT_BASE, 0.110),
    "bge-m3 (XLMRobertaModel, an embedder)": (
        {**BGE_RERANKER_LARGE, "architectures": ["XLMRobertaModel"], "max_position_embeddings": 8194},
        0.568,
    ),
    "bge-reranker-large (a cross-encoder)": (BGE_RERANKER_LARGE, 0.560),
    "DistilBERT (n_layers, dim, n_heads, hidden_dim)": (
        {
            **{"architectures": ["DistilBertModel"], "model_type": "distilbert", "dim": 768, "n_layers": 6},
            **{"n_heads": 12, "hidden_dim": 3072, "vocab_size": 30522, "max_position_embeddings": 512},
        },
        0.066,
    ),
    "ModernBERT": (
        {
            **BERT_BASE,
            **{"architectures": ["ModernBertModel"], "model_type": "modernbert", "num_hidden_layers": 22},
            **{"intermediate_size": 1152, "vocab_size": 50368, "max_position_embeddings": 8192},
        },
        0.149,
    ),
    "a DeBERTa-v3 token classifier": (
        {**BERT_BASE, "architectures": ["DebertaV2ForTokenClassification"], "model_type": "deberta-v2"},
        0.110,
    ),
}


@pytest.mark.parametrize(("config", "billions"), ENCODERS.values(), ids=ENCODERS.keys())
def test_an_encoder_is_named_and_sized_without_a_kv_cache(tmp_path, capsys, config, billions):
    folder = write_model(tmp_path, "encoder", config)
    shape = read_model(folder)
    assert shape.encoder and shape.kv_bytes_per_token() == 0
    assert shape.params_estimate == pytest.approx(billions * 1e9, rel=0.05)  # BERT's MLP is not gated, no lm_head
    code, out, err = size(str(folder), "--gpu", "RTX4090", capsys=capsys)
    assert code == 0 and err == "", err
    assert "an encoder" in out and "not for chat" in out and "KV cache: none" in out, out
    assert f"model_type {config['model_type']}" in out and config["architectures"][0] in out
    assert "verdict:  FITS on 1 x RTX4090-24GB" in out and "bytes/token" not in out
    assert "no KV cache (an encoder)" in out
    table = [line.split() for line in out.splitlines() if line.startswith(("A100", "H100", "V100"))]
    assert table and all(row[3] == "-" and row[5] == "-" and row[6] == "-" for row in table), out


def test_an_encoder_in_json_says_it_keeps_no_kv_cache(tmp_path, capsys):
    folder = write_model(tmp_path, "bge-reranker-large", BGE_RERANKER_LARGE, files={"model.safetensors": 2_239_614_000})
    code, out, _ = size(str(folder), "--json", "--gpu", "A100-40GB", capsys=capsys)
    estimate = json.loads(out)["estimate"]
    assert code == 0 and estimate["kv_cache"] is False and estimate["kv_bytes_per_token"] == 0
    assert estimate["kv_capacity_tokens"] == 0 and estimate["max_concurrent_sequences"] is None
    assert estimate["weights_gib_total"] == pytest.approx(2_239_614_000 / GIB, abs=0.01)
    assert any("not for chat" in note for note in estimate["notes"]) and estimate["fits"]


def test_an_encoder_too_large_for_the_gpu_does_not_fit(tmp_path, capsys):
    folder = write_model(tmp_path, "bge-reranker-large", BGE_RERANKER_LARGE, files={"model.safetensors": 3 * GIB})
    code, out, _ = size(str(folder), "--gpu", "4GiB", capsys=capsys)
    assert code == 0 and "DOES NOT FIT on 1 x 4GiB (weights 3.0 GiB per GPU + 1.5 GiB reserve exceed 90%" in out, out
    code, out, _ = size(str(folder), "--gpu", "4GiB", "--tp", "2", capsys=capsys)
    assert "verdict:  FITS on 2 x 4GiB" in out, out


def test_an_encoder_past_its_length_is_refused_and_its_kv_capacity_is_no_question(tmp_path, capsys):
    from pytest_llmeval.sizing import kv_capacity_for_budget

    folder = write_model(tmp_path, "bert", BERT_BASE)
    code, _, err = size(str(folder), "--max-model-len", "8192", capsys=capsys)
    assert code == 2 and "allows 512" in err, err
    with pytest.raises(SizingError, match="keeps no KV cache"):
        kv_capacity_for_budget(read_model(folder), GIB, 512)


def test_the_plan_needs_an_encoders_weights_and_no_kv_cache(tmp_path):
    from pytest_llmeval.serving.placement import sizing_need

    folder = write_model(tmp_path, "bert", BERT_BASE, files={"model.safetensors": 440_000_000})
    need, basis = sizing_need(str(folder), None)
    assert need == pytest.approx(440_000_000 / GIB + 1.5, abs=0.01) and "KV 0.0" in basis, basis


def test_a_classifier_on_a_decoder_keeps_its_kv_cache_and_is_named(tmp_path, capsys):
    reward = {**QWEN3_8B, "architectures": ["Qwen2ForSequenceClassification"], "model_type": "qwen2"}
    folder = write_model(tmp_path, "Qwen2-RM", reward, total_size=QWEN3_8B_TOTAL_SIZE)
    code, out, _ = size(str(folder), capsys=capsys)
    assert code == 0 and "a classifier (Qwen2ForSequenceClassification)" in out and "not for chat" in out
    assert "KV cache: 147,456 bytes/token" in out and "an encoder" not in out


@pytest.mark.parametrize(
    "config",
    [
        {"model_type": "whisper", "architectures": ["WhisperForConditionalGeneration"], "d_model": 1280},
        {"model_type": "clip", "architectures": ["CLIPModel"]},
        {"model_type": "siglip", "architectures": ["SiglipModel"]},
        {"model_type": "wav2vec2", "architectures": ["Wav2Vec2ForCTC"], "hidden_size": 1024},
    ],
    ids=["Whisper", "CLIP", "SigLIP", "wav2vec2"],
)
def test_a_speech_or_image_model_is_refused_by_name(tmp_path, capsys, config):
    folder = write_model(tmp_path, "m", config)
    code, out, err = size(str(folder), capsys=capsys)
    assert code == 2 and out == "" and f"model_type {config['model_type']}" in err and "not a text model" in err, err
    assert config["architectures"][0] in err and "Fix:" in err


LLAVA_15 = {  # llava-hf/llava-1.5-7b-hf: the text_config leaves LlamaConfig's defaults out
    "architectures": ["LlavaForConditionalGeneration"],
    "model_type": "llava",
    "text_config": {
        **{"model_type": "llama", "vocab_size": 32064, "max_position_embeddings": 4096},
        **{"torch_dtype": "float16", "architectures": ["LlamaForCausalLM"]},
    },
    "vision_config": {"model_type": "clip_vision_model", "hidden_size": 1024},
}
STILL_SIZED: dict[str, tuple[dict[str, Any], str]] = {  # name: (config, words of its KV line)
    "Qwen3-VL (text_config)": (QWEN3_VL_2B, "KV cache: 114,688 bytes/token"),
    "DeepSeek-V2-Lite (MoE, MLA)": (DEEPSEEK_V2_LITE, "KV cache: 31,104 bytes/token"),
    "Gemma 3 (sliding window)": (GEMMA3_270M, "KV cache: 18,432 bytes/token"),
    "LLaVA-1.5 (LlamaConfig's defaults)": (LLAVA_15, "KV cache: 524,288 bytes/token"),
    "Qwen3-8B": (QWEN3_8B, "KV cache: 147,456 bytes/token"),
}


@pytest.mark.parametrize(("config", "kv"), STILL_SIZED.values(), ids=STILL_SIZED.keys())
def test_vision_language_moe_and_chat_models_are_sized_with_their_kv_cache(tmp_path, capsys, config, kv):
    folder = write_model(tmp_path, "model", config)
    code, out, err = size(str(folder), "--max-model-len", "4096", capsys=capsys)
    assert code == 0 and kv in out and "encoder" not in out and "not for chat" not in out, out + err
    assert not read_model(folder).encoder


def test_a_text_config_without_transformers_defaults_is_sized_with_them_and_says_so(tmp_path):
    shape = read_model(write_model(tmp_path, "llava-1.5-7b-hf", LLAVA_15))
    assert (shape.layers, shape.hidden, shape.heads, shape.kv_heads, shape.intermediate) == (32, 4096, 32, 32, 11008)
    assert shape.params_estimate == pytest.approx(6.74e9, rel=0.01) and shape.max_position_embeddings == 4096
    assert any("LlamaConfig's defaults" in note and "hidden_size 4096" in note for note in shape.notes)
    mistral = {**LLAVA_15, "text_config": {"model_type": "mistral", "vocab_size": 32064, "intermediate_size": 14336}}
    shape = read_model(write_model(tmp_path, "llava-v1.6-mistral-7b-hf", mistral))
    assert (shape.kv_heads, shape.intermediate, shape.max_position_embeddings) == (8, 14336, 131072)


# ------------------------------------------------------------------------------------------- config.json sweep
def _json(config: Any) -> bytes:
    return json.dumps(config, ensure_ascii=False).encode("utf-8")


CHINESE = {**QWEN3_8B, "_name_or_path": "通义千问/Qwen3-8B"}
BAD_CONFIGS: dict[str, tuple[bytes, list[str]]] = {  # name: (config.json's bytes, words of the one-line error)
    "a list": (b"[" + _json(QWEN3_8B) + b"]", ["a JSON list, not an object", "Fix:"]),
    "a string": (b'"Qwen3-8B"', ["a JSON string, not an object"]),
    "a number": (b"32", ["a number, not an object"]),
    "null": (b"null", ["null, not an object"]),
    "a UTF-8 byte order mark": (b"\xef\xbb\xbf" + _json(QWEN3_8B), ["byte order mark", "vLLM", "sed -i"]),
    "UTF-16 with a mark": (json.dumps(CHINESE).encode("utf-16"), ["not UTF-8", "UTF-16", "iconv -f UTF-16"]),
    "UTF-16 without a mark": (
        json.dumps(CHINESE, ensure_ascii=False).encode("utf-16-le"),
        ["not UTF-8", "UTF-16", "iconv -f UTF-16LE"],
    ),
    "GBK": (json.dumps(CHINESE, ensure_ascii=False).encode("gbk"), ["not UTF-8", "GBK", "iconv -f GBK"]),
    "cut short": (_json(QWEN3_8B)[:-20], ["not valid JSON (line 1)", "re-download"]),
    "NaN layers": (_json(QWEN3_8B)[:-1] + b', "num_hidden_layers": NaN}', ["'num_hidden_layers' is NaN"]),
    "Infinity hidden_size": (_json(QWEN3_8B)[:-1] + b', "hidden_size": Infinity}', ["'hidden_size' is Infinity"]),
    "-Infinity heads": (
        _json(QWEN3_8B)[:-1] + b', "num_attention_heads": -Infinity}',
        ["'num_attention_heads' is -Infinity"],
    ),
    "Infinity length": (
        _json(QWEN3_8B)[:-1] + b', "max_position_embeddings": Infinity}',
        ["'max_position_embeddings' is Infinity"],
    ),
    "0 layers": (_json({**QWEN3_8B, "num_hidden_layers": 0}), ["'num_hidden_layers' is 0", "1 or more"]),
    "-1 layers": (_json({**QWEN3_8B, "num_hidden_layers": -1}), ["'num_hidden_layers' is -1", "1 or more"]),
    '"32" layers': (_json({**QWEN3_8B, "num_hidden_layers": "32"}), ["is '32', text", "write 32 without quotes"]),
    "32.5 layers": (_json({**QWEN3_8B, "num_hidden_layers": 32.5}), ["is 32.5", "whole number"]),
    "true layers": (_json({**QWEN3_8B, "num_hidden_layers": True}), ["is True, not a whole number"]),
    "[32] layers": (_json({**QWEN3_8B, "num_hidden_layers": [32]}), ["is [32], not a whole number"]),
    '"8" KV heads (was 32 in silence)': (
        _json({**QWEN3_8B, "num_key_value_heads": "8"}),
        ["'num_key_value_heads' is '8', text", "write 8"],
    ),
    '"128" head_dim': (_json({**QWEN3_8B, "head_dim": "128"}), ["'head_dim' is '128', text"]),
    "a 10**12-token length": (
        _json({**QWEN3_8B, "max_position_embeddings": 10**12}),
        ["'max_position_embeddings' is 1000000000000", "more than any model has"],
    ),
    "hidden_size missing beside a text_config": (
        _json({"architectures": ["X"], "text_config": {k: v for k, v in QWEN3_8B.items() if k != "hidden_size"}}),
        ["'text_config.hidden_size' missing", "add it to text_config"],
    ),
    "text_config a list": (_json({**QWEN3_8B, "text_config": [1]}), ["'text_config' is list, not an object"]),
    "torch_dtype int5": (_json({**QWEN3_8B, "torch_dtype": "int5"}), ["'torch_dtype' is 'int5', not a dtype"]),
    "GPTQ with 5 bits": (
        _json({**QWEN3_8B, "quantization_config": {"quant_method": "gptq", "bits": 5}}),
        ["'quantization_config' cannot be read: bits is 5, but GPTQ", "2, 3, 4 or 8 bits"],
    ),
    "AWQ with w_bit 'x'": (
        _json({**QWEN3_8B, "quantization_config": {"quant_method": "awq", "w_bit": "x"}}),
        ["'quantization_config' cannot be read: w_bit is 'x', but AWQ"],
    ),
    "quant_method null, no weights": (
        _json({**QWEN3_8B, "quantization_config": {"quant_method": None, "bits": 4}}),
        ["names no quant_method", "download the weights", "--quantization"],
    ),
    "quant_method hqq, no weights": (
        _json({**QWEN3_8B, "quantization_config": {"quant_method": "hqq"}}),
        ["quant_method 'hqq'", "precision 'hqq' has no known size", "Fix: pass --quantization", "download the weights"],
    ),
    "quantization_config a string": (
        _json({**QWEN3_8B, "quantization_config": "fp8"}),
        ["'quantization_config' is str, not an object"],
    ),
}


@pytest.mark.parametrize(("raw", "words"), BAD_CONFIGS.values(), ids=BAD_CONFIGS.keys())
def test_a_bad_config_is_one_line_naming_the_file_the_field_and_the_fix(tmp_path, capsys, raw, words):
    folder = config_folder(tmp_path, "Qwen3-8B", raw)
    code, out, err = size(str(folder), capsys=capsys)
    assert code == 2 and out == "" and err.count("\n") == 1, err
    assert err.startswith(f"error: {folder / 'config.json'}: ") and "Fix:" in err, err
    assert all(word in err for word in words), err
    with pytest.raises(SizingError):
        read_model(folder)


QUANTISED: dict[str, tuple[dict[str, Any], str, float]] = {  # name: (quantization_config, label, bytes per weight)
    "FP8 (fp8)": ({"quant_method": "fp8", "weight_block_size": [128, 128]}, "fp8", 1.0),
    "FP8 (fbgemm_fp8)": ({"quant_method": "fbgemm_fp8"}, "fp8", 1.0),
    "AWQ 4-bit": ({"quant_method": "awq", "bits": 4, "group_size": 128}, "awq", 0.52),
    "AWQ w_bit 4": ({"quant_method": "awq", "w_bit": 4, "q_group_size": 128}, "awq", 0.52),
    "GPTQ 4-bit": ({"quant_method": "gptq", "bits": 4, "group_size": 128}, "gptq", 0.52),
    "GPTQ 8-bit": ({"quant_method": "gptq", "bits": 8}, "int8", 1.0),
    "GPTQ 3-bit (was sized as 4-bit)": ({"quant_method": "gptq", "bits": 3}, "int3", 0.395),
    "GPTQ 2-bit": ({"quant_method": "gptq", "bits": 2}, "int2", 0.27),
    'GPTQ bits "4" as text': ({"quant_method": "gptq", "bits": "4"}, "gptq", 0.52),
    "bitsandbytes 4-bit": ({"quant_method": "bitsandbytes", "load_in_4bit": True}, "int4", 0.52),
    "bitsandbytes 8-bit": ({"quant_method": "bitsandbytes", "load_in_8bit": True}, "int8", 1.0),
    "compressed-tensors FP8": (
        {"quant_method": "compressed-tensors", "config_groups": {"g": {"weights": {"num_bits": 8, "type": "float"}}}},
        "fp8",
        1.0,
    ),
    "compressed-tensors W8A8 int": (
        {"quant_method": "compressed-tensors", "config_groups": {"g": {"weights": {"num_bits": 8, "type": "int"}}}},
        "int8",
        1.0,
    ),
    "compressed-tensors W4A16": (
        {"quant_method": "compressed-tensors", "config_groups": {"g": {"weights": {"num_bits": 4, "type": "int"}}}},
        "int4",
        0.52,
    ),
    "compressed-tensors NVFP4": (
        {"quant_method": "compressed-tensors", "format": "nvfp4-pack-quantized"},
        "nvfp4",
        0.5625,
    ),
    "modelopt NVFP4": ({"quant_method": "modelopt", "quant_algo": "NVFP4"}, "nvfp4", 0.5625),
    "modelopt FP8": ({"quant_method": "modelopt", "quant_algo": "FP8"}, "fp8", 1.0),
    "MXFP4 (gpt-oss)": ({"quant_method": "mxfp4"}, "mxfp4", 0.53125),
}


@pytest.mark.parametrize(("quantization", "label", "per_weight"), QUANTISED.values(), ids=QUANTISED.keys())
def test_each_kind_of_quantization_config_is_sized_at_its_bytes_per_weight(tmp_path, quantization, label, per_weight):
    shape = read_model(write_model(tmp_path, "q", {**QWEN3_8B, "quantization_config": quantization}))
    expected = shape.linear_params_estimate * per_weight + shape.embedding_params_estimate * 2
    assert shape.quantization == label and shape.weight_bytes == pytest.approx(expected, rel=1e-6)
    assert f"{label} {per_weight:g} B/param" in shape.weight_source


def test_a_quantised_checkpoint_on_disk_is_sized_from_its_files_whatever_its_method(tmp_path, capsys):
    config = {**QWEN3_8B, "quantization_config": {"quant_method": "hqq", "nbits": 4}}
    folder = write_model(tmp_path, "Qwen3-8B-HQQ", config, files={"model.safetensors": 5 * GIB})
    code, out, _ = size(str(folder), capsys=capsys)
    assert code == 0 and "weights:  5.00 GiB (safetensors files)" in out and "weights hqq" in out, out


@pytest.mark.parametrize("dtype", ["auto", "AUTO", None, ""], ids=["auto", "AUTO", "null", "empty"])
def test_torch_dtype_auto_or_missing_is_bf16_and_said(tmp_path, capsys, dtype):
    config = {**QWEN3_8B, "torch_dtype": dtype}
    folder = write_model(tmp_path, "Qwen3-8B", config)
    code, out, _ = size(str(folder), capsys=capsys)
    assert code == 0 and "weights bf16" in out and "bf16 assumed" in out and "15.26 GiB" in out, out


def test_a_named_dtype_says_nothing_assumed(tmp_path, capsys):
    for dtype, label in (("float16", "fp16"), ("float32", "fp32"), ("bfloat16", "bf16")):
        folder = write_model(tmp_path, dtype, {**QWEN3_8B, "torch_dtype": dtype})
        code, out, _ = size(str(folder), capsys=capsys)
        assert code == 0 and f"weights {label}" in out and "assumed" not in out, out


def test_the_configs_own_huge_length_does_not_fit_and_says_how_to_size_a_shorter_one(tmp_path, capsys):
    folder = write_model(tmp_path, "Llama-4-Scout-like", {**QWEN3_8B, "max_position_embeddings": 10_485_760})
    code, out, _ = size(str(folder), capsys=capsys)
    assert code == 0 and "DOES NOT FIT" in out and "the config's length: size a shorter one with --max-model-len" in out
    code, out, _ = size(str(folder), "--max-model-len", "32768", capsys=capsys)
    assert code == 0 and "verdict:  FITS" in out and "the config's length" not in out, out
    largest = write_model(tmp_path, "int32", {**QWEN3_8B, "max_position_embeddings": 2**31 - 1})
    code, out, _ = size(str(largest), "--max-model-len", "32K", capsys=capsys)
    assert code == 0 and "verdict:  FITS" in out, out


# ------------------------------------------------------------------------------------------------- model paths
def test_a_file_is_named_with_its_folder(tmp_path, capsys):
    folder = write_model(tmp_path, "我的 模型", QWEN3_8B)
    for file in ("config.json", "model.safetensors"):
        (folder / file).touch()
        code, _, err = size(str(folder / file), capsys=capsys)
        assert code == 2 and "is a file" in err and shlex.quote(str(folder)) in err, err


def test_a_symlink_loop_and_a_dangling_link_are_named(tmp_path, capsys):
    loop = tmp_path / "Qwen3-8B"
    loop.symlink_to(loop)
    code, _, err = size(str(loop), capsys=capsys)
    assert code == 2 and "a symbolic link that loops" in err and "no such model directory" not in err, err
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    code, _, err = size(str(tmp_path / "a"), capsys=capsys)
    assert code == 2 and "a symbolic link that loops" in err, err
    gone = tmp_path / "current"
    gone.symlink_to(tmp_path / "deleted-model")
    code, _, err = size(str(gone), capsys=capsys)
    assert code == 2 and f"a symbolic link to {tmp_path / 'deleted-model'}, which does not exist" in err, err


def test_an_unreadable_folder_is_named_not_a_traceback(tmp_path, capsys, monkeypatch):
    folder = write_model(tmp_path, "Qwen3-8B", QWEN3_8B)
    if os.geteuid() != 0:
        folder.chmod(0)
    else:  # root reads any folder: the refusal the kernel gives a user is given here

        def refuse(path: Any) -> Any:
            raise PermissionError(13, "Permission denied", str(path))

        monkeypatch.setattr(os, "listdir", refuse)
    try:
        code, out, err = size(str(folder), capsys=capsys)
    finally:
        folder.chmod(0o755)
    assert code == 2 and out == "" and "cannot be read (permission denied)" in err and "chmod" in err, err


def test_an_unreadable_config_is_named(tmp_path, capsys, monkeypatch):
    folder = write_model(tmp_path, "Qwen3-8B", QWEN3_8B)
    original = Path.read_bytes

    def refuse(self: Path) -> bytes:
        if self.name == "config.json":
            raise PermissionError(13, "Permission denied", str(self))
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    code, _, err = size(str(folder), capsys=capsys)
    assert code == 2 and f"{folder / 'config.json'}: cannot read (Permission denied)" in err, err


def test_links_into_a_cache_whose_blobs_were_deleted_are_named(tmp_path, capsys):
    folder = tmp_path / "snapshots" / "abc"
    folder.mkdir(parents=True)
    (folder / "config.json").symlink_to("../../blobs/1a2b")
    code, _, err = size(str(folder), capsys=capsys)
    assert code == 2 and "config.json: a symbolic link to ../../blobs/1a2b, which does not exist" in err, err
    (folder / "config.json").unlink()
    (folder / "config.json").write_text(json.dumps(QWEN3_8B), encoding="utf-8")
    (folder / "model-00001-of-00002.safetensors").symlink_to("../../blobs/3c4d")
    code, _, err = size(str(folder), capsys=capsys)
    assert code == 2 and "model-00001-of-00002.safetensors: a symbolic link" in err and "download" in err, err


def test_a_fifo_named_as_weights_does_not_hang(tmp_path, capsys):
    folder = write_model(tmp_path, "Qwen3-8B", QWEN3_8B)
    os.mkfifo(folder / "model.safetensors")
    code, out, _ = size(str(folder), capsys=capsys)
    assert code == 0 and "estimated from config.json" in out, out


@pytest.mark.parametrize("name", ["my models/Qwen3 8B", "模型/通义千问-8B", "models/Qwen3-8B (副本)", "a'b/Qwen"])
def test_a_path_with_spaces_or_chinese_characters_is_sized(tmp_path, capsys, name):
    folder = write_model(tmp_path, name, QWEN3_8B, total_size=QWEN3_8B_TOTAL_SIZE)
    code, out, err = size(str(folder), capsys=capsys)
    assert code == 0 and err == "" and f"model:    {folder.name}: 36 layers" in out, err
    code, out, _ = size(str(folder), "--json", capsys=capsys)
    assert json.loads(out)["estimate"]["model"] == folder.name
