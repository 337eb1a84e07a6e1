"""Issue 17 checked as an outside reviewer would: cases in flight, the answer cache, rescore and results as data,
each clause for its whole class against the fake server (never vLLM).

Fixed here:
- results.json's case order under pytest-xdist (-n) was the order the workers' reports happened to arrive in, so two
  runs of one suite - at --llm-concurrency 1 and 8, or twice at 1 - wrote their cases (and the Markdown and HTML
  case tables, and the order of the models in the aggregates) in different orders. The controller now writes them
  in the run's collection order, as a serial run does (`RunRecorder.order_cases`; cases.jsonl keeps the order the
  records came in).
- the latency label of the reports (Markdown, HTML, terminal: `in_flight_note`) counted --llm-concurrency alone: a run
  under `-n 3` at concurrency 1 kept 3 requests in flight at the one server and was labelled as measured one at a
  time, and one under `-n 2` at concurrency 4 as "4 in flight" where the server had 8 - while `compare` refuses both
  against a serial run's latency. The label now names the workers and what the server had in flight at most; so do
  the vision section's samples/s words.
"""

from __future__ import annotations

import asyncio
import json
import re
from typing import Any

import pytest

from pytest_llmeval.results.recorder import RunRecorder
from pytest_llmeval.results.sections.extras import _concurrency_words
from pytest_llmeval.results.sections.summary import in_flight_note
from pytest_llmeval.testing.openai_fake import FakeServer

N_CASES = 10
SLOW_CASE = "Q00"  # answered last under -n: the first worker's first test finishes after the other worker's tests


def scenario_yaml(n: int = N_CASES) -> str:
    lines = ["suite: review17", "cases:"]
    for i in range(n):
        lines += [f"  - id: q{i:02d}", "    category: review", f"    question: 'Q{i:02d}: answer please.'"]
        lines += ["    key_points: [yes]"]
    return "\n".join(lines) + "\n"


def answer(request: dict[str, Any]) -> str | None:
    text = str(request.get("messages", [{}])[-1].get("content", ""))
    if not text.startswith("Q"):
        return None  # a warm-up
    return "no idea." if int(text[1:3]) % 3 == 0 else "yes it is."


class OneSlowCase(FakeServer):
    """The fake server, answering one case a second late."""

    async def _stream(self, req: dict[str, Any], chat: bool, writer: asyncio.StreamWriter) -> bool:
        if str(req.get("messages", [{}])[-1].get("content", "")).startswith(SLOW_CASE):
            await asyncio.sleep(1.0)
        return await super()._stream(req, chat, writer)


@pytest.fixture
def review_project(llm_project):
    llm_project.scenario("review.yaml", scenario_yaml())
    with OneSlowCase(answers=answer) as fake:

        def run(*args: str) -> pytest.RunResult:
            return llm_project.run("--llm-base-url", fake.base_url, "--llm-warmup=0", *args)

        llm_project.run_llm = run
        yield llm_project


def order(doc: dict[str, Any]) -> list[tuple[str, str, int]]:
    return [(c["model"], c["scenario_id"], c["sample"]) for c in doc["cases"]]


def report_order(markdown: str) -> list[tuple[str, str, int]]:
    """(model, case, sample) of each row of the Markdown report's case table."""
    rows = re.findall(r"^\| (m\d) \| norag \| (q\d\d) \| (\d) \|", markdown, flags=re.MULTILINE)
    return [(model, case, int(sample)) for model, case, sample in rows]


def test_results_json_under_xdist_lists_the_cases_in_collection_order_at_every_concurrency(review_project):
    pytest.importorskip("xdist")
    models = ("--llm-model", "m1", "--llm-model", "m2", "--llm-repeat=2")
    review_project.run_llm(*models, "--llm-concurrency=1").assert_outcomes(passed=12, failed=8)
    serial = review_project.results()
    expected = [(m, f"q{i:02d}", s) for m in ("m1", "m2") for i in range(N_CASES) for s in range(2)]
    assert order(serial) == expected
    assert "Latency measured" not in review_project.report()  # serial, one at a time: nothing to label
    for concurrency in ("1", "8"):
        result = review_project.run_llm(*models, f"--llm-concurrency={concurrency}", "-n", "2")
        result.assert_outcomes(passed=12, failed=8)
        doc = review_project.results()
        assert order(doc) == expected, concurrency  # the slow first case arrived last; it is listed first
        assert [c["score"] for c in doc["cases"]] == [c["score"] for c in serial["cases"]]
        assert [row["model"] for row in doc["aggregates"]["models"]] == ["m1", "m2"]
        assert report_order(review_project.report()) == expected
        load = "one case at a time" if concurrency == "1" else "with 8 cases in flight"
        label = f"Latency measured {load} per process (--llm-concurrency) in each of 2 pytest-xdist workers (-n 2)"
        assert label in review_project.report() and label in review_project.report(name="report.html")
        arrived = [
            (r["model"], r["scenario_id"], r["sample"])
            for r in map(
                json.loads, (review_project.path / "llmeval-report" / "cases.jsonl").read_text("utf-8").splitlines()
            )
        ]
        assert sorted(arrived) == sorted(expected)  # cases.jsonl: every record, in the order they came


