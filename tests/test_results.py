"""Aggregation and report rendering from hand-made case records (no model, no pytest plugin)."""

from __future__ import annotations

import json

import pytest

from pytest_llmeval.results.aggregate import aggregate_document, model_comparison, model_rows, rag_rows
from pytest_llmeval.results.recorder import RunRecorder
from pytest_llmeval.results.render import render_markdown, render_terminal
from pytest_llmeval.results.schema import SCHEMA_VERSION
from pytest_llmeval.results.sections import rag_section


def record(model, case, category, mode, score, passed, **extra):
    return {
        "model": model,
        "scenario_id": case,
        "suite": "s",
        "category": category,
        "mode": mode,
        "score": score,
        "passed": passed,
        "ttft_s": 0.2,
        "e2e_s": 2.0,
        "decode_tok_s": 20.0,
        "prompt_tokens": 10,
        "output_tokens": 40,
        "covered": [],
        "missing": [],
        "echoed": [],
        "answer": "a",
        **extra,
    }


def retrieval(hit, overlap_ratio):
    return {
        "retrieval": {
            "hit_at_k": hit,
            "recall_at_k": hit,
            "mrr_at_k": hit,
            "ndcg_at_k": hit,
            "bm25_dense_overlap": overlap_ratio,
            "rerank": "skipped",
        },
        "retrieval_ms": 30.0,
        "generation_ms": 2000.0,
    }


CASES = [
    record("a", "c1", "x", "norag", 20.0, False),
    record("a", "c2", "y", "norag", 60.0, True),
    record("a", "c1", "x", "rag", 80.0, True, **retrieval(1.0, 0.2)),
    record("a", "c2", "y", "rag", 70.0, True, **retrieval(0.0, 0.4)),
    record("b", "c1", "x", "norag", 10.0, False),
]


def test_aggregate_per_model_and_mode():
    rows = {
        (r["model"], r["mode"]): r
        for r in model_rows(CASES, {"a": {"source": "rss", "peak_mib": 900.0}}, intervals=False)
    }
    assert rows[("a", "norag")]["mean_score"] == 40.0 and rows[("a", "norag")]["pass_rate"] == 50.0
    assert rows[("a", "rag")]["mean_score"] == 75.0 and rows[("a", "rag")]["categories"] == {"x": 80.0, "y": 70.0}
    assert rows[("a", "rag")]["peak_memory_mib"] == 900.0 and rows[("b", "norag")]["peak_memory_mib"] is None
    assert rows[("b", "norag")]["cases"] == 1 and rows[("a", "norag")]["total_output_tokens"] == 80


def test_rag_uplift_pairs_cases_and_averages_retrieval():
    (row,) = rag_rows(CASES, intervals=False)  # model b never ran with RAG
    assert row["model"] == "a" and row["paired_cases"] == 2
    assert (row["score_norag"], row["score_rag"], row["uplift"]) == (40.0, 75.0, 35.0)
    assert row["categories"]["x"] == {"norag": 20.0, "rag": 80.0, "uplift": 60.0, "n": 1}
    assert row["categories"]["y"]["uplift"] == 10.0
    (with_intervals,) = rag_rows(CASES, intervals=True)
    interval = with_intervals["categories"]["x"]["uplift_interval"]
    assert interval["n"] == 1 and interval["low"] is None  # one case: no interval, and the record says so
    assert row["mean_hit_at_k"] == 0.5 and row["mean_bm25_dense_overlap"] == pytest.approx(0.3)
    assert row["retrieval_n"] == 2  # the cases that name their documents
    no_documents = [dict(c, retrieval={**c["retrieval"], "hit_at_k": None}) if c.get("retrieval") else c for c in CASES]
    no_documents[2]["retrieval"]["hit_at_k"] = 1.0
    assert rag_rows(no_documents, intervals=False)[0]["retrieval_n"] == 1
    section = rag_section({"aggregates": {"rag": [row]}})
    assert dict(zip(section.table.headers, section.table.rows[0]))["hit@k"] == "0.50 (n=2)"
    assert row["retrieval_ms_p50"] == 30.0 and row["generation_ms_p50"] == 2000.0 and row["rerank"] == ["skipped"]


