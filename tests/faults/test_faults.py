"""Fault injection: every case is recorded, errors are clear and fast, nothing outlives the run, no secret
leaks. Each test names the fault it injects; docs/reliability.md has the table of outcomes."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from pytest_llmeval.testing.faults import case_records, kill_server_after_cases, wait_for
from pytest_llmeval.testing.openai_fake import FakeServer

ROOT = Path(__file__).resolve().parents[2]
# the fault tests start their own servers (never the shared one); vLLM's -O0 skips torch.compile, which
# cuts a CPU start from ~170 s to ~60 s and is not what these tests are about
FAST_SERVER = ["--llm-vllm-arg=-O0", "--llm-startup-timeout=600"]
CASES = """\
suite: faults
cases:
  - id: fine_before
    category: f
    question: 请回答：一加一等于几？
    key_points: [二]
  - id: http_500
    category: f
    question: FAIL 这个请求会得到 HTTP 500。
    key_points: [二]
  - id: cut_stream
    category: f
    question: DROP 这个回答会在中途断开。
    key_points: [二]
  - id: fine_after
    category: f
    question: 请回答：二加二等于几？
    key_points: [四]
"""


@pytest.fixture
def faults_project(llm_project):
    llm_project.scenario("faults.yaml", CASES)
    return llm_project


def test_failed_requests_are_recorded_with_their_error_and_the_run_is_degraded(faults_project):
    """Fault: HTTP 500 on one case, a stream cut mid-answer on another (attached server)."""
    with FakeServer(chunks=6, answers={"一加一": "二", "二加二": "四"}) as fake:
        result = faults_project.run("--llm-base-url", fake.base_url, "--llm-model", "m")
    result.assert_outcomes(passed=2, errors=0, failed=2)
    doc = faults_project.results()
    cases = {c["scenario_id"]: c for c in doc["cases"]}
    assert set(cases) == {"fine_before", "http_500", "cut_stream", "fine_after"}
    assert cases["http_500"]["error"]["type"] == "http" and cases["http_500"]["error"]["status"] == 500
    assert cases["http_500"]["score"] is None and cases["http_500"]["passed"] is False
    assert cases["cut_stream"]["error"]["type"] in ("stream", "connection")
    assert doc["run"]["status"] == "degraded"
    (row,) = doc["aggregates"]["models"]
    assert row["errors"] == 2 and row["pass_rate"] == 50.0 and row["cases"] == 4
    jsonl = [
        json.loads(line)
        for line in (faults_project.path / "llmeval-report" / "cases.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert len(jsonl) == 4
    out = result.stdout.str()
    assert "errors" in out and "ERROR (http)" in faults_project.report()


def test_refused_connection_and_timeout_error_fast_and_are_recorded(faults_project):
    """Fault: nothing listens on the port (connection refused); a server slower than --llm-request-timeout."""
    start = time.monotonic()
    refused = faults_project.run("--llm-base-url", "http://127.0.0.1:9/v1", "--llm-model", "m", "-k", "fine")
    assert time.monotonic() - start < 30
    refused.assert_outcomes(failed=2)
    assert {c["error"]["type"] for c in faults_project.results()["cases"]} == {"connection"}
    with FakeServer(chunks=50, delay_s=0.2) as slow:
        timed_out = faults_project.run(
            "--llm-base-url", slow.base_url, "--llm-model", "m", "-k", "fine_before", "--llm-request-timeout", "1"
        )
    timed_out.assert_outcomes(failed=1)
    (case,) = faults_project.results()["cases"]
    assert case["error"]["type"] in ("timeout", "stream")


def test_missing_model_path_fails_before_anything_is_launched(faults_project):
    """Fault: --llm-model points at a directory that does not exist: a usage error at the start (it was every
    case's launch error, when the model's turn came)."""
    start = time.monotonic()
    result = faults_project.run("--llm-model", "x=/no/such/model", "-k", "fine_before")
    assert time.monotonic() - start < 20
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*--llm-model x=/no/such/model: no such file or folder. Fix:*"])
    assert not (faults_project.path / "llmeval-report").exists()  # nothing ran, nothing launched


def test_hub_id_offline_fails_before_launch(faults_project, monkeypatch, tmp_path):
    monkeypatch.setenv("HF_HOME", str(tmp_path / "empty-hf"))
    monkeypatch.delenv("HF_HUB_CACHE", raising=False)
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    result = faults_project.run("--llm-model", "Qwen/Qwen3-8B", "-k", "fine_before")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*not a file or folder here, and the hub id is not in the Hugging Face cache*Fix:*"])


def test_separate_path_argument_outside_the_project_is_refused(faults_project):
    """Pitfall: `--llm-report-dir ../reports` makes pytest take ../reports for a test path."""
    result = faults_project.run("--llm-report-dir", "../elsewhere")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*Fix: write --llm-report-dir=../elsewhere*"])
    outside = faults_project.path.parent / "a-model-dir"  # a local model outside the project: the same pitfall
    outside.mkdir(exist_ok=True)
    model = faults_project.run("--llm-model", str(outside))
    assert model.ret == pytest.ExitCode.USAGE_ERROR
    model.stderr.fnmatch_lines([f"*Fix: write --llm-model={outside}*"])
    hub = faults_project.run("--llm-model", "Qwen/Qwen3-8B", "--collect-only")  # a hub id is no path: accepted
    assert hub.ret == 0, hub.stderr.str()


def test_a_canary_key_never_leaks(faults_project, monkeypatch):
    """Secrets: the key of the model, the judge and a vLLM --api-key argument appear in no output."""
    canary = "sk-CANARY-7f3a9c1e5d"
    monkeypatch.setenv("CANARY_KEY", canary)
    with FakeServer(answers=lambda req: '{"score": 80, "reason": "ok"}' if "RUBRIC" in str(req) else "二，四") as fake:
        result = faults_project.run(
            "--llm-base-url",
            fake.base_url,
            "--llm-model",
            "m",
            "--llm-api-key-env",
            "CANARY_KEY",
            "--llm-judge",
            f"{fake.base_url}@judge",
            "--llm-judge-api-key-env",
            "CANARY_KEY",
            f"--llm-vllm-arg=--api-key={canary}",
            "--junitxml=junit.xml",
            "-k",
            "fine",
        )
        headers = [r for r in fake.received if r[0] == "/v1/chat/completions"]
    assert headers, "the fake server saw no request"
    result.assert_outcomes(passed=2)
    outputs = [result.stdout.str(), result.stderr.str()]
    for path in (faults_project.path / "llmeval-report").rglob("*"):
        if path.is_file():
            outputs.append(path.read_text(encoding="utf-8", errors="replace"))
    outputs.append((faults_project.path / "junit.xml").read_text(encoding="utf-8"))
    for path in (faults_project.path / ".llmeval").rglob("*.json"):
        outputs.append(path.read_text(encoding="utf-8"))
    assert all(canary not in text for text in outputs)
    doc = faults_project.results()
    assert "--api-key=***" in doc["run"]["settings"]["server"]["extra_args"]
    assert doc["cases"][0]["judge"]["score"] == 80.0


@pytest.mark.vllm
def test_sigkill_of_pytest_while_the_server_starts_leaves_no_process(faults_project, tmp_path):
    """Fault: pytest SIGKILLed (CI time limit, OOM killer) while its vLLM server is starting."""
    report = tmp_path / "report"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-k", "fine_before", f"--llm-report-dir={report}"],
        cwd=faults_project.path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    deadline = time.monotonic() + 240
    server_pid = None
    while time.monotonic() < deadline and server_pid is None:
        for child in psutil.Process(proc.pid).children(recursive=True):
            try:
                if "vllm.entrypoints.openai.api_server" in " ".join(child.cmdline()):
                    server_pid = child.pid
            except psutil.Error:
                pass
        time.sleep(0.5)
    assert server_pid is not None, "the plugin did not launch vLLM"
    time.sleep(8)  # vLLM is importing and spawning its engine now
    tree = {server_pid, *(c.pid for c in psutil.Process(server_pid).children(recursive=True))}
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 30
    alive = tree
    while time.monotonic() < deadline:
        alive = {pid for pid in tree if psutil.pid_exists(pid) and psutil.Process(pid).status() != "zombie"}
        if not alive:
            break
        time.sleep(0.5)
    assert not alive, f"processes of the server tree survived: {alive}"


def test_junit_xml_carries_named_properties_not_a_record(faults_project):
    import xml.etree.ElementTree as ET

    with FakeServer(answers={"一加一": "二"}) as fake:
        faults_project.run(
            "--llm-base-url", fake.base_url, "--llm-model", "m", "-k", "fine_before or http_500", "--junitxml=junit.xml"
        )
    tree = ET.parse(faults_project.path / "junit.xml")
    cases = {
        tc.get("name"): {p.get("name"): p.get("value") for p in tc.iter("property")} for tc in tree.iter("testcase")
    }
    ok = cases["test_scenario[m-fine_before]"]
    assert ok["llmeval_score"] == "100.0" and ok["llmeval_passed"] == "True" and float(ok["llmeval_ttft_s"]) > 0
    assert not any(value.startswith("{") for value in ok.values())
    assert cases["test_scenario[m-http_500]"]["llmeval_error"].startswith("http: ")
    assert (faults_project.path / "junit.xml").stat().st_size < 5000


def test_resume_reuses_finished_cases_and_reruns_the_rest(faults_project):
    """Fault: a run that ended degraded (two cases errored); --llm-resume asks only those again."""
    with FakeServer(chunks=6, answers={"一加一": "二", "二加二": "四"}) as fake:
        first = faults_project.run("--llm-base-url", fake.base_url, "--llm-model", "m")
        assert faults_project.results()["run"]["status"] == "degraded"
        asked_before = fake.requests
        (faults_project.path / "scenarios" / "faults.yaml").write_text(
            CASES.replace("FAIL 这个请求", "这个请求").replace("DROP 这个回答", "这个回答"), encoding="utf-8"
        )
        second = faults_project.run("--llm-base-url", fake.base_url, "--llm-model", "m", "--llm-resume")
        asked = fake.requests - asked_before
    first.assert_outcomes(passed=2, failed=2)
    assert asked == 3  # only the two errored (and now changed) cases were asked again, after one warm-up request
    doc = faults_project.results()
    cases = {c["scenario_id"]: c for c in doc["cases"]}
    assert set(cases) == {"fine_before", "http_500", "cut_stream", "fine_after"}
    assert cases["fine_before"].get("reused") and cases["fine_after"].get("reused")
    assert not cases["http_500"].get("reused") and cases["http_500"]["error"] is None
    assert doc["run"]["resumed"]["reusable"] == 2 and doc["run"]["status"] == "complete"
    second.assert_outcomes(passed=2, failed=2)
    changed = faults_project.run(
        "--llm-base-url", "http://127.0.0.1:9/v1", "--llm-model", "m", "--llm-resume", "--llm-max-tokens", "7"
    )
    assert "resume: 0 reused" in changed.stdout.str()  # the previous run completed: nothing to resume
    assert "not interrupted or degraded" in faults_project.results()["run"]["resumed"]["note"]


def _tmpfs_available(path: Path) -> str | None:
    """Why a private tmpfs cannot be mounted here (None when it can): the full-disk test needs one."""
    if shutil.which("unshare") is None:
        return "no unshare command (util-linux)"
    path.mkdir(parents=True, exist_ok=True)
    probe = subprocess.run(
        ["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", f"mount -t tmpfs -o size=16k tmpfs {path}"],
        capture_output=True,
        text=True,
    )
    return None if probe.returncode == 0 else f"cannot mount a tmpfs in a user namespace: {probe.stderr.strip()}"


def test_a_full_disk_keeps_complete_case_lines_and_stops_with_a_clear_error(faults_project, tmp_path):
    """Fault: the report dir's disk fills during the run (a 48 KiB tmpfs in a private mount namespace)."""
    report, kept = tmp_path / "report", tmp_path / "kept"
    why = _tmpfs_available(report)
    if why:
        pytest.skip(why)
    long_answer = "投资回收期为二十个月，" * 150  # ~4.5 KB per record: the disk fills after a few cases
    faults_project.scenario(
        "many.yaml",
        "suite: many\ncases:\n"
        + "".join(
            f"  - id: long_{i:02d}\n    category: f\n    question: 第{i}题：请写长文。\n    key_points: [二十个月]\n"
            for i in range(30)
        ),
    )
    fake = FakeServer(chunks=4, answers={"请写长文": long_answer})
    with fake:
        script = (
            f"mount -t tmpfs -o size=48k tmpfs {report} && "
            f'"$0" -m pytest -p no:cacheprovider -k long_ --llm-model m --llm-base-url {fake.base_url} '
            f"--llm-report-dir={report}; rc=$?; cp -a {report}/. {kept}/; exit $rc"
        )
        kept.mkdir()
        done = subprocess.run(
            ["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", script, sys.executable],
            cwd=faults_project.path,
            capture_output=True,
            text=True,
            timeout=300,
        )
        output = done.stdout + done.stderr
        assert done.returncode == pytest.ExitCode.INTERRUPTED, output
        assert "No space left on device" in output and "Fix: free space" in output and "--llm-resume" in output
        assert "Traceback" not in output and "INTERNALERROR" not in output
        text = (kept / "cases.jsonl").read_text(encoding="utf-8")
        lines = text.splitlines()
        assert text.endswith("\n") and 1 <= len(lines) < 30, f"{len(lines)} lines"
        records = [json.loads(line) for line in lines]  # every line complete
        assert [r["scenario_id"] for r in records] == [f"long_{i:02d}" for i in range(len(records))]
        assert f"with the {len(records)} case(s) recorded before" in output
        # nothing measured is lost: --llm-resume on a disk with room asks only the cases that have no record
        asked_before = len(fake.received)
        resumed = faults_project.run(
            "-k",
            "long_",
            "--llm-model",
            "m",
            "--llm-base-url",
            fake.base_url,
            f"--llm-report-dir={kept}",
            "--llm-resume",
        )
        resumed.assert_outcomes(passed=30)
        doc = json.loads((kept / "results.json").read_text(encoding="utf-8"))
        assert len(doc["cases"]) == 30 and sum(1 for c in doc["cases"] if c.get("reused")) == len(records)
        assert len(fake.received) - asked_before == 30 - len(records) + 1  # + the model's warm-up request


