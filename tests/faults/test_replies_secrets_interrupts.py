"""Bad replies, leaked secrets and interrupted runs, against the fake server:

- the judge's grade is a finite number from 0 to 100 written as such (`85`, `72.5`); NaN, Infinity, `true`,
  `9/10`, `1e5` or 250 are the case's judge error quoting the reply, never a guessed grade;
- a case whose judge failed is errored like any other stage: not passed, no score, in the record, the summary and
  the `LLMResult` the test sees;
- the keys in use and the credentials in judge, embedder, reranker and model URLs appear in no file and not on the
  terminal, even when a server echoes them in its error;
- a judge that cannot be built and a report dir of another shape under --llm-resume are one usage error;
- Ctrl-C (or SIGTERM) with cases in flight keeps every answer already measured, and --llm-resume reuses them.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from pytest_llmeval.evaluation.judge import JudgeError, parse_judge_spec, parse_verdict
from pytest_llmeval.testing.openai_fake import FakeServer
from pytest_llmeval.testing.sample_cases import ANSWER_COVERING_ALL, two_cases

CASES = two_cases("replies")
GOOD = ANSWER_COVERING_ALL
EIGHT = "suite: eight\ncases:\n" + "".join(
    f"  - id: c{i}\n    category: t\n    question: 第{i}题：列出甲项。\n    key_points: [甲项]\n" for i in range(8)
)


@pytest.fixture
def project(llm_project):
    llm_project.scenario("s.yaml", CASES)
    return llm_project


def judged(reply: str) -> FakeServer:
    """A fake server that answers the model's questions well and the judge's with `reply`."""
    return FakeServer(answers=lambda req: reply if "RUBRIC" in json.dumps(req, ensure_ascii=False) else GOOD)


def run(project, base_url: str, *args: str) -> pytest.RunResult:
    return project.run("--llm-base-url", base_url, "--llm-model", "m1", "--llm-max-tokens", "32", *args)


def interrupted_run(project, base_url: str, *args: str) -> pytest.RunResult:
    """A run that a conftest interrupts (KeyboardInterrupt), kept inside it: not raised again in this test."""
    args = ("--llm-base-url", base_url, "--llm-model", "m1", "--llm-concurrency", "8", "--llm-warmup", "0", *args)
    return project.pytester.runpytest(*args, "-p", "no:cacheprovider", no_reraise_ctrlc=True)


# -- the judge's grade ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "reply",
    [
        '{"score": NaN, "reason": "ok"}',
        '{"score": Infinity}',
        '{"score": -Infinity}',
        '{"score": true, "reason": "yes"}',
        '{"score": "85"}',
        '{"score": null}',
        '{"score": 1e2}',
        '{"score": 250}',
        '{"score": -5}',
        "Score: 9/10. Good.",
        "score: 1e5",
        "score: 101",
        '{"score": 0.85, "reason": "mostly right"}',  # a 0-1 scale: read as 0.85 of 100 it failed a good answer
        "**Score:** 0.5",
        "评分：0.9",
    ],
)
def test_a_grade_that_is_no_0_to_100_number_is_a_judge_error_quoting_the_reply(reply):
    verdict = parse_verdict(reply, answer="甲项")
    assert verdict.score is None
    assert "not a number from 0 to 100" in (verdict.error or "") and repr(reply)[:20] in (verdict.error or "")


@pytest.mark.parametrize(
    ("reply", "score"),
    [
        ('{"score": 85, "reason": "ok"}', 85.0),
        ('{"score": 72.5}', 72.5),
        ("Score: 0.", 0.0),
        ("score: 100", 100.0),
        ("Score: 85/100", 85.0),  # out of 100: the rubric's own scale (was refused for a while, as 9/10 is)
        ("score: 60 / 100. Partly right.", 60.0),
        # a judge writing prose: a Markdown label, a full-width colon, a Chinese label (each was "no grade")
        ("**Score:** 85\nThe answer states both points.", 85.0),
        ("**Score**: 85", 85.0),
        ("score：90", 90.0),
        ("评分：72.5，要点齐全。", 72.5),
        ("**得分**：40", 40.0),
        ("分数: 0", 0.0),
        ("Score: 1", 1.0),
    ],
)
def test_a_plain_grade_from_0_to_100_is_read(reply, score):
    verdict = parse_verdict(reply, answer="甲项")
    assert verdict.score == score and verdict.error is None


def test_a_fraction_grade_says_it_reads_as_a_0_to_1_scale():
    assert "0-1 scale" in (parse_verdict('{"score": 0.85}', answer="甲项").error or "")
    assert "0-1 scale" not in (parse_verdict('{"score": 250}', answer="甲项").error or "")


@pytest.mark.parametrize(
    "reply",
    [
        "<think>The rubric: score: 100 when every point is stated. The answer misses",  # cut at max_tokens
        "Okay, the rubric gives score: 100 for all points.</think>",  # a template that opens no <think>
        "<thinking>score: 100?",
    ],
)
def test_a_grade_in_the_judges_reasoning_is_not_its_verdict(reply):
    verdict = parse_verdict(reply, answer="甲项")
    assert verdict.score is None and "no grade" in (verdict.error or "")
    assert parse_verdict(reply + '</think>{"score": 40}', answer="甲项").score == 40.0


def test_an_answer_cut_while_thinking_does_not_hide_the_judges_grade():
    answer = "<think>用户问甲项，我先想想"  # the graded model ran out of tokens while thinking
    fenced = f"<<<ANSWER t>>>\n{answer}\n<<<END OF ANSWER t>>>"
    markers = ("<<<ANSWER t>>>", "<<<END OF ANSWER t>>>")
    assert parse_verdict(f'{fenced}\n{{"score": 30}}', answer=answer, markers=markers).score == 30.0
    assert parse_verdict(f'The answer "{answer}" is cut off. {{"score": 10}}', answer=answer).score == 10.0
    assert parse_verdict('{"score": 85}', answer="85").score == 85.0  # a short answer is not taken out of the reply


def test_a_chinese_grade_quoted_from_the_answer_is_not_the_judges():
    answer = "甲项已完成。自我评分：100"
    assert parse_verdict("回答自称“评分：100”，实际评分：40", answer=answer).score == 40.0
    assert parse_verdict("回答自称“评分：100”", answer=answer).score is None


SEEN = """\
def test_seen(llm_result):
    assert llm_result.passed is False and llm_result.score is None
    assert llm_result.error["stage"] == "judge"
