"""Red team of the regression gate, round 13: the samples another --llm-repeat leaves out (baseline 1, new run 3
whose samples 2-3 fail), exit-code precedence when several problems hold at once, scorer versions and edited key
points, judge-scored cases, RAG with one mode regressed, a model renamed or another model under the same label, cases
skipped by -k, errored samples of repeats, ties and zero variance, a single case, cases on one side only, and speed at
another concurrency or from the cache. Each row is the exit code a careful nightly user expects.

Wrong before round 13 (each failed then): every row of LEFT_OUT_BAD and the rows marked "(new)" - the new run's (or
the baseline's) samples beyond the k compared were shown with their mean score and never tested, so a new run of
--llm-repeat 3 whose samples 2 and 3 failed every case against a baseline of one sample exited 0 "no significant
change". They are now compared like for like, block by block (compare/repeats.py), and exit 8 where nothing failed.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from run_builders import (
    BROKEN,
    ERR,
    MISS,
    OK,
    REG,
    UNCHECKED,
    Doc,
    R,
    asked_as,
    at_load,
    cached,
    degraded,
    edited,
    errored,
    gate,
    judged,
    models,
    of_model,
    only,
    relabel,
    repeated,
    run,
    sample_errored,
    sample_scores,
    scorer,
    with_rag,
)

from pytest_llmeval.compare import render_comparison_markdown, render_comparison_text

NS = (4, 6, 8, 10, 12, 14)
REPEATS = ((1, 3), (1, 2), (2, 4), (3, 5), (1, 5))
Row = tuple[str, Callable[[], Doc], Callable[[], Doc], str, dict[str, bool], int]


def good(n: int) -> Doc:
    return run([100.0] * n)


def later(n: int, k: int, value: float, sample_from: int) -> Doc:
    """--llm-repeat k over `n` cases passing at 100, samples from `sample_from` on scoring `value`."""
    return sample_scores(good(n), k, value, sample_from)


def one_case_later(n: int, k: int) -> Doc:
    """--llm-repeat k, one case's samples after the first at 0: one flaky case, no regression."""
    doc = repeated(good(n), k)
    for case in doc["cases"]:
        if case["scenario_id"] == "c00" and case["sample"] >= 1:
            case.update(score=0.0, passed=False)
    return doc


def first_failed(n: int, k: int) -> Doc:
    """--llm-repeat k whose first sample failed every case, the others passed."""
    doc = repeated(good(n), k)
    for case in doc["cases"]:
        if case["sample"] == 0:
            case.update(score=0.0, passed=False)
    return doc


def speed_at(doc: Doc, load: int) -> Doc:
    return at_load(doc, load)


