"""pytester acceptance tests of --rag: ids, per-case retrieval records, uplift aggregates, reports."""

from __future__ import annotations

import json

import pytest

KB_SCENARIO = """\
cases:
  - id: ceo_question
    category: kb_people
    question: 星河数据公司的首席执行官是谁？
    key_points: [林晚舟]
    documents: [people/ceo.md]
    max_tokens: 12
  - id: product_price
    category: kb_product
    question: 极光网关的年费是多少？
    key_points: [36万元]
    documents: [products/gateway.md]
    max_tokens: 12
"""
DOCS = {
    "people/ceo.md": "# 星河数据管理层\n\n星河数据的首席执行官是林晚舟，2019年加入公司，此前在银行科技部门工作。",
    "products/gateway.md": "# 极光网关\n\n极光网关是星河数据的API网关产品，私有化部署，年费36万元，含7x24小时支持。",
    "history/founding.md": "# 公司历史\n\n星河数据成立于2015年，总部位于杭州，主要服务城商行与保险公司。",
}


@pytest.fixture
def rag_project(llm_project) -> pytest.Pytester:
    pytester = llm_project.pytester
    (pytester.path / "cases.yaml").write_text(KB_SCENARIO, encoding="utf-8")
    for name, text in DOCS.items():
        path = pytester.path / "kb" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (pytester.path / "terms.txt").write_text("星河数据 1000 nz\n极光网关 1000 nz\n林晚舟 1000 nr\n", encoding="utf-8")
    return pytester


def test_rag_ids_cover_both_modes(rag_project):
    result = rag_project.runpytest(
        "--collect-only", "-q", "--llm-scenarios=cases.yaml", "--llm-model", "m=/x", "--rag", "--rag-knowledge=kb"
    )
    ids = [line.split("::")[1] for line in result.outlines if "::" in line]
    assert ids == [
        "test_scenario[m-norag-ceo_question]",
        "test_scenario[m-norag-product_price]",
        "test_scenario[m-rag-ceo_question]",
        "test_scenario[m-rag-product_price]",
    ]
    only = rag_project.runpytest(
        "--collect-only",
        "-q",
        "--llm-scenarios=cases.yaml",
        "--rag-mode=only",
        "--rag-knowledge=kb",
        "--llm-model",
        "m=/x",
    )
    assert [line for line in only.outlines if "::" in line][0].endswith("test_scenario[m-rag-ceo_question]")


def test_missing_knowledge_or_dictionary_is_a_usage_error(rag_project):
    result = rag_project.runpytest("--rag", "--rag-knowledge=nope")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*--rag-knowledge *nope: no such file or folder*"])


def test_a_bad_template_or_dictionary_is_a_usage_error_naming_the_file(rag_project):
    """Read at the start: the template was read in every RAG case, after the server had started (each case
    erred on it), and a dictionary only while the index was built."""
    path = rag_project.path
    (path / "gb18030.txt").write_bytes("上下文：{context} 问题：{question}".encode("gb18030"))
    (path / "no-question.txt").write_text("资料：{context}", encoding="utf-8")
    (path / "bad-dict.txt").write_text("华信银行 100 nt 多余\n", encoding="utf-8")
    cases = [
        ("--rag-template=gb18030.txt", "*--rag-template *gb18030.txt: not UTF-8 text (byte *). Fix: save it as UTF-8*"),
        ("--rag-template=no-question.txt", "*--rag-template *no-question.txt: no {question} placeholder. Fix: *"),
        ("--rag-dict=bad-dict.txt", "*--rag-dict *bad-dict.txt: *bad-dict.txt:1: malformed dictionary line*"),
        ("--rag-dict=kb", "*--rag-dict *kb: is a folder. Fix: name the dictionary file*"),
    ]
    for arg, message in cases:
        result = rag_project.runpytest("--rag", "--rag-knowledge=kb", arg, "--collect-only")
        assert result.ret == pytest.ExitCode.USAGE_ERROR, arg
        result.stderr.fnmatch_lines([message])


@pytest.mark.vllm
def test_rag_run_records_retrieval_and_uplift(rag_project, vllm_endpoint):
    result = rag_project.runpytest(
        "--llm-scenarios=cases.yaml",
        "--rag",
        "--rag-knowledge=kb",
        "--rag-dict=terms.txt",
        "--rag-top-k",
        "2",
        "--llm-base-url",
        vllm_endpoint.base_url,
        "--llm-model",
        vllm_endpoint.model,
        "-p",
        "no:cacheprovider",
    )
    outcomes = result.parseoutcomes()
    assert outcomes.get("passed", 0) + outcomes.get("failed", 0) == 4, result.stdout.str()
    out = result.stdout.str()
    assert "RAG: without vs with retrieval" in out and "uplift" in out
    doc = json.loads((rag_project.path / "llmeval-report" / "results.json").read_text(encoding="utf-8"))
    modes = sorted((c["mode"], c["scenario_id"]) for c in doc["cases"])
    assert modes == [
        ("norag", "ceo_question"),
        ("norag", "product_price"),
        ("rag", "ceo_question"),
        ("rag", "product_price"),
    ]
    for case in doc["cases"]:
        if case["mode"] == "norag":
            assert "retrieval" not in case
            continue
        r = case["retrieval"]
        # the answer document is retrieved first for both questions (names from the custom dictionary)
        assert r["doc_ids"][0] == r["expected_docs"][0]
        assert r["hit_at_k"] == 1.0 and r["mrr_at_k"] == 1.0 and r["recall_at_k"] == 1.0
        assert r["k"] == 2 and len(r["doc_ids"]) == 2
        assert 0.0 <= r["bm25_dense_overlap"] <= 1.0
        assert r["rerank"] == "skipped"
        assert case["retrieval_ms"] > 0 and case["generation_ms"] > 0
        assert len(r["knowledge"]) == 16  # the knowledge base it was asked from: rescore names a changed one
    (rag,) = doc["aggregates"]["rag"]
    by = {(c["mode"], c["scenario_id"]): c["score"] for c in doc["cases"]}
    norag = (by[("norag", "ceo_question")] + by[("norag", "product_price")]) / 2
    with_rag = (by[("rag", "ceo_question")] + by[("rag", "product_price")]) / 2
    assert rag["score_norag"] == pytest.approx(norag) and rag["score_rag"] == pytest.approx(with_rag)
    assert rag["uplift"] == pytest.approx(with_rag - norag)
    assert rag["mean_hit_at_k"] == 1.0 and rag["paired_cases"] == 2
    assert set(rag["categories"]) == {"kb_people", "kb_product"}
    assert doc["run"]["rag"]["mode"] == "both" and doc["run"]["rag"]["top_k"] == 2
    markdown = (rag_project.path / "llmeval-report" / "report.md").read_text(encoding="utf-8")
    assert "## RAG: without vs with retrieval" in markdown and "### RAG uplift per category" in markdown
