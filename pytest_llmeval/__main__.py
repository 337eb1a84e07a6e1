"""`python -m pytest_llmeval COMMAND ...`: work with saved runs without running anything.

python -m pytest_llmeval report RUN [--markdown report.md]            print / re-render a saved run
python -m pytest_llmeval results.json | REPORT_DIR                    (the same, short form)
python -m pytest_llmeval runs                                         list the saved runs (.llmeval/runs)
python -m pytest_llmeval compare BASE NEW [--fail score:5] [--pair a=b]  compare two runs, the gate's verdict
python -m pytest_llmeval accept RUN                                   make a run the nightly gate's baseline
python -m pytest_llmeval size MODEL [--gpu ...] [--tp N]              GPU memory and sizing estimate
python -m pytest_llmeval schema [--output docs/results.schema.json]   the JSON Schema of results.json
python -m pytest_llmeval merge SHARD... -o merged/                    join --llm-shard runs into one run
python -m pytest_llmeval plan --llm-model ... [--gpus 8x80]           print the GPU placement plan, start nothing
python -m pytest_llmeval rescore RUN [--scenarios PATH] [-o DIR]     grade a saved run's answers again, no model

RUN is a run's report dir (--llm-report-dir) or its results.json, a saved run's number or name, or 'last'.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from .results.recorder import ResultsFileError, load_results
from .results.render import render_markdown, render_terminal
from .results.runs import configured_runs_dir

COMMANDS = ("report", "schema", "runs", "compare", "accept", "size", "merge", "plan", "rescore")
VERSION_WORDS = ("--version", "-V", "version")
PROJECT_RUNS_DIR = configured_runs_dir()  # the project's llm_runs_dir (pytest.ini, ...), as pytest saves there


def output_problem(flag: str, path: Path | None) -> str | None:
    """Why a file to write (--markdown, --json, -o FILE) cannot be written there, with the fix; None when it can be
    tried. Checked before the work: the error came after the report or the comparison had been printed, and hid the
    gate's exit code."""
    if path is None:
        return None
    problem = not_a_file_problem(flag, path) or replaces_a_run(flag, path)
    if problem is not None:
        return problem
    parent = path.parent
    if not parent.is_dir():
        what = "is a file, not a folder" if parent.exists() else "does not exist"
        return (
            f"{parent}: {what} ({flag} {path} is written in it). Fix: create the folder first, or name a file in "
            "an existing one"
        )
    return None


def not_a_file_problem(flag: str, path: Path) -> str | None:
    """Why a file to write is in the way (a folder, a FIFO), with the fix; None when it is a file or not there."""
    if path.is_dir():
        example = path / {"--markdown": "report.md", "--html": "report.html"}.get(flag, "out.json")
        return f"{path}: is a folder ({flag} names a file to write). Fix: name a file, e.g. {flag} {example}"
    if path.exists() and not path.is_file():
        return f"{path}: is not a regular file ({flag} names a file to write). Fix: name another file"
    return None


def replaces_a_run(flag: str, path: Path) -> str | None:
    """Why a file to write is a run's results (`run_file_kind`), with the fix; None when it is not one."""
    run = run_file_kind(path)
    if run is None:
        return None
    example = path.parent.parent / {"--markdown": "report.md", "--html": "report.html"}.get(flag, "out.json")
    return (
        f"{flag} {path} is {run}: writing it would replace the run's results. Fix: name another file, e.g. "
        f"{flag} {example}"
    )


def run_file_kind(path: Path) -> str | None:
    """What run an existing file holds when it is one - a run's results.json (a report dir's), a saved run
    (`NNNN_name_date.json` in the saved-runs folder) -, else None. An output named for it (`report 1 --html
    llmeval-report/results.json`, `accept 1 --baseline .llmeval/runs/0002_....json`) replaced another run than the
    one the command read (round 7 refused only that one)."""
    from .results.runs import SAVED_RUN_FILE
    from .results.schema import RESULTS_FILE

    if not path.is_file():
        return None
    if path.name == RESULTS_FILE:
        return f"the run in {path.parent} (its {RESULTS_FILE})"
    saved = SAVED_RUN_FILE.match(path.name)
    if saved is not None:
        return f"the saved run {saved.group(1)} ({saved.group(2)})"
    return None


# what reading a field of another shape raises (a number where an object was written, text for a number): the
# type check of load_results leaves the derived sections (aggregates, run.settings) and missing fields open
DOCUMENT_SHAPE_ERRORS = (AttributeError, TypeError, ValueError, KeyError, IndexError)


def document_shape_error(files: list[Path], exc: Exception) -> str:
    """The message for a run whose fields cannot be read (a traceback before): the file(s), what broke, the fix."""
    from .textfiles import shown

    named = " or ".join(str(f) for f in files)
    return (
        f"{named}: a field is not what pytest-llmeval writes ({type(exc).__name__}: {shown(str(exc), 120)[1:-1]}): "
        "edited by hand or written by another version. Fix: use the run's own results.json or its saved copy "
        "(python -m pytest_llmeval runs lists them), or run again"
    )


