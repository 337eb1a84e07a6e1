"""Reports round 6: what report.md, report.html and the terminal print.

- report.md shows every text as written once rendered (GitHub-flavoured Markdown, read here by markdown-it-py with
  tables and strikethrough): a model name, case id, category, message or heading holding `* _ \\` < > [ ] \\ # | ~ $ &`
  or starting like a list, a quote or a heading went in as markup - emphasis, a swallowed tag, code, a link, a list.
- A run with no case says why and its n (0), the same in all three formats: "No case finished." alone.
- Every cell, note and heading reads the same in the three formats over a sweep of run shapes (1-14 cases, 1-5
  repeats, 1-6 models, RAG and not, errors, cache hits, image cases, judge scores).
- Terminal tables keep their columns in line with Chinese (wide) characters: tabulate counts characters without the
  optional wcwidth package.
- A figure near the bound of its scale (a mean score of 99.96, a pass rate under 100) is not printed as the bound.
"""

from __future__ import annotations

import html
import json
import unicodedata
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from pytest_llmeval.__main__ import main
from pytest_llmeval.results.aggregate import aggregate_document
from pytest_llmeval.results.html import render_html
from pytest_llmeval.results.recorder import to_json
from pytest_llmeval.results.render import markdown_text, one_line, render_markdown, render_terminal
from pytest_llmeval.results.sections import build_sections, fmt, with_interval
from tests.results.test_report_n_sweep import answer, errored, from_cache
from tests.results.test_reports_round2 import every_cell_in_every_format

pytestmark = pytest.mark.charts  # the report's charts are drawn here (tests/conftest.py)

# --- 1. Markdown specials: rendered, report.md shows the text as written ---------------------------------------------

MARKUP_TEXTS = [
    "qwen*",
    "<think>",
    "_draft_",
    "a\\b",
    "`x`",
    "llama**3**",
    "m</td>",
    "m|1",
    "[best](http://x.io)",
    "![i](x.png)",
    "AT&amp;T",
    "&lt;b&gt;",
    "$5 or $6",
    "~~old~~",
    "x~y~z",
    "<!-- note -->",
    "<http://evil.io>",
    "#1 model",
    "- dash",
    "1. first",
    "> quote",
    "+ plus",
    "---",
    "回收期_*重点*",
    "__init__",
    "a_b_c",
    "*",
    "\\*",
    "[x]: http://y.io",
    "C:\\models\\qwen_7b",
    "<b>bold</b>",
    "2) second",
    "fin #",
    "*斜体* 与 **粗体**",
]

# inline tokens markdown-it makes of markup (anything but text); `strong` is the failed cases' bold lead
MARKUP_TOKENS = {"em_open", "code_inline", "html_inline", "link_open", "image", "s_open", "autolink", "entity"}
MARKUP_BLOCKS = {"blockquote_open", "code_block", "fence", "hr", "html_block", "ordered_list_open"}


def rendered(markdown: str) -> tuple[list[str], set[str]]:
    """Each inline run's text as a GitHub-like renderer shows it, and every token type it made."""
    markdown_it = pytest.importorskip("markdown_it")  # markdown-it-py: installed with rich, not a declared dependency
    md = markdown_it.MarkdownIt("commonmark").enable(["table", "strikethrough"])
    texts, kinds = [], set()
    for token in md.parse(markdown):
        kinds.add(token.type)
        if token.type == "inline":
            kinds |= {child.type for child in token.children or []}
            texts.append("".join(c.content for c in token.children or [] if c.type == "text"))
    return texts, kinds


def shows_as_written(markdown: str, text: str, whole: bool = True) -> list[str]:
    """What is wrong with how `text` reads once `markdown` is rendered: markup made, or the text nowhere."""
    texts, kinds = rendered(markdown)
    problems = (
        [f"markup made: {sorted(kinds & (MARKUP_TOKENS | MARKUP_BLOCKS))}"]
        if kinds & (MARKUP_TOKENS | MARKUP_BLOCKS)
        else []
    )
    found = any(t == text for t in texts) if whole else any(text in t for t in texts)
    return problems + ([] if found else [f"{text!r} not shown as written"])


@cache
def _named_doc(text: str) -> str:
    """report.md of a run whose second model, a case id and a category are `text`; that model fails a case."""
    cases = [
        answer(m, f"q{i}", 80.0 - 30 * (m == text and i == 0), category=text if i == 1 else "c")
        for m in ("b", text)
        for i in range(6)
    ]
    cases += [answer("b", "q9", 70.0, scenario_id=text, category="c")]
    cases[-1]["scenario_id"] = text
    cases[-1]["passed"] = False
    return render_markdown(document(cases))


