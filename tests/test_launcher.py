"""The vLLM launcher: error paths (bad model path, port clash, timeout) and,
end to end, a plugin-launched server interrupted with Ctrl-C mid-generation."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import psutil
import pytest

from pytest_llmeval.serving.server import ServerSettings, ServerStartError, VLLMServer, diagnose

ROOT = Path(__file__).resolve().parents[1]


def vllm_processes_on(port: int) -> list[psutil.Process]:
    found = []
    for proc in psutil.process_iter(["cmdline"]):
        cmdline = proc.info["cmdline"] or []
        if "--port" in cmdline and str(port) in cmdline:
            found.append(proc)
    return found


def test_diagnose_known_failures():
    assert "gpu-memory-utilization" in diagnose("torch.OutOfMemoryError: CUDA out of memory")
    assert "port" in diagnose("OSError: [Errno 98] Address already in use")
    assert diagnose("all good") is None


def test_timeout_reports_log_tail_and_kills_the_tree(tmp_path, monkeypatch):
    # the wrapper below also answers the launcher's probes of its environment (is it vLLM's CPU build?) by
    # hanging: each probe is cut short and its process group killed, leaving nothing behind either
    monkeypatch.setattr("pytest_llmeval.serving.server.PROBE_TIMEOUT_S", 2.0)
    fake = tmp_path / "fake_vllm.py"
    fake.write_text(
        textwrap.dedent("""
        import subprocess, sys, time
        print("loading weights slowly...", flush=True)
        subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)", sys.argv[0]])
        time.sleep(600)
    """)
    )
    # settings.python is the interpreter; a script in place of `-m vllm...` is reached through a wrapper
    wrapper = tmp_path / "python"
    wrapper.write_text(f"#!/bin/sh\nexec {sys.executable} {fake}\n")
    wrapper.chmod(0o755)
    server = VLLMServer(
        "/models/x", "x", ServerSettings(startup_timeout_s=3, python=str(wrapper)), tmp_path / "server.log"
    )
    with pytest.raises(ServerStartError) as info:
        server.start()
    message = str(info.value)
    assert "vLLM was not healthy after 3 s" in message
    assert "loading weights slowly..." in message and str(tmp_path / "server.log") in message
    time.sleep(0.5)
    assert server.process is None
    assert not [p for p in psutil.process_iter(["cmdline"]) if str(fake) in " ".join(p.info["cmdline"] or [])]


def _sleeper(tmp_path: Path, ignore_term: bool = False) -> VLLMServer:
    """A VLLMServer whose process is a plain sleeping Python (own process group, as launch() makes it)."""
    code = "import signal, time\n"
    if ignore_term:
        code += "signal.signal(signal.SIGTERM, signal.SIG_IGN)\n"
    code += "print('up', flush=True)\ntime.sleep(600)\n"
    server = VLLMServer("/models/x", "x", ServerSettings(), tmp_path / "s.log")
    server.process = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, start_new_session=True)
    assert server.process.stdout is not None and server.process.stdout.readline() == b"up\n"
    return server


def test_stop_tells_a_server_killed_from_outside_from_its_own_stop(tmp_path, monkeypatch):
    """The exit code of a server that died on its own is reported by stop(), also when the kill lands in the
    moment of the stop (the process is exiting but cannot be reaped yet); a server that this stop ended -
    by SIGTERM, or SIGKILL after the grace period - reports None."""
    monkeypatch.setattr("pytest_llmeval.serving.server.STOP_GRACE_S", 1.0)
    running = _sleeper(tmp_path)
    assert running.stop() is None

    stubborn = _sleeper(tmp_path, ignore_term=True)
    assert stubborn.stop() is None  # SIGKILLed by the stop itself after the grace period

    killed = _sleeper(tmp_path)
    assert killed.process is not None
    killed.process.kill()
    killed.process.wait()
    assert killed.stop() == -signal.SIGKILL

    racing = _sleeper(tmp_path)  # killed from outside, not yet reapable when stop() first polls
    assert racing.process is not None
    proc = racing.process
    real_poll = proc.poll
    calls: list[int] = []

    def first_poll_misses() -> int | None:
        calls.append(1)
        return None if len(calls) == 1 else real_poll()

    monkeypatch.setattr(proc, "poll", first_poll_misses)
    os.kill(proc.pid, signal.SIGKILL)
    assert racing.stop() == -signal.SIGKILL


@pytest.mark.vllm
def test_bad_model_path_fails_fast_with_log_tail(tmp_path):
    server = VLLMServer(
        str(tmp_path / "no-such-model"), "x", ServerSettings(startup_timeout_s=300), tmp_path / "server.log"
    )
    started = time.time()
    with pytest.raises(ServerStartError) as info:
        server.start()
    assert time.time() - started < 120
    message = str(info.value)
    assert "vLLM exited with code" in message
    assert f"Model: {tmp_path / 'no-such-model'}" in message
    assert "--- last lines of the log ---" in message


@pytest.mark.vllm
def test_port_clash_is_reported(tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        server = VLLMServer(
            str(tmp_path / "m"), "x", ServerSettings(startup_timeout_s=300), tmp_path / "s.log", port=port
        )
        with pytest.raises(ServerStartError) as info:
            server.start()
    assert "vLLM exited with code" in str(info.value)
    assert not vllm_processes_on(port)


LONG_RUN_TEST = """
import pytest


