"""Reports tell one story, round 2: on 60+ results documents built as a run writes them (one model and several, RAG
A/B on paired subsets of other sizes, whole-number scores, repeats, errors, timeouts, cache hits, concurrency, image
cases, long and odd names), every table cell the terminal, Markdown and HTML reports share is the same text in each;
an uplift whose n is not the n of the scores beside it says why; a model's latency says the load it was measured
under; answers without a timing are counted per row; a name holding a newline or a `|` breaks no report."""

from __future__ import annotations

import html
import re
from typing import Any

import pytest

from pytest_llmeval.cost import cost_rows, load_prices
from pytest_llmeval.results.html import CSS, render_html
from pytest_llmeval.results.render import markdown_text, render_markdown, render_terminal
from pytest_llmeval.results.sections import build_sections, fmt
from tests.results.test_report_n_sweep import PRICES, answer, document, errored, from_cache, rows, section

pytestmark = pytest.mark.charts  # the report's charts are drawn here (tests/conftest.py)


def timed_out(record: dict[str, Any]) -> dict[str, Any]:
    return errored(record) | {"error": {"type": "ReadTimeout", "stage": "request"}}


def every_cell_in_every_format(doc: dict[str, Any]) -> None:
    """Each cell of each section's table is the same text in report.md, report.html and (terminal sections) the
    terminal summary: one figure, one rounding, one n."""
    terminal, markdown, page = render_terminal(doc), render_markdown(doc), render_html(doc)
    for sec in build_sections(doc):
        if sec.table is None or sec.key in ("cases", "failed"):
            continue
        for row in sec.table.rows:
            for cell in row:
                text = fmt(cell) if not isinstance(cell, str) else cell
                flat = " ".join(text.split("\n")).replace("\r", "")
                assert markdown_text(text) in markdown, (sec.key, text)
                assert html.escape(text) in page, (sec.key, text)
                if sec.terminal:
                    assert flat in terminal, (sec.key, text)


# --- the RAG uplift over the cases run both ways, beside scores over each mode's own cases ---------------------------


def ab(norag_n: int, rag_n: int, models: tuple[str, ...] = ("a",), repeats: int = 1) -> list[dict[str, Any]]:
    cases = []
    for k, model in enumerate(models):
        for s in range(repeats):
            cases += [answer(model, f"q{i}", 40.0 + 5 * i + k + s, sample=s) for i in range(norag_n)]
            cases += [answer(model, f"q{i}", 60.0 + 3 * i + k - s, "rag", sample=s) for i in range(rag_n)]
    return cases


AB_SHAPES = [(8, 6), (6, 8), (14, 6), (10, 7), (12, 12), (8, 8)]


@pytest.mark.parametrize("models", [("a",), ("a", "b")], ids=["one-model", "two-models"])
@pytest.mark.parametrize(("norag_n", "rag_n"), AB_SHAPES, ids=[f"{a}-vs-{b}" for a, b in AB_SHAPES])
def test_an_uplift_over_fewer_cases_than_a_mode_ran_says_so(norag_n: int, rag_n: int, models: tuple[str, ...]):
    """The RAG uplift paired over 6 cases was printed beside a no-RAG score over 8 with nothing said: 57.5 -> 67.5 on
    the rows, +15.0 in the uplift cell (the no-RAG score of the 6 cases run both ways is 52.5). The uplift now names
    its cases and the scores it is the difference of; the RAG table's n says each mode's."""
    doc = document(ab(norag_n, rag_n, models))
    paired = min(norag_n, rag_n)
    compared = {(r["model"], r["mode"]): r for r in rows(section(doc, "models"))}
    rag_table = {r["model"]: r for r in rows(section(doc, "rag"))}
    texts = [render_terminal(doc), render_markdown(doc), render_html(doc)]
    for model in models:
        cell = compared[(model, "rag")]["RAG uplift [95% CI]"]
        rag_row = rag_table[model]
        if norag_n == rag_n:
            assert cell.endswith(f"(n={paired})") and "both ways" not in cell, cell
            assert rag_row["n"] == paired
            continue
        on_them = f"on them no-RAG {rag_row['score no-RAG']} -> RAG {rag_row['score RAG']}"
        assert f"(n={paired} cases run both ways" in cell and on_them in cell, cell
        longer = "no-RAG" if norag_n > rag_n else "RAG"
        assert f"{longer} ran {max(norag_n, rag_n)}" in cell, cell
        assert rag_row["n"] == f"{paired} (of no-RAG {norag_n}, RAG {rag_n})", rag_row
        before, after = float(rag_row["score no-RAG"]), float(rag_row["score RAG"])
        assert abs(float(cell.split(" ")[0]) - (after - before)) <= 0.11  # the uplift is the difference shown
        assert "over the cases run both ways only" in section(doc, "rag").paragraphs[0]
        for text in texts:
            assert html.escape(cell) in text or cell in text
    every_cell_in_every_format(doc)


