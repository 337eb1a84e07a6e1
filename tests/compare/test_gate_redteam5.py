"""Red team of the regression gate, round 5: numbers a verdict rests on that the report hid, and runs the gate
compared as if they were comparable. Each test named after a wrong verdict failed before its fix (the others guard
the fix against reaching too far).

- a case that changed verdict showed its scores at one decimal, stored at two: 61.004 -> 60.996 read
  "61.0 -> 61.0 pass -> fail", and a flip with truly equal scores (repeats, a judge, a forbidden claim) said nothing
  of why; the comparison table's baseline and new columns read "61.0 61.0" beside "worse", its relative change
  "-0.0%"; a rule's worsening and bound read "+5.00 (bound +5.00)" beside both REGRESSION and ok, a speed rule's
  "+20% (past 20%)";
- a run saved before run ids existed compared with its own copy, and a merged run compared with one of its shards,
  passed with "no significant change";
- a model's own server values (--llm-model-arg m1:quantization=fp8) were not compared at all;
- a cache hit that carried a timing entered the latency figures;
- a gate none of whose rules could be checked printed "(gate passed)" as for a checked run;
- a case edited since the baseline (key points; the question unchanged) that could not be graded again was said to
  be "asked differently", with a new baseline run as the fix where a re-score does;
- swapped labels paired back (--pair m1=m2 --pair m2=m1) read "another model than in the baseline".
"""

from __future__ import annotations

import copy
from typing import Any

from run_builders import GOOD, N, gate, run
from test_gate_redteam3 import run as repeated_run
from test_scorer_changes import ANSWERS, SCENARIOS, V1, record, today
from test_scorer_changes import run as scored_run

from pytest_llmeval.compare import (
    EXIT_BROKEN,
    EXIT_OK,
    EXIT_REGRESSION,
    EXIT_UNCHECKED,
    compare_runs,
    parse_fail_expressions,
    render_comparison_text,
)
from pytest_llmeval.compare.render import gate_word
from pytest_llmeval.evaluation.scenarios import load_scenarios
from pytest_llmeval.evaluation.scoring import SCORER_VERSION

# -- every number a verdict rests on is shown so that the reader sees the difference ----------------------------


def _flip_rows(text: str) -> list[str]:
    table = text.split("Cases that changed verdict", 1)[1].split("\n\n", 1)[0]
    return [line for line in table.splitlines() if line.startswith("m1 ")]


def _across_threshold(base_score: float, new_score: float) -> tuple[dict[str, Any], dict[str, Any]]:
    base, new = run([base_score] * N), run([new_score] * N)
    for doc in (base, new):
        for case in doc["cases"]:
            case.update(threshold=61.0, passed=case["score"] >= 61.0)
    return base, new


def test_a_case_that_changed_verdict_shows_the_scores_that_tell_it_apart():
    cmp = gate(*_across_threshold(61.004, 60.996))
    assert cmp["exit_code"] == EXIT_REGRESSION
    flip = cmp["groups"][0]["flips"][0]
    assert (flip["score_base"], flip["score_new"]) == (61.004, 60.996) and "same_score" not in flip
    rows = _flip_rows(render_comparison_text(cmp))
    assert len(rows) == N and all(row.split()[-2:] == ["61.004", "60.996"] for row in rows)


def test_a_wide_change_keeps_one_decimal():
    rows = _flip_rows(render_comparison_text(gate(*_across_threshold(80.0, 40.0))))
    assert rows and all(row.split()[-2:] == ["80.0", "40.0"] for row in rows)


def test_the_comparison_table_shows_the_means_a_worse_verdict_rests_on():
    text = render_comparison_text(gate(*_across_threshold(61.004, 60.996)))
    table = text.split("Cases that changed verdict", 1)[0]
    (score_row,) = [line for line in table.splitlines() if line.split()[:3] == ["m1", "norag", "score"]]
    assert "61.004  60.996" in score_row and "worse" in score_row
    assert "-0.0%" not in score_row and "-0.01%" in score_row


