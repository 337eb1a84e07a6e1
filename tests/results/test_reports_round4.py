"""Reports red-team, round 4: a saved run re-rendered by `python -m pytest_llmeval report`, and the verdicts of 3-4
models under the closed test over their groupings.

A run killed half way keeps its last intermediate save (no intervals, no models compared, uplifts bare); a results.json
whose case scores were corrected by hand (NaN, null, 150, -5, "70") still carried the saved summary above a cases
table that disagreed with it; a stored NaN, infinity or p of 0 printed `nan`, `+inf`, `- [-, 77.1]` and `0 (nan)`.
Every one of these is read here as a user reads it: the terminal, report.md and report.html of the `report` command.
The verdicts of 3-4 models (collapse, all alike, ties, a model dead, other case sets, repeats, one and two modes) are
held to their adjusted p and the note to the correction applied (`test_reports_round3.pair_problems`)."""

from __future__ import annotations

import copy
import html
import json
import math
import re
from pathlib import Path
from typing import Any

import pytest

from pytest_llmeval.__main__ import main
from pytest_llmeval.results.aggregate import aggregate_document
from pytest_llmeval.results.loader import stale_aggregates, with_derived_sections
from pytest_llmeval.results.recorder import to_json
from pytest_llmeval.results.render import render_markdown, render_terminal
from pytest_llmeval.results.sections import build_sections
from pytest_llmeval.stats import p_text
from tests.results.test_report_n_sweep import answer, document, errored
from tests.results.test_reports_round3 import BOTH, NORAG, build, pair_problems, rag_problems

# --- a saved run as `report` reads it -------------------------------------------------------------------------------


def saved(doc: dict[str, Any], tmp_path: Path, *, allow_nan: bool = False) -> Path:
    """The document as results.json on disk: as the recorder writes it, or (`allow_nan`) as a hand edit leaves it."""
    path = tmp_path / "results.json"
    body = {"schema_version": 2, **doc}
    path.write_text(json.dumps(body) if allow_nan else to_json(body), encoding="utf-8")
    return path


def report(path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, str]:
    """The three renderings of `python -m pytest_llmeval report RUN --markdown --html`."""
    md, page = tmp_path / "r.md", tmp_path / "r.html"
    assert main(["report", str(path), "--markdown", str(md), "--html", str(page)]) == 0
    return {"terminal": capsys.readouterr().out, "markdown": md.read_text(), "html": html.unescape(page.read_text())}


def killed(models: int, modes: tuple[str, ...], n: int, effect: str, share: float, **extra: Any) -> dict[str, Any]:
    """A run stopped after `share` of its records, as its last intermediate save left it (`Recorder.save` during the
    run: aggregates without intervals, status running)."""
    cases = build(models, modes, n, effect, **extra)
    cases = cases[: max(1, round(len(cases) * share))]
    doc = document(cases)
    doc["aggregates"] = aggregate_document(cases, intervals=False)
    doc["run"]["status"] = "running"
    return doc


KILLED = [
    (models, modes, n, effect, share)
    for models in (1, 2, 3, 4)
    for modes in (NORAG, BOTH)
    for n, effect, share in ((6, "collapse", 0.6), (8, "rag", 0.75), (12, "null", 0.5))
    if not (models == 1 and modes == NORAG)
    and not (models == 4 and n == 12)  # 4 models x 12 cases: the closed test is seconds; two shapes of 4 suffice
]


def bare_differences(text: str) -> list[str]:
    """A signed difference printed without an interval or a reason it has none: `-5.1` alone in a cell."""
    return re.findall(r"(?:^|\s{2}|\| )([+-]\d+\.\d)(?=\s{2}|\s\||$)", text, flags=re.M)


