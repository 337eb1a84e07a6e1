"""The embedded default's start options and answer budget (issue 17: a start in seconds, a first run in minutes)."""

from __future__ import annotations

import json
import sys

import pytest

from pytest_llmeval.plugin import get_session
from pytest_llmeval.serving import embedded
from pytest_llmeval.serving.embedded import (
    CONVERSION_VERSION,
    EMBEDDED_MAX_TOKENS,
    STOP_TOKEN_IDS,
    cpu_compile_env,
    embedded_vllm_args,
    prepare_embedded_model,
)
from pytest_llmeval.serving.server import ServerSettings, VLLMServer, cpu_build


def test_embedded_model_is_served_without_compile_unless_the_user_chooses_a_level():
    assert embedded_vllm_args([]) == ["-O0"]
    assert embedded_vllm_args(["--seed", "7"]) == ["-O0", "--seed", "7"]
    for own in (["-O3"], ["--compilation-config", '{"mode": 3}'], ["--compilation-config={}"], ["-O", "2"]):
        assert embedded_vllm_args(own) == own


def test_cpu_build_compile_cache_env_keeps_the_cache_beside_vllms(tmp_path):
    env = cpu_compile_env({"VLLM_CACHE_ROOT": str(tmp_path)})
    assert env == {"VLLM_USE_AOT_COMPILE": "0", "TORCHINDUCTOR_CACHE_DIR": str(tmp_path / "torchinductor")}


def test_launched_cpu_server_gets_the_env_and_a_users_own_value_wins(tmp_path, monkeypatch):
    if not cpu_build(sys.executable):
        pytest.skip("vLLM's CPU build is not installed here")
    monkeypatch.setenv("VLLM_CACHE_ROOT", str(tmp_path))
    monkeypatch.delenv("VLLM_USE_AOT_COMPILE", raising=False)
    monkeypatch.delenv("TORCHINDUCTOR_CACHE_DIR", raising=False)  # set by torch once inductor ran in this process
    server = VLLMServer("/models/x", "x", ServerSettings(), tmp_path / "log")
    env = server.environment()
    assert env["VLLM_USE_AOT_COMPILE"] == "0" and env["TORCHINDUCTOR_CACHE_DIR"] == str(tmp_path / "torchinductor")
    monkeypatch.setenv("VLLM_USE_AOT_COMPILE", "1")
    assert server.environment()["VLLM_USE_AOT_COMPILE"] == "1"


def test_a_converted_model_gets_turn_end_stop_tokens_without_converting_again(tmp_path, monkeypatch):
    target = tmp_path / "models" / f"gemma-3-270m-bf16-v{CONVERSION_VERSION}"
    target.mkdir(parents=True)
    (target / ".complete").write_text("ok\n", encoding="utf-8")
    (target / "generation_config.json").write_text(json.dumps({"eos_token_id": 1, "bos_token_id": 2}), "utf-8")
    monkeypatch.setattr(embedded, "_convert", lambda target: pytest.fail("converted again"))
    model = prepare_embedded_model(tmp_path)
    config = json.loads((model.path / "generation_config.json").read_text(encoding="utf-8"))
    assert config == {"eos_token_id": list(STOP_TOKEN_IDS), "bos_token_id": 2}
    assert STOP_TOKEN_IDS == (1, 105, 106)  # <eos>, <start_of_turn>, <end_of_turn> in Gemma 3's vocabulary
    before = (model.path / "generation_config.json").stat().st_mtime_ns
    prepare_embedded_model(tmp_path)  # already right: read, not rewritten
    assert (model.path / "generation_config.json").stat().st_mtime_ns == before


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ([], EMBEDDED_MAX_TOKENS),
        (["--llm-model", "embedded"], EMBEDDED_MAX_TOKENS),
        (["--llm-model", "a=embedded", "--llm-model", "b=embedded"], EMBEDDED_MAX_TOKENS),
        (["--llm-model", "embedded", "--llm-max-tokens", "64"], 64),
        (["--llm-model", "q=Qwen/Qwen3-8B"], 512),
        (["--llm-model", "embedded", "--llm-model", "q=Qwen/Qwen3-8B"], 512),  # one budget for a comparison
    ],
)
def test_answer_budget_is_small_only_for_the_embedded_base_model(pytester, monkeypatch, tmp_path, args, expected):
    repo = tmp_path / "hf" / "hub" / "models--Qwen--Qwen3-8B"  # the hub id is downloaded: else a usage error
    (repo / "snapshots" / "abc").mkdir(parents=True)
    (repo / "snapshots" / "abc" / "config.json").write_text("{}", encoding="utf-8")
    (repo / "refs").mkdir()
    (repo / "refs" / "main").write_text("abc", encoding="utf-8")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    monkeypatch.delenv("HF_HUB_CACHE", raising=False)
    pytester.makeini("[pytest]\n")
    config = pytester.parseconfigure(*args)
    assert get_session(config).settings.max_tokens == expected
    assert EMBEDDED_MAX_TOKENS == 128


def test_ini_max_tokens_applies_to_the_embedded_model_too(pytester):
    pytester.makeini("[pytest]\nllm_max_tokens = 300\n")
    assert get_session(pytester.parseconfigure()).settings.max_tokens == 300