def document(cases: list[dict[str, Any]], **more: Any) -> dict[str, Any]:
    run = {"models": list(dict.fromkeys(c["model"] for c in cases)), "status": "complete", "settings": {}}
    return {"run": run | more.pop("run", {}), "cases": cases, "aggregates": aggregate_document(cases), **more}


@pytest.mark.parametrize("where", ["model", "case", "category"])
@pytest.mark.parametrize("text", MARKUP_TEXTS)
def test_a_name_reads_as_written_in_rendered_report_md(text: str, where: str):
    markdown = _named_doc(text)
    if where == "model":
        cells = [line for line in markdown.splitlines() if line.startswith("| " + markdown_text(text) + " | norag")]
        assert cells, markdown
    texts, _ = rendered(markdown)
    assert text in texts, (where, text)  # a table cell whose whole text is the name, the id or the category
    assert not shows_as_written(markdown, text), shows_as_written(markdown, text)


@pytest.mark.parametrize("where", ["paragraph", "heading", "list item"])
@pytest.mark.parametrize("text", MARKUP_TEXTS)
def test_a_message_reads_as_written_where_it_starts_a_line(text: str, where: str):
    """A message, a heading or a header line starts a line of report.md, where `- `, `1. `, `> `, `# ` or `[x]: `
    make a list, a quote, a heading or a link definition."""
    escaped = markdown_text(text, block=True)
    markdown = {"paragraph": f"{escaped}\n", "heading": f"## {escaped}\n", "list item": f"- {escaped}\n"}[where]
    assert not shows_as_written(markdown, text), (markdown, shows_as_written(markdown, text))


@pytest.mark.parametrize("text", ["qwen*", "<think>", "_draft_", "- dash", "a|b"])
def test_a_failed_cases_bold_lead_and_its_error_message_read_as_written(text: str):
    record = errored(answer(text, "q0", 0.0)) | {"error": {"type": "APIError", "message": f"model {text} <oops>"}}
    markdown = render_markdown(document([record, answer("b", "q0", 80.0)]))
    failed = markdown.split("## Failed cases\n", 1)[1]
    lead = f"{text} / norag / q0"
    assert failed.lstrip().startswith("**"), failed
    assert not shows_as_written(failed, f"{lead} - error APIError: model {text} <oops>", whole=False)


# --- 2. a run with no case says why, with its n -----------------------------------------------------------------------

EMPTY_RUNS: dict[str, tuple[dict[str, Any], list[str]]] = {
    "nothing recorded": ({}, ["n = 0 cases", "deselected or skipped"]),
    "-k selected none": ({"run": {"invocation": ["-k", "nosuchcase"]}}, ["n = 0 cases", "-k nosuchcase"]),
    "-m selected none": ({"run": {"invocation": ["-m", "slow", "tests/"]}}, ["n = 0 cases", "-m slow"]),
    "-kEXPR": ({"run": {"invocation": ["-kfin_roi"]}}, ["-kfin_roi"]),
    "shard owns none": (
        {"run": {"shard": {"index": 3, "count": 4, "suite_cases": ["a", "b"], "selected_cases": 0}}},
        ["shard 3/4 owns none of the suite's 2 case(s)", "n = 0 cases"],
    ),
    "interrupted": ({"run": {"status": "interrupted"}}, ["interrupted before any case finished"]),
    "benchmarks only": ({"benchmarks": [{"model": "m", "summary": {}}]}, ["only benchmarked"]),
    "server failed": (
        {"run": {"launches": [{"model": "m", "error": "CUDA out of memory"}]}},
        ["a server failed to start: m: CUDA out of memory"],
    ),
}


@pytest.mark.parametrize("shape", list(EMPTY_RUNS), ids=list(EMPTY_RUNS))
def test_a_run_without_a_case_says_why_and_its_n_in_every_format(shape: str):
    more, words = EMPTY_RUNS[shape]
    doc = document([], **json.loads(json.dumps(more)))
    doc["run"]["models"] = ["m"]
    (summary,) = [s for s in build_sections(doc) if s.key == "summary"]
    (note,) = summary.paragraphs
    assert note.startswith("No case finished."), note
    for word in words:
        assert word in note, (word, note)
    assert one_line(note) in render_terminal(doc)
    assert markdown_text(note, block=True) in render_markdown(doc)
    assert html.escape(note) in render_html(doc)


def test_a_run_whose_every_answer_is_not_graded_now_says_so():
    cases = [answer("m", f"q{i}", 70.0) | {"rescore": {"status": "changed"}} for i in range(3)]
    doc = document(cases) | {"aggregates": aggregate_document([])}  # the aggregates count graded records only
    (summary,) = [s for s in build_sections(doc) if s.key == "summary"]
    assert summary.paragraphs == [
        "No case graded: 0 of the run's 3 answer(s) are graded now (asked differently now, or no such case in the "
        "scenario files): see the header and the cases."
    ]


