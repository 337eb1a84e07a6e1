"""Bad input and secrets, round 6: what a user can feed each entry point.

- a URL password holding an unencoded / (`http://u:pa/ss@host`) was shown whole by the usage errors that quote the
  value (--llm-compare, --llm-bench-prompt-file, --llm-model-arg) and by every free-text message: the userinfo
  pattern stopped at the /. What follows the colon up to the / is no port (digits), so the / cannot end the
  authority: the userinfo runs to the next @;
- a knowledge base whose documents are not UTF-8 (a GBK file), binary, all empty, or two of one id was taken at the
  start: every RAG case then errored in retrieval after the model server had started;
- a key point listed twice (`key_points: [a, a]`) counted twice: a weight nobody wrote;
- `python -m pytest_llmeval runs` showed a saved run it cannot read as a row of blanks, without the reason; a
  saved run nested past the JSON parser's stack was a RecursionError traceback when `last` was looked up;
- `size`: a config.json with more heads than hidden_size was a ZeroDivisionError traceback, a 400-digit vocab_size
  an OverflowError; 10**30 layers, KV heads that do not divide the heads, `"tie_word_embeddings": "false"` and a
  quantization_config that is not an object were sized without a word (a quantised model as 16-bit weights);
- `python -m pytest_llmeval` printed a URL given as a run (`http://user:key@host/run`) whole in its errors;
- `merge` of a shard whose run.shard.index is text was a TypeError traceback, index 0 "shard 1/2 not given";
- an empty run reference (`report ''`) read the current folder's results.json;
- `--rag-embedder flag:/no/such` and a price one typo away from a model's label (`qwen3-8b` for `qwen3_8b`) were
  taken: every RAG case errored at retrieval, the model's cost was left out of the reports;
- a misspelt `case:` was "missing top-level 'cases' list" without naming the key written in its place.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_input_fuzz import one_usage_error
from test_secrets_faults_redteam import CANARY, leaks, written

from pytest_llmeval.__main__ import main
from pytest_llmeval.evaluation.scenarios import ScenarioError, load_scenarios
from pytest_llmeval.rag.spec import parse_embedder_spec, parse_reranker_spec
from pytest_llmeval.results.merge import MergeError, merge_documents
from pytest_llmeval.results.runs import has_cases
from pytest_llmeval.serving.credentials import credential_values, public_message, without_url_credentials
from pytest_llmeval.sizing.cli import main as size_main
from pytest_llmeval.testing.sample_cases import two_cases

DEAD_URL = "http://127.0.0.1:9/v1"  # nothing listens: a run that reached a request would fail there


@pytest.fixture
def project(llm_project):
    llm_project.scenario("s.yaml", two_cases("round6"))
    return llm_project


# ------------------------------------------------------------------------- a URL password holding a raw /
@pytest.mark.parametrize(
    ("text", "shown"),
    [
        (f"--llm-compare: http://u:{CANARY}/pw@h/run: no such file", "--llm-compare: http://h/run: no such file"),
        (f"'base_url=https://admin:x{CANARY}/a/b@10.0.0.1:8000/v1': bad", "'base_url=https://10.0.0.1:8000/v1': bad"),
        (f"see s3://k:{CANARY}/x@bucket/key and http://u:p@h", "see s3://bucket/key and http://h"),
        (f"http://u:{CANARY}/pw@w@h/v1 failed", "http://h/v1 failed"),  # an @ after the / as well
    ],
)
def test_a_url_password_holding_a_slash_is_removed_from_any_text(text, shown):
    assert without_url_credentials(text) == shown


@pytest.mark.parametrize(
    "text",
    [
        "http://host:8000/v1@judge",  # a judge spec: a port, then the path and the model
        "http://[::1]:8000/v1@judge",
        "https://medium.com/@user/post",
        "http://host:8080/@scope/pkg",
        "http://host/a:b/c@d",  # a colon in the path
    ],
)
def test_an_at_in_an_ordinary_urls_path_is_left_as_it_is(text):
    assert without_url_credentials(text) == text
    assert not credential_values([f"--opt={text}"], every_query_value=False)


def test_a_message_quoting_a_slashed_password_made_into_a_path_hides_it():
    """Path() folds `http://` into `http:/`: the password is found in the command line and hidden in the text."""
    given = [f"--llm-bench-prompt-file=http://u:{CANARY}/pw@h/p.txt"]
    text = f"--llm-bench-prompt-file http:/u:{CANARY}/pw@h/p.txt: no such file"
    assert CANARY not in public_message(text, sources=given)


@pytest.mark.parametrize(
    "args",
    [
        ["--llm-compare", f"http://u:{CANARY}/pw@host/run"],
        ["--llm-bench", "--llm-bench-prompt-file", f"http://u:{CANARY}/pw@host/prompts.txt"],
        ["--llm-model-arg", f"nosuch:base_url=http://u:{CANARY}/pw@127.0.0.1:9/v1"],
    ],
    ids=["compare", "prompt-file", "unknown-label"],
)
def test_a_usage_error_quotes_no_password_holding_a_slash(project, args):
    result = project.run("--llm-model", "m1", "--llm-base-url", DEAD_URL, *args)
    one_usage_error(result)
    assert not leaks(written(project, result))


@pytest.mark.parametrize(
    "argv",
    [
        ["report", f"http://u:{CANARY}@host/run"],  # a URL given as a run: "no such file or folder" quoted it
        ["compare", f"http://u:{CANARY}/pw@host/run", "last"],
        ["accept", f"https://host/run?token=sk-{CANARY}"],
        ["size", "model", "--tp", f"http://u:{CANARY}@host"],  # argparse's own error quotes the value
    ],
    ids=["report", "compare-slash", "accept-query", "argparse"],
)
def test_a_command_prints_no_credentials_of_a_url_it_was_given(tmp_path, monkeypatch, capsys, argv):
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith(("error: ", "usage: ")) and CANARY not in err, err


def test_a_command_hides_the_key_its_key_variable_holds(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("JUDGE_KEY", f"sk-{CANARY}-JUDGE")
    run = f"./sk-{CANARY}-JUDGE.json"  # any message that quotes the key: here the run it cannot find
    argv = ["rescore", run, "--llm-judge-api-key-env", "JUDGE_KEY", "--runs-dir", str(tmp_path)]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "error: ./***.json: no such file or folder" in err and CANARY not in err, err


@pytest.mark.parametrize("parse", [parse_embedder_spec, parse_reranker_spec])
def test_a_component_url_whose_password_holds_a_slash_says_so_without_it(parse):
    """It said "is '@model-name' missing?" of a spec that has its model: the / cut the URL's authority short."""
    kind = "openai" if parse is parse_embedder_spec else "vllm"
    with pytest.raises(ValueError) as caught:
        parse(f"{kind}:http://u:{CANARY}/pw@host:8000/v1@bge-m3", option="--rag-x")
    message = str(caught.value)
    assert f"invalid value '{kind}:http://host:8000/v1@bge-m3' for --rag-x: its password holds a /" in message
    assert "%2F" in message and CANARY not in message and "missing" not in message, message


