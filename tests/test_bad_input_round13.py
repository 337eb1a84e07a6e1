"""Bad input, round 13: a `regex:` key point or forbidden claim that backtracks catastrophically is refused when the
scenario file loads (naming the file, case and field), not found as a scoring error after the model answered.

Decision: refused only on evidence (a search over `PROBE_TIME_S` in an adversarial text of `PROBE_LENGTH` characters
built from the pattern's own characters), so a pattern that nests quantifiers harmlessly (`(\\d+,)*\\d+`) is kept;
quadratic patterns are kept too (a long answer is still held to the scorer's time limit).

Also: a scenario file in JSON with // or /* */ comments names the comment's line and the fix (trailing commas load:
YAML reads them); a 404 at a base URL without /v1 says to add it; one message each for a context past the model's
(plugin and `size`) and for a URL or judge spec kept in quotes (a mismatched pair too); LongRoPE lengths (guards).
"""

from __future__ import annotations

from typing import Any

import pytest
from test_bad_input_round12 import HEAD, scenario
from test_input_fuzz import project  # noqa: F401 - a fixture

from pytest_llmeval.evaluation.scenarios import ScenarioError

CATASTROPHIC = [r"(a+)+$", r"(a|aa)+$", r"(\w+\s?)+$", r"(x+x+)+y", r"(.*a){3}z", r"(a+)+b", r"(\d+,?)+元$"]
HARMLESS = [
    r"INV-\d{6}",
    r"(\d{1,3},)*\d{1,3}",
    r"(\d+,)*\d+",
    r"(?:\d|,)+",
    r"净利润.{0,20}\d+",
    r"\d+(\.\d+)?%",
    r"(\d+\.)+\d+",
    r"(?:[A-Z]{2,}-)+\d+",
    r"(ab|cd)+",
    r"(营收|收入)+",
    r"(?:\w+ ){0,3}profit",
    r"([^,]+,)+",
]


@pytest.mark.parametrize("pattern", CATASTROPHIC)
@pytest.mark.parametrize("where", ["key_points", "forbidden"])
def test_a_catastrophic_regex_is_refused_at_load(tmp_path, pattern, where):
    body = (
        HEAD + f"    key_points: [{{regex: '{pattern}', point: p}}]\n"
        if where == "key_points"
        else HEAD + f"    key_points: [利润]\n    trap: {{forbidden: [{{regex: '{pattern}', claim: c}}]}}\n"
    )
    with pytest.raises(ScenarioError) as err:
        scenario(tmp_path, body)
    message = str(err.value)
    assert "backtracks catastrophically" in message and "s.yaml" in message and "regex" in message


@pytest.mark.parametrize("pattern", HARMLESS)
def test_a_regex_that_nests_quantifiers_harmlessly_is_kept(tmp_path, pattern):
    (case,) = scenario(tmp_path, HEAD + f"    key_points: [{{regex: '{pattern}', point: p}}]\n")
    assert case.key_points[0].regex == (pattern,)


# A scenario file written as JSON with // or /* */ comments (the shape editors and many configs allow) got YAML's
# parser words about a '{' never closed or a key indented too deep, at a line away from the comment; now the comment's
# line and the fix ('#' comments, which YAML - and so the loader - reads in JSON too). Trailing commas are read by
# YAML as JSON5 means them: the file loads with the same cases (no message needed).
JSON_CASES = (
    '{\n  "cases": [\n    {\n      "id": "c1",\n      "category": "d",\n      "question": "问题",\n'
    '      "key_points": ["利润"]\n    }\n  ]\n}\n'
)
JSON_WITH_COMMENTS = [
    ("// my cases\n" + JSON_CASES, "//", 1),
    ("/* my cases */\n" + JSON_CASES, "/* */", 1),
    ("/* my\n   cases */\n" + JSON_CASES, "/* */", 1),
    (JSON_CASES.replace('"id": "c1",', '"id": "c1", // the first case'), "//", 4),
    (JSON_CASES.replace('      "category"', '      // the category\n      "category"'), "//", 5),
    (JSON_CASES.replace('"category": "d",', '"category": "d", /* cat */'), "/* */", 5),
    (JSON_CASES.replace('      "category"', '      /* one\n         two */\n      "category"'), "/* */", 5),
    (JSON_CASES.replace('["利润"]', '["利润"] // the point'), "//", 7),
    (JSON_CASES.replace('"cases": [', '"cases": [ // all of them'), "//", 2),
]


