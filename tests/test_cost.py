"""Cost per 1,000 requests and the break-even volume, from measured tokens and the prices file."""

from __future__ import annotations

from pathlib import Path

import pytest

from pytest_llmeval.cost import PricesError, cost_rows, load_prices
from pytest_llmeval.testing.openai_fake import FakeServer

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "prices.yaml"


def test_example_prices_amortise_the_gpu():
    prices = load_prices(EXAMPLE)
    hours = 3 * 365 * 24 * 0.5
    assert prices.gpu_cost_per_hour == pytest.approx(100000 / hours + 2.0)
    assert prices.api_price("qwen3-8b").output_per_million == 0.6 and prices.api_price("other").input_per_million == 0.3


def test_cost_rows_from_measured_tokens_serial_and_benchmark():
    prices = load_prices(EXAMPLE)
    cases = [{"model": "qwen3-8b", "score": 50.0, "prompt_tokens": 1000, "output_tokens": 500, "e2e_s": 10.0}] * 4
    cached = [{"model": "qwen3-8b", "score": 50.0, "cached": True, "prompt_tokens": None, "output_tokens": None}] * 3
    (serial,) = cost_rows({"cases": cases + cached}, prices)
    assert serial["n"] == 4  # the answers measured in this run: the 3 from the answer cache have no tokens of it
    assert serial["requests_per_hour"] == 360 and "serial" in serial["throughput_basis"]
    assert serial["api_per_1k"] == pytest.approx((1000 * 0.3 + 500 * 0.6) / 1e6 * 1000)  # 0.6 yuan per 1k
    assert serial["local_per_1k"] == pytest.approx(prices.gpu_cost_per_hour / 360 * 1000)
    assert serial["break_even_requests_per_day"] == pytest.approx(prices.gpu_cost_per_hour * 24 / 0.0006)
    bench = {
        "cases": cases,
        "benchmarks": [{"model": "qwen3-8b", "config": {"concurrency": 16}, "summary": {"request_throughput": 2.0}}],
    }
    (batched,) = cost_rows(bench, prices)
    assert batched["requests_per_hour"] == 7200 and "concurrency 16" in batched["throughput_basis"]
    assert "the API wins" in batched["verdict"] or "above it the local GPU is" in batched["verdict"]


def test_bad_prices_file_names_the_field(tmp_path):
    bad = tmp_path / "p.yaml"
    bad.write_text("api: {m: {input_per_million: -1, output_per_million: 1}}\ngpu: {hourly_price: 2}\n")
    with pytest.raises(PricesError, match=r"api.m.input_per_million = -1 must be a number >= 0. Fix"):
        load_prices(bad)
    with pytest.raises(PricesError, match="cannot read"):
        load_prices(tmp_path / "missing.yaml")


def test_prices_option_puts_cost_in_all_three_reports(llm_project):
    llm_project.scenario(
        "c.yaml", "cases:\n  - id: c1\n    category: c\n    question: 一加一？\n    key_points: [二]\n"
    )
    with FakeServer(answers={"一加一": "二"}) as fake:
        result = llm_project.run("--llm-base-url", fake.base_url, "--llm-model", "qwen3-8b", f"--llm-prices={EXAMPLE}")
    result.assert_outcomes(passed=1)
    assert "Cost per 1,000 requests" in result.stdout.str() and "break-even" in result.stdout.str()
    assert "Cost per 1,000 requests" in llm_project.report()
    assert "Cost per 1,000 requests" in llm_project.report(name="report.html")
    assert llm_project.results()["cost"]["rows"][0]["api_per_1k"] > 0
    bad = llm_project.run("--llm-prices=nope.yaml")
    assert bad.ret == pytest.ExitCode.USAGE_ERROR


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "utilisation: 0.5",
            "utilization: 0.5",
            r"gpu\.utilization: unknown field\. Fix: did you mean `utilisation`\?",
        ),
        ("currency: CNY", "curency: CNY", r"curency: unknown field\. Fix: did you mean `currency`\?"),
        (
            "qwen3-8b: {input_per_million: 0.3, output_per_million: 0.6}",
            "qwen3-8b: {input_per_million: 0.3, output_per_milion: 0.6}",
            r"api\.qwen3-8b\.output_per_milion: unknown field\. Fix: did you mean `output_per_million`\?",
        ),
        ("count: 1 ", "count: 0 ", r"gpu\.count = 0 must be at least 1"),
        ("utilisation: 0.5", "utilisation: 0", r"gpu\.utilisation = 0 must be a share of the hours above 0"),
        ("utilisation: 0.5", "utilisation: 5", r"gpu\.utilisation = 5 must be a share"),
        ("power_per_hour: 2.0", "power_per_hour: .nan", r"gpu\.power_per_hour = nan is not a finite number\. Fix"),
        ("purchase_price: 100000", "purchase_price: .inf", r"gpu\.purchase_price = inf is not a finite number\. Fix"),
    ],
)
def test_a_prices_field_misspelt_or_out_of_range_is_an_error_naming_file_and_field(tmp_path, old, new, message):
    """`utilization` (US spelling) was dropped silently - the GPU cost per hour 1.65x off - and `count: 0`,
    `utilisation: 0` read as 1, .nan as "nan USD/h" in the report."""
    text = EXAMPLE.read_text(encoding="utf-8")
    assert old in text
    prices = tmp_path / "p.yaml"
    prices.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(PricesError, match=rf"^{prices}: {message}"):
        load_prices(prices)