def test_a_flip_with_the_same_mean_score_says_the_share_of_samples_decided_it():
    base, new = repeated_run([60.0], repeats=3), repeated_run([60.0], repeats=3)
    for sample, score in zip(base["cases"], (100.0, 40.0, 40.0)):  # mean 60, 1 of 3 passed: a failed case
        sample.update(score=score, passed=score >= 60)
    cmp = gate(base, new)
    (flip,) = cmp["groups"][0]["flips"]
    assert flip["change"] == "fail -> pass"
    assert "1 of 3 sample(s) passed in the baseline, 3 of 3 now" in flip["same_score"]
    assert flip["same_score"] in render_comparison_text(cmp)


def test_a_flip_with_the_same_score_names_the_judge_or_the_forbidden_claim():
    base, new = run(GOOD), run(GOOD)
    new["cases"][0].update(passed=False, assert_with="judge", judge={"model": "j", "passed": False})
    new["cases"][1].update(passed=False, forbidden_found=["guaranteed returns"])
    new["cases"][2].update(passed=False)
    flips = {f["scenario_id"]: f["same_score"] for f in gate(base, new)["groups"][0]["flips"]}
    assert "the judge's verdict" in flips["c00"]
    assert "forbidden claim was found in the new run" in flips["c01"]
    assert "not their score against the threshold" in flips["c02"]


def test_a_flip_by_another_threshold_names_both():
    base, new = run(GOOD), copy.deepcopy(run(GOOD))
    new["cases"][0].update(threshold=100.5, passed=False)
    (flip,) = gate(base, new)["groups"][0]["flips"]
    assert flip["same_score"] == "same score; threshold 60.0 in the baseline, 100.5 now"


# -- a run saved before run ids existed, compared with itself -------------------------------------------------------


def _timed_run(scores: list[float]) -> dict[str, Any]:
    """A run as versions before `run.run_id` wrote it: each record with the moment its answer finished."""
    doc = run(scores)
    for i, case in enumerate(doc["cases"]):
        case["finished_at"] = 1_764_000_000.0 + i * 1.37
    doc["run"]["started_at"] = "2026-11-30T02:00:00+0000"
    return doc


def test_a_run_without_a_run_id_compared_with_its_copy_is_refused():
    base = _timed_run([100.0] * 7 + [0.0] * 7)
    for allow in ({}, {"allow_errors": True, "allow_missing": True}):
        cmp = gate(base, copy.deepcopy(base), **allow)
        assert cmp["exit_code"] == EXIT_BROKEN
        (problem,) = [p for p in cmp["problems"] if not p["allowed"]]
        assert problem["kind"] == "same_run"
        assert (
            "the baseline and the new run hold the same records (each finished at the same moment" in (problem["text"])
        )


def test_a_run_that_holds_only_the_other_runs_records_is_refused():
    """Part of a run saved without run ids against the whole (a shard against the merge of it, a copy cut down by
    hand): the records both hold are one measurement, compared with themselves."""
    whole = _timed_run([100.0] * 7 + [0.0] * 7)
    part = copy.deepcopy(whole)
    part["cases"] = part["cases"][:7]
    part["run"]["started_at"] = "2026-11-30T02:05:00+0000"
    for base, new, text in (
        (whole, part, "every record of the new run is one of the baseline's"),
        (part, whole, "every record of the baseline is one of the new run's"),
    ):
        cmp = gate(base, new, allow_missing=True, allow_errors=True)
        assert cmp["exit_code"] == EXIT_BROKEN
        (problem,) = [p for p in cmp["problems"] if not p["allowed"]]
        assert problem["kind"] == "same_run" and text in problem["text"]


def test_runs_without_a_run_id_asked_at_other_moments_are_compared():
    base, new = _timed_run(GOOD), _timed_run(GOOD)
    new["cases"][3]["finished_at"] += 0.001  # another run: its answers finished at other moments
    assert gate(base, new)["exit_code"] == EXIT_OK
    later = _timed_run(GOOD)
    for case in later["cases"]:
        case["finished_at"] += 86_400.0
    assert gate(base, later)["exit_code"] == EXIT_OK
    rescored = copy.deepcopy(base)  # a re-score keeps the records' times, and is another run
    rescored["run"]["rescored"] = {"from": "run 3"}
    assert gate(base, rescored)["exit_code"] == EXIT_OK


# -- a model's own server values (--llm-model-arg LABEL:KEY=VALUE) ------------------------------------------------