def test_an_uplift_with_repeats_on_uneven_subsets_counts_cases_not_answers():
    doc = document(ab(8, 6, repeats=3))
    (rag_row,) = rows(section(doc, "rag"))
    assert rag_row["n"] == "6 (of no-RAG 8, RAG 6)"
    compared = {r["mode"]: r for r in rows(section(doc, "models"))}
    assert "(n=6 cases run both ways, no-RAG ran 8;" in compared["rag"]["RAG uplift [95% CI]"]
    every_cell_in_every_format(doc)


# --- whole-number scores and figures -----------------------------------------------------------------------------


def whole_numbers(n: int, binary: bool) -> list[dict[str, Any]]:
    cases = []
    for i in range(n):
        score = (100 if i % 3 else 0) if binary else 40 + 7 * i % 60
        retrieval = {"hit_at_k": i % 2, "k": 3}
        cases.append(answer("a", f"q{i}", score) | {"judge": {"score": 5 * i, "passed": i % 2 == 0}})
        cases.append(answer("a", f"q{i}", score, "rag", retrieval=retrieval, retrieval_ms=12, decode_tok_s=45))
    return cases


@pytest.mark.parametrize("binary", [True, False], ids=["0-or-100", "whole-numbers"])
@pytest.mark.parametrize("n", [6, 8, 14])
def test_a_whole_number_score_is_written_as_every_score_is(n: int, binary: bool):
    """A scorer (or a JSON writer) that gives ints: the cases table printed a score `40` and hit@k `1` beside `40.0`
    and `1.00` for the same kinds of figure in every other table, and report.html's case details the judge's `5`."""
    doc = document(whole_numbers(n, binary))
    markdown, page = render_markdown(doc), render_html(doc)
    lines = [line for line in markdown.split("## Cases\n", 1)[1].splitlines() if line.startswith("| a |")]
    assert len(lines) == 2 * n
    for line in lines:
        cells = [c.strip() for c in line.strip("|").split(" | ")]
        assert re.fullmatch(r"\d+\.\d", cells[5]), cells  # score
        if cells[1] == "rag":
            assert re.fullmatch(r"\d\.\d\d", cells[12]) and cells[13] == "12.0" and cells[10] == "45.0", cells
    scores = re.findall(r'<tr class="case"[^>]*>(?:<td>[^<]*</td>){5}<td>([^<]*)</td>', page)
    assert len(scores) == 2 * n and all(re.fullmatch(r"\d+\.\d", s) for s in scores), scores
    assert "hit@k 1 " not in page and "hit@k 0 " not in page and "retrieval_ms 12," not in page
    judges = re.findall(r"<b>Judge</b> [^:]*: ([^ ]+) -", page)
    assert len(judges) == n and all(re.fullmatch(r"\d+\.\d", judge) for judge in judges), judges
    every_cell_in_every_format(doc)


def test_vision_per_category_accuracy_says_it_is_a_percentage():
    cases = [answer("a", f"v{i}", 100.0 if i % 5 else 0.0, images=1, category="ocr") for i in range(10)]
    vision = section(document(cases), "vision")
    assert vision.table is not None and "accuracy % per category" in vision.table.headers


