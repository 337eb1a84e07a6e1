"""Every statistic in the rendered reports says its n (and of what: cases, answers, requests), every difference has
its interval, and a figure's rounding never moves a bound across 0 - read in the text a reviewer sees (terminal,
Markdown, HTML), on documents with repeats, errors, cache hits, concurrency, a load test, image cases and cost."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from pytest_llmeval.bench.stats import summarize
from pytest_llmeval.cost import cost_rows, load_prices
from pytest_llmeval.results.aggregate import aggregate_document
from pytest_llmeval.results.html import render_html
from pytest_llmeval.results.render import render_markdown, render_sections, render_terminal
from pytest_llmeval.results.sections import Section, build_sections
from pytest_llmeval.sizing.model_config import read_model
from pytest_llmeval.sizing.report import sizing_rows

pytestmark = pytest.mark.charts  # the report's charts are drawn here (tests/conftest.py)

PRICES = Path(__file__).resolve().parents[2] / "examples" / "prices.yaml"


def answer(model: str, sid: str, score: float, mode: str = "norag", sample: int = 0, **extra: Any) -> dict[str, Any]:
    i = int(sid[1:])
    ttft = 0.1 + 0.01 * i + 0.001 * sample
    return {
        "model": model,
        "scenario_id": sid,
        "suite": "s",
        "category": "c",
        "mode": mode,
        "sample": sample,
        "score": score,
        "passed": score >= 60,
        "error": None,
        "ttft_s": ttft,
        "e2e_s": ttft + 2.0 + 0.05 * i,
        "output_tokens": 100,
        "prompt_tokens": 700 if mode == "rag" else 300,
        "finished_at": 1000.0 + i,
        **extra,
    }


def errored(record: dict[str, Any]) -> dict[str, Any]:
    return record | {"score": None, "passed": False, "error": {"type": "APIError"}, "ttft_s": None, "e2e_s": None}


def from_cache(record: dict[str, Any]) -> dict[str, Any]:  # as evaluate.py records a hit: no timing, no tokens
    return record | {"cached": True, "ttft_s": None, "e2e_s": None, "output_tokens": None, "prompt_tokens": None}


def document(cases: list[dict[str, Any]], benchmarks: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    doc = {
        "run": {"models": sorted({c["model"] for c in cases}), "status": "complete", "settings": {}},
        "cases": cases,
        "aggregates": aggregate_document(cases, benchmarks=benchmarks),
    }
    return doc | ({"benchmarks": benchmarks} if benchmarks else {})


def section(doc: dict[str, Any], key: str) -> Section:
    return next(s for s in build_sections(doc) if s.key == key)


def rows(sec: Section) -> list[dict[str, Any]]:
    assert sec.table is not None
    return [dict(zip(sec.table.headers, row)) for row in sec.table.rows]


def three_renderings(doc: dict[str, Any]) -> list[str]:
    return [render_terminal(doc), render_markdown(doc), render_html(doc)]


def bench_run(model: str, requests: int, concurrency: int) -> dict[str, Any]:
    records = [
        {
            "success": True,
            "prompt_tokens": 512,
            "output_tokens": 128,
            "ttft_s": 0.1 + 0.01 * i,
            "e2el_s": 3.0 + 0.02 * i,
            "itl_s": [0.025] * 127,
            "usage_reported": True,
            "error": None,
        }
        for i in range(requests)
    ]
    config = {"concurrency": concurrency, "num_requests": requests, "warmup_requests": 2, "max_tokens": 128}
    return {"model": model, "summary": summarize(records, 10.0), "config": config | {"endpoint": "chat"}}


def test_a_bound_that_rounds_to_zero_keeps_its_sign_and_a_hair_of_float_noise_does_not():
    """A paired difference -7.3 [-14.5, -0.0467] with p 0.049 was printed `-7.3 [-14.5, +0.0]`: the shown interval
    held 0 (and read as touching it from above) while the test behind it rejects 0."""
    pair = {"estimate": -7.3, "low": -14.5, "high": -0.0467, "n": 12, "method": "sign-flip permutation"}
    near = {"estimate": -12.4, "low": -35.1, "high": 0.0222, "n": 8, "method": "sign-flip permutation"}
    comparison = {
        "rows": [{"model": m, "mode": "norag"} for m in ("a", "b", "c")],
        "pairs": [
            {"a": "a", "b": "b", "mode": "norag", "n": 12, "difference": pair, "p_value": 0.049, "p_holm": 0.098}
            | {"verdict": "no significant difference"},
            {"a": "a", "b": "c", "mode": "norag", "n": 8, "difference": near, "p_value": 0.055, "p_holm": 0.098}
            | {"verdict": "no significant difference"},
        ],
    }
    doc = {"run": {"models": ["a", "b", "c"]}, "cases": [], "aggregates": {"models": [], "comparison": comparison}}
    text = render_sections([section(doc, "model_pairs")], markdown=True)
    assert "-7.3 [-14.5, -0.05]" in text and "-12.4 [-35.1, +0.02]" in text, text
    assert "+0.0]" not in text
    hair = {"estimate": 19.0, "low": -1e-12, "high": 38.1, "n": 14, "method": "m"}  # a float's error, not a bound
    comparison["pairs"][0]["difference"] = hair
    assert "+19.0 [+0.0, +38.1]" in render_sections([section(doc, "model_pairs")], markdown=True)


def latency_suite() -> list[dict[str, Any]]:
    """Model a: 8 cases, 2 errored and 2 answered from the cache (4 timed answers); model b: 8 cases, all timed."""
    cases = [answer("a", f"q{i}", 80.0 if i % 2 else 40.0) for i in range(8)]
    cases[:2] = [errored(c) for c in cases[:2]]
    cases[2:4] = [from_cache(c) for c in cases[2:4]]
    return cases + [answer("b", f"q{i}", 70.0 if i % 3 else 30.0) for i in range(8)]


def test_latency_percentiles_say_their_n_of_timed_answers_where_it_is_not_the_samples():
    """The summary said "Latency p50 over the answers (n = samples)": model a's TTFT p50 is over 4 answers (2
    errored, 2 from the cache), not its 8 samples; in "Models compared" the n beside the score is cases."""
    doc = document(latency_suite())
    summary = {r["model"]: r for r in rows(section(doc, "summary"))}
    assert summary["a"]["samples"] == 8 and summary["a"]["TTFT p50 s [95% CI]"].endswith("(n=4 answers)")
    assert summary["a"]["E2E p50 s [95% CI]"].endswith("(n=4 answers)")
    assert "(n=" not in summary["b"]["TTFT p50 s [95% CI]"]  # n = its 8 samples, said in the note
    assert "n = samples where no n is shown" in section(doc, "summary").paragraphs[0]
    models = {r["model"]: r for r in rows(section(doc, "models"))}
    assert models["a"]["score [95% CI]"].endswith("(n=8)")  # cases, an errored one counted as 0
    assert models["a"]["TTFT p50 s [95% CI]"].endswith("(n=4 answers)")
    assert models["b"]["TTFT p50 s [95% CI]"].endswith("(n=8 answers)")
    for text in three_renderings(doc):
        assert "(n=4 answers)" in text


def test_models_compared_labels_concurrency_and_the_load_tests_n():
    """ "Models compared" printed the load test's output tok/s (concurrency 8) and latency measured with 4 cases in
    flight beside each other with neither concurrency nor the benchmark's n; the summary alone said the latter."""
    cases = [answer(m, f"q{i}", 50.0 + 5 * i, in_flight=4) for m in ("a", "b") for i in range(6)]
    doc = document(cases, [bench_run("a", 30, 8), bench_run("b", 8, 8)])
    note = section(doc, "models").paragraphs[0]
    assert "4 cases in flight per process" in note
    assert "a: concurrency 8, n=30 requests completed" in note and "b: concurrency 8, n=8 requests completed" in note


