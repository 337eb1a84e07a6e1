"""A speed row whose gate rule failed says so in the comparison table's verdict column: it read "threshold only, no
significance: the run is the unit" beside "SLOWER" in the gate's table and the summary (found by round 10's red
team), as a quality row had read "no significant difference" beside a failed gate."""

from __future__ import annotations

from run_builders import gate, run
from test_gate_round10 import slower

from pytest_llmeval.compare import EXIT_OK, EXIT_REGRESSION, render_comparison_text

GOOD = [100.0] * 14


def _row(cmp, metric):
    (group,) = cmp["groups"]
    return group["metrics"][metric]


def test_a_speed_row_the_gate_failed_reads_worse_and_names_the_rule():
    cmp = gate(run(GOOD), slower(run(GOOD), "e2e_s", 2.0), "e2e_p50:20%")
    assert cmp["exit_code"] == EXIT_REGRESSION
    verdict = _row(cmp, "e2e_p50")["verdict"]
    assert verdict.startswith("worse: past the gate's e2e_p50:20%") and "the run is the unit" in verdict
    assert "worse: past the gate's e2e_p50:20%" in render_comparison_text(cmp)


def test_a_speed_row_within_its_rule_or_without_one_keeps_the_threshold_note():
    cmp = gate(run(GOOD), slower(run(GOOD), "e2e_s", 1.1), "e2e_p50:20%")
    assert cmp["exit_code"] == EXIT_OK
    assert _row(cmp, "e2e_p50")["verdict"].startswith("threshold only")
    cmp = gate(run(GOOD), slower(run(GOOD), "e2e_s", 2.0), "score:5")  # slower, but no speed rule: no verdict
    assert _row(cmp, "e2e_p50")["verdict"].startswith("threshold only")
