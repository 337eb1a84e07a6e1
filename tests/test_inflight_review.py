"""Cases in flight (--llm-concurrency), reviewed adversarially: each test receives its own case's result whatever
the run's shape (repeats, two models, RAG on and off, user tests elsewhere, getfixturevalue), a skipped test's case
is never asked, a failing or hanging request stays its own case's, an interrupt keeps what was measured (labelled
as measured in flight) and leaves no thread behind. Runs against the fake server; no timing assertions (timeouts
only keep a broken run from hanging)."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import pytest

from pytest_llmeval.evaluation.inflight import InflightScheduler
from pytest_llmeval.testing.openai_fake import FakeServer

N_CASES = 8


def scenario_yaml(n: int = N_CASES, suite: str = "review", prefix: str = "q") -> str:
    lines = [f"suite: {suite}", "cases:"]
    for i in range(n):
        lines += [
            f"  - id: {prefix}{i:02d}",
            "    category: review",
            f"    question: 第{i:02d}题：请回答。",
            "    key_points: [答案]",
        ]
    return "\n".join(lines) + "\n"


def user_text(request: dict[str, Any]) -> str:
    return str(request.get("messages", [{}])[-1].get("content", ""))


def case_answer(request: dict[str, Any]) -> str | None:
    """Every case's answer names its case, its model and its prompt's kind, so a result handed to the wrong test
    shows; cases 0, 3, 6 fail (no key point)."""
    text = user_text(request)
    if "第" not in text:
        return None  # a warm-up request
    number = text[text.index("第") + 1 : text.index("第") + 3]
    rag = "rag" if "极光" in text or "资料" in text or "context" in text.lower() else "plain"
    verdict = "不知道" if int(number) % 3 == 0 else "答案"
    return f"{verdict}：题{number}，模型{request.get('model')}，{rag}。"


def asked(fake: FakeServer) -> list[str]:
    """The case numbers the fake server was asked (with the model), in arrival order; warm-ups left out."""
    out = []
    for path, body in list(fake.received):
        text = user_text(body) if path.endswith("chat/completions") else ""
        if "第" in text:
            out.append(f"{body.get('model')}:q{text[text.index('第') + 1 : text.index('第') + 3]}")
    return out


class HangingServer(FakeServer):
    """A fake server that never answers the prompts containing HANG (the others as usual)."""

    async def _stream(self, req: dict[str, Any], chat: bool, writer: asyncio.StreamWriter) -> bool:
        if "HANG" in user_text(req):
            await asyncio.sleep(120)
        return await super()._stream(req, chat, writer)


@pytest.fixture
def project(llm_project):
    llm_project.scenario("review.yaml", scenario_yaml())
    with FakeServer(answers=case_answer, delay_s=0.02) as fake:

        def run(*args: str, models: tuple[str, ...] = ("m1",)) -> pytest.RunResult:
            fake.received.clear()
            fake.max_active = 0
            flags = [f"--llm-model={m}" for m in models]
            return llm_project.run("--llm-base-url", fake.base_url, *flags, "--llm-warmup=0", *args)

        llm_project.fake = fake
        llm_project.run_llm = run
        yield llm_project


def answers_by_test(doc: dict[str, Any]) -> dict[tuple[str, str, str, int], str]:
    return {(c["model"], c["mode"], c["scenario_id"], c.get("sample", 0)): c["answer"] for c in doc["cases"]}


def test_every_record_holds_its_own_case_model_and_sample(project):
    """Two models and --llm-repeat 2 at concurrency 4: the same answers, record by record, as a serial run."""
    serial = project.run_llm("--llm-concurrency=1", "--llm-repeat=2", models=("m1", "m2"))
    serial_doc = project.results()
    batched = project.run_llm("--llm-concurrency=4", "--llm-repeat=2", models=("m1", "m2"))
    doc = project.results()
    assert serial.parseoutcomes() == batched.parseoutcomes()
    assert answers_by_test(doc) == answers_by_test(serial_doc)
    for case in doc["cases"]:
        number = case["scenario_id"][1:]
        assert f"题{number}，模型{case['model']}" in case["answer"], case
        assert case["nodeid"].endswith(f"[{case['model']}-{case['scenario_id']}]"), case
    assert sorted(asked(project.fake)) == sorted(
        f"{m}:q{i:02d}" for m in ("m1", "m2") for i in range(N_CASES) for _ in (0, 1)
    )


USER_TESTS = """\
import pytest


@pytest.mark.parametrize("variant", ["a", "b"])
def test_variant(llm_result, llm_case, variant):
    assert f"题{llm_case.id[1:]}" in llm_result.answer