@pytest.mark.parametrize(("body", "kind", "line"), JSON_WITH_COMMENTS)
@pytest.mark.parametrize("name", ["s.json", "s.yaml"])
def test_json_with_comments_names_the_comment_and_the_fix(tmp_path, body, kind, line, name):
    with pytest.raises(ScenarioError) as err:
        scenario(tmp_path, body, name)
    message = str(err.value)
    assert f"JSON with comments: a {kind} comment at line {line}" in message, message
    assert name in message and "'#' comment" in message and "invalid YAML" not in message


@pytest.mark.parametrize(
    "body",
    [
        JSON_CASES.replace('["利润"]', '["利润",]'),
        JSON_CASES.replace('["利润"]\n', '["利润"],\n'),
        JSON_CASES.replace("    }\n  ]", "    },\n  ]"),
        JSON_CASES.replace("  ]\n}", "  ],\n}"),
        JSON_CASES.replace('"id": "c1",', '"id": "c1", # the first case'),
        JSON_CASES.replace('"问题"', '"见 http://example.com/a // b /* c */"'),
    ],
)
def test_json_with_trailing_commas_or_hash_comments_loads_as_written(tmp_path, body):
    (case,) = scenario(tmp_path, body, "s.json")
    assert (case.id, case.category, case.key_points[0].point) == ("c1", "d", "利润")
    assert case.question in ("问题", "见 http://example.com/a // b /* c */")


def test_a_slash_comment_line_in_a_yaml_file_is_named(tmp_path):
    body = "// analysis cases\n" + HEAD + "    key_points: [利润]\n"
    with pytest.raises(ScenarioError) as err:
        scenario(tmp_path, body)
    assert "a // comment at line 1" in str(err.value) and "'#'" in str(err.value)


def test_a_slash_line_inside_a_block_text_is_not_blamed_for_another_error(tmp_path):
    body = HEAD.replace("question: 问题", "question: |\n      // code\n      x") + "    key_points: [利润\n"
    with pytest.raises(ScenarioError) as err:
        scenario(tmp_path, body)
    assert "comment" not in str(err.value) and "'[' opens here" in str(err.value)


# `--llm-base-url http://host:8000` (no /v1) is accepted - LiteLLM serves both forms - and a vLLM or OpenAI server
# answers its POST /chat/completions with 404: the message was "answered HTTP 404 ...: Not Found" only; now it names
# the URL form and the fix. A 404 that says the model is missing (vLLM's "The model `x` does not exist.") keeps its
# own words: the URL is right there.
def _request_error(base_url: str) -> Any:
    from pytest_llmeval.serving.client import ChatClient, LLMRequestError
    from pytest_llmeval.serving.endpoint import Endpoint

    client = ChatClient(Endpoint(base_url, "fake"))
    try:
        with pytest.raises(LLMRequestError) as err:
            client.complete([{"role": "user", "content": "问题"}], 16)
    finally:
        client.close()
    return err.value


@pytest.mark.parametrize("suffix", ["", "/"])
def test_a_404_at_a_base_url_without_v1_says_add_v1(suffix):
    from pytest_llmeval.testing.openai_fake import FakeServer

    with FakeServer(chunks=2) as fake:
        root = fake.base_url.removesuffix("/v1")
        error = _request_error(root + suffix)
    assert error.status == 404 and "/v1" in str(error)
    assert f"write the base URL with /v1 at its end: {root}/v1" in str(error), str(error)