def test_scenario(llm_result):
    if not llm_result.passed:
        pytest.fail(llm_result.failure_message(), pytrace=False)


def test_long_generation(llm_client):
    llm_client.complete([{"role": "user", "content": "写一篇很长的文章。"}], max_tokens=4000,
                        extra_body={"ignore_eos": True})
"""


# A shell that starts a command in the background without job control (`.ci/run > log &`, nohup, most CI
# runners) starts it with SIGINT ignored, and Python keeps an ignored SIGINT ignored: the child pytest would
# never see the Ctrl-C. A user's Ctrl-C comes from a terminal, so the child gets Python's own handler back.
CHILD_PYTEST_WITH_CTRL_C = (
    "import signal, sys, pytest; signal.signal(signal.SIGINT, signal.default_int_handler); "
    "sys.exit(pytest.main(sys.argv[1:]))"
)


@pytest.mark.vllm
def test_plugin_launches_server_and_ctrl_c_leaves_nothing_behind(tmp_path, small_scenarios):
    """The plugin starts vLLM itself; Ctrl-C during generation stops it and keeps measured results."""
    (tmp_path / "pytest.ini").write_text("[pytest]\n")
    (tmp_path / "test_run.py").write_text(LONG_RUN_TEST)
    report_dir = tmp_path / "report"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            CHILD_PYTEST_WITH_CTRL_C,
            "test_run.py",
            f"--llm-scenarios={small_scenarios}",
            "-k",
            "capital or long",
            "--llm-report-dir",
            str(report_dir),
            "-p",
            "no:cacheprovider",
            "--llm-startup-timeout",
            "600",
        ],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    results = report_dir / "results.json"
    try:
        deadline = time.time() + 600
        doc: dict = {}
        while time.time() < deadline and proc.poll() is None:
            if results.exists():
                doc = json.loads(results.read_text(encoding="utf-8"))
                if doc["cases"]:
                    break
            time.sleep(1)
        assert doc.get("cases"), "the first case never finished"
        (launch,) = doc["run"]["launches"]
        assert psutil.pid_exists(launch["pid"]) and vllm_processes_on(launch["port"])
        time.sleep(3)  # now inside the 4000-token generation
        proc.send_signal(signal.SIGINT)
        stopped_at = time.time()
        try:
            output, _ = proc.communicate(timeout=120)
            again = ""
        except subprocess.TimeoutExpired:
            # If the run does not end, a second Ctrl-C - what a user does - must still end it with nothing left
            proc.send_signal(signal.SIGINT)
            output, _ = proc.communicate(timeout=120)
            again = " (after a second Ctrl-C)"
            print(output[-15000:])
        print(f"measured: pytest ended {time.time() - stopped_at:.1f} s after Ctrl-C{again}")
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == pytest.ExitCode.INTERRUPTED, output
    assert "KeyboardInterrupt" in output
    final = json.loads(results.read_text(encoding="utf-8"))
    assert final["run"]["status"] == "interrupted"
    assert [c["scenario_id"] for c in final["cases"]] == ["capital"]
    assert (report_dir / "report.md").exists()
    # no GPU here: the server tree's resident memory was sampled while it served
    memory = final["run"]["memory"]["gemma-3-270m"]
    assert memory["source"] == "rss" and memory["peak_mib"] > 200 and memory["samples"] >= 2
    assert not psutil.pid_exists(launch["pid"]) or psutil.Process(launch["pid"]).status() == psutil.STATUS_ZOMBIE
    assert not vllm_processes_on(launch["port"])
    assert Path(launch["log"]).is_file()


def test_secrets_in_the_server_command_are_redacted():
    from pytest_llmeval.serving.server import redact

    assert redact(["vllm", "--api-key", "sk-1", "--port", "1", "--hf-token=hf_x"]) == [
        "vllm",
        "--api-key",
        "***",
        "--port",
        "1",
        "--hf-token=***",
    ]
    # vLLM reads _ as - in flag names: --api_key and --hf_token were recorded in clear
    spelled = ["--api_key", "sk-1", "--llm-vllm-arg=--api_key=sk-2", "--hf_token=hf-3", "--llm-vllm-arg=--HF-TOKEN"]
    assert redact([*spelled, "hf-4", "--llm-vllm-arg=--api_key sk-5", "--api-keys", "kept"]) == [
        "--api_key",
        "***",
        "--llm-vllm-arg=--api_key=***",
        "--hf_token=***",
        "--llm-vllm-arg=--HF-TOKEN",
        "***",
        "--llm-vllm-arg=--api_key ***",
        "--api-keys",
        "kept",
    ]


def test_gpu_selection_limits_memory_sampling():
    from pytest_llmeval.serving.pool import visible_gpus

    assert visible_gpus(ServerSettings(cuda_visible_devices="0,2")) == [0, 2]
    assert visible_gpus(ServerSettings()) is None
    assert visible_gpus(ServerSettings(cuda_visible_devices="GPU-uuid-1")) is None


@pytest.mark.vllm
def test_failed_launch_errors_every_case_and_is_recorded(pytester, small_scenarios):
    """A model folder that is there at the start but gone when its server starts: every case is recorded, failed
    with the launch error - no traceback. (A path missing at the start is a usage error: test_bad_input_round4.)"""
    pytester.makeini("[pytest]\n")
    pytester.makepyfile(test_run=LONG_RUN_TEST)
    missing = pytester.path / "no-such-model"
    missing.mkdir()
    (missing / "config.json").write_text("{}", encoding="utf-8")
    (missing / "model.safetensors").write_bytes(b"w")
    pytester.makeconftest(
        f"import shutil\ndef pytest_collection_finish(session):\n    shutil.rmtree({str(missing)!r})\n"
    )
    result = pytester.runpytest_subprocess(
        f"--llm-scenarios={small_scenarios}",
        "--llm-model",
        str(missing),
        "-k",
        "test_scenario",
        "-p",
        "no:cacheprovider",
        timeout=300,
    )
    result.assert_outcomes(failed=2)  # every case is recorded, failed with the launch error - no traceback
    result.stdout.fnmatch_lines(
        ["*ERROR in launch (launch): --llm-model *no-such-model: no such file or folder. Fix:*"]
    )
    assert "Traceback" not in result.stdout.str() and "def llm_result" not in result.stdout.str()
    doc = json.loads((pytester.path / "llmeval-report" / "results.json").read_text(encoding="utf-8"))
    (launch,) = doc["run"]["launches"]
    assert launch["model"] == "no-such-model" and "no such file or folder" in launch["error"] and launch["pid"] is None
    assert [c["error"]["type"] for c in doc["cases"]] == ["launch", "launch"]
    assert doc["run"]["status"] == "degraded"
