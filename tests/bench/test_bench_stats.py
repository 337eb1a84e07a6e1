"""Summary statistics against hand-computed numbers (vLLM's definitions)."""

from __future__ import annotations

import math

import pytest

from pytest_llmeval.bench.runner import RequestRecord
from pytest_llmeval.bench.stats import distribution, summarize, tpot_s


def rec(success=True, ttft=None, e2el=None, out=None, inp=None, itl=(), usage=True, error=None):
    return {
        "success": success,
        "ttft_s": ttft,
        "e2el_s": e2el,
        "output_tokens": out,
        "prompt_tokens": inp,
        "itl_s": list(itl),
        "usage_reported": usage,
        "error": error,
    }


RECORDS = [
    rec(ttft=0.1, e2el=0.5, out=5, inp=10, itl=[0.1] * 4),
    rec(ttft=0.3, e2el=0.9, out=4, inp=20, itl=[0.2] * 3),
    rec(ttft=0.2, e2el=0.2, out=1, inp=30, itl=[], usage=False),  # one token: no TPOT
    rec(success=False, error="HTTP 500: boom", out=7, inp=99),  # failed: no tokens counted
]


@pytest.fixture(scope="module")
def summary():
    return summarize(RECORDS, duration_s=2.0)


def test_counts_and_throughputs(summary):
    assert summary["duration"] == 2.0
    assert summary["completed"] == 3
    assert summary["failed"] == 1
    assert summary["total_input_tokens"] == 60
    assert summary["total_output_tokens"] == 10
    assert summary["request_throughput"] == pytest.approx(1.5)
    assert summary["output_throughput"] == pytest.approx(5.0)
    assert summary["total_token_throughput"] == pytest.approx(35.0)
    assert summary["prompt_throughput"] == pytest.approx(30.0)


def test_ttft(summary):
    assert summary["mean_ttft_ms"] == pytest.approx(200.0)
    assert summary["median_ttft_ms"] == pytest.approx(200.0)
    assert summary["std_ttft_ms"] == pytest.approx(math.sqrt(20000 / 3))  # population std, as numpy/vLLM
    assert summary["p50_ttft_ms"] == pytest.approx(200.0)
    # 3 requests: no p95 (needs 20) or p99 (needs 100) - an estimate from 3 values is the maximum, not a p95
    assert summary["p95_ttft_ms"] is None and summary["p99_ttft_ms"] is None
    assert summary["percentiles_not_reported"]["p95_ttft_ms"] == "too few requests (n=3) for a p95: needs 20"


def test_tpot_and_decode_rate(summary):
    # A: (0.5 - 0.1) / (5 - 1) = 100 ms; B: (0.9 - 0.3) / (4 - 1) = 200 ms; C has one token: excluded
    assert summary["mean_tpot_ms"] == pytest.approx(150.0)
    assert summary["median_tpot_ms"] == pytest.approx(150.0)
    assert summary["std_tpot_ms"] == pytest.approx(50.0)
    assert summary["p95_tpot_ms"] is None
    # decode_tok_s is token-weighted: (4 + 3) tokens / (0.4 + 0.6) s = 7 tok/s, not 1000 / mean TPOT = 6.67
    assert summary["decode_tok_s"] == pytest.approx(7.0)


def test_itl_pools_all_gaps(summary):
    assert summary["mean_itl_ms"] == pytest.approx(1000 / 7)  # (4 * 100 + 3 * 200) / 7
    assert summary["median_itl_ms"] == pytest.approx(100.0)
    assert summary["p99_itl_ms"] is None  # 7 gaps


def test_e2el(summary):
    assert summary["mean_e2el_ms"] == pytest.approx(1600 / 3)
    assert summary["median_e2el_ms"] == pytest.approx(500.0)


def test_diagnostics(summary):
    assert summary["requests_without_usage"] == 1
    assert summary["error_counts"] == {"HTTP 500: boom": 1}


def test_vllm_field_names_present(summary):
    for key in (
        "duration",
        "completed",
        "failed",
        "total_input_tokens",
        "total_output_tokens",
        "request_throughput",
        "output_throughput",
        "total_token_throughput",
    ):
        assert key in summary
    for metric in ("ttft", "tpot", "itl", "e2el"):
        for stat in ("mean", "median", "std", "p50", "p95", "p99"):
            assert f"{stat}_{metric}_ms" in summary


def test_all_failed_gives_none_not_zero():
    s = summarize([rec(success=False, error="x")], duration_s=1.0)
    assert s["completed"] == 0 and s["failed"] == 1
    assert s["mean_ttft_ms"] is None and s["p99_e2el_ms"] is None and s["decode_tok_s"] is None
    assert s["output_throughput"] == 0.0


def test_zero_duration_has_no_rates():
    s = summarize([], duration_s=0.0)
    assert s["request_throughput"] is None and s["completed"] == 0


def test_accepts_request_records():
    r = RequestRecord(
        index=0,
        ttft_s=0.5,
        e2el_s=1.5,
        output_tokens=3,
        prompt_tokens=7,
        itl_s=[0.5, 0.5],
        usage_reported=True,
        success=True,
    )
    s = summarize([r], duration_s=1.5)
    assert s["mean_tpot_ms"] == pytest.approx(500.0)
    assert s["total_input_tokens"] == 7
    assert tpot_s(r) == pytest.approx(0.5)


def test_custom_percentiles():
    d = distribution([0.001, 0.002, 0.003, 0.004], "x", percentiles=(25, 99.9))
    assert d["p25_x_ms"] == pytest.approx(1.75)
    assert "p99.9_x_ms" in d