def test_dynamic(request, llm_case):
    result = request.getfixturevalue("llm_result")
    again = request.getfixturevalue("llm_result")
    assert result is again and f"题{llm_case.id[1:]}" in result.answer
"""


def test_user_tests_in_another_module_get_their_own_case(project):
    """Parametrised user tests and getfixturevalue("llm_result") in another module, -k leaving some out: each
    test sees its own case's answer and every selected case is asked once."""
    project.pytester.makepyfile(test_user=USER_TESTS)
    result = project.run_llm("--llm-concurrency=4", "-k", "not q05 and not q06")
    outcomes = result.parseoutcomes()
    assert outcomes.get("failed") == 2 and outcomes.get("passed") == 4 * 6 - 2, result.stdout.str()  # q00, q03 fail
    assert "FAILED test_scenarios.py::test_scenario[m1-q00]" in result.stdout.str()
    assert sorted(asked(project.fake)) == sorted(f"m1:q{i:02d}" for i in range(N_CASES) if i not in (5, 6))


def test_rag_on_and_off_for_one_case_are_not_swapped(project):
    kb = project.path / "kb"
    kb.mkdir()
    (kb / "gateway.md").write_text("# 极光网关\n\n极光网关年费36万元。", encoding="utf-8")
    project.run_llm("--llm-concurrency=4", "--rag", "--rag-knowledge=kb")
    doc = project.results()
    assert len(doc["cases"]) == 2 * N_CASES
    for case in doc["cases"]:
        kind = "rag" if case["mode"] == "rag" else "plain"
        assert case["answer"].endswith(f"{kind}。") and f"题{case['scenario_id'][1:]}" in case["answer"], case


SKIPPING_CONFTEST = """\
import pytest


def pytest_collection_modifyitems(items):
    for item in items:
        case = item.callspec.params["llm_case"].id
        if case == "q02":
            item.add_marker(pytest.mark.skip(reason="skipped by marker"))
        elif case == "q04":
            item.add_marker(pytest.mark.skipif("True", reason="skipped by a true condition"))
        elif case == "q05":
            item.add_marker(pytest.mark.xfail(run=False, reason="not run"))
        elif case == "q07":
            item.add_marker(pytest.mark.skipif(False, reason="a false condition: runs"))
"""


def test_a_test_skipped_by_a_marker_has_its_case_neither_asked_nor_recorded(project):
    project.pytester.makeconftest(SKIPPING_CONFTEST)
    result = project.run_llm("--llm-concurrency=4")
    result.assert_outcomes(passed=2, failed=3, skipped=2, xfailed=1)
    assert sorted(asked(project.fake)) == [f"m1:q{i:02d}" for i in (0, 1, 3, 6, 7)]
    assert sorted(c["scenario_id"] for c in project.results()["cases"]) == ["q00", "q01", "q03", "q06", "q07"]


def special_scenario(questions: dict[int, str]) -> str:
    """N_CASES cases; case i asks questions[i] (which must keep "第NN题") when given."""
    lines = ["suite: special", "cases:"]
    for i in range(N_CASES):
        lines += [
            f"  - id: q{i:02d}",
            "    category: review",
            f"    question: {questions.get(i, f'第{i:02d}题：请回答。')}",
            "    key_points: [答案]",
        ]
    return "\n".join(lines) + "\n"


def test_a_server_error_for_one_case_in_flight_is_that_case_s_alone(llm_project):
    llm_project.scenario("special.yaml", special_scenario({2: "第02题：FAIL 请回答。"}))
    with FakeServer(answers=case_answer, delay_s=0.02) as fake:
        result = llm_project.run(
            "--llm-base-url", fake.base_url, "--llm-model=m1", "--llm-warmup=0", "--llm-concurrency=4"
        )
    result.assert_outcomes(passed=4, failed=4)  # q00, q03, q06 (no key point) and q02 (the error)
    cases = {c["scenario_id"]: c for c in llm_project.results()["cases"]}
    assert cases["q02"]["error"]["status"] == 500 and "injected failure" in cases["q02"]["error"]["message"]
    assert all(c["error"] is None and f"题{sid[1:]}" in c["answer"] for sid, c in cases.items() if sid != "q02")
    assert "test_scenario[m1-q02]" in result.stdout.str() and "injected failure" in result.stdout.str()