@pytest.mark.parametrize("path", ["/api", "/openai", "/v1/chat"])
def test_a_404_at_another_path_says_check_the_path(path):
    from pytest_llmeval.testing.openai_fake import FakeServer

    with FakeServer(chunks=2) as fake:
        root = fake.base_url.removesuffix("/v1")
        error = _request_error(root + path)
    assert "Fix: check the base URL's path" in str(error) and f"e.g. {root}/v1" in str(error), str(error)


def test_a_404_for_a_missing_model_keeps_the_servers_words():
    from pytest_llmeval.testing.openai_fake import FakeServer

    with FakeServer(chunks=2) as fake:
        fake.reply("/v1/chat/completions", {"error": {"message": "The model `fake` does not exist."}}, 404)
        error = _request_error(fake.base_url)
    assert str(error).endswith("The model `fake` does not exist.") and "Fix" not in str(error)


def test_a_404_hint_never_shows_the_credentials():
    from pytest_llmeval.testing.openai_fake import FakeServer

    with FakeServer(chunks=2) as fake:
        root = fake.base_url.removesuffix("/v1")
        error = _request_error(root.replace("http://", "http://user:sk-secret-key-12345@"))
    assert "sk-secret" not in str(error) and "user" not in str(error) and "/v1 at its end" in str(error)


# One check, one message: a context past the model's was worded apart by the plugin's check before any server
# starts (config/checks) and by `size` (sizing/cli); a base URL's kept quotes apart by the URL check (a pair only:
# `"http://h/v1'` was "not an http(s) URL with a host") and by the judge's (any quote at both ends).
def test_the_plugin_and_size_word_a_context_past_the_model_alike(tmp_path, capsys, monkeypatch):
    from test_bad_input_round12 import model_folder, problem, size

    monkeypatch.delenv("VLLM_ALLOW_LONG_MAX_MODEL_LEN", raising=False)
    fields = {"num_hidden_layers": 2, "num_attention_heads": 4, "vocab_size": 100, "max_position_embeddings": 32768}
    folder = model_folder(tmp_path, **fields)
    plugin = problem(folder, max_model_len=65536)
    code, sized = size([str(folder), "--max-model-len", "64K"], capsys)
    assert plugin is not None and code == 2
    tail = plugin.split("asks a context of", 1)[1].replace("--llm-max-model-len", "--max-model-len")
    assert "asks a context of" + tail in sized, (plugin, sized)
    assert "--max-model-len 65536 asks a context of 65,536 tokens, but the model's config.json allows 32,768" in sized


@pytest.mark.parametrize(
    "url",
    ["\"http://host:8000/v1'", "'http://host:8000/v1\"", '“http://host:8000/v1"', "`http://host:8000/v1'"],
)
def test_a_base_url_in_mismatched_quotes_says_quotes(url):
    from pytest_llmeval.serving.fleet import FleetError, check_url

    with pytest.raises(FleetError) as caught:
        check_url(url)
    assert "is wrapped in quotes" in str(caught.value) and "Fix: write http://host:8000/v1 without them" in str(
        caught.value
    )


@pytest.mark.parametrize("quotes", ["''", '""', "“”", "\"'", "'\"", "``"])
def test_the_judge_and_the_base_url_word_kept_quotes_alike(quotes):
    from pytest_llmeval.evaluation.judge import JudgeError, parse_judge_spec
    from pytest_llmeval.serving.fleet import FleetError, check_url

    with pytest.raises(FleetError) as url_error:
        check_url(f"{quotes[0]}http://h:8000/v1{quotes[1]}")
    with pytest.raises(JudgeError) as judge_error:
        parse_judge_spec(f"{quotes[0]}http://h:8000/v1@qwen{quotes[1]}")
    url_words = str(url_error.value).split(": ", 1)[1].replace("http://h:8000/v1", "X")
    judge_words = str(judge_error.value).removeprefix("--llm-judge ").replace("http://h:8000/v1@qwen", "X")
    assert url_words == judge_words and "is wrapped in quotes" in url_words, (url_words, judge_words)