def rows() -> list[Row]:
    out: list[Row] = []
    for n in NS:
        for rep_b, rep_n in REPEATS:
            # the samples past the baseline's count fail every case: exit 8 (new), never 0
            out.append(
                (
                    f"(new) n={n}, repeat {rep_b} vs {rep_n}, later samples 0",
                    lambda n=n, r=rep_b: repeated(good(n), r),
                    lambda n=n, r=rep_b, k=rep_n: later(n, k, 0.0, r),
                    R,
                    {},
                    UNCHECKED,
                )
            )
            # nothing changed: every sample passes in both
            out.append(
                (
                    f"n={n}, repeat {rep_b} vs {rep_n}, unchanged",
                    lambda n=n, r=rep_b: repeated(good(n), r),
                    lambda n=n, k=rep_n: repeated(good(n), k),
                    R,
                    {},
                    OK,
                )
            )
    for n in (6, 10, 14):
        out += [
            ("one flaky case in the later samples", lambda n=n: good(n), lambda n=n: one_case_later(n, 3), R, {}, OK),
            (
                "(new) baseline 3 with its later samples passing, first failing; new run 1 failing",
                lambda n=n: first_failed(n, 3),
                lambda n=n: run([0.0] * n),
                R,
                {},
                UNCHECKED,
            ),
            (
                "baseline 3, later samples 0; new 1 at 100: better",
                lambda n=n: later(n, 3, 0.0, 1),
                lambda n=n: good(n),
                R,
                {},
                OK,
            ),
            ("repeat 1 vs 3, later 0, no rule", lambda n=n: good(n), lambda n=n: later(n, 3, 0.0, 1), "", {}, OK),
            (
                "repeat 1 vs 3, later 0, latency rule only: not comparable at another repeat",
                lambda n=n: good(n),
                lambda n=n: later(n, 3, 0.0, 1),
                "e2e_p50:50%",
                {},
                UNCHECKED,
            ),
            (
                # round 15: the errors past the gate count every sample of the new run (28 of 42 errored: a
                # regression, 6, as with a baseline of 3 samples), not only the k compared like for like (it was 8)
                "(new) repeat 1 vs 3, samples 2-3 errored, allowed",
                lambda n=n: good(n),
                lambda n=n: degraded(sample_errored(sample_errored(repeated(good(n), 3), 1, range(n)), 2, range(n))),
                R,
                ERR,
                REG,
            ),
            (
                "repeat 1 vs 3, samples 2-3 errored",
                lambda n=n: good(n),
                lambda n=n: degraded(sample_errored(sample_errored(repeated(good(n), 3), 1, range(n)), 2, range(n))),
                R,
                {},
                BROKEN,
            ),
            (
                "repeat 1 vs 3, later 0 and the first sample regressed too: 6, not 8",
                lambda n=n: good(n),
                lambda n=n: later(n, 3, 0.0, 0),
                R,
                {},
                REG,
            ),
        ]
    return out


# -- exit-code precedence: 7 > 6 > 8 > 0, one documented order ---------------------------------------------------------


def regressed(n: int = 14) -> Doc:
    return run([0.0] * n)


PRECEDENCE: list[Row] = [
    ("broken (errored) + regression", lambda: good(14), lambda: degraded(errored(regressed(14), [0])), R, {}, BROKEN),
    ("broken (missing cases) + regression", lambda: good(14), lambda: only(regressed(14), range(10)), R, {}, BROKEN),
    (
        "broken + speed not checked",
        lambda: good(14),
        lambda: speed_at(only(good(14), range(10)), 4),
        "ttft_p50:20%",
        {},
        BROKEN,
    ),
    (
        "regression + speed not checked",
        lambda: good(14),
        lambda: speed_at(regressed(14), 4),
        f"{R},ttft_p50:20%",
        {},
        REG,
    ),
    ("regression + left-out samples", lambda: good(14), lambda: later(14, 3, 0.0, 0), R, {}, REG),
    (
        "broken + left-out samples",
        lambda: good(14),
        lambda: degraded(errored(later(14, 3, 0.0, 1), [0])),
        R,
        {},
        BROKEN,
    ),
    ("allowed errors + regression", lambda: good(14), lambda: degraded(errored(regressed(14), [0])), R, ERR, REG),
    ("allowed missing + regression", lambda: good(14), lambda: only(regressed(14), range(10)), R, MISS, REG),
    ("allowed missing, no change", lambda: good(14), lambda: only(good(14), range(10)), R, MISS, OK),
    ("speed not checked alone", lambda: good(14), lambda: speed_at(good(14), 4), f"{R},ttft_p50:20%", {}, UNCHECKED),
    (
        "speed not checked + blind collapse",
        lambda: good(2),
        lambda: speed_at(regressed(2), 4),
        f"{R},ttft_p50:20%",
        {},
        UNCHECKED,
    ),
    (
        "speed not checked + left-out samples",
        lambda: good(14),
        lambda: speed_at(later(14, 3, 0.0, 1), 4),
        f"{R},ttft_p50:20%",
        {},
        UNCHECKED,
    ),
    (
        "half errored (allowed) + speed not checked",
        lambda: good(14),
        lambda: speed_at(degraded(errored(good(14), range(7))), 4),
        f"{R},ttft_p50:20%",
        ERR,
        REG,
    ),
    (
        "stale baseline: key points edited, no scenario files",
        lambda: asked_as(good(14)),
        lambda: edited(asked_as(regressed(14))),
        R,
        {},
        BROKEN,
    ),
    (
        "stale baseline, allowed missing: the edited case left out",
        lambda: asked_as(good(14)),
        lambda: edited(asked_as(good(14))),
        R,
        MISS,
        OK,
    ),
]


