"""Bad input, round 7: what a user can feed the start of a run.

- a YAML alias bomb (anchors that repeat one another: nine lines make 9**9 values) in a scenario file or the prices
  file hung the run at collection (or at the start) whenever the value was quoted in an error - every field that
  names the value it refuses (id, category, threshold, scorer, language, trap.expect, a weight, max_tokens, ...);
  the aliases' values are now counted on the parsed nodes, before any value is built, and more than a million
  repeats is the file's YAML error with the anchor's line;
- a model folder whose config.json is not JSON, not an object or not UTF-8 was launched: vLLM stopped at once and
  every case of the model errored in launch, after the models before it had run - now a usage error at the start;
- a text option given an empty value on the command line (`--llm-base-url=$URL` with URL unset) was taken as the
  option left out - the embedded model launched in place of the endpoint, `--llm-compare=` ran no gate - or as
  the current folder (`--llm-report-dir=`, `--llm-scenarios=`, `--llm-runs-dir=`); an ini value of llm_base_url that
  cannot be read was named `--llm-base-url`, an option the command line did not hold;
- a scenario file that is not UTF-8 (GBK, UTF-16) named a byte offset, not its line; a second YAML document (`---`)
  was PyYAML's "but found another document";
- `python -m pytest_llmeval`: an option given an empty value (`-o ''`, `--runs-dir ''`) was the current folder - a
  re-score's results.json and saved run written there - and `--llm-judge ''` no judge at all; `rescore results.json
  -o .` in the run's own folder (or `rescore llmeval-rescore` with the default -o) overwrote the run it re-scored;
  `report RUN --markdown RUN` and `compare A B --json B` replaced a run's results.json with the report;
- `size`: config.json's own torch_dtype that is not a dtype was "unknown --dtype", an option not given; a config.json
  not UTF-8 was "not valid JSON".
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_bad_input_round5 import no_wait  # noqa: F401 - autouse: an alias bomb fails the test, not the run
from test_input_fuzz import one_usage_error, saved_run  # noqa: F401 - saved_run: a fixture

from pytest_llmeval.cost.prices import PricesError, load_prices
from pytest_llmeval.evaluation.scenarios import ScenarioError, load_scenarios

CASE = "suite: s\ncases:\n  - id: c1\n    category: demo\n    question: q\n    key_points: [a]\n"
FALSE_PYTHON = "--llm-vllm-python=/bin/false"  # a launch that is tried fails at once: never a real vLLM
DEAD_URL = "http://127.0.0.1:9/v1"


def alias_bomb(levels: int = 9) -> str:
    """A flow list of anchored lists, each nine aliases of the one before: the last holds 9**levels strings."""
    parts = ['&l0 ["x","x","x","x","x","x","x","x","x"]']
    parts += [f"&l{n} [" + ",".join([f"*l{n - 1}"] * 9) + "]" for n in range(1, levels)]
    return "[" + ", ".join(parts) + "]"


def scenario_error(tmp_path: Path, text: str | bytes) -> str:
    path = tmp_path / "s.yaml"
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    with pytest.raises(ScenarioError) as caught:
        load_scenarios([path])
    message = str(caught.value)
    assert message.startswith(str(path)) and "Fix:" in message, message
    return message


# ------------------------------------------------------------------------------------------------ alias bombs
BOMB = alias_bomb()
BOMBED = {
    "id": f"cases:\n  - {{id: {BOMB}, category: d, question: q, key_points: [a]}}\n",
    "category": f"cases:\n  - {{id: c1, category: {BOMB}, question: q, key_points: [a]}}\n",
    "threshold": f"cases:\n  - {{id: c1, category: d, question: q, key_points: [a], threshold: {BOMB}}}\n",
    "max_tokens": f"cases:\n  - {{id: c1, category: d, question: q, key_points: [a], max_tokens: {BOMB}}}\n",
    "scorer": f"cases:\n  - {{id: c1, category: d, question: q, key_points: [a], scorer: {BOMB}}}\n",
    "tolerance": f"cases:\n  - {{id: c1, category: d, question: q, key_points: [a], tolerance: {BOMB}}}\n",
    "trap.expect": f"cases:\n  - {{id: c1, category: d, question: q, trap: {{expect: {BOMB}}}}}\n",
    "weight": f"cases:\n  - {{id: c1, category: d, question: q, key_points: [{{point: p, weight: {BOMB}}}]}}\n",
    "language": f"language: {BOMB}\ncases:\n  - {{id: c1, category: d, question: q, key_points: [a]}}\n",
    "a key point": f"cases:\n  - {{id: c1, category: d, question: q, key_points: {BOMB}}}\n",
}


@pytest.mark.parametrize("text", BOMBED.values(), ids=BOMBED.keys())
def test_an_alias_bomb_in_a_scenario_file_is_its_yaml_error_not_a_hang(tmp_path, text):
    """Each of these fields quotes the value it refuses (its repr): 9**9 strings never finished."""
    message = scenario_error(tmp_path, text)
    assert "aliases repeat more than 1,000,000 values" in message, message
    assert "at line " in message and "repeat an anchor (*name) fewer times" in message, message


def test_an_alias_bomb_on_its_own_lines_names_the_anchor_repeated_past_the_limit(tmp_path):
    lines = ['l0: &l0 ["x","x","x","x","x","x","x","x","x"]']
    lines += [f"l{n}: &l{n} [" + ",".join([f"*l{n - 1}"] * 9) + "]" for n in range(1, 9)]
    text = "defaults:\n  threshold:\n    " + "\n    ".join(lines) + "\n" + CASE.split("\n", 1)[1]
    message = scenario_error(tmp_path, text)
    # &l5 (9**6 strings): its second alias in l6 passes the limit
    assert "aliases repeat more than" in message and "at line 8:" in message, message


def test_anchors_a_file_reuses_still_load(tmp_path):
    """Shared synonyms and a merged mapping (`<<: *base`) in each of 300 cases: far below the limit."""
    synonyms = ", ".join(f"w{i}" for i in range(200))
    point = f"{{point: p, synonyms: &words [{synonyms}]}}"
    first = f"  - &base {{id: c0, category: demo, question: q, key_points: [{point}]}}\n"
    rest = "".join(
        f"  - {{<<: *base, id: c{i}, question: q{i}, key_points: [{{point: p, synonyms: *words}}]}}\n"
        for i in range(1, 300)
    )
    path = tmp_path / "s.yaml"
    path.write_text(f"suite: s\ncases:\n{first}{rest}", encoding="utf-8")
    cases = load_scenarios([path])
    assert len(cases) == 300 and {c.category for c in cases} == {"demo"}
    assert len(cases[-1].key_points[0].synonyms) == 200


def test_an_alias_bomb_in_the_prices_file_is_its_yaml_error(tmp_path):
    """`currency` quotes the value it refuses: 9**9 strings never finished."""
    path = tmp_path / "prices.yaml"
    path.write_text(f"currency: {BOMB}\napi:\n  default: {{}}\ngpu:\n  hourly_price: 2\n", encoding="utf-8")
    with pytest.raises(PricesError) as caught:
        load_prices(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: invalid YAML at line 1: aliases repeat more than"), message
    assert "Fix: write the values out" in message, message


# ------------------------------------------------------------------------------- a model folder's config.json
@pytest.fixture
def project(llm_project):
    llm_project.scenario("s.yaml", CASE)
    return llm_project


@pytest.mark.parametrize(
    ("config", "words"),
    [
        (b'{"architectures": ["X"],}', "config.json is not valid JSON (line 1, column 25"),
        (b"[1, 2]", "config.json is a JSON list, not an object"),
        ('{"architectures": ["模型"]}'.encode("gbk"), "config.json is not UTF-8 text (byte 22"),
        (b"[" * 100_000 + b"]" * 100_000, "config.json is nested too deeply"),
    ],
    ids=["not JSON", "a list", "GBK", "too deep"],
)
def test_a_model_folder_whose_config_json_vllm_cannot_read_is_a_usage_error(project, config, words):
    folder = project.path / "m"
    folder.mkdir()
    (folder / "config.json").write_bytes(config)
    out = one_usage_error(project.run("--llm-model=x=./m", FALSE_PYTHON), "--llm-model x=./m: ", words, "Fix:")
    assert "launch" not in out, out  # refused before any server was started


def test_a_config_json_read_from_elsewhere_is_not_checked(project):
    """`--hf-config-path` names the config vLLM reads: the folder's own is left to it."""
    folder = project.path / "m"
    folder.mkdir()
    (folder / "config.json").write_text("{broken", encoding="utf-8")
    result = project.run("--llm-model=x=./m", FALSE_PYTHON, "--llm-vllm-arg=--hf-config-path=/cfg", "--llm-warmup=0")
    out = result.stdout.str()
    assert result.ret == pytest.ExitCode.TESTS_FAILED and "ERROR in launch" in out, out


