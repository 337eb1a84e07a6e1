"""The gate's family at small n, round 9: a model that loses every case beside others.

Before this round the quality rules were one Holm family over Tarone's rules, each rule a test of its own. At n=6
the sign-flip test's smallest p is 1/64, so 4 score rules (4 models, or `--rag`'s two modes beside a second model)
could never reach Holm's 0.05/4: a model whose every case went 100 -> 0 passed the gate (exit 0) - 10 of the 24
pairs below got the wrong exit code. The sign-flip rules are now tested jointly (Westfall-Young step-down max-T over
the sign patterns of the cases they share; `stats.joint_stepdown`), Holm across them and each McNemar rule: the
family-wise error stays at 5% (exactly, below: every sign pattern enumerated), and the collapse fails.
"""

from __future__ import annotations

import copy
import itertools
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
from run_builders import gate, run

from pytest_llmeval.compare import EXIT_OK, EXIT_REGRESSION
from pytest_llmeval.stats import joint_stepdown, noninferiority_mean

Doc = dict[str, Any]
FULL = [100.0] * 6
GRADED = [100.0, 80.0, 60.0, 100.0, 40.0, 80.0]  # a keyword-graded model: key points covered 5, 4, 3, 5, 2, 4
WOBBLE = [80.0, 100.0, 60.0, 80.0, 60.0, 100.0]  # the same model asked again at temperature > 0


def suite(per_group: dict[tuple[str, str], list[float]]) -> Doc:
    """One results document holding every (model, mode) group given, on the same cases."""
    doc = run([])
    doc["cases"] = [c for (model, mode), scores in per_group.items() for c in run(scores, model, mode)["cases"]]
    doc["run"]["models"] = list(dict.fromkeys(model for model, _ in per_group))
    return doc


def models(k: int, scores: list[float], modes: tuple[str, ...] = ("norag",), **changed: list[float]) -> Doc:
    """k models (m1..mk) x modes, every group at `scores` except those named `m2_rag=[...]` / `m4=[...]`."""
    groups = {}
    for j in range(1, k + 1):
        for mode in modes:
            groups[(f"m{j}", mode)] = changed.get(f"m{j}_{mode}", changed.get(f"m{j}", scores))
    return suite(groups)


def same_cases_fewer(doc: Doc, model: str, keep: int) -> Doc:
    doc["cases"] = [c for c in doc["cases"] if c["model"] != model or int(c["scenario_id"][1:]) < keep]
    return doc


RAG = ("norag", "rag")
F14 = [100.0] * 14
G14 = GRADED * 2 + [100.0, 60.0]
W14 = WOBBLE * 2 + [80.0, 60.0]