# -- the classes of the brief ------------------------------------------------------------------------------------


def rag_and_norag(norag: list[float], rag: list[float]) -> Doc:
    return with_rag(norag, rag)


def sourced(doc: Doc, path: str) -> Doc:
    doc["run"]["model_sources"] = {"m1": path}
    return doc


def half_judged(doc: Doc) -> Doc:
    """Cases 0-6 graded by the judge (--llm-judge-assert on their scenario), 7-13 by keywords."""
    judged_part = judged({"cases": doc["cases"][:7], "run": doc["run"]})
    doc["cases"] = judged_part["cases"] + doc["cases"][7:]
    return doc


G = [100.0] * 14
CLASSES: list[Row] = [
    ("ties: every score 50 in both", lambda: run([50.0] * 14), lambda: run([50.0] * 14), R, {}, OK),
    ("ties: every score 0 in both", lambda: run([0.0] * 14), lambda: run([0.0] * 14), R, {}, OK),
    (
        "zero variance: 60 -> 55 everywhere crosses the pass line",
        lambda: run([60.0] * 14),
        lambda: run([55.0] * 14),
        R,
        {},
        REG,
    ),
    ("zero variance: 80 -> 77 everywhere", lambda: run([80.0] * 14), lambda: run([77.0] * 14), R, {}, OK),
    ("zero variance: 80 -> 74 everywhere", lambda: run([80.0] * 14), lambda: run([74.0] * 14), R, {}, REG),
    ("single case unchanged", lambda: run([100.0]), lambda: run([100.0]), R, {}, OK),
    ("single case 100 -> 0", lambda: run([100.0]), lambda: run([0.0]), R, {}, UNCHECKED),
    ("single case 100 -> 80", lambda: run([100.0]), lambda: run([80.0]), R, {}, UNCHECKED),
    ("single case 0 -> 100", lambda: run([0.0]), lambda: run([100.0]), R, {}, OK),
    ("rag regressed only", lambda: rag_and_norag(G, G), lambda: rag_and_norag(G, [0.0] * 14), R, {}, REG),
    ("norag regressed only", lambda: rag_and_norag(G, G), lambda: rag_and_norag([0.0] * 14, G), R, {}, REG),
    ("rag one case wobbles", lambda: rag_and_norag(G, G), lambda: rag_and_norag(G, [0.0] + G[1:]), R, {}, OK),
    ("rag dropped from the new run", lambda: rag_and_norag(G, G), lambda: good(14), R, {}, BROKEN),
    ("rag added in the new run", lambda: good(14), lambda: rag_and_norag(G, [0.0] * 14), R, {}, OK),
    ("model renamed", lambda: good(14), lambda: run(G, model="m1-fp8"), R, {}, BROKEN),
    ("model renamed, paired", lambda: good(14), lambda: run(G, model="m1-fp8"), R, {"pairs": {"m1": "m1-fp8"}}, OK),  # type: ignore[dict-item]
    (
        "same label, another model path",
        lambda: sourced(good(14), "/m/14B"),
        lambda: sourced(good(14), "/m/8B"),
        R,
        {},
        OK,
    ),
    (
        "same label, another model path, regressed",
        lambda: sourced(good(14), "/m/14B"),
        lambda: sourced(regressed(14), "/m/8B"),
        R,
        {},
        REG,
    ),
    ("-k in the candidate only", lambda: good(14), lambda: only(good(14), range(6)), R, {}, BROKEN),
    ("-k in the candidate only, allowed", lambda: good(14), lambda: only(good(14), range(6)), R, MISS, OK),
    ("-k in the baseline only", lambda: only(good(14), range(6)), lambda: good(14), R, {}, OK),
    ("case only in the new run, failing", lambda: good(13), lambda: run(G[:13] + [0.0]), R, {}, OK),
    (
        "1 of 3 samples errored",
        lambda: repeated(good(14), 3),
        lambda: degraded(sample_errored(repeated(good(14), 3), 1, range(1))),
        R,
        {},
        BROKEN,
    ),
    (
        "1 of 3 samples errored, allowed",
        lambda: repeated(good(14), 3),
        lambda: degraded(sample_errored(repeated(good(14), 3), 1, range(1))),
        R,
        ERR,
        OK,
    ),
    (
        "baseline: 1 of 3 samples errored",
        lambda: degraded(sample_errored(repeated(good(14), 3), 1, range(14))),
        lambda: repeated(good(14), 3),
        R,
        {},
        OK,
    ),
    ("scorer v1 vs v2, no scenario files", lambda: scorer(good(14), 1), lambda: scorer(good(14), 2), R, {}, BROKEN),
    ("scorer v2 both", lambda: scorer(good(14), 2), lambda: scorer(good(14), 2), R, {}, OK),
    ("judge and keyword cases in both", lambda: half_judged(good(14)), lambda: half_judged(good(14)), R, {}, OK),
    (
        "judge and keyword cases, judged ones regressed",
        lambda: half_judged(good(14)),
        lambda: half_judged(run([0.0] * 7 + G[7:])),
        R,
        {},
        REG,
    ),
    ("judge in the baseline only", lambda: judged(good(14)), lambda: good(14), R, {}, BROKEN),
    ("speed at another concurrency", lambda: good(14), lambda: speed_at(good(14), 8), "ttft_p50:20%", {}, UNCHECKED),
    ("speed from the cache", lambda: good(14), lambda: cached(good(14)), "e2e_p50:20%", {}, UNCHECKED),
    ("decode rate from the cache", lambda: good(14), lambda: cached(good(14)), "decode_tok_s:10%", {}, UNCHECKED),
    (
        "half the answers cached: timed on the rest",
        lambda: good(14),
        lambda: cached(good(14), range(7)),
        "e2e_p50:20%",
        {},
        OK,
    ),
    (
        "3 models, B regressed",
        lambda: models(("A", G), ("B", G), ("C", G)),
        lambda: models(("A", G), ("B", [0.0] * 14), ("C", G)),
        R,
        {},
        REG,
    ),
    (
        "3 models, B renamed",
        lambda: models(("A", G), ("B", G)),
        lambda: relabel(models(("A", G), ("B", G)), "B", "B2"),
        R,
        {},
        BROKEN,
    ),
    (
        "3 models, B later samples failed (1 vs 3)",
        lambda: models(("A", G), ("B", G)),
        lambda: of_model(repeated(models(("A", G), ("B", G)), 3), "B", lambda d: each_later(d)),
        R,
        {},
        UNCHECKED,
    ),
]


