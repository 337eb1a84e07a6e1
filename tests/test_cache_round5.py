"""Fifth red-team round of the answer cache's key (--llm-cache) and of `rescore`: what changes an answer must change
the key, what changes none must not (no needless miss), no secret may enter the key material or the SQLite file, and
`rescore` must say what it did with each record. Rows marked "failed before" failed on the code before this round."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from cache_models import write_model
from test_cache_round4 import case_with, run_with

from pytest_llmeval.evaluation.evaluate import build_messages
from pytest_llmeval.evaluation.scenarios import load_scenarios
from pytest_llmeval.serving.cache import AnswerCache, CachingClient, canonical_json, request_key
from pytest_llmeval.serving.client import Completion, RequestMetrics
from pytest_llmeval.serving.identity import NoMemo, model_identity
from pytest_llmeval.serving.models import ModelSpec
from pytest_llmeval.serving.server import ServerSettings

MESSAGES = [{"role": "user", "content": "2024年第三季度的营收同比增长了多少？"}]


@pytest.fixture(autouse=True)
def no_vllm_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts without VLLM_* variables (the machine's own would key every model)."""
    for name in [name for name in os.environ if name.startswith("VLLM_")]:
        monkeypatch.delenv(name)


@pytest.fixture
def model(tmp_path: Path) -> Path:
    """A model folder as vLLM reads it: config, weights, tokenizer, generation config."""
    folder = write_model(tmp_path / "qwen", b"\x01")
    (folder / "tokenizer.json").write_text('{"model": {"vocab": {"a": 0}}}', encoding="utf-8")
    (folder / "tokenizer_config.json").write_text('{"chat_template": "{{ messages }}"}', encoding="utf-8")
    (folder / "generation_config.json").write_text('{"temperature": 0.7, "top_p": 0.8}', encoding="utf-8")
    return folder


def identity(source: str | Path, label: str = "m", memo: Any = None, **settings: Any) -> dict[str, Any]:
    return model_identity(ModelSpec(label, str(source)), ServerSettings(**settings), memo or NoMemo())


def key(source: str | Path, label: str = "m", memo: Any = None, messages: Any = None, **settings: Any) -> str:
    return request_key(identity(source, label, memo, **settings), messages or MESSAGES, 512, 0.0, 0)


# -- 1. the request: every field of the body sent is in the key -----------------------------------------------------


@pytest.mark.parametrize(
    "field",
    [
        {"top_p": 0.9},
        {"top_k": 20},
        {"min_p": 0.05},
        {"seed": 7},
        {"stop": ["。"]},
        {"presence_penalty": 1.5},
        {"frequency_penalty": 0.5},
        {"repetition_penalty": 1.05},
        {"response_format": {"type": "json_object"}},
        {"guided_json": {"type": "object"}},
        {"structured_outputs": {"regex": "\\d+"}},
        {"logit_bias": {"1234": -100}},
        {"n": 2},
        {"tools": [{"type": "function", "function": {"name": "f", "parameters": {}}}]},
        {"chat_template_kwargs": {"enable_thinking": False}},
    ],
    ids=lambda field: next(iter(field)),
)
def test_every_sampling_or_decoding_field_of_the_body_changes_the_key(model, field):
    base = identity(model)
    plain = request_key(base, MESSAGES, 512, 0.0, 0, {})
    assert request_key(base, MESSAGES, 512, 0.0, 0, field) != plain
    value = next(iter(field.values()))
    other = {next(iter(field)): [value, value] if not isinstance(value, list) else [*value, "x"]}
    assert request_key(base, MESSAGES, 512, 0.0, 0, other) != request_key(base, MESSAGES, 512, 0.0, 0, field)