# (name, baseline, new run, rules, the exit code a careful CI user expects)
Pair = tuple[str, Callable[[], Doc], Callable[[], Doc], str, int]
PAIRS: list[Pair] = [
    # -- a collapse beside other rules at n=6 (all exit 0 before)
    ("4 models, m4 lost every case", lambda: models(4, FULL), lambda: models(4, FULL, m4=[0.0] * 6), "score:5", 6),
    (
        "4 models, m4 lost every case, default gate",
        lambda: models(4, FULL),
        lambda: models(4, FULL, m4=[0.0] * 6),
        "score:5,pass_rate:10",
        6,
    ),
    ("3 models, m3 lost every case", lambda: models(3, FULL), lambda: models(3, FULL, m3=[0.0] * 6), "score:5", 6),
    (
        "2 models x RAG, m2 lost every case in both modes",
        lambda: models(2, FULL, RAG),
        lambda: models(2, FULL, RAG, m2=[0.0] * 6),
        "score:5,pass_rate:10",
        6,
    ),
    (
        "2 models x RAG, m2 lost every RAG case",
        lambda: models(2, FULL, RAG),
        lambda: models(2, FULL, RAG, m2_rag=[0.0] * 6),
        "score:5,pass_rate:10",
        6,
    ),
    (
        "2 models x RAG, m2's RAG answers 60 points worse on every case",
        lambda: models(2, FULL, RAG),
        lambda: models(2, FULL, RAG, m2_rag=[40.0] * 6),
        "score:5",
        6,
    ),
    (
        "4 graded models, the others wobbling, m4 lost every case",
        lambda: models(4, GRADED),
        lambda: models(4, WOBBLE, m4=[0.0] * 6),
        "score:5,pass_rate:10",
        6,
    ),
    (
        "4 models x RAG (8 rules), m1 lost every RAG case",
        lambda: models(4, GRADED, RAG),
        lambda: models(4, WOBBLE, RAG, m1_rag=[0.0] * 6),
        "score:5,pass_rate:10",
        6,
    ),
    (
        "4 models, m4 lost every case, relative rule",
        lambda: models(4, GRADED),
        lambda: models(4, GRADED, m4=[0.0] * 6),
        "score:5%",
        6,
    ),
    (
        "4 models, m4 asked 6 cases, the others 14; m4 lost all",
        lambda: same_cases_fewer(models(4, F14), "m4", 6),
        lambda: same_cases_fewer(models(4, F14, m4=[0.0] * 14), "m4", 6),
        "score:5",
        6,
    ),
    (
        "4 models, m4 lost every case, any-drop gate",
        lambda: models(4, GRADED),
        lambda: models(4, GRADED, m4=[0.0] * 6),
        "score:0",
        6,
    ),
    # -- no regression beside other rules: must stay green
    ("4 models unchanged", lambda: models(4, FULL), lambda: models(4, FULL), "score:5,pass_rate:10", 0),
    ("4 graded models wobbling", lambda: models(4, GRADED), lambda: models(4, WOBBLE), "score:5,pass_rate:10", 0),
    ("4 models x RAG wobbling", lambda: models(4, GRADED, RAG), lambda: models(4, WOBBLE, RAG), "score:5", 0),
    (
        "4 models, each exactly 5 points worse",
        lambda: models(4, [80.0] * 6),
        lambda: models(4, [75.0] * 6),
        "score:5",
        0,
    ),
    (
        "4 models, m4 one case 100 -> 0",
        lambda: models(4, FULL),
        lambda: models(4, FULL, m4=[100.0] * 5 + [0.0]),
        "score:5",
        0,
    ),
    (
        "4 models, m4 every case 100 -> 80, the threshold 20",
        lambda: models(4, FULL),
        lambda: models(4, FULL, m4=[80.0] * 6),
        "score:20",
        0,
    ),
    (
        "2 models x RAG, every group one case 100 -> 0",
        lambda: models(2, FULL, RAG),
        lambda: models(2, [100.0] * 5 + [0.0], RAG),
        "score:5",
        0,
    ),
    ("4 models, m4 all 0 -> all 100", lambda: models(4, FULL, m4=[0.0] * 6), lambda: models(4, FULL), "score:5", 0),
    (
        "4 models at n=5, m4 lost every case",  # 1/32 twice (the healthy ones at the flip of every sign) > 0.05
        lambda: models(4, [100.0] * 5),
        lambda: models(4, [100.0] * 5, m4=[0.0] * 5),
        "score:5",
        0,
    ),
    # -- power kept where it was (n=14): a real but partial drop of one model of 4
    (
        "4 graded models at n=14, m4 20 points worse on every case",
        lambda: models(4, G14),
        lambda: models(4, W14, m4=[max(0.0, v - 20) for v in G14]),
        "score:5,pass_rate:10",
        6,
    ),
    (
        "4 models at n=14, m4 10 cases 60 -> 0",
        lambda: models(4, [60.0] * 14),
        lambda: models(4, [60.0] * 14, m4=[60.0] * 4 + [0.0] * 10),
        "score:5,pass_rate:10",
        6,
    ),
    (
        "4 models at n=14, m4 half its cases 100 -> 0 beside a wobbling m1",
        lambda: models(4, F14, m1=G14),
        lambda: models(4, F14, m1=W14, m4=[100.0] * 7 + [0.0] * 7),
        "score:5",
        6,
    ),
    (
        "4 models at n=14 wobbling, no regression",
        lambda: models(4, G14),
        lambda: models(4, W14),
        "score:5,pass_rate:10",
        0,
    ),
]