def test_order_cases_sorts_by_position_then_sample_and_keeps_the_unplaced_last(tmp_path):
    recorder = RunRecorder(tmp_path, {"models": ["m"]})
    for case, sample, nodeid in (("b", 1, "t[b]"), ("x", 0, None), ("b", 0, "t[b]"), ("a", 0, "t[a]")):
        record: dict[str, Any] = {"model": "m", "mode": "norag", "scenario_id": case, "sample": sample, "score": 1.0}
        recorder.add_case({**record, **({"nodeid": nodeid} if nodeid else {})})  # type: ignore[typeddict-item]
    positions = {"t[a]": 0, "t[b]": 1}
    recorder.order_cases(lambda record: positions.get(str(record.get("nodeid"))))
    doc = recorder.finish("complete")
    assert [(c["scenario_id"], c["sample"]) for c in doc["cases"]] == [("a", 0), ("b", 0), ("b", 1), ("x", 0)]
    saved = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))
    assert [(c["scenario_id"], c["sample"]) for c in saved["cases"]] == [("a", 0), ("b", 0), ("b", 1), ("x", 0)]


def timed_doc(workers: Any, in_flight: int | None, cached: bool = False) -> dict[str, Any]:
    case: dict[str, Any] = {"model": "m", "mode": "norag", "e2e_s": None if cached else 0.5, "cached": cached}
    if in_flight is not None:
        case["in_flight"] = in_flight
    return {"run": {"settings": {"speed": {"xdist_workers": workers}}}, "cases": [case, dict(case)]}


@pytest.mark.parametrize(
    ("workers", "in_flight", "cached", "expected"),
    [
        (0, None, False, None),  # serial, one at a time: no label
        (1, 4, False, "with 4 cases in flight per process (--llm-concurrency): TTFT"),
        (3, None, False, "one case at a time per process (--llm-concurrency) in each of 3 pytest-xdist workers (-n 3)"),
        (2, 4, False, "in each of 2 pytest-xdist workers (-n 2) asking the same server, up to 8 requests at once"),
        (3, 4, True, None),  # every answer from the cache: no latency to label
        ("auto", None, False, None),  # a count xdist had not resolved: nothing known to say
    ],
)
def test_the_latency_label_counts_the_xdist_workers_sharing_the_server(workers, in_flight, cached, expected):
    note = in_flight_note(timed_doc(workers, in_flight, cached))
    assert (expected in note) if expected else note == ""


def test_the_vision_speed_words_count_the_xdist_workers_too():
    doc = timed_doc(3, None)
    for case in doc["cases"]:
        case["images"] = 1
    assert _concurrency_words(doc) == "one case at a time per process in each of 3 pytest-xdist workers (-n 3)"
    doc["run"]["settings"]["speed"]["xdist_workers"] = 0
    assert _concurrency_words(doc) == "one case at a time per process"


def test_the_cost_tables_serial_basis_counts_the_xdist_workers_sharing_the_server():
    """The cost table's throughput basis said "serial decoding (one request at a time)" under -n 3, where three
    workers had asked the server at once (the same gap as the latency label's)."""
    from pathlib import Path

    from pytest_llmeval.cost import cost_rows, load_prices

    prices = load_prices(Path(__file__).resolve().parents[1] / "examples" / "prices.yaml")
    cases = [{"model": "qwen3-8b", "score": 50.0, "prompt_tokens": 100, "output_tokens": 50, "e2e_s": 2.0}] * 3
    (serial,) = cost_rows({"cases": cases}, prices)
    assert serial["throughput_basis"].startswith("serial decoding (one request at a time")
    run = {"settings": {"speed": {"xdist_workers": 3}}}
    (shared,) = cost_rows({"cases": cases, "run": run}, prices)
    assert "with 1 in flight in each of 3 xdist workers, as if one at a time" in shared["throughput_basis"]
    assert shared["requests_per_hour"] == serial["requests_per_hour"] == 1800