# --- names that hold a newline, a pipe, markup, or run long -------------------------------------------------------

ODD = {
    "pipe": "Qwen|7B",
    "newline": "qwen\n7b",
    "crlf": "qwen\r\n7b",
    "long": "org/" + "very-long-model-name-" * 15,
    "cjk-pipe": "千问2.5-7B|指令版",
    "markup": "<b>bold</b>&amp;",
    "tab": "qwen\t7b",
    "backticks": "`qwen` *7b*",
}


def odd_doc(name: str) -> dict[str, Any]:
    cases = []
    for model in (name, "plain"):
        for i in range(6):
            record = answer(model, f"q{i}", 45.0 + 8 * i, category=f"财务{name}") | {"scenario_id": f"q{i}-{name}"}
            cases.append(record)
            cases.append(record | {"mode": "rag", "score": 70.0, "passed": True, "prompt_tokens": 700})
    cases[0] = errored(cases[0])
    return document(cases)


def spaced(doc: dict[str, Any]) -> dict[str, Any]:
    """The same document with every line break in a name as a space: what a one-line report must show."""

    def flat(value: Any) -> Any:
        return value.replace("\r\n", " ").replace("\n", " ") if isinstance(value, str) else value

    keys = ("model", "scenario_id", "category")
    return document([c | {k: flat(c[k]) for k in keys} for c in doc["cases"]])


@pytest.mark.parametrize("name", sorted(ODD))
def test_an_odd_name_breaks_no_report(name: str):
    """A model name or case id holding a newline split report.md's header list item ("- models: qwen" then a bare
    "7b"), a failed case's bold name, and the terminal summary's row in two - the second line read as a model "7b"
    with empty cells. Each report is now exactly the report of the same names with the newline as a space; a `|`
    splits no table; markup stays text in report.html, and a long name wraps instead of widening the page."""
    doc = odd_doc(ODD[name])
    flat = spaced(doc)
    assert render_markdown(doc) == render_markdown(flat)
    assert render_terminal(doc) == render_terminal(flat)
    markdown = render_markdown(doc)
    for block in re.split(r"\n(?=#)", markdown):
        table = [line for line in block.splitlines() if line.startswith("|")]
        if table:
            width = len(re.split(r"(?<!\\)\|", table[0]))
            assert all(len(re.split(r"(?<!\\)\|", line)) == width for line in table), block[:200]
    page = render_html(doc)
    assert "<b>bold</b>" not in page
    if name == "long":  # a 300-character name with no space to break at
        assert "overflow-wrap:anywhere" in CSS
    every_cell_in_every_format(doc)


# --- concurrency: each model's latency is labelled with the load it was measured under -----------------------------

LOADS: dict[str, dict[str, int | None]] = {
    "same": {"a": 4, "b": 4},
    "replicas": {"a": 8, "b": 4},
    "one-alone": {"a": None, "b": 4},
    "single-model": {"a": 4},
}


@pytest.mark.parametrize("load", sorted(LOADS))
def test_latency_names_the_concurrency_each_model_was_measured_under(load: str):
    """Model a behind 2 replicas ran 8 cases in flight, b 4: the note said "4/8 cases in flight" for both; a model
    asked one case at a time beside one at 4 read as measured under load. The RAG table's generation ms (a latency)
    had no word of the load at all."""
    loads = LOADS[load]
    cases = []
    for model, in_flight in loads.items():
        extra: dict[str, Any] = {"in_flight": in_flight} if in_flight else {}
        cases += [answer(model, f"q{i}", 50.0 + 5 * i, **extra) for i in range(6)]
        cases += [answer(model, f"q{i}", 60.0 + 4 * i, "rag", generation_ms=900.0, **extra) for i in range(6)]
    doc = document(cases)
    notes = {key: section(doc, key).paragraphs[0] for key in ("summary", "models", "rag")}
    values = {v or 1 for v in loads.values()}
    for key, note in notes.items():
        if len(values) == 1:
            assert f"Latency measured with {min(values)} cases in flight per process" in note, (key, note)
        else:
            for model, in_flight in loads.items():
                assert f"{model} {in_flight or 1}" in note, (key, note)
    for text in (render_terminal(doc), render_markdown(doc), render_html(doc)):
        assert "cases in flight per process" in text
    every_cell_in_every_format(doc)