def test_the_order_of_a_bodys_fields_keeps_the_key(model):
    base = identity(model)
    one = {"top_p": 0.9, "seed": 1, "response_format": {"type": "json_object", "schema": {"a": 1, "b": 2}}}
    two = {"response_format": {"schema": {"b": 2, "a": 1}, "type": "json_object"}, "seed": 1, "top_p": 0.9}
    assert request_key(base, MESSAGES, 512, 0.0, 0, one) == request_key(base, MESSAGES, 512, 0.0, 0, two)


def test_a_system_prompt_edit_and_the_rag_contexts_order_change_the_key(tmp_path, model):
    from pytest_llmeval.rag.prompt import render_rag_prompt

    case = case_with(tmp_path / "a")
    edited = case_with(tmp_path / "b", "    system: 你是财务分析师。\n")
    again = case_with(tmp_path / "c", "    system: 你是一名财务分析师。\n")
    keys = {key(model, messages=build_messages(c)) for c in (case, edited, again)}
    assert len(keys) == 3

    class Chunk:
        def __init__(self, doc_id: str, text: str) -> None:
            self.doc_id, self.text, self.title, self.score, self.chunk_id = doc_id, text, doc_id, 1.0, doc_id

    first, second = Chunk("a", "营收增长12%。"), Chunk("b", "利润下降3%。")
    ordered = render_rag_prompt(case.question, [first, second])
    swapped = render_rag_prompt(case.question, [second, first])
    fewer = render_rag_prompt(case.question, [first])  # a smaller --rag-top-k
    messages = [build_messages(case, text) for text in (ordered, swapped, fewer)]
    assert len({key(model, messages=m) for m in messages}) == 3


def png(path: Path, colour: tuple[int, int, int]) -> Path:
    from PIL import Image

    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (4, 4), colour).save(path, format="PNG")
    return path


def image_case(folder: Path, image: Path) -> Any:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "s.yaml").write_text(
        f"suite: s\ncases:\n  - id: chart\n    category: v\n    question: 图中柱子是什么颜色？\n"
        f"    key_points: [红]\n    images: [{image}]\n",
        encoding="utf-8",
    )
    return load_scenarios([folder / "s.yaml"])[0]


def test_an_image_is_keyed_by_its_bytes_not_its_path(tmp_path, model):
    """The same path with other pixels is another question; the same pixels at another path are the same one."""
    image = png(tmp_path / "img" / "chart.png", (255, 0, 0))
    case = image_case(tmp_path / "s", image)
    before = key(model, messages=build_messages(case))
    png(image, (0, 0, 255))
    assert key(model, messages=build_messages(case)) != before
    moved = png(tmp_path / "elsewhere" / "chart-copy.png", (255, 0, 0))
    assert key(model, messages=build_messages(image_case(tmp_path / "t", moved))) == before


def test_whitespace_and_quoting_in_the_yaml_that_give_the_same_question_keep_the_key(tmp_path, model):
    plain = "suite: s\ncases:\n  - id: q\n    category: c\n    question: 营收增长了多少？\n    key_points: [12%]\n"
    spaced = (
        'suite:   s\n\ncases:\n\n  -   id: q\n      category: c\n      question:   "营收增长了多少？"\n'
        "      key_points:\n        - 12%\n"
    )
    keys = set()
    for index, text in enumerate((plain, spaced)):
        path = tmp_path / f"s{index}.yaml"
        path.write_text(text, encoding="utf-8")
        keys.add(key(model, messages=build_messages(load_scenarios([path])[0])))
    assert len(keys) == 1


# -- 2. the model folder and the launch options that change answers ------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("generation_config.json", '{"temperature": 0.1, "top_p": 0.8}'),  # vLLM's sampling defaults
        ("generation_config.json", None),  # removed: vLLM's own defaults
        ("tokenizer.json", '{"model": {"vocab": {"b": 0}}}'),
        ("tokenizer_config.json", '{"chat_template": "{{ messages[-1] }}"}'),
        ("chat_template.jinja", "{{ messages[0] }}"),  # added beside the tokenizer config
        ("special_tokens_map.json", '{"eos_token": "<|im_end|>"}'),
        ("preprocessor_config.json", '{"size": 448}'),
        ("model.safetensors", "\x02"),  # other weights, same size
    ],
)
def test_a_file_vllm_reads_from_the_model_folder_changes_the_key(model, name, content):
    before = key(model)
    if content is None:
        (model / name).unlink()
    else:
        (model / name).write_text(content, encoding="utf-8")
    assert key(model) != before


