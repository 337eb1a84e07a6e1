"""Bad input, round 16: a new user's pass over the commands, the saved runs, the ini file and the key variables.

- an ini value in quotes (`llm_report_dir = "reports"` in pytest.ini, tox.ini or setup.cfg, which take a value as
  written) wrote a folder named `"reports"` with the quotes, `llm_runs_dir = 'runs'` saved the runs in `'runs'`,
  `llm_concurrency = "4"` was "not a valid int": now one usage error for every key, naming the file, the key and the
  line to write (only pyproject.toml's TOML strings drop their quotes, as before);
- `llm_bench = true` in pyproject.toml (which pytest passes on as 'True'), `llm_resume = 1` and `llm_cache = ON`
  were "not one of its values ['off', 'on']": a boolean and a choice in capitals are read now; `rag = sure` was
  refused without naming the ini file (the key `rag` has no `_`, which the rule that names the file looked for);
- a key variable holding a line break at its end (a key file saved with its newline, a Windows \\r), a space or a
  control character, quotes kept around it (`docker --env-file`) or `Bearer ` before it was sent: every case was
  asked and failed "malformed stream: Invalid header value" (or a 401). Now the run stops at the start, naming the
  variable and what it holds (never the key) and the command that exports the key alone;
- a RUN given as a saved run's file name (`0001_geo_20261205-002941.json`, what `ls .llmeval/runs` shows, with or
  without `.json`) was "no such file or folder"; `LAST` and ` 1 ` were "no saved run"; `-1`, `1e3` and `1.0` got no
  word on what a run number is; a report dir whose results.json is a folder (`mkdir -p out/results.json`), or that
  folder itself, was "a folder without a results.json"; a folder named like a saved run (`0099_x_DATE.json/`) was
  taken for the newest run: `last` was "cannot read (Is a directory)"; a report dir `2/` in the current folder was
  read for `2` in silence where saved run 0002 answers to it too - now a note names both (`report` gave no note);
- an output file named for another run's results than the one the command reads (`report 1 --html
  shard1/results.json`, `compare 1 3 --json shard2/results.json`, `schema --output llmeval-report/results.json`,
  `accept 1 --baseline .llmeval/runs/0002_....json`) replaced that run in silence (round 7 refused only the run
  read): a run's results.json or a saved run is refused as an output now;
- `merge` took paths only: `merge 5 6` and `merge sh1 sh2` (the shards' saved runs, as every other command reads a
  RUN) were "5 does not exist"; it reads them now (with --runs-dir);
- `~` in a command's path option the shell left as written (`--runs-dir=~/runs`, `--markdown '~/r.md'`) made a
  folder named `~` or found "no saved runs in ~/runs"; `llm_runs_dir = ~/runs` in the ini file (which the plugin
  expands) sent `runs`/`last` to a folder named `~`;
- `rescore` of a run graded by a newer pytest-llmeval's scorer graded it again with this package's older scorer
  without a word; a case renamed in the scenario file (same question, new id) was named twice apart ("removed or
  renamed" and "not in the run"): now the pair is named, with how to grade it.

Decisions: an ini value in quotes is refused, not unquoted (as round 12 refused a quoted URL): the file is fixed
once, and a value that really holds quotes is never rewritten. Booleans: TOML's true/false and 1/0 only - `yes`
stays refused with the choices named (round 16 of the gate pinned it), any other word too. A key with whitespace
is refused, not stripped: the key that would be sent is then always the variable's. A path wins over a saved run
of the same name (as before: `./2` is what the user sees), with a note. `merge` reads a saved run only where no
path of that name exists. A renamed case is named, not graded under its new id (its answer was asked under the old
one). An output is refused over a file named results.json or a saved run's name (NNNN_name_DATE.json) only: its
content is not read (an empty results.json of a cut run is still a run's file).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from test_bad_input_round5 import no_wait  # noqa: F401 - autouse: a FIFO or /dev/zero read fails the test, not the run

from pytest_llmeval.results.runs import RunNotFound, configured_runs_dir, find_run, list_runs
from pytest_llmeval.serving.credentials import MissingAPIKey, api_key_from_env
from pytest_llmeval.testing.openai_fake import FakeServer

SCENARIO = """\
suite: geo
cases:
  - id: capital
    category: geo
    question: 法国的首都是哪里？
    key_points: [巴黎]
  - id: river
    category: geo
    question: 流经巴黎的河叫什么？
    key_points: [塞纳河]