# ---------------------------------------------------------------------------- the knowledge base at start
def knowledge(tmp_path: Path, files: dict[str, bytes]) -> Path:
    folder = tmp_path / "kb"
    folder.mkdir()
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder


BAD_KNOWLEDGE = {
    "gbk": ({"a.md": "# 标题\n\n正文。\n".encode("gbk")}, "a.md: not valid UTF-8"),
    "binary": ({"a.md": b"# t\n\nok\n", "b.txt": b"\x00\x01\x02 binary"}, "b.txt: is not text (it holds NUL bytes"),
    "blank": ({"a.md": b"  \n\n", "b.txt": b""}, "every document is empty"),
}


@pytest.mark.parametrize(("files", "words"), BAD_KNOWLEDGE.values(), ids=BAD_KNOWLEDGE.keys())
def test_a_knowledge_base_the_retriever_cannot_read_is_a_usage_error_at_start(project, tmp_path, files, words):
    folder = knowledge(tmp_path, files)
    result = project.run(
        "--collect-only", "--llm-model=m1", f"--llm-base-url={DEAD_URL}", "--rag", f"--rag-knowledge={folder}"
    )
    one_usage_error(result, "--rag-knowledge", words, "Fix:")


def test_a_knowledge_folder_holding_only_the_jieba_dictionary_is_a_usage_error(project, tmp_path):
    """The dictionary given with --rag-dict is no document: the retriever leaves it out, and had nothing left."""
    folder = knowledge(tmp_path, {"words.txt": "利润率 5\n".encode()})
    result = project.run(
        "--collect-only", "--llm-model=m1", f"--llm-base-url={DEAD_URL}", "--rag", f"--rag-knowledge={folder}",
        f"--rag-dict={folder / 'words.txt'}",
    )  # fmt: skip
    one_usage_error(result, "--rag-knowledge", "the only files there are the jieba dictionaries", "Fix:")