def test_a_load_test_protocol_that_differs_between_models_is_said_per_model():
    """The note printed the first model's protocol ("concurrency 8, 30 requests") for every model's column."""
    doc = document([answer("a", "q1", 80.0)], [bench_run("a", 30, 8), bench_run("b", 8, 1)])
    bench = section(doc, "benchmark")
    by_metric = {r["metric"]: r for r in rows(bench)}
    assert (by_metric["protocol: requests"]["a"], by_metric["protocol: requests"]["b"]) == ("30", "8")
    assert (by_metric["protocol: concurrency"]["a"], by_metric["protocol: concurrency"]["b"]) == ("8", "1")
    assert "30 requests" not in bench.paragraphs[0] and "concurrency 8" not in bench.paragraphs[0]
    assert "max_tokens 128" in bench.paragraphs[0]  # the same for both: said once
    same = section(document([answer("a", "q1", 80.0)], [bench_run("a", 30, 8)]), "benchmark")
    assert "concurrency 8" in same.paragraphs[0] and not any(r[0].startswith("protocol") for r in same.table.rows)


def test_cost_is_per_mode_and_names_its_n_and_its_throughput_basis():
    """Cost pooled a model's RAG answers (700 prompt tokens) with its plain ones (300) into one "500 tokens"
    figure under a bare "n", and called answers measured 4 in flight "serial decoding (one request at a time)"."""
    cases = [answer("a", f"q{i}", 80.0, mode, in_flight=4) for i in range(6) for mode in ("norag", "rag")]
    cases[0] = from_cache(cases[0])
    doc = document(cases)
    doc["cost"] = {"prices": "p", "rows": cost_rows(doc, load_prices(PRICES))}
    cost = {r["mode"]: r for r in rows(section(doc, "cost"))}
    assert (cost["norag"]["prompt tok"], cost["rag"]["prompt tok"]) == ("300", "700")
    assert (cost["norag"]["n answers"], cost["rag"]["n answers"]) == (5, 6)  # the cache hit has no tokens
    assert "4 in flight, as if one at a time" in cost["rag"]["throughput from"]
    assert "n = answers measured in this run" in " ".join(section(doc, "cost").paragraphs)
    one_mode = document([answer("a", f"q{i}", 80.0) for i in range(3)])
    (row,) = cost_rows(one_mode, load_prices(PRICES))
    assert "mode" not in row and row["throughput_basis"].startswith("serial decoding")