def test_every_category_figure_says_its_n():
    rows = {(r["model"], r["mode"]): r for r in model_rows(CASES, {}, intervals=False)}
    assert rows[("a", "rag")]["category_cases"] == {"x": 1, "y": 1}
    doc = {
        "schema_version": 2,
        "run": {"models": ["a", "b"], "settings": {}},
        "cases": CASES,
        "aggregates": aggregate_document(CASES, {}, True, []),
        "benchmarks": [],
    }
    text = render_markdown(doc)
    assert "80.0 [no 95% interval at n=1] (n=1)" in text  # a's rag mean in category x: n=1 gives no interval
    assert "20.0 / 80.0 / +60.0 [no 95% interval at n=1] (n=1)" in text


def test_recorder_keeps_every_case_on_disk_as_it_arrives(tmp_path):
    recorder = RunRecorder(tmp_path, {"models": ["a"]}, save_interval_s=0)
    recorder.add_case(CASES[0])
    on_disk = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))
    assert on_disk["run"]["status"] == "running" and len(on_disk["cases"]) == 1
    recorder.add_case(CASES[2])
    assert len((tmp_path / "cases.jsonl").read_text(encoding="utf-8").splitlines()) == 2
    doc = recorder.finish("interrupted")
    assert doc["run"]["status"] == "interrupted" and doc["schema_version"] == SCHEMA_VERSION
    terminal = render_terminal(doc)
    assert "mean score" in terminal and "uplift" in terminal
    assert "## RAG: without vs with retrieval" in render_markdown(doc)


def test_saved_results_render_without_pytest(tmp_path, capsys):
    from pytest_llmeval.__main__ import main

    recorder = RunRecorder(tmp_path, {"models": ["a"]})
    for case in CASES:
        recorder.add_case(case)
    recorder.finish("complete")
    assert main([str(tmp_path / "results.json"), "--markdown", str(tmp_path / "again.md")]) == 0
    assert "mean score" in capsys.readouterr().out
    assert "## Summary per model" in (tmp_path / "again.md").read_text(encoding="utf-8")
    (tmp_path / "bad.json").write_text('{"schema_version": 99}', encoding="utf-8")
    assert main([str(tmp_path / "bad.json")]) == 2
    assert "schema_version 99 was written by a newer pytest-llmeval" in capsys.readouterr().err


def test_recording_is_throttled_but_cases_jsonl_has_every_case(tmp_path):
    now = [0.0]
    recorder = RunRecorder(tmp_path, {"models": ["a"]}, save_interval_s=5.0, clock=lambda: now[0])
    recorder.add_case(CASES[0])  # first save happens at once
    recorder.add_case(CASES[1])
    on_disk = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))
    assert len(on_disk["cases"]) == 1  # not rewritten within the interval
    assert len((tmp_path / "cases.jsonl").read_text(encoding="utf-8").splitlines()) == 2  # the crash log is
    now[0] = 6.0
    recorder.add_case(CASES[2])
    assert len(json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))["cases"]) == 3


def test_the_aggregates_are_computed_once_until_something_is_recorded(tmp_path, monkeypatch):
    from pytest_llmeval.results import recorder as recorder_module

    calls: list[bool] = []
    real = recorder_module.aggregate_document

    def counting(cases, memory, intervals, benchmarks):
        calls.append(intervals)
        return real(cases, memory, intervals, benchmarks)

    monkeypatch.setattr(recorder_module, "aggregate_document", counting)
    recorder = RunRecorder(tmp_path, {"models": ["a"]}, save_interval_s=1000)
    recorder.add_case(CASES[0])
    first = recorder.document()
    assert recorder.document(intervals=False)["aggregates"] == first["aggregates"]  # served by the one with
    assert calls == [False, True]  # the first case's save (without intervals), then one with them
    recorder.add_case(CASES[1])
    assert recorder.document(intervals=False)["aggregates"]["models"][0]["samples"] == 2  # a new case: again
    recorder.add_memory("a", {"peak_mib": 100.0, "source": "rss"})
    doc = recorder.finish("complete")
    assert calls == [False, True, False, True]  # the memory record counts as a change; finish computes once
    assert doc["aggregates"]["models"][0]["peak_memory_mib"] == 100.0
    saved = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))
    assert recorder.saved_text is not None and json.loads(recorder.saved_text) == saved


