"""Inputs and stages that must not hang or mislead (issue 15, items 4-6), against the fake server:

- whatever fails while a case is evaluated (retrieval, rerank, request, scoring, judge) is that case's
  recorded `error`, naming the stage; the case counts as not passed and the run is `degraded`;
- `llm_result` is one type (`LLMResult`) in a plain run, with `--llm-repeat` and with `--llm-resume`;
- a model label in any script works under `-n`; `-x` with several models under `-n` ends the run;
- `--rag`, `--llm-bench`, `--llm-resume` are plain switches that never swallow the next argument.
"""

from __future__ import annotations

import io
import json

import pytest

from pytest_llmeval.testing.openai_fake import FakeServer
from pytest_llmeval.testing.sample_cases import ANSWER_COVERING_ALL, two_cases
from pytest_llmeval.xdist import id_form, model_of

CASES = two_cases("trust")
GOOD = ANSWER_COVERING_ALL


@pytest.fixture
def trust(llm_project):
    llm_project.scenario("trust.yaml", CASES)
    kb = llm_project.path / "scenarios" / "knowledge"
    kb.mkdir(parents=True, exist_ok=True)
    (kb / "items.md").write_text("# 清单\n\n甲项、乙项和丙项是三个要点。\n", encoding="utf-8")
    (kb / "other.md").write_text("# 其他\n\n这里没有要点。\n", encoding="utf-8")
    with FakeServer(answers=lambda _req: GOOD) as fake:
        llm_project.fake = fake
        yield llm_project


def run(project, *args: str, model: str = "m1") -> pytest.RunResult:
    return project.run("--llm-base-url", project.fake.base_url, "--llm-model", model, "--llm-max-tokens", "32", *args)


def errors_by_stage(doc: dict) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for case in doc["cases"]:
        if case.get("error"):
            out.setdefault(case["error"]["stage"], []).append(case["scenario_id"])
    return out


# -- every stage's failure is a recorded case error -------------------------------------------------


def test_a_scorer_hook_that_raises_is_the_cases_scoring_error(trust):
    trust.pytester.makeconftest(
        "def pytest_llmeval_score(case, answer, sources, mode, model):\n"
        "    if case.id == 'beta':\n"
        "        raise RuntimeError('scorer exploded')\n"
    )
    result = run(trust)
    result.assert_outcomes(passed=1, failed=1)
    doc = trust.results()
    assert errors_by_stage(doc) == {"scoring": ["beta"]}
    beta = next(c for c in doc["cases"] if c["scenario_id"] == "beta")
    assert "scorer exploded" in beta["error"]["message"]
    assert beta["passed"] is False and beta["answer"] == GOOD  # the answer and its timings are kept
    assert beta["ttft_s"] is not None
    assert doc["run"]["status"] == "degraded"


def test_a_scorer_hook_that_returns_no_score_is_the_cases_scoring_error_naming_the_hook(trust):
    """It was an AttributeError traceback at setup, the case missing from results and the run `complete`."""
    conftest = trust.pytester.makeconftest(
        "def pytest_llmeval_score(case, answer, sources, mode, model):\n    return 85 if case.id == 'beta' else None\n"
    )
    result = run(trust)
    result.assert_outcomes(passed=1, failed=1)
    doc = trust.results()
    assert errors_by_stage(doc) == {"scoring": ["beta"]}
    beta = next(c for c in doc["cases"] if c["scenario_id"] == "beta")
    assert f"the pytest_llmeval_score hook ({conftest}) returned int, not a Score" in beta["error"]["message"]
    assert beta["passed"] is False and beta["answer"] == GOOD
    assert doc["run"]["status"] == "degraded"


def test_an_embedder_failing_over_http_is_every_rag_cases_retrieval_error(trust):
    result = run(trust, "--rag-mode=only", "--rag-embedder", "openai:http://127.0.0.1:9/v1@nothing-here")
    result.assert_outcomes(failed=2)
    doc = trust.results()
    assert errors_by_stage(doc) == {"retrieval": ["alpha", "beta"]}
    assert all("127.0.0.1:9" in c["error"]["message"] for c in doc["cases"])  # names the embedder that failed
    assert doc["run"]["status"] == "degraded"
    # the test's failure is the one-line recorded error, not a traceback from inside the retriever
    result.stdout.fnmatch_lines(
        ["*alpha: ERROR in retrieval (*): retrieval (building the index with embedder openai:http://127.0.0.1:9*"]
    )


def test_a_reranker_failing_over_http_is_the_cases_rerank_error(trust):
    result = run(trust, "--rag", "--rag-reranker", "vllm:http://127.0.0.1:9/v1@nothing-here")
    result.assert_outcomes(passed=2, failed=2)  # the two norag cases pass; both rag cases error in rerank
    doc = trust.results()
    assert errors_by_stage(doc) == {"rerank": ["alpha", "beta"]}
    assert all(c["mode"] == "rag" for c in doc["cases"] if c.get("error"))


def test_a_judge_that_fails_is_the_cases_judge_error(trust):
    result = run(trust, "--llm-judge", "http://127.0.0.1:9/v1@judge")
    result.assert_outcomes(failed=2)
    doc = trust.results()
    assert errors_by_stage(doc) == {"judge": ["alpha", "beta"]}
    assert doc["run"]["status"] == "degraded"