def _served(doc: dict[str, Any], **own: Any) -> dict[str, Any]:
    """`doc` with the settings a run records: the run-wide server's and model m1's own values (`own`)."""
    model = {"label": "m1", "source": "/models/m1"}
    vllm_args = own.pop("vllm_args", None)
    model.update({"options": own} if own else {}, **({"vllm_args": vllm_args} if vllm_args else {}))
    server = {"quantization": None, "dtype": "auto", "data_parallel_size": None, "extra_args": []}
    doc["run"]["settings"].update(server=server, models=[model])
    return doc


def test_a_model_quantized_by_its_own_option_in_one_run_only_is_said_in_the_summary():
    base, new = _served(run(GOOD)), _served(run(GOOD), quantization="fp8", vllm_args=["--enforce-eager"])
    cmp = gate(base, new)
    assert cmp["exit_code"] == EXIT_OK
    assert "server.quantization of model m1 None in the baseline, 'fp8' now" in cmp["summary"]
    assert "server.extra_args of model m1 [] in the baseline, ['--enforce-eager'] now" in cmp["summary"]
    assert "different settings.models.m1.quantization: baseline None, this run 'fp8'" in render_comparison_text(cmp)


def test_a_model_option_set_alike_in_both_runs_or_as_the_run_wide_value_is_no_difference():
    same = gate(_served(run(GOOD), quantization="fp8"), _served(run(GOOD), quantization="fp8"))
    assert same["mismatches"]["settings"] == [] and "note" not in same["summary"]
    base, new = _served(run(GOOD), dtype="auto"), _served(run(GOOD))  # its own value is the run-wide one
    assert gate(base, new)["mismatches"]["settings"] == []


def test_a_model_served_by_more_engines_has_its_own_speed_not_compared():
    base, new = _served(run(GOOD)), _served(run(GOOD), data_parallel_size=2)
    cmp = gate(base, new, rules="score:5,ttft_p50:20%")
    (speed,) = [r for r in cmp["rules"] if r["metric"] == "ttft_p50"]
    assert speed["status"].startswith("not checked: not comparable: measured with other requests in flight")
    assert "data_parallel_size of model m1 1 in the baseline, 2 now" in speed["status"]
    assert "not checked" in cmp["summary"]


def test_a_relabelled_model_is_compared_with_its_own_options_under_its_old_label():
    base = _served(run(GOOD, model="m0"), quantization="awq")
    base["run"]["settings"]["models"][0]["label"] = "m0"
    new = _served(run(GOOD), quantization="fp8")
    cmp = gate(base, new, pairs={"m0": "m1"})
    assert "server.quantization of model m1 'awq' in the baseline, 'fp8' now" in cmp["summary"]


# -- a gate none of whose rules could be checked -----------------------------------------------------------------


def test_a_gate_that_could_check_no_rule_does_not_read_as_passed():
    """One of two cases going 100 -> 0: no outcome at n=2 can be significant, so the gate passes (exit 0, no
    evidence of a regression) - it printed "(gate passed)" and "Gate: passed (exit 0)" as for a checked run. Both
    cases falling (as bad as n=2 allows) is not checked (exit 8, round 12 review)."""
    cmp = gate(run([100.0, 100.0]), run([100.0, 0.0]))
    assert cmp["exit_code"] == EXIT_OK
    assert gate_word(cmp) == "gate passed, but no rule could be checked - see why in the summary"
    assert "Gate: passed, but no rule could be checked - see why in the summary (exit 0)." in " ".join(
        render_comparison_text(cmp).split()
    )
    assert "cannot be significant at n=2" in cmp["summary"]
    assert gate(run([100.0]), run([0.0]))["exit_code"] == EXIT_UNCHECKED


def test_a_gate_that_checked_one_rule_passes_as_before():
    cmp = gate(run(GOOD), run(GOOD), rules="score:5,ttft_p95:20%")  # a p95 needs 20 requests: not checked
    assert [r["status"].startswith("not checked") for r in cmp["rules"]] == [False, True]
    # round 8: a speed rule that measured nothing no longer passes the gate (exit 8, gate.py)
    assert cmp["exit_code"] == EXIT_UNCHECKED and gate_word(cmp).startswith("gate NOT CHECKED")


# -- a cache hit never enters a latency figure ------------------------------------------------------------------