# --- 3. every cell, note and heading the same in the three formats, over a sweep of run shapes -----------------------

MODELS = ["qwen2.5-7b", "llama-3.1-8b", "千问-14b", "glm-4-9b", "mistral_7b*", "<phi-3>"]


def sweep(models: int, n: int, repeats: int, rag: bool, errors: int = 0, cached: int = 0, **kind: bool) -> dict:
    cases = []
    for k, model in enumerate(MODELS[:models]):
        for mode in ("norag", "rag") if rag else ("norag",):
            for i in range(n):
                for s in range(repeats):
                    score = round(min(100.0, 35.0 + (7 * i + 11 * k + 3 * s) % 60 + (15 if mode == "rag" else 0)), 1)
                    extra: dict[str, Any] = {"category": ["财务", "ops", "法务"][i % 3]}
                    if kind.get("vision"):
                        extra["images"] = 1
                    if kind.get("judge"):
                        extra["judge"] = {"score": float((13 * i + k) % 100), "passed": i % 2 == 0}
                    if mode == "rag":
                        extra["retrieval"] = {"hit_at_k": float(i % 2), "k": 3}
                    record = answer(model, f"q{i}", score, mode, sample=s, **extra)
                    if k == 0 and i < errors:
                        record = errored(record)
                    elif k == models - 1 and i < cached:
                        record = from_cache(record)
                    cases.append(record)
    return document(cases)


SWEEP = [
    dict(models=1, n=1, repeats=1, rag=False),
    dict(models=1, n=2, repeats=5, rag=False),
    dict(models=1, n=6, repeats=1, rag=True),
    dict(models=1, n=14, repeats=2, rag=True),
    dict(models=2, n=1, repeats=1, rag=True),
    dict(models=2, n=3, repeats=3, rag=False, errors=1),
    dict(models=2, n=6, repeats=1, rag=True, cached=2),
    dict(models=2, n=8, repeats=4, rag=False, judge=True),
    dict(models=2, n=14, repeats=1, rag=True, vision=True),
    dict(models=3, n=5, repeats=1, rag=False, errors=5),
    dict(models=3, n=6, repeats=2, rag=True, judge=True),
    dict(models=3, n=10, repeats=1, rag=False, cached=10),
    dict(models=4, n=6, repeats=1, rag=True, errors=2, cached=1),
    dict(models=4, n=12, repeats=3, rag=False, vision=True),
    dict(models=5, n=7, repeats=1, rag=False),
    dict(models=5, n=6, repeats=2, rag=True, judge=True),
    dict(models=6, n=6, repeats=1, rag=False, errors=3),
    dict(models=6, n=9, repeats=1, rag=True, vision=True, judge=True),
    dict(models=6, n=14, repeats=2, rag=False, cached=4),
    dict(models=3, n=4, repeats=5, rag=True, errors=4),
]


def _sweep_id(shape: dict[str, Any]) -> str:
    return "-".join(f"{k}{'' if v is True else v}" for k, v in shape.items() if v)


@pytest.mark.parametrize("shape", SWEEP, ids=[_sweep_id(s) for s in SWEEP])
def test_every_cell_note_and_heading_reads_the_same_in_every_format(shape: dict[str, Any]):
    doc = sweep(**shape)
    every_cell_in_every_format(doc)
    terminal, markdown, page = render_terminal(doc), render_markdown(doc), render_html(doc)
    for sec in build_sections(doc):
        assert f" {markdown_text(sec.title, block=True)}\n" in markdown, sec.title
        assert html.escape(sec.title) in page or sec.key == "failed", sec.title  # report.html: each case's details
        for i, paragraph in enumerate(sec.paragraphs):
            if sec.key == "failed":
                continue  # report.md only
            assert markdown_text(paragraph, block=True) in markdown, (sec.key, paragraph)
            assert html.escape(paragraph) in page, (sec.key, paragraph)
            if sec.terminal:
                assert one_line(paragraph) in terminal, (sec.key, paragraph)
    texts, kinds = rendered(markdown)
    assert not kinds & (MARKUP_TOKENS | MARKUP_BLOCKS), sorted(kinds & (MARKUP_TOKENS | MARKUP_BLOCKS))


# --- 4. terminal tables aligned with wide characters ----------------------------------------------------------------


def columns(line: str) -> list[str]:
    """`line` as the terminal shows it: one entry per column, a wide character's second column ""."""
    shown: list[str] = []
    for char in line:
        shown.append(char)
        if unicodedata.east_asian_width(char) in ("W", "F"):
            shown.append("")
    return shown


