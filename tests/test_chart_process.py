"""The report's charts drawn in a child process (results/chart_process.py): the same charts as drawn in
pytest's process, a fallback to drawing them here when the child fails, and no child outliving its use."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from pytest_llmeval.results.aggregate import aggregate_document
from pytest_llmeval.results.chart_process import MODULE, ChartProcess
from pytest_llmeval.results.charts import CHARTS, chart_input, render_all
from pytest_llmeval.results.html import HTML_FILE, render_html, write_html
from pytest_llmeval.results.schema import SCHEMA_VERSION
from pytest_llmeval.session import CHART_PROCESS_AFTER

pytestmark = pytest.mark.charts  # the report's charts are drawn here (tests/conftest.py)


def case(model: str, mode: str, i: int, category: str) -> dict[str, Any]:
    score = float((i * 37 + len(model) * 11 + (7 if mode == "rag" else 0)) % 101)
    record: dict[str, Any] = {
        "model": model,
        "scenario_id": f"c{i}",
        "suite": "s",
        "category": category,
        "mode": mode,
        "sample": 0,
        "case_hash": f"h{i}",
        "question": f"Question {i}: what is 千问 <b>?</b>",
        "score": score,
        "passed": score >= 50,
        "ttft_s": 0.1 + (i % 13) / 40,
        "e2e_s": 1.0 + (i % 29) / 7 + (3.5 if i % 97 == 0 else 0.0),  # a few outliers for the box plots
        "decode_tok_s": 20.0 + len(model) + (i % 5),
        "prompt_tokens": 10 + i % 7,
        "output_tokens": 40 + i % 11,
        "covered": ["alpha"],
        "missing": ["beta"],
        "echoed": [],
        "answer": "alpha and more " * 20,
    }
    if i % 50 == 3:
        record.update(score=None, passed=False, error={"type": "timeout", "message": "slow", "status": None})
    return record


def results_doc(models: tuple[str, ...] = ("qwen-0.5b", "llama-1b"), n: int = 40) -> dict[str, Any]:
    """A document as the recorder writes it: cases of two modes and four categories, memory and a benchmark,
    so that every chart of CHARTS has data."""
    categories = ["echo", "math", "多语言", "reasoning"]
    cases = [case(m, mode, i, categories[i % 4]) for m in models for mode in ("norag", "rag") for i in range(n)]
    memory = {
        m: {"peak_mib": 1000.0 + 500 * k, "steady_mib": 800.0 + 400 * k, "source": "nvml"} for k, m in enumerate(models)
    }
    benchmarks = [
        {
            "model": m,
            "summary": {
                "median_e2el_ms": 900.0 + 100 * k,
                "p95_e2el_ms": 1500.0 + 100 * k,
                "request_throughput": 3.5 - k,
                "prompt_throughput": 400.0,
                "output_throughput": 120.0 + 10 * k,
                "completed": 100,
            },
        }
        for k, m in enumerate(models)
    ]
    run = {"started_at": "2026-01-01T00:00:00+0000", "models": list(models), "status": "complete", "memory": memory}
    return {
        "schema_version": SCHEMA_VERSION,
        "run": run,
        "cases": cases,
        "aggregates": aggregate_document(cases, memory, False, benchmarks),
        "benchmarks": benchmarks,
    }


def normalized(svg: str) -> str:
    """matplotlib names an SVG's clip paths and markers by a hash with a random salt (so that the inline SVGs
    of one page never share an id) and stamps the time: both differ between any two renders of the same
    figure, in one process or two. Each id becomes its order of first use; what refers to it keeps pointing
    at the same definition."""
    svg = re.sub(r"<dc:date>[^<]*</dc:date>", "<dc:date/>", svg)
    names: dict[str, str] = {}
    for name in re.findall(r'id="((?:[hpm]|C[0-9a-f]+_[0-9a-f]+_)[0-9a-f]{10})"', svg):
        names.setdefault(name, f"id{len(names)}")
    if not names:
        return svg
    return re.sub("|".join(map(re.escape, names)), lambda m: names[m.group(0)], svg)


def normalized_charts(charts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(title, normalized(svg)) for title, svg in charts]


@pytest.fixture
def chart_process():
    with ChartProcess.start() as process:
        yield process


def test_the_child_draws_every_chart_as_this_process_does(chart_process):
    doc = results_doc()
    charts = chart_process.render(doc)
    assert chart_process.last_source == "child", chart_process.last_error
    here = render_all(doc)
    assert [t for t, _ in charts] == [t for t, _ in CHARTS] == [t for t, _ in here]  # every chart, in order
    assert normalized_charts(charts) == normalized_charts(here)
    assert normalized(charts[0][1]) != normalized(render_all(results_doc(n=41))[0][1])  # data still tells apart


def test_the_child_draws_from_the_slim_input_what_the_whole_document_draws():
    doc = results_doc()
    slim = chart_input(doc)
    assert "answer" not in slim["cases"][0] and "question" not in slim["cases"][0]
    assert normalized_charts(render_all(slim)) == normalized_charts(render_all(doc))


def test_report_html_with_the_child_equals_the_report_drawn_here(chart_process, tmp_path):
    doc = results_doc()
    with_child = write_html(doc, tmp_path, charts=chart_process).read_text(encoding="utf-8")
    assert chart_process.last_source == "child", chart_process.last_error
    here = render_html(doc)
    assert with_child.count("<svg") == len(CHARTS)
    assert normalized(with_child) == normalized(here)
    assert (tmp_path / HTML_FILE).exists()


def test_a_document_without_chart_data_gives_no_charts_from_the_child(chart_process):
    doc = results_doc()
    doc = {**doc, "cases": [], "benchmarks": [], "run": {"models": []}, "aggregates": {"models": []}}
    assert chart_process.render(doc) == [] == render_all(doc)
    assert chart_process.last_source == "child"


def test_the_child_exits_after_rendering_and_close_kills_an_unused_one():
    process = ChartProcess.start()
    proc = process.proc
    assert proc is not None
    process.render(results_doc(n=4))
    assert process.last_source == "child" and proc.poll() == 0
    process.close()

    unused = ChartProcess.start()
    proc = unused.proc
    assert proc is not None and proc.poll() is None
    unused.close()
    assert proc.returncode is not None  # killed and reaped: no zombie left
    assert unused.proc is None
    with pytest.raises(ProcessLookupError):
        os.kill(proc.pid, 0)
    unused.close()  # idempotent


def test_a_killed_child_leaves_the_charts_to_this_process(chart_process):
    proc = chart_process.proc
    assert proc is not None
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    doc = results_doc()
    charts = chart_process.render(doc)
    assert chart_process.last_source == "in-process" and chart_process.last_error
    assert normalized_charts(charts) == normalized_charts(render_all(doc))


def test_a_hung_child_is_killed_after_the_timeout_and_the_charts_drawn_here(chart_process):
    proc = chart_process.proc
    assert proc is not None
    os.kill(proc.pid, signal.SIGSTOP)  # alive, never answers
    started = time.monotonic()
    charts = chart_process.render(results_doc(n=4), timeout_s=1.0)
    assert time.monotonic() - started < 15
    assert chart_process.last_source == "in-process" and "timeout" in (chart_process.last_error or "")
    assert [t for t, _ in charts] == [t for t, _ in CHARTS]
    assert proc.returncode is not None


def test_a_child_that_fails_to_draw_leaves_the_charts_to_this_process(chart_process):
    doc = results_doc()
    doc["benchmarks"] = [{"model": "x"}]  # no summary: the benchmark chart fails
    with pytest.raises(KeyError):
        render_all(doc)  # this process fails the same way: the report fails as it did without the child
    with pytest.raises(KeyError):
        chart_process.render(doc)
    assert chart_process.last_source == "in-process" and "exit status 1" in (chart_process.last_error or "")


def test_charts_sent_early_are_collected_by_render(chart_process):
    doc = results_doc()
    chart_process.send(doc)
    assert chart_process.proc is not None
    chart_process.proc.wait(timeout=60)  # the child drew and answered without render being called
    charts = chart_process.render(doc)
    assert chart_process.last_source == "child", chart_process.last_error
    assert normalized_charts(charts) == normalized_charts(render_all(doc))


def test_a_document_changed_after_send_is_drawn_here_as_it_is_now(chart_process):
    doc = results_doc()
    chart_process.send(doc)
    doc["run"]["memory"]["llama-1b"]["peak_mib"] = 9999.0
    charts = chart_process.render(doc)
    assert chart_process.last_source == "in-process" and "changed" in (chart_process.last_error or "")
    assert normalized_charts(charts) == normalized_charts(render_all(doc))
    assert normalized(dict(charts)["Memory"]) != normalized(dict(render_all(results_doc()))["Memory"])


def test_a_second_render_draws_here(chart_process):
    doc = results_doc(n=4)
    chart_process.render(doc)
    assert chart_process.last_source == "child"
    chart_process.render(doc)
    assert chart_process.last_source == "in-process" and "already used" in (chart_process.last_error or "")


def test_the_child_exits_at_once_when_its_stdin_ends_without_data(tmp_path):
    proc = subprocess.Popen([sys.executable, "-m", MODULE], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        assert proc.stdin is not None and proc.stdout is not None
        started = time.monotonic()
        proc.stdin.close()
        assert proc.wait(timeout=30) == 0
        assert time.monotonic() - started < 10  # it finishes importing matplotlib (~0.3 s), reads nothing, exits
        assert proc.stdout.read() == b""
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_the_child_exits_when_its_parent_dies_though_its_stdin_stays_open(tmp_path):
    # the parent starts the child, hands a copy of the child's stdin to a grandchild that outlives it (as a
    # forked worker of pytest's process would hold it), and dies
    pid_file = tmp_path / "pids"
    script = (
        "import subprocess, sys\n"
        "from pytest_llmeval.results.chart_process import ChartProcess\n"
        "p = ChartProcess.start()\n"
        "fd = p.proc.stdin.fileno()\n"
        "g = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)'], pass_fds=[fd])\n"
        f"open({str(pid_file)!r}, 'w').write(f'{{p.proc.pid}} {{g.pid}}')\n"
    )
    parent = subprocess.run([sys.executable, "-c", script], timeout=60)
    assert parent.returncode == 0
    child, grandchild = map(int, pid_file.read_text().split())
    try:
        assert running(grandchild)  # the child's stdin is still open
        deadline = time.monotonic() + 20
        while running(child) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not running(child), "the chart process outlived its parent"
    finally:
        for pid in (child, grandchild):
            if running(pid):
                os.kill(pid, signal.SIGKILL)


def running(pid: int) -> bool:
    """Alive and not a zombie (an orphan is reaped by whatever adopted it, which may take its time)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return False
    return state != "Z"


