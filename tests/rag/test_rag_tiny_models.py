"""The rerank and `flag:` dense stages on real (tiny, random) models, end to end through `pytest --rag`.

`pytest_llmeval.rag.tiny_models` builds a bge-reranker-v2-m3-shaped cross-encoder and a BGE-M3-shaped encoder
locally (no hub). Their scores are noise; what is checked is real: FlagEmbedding loads them, vLLM's CPU build
serves the cross-encoder on `/v1/rerank` with the same scores, and a `--rag` run records the rerank stage as
`ok` with its timings - or, when the reranker fails, the case's error with stage `rerank`.
The chat model is the project's fake server: only the retrieval side is under test here.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from pytest_llmeval.rag import FlagEmbedder, FlagReranker, VLLMReranker
from pytest_llmeval.testing.openai_fake import FakeServer

QUERY = "星河数据公司的首席执行官是谁？"
PASSAGES = [
    "星河数据的首席执行官是林晚舟，2019年加入公司。",
    "极光网关是星河数据的API网关产品，年费36万元。",
    "星河数据成立于2015年，总部位于杭州。",
    "The quick brown fox jumps over the lazy dog.",
]

KB_SCENARIO = """\
cases:
  - id: ceo_question
    category: kb_people
    question: 星河数据公司的首席执行官是谁？
    key_points: [林晚舟]
    documents: [people/ceo.md]
    max_tokens: 8
  - id: product_price
    category: kb_product
    question: 极光网关的年费是多少？
    key_points: [36万元]
    documents: [products/gateway.md]
    max_tokens: 8
"""
DOCS = {
    "people/ceo.md": "# 星河数据管理层\n\n星河数据的首席执行官是林晚舟，2019年加入公司，此前在银行科技部门工作。",
    "products/gateway.md": "# 极光网关\n\n极光网关是星河数据的API网关产品，私有化部署，年费36万元，含7x24小时支持。",
    "history/founding.md": "# 公司历史\n\n星河数据成立于2015年，总部位于杭州，主要服务城商行与保险公司。",
}


@pytest.fixture(scope="module")
def tiny_reranker() -> Path:
    # Imported here, in the outer process, before any pytester run: a C extension (torch) first imported inside
    # an in-process pytester run is dropped from sys.modules afterwards and cannot be imported again.
    import FlagEmbedding  # noqa: F401

    from pytest_llmeval.rag.tiny_models import build_tiny_reranker

    return build_tiny_reranker()


@pytest.fixture(scope="module")
def tiny_bge_m3() -> Path:
    import FlagEmbedding  # noqa: F401

    from pytest_llmeval.rag.tiny_models import build_tiny_bge_m3

    return build_tiny_bge_m3()


@pytest.fixture(scope="module")
def flag_reranker(tiny_reranker: Path) -> FlagReranker:
    return FlagReranker(tiny_reranker)


@pytest.fixture
def rag_project(llm_project: Any) -> Iterator[Any]:
    """A user's project with a 3-document knowledge base; `run(*args)` asks the fake chat server."""
    llm_project.scenario("cases.yaml", KB_SCENARIO, folder=".")
    for name, text in DOCS.items():
        path = llm_project.path / "kb" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    with FakeServer(answers={"": "林晚舟，年费36万元。"}) as chat:

        def run(*args: str) -> Any:
            return llm_project.run(
                "--llm-scenarios=cases.yaml",
                "--llm-base-url",
                chat.base_url,
                "--llm-model",
                "chat",
                "--rag",
                "--rag-knowledge=kb",
                "--rag-top-k=2",
                *args,
            )

        llm_project.run_rag = run
        yield llm_project


def rag_cases(doc: dict[str, Any]) -> list[dict[str, Any]]:
    cases = [c for c in doc["cases"] if c["mode"] == "rag"]
    assert len(cases) == 2, [c["scenario_id"] for c in doc["cases"]]
    return cases


