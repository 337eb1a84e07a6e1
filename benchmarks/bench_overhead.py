"""The plugin's own cost: per-case overhead, peak memory and import time.

Real pytest runs of N generated cases (default 100, 1,000, 10,000) against the project's instant
fake OpenAI-compatible server in attach mode (`--llm-base-url`), each in a fresh subprocess. The
per-case overhead of the plugin is

    (wall time of the llmeval run - wall time of a plain pytest run of N trivial parametrised tests) / N

so pytest's own per-test cost is not charged to the plugin; "marginal" is the same difference between two
sizes divided by the extra cases, i.e. the cost of one more case without the run's fixed start-up (server
attach, imports) and end (intervals, report.html with charts). Every case passes (the fake server answers
with the key point), so no failure report is formatted - a plain passing test is the baseline.
Also printed: the per-case wall time of the llmeval run alone, the peak RSS of the pytest process
(ru_maxrss of the child), and the plugin's import cost at every pytest start (`python -X importtime`,
cumulative time of `pytest_llmeval.plugin`
after pytest itself is imported; the minimum of several runs, as other work on the machine only adds).

    .venv/bin/python benchmarks/bench_overhead.py [--sizes 100 1000 10000] [--import-runs 7]
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pytest_llmeval.testing.openai_fake import FakeServer  # noqa: E402

SUITE_TEST = (ROOT / "scenarios" / "test_scenarios.py").read_text(encoding="utf-8")
PLAIN_TEST = """
import pytest

@pytest.mark.parametrize("i", range({n}))
def test_plain(i):
    assert i >= 0
"""


def write_cases(path: Path, n: int) -> None:
    lines = ["suite: generated", "cases:"]
    for i in range(n):
        lines += [
            f"  - id: case_{i:05d}",
            "    category: gen",
            f"    question: 请回答第{i}个问题。",
            "    key_points: [答案]",
            "    max_tokens: 4",
        ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def run_pytest(project: Path, args: list[str]) -> tuple[float, float, str]:
    """Wall seconds, peak RSS MiB of the child, and output of one pytest run in a fresh process."""
    # bytecode caches allowed, as on most machines: pytest then keeps the assertion-rewritten modules of every
    # pytest11 plugin (hypothesis, anyio, xdist, this one) instead of rewriting them at each start - with
    # PYTHONDONTWRITEBYTECODE=1 (set on this project's machines) that alone cost ~0.4-0.7 s a run, bare pytest
    # included, as hypothesis' plugin imports hypothesis at the terminal summary
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )
    wall = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if proc.returncode not in (0, 1):  # 1 = some cases failed (expected: the answers are filler)
        raise RuntimeError(f"pytest exited {proc.returncode}:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    return wall, max(peak, before) / 1024, proc.stdout


def import_cost_ms(runs: int) -> float:
    costs = []
    for _ in range(runs):
        proc = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", "import pytest; import pytest_llmeval.plugin"],
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        match = re.search(r"\|\s*(\d+)\s*\|\s*pytest_llmeval\.plugin\s*$", proc.stderr, re.M)
        if match:
            costs.append(int(match.group(1)) / 1000)
    return min(costs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--import-runs", type=int, default=7)
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}; python {sys.version.split()[0]}")
    print(f"plugin import cost (min of {args.import_runs}): {import_cost_ms(args.import_runs):.1f} ms (goal <= 50)")
    print(
        f"{'cases':>7} {'llmeval s':>10} {'plain s':>8} {'per case ms':>12} {'overhead ms/case':>17} "
        f"{'marginal ms/case':>17} {'peak RSS MiB':>13}"
    )
    previous: tuple[int, float, float] | None = None
    with FakeServer(answers=lambda request: "答案") as fake:  # every case passes: no failure reports to format
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
                        "--llm-report-dir=out",
                    ],
                )
                tail = out.strip().splitlines()[-1] if out.strip() else ""
                plain_dir = project / "plain"
                plain_dir.mkdir()
                (plain_dir / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
                (plain_dir / "test_plain.py").write_text(PLAIN_TEST.format(n=n), encoding="utf-8")
                plain, _, _ = run_pytest(plain_dir, ["test_plain.py", "-p", "no:llmeval"])
                marginal = "-"
                if previous is not None:  # one more case, without the run's fixed start-up and end
                    pn, pw, pp = previous
                    marginal = f"{1000 * ((wall - pw) - (plain - pp)) / (n - pn):.2f}"
                previous = (n, wall, plain)
                print(
                    f"{n:>7} {wall:>10.1f} {plain:>8.1f} {1000 * wall / n:>12.2f} "
                    f"{1000 * (wall - plain) / n:>17.2f} {marginal:>17} {peak:>13.0f}   ({tail})",
                    flush=True,
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