def each_later(doc: Doc) -> Doc:
    for case in doc["cases"]:
        if case["sample"] >= 1:
            case.update(score=0.0, passed=False)
    return doc


ALL = rows() + PRECEDENCE + CLASSES


@pytest.mark.parametrize(("base", "new", "rules", "options", "expected"), [r[1:] for r in ALL], ids=[r[0] for r in ALL])
def test_each_pair_of_runs_gets_the_exit_code_a_careful_nightly_user_expects(base, new, rules, options, expected):
    cmp = gate(base(), new(), rules, **options)
    assert cmp["exit_code"] == expected, cmp["summary"]


def test_the_red_team_holds_at_least_120_rows():
    assert len(ALL) >= 120


def test_the_left_out_samples_are_named_with_their_block_change_and_the_fix():
    """The summary, the text and the Markdown say which samples, how much worse, and the fix - first, before the
    first k samples' "no significant change"."""
    cmp = gate(good(14), later(14, 3, 0.0, 1), R)
    assert cmp["exit_code"] == UNCHECKED
    assert cmp["summary"].startswith("4 quality rule(s) NOT CHECKED on the samples another --llm-repeat leaves out")
    assert "the new run's sample 2 of 3" in cmp["summary"] and "the new run's sample 3 of 3" in cmp["summary"]
    assert "worse by 100" in cmp["summary"] and "same --llm-repeat" in cmp["summary"]
    assert cmp["unchecked"] == ["m1 norag score:5", "m1 norag pass_rate:10"] * 2
    for text in (render_comparison_text(cmp), render_comparison_markdown(cmp)):
        assert "NOT CHECKED" in text and "leaves out" in text


