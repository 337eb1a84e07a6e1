"""v92 in a user's run: a person's name point scored in the plugin's scoring threads, in a fresh process - the answer
that names a longer name fails its case, the others pass, and no warning of jieba's shows (the race that showed one in
a user's run: tests/rag/test_rag_tokenize.py)."""

from __future__ import annotations

from pytest_llmeval.testing.openai_fake import FakeServer

CASES = """\
suite: names
cases:
  - {id: broker, category: kb, question: 是谁牵的线？, key_points: [刘敏]}
  - {id: owner, category: kb, question: 谁是负责人？, key_points: [周晓峰]}
  - {id: city, category: kb, question: 总部在哪里？, key_points: [上海]}
"""
ANSWERS = {"牵的线": "牵线人是刘敏华，她是王志远的大学同学。", "负责人": "负责人是周晓峰。", "总部": "总部在上海。"}


def test_a_longer_name_fails_its_case_with_no_warning_from_jieba(llm_project) -> None:
    llm_project.scenario("names.yaml", CASES)
    with FakeServer(answers=ANSWERS) as fake:
        result = llm_project.pytester.runpytest_subprocess(
            "--llm-model=m", f"--llm-base-url={fake.base_url}", "--llm-concurrency=4", "-p", "no:cacheprovider"
        )
    output = result.stdout.str()
    statuses = {c["scenario_id"]: c["points"][0]["status"] for c in llm_project.results()["cases"]}
    assert statuses == {"broker": "missing", "owner": "covered", "city": "covered"}, output
    assert "pkg_resources" not in output and "DeprecationWarning" not in output, output