@pytest.mark.parametrize(
    ("models", "modes", "n", "effect", "share"),
    KILLED,
    ids=[f"{m}m-{'+'.join(mo)}-n{n}-{e}-{s}" for m, mo, n, e, s in KILLED],
)
def test_a_run_killed_half_way_is_reported_with_its_intervals_and_its_pairs(
    models: int, modes: tuple[str, ...], n: int, effect: str, share: float, tmp_path: Path, capsys: Any
):
    """Before: the re-rendered report of a killed run had no interval anywhere (`57.1` for a mean of 6 cases, an
    uplift of `-5.1` bare, "95% intervals ...: mean score -"), no "Models compared" and no pair of models - every
    one of these 19 shapes."""
    doc = killed(models, modes, n, effect, share)
    out = report(saved(doc, tmp_path), tmp_path, capsys)
    for name, text in out.items():
        assert "95% intervals, the case is the unit" not in text or "mean score -;" not in text, name
        assert "saved before the run's end" in text, name
        assert bare_differences(text) == [], (name, bare_differences(text))
    again = json.loads(saved(doc, tmp_path).read_text())
    with_derived_sections(again)
    for row in again["aggregates"]["models"]:
        assert row["intervals"]["mean_score"] is not None or row["errors"] == row["samples"]
    ran = {c["model"] for c in again["cases"]}
    if len(ran) > 1:
        assert "Model against model" in out["terminal"]
        assert pair_problems(again) + rag_problems(again) == []


# --- a results.json whose case scores were edited by hand -------------------------------------------------------------

EDITS: dict[str, Any] = {"NaN": float("nan"), "null": None, "150": 150.0, "-5": -5.0, "inf": float("inf"), "1e9": 1e9}
EDIT_SHAPES = [(1, BOTH, 6), (2, NORAG, 8), (3, NORAG, 6), (3, BOTH, 5)]


@pytest.mark.parametrize("edit", list(EDITS), ids=list(EDITS))
@pytest.mark.parametrize(
    ("models", "modes", "n"), EDIT_SHAPES, ids=[f"{m}m-{'+'.join(o)}-n{n}" for m, o, n in EDIT_SHAPES]
)
def test_a_score_corrected_by_hand_is_what_the_report_counts(
    edit: str, models: int, modes: tuple[str, ...], n: int, tmp_path: Path, capsys: Any
):
    """A score that is no score (NaN, null, 150, -5, inf, 1e9; text and bools the schema check refuses) is a
    scoring error wherever the run's own aggregates meet one (`aggregate.scored`). Before: the report printed the
    saved summary (errors 0, the old mean) above a cases table showing the edited case - 24 of 24 edits."""
    doc = document(build(models, modes, n, "collapse"))
    edited = copy.deepcopy(doc)
    for case in edited["cases"][:2]:
        case["score"] = EDITS[edit]
    out = report(saved(edited, tmp_path, allow_nan=True), tmp_path, capsys)
    first = edited["cases"][0]
    row = f"{first['model']}".ljust(len(max((c["model"] for c in doc["cases"]), key=len)))
    line = next(x for x in out["terminal"].splitlines() if x.startswith(row + "  " + first["mode"]))
    assert re.split(r"\s{2,}", line)[4] == "2", line  # errors: the two edited scores
    for name, text in out.items():
        assert "they no longer give the saved figures" in text, name


@pytest.mark.parametrize(
    "shape",
    [
        dict(models=m, modes=o, n=n, effect=e, **x)
        for m, o, n, e, x in [
            (1, BOTH, 6, "rag", {}),
            (2, NORAG, 2, "null", {}),
            (2, BOTH, 6, "collapse", {"repeats": 3}),
            (3, NORAG, 6, "collapse", {"errors": 6}),
            (3, BOTH, 7, "rag", {"repeats": 2}),
            (3, BOTH, 6, "collapse", {"one_mode_only": 3}),
            (3, NORAG, 4, "collapse", {"own_cases": 6}),
            (4, BOTH, 8, "mixed", {"categories": 2}),
            (2, BOTH, 8, "collapse", {"errors": 2}),
            (2, BOTH, 14, "rag", {"categories": 3}),
        ]
    ],
    ids=lambda s: "-".join(f"{k}{v if not isinstance(v, tuple) else len(v)}" for k, v in s.items()),
)
def test_a_run_as_the_recorder_wrote_it_is_rendered_as_saved(shape: dict[str, Any], tmp_path: Path):
    """The other side: a finished run's aggregates are its cases' own, through the JSON round trip (4-digit means,
    repeats, errors, NaN written as null), and are rendered as saved - not worked out again."""
    doc = document(build(**shape))
    loaded = json.loads(saved(doc, tmp_path).read_text())
    assert stale_aggregates(loaded) is None
    with_derived_sections(loaded)
    assert "worked_out" not in loaded["aggregates"]


