"""One definition per metric: decode tok/s token-weighted everywhere, coverage 0-100, the models-compared table
per model and mode, intervals clustered by case with repeats, no tail percentile from too few requests."""

from __future__ import annotations

import pytest

from pytest_llmeval.bench.stats import decode_tok_s, summarize
from pytest_llmeval.results.aggregate import model_comparison, model_rows
from pytest_llmeval.results.sections import models_section, summary_section
from pytest_llmeval.serving.client import derive_metrics

# Two answers of very different lengths: a long one at 100 tok/s, a short one at 10 tok/s.
LONG = {"output_tokens": 201, "ttft_s": 0.1, "e2e_s": 2.1}  # 200 tokens after the first in 2.0 s
SHORT = {"output_tokens": 3, "ttft_s": 0.1, "e2e_s": 0.3}  # 2 tokens after the first in 0.2 s
TOKEN_WEIGHTED = (200 + 2) / (2.0 + 0.2)  # 91.8 tok/s: what the server decoded per second of decoding
REQUEST_MEAN = (100 + 10) / 2  # 55: the mean of per-request rates, which short answers drag down
INVERSE_MEAN_TPOT = 1 / ((0.01 + 0.1) / 2)  # 18.2: 1 / vLLM's request-weighted mean TPOT


def case(model, case_id, mode="norag", sample=0, score=100.0, passed=True, **metrics):
    return {
        "model": model,
        "scenario_id": case_id,
        "suite": "s",
        "category": "c",
        "mode": mode,
        "sample": sample,
        "score": score,
        "passed": passed,
        **metrics,
    }


def request_rate(m):
    """A case record's decode_tok_s, as the client measures it: that request's 1 / TPOT."""
    start = 100.0
    timed = derive_metrics(start, [start + m["e2e_s"]], start + m["ttft_s"], _Usage(m["output_tokens"]), "stop")
    return timed.decode_tok_s


class _Usage:
    def __init__(self, completion_tokens):
        self.prompt_tokens = 5
        self.completion_tokens = completion_tokens


def test_decode_tok_s_is_token_weighted_and_the_same_everywhere():
    assert decode_tok_s([(201, 0.1, 2.1), (3, 0.1, 0.3)]) == pytest.approx(TOKEN_WEIGHTED)
    assert TOKEN_WEIGHTED != pytest.approx(REQUEST_MEAN) and TOKEN_WEIGHTED != pytest.approx(INVERSE_MEAN_TPOT)
    # per case: that request's 1 / TPOT
    assert request_rate(LONG) == pytest.approx(100.0) and request_rate(SHORT) == pytest.approx(10.0)
    cases = [
        case("m", "long", decode_tok_s=request_rate(LONG), **LONG),
        case("m", "short", decode_tok_s=request_rate(SHORT), **SHORT),
    ]
    (row,) = model_rows(cases, intervals=False)
    assert row["decode_tok_s"] == pytest.approx(TOKEN_WEIGHTED, abs=0.01)
    assert "mean_decode_tok_s" not in row  # one name
    (compared,) = model_comparison(cases)["rows"]
    assert compared["decode_tok_s"] == pytest.approx(TOKEN_WEIGHTED, abs=0.01)
    # the throughput benchmark's summary: the same definition over its requests (vLLM field names)
    bench = summarize(
        [
            {
                "success": True,
                "ttft_s": r["ttft_s"],
                "e2el_s": r["e2e_s"],
                "output_tokens": r["output_tokens"],
                "prompt_tokens": 5,
                "itl_s": [],
                "usage_reported": True,
                "error": None,
            }
            for r in (LONG, SHORT)
        ],
        duration_s=2.1,
    )
    assert bench["decode_tok_s"] == pytest.approx(TOKEN_WEIGHTED) and "mean_decode_tok_s" not in bench
    assert bench["mean_tpot_ms"] == pytest.approx(55.0)  # vLLM's own TPOT mean stays as vLLM defines it


def test_decode_tok_s_skips_one_token_answers_errors_and_missing_timings():
    assert decode_tok_s([(1, 0.1, 0.1), (None, None, 1.0), (5, None, 1.0)]) is None
    assert decode_tok_s([(1, 0.1, 0.1), (5, 0.2, 0.6)]) == pytest.approx(10.0)
    errored = case("m", "x", score=None, passed=False, error={"type": "http"}, **SHORT)
    (row,) = model_rows([case("m", "long", **LONG), errored], intervals=False)
    assert row["decode_tok_s"] == pytest.approx(100.0)  # an errored answer has no score: not counted