@pytest.mark.vllm
def test_a_server_killed_mid_run_fails_its_cases_fast_and_the_next_model_runs(faults_project, tmp_path, lean_vllm):
    """Fault: SIGKILL of model a's vLLM server after its first case (serial run, models a and b). a's server is a
    real one; b is attached to a local fake server: what is under test is a's dead server (its cases fail fast and
    the run goes on), and a second real start cost ~35 s of CPU on this 2-core class. Two launched models, the
    second started after the first was killed: tests/test_xdist_vllm.py."""
    report = tmp_path / "report"
    first_request: list[float] = []

    def answer(request: dict) -> str:
        first_request.append(time.time())
        text = str(request["messages"][-1]["content"])
        return "二" if "一加一" in text else "四" if "二加二" in text else "ok"

    with FakeServer(chunks=2, answers=answer) as fake:
        output, killed_at = kill_server_after_cases(
            [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", f"--llm-report-dir={report}", *FAST_SERVER]
            # one case in flight, so a's later cases are still to be asked when its server dies
            + ["--llm-model=a=embedded", "--llm-model=b", f"--llm-model-arg=b:base_url={fake.base_url}"]
            + ["--llm-max-tokens=32", "--llm-concurrency=1"],
            faults_project.path,
            report,
            model="a",
            cases=1,
            timeout_s=600,
        )
    doc = json.loads((report / "results.json").read_text(encoding="utf-8"))
    launch_a, attached_b = doc["run"]["launches"]
    assert (launch_a["model"], launch_a["attached"], attached_b["model"], attached_b["attached"]) == (
        "a",
        False,
        "b",
        True,
    ), output
    a_cases = [c for c in doc["cases"] if c["model"] == "a"]
    errors = [c["error"] for c in a_cases if c.get("error")]
    assert len(a_cases) == 4 and len(errors) >= 2, output
    assert all(e["type"] == "server_died" and "exited with code -9" in e["message"] for e in errors)
    assert all(e["log_tail"] for e in errors)  # the user sees what the server last said
    assert first_request, output
    print(f"measured: b's first request came {first_request[0] - killed_at:.2f} s after a's server was killed")
    # fast: not each remaining case's 600 s request timeout (60 s: room for a loaded 2-core host)
    assert first_request[0] - killed_at < 60, "a's remaining cases did not fail fast"
    assert launch_a["stopped_at"] <= first_request[0]
    # the run went on with b: every case asked; the fake server fails the two cases written to fail (FAIL, DROP)
    b_cases = {c["scenario_id"]: c for c in doc["cases"] if c["model"] == "b"}
    assert len(b_cases) == 4, b_cases
    assert b_cases["fine_before"]["passed"] and b_cases["fine_after"]["passed"], b_cases
    assert b_cases["http_500"]["error"]["type"] == "http" and b_cases["cut_stream"]["error"]["type"] != "server_died"
    assert doc["run"]["status"] == "degraded"
    assert doc["run"]["degraded"] == [{"model": "a", "exit_code": -9}]
    assert "died (exit code -9)" in output


@pytest.mark.vllm
def test_sigkill_of_pytest_while_the_server_serves_leaves_no_process(faults_project, tmp_path):
    """Fault: pytest SIGKILLed (CI time limit, OOM killer) while its vLLM server answers cases."""
    report = tmp_path / "report"
    proc = subprocess.Popen(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", f"--llm-report-dir={report}", *FAST_SERVER]
        + ["--llm-max-tokens=16"],
        cwd=faults_project.path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(lambda: len(case_records(report)) >= 1, 600, proc)
        (launch,) = json.loads((report / "results.json").read_text(encoding="utf-8"))["run"]["launches"]
        tree = {launch["pid"], *(c.pid for c in psutil.Process(launch["pid"]).children(recursive=True))}
        assert len(tree) >= 2  # the API server and its engine core
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    finally:
        if proc.poll() is None:
            proc.kill()
    deadline = time.monotonic() + 30
    alive = tree
    while time.monotonic() < deadline and alive:
        alive = {pid for pid in tree if psutil.pid_exists(pid) and psutil.Process(pid).status() != "zombie"}
        time.sleep(0.5)
    assert not alive, f"processes of the server tree survived: {alive}"
    kept = case_records(report)
    assert kept and all(c["model"] == "gemma-3-270m" for c in kept)  # what was measured is on disk


def test_a_worker_killed_under_xdist_loses_no_case_and_does_not_hang(faults_project):
    """Fault: an xdist worker SIGKILLed mid-run (two models, -n 2). Workers start no server (the controller
    owns them), so nothing is orphaned; xdist reports the crashed test, the controller stops trusting the
    order of the rescheduled tests and brings up the remaining models' servers, every case is recorded."""
    faults_project.pytester.makepyfile(
        test_crash="import os, signal\n\n\ndef test_worker_dies():\n    os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    with FakeServer(chunks=6, answers={"一加一": "二", "二加二": "四"}) as fake:
        result = faults_project.pytester.runpytest_subprocess(
            "-n",
            "2",
            "-p",
            "no:cacheprovider",
            "--llm-base-url",
            fake.base_url,
            "--llm-model=m1",
            "--llm-model=m2",
            timeout=180,
        )
    output = result.stdout.str()
    assert "worker 'gw" in output and "crashed while running 'test_crash.py::test_worker_dies'" in output
    doc = faults_project.results()
    assert sorted((c["model"], c["scenario_id"]) for c in doc["cases"]) == sorted(
        (m, s) for m in ("m1", "m2") for s in ("fine_before", "http_500", "cut_stream", "fine_after")
    )
    assert doc["run"]["status"] == "degraded"  # the fake's HTTP 500 and cut stream
