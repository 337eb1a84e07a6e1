"""compare_runs and the gate rules on hand-made results documents (no model, no pytest plugin)."""

from __future__ import annotations

import copy

import numpy as np
import pytest

from pytest_llmeval.compare import GateError, compare_runs, parse_fail_expressions, render_comparison_text


def doc(scores, model="m1", mode="norag", repeats=1, ttft=None, settings=None, hashes=None, errors=()):
    rng = np.random.default_rng(0)
    cases = []
    for i, score in enumerate(scores):
        for s in range(repeats):
            cases.append(
                {
                    "model": model,
                    "scenario_id": f"c{i:02d}",
                    "mode": mode,
                    "sample": s,
                    "category": "x",
                    "case_hash": (hashes or {}).get(i, f"h{i}"),
                    "score": None if i in errors else float(score),
                    "passed": i not in errors and score >= 60,
                    "error": {"type": "http"} if i in errors else None,
                    "ttft_s": (ttft[i] if ttft else 0.2) + float(rng.normal(0, 0.001)),
                    "e2e_s": 2.0,
                    "decode_tok_s": 20.0,
                }
            )
    return {
        "schema_version": 2,
        "cases": cases,
        "run": {
            "models": [model],
            "settings": settings or {"max_tokens": 64, "temperature": 0.0},
            "hardware": {"cpu": "x", "cpu_count": 2, "gpus": []},
            "started_at": "t",
        },
    }


GOOD = [100.0] * 12


def test_identical_runs_show_no_significant_change():
    cmp = compare_runs(doc(GOOD), doc(GOOD), parse_fail_expressions("score:5,pass_rate:10"))
    assert cmp["exit_code"] == 0 and cmp["summary"] == "no significant change"
    assert cmp["groups"][0]["n"] == 12 and not cmp["has_mismatches"]
    assert "no significant change" in render_comparison_text(cmp)


def test_worse_answers_on_several_cases_fail_the_gate_and_are_named():
    worse = GOOD[:6] + [20.0] * 6
    cmp = compare_runs(doc(GOOD), doc(worse), parse_fail_expressions(["score:5", "pass_rate:10"]))
    assert cmp["exit_code"] == 1
    failed = {(r["model"], r["mode"], r["metric"]) for r in cmp["regressions"]}
    assert failed == {("m1", "norag", "score"), ("m1", "norag", "pass_rate")}
    score = cmp["groups"][0]["metrics"]["score"]
    assert score["estimate"] == -40.0 and score["high"] < 0 and score["verdict"] == "worse"
    assert [f["scenario_id"] for f in cmp["groups"][0]["flips"]] == [f"c{i:02d}" for i in range(6, 12)]
    text = render_comparison_text(cmp)
    assert "REGRESSION" in text and "c11" in text and "pass -> fail" in text


def test_one_case_wobble_inside_the_noise_is_reported_not_failed():
    wobble = GOOD[:11] + [40.0]  # one case -60: mean -5, interval includes 0
    cmp = compare_runs(doc(GOOD), doc(wobble), parse_fail_expressions("score:2"))
    (rule,) = cmp["rules"]
    assert rule["status"] == "past threshold, within noise - not failed" and not rule["failed"]
    assert cmp["exit_code"] == 0
    assert cmp["groups"][0]["flips"][0]["scenario_id"] == "c11"


def test_relative_latency_rule_needs_significance():
    base = doc(GOOD, ttft=[0.2] * 12)
    slower = doc(GOOD, ttft=[0.3] * 12)  # +50% on every case
    cmp = compare_runs(base, slower, parse_fail_expressions("ttft_p50:20%"))
    assert cmp["exit_code"] == 1 and cmp["regressions"][0]["metric"] == "ttft_p50"
    assert compare_runs(base, doc(GOOD, ttft=[0.21] * 12), parse_fail_expressions("ttft_p50:20%"))["exit_code"] == 0


def test_mismatches_are_named_never_silently_compared():
    base = doc(GOOD + [100.0])
    new = doc(GOOD, hashes={3: "changed"}, settings={"max_tokens": 64, "temperature": 0.7}, errors={5})
    new["cases"].append({**new["cases"][0], "scenario_id": "brand_new"})
    cmp = compare_runs(base, new)
    m = cmp["mismatches"]
    assert [c["scenario_id"] for c in m["cases_only_in_base"]] == ["c12"]
    assert [c["scenario_id"] for c in m["cases_only_in_new"]] == ["brand_new"]
    assert [c["scenario_id"] for c in m["changed_cases"]] == ["c03"]
    assert [(c["scenario_id"], c["run"]) for c in m["errored_cases"]] == [("c05", "new")]
    assert {"field": "settings.temperature", "base": 0.0, "new": 0.7} in m["settings"]
    assert cmp["groups"][0]["n"] == 10
    text = render_comparison_text(cmp)
    assert "cases whose text changed" in text and "settings.temperature" in text


def test_models_only_in_one_run_and_repeats_clustered():
    cmp = compare_runs(doc(GOOD, repeats=3), doc(GOOD, model="m2", repeats=3))
    assert cmp["mismatches"]["models_only_in_base"] == ["m1"] and cmp["groups"] == []
    assert cmp["summary"].startswith("nothing to compare")
    same = compare_runs(doc(GOOD, repeats=3), copy.deepcopy(doc(GOOD, repeats=3)))
    assert same["groups"][0]["n"] == 12 and same["groups"][0]["samples_new"] == 36


@pytest.mark.parametrize(
    ("expr", "message"),
    [
        ("score", "missing ':THRESHOLD'"),
        ("speed:5", "unknown metric 'speed'"),
        ("score:lots", "is not a number"),
        ("score:-1", "must be >= 0"),
    ],
)
def test_bad_gate_expressions_say_what_is_accepted(expr, message):
    with pytest.raises(GateError, match=message) as info:
        parse_fail_expressions(expr)
    assert "ttft_p50:20%" in str(info.value)
