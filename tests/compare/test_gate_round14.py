"""Round 14 of the regression gate: a baseline given as a folder of runs, a run name with a typo, and a red-team pass
on the gate's verdicts.

Wrong before round 14: a folder holding saved runs or report dirs (`--llm-compare .llmeval/runs`, `compare reports/`)
was refused with "a folder without a results.json", naming no run in it; `--llm-compare nightyl` listed the saved runs
but not the one meant. `compare/folder.py` now reads a folder that holds exactly one finished, readable run as that
run, and refuses any other with the newest runs in it (readable or not, with their case count and status) and the ways
to pick one; a name that matches no run gets the nearest saved run's name.
"""

from __future__ import annotations

import copy
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from run_builders import (
    ANSWERS,
    BROKEN,
    EMPTY,
    ERR,
    OK,
    REG,
    UNCHECKED,
    Doc,
    R,
    cached,
    errored,
    gate,
    models,
    repeated,
    run,
    scorer,
    slower,
    untimed,
    with_rag,
)

from pytest_llmeval.compare import GateError, parse_fail_expressions, parse_pairs, render_comparison_text
from pytest_llmeval.compare.folder import SHOWN, folder_run, nearest_run_name, runs_in_folder
from pytest_llmeval.results.runs import RunNotFound, list_runs, save_run

NAMES = ["nightly", "夜间回归", "fp8-qwen3", "rag_ab.v2", "Baseline-2026"]


def finished(n: int = 6, status: str = "complete", model: str = "m1") -> Doc:
    doc = run([100.0] * n, model=model)
    doc["run"]["status"] = status
    return doc


def report_dir(folder: Path, name: str, doc: Doc) -> Path:
    (folder / name).mkdir(parents=True)
    path = folder / name / "results.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def refusal(folder: Path, runs_dir: Path, ref: str | None = None, with_cases: bool = True) -> str:
    with pytest.raises(RunNotFound) as caught:
        folder_run(folder, ref or str(folder), runs_dir, with_cases)
    return str(caught.value)


# -- a folder that holds one run is that run ------------------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_a_folder_of_one_saved_run_is_that_run_and_says_so(tmp_path: Path, name: str):
    folder = tmp_path / "kept"
    path = save_run(finished(), folder, name)
    found, note = folder_run(folder, "kept", tmp_path / ".llmeval" / "runs")
    assert found.path == path and found.saved is not None and found.saved.number == 1
    assert "'kept' is a folder that holds one run" in note and name in note and str(path) in note


@pytest.mark.parametrize("name", ["nightly-0412", "报告", "run 7"])
def test_a_folder_of_one_report_dir_is_that_run(tmp_path: Path, name: str):
    path = report_dir(tmp_path / "reports", name, finished())
    found, note = folder_run(tmp_path / "reports", "reports", tmp_path / "runs")
    assert found.path == path and found.saved is None and f"{name}/" in note


@pytest.mark.parametrize(
    ("doc", "why"),
    [
        (finished(status="interrupted"), "did not finish (status 'interrupted')"),
        (finished(status="running"), "did not finish (status 'running')"),
        (finished(n=0), "holds no case"),
    ],
)
def test_the_one_run_of_a_folder_is_not_taken_unnamed_when_it_did_not_finish_or_holds_no_case(
    tmp_path: Path, doc: Doc, why: str
):
    save_run(doc, tmp_path / "kept", "nightly")
    text = refusal(tmp_path / "kept", tmp_path / "runs")
    assert "its one run is not taken without being named" in text and why in text
    assert "0001 (nightly" in text and "Fix: pass one run by its path" in text


def test_a_folder_of_one_run_without_a_case_is_that_run_where_no_case_is_needed(tmp_path: Path):
    path = save_run(finished(n=0), tmp_path / "kept", "bench")
    found, _ = folder_run(tmp_path / "kept", "kept", tmp_path / "runs", with_cases=False)
    assert found.path == path


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("{cut", "not valid JSON"),
        ("", "is empty"),
        ('{"schema_version": 2}', "no 'run'"),
        ('{"schema_version": 99, "run": {}, "cases": []}', "schema_version 99"),
        ("[1, 2]", "no schema_version"),
    ],
)
def test_a_folder_whose_one_run_is_damaged_is_refused_with_why(tmp_path: Path, text: str, reason: str):
    folder = tmp_path / "kept"
    folder.mkdir()
    (folder / "0001_nightly_20261201-020000.json").write_text(text, encoding="utf-8")
    message = refusal(folder, tmp_path / "runs")
    assert "0001 (nightly, 20261201-020000): UNREADABLE" in message and reason in message
    assert "Traceback" not in message