"""


@pytest.mark.parametrize(("reply", "assert_with"), [('{"score": NaN, "reason": "ok"}', True), ("{}", False)])
def test_a_case_whose_judge_failed_is_errored_not_passed_and_not_scored(project, reply, assert_with):
    """NaN was read as 100 (a keyword score of 50 passed by the judge); a judge answering `{}` left the record
    `passed: true` next to its judge error, and its keyword score in the summary's mean."""
    project.pytester.makepyfile(test_seen=SEEN)
    with judged(reply) as fake:
        args = ["--llm-judge", f"{fake.base_url}@judge", *(["--llm-judge-assert"] if assert_with else [])]
        result = run(project, fake.base_url, *args)
    result.assert_outcomes(passed=2, failed=2)  # the suite's tests fail; test_seen saw a failed, unscored case
    doc = project.results()
    for case in doc["cases"]:
        assert case["error"]["stage"] == "judge" and case["passed"] is False and case["score"] is None
        assert case["answer"] == GOOD  # the answer is kept (a re-score grades it)
    if assert_with:
        assert "NaN" in doc["cases"][0]["error"]["message"]
    (row,) = doc["aggregates"]["models"]
    assert row["errors"] == 2 and row["pass_rate"] == 0.0 and row["mean_score"] is None
    assert doc["run"]["status"] == "degraded"


# -- secrets ---------------------------------------------------------------------------------------------------
class _EchoKey(BaseHTTPRequestHandler):
    """A gateway that refuses every request and echoes the credentials it was sent (some do)."""

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        message = f"Incorrect API key provided: {self.headers.get('Authorization')} for {self.path}"
        body = json.dumps({"error": {"message": message}}).encode()
        self.send_response(401)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def echo() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _EchoKey)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def outputs(project, result: pytest.RunResult) -> dict[str, str]:
    """Everything the run wrote or printed: the terminal, the reports, the saved run, the JUnit XML."""
    texts = {"stdout": result.stdout.str(), "stderr": result.stderr.str()}
    for folder in ("llmeval-report", ".llmeval"):
        for path in (project.path / folder).rglob("*"):
            if path.is_file():
                texts[str(path)] = path.read_text(encoding="utf-8", errors="replace")
    texts["junit.xml"] = (project.path / "junit.xml").read_text(encoding="utf-8")
    return texts