# ------------------------------------------------------------------------------------ empty option values
@pytest.mark.parametrize(
    "flag",
    [
        "--llm-base-url",  # the embedded model launched in place of the endpoint
        "--llm-compare",  # no gate
        "--llm-report-dir",  # the project's root
        "--llm-scenarios",  # every YAML under the project's root read as scenarios
        "--llm-runs-dir",
        "--llm-prices",
        "--llm-judge",
    ],
)
def test_an_empty_value_on_the_command_line_is_a_usage_error_naming_the_option(project, flag):
    one_usage_error(project.run("--collect-only", "--llm-model=m", f"{flag}="), f"{flag} got an empty value", "Fix:")


def test_a_blank_value_among_repeated_values_is_refused_too(project):
    one_usage_error(
        project.run("--collect-only", "--llm-model=m", f"--llm-base-url={DEAD_URL}", "--llm-base-url= "),
        "--llm-base-url got an empty value",
    )


def test_an_empty_ini_value_still_means_the_default(project):
    """pytest's ini convention: `llm_report_dir =` is the line left out."""
    project.pytester.makeini("[pytest]\nllm_report_dir =\nllm_base_url =\n")
    assert project.run("--collect-only", "--llm-model=m").ret == pytest.ExitCode.OK


# ------------------------------------------------------------------------------------ scenario file encodings
def test_a_scenario_file_that_is_not_utf8_names_the_line(tmp_path):
    message = scenario_error(tmp_path, CASE.replace("question: q", "question: 法国的首都").encode("gbk"))
    assert "not UTF-8 text at line 5 (byte " in message and "save it as UTF-8" in message, message
    assert "not UTF-8 text at line 1 (byte 0" in scenario_error(tmp_path, CASE.encode("utf-16"))


