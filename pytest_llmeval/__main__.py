"""`python -m pytest_llmeval COMMAND ...`: work with saved runs without running anything.

python -m pytest_llmeval report results.json [--markdown report.md]   print / re-render a saved run
python -m pytest_llmeval results.json                                 (the same, short form)
python -m pytest_llmeval schema [--output docs/results.schema.json]   the JSON Schema of results.json
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .results.recorder import ResultsFileError, load_results
from .results.render import render_markdown, render_terminal

COMMANDS = ("report", "schema", "runs", "compare", "accept", "size")
DEFAULT_RUNS_DIR = Path(".llmeval/runs")


def report_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m pytest_llmeval report",
        description="Print a saved run's tables and optionally rewrite its reports.",
    )
    parser.add_argument("results", type=Path, help="a results.json written by the plugin")
    parser.add_argument("--markdown", type=Path, help="also write the Markdown report here")
    parser.add_argument("--html", type=Path, help="also write the HTML report here")
    args = parser.parse_args(argv)
    try:
        doc = load_results(args.results)
    except ResultsFileError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(render_terminal(doc))
    if args.markdown:
        args.markdown.write_text(render_markdown(doc), encoding="utf-8")
    if args.html:
        from .results.html import render_html

        args.html.write_text(render_html(doc), encoding="utf-8")
    return 0


def schema_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m pytest_llmeval schema", description="Print (or write) the JSON Schema of results.json."
    )
    parser.add_argument("--output", type=Path, help="write it to this file instead of printing it")
    args = parser.parse_args(argv)
    from .results.schema import json_schema

    text = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        print(text, end="")
    return 0


def runs_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m pytest_llmeval runs", description="List the saved runs.")
    parser.add_argument("--runs-dir", type=Path, default=DEFAULT_RUNS_DIR)
    args = parser.parse_args(argv)
    from tabulate import tabulate

    from .results.runs import describe_runs

    rows = describe_runs(args.runs_dir)
    if not rows:
        print(f"no saved runs in {args.runs_dir}")
        return 0
    headers = ["run", "name", "started", "status", "models", "cases", "mean score", "commit"]
    print(tabulate([[r.get(h) for h in headers] for r in rows], headers=headers, tablefmt="simple"))
    return 0


def compare_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m pytest_llmeval compare",
        description="Compare two runs case by case; gate on significant regressions.",
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
    parser.add_argument("--runs-dir", type=Path, default=DEFAULT_RUNS_DIR)
    parser.add_argument("--markdown", type=Path, help="also write the comparison as Markdown here")
    parser.add_argument("--json", type=Path, help="also write the comparison as JSON here")
    args = parser.parse_args(argv)
    from .compare import (
        GateError,
        compare_runs,
        parse_fail_expressions,
        render_comparison_markdown,
        render_comparison_text,
    )
    from .results.runs import RunNotFound, resolve_run

    try:
        rules = parse_fail_expressions(args.fail)
        base_path, new_path = resolve_run(args.base, args.runs_dir), resolve_run(args.new, args.runs_dir)
        base, new = load_results(base_path), load_results(new_path)
    except (GateError, RunNotFound, ResultsFileError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    cmp = compare_runs(base, new, rules, base_name=str(base_path), new_name=str(new_path))
    print(render_comparison_text(cmp))
    if args.markdown:
        args.markdown.write_text(render_comparison_markdown(cmp) + "\n", encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps(cmp, indent=2, ensure_ascii=False), encoding="utf-8")
    return int(cmp["exit_code"])


def accept_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m pytest_llmeval accept",
        description="Accept a saved run as the baseline the nightly gate compares with.",
    )
    parser.add_argument("run", nargs="?", default="last", help="run number, name, 'last' or a results.json path")
    parser.add_argument("--runs-dir", type=Path, default=DEFAULT_RUNS_DIR)
    parser.add_argument("--baseline", type=Path, default=Path(".llmeval/baseline.json"))
    args = parser.parse_args(argv)
    from .results.recorder import atomic_write
    from .results.runs import RunNotFound, resolve_run

    try:
        source = resolve_run(args.run, args.runs_dir)
        load_results(source)
    except (RunNotFound, ResultsFileError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    args.baseline.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(args.baseline, source.read_text(encoding="utf-8"))
    print(f"accepted {source} as the baseline: {args.baseline}")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in ("-h", "--help"):
        print(__doc__)
        return 0 if args else 2
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
    if command == "size":
        from .sizing.cli import main as size_main

        return size_main(rest)
    if command.endswith(".json"):  # the short form: a results.json first
        return report_main(args)
    print(f"error: unknown command {command!r}; use one of {list(COMMANDS)} or a results.json path", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