CONFTEST_NOTING_THE_CHARTS = """
import json
import pytest
from pytest_llmeval.plugin import get_session

@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session):
    charts = get_session(session.config).charts
    note = {"started": charts is not None, "source": charts.last_source if charts else None}
    (session.config.rootpath / "charts.json").write_text(json.dumps(note))
"""


@pytest.mark.parametrize("cases", [CHART_PROCESS_AFTER, 5])
def test_a_large_run_draws_its_report_charts_in_the_child(llm_project, cases: int) -> None:
    """From CHART_PROCESS_AFTER recorded cases the session starts the chart process and report.html's charts come
    from it; a small run draws them itself and starts no process."""
    from pytest_llmeval.testing.openai_fake import FakeServer

    row = "  - id: c{i}\n    category: k{k}\n    question: 第{i}题\n    key_points: [甲]\n"
    rows = "".join(row.format(i=i, k=i % 3) for i in range(cases))
    llm_project.scenario("many.yaml", "cases:\n" + rows)
    llm_project.pytester.makeconftest(CONFTEST_NOTING_THE_CHARTS)
    with FakeServer(answers=lambda _req: "甲") as fake:
        result = llm_project.run("--llm-base-url", fake.base_url, "--llm-model", "m", "-q")
    result.assert_outcomes(passed=cases)
    note = json.loads((llm_project.path / "charts.json").read_text())
    large = cases >= CHART_PROCESS_AFTER
    assert note == {"started": large, "source": "child" if large else None}
    html = llm_project.report(name="report.html")
    assert 'data-chart="Score per category"' in html and "<svg" in html