MIXED = [
    # without RAG: fast, short answers, all pass; with RAG: slow first token, long answers, one fails
    case("a", "c1", ttft_s=0.1, e2e_s=0.5, output_tokens=41),
    case("a", "c2", ttft_s=0.1, e2e_s=0.5, output_tokens=41),
    case("a", "c1", "rag", ttft_s=0.9, e2e_s=2.9, output_tokens=101),
    case("a", "c2", "rag", score=20.0, passed=False, ttft_s=0.9, e2e_s=2.9, output_tokens=101),
    case("b", "c1", ttft_s=0.2, e2e_s=0.6, output_tokens=41),
    case("b", "c2", ttft_s=0.2, e2e_s=0.6, output_tokens=41),
]


def test_models_compared_has_one_row_per_model_and_mode():
    rows = {(r["model"], r["mode"]): r for r in model_comparison(MIXED)["rows"]}
    assert list(rows) == [("a", "norag"), ("a", "rag"), ("b", "norag")]
    norag, rag = rows[("a", "norag")], rows[("a", "rag")]
    assert norag["pass_rate"] == 100.0 and rag["pass_rate"] == 50.0  # pooled it would be 75
    assert norag["ttft_p50_s"] == pytest.approx(0.1) and rag["ttft_p50_s"] == pytest.approx(0.9)
    assert norag["decode_tok_s"] == pytest.approx(100.0) and rag["decode_tok_s"] == pytest.approx(50.0)
    assert norag["score"]["estimate"] == 100.0 and rag["score"]["estimate"] == 60.0
    assert norag["uplift"] is None and rag["uplift"]["estimate"] == pytest.approx(-40.0)
    doc = {"aggregates": {"models": model_rows(MIXED), "comparison": model_comparison(MIXED)}}
    section = models_section(doc)
    assert section is not None and section.table is not None
    assert section.table.headers[:2] == ["model", "mode"]
    assert [(r[0], r[1]) for r in section.table.rows] == list(rows)
    assert "not pooled" in section.paragraphs[0] and "token-weighted" in section.paragraphs[0]
    summary = summary_section(doc)
    assert summary.table is not None
    decode = summary.table.headers.index("decode tok/s")
    assert [r[decode] for r in summary.table.rows] == ["100.0", "50.0", "100.0"]


def test_repeats_give_intervals_over_cases_not_samples():
    repeated = [
        case("m", f"c{i}", sample=s, score=float(100 * ((i + s) % 2)), passed=bool((i + s) % 2))
        for i in range(6)
        for s in range(3)
    ]
    (row,) = model_rows(repeated)
    assert row["cases"] == 6 and row["samples"] == 18
    for name in ("mean_score", "pass_rate"):
        interval = row["intervals"][name]
        assert interval["n"] == 6 and interval["n_samples"] == 18, name  # the case is the unit


def test_tail_percentiles_need_enough_requests():
    few = [case("m", f"c{i}", ttft_s=0.1 * (i + 1), e2e_s=1.0, output_tokens=10) for i in range(19)]
    (row,) = model_rows(few, intervals=False)
    assert row["ttft_p50_s"] == pytest.approx(1.0) and row["ttft_p95_s"] is None and row["e2e_p95_s"] is None
    enough = few + [case("m", "c19", ttft_s=2.0, e2e_s=1.0, output_tokens=10)]
    (row,) = model_rows(enough, intervals=False)
    assert row["ttft_p95_s"] == pytest.approx(1.905)


def test_coverage_of_another_scorer_is_on_the_0_100_scale(tmp_path):
    from pytest_llmeval.evaluation.scenarios import load_scenarios
    from pytest_llmeval.evaluation.scoring import make_score, score_answer

    (tmp_path / "s.yaml").write_text(
        "suite: s\ncases:\n  - id: c\n    category: x\n    question: q?\n    key_points: [甲, 乙]\n",
        encoding="utf-8",
    )
    (scenario,) = load_scenarios([tmp_path])
    assert score_answer(scenario, "甲").coverage == 50.0  # the keyword scorer: percent of points covered
    made = make_score(scenario, 80.0, scorer="regex")
    assert made.score == 80.0 and made.coverage == 80.0  # any other scorer: the same unit
