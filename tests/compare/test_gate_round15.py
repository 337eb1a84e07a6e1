"""Round 15 of the regression gate: a speed threshold's unit, and the errors past the gate under another --llm-repeat.

Wrong before round 15:
- a time threshold without a unit was read as seconds: `--llm-compare-fail ttft_p50:200` (meant: 200 ms, as vllm bench
  serve reports TTFT, or 200%) became "TTFT up by more than 200 s", a rule that never fails; `ttft_p50:200ms` was
  refused as "not a number". A time threshold now takes `ms` or `s` (or `%`); a bare number is read as seconds only
  up to 1 (0.5 ms or 0.5% is no latency threshold anyone sets), above it the usage error names the three readings.
- a new run of --llm-repeat 3 whose samples 2-3 were mostly errored or empty, against a baseline of one sample,
  exited 8 (the left-out blocks "not checked"), while the same run against a baseline of three samples exited 6: the
  errors past the gate counted only the samples compared like for like. They now count every sample of the new run.
"""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from run_builders import ANSWERS, BROKEN, EMPTY, ERR, OK, REG, UNCHECKED, Doc, R, degraded, gate, repeated, run, slower

from pytest_llmeval.compare import GateError, parse_fail_expressions, render_comparison_text

# -- a time threshold's unit ----------------------------------------------------------------------------------------

# (expression, [(metric, threshold in the metric's unit - seconds for a time -, relative)])
ACCEPTED = [
    ("ttft_p50:200ms", [("ttft_p50", 0.2, False)]),
    ("ttft_p50:200 ms", [("ttft_p50", 0.2, False)]),
    ("ttft_p50:200MS", [("ttft_p50", 0.2, False)]),
    ("ttft_p95:1500ms", [("ttft_p95", 1.5, False)]),
    ("ttft_p50:+50ms", [("ttft_p50", 0.05, False)]),
    ("ttft_p50:1e3ms", [("ttft_p50", 1.0, False)]),
    ("ttft_p50:.5ms", [("ttft_p50", 0.0005, False)]),
    ("e2e_p50:0.2s", [("e2e_p50", 0.2, False)]),
    ("e2e_p95:30s", [("e2e_p95", 30.0, False)]),
    ("e2e_p95:2.5 s", [("e2e_p95", 2.5, False)]),
    ("e2e_p50:0ms", [("e2e_p50", 0.0, False)]),
    ("ttft_p50:20%", [("ttft_p50", 20.0, True)]),
    ("e2e_p95:200%", [("e2e_p95", 200.0, True)]),  # a latency can triple: not capped like a fall
    # the spellings that worked and can only mean seconds: a bare number up to 1
    ("ttft_p50:0.5", [("ttft_p50", 0.5, False)]),
    ("ttft_p50:.05", [("ttft_p50", 0.05, False)]),
    ("e2e_p50:1", [("e2e_p50", 1.0, False)]),
    ("e2e_p95:0", [("e2e_p95", 0.0, False)]),
    # no other unit for these: a bare number as before
    ("decode_tok_s:50", [("decode_tok_s", 50.0, False)]),
    ("decode_tok_s:10%", [("decode_tok_s", 10.0, True)]),
    ("score:5", [("score", 5.0, False)]),
    ("pass_rate:10", [("pass_rate", 10.0, False)]),
    (
        "score:5,ttft_p50:200ms,e2e_p95:3s,decode_tok_s:10%",
        [("score", 5.0, False), ("ttft_p50", 0.2, False), ("e2e_p95", 3.0, False), ("decode_tok_s", 10.0, True)],
    ),
]


@pytest.mark.parametrize(("text", "rules"), ACCEPTED, ids=[t for t, _ in ACCEPTED])
def test_a_time_threshold_with_its_unit_is_read_in_seconds(text: str, rules: list[tuple[str, float, bool]]):
    got = [(r.metric, r.threshold, r.relative) for r in parse_fail_expressions(text)]
    assert [(m, rel) for m, _, rel in got] == [(m, rel) for m, _, rel in rules]
    assert [t for _, t, _ in got] == pytest.approx([t for _, t, _ in rules])