def test_a_chat_template_file_whose_content_changed_changes_the_key(tmp_path, model):
    template = tmp_path / "tpl.jinja"
    template.write_text("{{ messages }}", encoding="utf-8")
    by_setting = key(model, chat_template=str(template))
    by_argument = key(model, extra_args=["--chat-template", str(template)])
    template.write_text("{{ messages[-1] }}", encoding="utf-8")
    assert key(model, chat_template=str(template)) != by_setting
    assert key(model, extra_args=["--chat-template", str(template)]) != by_argument


@pytest.mark.parametrize(
    ("args", "other"),
    [
        (["--max-model-len", "4096"], ["--max-model-len", "8192"]),
        (["--seed", "0"], ["--seed", "1"]),
        (["--seed=0"], ["--seed=1"]),
        (["--generation-config", "vllm"], ["--generation-config", "auto"]),
        (['--override-generation-config={"temperature": 0.2}'], ['--override-generation-config={"temperature": 0.3}']),
        (["--kv-cache-dtype", "auto"], ["--kv-cache-dtype", "fp8"]),
    ],
    ids=["max-model-len", "seed", "seed=", "generation-config", "override-generation-config", "kv-cache-dtype"],
)
def test_a_vllm_argument_that_changes_outputs_changes_the_key(model, args, other):
    assert key(model, extra_args=args) != key(model, extra_args=other) != key(model)


def test_the_content_of_folders_vllm_arguments_name_is_keyed(tmp_path, model):
    """A LoRA adapter retrained in place, a --generation-config folder or a --tokenizer folder edited."""
    adapter = write_model(tmp_path / "adapter", b"\x05")
    generation = tmp_path / "gen"
    generation.mkdir()
    (generation / "generation_config.json").write_text('{"top_k": 20}', encoding="utf-8")
    tokenizer = write_model(tmp_path / "tok", b"")
    cases = [
        (["--enable-lora", "--lora-modules", f"sql={adapter}"], adapter / "model.safetensors", b"\x06"),
        (["--generation-config", str(generation)], generation / "generation_config.json", b'{"top_k": 40}'),
        ([f"--tokenizer={tokenizer}"], tokenizer / "config.json", b"{}"),
    ]
    for args, edited, content in cases:
        before = key(model, extra_args=args)
        edited.write_bytes(content)
        assert key(model, extra_args=args) != before, args


def test_a_model_folder_replaced_in_place_changes_the_key_with_the_memo(tmp_path, model):
    """The same path, other weights of the same size and mtime (`cp -p`, `rsync -t`, a new image): the memo of the
    cache file must not answer with the old hash."""
    memo = AnswerCache(tmp_path / "cache.sqlite")
    before = key(model, memo=memo)
    assert key(model, memo=memo) == before
    stat = (model / "model.safetensors").stat()
    with (model / "model.safetensors").open("r+b") as handle:  # rewritten in place, mtime set back
        handle.write(b"\x09")
    os.utime(model / "model.safetensors", ns=(stat.st_atime_ns, stat.st_mtime_ns))
    rewritten = key(model, memo=memo)
    assert rewritten != before
    copy = tmp_path / "copy"
    shutil.copytree(model, copy, copy_function=shutil.copy2)
    (copy / "model.safetensors").write_bytes(b"\x01")
    shutil.copystat(model / "model.safetensors", copy / "model.safetensors")
    shutil.rmtree(model)
    copy.rename(model)  # the whole folder replaced with the first weights
    assert key(model, memo=memo) == before != rewritten