# -- a folder of several runs lists them and says how to choose ----------------------------------------------------


def test_the_saved_runs_folder_lists_the_newest_runs_and_the_ways_to_name_one(tmp_path: Path):
    runs_dir = tmp_path / ".llmeval" / "runs"
    for index in range(8):
        save_run(finished(n=index + 1), runs_dir, NAMES[index % len(NAMES)])
    text = refusal(runs_dir, runs_dir, ".llmeval/runs")
    assert text.startswith(".llmeval/runs is the saved-runs folder, not one run: it holds 8 runs")
    assert f"and {8 - SHOWN} older" in text
    listed = [f"{number:04d} (" for number in range(8, 0, -1)]
    positions = [text.find(mark) for mark in listed[:SHOWN]]
    assert -1 not in positions and positions == sorted(positions), "newest first"
    assert all(mark not in text for mark in listed[SHOWN:]), "only the newest few"
    assert "8 case record(s), m1, status 'complete'" in text
    assert "its number (e.g. 8)" in text and "last (the newest run with a case)" in text
    assert f"its name (e.g. {NAMES[7 % len(NAMES)]})" in text


def test_another_folder_of_saved_runs_says_to_pass_a_path_or_set_the_runs_folder(tmp_path: Path):
    folder = tmp_path / "old-runs"
    for name in NAMES[:3]:
        save_run(finished(), folder, name)
    text = refusal(folder, tmp_path / ".llmeval" / "runs", "old-runs")
    assert text.startswith("old-runs is a folder without a results.json, not one run: it holds 3 runs")
    assert "0003 (" in text and "0001 (" in text
    assert f"set the saved-runs folder to {folder}" in text and "--llm-runs-dir" in text and "--runs-dir" in text


def test_a_folder_of_report_dirs_lists_each_by_its_folder_newest_written_first(tmp_path: Path):
    reports = tmp_path / "reports"
    written = {"nightly": 3, "pr-123": 1, "夜间": 2}  # the order each was written in, not the names' order
    for name, status in (("nightly", "complete"), ("pr-123", "interrupted"), ("夜间", "degraded")):
        path = report_dir(reports, name, finished(status=status))
        os.utime(path, (1_700_000_000 + written[name], 1_700_000_000 + written[name]))
    text = refusal(reports, tmp_path / "runs")
    assert text.startswith(f"{reports} is a folder without a results.json, not one run: it holds 3 runs")
    for name, status in (("nightly", "complete"), ("pr-123", "interrupted"), ("夜间", "degraded")):
        assert f"{name}/: 6 case record(s), m1, status '{status}'" in text
    assert text.index("nightly/") < text.index("夜间/") < text.index("pr-123/")
    assert f"Fix: pass one run by its path (e.g. {reports / 'nightly' / 'results.json'})" in text


def test_the_example_of_what_to_pass_is_a_run_that_finished(tmp_path: Path):
    reports = tmp_path / "reports"
    for age, (name, status) in enumerate((("old", "complete"), ("killed", "running"), ("stopped", "interrupted"))):
        path = report_dir(reports, name, finished(status=status))
        os.utime(path, (1_700_000_000 + age, 1_700_000_000 + age))
    text = refusal(reports, tmp_path / "runs")
    assert f"(e.g. {reports / 'old' / 'results.json'})" in text


def test_damaged_runs_beside_good_ones_are_listed_as_such_and_never_the_example(tmp_path: Path):
    runs_dir = tmp_path / "runs"
    save_run(finished(), runs_dir, "good")
    (runs_dir / "0002_cut_20261202-020000.json").write_text('{"schema_version": 2, "run": {', encoding="utf-8")
    (runs_dir / "0003_binary_20261203-020000.json").write_bytes(b"\xff\xfe\x00garbage")
    text = refusal(runs_dir, runs_dir)
    assert "0003 (binary, 20261203-020000): UNREADABLE - not UTF-8 text" in text
    assert "0002 (cut, 20261202-020000): UNREADABLE - not valid JSON" in text
    assert "its number (e.g. 1)" in text and "its name (e.g. good)" in text


