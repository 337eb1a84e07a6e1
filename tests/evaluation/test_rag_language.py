"""The RAG prompt in the case's language: declared in the scenario file or detected from the question."""

from __future__ import annotations

import json

import pytest

from pytest_llmeval.evaluation.scenarios import Case, KeyPoint, Trap
from pytest_llmeval.rag.prompt import NO_CONTEXT, NO_CONTEXT_EN, TEMPLATES, detect_language, render_rag_prompt

ENGLISH = "What is the asset size of Huaxin Bank, and when was it founded?"
CHINESE = "华信银行的资产规模是多少？它是哪一年成立的？"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (ENGLISH, "en"),
        (CHINESE, "zh"),
        ("请比较Milvus与PostgreSQL+pgvector两种向量存储方案的优缺点，并给出推荐。", "zh"),
        ("What does 华信银行 do?", "en"),
        ("2024", "zh"),  # nothing to tell from: the default
    ],
)
def test_detect_language_by_cjk_share(text, language):
    assert detect_language([text]) == language


def test_the_template_follows_the_language_unless_a_template_is_given(tmp_path):
    chunks = []
    english = render_rag_prompt(ENGLISH, chunks)
    assert english.startswith("You are an enterprise knowledge-base assistant") and NO_CONTEXT_EN in english
    chinese = render_rag_prompt(CHINESE, chunks)
    assert chinese.startswith("你是企业知识库问答助手") and NO_CONTEXT in chinese
    assert render_rag_prompt(CHINESE, chunks, language="en").startswith("You are")  # declared wins
    own = tmp_path / "t.txt"
    own.write_text("Q: {question}\nC: {context}", encoding="utf-8")
    assert render_rag_prompt(ENGLISH, chunks, own, language="zh") == f"Q: {ENGLISH}\nC: {NO_CONTEXT}"
    for path in TEMPLATES.values():
        text = path.read_text(encoding="utf-8")
        assert text.count("{context}") == 1 and text.count("{question}") == 1


def test_english_context_blocks_are_labelled_in_english():
    from pytest_llmeval.rag import Chunk

    chunk = Chunk("companies/huaxin_bank.md#1", "companies/huaxin_bank.md", "Huaxin Bank", "Founded in 1997.")
    prompt = render_rag_prompt(ENGLISH, [chunk])
    assert "[1] Source: companies/huaxin_bank.md (Huaxin Bank)\nFounded in 1997." in prompt


def test_evaluate_case_asks_in_the_case_language_and_an_honest_answer_is_not_an_echo():
    from pytest_llmeval.evaluation.evaluate import evaluate_case
    from pytest_llmeval.rag.pipeline import Retrieval, RetrievedChunk, Timings
    from pytest_llmeval.serving.client import ChatClient
    from pytest_llmeval.serving.endpoint import Endpoint
    from pytest_llmeval.testing.openai_fake import FakeServer

    chunk = RetrievedChunk(
        "companies/huaxin_bank.md", "companies/huaxin_bank.md#0", "Huaxin Bank", "Founded 1997.", 1.0
    )

    class OneChunk:
        def retrieve(self, query: str) -> Retrieval:
            ids = (chunk.chunk_id,)
            docs = (chunk.doc_id,)
            return Retrieval(query, (chunk,), ids, docs, ids, docs, ids, "skipped", Timings(0, 0, 0, 0, 0), 1, docs)

    prompts: list[str] = []

    def answer(request: dict) -> str:
        prompts.append(json.dumps(request["messages"], ensure_ascii=False))
        return "I don't know: the material does not say."

    case = Case(
        id="c",
        category="c",
        question=ENGLISH,
        key_points=(KeyPoint("1997"),),
        trap=Trap(expect="uncertainty"),
        suite="s",
        source="s.yaml",
    )
    with FakeServer(answers=answer) as fake:
        client = ChatClient(Endpoint(fake.base_url, "m"))
        result = evaluate_case(client, "m", case, 32, retriever=OneChunk())  # type: ignore[arg-type]
        declared = Case(**{**case.__dict__, "language": "zh"})
        evaluate_case(client, "m", declared, 32, retriever=OneChunk())  # type: ignore[arg-type]
        client.close()
    assert "[Reference material]" in prompts[0] and "Source: companies/huaxin_bank.md" in prompts[0]
    assert "【参考资料】" in prompts[1]
    assert result.score is not None and result.score.missing == ["1997"]
    # the English template asks for honesty without the words of the markers: "I don't know" is no echo
    assert result.score.covered == ["表示不确定 (uncertainty)"] and result.score.echoed == []
