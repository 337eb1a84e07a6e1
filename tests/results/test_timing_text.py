"""A timing or token count written as text ("0.3", a hand-edited or foreign results.json) is no measurement in the
report, as it is in the gate (`compare.rules._timing`): the report read "0.3" as 0.3 s - one of the TTFT p50's n and
of the decode rate - while the gate left it out of the same run's statistic and counted it as an unusable timing,
so the report and the verdict were taken from different answers."""

from __future__ import annotations

from typing import Any

import pytest

from pytest_llmeval.compare.rules import invalid_timings
from pytest_llmeval.results.aggregate import model_rows
from tests.results.test_report_n_sweep import answer


def cases_with(field: str, value: Any) -> list[dict[str, Any]]:
    """Three answers (TTFT 0.1-0.3 s, E2E 2.1-2.3 s, 40 tokens), the first with `field` set to `value`."""
    cases = [answer("a", f"q{i}", score) for i, score in enumerate((50.0, 60.0, 70.0))]
    for i, case in enumerate(cases):
        case |= {"ttft_s": 0.1 + i / 10, "e2e_s": 2.1 + i / 10, "output_tokens": 40}
    cases[0][field] = value
    return cases


@pytest.mark.parametrize("field", ["ttft_s", "e2e_s", "output_tokens"])
def test_a_text_timing_is_left_out_of_the_report_as_out_of_the_gate(field: str):
    text_value = "0.3" if field != "output_tokens" else "400"
    (row,) = model_rows(cases_with(field, text_value))
    (two,) = model_rows(cases_with(field, text_value)[1:])
    assert row["decode_tok_s"] == pytest.approx(two["decode_tok_s"])
    if field != "output_tokens":
        latency = field.removesuffix("_s")
        assert row["intervals"][f"{latency}_p50_s"]["n"] == 2
    # the gate calls the same field no measurement: both sides count the same answers
    metric = {"ttft_s": "ttft_p50", "e2e_s": "e2e_p50", "output_tokens": "decode_tok_s"}[field]
    assert invalid_timings(cases_with(field, text_value), metric) == 1


def test_numbers_of_any_kind_are_still_measurements():
    (row,) = model_rows(cases_with("ttft_s", 1))  # an int is a time
    assert row["intervals"]["ttft_p50_s"]["n"] == 3
