"""Third review of the answer cache's key (--llm-cache): vLLM arguments read as vLLM reads them (abbreviated, or from a
`--config` file), arguments that change no answer, and an attached server's hub-id root. Each test failed before its
fix."""

from __future__ import annotations

from pathlib import Path

import pytest
from cache_models import hub_snapshot, write_model
from test_review2_cache_identity import MESSAGES, key_for

from pytest_llmeval.serving.cache import request_key
from pytest_llmeval.serving.identity import NoMemo, identified, model_identity
from pytest_llmeval.serving.models import ModelSpec
from pytest_llmeval.serving.server import ServerSettings
from pytest_llmeval.testing.openai_fake import FakeServer


@pytest.fixture
def hub(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "hub"
    monkeypatch.setenv("HF_HUB_CACHE", str(folder))
    return folder


# -- 1. vLLM's flags in every spelling its parser reads -------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "moved"),
    [
        (["--revis", "dev"], "org/model"),  # argparse takes a unique start of a flag: --revis is --revision
        (["--revis=dev"], "org/model"),
        (["--tokenizer", "org/tok", "--tokenizer-rev", "dev"], "org/tok"),
        (["--tokenizer", "org/tok", "--tokenizer_rev=dev"], "org/tok"),  # `_` for `-`, abbreviated
    ],
    ids=["revision", "revision=", "tokenizer-revision", "tokenizer_revision="],
)
def test_an_abbreviated_revision_flag_is_the_revision_vllm_loads(hub, args, moved):
    """`--llm-vllm-arg=--revis=dev`: vLLM (argparse, abbreviations allowed) loads refs/dev; the identity read the flag
    by its whole name only and hashed refs/main. When dev moved to other weights (or another tokenizer), nothing in
    the key changed: the old revision's answers were hits."""
    for repo in ("org/model", "org/tok"):
        hub_snapshot(hub, repo, "a" * 40, b"main")
        hub_snapshot(hub, repo, "b" * 40, b"dev", ref="dev")
    before = key_for("org/model", args)
    hub_snapshot(hub, moved, "c" * 40, b"main moved")  # not what vLLM loads
    assert key_for("org/model", args) == before
    hub_snapshot(hub, moved, "d" * 40, b"dev moved", ref="dev")  # what vLLM loads changed, no argument did
    assert key_for("org/model", args) != before
    # `--tokenizer` starts `--tokenizer-revision`, but given whole it is vLLM's --tokenizer (read at main)
    whole = model_identity(ModelSpec("m", "org/model"), ServerSettings(extra_args=args[:2]), NoMemo())
    assert args[0] != "--tokenizer" or whole["hub_reads"]["tokenizer"]["at"] == "main"


@pytest.mark.parametrize(
    ("config", "moved"),
    [
        ("revision: dev\n", "org/model"),
        ("tokenizer: org/tok\ntokenizer_revision: dev\n", "org/tok"),
        ("tokenizer-revision: dev\n", "org/model"),
    ],
    ids=["revision", "tokenizer_revision", "model-tokenizer-revision"],
)
def test_a_revision_set_in_a_vllm_config_file_is_the_revision_vllm_loads(tmp_path, hub, config, moved):
    """`--llm-vllm-arg=--config --llm-vllm-arg=serve.yaml` with `revision: dev`: vLLM reads the file's settings as its
    flags; the identity hashed refs/main. The file's content was in the key, but not what dev names: dev moving to
    other weights kept the key."""
    for repo in ("org/model", "org/tok"):
        hub_snapshot(hub, repo, "a" * 40, b"main")
        hub_snapshot(hub, repo, "b" * 40, b"dev", ref="dev")
    (tmp_path / "serve.yaml").write_text(config, encoding="utf-8")
    args = ["--config", str(tmp_path / "serve.yaml")]
    before = key_for("org/model", args)
    overridden = key_for("org/model", [*args, "--revision=main", "--tokenizer-revision=main"])
    hub_snapshot(hub, moved, "d" * 40, b"dev moved", ref="dev")
    assert key_for("org/model", args) != before
    # vLLM: the command line wins over the config file - dev is then read by no one
    assert key_for("org/model", [*args, "--revision=main", "--tokenizer-revision=main"]) == overridden


def test_a_download_dir_set_in_a_vllm_config_file_is_where_the_model_is_found(tmp_path, hub):
    """`download-dir: DIR` in the config file: the model was looked for in the default cache only - not there, it
    was known by its name alone and never cached; in DIR it is known by its content."""
    other = tmp_path / "other-hub"
    hub_snapshot(other, "org/model", "a" * 40, b"main")
    (tmp_path / "serve.yaml").write_text(f"download-dir: {other}\n", encoding="utf-8")
    identity = model_identity(
        ModelSpec("m", "org/model"), ServerSettings(extra_args=["--config", str(tmp_path / "serve.yaml")]), NoMemo()
    )
    assert identified(identity) and identity["weights"]["revision"] == "a" * 40


