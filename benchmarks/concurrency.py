"""Cases in flight (--llm-concurrency): what they buy on a real server, and what a case costs the plugin.

`real`: the shipped suite (scenarios/test_scenarios.py, 14 cases) against ONE real vLLM CPU server with the
embedded model - started once here, or attached with --base-url - at each concurrency (default 1, 4, 8).
Prints wall time of each pytest run, mean score, pass count, and how many answers and scores differ from
the first concurrency's run (temperature 0: any difference is the server's nondeterminism under batching;
`--repeat-first` runs the first concurrency twice to show the server's run-to-run rate at that setting).

`overhead`: the plugin's cost per case against the instant fake server (attach mode, every case passing) at
concurrency 32 for 200 / 2,000 / 10,000 cases, side by side in one run with bare pytest running 2,000
trivial parametrised tests (goal: within 1.5x of bare pytest per test).

    .venv/bin/python benchmarks/concurrency.py real [--base-url URL --model LABEL] [--max-tokens 128]
    .venv/bin/python benchmarks/concurrency.py overhead [--sizes 200 2000 10000] [--concurrency 32]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


# -- real server ----------------------------------------------------------------------------------------
def run_suite(base_url: str, model: str, concurrency: int, max_tokens: int, out: Path) -> dict[str, Any]:
    """One pytest run of the shipped suite, attached; wall seconds and the cases of its results.json."""
    report = out / f"c{concurrency}-{time.time_ns()}"
    cmd = [
        sys.executable,
        "-m",
        "pytest",
        "scenarios/test_scenarios.py",
        "-q",
        "-p",
        "no:cacheprovider",
        "--llm-base-url",
        base_url,
        "--llm-model",
        model,
        f"--llm-concurrency={concurrency}",
        f"--llm-max-tokens={max_tokens}",
        f"--llm-report-dir={report}",
        f"--llm-runs-dir={out / 'runs'}",
    ]
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"pytest exited {proc.returncode}:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    doc = json.loads((report / "results.json").read_text(encoding="utf-8"))
    cases = {c["scenario_id"]: c for c in doc["cases"]}
    return {"wall_s": wall, "cases": cases, "load": load()}


def summarise(label: str, run: dict[str, Any], first: dict[str, Any] | None) -> str:
    cases = run["cases"].values()
    scores = [c["score"] or 0.0 for c in cases]
    passed = sum(1 for c in cases if c.get("passed"))
    errors = sum(1 for c in cases if c.get("error"))
    tokens = sum(c.get("output_tokens") or 0 for c in cases)
    stopped = sum(1 for c in cases if c.get("finish_reason") == "stop")
    differ = "-"
    if first is not None:
        answers = sum(1 for k, c in run["cases"].items() if c.get("answer") != first["cases"][k].get("answer"))
        score_diff = sum(1 for k, c in run["cases"].items() if c.get("score") != first["cases"][k].get("score"))
        differ = f"{answers}/{len(scores)} answers, {score_diff} scores"
    return (
        f"{label:>12} {run['wall_s']:>8.1f} {sum(scores) / len(scores):>10.1f} {passed:>4}/{len(scores):<3}"
        f" {errors:>6} {tokens:>7} {stopped:>8}  {differ:<26} load {run['load']}"
    )


def real(args: argparse.Namespace) -> int:
    from contextlib import ExitStack

    out = Path(tempfile.mkdtemp(prefix="llmeval-concurrency-"))
    with ExitStack() as stack:
        base_url, model = args.base_url, args.model
        if base_url is None:
            from pytest_llmeval.serving.models import parse_model
            from pytest_llmeval.serving.pool import server_settings_for
            from pytest_llmeval.serving.server import ServerSettings, VLLMServer

            spec = parse_model("embedded")
            path, settings = server_settings_for(spec, ServerSettings(startup_timeout_s=1200))
            server = VLLMServer(path, spec.label, settings, out / "vllm.log", progress=print)
            start = time.perf_counter()
            stack.enter_context(server)
            print(f"server ready in {time.perf_counter() - start:.0f} s (load {load()}); log {out / 'vllm.log'}")
            base_url, model = server.base_url, spec.label
        print(f"suite: scenarios/test_scenarios.py, max_tokens {args.max_tokens}, temperature 0, model {model}")
        print(
            f"{'concurrency':>12} {'wall s':>8} {'mean score':>10} {'pass':>8} {'errors':>6} {'tokens':>7} "
            f"{'stopped':>8}  {'differs from the first run':<26}"
        )
        first: dict[str, Any] | None = None
        plan = [args.concurrency[0], *args.concurrency] if args.repeat_first else list(args.concurrency)
        for i, c in enumerate(plan):
            run = run_suite(base_url, model, c, args.max_tokens, out)
            label = f"{c} (again)" if args.repeat_first and i == 1 else str(c)
            print(summarise(label, run, first), flush=True)
            first = first or run
    return 0


# -- overhead against the instant fake server --------------------------------------------------------------
def overhead(args: argparse.Namespace) -> int:
    from bench_overhead import PLAIN_TEST, SUITE_TEST, run_pytest, write_cases

    from pytest_llmeval.testing.openai_fake import FakeServer

    print(f"machine: {os.cpu_count()} CPUs, load {load()}; python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory() as tmp:
        plain_dir = Path(tmp) / "plain"
        plain_dir.mkdir()
        (plain_dir / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
        (plain_dir / "test_plain.py").write_text(PLAIN_TEST.format(n=args.plain), encoding="utf-8")
        plain, _, _ = run_pytest(plain_dir, ["test_plain.py", "-p", "no:llmeval"])
    plain_ms = 1000 * plain / args.plain
    print(f"bare pytest, {args.plain} trivial parametrised tests: {plain:.1f} s, {plain_ms:.2f} ms a test")
    print(f"{'cases':>7} {'concurrency':>11} {'wall s':>7} {'ms a case':>10} {'x bare':>7} {'peak RSS MiB':>13}")
    extra = [a for arg in args.pytest_args for a in arg.split()]
    with FakeServer(answers=lambda request: "答案") as fake:
        for n in args.sizes:
            with tempfile.TemporaryDirectory() as tmp:
                project = Path(tmp)
                (project / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
                (project / "scenarios").mkdir()
                write_cases(project / "scenarios" / "gen.yaml", n)
                (project / "test_scenarios.py").write_text(SUITE_TEST, encoding="utf-8")
                wall, peak, out = run_pytest(
                    project,
                    [
                        "test_scenarios.py",
                        "--llm-base-url",
                        fake.base_url,
                        "--llm-model",
                        "fake",
                        f"--llm-concurrency={args.concurrency}",
                        "--llm-report-dir=out",
                        *extra,
                    ],
                )
            per = 1000 * wall / n
            tail = out.strip().splitlines()[-1] if out.strip() else ""
            print(
                f"{n:>7} {args.concurrency:>11} {wall:>7.1f} {per:>10.2f} {per / plain_ms:>7.1f} {peak:>13.0f}"
                f"   ({tail}; load {load()})",
                flush=True,
            )
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="what", required=True)
    r = sub.add_parser("real", help="the shipped suite on a real vLLM CPU server at several concurrencies")
    r.add_argument("--base-url", help="attach to this server (default: start the embedded model once)")
    r.add_argument("--model", default="gemma-3-270m", help="served model name when attaching")
    r.add_argument("--concurrency", type=int, nargs="+", default=[1, 4, 8])
    r.add_argument("--max-tokens", type=int, default=128, help="the embedded default budget")
    r.add_argument("--repeat-first", action="store_true", help="run the first concurrency twice")
    o = sub.add_parser("overhead", help="cost per case against the instant fake server")
    o.add_argument("--sizes", type=int, nargs="+", default=[200, 2000, 10000])
    o.add_argument("--concurrency", type=int, default=32)
    o.add_argument("--plain", type=int, default=2000, help="bare pytest's trivial tests")
    o.add_argument("--pytest-args", action="append", default=[], help="extra pytest arguments for the llmeval runs")
    args = parser.parse_args()
    return real(args) if args.what == "real" else overhead(args)


if __name__ == "__main__":
    sys.exit(main())