def test_a_request_that_hangs_times_out_as_its_own_case_s_error(llm_project):
    llm_project.scenario("special.yaml", special_scenario({1: "第01题：HANG 请回答。"}))
    with HangingServer(answers=case_answer) as fake:
        result = llm_project.run(
            "--llm-base-url", fake.base_url, "--llm-model=m1", "--llm-warmup=0", "--llm-concurrency=4",
            "--llm-request-timeout=3",
        )  # fmt: skip
    result.assert_outcomes(passed=4, failed=4)
    cases = {c["scenario_id"]: c for c in llm_project.results()["cases"]}
    assert cases["q01"]["error"]["type"] == "timeout", cases["q01"]
    assert all(c["error"] is None for sid, c in cases.items() if sid != "q01")


RAISING_SCORER = """\
def pytest_llmeval_score(case, answer, sources, mode, model):
    if case.id == "q04":
        raise RuntimeError("the house scorer broke on q04")
    return None
"""


def test_a_scorer_hook_that_raises_in_a_scheduler_thread_is_its_case_s_error(project):
    project.pytester.makeconftest(RAISING_SCORER)
    result = project.run_llm("--llm-concurrency=4")
    result.assert_outcomes(passed=4, failed=4)
    cases = {c["scenario_id"]: c for c in project.results()["cases"]}
    assert "the house scorer broke on q04" in cases["q04"]["error"]["message"]
    assert cases["q04"]["answer"].startswith("答案：题04")  # the answer is kept
    assert all(c["error"] is None for sid, c in cases.items() if sid != "q04")
    assert "the house scorer broke on q04" in result.stdout.str()


INTERRUPT_ONCE_ANSWERED = """\
import time

from pytest_llmeval.plugin import SESSION_KEY


def pytest_runtest_teardown(item):
    inflight = item.config.stash[SESSION_KEY].inflight
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        futures = [f for _, scheduler in inflight._schedulers.values() for f in scheduler._futures.values()]
        if len(futures) >= {expected} and sum(f.done() for f in futures) >= {done}:
            break
        time.sleep(0.05)
    raise KeyboardInterrupt
"""


def live_scheduler_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("llmeval-")]


def test_ctrl_c_records_the_finished_cases_labelled_in_flight_and_skips_the_skipped(llm_project):
    llm_project.scenario("review.yaml", scenario_yaml())
    llm_project.pytester.makeconftest(
        # the 5 cases that run (q02, q04, q05 are skipped, never asked): waiting for 7 sat out the 60 s deadline
        INTERRUPT_ONCE_ANSWERED.format(expected=5, done=5)
        + SKIPPING_CONFTEST.split("\n\n\n")[1].replace(
            "def pytest_collection_modifyitems", "import pytest\n\n\ndef pytest_collection_modifyitems"
        )
    )
    with FakeServer(answers=case_answer) as fake:
        result = llm_project.pytester.runpytest(
            "--llm-base-url", fake.base_url, "--llm-model=m1", "--llm-warmup=0", "--llm-concurrency=8",
            "-p", "no:cacheprovider", no_reraise_ctrlc=True,
        )  # fmt: skip
    assert result.ret == pytest.ExitCode.INTERRUPTED
    doc = llm_project.results()
    ids = sorted(c["scenario_id"] for c in doc["cases"])
    assert ids == ["q00", "q01", "q03", "q06", "q07"]  # q02, q04, q05: skipped by a marker, never recorded as run
    assert all(c.get("in_flight") == 8 for c in doc["cases"]), [
        (c["scenario_id"], c.get("in_flight")) for c in doc["cases"]
    ]


def test_ctrl_c_with_a_request_hanging_in_flight_ends_the_run_and_its_threads(llm_project):
    llm_project.scenario("special.yaml", special_scenario({3: "第03题：HANG 请回答。"}))
    llm_project.pytester.makeconftest(INTERRUPT_ONCE_ANSWERED.format(expected=N_CASES, done=N_CASES - 1))
    with HangingServer(answers=case_answer) as fake:
        result = llm_project.pytester.runpytest(
            "--llm-base-url", fake.base_url, "--llm-model=m1", "--llm-warmup=0", "--llm-concurrency=8",
            "--llm-request-timeout=600", "-p", "no:cacheprovider", no_reraise_ctrlc=True,
        )  # fmt: skip
        left = live_scheduler_threads()
    assert result.ret == pytest.ExitCode.INTERRUPTED
    assert not left, left  # the hung request's thread ended with the run, not 600 s later
    ids = sorted(c["scenario_id"] for c in llm_project.results()["cases"])
    assert ids == [f"q{i:02d}" for i in range(N_CASES) if i != 3]