def user_path(text: str) -> Path:
    """A path argument with `~` read as the home folder, as the plugin reads its path options: a shell leaves it as
    written in `--runs-dir=~/runs` (after `=`) or in quotes, and the commands made a folder named `~` or found "no
    saved runs in ~/runs" - the folder pytest had saved in."""
    try:
        return Path(text).expanduser()
    except RuntimeError:  # `~nobody/x`: no such user
        raise argparse.ArgumentTypeError(
            f"{text}: {text.split('/')[0]} names no user's home folder here. Fix: write the full path"
        ) from None


def parse_args(parser: argparse.ArgumentParser, argv: list[str]) -> argparse.Namespace:
    """`parser.parse_args`, refusing an option given an empty value first (exit 2, as argparse's own errors)."""
    problem = empty_value_problem(parser, argv)
    if problem is not None:
        print(f"error: {problem}", file=sys.stderr)
        raise SystemExit(2)
    return parser.parse_args(argv)


def empty_value_problem(parser: argparse.ArgumentParser, argv: list[str]) -> str | None:
    """Why an option's value is unusable because it is empty (`-o "$OUT"` with OUT unset), with the fix; None when
    none is. argparse takes it: `-o ''` and `--runs-dir ''` became the current folder (a re-score's results.json and
    saved run written there), `--llm-judge ''` no judge at all."""
    takes_value = {flag for action in parser._actions if action.nargs != 0 for flag in action.option_strings}
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        flag, equals, value = arg.partition("=")
        if equals and flag in takes_value:
            given = value
        elif arg in takes_value and index + 1 < len(argv):
            given = argv[index + 1]
        else:
            continue
        if not given.strip():
            return (
                f'{flag} got an empty value (an unset variable in `{flag} "$VAR"`?). Fix: give it a value, or '
                "leave the option out"
            )
    return None


def print_note(text: str) -> None:
    """A note on stderr (which saved run `last` or a name was read as)."""
    print(f"note: {text}", file=sys.stderr)


def _refuse_outputs(*outputs: tuple[str, Path | None]) -> bool:
    """Print the first output problem (see `output_problem`); True when there was one."""
    for flag, path in outputs:
        problem = output_problem(flag, path)
        if problem is not None:
            print(f"error: {problem}", file=sys.stderr)
            return True
    return False


OUTPUT_EXAMPLES = {"--markdown": "report.md", "--html": "report.html", "--json": "comparison.json"}


def _refuse_overwriting_runs(outputs: list[tuple[str, Path | None]], runs: list[Path]) -> bool:
    """Print why an output file is a run the command reads (`report RUN --markdown RUN`, `compare A B --json B`),
    with the fix; True when one is. The run's results.json was replaced by the report or the comparison."""
    for flag, path in outputs:
        for run in runs:
            try:
                same = path is not None and path.resolve() == run.resolve()
            except (OSError, RuntimeError):  # cannot be resolved: writing it fails with its own error
                continue
            if same and path is not None:
                example = path.parent / OUTPUT_EXAMPLES.get(flag, "out.txt")
                print(
                    f"error: {flag} {path} is the run {run} this command reads: writing it would replace the run's "
                    f"results. Fix: name another file, e.g. {flag} {example}",
                    file=sys.stderr,
                )
                return True
    return False


def resolve_cli_run(
    ref: str, runs_dir: Path, with_cases: bool = True, say: Callable[[str], None] | None = None
) -> Path:
    """`results.runs.resolve_run` as a command reads RUN: a --runs-dir that is a file, and a run's other file named
    for its results.json (its cases.jsonl, its report), raise RunNotFound with the fix; "no saved run 'last' in
    rep/results.json" and "not valid JSON (line 2): cut short" sent the user to look for a broken run."""
    from .results.runs import RunNotFound, resolve_run

    problem = runs_dir_problem(runs_dir)
    if problem is not None and not Path(ref).expanduser().exists():
        raise RunNotFound(problem)
    path = resolve_run(ref, runs_dir, with_cases=with_cases, say=say)
    problem = other_run_file(path)
    if problem is not None:
        raise RunNotFound(problem)
    return path


def runs_dir_problem(runs_dir: Path) -> str | None:
    """Why --runs-dir cannot be the saved-runs folder (it is a file), with the fix; None when it can."""
    if runs_dir.exists() and not runs_dir.is_dir():
        return (
            f"--runs-dir {runs_dir}: is a file, not a folder. Fix: name the saved-runs folder (pytest's "
            "--llm-runs-dir, default .llmeval/runs)"
        )
    return None


REPORT_SUFFIXES = {".html": "HTML report", ".htm": "HTML report", ".md": "Markdown report", ".xml": "XML report"}