def assert_no_canary(texts: dict[str, str]) -> None:
    leaks = {name: text[max(0, text.find("CANARY") - 80) :][:120] for name, text in texts.items() if "CANARY" in text}
    assert not leaks


def test_a_key_a_server_echoes_in_its_error_is_hidden_everywhere(project, echo, monkeypatch):
    monkeypatch.setenv("MODEL_KEY", "sk-CANARYMODELKEY")
    result = run(project, f"http://{echo}/v1", "--llm-api-key-env", "MODEL_KEY", "--junitxml=junit.xml")
    result.assert_outcomes(failed=2)
    doc = project.results()
    assert all("Bearer ***" in c["error"]["message"] for c in doc["cases"])  # the echo was there, and hidden
    assert_no_canary(outputs(project, result))


def test_credentials_in_judge_and_reranker_urls_and_their_keys_are_hidden_everywhere(project, echo, monkeypatch):
    monkeypatch.setenv("JUDGE_KEY", "sk-CANARYJUDGEKEY")
    monkeypatch.setenv("RAG_KEY", "sk-CANARYRAGKEY")
    kb = project.path / "scenarios" / "knowledge"
    kb.mkdir(parents=True, exist_ok=True)
    (kb / "items.md").write_text("# 清单\n\n甲项、乙项和丙项是三个要点。\n", encoding="utf-8")
    with FakeServer(answers=lambda _req: GOOD) as fake:
        result = run(
            project,
            fake.base_url,
            "--llm-judge",
            f"http://judge:sk-CANARYJUDGEPASS@{echo}/v1?key=sk-CANARYJUDGEQUERY@judge",
            "--llm-judge-api-key-env",
            "JUDGE_KEY",
            "--rag",
            "--rag-reranker",
            f"vllm:http://rr:sk-CANARYRERANKPASS@{echo}/v1?key=sk-CANARYRERANKQUERY@rr",
            "--rag-api-key-env",
            "RAG_KEY",
            "--junitxml=junit.xml",
        )
    result.assert_outcomes(failed=4)
    doc = project.results()
    stages = sorted((c["mode"], c["error"]["stage"]) for c in doc["cases"])
    assert stages == [("norag", "judge")] * 2 + [("rag", "rerank")] * 2
    settings = doc["run"]["settings"]
    assert settings["judge"]["spec"] == f"http://{echo}/v1@judge"
    assert settings["rag"]["reranker"] == f"vllm:http://{echo}/v1@rr" == doc["run"]["rag"]["reranker"]
    assert_no_canary(outputs(project, result))


def test_credentials_in_an_embedder_url_and_a_benchmarked_model_url_are_hidden_everywhere(project, echo):
    project.pytester.makepyfile(
        test_bench="import pytest\n\n@pytest.mark.llm_bench\ndef test_bench(llm_bench):\n    llm_bench()\n"
    )
    kb = project.path / "scenarios" / "knowledge"
    kb.mkdir(parents=True, exist_ok=True)
    (kb / "items.md").write_text("# 清单\n\n甲项、乙项和丙项是三个要点。\n", encoding="utf-8")
    with FakeServer(answers=lambda _req: GOOD) as fake:
        host = fake.base_url.split("://", 1)[1]
        result = run(
            project,
            f"http://user:sk-CANARYMODELPASS@{host}",
            "--rag-mode=only",
            "--rag-embedder",
            f"openai:http://emb:sk-CANARYEMBEDPASS@{echo}/v1?key=sk-CANARYEMBEDQUERY@emb",
            "--llm-bench",
            "--llm-bench-requests=2",
            "--llm-bench-warmup=0",
            "--junitxml=junit.xml",
        )
    result.assert_outcomes(passed=1, failed=2)  # the benchmark ran; both rag cases failed in retrieval
    doc = project.results()
    assert {c["error"]["stage"] for c in doc["cases"]} == {"retrieval"}
    assert doc["run"]["settings"]["rag"]["embedder"] == f"openai:http://{echo}/v1@emb"
    assert doc["benchmarks"][0]["endpoint"]["base_url"] == fake.base_url
    assert_no_canary(outputs(project, result))