@pytest.mark.parametrize("other", ["notes.txt", "results.json.bak", "summary.json", "0001_x.json", ".0002.claim"])
def test_files_that_are_not_runs_are_not_counted_as_runs(tmp_path: Path, other: str):
    folder = tmp_path / "kept"
    path = save_run(finished(), folder, "nightly")
    (folder / other).write_text('{"not": "a run"}', encoding="utf-8")
    found, _ = folder_run(folder, "kept", tmp_path / "runs")
    assert found.path == path
    assert [r.path for r in runs_in_folder(folder)] == [path]


# -- a folder with no run ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("inside", [[], ["notes.txt"], ["empty-sub/"], ["report.md", "report.html"]])
def test_a_folder_with_no_run_says_so_and_what_to_pass(tmp_path: Path, inside: list[str]):
    folder = tmp_path / "somewhere"
    folder.mkdir()
    for name in inside:
        (folder / name).mkdir() if name.endswith("/") else (folder / name).write_text("x", encoding="utf-8")
    text = refusal(folder, tmp_path / "runs", "somewhere")
    assert text.startswith("somewhere is a folder without a results.json, and no run in it") and "Fix:" in text
    assert "--llm-resume" not in text


def test_a_folder_of_a_run_that_stopped_before_its_results_says_to_resume(tmp_path: Path):
    folder = tmp_path / "llmeval-report"
    folder.mkdir()
    (folder / "cases.jsonl").write_text("{}\n", encoding="utf-8")
    assert "--llm-resume" in refusal(folder, tmp_path / "runs")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs file permissions that root ignores")
def test_a_report_dir_whose_results_cannot_be_read_is_listed_as_unreadable(tmp_path: Path):
    reports = tmp_path / "reports"
    report_dir(reports, "good", finished())
    locked = report_dir(reports, "locked", finished())
    locked.chmod(0)
    try:
        text = refusal(reports, tmp_path / "runs")
    finally:
        locked.chmod(0o644)
    assert "locked/: UNREADABLE - cannot read" in text and "good/: 6 case record(s)" in text


# -- a name that matches no saved run ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("nightyl", "nightly"),
        ("Nightly", "nightly"),
        ("nigthly", "nightly"),
        ("fp8-qwen", "fp8-qwen3"),
        ("fp8_qwen3", "fp8-qwen3"),
        ("夜间回", "夜间回归"),
        ("rag-ab.v2", "rag_ab.v2"),
        ("baseline-2025", "Baseline-2026"),
    ],
)
def test_a_run_name_with_a_typo_gets_the_nearest_saved_name(tmp_path: Path, typed: str, meant: str):
    runs_dir = tmp_path / "runs"
    for name in NAMES:
        save_run(finished(), runs_dir, name)
    number = NAMES.index(meant) + 1
    assert nearest_run_name(typed, list_runs(runs_dir)) == f" Did you mean {meant} (run {number:04d})?"


@pytest.mark.parametrize("typed", ["zzz", "7", "last", "latest", "production-weekly-large"])
def test_no_name_is_suggested_where_none_is_near_or_the_reference_is_no_name(tmp_path: Path, typed: str):
    runs_dir = tmp_path / "runs"
    for name in NAMES:
        save_run(finished(), runs_dir, name)
    assert nearest_run_name(typed, list_runs(runs_dir)) == ""


def test_the_nearest_name_is_the_newest_run_by_it(tmp_path: Path):
    runs_dir = tmp_path / "runs"
    for name in ("nightly", "other", "nightly"):
        save_run(finished(), runs_dir, name)
    assert nearest_run_name("nighty", list_runs(runs_dir)) == " Did you mean nightly (run 0003)?"


def test_no_saved_runs_no_suggestion(tmp_path: Path):
    assert nearest_run_name("nightly", list_runs(tmp_path / "missing")) == ""


# -- red team: answers that measure nothing -------------------------------------------------------------------------

# what a broken server or chat template sends back: nothing, whitespace, a line break; and what a model answers


