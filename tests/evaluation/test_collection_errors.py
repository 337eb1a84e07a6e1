"""Scenario mistakes end collection with the file, case, field and fix (pytester, --collect-only)."""

from __future__ import annotations

import json

CASE = """\
cases:
  - id: c1
    category: demo
    question: 华信银行的CIO是谁？
    key_points: [王志远]
    documents: [{doc}]
"""


def _collect(llm_project, *args: str):
    return llm_project.run("--collect-only", "-q", "--llm-model", "m=/x", "--llm-scenarios=scenarios", *args)


def test_a_typo_in_defaults_is_a_collection_error(llm_project):
    llm_project.scenario("s.yaml", "defaults:\n  treshold: 95\n" + CASE.format(doc="a.md"))
    result = _collect(llm_project)
    assert result.ret != 0
    result.stdout.fnmatch_lines(["*s.yaml, field 'defaults.treshold': unknown field. Fix: did you mean `threshold`?*"])


def test_an_unknown_document_is_a_collection_error_with_rag_only(llm_project):
    llm_project.scenario("s.yaml", CASE.format(doc="people/wang.md"))
    kb = llm_project.path / "kb" / "people"
    kb.mkdir(parents=True)
    (kb / "wang_zhiyuan.md").write_text("# 王志远\n华信银行CIO。\n", encoding="utf-8")
    result = _collect(llm_project, "--rag", "--rag-knowledge=kb")
    assert result.ret != 0
    result.stdout.fnmatch_lines(
        ["*case 'c1', field 'documents': 'people/wang.md' is not a document of the knowledge base*"]
    )
    assert _collect(llm_project).ret == 0  # without RAG the documents are not used, nor checked
    llm_project.scenario("s.yaml", CASE.format(doc="people/wang_zhiyuan.md"))
    assert _collect(llm_project, "--rag", "--rag-knowledge=kb").ret == 0


def test_a_dataset_row_with_a_scenario_id_is_a_collection_error(llm_project):
    from PIL import Image

    llm_project.scenario("s.yaml", CASE.format(doc="a.md"))
    Image.new("RGB", (8, 8), "white").save(llm_project.path / "x.png")
    row = {"id": "c1", "image": "x.png", "question": "q", "answers": "a"}
    (llm_project.path / "d.jsonl").write_text(json.dumps(row), encoding="utf-8")
    result = _collect(llm_project, "--llm-dataset=jsonl:d.jsonl")
    assert result.ret != 0
    result.stdout.fnmatch_lines(["*d.jsonl, line 1: id 'c1' is already the id of *s.yaml*"])