AMBIGUOUS = ["ttft_p50:200", "e2e_p95:30", "ttft_p95:1.5", "e2e_p50:2", "ttft_p50:1e3", "e2e_p95:500", "ttft_p50:20"]


@pytest.mark.parametrize("text", AMBIGUOUS)
def test_a_bare_number_above_one_on_a_time_metric_asks_for_the_unit(text: str):
    metric, _, number = text.partition(":")
    with pytest.raises(GateError) as caught:
        parse_fail_expressions(text)
    message = str(caught.value)
    amount = f"{float(number):g}"
    assert repr(text) in message and "without a unit is ambiguous" in message
    for fix in (f"{metric}:{amount}ms", f"{metric}:{amount}s", f"{metric}:{amount}%"):
        assert fix in message


@pytest.mark.parametrize("text", AMBIGUOUS)
def test_the_same_value_with_a_unit_is_taken(text: str):
    metric, _, number = text.partition(":")
    for unit, factor, relative in (("ms", 0.001, False), ("s", 1.0, False), ("%", 1.0, True)):
        (rule,) = parse_fail_expressions(f"{metric}:{number}{unit}")
        assert rule.relative is relative and rule.threshold == pytest.approx(float(number) * factor)


REFUSED = [
    ("ttft_p50:2min", "unknown time unit 'min'"),
    ("ttft_p50:10m", "unknown time unit 'm'"),
    ("e2e_p95:200us", "unknown time unit 'us'"),
    ("e2e_p95:3sec", "unknown time unit 'sec'"),
    ("ttft_p50:200毫秒", "is not a number"),
    ("score:5ms", "score is measured in points, not in 'ms'"),
    ("pass_rate:10s", "pass_rate is measured in percentage points, not in 's'"),
    ("decode_tok_s:5s", "decode_tok_s is measured in tok/s, not in 's'"),
    ("score:5e", "is not a number"),
    ("ttft_p50:200ms%", "is not a number"),
    ("ttft_p50:20%ms", "is not a number"),
    ("ttft_p50:2_00ms", "is not a number"),
    ("ttft_p50:\uff12\uff10\uff10ms", "is not a number"),  # full-width digits
    ("ttft_p50:-200ms", "threshold must be >= 0"),
    ("ttft_p50:infms", "is not a number"),
    ("ttft_p50:200ms,ttft_p50:0.5", "ttft_p50 is already gated by 'ttft_p50:200ms'"),
]


@pytest.mark.parametrize(("text", "why"), REFUSED, ids=[t for t, _ in REFUSED])
def test_a_unit_that_cannot_be_read_is_refused_with_why(text: str, why: str):
    with pytest.raises(GateError, match=None) as caught:
        parse_fail_expressions(text)
    assert why in str(caught.value)


@pytest.mark.parametrize(
    ("text", "described"),
    [
        ("ttft_p50:200ms", "ttft_p50 up by more than 200 ms"),
        ("ttft_p50:0.2s", "ttft_p50 up by more than 200 ms"),
        ("e2e_p95:2s", "e2e_p95 up by more than 2 s"),
        ("e2e_p95:1500ms", "e2e_p95 up by more than 1.5 s"),
        ("ttft_p95:20%", "ttft_p95 up by more than 20%"),
        ("decode_tok_s:50", "decode_tok_s down by more than 50 tok/s"),
    ],
)
def test_a_rule_reads_back_in_the_unit_a_user_wrote(text: str, described: str):
    (rule,) = parse_fail_expressions(text)
    assert rule.describe() == described


