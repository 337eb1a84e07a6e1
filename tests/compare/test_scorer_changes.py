"""The gate compares like with like: a baseline graded by another scorer than the new run (an older keyword
scorer, another echo guard, a custom hook) is graded again from its saved answers, or left out as a problem -
never read as a regression or an improvement of the model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pytest_llmeval.__main__ import main as cli
from pytest_llmeval.compare import EXIT_BROKEN, EXIT_OK, compare_runs, parse_fail_expressions, render_comparison_text
from pytest_llmeval.evaluation.scenarios import load_scenarios
from pytest_llmeval.evaluation.scorers import score_case
from pytest_llmeval.evaluation.scoring import SCORER_VERSION, make_score

SCENARIOS = """suite: loans
cases:
""" + "".join(
    f"""  - id: term{i}
    category: loans
    question: 第{i}号贷款的期限是多少?
    key_points: ["{i + 10}个月"]
"""
    for i in range(8)
)
# what the model answered: a wrong number that contains the right one (the keyword scorer v1 credited it)
ANSWERS = {f"term{i}": f"期限是1{i + 10}个月。" for i in range(8)}
V1 = {"name": "keyword_coverage", "version": 1}


@pytest.fixture
def cases(tmp_path):
    path = tmp_path / "scenarios" / "loans.yaml"
    path.parent.mkdir()
    path.write_text(SCENARIOS, encoding="utf-8")
    return load_scenarios([path])


def record(case, answer, score, passed, scorer, model="m"):
    return {
        "model": model,
        "mode": "norag",
        "scenario_id": case.id,
        "sample": 0,
        "category": case.category,
        "case_hash": case.content_hash,
        "prompt_hash": case.prompt_hash,
        "question": case.question,
        "answer": answer,
        "score": score,
        "passed": passed,
        "threshold": case.threshold,
        "scorer": scorer,
        "error": None,
        "ttft_s": 0.2,
        "e2e_s": 1.0,
    }


def run(records, status="complete"):
    return {"schema_version": 2, "run": {"models": ["m"], "status": status, "settings": {}}, "cases": records}


def today(case, model="m"):
    """The new run's record: the answer graded by today's keyword scorer."""
    score = score_case(case, ANSWERS[case.id], {"question": case.question})
    return record(case, ANSWERS[case.id], score.score, score.passed, score.scorer, model)


def test_the_current_scorer_does_not_credit_a_wrong_number_that_contains_the_right_one(cases):
    assert all(today(c)["score"] == 0.0 for c in cases)  # what the baseline's v1 scored 100 below


def test_a_baseline_graded_by_an_older_scorer_is_graded_again_and_no_regression_is_claimed(cases):
    base = run([record(c, ANSWERS[c.id], 100.0, True, V1) for c in cases])  # same answers, scorer v1
    new = run([today(c) for c in cases])
    rules = parse_fail_expressions(["score:5,pass_rate:10"])

    cmp = compare_runs(base, new, rules, cases=cases)

    assert cmp["exit_code"] == EXIT_OK and not cmp["regressions"]
    (group,) = cmp["groups"]
    assert group["n"] == 8 and group["metrics"]["score"]["estimate"] == 0.0  # same answers, same grades
    note = cmp["baseline_rescored"]
    assert note["cases"] == 8 and note["changes"][0]["from"] == "keyword_coverage v1"
    assert note["changes"][0]["to"].startswith(f"keyword_coverage v{SCORER_VERSION} (echo guard")
    assert "Baseline graded again" in render_comparison_text(cmp)
    assert all(c["score"] == 100.0 for c in base["cases"])  # the caller's baseline is not changed in place


def test_without_the_current_cases_such_records_are_left_out_and_the_run_is_broken(cases):
    base = run([record(c, ANSWERS[c.id], 100.0, True, V1) for c in cases])
    new = run([today(c) for c in cases])

    cmp = compare_runs(base, new, parse_fail_expressions(["score:5"]))

    assert cmp["exit_code"] == EXIT_BROKEN and not cmp["regressions"]  # never a regression of the model
    assert len(cmp["mismatches"]["scorer_changed"]) == 8
    (problem,) = [p for p in cmp["problems"] if p["kind"] == "scorer"]
    assert not problem["allowed"] and "8 of 8" in problem["text"] and "pytest_llmeval rescore" in problem["text"]
    assert "keyword_coverage v1" in problem["text"]


def test_a_baseline_without_a_recorded_scorer_counts_as_another_scorer(cases):
    base = run([{**record(c, ANSWERS[c.id], 100.0, True, V1), "scorer": None} for c in cases])
    new = run([today(c) for c in cases])
    cmp = compare_runs(base, new, cases=cases)
    assert cmp["baseline_rescored"]["cases"] == 8 and cmp["exit_code"] == EXIT_OK


def test_an_echo_guard_setting_is_part_of_the_scorer(cases):
    new = run([today(c) for c in cases])
    current = new["cases"][0]["scorer"]
    other = {**current, "echo_min_copy": {k: v + 1 for k, v in current["echo_min_copy"].items()}}
    base = run([record(c, ANSWERS[c.id], 100.0, True, other) for c in cases])
    assert len(compare_runs(base, new)["mismatches"]["scorer_changed"]) == 8
    assert compare_runs(base, new, cases=cases)["baseline_rescored"]["cases"] == 8


def test_the_same_scorer_on_both_sides_is_compared_as_it_is(cases):
    base = run([today(c) for c in cases])
    new = run([today(c) for c in cases])
    cmp = compare_runs(base, new, cases=cases)
    assert cmp["baseline_rescored"] is None and not cmp["mismatches"]["scorer_changed"]
    assert cmp["groups"][0]["n"] == 8


def test_a_case_edited_since_the_baseline_is_graded_again_if_its_question_is_the_same(cases, tmp_path):
    # the baseline graded term0 against an earlier key point (today: 10个月); its answer is graded against today's
    base = run([today(c) for c in cases])
    base["cases"][0].update(case_hash="0000000000000000", score=100.0, passed=True)
    new = run([today(c) for c in cases])
    cmp = compare_runs(base, new, cases=cases)
    note = cmp["baseline_rescored"]
    assert note["cases"] == note["edited_cases"] == 1 and not note["changes"]
    assert "1 against an earlier version of their case" in note["text"]
    assert not cmp["mismatches"]["changed_cases"] and cmp["groups"][0]["n"] == 8
    # the question changed: the answer belongs to another question - not graded again, not compared
    asked = run([today(c) for c in cases])
    asked["cases"][0].update(case_hash="0000000000000000", prompt_hash="0000000000000000")
    cmp = compare_runs(asked, new, cases=cases)
    assert cmp["baseline_rescored"] is None
    assert [c["scenario_id"] for c in cmp["mismatches"]["changed_cases"]] == ["term0"]


def test_a_custom_scorer_is_graded_again_only_with_the_new_runs_scorer(cases):
    def custom(case, answer, sources):
        return make_score(case, 100.0 * ("个月" in answer), scorer="my_rubric", answer=answer)

    base = run([record(c, ANSWERS[c.id], 100.0, True, V1) for c in cases])
    new = run([record(c, ANSWERS[c.id], 100.0, True, {"name": "my_rubric"}) for c in cases])

    outside = compare_runs(base, new, cases=cases)  # the CLI: no pytest hooks to grade with
    assert outside["baseline_rescored"] is None and outside["exit_code"] == EXIT_BROKEN
    inside = compare_runs(base, new, cases=cases, scorer_for=lambda model, mode: custom)  # the plugin's run
    assert inside["baseline_rescored"]["cases"] == 8 and inside["exit_code"] == EXIT_OK


def test_pairs_rename_the_baseline_before_its_scorers_are_compared(cases):
    base = run([record(c, ANSWERS[c.id], 100.0, True, V1, model="qwen-bf16") for c in cases])
    new = run([today(c, model="qwen-fp8") for c in cases])
    cmp = compare_runs(base, new, cases=cases, pairs={"qwen-bf16": "qwen-fp8"})
    assert cmp["baseline_rescored"]["cases"] == 8 and cmp["exit_code"] == EXIT_OK


def test_the_compare_command_grades_a_baseline_again_with_the_scenario_files(cases, tmp_path, capsys):
    base = run([record(c, ANSWERS[c.id], 100.0, True, V1) for c in cases])
    new = run([today(c) for c in cases])
    paths = []
    for name, doc in (("base", base), ("new", new)):
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        paths.append(str(path))
    scenarios = str(tmp_path / "scenarios")

    assert cli(["compare", *paths, "--fail", "score:5"]) == EXIT_BROKEN  # the new run names no scenario files
    assert "rescore" in capsys.readouterr().out
    assert cli(["compare", *paths, "--fail", "score:5", "--scenarios", scenarios]) == EXIT_OK
    assert "graded again from their saved answers" in capsys.readouterr().out
    new["run"]["settings"]["scenario_paths"] = [scenarios]  # as a real run records them
    Path(paths[1]).write_text(json.dumps(new, ensure_ascii=False), encoding="utf-8")
    assert cli(["compare", *paths, "--fail", "score:5"]) == EXIT_OK


def test_a_verdict_by_another_judge_model_is_not_compared(cases):
    def judged(c, model):
        rec = today(c)
        return {**rec, "assert_with": "judge", "passed": True, "judge": {"model": model, "score": 90.0}}

    base = run([judged(c, "judge-a") for c in cases])
    new = run([judged(c, "judge-b") for c in cases])
    cmp = compare_runs(base, new, cases=cases)  # no judge is asked here: the baseline's verdicts stay
    assert cmp["baseline_rescored"] is None and cmp["exit_code"] == EXIT_BROKEN
    (problem,) = [p for p in cmp["problems"] if p["kind"] == "scorer"]
    assert "pass/fail by judge judge-a" in problem["text"] and "--llm-judge" in problem["text"]
    same = compare_runs(base, run([judged(c, "judge-a") for c in cases]), cases=cases)
    assert same["exit_code"] == EXIT_OK and not same["mismatches"]["scorer_changed"]


def test_a_judge_verdict_that_decided_still_decides_after_the_keywords_are_graded_again(cases):
    def judged(record, model="judge-a"):
        return {**record, "assert_with": "judge", "passed": True, "judge": {"model": model, "score": 90.0}}

    base = run([judged(record(c, ANSWERS[c.id], 100.0, True, V1)) for c in cases])  # --llm-judge-assert, scorer v1
    new = run([judged(today(c)) for c in cases])
    cmp = compare_runs(base, new, parse_fail_expressions(["pass_rate:10"]), cases=cases)
    assert cmp["baseline_rescored"]["cases"] == 8 and cmp["exit_code"] == EXIT_OK
    assert cmp["groups"][0]["metrics"]["pass_rate"]["base"] == 100.0  # the judge's pass, not the keywords' fail


def test_a_scorer_that_raises_on_one_baseline_answer_leaves_that_case_out_named(cases):
    """Inside pytest the baseline is graded again with the run's pytest_llmeval_score hook: a hook that raised on one
    old baseline answer (0/0 on an answer that claims nothing) lost the comparison of every case, and the advice to
    compare it again from the command line could not reproduce it. Now that case is left out and named."""

    def precision(case, answer, sources):
        hits = answer.count("个月")
        return make_score(case, 100.0 * hits / hits, scorer="precision", answer=answer)  # 0/0 without a claim

    base = run([record(c, ANSWERS[c.id] if c.id != "term0" else "不知道", 100.0, True, V1) for c in cases])
    new = run([record(c, ANSWERS[c.id], 100.0, True, {"name": "precision"}) for c in cases])

    cmp = compare_runs(
        base, new, parse_fail_expressions(["score:5"]), cases=cases, scorer_for=lambda m, mode: precision
    )

    assert cmp["exit_code"] == EXIT_BROKEN and not cmp["regressions"]
    (group,) = cmp["groups"]
    assert group["n"] == 7 and group["metrics"]["score"]["estimate"] == 0.0  # the other 7 graded again, compared
    assert cmp["baseline_rescored"]["cases"] == 7
    (problem,) = cmp["problems"]
    assert problem["kind"] == "scorer" and not problem["allowed"]
    assert problem["text"].startswith(
        "1 of 8 baseline case(s) could not be graded again by this run's scorer (precision; inside pytest with its "
        "pytest_llmeval_score hooks) and are not compared: m/norag/term0 (ZeroDivisionError: float division by zero "
        "at compare/test_scorer_changes.py:"
    )
    assert problem["text"].endswith("fix the scorer (it must grade any answer), then compare again")
    assert not cmp["mismatches"]["cases_only_in_new"]  # left out and named once, not "only in this run"
    assert "baseline cases this run's scorer could not grade (not compared): m/norag/term0" in render_comparison_text(
        cmp
    )
    # every baseline answer failing: nothing comparable, still no exception
    empty = run([record(c, "不知道", 100.0, True, V1) for c in cases])
    nothing = compare_runs(empty, new, cases=cases, scorer_for=lambda m, mode: precision)
    assert nothing["exit_code"] == EXIT_BROKEN and nothing["baseline_rescored"] is None
    assert {p["kind"] for p in nothing["problems"]} == {"scorer", "nothing"}