@pytest.mark.parametrize(("base", "new", "rules", "expected"), [p[1:] for p in PAIRS], ids=[p[0] for p in PAIRS])
def test_a_collapse_beside_other_rules_fails_and_no_change_passes(base, new, rules, expected):
    cmp = gate(base(), new(), rules)
    assert cmp["exit_code"] == expected, cmp["summary"]


def test_the_collapsed_model_is_the_one_named_and_the_status_says_how_it_was_tested():
    cmp = gate(models(2, FULL, RAG), models(2, FULL, RAG, m2=[0.0] * 6), "score:5,pass_rate:10")
    assert cmp["exit_code"] == EXIT_REGRESSION
    assert {(r["model"], r["mode"], r["metric"]) for r in cmp["regressions"]} == {
        ("m2", "norag", "score"),
        ("m2", "rag", "score"),
    }
    rule = cmp["regressions"][0]
    assert rule["p_value"] == pytest.approx(1 / 64) and rule["p_holm"] == pytest.approx(2 / 64)
    assert "Holm p=0.0312 over 4 rules (the 4 sign-flip rules jointly, on their shared cases)" in rule["status"]
    assert "cannot be significant" not in cmp["summary"]


def test_four_rules_at_n6_one_collapsed_each_mode():
    """With every group unchanged but m1's RAG, only that rule fails: the others are not dragged along."""
    cmp = gate(models(4, GRADED, RAG), models(4, WOBBLE, RAG, m1_rag=[0.0] * 6), "score:5")
    assert {(r["model"], r["mode"]) for r in cmp["regressions"]} == {("m1", "rag")}


def test_the_red_team_holds_at_least_20_pairs():
    assert len(PAIRS) >= 20


# -- the procedure itself: exact family-wise error under the null, every sign pattern enumerated ------------------


def _rejections(x: np.ndarray, margin: float = 5.0) -> list[bool]:
    """joint_stepdown over rules whose per-case worsening past the margin is x (rules x cases): which fail."""
    tests = [noninferiority_mean(row + margin, margin) for row in x]
    flips = [{f"c{i}": float(v) for i, v in enumerate(row)} for row in x]
    adjusted = joint_stepdown([t.p_value or 1.0 for t in tests], flips)
    return [p <= 0.05 for p in adjusted]


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize(("rules", "cases"), [(4, 6), (8, 6), (3, 7), (2, 8)])
def test_the_joint_family_keeps_the_family_wise_error_at_5_percent_exactly(seed, rules, cases):
    """Under the joint null - each case's changes past the margin as likely flipped as not, in every rule at once -
    the 2^n sign patterns are equally likely; over all of them the share with any rule failed is at most 5%. Ties
    (whole-point scores, unchanged cases at exactly the same value) included."""
    rng = np.random.default_rng(seed)
    size = (
        rng.choice([5.0, 15.0, 25.0, 45.0, 95.0], size=(rules, cases))
        if seed % 2
        else rng.normal(0, 20, (rules, cases))
    )
    size = np.abs(size)
    wrong = 0
    for signs in itertools.product((1.0, -1.0), repeat=cases):
        wrong += any(_rejections(size * np.array(signs)))
    assert wrong / 2**cases <= 0.05


def test_one_rule_alone_keeps_its_own_p_and_mcnemar_rules_are_holm_units():
    assert joint_stepdown([0.03], [{"c0": 1.0}]) == [0.03]
    assert joint_stepdown([0.02, 0.03], [None, None]) == pytest.approx([0.04, 0.04])
    # one sign-flip rule beside one McNemar rule: exactly Holm, as before
    assert joint_stepdown([0.01, 0.03], [{"c0": 1.0, "c1": 2.0}, None]) == pytest.approx([0.02, 0.03])


