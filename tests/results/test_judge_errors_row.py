"""A judge that errored on every answer of a model and mode has a row in the reports' judge section.

Wrong before: `aggregates.judge` has a row only where the judge graded an answer, so a judge that failed on every
answer (a wrong key, URL or model name: `assert_with: judge` cases all errored in stage "judge") had no row at all -
with no other judge the whole section was missing, as if no judge had been asked. Now its row says on how many
answers it errored and its first error, with the secrets hidden, in the terminal, Markdown and HTML reports (all
rendered from results.json).
"""

from __future__ import annotations

import html
import json
from typing import Any

import pytest
from test_report_n_sweep import answer, document, section, three_renderings

from pytest_llmeval.results.sections.models import FIRST_ERROR_CHARS, judge_errors, judge_failures

KEY = "sk-live-abcdefghij0123456789"
ERROR = f"HTTP 401 from the judge: Authorization: Bearer {KEY} refused at http://user:pw0rd@judge.example/v1?token=qq"
SHOWN = "HTTP 401 from the judge: Authorization: Bearer *** refused at http://judge.example/v1"


def judge_failed(record: dict[str, Any], error: str = ERROR) -> dict[str, Any]:
    """A judge-asserted answer whose judge failed, as evaluate.grade_by_judge records it: the case's error (stage
    judge), no score, and the judge's record with its error."""
    return record | {
        "score": None,
        "passed": False,
        "error": {"stage": "judge", "type": "judge", "status": None, "message": "judge failed"},
        "judge": {"model": "j", "score": None, "passed": None, "reason": "", "error": error},
    }


def judge_graded(record: dict[str, Any], score: float = 70.0) -> dict[str, Any]:
    return record | {"judge": {"model": "j", "score": score, "passed": score >= 60, "reason": "ok", "error": None}}


def saved(cases: list[dict[str, Any]]) -> dict[str, Any]:
    """The document as results.json holds it: the reports are rendered from the file."""
    return json.loads(json.dumps(document(cases)))


def judge_rows(doc: dict[str, Any]) -> dict[str, list[Any]]:
    table = section(doc, "judge").table
    assert table is not None
    return {row[0]: row for row in table.rows}


@pytest.mark.parametrize("n", [1, 3, 14])
def test_a_judge_that_errored_on_every_answer_gets_a_row_saying_so(n: int):
    doc = saved([judge_failed(answer("m1", f"c{i}", 80.0)) for i in range(n)])
    assert doc["aggregates"].get("judge") in (None, [])  # no agreement to compute: the old section was missing
    (row,) = judge_rows(doc).values()
    assert row[:3] == ["m1", "norag", 0] and row[3:8] == ["-"] * 5
    assert row[8] == f"errored on {n} of {n} answers (first: {SHOWN})"


def test_the_row_is_in_the_terminal_markdown_and_html_reports_without_the_secrets():
    cases = [judge_failed(answer("m1", f"c{i}", 80.0)) for i in range(6)]
    cases += [judge_graded(answer("m2", f"c{i}", 80.0)) for i in range(6)]
    terminal, markdown, page = three_renderings(saved(cases))
    cell = f"errored on 6 of 6 answers (first: {SHOWN})"
    assert cell in terminal
    assert cell.replace("*", "\\*") in markdown
    assert html.escape(cell) in page
    for text in (terminal, markdown, page):
        assert KEY not in text and "pw0rd" not in text and "token=qq" not in text
        assert "the judge errored on every answer of that model and mode" in text


def test_the_first_error_is_the_first_recorded_and_cut_to_one_line():
    long = "line one\nline two " + "x" * 500
    cases = [judge_failed(answer("m1", "c0", 80.0), long), judge_failed(answer("m1", "c1", 80.0), "other error")]
    cell = judge_rows(saved(cases))["m1"][8]
    assert cell.startswith("errored on 2 of 2 answers (first: line one line two xxx") and "other error" not in cell
    assert cell.endswith("...)") and len(cell) < FIRST_ERROR_CHARS + 60


def test_each_model_and_mode_has_its_own_row():
    cases = [judge_failed(answer("m1", f"c{i}", 80.0, mode=mode)) for i in range(4) for mode in ("norag", "rag")]
    cases += [judge_failed(answer("m2", f"c{i}", 80.0)) for i in range(2)]
    failed = judge_failures(judge_errors(saved(cases)["cases"]), set())
    assert [(f["model"], f["mode"], f["errors"], f["answers"]) for f in failed] == [
        ("m1", "norag", 4, 4),
        ("m1", "rag", 4, 4),
        ("m2", "norag", 2, 2),
    ]


def test_a_judge_that_graded_some_answers_keeps_its_figures_and_its_count_of_errors():
    cases = [judge_graded(answer("m1", f"c{i}", 80.0)) for i in range(5)]
    cases.append(judge_failed(answer("m1", "c5", 80.0)))
    row = judge_rows(saved(cases))["m1"]
    assert row[2] == 5  # the aggregates' row, as before
    assert row[8] == f"errored on 1 of 6 answers (first: {SHOWN})"  # its count, of how many, and the first error


def test_no_judge_no_section_and_a_case_error_without_a_judge_record_is_no_judge_error():
    plain = [answer("m1", f"c{i}", 80.0) for i in range(4)]
    server_error = [answer("m2", "c0", 80.0) | {"score": None, "error": {"type": "APIError"}}]
    doc = saved(plain + server_error)
    assert not [
        s for s in __import__("pytest_llmeval.results.sections", fromlist=["x"]).build_sections(doc) if s.key == "judge"
    ]
    assert judge_failures(judge_errors(doc["cases"]), set()) == []