def test_a_case_is_recorded_once_however_many_tests_report_it(tmp_path):
    recorder = RunRecorder(tmp_path, {"models": ["a"]}, save_interval_s=0)
    assert recorder.add_case(CASES[0]) is True
    assert recorder.add_case(dict(CASES[0])) is False
    assert recorder.add_case({**CASES[0], "sample": 1}) is True  # another sample of it is not a duplicate
    doc = recorder.finish("complete")
    (row,) = [r for r in doc["aggregates"]["models"] if r["mode"] == "norag"]
    assert row["cases"] == 1 and row["samples"] == 2


def test_report_without_rag_has_no_stray_no_case_finished_and_empty_run_says_it_once(tmp_path):
    recorder = RunRecorder(tmp_path, {"models": ["a"]}, save_interval_s=0)
    recorder.add_case(CASES[0])
    text = render_markdown(recorder.finish("complete"))
    assert "No case finished." not in text
    empty = RunRecorder(tmp_path / "empty", {"models": ["a"]}).finish("complete")
    text = render_markdown(empty)
    assert text.count("No case finished.") == 1
    summary = text.index("## Summary per model")
    assert summary < text.index("No case finished.") < text.index("## Cases")


def test_json_schema_is_generated_from_the_types_and_shipped_in_docs():
    from pathlib import Path

    from pytest_llmeval.results.schema import json_schema

    schema = json_schema()
    assert "CaseRecord" in schema["$defs"] and "error" in schema["$defs"]["CaseRecord"]["properties"]
    # a field's trailing comment in results/schema.py is its description (was: no description but the docstrings')
    described = schema["$defs"]["CaseRecord"]["properties"]["cached"]["description"]
    assert described.startswith("--llm-cache: the answer came from the cache")
    assert "interrupted" in schema["$defs"]["RunInfo"]["properties"]["status"]["description"]
    assert schema["$defs"]["GateMetric"]["properties"]["p_holm"]["description"].startswith("The p adjusted by Holm")
    shipped = json.loads((Path(__file__).parents[1] / "docs" / "results.schema.json").read_text(encoding="utf-8"))
    assert shipped == schema, "docs/results.schema.json is stale: python -m pytest_llmeval schema --output it"


def test_a_written_results_document_validates_against_the_schema(tmp_path):
    from pydantic import TypeAdapter

    from pytest_llmeval.results.schema import ResultsDocument

    recorder = RunRecorder(
        tmp_path,
        {
            "models": ["a"],
            "plugin": "p",
            "plugin_version": "0",
            "git_commit": None,
            "hardware": {},
            "model_sources": {},
            "server_args": [],
            "settings": {},
            "rag": {},
            "invocation": [],
        },
    )
    for case in (c for c in CASES if "retrieval" not in c):  # hand-made retrieval records are partial
        recorder.add_case({**case, "sample": 0, "case_hash": "h"})
    doc = json.loads(json.dumps(recorder.finish("complete")))
    TypeAdapter(ResultsDocument).validate_python(doc)


def test_a_change_inside_the_save_interval_is_written_when_the_interval_ends(tmp_path):
    import time

    recorder = RunRecorder(tmp_path, {"models": ["a"]}, save_interval_s=0.5)
    recorder.add_case(CASES[0])  # written at once
    recorder.add_case(CASES[1])  # inside the interval: deferred
    assert len(json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))["cases"]) == 1
    time.sleep(1.0)
    assert len(json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))["cases"]) == 2
    recorder.finish("complete")


