"""Reports round 8: what a run's records lost or said twice.

- `run.selection` under pytest-xdist: the tests skipped and finished are counted on the controller from the reports
  xdist forwards (a crashed worker sent no counts: its skips read "selected but not run"); end to end in
  tests/test_xdist_selection_crash.py, the counter's rules here.
- The gate's "nothing comparable", where a run's selection is known and the other's is not (or both are known and
  differ), ends with one "Fix:" (it ended with a fix of each run, one sentence after the other).
- A judge that errored on some answers of a model and mode says "errored on 2 of 14 answers (first: ...)" with its
  first error, secrets hidden, as the row of a judge that errored on all of them does (a bare 2 said neither).
"""

from __future__ import annotations

import html
import json
from types import SimpleNamespace
from typing import Any

import pytest

from pytest_llmeval.compare import compare_runs, parse_fail_expressions
from pytest_llmeval.results.selection import CASE_REPORT_KEY, SelectionCounter, selection_record
from tests.compare.run_builders import GOOD, run
from tests.results.test_judge_errors_row import ERROR, KEY, SHOWN, judge_failed, judge_graded, judge_rows, saved
from tests.results.test_report_n_sweep import answer, section, three_renderings

# --- 1. the controller counts skips and finished tests from the forwarded reports -------------------------------------


def report(nodeid: str, when: str, outcome: str, case: bool = True, reason: str = "") -> SimpleNamespace:
    """A test report as xdist forwards it to the controller (a case test's carries the mark)."""
    rep = SimpleNamespace(
        nodeid=nodeid,
        when=when,
        skipped=outcome == "skipped",
        failed=outcome == "failed",
        passed=outcome == "passed",
        longrepr=("f.py", 1, f"Skipped: {reason}") if outcome == "skipped" else None,
    )
    if case:
        setattr(rep, CASE_REPORT_KEY, True)
    return rep


def controller(*reports: SimpleNamespace, workers: tuple[dict[str, Any] | None, ...] = ()) -> dict[str, Any] | None:
    counter = SelectionCounter()  # a controller collects nothing
    for rep in reports:
        counter.pytest_runtest_logreport(rep)
    for output in workers:
        counter.add_worker(output)
    return counter.record([])


COLLECTED = {"llmeval_selection": {"collected": 5, "deselected": 1}}


def test_the_controller_counts_what_every_worker_reported_and_a_crash_once():
    record = controller(
        report("t[a]", "setup", "passed"), report("t[a]", "call", "passed"), report("t[a]", "teardown", "passed"),
        report("t[b]", "setup", "skipped", reason="no GPU"),
        report("t[c]", "setup", "passed"), report("t[c]", "???", "failed", case=False),  # its worker crashed
        report("t[d]", "setup", "passed"), report("t[d]", "call", "failed"),
        report("t[d]", "???", "failed", case=False),  # crashed in its teardown: counted once
        report("plain", "setup", "passed", case=False), report("plain", "call", "passed", case=False),
        workers=(None, COLLECTED),  # the crashed worker's output is missing; the other's collection stands in
    )  # fmt: skip
    assert record is not None
    counts = {k: record[k] for k in ("collected", "deselected", "selected", "skipped", "finished", "skip_reasons")}
    assert counts == {
        "collected": 5,
        "deselected": 1,
        "selected": 4,
        "skipped": 1,
        "finished": 3,
        "skip_reasons": {"no GPU": 1},
    }


def test_workers_send_their_collection_only_and_no_collection_is_no_record():
    workeroutput: dict[str, Any] = {}
    worker = SelectionCounter(workeroutput)
    worker.pytest_collection_finish(SimpleNamespace(items=[]))
    assert workeroutput == {"llmeval_selection": {"collected": 0, "deselected": 0, "case_digests": []}}
    assert controller(report("t[a]", "call", "passed")) is None  # every worker crashed: no count of the suite


# --- 2. one Fix when a run without cases tells why and the other does not ------------------------------------------


def caseless(selection: dict[str, Any] | None) -> dict[str, Any]:
    doc = run([])
    doc["run"]["models"] = ["m1"]
    if selection is not None:
        fields = {"collected": 14, "deselected": 0, "skipped": {}, "finished": 0, "selected_by": []} | selection
        doc["run"]["selection"] = selection_record(**fields)
    return doc