def slow_first_half(request: dict[str, Any]) -> str | None:
    """The first half's answers are long (many stream pieces, each delayed): one worker's tests take longer."""
    answer = case_answer(request)
    text = user_text(request)
    if answer is not None and int(text[text.index("第") + 1 : text.index("第") + 3]) < N_CASES // 2:
        return answer + "。" * 160
    return answer


@pytest.mark.parametrize("dist", ["load", "worksteal"])
def test_under_xdist_no_case_is_asked_twice_across_workers(llm_project, dist):
    pytest.importorskip("xdist")
    llm_project.scenario("review.yaml", scenario_yaml())
    with FakeServer(answers=slow_first_half, delay_s=0.01) as fake:
        result = llm_project.run(
            "--llm-base-url", fake.base_url, "--llm-model=m1", "--llm-warmup=0", "--llm-concurrency=2",
            "-n", "2", "--dist", dist,
        )  # fmt: skip
        sent = asked(fake)
    result.assert_outcomes(passed=5, failed=3)
    assert sorted(sent) == [f"m1:q{i:02d}" for i in range(N_CASES)], sent
    cases = llm_project.results()["cases"]
    assert sorted(c["scenario_id"] for c in cases) == [f"q{i:02d}" for i in range(N_CASES)]
    assert all(f"题{c['scenario_id'][1:]}" in c["answer"] for c in cases)


def test_maxfail_2_records_only_the_tests_that_ran(project):
    project.fake.delay_s = 0.05
    result = project.run_llm("--llm-concurrency=4", "--maxfail=2")
    outcomes = result.parseoutcomes()
    assert outcomes.get("failed") == 2, result.stdout.str()
    ran = sorted(c["scenario_id"] for c in project.results()["cases"])
    assert ran == [f"q{i:02d}" for i in range(4)]  # q00 and q03 failed; q04-q07 were asked ahead, never run


def test_a_run_at_concurrency_8_against_one_at_1_compares_quality_and_not_speed(project):
    """End to end: the labels in results.json, report.md, report.html and the terminal, and the gate's verdict."""
    first = project.run_llm("--llm-concurrency=1", "--llm-save", "serial")
    assert first.ret == 1 and "cases in flight" not in first.stdout.str()
    again = project.run_llm(
        "--llm-concurrency=8", "--llm-compare", "serial", "--llm-compare-fail", "ttft_p50:1%,e2e_p50:1%,score:5"
    )
    # no regression; the speed rules measured nothing comparable: exit 8 (round 8, compare/gate.py), over pytest's 1
    assert again.ret == 8, again.stdout.str()
    doc = project.results()
    assert doc["run"]["settings"]["concurrency"] == 8 and {c["in_flight"] for c in doc["cases"]} == {8}
    rules = {r["metric"]: r for r in doc["comparison"]["rules"]}
    for speed in ("ttft_p50", "e2e_p50"):
        assert not rules[speed]["failed"] and "not comparable" in rules[speed]["status"], rules[speed]
        assert "concurrency 1 in the baseline, 8 now" in rules[speed]["status"]
    assert "not comparable" not in rules["score"]["status"] and not rules["score"]["failed"], rules["score"]
    assert doc["comparison"]["groups"][0]["metrics"]["score"]["estimate"] == 0.0
    label = "Latency measured with 8 cases in flight per process"
    assert label in again.stdout.str() and label in project.report()
    assert "8 cases in flight per process" in project.report(name="report.html")


def test_closing_a_scheduler_waits_only_as_long_as_it_is_told():
    release = threading.Event()

    def job(key: int) -> int:
        release.wait(60)
        return key

    scheduler: InflightScheduler[int, int] = InflightScheduler(job, concurrency=2, name="llmeval-unit")
    scheduler.submit(range(5))
    assert scheduler.close(timeout_s=0.2) is False  # two stuck jobs: not ended, and close returned
    release.set()
    assert scheduler.join(60) is True
    assert [scheduler.result_for(k) for k in (0, 1)] == [0, 1] and scheduler.running == 0
    assert not [t for t in threading.enumerate() if t.name.startswith("llmeval-unit")]


def test_the_answer_cache_with_cases_in_flight_asks_each_case_once_and_replays_the_same_results(project):
    first = project.run_llm("--llm-concurrency=4", "--llm-cache")
    first_doc = project.results()
    assert sorted(asked(project.fake)) == [f"m1:q{i:02d}" for i in range(N_CASES)]
    again = project.run_llm("--llm-concurrency=4", "--llm-cache")
    assert asked(project.fake) == []  # every answer from the cache: the server is not asked
    assert first.parseoutcomes() == again.parseoutcomes()
    doc = project.results()
    assert answers_by_test(doc) == answers_by_test(first_doc)