def misaligned(terminal: str) -> list[str]:
    """The rows of the terminal's tables (and their headers) whose cells cross a gap between the columns of their
    dashed line, or run past its end."""
    problems, lines = [], terminal.splitlines()
    for at, line in enumerate(lines):
        if not line or set(line) - {"-", " "} or "--" not in line or at == 0:
            continue
        gaps = [i for i, c in enumerate(line) if c == " "]
        table = [lines[at - 1]]
        for row in lines[at + 1 :]:
            if not row.strip():
                break
            table.append(row)
        for row in table:
            shown = columns(row)
            if any(g < len(shown) and shown[g] != " " for g in gaps) or len(shown) > len(line):
                problems.append(row)
    return problems


WIDE = {
    "chinese case ids": dict(ids=["回收期", "毛利率计算", "q2", "现金流量表分析", "q4", "q5"], models=["qwen"]),
    "chinese models": dict(ids=[f"q{i}" for i in range(6)], models=["千问-7b", "qwen-7b"]),
    "mixed": dict(ids=["ROI_投资回报", "q1", "全角ＡＢＣ", "q3", "q4", "q5"], models=["a", "深度求索-v2"]),
    "fullwidth": dict(ids=["ＱＱ１", "q1", "q2", "q3", "q4", "q5"], models=["ｍ１", "m2"]),
}


@pytest.mark.parametrize("shape", list(WIDE), ids=list(WIDE))
@pytest.mark.parametrize("rag", [False, True], ids=["norag", "rag"])
def test_terminal_tables_keep_their_columns_with_wide_characters(shape: str, rag: bool):
    ids, models = WIDE[shape]["ids"], WIDE[shape]["models"]
    cases = [
        answer(m, f"q{i}", 40.0 + 9 * i + 5 * k, mode, category=["财务分析", "ops"][i % 2]) | {"scenario_id": sid}
        for k, m in enumerate(models)
        for mode in (("norag", "rag") if rag else ("norag",))
        for i, sid in enumerate(ids)
    ]
    cases[0] = errored(cases[0])
    terminal = render_terminal(document(cases))
    assert not misaligned(terminal), "\n".join(misaligned(terminal))


def test_long_model_names_that_share_a_prefix_are_printed_whole():
    prefix = "org/Qwen2.5-72B-Instruct-GPTQ-Int4-finetuned-on-internal-finance-qa-" * 2
    names = [prefix + "v1", prefix + "v2"]
    doc = document([answer(m, f"q{i}", 50.0 + 5 * i + 3 * k) for k, m in enumerate(names) for i in range(6)])
    for text in (render_terminal(doc), render_markdown(doc), render_html(doc)):
        for name in names:
            assert name in text


# --- 5. numbers at the edge of their scale ---------------------------------------------------------------------------

EDGES = [
    (99.96, "99.96"),  # 13 cases of 100 and one of 99.5 (n=14): not "100.0", every point of every case
    (99.95, "99.95"),
    (99.949, "99.9"),
    (0.04, "0.04"),  # not "0.0": something was covered
    (0.05, "0.1"),
    (-0.0, "0.0"),
    (-0.04, "-0.04"),
    (100.0, "100.0"),
    (0.0, "0.0"),
]


@pytest.mark.parametrize(("value", "shown"), EDGES, ids=[str(v) for v, _ in EDGES])
def test_a_score_near_the_bound_of_its_scale_is_not_printed_as_the_bound(value: float, shown: str):
    assert with_interval(value, None) == shown


def test_a_mean_score_of_99_96_is_not_a_perfect_100():
    cases = [answer("m", f"q{i}", 100.0) for i in range(13)] + [answer("m", "q13", 99.5)]
    doc = document(cases)
    (summary,) = [s for s in build_sections(doc) if s.key == "summary"]
    cell = summary.table.rows[0][summary.table.headers.index("mean score [95% CI]")]  # type: ignore[union-attr]
    assert cell.startswith("99.96 "), cell
    assert fmt(100.0) == "100.0" and fmt(0.0) == "0.0"


# --- 6. a saved run of the previous schema version, rendered by `python -m pytest_llmeval report` -------------------


def test_a_schema_1_run_renders_as_its_cases_give_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    cases = [
        answer(m, f"q{i}", 45.0 + 6 * i + 4 * k, category="财务") for k, m in enumerate(("a*", "b")) for i in range(6)
    ]
    doc = document(cases)
    doc["aggregates"] = {"models": doc["aggregates"]["models"]}  # what version 1 wrote: no pairs, no intervals
    for row in doc["aggregates"]["models"]:
        row.pop("intervals", None)
    path = tmp_path / "results.json"
    path.write_text(to_json({"schema_version": 1, **doc}), encoding="utf-8")
    assert main(["report", str(path)]) == 0
    out = capsys.readouterr().out
    assert "a*" in out and ("b - a*" in out or "a* - b" in out), out