def nothing_text(base: dict[str, Any], new: dict[str, Any]) -> str:
    cmp = compare_runs(base, new, parse_fail_expressions("score:5"))
    (nothing,) = [p for p in cmp["problems"] if p["kind"] == "nothing"]
    return str(nothing["text"])


@pytest.mark.parametrize(
    ("base", "new", "fix"),
    [
        (
            None,
            {"deselected": 14, "selected_by": ["-k plain"]},
            "Fix: for the baseline, accept a baseline that asked the suite's cases (python -m pytest_llmeval accept); "
            "and for the new run, a -k, -m or test path that selects LLM cases",
        ),
        (
            {"deselected": 14, "selected_by": ["-k plain"]},
            None,
            "Fix: for the baseline, a -k, -m or test path that selects LLM cases (pytest --collect-only -q lists "
            "them); and for the new run, a run that asks the suite's cases",
        ),
        (
            {"deselected": 14, "selected_by": ["-k plain"]},
            {},
            "Fix: for the baseline, a -k, -m or test path that selects LLM cases (pytest --collect-only -q lists "
            "them); and for the new run, a run to its end (without -x or --maxfail, not interrupted)",
        ),
        (
            {"deselected": 14, "selected_by": ["-k a"]},
            {"deselected": 14, "selected_by": ["-k b"]},
            "Fix: a -k, -m or test path that selects LLM cases (pytest --collect-only -q lists them)",
        ),
    ],
    ids=["baseline unknown", "new run unknown", "both known, two fixes", "both known, one fix"],
)
def test_nothing_comparable_ends_with_one_fix(base: Any, new: Any, fix: str):
    text = nothing_text(caseless(base), caseless(new))
    assert text.count("Fix:") == 1, text
    assert text.endswith(fix) if fix.endswith(")") else fix in text, text
    assert "; nothing compared. Fix: " in text
    for which, selection in (("baseline", base), ("new run", new)):
        said = f"the {which} has no case record" if selection is None else f"no LLM case ran in the {which}: "
        assert said in text, text


def test_two_runs_that_cannot_tell_keep_one_fix_and_a_run_with_cases_adds_none():
    text = nothing_text(caseless(None), caseless(None))
    fix = "Fix: compare runs that asked the suite's cases (accept one as the baseline: python -m pytest_llmeval accept)"
    assert text.count("Fix:") == 1 and text.endswith(fix), text
    assert "the baseline has no case record" in text and "the new run has no case record" in text
    text = nothing_text(run(GOOD), caseless({"deselected": 14, "selected_by": ["-k plain"]}))
    assert text.count("Fix:") == 1 and "nothing compared. Fix: a -k, -m or test path" in text, text


# --- 3. a judge that errored on some answers: k of n and its first error ---------------------------------------------


def test_a_judge_that_errored_on_some_answers_says_k_of_n_with_its_first_error_in_every_report():
    cases = [judge_failed(answer("m1", f"c{i}", 80.0)) for i in range(2)]
    cases += [judge_graded(answer("m1", f"c{i}", 80.0)) for i in range(2, 14)]
    doc = saved(cases)
    (row,) = judge_rows(doc).values()
    cell = f"errored on 2 of 14 answers (first: {SHOWN})"
    assert row[2] == 12 and row[8] == cell, row
    terminal, markdown, page = three_renderings(doc)
    assert cell in terminal and cell.replace("*", "\\*") in markdown and html.escape(cell) in page
    for text in (terminal, markdown, page):
        assert KEY not in text and "pw0rd" not in text and "token=qq" not in text
        assert "judge errors: on how many of the answers it was given the judge errored" in text
    assert ERROR == json.loads(json.dumps(doc))["cases"][0]["judge"]["error"]  # the record keeps the error as it was


def test_a_judge_without_errors_keeps_its_zero_and_no_note():
    doc = saved([judge_graded(answer("m1", f"c{i}", 80.0)) for i in range(4)])
    (row,) = judge_rows(doc).values()
    assert row[8] == 0
    assert not any("judge errors: on how many" in str(note) for note in section(doc, "judge").paragraphs)
