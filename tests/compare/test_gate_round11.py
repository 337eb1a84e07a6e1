"""Red team of the regression gate, round 11: mixed repeats (1 vs 3, 3 vs 5, a case short of samples after errors),
a re-scored run against the run it graded, runs of 3-4 models (one renamed, added, or lost whole), cases skipped by
-k in one run, a case errored in one run only, judge and keyword grading, scorer versions mixed inside a run
(resumed), speed at another load or on other GPUs, and what every "worse"/"better" carries. Each row is the exit code
a careful CI user expects.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from run_builders import (
    BOTH,
    BROKEN,
    ERR,
    GOOD,
    MISS,
    OK,
    REG,
    UNCHECKED,
    Doc,
    N,
    R,
    at_load,
    cached,
    degraded,
    each,
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
    slower,
)

from pytest_llmeval.compare import EXIT_UNCHECKED, render_comparison_markdown, render_comparison_text

ZERO = [0.0] * N
GRADED = [100.0, 80.0, 60.0, 100.0, 40.0, 80.0, 100.0, 60.0, 80.0, 100.0, 20.0, 80.0, 100.0, 60.0]


# -- runs as pytest-llmeval writes them -----------------------------------------------------------------------------


def answered(doc: Doc) -> Doc:
    """Each record with the answer the recorder saves (one per case, the same in every run: --llm-cache, temp 0)."""
    for case in doc["cases"]:
        case["answer"] = f"answer of {case['scenario_id']}"
    return doc


def drop_sample(doc: Doc, sample: int, which: range) -> Doc:
    ids = {f"c{i:02d}" for i in which}
    doc["cases"] = [c for c in doc["cases"] if not (c["sample"] == sample and c["scenario_id"] in ids)]
    return doc


def no_repeat_setting(doc: Doc) -> Doc:
    """A run saved before settings.repeat was recorded (its records still hold every sample)."""
    doc["run"]["settings"].pop("repeat", None)
    return doc


def scorer_of(doc: Doc, version: int, which: range | None = None, sample: int | None = None) -> Doc:
    for i, case in enumerate(doc["cases"]):
        in_range = which is None or int(case["scenario_id"][1:]) in which
        if in_range and (sample is None or case["sample"] == sample):
            case["scorer"] = {"name": "keyword_coverage", "version": version}
    return doc


def launched(doc: Doc, gpus: list[dict[str, Any]]) -> Doc:
    doc["run"]["launches"] = [{"model": m, "attached": False} for m in doc["run"]["models"]]
    doc["run"]["hardware"] = {"cpu": "x", "cpu_count": 64, "gpus": gpus}
    return doc


H100 = [{"index": 0, "name": "NVIDIA H100 80GB HBM3", "memory_gib": 79.6}]
A100 = [{"index": 0, "name": "NVIDIA A100-SXM4-80GB", "memory_gib": 79.2}]
H100_NVL = [{"index": 0, "name": "NVIDIA H100 NVL", "memory_gib": 93.6}]


def rescored_as(doc: Doc, values: list[float], version: int | None = None, hashed: bool = True) -> Doc:
    """What `rescore` writes from `doc`: the same answers and timings, another run id, `run.rescored`, new scores."""
    out = copy.deepcopy(doc)
    out["run"]["run_id"] = "rescored-1"
    out["run"]["rescored"] = {"from": "base.json", "from_run_id": doc["run"].get("run_id")}
    for case, value in zip(out["cases"], values * (len(out["cases"]) // len(values))):
        case.update(score=value, passed=value >= 60, rescore={"status": "rescored", "previous_score": case["score"]})
        if version is not None:
            case["scorer"] = {"name": "keyword_coverage", "version": version}
        if not hashed:
            case.pop("case_hash", None)
    return out


def ided(doc: Doc, run_id: str) -> Doc:
    doc["run"]["run_id"] = run_id
    return doc


Row = tuple[str, Callable[[], Doc], Callable[[], Doc], str, dict[str, Any], int]
ROWS: list[Row] = []


def edited_hash(doc: Doc) -> Doc:
    """Key points edited since: another content hash, the same question."""
    for case in doc["cases"]:
        case["case_hash"] = str(case.get("case_hash")) + "-edited"
    return doc


def base_answered(values: list[float] = GOOD, version: int = 2) -> Doc:
    return ided(scorer_of(answered(run(values)), version), "b1")


def new_answers(doc: Doc, which: range) -> Doc:
    """The new run answered the cases `which` otherwise."""
    for case in doc["cases"]:
        if int(case["scenario_id"][1:]) in which:
            case["answer"] = f"another answer of {case['scenario_id']}"
    return doc


def scored(doc: Doc, value: float, which: range) -> Doc:
    for case in doc["cases"]:
        if int(case["scenario_id"][1:]) in which:
            case.update(score=value, passed=value >= 60)
    return doc


ABC = (("A", GOOD), ("B", GOOD), ("C", GOOD))
ABCD = (*ABC, ("D", GOOD))

# -- repeats: 1 vs 3, 3 vs 5, a case short of samples -----------------------------------------------------------------
ROWS += [
    ("repeat 1 vs 3, same", lambda: run(GOOD), lambda: repeated(run(GOOD), 3), R, {}, OK),
    ("repeat 3 vs 1, same", lambda: repeated(run(GOOD), 3), lambda: run(GOOD), R, {}, OK),
    ("repeat 3 vs 5, same", lambda: repeated(run(GOOD), 3), lambda: repeated(run(GOOD), 5), R, {}, OK),
    ("repeat 5 vs 3, same", lambda: repeated(run(GOOD), 5), lambda: repeated(run(GOOD), 3), R, {}, OK),
    (
        "repeat 1 vs 3, first sample collapsed",
        lambda: run(GOOD),
        lambda: sample_scores(run(ZERO), 3, 100.0),
        R,
        {},
        REG,
    ),
    ("repeat 1 vs 3, every sample collapsed", lambda: run(GOOD), lambda: repeated(run(ZERO), 3), R, {}, REG),
    ("repeat 3 vs 1, collapsed", lambda: repeated(run(GOOD), 3), lambda: run(ZERO), R, {}, REG),
    (
        "repeat 3 vs 5, every sample collapsed",
        lambda: repeated(run(GOOD), 3),
        lambda: repeated(run(ZERO), 5),
        R,
        {},
        REG,
    ),
    ("repeat 1 vs 3, graded, same", lambda: run(GRADED), lambda: repeated(run(GRADED), 3), R, {}, OK),
    (
        "repeat 3 vs 3, a new case lost a sample",
        lambda: repeated(run(GOOD), 3),
        lambda: drop_sample(repeated(run(GOOD), 3), 2, range(1)),
        R,
        {},
        BROKEN,
    ),
    (
        "repeat 3 vs 3, a new case lost a sample, allowed",
        lambda: repeated(run(GOOD), 3),
        lambda: drop_sample(repeated(run(GOOD), 3), 2, range(1)),
        R,
        MISS,
        OK,
    ),
    (
        "repeat 3 vs 3, a baseline case lost a sample",
        lambda: drop_sample(repeated(run(GOOD), 3), 2, range(1)),
        lambda: repeated(run(GOOD), 3),
        R,
        {},
        OK,
    ),
    (
        "repeat 3 vs 1, baseline's first sample errored, others answered",
        lambda: degraded(sample_errored(repeated(run(GOOD), 3), 0, range(4))),
        lambda: run(GOOD),
        R,
        {},
        OK,
    ),
    (
        "repeat 3 vs 1, baseline's first sample errored in every case, others answered",
        lambda: degraded(sample_errored(repeated(run(GOOD), 3), 0, range(N))),
        lambda: run(GOOD),
        R,
        {},
        OK,
    ),
    (
        "repeat 3 vs 1, baseline's first sample errored, others answered, regression",
        lambda: degraded(sample_errored(repeated(run(GOOD), 3), 0, range(N))),
        lambda: run(ZERO),
        R,
        {},
        REG,
    ),
    (
        "repeat 5 vs 3, baseline's first two samples errored",
        lambda: degraded(sample_errored(sample_errored(repeated(run(GOOD), 5), 0, range(6)), 1, range(6))),
        lambda: repeated(run(GOOD), 3),
        R,
        {},
        OK,
    ),
    (
        "repeat 3 vs 3, baseline's samples all errored in one case",
        lambda: degraded(
            sample_errored(
                sample_errored(sample_errored(repeated(run(GOOD), 3), 0, range(1)), 1, range(1)), 2, range(1)
            )
        ),
        lambda: repeated(run(GOOD), 3),
        R,
        {},
        BROKEN,
    ),
    (
        "repeat 1 vs 3, new's first sample errored",
        lambda: run(GOOD),
        lambda: degraded(sample_errored(repeated(run(GOOD), 3), 0, range(4))),
        R,
        {},
        BROKEN,
    ),
    (
        "repeat not recorded, 3 samples each, vs repeat 3",
        lambda: no_repeat_setting(repeated(run(GOOD), 3)),
        lambda: repeated(run(GOOD), 3),
        R,
        {},
        OK,
    ),
    (
        "repeat not recorded, 3 samples each (later ones 0), vs repeat 1 (0)",
        lambda: no_repeat_setting(sample_scores(run(GOOD), 3, 100.0)),
        lambda: run(ZERO),
        R,
        {},
        REG,
    ),
]

# -- a re-scored run against the run it graded: same answers, other grades ------------------------------------------
ROWS += [
    (
        "re-score, scorer v1 -> v2, scores fall",
        lambda: base_answered(version=1),
        lambda: rescored_as(base_answered(version=1), ZERO, version=2),
        R,
        {},
        BROKEN,
    ),
    (
        "re-score, scorer v1 -> v2, scores fall, allowed",
        lambda: base_answered(version=1),
        lambda: rescored_as(base_answered(version=1), ZERO, version=2),
        R,
        BOTH,
        BROKEN,
    ),
    (
        "re-score, key points edited, scores fall",
        lambda: base_answered(),
        lambda: edited_hash(rescored_as(base_answered(), ZERO)),
        R,
        {},
        BROKEN,
    ),
    (
        "re-score, key points edited, scores rise",
        lambda: base_answered(ZERO),
        lambda: edited_hash(rescored_as(base_answered(ZERO), GOOD)),
        R,
        {},
        BROKEN,
    ),
    (
        "re-score, same scorer and hash, scores fall (a hook edited)",
        lambda: base_answered(),
        lambda: rescored_as(base_answered(), ZERO),
        R,
        {},
        BROKEN,
    ),
    (
        "re-score, same scorer and hash, scores fall, allowed",
        lambda: base_answered(),
        lambda: rescored_as(base_answered(), ZERO),
        R,
        BOTH,
        BROKEN,
    ),
    (
        "re-score, same scorer and hash, scores rise",
        lambda: base_answered(ZERO),
        lambda: rescored_as(base_answered(ZERO), GOOD),
        R,
        {},
        BROKEN,
    ),
    (
        "re-score, same scorer and hash, half the scores fall",
        lambda: base_answered(),
        lambda: rescored_as(base_answered(), [100.0, 0.0]),
        R,
        {},
        BROKEN,
    ),
    (
        "re-score, no case hashes (older run), scores fall",
        lambda: base_answered(),
        lambda: rescored_as(base_answered(), ZERO, hashed=False),
        R,
        {},
        BROKEN,
    ),
    (
        "re-score, no rule, scores fall",
        lambda: base_answered(),
        lambda: rescored_as(base_answered(), ZERO),
        "",
        {},
        BROKEN,
    ),
    ("re-score, same scores", lambda: base_answered(), lambda: rescored_as(base_answered(), GOOD), R, {}, OK),
    (
        "re-score, same graded scores",
        lambda: base_answered(GRADED),
        lambda: rescored_as(base_answered(GRADED), GRADED),
        R,
        {},
        OK,
    ),
    (
        "the baseline a re-score of the new run, scores fall",
        lambda: rescored_as(base_answered(), ZERO),
        lambda: ided(base_answered(), "b2"),
        R,
        {},
        BROKEN,
    ),
    (
        "answers from the cache, graded otherwise",
        lambda: base_answered(),
        lambda: scored(cached(ided(base_answered(), "n1")), 0.0, range(N)),
        R,
        {},
        BROKEN,
    ),
    (
        "answers from the cache, one case graded otherwise",
        lambda: base_answered(),
        lambda: scored(cached(ided(base_answered(), "n1")), 0.0, range(1)),
        R,
        {},
        BROKEN,
    ),
    (
        "answers from the cache, one case graded otherwise, allowed",
        lambda: base_answered(),
        lambda: scored(cached(ided(base_answered(), "n1")), 0.0, range(1)),
        R,
        BOTH,
        BROKEN,
    ),
    (
        "answers reused by --llm-resume, graded otherwise",
        lambda: base_answered(),
        lambda: scored(each(ided(base_answered(), "n1"), reused=True), 0.0, range(N)),
        R,
        {},
        BROKEN,
    ),
    (
        "answers from the cache, same grades",
        lambda: base_answered(),
        lambda: cached(ided(base_answered(), "n1")),
        R,
        {},
        OK,
    ),
    (
        "answers from the cache, a stopped answer scored 0",
        lambda: base_answered(),
        lambda: each(scored(cached(ided(base_answered(), "n1")), 0.0, range(1)), finish_reason="stop"),
        R,
        {},
        BROKEN,
    ),
    (
        "new answers, grades fall",
        lambda: base_answered(),
        lambda: scored(new_answers(ided(base_answered(), "n1"), range(N)), 0.0, range(N)),
        R,
        {},
        REG,
    ),
    (
        "new answers in 10 cases, they fall, 4 from the cache alike",
        lambda: base_answered(),
        lambda: scored(new_answers(cached(ided(base_answered(), "n1")), range(10)), 0.0, range(10)),
        R,
        {},
        REG,
    ),
    (
        "new answers in 10 cases, they rise, 4 from the cache alike",
        lambda: base_answered(ZERO),
        lambda: scored(new_answers(cached(ided(base_answered(ZERO), "n1")), range(10)), 100.0, range(10)),
        R,
        {},
        OK,
    ),
    (
        "fresh answers alike by chance (temperature 0), graded alike",
        lambda: base_answered(),
        lambda: ided(base_answered(), "n1"),
        R,
        {},
        OK,
    ),
]

# -- runs of 3-4 models -----------------------------------------------------------------------------------------------
ROWS += [
    ("3 models, same", lambda: models(*ABC), lambda: models(*ABC), R, {}, OK),
    ("3 models, C renamed", lambda: models(*ABC), lambda: relabel(models(*ABC), "C", "C2"), R, {}, BROKEN),
    ("3 models, C renamed, allowed", lambda: models(*ABC), lambda: relabel(models(*ABC), "C", "C2"), R, MISS, OK),
    (
        "3 models, C renamed, paired",
        lambda: models(*ABC),
        lambda: relabel(models(*ABC), "C", "C2"),
        R,
        {"pairs": {"C": "C2"}},
        OK,
    ),
    (
        "3 models, C renamed, paired, regressed",
        lambda: models(*ABC),
        lambda: relabel(models(("A", GOOD), ("B", GOOD), ("C", ZERO)), "C", "C2"),
        R,
        {"pairs": {"C": "C2"}},
        REG,
    ),
    ("3 models, D added", lambda: models(*ABC), lambda: models(*ABCD), R, {}, OK),
    ("3 models, D added and regressing alone", lambda: models(*ABC), lambda: models(*ABC, ("D", ZERO)), R, {}, OK),
    (
        "3 models, B every case errored",
        lambda: models(*ABC),
        lambda: degraded(of_model(models(*ABC), "B", lambda d: errored(d, range(N)))),
        R,
        {},
        BROKEN,
    ),
    (
        "3 models, B every case errored, allowed",
        lambda: models(*ABC),
        lambda: degraded(of_model(models(*ABC), "B", lambda d: errored(d, range(N)))),
        R,
        BOTH,
        BROKEN,
    ),
    (
        "3 models, B every case errored, no rule",
        lambda: models(*ABC),
        lambda: degraded(of_model(models(*ABC), "B", lambda d: errored(d, range(N)))),
        "",
        BOTH,
        BROKEN,
    ),
    ("3 models, B not in the new run", lambda: models(*ABC), lambda: models(("A", GOOD), ("C", GOOD)), R, {}, BROKEN),
    (
        "4 models, C regressed",
        lambda: models(*ABCD),
        lambda: models(("A", GOOD), ("B", GOOD), ("C", ZERO), ("D", GOOD)),
        R,
        {},
        REG,
    ),
    (
        "4 models, C regressed, D every case errored",
        lambda: models(*ABCD),
        lambda: degraded(
            of_model(models(("A", GOOD), ("B", GOOD), ("C", ZERO), ("D", GOOD)), "D", lambda d: errored(d, range(N)))
        ),
        R,
        BOTH,
        BROKEN,
    ),
    (
        "4 models, C better",
        lambda: models(("A", GOOD), ("B", GOOD), ("C", ZERO), ("D", GOOD)),
        lambda: models(*ABCD),
        R,
        {},
        OK,
    ),
    (
        "4 models, each worse by 3 points",
        lambda: models(*((m, GRADED) for m in "ABCD")),
        lambda: models(*((m, [v - 3 for v in GRADED]) for m in "ABCD")),
        R,
        {},
        OK,
    ),
    (
        "3 models, the baseline's B every case errored",
        lambda: degraded(of_model(models(*ABC), "B", lambda d: errored(d, range(N)))),
        lambda: models(*ABC),
        R,
        {},
        BROKEN,
    ),
    (
        "3 models, the baseline's B every case errored, allowed",
        lambda: degraded(of_model(models(*ABC), "B", lambda d: errored(d, range(N)))),
        lambda: models(*ABC),
        R,
        ERR,
        OK,
    ),
    (
        "3 models, A and C swapped labels, paired both ways",
        lambda: models(("A", GOOD), ("B", GOOD), ("C", ZERO)),
        lambda: models(("A", ZERO), ("B", GOOD), ("C", GOOD)),
        R,
        {"pairs": {"A": "C", "C": "A"}},
        OK,
    ),
]

# -- cases skipped by -k in one run -----------------------------------------------------------------------------------
ROWS += [
    ("-k in the new run only", lambda: run(GOOD), lambda: only(run(GOOD), range(7)), R, {}, BROKEN),
    ("-k in the new run only, allowed", lambda: run(GOOD), lambda: only(run(GOOD), range(7)), R, MISS, OK),
    (
        "-k in the new run only, the rest regressed, allowed",
        lambda: run(GOOD),
        lambda: only(run(ZERO), range(7)),
        R,
        MISS,
        REG,
    ),
    ("-k in the baseline only", lambda: only(run(GOOD), range(7)), lambda: run(GOOD), R, {}, OK),
    ("-k in the baseline only, the rest regressed", lambda: only(run(GOOD), range(7)), lambda: run(ZERO), R, {}, REG),
    ("-k other halves", lambda: only(run(GOOD), range(7)), lambda: only(run(GOOD), range(7, N)), R, BOTH, BROKEN),
    ("-k the same half in both", lambda: only(run(GOOD), range(7)), lambda: only(run(GOOD), range(7)), R, {}, OK),
    ("-k one case in both", lambda: only(run(GOOD), range(1)), lambda: only(run(ZERO), range(1)), R, {}, UNCHECKED),
    (
        "-k 3 models, B's cases skipped in the new run",
        lambda: models(*ABC),
        lambda: of_model(models(*ABC), "B", lambda d: only(d, range(3))),
        R,
        {},
        BROKEN,
    ),
]

# -- a case errored in one run only -----------------------------------------------------------------------------------
ROWS += [
    (
        "baseline errored in 5 cases, new answered",
        lambda: degraded(errored(run(GOOD), range(5))),
        lambda: run(GOOD),
        R,
        {},
        BROKEN,
    ),
    (
        "baseline errored in 5 cases, new answered, allowed",
        lambda: degraded(errored(run(GOOD), range(5))),
        lambda: run(GOOD),
        R,
        ERR,
        OK,
    ),
    (
        "baseline errored in 5 cases, new answered them at 0, allowed",
        lambda: degraded(errored(run(GOOD), range(5))),
        lambda: scored(run(GOOD), 0.0, range(5)),
        R,
        ERR,
        OK,
    ),
    ("baseline errored everywhere", lambda: degraded(errored(run(GOOD), range(N))), lambda: run(GOOD), R, BOTH, BROKEN),
    ("new errored in 5 cases", lambda: run(GOOD), lambda: degraded(errored(run(GOOD), range(5))), R, {}, BROKEN),
    ("new errored in 8 cases, allowed", lambda: run(GOOD), lambda: degraded(errored(run(GOOD), range(8))), R, ERR, REG),
    (
        "errored in different cases of each run, allowed",
        lambda: degraded(errored(run(GOOD), range(4))),
        lambda: degraded(errored(run(GOOD), range(10, N))),
        R,
        ERR,
        OK,
    ),
]

# -- judge and keyword grading ----------------------------------------------------------------------------------------
ROWS += [
    (
        "judge-asserted baseline, keyword new run",
        lambda: judged(run(GOOD)),
        lambda: scorer(run(GOOD), 2),
        R,
        {},
        BROKEN,
    ),
    (
        "keyword baseline, judge-asserted new run",
        lambda: scorer(run(GOOD), 2),
        lambda: judged(run(GOOD)),
        R,
        {},
        BROKEN,
    ),
    ("judge-asserted both, same judge", lambda: judged(run(GOOD)), lambda: judged(run(GOOD)), R, {}, OK),
    ("judge-asserted both, same judge, regressed", lambda: judged(run(GOOD)), lambda: judged(run(ZERO)), R, {}, REG),
    (
        "judge-asserted both, other judges",
        lambda: judged(run(GOOD)),
        lambda: judged(run(GOOD), "gpt-judge"),
        R,
        {},
        BROKEN,
    ),
    (
        "judge-scored baseline, keyword new run",
        lambda: each(run(GOOD), scorer={"name": "judge", "version": 1}),
        lambda: scorer(run(GOOD), 2),
        R,
        {},
        BROKEN,
    ),
    (
        "judge-asserted baseline, keyword new run, allowed",
        lambda: judged(run(GOOD)),
        lambda: scorer(run(ZERO), 2),
        R,
        BOTH,
        BROKEN,
    ),
]

# -- scorer versions mixed inside one run (resumed) -------------------------------------------------------------------
ROWS += [
    (
        "baseline resumed: half its cases v1",
        lambda: scorer_of(scorer_of(run(GOOD), 2), 1, range(7)),
        lambda: scorer_of(run(GOOD), 2),
        R,
        {},
        BROKEN,
    ),
    (
        "new run resumed: half its cases v1",
        lambda: scorer_of(run(GOOD), 2),
        lambda: scorer_of(scorer_of(run(GOOD), 2), 1, range(7)),
        R,
        {},
        BROKEN,
    ),
    (
        "baseline resumed inside cases: later samples v1",
        lambda: scorer_of(scorer_of(repeated(run(GOOD), 3), 2), 1, None, 1),
        lambda: scorer_of(repeated(run(GOOD), 3), 2),
        R,
        {},
        BROKEN,
    ),
    (
        "baseline resumed inside cases: later samples v1, they scored 0",
        lambda: scorer_of(scorer_of(sample_scores(run(GOOD), 3, 0.0), 2), 1, None, 1),
        lambda: scorer_of(repeated(run(GOOD), 3), 2),
        R,
        {},
        BROKEN,
    ),
    (
        "new run resumed inside cases: later samples v1",
        lambda: scorer_of(repeated(run(GOOD), 3), 2),
        lambda: scorer_of(scorer_of(repeated(run(GOOD), 3), 2), 1, None, 1),
        R,
        {},
        BROKEN,
    ),
    (
        "new run resumed inside cases: later samples v1, scoring 0",
        lambda: scorer_of(repeated(run(GOOD), 3), 2),
        lambda: scorer_of(scorer_of(sample_scores(run(GOOD), 3, 0.0), 2), 1, None, 1),
        R,
        {},
        BROKEN,
    ),
    (
        "new run resumed inside cases, allowed",
        lambda: scorer_of(repeated(run(GOOD), 3), 2),
        lambda: scorer_of(scorer_of(repeated(run(GOOD), 3), 2), 1, None, 1),
        R,
        BOTH,
        BROKEN,
    ),
    (
        "both resumed alike",
        lambda: scorer_of(scorer_of(repeated(run(GOOD), 3), 2), 1, None, 1),
        lambda: scorer_of(scorer_of(repeated(run(GOOD), 3), 2), 1, None, 1),
        R,
        {},
        OK,
    ),
    (
        "both resumed, the other way round",
        lambda: scorer_of(scorer_of(repeated(run(GOOD), 3), 2), 1, None, 1),
        lambda: scorer_of(scorer_of(repeated(run(GOOD), 3), 1), 2, None, 1),
        R,
        {},
        BROKEN,
    ),
    (
        "both graded by v2 throughout",
        lambda: scorer_of(repeated(run(GOOD), 3), 2),
        lambda: scorer_of(repeated(run(GOOD), 3), 2),
        R,
        {},
        OK,
    ),
]

# -- speed at another load or on other hardware -----------------------------------------------------------------------
ROWS += [
    (
        "concurrency 1 vs 4, slower",
        lambda: run(GOOD),
        lambda: slower(at_load(run(GOOD), 4)),
        "e2e_p50:20%",
        {},
        UNCHECKED,
    ),
    (
        "concurrency 4 vs 4, slower",
        lambda: at_load(run(GOOD), 4),
        lambda: slower(at_load(run(GOOD), 4)),
        "e2e_p50:20%",
        {},
        REG,
    ),
    ("concurrency 4 vs 4, same", lambda: at_load(run(GOOD), 4), lambda: at_load(run(GOOD), 4), "e2e_p50:20%", {}, OK),
    (
        "H100 vs A100, slower",
        lambda: launched(run(GOOD), H100),
        lambda: slower(launched(run(GOOD), A100)),
        "e2e_p50:20%",
        {},
        UNCHECKED,
    ),
    (
        "H100 vs A100, same speed",
        lambda: launched(run(GOOD), H100),
        lambda: launched(run(GOOD), A100),
        "ttft_p50:20%",
        {},
        UNCHECKED,
    ),
    (
        "H100 vs H100 NVL, slower",
        lambda: launched(run(GOOD), H100),
        lambda: slower(launched(run(GOOD), H100_NVL)),
        "decode_tok_s:10%",
        {},
        UNCHECKED,
    ),
    (
        "H100 vs H100, slower",
        lambda: launched(run(GOOD), H100),
        lambda: slower(launched(run(GOOD), H100)),
        "e2e_p50:20%",
        {},
        REG,
    ),
    (
        "H100 vs A100, quality fine, score rule only",
        lambda: launched(run(GOOD), H100),
        lambda: launched(run(GOOD), A100),
        R,
        {},
        OK,
    ),
    (
        "H100 vs A100, quality rule and speed rule",
        lambda: launched(run(GOOD), H100),
        lambda: launched(run(GOOD), A100),
        "score:5,e2e_p50:20%",
        {},
        UNCHECKED,
    ),
    (
        "H100 vs A100, quality regressed and speed rule",
        lambda: launched(run(GOOD), H100),
        lambda: launched(run(ZERO), A100),
        "score:5,e2e_p50:20%",
        {},
        REG,
    ),
    (
        "3 models, B at another load, slower",
        lambda: models(*ABC),
        lambda: of_model(models(*ABC), "B", lambda d: slower(each(d, in_flight=4))),
        "e2e_p50:20%",
        {},
        UNCHECKED,
    ),
    (
        "3 models, C slower at the same load",
        lambda: models(*ABC),
        lambda: of_model(models(*ABC), "C", slower),
        "e2e_p50:20%",
        {},
        REG,
    ),
    ("cached answers, no timing", lambda: run(GOOD), lambda: cached(run(GOOD)), "ttft_p50:20%", {}, UNCHECKED),
]


def setting_of(doc: Doc, **values: Any) -> Doc:
    doc["run"]["settings"].update(values)
    return doc


def setting_speed(doc: Doc, workers: int) -> Doc:
    """Run under pytest-xdist with `workers` workers (settings.speed.xdist_workers)."""
    return setting_of(doc, speed={"xdist_workers": workers})


# -- more of each class -----------------------------------------------------------------------------------------------
ROWS += [
    ("repeat 1 vs 3, score rule only, same", lambda: run(GRADED), lambda: repeated(run(GRADED), 3), "score:5", {}, OK),
    (
        "repeat 1 vs 3, pass rule only, collapsed",
        lambda: run(GOOD),
        lambda: repeated(run(ZERO), 3),
        "pass_rate:10",
        {},
        REG,
    ),
    ("repeat 3 vs 5, graded, same", lambda: repeated(run(GRADED), 3), lambda: repeated(run(GRADED), 5), R, {}, OK),
    ("repeat 5 vs 3, collapsed", lambda: repeated(run(GOOD), 5), lambda: repeated(run(ZERO), 3), R, {}, REG),
    (
        "repeat 2 vs 3, a new case lost its last sample",
        lambda: repeated(run(GOOD), 2),
        lambda: drop_sample(repeated(run(GOOD), 3), 2, range(1)),
        R,
        {},
        OK,
    ),
    (
        "repeat 2 vs 3, a new case lost two samples",
        lambda: repeated(run(GOOD), 2),
        lambda: drop_sample(drop_sample(repeated(run(GOOD), 3), 2, range(1)), 1, range(1)),
        R,
        {},
        BROKEN,
    ),
    (
        "repeat 3 vs 1, baseline's first sample answered 0, later ones 100",
        lambda: sample_scores(run(ZERO), 3, 100.0),
        lambda: run(GOOD),
        R,
        {},
        OK,
    ),
    ("repeat 1 vs 3, no rule, collapsed", lambda: run(GOOD), lambda: repeated(run(ZERO), 3), "", {}, OK),
    (
        "re-score of 3 models, one graded otherwise",
        lambda: ided(answered(models(*ABC)), "b1"),
        lambda: of_model(
            rescored_as(ided(answered(models(*ABC)), "b1"), GOOD), "B", lambda d: scored(d, 0.0, range(N))
        ),
        R,
        {},
        BROKEN,
    ),
    (
        "re-score of 3 models, same grades",
        lambda: ided(answered(models(*ABC)), "b1"),
        lambda: rescored_as(ided(answered(models(*ABC)), "b1"), GOOD),
        R,
        {},
        OK,
    ),
    (
        "re-score by a judge, the baseline keyword-graded",
        lambda: base_answered(),
        lambda: judged(rescored_as(base_answered(), ZERO)),
        R,
        {},
        BROKEN,
    ),
    (
        "cached answers, the judge's verdict flipped",
        lambda: judged(base_answered()),
        lambda: each(cached(judged(ided(base_answered(), "n1"))), passed=False),
        R,
        {},
        BROKEN,
    ),
    (
        "3 models, A renamed, C regressed",
        lambda: models(*ABC),
        lambda: relabel(models(("A", GOOD), ("B", GOOD), ("C", ZERO)), "A", "A2"),
        R,
        MISS,
        REG,
    ),
    (
        "3 models, B renamed and paired, B regressed",
        lambda: models(*ABC),
        lambda: relabel(models(("A", GOOD), ("B", ZERO), ("C", GOOD)), "B", "B2"),
        R,
        {"pairs": {"B": "B2"}},
        REG,
    ),
    (
        "3 models, two relabelled onto one",
        lambda: models(*ABC),
        lambda: relabel(models(("A", GOOD), ("C", GOOD)), "C", "X"),
        R,
        {"pairs": {"B": "X", "C": "X"}},
        BROKEN,
    ),
    (
        "4 models, all errored but A",
        lambda: models(*ABCD),
        lambda: degraded(
            of_model(
                of_model(
                    of_model(models(*ABCD), "B", lambda d: errored(d, range(N))), "C", lambda d: errored(d, range(N))
                ),
                "D",
                lambda d: errored(d, range(N)),
            )
        ),
        R,
        BOTH,
        BROKEN,
    ),
    (
        "4 models, B half errored, allowed",
        lambda: models(*ABCD),
        lambda: degraded(of_model(models(*ABCD), "B", lambda d: errored(d, range(7)))),
        R,
        ERR,
        REG,  # G12: half or more errored under --allow-errors fails the gate whatever the p (was OK)
    ),
    ("-k 3 models, the baseline skipped C", lambda: models(("A", GOOD), ("B", GOOD)), lambda: models(*ABC), R, {}, OK),
    (
        "-k 3 models, the new run skipped C, allowed",
        lambda: models(*ABC),
        lambda: models(("A", GOOD), ("B", GOOD)),
        R,
        MISS,
        OK,
    ),
    (
        "xdist workers 0 vs 4, slower",
        lambda: run(GOOD),
        lambda: slower(each(setting_speed(run(GOOD), 4), in_flight=1)),
        "e2e_p50:20%",
        {},
        UNCHECKED,
    ),
    (
        "temperature 0 vs 0.7, slower",
        lambda: run(GOOD),
        lambda: slower(setting_of(run(GOOD), temperature=0.7)),
        "e2e_p50:20%",
        {},
        UNCHECKED,
    ),
    (
        "H100 vs A100, attached server, slower",
        lambda: run(GOOD, hardware={"cpu": "x", "cpu_count": 2, "gpus": H100}),
        lambda: slower(run(GOOD, hardware={"cpu": "x", "cpu_count": 2, "gpus": A100})),
        "e2e_p50:20%",
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
    assert len(ROWS) >= 120


def test_a_rescore_graded_otherwise_says_the_difference_is_the_scoring_not_the_model():
    """A re-score of the baseline by an edited scorer (same version, same case hash) read "2 regression(s) past the
    gate" of a model whose every answer was the baseline's own."""
    cmp = gate(base_answered(), rescored_as(base_answered(), [100.0, 0.0]), R)
    assert cmp["exit_code"] == BROKEN and not cmp["regressions"]
    (problem,) = [p for p in cmp["problems"] if p["kind"] == "scorer"]
    assert not problem["allowed"]
    assert "7 of 14 case(s) got another grade for the same answer" in problem["text"]
    assert "The difference is the scoring, not the model: the new run is a re-score of base.json" in problem["text"]
    assert "m1/norag/c01 (sample 0: 100 pass -> 0 fail)" in problem["text"]
    assert "rescore BASELINE" in problem["text"]
    assert "cases whose same answer the two runs graded otherwise: the scoring (not compared): m1/norag/c01" in (
        render_comparison_text(cmp)
    )


