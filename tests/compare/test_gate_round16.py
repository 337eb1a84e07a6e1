"""Round 16 of the regression gate: where a refused value came from, why a -k run compared nothing, and the runs
folder read once.

Wrong before round 16:
- a gate option set in an ini file was refused without the file when the option's own check spoke
  (`ini key llm_compare_allow_missing 'maybe': use one of ...`, `ini key llm_max_tokens 0: ...`: which of pytest.ini,
  pyproject.toml, tox.ini or setup.cfg?), `llm_compare = nosuchrun` was "--llm-compare: no saved run ..." (the
  session's check: no word of the ini file), a value given with `-o` was blamed on the ini file, and a run started
  in a subfolder named the ini file by its bare name (the subfolder has none). Each now names where the value came
  from - the file as a path from where pytest started, or `-o` -, the key and the fix; a value given on the command
  line is named by its flag alone, as before. The gate's own refusals say "Fix:" (they said "Accepted: ...").
- a gated run whose -k selected plain tests only (no LLM case) exited 7 with "the new run has no case record (the
  load benchmark alone, or a run stopped before its first case)" though no benchmark ran: it now says what happened,
  from the run's own record of its selection - "no LLM case ran in the new run: 14 of 14 LLM case tests deselected
  by -k plain; nothing compared" - and the fix.
- a run name that matched no saved run listed the runs folder twice (once for the refusal, once for the nearest
  name); it is listed once.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from run_builders import BROKEN, GOOD, Doc, gate, run
from test_input_fuzz import one_usage_error, project  # noqa: F401 - project: a fixture
from test_plugin_gate import N_CASES, gate_project  # noqa: F401 - gate_project: a fixture

from pytest_llmeval.compare import GateError, parse_fail_expressions, parse_pairs
from pytest_llmeval.config.loading import ini_source, named_by_its_ini_key
from pytest_llmeval.results import runs as runs_module
from pytest_llmeval.results.runs import RunNotFound, find_run, save_run
from pytest_llmeval.results.selection import no_case_ran, selection_record

# -- an ini value's refusal names its file, its key and the fix -----------------------------------------------------

INI_FILES = ["pytest.ini", "tox.ini", "setup.cfg", "pyproject.toml"]


def write_ini(llm_project: Any, file: str, lines: dict[str, str]) -> None:
    """`lines` as ini keys in `file`, the only ini file of the project (pytest reads the first it finds)."""
    folder = llm_project.path
    (folder / "tox.ini").unlink(missing_ok=True)
    if file == "pyproject.toml":
        body = "\n".join(f"{key} = {value!r}".replace("'", '"') for key, value in lines.items())
        text = f"[tool.pytest.ini_options]\n{body}\n"
    else:
        section = "tool:pytest" if file == "setup.cfg" else "pytest"
        text = f"[{section}]\n" + "".join(f"{key} = {value}\n" for key, value in lines.items())
    (folder / file).write_text(text, encoding="utf-8")


# (ini key, value, what follows "FILE, ini key KEY" in the message, what the fix says)
REFUSED = [
    ("llm_compare_fail", "bogus", ": --llm-compare-fail: 'bogus': missing ':THRESHOLD'", "Fix: METRIC:THRESHOLD"),
    ("llm_compare_fail", "score:-5", ": --llm-compare-fail: 'score:-5': threshold must be >= 0", "Fix: a threshold"),
    ("llm_compare_fail", "ttft_p50:200", ": --llm-compare-fail: 'ttft_p50:200': a time threshold", "Fix: write"),
    ("llm_compare_pair", "qwen", ": --llm-compare-pair: 'qwen': use BASE_LABEL=NEW_LABEL", "qwen-bf16=qwen-fp8"),
    ("llm_compare_pair", "a=b,a=c", ": --llm-compare-pair: 'a=c': 'a' is paired twice", "Fix: pair each"),
    ("llm_compare_allow_missing", "maybe", " 'maybe': not one of its values", "Fix: use one of ['off', 'on']"),
    ("llm_compare_allow_errors", "yes", " 'yes': not one of its values", "Fix: use one of ['off', 'on']"),
    ("llm_compare", "nosuchrun", ": --llm-compare: no saved run 'nosuchrun'", "Fix: pass a run's report dir"),
    ("llm_max_tokens", "0", " 0: must be at least 1", "Fix: set it to a value that is at least 1"),
    ("llm_repeat", "many", " = 'many' is not a valid int", "Fix: write a whole number"),
]


@pytest.mark.parametrize("file", INI_FILES)
@pytest.mark.parametrize(("key", "value", "said", "fix"), REFUSED, ids=[f"{k}={v}" for k, v, _, _ in REFUSED])
def test_an_ini_value_refused_names_the_file_the_key_and_the_fix(project, file, key, value, said, fix):  # noqa: F811
    write_ini(project, file, {key: value})
    out = one_usage_error(project.run("--collect-only", "--llm-model=m"), f"ERROR: {file}, ini key {key}{said}", fix)
    assert out.count("ini key") == 1, out


@pytest.mark.parametrize(("key", "value", "said", "fix"), REFUSED, ids=[f"{k}={v}" for k, v, _, _ in REFUSED])
def test_a_value_given_with_o_is_named_as_such_not_as_the_ini_files(project, key, value, said, fix):  # noqa: F811
    write_ini(project, "pytest.ini", {"llm_report_dir": "reports"})
    out = one_usage_error(
        project.run("--collect-only", "--llm-model=m", "-o", f"{key}={value}"),
        f"ERROR: -o (--override-ini), ini key {key}{said}",
        fix,
    )
    assert "pytest.ini" not in out, out


@pytest.mark.parametrize(
    ("flag", "value", "said"),
    [
        ("--llm-compare-fail", "bogus", "ERROR: --llm-compare-fail: 'bogus': missing ':THRESHOLD'"),
        ("--llm-compare-pair", "qwen", "ERROR: --llm-compare-pair: 'qwen': use BASE_LABEL=NEW_LABEL"),
        ("--llm-compare", "nosuchrun", "ERROR: --llm-compare: no saved run 'nosuchrun'"),
    ],
)
def test_a_value_the_command_line_gave_is_named_by_its_flag_over_a_good_ini_value(project, flag, value, said):  # noqa: F811
    write_ini(project, "pytest.ini", {"llm_compare_fail": "score:5", "llm_compare_pair": "a=b", "llm_compare": "last"})
    out = one_usage_error(project.run("--collect-only", "--llm-model=m", f"{flag}={value}"), said)
    assert "ini key" not in out and "pytest.ini" not in out, out


def config(tmp_path: Path, started_in: Path, values: dict[str, Any], overrides: list[str] | None = None) -> Any:
    return SimpleNamespace(
        getoption=lambda dest: None,
        getini=lambda key: values.get(key, ""),
        inipath=tmp_path / "pytest.ini",
        rootpath=tmp_path,
        option=SimpleNamespace(override_ini=overrides),
        invocation_params=SimpleNamespace(dir=started_in),
    )


def test_the_ini_file_is_named_by_its_path_from_where_pytest_started(tmp_path: Path):
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    values = {"llm_compare_fail": "bogus"}
    message = "--llm-compare-fail: 'bogus': missing ':THRESHOLD'"
    assert ini_source(config(tmp_path, tmp_path, values), "llm_compare_fail") == "pytest.ini"
    started_below = config(tmp_path, tmp_path / "sub" / "deeper", values)
    assert ini_source(started_below, "llm_compare_fail") == str(tmp_path / "pytest.ini")
    named = named_by_its_ini_key(started_below, message)
    assert named == f"{tmp_path / 'pytest.ini'}, ini key llm_compare_fail: {message}"


def test_an_option_checks_own_ini_refusal_gets_its_file_once(tmp_path: Path):
    conf = config(tmp_path, tmp_path, {"llm_max_tokens": "0"})
    message = "ini key llm_max_tokens 0: must be at least 1. Fix: set it to a value that is at least 1"
    named = named_by_its_ini_key(conf, message)
    assert named == f"pytest.ini, {message}"
    assert named_by_its_ini_key(conf, named) == named  # the session's checks pass through it again


def test_a_value_from_o_is_named_as_o_even_without_an_ini_file(tmp_path: Path):
    conf = config(tmp_path, tmp_path, {"llm_compare": "x"}, overrides=["llm_compare=x"])
    conf.inipath = None
    assert named_by_its_ini_key(conf, "--llm-compare: no saved run 'x'").startswith("-o (--override-ini), ini key")


@pytest.mark.parametrize("text", ["bogus", "x:1", "score:5%%", "score:-1", "score:abc"])
def test_every_refusal_of_a_gate_rule_says_the_fix(text: str):
    with pytest.raises(GateError) as caught:
        parse_fail_expressions(text)
    assert "Fix:" in str(caught.value) and "Accepted:" not in str(caught.value), caught.value


@pytest.mark.parametrize("text", ["qwen", "a=", "=b", "a=b,a=c"])
def test_every_refusal_of_a_pair_says_what_to_write(text: str):
    with pytest.raises(GateError) as caught:
        parse_pairs([text])
    assert "BASE_LABEL=NEW_LABEL" in str(caught.value) or "Fix:" in str(caught.value), caught.value


# -- a run that asked no LLM case says why, from its own record -----------------------------------------------------


def no_cases(**counts: Any) -> Doc:
    """A new run that recorded no case, with its `run.selection` (`counts`: selection_record's arguments)."""
    doc = run([])
    doc["run"]["models"] = ["m1"]
    fields = {"collected": 14, "deselected": 0, "skipped": {}, "finished": 0, "selected_by": []} | counts
    doc["run"]["selection"] = selection_record(**fields)
    return doc


NO_CASE = [
    (
        {"deselected": 14, "selected_by": ["-k plain"]},
        "14 of 14 LLM case tests deselected by -k plain",
        "a -k, -m or test path that selects LLM cases",
    ),
    (
        {"deselected": 14, "selected_by": ["-m not llm"]},
        "14 of 14 LLM case tests deselected by -m 'not llm'",
        "selects LLM cases",
    ),
    (
        {"deselected": 10, "skipped": {"no GPU": 4}, "selected_by": ["-k q0"]},
        '10 of 14 LLM case tests deselected by -k q0; 4 of 14 LLM case tests skipped (4 "no GPU")',
        "selects LLM cases (pytest --collect-only -q lists them); or what skipped them",
    ),
    ({}, "14 of 14 LLM case tests selected but not run (the run stopped first", "without -x or --maxfail"),
]


@pytest.mark.parametrize(("counts", "said", "fix"), NO_CASE, ids=["-k", "-m", "deselected and skipped", "-x"])
def test_a_new_run_without_a_case_says_what_of_the_suite_ran(counts: dict[str, Any], said: str, fix: str):
    cmp = gate(run(GOOD), no_cases(**counts), "score:5")
    assert cmp["exit_code"] == BROKEN
    (nothing,) = [p for p in cmp["problems"] if p["kind"] == "nothing"]
    assert f"no LLM case ran in the new run: {said}" in nothing["text"], nothing["text"]
    assert "; nothing compared. Fix: " in nothing["text"] and fix in nothing["text"], nothing["text"]
    assert "load benchmark alone" not in cmp["summary"]


@pytest.mark.parametrize("selection", [None, {"collected": 0}], ids=["not recorded", "no case test collected"])
def test_a_run_that_cannot_tell_more_keeps_the_words_that_cannot_tell(selection: dict[str, Any] | None):
    """A results.json written before run.selection, or a run that collected no LLM case test (the load benchmark
    alone, `pytest test_throughput.py --llm-bench`): nothing was deselected, skipped or stopped to name."""
    new = run([]) if selection is None else no_cases(**selection)
    cmp = gate(run(GOOD), new, "score:5")
    assert "the new run has no case record (the load benchmark alone, or a run stopped before" in cmp["summary"]
    assert "Fix: compare runs that asked the suite's cases" in cmp["summary"]


def test_a_baseline_that_ran_no_case_is_named_the_same_way():
    base = no_cases(deselected=14, selected_by=["-k smoke"])
    cmp = gate(base, run(GOOD), "score:5")
    assert "no LLM case ran in the baseline: 14 of 14 LLM case tests deselected by -k smoke" in cmp["summary"]


def test_a_run_that_finished_a_case_has_no_such_reason():
    doc = run(GOOD)
    doc["run"]["selection"] = selection_record(14, 0, {}, 14, [])
    assert no_case_ran(doc) is None


def test_a_gated_k_of_plain_tests_says_no_llm_case_ran_not_the_load_benchmark(gate_project):  # noqa: F811
    assert gate_project.run_llm("--llm-save", "baseline").ret == 0
    gate_project.pytester.makepyfile(test_plain="def test_plain_one():\n    assert True\n")
    result = gate_project.run_llm("-k", "plain", "--llm-compare", "baseline", "--llm-compare-fail", "score:5")
    assert result.ret == BROKEN, result.stdout.str()
    out = result.stdout.str()
    assert f"no LLM case ran in the new run: {N_CASES} of {N_CASES} LLM case tests deselected by -k plain; " in out
    assert "nothing compared. Fix: a -k, -m or test path that selects LLM cases" in out
    assert "load benchmark alone" not in out


# -- the runs folder is listed once per refusal ------------------------------------------------------------------------


def test_a_name_that_matches_no_run_lists_the_runs_folder_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    runs_dir = tmp_path / "runs"
    for name in ("nightly", "weekly"):
        save_run(run(GOOD), runs_dir, name)
    listed: list[Path] = []
    real = runs_module.list_runs

    def counting(folder: Path) -> Any:
        listed.append(folder)
        return real(folder)

    monkeypatch.setattr(runs_module, "list_runs", counting)
    import pytest_llmeval.compare.folder as folder_module

    monkeypatch.setattr(folder_module, "list_runs", counting)
    with pytest.raises(RunNotFound) as caught:
        find_run("nighlty", runs_dir)
    assert "Did you mean nightly (run 0001)?" in str(caught.value)
    assert listed == [runs_dir]
