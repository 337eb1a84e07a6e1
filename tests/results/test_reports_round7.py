"""Reports round 7: what of the suite a run covered, text that shows no glyph, a blank results.json, the bounds.

- results.json records the LLM case tests pytest collected, deselected, skipped (with reasons) and ran
  (`run.selection`); every report says it ("3 of 14 LLM case tests run: 11 deselected by -k roi"); a results.json
  written before loads and renders as before; `merge` adds the shards' counts up.
- Control characters, bidirectional overrides, zero-width spaces and NUL in a model name, case id, category or answer
  are shown as their escapes in the terminal, report.md and report.html (and the charts); `$...$` in a label is text.
- A results.json of only a byte order mark or only whitespace says what it holds, not "empty (0 bytes)".
- No figure, interval end or difference prints as 0 or 100 (or +-100) when it is not: 99.96, 0.04, -99.96, 0.999.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import pytest

from pytest_llmeval.results.html import render_html
from pytest_llmeval.results.recorder import ResultsFileError, RunRecorder, load_results
from pytest_llmeval.results.render import render_markdown, render_terminal
from pytest_llmeval.results.sections import build_sections, visible, with_interval
from pytest_llmeval.results.sections.elements import FRACTION_BOUNDS, off_the_bounds, score_figure, signed
from pytest_llmeval.results.selection import coverage_line, merged_selection, selection_record
from pytest_llmeval.testing.openai_fake import FakeServer
from tests.results.test_report_n_sweep import answer, document, errored

pytestmark = pytest.mark.charts  # the report's charts are drawn here (tests/conftest.py)

RIGHT = "答：甲项、乙项。"


def three(doc: dict[str, Any]) -> list[str]:
    return [render_terminal(doc), render_markdown(doc), render_html(doc)]


def suite(names: list[str]) -> str:
    lines = ["suite: s", "cases:"]
    for i, name in enumerate(names):
        lines += [
            f"  - id: {name}",
            "    category: huishouqi",
            f"    question: 第{i}题：列出要点。",
            "    key_points: [甲项, 乙项]",
        ]
    return "\n".join(lines) + "\n"


FOURTEEN = [f"roi_{i:02d}" for i in range(3)] + [f"cash_{i:02d}" for i in range(3, 14)]
SKIP_CONFTEST = """
import pytest

def pytest_collection_modifyitems(items):
    for item in items:
        if "cash_05" in item.nodeid or "cash_06" in item.nodeid:
            item.add_marker(pytest.mark.skip(reason="GPU 忙 (busy)"))