def assert_reranked(case: dict[str, Any]) -> None:
    """The case ran every stage, the reranker's included, and results.json says so with the stage's timing."""
    assert case.get("error") is None, case.get("error")
    retrieval = case["retrieval"]
    assert retrieval["rerank"] == "ok"
    timings = retrieval["timings_ms"]
    assert timings["rerank_ms"] > 0 and timings["dense_ms"] > 0
    assert timings["total_ms"] >= timings["rerank_ms"] + timings["dense_ms"]
    assert "reranked" in retrieval["stages"]
    scores = [c["score"] for c in retrieval["chunks"]]
    assert scores == sorted(scores, reverse=True)
    # Rerank scores (sigmoid of the cross-encoder's logit), not RRF's (at most 2/61 with two retrievers).
    assert all(0 < s < 1 for s in scores) and max(scores) > 2 / 61


# ---------------------------------------------------------------- the models and FlagEmbedding


def test_tiny_models_are_built_once_with_xlmr_layout(tiny_reranker: Path, tiny_bge_m3: Path) -> None:
    import json

    from transformers import AutoTokenizer

    from pytest_llmeval.rag.tiny_models import build_tiny_bge_m3, build_tiny_reranker

    built = {path: path.stat().st_mtime_ns for folder in (tiny_reranker, tiny_bge_m3) for path in folder.rglob("*")}
    assert build_tiny_reranker() == tiny_reranker and build_tiny_bge_m3() == tiny_bge_m3
    # cached: no rebuild - not a file written again (a timed bound failed on a loaded host)
    assert {path: path.stat().st_mtime_ns for path in built} == built
    config = json.loads((tiny_reranker / "config.json").read_text(encoding="utf-8"))
    assert config["architectures"] == ["XLMRobertaForSequenceClassification"]
    assert config["model_type"] == "xlm-roberta" and len(config["id2label"]) == 1
    assert json.loads((tiny_bge_m3 / "config.json").read_text(encoding="utf-8"))["architectures"] == ["XLMRobertaModel"]
    assert (tiny_bge_m3 / "colbert_linear.pt").is_file() and (tiny_bge_m3 / "sparse_linear.pt").is_file()
    tok = AutoTokenizer.from_pretrained(str(tiny_reranker))
    pair = tok("问题", "文档")["input_ids"]
    specials = [tok.convert_ids_to_tokens(i) for i in pair if i in tok.all_special_ids]
    assert specials == ["<s>", "</s>", "</s>", "</s>"]  # XLM-R: <s> A </s></s> B </s>
    assert tok.decode(tok("华信银行 ROI 150%", add_special_tokens=False)["input_ids"]) == "华信银行 ROI 150%"


def test_flag_reranker_scores_the_tiny_cross_encoder(flag_reranker: FlagReranker) -> None:
    result = flag_reranker.rerank(QUERY, PASSAGES)
    assert result.status == "ok" and sorted(result.order) == [0, 1, 2, 3]
    assert result.scores is not None and all(0 < s < 1 for s in result.scores)
    assert list(result.scores) == sorted(result.scores, reverse=True)
    by_passage = dict(zip(result.order, result.scores, strict=True))
    # A pair's score depends on that pair only: reversing the input gives each passage the same score.
    reverse = flag_reranker.rerank(QUERY, PASSAGES[::-1])
    assert reverse.scores is not None
    for pos, score in zip(reverse.order, reverse.scores, strict=True):
        assert score == pytest.approx(by_passage[len(PASSAGES) - 1 - pos], abs=1e-6)
    assert len(set(np.round(result.scores, 4))) == len(PASSAGES)  # spread out, not all ~0.5
    assert flag_reranker.rerank(QUERY, []).order == ()


def test_flag_embedder_embeds_with_the_tiny_bge_m3(tiny_bge_m3: Path) -> None:
    embedder = FlagEmbedder(tiny_bge_m3, max_length=64)
    passages = embedder.embed_passages(PASSAGES)
    assert passages.shape == (4, 64) and passages.dtype == np.float32
    assert np.allclose(np.linalg.norm(passages, axis=1), 1.0, atol=1e-5)
    query = embedder.embed_queries([PASSAGES[2]])
    assert np.allclose(query[0], passages[2], atol=1e-5)  # BGE-M3 has no query prefix: same text, same vector
    assert not np.allclose(passages[0], passages[1], atol=1e-3)
    assert embedder.embed_passages([]).shape == (0, 64)
    assert embedder.name.startswith(f"flag-bgem3:{tiny_bge_m3.resolve()}")


