"""Cases in flight (--llm-concurrency): the scheduler on its own, then whole pytest runs against the fake
server (same results as a serial run, N in flight at the server, -x stops asking, -k asks only what runs),
and one run against the real vLLM server."""

from __future__ import annotations

import threading
import time

import pytest

from pytest_llmeval.evaluation.inflight import InflightScheduler, NotScheduled
from pytest_llmeval.testing.openai_fake import FakeServer

N_CASES = 12


# -- the scheduler alone ------------------------------------------------------------------------------
def test_scheduler_runs_at_most_n_at_once_in_submission_order_and_returns_by_key():
    started: list[int] = []
    lock = threading.Lock()

    def job(key: int) -> int:
        with lock:
            started.append(key)
        time.sleep(0.05)
        return key * 10

    scheduler: InflightScheduler[int, int] = InflightScheduler(job, concurrency=3)
    assert scheduler.submit(range(9)) == 9
    assert scheduler.submit([0, 1, 9]) == 1  # a key is asked once
    assert [scheduler.result_for(k) for k in (8, 0, 9)] == [80, 0, 90]
    scheduler.close()
    assert scheduler.max_running == 3
    assert set(started[:3]) == {0, 1, 2} and set(started) == set(range(10))  # FIFO: the first tests' cases first


def test_scheduler_cancel_drops_what_has_not_started_and_a_job_error_reaches_the_waiter():
    release = threading.Event()

    def job(key: int) -> int:
        if key == 99:
            raise ValueError("boom")
        release.wait(5)
        return key

    scheduler: InflightScheduler[int, int] = InflightScheduler(job, concurrency=2)
    scheduler.submit(range(6))
    time.sleep(0.1)
    assert scheduler.cancel() == 4  # two were running
    assert scheduler.submit([7]) == 0  # nothing is queued after cancel
    release.set()
    assert scheduler.result_for(1) == 1
    with pytest.raises(NotScheduled):
        scheduler.result_for(5)
    with pytest.raises(NotScheduled):
        scheduler.result_for(42)
    other: InflightScheduler[int, int] = InflightScheduler(job, concurrency=1)
    other.submit([99])
    with pytest.raises(ValueError, match="boom"):
        other.result_for(99)
    other.close()
    with pytest.raises(ValueError, match="at least 1"):
        InflightScheduler(job, concurrency=0)


# -- whole runs against the fake server ----------------------------------------------------------------
def scenario_yaml() -> str:
    lines = ["suite: inflight", "cases:"]
    for i in range(N_CASES):
        lines += [
            f"  - id: q{i:02d}",
            "    category: inflight",
            f"    question: 第{i:02d}题：请回答。",
            "    key_points: [答案]",
        ]
    return "\n".join(lines) + "\n"


def answer(request: dict) -> str | None:
    text = request["messages"][-1]["content"]
    if not text.startswith("第"):
        return None  # the warm-up request
    case = int(text[1:3])
    return "答案：是。" if case % 3 else "不知道。"  # every third case fails


def asked(fake: FakeServer) -> list[str]:
    """The case ids the fake server was asked, in arrival order (warm-up requests left out)."""
    ids = []
    for path, body in fake.received:
        text = body.get("messages", [{}])[-1].get("content", "") if path.endswith("chat/completions") else ""
        if text.startswith("第"):
            ids.append(f"q{text[1:3]}")
    return ids


@pytest.fixture
def inflight_project(llm_project):
    llm_project.scenario("inflight.yaml", scenario_yaml())
    with FakeServer(answers=answer, delay_s=0.1) as fake:  # ~0.2 s a request: several overlap

        def run(*args: str) -> pytest.RunResult:
            fake.received.clear()
            fake.max_active = 0
            return llm_project.run("--llm-base-url", fake.base_url, "--llm-model", "m1", "--llm-warmup=0", *args)

        llm_project.fake = fake
        llm_project.run_llm = run
        yield llm_project


def by_case(doc: dict) -> dict[str, tuple]:
    return {c["scenario_id"]: (c["score"], c["passed"], c["answer"], c["output_tokens"]) for c in doc["cases"]}


def test_concurrency_4_gives_the_serial_results_with_4_in_flight_at_the_server(inflight_project):
    serial = inflight_project.run_llm("--llm-concurrency=1")
    serial.assert_outcomes(passed=8, failed=4)
    assert inflight_project.fake.max_active == 1
    serial_doc = inflight_project.results()
    assert serial_doc["run"]["settings"]["concurrency"] == 1
    assert all("in_flight" not in c for c in serial_doc["cases"])
    assert "cases in flight" not in inflight_project.report()

    batched = inflight_project.run_llm("--llm-concurrency=4")
    batched.assert_outcomes(passed=8, failed=4)
    assert inflight_project.fake.max_active == 4
    assert sorted(asked(inflight_project.fake)) == [f"q{i:02d}" for i in range(N_CASES)]  # each asked once
    doc = inflight_project.results()
    assert doc["run"]["settings"]["concurrency"] == 4
    assert by_case(doc) == by_case(serial_doc)
    assert {c["in_flight"] for c in doc["cases"]} == {4}
    assert "Latency measured with 4 cases in flight per process" in inflight_project.report()
    assert [c["scenario_id"] for c in doc["cases"]] == [c["scenario_id"] for c in serial_doc["cases"]]  # test order
    assert "FAILED test_scenarios.py::test_scenario[m1-q00]" in batched.stdout.str()  # the failure names its test