def test_a_link_to_a_model_folder_pointed_elsewhere_changes_the_key(tmp_path, model):
    other = write_model(tmp_path / "other", b"\x07")
    link = tmp_path / "current"
    link.symlink_to(model)
    before = key(link)
    link.unlink()
    link.symlink_to(other)
    assert key(link) != before


def test_a_vllm_config_file_whose_seed_changed_changes_the_key(tmp_path, model):
    config = tmp_path / "serve.yaml"
    config.write_text("seed: 1\nport: 8001\n", encoding="utf-8")
    before = key(model, extra_args=["--config", str(config)])
    config.write_text("seed: 2\nport: 8001\n", encoding="utf-8")
    assert key(model, extra_args=["--config", str(config)]) != before


# -- 3. what changes no answer keeps the key ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "other"),
    [
        (["--port", "8001"], ["--port", "8002"]),
        (["--host", "127.0.0.1"], ["--host", "0.0.0.0"]),
        (["--api-key", "sk-live-1111"], ["--api-key", "sk-live-2222"]),
        (["--api-key=sk-live-1111"], ["--api_key=sk-live-2222"]),
        (["--api-key=-sk-live-1111"], ["--api-key=-sk-live-2222"]),  # a key that starts with '-'
        (["--api-k", "sk-live-1111"], ["--api-key", "sk-live-2222"]),  # failed before: an abbreviation vLLM reads
        (["--hf-token", "hf_live1111"], ["--hf-token", "hf_live2222"]),  # failed before
        (["--hf_token=hf_live1111"], ["--hf-token=hf_live2222"]),  # failed before
        ([], ["--enable-prefix-caching"]),  # failed before
        ([], ["--no-enable-prefix-caching"]),  # failed before
        (["--enable-prefix-caching", "--seed", "1"], ["--seed", "1", "--no-enable-prefix-caching"]),  # failed before
        ([], ["--served-model-name", "qwen"]),  # failed before: requests ask for the label, answers are the same
        ([], ["--disable-log-requests"]),  # failed before: an older vLLM's name of a logging switch
        ([], ["--max-num-batched-tokens", "8192"]),  # failed before: batching, as --max-num-seqs
        (["--max-model-len", "4096"], ["--max-model-len=4096"]),  # failed before: the same setting typed otherwise
        (["--max-model-len", "4096"], ["--max_model_len", "4096"]),  # failed before
        (["--seed=1", "--enforce-eager"], ["--seed", "1", "--enforce_eager"]),  # failed before
    ],
    ids=[
        "port",
        "host",
        "api-key",
        "api-key=",
        "api-key=-",
        "api-k",
        "hf-token",
        "hf_token=",
        "prefix-caching",
        "no-prefix-caching",
        "prefix-caching-moved",
        "served-model-name",
        "disable-log-requests",
        "max-num-batched-tokens",
        "max-model-len=",
        "max_model_len",
        "seed=-enforce_eager",
    ],
)
def test_a_vllm_argument_that_changes_no_answer_keeps_the_key(model, args, other):
    assert key(model, extra_args=args) == key(model, extra_args=other)
    assert key(model, extra_args=[*args, "--seed", "3"]) != key(model, extra_args=args)  # arguments are keyed


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("port: 8001\nseed: 1\n", "port: 8002\nseed: 1\n"),  # failed before: the file's bytes were keyed
        ("api-key: sk-live-1111\nseed: 1\n", "api-key: sk-live-2222\nseed: 1\n"),  # failed before
        ("seed: 1\nenable-prefix-caching: true\n", "seed: 1\n"),  # failed before
        ("seed: 1\n", "# served for the Q3 report\nseed:   1\n"),  # failed before: a comment, spaces
    ],
    ids=["port", "api-key", "prefix-caching", "comment"],
)
def test_a_vllm_config_file_edited_where_no_answer_changes_keeps_the_key(tmp_path, model, before, after):
    config = tmp_path / "serve.yaml"
    config.write_text(before, encoding="utf-8")
    first = key(model, extra_args=["--config", str(config)])
    config.write_text(after, encoding="utf-8")
    assert key(model, extra_args=["--config", str(config)]) == first