def test_a_second_yaml_document_is_named_with_its_line(tmp_path):
    message = scenario_error(tmp_path, CASE + "---\n" + CASE)
    assert "at line 7: a second YAML document starts here (a '---' line)" in message, message
    assert "remove the '---' line" in message, message


def test_json_scenario_files_and_a_bom_still_load(tmp_path):
    path = tmp_path / "s.yaml"
    path.write_text(json.dumps({"cases": [{"id": "c1", "category": "d", "question": "q", "key_points": ["a"]}]}))
    assert [c.id for c in load_scenarios([path])] == ["c1"]
    path.write_bytes(b"\xef\xbb\xbf" + CASE.encode())
    assert [c.id for c in load_scenarios([path])] == ["c1"]


# ------------------------------------------------------------------------------------------ size: config.json
LLAMA = {
    "architectures": ["LlamaForCausalLM"],
    "hidden_size": 64,
    "num_attention_heads": 4,
    "num_hidden_layers": 2,
    "intermediate_size": 128,
    "vocab_size": 1000,
    "torch_dtype": "bfloat16",
}


@pytest.mark.parametrize(
    ("config", "words"),
    [
        ({**LLAMA, "torch_dtype": ["x"]}, "config.json: field 'torch_dtype' is ['x'], not a dtype. Fix: "),
        ({**LLAMA, "torch_dtype": "float64"}, "config.json: field 'torch_dtype' is 'float64', not a dtype. Fix: "),
        ({**LLAMA, "torch_dtype": None, "dtype": 5}, "config.json: field 'dtype' is 5, not a dtype. Fix: "),
    ],
    ids=["a list", "unknown", "dtype a number"],
)
def test_size_names_the_config_fields_dtype_not_an_option_not_given(tmp_path, monkeypatch, capsys, config, words):
    """It said "unknown --dtype" for config.json's own torch_dtype: an option the user had not given."""
    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "config.json").write_text(json.dumps(config), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    from pytest_llmeval.__main__ import main

    assert main(["size", "m"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: m/config.json: field ") and words in err and "--dtype" not in err, err
    assert main(["size", "m", "--dtype", "bfloat16x"]) == 2  # the option's own value: still named as the option
    assert "unknown --dtype 'bfloat16x'" in capsys.readouterr().err


def test_size_says_a_config_json_not_utf8_is_not_utf8(tmp_path, monkeypatch, capsys):
    (tmp_path / "m").mkdir()
    config = json.dumps({**LLAMA, "name": "模型"}, ensure_ascii=False)
    (tmp_path / "m" / "config.json").write_bytes(config.encode("gbk"))
    monkeypatch.chdir(tmp_path)
    from pytest_llmeval.__main__ import main

    assert main(["size", "m"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: m/config.json: not UTF-8 text (byte ") and "Fix: save it as UTF-8" in err, err


# ----------------------------------------------------------------------------- python -m pytest_llmeval: empties
@pytest.mark.parametrize(
    "argv",
    [
        ["rescore", "RUN", "-o", ""],  # the re-score's results.json and reports written in the current folder
        ["rescore", "RUN", "--runs-dir="],  # its saved copy there too
        ["rescore", "RUN", "--llm-judge", ""],  # no judge at all
        ["rescore", "RUN", "--scenarios", " "],
        ["compare", "RUN", "RUN", "--pair", ""],
        ["compare", "RUN", "RUN", "--runs-dir", ""],
        ["runs", "--runs-dir", ""],
        ["report", "RUN", "--markdown", ""],
    ],
    ids=lambda argv: " ".join(a or "''" for a in argv),
)
def test_a_command_refuses_an_option_given_an_empty_value(saved_run, monkeypatch, capsys, argv):  # noqa: F811
    from pytest_llmeval.__main__ import main

    monkeypatch.chdir(saved_run.parent.parent)
    before = sorted(p.name for p in Path.cwd().iterdir())
    with pytest.raises(SystemExit) as exited:
        main([str(saved_run) if a == "RUN" else a for a in argv])
    err = capsys.readouterr().err
    flag = next(a.split("=")[0] for a in argv if a.startswith("-"))
    assert exited.value.code == 2 and err.startswith(f"error: {flag} got an empty value") and "Fix:" in err, err
    assert sorted(p.name for p in Path.cwd().iterdir()) == before  # nothing written


def test_rescore_refuses_to_overwrite_the_run_it_rescores(saved_run, monkeypatch, capsys):  # noqa: F811
    """`rescore results.json -o .` in the run's report dir replaced the run's results.json and reports."""
    from pytest_llmeval.__main__ import main

    monkeypatch.chdir(saved_run.parent)
    measured = saved_run.read_bytes()
    assert main(["rescore", "results.json", "-o", "."]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: -o . is the folder of the run being re-scored (results.json)") and "Fix:" in err
    assert saved_run.read_bytes() == measured
    assert main(["rescore", "results.json", "-o", "again"]) == 0  # a new folder: written
    capsys.readouterr()
    monkeypatch.chdir(saved_run.parent.parent)  # a re-score re-scored with the default -o (llmeval-rescore)
    assert main(["rescore", "llmeval-report/again", "-o", "llmeval-rescore"]) == 0
    assert main(["rescore", "llmeval-rescore"]) == 2
    assert "error: -o llmeval-rescore is the folder of the run being re-scored" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "flag"),
    [
        (["report", "RUN", "--markdown", "RUN"], "--markdown"),
        (["RUN", "--html", "RUN"], "--html"),  # the short form
        (["compare", "RUN", "OTHER", "--json", "OTHER"], "--json"),
        (["compare", "RUN", "OTHER", "--markdown", "RUN"], "--markdown"),
    ],
    ids=["report --markdown", "short --html", "compare --json", "compare --markdown"],
)
def test_a_command_refuses_to_write_its_output_over_a_run_it_reads(saved_run, monkeypatch, capsys, argv, flag):  # noqa: F811
    """`report results.json --markdown results.json` replaced the run's results.json with its Markdown report."""
    from pytest_llmeval.__main__ import main

    monkeypatch.chdir(saved_run.parent)
    Path("other.json").write_bytes(saved_run.read_bytes())
    runs = {"RUN": "results.json", "OTHER": "other.json"}
    measured = {name: Path(name).read_bytes() for name in runs.values()}
    assert main([runs.get(a, a) for a in argv]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {flag} ") and "is the run" in err and "Fix: name another file" in err, err
    assert {name: Path(name).read_bytes() for name in runs.values()} == measured


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("http://user:pw-CANARY@h:abc/v1", "ini key llm_base_url: 'http://h:abc/v1': the port 'abc' is not a number"),
        ("@urls", "ini key llm_base_url @urls: urls is a folder"),
    ],
    ids=["bad port", "a folder of URLs"],
)
def test_an_ini_base_url_is_named_by_its_key_not_the_option(project, value, words):
    """The ini value was reported as `--llm-base-url`, an option the command line did not hold."""
    (project.path / "urls").mkdir()
    project.pytester.makeini(f"[pytest]\nllm_base_url = {value}\n")
    out = one_usage_error(project.run("--collect-only", "--llm-model=m"), words, "Fix:")
    assert "--llm-base-url" not in out and "CANARY" not in out, out
    given = one_usage_error(project.run("--collect-only", "--llm-model=m", "--llm-base-url=http://h:abc/v1"))
    assert "ERROR: --llm-base-url: 'http://h:abc/v1'" in given, given  # the option's value: named as the option


# ----------------------------------------------------------------------------------------- a case's long label
def test_an_error_quotes_a_long_case_id_clipped(tmp_path):
    # found by test_input_fuzz: a 5,000-character id made the error of its null key point 5,199 characters long
    long_id = "9" * 5000
    text = f"cases:\n  - id: '{long_id}'\n    category: c\n    question: q\n    key_points:\n      - point: null\n"
    message = scenario_error(tmp_path, text)
    assert len(message) < 500, message
    assert f"case '{'9' * 77}...'" in message and "field 'key_points[0].point'" in message, message
