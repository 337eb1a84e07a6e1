"""Bad input on the command line, in ini keys and in config files, as a user types it: one error that names the
option or file and the fix - never a traceback, never a hang, and never the API key itself.

Found in a review: nan/inf slipping through numeric checks (the gate, the sizing reserve, per-model settings),
FIFOs read forever (prices, cache, URL files, datasets, merge shards), output paths failing after the work was
printed, the key given in place of its variable's name echoed, and errors naming `BenchConfig.*` or a temp file
instead of the option the user typed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pytest_llmeval.bench.config import BenchConfig, BenchConfigError
from pytest_llmeval.cost.prices import PricesError, load_prices
from pytest_llmeval.results.schema import SCHEMA_VERSION
from pytest_llmeval.sizing.model_config import SizingError, read_model

KEY = "sk-live-TOPSECRET0123456789"
MODEL_CONFIG = {
    "model_type": "llama",
    "hidden_size": 1024,
    "num_hidden_layers": 4,
    "num_attention_heads": 8,
    "num_key_value_heads": 8,
    "intermediate_size": 2048,
    "vocab_size": 1000,
    "max_position_embeddings": 2048,
    "torch_dtype": "bfloat16",
}


def cli(cwd: Path, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pytest_llmeval", *args], capture_output=True, text=True, cwd=cwd, timeout=timeout
    )


def plugin(cwd: Path, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """A pytest run of a project with one plain test (the plugin validates its settings at start)."""
    if not (cwd / "test_x.py").exists():
        (cwd / "test_x.py").write_text("def test_x():\n    pass\n", encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "--collect-only", "-q", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=timeout,
    )


def one_clean_error(done: subprocess.CompletedProcess[str], code: int, *words: str) -> str:
    out = done.stdout + done.stderr
    assert done.returncode == code, out
    assert "Traceback" not in out and "INTERNALERROR" not in out, out
    assert "Fix" in out, out
    for word in words:
        assert word in out, (word, out)
    return out


def results_json(folder: Path) -> Path:
    path = folder / "results.json"
    doc = {"schema_version": SCHEMA_VERSION, "run": {"status": "complete"}, "cases": []}
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


# ------------------------------------------------------------------------------------------------ the commands


@pytest.mark.parametrize("threshold", ["score:nan", "score:inf", "ttft_p50:inf%"])
def test_compare_refuses_a_gate_threshold_that_is_not_finite(tmp_path, threshold):
    """nan failed every comparison of two equal runs (exit 6); inf let every regression through (exit 0)."""
    run = results_json(tmp_path)
    one_clean_error(cli(tmp_path, "compare", str(run), str(run), "--fail", threshold), 2, "not a finite number")


@pytest.mark.parametrize(
    ("command", "flag"),
    [
        (["report", "RUN", "--markdown"], "--markdown"),
        (["report", "RUN", "--html"], "--html"),
        (["compare", "RUN", "RUN", "--json"], "--json"),
        (["compare", "RUN", "RUN", "--markdown"], "--markdown"),
        (["schema", "--output"], "--output"),
    ],
)
@pytest.mark.parametrize("where", ["a folder", "a missing folder"])
def test_an_output_path_that_cannot_be_written_is_refused_before_the_work(tmp_path, command, flag, where):
    """It failed after the report or the comparison had been printed, and replaced the gate's exit code by 2."""
    run = results_json(tmp_path)
    target = tmp_path if where == "a folder" else tmp_path / "missing" / "out.md"
    args = [str(run) if a == "RUN" else a for a in command] + [str(target)]
    done = cli(tmp_path, *args)
    one_clean_error(done, 2, flag, str(target))
    assert "Summary" not in done.stdout and "Comparison" not in done.stdout


def test_accept_names_the_baseline_option_not_a_temp_file(tmp_path):
    run = results_json(tmp_path)
    (tmp_path / "base").mkdir()
    out = one_clean_error(cli(tmp_path, "accept", str(run), "--baseline", "base"), 2, "--baseline base: is a folder")
    assert ".tmp" not in out


def test_runs_with_a_file_for_the_runs_folder_says_so(tmp_path):
    run = results_json(tmp_path)
    one_clean_error(cli(tmp_path, "runs", "--runs-dir", str(run)), 2, "is a file, not a folder")


@pytest.mark.parametrize("kind", ["missing", "fifo"])
def test_merge_names_a_shard_that_is_no_file_and_never_waits_on_a_fifo(tmp_path, kind):
    shard = tmp_path / "shard.json"
    if kind == "fifo":
        os.mkfifo(shard)
    done = cli(tmp_path, "merge", str(shard), "-o", str(tmp_path / "merged"), timeout=30)
    one_clean_error(done, 2, str(shard), "--llm-report-dir")


def test_rescore_with_an_unset_judge_key_is_an_error_not_a_traceback(tmp_path, monkeypatch):
    run = results_json(tmp_path)
    monkeypatch.delenv("NO_SUCH_KEY_VAR", raising=False)
    done = cli(tmp_path, "rescore", str(run), "--llm-judge", "http://127.0.0.1:9/v1@j", "--llm-judge-api-key-env",
               "NO_SUCH_KEY_VAR")  # fmt: skip
    one_clean_error(done, 2, "NO_SUCH_KEY_VAR", "export")