# -- 2. arguments that change no answer -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "unkeyed",
    [
        ["--max-num-seqs", "8"],  # how many requests vLLM batches: --llm-concurrency's kin
        ["--port", "9000"],
        ["--host=0.0.0.0"],
        ["--api-key", "k1", "k2"],  # a list of keys: rotating them asks nothing again
        ["-tp", "2"],  # as --llm-tensor-parallel-size, already out of the key
        ["--tensor_parallel_size=2"],
        ["--gpu-memory-utilization", "0.5"],
        ["--disable-log-stats"],
        ["--uvicorn-log-level", "debug", "--enable-log-requests"],
    ],
    ids=lambda args: args[0],
)
def test_a_vllm_argument_that_changes_no_answer_keeps_the_key(tmp_path, unkeyed):
    """`--llm-vllm-arg=--max-num-seqs=8` (or a port, a log level, the API key, the GPU count) made every answer a
    miss, although --llm-concurrency, --llm-tensor-parallel-size and --llm-gpu-memory-utilization are kept out of
    the key for that reason."""
    model = str(write_model(tmp_path / "model", b"\x00" * 64))
    seed = ["--seed", "1"]
    assert key_for(model, [*unkeyed, *seed]) == key_for(model, seed)
    assert key_for(model, [*seed, *unkeyed]) == key_for(model, seed)
    assert key_for(model, [*unkeyed, "--seed", "2"]) != key_for(model, seed)  # what follows it still counts


def test_an_argument_that_changes_answers_after_a_switch_is_kept(tmp_path):
    """A switch takes no value: the flag after it is kept (and a word after it that is no flag - not vLLM's - too)."""
    model = str(write_model(tmp_path / "model", b"\x00" * 64))
    plain = key_for(model, [])
    assert key_for(model, ["--disable-log-stats", "--enforce-eager"]) == key_for(model, ["--enforce-eager"]) != plain
    assert key_for(model, ["--max-num-seqs", "8", "--kv-cache-dtype", "fp8"]) != plain


# -- 2b. a server with LoRA adapters answers by the name asked for ------------------------------------------------


def labelled_key(label: str, source: str, args: list[str]) -> str:
    identity = model_identity(ModelSpec(label, source), ServerSettings(extra_args=args), NoMemo())
    return request_key(identity, MESSAGES, 64, 0.0, 0)


@pytest.mark.parametrize(
    "lora",
    [
        ["--enable-lora", "--lora-modules", "sql={adapter}"],
        ["--enable-lora", "--lora-modules", '{{"name": "sql", "path": "{adapter}"}}'],
        ["--config", "{config}"],  # enable-lora and lora-modules set in a vLLM config file
    ],
    ids=["name=path", "json", "config"],
)
def test_models_of_one_base_with_lora_adapters_are_keyed_by_the_name_they_ask_for(tmp_path, lora):
    """`--llm-model base=/m --llm-model sql=/m --llm-vllm-arg=--enable-lora --llm-vllm-arg=--lora-modules
    --llm-vllm-arg=sql=/adapter`: each model is served under its label, and vLLM answers a request for `sql` with the
    adapter, one for `base` with the base model. The key left the label out (the label is not the model), so the two
    had one key: the adapter's answers were hits for the base model, and the other way round."""
    base = str(write_model(tmp_path / "base", b"\x00" * 64))
    adapter = write_model(tmp_path / "sql-adapter", b"\x05" * 8)
    config = tmp_path / "lora.yaml"
    config.write_text(f"enable-lora: true\nlora-modules:\n  - sql={adapter}\n", encoding="utf-8")
    args = [arg.format(adapter=adapter, config=config) for arg in lora]
    assert labelled_key("sql", base, args) != labelled_key("base", base, args)
    assert labelled_key("sql", base, args) == labelled_key("sql", base, args)
    assert labelled_key("sql", base, []) == labelled_key("base", base, [])  # without adapters the label is no model


def test_a_run_of_a_base_model_and_its_lora_adapter_asks_each_its_own_questions(
    llm_project, fake_vllm_python, tmp_path, monkeypatch
):
    """End to end, with a fake vLLM: the base model's answers filled the cache, then the adapter (`sql`, the same
    weights and arguments) was answered from it - its server never started and the report compared the base model
    with itself."""
    import json

    monkeypatch.setenv("FAKE_VLLM_ANSWER", "答案：巴黎。")
    python, log = fake_vllm_python
    llm_project.scenario(
        "one.yaml", "suite: s\ncases:\n  - {id: c0, category: c, question: 城市题？, key_points: [巴黎]}\n"
    )
    base = write_model(tmp_path / "base", b"\x00" * 64)
    adapter = write_model(tmp_path / "sql-adapter", b"\x05" * 8)
    result = llm_project.pytester.runpytest_subprocess(
        f"--llm-model=base={base}",
        f"--llm-model=sql={base}",
        "--llm-vllm-arg=--enable-lora",
        "--llm-vllm-arg=--lora-modules",
        f"--llm-vllm-arg=sql={adapter}",
        f"--llm-vllm-python={python}",
        f"--llm-cache-path={tmp_path / 'answers.sqlite'}",
        "--llm-warmup=0",
        "-p",
        "no:cacheprovider",
        timeout=300,
    )
    assert result.ret == 0, result.stdout.str()
    events = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    asked = sorted(e["model"] for e in events if e["event"] == "request" and "城市题" in e["text"])
    assert asked == ["base", "sql"]  # each asked its own question: the adapter's is no hit of the base model's
    assert not any(case.get("cached") for case in llm_project.results()["cases"])


