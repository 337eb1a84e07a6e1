"""`python -m pytest_llmeval size ...`: the estimate, the feasibility table, and one-line errors with exit 2."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from sizing_configs import QWEN3_8B, QWEN3_8B_TOTAL_SIZE, QWEN3_32B, write_model

from pytest_llmeval.sizing.cli import main

GPU_LIST = "V100-32GB, RTX4090-24GB, A100-40GB, A100-80GB, H100-80GB, H200-141GB, RTXPro6000-96GB"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_estimate_and_feasibility_table(tmp_path, capsys):
    folder = write_model(tmp_path, "Qwen3-8B", QWEN3_8B, total_size=QWEN3_8B_TOTAL_SIZE)
    code, out, err = run(capsys, str(folder), "--gpu", "A100-80GB", "--max-model-len", "32768")
    assert code == 0 and err == ""
    assert "model:    Qwen3-8B: 36 layers, 8 KV heads x head dim 128; weights bf16" in out
    assert "weights:  15.26 GiB (safetensors index); 15.26 GiB per GPU at TP 1" in out
    assert "KV cache: 147,456 bytes/token (144 KiB, 16-bit)" in out
    assert "budget:   0.9 x 80.00 GiB (A100-80GB) - 15.26 GiB weights - 1.5 GiB reserve = 55.24 GiB KV per GPU" in out
    assert "concurrent sequences of 32,768 tokens" in out
    assert "verdict:  FITS on 1 x A100-80GB (fits)" in out
    lines = out.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("GPU"))
    assert " ".join(lines[header].split()) == "GPU TP weights GiB/GPU KV GiB/GPU fits KV tokens seqs @ 32,768 why not"
    table = lines[header + 2 : header + 2 + 21]
    assert [row.split()[:2] for row in table[:3]] == [["V100-32GB", "1"], ["V100-32GB", "2"], ["V100-32GB", "4"]]
    assert {row.split()[0] for row in table} == set(GPU_LIST.split(", "))
    a100 = next(row.split() for row in table if row.startswith("A100-80GB") and row.split()[1] == "1")
    assert a100[:5] == ["A100-80GB", "1", "15.26", "55.24", "yes"]


def test_tp_and_the_table_for_qwen3_32b(tmp_path, capsys):
    folder = write_model(tmp_path, "Qwen3-32B", QWEN3_32B)
    code, out, _ = run(capsys, str(folder), "--gpu", "RTX 4090", "--tp", "2", "--max-model-len", "32768")
    assert code == 0
    assert "weights:  61.02 GiB (estimated from config.json: 32.76e9 parameters, bf16 2 B/param)" in out
    assert "= 131,072 B per GPU at TP 2" in out
    assert "verdict:  DOES NOT FIT on 2 x RTX4090-24GB (weights 30.5 GiB per GPU + 1.5 GiB reserve exceed" in out
    cells = [line.split() for line in out.splitlines()]
    rows = {(c[0], c[1]): c[4] for c in cells if c and c[0] in GPU_LIST.split(", ")}
    assert rows[("RTX4090-24GB", "1")] == "no" and rows[("RTX4090-24GB", "4")] == "yes"
    assert rows[("A100-80GB", "1")] == "yes" and rows[("A100-80GB", "2")] == "yes"


def test_json_output(tmp_path, capsys):
    folder = write_model(tmp_path, "Qwen3-8B", QWEN3_8B, total_size=QWEN3_8B_TOTAL_SIZE)
    code, out, _ = run(capsys, str(folder), "--gpu", "H100", "--kv-cache-dtype", "fp8", "--json")
    doc = json.loads(out)
    assert code == 0 and doc["estimate"]["kv_bytes_per_token"] == 73_728 and len(doc["feasibility"]) == 21
    assert doc["estimate"]["gpu"] == "H100-80GB" and doc["estimate"]["max_model_len"] == 40960


@pytest.mark.parametrize(
    ("make", "args", "message"),
    [
        (
            lambda tmp: tmp / "nope",
            [],
            "{dir}: no such model directory. Fix: pass a local model directory (with config.json)",
        ),
        (
            lambda tmp: (tmp / "empty").mkdir() or tmp / "empty",
            [],
            "{dir}/config.json: missing. Fix: pass a Hugging Face model directory (with config.json)",
        ),
        (
            lambda tmp: write_model(tmp, "broken", {"hidden_size": 4096, "num_attention_heads": 32}),
            [],
            "{dir}/config.json: field 'num_hidden_layers' missing or not a positive integer. "
            "Fix: use the model's own config.json",
        ),
        (
            lambda tmp: write_model(tmp, "ok", QWEN3_8B),
            ["--gpu", "TPU-v9"],
            f"unknown --gpu 'TPU-v9'. Fix: use one of {GPU_LIST} or a memory size such as 48GiB",
        ),
        (
            lambda tmp: write_model(tmp, "ok", QWEN3_8B),
            ["--tp", "0"],
            "--tp 0 must be >= 1. Fix: pass --tp 1, 2, 4 ...",
        ),
        (
            lambda tmp: write_model(tmp, "ok", QWEN3_8B),
            ["--quantization", "int3"],
            "unknown --quantization 'int3'. Fix: use one of "
            "['awq', 'awq_marlin', 'fbgemm_fp8', 'fp8', 'gptq', 'gptq_marlin', 'int4', 'int8', 'modelopt', "
            "'modelopt_fp4', 'mxfp4', 'nvfp4']",
        ),
    ],
)
def test_errors_are_one_line_with_exit_2(tmp_path, capsys, make, args, message):
    folder = make(tmp_path)
    code, out, err = run(capsys, str(folder), *args)
    assert code == 2 and out == ""
    assert err == "error: " + message.format(dir=folder) + "\n"


def test_usage_errors_exit_2_without_a_traceback(capsys):
    code, _, err = run(capsys, "--kv-cache-dtype", "int2")
    assert code == 2 and "usage: python -m pytest_llmeval size" in err and "Traceback" not in err


def test_through_python_m_pytest_llmeval(tmp_path):
    folder = write_model(tmp_path, "Qwen3-8B", QWEN3_8B, total_size=QWEN3_8B_TOTAL_SIZE)
    ok = subprocess.run(
        [sys.executable, "-m", "pytest_llmeval", "size", str(folder), "--gpu", "A100-80GB", "--max-model-len", "32768"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert ok.returncode == 0, ok.stderr
    assert "147,456 bytes/token" in ok.stdout and "FITS" in ok.stdout and "H200-141GB" in ok.stdout
    bad = subprocess.run(
        [sys.executable, "-m", "pytest_llmeval", "size", str(tmp_path / "nope")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
    assert bad.stderr.strip().splitlines() == [
        f"error: {tmp_path / 'nope'}: no such model directory. Fix: pass a local model directory (with config.json)"
    ]