def test_rescore_never_prints_a_key_given_in_place_of_its_variable_name(tmp_path):
    run = results_json(tmp_path)
    done = cli(tmp_path, "rescore", str(run), "--llm-judge", "http://127.0.0.1:9/v1@j", "--llm-judge-api-key-env", KEY)
    out = one_clean_error(done, 2, "--llm-judge-api-key-env", "NAME of an environment variable")
    assert KEY not in out


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--reserve-gib", "nan"], ["--reserve-gib"]),  # was a ValueError traceback
        (["--reserve-gib", "-5"], ["--reserve-gib"]),
        (["--reserve-gib", "inf"], ["--reserve-gib"]),
        (["--max-num-batched-tokens", "0"], ["--max-num-batched-tokens"]),
        (["--max-num-batched-tokens", "-5"], ["--max-num-batched-tokens"]),
        (["--gpu", "0GiB"], ["0GiB", "above 0"]),
        (["--gpu", "99999999999GiB"], ["99999999999GiB"]),  # named '1e+11GiB', 'unknown GPU'
    ],
)
def test_size_refuses_numbers_it_cannot_use(tmp_path, args, words):
    model = tmp_path / "model"
    model.mkdir()
    (model / "config.json").write_text(json.dumps(MODEL_CONFIG), encoding="utf-8")
    one_clean_error(cli(tmp_path, "size", str(model), *args), 2, *words)


def test_size_given_the_config_json_names_its_folder(tmp_path):
    (tmp_path / "config.json").write_text(json.dumps(MODEL_CONFIG), encoding="utf-8")
    one_clean_error(cli(tmp_path, "size", "config.json"), 2, "is a file", "pass the model directory")


def test_sizing_refuses_git_lfs_pointers_and_deep_json(tmp_path):
    """A clone without `git lfs pull` sized its ~130-byte pointers as the weights: 0.00 GiB, fits anywhere."""
    (tmp_path / "config.json").write_text(json.dumps(MODEL_CONFIG), encoding="utf-8")
    (tmp_path / "model.safetensors").write_text(
        "version https://git-lfs.github.com/spec/v1\noid sha256:0\nsize 1600000000\n", encoding="utf-8"
    )
    with pytest.raises(SizingError, match="Git LFS pointer.*Fix: fetch"):
        read_model(tmp_path)
    (tmp_path / "config.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(SizingError, match="not valid JSON"):
        read_model(tmp_path)


# ------------------------------------------------------------------------------------------------ the plugin


@pytest.mark.parametrize(
    ("option", "words"),
    [
        ("--llm-temperature=inf", ["--llm-temperature", "finite"]),  # was named '--llm-bench-*: BenchConfig...'
        ("--llm-request-timeout=inf", ["--llm-request-timeout", "finite"]),  # a request that never times out
        ("--llm-bench-concurrency=0", ["--llm-bench-concurrency 0"]),
        ("--llm-bench-warmup=-1", ["--llm-bench-warmup -1"]),
        ("--llm-bench-prompt-file=missing.txt", ["--llm-bench-prompt-file missing.txt: no such file"]),
        ("--llm-repeat=99999999999", ["--llm-repeat", "10000"]),  # each repeat a test item: never collected
        ("--llm-max-tokens=99999999999999999999999", ["--llm-max-tokens", "too large"]),
        ("--llm-compare-fail=score:nan", ["--llm-compare-fail", "not a finite number"]),
        ("--llm-model-arg=gemma-3-270m:gpu_memory_utilization=5", ["gpu_memory_utilization", "(0, 1]"]),
        ("--llm-model-arg=gemma-3-270m:gpu_memory_utilization=nan", ["gpu_memory_utilization", "(0, 1]"]),
    ],
)
def test_plugin_options_with_values_it_cannot_use_are_usage_errors_naming_them(tmp_path, option, words):
    one_clean_error(plugin(tmp_path, option), pytest.ExitCode.USAGE_ERROR, *words)


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("llm_compare_fial = score:5", ["llm_compare_fial", "did you mean `llm_compare_fail`"]),
        ("rag_topk = 3", ["rag_topk", "did you mean `rag_top_k`"]),
        ("llm_max_tokens = abc", ["llm_max_tokens", "whole number"]),
        ("llm_temperature = nan", ["llm_temperature", "finite"]),
        ("llm_bench_concurrency = 0", ["llm_bench_concurrency"]),
    ],
)
def test_ini_keys_misspelt_or_of_the_wrong_type_are_named_with_the_fix(tmp_path, line, words):
    """A misspelt key was a warning at the end of the run, after its setting (a gate, a model) was ignored."""
    (tmp_path / "pytest.ini").write_text(f"[pytest]\n{line}\n", encoding="utf-8")
    one_clean_error(plugin(tmp_path), pytest.ExitCode.USAGE_ERROR, *words)