def test_an_old_run_rounded_to_two_digits_is_not_worked_out_again():
    doc = document(build(3, BOTH, 6, "collapse"))
    for row in doc["aggregates"]["models"]:
        row["mean_score"] = round(row["mean_score"], 2)
    assert stale_aggregates(json.loads(json.dumps(doc))) is None
    doc["aggregates"]["models"][0]["mean_score"] += 0.5  # one score of 6 moved by 3 points
    assert "mean score" in str(stale_aggregates(doc))


# --- stored numbers that are no numbers -----------------------------------------------------------------------------


def _pair(doc: dict[str, Any], i: int) -> dict[str, Any]:
    return doc["aggregates"]["comparison"]["pairs"][i]


NOT_NUMBERS = {
    "mean NaN": lambda d: d["aggregates"]["models"][0].update(mean_score=float("nan")),
    "mean bound NaN": lambda d: d["aggregates"]["models"][0]["intervals"]["mean_score"].update(low=float("nan")),
    "pair estimate inf": lambda d: _pair(d, 1)["difference"].update(estimate=float("inf")),
    "pair bound -inf": lambda d: _pair(d, 2)["difference"].update(low=float("-inf")),
    "pair p 0": lambda d: _pair(d, 1).update(p_value=0.0),
    "pair p_holm NaN": lambda d: _pair(d, 1).update(p_holm=float("nan")),
    "pair p above 1": lambda d: _pair(d, 0).update(p_value=1.7),
    "uplift NaN": lambda d: d["aggregates"]["rag"][0]["uplift_interval"].update(estimate=float("nan")),
    "uplift p NaN": lambda d: d["aggregates"]["rag"][0]["uplift_interval"].update(p_value=float("nan")),
    "uplift p_holm inf": lambda d: d["aggregates"]["rag"][0]["uplift_holm"].update(p_holm=float("inf")),
    "rag uplift inf": lambda d: d["aggregates"]["rag"][1].update(uplift=float("inf")),
    "pass rate NaN": lambda d: d["aggregates"]["models"][1].update(pass_rate=float("nan")),
}
NOT_A_NUMBER = re.compile(r"\b(?:nan|inf)\b|\[-, |, -\]|\s0 \(|\(0\)|\(nan\)|\s1\.7 \(", re.IGNORECASE)


@pytest.mark.parametrize("edit", list(NOT_NUMBERS), ids=list(NOT_NUMBERS))
def test_a_stored_figure_that_is_no_number_prints_as_none(edit: str, tmp_path: Path, capsys: Any):
    """Before: `+inf [-1.1, +19.4]`, `0 (nan)`, `+nan [-21.8, +3.2]`, `- [-, 77.1]`, `1.7` as a p - 10 of these 12.
    A NaN or an infinity is what the recorder writes as null; a p of 0 or above 1 is no test's."""
    doc = document(build(3, BOTH, 6, "collapse"))
    NOT_NUMBERS[edit](doc)
    out = report(saved(doc, tmp_path, allow_nan=True), tmp_path, capsys)
    for name, text in out.items():
        body = text.split("Per case", 1)[0]
        assert NOT_A_NUMBER.findall(body) == [], (name, [m for m in NOT_A_NUMBER.finditer(body)][:3])


P_TEXTS = [
    (None, "-"),
    (float("nan"), "-"),
    (float("inf"), "-"),
    (0.0, "-"),
    (-0.1, "-"),
    (1.5, "-"),
    (True, "-"),
    (1.0 + 1e-12, "1"),
    (0.03125, "0.0312"),
    (0.00025, "0.00025"),
]


@pytest.mark.parametrize(("p", "text"), P_TEXTS, ids=[str(p) for p, _ in P_TEXTS])
def test_a_p_that_is_no_probability_is_written_as_none(p: Any, text: str):
    assert p_text(p) == text


def test_a_pairs_p_at_a_drawn_tests_floor_is_written_as_the_rag_tables():
    """The same paired test's p at the floor of its draws read `<0.00025` in the RAG table and `0.00025` beside a
    pair of models."""
    from pytest_llmeval.results.sections.models import _p_text

    difference = {"p_value": 0.00025, "p_at_floor": True, "estimate": -40.0}
    assert _p_text({"p_value": 0.00025, "p_holm": 0.0005, "difference": difference}) == "<0.00025 (0.0005)"
    assert _p_text({"p_value": 0.0, "p_holm": None, "difference": {}}) == "-"


# --- 3-4 models: verdict words against the closed test's adjusted p ---------------------------------------------------