def test_a_resumed_run_with_samples_graded_by_two_scorer_versions_names_both_and_the_fix():
    cmp = gate(scorer_of(repeated(run(GOOD), 3), 2), scorer_of(scorer_of(repeated(run(GOOD), 3), 2), 1, None, 1), R)
    (problem,) = [p for p in cmp["problems"] if p["kind"] == "scorer"]
    assert (
        "new run mixed within the case: samples 0, 2 keyword_coverage v2; sample 1 keyword_coverage v1)"
        in (problem["text"])
    )
    assert "rescore NEW" in problem["text"]


def test_a_baseline_that_does_not_record_its_repeat_is_read_from_its_records():
    """Read as --llm-repeat 1, a baseline of 3 samples per case was said to have asked each case once."""
    cmp = gate(no_repeat_setting(repeated(run(GOOD), 3)), repeated(run(GOOD), 3), R)
    assert "--llm-repeat" not in cmp["summary"] and cmp["groups"][0]["samples_base"] == 3 * N
    single = gate(no_repeat_setting(repeated(run(GOOD), 3)), run(GOOD), R)
    assert "the baseline asked each case 3 time(s), the new run 1" in single["summary"]
    assert single["groups"][0]["samples_base"] == N


def test_a_baseline_whose_first_sample_errored_is_compared_on_a_sample_that_answered():
    base = degraded(sample_errored(repeated(run(GOOD), 3), 0, range(4)))
    cmp = gate(base, run(GOOD), R)
    assert cmp["exit_code"] == OK and cmp["groups"][0]["n"] == N and cmp["groups"][0]["samples_base"] == N
    assert "(of the baseline's, the first 1 that answered)" in cmp["summary"]