"""
ANSWERS = {"法国": "法国的首都是巴黎。", "流经": "是塞纳河。"}
ROOT = Path(__file__).resolve().parents[1]
USAGE_ERROR = 4


def cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    from pytest_llmeval.__main__ import main

    try:
        code = main(argv)
    except SystemExit as exc:  # argparse's usage errors
        code = int(exc.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# ------------------------------------------------------------------------------- a project with saved runs
@pytest.fixture(scope="module")
def made_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project after three runs with the fake server: 0001 `geo` (report dir llmeval-report), and the two shards
    of a --llm-shard 2 run saved as 0002 `sh1` and 0003 `sh2` (report dirs shard1/, shard2/)."""
    project = tmp_path_factory.mktemp("project")
    (project / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    shutil.copy(ROOT / "scenarios" / "test_scenarios.py", project / "test_scenarios.py")
    (project / "scenarios").mkdir()
    (project / "scenarios" / "geo.yaml").write_text(SCENARIO, encoding="utf-8")
    runs = [["--llm-save", "geo"]]
    runs += [["--llm-shard", f"{k}/2", "--llm-report-dir", f"shard{k}", "--llm-save", f"sh{k}"] for k in (1, 2)]
    with FakeServer(answers=ANSWERS) as fake:
        for extra in runs:
            done = subprocess.run(
                [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--llm-base-url", fake.base_url]
                + ["--llm-model", "m1", *extra],
                cwd=project,
                capture_output=True,
                text=True,
                timeout=120,
            )
            assert done.returncode in (0, 5), done.stdout + done.stderr
    assert [r.name for r in list_runs(project / ".llmeval" / "runs")] == ["geo", "sh1", "sh2"]
    return project


@pytest.fixture
def project(made_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the project to change, as the current folder."""
    copy = tmp_path / "project"
    shutil.copytree(made_project, copy)
    monkeypatch.chdir(copy)
    return copy


def saved(project: Path, number: int) -> Path:
    (path,) = (project / ".llmeval" / "runs").glob(f"{number:04d}_*.json")
    return path


# ------------------------------------------------------------------------------------------- ini values in quotes
QUOTED_INI = {
    "a folder": ('llm_report_dir = "reports"', 'llm_report_dir = "reports"', "Fix: llm_report_dir = reports"),
    "single quotes": ("llm_runs_dir = 'runs'", "llm_runs_dir = 'runs'", "Fix: llm_runs_dir = runs"),
    "a number": ('llm_concurrency = "4"', 'llm_concurrency = "4"', "Fix: llm_concurrency = 4"),
    "a list's line": (
        'llm_scenarios =\n    "scenarios"',
        'llm_scenarios = "scenarios"',
        "Fix: llm_scenarios = scenarios",
    ),
}


@pytest.mark.parametrize("ini_file", ["pytest.ini", "tox.ini", "setup.cfg"])
@pytest.mark.parametrize(("line", "named", "fix"), QUOTED_INI.values(), ids=QUOTED_INI.keys())
def test_an_ini_value_in_quotes_is_refused_with_the_line_to_write(llm_project, ini_file, line, named, fix):
    section = "tool:pytest" if ini_file == "setup.cfg" else "pytest"
    (llm_project.path / "tox.ini").unlink()  # pytester's own ini file
    (llm_project.path / ini_file).write_text(f"[{section}]\n{line}\n", encoding="utf-8")
    llm_project.scenario("geo.yaml", SCENARIO)
    run = llm_project.run("--llm-base-url", "http://127.0.0.1:9/v1", "--llm-model", "m1")
    err = run.stderr.str()
    assert run.ret == USAGE_ERROR, err
    assert f"{ini_file}, ini key {named}: the quotes are part of the value" in err and fix in err, err
    assert not any(p.name.startswith(("'", '"')) for p in llm_project.path.iterdir())  # no folder named "reports"


def test_a_quoted_url_in_the_ini_file_is_refused_without_its_password(llm_project):
    (llm_project.path / "tox.ini").write_text(
        '[pytest]\nllm_base_url = "http://user:pass-w0rd-123@127.0.0.1:9/v1"\n', encoding="utf-8"
    )
    llm_project.scenario("geo.yaml", SCENARIO)
    run = llm_project.run("--llm-model", "m1")
    err = run.stderr.str()
    assert run.ret == USAGE_ERROR and "the quotes are part of the value" in err, err
    assert "pass-w0rd-123" not in err + run.stdout.str()


def test_a_toml_string_is_read_without_its_quotes(llm_project):
    (llm_project.path / "tox.ini").unlink()
    (llm_project.path / "pyproject.toml").write_text(
        '[tool.pytest.ini_options]\nllm_report_dir = "reports"\n', encoding="utf-8"
    )
    llm_project.scenario("geo.yaml", SCENARIO)
    with FakeServer(answers=ANSWERS) as fake:
        run = llm_project.run("--llm-base-url", fake.base_url, "--llm-model", "m1")
    assert run.ret == 0, run.stdout.str() + run.stderr.str()
    assert (llm_project.path / "reports" / "results.json").is_file()


def option(ini: str):
    from pytest_llmeval.config import OPTIONS

    return next(opt for opt in OPTIONS if opt.ini == ini)


BOOLEANS = {
    ("llm_bench", "True"): "on",  # pyproject.toml's `llm_bench = true`, as pytest passes it on
    ("llm_bench", "false"): "off",
    ("llm_resume", "1"): "on",
    ("llm_cache", "ON"): "on",
    ("llm_cache", "Off"): "off",
    ("rag", "true"): "both",  # the switch's own value, as `--rag` alone
    ("rag", "0"): "off",
    ("rag_mode", "ONLY"): "only",
}


@pytest.mark.parametrize(("key", "written", "read"), [(*k, v) for k, v in BOOLEANS.items()], ids=str)
def test_an_ini_boolean_or_a_choice_in_capitals_is_read(key, written, read):
    from pytest_llmeval.config.options import ini_choice

    assert ini_choice(option(key), written) == read


@pytest.mark.parametrize(("key", "written"), [("llm_bench", "yes"), ("rag", "sure"), ("llm_thinking", "maybe")])
def test_other_words_are_left_to_the_choice_check(key, written):
    from pytest_llmeval.config.options import ini_choice

    assert ini_choice(option(key), written) == written


def test_a_toml_boolean_switches_an_option_on(llm_project):
    (llm_project.path / "tox.ini").unlink()
    (llm_project.path / "pyproject.toml").write_text(
        "[tool.pytest.ini_options]\nllm_compare_allow_errors = true\nllm_cache = false\n", encoding="utf-8"
    )
    llm_project.scenario("geo.yaml", SCENARIO)
    run = llm_project.run("--collect-only", "--llm-model", "m1", "--llm-base-url", "http://127.0.0.1:9/v1")
    assert run.ret == 0, run.stdout.str() + run.stderr.str()


def test_the_rag_switchs_ini_value_is_refused_naming_the_file(llm_project):
    (llm_project.path / "tox.ini").write_text("[pytest]\nrag = sure\n", encoding="utf-8")
    llm_project.scenario("geo.yaml", SCENARIO)
    run = llm_project.run("--collect-only", "--llm-model", "m1", "--llm-base-url", "http://127.0.0.1:9/v1")
    assert run.ret == USAGE_ERROR and "ERROR: tox.ini, ini key rag 'sure': not one of its values" in run.stderr.str()


# ------------------------------------------------------------------------------------ a key variable's value
KEY = "sk-live-0123456789abcdef"
KEY_FORMS = {
    "a line break at its end": (KEY + "\n", "a line break at its end"),
    "a Windows line end": (KEY + "\r\n", "a line break at its end"),
    "a carriage return": (KEY + "\r", "a carriage return"),
    "a space at its start": (" " + KEY, "a space at its start"),
    "a space inside": (KEY[:8] + " " + KEY[8:], "a space inside"),
    "a control character": (KEY[:8] + "\x01" + KEY[8:], "the control character '\\x01' inside"),
    "double quotes": (f'"{KEY}"', "quotes around the key"),
    "single quotes": (f"'{KEY}'", "quotes around the key"),
    "Bearer before it": (f"Bearer {KEY}", "'Bearer ' before the key"),
    "an ellipsis copied with it": (KEY + "…", "a character that is not ASCII"),
}


@pytest.mark.parametrize(("value", "words"), KEY_FORMS.values(), ids=KEY_FORMS.keys())
def test_a_key_no_header_can_carry_is_refused_without_showing_it(monkeypatch, value, words):
    monkeypatch.setenv("MY_KEY", value)
    with pytest.raises(MissingAPIKey) as caught:
        api_key_from_env("MY_KEY", "--llm-api-key-env")
    message = str(caught.value)
    assert "environment variable MY_KEY (named by --llm-api-key-env) holds" in message and words in message
    assert "Fix: export MY_KEY with the key alone" in message
    assert KEY not in message and KEY[:8] not in message and KEY[8:] not in message


@pytest.mark.parametrize("value", [KEY, "EMPTY", "abc-DEF_123.456~xyz", "sk-ant-api03-" + "x" * 40])
def test_a_key_as_keys_are_is_taken(monkeypatch, value):
    monkeypatch.setenv("MY_KEY", value)
    assert api_key_from_env("MY_KEY") == value


def test_a_key_with_a_line_break_stops_the_run_before_any_request(llm_project, monkeypatch):
    monkeypatch.setenv("MY_KEY", KEY + "\n")
    llm_project.scenario("geo.yaml", SCENARIO)
    with FakeServer(answers=ANSWERS) as fake:
        run = llm_project.run("--llm-base-url", fake.base_url, "--llm-model", "m1", "--llm-api-key-env", "MY_KEY")
        asked = fake.requests
    err = run.stderr.str()
    assert run.ret == USAGE_ERROR and "MY_KEY (named by --llm-api-key-env) holds a line break at its end" in err, err
    assert asked == 0 and KEY not in err + run.stdout.str()


# --------------------------------------------------------------------------------------------- RUN references
def test_a_saved_runs_file_name_is_that_run(project, capsys):
    first = saved(project, 1)
    for ref in (first.name, first.stem):
        code, out, err = cli(["report", ref], capsys)
        assert code == 0 and "geo" in out and "no such file" not in err, err


@pytest.mark.parametrize("ref", ["LAST", "Latest", " 3 ", "0003"])
def test_last_in_capitals_and_a_number_with_spaces_are_read(project, ref):
    assert find_run(ref, project / ".llmeval" / "runs").path == saved(project, 3)


def test_a_run_saved_under_a_name_in_capitals_is_found_by_it_first(tmp_path):
    runs = tmp_path / "runs"
    runs.mkdir()
    for name in ("0001_LAST_20260101-000000.json", "0002_other_20260102-000000.json"):
        (runs / name).write_text('{"cases": [{}]}', encoding="utf-8")
    assert find_run("LAST", runs).path.name.startswith("0001_")
    assert find_run("last", runs).path.name.startswith("0002_")


NUMBERS = {
    "-1": "A run is not counted from the end (the newest: run 0003, read by 'last')",
    "1e3": "Run numbers are whole numbers, 3 or 0003 (the newest: run 0003, read by 'last')",
    "1.0": "Run numbers are whole numbers, 3 or 0003",
    "007": "No saved run has the number 7 (the newest: run 0003, read by 'last')",
}


@pytest.mark.parametrize(("ref", "words"), NUMBERS.items(), ids=NUMBERS.keys())
def test_a_reference_that_reads_as_a_number_says_what_a_run_number_is(project, capsys, ref, words):
    code, _, err = cli(["report", ref], capsys)
    assert code == 2 and f"no saved run {ref!r}" in err and words in err, err


@pytest.mark.parametrize("ref", ["nan", "inf", "geoo"])
def test_a_name_gets_no_word_on_numbers(project, ref):
    with pytest.raises(RunNotFound) as caught:
        find_run(ref, project / ".llmeval" / "runs")
    assert "Run numbers" not in str(caught.value) and "counted from the end" not in str(caught.value)


@pytest.mark.parametrize("given", ["out", "out/results.json"])
def test_a_results_json_that_is_a_folder_is_named_so(project, capsys, given):
    (project / "out" / "results.json").mkdir(parents=True)
    for argv in (["report", given], ["compare", "1", given], ["accept", given], ["rescore", given, "-o", "re"]):
        code, _, err = cli(argv, capsys)
        assert code == 2 and "out/results.json: is a folder, not the results.json file a run writes" in err, err
        assert "a folder without a results.json" not in err and "Traceback" not in err


def test_a_folder_named_like_a_saved_run_is_no_run(project, capsys):
    (project / ".llmeval" / "runs" / "0099_x_20991231-000000.json").mkdir()
    assert [r.number for r in list_runs(project / ".llmeval" / "runs")] == [1, 2, 3]
    code, out, err = cli(["report", "last"], capsys)
    assert code == 0 and "Is a directory" not in err, err
    code, out, err = cli(["runs"], capsys)
    assert code == 0 and "0099" not in out + err


def test_a_folder_and_a_saved_run_of_one_name_say_which_was_read(project, capsys):
    shutil.copytree(project / "shard1", project / "3")  # `3/` holds shard 1's run; saved run 0003 is shard 2's
    code, out, err = cli(["report", "3"], capsys)
    assert code == 0, err
    assert "note: '3' is read as the path 3 in the current folder; saved run 0003 (sh2) answers to it too" in err
    assert f"pass {Path('.llmeval/runs') / saved(project, 3).name} to read that one" in err
    code, _, err = cli(["report", "./3"], capsys)  # written as a path: no note
    assert code == 0 and "note:" not in err, err


OVER_A_RUN = {
    "report --html": ["report", "1", "--html", "shard1/results.json"],
    "report --markdown": ["report", "1", "--markdown", "SAVED"],
    "compare --json": ["compare", "1", "3", "--json", "shard2/results.json"],
    "schema --output": ["schema", "--output", "llmeval-report/results.json"],
    "accept --baseline a results.json": ["accept", "1", "--baseline", "shard2/results.json"],
    "accept --baseline a saved run": ["accept", "1", "--baseline", "SAVED"],
}


@pytest.mark.parametrize("argv", OVER_A_RUN.values(), ids=OVER_A_RUN.keys())
def test_an_output_over_another_runs_results_is_refused(project, capsys, argv):
    other = saved(project, 2)
    argv = [str(other.relative_to(project)) if arg == "SAVED" else arg for arg in argv]
    target = project / argv[-1]
    before = target.read_bytes()
    code, _, err = cli(argv, capsys)
    flag = argv[-2]
    run = "the saved run 0002 (sh1)" if target == other else f"the run in {Path(argv[-1]).parent} (its results.json)"
    assert code == 2 and f"error: {flag} {argv[-1]} is {run}: writing it would replace the run's results" in err, err
    assert "Fix: name another file" in err and target.read_bytes() == before


def test_the_baseline_is_still_written_over_the_last_baseline(project, capsys):
    for _ in range(2):
        code, out, err = cli(["accept", "1"], capsys)
        assert code == 0 and "as the baseline: .llmeval/baseline.json" in out, err


# ------------------------------------------------------------------------------------------- merge saved runs
@pytest.mark.parametrize("refs", [["2", "3"], ["sh1", "sh2"], ["0002", "last"]])
def test_merge_reads_the_shards_saved_runs(project, capsys, refs):
    code, out, err = cli(["merge", *refs, "-o", "merged"], capsys)
    assert code == 0, err
    assert "merged 2 case record(s) of shards 1/2, 2/2 (complete): merged/results.json" in out
    assert f"note: shard {refs[0]!r} is saved run" in err


def test_merge_of_a_shard_that_is_nowhere_names_the_ways_to_give_one(project, capsys):
    code, _, err = cli(["merge", "2", "nosuch", "-o", "merged"], capsys)
    assert code == 2 and "nosuch does not exist" in err, err
    assert "or its saved run's number or name in .llmeval/runs (python -m pytest_llmeval runs lists them)" in err


# ------------------------------------------------------------------------------------------------ ~ in paths
def test_a_tilde_the_shell_left_is_the_home_folder(project, capsys, monkeypatch, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    shutil.move(project / ".llmeval" / "runs", home / "runs")
    code, out, err = cli(["runs", "--runs-dir=~/runs"], capsys)
    assert code == 0 and "sh2" in out and "no saved runs" not in out + err, out + err
    code, _, err = cli(["report", "last", "--runs-dir=~/runs", "--markdown=~/report.md"], capsys)
    assert code == 0 and (home / "report.md").is_file(), err
    assert not (project / "~").exists()
    code, _, err = cli(["runs", "--runs-dir=~no_such_user_b16/runs"], capsys)
    assert code == 2 and "~no_such_user_b16 names no user's home folder here. Fix: write the full path" in err


def test_the_ini_files_runs_dir_with_a_tilde_is_read_as_the_plugin_reads_it(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    (tmp_path / "pytest.ini").write_text("[pytest]\nllm_runs_dir = ~/runs\n", encoding="utf-8")
    assert configured_runs_dir(tmp_path) == tmp_path / "home" / "runs"


# ---------------------------------------------------------------------------------------------------- rescore
def test_rescore_of_a_run_a_newer_scorer_graded_says_so(project, capsys):
    from pytest_llmeval.evaluation.scoring import SCORER_VERSION

    doc = json.loads((project / "llmeval-report" / "results.json").read_text(encoding="utf-8"))
    for record in doc["cases"]:
        record["scorer"]["version"] = SCORER_VERSION + 1
    (project / "newer.json").write_text(json.dumps(doc), encoding="utf-8")
    code, out, err = cli(["rescore", "newer.json", "-o", "re"], capsys)
    assert code == 0, err
    newer = f"keyword_coverage v{SCORER_VERSION + 1} > v{SCORER_VERSION}"
    assert f"2 answer(s) were graded by a newer scorer than this pytest-llmeval's ({newer})" in out, out
    assert "Fix: upgrade pytest-llmeval (pip install -U pytest-llmeval-vllm)" in out
    code, out, err = cli(["rescore", "1", "-o", "re2"], capsys)  # graded by this version: no word
    assert code == 0 and "newer scorer" not in out, err


def test_rescore_names_a_case_renamed_with_its_question_kept(project, capsys):
    scenario = project / "scenarios" / "geo.yaml"
    scenario.write_text(SCENARIO.replace("id: capital", "id: capital_city"), encoding="utf-8")
    code, out, err = cli(["rescore", "1", "--scenarios", "scenarios", "-o", "re"], capsys)
    assert code == 0, err
    assert "renamed, as the same question reads (capital -> capital_city)" in out, out
    assert "give the case its old id back to grade it, or run the model" in out
