"""Within-run comparisons under review (aggregate_document on hand-built case records): each figure the
report prints beside an interval is the interval's own estimate, and a score the comparison calls a scoring
error is one in the summary too."""

from __future__ import annotations

import json
import math
from typing import Any

import pytest

from pytest_llmeval.results.aggregate import aggregate_document


def _rec(model: str, case: str, score: Any, mode: str = "norag", error: str | None = None) -> dict[str, Any]:
    ok = isinstance(score, (int, float)) and not isinstance(score, bool) and math.isfinite(score)
    return {
        "model": model,
        "mode": mode,
        "scenario_id": case,
        "category": "c",
        "suite": "s",
        "score": score,
        "passed": bool(ok and score >= 50),
        "error": error,
    }


def _row(doc: dict[str, Any], model: str) -> dict[str, Any]:
    return next(r for r in doc["models"] if r["model"] == model)


@pytest.mark.parametrize("bad", [math.inf, -math.inf, 150.0, -5.0, "90", True])
def test_summary_treats_invalid_scores_as_scoring_errors_like_the_comparison(bad: Any) -> None:
    cases = [_rec("A", f"c{i}", bad if i < 3 else 100.0) for i in range(8)]
    cases += [_rec("B", f"c{i}", 100.0) for i in range(8)]
    doc = aggregate_document(cases)
    json.dumps(doc, allow_nan=False)  # an inf mean made results.json unreadable (Infinity)
    row = _row(doc, "A")
    assert row["errors"] == 3
    assert row["mean_score"] == 100.0  # over the 5 graded cases
    interval = row["intervals"]["mean_score"]
    assert interval["n"] == 5 and interval["estimate"] == 100.0 and interval["high"] <= 100.0
    assert row["passed"] == 5  # a sample with no valid score is not passed, as in the comparison


def test_summary_mean_with_unequal_repeats_is_the_estimate_its_interval_is_about() -> None:
    # --llm-repeat 3 where two of three samples errored on the cases that scored 0: pooled over samples the
    # mean was 9 x 100 / 18 = 50.0, printed beside the interval of the case means ([8.9, 53.2] around 25.0)
    cases = [_rec("A", "c0", 100.0, mode="norag") for _ in range(3)]
    cases += [_rec("A", "c1", 100.0) for _ in range(3)]
    cases += [_rec("A", "c2", 100.0) for _ in range(3)]
    for i in range(3, 12):
        cases += [_rec("A", f"c{i}", 0.0), _rec("A", f"c{i}", None, error="timeout")]
        cases += [_rec("A", f"c{i}", None, error="timeout")]
    doc = aggregate_document(cases)
    row = _row(doc, "A")
    for name in ("mean_score", "pass_rate"):
        interval = row["intervals"][name]
        assert interval["n"] == 12
        assert row[name] == pytest.approx(interval["estimate"], abs=0.05), name
        assert interval["low"] <= row[name] <= interval["high"], name


def test_summary_with_equal_repeats_is_unchanged() -> None:
    cases = [_rec("A", f"c{i}", 100.0 * ((i + r) % 2)) for i in range(8) for r in range(3)]
    row = _row(aggregate_document(cases), "A")
    assert row["samples"] == 24 and row["cases"] == 8
    assert row["mean_score"] == pytest.approx(100 * 12 / 24, abs=0.01)
    assert row["pass_rate"] == pytest.approx(50.0)
    assert row["passed"] == 12


def test_degenerate_within_run_inputs_give_no_verdict_and_state_n() -> None:
    n = 8
    scenarios: dict[str, list[dict[str, Any]]] = {
        "one side dead": [_rec("A", f"c{i}", 100.0 * (i % 2)) for i in range(n)]
        + [_rec("B", f"c{i}", None, error="down") for i in range(n)],
        "all identical": [_rec(m, f"c{i}", 100.0) for m in "AB" for i in range(n)],
        "single case": [_rec("A", "c0", 100.0), _rec("B", "c0", 0.0)],
        "nan scores": [_rec("A", f"c{i}", math.nan) for i in range(n)] + [_rec("B", f"c{i}", 0.0) for i in range(n)],
        "two paired of eight": [_rec("A", f"c{i}", 100.0) for i in range(n)]
        + [_rec("B", "c0", 0.0), _rec("B", "c1", 0.0)],
        "rag nothing changed": [
            _rec("A", f"c{i}", 100.0 * (i % 2), mode=m) for m in ("norag", "rag") for i in range(n)
        ],
        "rag dead": [_rec("A", f"c{i}", 50.0) for i in range(n)]
        + [_rec("A", f"c{i}", None, mode="rag", error="down") for i in range(n)],
    }
    for name, cases in scenarios.items():
        doc = aggregate_document(cases)
        json.dumps(doc, allow_nan=False)
        for pair in doc["comparison"]["pairs"]:
            assert pair["verdict"] not in ("better", "worse"), name
            assert pair["n"] >= 1, name
            if pair["difference"]:
                assert pair["difference"]["n"] == pair["n"], name
        for row in doc["comparison"]["rows"]:
            assert row["score"] is None or row["score"]["n"] >= 1, name
        for rag in doc["rag"]:
            assert "paired_cases" in rag, name
            for key in ("uplift_interval", "pass_change_interval"):
                if rag.get(key):
                    assert rag[key]["n"] == rag["paired_cases"] and not rag[key]["significant"], name