def test_a_cache_hit_that_carries_a_timing_is_left_out_of_the_speed_figures():
    """Half the new run's answers came from the answer cache with a timing kept (a run written otherwise, a hand
    edit): their 1 ms pulled the median down and a 50% slower server read "ok" from 50 requests, 25 of them never
    sent."""
    base, new = repeated_run([100.0] * 25, repeats=2), repeated_run([100.0] * 25, repeats=2)
    for case in new["cases"]:
        case["ttft_s"] = 0.3
        if case["sample"] == 1:
            case.update(cached=True, ttft_s=0.001, e2e_s=0.001)
    cmp = gate(base, new, rules="ttft_p50:20%")
    (rule,) = cmp["rules"]
    assert (rule["n_base"], rule["n_new"]) == (50, 25) and rule["failed"]
    assert cmp["exit_code"] == EXIT_REGRESSION


def test_a_merged_run_compared_with_one_of_its_shards_is_refused():
    """A merge holds its shards' records as they are: against one shard the gate compared that shard's answers with
    themselves (the other shards' cases only in the merge: a note) and passed with "no significant change"."""
    shard = run([100.0] * 7 + [0.0] * 7, run_id="s1")
    merged = copy.deepcopy(shard)
    merged["run"].update(run_id="m", merged_from=[{"run_id": "s1", "index": 1}, {"run_id": "s2", "index": 2}])
    merged["cases"] += [{**c, "scenario_id": f"d{i:02d}"} for i, c in enumerate(copy.deepcopy(shard["cases"]))]
    for base, new, text in (
        (shard, merged, "the baseline (run id s1) is a shard merged into the new run"),
        (merged, shard, "the new run (run id s1) is a shard merged into the baseline"),
    ):
        cmp = gate(base, new, allow_missing=True, allow_errors=True)
        assert cmp["exit_code"] == EXIT_BROKEN
        (problem,) = [p for p in cmp["problems"] if not p["allowed"]]
        assert problem["kind"] == "same_run" and text in problem["text"]
    other = run([100.0] * 7 + [0.0] * 7, run_id="s9")  # a shard of another run is compared as before
    assert gate(other, merged)["exit_code"] == EXIT_OK


# -- a rule's worsening and bound are shown with the decimals that tell them from its threshold ------------------


def _rule_row(cmp: dict[str, Any]) -> str:
    text = render_comparison_text(cmp).split("Regression gate", 1)[1]
    (row,) = [line for line in text.splitlines() if line.startswith("m1 ")]
    return row


def test_a_quality_bound_just_past_or_short_of_the_margin_does_not_read_as_the_margin():
    """Every case 100 -> 94.996 (a fall of 5.004) and 100 -> 95.004 (4.996) both read "+5.00 (bound +5.00)", one
    beside REGRESSION and "bound +5.00 > 5" in the summary, the other beside ok."""
    failed = gate(run(GOOD), run([94.996] * N), rules="score:5")
    assert failed["exit_code"] == EXIT_REGRESSION
    assert "score worse by 5.004 (bound +5.004 > 5, n=14" in failed["summary"]
    assert "+5.004 (bound +5.004)" in _rule_row(failed) and "REGRESSION" in _rule_row(failed)
    passed = gate(run(GOOD), run([95.004] * N), rules="score:5")
    assert passed["exit_code"] == EXIT_OK and "+4.996 (bound +4.996)" in _rule_row(passed)
    wide = gate(run(GOOD), run([40.0] * N), rules="score:5")
    assert "score worse by 60.00 (bound +60.00 > 5" in wide["summary"]


def test_a_speed_worsening_just_past_or_short_of_its_threshold_does_not_read_as_the_threshold():
    """A rise of 20.04% read "worse by +20% (past 20%)" and one of 19.96% "+20% (run)" beside ok."""
    verdicts = {}
    for factor in (1.2004, 1.1996):
        base, new = repeated_run([100.0] * 25), repeated_run([100.0] * 25)
        for case in new["cases"]:
            case["e2e_s"] = 2.0 * factor
        verdicts[factor] = gate(base, new, rules="e2e_p50:20%")
    assert "e2e_p50 worse by +20.04% (past 20%;" in verdicts[1.2004]["summary"]
    assert "+19.96% (run)" in _rule_row(verdicts[1.1996]) and verdicts[1.1996]["exit_code"] == EXIT_OK


# -- a case edited since the baseline that could not be graded again says what fixes it -----------------------------