@pytest.mark.parametrize(
    "option",
    [
        "--llm-prices={fifo}",
        "--llm-cache-path={fifo}",
        "--llm-base-url=@{fifo}",
        "--llm-dataset=jsonl:{fifo}",
        "--llm-bench-prompt-file={fifo}",
    ],
)
def test_a_fifo_given_for_a_file_is_refused_not_read_forever(tmp_path, option):
    fifo = tmp_path / "input.txt"
    os.mkfifo(fifo)
    done = plugin(tmp_path, option.format(fifo=fifo), timeout=60)
    one_clean_error(done, pytest.ExitCode.USAGE_ERROR, str(fifo.name))


@pytest.mark.parametrize("flag", ["--llm-api-key-env", "--llm-judge-api-key-env", "--rag-api-key-env"])
def test_a_key_given_in_place_of_its_variable_name_is_never_printed(tmp_path, flag):
    done = plugin(
        tmp_path,
        "--llm-base-url=http://127.0.0.1:9/v1",
        "--llm-judge=http://127.0.0.1:9/v1@judge",
        f"{flag}={KEY}",
    )
    out = one_clean_error(done, pytest.ExitCode.USAGE_ERROR, flag, "NAME of an environment variable")
    assert KEY not in out


def test_an_unset_rag_key_is_a_usage_error_before_any_case(tmp_path, monkeypatch):
    """It errored every RAG case of the run, which was saved as `last` (degraded)."""
    monkeypatch.delenv("NO_SUCH_RAG_KEY", raising=False)
    done = plugin(
        tmp_path, "--rag", "--rag-embedder=openai:http://127.0.0.1:9/v1@e", "--rag-api-key-env=NO_SUCH_RAG_KEY"
    )
    one_clean_error(done, pytest.ExitCode.USAGE_ERROR, "NO_SUCH_RAG_KEY", "--rag-api-key-env")


# ------------------------------------------------------------------------------------------------ config files


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("api: {}\ngpu: {amortise_years: 3}\n", ["neither hourly_price nor purchase_price"]),  # 'None must be...'
        ("api: {a: {input_per_million: 1}}\ngpu: {hourly_price: 1}\n", ["output_per_million is missing"]),
        ("api: {}\ngpu: {hourly_price: 1, count: 1.5}\n", ["gpu.count", "whole number"]),
        ("currency: [a]\napi: {}\ngpu: {hourly_price: 1}\n", ["currency", "must be text"]),
        ("api: {}\ngpu: {hourly_price: 1, name: {a: 1}}\n", ["gpu.name", "must be text"]),
        ("api:\n\tx: 1\ngpu: {}\n", ["line 2", "indent with spaces"]),
        ("api: {}\ngpu: {purchase_price: 1.0e+300, amortise_years: 1.0e-300}\n", ["cost per hour"]),
        ("[" * 100_000 + "]" * 100_000, ["nested too deeply"]),  # was a RecursionError
    ],
)
def test_a_prices_file_that_cannot_be_used_names_the_field_and_the_fix(tmp_path, text, words):
    path = tmp_path / "prices.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PricesError) as raised:
        load_prices(path)
    message = str(raised.value)
    assert str(path) in message and "Fix" in message, message
    for word in words:
        assert word in message, message


def test_a_prices_number_in_e_notation_is_read_as_a_number(tmp_path):
    """YAML 1.1 reads `1e5` (no dot) as text: 'must be a number >= 0' for what is one."""
    path = tmp_path / "prices.yaml"
    path.write_text("api: {}\ngpu: {purchase_price: 1e5, amortise_years: 1}\n", encoding="utf-8")
    assert load_prices(path).gpu_cost_per_hour == pytest.approx(1e5 / (365 * 24))


def test_a_misspelt_bench_config_field_is_named_with_the_nearest(tmp_path):
    with pytest.raises(BenchConfigError, match="concurency.*did you mean `concurrency`"):
        BenchConfig.from_dict({"concurency": 4})
    with pytest.raises(BenchConfigError, match="request_timeout_s.*finite"):
        BenchConfig(request_timeout_s=float("inf"))


def test_plan_refuses_a_simulated_gpu_count_it_could_never_build(tmp_path):
    """`plan --gpus 99999999x80` built a list of a hundred million GPUs and never finished."""
    done = cli(tmp_path, "plan", "--gpus", "99999999x80", "--llm-model", "a=embedded", timeout=30)
    one_clean_error(done, done.returncode or 2, "more than 1024 GPUs", "--gpus")
    assert done.returncode != 0


def test_a_key_given_where_its_variables_name_belongs_is_never_shown():
    """The bench and the other callers that do not go through the plugin's settings echoed the name they were given
    - a key pasted in its place was printed."""
    from pytest_llmeval.serving.credentials import MissingAPIKey, api_key_from_env

    with pytest.raises(MissingAPIKey) as raised:
        api_key_from_env("sk-live-1234567890abcdef", "--llm-api-key-env")
    assert "sk-live" not in str(raised.value) and "Fix:" in str(raised.value)