def other_run_file(path: Path) -> str | None:
    """What a file given as a run is when it is another file a run writes - its cases.jsonl (a .jsonl), its
    report.html or report.md, a JUnit XML - with the results.json beside it to name instead; None for any other
    file (the loader reads it and says what is wrong)."""
    from .results.schema import CASES_FILE, RESULTS_FILE

    if not path.is_file():
        return None
    suffix = path.suffix.lower()
    if path.name == CASES_FILE or suffix == ".jsonl":
        what = f"a run's {CASES_FILE} (one answered case a line)"
    elif suffix in REPORT_SUFFIXES:
        what = f"a run's {REPORT_SUFFIXES[suffix]}"
    else:
        return None
    beside = path.parent / RESULTS_FILE
    if beside.is_file():
        fix = f"name the run's {RESULTS_FILE} beside it, {beside}, or its folder {path.parent}"
    elif path.name == CASES_FILE:
        fix = (
            f"the run wrote no {RESULTS_FILE} beside it (it stopped before the end): rerun it with --llm-resume "
            f"{path.parent} to keep its cases, or name another run (python -m pytest_llmeval runs lists them)"
        )
    else:
        fix = f"name the run's {RESULTS_FILE} or report folder (python -m pytest_llmeval runs lists the saved runs)"
    return f"{path}: is {what}, not its {RESULTS_FILE}. Fix: {fix}"


def report_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m pytest_llmeval report",
        description="Print a saved run's tables and optionally rewrite its reports.",
    )
    parser.add_argument("results", help="a run's report dir or results.json, a saved run's number or name, or 'last'")
    parser.add_argument("--markdown", type=user_path, help="also write the Markdown report here")
    parser.add_argument("--html", type=user_path, help="also write the HTML report here")
    parser.add_argument("--runs-dir", type=user_path, default=PROJECT_RUNS_DIR, help="where saved runs are looked up")
    args = parse_args(parser, argv)
    from .results.runs import RunNotFound

    if _refuse_outputs(("--markdown", args.markdown), ("--html", args.html)):
        return 2
    try:
        source = resolve_cli_run(args.results, args.runs_dir, with_cases=False, say=print_note)  # a benchmark's run too
        doc = load_results(source)
    except (ResultsFileError, RunNotFound) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if _refuse_overwriting_runs([("--markdown", args.markdown), ("--html", args.html)], [source]):
        return 2
    try:  # rendered in full before anything is printed or written
        # a run's document always has its aggregates; a shard's or a hand-made one may not
        from .results.loader import with_derived_sections

        with_derived_sections(doc)
        terminal = render_terminal(doc)
        markdown = render_markdown(doc) if args.markdown else None
        html = _render_html(doc) if args.html else None
    except DOCUMENT_SHAPE_ERRORS as exc:
        print(f"error: {document_shape_error([source], exc)}", file=sys.stderr)
        return 2
    print(terminal)
    if args.markdown and markdown is not None:
        args.markdown.write_text(markdown, encoding="utf-8")
    if args.html and html is not None:
        args.html.write_text(html, encoding="utf-8")
    return 0


def _render_html(doc: dict[str, Any]) -> str:
    from .results.html import render_html

    return render_html(doc)


def schema_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m pytest_llmeval schema", description="Print (or write) the JSON Schema of results.json."
    )
    parser.add_argument("--output", type=user_path, help="write it to this file instead of printing it")
    args = parse_args(parser, argv)
    if _refuse_outputs(("--output", args.output)):
        return 2
    from .results.schema import json_schema

    text = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        print(text, end="")
    return 0


def runs_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m pytest_llmeval runs", description="List the saved runs.")
    parser.add_argument("--runs-dir", type=user_path, default=PROJECT_RUNS_DIR)
    args = parse_args(parser, argv)
    if args.runs_dir.exists() and not args.runs_dir.is_dir():
        print(
            f"error: --runs-dir {args.runs_dir}: is a file, not a folder. Fix: name the saved-runs folder "
            "(pytest's --llm-runs-dir, default .llmeval/runs)",
            file=sys.stderr,
        )
        return 2
    from tabulate import tabulate

    from .results.runs import describe_runs

    rows = describe_runs(args.runs_dir)
    if not rows:
        missing = "" if args.runs_dir.is_dir() else " (no such folder: a run saves there when it ends)"
        print(f"no saved runs in {args.runs_dir}{missing}")
        return 0
    headers = ["run", "name", "started", "status", "models", "cases", "mean score", "commit"]
    print(tabulate([[r.get(h) for h in headers] for r in rows], headers=headers, tablefmt="simple"))
    for row in rows:  # a saved run that cannot be read was a row of blanks: say why, as reading it would
        if row.get("error"):
            print(f"warning: run {row['run']} is unreadable: {row['error']}", file=sys.stderr)
    return 0