def answering(values: list[float], empty: int, model: str = "m1", mode: str = "norag") -> Doc:
    """A run whose first `empty` cases came back empty (score 0, not an error record), the others answered."""
    doc = run(values, model=model, mode=mode)
    for index, case in enumerate(doc["cases"]):
        if index < empty:
            case.update(answer=EMPTY[index % len(EMPTY)], score=0.0, passed=False)
        else:
            case["answer"] = ANSWERS[index % len(ANSWERS)]
    return doc


def stopped(doc: Doc, which: range) -> Doc:
    """Answers the server stopped (finish_reason abort): text, but no usable answer."""
    for index in which:
        doc["cases"][index].update(finish_reason="abort", score=0.0, passed=False)
    return doc


Row = tuple[str, Callable[[], Doc], Callable[[], Doc], str, dict[str, bool], int]


def empty_rows() -> list[Row]:
    out: list[Row] = []
    for n in (6, 8, 10, 12, 14):
        half = (n + 1) // 2
        before = " (wrong before: exit 0)" if n <= 10 else ""  # at 12 and 14 the zeros alone were significant
        for options in ({}, ERR):
            out += [
                (
                    f"n={n}: {half} of {n} answers empty{before}",
                    lambda n=n: answering([100.0] * n, 0),
                    lambda n=n, k=half: answering([100.0] * n, k),
                    R,
                    options,
                    REG,
                ),
                (
                    f"n={n}: all but one empty",
                    lambda n=n: answering([100.0] * n, 0),
                    lambda n=n: answering([100.0] * n, n - 1),
                    R,
                    options,
                    REG,
                ),
                (
                    f"n={n}: half empty against a baseline at 0 (wrong before: exit 0)",
                    lambda n=n: answering([0.0] * n, 0),
                    lambda n=n, k=half: answering([0.0] * n, k),
                    R,
                    options,
                    REG,
                ),
                (
                    f"n={n}: half empty, no rule (wrong before: exit 0)",
                    lambda n=n: answering([100.0] * n, 0),
                    lambda n=n, k=half: answering([100.0] * n, k),
                    "",
                    options,
                    REG,
                ),
                (
                    f"n={n}: one answer empty is a failure, not a broken run",
                    lambda n=n: answering([100.0] * n, 0),
                    lambda n=n: answering([100.0] * n, 1),
                    R,
                    options,
                    OK,
                ),
                (
                    f"n={n}: every answer empty is broken",
                    lambda n=n: answering([100.0] * n, 0),
                    lambda n=n: answering([100.0] * n, n),
                    R,
                    options,
                    BROKEN,
                ),
            ]
        out.append(
            (
                f"n={n}: half stopped by the server (abort){before}",
                lambda n=n: answering([100.0] * n, 0),
                lambda n=n, k=half: stopped(answering([100.0] * n, 0), range(k)),
                R,
                {},
                REG,
            )
        )
        out.append(
            (
                f"n={n}: errors and empty answers together half, errors allowed{before}",
                lambda n=n: answering([100.0] * n, 0),
                lambda n=n, k=half: errored(answering([100.0] * n, k // 2), range(k // 2, k)),
                R,
                ERR,
                REG,
            )
        )
    out += [
        (
            "two models, one of them mostly empty (wrong before: exit 0)",
            lambda: _two(answering([100.0] * 8, 0), answering([100.0] * 8, 0, model="m2")),
            lambda: _two(answering([100.0] * 8, 0), answering([100.0] * 8, 5, model="m2")),
            R,
            {},
            REG,
        ),
        (
            "the RAG mode mostly empty, the other fine (wrong before: exit 0)",
            lambda: _two(answering([100.0] * 8, 0), answering([100.0] * 8, 0, mode="rag")),
            lambda: _two(answering([100.0] * 8, 0), answering([100.0] * 8, 6, mode="rag")),
            R,
            {},
            REG,
        ),
    ]
    return out


def _two(first: Doc, second: Doc) -> Doc:
    first["cases"] += second["cases"]
    first["run"]["models"] = list(dict.fromkeys([*first["run"]["models"], *second["run"]["models"]]))
    return first


# -- red team: rules no outcome can fail, and each metric in both forms ----------------------------------------------


def rule_rows() -> list[Row]:
    out: list[Row] = []
    for n in (4, 6, 8, 14):
        for rule in ("score:100", "pass_rate:100", "score:100,pass_rate:100"):
            out += [
                (
                    f"n={n} {rule}: every case 100 -> 0 (wrong before: exit 0)",
                    lambda n=n: run([100.0] * n),
                    lambda n=n: run([0.0] * n),
                    rule,
                    {},
                    UNCHECKED,
                ),
                (f"n={n} {rule}: unchanged", lambda n=n: run([100.0] * n), lambda n=n: run([100.0] * n), rule, {}, OK),
            ]
        out.append(
            (
                f"n={n} score:100: 60 -> 0 is less than the threshold",
                lambda n=n: run([60.0] * n),
                lambda n=n: run([0.0] * n),
                "score:100",
                {},
                OK,
            )
        )
    worse_forms = {
        "score": ("score:5", "score:5%"),
        "pass_rate": ("pass_rate:10", "pass_rate:10%"),
        "ttft_p50": ("ttft_p50:0.05", "ttft_p50:20%"),
        "ttft_p95": ("ttft_p95:0.05", "ttft_p95:20%"),
        "e2e_p50": ("e2e_p50:0.5", "e2e_p50:20%"),
        "e2e_p95": ("e2e_p95:0.5", "e2e_p95:20%"),
        "decode_tok_s": ("decode_tok_s:5", "decode_tok_s:10%"),
    }
    for metric, forms in worse_forms.items():
        worse: Callable[[], Doc] = (
            (lambda: run([40.0] * 24)) if metric in ("score", "pass_rate") else (lambda: slower(run([100.0] * 24)))
        )
        for form in forms:
            out += [
                (f"{form}: worse past it", lambda: run([100.0] * 24), worse, form, {}, REG),
                (f"{form}: unchanged", lambda: run([100.0] * 24), lambda: run([100.0] * 24), form, {}, OK),
            ]
    return out


# -- red team: runs that do not compare as they stand ---------------------------------------------------------------


def renamed_all(doc: Doc) -> Doc:
    for case in doc["cases"]:
        case["scenario_id"] = "new-" + case["scenario_id"]
    return doc


def added(doc: Doc, score: float) -> Doc:
    extra = copy.deepcopy(doc["cases"][0])
    extra.update(scenario_id="c99", score=score, passed=score >= 60)
    doc["cases"].append(extra)
    return doc


def interrupted(doc: Doc) -> Doc:
    doc["run"]["status"] = "interrupted"
    return doc


def stated_rows() -> list[Row]:
    good = [100.0] * 8
    return [
        ("every case id renamed", lambda: run(good), lambda: renamed_all(run(good)), R, {}, BROKEN),
        ("one case added to the new run, failing", lambda: run(good), lambda: added(run(good), 0.0), R, {}, OK),
        ("one case more in the baseline", lambda: added(run(good), 100.0), lambda: run(good), R, {}, BROKEN),
        ("scorer v47 baseline, v46 new", lambda: scorer(run(good), 47), lambda: scorer(run(good), 46), R, {}, BROKEN),
        ("scorer v46 baseline, v47 new", lambda: scorer(run(good), 46), lambda: scorer(run(good), 47), R, {}, BROKEN),
        ("every baseline case errored", lambda: errored(run(good), range(8)), lambda: run(good), R, {}, BROKEN),
        (
            "every baseline case errored, allowed",
            lambda: errored(run(good), range(8)),
            lambda: run(good),
            R,
            ERR,
            BROKEN,
        ),
        ("an interrupted baseline", lambda: interrupted(run(good)), lambda: run(good), R, {}, BROKEN),
        (
            "speed against a baseline all from the cache",
            lambda: cached(run(good)),
            lambda: run(good),
            "ttft_p50:20%",
            {},
            UNCHECKED,
        ),
        (
            "speed against an untimed baseline",
            lambda: untimed(run(good)),
            lambda: run(good),
            "e2e_p50:20%,decode_tok_s:10%",
            {},
            UNCHECKED,
        ),
        ("repeat 3 against 1, unchanged", lambda: repeated(run(good), 3), lambda: run(good), R, {}, OK),
        (
            "repeat 1 against 3, later samples failing",
            lambda: run(good),
            lambda: _later_zero(repeated(run(good), 3)),
            R,
            {},
            UNCHECKED,
        ),
        (
            "RAG worse, no-RAG fine",
            lambda: with_rag(good * 2, good * 2),
            lambda: with_rag(good * 2, [0.0] * 16),
            R,
            {},
            REG,
        ),
    ]


def _later_zero(doc: Doc) -> Doc:
    for case in doc["cases"]:
        if case["sample"] >= 1:
            case.update(score=0.0, passed=False)
    return doc


ROWS = empty_rows() + rule_rows() + stated_rows()


@pytest.mark.parametrize(
    ("base", "new", "rules", "options", "expected"), [r[1:] for r in ROWS], ids=[r[0] for r in ROWS]
)
def test_each_pair_of_runs_gets_the_exit_code_a_distrustful_user_expects(base, new, rules, options, expected):
    cmp = gate(base(), new(), rules, **options)
    assert cmp["exit_code"] == expected, cmp["summary"]
    if expected != OK:
        assert "no significant change" != cmp["summary"]


def test_the_red_team_holds_at_least_140_rows():
    assert len(ROWS) >= 140


@pytest.mark.parametrize("empty", [4, 5, 7])
def test_mostly_empty_answers_are_named_with_their_count_and_the_fix(empty: int):
    cmp = gate(answering([100.0] * 8, 0), answering([100.0] * 8, empty), R, allow_errors=True)
    (said,) = cmp["errors_past_gate"]
    assert said.startswith(f"m1 norag: {empty} of its 8 sample(s) have no usable answer in the new run ({empty} empty)")
    assert "chat template" in said and cmp["summary"].startswith("errors past the gate: m1 norag")


def test_errored_and_empty_answers_are_each_counted():
    new = errored(answering([100.0] * 10, 3), range(3, 5))
    (said,) = gate(answering([100.0] * 10, 0), new, R, allow_errors=True)["errors_past_gate"]
    assert "5 of its 10 sample(s) have no usable answer in the new run (3 empty, 2 errored, first: timeout" in said


def test_errors_alone_keep_their_wording():
    (said,) = gate(run([100.0] * 8), errored(run([100.0] * 8), range(4)), R, allow_errors=True)["errors_past_gate"]
    assert said.startswith("m1 norag: 4 of its 8 sample(s) errored in the new run (first: timeout after 120 s)")


# -- "no significant change" always says n and the interval ---------------------------------------------------------

CHANGE = re.compile(r"([^\s(;]+) (\S+) (score|pass_rate) [+-]\d+\.\d (points|pp), 95% CI \[[+-]\d+\.\d, [+-]\d+\.\d\]")


def _varied(n: int, seed: int) -> list[float]:
    return [float((37 * (i + seed)) % 101) for i in range(n)]


NO_CHANGE = [
    ("identical", lambda n: run([100.0] * n), lambda n: run([100.0] * n), R),
    ("one case flipped", lambda n: run([100.0] * n), lambda n: run([100.0] * (n - 1) + [0.0]), R),
    ("graded noise", lambda n: run(_varied(n, 1)), lambda n: run(_varied(n, 1)[::-1]), R),
    ("no rule", lambda n: run(_varied(n, 2)), lambda n: run(_varied(n, 2)), ""),
    ("speed rule only", lambda n: run([80.0] * n), lambda n: run([80.0] * n), "ttft_p50:20%"),
    ("a p95 with too few requests", lambda n: run([100.0] * n), lambda n: run([100.0] * n), "score:5,ttft_p95:20%"),
    (
        "two models",
        lambda n: models(("a", [100.0] * n), ("b", _varied(n, 3))),
        lambda n: models(("a", [100.0] * n), ("b", _varied(n, 3))),
        R,
    ),
    ("with RAG", lambda n: with_rag([100.0] * n, _varied(n, 4)), lambda n: with_rag([100.0] * n, _varied(n, 4)), R),
]


@pytest.mark.parametrize("n", [6, 9, 14, 30])
@pytest.mark.parametrize(("name", "base", "new", "rules"), NO_CHANGE, ids=[r[0] for r in NO_CHANGE])
def test_no_significant_change_is_never_said_without_n_and_the_interval(name, base, new, rules, n):
    """Wrong before: the summary (the line pytest prints after "compare:") said "no significant change" alone - the
    same at n=6 with an interval of [-46, 0] as at n=500 with [-1, +1]."""
    cmp = gate(base(n), new(n), rules)
    assert "no significant change" in cmp["summary"], cmp["summary"]
    head = cmp["summary"].split("; not failed")[0]
    for group in cmp["groups"]:
        for metric in ("score", "pass_rate"):
            entry = group["metrics"][metric]
            found = [m for m in CHANGE.finditer(head) if m.group(1, 2, 3) == (group["model"], group["mode"], metric)]
            assert len(found) == 1, (group["model"], group["mode"], metric, head)
            assert f"n={entry['n']}" in head[found[0].end() : found[0].end() + 12], head
    assert head in render_comparison_text(cmp)


# -- parsing: rules that can never fail ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "rule", ["score:100%", "pass_rate:100%", "decode_tok_s:100%", "decode_tok_s:100.0%", "score:100 %"]
)
def test_a_relative_threshold_of_all_of_the_value_is_refused(rule: str):
    """Wrong before: accepted, and a collapse passed (exit 0): nothing falls by more than 100% of itself."""
    with pytest.raises(GateError, match="can never fail .*at most 100%"):
        parse_fail_expressions(rule)


@pytest.mark.parametrize("rule", ["score:99%", "pass_rate:99.5%", "decode_tok_s:99%", "ttft_p50:100%", "ttft_p50:500%"])
def test_thresholds_that_can_fail_are_kept(rule: str):
    (parsed,) = parse_fail_expressions(rule)
    assert parsed.relative


def test_a_decode_speed_that_collapsed_fails_a_99_percent_rule():
    cmp = gate(run([100.0] * 24), slower(run([100.0] * 24), 1000.0), "decode_tok_s:99%")
    assert cmp["exit_code"] == REG, cmp["summary"]


# -- labels given with --pair that are not there ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pair", "said"),
    [
        ("foo=bar", "'foo' is not a model of the baseline"),
        ("m1=M1", "'M1' is not a model of the new run"),
        ("m1=m2", "'m2' is not a model of the new run"),
        ("qwen=m1", "'qwen' is not a model of the baseline"),
    ],
)
def test_a_pair_of_labels_that_do_not_exist_breaks_the_gate_and_names_them(pair: str, said: str):
    cmp = gate(run([100.0] * 8), run([0.0] * 8), R, pairs=parse_pairs([pair]))
    assert cmp["exit_code"] == BROKEN and said in cmp["summary"], cmp["summary"]