def test_which_of_four_models_failed_is_named_and_no_other():
    new = models(("A", GOOD), ("B", GOOD), ("C", ZERO), ("D", GOOD))
    cmp = gate(models(*ABCD), new, R)
    assert cmp["exit_code"] == REG
    assert {(r["model"], r["metric"]) for r in cmp["regressions"]} == {("C", "score"), ("C", "pass_rate")}
    assert cmp["summary"].startswith("2 regression(s) past the gate: C norag score worse by 100.00")
    errored_d = degraded(of_model(copy.deepcopy(new), "D", lambda d: errored(d, range(N))))
    broken = gate(models(*ABCD), errored_d, R, allow_errors=True)
    assert broken["exit_code"] == BROKEN
    assert "no measurement of D/norag in the new run: every one of its 14 sample(s) errored" in broken["summary"]
    assert "C norag score worse by 100.00" in broken["summary"]  # the regression is still named beside it


def test_a_renamed_model_of_three_is_named_with_the_pair_that_fixes_it():
    cmp = gate(models(*ABC), relabel(models(*ABC), "C", "C2"), R)
    assert cmp["exit_code"] == BROKEN
    assert "model(s) of the baseline missing from the new run: C (the new run has C2" in cmp["summary"]
    assert "--pair C=C2" in cmp["summary"]