def test_vision_accuracy_says_its_n_counts_answers_and_its_concurrency():
    cases = [answer("a", f"v{i}", 100.0 if i % 2 else 0.0, sample=s, images=1) for i in range(4) for s in (0, 1)]
    note = section(document(cases), "vision").paragraphs[0]
    assert "n = image answers" in note and "one case at a time per process" in note
    busy = [c | {"in_flight": 8} for c in cases]
    assert "with 8 cases in flight per process" in section(document(busy), "vision").paragraphs[0]


def test_sizing_kv_bytes_per_token_is_the_estimates_for_an_mla_model(tmp_path):
    """The sizing table computed KV bytes/token as layers x KV heads x head dim x 4 whatever the model: for
    DeepSeek-V2-Lite (MLA: one 576-wide latent per layer) 16 heads x 128 x 4 printed 221,184 instead of 31,104."""
    from tests.sizing.sizing_configs import DEEPSEEK_V2_LITE, write_model

    folder = write_model(tmp_path, "dsv2", DEEPSEEK_V2_LITE, total_size=31_000_000_000)
    shape = read_model(folder)
    doc = {"run": {"launches": [{"model": "dsv2", "path": str(folder)}], "hardware": {}}}
    settings = SimpleNamespace(dtype=None, quantization=None)
    (row,) = sizing_rows(doc, settings)
    assert row["kv_bytes_per_token"] == shape.kv_bytes_per_token(2.0) == 27 * 576 * 2
    assert json.dumps(row)  # stays a plain record for results.json


def test_the_category_chart_says_its_bars_are_means_without_intervals():
    """The HTML chart drew a bar per category mean of 3 cases with nothing saying they have no interval, beside a
    table that gives one: the bars read as a ranking. (It cannot draw the intervals: its data is sent to the chart
    process before the run's intervals are computed.)"""
    from pytest_llmeval.results.charts import category_scores

    cases = [answer("a", f"q{i}", [0.0, 100.0, 40.0][i % 3]) | {"category": "xy"[i % 2]} for i in range(6)]
    svg = category_scores(document(cases))
    assert svg is not None and "means only: n and 95% intervals in the table" in svg


def test_a_perfect_rank_correlation_of_three_cases_is_not_printed_with_p_0():
    """Spearman's rho 1.00 over 3 cases was printed `1.00 (p=0)` (scipy's t-distribution p): no ordering of 3 cases
    can give a p below 2/3! = 0.33."""
    cases = [
        answer("a", f"q{i}", keyword) | {"judge": {"score": judge, "passed": judge >= 60}}
        for i, (keyword, judge) in enumerate([(10.0, 20.0), (50.0, 60.0), (90.0, 95.0)])
    ]
    (row,) = rows(section(document(cases), "judge"))
    assert row["spearman"] == "1.00 [no 95% interval at n=3] (p=0.33 at least: no p of 3 cases is smaller)", row
