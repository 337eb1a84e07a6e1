"""Red team of the regression gate, round 12: a rise in errored requests under --allow-errors (any n, --llm-repeat,
number of models, rules), the same case ids asked differently, renamed cases, another suite, server settings that
changed (dtype, quantization, tensor parallel), scores that are no number, latency with the answer cache and speed at
another concurrency. Each row is the exit code a careful nightly user expects. Before round 12 a model and mode with
half its samples errored passed under --allow-errors wherever the zeros were not significant (small n, Holm beside
other models, latency rules only)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from run_builders import (
    BOTH,
    ERR,
    MISS,
    R,
    asked_as,
    at_load,
    cached,
    degraded,
    edited,
    errored,
    gate,
    models,
    of_model,
    repeated,
    run,
    slower,
)

from pytest_llmeval.compare import EXIT_BROKEN, EXIT_OK, EXIT_REGRESSION, EXIT_UNCHECKED, render_comparison_markdown

Doc = dict[str, Any]
OK, REG, BROKEN, UNCHECKED = EXIT_OK, EXIT_REGRESSION, EXIT_BROKEN, EXIT_UNCHECKED
GOOD = [100.0] * 14
NS = (2, 4, 6, 8, 10, 12, 14, 20)
LABELS = ("A", "B", "C", "D")


def good(n: int, k: int = 1) -> Doc:
    """`k` models (A, B, ...) that pass every one of `n` cases."""
    return models(*((label, [100.0] * n) for label in LABELS[:k]))


def failing(n: int, k: int, how_many: int, model: str = "B") -> Doc:
    """The new run of `good(n, k)` in which `how_many` cases of `model` (A when only one) errored."""
    target = model if k > 1 else "A"
    return degraded(of_model(good(n, k), target, lambda d: errored(d, range(how_many))))


def grid() -> list[tuple[Any, ...]]:
    rows: list[tuple[Any, ...]] = []
    for n in NS:
        for k in (1, 2, 4):
            half = (n + 1) // 2
            rows.append((f"n={n}, {k} model(s), {half} errored, allowed", n, k, half, ERR, REG))
            rows.append((f"n={n}, {k} model(s), {half} errored", n, k, half, {}, BROKEN))
            if n >= 4:
                rows.append((f"n={n}, {k} model(s), {n - 1} errored, allowed", n, k, n - 1, BOTH, REG))
                rows.append((f"n={n}, {k} model(s), one errored, allowed", n, k, 1, ERR, OK))
    return rows


GRID = grid()


@pytest.mark.parametrize(("n", "k", "how_many", "options", "expected"), [r[1:] for r in GRID], ids=[r[0] for r in GRID])
def test_half_or_more_of_a_model_errored_fails_the_gate_at_every_n_and_number_of_models(
    n: int, k: int, how_many: int, options: dict[str, bool], expected: int
) -> None:
    cmp = gate(good(n, k), failing(n, k, how_many), R, **options)
    assert cmp["exit_code"] == expected, cmp["summary"]


def rag_half(n: int) -> Doc:
    doc = good(n)
    doc["cases"] += [{**c, "mode": "rag"} for c in errored(run([100.0] * n, model="A"), range((n + 1) // 2))["cases"]]
    return degraded(doc)


def with_rag(n: int) -> Doc:
    doc = good(n)
    doc["cases"] += [{**c, "mode": "rag"} for c in run([100.0] * n, model="A")["cases"]]
    return doc


def spread(doc: Doc, every: int = 2) -> Doc:
    """Sample 1 of every case errored (--llm-repeat 2 or 3): each case answered on its other samples."""
    for case in doc["cases"]:
        if case["sample"] % every == 1:
            case.update(error={"type": "http", "message": "HTTP 500"}, score=0.0, passed=False, ttft_s=None, e2e_s=None)
    return degraded(doc)


def improved_elsewhere(n: int) -> tuple[Doc, Doc]:
    """Half the cases errored now; the other half went from failing to passing: the mean score is unchanged."""
    half = n // 2
    base = run([100.0] * half + [0.0] * (n - half))
    new = degraded(errored(run([100.0] * n), range(half)))
    return base, new


def question_edited(doc: Doc, which: int = 3) -> Doc:
    doc["cases"][which].update(case_hash=f"h{which}-edited", prompt_hash=f"p-edited-{which}")
    return doc


def all_edited(doc: Doc) -> Doc:
    for i in range(len(doc["cases"])):
        question_edited(doc, i)
    return doc


def renamed_case(doc: Doc) -> Doc:
    doc["cases"][0]["scenario_id"] = "c00-new-name"
    return doc


def suite(doc: Doc) -> Doc:
    for case in doc["cases"]:
        case.update(scenario_id=f"en-{case['scenario_id']}", case_hash=f"en-{case['case_hash']}")
    return doc


def server(doc: Doc, **values: Any) -> Doc:
    doc["run"]["settings"].setdefault("server", {}).update(values)
    return doc


def score_of(doc: Doc, value: float | None, which: range | tuple[int, ...] = (2,)) -> Doc:
    for i in which:
        doc["cases"][i].update(score=value, passed=False)
    return doc


def fine() -> Doc:
    return run(list(GOOD))


ROWS: list[tuple[str, Callable[[], Doc], Callable[[], Doc], str, dict[str, bool], int]] = [
    *[
        (f"n={n}: rag half errored, norag fine, allowed", lambda n=n: with_rag(n), lambda n=n: rag_half(n), R, ERR, REG)
        for n in (4, 8, 14)
    ],
    *[
        (
            f"n={n}: half errored in both runs, allowed",
            lambda n=n: degraded(errored(run([100.0] * n), range(n // 2))),
            lambda n=n: degraded(errored(run([100.0] * n), range(n // 2))),
            R,
            ERR,
            REG,
        )
        for n in (4, 8, 14)
    ],
    *[
        (
            f"n={n}: half errored, the rest improved, allowed",
            lambda n=n: improved_elsewhere(n)[0],
            lambda n=n: improved_elsewhere(n)[1],
            R,
            ERR,
            REG,
        )
        for n in (4, 8, 14)
    ],
    *[
        (f"n={n}: half errored, no rule, allowed", lambda n=n: good(n), lambda n=n: failing(n, 1, n // 2), "", ERR, REG)
        for n in (4, 14)
    ],
    *[
        (
            f"n={n}: half errored, latency rule only, allowed",
            lambda n=n: good(n),
            lambda n=n: failing(n, 1, n // 2),
            "e2e_p50:20%",
            ERR,
            REG,
        )
        for n in (4, 14)
    ],
    (
        "repeat 2: sample 1 of every case errored, allowed",
        lambda: repeated(fine(), 2),
        lambda: spread(repeated(fine(), 2)),
        R,
        ERR,
        REG,
    ),
    # under half of the requests, but every case lost a third of its score: significant
    (
        "repeat 3: sample 1 of every case errored (a third), allowed",
        lambda: repeated(fine(), 3),
        lambda: spread(repeated(fine(), 3), 3),
        R,
        ERR,
        REG,
    ),
    (
        "repeat 3: 7 cases errored in every sample, allowed",
        lambda: repeated(fine(), 3),
        lambda: degraded(repeated(errored(fine(), range(7)), 3)),
        R,
        ERR,
        REG,
    ),
    (
        "repeat 3: one case errored in every sample, allowed",
        lambda: repeated(fine(), 3),
        lambda: degraded(repeated(errored(fine(), [4]), 3)),
        R,
        ERR,
        OK,
    ),
    ("baseline half errored, new fine, allowed", lambda: degraded(errored(fine(), range(7))), fine, R, ERR, OK),
    (
        "6 of 14 errored (under half), rest fine, allowed",
        fine,
        lambda: degraded(errored(fine(), range(6))),
        R,
        ERR,
        REG,
    ),
    (
        "4 models, 6 of 14 of B errored (under half), allowed",
        lambda: good(14, 4),
        lambda: failing(14, 4, 6),
        R,
        ERR,
        OK,
    ),
    # -- the same case id asked differently, renamed, another suite ------------------------------------------------
    (
        "c03's question edited (same id)",
        lambda: asked_as(fine()),
        lambda: question_edited(asked_as(fine())),
        R,
        {},
        BROKEN,
    ),
    (
        "c03's question edited, allowed missing",
        lambda: asked_as(fine()),
        lambda: question_edited(asked_as(fine())),
        R,
        MISS,
        OK,
    ),
    (
        "c03's key points edited (question same)",
        lambda: asked_as(fine()),
        lambda: edited(asked_as(fine())),
        R,
        {},
        BROKEN,
    ),
    (
        "every question edited, ids kept",
        lambda: asked_as(fine()),
        lambda: all_edited(asked_as(fine())),
        R,
        MISS,
        BROKEN,
    ),
    ("c00 renamed", lambda: asked_as(fine()), lambda: renamed_case(asked_as(fine())), R, {}, BROKEN),
    ("c00 renamed, allowed missing", lambda: asked_as(fine()), lambda: renamed_case(asked_as(fine())), R, MISS, OK),
    ("another suite (en- ids)", fine, lambda: suite(fine()), R, {}, BROKEN),
    ("another suite, allowed missing", fine, lambda: suite(fine()), R, MISS, BROKEN),
    # -- server settings that changed ------------------------------------------------------------------------------
    (
        "dtype bf16 -> fp16, same quality",
        lambda: server(fine(), dtype="bfloat16"),
        lambda: server(fine(), dtype="float16"),
        R,
        {},
        OK,
    ),
    (
        "quantization none -> fp8, collapsed",
        lambda: server(fine(), quantization=None),
        lambda: server(run([0.0] * 14), quantization="fp8"),
        R,
        {},
        REG,
    ),
    (
        "tensor parallel 1 -> 2, slower",
        lambda: server(fine(), tensor_parallel_size=1),
        lambda: slower(server(fine(), tensor_parallel_size=2)),
        "e2e_p50:20%",
        {},
        REG,
    ),
    (
        "tensor parallel 1 -> 2, same speed",
        lambda: server(fine(), tensor_parallel_size=1),
        lambda: server(fine(), tensor_parallel_size=2),
        "e2e_p50:20%",
        {},
        OK,
    ),
    # -- scores that are no number ---------------------------------------------------------------------------------
    ("baseline score None", lambda: score_of(fine(), None), fine, R, {}, BROKEN),
    ("baseline score None, allowed", lambda: score_of(fine(), None), fine, R, ERR, OK),
    ("new score None", fine, lambda: score_of(fine(), None), R, {}, BROKEN),
    ("new score NaN, allowed", fine, lambda: score_of(fine(), float("nan")), R, ERR, OK),
    ("new score NaN in 7 of 14, allowed", fine, lambda: score_of(fine(), float("nan"), range(7)), R, ERR, REG),
    # -- latency with the cache, throughput at another concurrency ------------------------------------------------
    ("new run from the cache, latency rule", fine, lambda: cached(fine()), "e2e_p50:20%", {}, UNCHECKED),
    ("baseline from the cache, latency rule", lambda: cached(fine()), fine, "e2e_p50:20%", {}, UNCHECKED),
    ("half the new run cached, same speed", fine, lambda: cached(fine(), range(7)), "e2e_p50:20%", {}, OK),
    ("half the new run cached, slower", fine, lambda: slower(cached(fine(), range(7))), "e2e_p50:20%", {}, REG),
    ("concurrency 1 -> 8, decode rule", fine, lambda: at_load(fine(), 8), "decode_tok_s:10%", {}, UNCHECKED),
    (
        "concurrency 8 -> 8, slower decode",
        lambda: at_load(fine(), 8),
        lambda: slower(at_load(fine(), 8), 3.0),
        "decode_tok_s:10%",
        {},
        REG,
    ),
]


@pytest.mark.parametrize(
    ("base", "new", "rules", "options", "expected"), [r[1:] for r in ROWS], ids=[r[0] for r in ROWS]
)
def test_each_pair_of_saved_runs_gets_the_exit_code_a_careful_user_expects(base, new, rules, options, expected):
    cmp = gate(base(), new(), rules, **options)
    assert cmp["exit_code"] == expected, cmp["summary"]


def test_the_red_team_holds_at_least_120_rows():
    assert len(ROWS) + len(GRID) >= 120


def test_half_errored_names_the_model_the_count_and_the_fix_in_summary_and_markdown():
    """The G11 leftover: four models, C with 7 of 14 errored, --allow-errors: passed at Holm p 0.071 (exit 0)."""
    cmp = gate(good(14, 4), failing(14, 4, 7, "C"), R, **ERR)
    assert cmp["exit_code"] == REG and cmp["errors_past_gate"]
    assert cmp["summary"].startswith("errors past the gate: C norag: 7 of its 14 sample(s) errored in the new run")
    assert "a regression whatever the p" in cmp["summary"] and "Fix: repair the server" in cmp["summary"]
    assert "errors past the gate: C norag" in render_comparison_markdown(cmp)
    assert "A norag" not in cmp["errors_past_gate"][0]


@pytest.mark.parametrize(
    ("setting", "base_value", "new_value"),
    [("tensor_parallel_size", 1, 2), ("pipeline_parallel_size", 1, 2), ("gpu_memory_utilization", 0.9, 0.5)],
)
def test_a_speed_verdict_under_other_server_settings_names_them_in_the_summary(setting, base_value, new_value):
    """`e2e_p50 worse by +100%` after tensor_parallel_size 1 -> 2 named the change only below the tables."""
    cmp = gate(server(fine(), **{setting: base_value}), slower(server(fine(), **{setting: new_value})), "e2e_p50:20%")
    assert cmp["exit_code"] == REG
    assert (
        f"speed measured under other server settings (server.{setting} {base_value!r} in the baseline"
        in (cmp["summary"])
    )
    quality_only = gate(server(fine(), **{setting: base_value}), server(fine(), **{setting: new_value}), R)
    assert "speed measured" not in quality_only["summary"]  # no speed verdict: nothing to qualify


def test_a_dtype_or_quantization_change_is_named_once_as_an_answer_setting():
    cmp = gate(server(fine(), quantization=None), server(fine(), quantization="fp8"), "score:5,e2e_p50:20%")
    assert "server.quantization None in the baseline, 'fp8' now" in cmp["summary"]
    assert "speed measured under other server settings" not in cmp["summary"]