def test_a_vllm_config_file_is_keyed_by_the_content_of_the_files_it_names(tmp_path, model):
    """Keyed by its settings, a config file still keys the chat template or LoRA adapter it names by content."""
    template, adapter = tmp_path / "tpl.jinja", write_model(tmp_path / "adapter", b"\x05")
    template.write_text("{{ messages }}", encoding="utf-8")
    config = tmp_path / "serve.yaml"
    config.write_text(f"chat-template: {template}\nlora_modules: [sql={adapter}]\napi_key: sk-1111\n", encoding="utf-8")
    before = key(model, extra_args=["--config", str(config)])
    assert "sk-1111" not in canonical_json(identity(model, extra_args=["--config", str(config)]))
    template.write_text("{{ messages[-1] }}", encoding="utf-8")
    after_template = key(model, extra_args=["--config", str(config)])
    (adapter / "model.safetensors").write_bytes(b"\x06")
    assert len({before, after_template, key(model, extra_args=["--config", str(config)])}) == 3


def test_the_label_worker_output_folder_and_memo_keep_the_key(tmp_path, model, monkeypatch):
    before = key(model)
    assert key(model, label="qwen-baseline") == before
    monkeypatch.setenv("PYTEST_XDIST_WORKER", "gw3")
    monkeypatch.setenv("OPENAI_API_KEY", "sk-openai-3333")
    monkeypatch.setenv("VLLM_API_KEY", "sk-vllm-4444")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "out").mkdir()
    assert key(model, memo=AnswerCache(tmp_path / "out" / "cache.sqlite")) == before
    assert key(str(model) + "/") == before  # a trailing slash
    assert key(os.path.relpath(model, tmp_path)) == before  # relative to the folder the run starts in
    (model / ".DS_Store").write_bytes(b"\x00")  # a hidden file vLLM never reads
    assert key(model) == before


def attached(base_url: str, root: str = "Qwen/Qwen3-8B", **settings: Any) -> dict[str, Any]:
    served = [{"id": "m", "root": root, "max_model_len": 32768}]
    return model_identity(
        ModelSpec("m", "m"), ServerSettings(base_url=base_url, **settings), NoMemo(), lambda: served, lambda: "0.11.0"
    )


@pytest.mark.parametrize(
    ("url", "other"),
    [
        ("http://user:sk-url-1111@gpu1:8000/v1", "http://user:sk-url-2222@gpu1:8000/v1"),  # failed before
        ("http://gpu1:8000/v1?api-key=sk-q-1111", "http://gpu1:8000/v1?api-key=sk-q-2222"),  # failed before
        ("http://gpu1:8000/v1/", "http://gpu1:8000/v1"),
        ("http://u:pa/ss-1111@gpu1:8000/v1", "http://u:pa/ss-2222@gpu1:8000/v1"),  # failed before: a '/' in it
        ("http://gpu1/v1?api-version=2&token=sk-q-1", "http://gpu1/v1?api-version=2&token=sk-q-2"),  # failed before
    ],
    ids=["userinfo", "query-key", "trailing-slash", "slash-in-password", "setting-and-token"],
)
def test_an_attached_servers_credentials_keep_the_key_and_stay_out_of_it(url, other):
    first, second = attached(url), attached(other)
    assert request_key(first, MESSAGES, 512, 0.0, 0) == request_key(second, MESSAGES, 512, 0.0, 0)
    assert "sk-" not in canonical_json(first)
    assert request_key(attached("http://gpu2:8000/v1"), MESSAGES, 512, 0.0, 0) != request_key(
        attached("http://gpu1:8000/v1"), MESSAGES, 512, 0.0, 0
    )  # another server is another model