def test_rag_run_with_flag_reranker_and_flag_embedder(rag_project: Any, tiny_reranker: Path, tiny_bge_m3: Path) -> None:
    result = rag_project.run_rag(f"--rag-reranker=flag:{tiny_reranker}", f"--rag-embedder=flag:{tiny_bge_m3}")
    assert result.ret in (0, 1), result.stdout.str()
    doc = rag_project.results()
    for case in rag_cases(doc):
        assert_reranked(case)
    (rag,) = doc["aggregates"]["rag"]
    assert rag["rerank"] == ["ok"]


# ---------------------------------------------------------------- vLLM's CPU build as a pooling server

POOLING_ARGS = [
    "--runner",
    "pooling",
    "--dtype",
    "float32",  # the checkpoint's dtype: the same scores as FlagEmbedding (vLLM would downcast to float16)
    "--enforce-eager",  # no torch.compile: the start is Python imports only
    "--distributed-executor-backend",
    "uni",  # the model runs in the engine process: one process fewer to spawn and import vLLM in
]


@pytest.fixture(scope="module")
def rerank_server(tiny_reranker: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """The tiny cross-encoder behind a real vLLM CPU pooling server (one per module), stopped afterwards."""
    from pytest_llmeval.serving.server import ServerSettings, VLLMServer

    # the model in the engine process (tests/conftest.py, LEAN_VLLM_ENV): one vLLM import fewer
    env = {"VLLM_ENABLE_V1_MULTIPROCESSING": "0"}
    settings = ServerSettings(max_model_len=512, startup_timeout_s=600, extra_args=POOLING_ARGS, env=env)
    log = tmp_path_factory.mktemp("rerank-server") / "server.log"
    with VLLMServer(str(tiny_reranker), "tiny-reranker", settings, log) as server:
        print(f"\ntiny reranker pooling server ready in {server.ready_s:.1f} s")
        yield server


@pytest.mark.vllm
def test_vllm_rerank_endpoint_gives_flagembeddings_scores(rerank_server: Any, flag_reranker: FlagReranker) -> None:
    reranker = VLLMReranker(rerank_server.base_url, "tiny-reranker")
    try:
        served = reranker.rerank(QUERY, PASSAGES)
        assert served.status == "ok" and served.scores is not None
        local = flag_reranker.rerank(QUERY, PASSAGES)
        assert served.order == local.order
        assert served.scores == pytest.approx(local.scores, abs=1e-4)
        long = reranker.rerank(QUERY, ["星河数据" * 400, PASSAGES[0]])  # ~4,800 tokens, max model len 512
        assert long.status == "ok" and sorted(long.order) == [0, 1]
    finally:
        reranker.close()


@pytest.mark.vllm
def test_rag_run_with_vllm_reranker(rag_project: Any, rerank_server: Any) -> None:
    result = rag_project.run_rag(f"--rag-reranker=vllm:{rerank_server.base_url}@tiny-reranker")
    assert result.ret in (0, 1), result.stdout.str()
    doc = rag_project.results()
    for case in rag_cases(doc):
        assert_reranked(case)
    assert doc["run"]["status"] == "complete"


@pytest.mark.vllm
def test_failing_reranker_is_the_cases_rerank_error(rag_project: Any, rerank_server: Any) -> None:
    result = rag_project.run_rag(f"--rag-reranker=vllm:{rerank_server.base_url}@no-such-model")
    assert result.ret == 1, result.stdout.str()
    doc = rag_project.results()
    for case in rag_cases(doc):
        error = case["error"]
        assert error["stage"] == "rerank", error
        assert "HTTP 404" in error["message"] and "no-such-model" in error["message"]
        assert case["passed"] is False
    assert all(c.get("error") is None for c in doc["cases"] if c["mode"] == "norag")
    assert doc["run"]["status"] == "degraded"
