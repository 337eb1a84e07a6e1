"""The gate's one-line summary writes its figures as the comparison table does (`results.sections.signed`): a
bound of +0.04 printed `+0.0` inside "significantly better", a change of -0.03 pp `-0.0 pp`; and an interval that
leaves out 0 beside "no significant change" says it is the row's own (the verdict is after the family's
correction)."""

from __future__ import annotations

import re

import pytest

from pytest_llmeval.compare.problems import _changes
from pytest_llmeval.compare.rules import speed_verdict_text


def _group(score: dict, pass_rate: dict, model: str = "m1", mode: str = "norag", n: int = 8) -> dict:
    return {
        "model": model,
        "mode": mode,
        "n": n,
        "metrics": {"score": score, "pass_rate": pass_rate},
    }


def _entry(verdict, estimate, low, high, p_holm, n=8):
    return {
        "verdict": verdict,
        "estimate": estimate,
        "low": low,
        "high": high,
        "n": n,
        "p_holm": p_holm,
    }


@pytest.mark.parametrize(
    ("entry", "verdict", "shown", "absent"),
    [
        (
            _entry("better", 12.5, 0.04, 25.0, 0.039),
            "better",
            "+12.5 points, 95% CI [+0.04, +25.0]",
            "[+0.0,",
        ),
        (
            _entry("worse", -9.0, -18.0, -0.03, 0.02),
            "worse",
            "95% CI [-18.0, -0.03]",
            "-0.0]",
        ),
        (
            _entry(None, -0.03, -37.5, 30.0, 1.0),
            None,
            "-0.03 points, 95% CI [-37.5, +30.0]",
            "-0.0 points",
        ),
        (
            _entry(None, 0.0, -12.0, 12.0, 1.0),
            None,
            "+0.0 points, 95% CI [-12.0, +12.0], n=8",
            "alone",
        ),
        (
            _entry(None, 14.5, 0.5, 29.3, 0.0859),
            None,
            "95% CI [+0.5, +29.3] (this row alone), n=8, p Holm",
            None,
        ),
        (
            _entry("better", 14.5, 0.5, 29.3, 0.02),
            "better",
            "95% CI [+0.5, +29.3], n=8",
            "alone",
        ),
        (
            _entry(None, 99.96, -3.0, 99.97, 0.5),
            None,
            "+99.96 points, 95% CI [-3.0, +99.97]",
            "100.0",
        ),
    ],
)
def test_a_summary_figure_is_written_as_the_table_writes_it(entry, verdict, shown, absent):
    other = _entry(None, 0.0, -10.0, 10.0, 1.0)
    text = _changes([_group(entry, other)], verdict)
    assert shown in text, text
    if absent:
        assert absent not in text, text


def test_no_figure_in_a_summary_rounds_to_a_signed_zero():
    rows = [
        _group(
            _entry(None, v, v - 20.0, v + 0.01, 1.0),
            _entry(None, -v, -v - 0.01, 30.0, 1.0),
            f"m{i}",
        )
        for i, v in enumerate((0.001, 0.04, 0.049, -0.04, 0.25))
    ]
    text = _changes(rows, None)
    assert not re.search(r"[+-]0\.0\b(?!\d)", text), text


def test_a_speed_rule_change_below_its_digits_is_not_zero():
    text = speed_verdict_text({"unit": " s", "threshold": 0.01, "relative_pct": 0.04, "worse_by": 0.011})
    assert "+0.04%" in text and "+0.0%" not in text