@pytest.mark.parametrize("flag", ["--rag-embedder", "--rag-reranker"])
def test_a_flag_model_folder_that_is_not_there_is_a_usage_error_at_start(project, tmp_path, flag):
    """FlagEmbedding loads `flag:PATH` from a local folder: one not there errored every RAG case at retrieval."""
    folder = knowledge(tmp_path, {"a.md": "# 标题\n\n正文。\n".encode()})
    (tmp_path / "model.bin").write_bytes(b"")
    for path, problem in ((tmp_path / "nosuch", "no such folder"), (tmp_path / "model.bin", "is a file, not a folder")):
        result = project.run(
            "--collect-only", "--llm-model=m1", f"--llm-base-url={DEAD_URL}", "--rag", f"--rag-knowledge={folder}",
            f"{flag}=flag:{path}",
        )  # fmt: skip
        one_usage_error(result, f"{flag} flag:{path}: {problem}", "Fix:")


def test_two_documents_of_one_id_are_a_usage_error_naming_both(project, tmp_path):
    first, second = tmp_path / "one" / "doc.md", tmp_path / "two" / "doc.md"
    for path in (first, second):
        path.parent.mkdir()
        path.write_text("# 标题\n\n正文。\n", encoding="utf-8")
    result = project.run(
        "--collect-only", "--llm-model=m1", f"--llm-base-url={DEAD_URL}", f"--rag-knowledge={first}",
        f"--rag-knowledge={second}", "--rag",
    )  # fmt: skip
    one_usage_error(result, "duplicate document id 'doc.md'", str(first), str(second), "name each file or folder once")


def test_a_readable_knowledge_base_is_taken(project, tmp_path):
    folder = knowledge(tmp_path, {"a.md": "# 标题\n\n正文。\n".encode(), "b.txt": b"", "user_dict.txt": b"w 1\n"})
    result = project.run(
        "--collect-only", "--llm-model=m1", f"--llm-base-url={DEAD_URL}", "--rag", f"--rag-knowledge={folder}"
    )
    assert result.ret == pytest.ExitCode.OK, result.stdout.str() + result.stderr.str()


# ------------------------------------------------------------------------------ a key point listed twice
CASE = "suite: s\ncases:\n  - id: c1\n    category: demo\n    question: q\n    key_points: {points}\n"


@pytest.mark.parametrize(
    ("points", "shown"),
    [
        ("[利润率, 利润率]", "key_points[1]': the same key point as key_points[0] ('利润率')"),
        ("[Revenue, ' revenue ']", "key_points[1]': the same key point as key_points[0]"),  # case and spaces aside
        ("[a, b, {point: Ａ, weight: 2}]", "key_points[2]': the same key point as key_points[0]"),  # full width
        ("[{point: x, regex: 'x+'}, {point: x, regex: 'x+'}]", "key_points[1]'"),
    ],
)
def test_a_key_point_listed_twice_is_refused(tmp_path, points, shown):
    path = tmp_path / "s.yaml"
    path.write_text(CASE.format(points=points), encoding="utf-8")
    with pytest.raises(ScenarioError) as caught:
        load_scenarios([path])
    message = str(caught.value)
    assert str(path) in message and shown in message and "weight" in message and "Fix:" in message, message