"""


def run_suite(project, *args: str) -> pytest.RunResult:
    with FakeServer(answers=lambda request: RIGHT) as fake:
        return project.run("--llm-base-url", fake.base_url, "--llm-model", "m", "--llm-max-tokens", "16", *args)


# --- 1. what of the suite the run covered ---------------------------------------------------------------------------


def test_a_k_run_says_in_every_report_how_many_of_the_suite_ran_and_why(llm_project):
    llm_project.scenario("s.yaml", suite(FOURTEEN))
    result = run_suite(llm_project, "-k", "roi")
    result.assert_outcomes(passed=3, deselected=11)
    selection = llm_project.results()["run"]["selection"]
    assert selection | {"unit": ""} == {
        "unit": "",
        "collected": 14,
        "deselected": 11,
        "selected": 3,
        "skipped": 0,
        "skip_reasons": {},
        "finished": 3,
        "selected_by": ["-k roi"],
    }
    line = "3 of 14 LLM case tests run: 11 deselected by -k roi."
    assert line in result.stdout.str()
    assert line in llm_project.report()
    assert html.escape(line) in llm_project.report(name="report.html")


def test_skipped_cases_are_counted_with_their_reasons_and_the_expression_is_quoted(llm_project):
    llm_project.scenario("s.yaml", suite(FOURTEEN))
    llm_project.pytester.makeconftest(SKIP_CONFTEST)
    result = run_suite(llm_project, "-k", "roi or cash_05 or cash_06")
    result.assert_outcomes(passed=3, skipped=2, deselected=9)
    selection = llm_project.results()["run"]["selection"]
    assert (selection["skipped"], selection["skip_reasons"], selection["finished"]) == (2, {"GPU 忙 (busy)": 2}, 3)
    line = "3 of 14 LLM case tests run: 9 deselected by -k 'roi or cash_05 or cash_06'; 2 skipped (2 \"GPU 忙 (busy)\")"
    assert line in result.stdout.str() and line in llm_project.report()


def test_a_whole_run_says_so_and_xdist_workers_counts_are_joined(llm_project):
    pytest.importorskip("xdist")
    llm_project.scenario("s.yaml", suite(FOURTEEN[:7]))
    llm_project.pytester.makeconftest(SKIP_CONFTEST)
    result = run_suite(llm_project, "-n", "2")
    result.assert_outcomes(passed=5, skipped=2)
    selection = llm_project.results()["run"]["selection"]
    counts = (selection["collected"], selection["deselected"], selection["skipped"], selection["finished"])
    assert counts == (7, 0, 2, 5)
    assert '5 of 7 LLM case tests run: 2 skipped (2 "GPU 忙 (busy)")' in result.stdout.str()


def test_a_complete_run_of_the_whole_suite_says_the_whole_suite(llm_project):
    llm_project.scenario("s.yaml", suite(FOURTEEN[:4]))
    run_suite(llm_project).assert_outcomes(passed=4)
    assert "4 of 4 LLM case tests run (the whole suite collected)." in llm_project.report()


def sel(**counts: Any) -> dict[str, Any]:
    base = {"collected": 14, "deselected": 0, "skipped": {}, "finished": 14, "selected_by": []}
    base.update(counts)
    return {"run": {"selection": selection_record(**base)}}


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        (sel(), "14 of 14 LLM case tests run (the whole suite collected)."),
        (
            sel(deselected=11, finished=3, selected_by=["-k roi"]),
            "3 of 14 LLM case tests run: 11 deselected by -k roi.",
        ),
        (
            sel(deselected=4, finished=10),
            "10 of 14 LLM case tests run: 4 deselected (by -k, -m, --deselect or a plugin)",
        ),
        (sel(deselected=12, finished=2, selected_by=["-m", "--llm-shard 2/7"]), "12 deselected by -m --llm-shard 2/7"),
        (sel(finished=5), "5 of 14 LLM case tests run: 9 selected but not run (the run stopped first"),
        (sel(skipped={"无 GPU": 3, "slow": 1}, finished=10), '4 skipped (3 "无 GPU", 1 "slow")'),
        (
            sel(skipped={f"r{i}": 1 for i in range(8)}, finished=6),
            '8 skipped (1 "r0", 1 "r1", 1 "r2", 1 "r3", 1 "r4", 3 for 3 other reason(s))',
        ),
        (sel(collected=0, finished=0), "0 LLM case tests collected: no LLM case was asked (n = 0)."),
    ],
)
def test_the_coverage_line_names_every_count(doc, expected):
    line = coverage_line(doc)
    assert line is not None and expected in line
    if "whole suite" not in expected and "0 LLM case tests collected" not in expected:
        assert "not of the whole suite" in line


@pytest.mark.parametrize(
    "run",
    [
        {},
        {"selection": None},
        {"selection": "14"},
        {"selection": {"collected": "14", "deselected": 0}},
        {"selection": {"collected": 14}},
        {"selection": {"collected": -1, "deselected": 0}},
    ],
)
def test_a_run_without_counts_shows_no_coverage_line(run):
    assert coverage_line({"run": run}) is None


def test_an_old_results_json_without_counts_loads_and_renders_as_before(tmp_path):
    recorder = RunRecorder(
        tmp_path,
        {
            "models": ["m"],
            "plugin": "p",
            "plugin_version": "0",
            "git_commit": None,
            "hardware": {},
            "model_sources": {},
            "server_args": [],
            "settings": {},
            "rag": {},
            "invocation": [],
            "launches": [],
        },
    )
    recorder.add_case(answer("m", "q1", 80.0))
    recorder.finish("complete")
    doc = load_results(recorder.results_path)
    assert "selection" not in doc["run"]
    for text in three(doc):
        assert "LLM case tests" not in text and "80.0" in text


def test_the_counts_of_a_run_without_a_case_replace_the_guess(tmp_path):
    doc = document([]) | {"run": {"models": ["m"], "selection": selection_record(14, 14, {}, 0, ["-k nothing"])}}
    (summary,) = [s for s in build_sections(doc) if s.key == "summary"]
    assert "0 of 14 LLM case tests run: 14 deselected by -k nothing" in summary.paragraphs[0]
    assert "does not record" not in summary.paragraphs[0]


def test_a_wrong_type_in_the_counts_names_the_field(tmp_path):
    recorder = RunRecorder(
        tmp_path,
        {
            "models": ["m"],
            "plugin": "p",
            "plugin_version": "0",
            "git_commit": None,
            "hardware": {},
            "model_sources": {},
            "server_args": [],
            "settings": {},
            "rag": {},
            "invocation": [],
            "launches": [],
        },
    )
    recorder.run["selection"] = selection_record(14, 11, {"slow": 1}, 2, ["-k roi"])
    recorder.add_case(answer("m", "q1", 80.0))
    recorder.finish("complete")
    assert load_results(recorder.results_path)["run"]["selection"]["collected"] == 14  # the schema takes it
    doc = json.loads(recorder.results_path.read_text(encoding="utf-8"))
    doc["run"]["selection"]["collected"] = "fourteen"
    recorder.results_path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(ResultsFileError, match="selection.*collected"):
        load_results(recorder.results_path)


def test_merged_shards_add_their_counts_up_and_drop_the_shard_option():
    shards = [
        selection_record(14, 9, {"slow": 1}, 4, ["--llm-shard 1/3"]),
        selection_record(14, 10, {}, 4, ["--llm-shard 2/3"]),
        selection_record(14, 9, {"slow": 2}, 3, ["--llm-shard 3/3"]),
    ]
    merged = merged_selection(shards)
    assert merged is not None
    assert (merged["collected"], merged["selected"], merged["deselected"], merged["finished"]) == (14, 14, 0, 11)
    assert merged["skip_reasons"] == {"slow": 3} and merged["selected_by"] == []
    assert merged_selection([shards[0], None]) is None  # a shard written before: no count rather than a wrong one


def test_merge_of_two_shard_runs_keeps_their_joined_counts(llm_project, tmp_path, capsys):
    from pytest_llmeval.__main__ import main

    llm_project.scenario("s.yaml", suite(FOURTEEN[:6]))
    with FakeServer(answers=lambda request: RIGHT) as fake:  # one server: the shards' settings must be the same
        for index in (1, 2):
            llm_project.run(
                *("--llm-base-url", fake.base_url, "--llm-model", "m", "--llm-max-tokens", "16"),
                *("--llm-shard", f"{index}/2", "--llm-report-dir", f"shard{index}"),
            )
    shards = [llm_project.results(f"shard{index}")["run"]["selection"] for index in (1, 2)]
    assert [s["collected"] for s in shards] == [6, 6] and sum(s["finished"] for s in shards) == 6
    out = tmp_path / "merged"
    given = [str(llm_project.path / f"shard{index}" / "results.json") for index in (1, 2)]
    code = main(["merge", *given, "--output", str(out)])
    assert code == 0, capsys.readouterr().err
    merged = json.loads((out / "results.json").read_text(encoding="utf-8"))["run"]["selection"]
    assert (merged["collected"], merged["deselected"], merged["finished"], merged["selected_by"]) == (6, 0, 6, [])
    assert "6 of 6 LLM case tests run (the whole suite collected)." in (out / "report.md").read_text(encoding="utf-8")


# --- 2. text that shows no glyph ------------------------------------------------------------------------------------

NASTY = [
    "esc\x1b[31mred\x1b[0m",
    "nul\x00byte",
    "bell\x07",
    "abc\u202edcba",
    "\u2067عربي\u2069 rtl",
    "zero\u200bwidth",
    "bom\ufeffmid",
    "del\x7fc1\x85",
    "回收期\u2060词",
]
SHOWN_RAW = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u202a-\u202e\u2060\u2066-\u2069\ufeff]")


@pytest.mark.parametrize("text", NASTY)
@pytest.mark.parametrize("where", ["model", "scenario_id", "category", "answer"])
def test_characters_without_a_glyph_are_shown_as_escapes_in_every_report(text, where):
    cases = [answer("m", f"q{i}", 55.0 + i, answer=f"答：{i}", missing=["乙项"]) for i in range(6)]
    cases += [answer("m2", f"q{i}", 75.0, answer="ok") for i in range(6)]
    for case in cases[:2]:
        case[where] = text if where != "scenario_id" else f"{text}{case['scenario_id']}"
    doc = document(cases)
    for rendered in three(doc):
        assert not SHOWN_RAW.findall(rendered), (where, text, sorted(set(SHOWN_RAW.findall(rendered))))
    escaped = visible(text)
    assert escaped != text
    assert escaped in render_html(doc).replace("&#x27;", "'")


@pytest.mark.parametrize(
    "text",
    ["x $\\bad{$ y", "$\\alpha$", "cost $5 or $6", "<script>alert(1)</script>", ":smile: :+1:", "a" * 400],
)
def test_labels_with_tex_html_or_no_spaces_render_as_text(text):
    cases = [answer(m, f"q{i}", 40.0 + 10 * i, category=text if i % 2 else "c") for m in ("a", text) for i in range(6)]
    page = render_html(document(cases))
    assert "<script>alert" not in page and html.escape(text) in page
    assert "overflow-wrap:anywhere" in page  # a long word wraps in a cell, no table wider than the page
    markdown = render_markdown(document(cases))
    assert "<script>" not in markdown.replace("\\<script>", "")


def test_visible_keeps_text_that_renders_as_written():
    for text in ["回收期 ROI 12%", "👨\u200d👩\u200d👧 family", "می\u200cخواهم", "שלום\u200f abc", "a\tb\nc"]:
        assert visible(text) == text


# --- 3. a results.json with no JSON in it ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"", "is empty (0 bytes)"),
        (b"\xef\xbb\xbf", "holds only a UTF-8 byte order mark (3 bytes, EF BB BF), no JSON"),
        (b"\xef\xbb\xbf\n\n", "holds a UTF-8 byte order mark and only whitespace (5 bytes: 2 newlines), no JSON"),
        (b"  \n", "holds only whitespace (3 bytes: 2 spaces, 1 newline), no JSON"),
        (b"\r\n\t", "holds only whitespace (3 bytes: 1 carriage return, 1 newline, 1 tab), no JSON"),
    ],
)
def test_a_blank_results_json_says_what_it_holds_and_the_fix(tmp_path, content, says):
    path = tmp_path / "results.json"
    path.write_bytes(content)
    with pytest.raises(ResultsFileError) as caught:
        load_results(path)
    message = str(caught.value)
    assert says in message and str(path) in message and "Fix:" in message
    if content:
        assert "0 bytes" not in message


def test_report_command_says_it_too(tmp_path, capsys):
    from pytest_llmeval.__main__ import main

    path = tmp_path / "results.json"
    path.write_bytes(b"\xef\xbb\xbf")
    assert main(["report", str(path)]) == 2
    assert "byte order mark" in capsys.readouterr().err


# --- 4. the numbers a user reads -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "interval", "expected"),
    [
        (99.96, {"low": 78.4, "high": 99.97}, "99.96 [78.4, 99.97]"),
        (0.04, {"low": 0.004, "high": 21.6}, "0.04 [0.004, 21.6]"),
        (100.0, {"low": 80.7, "high": 100.0}, "100.0 [80.7, 100.0]"),
        (0.0, {"low": 0.0, "high": 19.3}, "0.0 [0.0, 19.3]"),
        (52.3, {"low": 44.1, "high": 60.2}, "52.3 [44.1, 60.2]"),
        (50.0, {"low": -1e-12, "high": 100.0 + 1e-12}, "50.0 [0.0, 100.0]"),
    ],
)
def test_no_value_or_interval_end_prints_as_a_bound_it_is_not(value, interval, expected):
    assert with_interval(value, interval) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(-99.96, "-99.96"), (99.96, "+99.96"), (-100.0, "-100.0"), (-0.04, "-0.04"), (3.14, "+3.1"), (-1e-12, "+0.0")],
)
def test_a_difference_is_not_printed_as_every_point(value, expected):
    assert signed(value) == expected


def test_fractions_and_case_scores_are_held_off_their_bounds():
    assert off_the_bounds(0.999, 2, FRACTION_BOUNDS) == "0.999"
    assert off_the_bounds(0.0004, 2, FRACTION_BOUNDS) == "0.0004"
    assert off_the_bounds(1.0, 2, FRACTION_BOUNDS) == "1.00"
    assert (score_figure(99.96), score_figure(100), score_figure(0.04), score_figure(None)) == (
        "99.96",
        "100.0",
        "0.04",
        "-",
    )


def test_the_rag_table_and_cases_table_do_not_round_99_96_to_100():
    cases = [answer("m", f"q{i}", 100.0 if i else 99.5) for i in range(14)]
    cases += [answer("m", f"q{i}", 80.0, mode="rag") for i in range(14)]
    doc = document(cases)
    (rag,) = [s for s in build_sections(doc) if s.key == "rag"]
    assert rag.table is not None and rag.table.rows[0][2] == "99.96"
    (cases_section,) = [s for s in build_sections(doc) if s.key == "cases"]
    assert cases_section.table is not None and "99.5" in [row[5] for row in cases_section.table.rows]


def test_a_model_and_mode_that_only_errored_shows_no_pass_rate_anywhere():
    cases = [answer("good", f"q{i}", 70.0) for i in range(8)] + [
        errored(answer("dead", f"q{i}", 0.0)) for i in range(8)
    ]
    doc = document(cases)
    for section in build_sections(doc):
        for row in section.table.rows if section.table else []:
            if row and row[0] == "dead" and section.key in ("summary", "comparison"):
                assert not any(re.fullmatch(r"\d+\.\d+ \[.*", str(cell)) for cell in row[3:8]), (section.key, row)


def test_every_summary_statistic_says_its_n():
    cases = [answer("m", f"q{i}", 60.0 + i) for i in range(7)]
    doc = document(cases)
    (summary,) = [s for s in build_sections(doc) if s.key == "summary"]
    assert summary.table is not None and "n cases" in summary.table.headers
    assert summary.table.rows[0][2] == 7


def test_schema_file_in_docs_knows_the_counts():
    shipped = json.loads((Path(__file__).parents[2] / "docs" / "results.schema.json").read_text(encoding="utf-8"))
    assert "selection" in shipped["$defs"]["RunInfo"]["properties"]


def test_a_rag_row_without_a_case_run_both_ways_says_not_measured_with_its_n():
    cases = [answer("m", f"q{i}", 70.0) for i in range(4)] + [
        answer("m", f"q{i}", 99.0, mode="rag") for i in range(4, 8)
    ]
    doc = document(cases)
    sections = {s.key: s for s in build_sections(doc)}
    row = sections["rag"].table.rows[0]  # type: ignore[union-attr]
    assert row[1:5] == [
        "0 (of no-RAG 4, RAG 4)",
        "-",  # as before: the RAG score is the mode's own mean, as "Models compared" shows it
        "99.0",
        "not measured: no case ran both without and with RAG (n = 0)",
    ]
    (rag_row,) = [r for r in sections["models"].table.rows if r[1] == "rag"]  # type: ignore[union-attr]
    assert rag_row[3].startswith("not measured")
    rag_table = render_markdown(doc).split("## RAG: without vs with retrieval")[1].split("##")[0]
    assert "| 0 (of no-RAG 4, RAG 4) | - | 99.0 | not measured: no case ran both" in rag_table
