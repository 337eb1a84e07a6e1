"""Every statistic the reports print is honest at the n a suite really has (6-14 cases): it says its n, an estimate
comes with its interval or says it has too few values, one proportion gets one interval wherever it is printed, the
case (not the answer) is the unit with repeats, and a verdict names its n, p and correction."""

from __future__ import annotations

import re
from typing import Any

from pytest_llmeval.bench.stats import summarize
from pytest_llmeval.results.aggregate import aggregate_document
from pytest_llmeval.results.render import render_markdown
from pytest_llmeval.results.sections import build_sections


def case(sid: str, score: float, mode: str = "norag", sample: int = 0, category: str = "c", **extra: Any) -> dict:
    return {
        "model": "m",
        "scenario_id": sid,
        "suite": "s",
        "category": category,
        "mode": mode,
        "sample": sample,
        "score": score,
        "passed": score >= 60,
        "error": None,
        "ttft_s": 0.1 + 0.01 * len(sid) + 0.001 * sample,
        "e2e_s": 1.0 + 0.02 * sample + 0.01 * int(sid[1:] or 0),
        "output_tokens": 20,
        **extra,
    }


def document(cases: list[dict], **more: Any) -> dict:
    return {
        "run": {"models": ["m"], "status": "complete"},
        "cases": cases,
        "aggregates": aggregate_document(cases),
    } | more


def section(doc: dict, key: str) -> Any:
    return next(s for s in build_sections(doc) if s.key == key)


def cells(sec: Any, row: int = 0) -> dict[str, str]:
    return dict(zip(sec.table.headers, sec.table.rows[row]))


def repeated_suite() -> list[dict]:
    """8 cases asked twice, without and with RAG; each case's two answers alike; 5 of 8 pass with RAG, 3 without."""
    out = []
    for i in range(8):
        for sample in (0, 1):
            out.append(case(f"q{i}", 100.0 if i < 3 else 0.0, "norag", sample))
            out.append(case(f"q{i}", 100.0 if i < 5 else 0.0, "rag", sample))
    return out


def test_one_proportion_prints_one_interval_in_every_table():
    doc = document(repeated_suite())
    summary = {r[1]: dict(zip(section(doc, "summary").table.headers, r)) for r in section(doc, "summary").table.rows}
    rag = cells(section(doc, "rag"))
    # the same 5 of 8 cases passing: the summary printed 62.5 [30.6, 86.3] (Wilson), the RAG table [27.8, 89.4]
    assert summary["rag"]["pass % [95% CI]"] == rag["pass % RAG [95% CI]"] == "62.5 [27.8, 89.4]"
    assert summary["norag"]["pass % [95% CI]"] == rag["pass % no-RAG [95% CI]"]
    # and the mean score of those 0/100 scores is that proportion, with that interval
    assert summary["rag"]["mean score [95% CI]"] == "62.5 [27.8, 89.4]"


def test_judge_agreement_with_repeats_counts_cases():
    cases = []
    for i in range(8):
        for sample in (0, 1, 2):
            keyword = 100.0 if i < 5 else 0.0
            judge_score = 90.0 if i in (0, 1, 2, 3, 6) else 10.0
            cases.append(
                case(f"q{i}", keyword, sample=sample, judge={"score": judge_score, "passed": judge_score >= 60})
            )
    doc = document(cases)
    (row,) = doc["aggregates"]["judge"]
    assert row["n"] == 24 and row["cases"] == 8
    assert row["kappa"]["n"] == 8 and row["spearman"]["n"] == 8  # 24 answers counted as 24 units before
    one_each = document([c for c in cases if c["sample"] == 0])["aggregates"]["judge"][0]
    assert (row["kappa"]["low"], row["kappa"]["high"]) == (one_each["kappa"]["low"], one_each["kappa"]["high"])
    assert row["spearman"]["p_value"] == one_each["spearman"]["p_value"]
    judge = cells(section(doc, "judge"))
    assert judge["n"] == 24 and judge["kappa [95% CI]"].endswith("(n=8 cases)"), judge
    assert judge["spearman"].endswith("(n=8 cases)") and judge["agree % [95% CI]"].endswith("(n=8 cases)"), judge