# -- 3. an attached server whose root is a hub id ----------------------------------------------------------------------


def attached_key(fake: FakeServer) -> str:
    identity = model_identity(ModelSpec("m1", "m1"), ServerSettings(base_url=fake.base_url), NoMemo())
    return request_key(identity, MESSAGES, 64, 0.0, 0)


def test_an_attached_server_of_a_hub_model_is_keyed_by_the_snapshot_here(hub):
    """`vllm serve org/model` on this machine: /v1/models names the hub id as its root. After a download brought a
    new main (a fixed chat template, other weights) the restarted server answered differently under the same root,
    name and version: the old answers were hits. The snapshot refs/main names here is keyed by its content."""
    hub_snapshot(hub, "org/model", "a" * 40, b"main")
    with FakeServer(models={"m1": "org/model"}) as fake:
        before = attached_key(fake)
        assert attached_key(fake) == before
        hub_snapshot(hub, "org/model", "b" * 40, b"main moved")
        assert attached_key(fake) != before


# -- 4. rescore: RAG answers asked with a prompt template that has changed since ---------------------------------------


def test_rag_answers_asked_with_a_prompt_template_that_changed_since_are_named(tmp_path):
    """`--rag-template` edited after the run: every RAG answer was asked with another prompt (the template wraps the
    question and the context), yet rescore re-graded them without a word - a knowledge-base edit is named, a
    template edit was not. A retrieval records its template's digest; rescore names the answers asked with another."""
    from pytest_llmeval.evaluation.scenarios import load_scenarios
    from pytest_llmeval.rag.prompt import template_digest
    from pytest_llmeval.results.rescore import rescore_document

    (tmp_path / "geo.yaml").write_text(
        "suite: s\ncases:\n  - {id: capital, category: geo, question: 法国的首都是哪里？, key_points: [巴黎]}\n",
        encoding="utf-8",
    )
    (case,) = load_scenarios([tmp_path / "geo.yaml"])
    template = tmp_path / "rag.txt"
    template.write_text("资料：\n{context}\n问题：{question}\n", encoding="utf-8")
    record = {
        "model": "m1",
        "mode": "rag",
        "scenario_id": "capital",
        "sample": 0,
        "question": case.question,
        "prompt_hash": case.prompt_hash,
        "answer": "巴黎",
        "score": 100.0,
        "passed": True,
        "scorer": {"name": "keyword_coverage"},
        "retrieval": {"k": 1, "doc_ids": [], "expected_docs": [], "template": template_digest(template.read_text())},
    }
    doc = {
        "schema_version": 2,
        "run": {"models": ["m1"], "status": "complete", "settings": {"rag": {"template": str(template)}}},
        "cases": [record, {**record, "mode": "norag", "retrieval": None}],
    }
    assert rescore_document(doc, [case]).template_changed == []  # the same template: nothing to say
    template.write_text("只根据资料回答，不知道就说不知道。\n资料：\n{context}\n问题：{question}\n", encoding="utf-8")
    out = rescore_document(doc, [case])
    assert out.template_changed == ["m1/rag/capital"] == out.doc["run"]["rescored"]["template_changed"]
    assert "1 RAG answer(s) were asked with a prompt template that has changed since" in out.summary()
    assert out.counts["rescored"] == 2  # graded as answered, as answers asked from another knowledge base
    template.unlink()  # gone: today's prompt cannot be what it was
    assert rescore_document(doc, [case]).template_changed == ["m1/rag/capital"]


def test_a_run_against_a_server_of_a_hub_model_whose_main_moved_asks_again(llm_project, hub, tmp_path):
    """End to end: --llm-cache against `vllm serve org/model` (root: the hub id) here; a download moved refs/main
    between two runs - the second run was answered from the cache, now it asks the server."""
    llm_project.scenario(
        "one.yaml", "suite: s\ncases:\n  - {id: c0, category: c, question: 城市？, key_points: [巴黎]}\n"
    )
    hub_snapshot(hub, "org/model", "a" * 40, b"main")
    db = tmp_path / "answers.sqlite"
    with FakeServer(answers=lambda request: "巴黎。", models={"m1": "org/model"}) as fake:
        args = ("--llm-base-url", fake.base_url, "--llm-model", "m1", f"--llm-cache-path={db}", "--llm-warmup", "0")
        assert llm_project.run(*args).ret == 0
        asked = fake.requests
        assert llm_project.run(*args).ret == 0 and fake.requests == asked  # the same snapshot: a hit
        assert llm_project.results()["cases"][0]["cached"]
        hub_snapshot(hub, "org/model", "b" * 40, b"main moved")
        assert llm_project.run(*args).ret == 0
    assert fake.requests == asked + 1  # another snapshot: asked again
    assert not llm_project.results()["cases"][0].get("cached")
