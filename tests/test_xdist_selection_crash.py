"""Under pytest-xdist, a worker that crashes keeps its part of `run.selection`.

Wrong before: each worker counted the LLM case tests it skipped and finished and sent the counts in its
`workeroutput` when it finished. A worker that crashed (killed, a segfault: xdist replaces it and reports the test it
was running as failed) sends none, so its skips and finished tests were lost: the report said they were "selected but
not run". Now the controller counts them from the test reports xdist forwards as they are made (each LLM case test's
report is marked), and only the collection counts come from a worker's `workeroutput` - any worker's, since every
worker collects the whole suite.
"""

from __future__ import annotations

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


def test_a_crashed_workers_skips_and_finished_cases_are_in_the_record(llm_project):
    llm_project.scenario("s.yaml", suite())
    llm_project.pytester.makeconftest(CONFTEST)
    llm_project.pytester.makepyfile(test_zz_crash=CRASH, test_plain=PLAIN)
    with FakeServer(answers=lambda request: ANSWER) as fake:
        result = llm_project.run(
            "--llm-base-url", fake.base_url, "--llm-model", "m", "--llm-max-tokens", "16",
            "-n", "2", "--dist", "loadgroup", "--max-worker-restart", "0",
        )  # fmt: skip
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