def compare_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m pytest_llmeval compare",
        description="Compare two runs case by case; gate on regressions past a threshold (non-inferiority).",
        epilog="Exit codes: 0 ok; 2 usage error; 6 a gate rule failed (regression); 7 the new run is broken or "
        "incomplete (errors, interrupted, baseline cases or models missing, nothing comparable) unless allowed; 8 a "
        "speed rule could not be checked (no comparable timing). 7 > 6 > 8. See docs/nightly.md.",
    )
    parser.add_argument("base", help="baseline: results.json path, run number, run name or 'last'")
    parser.add_argument("new", help="the run to check: results.json path, run number, run name or 'last'")
    parser.add_argument(
        "--fail",
        action="append",
        default=[],
        metavar="EXPR",
        help="gate rules, e.g. score:5,pass_rate:10,ttft_p50:20%%,decode_tok_s:10%%",
    )
    parser.add_argument(
        "--pair",
        action="append",
        default=[],
        metavar="BASE=NEW",
        help="compare baseline model label BASE with new model label NEW (repeatable), e.g. qwen-bf16=qwen-fp8",
    )
    parser.add_argument(
        "--allow-missing",
        action="store_true",
        help="pass the gate although baseline cases, modes or models are missing from the new run (or it was "
        "interrupted, or either run was merged without a shard, or cases are asked differently now)",
    )
    parser.add_argument(
        "--allow-errors",
        action="store_true",
        help="pass the gate although cases errored: in the new run (they still count as failures with score 0) or "
        "in the baseline (left out of the comparison); also a baseline model whose every answer is empty - never a "
        "model and mode of the new run with no usable answer (every sample errored, empty or stopped by the server)",
    )
    parser.add_argument(
        "--scenarios",
        type=user_path,
        action="append",
        help="the scenario files (repeatable) that grade again a baseline record graded by another scorer than the "
        "new run's (default: the new run's own scenario paths)",
    )
    parser.add_argument("--runs-dir", type=user_path, default=PROJECT_RUNS_DIR)
    parser.add_argument("--markdown", type=user_path, help="also write the comparison as Markdown here")
    parser.add_argument("--json", type=user_path, help="also write the comparison as JSON here")
    args = parse_args(parser, argv)
    from .compare import (
        GateError,
        compare_runs,
        parse_fail_expressions,
        parse_pairs,
        render_comparison_markdown,
        render_comparison_text,
    )
    from .results.runs import RunNotFound

    if _refuse_outputs(("--markdown", args.markdown), ("--json", args.json)):
        return 2
    try:
        rules = parse_fail_expressions(args.fail)
    except GateError as exc:  # the option that is wrong, not "--fail/--pair"
        print(f"error: --fail: {exc}", file=sys.stderr)
        return 2
    try:
        pairs = parse_pairs(args.pair)
    except GateError as exc:
        print(f"error: --pair: {exc}", file=sys.stderr)
        return 2
    try:
        base_path = resolve_cli_run(args.base, args.runs_dir, say=print_note)
        new_path = resolve_cli_run(args.new, args.runs_dir, say=print_note)
        base, new = load_results(base_path), load_results(new_path)
    except (RunNotFound, ResultsFileError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if _refuse_overwriting_runs([("--markdown", args.markdown), ("--json", args.json)], [base_path, new_path]):
        return 2
    try:  # compared and rendered in full before anything is printed or written
        cmp = compare_runs(
            base,
            new,
            rules,
            base_name=str(base_path),
            new_name=str(new_path),
            pairs=pairs,
            allow_missing=args.allow_missing,
            allow_errors=args.allow_errors,
            cases=_current_cases(new, args.scenarios),
        )
        text = render_comparison_text(cmp)
        markdown = render_comparison_markdown(cmp) + "\n" if args.markdown else ""
    except DOCUMENT_SHAPE_ERRORS as exc:
        print(f"error: {document_shape_error([base_path, new_path], exc)}", file=sys.stderr)
        return 2
    print(text)
    if args.markdown:
        args.markdown.write_text(markdown, encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps(cmp, indent=2, ensure_ascii=False), encoding="utf-8")
    return int(cmp["exit_code"])


def _current_cases(new_doc: dict[str, Any], scenarios: list[Path] | None) -> list[Any] | None:
    """The cases that grade a baseline again (`--scenarios`, else the new run's own scenario files); None, and a
    note on stderr, when they cannot be read (the comparison then leaves such cases out and names them)."""
    from .evaluation.scenarios import ScenarioError
    from .results.rescore import scenario_cases
    from .vision.datasets import DatasetError

    try:
        return scenario_cases(new_doc, scenarios)
    except (ScenarioError, DatasetError, OSError) as exc:
        print(
            f"note: the current scenario files could not be read ({exc}); a baseline graded by another scorer "
            "is not graded again",
            file=sys.stderr,
        )
        return None


def incomplete_baseline(doc: dict[str, Any]) -> str | None:
    """Why a run should not become the nightly baseline (its status, its errored cases - the comparison's notion:
    an error, or a score that is not a finite number in 0-100 -, a merge without a shard), or None."""
    from .compare.scorers import bad_score, errored

    run = doc.get("run") or {}
    status = run.get("status")
    cases = doc.get("cases") or []
    failed = sum(1 for case in cases if errored(case))
    bad = [case for case in cases if bad_score(case)]
    merge_missing = run.get("merge_missing") or None
    if not cases:
        return f"the run is {status or 'of unknown status'} and has no case: the gate would compare nothing with it"
    from .results.answer_health import all_empty, all_empty_text

    empty = all_empty(cases)
    if empty:  # no measurement of the model: every later run would pass against it (no score can fall below 0)
        return all_empty_text(empty, "the run")
    from .results.rescore import graded

    stale = [case for case in cases if not graded(case)]
    if stale:  # a re-score's records it could not grade (asked differently now, or no longer in the suite)
        names = ", ".join(f"{c.get('model')}/{c.get('mode', 'norag')}/{c.get('scenario_id')}" for c in stale[:5])
        more = ", ..." if len(stale) > 5 else ""
        return (
            f"the run is a re-score that could not grade {len(stale)} record(s) ({names}{more}): asked differently "
            "now or no longer in the suite, the baseline would have no answer to today's case"
        )
    if status == "complete" and not failed and not merge_missing:
        return None
    what = f"the run is {status or 'of unknown status'}"
    if failed:
        what += f": {failed} of {len(cases)} case(s) errored"
        if bad:
            names = ", ".join(f"{c.get('model')}/{c.get('mode', 'norag')}/{c.get('scenario_id')}" for c in bad[:5])
            what += (
                f" ({len(bad)} of them answered but have a score that is not a finite number in 0-100 - {names}"
                f"{', ...' if len(bad) > 5 else ''}: a scoring error, from an older version or a custom scorer. Fix: "
                "grade the run again, python -m pytest_llmeval rescore RUN, and accept the run it saves)"
            )
    elif status == "interrupted":
        what += f" after {len(cases)} case(s)"
    if merge_missing:
        shards = ", ".join(map(str, merge_missing.get("shards") or [])) or "some records"
        what += f"{';' if failed else ':'} merged without shard(s) {shards}"
    return what


SELECTING = ("-k", "-m", "--deselect", "--lf", "--last-failed", "--sw", "--stepwise", "--llm-limit", "--llm-shard")


def selection_of(invocation: list[str]) -> list[str]:
    """The arguments of a pytest invocation that ran only part of the suite (-k, -m, --deselect, --lf, a test id,
    --llm-limit, --llm-shard), as given; empty when it ran everything it collected."""
    chosen = []
    args = iter(invocation)
    for arg in args:
        name = arg.split("=", 1)[0]
        if name in SELECTING:
            takes_value = "=" not in arg and name not in ("--lf", "--last-failed", "--sw", "--stepwise")
            chosen.append(f"{arg} {next(args, '')}".strip() if takes_value else arg)
        elif (arg[:2] in ("-k", "-m") and len(arg) > 2) or (not arg.startswith("-") and "::" in arg):
            chosen.append(arg)  # -kEXPR, or a test id
    return chosen


def accept_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m pytest_llmeval accept",
        description="Accept a saved run as the baseline the nightly gate compares with.",
    )
    parser.add_argument("run", nargs="?", default="last", help="run number, name, 'last' or a results.json path")
    parser.add_argument("--runs-dir", type=user_path, default=PROJECT_RUNS_DIR)
    parser.add_argument("--baseline", type=user_path, default=Path(".llmeval/baseline.json"))
    parser.add_argument(
        "--allow-incomplete",
        action="store_true",
        help="accept a run that did not finish every case cleanly (degraded, interrupted)",
    )
    args = parse_args(parser, argv)
    from .results.recorder import atomic_write
    from .results.runs import RunNotFound

    problem = not_a_file_problem("--baseline", args.baseline)  # its folder is made when it is written
    if problem is not None:
        print(f"error: --baseline {problem}", file=sys.stderr)
        return 2
    problem = replaces_a_run("--baseline", args.baseline)
    if problem is not None:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    try:
        source = resolve_cli_run(args.run, args.runs_dir, say=print_note)
        doc = load_results(source)
    except (RunNotFound, ResultsFileError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    problem = incomplete_baseline(doc)
    if problem is not None and not args.allow_incomplete:
        print(
            f"error: {source}: {problem}. The gate never compares a case the baseline has no answer for, so it "
            "could not see those cases get worse. Fix: accept a complete run (rerun it), or pass "
            "--allow-incomplete to accept this one anyway",
            file=sys.stderr,
        )
        return 2
    if problem is not None:
        from .compare.scorers import errored

        run = doc.get("run") or {}
        failed = any(errored(case) for case in doc.get("cases") or [])
        unfinished = run.get("status") in ("interrupted", "running") or run.get("merge_missing")
        later = []  # what every comparison with this baseline then needs to pass (docs/nightly.md)
        if failed:
            later.append(
                "--allow-errors (pytest: --llm-compare-allow-errors; it lets the new run's own errors through too)"
            )
        if unfinished:
            later.append("--allow-missing (pytest: --llm-compare-allow-missing)")
        needs = (
            ". Every later comparison with this baseline exits 7 (its cases without an answer cannot be compared) "
            "unless allowed with " + " and ".join(later)
            if later
            else ""
        )
        print(f"warning: {problem}; accepted anyway (--allow-incomplete){needs}", file=sys.stderr)
    run = doc.get("run") or {}
    invocation = list(run.get("invocation") or [])
    if run.get("merged_from") and not run.get("merge_missing"):  # a merge of every shard: the whole suite ran
        from .results.merge import without_shard_options

        invocation = without_shard_options(invocation)
    selected = selection_of(invocation)
    if selected:  # a complete run of part of the suite: the cases left out are never compared against it
        print(
            f"warning: the run asked part of the suite ({', '.join(selected)}): the baseline holds its "
            f"{len(doc.get('cases') or [])} case(s) only, and a later run's other cases are never compared",
            file=sys.stderr,
        )
    rescored = run.get("rescored")
    if isinstance(rescored, dict):
        print(
            f"note: {source} is a re-score of {rescored.get('from')}: its answers and timings are that run's",
            file=sys.stderr,
        )
    args.baseline.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(args.baseline, source.read_text(encoding="utf-8"))
    print(f"accepted {source} as the baseline: {args.baseline}")
    return 0


def merge_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m pytest_llmeval merge",
        description="Join the results of --llm-shard runs into one run (results.json, cases.jsonl, reports).",
    )
    parser.add_argument(
        "shards",
        nargs="+",
        type=user_path,
        help="each shard's results.json or report dir, or its saved run's number or name; a pattern the shell did "
        "not expand ('shard-*') is expanded; two results of one shard (a retried task): the later one that ran to "
        "its end is kept",
    )
    parser.add_argument("-o", "--output", type=user_path, required=True, help="the merged run's report dir")
    parser.add_argument(
        "--allow-missing",
        action="store_true",
        help="merge even when shards or cases are missing (named in the output; the run is marked degraded)",
    )
    parser.add_argument("--runs-dir", type=user_path, default=PROJECT_RUNS_DIR, help="where saved runs are read")
    args = parse_args(parser, argv)
    from .results.merge import (
        MergeError,
        expand_patterns,
        load_shard,
        merge_documents,
        refuse_overwriting_a_shard,
        without_previous_merge,
        write_merged,
    )

    try:
        args.shards = expand_patterns([saved_shard(shard, args.runs_dir) for shard in args.shards])
    except MergeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    args.shards, previous = without_previous_merge(args.output, args.shards)
    for path in previous:  # the merge run again (after a retried shard finished): its own output is no shard
        print_note(f"{path} is this merge's earlier output (-o {args.output}): left out, and written anew")
    for shard in args.shards:  # what cannot be a shard, named with the fix (a FIFO was read forever)
        found = shard / "results.json" if shard.is_dir() else shard
        if not found.is_file():
            what = "is not a regular file" if found.exists() else "does not exist"
            print(
                f"error: {found} {what}. Fix: pass each shard's report dir (--llm-report-dir of the --llm-shard "
                f"run), its results.json, or its saved run's number or name in {args.runs_dir} (python -m "
                "pytest_llmeval runs lists them)",
                file=sys.stderr,
            )
            return 2
        other = other_run_file(found)
        if other is not None:
            print(f"error: {other}", file=sys.stderr)
            return 2
    try:
        refuse_overwriting_a_shard(args.output, args.shards)
        doc = merge_documents([load_shard(p) for p in args.shards], allow_missing=args.allow_missing)
    except MergeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    path = write_merged(doc, args.output)
    print(render_terminal(doc))
    for entry in doc["run"].get("merge_replaced") or []:  # a retried array task: which attempt counts, and why
        print_note(
            f"{entry['results']} ({entry['status']}, started {entry['started_at']}) is another attempt at shard "
            f"{entry['index']}/{doc['run']['merged_from'][0]['count']}: left out, {entry['why']}"
        )
    lacking = doc["run"].get("merge_missing")
    if lacking:  # --allow-missing: what the merged run lacks, as the gate will say it
        if lacking.get("shards"):
            print(
                f"warning: shard(s) {', '.join(lacking['shards'])} not given: their cases are missing", file=sys.stderr
            )
        if lacking.get("cases"):
            print(
                f"warning: {len(lacking['cases'])} case record(s) the given shards were due are missing",
                file=sys.stderr,
            )
        print(
            "warning: the gate (compare) refuses this run as incomplete (exit 7) unless given --allow-missing",
            file=sys.stderr,
        )
    shards = ", ".join(f"{m['index']}/{m['count']}" for m in doc["run"]["merged_from"])
    print(f"merged {len(doc['cases'])} case record(s) of shards {shards} ({doc['run']['status']}): {path}")
    return 0