def test_an_attached_servers_non_secret_query_stays_in_the_key():
    """A query that picks what answers (Azure's api-version) is no credential: two versions are two keys."""
    one = attached("https://x.openai.azure.com/openai/deployments/d?api-version=2024-02-01")
    two = attached("https://x.openai.azure.com/openai/deployments/d?api-version=2025-01-01")
    assert request_key(one, MESSAGES, 512, 0.0, 0) != request_key(two, MESSAGES, 512, 0.0, 0)


# -- 4. no secret in the key material or the cache file ----------------------------------------------------------------


SECRETS = ("sk-live-5555", "hf_live6666", "sk-env-7777", "sk-url-8888", "sk-q-9999")


class Answering:
    def complete(self, messages: Any, max_tokens: int, temperature: float = 0.0, extra_body: Any = None) -> Completion:
        return Completion("增长了12%。", "", RequestMetrics(0.1, 0.5, 10, 4, 0.1, 10.0, finish_reason="stop"))


def test_no_secret_reaches_the_key_material_or_the_cache_files_bytes(tmp_path, model, monkeypatch):
    """--api-key and --hf-token given as vLLM arguments (any spelling), VLLM_API_KEY and an attached server's URL
    credentials: none may be in the identity the key is made from, nor in the SQLite file or its WAL."""
    monkeypatch.setenv("VLLM_API_KEY", "sk-env-7777")
    monkeypatch.setenv("OPENAI_API_KEY", "sk-env-7777")
    cache = AnswerCache(tmp_path / "cache.sqlite")
    args = ["--api_key=sk-live-5555", "--hf-tok", "hf_live6666", "--seed", "1"]
    identities = [
        identity(model, memo=cache, extra_args=args),
        attached("http://u:sk-url-8888@gpu1:8000/v1?api_key=sk-q-9999"),
    ]
    for found in identities:
        material = canonical_json(found)
        assert not [secret for secret in SECRETS if secret in material]
        client = CachingClient(cache, "m", found, "auto", 0, Answering)
        assert client.complete(MESSAGES, 512).text == "增长了12%。"
        assert client.complete(MESSAGES, 512).cached
    cache.close()
    stored = b"".join(p.read_bytes() for p in tmp_path.glob("cache.sqlite*"))
    assert b"12%" in stored
    assert not [secret for secret in SECRETS if secret.encode() in stored]


# -- 5. rescore --------------------------------------------------------------------------------------------------------


SCENARIOS = """\
suite: s
cases:
{cases}"""
CASE = """  - id: {id}
    category: fin
    question: {question}
    key_points: [{points}]
"""


def scenario_file(folder: Path, *cases: tuple[str, str, str], extra: str = "") -> list[Any]:
    folder.mkdir(parents=True, exist_ok=True)
    body = "".join(CASE.format(id=i, question=q, points=p) for i, q, p in cases) + extra
    (folder / "s.yaml").write_text(SCENARIOS.format(cases=body), encoding="utf-8")
    return load_scenarios([folder / "s.yaml"])


def saved_run(cases: list[Any], answers: dict[str, str]) -> dict[str, Any]:
    from pytest_llmeval.evaluation.scorers import score_case

    records = []
    for case in cases:
        record = run_with(case, 512)["cases"][0]
        scored = score_case(case, answers[case.id], {"question": case.question})
        record |= {"answer": answers[case.id], "score": scored.score, "passed": scored.passed, "scorer": scored.scorer}
        records.append(record)
    doc = run_with(cases[0], 512)
    doc["cases"] = records
    doc["run"]["run_id"] = "run-1"
    return json.loads(json.dumps(doc, ensure_ascii=False))  # as saved


REVENUE = ("revenue", "2024年第三季度营收同比增长多少？", "12%")
PROFIT = ("profit", "2024年第三季度净利润是多少？", "3亿元")
ANSWERS = {"revenue": "第三季度营收同比增长12%。", "profit": "净利润为3亿元。"}