def test_a_judge_spec_without_model_after_a_url_with_credentials_is_refused_without_them():
    """`http://user:key@host/v1` (no '@model'): the last '@' was taken for the model's, the key for a port."""
    with pytest.raises(JudgeError) as refused:
        parse_judge_spec("http://user:sk-CANARYSPEC@127.0.0.1:8000/v1?key=sk-CANARYSPECQUERY")
    assert "CANARY" not in str(refused.value) and "'http://127.0.0.1:8000/v1'" in str(refused.value)
    assert parse_judge_spec("http://h:8000/v1@Qwen/Qwen3-8B") == ("http://h:8000/v1", "Qwen/Qwen3-8B")


# -- clear errors at the start ---------------------------------------------------------------------------------
def test_an_unset_judge_key_is_one_usage_error_before_any_request(project):
    """It was a fixture traceback in every test, every answer lost, and a run marked complete."""
    with FakeServer(answers=lambda _req: GOOD) as fake:
        result = run(project, fake.base_url, "--llm-judge", f"{fake.base_url}@judge", "--llm-judge-api-key-env", "NOPE")
        asked = list(fake.received)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*environment variable NOPE (named by --llm-judge-api-key-env) is not set. Fix:*"])
    assert asked == [] and "Traceback" not in result.stderr.str() + result.stdout.str()


@pytest.mark.parametrize(
    ("name", "text", "where"),
    [
        ("results.json", '[{"a": 1}]', "results.json: not an object"),
        ("results.json", '{"run": "x", "cases": []}', "results.json: 'run' is str, not an object"),
        (
            "results.json",
            '{"run": {}, "cases": [{"model": "m1", "scenario_id": "alpha", "sample": "x"}]}',
            "results.json: cases[0] has a 'sample' that is not an integer",
        ),
        ("cases.jsonl", '{"model": "m1", "scenario_id": "alpha"}\n[1]\n', "cases.jsonl, line 2: the line is a list"),
    ],
)
def test_resume_with_a_report_dir_file_of_another_shape_is_one_usage_error(project, name, text, where):
    """It was an INTERNALERROR traceback (AttributeError, TypeError in case_key)."""
    (project.path / "llmeval-report").mkdir()
    (project.path / "llmeval-report" / name).write_text(text, encoding="utf-8")
    result = run(project, "http://127.0.0.1:9/v1", "--llm-resume")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    (line,) = [line for line in result.stderr.str().splitlines() if "--llm-resume" in line]
    assert line.startswith("ERROR: --llm-resume: ") and where in line and "of pytest-llmeval. Fix: move it out" in line
    assert "INTERNALERROR" not in result.stdout.str() + result.stderr.str()


# -- interrupted runs ------------------------------------------------------------------------------------------
INTERRUPT_AFTER_THE_FIRST_TEST = """\
import time

from pytest_llmeval.plugin import SESSION_KEY


def pytest_runtest_teardown(item):
    inflight = item.config.stash[SESSION_KEY].inflight
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        futures = [f for _, scheduler in inflight._schedulers.values() for f in scheduler._futures.values()]
        if len(futures) == 8 and all(f.done() for f in futures):
            break
        time.sleep(0.05)
    raise KeyboardInterrupt  # Ctrl-C: the other seven are answered, their tests not reached
"""


