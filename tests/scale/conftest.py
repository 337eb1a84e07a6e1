"""Fixtures of the scale-out tests: a `python` whose vLLM API server is tests/scale/fake_vllm.py."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest

FAKE_VLLM = Path(__file__).resolve().parent / "fake_vllm.py"


@pytest.fixture
def fake_vllm_python(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> tuple[str, Path]:
    """(python, log): the API server module runs the fake, which appends its start (model, GPUs, arguments) and
    stop to the log; anything else (the launcher's probes of the environment) runs the real interpreter."""
    folder = tmp_path_factory.mktemp("fake-vllm")
    python = folder / "fake-python"
    python.write_text(
        "#!/bin/sh\n"
        'if [ "$1" = "-m" ] && [ "$2" = "vllm.entrypoints.openai.api_server" ]; then\n'
        f'  exec {sys.executable} {FAKE_VLLM} "$@"\n'
        "fi\n"
        f'exec {sys.executable} "$@"\n',
        encoding="utf-8",
    )
    python.chmod(python.stat().st_mode | stat.S_IEXEC)
    log = folder / "starts.jsonl"
    monkeypatch.setenv("FAKE_VLLM_LOG", str(log))
    monkeypatch.setenv("FAKE_VLLM_START_S", "1.0")
    return str(python), log