def saved_shard(shard: Path, runs_dir: Path) -> Path:
    """A shard given as every other command takes a run - a saved run's number, name or file name (`merge 5 6`,
    `merge nightly-1 nightly-2`: each shard run saved with --llm-save) - as its saved file; a path as it is. Merge
    read only paths: "5 does not exist"."""
    from .results.runs import list_runs, saved_run_named

    text = str(shard)
    if shard.exists() or "/" in text or os.sep in text:
        return shard
    found = saved_run_named(text, list_runs(runs_dir), with_cases=False)
    if found is None:
        return shard
    print_note(f"shard {text!r} is saved run {found.path}")
    return found.path


def rescore_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m pytest_llmeval rescore",
        description="Grade a saved run's answers again with the current scenario files and scorers (no model, "
        "no request) and write a new run; cases whose question changed are named and keep their old score.",
    )
    parser.add_argument("run", help="a results.json path, run number, run name or 'last'")
    parser.add_argument(
        "--scenarios",
        action="append",
        type=user_path,
        default=[],
        help="scenario files or folders (repeatable; default: the run's own scenario paths and datasets)",
    )
    parser.add_argument("--llm-judge", metavar="URL@MODEL", help="also grade every answer again with this judge")
    parser.add_argument("--llm-judge-api-key-env", metavar="VAR", help="env var with the judge's API key")
    parser.add_argument("--llm-judge-assert", action="store_true", help="the judge's grade decides pass/fail")
    parser.add_argument(
        "-o", "--output", type=user_path, default=Path("llmeval-rescore"), help="the new run's report dir"
    )
    parser.add_argument("--runs-dir", type=user_path, default=PROJECT_RUNS_DIR, help="where the new run is saved")
    parser.add_argument("--save", help="the saved run's name (default: the old run's name + '-rescored')")
    args = parse_args(parser, argv)
    from .evaluation.judge import Judge, JudgeError
    from .evaluation.scenarios import ScenarioError
    from .results import load
    from .results.rescore import default_name, rescore_document, scenario_cases, write_run
    from .results.runs import RunNotFound, save_name_problem
    from .serving.credentials import MissingAPIKey, env_name_problem
    from .vision.datasets import DatasetError

    problem = env_name_problem("--llm-judge-api-key-env", args.llm_judge_api_key_env)
    if problem is not None:  # the key given in place of its variable's name: never printed
        print(f"error: {problem}", file=sys.stderr)
        return 2
    problem = save_name_problem("--save", args.save) if args.save is not None else None
    if problem is not None:  # as pytest's --llm-save refuses it
        print(f"error: {problem}", file=sys.stderr)
        return 2
    try:
        source = resolve_cli_run(args.run, args.runs_dir, say=print_note)
        doc = load_results(source)
        cases = scenario_cases(doc, args.scenarios, run_datasets=True)
        judge = Judge.from_spec(args.llm_judge, args.llm_judge_api_key_env) if args.llm_judge else None
    except (RunNotFound, ResultsFileError, ScenarioError, DatasetError, JudgeError, MissingAPIKey) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    problem = overwrites_the_run("-o", args.output, source)
    if problem is not None:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    if not cases:
        where = ", ".join(str(path) for path in args.scenarios) if args.scenarios else "the run's scenario paths"
        print(
            f"error: no scenario cases found in {where}. Fix: pass --scenarios with the files or folders that hold "
            "the run's cases (*.yaml, *.yml)",
            file=sys.stderr,
        )
        return 2
    paths = [path.resolve() for path in args.scenarios]
    try:
        rescored = rescore_document(doc, cases, judge, args.llm_judge_assert, source=str(source), scenario_paths=paths)
    except DOCUMENT_SHAPE_ERRORS as exc:
        try:  # a field the type check of load_results lets through (it allows fields older runs lack): named
            load(source)
        except ResultsFileError as bad:
            print(f"error: {bad}", file=sys.stderr)
            return 2
        print(f"error: {document_shape_error([source], exc)}", file=sys.stderr)  # a loosely typed section
        return 2
    if not rescored.counts.get("rescored"):
        counts = rescored.counts
        fix = (
            "pass --scenarios with the files that hold the run's cases"
            if counts.get("missing") or counts.get("changed")
            else "the run has no answer a built-in scorer can grade (errored requests, custom scorers: run pytest)"
        )
        print(
            f"error: no answer of {source} could be graded ({rescored.summary()}). Fix: {fix}; nothing was written",
            file=sys.stderr,
        )
        return 1
    name = args.save or default_name(doc, source)
    try:  # rendered before anything is written: a field of another shape in the old run is named, not a traceback
        terminal = render_terminal(rescored.doc)
        results, saved = write_run(rescored.doc, args.output, args.runs_dir, name)
    except DOCUMENT_SHAPE_ERRORS as exc:
        print(f"error: {document_shape_error([source], exc)}", file=sys.stderr)
        return 2
    print(terminal)
    print(f"rescored {source}: {rescored.summary()}")
    print(f"results: {results}\nreport:  {args.output / 'report.md'} and report.html")
    if saved is not None:
        print(f"saved:   {saved}")
    return 0