def test_a_left_out_block_past_the_last_sample_ends_at_it():
    """5 against 3: the new run's samples 4-5 are compared as the block of samples 3-5 (like for like: 3 samples)."""
    cmp = gate(repeated(good(14), 3), later(14, 5, 0.0, 3), R)
    assert "the new run's samples 3-5 of 5" in cmp["summary"], cmp["summary"]


def test_the_command_exits_8_on_written_runs_whose_later_samples_failed(tmp_path: Path):
    from pytest_llmeval.results.recorder import to_json

    (tmp_path / "base.json").write_text(to_json(good(14)), encoding="utf-8")
    (tmp_path / "new.json").write_text(to_json(later(14, 3, 0.0, 1)), encoding="utf-8")
    command = [sys.executable, "-m", "pytest_llmeval", "compare", "base.json", "new.json", "--fail", R]
    done = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, check=False)
    assert done.returncode == UNCHECKED, (done.stdout[-2000:], done.stderr[-2000:])
    assert "leaves out" in done.stdout


def test_a_runs_folder_given_as_the_baseline_is_refused_not_read_as_one_of_its_runs(tmp_path: Path):
    """`compare FOLDER NEW` with FOLDER a folder of saved runs (a copy of .llmeval/runs): which run would be the
    baseline cannot be told - refused (exit 2) naming the folder, never one of its runs picked in silence."""
    from pytest_llmeval.results.recorder import to_json

    runs = tmp_path / "old-runs"
    runs.mkdir()
    (runs / "0001_nightly_2026-12-01.json").write_text(to_json(good(14)), encoding="utf-8")
    (runs / "0002_nightly_2026-12-02.json").write_text(to_json(regressed(14)), encoding="utf-8")
    (tmp_path / "new.json").write_text(to_json(regressed(14)), encoding="utf-8")
    for extra in ([], ["--runs-dir", str(runs)]):
        command = [sys.executable, "-m", "pytest_llmeval", "compare", "old-runs", "new.json", "--fail", R, *extra]
        done = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, check=False)
        assert done.returncode == 2, (done.stdout[-2000:], done.stderr[-2000:])
        assert "old-runs" in done.stdout + done.stderr and "Traceback" not in done.stderr


def test_a_case_with_one_errored_sample_of_three_says_so_and_is_compared_on_all_three():
    """ "1 of 14 case(s) errored (m1/norag/c00)" read as a case lost whole; the case is compared on its 3 samples, the
    errored one as a failure with score 0 - the summary now says how many of its samples errored."""
    new = degraded(sample_errored(repeated(good(14), 3), 1, range(1)))
    cmp = gate(repeated(good(14), 3), new, R, allow_errors=True)
    assert "1 of 14 case(s) errored (m1/norag/c00 (1 of 3 samples))" in cmp["summary"], cmp["summary"]
    (group,) = cmp["groups"]
    assert group["n"] == 14 and group["samples_new"] == 42
    assert cmp["groups"][0]["metrics"]["score"]["new"] == pytest.approx(100 - 100 / 3 / 14, abs=1e-3)