def test_the_judge_agreement_shows_kappa_with_its_interval_and_rho_with_its_p():
    from pytest_llmeval.results.aggregate import judge_agreement
    from pytest_llmeval.results.sections import judge_section

    cases = [
        {
            "model": "a",
            "mode": "norag",
            "scenario_id": f"c{i}",
            "score": 80.0 if i % 3 else 20.0,
            "keyword_passed": bool(i % 3),
            "passed": bool(i % 3),
            "judge": {"model": "j", "score": 85.0 if i % 3 else 10.0 + i, "passed": bool(i % 3) or i == 3},
        }
        for i in range(12)
    ]
    doc = {"aggregates": {"judge": judge_agreement(cases)}}
    (row,) = judge_section(doc).table.rows
    n, kappa, rho = row[2], row[6], row[7]
    assert n == 12 and kappa.count("[") == 1 and "(p=" in rho, row


def test_the_commands_name_a_path_they_cannot_write_without_a_traceback(tmp_path, capsys):
    from pytest_llmeval.__main__ import main

    recorder = RunRecorder(tmp_path, {"models": ["a"]})
    for case in CASES:
        recorder.add_case({**case, "question": f"问{case['scenario_id']}"})  # asked as now: rescore gets to writing
    recorder.finish("complete")
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    results = str(tmp_path / "results.json")
    scenarios = tmp_path / "s.yaml"
    scenarios.write_text(
        "suite: s\ncases:\n"
        + "".join(f"  - {{id: {i}, category: x, question: 问{i}, key_points: [答]}}\n" for i in ("c1", "c2")),
        encoding="utf-8",
    )
    for argv in (
        [results, "--markdown", str(blocker / "r.md")],
        ["schema", "--output", str(blocker / "s.json")],
        ["rescore", results, "--scenarios", str(scenarios), "-o", str(blocker / "out"), "--runs-dir", str(tmp_path)],
    ):
        code = main(argv)
        err = capsys.readouterr().err
        assert code == 2, (argv, err)
        assert f"error: {blocker}" in err and "Fix:" in err and "Traceback" not in err, (argv, err)


def test_a_model_gains_nothing_in_a_comparison_from_the_cases_it_failed_to_answer():
    """b errored on 4 of 14 cases and scored 90 on the rest, a scored 80 on all: paired on the answered cases
    only, b was 'better' (+10.0 [10.0, 10.0], n=10). An error counts as score 0, as in the gate."""
    cases = []
    for i in range(14):
        cases.append(record("a", f"c{i}", "x", "norag", 80.0, True))
        failed = i < 4
        b = record("b", f"c{i}", "x", "norag", 0.0 if failed else 90.0, not failed)
        if failed:
            b.update(score=None, error={"type": "timeout", "message": "timed out"})
        cases.append(b)
    comparison = model_comparison(cases)
    rows = {r["model"]: r for r in comparison["rows"]}
    assert rows["b"]["score"]["n"] == 14 and rows["b"]["score"]["estimate"] == pytest.approx(10 * 90 / 14, abs=1e-3)
    (pair,) = comparison["pairs"]
    assert pair["n"] == 14 and pair["difference"]["estimate"] == pytest.approx((10 * 90 - 14 * 80) / 14, abs=1e-3)
    assert pair["verdict"] == "no significant difference"
    # RAG against no RAG on the same terms: four rag cases errored in retrieval
    rag = [record("m", f"c{i}", "x", "norag", 50.0, False) for i in range(8)]
    for i in range(8):
        failed = i < 4
        r = record("m", f"c{i}", "x", "rag", 0.0 if failed else 70.0, not failed)
        if failed:
            r.update(score=None, error={"stage": "retrieval", "type": "retrieval", "message": "index"})
        rag.append(r)
    (row,) = rag_rows(rag)
    assert row["paired_cases"] == 8 and row["uplift"] == pytest.approx((4 * 70 - 8 * 50) / 8)