def overwrites_the_run(flag: str, output: Path, source: Path) -> str | None:
    """Why writing a re-score's results.json in `output` would overwrite the run it re-scores (`rescore results.json
    -o .` in the run's report dir, or `rescore llmeval-rescore` with the default -o), with the fix; None when it
    would not. The run's own scores and verdicts were replaced by the new ones, and its report with them."""
    from .results.schema import RESULTS_FILE

    try:
        same = (output / RESULTS_FILE).resolve() == source.resolve()
    except (OSError, RuntimeError):  # a path that cannot be resolved: writing there fails with its own error
        return None
    if not same:
        return None
    return (
        f"{flag} {output} is the folder of the run being re-scored ({source}): its results.json and reports would be "
        "overwritten by the re-score, and the run's own scores lost. Fix: name a new folder, e.g. -o llmeval-rescore-2"
    )


class PublicStderr:
    """stderr as a command may write to it: every message with the credentials of the URLs it quotes hidden (a run
    given as `http://user:key@host/run` was printed whole in "no such file or folder", as argparse prints a value it
    refuses), and the values of the key variables the command names. The pytest side does the same for usage
    errors (`credentials.public_message`)."""

    def __init__(self, stream: TextIO, args: list[str]) -> None:
        self._stream = stream
        self._args = args
        self._keys = [os.environ.get(name) for name in _key_variables(args)]

    def write(self, text: str) -> int:
        from .serving.credentials import public_message

        return self._stream.write(public_message(text, self._keys, self._args) if text.strip() else text)

    def __getattr__(self, name: str) -> Any:  # flush, fileno, isatty, encoding: the stream's own
        return getattr(self._stream, name)