def test_every_better_or_worse_row_carries_n_interval_p_and_a_reason():
    base = models(("A", GRADED), ("B", [v - 20 if v >= 20 else v for v in GRADED]), ("C", GRADED))
    new = models(("A", [max(0.0, v - 40) for v in GRADED]), ("B", GRADED), ("C", GRADED))
    cmp = gate(base, new, R)
    rows = [
        [c.strip() for c in line.strip("|").split("|")]
        for line in render_comparison_markdown(cmp).splitlines()
        if line.startswith(("| A |", "| B |", "| C |")) and ("| score |" in line or "| pass_rate |" in line)
    ]
    judged_rows = [r for r in rows if r[-1].startswith(("worse", "better"))]
    assert {r[0] for r in judged_rows} >= {"A", "B"}
    for cells in judged_rows:
        assert cells[3].isdigit() and "[" in cells[6] and cells[8] != "-", cells
    assert "n=14" in cmp["summary"] and "95% CI" in cmp["summary"] or cmp["regressions"]
    for r in cmp["regressions"]:
        assert f"n={r['n']}" in r["status"] and "p=" in r["status"]


# -- the command line, on files written by the library's own writer ------------------------------------------------

CLI = [
    ("re-score graded otherwise", base_answered, lambda: rescored_as(base_answered(), ZERO), R, [], 7),
    (
        "3 models, B every case errored",
        lambda: models(*ABC),
        lambda: degraded(of_model(models(*ABC), "B", lambda d: errored(d, range(N)))),
        R,
        ["--allow-errors"],
        7,
    ),
    (
        "repeat 3 vs 1, baseline's first sample errored",
        lambda: degraded(sample_errored(repeated(run(GOOD), 3), 0, range(4))),
        lambda: run(GOOD),
        R,
        [],
        0,
    ),
    (
        "H100 vs A100, slower",
        lambda: launched(run(GOOD), H100),
        lambda: slower(launched(run(GOOD), A100)),
        "e2e_p50:20%",
        [],
        8,
    ),
]