def test_retrieval_quality_counts_cases_with_an_interval():
    cases = []
    for i in range(6):
        for sample in (0, 1, 2):
            retrieval = {"hit_at_k": 1.0 if i < 4 else 0.0, "recall_at_k": 1.0, "mrr_at_k": 0.5}
            cases += [case(f"q{i}", 80.0, "norag", sample), case(f"q{i}", 80.0, "rag", sample, retrieval=retrieval)]
    doc = document(cases)
    (row,) = doc["aggregates"]["rag"]
    assert row["retrieval_n"] == 6 and row["hit_at_k_interval"]["n"] == 6  # 18 answers, 6 cases
    hit = cells(section(doc, "rag"))["hit@k"]
    assert re.fullmatch(r"0\.67 \[0\.\d\d, 0\.9\d\] \(n=6\)", hit), hit


def test_category_means_and_latency_percentiles_carry_their_intervals():
    cases = [case(f"q{i}", [0.0, 100.0, 40.0][i % 3], category="ab"[i % 2]) for i in range(12)]
    doc = document(cases)
    category = section(doc, "categories")
    for cell in (row[1] for row in category.table.rows):
        assert re.fullmatch(r"\d+\.\d \[\d+\.\d, \d+\.\d\] \(n=6\)", cell), cell
    summary = cells(section(doc, "summary"))
    assert re.fullmatch(r"0\.\d{3} \[0\.\d{3}, 0\.\d{3}\]", summary["TTFT p50 s [95% CI]"])
    assert re.fullmatch(r"1\.\d\d \[1\.\d\d, 1\.\d\d\]", summary["E2E p50 s [95% CI]"])
    assert "the run is the unit of speed" in section(doc, "summary").paragraphs[0]


def bench_doc(requests: int) -> dict:
    records = [
        {
            "success": True,
            "prompt_tokens": 10,
            "output_tokens": 20,
            "ttft_s": 0.1 + 0.01 * i,
            "e2el_s": 1.0 + 0.02 * i,
            "itl_s": [0.05] * 19,
            "usage_reported": True,
            "error": None,
        }
        for i in range(requests)
    ]
    run = {"model": "m", "summary": summarize(records, 5.0), "config": {"num_requests": requests}}
    return document([case("q1", 100.0)], benchmarks=[run])


def test_bench_tail_percentiles_say_too_few_requests_or_carry_an_interval():
    few = {row[0]: row[1] for row in section(bench_doc(8), "benchmark").table.rows}
    assert few["p95_ttft_ms"] == "too few requests (n=8; p95 needs 20)"  # printed "-" before
    assert few["p99_e2el_ms"] == "too few requests (n=8; p99 needs 100)"
    # 3 significant digits (sections.SPEED_FIGURES): 135 [100, 170] ms, not 135.00 [100.00, 170.00]
    assert re.fullmatch(r"\d{3} \[\d{3}, \d{3}\]", few["median_ttft_ms"]), few["median_ttft_ms"]
    enough = {row[0]: row[1] for row in section(bench_doc(30), "benchmark").table.rows}
    assert re.fullmatch(r"\d{3} \[\d{3}, open\]", enough["p95_ttft_ms"]), enough["p95_ttft_ms"]
    assert "\\[" not in enough["p95_itl_ms"] and "[" not in enough["p95_itl_ms"]  # ITL: no interval


def test_every_verdict_names_its_n_p_and_correction():
    # category a: 6 cases all rise (p = 2/64); b and c hold 4 and 3 cases, which can never be significant
    cases = []
    for category, deltas in {"a": [20, 30, 40, 50, 55, 60], "b": [10, -10, 20, 5], "c": [30, -20, 10]}.items():
        for i, delta in enumerate(deltas):
            sid = f"{category}{i}"
            cases += [case(sid, 40.0, "norag", category=category), case(sid, 40.0 + delta, "rag", category=category)]
    doc = document(cases)
    rows = {row[0]: row[1] for row in section(doc, "rag_categories").table.rows}
    # Holm over all three made a's p 0.094 and hid a real uplift behind two categories that could never count
    assert rows["a"].endswith("(n=6); p 0.0312 (Holm 0.0312): better with RAG"), rows["a"]
    assert "(n=4); p 0.5 (no p at n=4 can be significant - the smallest is 0.125: outside Holm's family)" in rows["b"]
    markdown = render_markdown(doc)
    for line in markdown.splitlines():
        if re.search(r"\b(better|worse)\b", line) and line.startswith("|"):
            assert re.search(r"\(n=\d+\)|\| \d+ \|", line) and "p " in line and "Holm" in line, line