def _key_variables(args: list[str]) -> list[str]:
    """The environment variables the arguments name as holding a key (`--llm-judge-api-key-env VAR`, `=VAR`)."""
    names = []
    for index, arg in enumerate(args):
        flag, equals, value = arg.partition("=")
        if flag.endswith("-api-key-env"):
            names.append(value if equals else (args[index + 1] if index + 1 < len(args) else ""))
    return [name for name in names if name]


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["help"] and len(args) > 1 and args[1] in COMMANDS:  # `help compare`: that command's --help
        args = [args[1], "--help"]
    if not args or args[0] in ("-h", "--help", "help"):
        print(__doc__)
        return 0 if args else 2
    if args[0] in VERSION_WORDS:
        from . import __version__

        print(f"pytest-llmeval {__version__}")
        return 0
    with contextlib.redirect_stderr(PublicStderr(sys.stderr, args)):
        return _main(args)


def _main(args: list[str]) -> int:
    try:
        return _dispatch(args)
    except OSError as exc:  # a path that cannot be read or written: say which and the fix, not a traceback
        where = f"{exc.filename}: " if exc.filename else ""
        fix = (
            "a folder to write (-o, --runs-dir) must not be an existing file: name a new folder"
            if isinstance(exc, FileExistsError)
            else "a file to read must exist; a file to write needs a folder that exists and is writable"
        )
        print(f"error: {where}{exc.strerror or exc}. Fix: {fix}", file=sys.stderr)
        return 2


def _dispatch(args: list[str]) -> int:
    command, rest = args[0], args[1:]
    if command == "report":
        return report_main(rest)
    if command == "schema":
        return schema_main(rest)
    if command == "runs":
        return runs_main(rest)
    if command == "compare":
        return compare_main(rest)
    if command == "accept":
        return accept_main(rest)
    if command == "rescore":
        return rescore_main(rest)
    if command == "merge":
        return merge_main(rest)
    if command == "plan":
        from .serving.placement import main as plan_main

        return plan_main(rest)
    if command == "size":
        from .sizing.cli import main as size_main

        return size_main(rest)
    if command.endswith(".json") or Path(command).exists():  # the short form: a results.json or report dir first
        return report_main(args)
    print(
        f"error: unknown command {command!r}{_command_meant(command)}; use one of {list(COMMANDS)}, or a results.json "
        "or report dir to print",
        file=sys.stderr,
    )
    return 2


def _command_meant(command: str) -> str:
    """` (did you mean 'compare'?)` for a command typed with a slip (`compre`, `Compare`, `reports`), else ""."""
    import difflib

    close = difflib.get_close_matches(command.lower(), COMMANDS, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


if __name__ == "__main__":
    sys.exit(main())
