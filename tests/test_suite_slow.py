"""Slow (marker `slow`, deselected by default; `scripts/run-tests.sh -m slow`): the whole
shipped suite, with and without RAG, against the real embedded server."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
pytestmark = [pytest.mark.slow, pytest.mark.vllm]


def test_shipped_suite_with_rag_retrieves_the_named_documents(pytester, vllm_endpoint):
    pytester.makeini("[pytest]\n")
    shutil.copytree(ROOT / "scenarios", pytester.path / "scenarios", ignore=shutil.ignore_patterns("__pycache__"))
    result = pytester.runpytest_subprocess(
        "scenarios",
        "--rag",
        "--llm-max-tokens",
        "32",
        "--llm-base-url",
        vllm_endpoint.base_url,
        "--llm-model",
        vllm_endpoint.model,
        "-p",
        "no:cacheprovider",
        "-q",
        timeout=1800,
    )
    doc = json.loads((pytester.path / "llmeval-report" / "results.json").read_text(encoding="utf-8"))
    assert len(doc["cases"]) == 28, result.stdout.str()[-2000:]
    kb = [c for c in doc["cases"] if c["mode"] == "rag" and c["suite"] == "enterprise_kb"]
    assert len(kb) == 8
    # every knowledge-base case finds at least one of its answer documents in the top 5
    assert all(c["retrieval"]["hit_at_k"] == 1.0 for c in kb), [
        (c["scenario_id"], c["retrieval"]["doc_ids"]) for c in kb
    ]
    (rag,) = doc["aggregates"]["rag"]
    assert rag["paired_cases"] == 14 and rag["uplift"] is not None