# the run's TTFT is 0.2-0.214 s; `slower(doc, by)` multiplies every TTFT and E2E
SPEED = [
    ("ttft_p50:200ms", 2.5, REG),  # +0.31 s
    ("ttft_p50:0.2s", 2.5, REG),
    ("ttft_p50:500ms", 2.5, OK),
    ("ttft_p50:100ms", 1.2, OK),  # +0.04 s
    ("ttft_p50:20ms", 1.2, REG),
    ("ttft_p50:0.02", 1.2, REG),  # a bare number up to 1: seconds, as before
    ("e2e_p50:3s", 2.0, OK),  # E2E 2 s -> 4 s
    ("e2e_p50:1500ms", 2.0, REG),
    ("e2e_p50:1", 2.0, REG),
    ("e2e_p50:60%", 2.0, REG),
    ("e2e_p50:120%", 2.0, OK),
]


@pytest.mark.parametrize(("rule", "by", "expected"), SPEED, ids=[f"{r} x{b}" for r, b, _ in SPEED])
def test_a_latency_rule_in_ms_or_s_fails_exactly_past_its_threshold(rule: str, by: float, expected: int):
    base = run([100.0] * 14)
    cmp = gate(base, slower(copy.deepcopy(base), by), rule)
    assert cmp["exit_code"] == expected, cmp["summary"]
    assert (expected == REG) == any(r["failed"] for r in cmp["rules"])


def test_equal_spellings_give_the_same_verdict_and_the_same_table():
    base = run([100.0] * 14)
    new = slower(copy.deepcopy(base), 2.5)
    spellings = ("ttft_p50:200ms", "ttft_p50:0.2s", "ttft_p50:0.2", "ttft_p50:200 ms")
    compared = [gate(base, new, rule) for rule in spellings]
    assert {c["exit_code"] for c in compared} == {REG}
    assert len({(r["threshold"], r["worsening"], r["status"]) for c in compared for r in c["rules"]}) == 1
    for text in map(render_comparison_text, compared):
        assert "ttft_p50 up by more than 200 ms" in text and "SLOWER" in text