def test_ctrl_c_with_cases_in_flight_records_the_answers_already_measured(llm_project):
    """With --llm-concurrency 8 the seven answers finished ahead of their tests were dropped, and --llm-resume
    asked them again."""
    llm_project.scenario("eight.yaml", EIGHT)
    conftest = llm_project.pytester.makeconftest(INTERRUPT_AFTER_THE_FIRST_TEST)
    with FakeServer(answers=lambda _req: "甲项") as fake:
        result = interrupted_run(llm_project, fake.base_url)
        asked = sum(path.endswith("chat/completions") for path, _ in fake.received)
        assert result.ret == pytest.ExitCode.INTERRUPTED
        doc = llm_project.results()
        assert doc["run"]["status"] == "interrupted"
        assert sorted(c["scenario_id"] for c in doc["cases"]) == [f"c{i}" for i in range(8)]
        assert all(
            c["score"] == 100.0 and c["passed"] and c["nodeid"].endswith(f"-{c['scenario_id']}]") for c in doc["cases"]
        )
        lines = (llm_project.path / "llmeval-report" / "cases.jsonl").read_text(encoding="utf-8").splitlines()
        assert len(lines) == 8
        conftest.unlink()
        again = interrupted_run(llm_project, fake.base_url, "--llm-resume")
        assert sum(path.endswith("chat/completions") for path, _ in fake.received) == asked == 8  # none asked again
    again.assert_outcomes(passed=8)
    assert all(c.get("reused") for c in llm_project.results()["cases"])


def test_ctrl_c_during_a_resumed_run_keeps_the_records_it_has_not_reached(llm_project):
    """Interrupted again before the reused cases' tests, a resumed run wrote a results.json without them, and the
    next --llm-resume had nothing left to reuse."""
    llm_project.scenario("eight.yaml", EIGHT)
    conftest = llm_project.pytester.makeconftest(INTERRUPT_AFTER_THE_FIRST_TEST)
    with FakeServer(answers=lambda _req: "甲项") as fake:
        interrupted_run(llm_project, fake.base_url)
        conftest.write_text("def pytest_runtest_teardown(item):\n    raise KeyboardInterrupt\n", encoding="utf-8")
        second = interrupted_run(llm_project, fake.base_url, "--llm-resume")
        assert second.ret == pytest.ExitCode.INTERRUPTED
        doc = llm_project.results()
        assert len(doc["cases"]) == 8 and all(c.get("reused") for c in doc["cases"])
        conftest.unlink()
        third = interrupted_run(llm_project, fake.base_url, "--llm-resume")
        assert sum(path.endswith("chat/completions") for path, _ in fake.received) == 8
    third.assert_outcomes(passed=8)