def test_the_old_decision_for_one_model_is_unchanged():
    """One model, the default gate: the score rule is a unit of one, so its p and Holm's are as in round 8."""
    cmp = gate(run([60.0] * 14), run([60.0] * 7 + [40.0] * 7), "score:5,pass_rate:10")
    pass_rate = next(r for r in cmp["rules"] if r["metric"] == "pass_rate")
    assert pass_rate["p_holm"] == pytest.approx(2 * 0.6**7) and cmp["exit_code"] == EXIT_OK
    assert copy.deepcopy(cmp["rules"][0]["family"]) == 2


# -- the comparison table's two-sided verdicts: the score rows one unit, as the gate's rules -----------------------


def _table(base: Doc, new: Doc) -> dict[tuple[str, str, str], dict[str, Any]]:
    cmp = gate(base, new, "score:5")
    return {(g["model"], g["mode"], m): e for g in cmp["groups"] for m, e in g["metrics"].items()}


def test_a_model_gaining_every_case_in_both_modes_reads_better_in_the_table():
    # 40 -> 80 in every case of both modes (pass 0 -> 100%): Holm over the 4 rows (2 modes x score and pass rate)
    # needed 0.0125, below the 2/64 that 6 cases can give, and every row read "no significant difference". The rows
    # are one unit now - the pass-rate rows by their per-case changes, whose sign-flip test McNemar's exact test is -
    # and 2 of the 64 joint sign patterns reach the observed largest r: 0.031 for each row, "better"
    low, high = [40.0] * 6, [80.0] * 6
    table = _table(models(1, low, RAG), models(1, high, RAG))
    for mode in RAG:
        for metric in ("score", "pass_rate"):
            entry = table[("m1", mode, metric)]
            assert entry["p_value"] == pytest.approx(2 / 64)
            assert entry["p_holm"] == pytest.approx(2 / 64) and entry["family"] == 4
            assert entry["verdict"] == "better" and "_changes" not in entry


def test_the_table_finds_a_gain_that_holm_over_every_row_missed():
    # 7 cases rising 10 -> 50 in both modes, pass rates unchanged (all below 60): Holm over the 4 rows made the score
    # rows 4 x 2/128 = 0.0625 - missed; jointly (the unchanged pass rows never reach the score rows' r) 2/128
    low, high = [10.0] * 7, [50.0] * 7
    table = _table(models(1, low, RAG), models(1, high, RAG))
    for mode in RAG:
        score = table[("m1", mode, "score")]
        assert score["p_value"] == pytest.approx(2 / 128)
        assert score["p_holm"] == pytest.approx(2 / 128)
        assert score["verdict"] == "better"
        assert table[("m1", mode, "pass_rate")]["verdict"] == "no significant difference"


@pytest.mark.parametrize("seed", range(4))
def test_the_table_calls_nothing_more_than_5_percent_of_the_time_under_no_change(seed):
    # swapping a case's baseline and new answers in every model and mode at once is as likely as not under "the two
    # runs are exchangeable": over all 2^6 swaps at most 5% of them give any row "better" or "worse"
    rng = np.random.default_rng(seed)
    scores = rng.choice([0.0, 40.0, 60.0, 80.0, 100.0], size=(2, 2, 2, 6))  # side x model x mode x case
    wrong = 0
    for swaps in itertools.product((False, True), repeat=6):
        sides = scores.copy()
        for i, swapped in enumerate(swaps):
            if swapped:
                sides[:, :, :, i] = sides[::-1, :, :, i]
        docs = [
            suite(
                {(f"m{m + 1}", mode): list(map(float, sides[s, m, k])) for m in range(2) for k, mode in enumerate(RAG)}
            )
            for s in range(2)
        ]
        cmp = gate(docs[0], docs[1], "score:100")  # a rule that never fails: the table's verdicts alone
        wrong += any(
            e.get("verdict") in ("better", "worse")
            for g in cmp["groups"]
            for m, e in g["metrics"].items()
            if m in ("score", "pass_rate")
        )
    assert wrong / 64 <= 0.05, wrong