def test_a_case_whose_key_points_changed_and_could_not_be_graded_again_names_the_rescore():
    """Key points edited, the question unchanged (same prompt hash), no scenario file to grade the baseline again:
    the case is uncompared as before, but the message had said the question changed and asked for a new baseline
    run, where a re-score of the baseline (no model) fixes it."""
    base, new = run(GOOD), run(GOOD)
    for case in base["cases"] + new["cases"]:
        case["prompt_hash"] = "p" + case["scenario_id"]
    for case in new["cases"][:4]:
        case["case_hash"] += "-edited"
    new["cases"][4].update(case_hash="other", prompt_hash="other-question")
    cmp = gate(base, new)
    assert cmp["exit_code"] == EXIT_BROKEN
    asked, graded = (p for p in cmp["problems"] if p["kind"] == "missing")
    assert graded["text"].startswith("4 of 14 baseline case(s) were graded against another version of their case")
    assert "python -m pytest_llmeval rescore BASELINE --scenarios FILE" in graded["text"]
    assert asked["text"].startswith("1 of 14 baseline case(s) are asked differently in the new run")
    assert gate(base, new, allow_missing=True)["exit_code"] == EXIT_OK


# -- the multiple-model compare -----------------------------------------------------------------------------------


def _two_models(first: list[float], second: list[float], sources: dict[str, str]) -> dict[str, Any]:
    doc = run(first, model="m1")
    doc["cases"] += run(second, model="m2")["cases"]
    doc["run"].update(models=["m1", "m2"], model_sources=sources)
    return doc


def test_swapped_labels_paired_back_are_not_called_other_models():
    """--pair m1=m2 --pair m2=m1 compares each model with itself under its old label: the sources were compared by
    label, and each read "another model than in the baseline (/A -> /B)"."""
    base = _two_models(GOOD, [50.0] * N, {"m1": "/A", "m2": "/B"})
    new = _two_models([50.0] * N, GOOD, {"m1": "/B", "m2": "/A"})
    cmp = gate(base, new, pairs={"m1": "m2", "m2": "m1"})
    assert cmp["exit_code"] == EXIT_OK and "another model" not in cmp["summary"]
    assert not [d for d in cmp["mismatches"]["settings"] if d["field"].startswith("model_sources.")]
    unpaired = gate(base, _two_models(GOOD, [50.0] * N, {"m1": "/A", "m2": "/C"}))
    assert "m2 is another model than in the baseline (/B -> /C)" in unpaired["summary"]


def test_a_copy_whose_scores_were_edited_is_compared():
    base = _timed_run(GOOD)
    edited = copy.deepcopy(base)
    for case in edited["cases"]:
        case.update(score=40.0, passed=False)
    assert gate(base, edited)["exit_code"] == EXIT_REGRESSION


# -- a new run graded by an older scorer than this version's --------------------------------------------------------


def test_a_new_run_graded_by_an_older_scorer_names_the_fix_that_makes_both_alike(tmp_path):
    """The baseline graded by today's keyword scorer, the new run by the version before it (a nightly compared after
    an upgrade): broken, rightly, but the fix said to grade the baseline again - which gives today's scorer again,
    never the new run's, and the same refusal."""
    path = tmp_path / "loans.yaml"
    path.write_text(SCENARIOS, encoding="utf-8")
    cases = load_scenarios([path])
    older = [today(c) for c in cases]
    for one in older:
        one["scorer"] = {**one["scorer"], "version": SCORER_VERSION - 1}
    graded_today = scored_run([today(c) for c in cases])
    graded_v1 = scored_run([record(c, ANSWERS[c.id], 100.0, True, V1) for c in cases])
    both = "`python -m pytest_llmeval rescore BASELINE` and `python -m pytest_llmeval rescore NEW`"
    for base in (graded_today, graded_v1):
        cmp = compare_runs(base, scored_run(older), parse_fail_expressions(["score:5"]), cases=cases)
        assert cmp["exit_code"] == EXIT_BROKEN
        (problem,) = [p for p in cmp["problems"] if p["kind"] == "scorer"]
        assert f"graded by another scorer than this version's (keyword_coverage v{SCORER_VERSION}" in problem["text"]
        assert both in problem["text"]
    # a new run graded by today's scorer: the baseline is graded again, as before
    assert compare_runs(graded_v1, graded_today, cases=cases)["exit_code"] == EXIT_OK