@pytest.mark.parametrize(("base", "new", "rules", "args", "expected"), [c[1:] for c in CLI], ids=[c[0] for c in CLI])
def test_the_command_exits_with_the_gates_code_on_written_runs(tmp_path: Path, base, new, rules, args, expected):
    import subprocess
    import sys

    from pytest_llmeval.results.recorder import to_json

    for name, doc in (("base.json", base()), ("new.json", new())):
        (tmp_path / name).write_text(to_json(doc), encoding="utf-8")
    command = [sys.executable, "-m", "pytest_llmeval", "compare", "base.json", "new.json", "--fail", rules, *args]
    done = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, check=False)
    assert done.returncode == expected, (done.stdout[-2000:], done.stderr[-2000:])
    assert "Traceback" not in done.stderr


def test_the_samples_another_repeat_leaves_out_are_said_with_their_mean_score():
    """1 against 3 compares the new run's first sample (like for like); its later samples collapsing to 0 read "no
    significant change" with nothing said of them. Their mean is said - and since round 13 they are checked block
    by block (compare/repeats.py): collapsed, they are NOT CHECKED (exit 8; was exit 0 "not tested")."""
    cmp = gate(run(GOOD), sample_scores(run(GOOD), 3, 0.0), R)
    assert cmp["exit_code"] == EXIT_UNCHECKED
    assert (
        "the new run's other samples are not in that verdict (they score 0.0 on average, the compared ones 100.0)"
        in (cmp["summary"])
    )
    assert "on average" not in gate(run(GOOD), repeated(run(GOOD), 3), R)["summary"]
