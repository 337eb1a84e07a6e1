"""Under pytest-xdist, a worker that crashes keeps its part of `run.selection`.

Wrong before: each worker counted the LLM case tests it skipped and finished and sent the counts in its
`workeroutput` when it finished. A worker that crashed (killed, a segfault: xdist replaces it and reports the test it
was running as failed) sends none, so its skips and finished tests were lost: the report said they were "selected but
not run". Now the controller counts them from the test reports xdist forwards as they are made (each LLM case test's
report is marked), and only the collection counts come from a worker's `workeroutput` - any worker's, since every
worker collects the whole suite.
"""

from __future__ import annotations

from typing import Any

import pytest

from pytest_llmeval.testing.openai_fake import FakeServer

pytest.importorskip("xdist")

ANSWER = "Paris is the capital."
CASES = 7  # 2 of them skipped
SKIPS = ("c2", "c5")


def suite() -> str:
    lines = ["suite: crash", "cases:"]
    for i in range(CASES):
        lines += [f"  - id: c{i}", "    category: geo", f"    question: Question {i}?", "    key_points: [Paris]"]
    return "\n".join(lines) + "\n"


# every test of the suite and the crashing one go to one worker, in collection order (--dist loadgroup): it runs
# the cases (and skips two) before the test that kills it; the other worker runs the plain tests
CONFTEST = f"""
import pytest

def pytest_collection_modifyitems(items):
    for item in items:
        if item.nodeid.endswith(tuple(end + case + "]" for case in {SKIPS!r} for end in "[-")):
            item.add_marker(pytest.mark.skip(reason="no GPU"))
        if "test_plain" not in item.nodeid:
            item.add_marker(pytest.mark.xdist_group("cases-then-crash"))
"""
CRASH = """
import os

def test_kills_its_worker():
    os._exit(3)
"""
PLAIN = """
def test_plain_one():
    assert True

def test_plain_two():
    assert True
"""


def run_on_two_workers(llm_project: Any) -> pytest.RunResult:
    """The project's run on two xdist workers against a fake server, a crashed worker not replaced."""
    with FakeServer(answers=lambda request: ANSWER) as fake:
        return llm_project.run(
            "--llm-base-url", fake.base_url, "--llm-model", "m", "--llm-max-tokens", "16",
            "-n", "2", "--dist", "loadgroup", "--max-worker-restart", "0",
        )  # fmt: skip


def test_a_crashed_workers_skips_and_finished_cases_are_in_the_record(llm_project):
    llm_project.scenario("s.yaml", suite())
    llm_project.pytester.makeconftest(CONFTEST)
    llm_project.pytester.makepyfile(test_zz_crash=CRASH, test_plain=PLAIN)
    result = run_on_two_workers(llm_project)
    out = result.stdout.str()
    assert "crashed while running" in out and "test_kills_its_worker" in out, out
    result.assert_outcomes(passed=CASES - len(SKIPS) + 2, skipped=len(SKIPS), failed=1)
    selection = llm_project.results()["run"]["selection"]
    counts = {key: selection[key] for key in ("collected", "deselected", "selected", "skipped", "finished")}
    assert counts == {"collected": 7, "deselected": 0, "selected": 7, "skipped": 2, "finished": 5}, selection
    assert selection["skip_reasons"] == {"no GPU": 2}
    line = '5 of 7 LLM case tests run: 2 skipped (2 "no GPU").'
    assert line in out and line in llm_project.report()
    assert "selected but not run" not in out and "selected but not run" not in llm_project.report()


# a crash in an LLM case test's SETUP: xdist's crash report is the only report of that test, and it is unmarked
SETUP_CRASH = """
import os
import pytest

def pytest_collection_modifyitems(items):
    for item in items:
        item.add_marker(pytest.mark.xdist_group("cases"))

@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    if item.nodeid.endswith(("[c3]", "-c3]")):
        os._exit(3)
"""


def test_a_worker_crash_in_a_case_tests_setup_counts_that_test_as_run_and_failed(llm_project):
    """Before: the crashed test was "1 selected but not run (the run stopped first: interrupted, -x or --maxfail)" -
    a reason that was not what happened. The other worker's digests of its case tests name it as one."""
    llm_project.scenario("s.yaml", suite())
    llm_project.pytester.makeconftest(SETUP_CRASH)
    llm_project.pytester.makepyfile(test_plain=PLAIN)
    result = run_on_two_workers(llm_project)
    out = result.stdout.str()
    assert "crashed while running" in out and "c3" in out, out
    outcomes = result.parseoutcomes()
    assert outcomes["failed"] == 1, outcomes
    cases_passed = outcomes["passed"] - 2  # the two plain tests passed too
    selection = llm_project.results()["run"]["selection"]
    counts = {key: selection[key] for key in ("collected", "selected", "skipped", "finished")}
    # the crashed test counts as run (and failed): before, finished was cases_passed and c3 "selected but not run"
    assert counts == {"collected": 7, "selected": 7, "skipped": 0, "finished": cases_passed + 1}, (selection, out)
    if cases_passed + 1 < 7:  # xdist ran no other test after the crash (no restart): those are not run, and say why
        assert "selected but not run (the run stopped first: a pytest-xdist worker crashed" in out, out


def test_the_words_and_fix_for_tests_not_run_name_a_worker_crash_only_when_one_is_recorded():
    from pytest_llmeval.results.selection import coverage_line, merged_selection, no_case_ran, selection_record

    def doc(crashes: int, finished: int) -> dict:
        record = selection_record(
            collected=7, deselected=0, skipped={}, finished=finished, selected_by=[], worker_crashes=crashes
        )
        return {"run": {"selection": record}}

    assert "worker_crashes" not in doc(0, 3)["run"]["selection"]  # a run without a crash records as before
    plain, crashed = coverage_line(doc(0, 3)), coverage_line(doc(1, 3))
    assert plain is not None and "4 selected but not run (the run stopped first: interrupted, -x or --maxfail)" in plain
    assert (
        crashed is not None
        and "4 selected but not run (the run stopped first: a pytest-xdist worker crashed (1 " in crashed
    )
    said, fix = no_case_ran(doc(2, 0)) or ("", "")
    assert "7 of 7 LLM case tests selected but not run" in said and "--max-worker-restart" in fix
    assert "--max-worker-restart" not in (no_case_ran(doc(0, 0)) or ("", ""))[1]
    merged = merged_selection([doc(1, 3)["run"]["selection"], doc(2, 3)["run"]["selection"]])
    assert merged is not None and merged["worker_crashes"] == 3  # shards' crashes add up
