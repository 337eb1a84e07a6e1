"""benchmarks/overhead_breakdown.py (docs/benchmarks.md, "where the plugin's CPU goes"): the script times every part it
names in a real pytest run of generated cases against the fake server - each part called as often as the run implies
(a case asked and scored once, three reports a test, one collection, one end), so a renamed function fails here
instead of printing zeros."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_part_is_timed_as_often_as_the_run_calls_it() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "overhead_breakdown.py"), "--cases", "30", "--concurrency", "4"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    calls = {
        m.group(1).strip(): int(m.group(2))
        for m in re.finditer(r"^(.+?)\s+[0-9.]+\s+([0-9]+)\s+[0-9.]+\s+[0-9.]+$", done.stdout, re.MULTILINE)
    }
    assert calls["evaluate_case (asked and scored, any thread)"] == 30
    assert calls["- the keyword scorer"] == 30
    assert calls["- the HTTP request and its streamed answer"] >= 30  # and the server's warm-up request
    assert calls["the result fixture's LLMEvalSession.evaluate"] == 30
    assert calls["- the case's record"] == 30
    assert calls["pytest_runtest_logreport"] == 90
    assert calls["pytest_generate_tests (scenario files read)"] == 1
    assert calls["the run's end (results.json, reports)"] == 1
    assert re.search(r"the pytest process used\n[0-9.]+ s of CPU", done.stdout)
