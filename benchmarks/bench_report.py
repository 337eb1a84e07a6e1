"""report.html at scale: a 1,000-case report's file size and its load time in headless Chromium.

Builds a results document of N synthetic cases (2 models x 2 modes, answers, retrieval chunks, a benchmark),
renders report.html exactly as a run does, and opens it in Chromium over the DevTools protocol: seconds to the
load event (median of several loads), console errors, and the rows after a filter. Goals: < 5 MB, < 2 s.

    .venv/bin/python benchmarks/bench_report.py [--cases 1000] [--loads 5]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pytest_llmeval.results.html import write_html  # noqa: E402
from pytest_llmeval.results.recorder import RunRecorder  # noqa: E402
from pytest_llmeval.testing.browser import Browser  # noqa: E402


def synthetic_cases(n: int) -> list[dict]:
    rng = random.Random(0)
    cases = []
    for i in range(n):
        model, mode = ("a", "b")[i % 2], ("norag", "rag")[(i // 2) % 2]
        score = rng.choice([0.0, 20.0, 40.0, 60.0, 80.0, 100.0])
        record = {
            "model": model,
            "mode": mode,
            "scenario_id": f"case_{i // 4:04d}",
            "sample": 0,
            "suite": "s",
            "category": f"cat_{i % 7}",
            "case_hash": f"h{i // 4}",
            "question": "请分析这家公司的情况。" * 3,
            "score": score,
            "passed": score >= 60,
            "threshold": 60.0,
            "covered": ["要点一"],
            "missing": ["要点二"],
            "echoed": [],
            "forbidden_found": [],
            "points": [{"point": "要点一", "status": "covered", "matched": "要点一"}],
            "answer": "回答：要点一。" + "这是一段较长的回答。" * 20,
            "ttft_s": rng.uniform(0.1, 0.5),
            "e2e_s": rng.uniform(2, 20),
            "prompt_tokens": 300,
            "output_tokens": 200,
            "decode_tok_s": rng.uniform(20, 30),
            "error": None,
            "finished_at": time.time(),
        }
        if mode == "rag":
            record["retrieval"] = {
                "k": 5,
                "hit_at_k": 1.0,
                "expected_docs": ["d1"],
                "chunks": [
                    {"doc_id": f"d{j}", "chunk_id": f"d{j}#0", "score": 0.5, "text": "知识库片段。" * 20}
                    for j in range(5)
                ],
            }
        cases.append(record)
    return cases


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--loads", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        recorder = RunRecorder(Path(tmp), {"models": ["a", "b"]}, save_interval_s=1e9)
        for record in synthetic_cases(args.cases):
            recorder.add_case(record)
        start = time.perf_counter()
        doc = dict(recorder.finish("complete"))
        path = write_html(doc, Path(tmp))
        render_s = time.perf_counter() - start
        size_mb = path.stat().st_size / 1e6
        with Browser() as browser:
            page = browser.open()
            loads = [page.navigate(path) for _ in range(args.loads)]
            shown = page.evaluate("document.getElementById('rowcount').textContent")
            page.evaluate(
                "const s = document.getElementById('filter-model'); s.value = 'a';s.dispatchEvent(new Event('change'))"
            )
            filtered = page.evaluate("document.getElementById('rowcount').textContent")
            errors = page.errors
    print(f"cases {args.cases}: report.html {size_mb:.2f} MB (goal < 5), aggregate + render {render_s:.1f} s")
    print(
        f"load in headless Chromium: median {statistics.median(loads):.2f} s, max {max(loads):.2f} s over "
        f"{len(loads)} loads (goal < 2 s); console errors {len(errors)}"
    )
    print(f"rows: {shown}; after filter model=a: {filtered}")
    return 0 if not errors else 1


if __name__ == "__main__":
    sys.exit(main())