def write(path: Path, doc: Doc) -> str:
    path.write_text(json.dumps(doc), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("rule", ["ttft_p50:200", "e2e_p95:30", "score:5,e2e_p50:2"])
def test_the_command_refuses_a_bare_time_threshold_naming_the_option_and_the_fix(tmp_path: Path, rule: str):
    base = write(tmp_path / "base.json", run([100.0] * 6))
    new = write(tmp_path / "new.json", run([100.0] * 6))
    done = subprocess.run(
        [sys.executable, "-m", "pytest_llmeval", "compare", base, new, "--fail", rule],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2, done.stdout + done.stderr
    assert done.stderr.startswith("error: --fail: '") and "Fix: write the unit" in done.stderr
    assert "Traceback" not in done.stderr


# -- the errors past the gate count every sample of the new run ----------------------------------------------------


def unusable(doc: Doc, how: str, index: int) -> None:
    """The record `index` of `doc` made a sample without a usable answer, as the recorder writes each kind."""
    case = doc["cases"][index]
    if how == "errored":
        case.update(error={"type": "timeout", "message": "timeout"}, score=0.0, passed=False, ttft_s=None, e2e_s=None)
    elif how == "empty":
        case.update(answer=EMPTY[index % len(EMPTY)], score=0.0, passed=False)
    else:  # stopped by the server
        case.update(finish_reason="abort", score=0.0, passed=False)


def later_unusable(n: int, k: int, how: str, cases: int | None = None, first: int = 1) -> Doc:
    """--llm-repeat k over `n` cases answering (score 100), samples from `first` on of the first `cases` cases
    (all by default) without a usable answer - a server that broke after its first pass."""
    doc = repeated(run([100.0] * n), k)
    for index, case in enumerate(doc["cases"]):
        case["answer"] = ANSWERS[index % len(ANSWERS)]
        if case["sample"] >= first and int(case["scenario_id"][1:]) < (n if cases is None else cases):
            unusable(doc, how, index)
    return degraded(doc) if how == "errored" else doc


Row = tuple[str, Callable[[], Doc], Callable[[], Doc], str, dict[str, bool], int]


def repeat_rows() -> list[Row]:
    out: list[Row] = []
    for n in (6, 10, 14):
        for how in ("errored", "empty", "stopped"):
            options = ERR if how == "errored" else {}
            for rep_b, rep_n in ((1, 3), (1, 2), (2, 4), (3, 3), (1, 5)):
                # half or more of the new run's samples unusable: a regression, whatever the baseline's repeat
                out.append(
                    (
                        f"n={n} {how}: baseline {rep_b} vs new {rep_n}, samples 2+ unusable",
                        lambda n=n, r=rep_b: repeated(run([100.0] * n), r),
                        lambda n=n, k=rep_n, h=how: later_unusable(n, k, h),
                        R,
                        options,
                        REG,
                    )
                )
                # and with no rule: errors past the gate are no statistic
                out.append(
                    (
                        f"n={n} {how}: baseline {rep_b} vs new {rep_n}, samples 2+ unusable, no rule",
                        lambda n=n, r=rep_b: repeated(run([100.0] * n), r),
                        lambda n=n, k=rep_n, h=how: later_unusable(n, k, h),
                        "",
                        options,
                        REG,
                    )
                )
            # a minority of the samples (one case's later samples): as failures, no regression
            out.append(
                (
                    f"n={n} {how}: baseline 1 vs new 3, one case's samples 2-3 unusable",
                    lambda n=n: run([100.0] * n),
                    lambda n=n, h=how: later_unusable(n, 3, h, cases=1),
                    R,
                    options,
                    OK,
                )
            )
            # less than half: sample 3 only (1 of 3 samples of each case) - the left-out block check decides (8)
            out.append(
                (
                    f"n={n} {how}: baseline 1 vs new 3, sample 3 unusable in every case",
                    lambda n=n: run([100.0] * n),
                    lambda n=n, h=how: later_unusable(n, 3, h, first=2),
                    R,
                    options,
                    UNCHECKED,
                )
            )
        # errored without --allow-errors: broken, as with equal repeats
        out.append(
            (
                f"n={n}: baseline 1 vs new 3, samples 2-3 errored, not allowed",
                lambda n=n: run([100.0] * n),
                lambda n=n: later_unusable(n, 3, "errored"),
                R,
                {},
                BROKEN,
            )
        )
        # the other direction: the baseline's later samples errored is no regression of the new run
        out.append(
            (
                f"n={n}: baseline 3 with samples 2-3 errored vs new 1",
                lambda n=n: later_unusable(n, 3, "errored"),
                lambda n=n: run([100.0] * n),
                R,
                ERR,
                OK,
            )
        )
    return out


ROWS = repeat_rows()


@pytest.mark.parametrize(
    ("base", "new", "rules", "options", "expected"), [r[1:] for r in ROWS], ids=[r[0] for r in ROWS]
)
def test_errors_past_the_gate_count_every_sample_of_the_new_run(
    base: Callable[[], Doc], new: Callable[[], Doc], rules: str, options: dict[str, bool], expected: int
):
    cmp = gate(base(), new(), rules, **options)
    assert cmp["exit_code"] == expected, cmp["summary"]
    if expected == REG:
        assert cmp["summary"].startswith("errors past the gate: m1 norag: ")
        assert not cmp["unchecked"]  # a regression is said first, not "NOT CHECKED" on the later samples


@pytest.mark.parametrize(("rep_b", "rep_n"), [(1, 3), (3, 3), (2, 4)])
def test_the_errors_past_the_gate_name_every_sample_counted(rep_b: int, rep_n: int):
    cmp = gate(repeated(run([100.0] * 14), rep_b), later_unusable(14, rep_n, "errored"), R, allow_errors=True)
    unusable_n = 14 * (rep_n - 1)
    assert f"m1 norag: {unusable_n} of its {14 * rep_n} sample(s) errored in the new run" in cmp["summary"]


def test_the_verdict_no_longer_depends_on_the_baselines_repeat():
    new = later_unusable(10, 3, "empty")
    codes = {rep: gate(repeated(run([100.0] * 10), rep), copy.deepcopy(new), R)["exit_code"] for rep in (1, 2, 3)}
    assert codes == {1: REG, 2: REG, 3: REG}


def test_the_row_table_holds_many_rows():
    assert len(ROWS) >= 100