def alike(models: int, n: int, tie: bool, *, mode: str = "norag", dead: int = -1) -> list[dict[str, Any]]:
    """Every model with the same score on a case (`tie`) or the last one losing every case; `dead`: that model's
    every case errored."""
    names = ["qwen", "llama", "glm", "mistral"][:models]
    cases = []
    for k, name in enumerate(names):
        for i in range(n):
            score = 40.0 + 5 * i if tie or k < models - 1 else 0.0
            rec = answer(name, f"q{i}", score, mode)
            cases.append(errored(rec) if k == dead else rec)
    return cases


CLOSED: list[tuple[str, list[dict[str, Any]]]] = []
for _m in (3, 4):
    for _n in (2, 3, 5, 6, 8, 10, 13):
        CLOSED.append((f"{_m}m-n{_n}-tie", alike(_m, _n, True)))
        CLOSED.append((f"{_m}m-n{_n}-last-collapses", alike(_m, _n, False)))
    for _n in (6, 9):
        CLOSED.append((f"{_m}m-n{_n}-first-dead", alike(_m, _n, False, dead=0)))
        CLOSED.append((f"{_m}m-n{_n}-repeats2", build(_m, NORAG, _n, "collapse", repeats=2, seed=_n)))
        CLOSED.append((f"{_m}m-n{_n}-other-cases", build(_m, NORAG, _n, "collapse", own_cases=3)))
        CLOSED.append((f"{_m}m-n{_n}-errors-as-0", build(_m, NORAG, _n, "collapse", errors=2)))
CLOSED.append(("3m-both-n6-collapse", build(3, BOTH, 6, "collapse")))
CLOSED.append(("3m-both-n8-null", build(3, BOTH, 8, "null", seed=3)))


@pytest.mark.parametrize("cases", [c for _, c in CLOSED], ids=[name for name, _ in CLOSED])
def test_three_or_four_models_verdicts_follow_the_adjusted_p_and_the_note_the_test(cases: list[dict[str, Any]]):
    doc = document(cases)
    assert pair_problems(doc) == []
    terminal, markdown = render_terminal(doc), render_markdown(doc)
    pairs = next((s for s in build_sections(doc) if s.key == "model_pairs"), None)
    if pairs is None or pairs.table is None:
        return
    for row in pairs.table.rows:
        p_cell, verdict = str(row[4]), str(row[5])
        adjusted = re.search(r"\(([0-9.e-]+)\)$", p_cell)
        if verdict in ("better", "worse"):
            assert adjusted is not None and float(adjusted.group(1)) <= 0.05, row
        assert not re.match(r"0(\s|$)", p_cell), row
        assert f"| {row[0]} |" in markdown and row[0] in terminal
    assert all(not math.isnan(p.get("p_holm") or 0.0) for p in doc["aggregates"]["comparison"]["pairs"])


def test_a_whole_plugin_run_is_rendered_as_it_saved_it(llm_project: Any):
    """End to end against the fake server: the results.json a pytest run writes is its cases' own (no edit, no
    kill), so `report` renders its saved aggregates and says nothing of working them out again."""
    from pytest_llmeval.testing.openai_fake import FakeServer
    from tests.test_inflight import answer as fake_answer
    from tests.test_inflight import scenario_yaml

    llm_project.scenario("inflight.yaml", scenario_yaml())
    with FakeServer(answers=fake_answer) as fake:
        llm_project.run("--llm-base-url", fake.base_url, "--llm-model", "m1", "--llm-warmup=0")
    doc = llm_project.results()
    assert doc["cases"] and stale_aggregates(doc) is None


@pytest.mark.parametrize("models", [1, 2, 3])
@pytest.mark.parametrize("n", [2, 6])
def test_a_run_whose_every_case_errored_reads_as_nothing_measured(models: int, n: int, tmp_path: Path, capsys: Any):
    """Every case of every model errored (the server down): no `0.0 [0.0, 39.3]` read as a measured mean of 0, and
    no note naming an interval method "-". Before: the RAG note said "with its 95% interval (-)" three times."""
    cases = [errored(answer(m, f"q{i}", 50.0, mode)) for m in "abc"[:models] for mode in BOTH for i in range(n)]
    out = report(saved(document(cases), tmp_path), tmp_path, capsys)
    for name, text in out.items():
        assert "not measured: every case errored" in text, name
        assert "(-)" not in text and "0.0 [0.0," not in text, name