def test_an_image_unreadable_at_request_time_is_the_cases_request_error(trust):
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(buf, format="PNG")
    (trust.path / "scenarios" / "pic.png").write_bytes(buf.getvalue())
    trust.scenario(
        "vision.yaml",
        "suite: pics\ncases:\n  - id: pic\n    category: v\n    question: 图里写了什么？\n"
        "    image: pic.png\n    key_points: [白色]\n",
    )
    # the image is readable at collection and broken before the request is built
    trust.pytester.makeconftest(
        "from pathlib import Path\n"
        "def pytest_collection_finish(session):\n"
        "    Path('scenarios/pic.png').write_bytes(b'not an image')\n"
    )
    result = run(trust)
    result.assert_outcomes(passed=2, failed=1)
    doc = trust.results()
    assert errors_by_stage(doc) == {"request": ["pic"]}
    (pic,) = (c for c in doc["cases"] if c["scenario_id"] == "pic")
    assert f"image {trust.path / 'scenarios' / 'pic.png'}: not an image" in pic["error"]["message"]  # which file


# -- one llm_result type ---------------------------------------------------------------------------

NUMBERS_TEST = """
from pytest_llmeval.evaluation.outcome import LLMResult

def test_scenario(llm_result):
    assert type(llm_result) is LLMResult
    assert llm_result.score >= 60
    assert llm_result.passed
    assert llm_result.ttft_s is not None and llm_result.ttft_s < 60
    assert len(llm_result.samples) == llm_result.n_samples
"""


@pytest.mark.parametrize("extra", [[], ["--llm-repeat", "2"]], ids=["plain", "repeat"])
def test_llm_result_is_one_type_with_a_numeric_score(trust, extra):
    trust.pytester.makepyfile(test_scenarios=NUMBERS_TEST)
    result = run(trust, *extra)
    result.assert_outcomes(passed=2)


def test_llm_result_is_the_same_type_after_resume(trust):
    trust.pytester.makepyfile(test_scenarios=NUMBERS_TEST)
    first = run(trust, "-k", "alpha")  # beta not asked: the run is incomplete only if interrupted; fake one
    first.assert_outcomes(passed=1)
    results = trust.path / "llmeval-report" / "results.json"
    doc = json.loads(results.read_text(encoding="utf-8"))
    doc["run"]["status"] = "interrupted"
    results.write_text(json.dumps(doc), encoding="utf-8")
    second = run(trust, "--llm-resume")
    second.assert_outcomes(passed=2)
    reused = {c["scenario_id"]: bool(c.get("reused")) for c in trust.results()["cases"]}
    assert reused == {"alpha": True, "beta": False}  # alpha came from the first run, beta was asked


# -- labels and flags ------------------------------------------------------------------------------


def test_model_of_finds_labels_in_any_script_in_escaped_ids():
    labels = ["千问", "qwen-8b", "q"]
    node = f"tests/t.py::test_scenario[{id_form('千问')}-roi]"
    assert "\\u5343" in node
    assert model_of(node, labels) == "千问"
    assert model_of("t.py::test_scenario[qwen-8b-roi]", labels) == "qwen-8b"
    assert model_of("t.py::test_scenario[q-roi]", labels) == "q"


def test_a_chinese_label_under_xdist_finishes(trust):
    result = trust.pytester.runpytest_subprocess(
        "-p",
        "no:cacheprovider",
        "-n",
        "2",
        "--llm-base-url",
        trust.fake.base_url,
        "--llm-model",
        "千问=m1",
        "--llm-max-tokens",
        "32",
        timeout=180,
    )
    result.assert_outcomes(passed=2)
    doc = trust.results()
    assert {c["model"] for c in doc["cases"]} == {"千问"}


def test_exitfirst_with_two_models_under_xdist_ends_the_run(trust):
    trust.fake.answers = lambda _req: "答：无。"  # every case fails
    result = trust.pytester.runpytest_subprocess(
        "-p",
        "no:cacheprovider",
        "-n",
        "2",
        "-x",
        "--llm-base-url",
        trust.fake.base_url,
        "--llm-model",
        "a=m1",
        "--llm-model",
        "b=m1",
        "--llm-max-tokens",
        "32",
        timeout=180,
    )
    # xdist ends a run stopped by -x as interrupted (2); without the fix a worker waiting for b's server hung
    assert result.ret in (pytest.ExitCode.TESTS_FAILED, pytest.ExitCode.INTERRUPTED)
    assert "stopping after 1 failures" in result.stdout.str()
    outcomes = result.parseoutcomes()
    assert outcomes.get("failed", 0) >= 1
    assert outcomes.get("passed", 0) == 0


def test_rag_switch_does_not_swallow_the_next_argument(trust):
    result = run(trust, "--collect-only", "-q", "--rag", "test_scenarios.py")
    assert result.ret == 0, result.stdout.str()
    ids = [line for line in result.stdout.lines if "::test_scenario[" in line]
    assert len(ids) == 4 and sum("-rag-" in i for i in ids) == 2


@pytest.mark.parametrize("switch", ["--llm-bench", "--llm-resume", "--llm-judge-assert", "--llm-bench-ignore-eos"])
def test_switches_take_no_value(trust, switch):
    result = run(trust, "--collect-only", "-q", switch, "test_scenarios.py")
    assert result.ret == 0, result.stdout.str() + result.stderr.str()
    assert sum("::test_scenario[" in line for line in result.stdout.lines) == 2


def test_rag_mode_option_chooses_the_modes(trust):
    result = run(trust, "--collect-only", "-q", "--rag-mode=only")
    ids = [line for line in result.stdout.lines if "::test_scenario[" in line]
    assert len(ids) == 2 and all("-rag-" in i for i in ids)
    bad = run(trust, "--collect-only", "--rag-mode=sometimes")
    assert bad.ret == pytest.ExitCode.USAGE_ERROR
    assert "sometimes" in bad.stderr.str()