# --- errored, timed-out and cached answers: counted per row, in no speed or cost figure -----------------------------


@pytest.mark.parametrize("n", [6, 8, 14])
@pytest.mark.parametrize("models", [("a",), ("a", "b")], ids=["one-model", "two-models"])
def test_answers_without_a_timing_are_counted_per_row_and_enter_no_speed_or_cost(n: int, models: tuple[str, ...]):
    """Model a: one answer errored, one timed out, two from the cache. The run header counted the cache hits of the
    whole run and the errors column a's errors, but which row the cache hits belonged to was nowhere: a's latency
    said n=4 answers of 8 samples with 2 errors. The note now names them per row; the latency, decode rate and cost
    are those of the doc without them."""
    cases = []
    for model in models:
        mine = [answer(model, f"q{i}", 50.0 + 3 * i) for i in range(n)]
        if model == "a":
            mine[0], mine[1] = errored(mine[0]), timed_out(mine[1])
            mine[2], mine[3] = from_cache(mine[2]), from_cache(mine[3])
        cases += mine
    doc = document(cases)
    doc["cost"] = {"prices": "p", "rows": cost_rows(doc, load_prices(PRICES))}
    note = section(doc, "summary").paragraphs[0]
    assert "a norag: 1 errored (APIError), 1 errored (ReadTimeout), 2 from the cache" in note, note
    assert "b norag:" not in note
    timed = [c for c in cases if not c.get("error") and not c.get("cached")]
    alone = document(timed)
    summary = {r["model"]: r for r in rows(section(doc, "summary"))}
    expected = {r["model"]: r for r in rows(section(alone, "summary"))}
    assert summary["a"]["TTFT p50 s [95% CI]"].split(" ")[0] == expected["a"]["TTFT p50 s [95% CI]"].split(" ")[0]
    assert summary["a"]["TTFT p50 s [95% CI]"].endswith(f"(n={n - 4} answers)")
    assert summary["a"]["decode tok/s"] == expected["a"]["decode tok/s"]
    assert (summary["a"]["samples"], summary["a"]["errors"]) == (n, 2)
    cost = {r["model"]: r for r in rows(section(doc, "cost"))}
    assert cost["a"]["n answers"] == n - 4
    for text in (render_terminal(doc), render_markdown(doc), render_html(doc)):
        assert "2 from the cache" in text
    every_cell_in_every_format(doc)


# --- a broad sweep: every shared cell is the same text in every format ----------------------------------------------


def sweep(n: int, repeats: int, rag: bool, images: bool, judge: bool) -> dict[str, Any]:
    cases = []
    for k, model in enumerate(("a", "b")):
        for mode in ("norag", "rag") if rag else ("norag",):
            for i in range(n if mode == "norag" else n - 2):
                for s in range(repeats):
                    score = (35.0 + 6.1 * i + 9.7 * s + 4 * k + (8.0 if mode == "rag" else 0.0)) % 100
                    extra: dict[str, Any] = {"images": 1} if images and i < 3 else {}
                    if judge:
                        extra["judge"] = {"model": "j", "score": score + 3, "passed": score > 55}
                    record = answer(model, f"q{i}", score, mode, sample=s, **extra)
                    cases.append(errored(record) if (i + s + k) % 9 == 4 else record)
    return document(cases)


@pytest.mark.parametrize("judge", [False, True], ids=["no-judge", "judge"])
@pytest.mark.parametrize("images", [False, True], ids=["text", "images"])
@pytest.mark.parametrize("rag", [False, True], ids=["norag", "rag-ab"])
@pytest.mark.parametrize(("n", "repeats"), [(6, 1), (8, 3), (14, 2)])
def test_every_shared_cell_is_one_text_in_every_format(n: int, repeats: int, rag: bool, images: bool, judge: bool):
    every_cell_in_every_format(sweep(n, repeats, rag, images, judge))
