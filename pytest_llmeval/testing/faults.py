"""Fault injection against a pytest run in a subprocess: follow its cases.jsonl as it is written and SIGKILL
a model's vLLM server once that model has answered a number of cases; a stand-in `python` for a launched server."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..results.schema import CASES_FILE, RESULTS_FILE


def case_records(report_dir: Path) -> list[dict[str, Any]]:
    """The complete lines of a cases.jsonl that is being written."""
    path = report_dir / CASES_FILE
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.endswith("}")]


OUTPUT_TAIL = 6000  # characters of a run's output a failed wait shows


def wait_for(predicate: Callable[[], bool], timeout_s: float, proc: subprocess.Popen[Any]) -> None:
    """Poll until `predicate` holds; AssertionError when the run ends or `timeout_s` passes first - with the
    end of what the run printed when its output is a pipe (why it ended is in it)."""
    started = time.monotonic()
    deadline = started + timeout_s
    while time.monotonic() < deadline and proc.poll() is None:
        if predicate():
            return
        time.sleep(0.1)
    if predicate():  # the run wrote it and ended between two polls
        return
    waited = time.monotonic() - started
    ended = proc.poll()
    output = ""
    if ended is not None and proc.stdout is not None:
        output = proc.stdout.read() or ""
    reason = f"the run ended (pytest exit code {ended})" if ended is not None else "still running"
    raise AssertionError(
        f"gave up after {waited:.0f} s of {timeout_s} s: {reason}; the last of its output:\n{output[-OUTPUT_TAIL:]}"
    )


def kill_server_after_cases(
    args: list[str], cwd: Path, report_dir: Path, model: str, cases: int, timeout_s: float = 900
) -> tuple[str, float]:
    """Run pytest with `args`; when `model` has `cases` records, SIGKILL its (first launched) vLLM server.
    Returns the run's output and the time of the kill."""
    proc = subprocess.Popen(args, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        wait_for(lambda: sum(r["model"] == model for r in case_records(report_dir)) >= cases, 600, proc)
        launches = json.loads((report_dir / RESULTS_FILE).read_text(encoding="utf-8"))["run"]["launches"]
        (launch,) = [launch for launch in launches if launch["model"] == model]
        os.kill(launch["pid"], signal.SIGKILL)
        killed_at = time.time()
        output, _ = proc.communicate(timeout=timeout_s)
    finally:
        if proc.poll() is None:
            proc.kill()
    return output, killed_at


def fake_vllm_python(folder: Path, script_text: str) -> str:
    """A 'python' in `folder` that runs `script_text` (a Python script) for vLLM's API server module and is this
    Python otherwise: a launched server's stand-in for --llm-vllm-python or ServerSettings(python=...)."""
    script = folder / "fake_vllm.py"
    script.write_text(script_text, encoding="utf-8")
    python = folder / "python"
    python.write_text(
        "#!/bin/sh\n"
        'if [ "$1" = "-m" ] && [ "$2" = "vllm.entrypoints.openai.api_server" ]; then\n'
        f'  shift 2; exec {sys.executable} {script} "$@"\nfi\n'
        f'exec {sys.executable} "$@"\n',
        encoding="utf-8",
    )
    python.chmod(0o755)
    return str(python)