def test_a_side_whose_every_case_errored_gets_no_verdict_and_a_nan_score_counts_as_an_error():
    """Model b's server died: every case errored, and the pair read "b - a -100.0 [-100.0, -100.0] worse" (p 0.0078
    at n=8), the RAG uplift -60.0 "significant" - verdicts on a dead server. And a NaN score without an error flag (a
    custom scorer's 0/0) dropped its case from the pair without a word, where the gate counts it as a scoring error."""
    cases = [record("a", f"c{i}", "x", "norag", 100.0, True) for i in range(8)]
    cases += [
        record("b", f"c{i}", "x", "norag", None, False, error={"type": "connection", "message": "refused"})
        for i in range(8)
    ]
    cases += [record("c", f"c{i}", "x", "norag", float("nan") if i < 4 else 100.0, i >= 4) for i in range(8)]
    pairs = {(p["a"], p["b"]): p for p in model_comparison(cases)["pairs"]}
    dead = pairs[("a", "b")]
    assert dead["difference"] is None and dead["verdict"].startswith("not compared: every case of b (norag) errored")
    nan = pairs[("a", "c")]
    assert nan["n"] == 8 and nan["difference"]["estimate"] == pytest.approx(-50.0)  # 4 of 8 at 0, not n=4 at 0
    assert pairs[("b", "c")]["difference"] is None  # b against c: b's side is dead too
    assert nan["family"] == 1  # the pairs with the dead side are outside Holm's family
    rag = [record("m", f"c{i}", "x", "norag", 60.0, True) for i in range(8)]
    rag += [record("m", f"c{i}", "x", "rag", None, False, error={"stage": "retrieval", "type": "x"}) for i in range(8)]
    (row,) = rag_rows(rag)
    assert row["uplift"] is None and row["not_compared"].startswith("not compared: every case of m (rag) errored")
    doc = {"run": {"settings": {}}, "cases": rag, "aggregates": {"rag": [row], "models": []}}
    section = rag_section(doc)
    assert section is not None and "not compared" in str(section.table.rows[0][4])  # type: ignore[union-attr]


def test_a_note_names_the_rows_of_each_interval_method_when_rows_differ():
    """A method's details (how many cases fell or rose) belong to one row: pooled into one list they read as the
    whole table's. With one method for every row the note names it once, without row names."""
    unchanged = {"method": "sign-flip; no case changed", "low": -23.2, "high": 23.2, "n": 14}
    moved = {"method": "sign-flip; 6 fell, 4 rose, of 14", "low": -71.1, "high": 58.1, "n": 14}
    rows = [
        {"model": "good", "uplift": 0.0, "uplift_interval": unchanged, "pass_change_interval": unchanged},
        {"model": "weak", "uplift": -3.8, "uplift_interval": moved, "pass_change_interval": unchanged},
    ]
    (note,) = rag_section({"aggregates": {"rag": rows}}).paragraphs
    assert "(good: sign-flip; no case changed; weak: sign-flip; 6 fell, 4 rose, of 14)" in note
    assert "same cases (sign-flip; no case changed)" in note


def test_report_marks_are_found_in_the_answer_not_in_the_markup_of_earlier_marks():
    """Marks were searched for in the HTML already marked: a point "class" matched inside the tag of an earlier mark
    and "amp" inside an entity, and the page broke. Each mark is now found in the answer as written, escaped after."""
    from pytest_llmeval.results.html import highlight

    case = {
        "points": [
            {"point": "20万元", "status": "covered"},
            {"point": "class", "status": "covered"},
            {"point": "mark", "status": "covered"},
        ],
        "forbidden_found": ["amp"],
    }
    html_text = highlight("预算20万元 & a <b>class</b>", case)
    assert html_text == (
        '预算<mark class="covered">20万元</mark> &amp; a &lt;b&gt;<mark class="covered">class</mark>&lt;/b&gt;'
    )
    nested = {"points": [{"point": "20万元", "status": "covered"}, {"point": "20", "status": "echoed"}]}
    assert highlight("20万元", nested) == '<mark class="covered">20万元</mark>'  # the longer mark holds the shorter