# Phi-3-128k-style LongRoPE (`su`/`longrope`, long_factor/short_factor, original_max_position_embeddings 4096): vLLM
# takes max_position_embeddings (131072) as already scaled; the short original length is not the model's.
PHI3 = {
    "model_type": "phi3",
    "max_position_embeddings": 131072,
    "original_max_position_embeddings": 4096,
    "sliding_window": 262144,
}


@pytest.mark.parametrize(
    "rope",
    [
        {"rope_scaling": {"type": "su", "long_factor": [1.0] * 48, "short_factor": [1.0] * 48}},
        {"rope_scaling": {"type": "longrope", "long_factor": [1.0] * 48, "short_factor": [1.0] * 48}},
        {"rope_scaling": {"rope_type": "longrope", "long_factor": [1.0], "short_factor": [1.0], "long_mscale": 1.2}},
        {"rope_scaling": {"type": "longrope", "long_factor": [1.0], "short_factor": [1.0], "factor": 32.0}},
        {"rope_parameters": {"rope_type": "longrope", "long_factor": [1.0], "original_max_position_embeddings": 4096}},
    ],
    ids=["su", "longrope", "rope_type", "with factor", "rope_parameters"],
)
def test_a_longrope_model_is_read_at_its_scaled_length(tmp_path, capsys, monkeypatch, rope):
    from test_bad_input_round12 import model_folder, problem, size

    from pytest_llmeval.serving.context import config_length

    monkeypatch.delenv("VLLM_ALLOW_LONG_MAX_MODEL_LEN", raising=False)
    known = config_length({**PHI3, **rope}, "config.json")
    assert known is not None and (known.length, known.longest) == (131072, 131072)
    fields = {"num_hidden_layers": 2, "num_attention_heads": 4, "vocab_size": 100, **PHI3, **rope}
    folder = model_folder(tmp_path, **fields)
    assert problem(folder, max_model_len=131072) is None
    assert "131,072" in (problem(folder, max_model_len=262144) or "")
    assert size([str(folder), "--max-model-len", "128K", "--json"], capsys)[0] == 0


def test_a_run_at_a_base_url_without_v1_shows_the_fix(project):  # noqa: F811 - project: a fixture
    from pytest_llmeval.testing.openai_fake import FakeServer

    with FakeServer(chunks=2) as fake:
        root = fake.base_url.removesuffix("/v1")
        result = project.run("--llm-base-url", root, "--llm-model", "m", "--llm-warmup", "0")
    out = result.stdout.str() + result.stderr.str()
    assert result.ret != 0 and "Traceback" not in out, out
    assert f"write the base URL with /v1 at its end: {root}/v1" in out, out


@pytest.mark.parametrize("value", ["9" * 5000, "利润, " * 800, 10**4000])
def test_a_list_field_written_as_a_page_of_text_gets_a_short_message(tmp_path: Any, value: object) -> None:
    """Found by the fuzz suite in CI: key_points as 5,000 digits made a 5,208-character message - the fix repeated
    the whole text as the list it meant. It shows the list's start."""
    import json

    from pytest_llmeval.evaluation.scenarios import ScenarioError, load_scenarios

    path = tmp_path / "s.json"
    case = {"id": "c1", "category": "c", "question": "q?", "key_points": value}
    path.write_text(json.dumps({"suite": "s", "cases": [case]}), encoding="utf-8")
    with pytest.raises(ScenarioError) as caught:
        load_scenarios([path])
    message = str(caught.value)
    assert str(path) in message and "key_points" in message and "Fix:" in message
    assert len(message) < 1000, message