def test_points_of_one_text_with_other_regexes_are_distinct(tmp_path):
    path = tmp_path / "s.yaml"
    path.write_text(CASE.format(points="[{point: x, regex: 'x+'}, {point: x, regex: 'y+'}, xx]"), encoding="utf-8")
    assert len(load_scenarios([path])[0].key_points) == 3


@pytest.mark.parametrize("written", ["case", "Cases", "caes"])
def test_a_misspelt_cases_key_is_named_with_did_you_mean(tmp_path, written):
    """It was "missing top-level 'cases' list" only: the key the author wrote in its place went unnamed."""
    path = tmp_path / "s.yaml"
    path.write_text(CASE.format(points="[a]").replace("cases:", f"{written}:"), encoding="utf-8")
    with pytest.raises(ScenarioError) as caught:
        load_scenarios([path])
    assert f"Fix: did you mean `cases`? Rename the top-level key `{written}` to `cases`" in str(caught.value)


# ----------------------------------------------------------------------------------------- saved runs
def saved_run(runs_dir: Path, name: str, text: str) -> Path:
    runs_dir.mkdir(parents=True, exist_ok=True)
    path = runs_dir / name
    path.write_text(text, encoding="utf-8")
    return path


def test_runs_names_a_saved_run_it_cannot_read_and_why(tmp_path, capsys):
    runs_dir = tmp_path / "runs"
    saved_run(runs_dir, "0001_m_20260101-000000.json", "not json")
    saved_run(runs_dir, "0002_x_20260101-000001.json", json.dumps({"schema_version": 2, "run": [], "cases": []}))
    assert main(["runs", "--runs-dir", str(runs_dir)]) == 0
    out, err = capsys.readouterr()
    assert [line.split()[:3] for line in out.splitlines()[2:]] == [
        ["0001", "m", "unreadable"],
        ["0002", "x", "unreadable"],
    ]
    assert "warning: run 0001 is unreadable: " in err and "0001_m_20260101-000000.json: not valid JSON" in err
    assert "warning: run 0002 is unreadable: " in err and "'run' is list" in err


