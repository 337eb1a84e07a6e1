"""Round 5b: one rule for a saved run's re-render - every figure its cases give is worked out again from them on
every render (`loader.with_derived_sections`), and the report says so wherever a stored figure differed; only what
cases cannot give (run metadata, memory, benchmarks, prices) is shown as stored.

Before, only counts and mean scores were compared: a timing, token count, pass rate, interval, uplift, p value or
verdict edited by hand in results.json (or written by an older plugin) was printed as stored beside cases that no
longer gave it - every row of `EDITED_AGGREGATES` and `EDITED_CASES` failed."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from pytest_llmeval.__main__ import main
from pytest_llmeval.results.loader import stale_aggregates, with_derived_sections
from pytest_llmeval.results.recorder import to_json
from tests.results.test_report_n_sweep import answer, document, from_cache
from tests.results.test_reports_round3 import BOTH, NORAG, build

pytestmark = pytest.mark.charts  # the report's charts are drawn here (tests/conftest.py)

NOTE = "worked out again from the cases"


def saved(doc: dict[str, Any], tmp_path: Path) -> Path:
    path = tmp_path / "results.json"
    path.write_text(to_json({"schema_version": 2, **doc}), encoding="utf-8")
    return path


def terminal(path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["report", str(path)]) == 0
    return capsys.readouterr().out


def base() -> dict[str, Any]:
    """Two models, without and with RAG, 6 cases: every aggregates table has rows."""
    return document(build(2, BOTH, 6, "collapse"))


def _model(doc: dict[str, Any]) -> dict[str, Any]:
    return doc["aggregates"]["models"][0]


def _set(path: tuple[Any, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    def edit(doc: dict[str, Any]) -> None:
        target = doc["aggregates"]
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return edit


# a stored figure of the aggregates edited by hand; the cases still give the old one
EDITED_AGGREGATES: dict[str, Callable[[dict[str, Any]], None]] = {
    "e2e p50": _set(("models", 0, "e2e_p50_s"), 99.0),
    "ttft p50": _set(("models", 0, "ttft_p50_s"), 42.0),
    "mean e2e": _set(("models", 0, "mean_e2e_s"), 77.0),
    "e2e p95": _set(("models", 0, "e2e_p95_s"), 88.0),
    "decode tok/s": _set(("models", 0, "decode_tok_s"), 9999.0),
    "output tokens": _set(("models", 0, "total_output_tokens"), 123456),
    "pass rate": _set(("models", 0, "pass_rate"), 100.0),
    "category mean": _set(("models", 0, "categories", "cat0"), 1.5),
    "mean interval": _set(("models", 0, "intervals", "mean_score", "low"), -40.0),
    "rag uplift": _set(("rag", 0, "uplift"), 33.3),
    "rag uplift interval": _set(("rag", 0, "uplift_interval", "high"), 99.0),
    "rag pass change": _set(("rag", 0, "pass_change"), 50.0),
    "pair p": _set(("comparison", "pairs", 0, "p_value"), 0.9),
    "pair verdict": _set(("comparison", "pairs", 0, "verdict"), "no significant difference"),
    "pair adjusted p": _set(("comparison", "pairs", 0, "p_holm"), 0.7),
    "pair gone": lambda doc: doc["aggregates"]["comparison"]["pairs"].clear(),
    "vision row added": _set(("vision",), [{"model": "ghost", "mode": "norag", "n": 3}]),
}


@pytest.mark.parametrize("edit", list(EDITED_AGGREGATES), ids=list(EDITED_AGGREGATES))
def test_a_stored_figure_edited_by_hand_is_worked_out_again(edit: str, tmp_path: Path, capsys: Any):
    doc = base()
    faithful = copy.deepcopy(doc)
    EDITED_AGGREGATES[edit](doc)
    text = terminal(saved(doc, tmp_path), capsys)
    assert NOTE in text, edit
    loaded = json.loads(saved(doc, tmp_path).read_text())
    with_derived_sections(loaded)
    again = json.loads(saved(faithful, tmp_path).read_text())
    with_derived_sections(again)
    loaded["aggregates"].pop("worked_out")
    assert loaded["aggregates"] == again["aggregates"], edit  # the cases' own figures, not the stored ones


def _case(field: str, value: Any, index: int = 0) -> Callable[[dict[str, Any]], None]:
    def edit(doc: dict[str, Any]) -> None:
        doc["cases"][index][field] = value

    return edit


# a case field edited by hand (or one an older plugin wrote otherwise): the saved aggregates are no longer its own
EDITED_CASES: dict[str, Callable[[dict[str, Any]], None]] = {
    "e2e": _case("e2e_s", 300.0),
    "ttft": _case("ttft_s", 30.0),
    "output tokens": _case("output_tokens", 90000),
    "category": _case("category", "other"),
    "rag case score": _case("score", 12.0, index=6),  # the first model's first RAG case: uplift and pairs move
    "cached": lambda doc: doc["cases"].__setitem__(0, from_cache(doc["cases"][0])),
}


@pytest.mark.parametrize("edit", list(EDITED_CASES), ids=list(EDITED_CASES))
def test_a_case_edited_by_hand_gives_the_figures_printed(edit: str, tmp_path: Path, capsys: Any):
    doc = base()
    EDITED_CASES[edit](doc)
    text = terminal(saved(doc, tmp_path), capsys)
    assert NOTE in text, edit


@pytest.mark.parametrize(
    "shape",
    [
        dict(models=1, modes=NORAG, n=1, effect="null"),
        dict(models=2, modes=BOTH, n=6, effect="collapse", repeats=3),
        dict(models=3, modes=BOTH, n=6, effect="mixed", errors=2),
        dict(models=2, modes=NORAG, n=8, effect="rag", categories=3),
    ],
    ids=["1case", "repeats", "errors", "categories"],
)
def test_a_faithful_run_says_nothing_was_worked_out_again(shape: dict[str, Any], tmp_path: Path):
    doc = document(build(**shape))
    loaded = json.loads(saved(doc, tmp_path).read_text())
    assert stale_aggregates(loaded) is None
    with_derived_sections(loaded)
    assert "worked_out" not in loaded["aggregates"]


def test_cache_hits_left_out_of_latency_say_so_and_are_not_stale(tmp_path: Path, capsys: Any):
    cases = [answer("m1", f"c{i}", 70.0) for i in range(6)]
    cases[:2] = [from_cache(c) for c in cases[:2]]
    text = terminal(saved(document(cases), tmp_path), capsys)
    assert NOTE not in text
    assert "2 from the cache" in text or "2 cached" in text, text


def test_a_cost_row_the_cases_no_longer_give_says_so(tmp_path: Path, capsys: Any):
    doc = base()
    row = {
        "model": "qwen2.5-7b",
        "mode": "norag",
        "n": 6,
        "mean_prompt_tokens": 300.0,
        "mean_output_tokens": 100.0,
        "requests_per_hour": 1500.0,
        "throughput_basis": "serial",
        "local_per_1k": 1.0,
        "api_per_1k": 2.0,
        "break_even_requests_per_day": 100.0,
        "local_capacity_per_day": 36000.0,
        "currency": "USD",
        "gpu": "H100",
        "gpu_cost_per_hour": 2.0,
        "gpu_cost_basis": "list",
        "verdict": "API cheaper",
    }
    doc["cost"] = {"prices": "prices.yaml", "rows": [row]}
    doc["cases"][0]["output_tokens"] = 5000  # the run's mean output tokens are no longer 100
    text = terminal(saved(doc, tmp_path), capsys)
    assert "cost as stored, though its cases no longer give its figures" in text


# --- latency labelled with the load it was measured under: per row, timed answers only ------------------------------

from pytest_llmeval.results.render import render_markdown  # noqa: E402
from pytest_llmeval.results.sections.summary import in_flight_note  # noqa: E402


def _loads(norag: int | None, rag: int | None, *, cached_at: int | None = None) -> list[dict[str, Any]]:
    cases = []
    for mode, load in (("norag", norag), ("rag", rag)):
        if load is None:
            continue
        cases += [answer("m", f"q{i}", 60.0 + i, mode, **({"in_flight": load} if load > 1 else {})) for i in range(6)]
    if cached_at is not None:  # answers from the cache recorded the load of the run that asked them: no timing here
        cases += [from_cache(answer("m", f"q{i}", 60.0, "norag", sample=1, in_flight=cached_at)) for i in range(6)]
    return cases


# (norag load, rag load, cache hits' load) -> what the note must say (None: no load note at all)
LOAD_ROWS: dict[str, tuple[tuple[int | None, int | None, int | None], list[str] | None]] = {
    "modes at 1 and 8": ((1, 8, None), ["m norag 1", "m rag 8"]),
    "modes at 8 and 1": ((8, 1, None), ["m norag 8", "m rag 1"]),
    "modes at 4 and 8": ((4, 8, None), ["m norag 4", "m rag 8"]),
    "both at 8": ((8, 8, None), ["with 8 cases in flight per process"]),
    "one mode at 8": ((8, None, None), ["with 8 cases in flight per process"]),
    "serial, cache hits from a run at 8": ((1, None, 8), None),
    "serial both modes, cache hits at 8": ((1, 1, 8), None),
    "at 4, cache hits at 8": ((4, None, 8), ["with 4 cases in flight per process"]),
}


@pytest.mark.parametrize("row", list(LOAD_ROWS), ids=list(LOAD_ROWS))
def test_latency_names_the_load_of_each_rows_timed_answers(row: str):
    """Before: a model whose modes ran at 1 and 8 read "m 1/8" (which mode's latency was under load?), and cache
    hits - no timing, never in a latency - put the load of the run that asked them into this run's note."""
    (norag, rag, cached), expected = LOAD_ROWS[row]
    note = in_flight_note(document(_loads(norag, rag, cached_at=cached)))
    if expected is None:
        assert note == "", note
    else:
        for text in expected:
            assert text in note, (text, note)
        assert "1/8" not in note and "4/8" not in note, note


# --- model names with Markdown markup: report.md shows the name the terminal shows ----------------------------------

MARKUP_NAMES = ["m|1<&`", "qwen*", "<think>", "_draft_", "a\\b", "`x`", "llama**3**", "m</td>"]


def _bare_markup(cell: str) -> list[str]:
    """The markup left in a Markdown cell once its escaped characters (`\\x`) are taken out."""
    rest = re.sub(r"\\.", "", cell)
    return re.findall(r"[|\\`*]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])|<(?=[A-Za-z/!?])", rest)


@pytest.mark.parametrize("name", MARKUP_NAMES)
def test_a_model_name_with_markdown_markup_is_escaped_in_report_md(name: str):
    """Before: `qwen*`, `<think>`, `_draft_`, a backslash or a backtick went into report.md's tables as written: the
    renderer made them emphasis, a swallowed tag or code - another name than the terminal's."""
    cases = [answer(name, f"q{i}", 60.0 + i) for i in range(6)] + [answer("b", f"q{i}", 50.0 + i) for i in range(6)]
    markdown = render_markdown(document(cases))
    cells = [c for line in markdown.splitlines() if line.startswith("| ") for c in re.split(r"(?<!\\) \| ", line[2:-2])]
    named = [c for c in cells if re.sub(r"\\(.)", r"\1", c) in (name, f"b - {name}", f"{name} - b")]
    assert named, markdown
    for cell in named:
        assert _bare_markup(cell) == [], cell


# --- cost rows with a missing price: the cell and the verdict say which figure is missing ---------------------------

from pytest_llmeval.results.sections.extras import cost_section  # noqa: E402


def _cost_row(api: float | None, prompt: float | None, output: float | None, n: int = 6) -> dict[str, Any]:
    return {
        "model": "m",
        "n": n,
        "mean_prompt_tokens": prompt,
        "mean_output_tokens": output,
        "requests_per_hour": 1200.0,
        "throughput_basis": "serial",
        "local_per_1k": 1.5,
        "api_per_1k": api,
        "break_even_requests_per_day": 2000.0 if api else None,
        "local_capacity_per_day": 28800.0,
        "currency": "USD",
        "gpu": "L40S",
        "gpu_cost_per_hour": 1.8,
        "gpu_cost_basis": "on demand",
        "verdict": "below 2,000 requests/day the API is cheaper; above it the local GPU is"
        if api
        else "no API price or no tokens measured",
    }


# (api, prompt, output) -> (API cell, words of the verdict line)
COST_ROWS = {
    "no price for the model": ((None, 300.0, 100.0), ("no API price", "no API price for it")),
    "no price, prompt tokens only": ((None, 300.0, 0.0), ("no API price", "no API price for it")),
    "no usage reported": ((None, 0.0, 0.0), ("not measured (0 tokens counted)", "no tokens counted")),
    "no usage, no token means": ((None, None, None), ("not measured (0 tokens counted)", "no tokens counted")),
    "priced": ((0.9, 300.0, 100.0), ("0.900", "the API is cheaper")),
}


@pytest.mark.parametrize("row", list(COST_ROWS), ids=list(COST_ROWS))
def test_a_missing_api_price_is_named_not_a_bare_dash(row: str):
    """Before: a model the prices file has no price for printed `-` in the API column and "no API price or no
    tokens measured" - the reader could not tell a missing price from usage the server never reported."""
    (api, prompt, output), (cell, verdict) = COST_ROWS[row]
    section = cost_section({"cost": {"prices": "prices.yaml", "rows": [_cost_row(api, prompt, output)]}})
    assert section is not None and section.table is not None
    headers = section.table.headers
    api_cell = section.table.rows[0][next(i for i, h in enumerate(headers) if str(h).startswith("API"))]
    assert api_cell == cell
    assert any(verdict in p for p in section.paragraphs), section.paragraphs
    assert not any(p.endswith("no API price or no tokens measured.") for p in section.paragraphs)


# --- one figure, one text in the terminal, report.md and report.html ------------------------------------------------

import html as html_module  # noqa: E402

from pytest_llmeval.results.html import render_html  # noqa: E402
from pytest_llmeval.results.render import _markdown_cell, render_terminal  # noqa: E402
from pytest_llmeval.results.sections import build_sections  # noqa: E402
from tests.results.test_report_n_sweep import errored  # noqa: E402


def _shape(name: str) -> list[dict[str, Any]]:
    if name == "1 case":
        return [answer("m", "q0", 70.0)]
    if name == "markup names, both modes":
        return [
            answer(m, f"q{i}", 50.0 + 7 * i + k, mode)
            for k, m in enumerate(("a*|b", "<c>_"))
            for mode in ("norag", "rag")
            for i in range(6)
        ]
    if name == "unequal repeats":
        return [answer("m", f"q{i}", 40.0 + 6 * i + s, sample=s) for i in range(6) for s in range(1 + i % 3)]
    if name == "rag arm errored":
        return [answer("m", f"q{i}", 55.0 + i) for i in range(6)] + [
            errored(answer("m", f"q{i}", 0.0, "rag")) for i in range(6)
        ]
    if name == "cache hits at concurrency 8":
        return [answer("m", f"q{i}", 60.0 + i, in_flight=8) for i in range(6)] + [
            from_cache(answer("n", f"q{i}", 70.0 + i)) for i in range(6)
        ]
    raise AssertionError(name)


@pytest.mark.parametrize(
    "shape", ["1 case", "markup names, both modes", "unequal repeats", "rag arm errored", "cache hits at concurrency 8"]
)
def test_every_cell_reads_the_same_in_every_format(shape: str):
    doc = document(_shape(shape))
    terminal_text, markdown, page = render_terminal(doc), render_markdown(doc), render_html(doc)
    for sec in build_sections(doc):
        if sec.table is None or sec.key in ("cases", "failed"):
            continue
        for row in sec.table.rows:
            for cell in row:
                if cell is None or not isinstance(cell, str):
                    continue
                assert _markdown_cell(cell) in markdown, (sec.key, cell)
                assert html_module.escape(cell) in page, (sec.key, cell)
                if sec.terminal:
                    assert cell in terminal_text, (sec.key, cell)


@pytest.mark.parametrize("edited", [False, True], ids=["as-saved", "tokens-edited"])
@pytest.mark.parametrize("tokens", [0, 300])
def test_cost_rows_as_the_plugin_wrote_them_are_not_flagged(tokens: int, edited: bool):
    from tests.results.test_small_n_round6 import cost_doc

    doc = json.loads(to_json({"schema_version": 2, **cost_doc(tokens)}))
    if edited:
        doc["cases"][0]["output_tokens"] = 9000
    with_derived_sections(doc)
    assert ("worked_out" in doc["cost"]) is edited
    assert "worked_out" not in doc["aggregates"] or edited