# -- the command, given a file that is not a run or a run that did not finish ---------------------------------------


def _compare(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pytest_llmeval", "compare", *args, "--runs-dir", str(cwd / "runs")],
        capture_output=True,
        text=True,
        cwd=cwd,
    )


@pytest.mark.parametrize(
    ("name", "content", "said"),
    [
        ("notes.txt", "周报：本周完成三项。\n", "not valid JSON"),
        ("report.md", "# Report\n\n| a | b |\n|---|---|\n", "is a run's Markdown report, not its results.json"),
        ("config.json", '{"model": "qwen3-8b", "port": 8000}', "no schema_version"),
        ("cases.jsonl", '{"model": "m1"}\n{"model": "m1"}\n', "--llm-resume"),
        ("empty.json", "", "is empty"),
    ],
)
def test_a_file_that_is_not_a_run_is_named_with_why_and_no_traceback(
    tmp_path: Path, name: str, content: str, said: str
):
    (tmp_path / name).write_text(content, encoding="utf-8")
    (tmp_path / "new.json").write_text(json.dumps(finished()), encoding="utf-8")
    done = _compare(tmp_path, name, "new.json", "--fail", R)
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert name in done.stderr and said in done.stderr and "Fix:" in done.stderr


@pytest.mark.parametrize("status", ["interrupted", "running"])
def test_the_results_of_a_run_that_did_not_finish_are_compared_and_said_unfinished(tmp_path: Path, status: str):
    (tmp_path / "base.json").write_text(json.dumps(finished(n=8, status=status)), encoding="utf-8")
    (tmp_path / "new.json").write_text(json.dumps(finished(n=8)), encoding="utf-8")
    done = _compare(tmp_path, "base.json", "new.json", "--fail", R)
    assert done.returncode == BROKEN and f"the baseline never finished (status '{status}'" in done.stdout, done.stdout
    allowed = _compare(tmp_path, "base.json", "new.json", "--fail", R, "--allow-missing")
    assert allowed.returncode == OK and "allowed (--allow-missing): the baseline never finished" in allowed.stdout