def test_x_stops_asking_after_the_first_failure(inflight_project):
    inflight_project.fake.delay_s = 0.5  # ~1 s a request: the failure is seen long before the next 4 finish
    result = inflight_project.run_llm("--llm-concurrency=4", "-x")
    result.assert_outcomes(failed=1)  # q00 fails first
    time.sleep(0.5)  # anything still queued would arrive now
    sent = asked(inflight_project.fake)
    # q00-q03 went first; while q00's answer was reported, at most the next 4 were started: never the rest
    assert "q00" in sent and len(sent) <= 8, sent
    assert len(inflight_project.results()["cases"]) == 1


def test_k_asks_only_the_selected_cases(inflight_project):
    result = inflight_project.run_llm("--llm-concurrency=4", "-k", "q01 or q05 or q07")
    result.assert_outcomes(passed=3)
    assert sorted(asked(inflight_project.fake)) == ["q01", "q05", "q07"]


def test_ini_key_and_a_bad_value_name_the_option(inflight_project):
    inflight_project.pytester.makeini("[pytest]\nllm_concurrency = 3\n")
    inflight_project.run_llm().assert_outcomes(passed=8, failed=4)
    assert inflight_project.fake.max_active == 3
    bad = inflight_project.run_llm("--llm-concurrency=0")
    assert bad.ret != 0
    assert "--llm-concurrency 0: must be between 1 and 1024" in bad.stderr.str() + bad.stdout.str()


def test_under_xdist_each_worker_keeps_its_own_cases_in_flight(inflight_project):
    pytest.importorskip("xdist")
    result = inflight_project.run_llm("--llm-concurrency=4", "-n", "2")
    result.assert_outcomes(passed=8, failed=4)
    assert sorted(asked(inflight_project.fake)) == [f"q{i:02d}" for i in range(N_CASES)]
    assert inflight_project.fake.max_active > 2  # more than one request per worker
    assert len(inflight_project.results()["cases"]) == N_CASES
    # the controller's note of the servers for its workers (their URLs, credentials included) is never in the report dir
    assert not (inflight_project.path / "llmeval-report" / ".servers.json").exists()


def test_rag_cases_in_flight_are_retrieved_before_they_are_asked(llm_project):
    """The scheduler asks rag cases ahead of their tests: the index must exist first (built in the test's thread)."""
    llm_project.scenario(
        "kb.yaml",
        "cases:\n"
        + "".join(
            f"  - id: k{i}\n    category: kb\n    question: 第{i}题：极光网关的年费是多少？\n"
            "    key_points: [36万元]\n    documents: [gateway.md]\n"
            for i in range(4)
        ),
        folder="cases",
    )
    kb = llm_project.path / "kb"
    kb.mkdir()
    (kb / "gateway.md").write_text("# 极光网关\n\n极光网关年费36万元，含7x24小时支持。", encoding="utf-8")
    (kb / "other.md").write_text("# 公司历史\n\n星河数据成立于2015年，总部位于杭州。", encoding="utf-8")
    with FakeServer(answers=lambda request: "年费36万元。", delay_s=0.05) as fake:
        result = llm_project.run(
            "--llm-scenarios=cases", "--rag", "--rag-knowledge=kb", "--llm-base-url", fake.base_url,
            "--llm-model", "m1", "--llm-warmup=0", "--llm-concurrency=4",
        )  # fmt: skip
    doc = llm_project.results()
    rag = [c for c in doc["cases"] if c["mode"] == "rag"]
    assert len(rag) == 4 and all(c["error"] is None and c["retrieval"]["doc_ids"] for c in rag), rag
    assert result.parseoutcomes().get("passed") == 8 and fake.max_active > 1


# -- the real server -------------------------------------------------------------------------------------
@pytest.mark.vllm
def test_real_server_answers_four_cases_at_once(llm_project, vllm_endpoint):
    lines = ["suite: real", "cases:"]
    for i, city in enumerate(["巴黎", "伦敦", "东京", "罗马", "柏林", "北京"]):
        lines += [
            f"  - id: c{i}",
            "    category: geo",
            f"    question: 请重复这个城市名：{city}。",
            f"    key_points: [{city}]",
            "    max_tokens: 8",
        ]
    llm_project.scenario("real.yaml", "\n".join(lines) + "\n")
    result = llm_project.run(
        "--llm-base-url", vllm_endpoint.base_url, "--llm-model", vllm_endpoint.model, "--llm-concurrency=4"
    )
    assert result.ret in (0, 1), result.stdout.str()
    doc = llm_project.results()
    assert len(doc["cases"]) == 6
    assert all(c["error"] is None and c["output_tokens"] and c["in_flight"] == 4 for c in doc["cases"])
    assert doc["run"]["settings"]["concurrency"] == 4


def test_a_concurrency_beyond_what_one_process_can_hold_open_is_refused_with_the_fix(inflight_project):
    bad = inflight_project.run_llm("--llm-concurrency=5000")
    assert bad.ret != 0 and inflight_project.fake.requests == 0
    text = bad.stderr.str() + bad.stdout.str()
    assert "--llm-concurrency 5000: must be between 1 and 1024" in text and "Fix: set it to a value that is" in text