@pytest.mark.parametrize("ref", ["", " "])
def test_an_empty_run_reference_is_refused_not_read_as_the_current_folder(tmp_path, monkeypatch, capsys, ref):
    """`Path("")` is the current folder: `report ''` (an unset variable in a script) printed its results.json."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "results.json").write_text("{}", encoding="utf-8")
    assert main(["report", ref]) == 2
    assert f"error: the run is given as {ref!r}, an empty value. Fix: " in capsys.readouterr().err


def test_a_saved_run_nested_past_the_parsers_stack_has_no_cases_to_tell(tmp_path):
    deep = saved_run(tmp_path, "0001_m_20260101-000000.json", "[" * 100_000 + "]" * 100_000)
    assert has_cases(deep) is None  # whoever reads it names the problem; 'last' is looked up without a traceback


# --------------------------------------------------------------------------------------- size: config.json
NO_HEAD_DIM = {  # Qwen3-8B's config.json without its head_dim (hidden_size // heads is the default)
    "num_hidden_layers": 36, "num_key_value_heads": 8, "hidden_size": 4096, "intermediate_size": 12288,
    "num_attention_heads": 32, "vocab_size": 151936, "max_position_embeddings": 40960, "torch_dtype": "bfloat16",
}  # fmt: skip


def write_model(root: Path, config: dict[str, object]) -> Path:
    folder = root / "m"
    folder.mkdir()
    (folder / "config.json").write_text(json.dumps(config), encoding="utf-8")
    return folder


SIZING = {
    "more-heads-than-hidden": (
        {"num_attention_heads": 8192, "num_key_value_heads": 8192}, "8192 attention heads ('num_attention_heads')"
    ),
    "huge-vocab": ({"vocab_size": 10**400}, "field 'vocab_size' is 1000"),
    "huge-layers": ({"num_hidden_layers": 10**30}, "field 'num_hidden_layers' is 1000000000000000000000000000000"),
    "kv-over-heads": ({"num_key_value_heads": 64}, "64 KV heads ('num_key_value_heads') do not divide 32"),
    "kv-not-dividing": ({"num_key_value_heads": 5}, "5 KV heads ('num_key_value_heads') do not divide 32"),
    "tied-as-text": ({"tie_word_embeddings": "false"}, "field 'tie_word_embeddings' is 'false', not true or false"),
    "quantization-as-text": ({"quantization_config": "fp8"}, "field 'quantization_config' is str, not an object"),
    "bits-as-text": (
        {"quantization_config": {"quant_method": "awq", "bits": "x"}}, "field 'quantization_config' cannot be read"
    ),
    "groups-as-list": (
        {"quantization_config": {"quant_method": "compressed-tensors", "config_groups": [1]}},
        "field 'quantization_config' cannot be read",
    ),
}  # fmt: skip


@pytest.mark.parametrize(("fields", "words"), SIZING.values(), ids=SIZING.keys())
def test_a_config_json_of_nonsense_values_is_one_error_naming_the_field(tmp_path, capsys, fields, words):
    folder = write_model(tmp_path, {**NO_HEAD_DIM, **fields})
    assert size_main([str(folder)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and str(folder / "config.json") in err and words in err and "Fix:" in err, err


def test_a_real_config_with_its_own_head_dim_is_sized(tmp_path, capsys):
    gemma_like = {**NO_HEAD_DIM, "hidden_size": 3072, "num_attention_heads": 16, "num_key_value_heads": 8}
    assert size_main([str(write_model(tmp_path, {**gemma_like, "head_dim": 256}))]) == 0
    assert "8 KV heads x head dim 256" in capsys.readouterr().out


# ------------------------------------------------------------------------------------ merge: run.shard
def shard_doc(**shard: object) -> dict[str, object]:
    fields = {"index": 1, "count": 2, "suite_cases": ["c1", "c2"], "suite_hashes": ["h1", "h2"], **shard}
    return {"schema_version": 2, "run": {"shard": fields, "settings": {}, "models": ["m"]}, "cases": []}


@pytest.mark.parametrize(
    ("shard", "words"),
    [
        ({"index": "a"}, "run.shard.index 'a' and count 2 are not whole numbers"),  # a TypeError traceback
        ({"count": True}, "run.shard.index 1 and count True are not whole numbers"),
        ({"index": 0}, "run.shard is 0/2, not K/N with 1 <= K <= N"),  # was "shard(s) 1/2 not given"
        ({"index": 5}, "run.shard is 5/2, not K/N with 1 <= K <= N"),
        ({"suite_cases": "c1"}, "run.shard.suite_cases is not a list of text"),  # read letter by letter
        ({"suite_hashes": "x"}, "run.shard.suite_hashes is not a list of text"),  # merged without a word
    ],
)
def test_merge_refuses_a_shard_whose_run_shard_is_not_what_a_shard_run_writes(shard, words):
    with pytest.raises(MergeError) as caught:
        merge_documents([("a.json", shard_doc(**shard)), ("b.json", shard_doc(index=2))])
    message = str(caught.value)
    assert message.startswith("a.json: ") and words in message and "Fix:" in message, message


# ------------------------------------------------------------------------------ prices: a misspelt label
PRICES = "api:\n  qwen3-8b: {input_per_million: 0.3, output_per_million: 0.6}\ngpu:\n  hourly_price: 2\n"


def test_a_price_one_typo_away_from_a_models_label_is_named(project, tmp_path):
    """The model's cost was left out of the reports ("no API price") without a word of the misspelt key."""
    prices = tmp_path / "prices.yaml"
    prices.write_text(PRICES, encoding="utf-8")
    args = ("--collect-only", f"--llm-base-url={DEAD_URL}", f"--llm-prices={prices}")
    result = project.run(*args, "--llm-model=qwen3_8b=/models/q")
    one_usage_error(result, "api has no price for the model 'qwen3_8b': did you mean `qwen3-8b`? Fix: ")
    for model in ("qwen3-8b=/models/q", "Qwen3-8B=/models/q", "other=/models/o"):  # priced, or no near key: taken
        result = project.run(*args, f"--llm-model={model}")
        assert result.ret == pytest.ExitCode.OK, result.stdout.str() + result.stderr.str()