def test_rescore_of_key_point_question_and_case_edits(tmp_path, monkeypatch):
    from pytest_llmeval.results import rescore as rescore_module

    monkeypatch.setattr(rescore_module, "new_run_id", lambda: "run-2")
    doc = saved_run(scenario_file(tmp_path / "then", REVENUE, PROFIT), ANSWERS)
    # a key point edit: graded again, the score changes without any request
    now = scenario_file(tmp_path / "kp", ("revenue", REVENUE[1], "12%, 毛利率"), PROFIT)
    out = rescore_module.rescore_document(doc, now)
    first = out.doc["cases"][0]
    assert first["rescore"]["status"] == "rescored" and first["score"] < 100 == first["rescore"]["previous_score"]
    # a question edit: named as needing the model
    now = scenario_file(tmp_path / "q", ("revenue", "2024年第四季度营收同比增长多少？", "12%"), PROFIT)
    out = rescore_module.rescore_document(doc, now)
    assert out.changed == ["m1/norag/revenue"] and "question" in out.doc["cases"][0]["rescore"]["reason"]
    assert out.doc["cases"][1]["rescore"]["status"] == "rescored"
    # removed, added, renamed
    out = rescore_module.rescore_document(doc, scenario_file(tmp_path / "r", REVENUE, ("net_profit", *PROFIT[1:])))
    assert out.missing == ["m1/norag/profit"] and out.not_in_run == ["net_profit"]
    assert (
        out.doc["aggregates"]
        == rescore_module.rescore_document(doc, scenario_file(tmp_path / "x", REVENUE)).doc["aggregates"]
    )  # a removed case's old score counts nowhere
    # a rescore of the rescore: chained to the first, graded from the first's scores
    now = scenario_file(tmp_path / "kp2", ("revenue", REVENUE[1], "12%, 毛利率"), PROFIT)
    once = rescore_module.rescore_document(doc, now)
    monkeypatch.setattr(rescore_module, "new_run_id", lambda: "run-3")
    twice = rescore_module.rescore_document(once.doc, now)
    assert twice.doc["run"]["rescored"]["from_run_id"] == "run-2"
    assert twice.doc["cases"][0]["rescore"]["previous_score"] == once.doc["cases"][0]["score"]
    assert twice.score_changes == 0 and twice.verdict_changes == 0


def test_a_scorer_version_change_is_recorded(tmp_path):
    """A run graded by an older scorer version: the rescored record carries the current scorer, and its rescore status
    says which scorer gave the previous score, so a score that moved is not read as a key point edit. Failed before:
    the previous scorer was lost."""
    from pytest_llmeval.results.rescore import rescore_document

    cases = scenario_file(tmp_path, REVENUE)
    doc = saved_run(cases, ANSWERS)
    current = dict(doc["cases"][0]["scorer"])
    doc["cases"][0]["scorer"] = {**current, "version": current["version"] - 1}
    record = rescore_document(doc, cases).doc["cases"][0]
    assert record["scorer"]["version"] == current["version"]
    assert record["rescore"]["previous_scorer"]["version"] == current["version"] - 1
    same = rescore_document(saved_run(cases, ANSWERS), cases).doc["cases"][0]
    assert "previous_scorer" not in same["rescore"]  # the same scorer: nothing to say


def test_rescore_of_a_changed_case_keeps_it_changed_and_its_score_out(tmp_path):
    from pytest_llmeval.results.rescore import rescore_document

    doc = saved_run(scenario_file(tmp_path / "then", REVENUE, PROFIT), ANSWERS)
    now = scenario_file(tmp_path / "now", REVENUE, ("profit", "2024年第三季度净利润同比增长多少？", "3亿元"))
    once = rescore_document(doc, now)
    twice = rescore_document(once.doc, now)
    assert twice.changed == once.changed == ["m1/norag/profit"]
    assert twice.doc["aggregates"] == once.doc["aggregates"]
