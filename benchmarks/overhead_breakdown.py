"""Where the plugin's CPU goes per case: the CPU seconds (`time.thread_time()`, added up in every thread) of the
plugin's parts in one pytest run of N generated cases against the instant fake server, as `concurrency.py
overhead` runs them - the asking and scoring on the in-flight threads (`evaluate_case`: the HTTP request and its
streamed answer in `ChatClient.complete`, the keyword scorer `score_answer`), the result fixture in the test's thread
(`LLMEvalSession.evaluate`: the record and its case hash), the report hook, collection and the run's end.

The parts are timed by a plugin (`-p llmeval_cpu_parts`, written into the generated project) that wraps each function
before pytest-llmeval's session is built; it adds a few microseconds per call, so its totals are upper bounds.

    .venv/bin/python benchmarks/overhead_breakdown.py [--cases 2000] [--concurrency 32]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_overhead import SUITE_TEST, write_cases  # noqa: E402

from pytest_llmeval.testing.openai_fake import FakeServer  # noqa: E402

# (module, owner inside it or "", function, the label printed)
PARTS = (
    ("pytest_llmeval.evaluation.evaluate", "", "evaluate_case", "evaluate_case (asked and scored, any thread)"),
    ("pytest_llmeval.serving.client", "ChatClient", "complete", "- the HTTP request and its streamed answer"),
    ("pytest_llmeval.evaluation.scoring", "", "score_answer", "- the keyword scorer"),
    ("pytest_llmeval.session", "LLMEvalSession", "evaluate", "the result fixture's LLMEvalSession.evaluate"),
    ("pytest_llmeval.evaluation.evaluate", "CaseResult", "record", "- the case's record"),
    ("pytest_llmeval.session", "LLMEvalSession", "pytest_runtest_logreport", "pytest_runtest_logreport"),
    ("pytest_llmeval.plugin", "", "pytest_generate_tests", "pytest_generate_tests (scenario files read)"),
    ("pytest_llmeval.session_finish", "RunEnd", "_finish", "the run's end (results.json, reports)"),
)

PLUGIN = """
import functools, importlib, json, threading, time
PARTS = {parts!r}
TOTALS, CALLS = {{}}, {{}}
LOCK = threading.Lock()

def _wrap(owner, name, label):
    original = getattr(owner, name)
    @functools.wraps(original)
    def timed(*args, **kwargs):
        started = time.thread_time()
        try:
            return original(*args, **kwargs)
        finally:
            spent = time.thread_time() - started
            with LOCK:
                TOTALS[label] = TOTALS.get(label, 0.0) + spent
                CALLS[label] = CALLS.get(label, 0) + 1
    setattr(owner, name, timed)

for module, owner, name, label in PARTS:
    found = importlib.import_module(module)
    _wrap(getattr(found, owner) if owner else found, name, label)

def pytest_unconfigure(config):
    with open("cpu_parts.json", "w") as handle:
        json.dump({{"process": time.process_time(), "totals": TOTALS, "calls": CALLS}}, handle)
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=32)
    args = parser.parse_args()
    if args.cases < 1 or args.concurrency < 1:
        parser.error(f"--cases and --concurrency must be at least 1, not {args.cases} and {args.concurrency}")
    with FakeServer(answers=lambda request: "答案") as fake, tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        (project / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
        (project / "scenarios").mkdir()
        write_cases(project / "scenarios" / "gen.yaml", args.cases)
        (project / "test_scenarios.py").write_text(SUITE_TEST, encoding="utf-8")
        (project / "llmeval_cpu_parts.py").write_text(PLUGIN.format(parts=PARTS), encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "llmeval_cpu_parts"]
        command += ["test_scenarios.py", "--llm-base-url", fake.base_url, "--llm-model", "fake"]
        command += [f"--llm-concurrency={args.concurrency}", "--llm-report-dir=out"]
        done = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)
        if done.returncode != 0:
            print(done.stdout[-2000:], done.stderr[-2000:], file=sys.stderr)
            return 1
        measured = json.loads((project / "cpu_parts.json").read_text(encoding="utf-8"))
    n = args.cases
    print(f"{n} cases, --llm-concurrency={args.concurrency}, instant fake server; the pytest process used")
    print(f"{measured['process']:.2f} s of CPU (n = 1 run; the parts' totals include the timing's own few us a call)")
    print(f"{'part':<48} {'CPU s':>7} {'calls':>7} {'ms a call':>10} {'ms a case':>10}")
    for _, _, _, label in PARTS:
        total, calls = measured["totals"].get(label, 0.0), measured["calls"].get(label, 0)
        per_call = 1000 * total / calls if calls else 0.0
        print(f"{label:<48} {total:>7.2f} {calls:>7} {per_call:>10.3f} {1000 * total / n:>10.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