@pytest.mark.parametrize("xdist", [[], ["-n", "2"]], ids=["serial", "xdist"])
def test_sigterm_ends_a_run_like_ctrl_c(llm_project, xdist):
    """A CI time limit, Slurm or Kubernetes sends SIGTERM: the run ended at once with results.json `running`, no
    report and no saved run (under -n as well: the controller died at once, its workers after it)."""
    import psutil

    llm_project.scenario("eight.yaml", EIGHT)
    report = llm_project.path / "llmeval-report"
    with FakeServer(answers=lambda _req: "甲项", delay_s=0.15) as fake:
        proc = subprocess.Popen(
            [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "--llm-base-url", fake.base_url]
            + ["--llm-model", "m1", "--llm-concurrency", "1", "--llm-warmup", "0", *xdist],
            cwd=llm_project.path,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        deadline = time.monotonic() + 60
        cases = report / "cases.jsonl"
        while time.monotonic() < deadline and not (cases.is_file() and cases.read_text(encoding="utf-8").strip()):
            time.sleep(0.05)
        workers = psutil.Process(proc.pid).children(recursive=True)
        proc.send_signal(signal.SIGTERM)
        out, _ = proc.communicate(timeout=60)
    assert proc.returncode == pytest.ExitCode.INTERRUPTED, out
    doc = json.loads((report / "results.json").read_text(encoding="utf-8"))
    assert doc["run"]["status"] == "interrupted" and 1 <= len(doc["cases"]) < 8
    assert (report / "report.md").is_file() and list((llm_project.path / ".llmeval" / "runs").glob("*.json"))
    assert len(workers) == (2 if xdist else 0)
    _, alive = psutil.wait_procs(workers, timeout=10)  # none outlives the run
    assert not alive


SLOW_TESTS = """\
import time


def pytest_runtest_teardown(item):
    time.sleep(0.4)  # the tests lag behind the answers their worker asked ahead
"""


def _asked(fake: FakeServer) -> int:
    return sum(path.endswith("chat/completions") for path, _ in fake.received)


def _held_on_disk(report) -> int:
    """The distinct cases whose answers are on disk: recorded by their tests, or kept by a worker ahead of them."""
    files = [report / "cases.jsonl", *sorted((report / ".asked-ahead").glob("*.jsonl"))]
    held = set()
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines() if path.is_file() else ():
            try:
                held.add(json.loads(line)["scenario_id"])
            except (ValueError, KeyError):
                continue  # a line being written
    return len(held)


def test_sigterm_under_xdist_records_the_answers_the_workers_asked_ahead(llm_project):
    """Under -n an interrupt ends the controller first, and it ends the workers: the answers a worker had asked
    ahead of tests it had not reached were in its memory only, and --llm-resume asked them again. Each worker now
    keeps them on disk as they arrive; the controller records those whose tests were not reached."""
    import psutil

    llm_project.scenario("eight.yaml", EIGHT)
    llm_project.pytester.makeconftest(SLOW_TESTS)
    report = llm_project.path / "llmeval-report"
    with FakeServer(answers=lambda _req: "甲项") as fake:
        proc = subprocess.Popen(
            [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "--llm-base-url", fake.base_url]
            + ["--llm-model", "m1", "--llm-concurrency", "4", "--llm-warmup", "0", "-n", "2"],
            cwd=llm_project.path,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        deadline = time.monotonic() + 60
        cases = report / "cases.jsonl"
        while time.monotonic() < deadline and not (cases.is_file() and cases.read_text(encoding="utf-8").strip()):
            time.sleep(0.05)
        # the interrupt comes once every answer the server gave is held on disk - a test or a worker's asked-ahead
        # file: a request still on its way when the run ends is no measurement (and a busy CI host can hold a
        # worker's thread off the answer it was sent for longer than any fixed sleep)
        while time.monotonic() < deadline and not 3 <= _asked(fake) <= _held_on_disk(report):  # 3: asked ahead
            time.sleep(0.05)
        workers = psutil.Process(proc.pid).children(recursive=True)
        proc.send_signal(signal.SIGTERM)
        out, _ = proc.communicate(timeout=60)
        asked = _asked(fake)
    assert proc.returncode == pytest.ExitCode.INTERRUPTED, out
    doc = json.loads((report / "results.json").read_text(encoding="utf-8"))
    assert doc["run"]["status"] == "interrupted"
    recorded = sorted(c["scenario_id"] for c in doc["cases"])
    assert len(recorded) == len(set(recorded)) == asked >= 3, (recorded, asked)  # every answer measured, once
    assert not (report / ".asked-ahead").exists()  # the workers' files are gone once recorded
    _, alive = psutil.wait_procs(workers, timeout=10)
    assert not alive


def test_an_earlier_runs_asked_ahead_folder_is_never_read_as_this_runs(llm_project):
    """A worker may write its asked-ahead file after its controller ended; the next interrupted run must not record
    that run's answers as its own: the folder is removed when a run starts."""
    llm_project.scenario("eight.yaml", EIGHT)
    llm_project.pytester.makeconftest(INTERRUPT_AFTER_THE_FIRST_TEST)
    stale = llm_project.path / "llmeval-report" / ".asked-ahead"
    stale.mkdir(parents=True)
    record = {"model": "m1", "mode": "norag", "scenario_id": "stale", "sample": 0, "score": 100.0, "passed": True}
    (stale / "gw0.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    with FakeServer(answers=lambda _req: "甲项") as fake:
        result = interrupted_run(llm_project, fake.base_url)
    assert result.ret == pytest.ExitCode.INTERRUPTED
    assert "stale" not in {c["scenario_id"] for c in llm_project.results()["cases"]} and not stale.exists()


HANDLER_SEEN = """\
import signal


def test_handler(llm_result):
    handler = signal.getsignal(signal.SIGTERM)
    with open("handler.txt", "a", encoding="utf-8") as out:
        out.write(getattr(handler, "__qualname__", str(handler)) + "\\n")
"""


def test_sigterm_handler_is_only_set_without_another_and_put_back_after(llm_project):
    llm_project.scenario("s.yaml", CASES)
    llm_project.pytester.makepyfile(test_handler=HANDLER_SEEN)
    before = signal.getsignal(signal.SIGTERM)
    with FakeServer(answers=lambda _req: GOOD) as fake:
        run(llm_project, fake.base_url, "test_handler.py").assert_outcomes(passed=2)
        assert signal.getsignal(signal.SIGTERM) == before
        seen = (llm_project.path / "handler.txt").read_text(encoding="utf-8").split()
        if before == signal.SIG_DFL:
            assert seen == ["RunInterrupts._on_sigterm"] * 2
        (llm_project.path / "handler.txt").unlink()

        def mine(signum: int, frame: object) -> None:
            pass

        previous = signal.signal(signal.SIGTERM, mine)
        try:
            run(llm_project, fake.base_url, "test_handler.py").assert_outcomes(passed=2)
            assert signal.getsignal(signal.SIGTERM) is mine
        finally:
            signal.signal(signal.SIGTERM, previous)
    assert (llm_project.path / "handler.txt").read_text(encoding="utf-8").split() == [mine.__qualname__] * 2


def test_only_credentials_are_hidden_not_labels_or_answers_that_hold_a_query_setting(llm_project):
    """Every query value was taken for a secret: ?deployment=model-a rewrote the label to *** in every record (two
    models' records then collided, one model's results were lost) and ?api-version=preview rewrote the answer's
    "preview" (a re-score then failed the case). Now only credential parameters (api_key, key, token, sig) are."""
    llm_project.scenario(
        "p.yaml",
        "suite: p\ncases:\n  - id: alpha\n    category: t\n    question: 哪个版本？\n    key_points: [preview]\n",
    )
    with FakeServer(answers=lambda req: "It is the preview build.") as fake:
        url = f"{fake.base_url}?api-version=preview&api_key=CANARYQUERYKEY"
        result = llm_project.run(
            "--llm-model", "model-a", "--llm-model", "model-b", "--llm-warmup", "0", "--junitxml=junit.xml",
            "--llm-model-arg", f"model-a:base_url={url}&deployment=model-a",
            "--llm-model-arg", f"model-b:base_url={url}&deployment=model-b",
        )  # fmt: skip
        queries = set(fake.queries)
    result.assert_outcomes(passed=2)
    assert "api-version=preview&api_key=CANARYQUERYKEY&deployment=model-a" in queries  # the query is sent
    doc = llm_project.results()
    assert sorted(c["model"] for c in doc["cases"]) == ["model-a", "model-b"]
    assert {c["answer"] for c in doc["cases"]} == {"It is the preview build."}
    assert all(c["covered"] == ["preview"] for c in doc["cases"])
    assert_no_canary(outputs(llm_project, result))


INTERRUPT_WHILE_RECORDING = """
from pytest_llmeval.results import recorder

_append = recorder.RunRecorder._append_case
calls = [0]


def _append_then_ctrl_c(self, line):
    _append(self, line)
    calls[0] += 1
    if calls[0] == 3:
        raise KeyboardInterrupt  # Ctrl-C right after the third record's line was written


recorder.RunRecorder._append_case = _append_then_ctrl_c


def pytest_unconfigure(config):
    recorder.RunRecorder._append_case = _append  # an in-process run: later tests get the recorder back
"""


def test_ctrl_c_while_a_record_is_written_loses_no_measured_sample(llm_project):
    """A Ctrl-C right after a case's line was written left it out of results.json (the line was in cases.jsonl,
    the recorder had not noted it yet), and the test's other sample, evaluated too, was in neither file."""
    llm_project.scenario("eight.yaml", EIGHT)
    llm_project.pytester.makeconftest(INTERRUPT_WHILE_RECORDING)
    with FakeServer(answers=lambda _req: "甲项") as fake:
        result = interrupted_run(llm_project, fake.base_url, "--llm-repeat", "2", "--llm-concurrency", "1")
    assert result.ret == pytest.ExitCode.INTERRUPTED
    doc = llm_project.results()
    recorded = sorted((c["scenario_id"], c["sample"]) for c in doc["cases"])
    assert recorded == [("c0", 0), ("c0", 1), ("c1", 0), ("c1", 1)], recorded
    lines = (llm_project.path / "llmeval-report" / "cases.jsonl").read_text(encoding="utf-8").splitlines()
    assert sorted((json.loads(x)["scenario_id"], json.loads(x)["sample"]) for x in lines) == recorded
