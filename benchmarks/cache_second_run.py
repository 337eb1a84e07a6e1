"""The answer cache and `rescore` on the shipped suite: what a second run costs, and how fast a re-score is.

Copies the shipped scenarios into a temporary project and runs the suite three times against the project's
fake OpenAI-compatible server in attach mode (`--llm-base-url`; it answers every case at once, so the times
are the plugin's own, not a model's):

1. with `--llm-cache-path` and an empty cache: every case is asked;
2. the same command again: the cache answers; requests sent and servers acquired are counted;
3. `python -m pytest_llmeval rescore last` after a key point edit: wall time, cases re-scored;

and times the embedded model's cache identity cold (weights hashed) and warm (hashes remembered).

Printed: cases, requests sent by each run, launches recorded by the second run, wall times.

    .venv/bin/python benchmarks/cache_second_run.py
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pytest_llmeval.testing.openai_fake import FakeServer  # noqa: E402


def run(cmd: list[str], cwd: Path) -> tuple[float, subprocess.CompletedProcess[str]]:
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    return time.perf_counter() - start, done


def identity_times() -> str:
    """How long the embedded model's identity takes: cold (its weights hashed) and warm (hashes remembered)."""
    from pytest_llmeval.serving.built_models import cache_root
    from pytest_llmeval.serving.cache import AnswerCache
    from pytest_llmeval.serving.identity import model_identity
    from pytest_llmeval.serving.models import parse_model
    from pytest_llmeval.serving.server import ServerSettings

    if not any((cache_root() / "models").glob("*/.complete")):
        return "embedded model not converted yet: identity not timed"
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        cache = AnswerCache(Path(tmp) / "cache.sqlite")
        for _ in range(2):
            start = time.perf_counter()
            identity = model_identity(parse_model("embedded"), ServerSettings(), cache)
            times.append(time.perf_counter() - start)
        cache.close()
    size = sum(f.stat().st_size for f in (cache_root() / "models").glob("*/*.safetensors")) / 2**20
    return (
        f"embedded model identity ({size:.0f} MiB of weights): cold {times[0]:.2f} s, warm {times[1]:.2f} s "
        f"({len(identity['weights']['files'])} files)"
    )


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        shutil.copytree(ROOT / "scenarios", project / "scenarios")
        (project / "pytest.ini").write_text("[pytest]\ntestpaths = scenarios\n", encoding="utf-8")
        cache = project / ".llmeval" / "cache.sqlite"
        with FakeServer(chunks=16) as fake:
            pytest_cmd = [
                sys.executable,
                "-m",
                "pytest",
                "-q",
                "-p",
                "no:cacheprovider",
                "--llm-base-url",
                fake.base_url,
                "--llm-model",
                "fake",
                f"--llm-cache-path={cache}",
                "--llm-warmup=0",
            ]
            first_s, first = run(pytest_cmd, project)
            first_requests = fake.requests
            second_s, second = run(pytest_cmd, project)
            second_requests = fake.requests - first_requests
        doc = json.loads((project / "llmeval-report" / "results.json").read_text(encoding="utf-8"))
        cases = len(doc["cases"])
        cached = sum(1 for c in doc["cases"] if c.get("cached"))
        edited = sorted((project / "scenarios").glob("*.yaml"))[0]
        data = yaml.safe_load(edited.read_text(encoding="utf-8"))
        data["cases"][0]["key_points"] = data["cases"][0]["key_points"][:1]  # a key point edit: keep the first only
        edited.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        rescore_s, rescore = run([sys.executable, "-m", "pytest_llmeval", "rescore", "last", "-o", "rescored"], project)
        summary = next((line for line in rescore.stdout.splitlines() if line.startswith("rescored ")), rescore.stderr)
    print(f"shipped suite: {cases} case records (exit codes {first.returncode}, {second.returncode})")
    print(f"run 1 (empty cache): {first_requests} requests, {first_s:.1f} s")
    print(
        f"run 2 (same command): {second_requests} requests, {len(doc['run']['launches'])} launches, "
        f"{cached}/{cases} answers from the cache, {second_s:.1f} s"
    )
    print(f"rescore after a key point edit: {rescore_s:.1f} s ({summary.strip()[:200]})")
    print(identity_times())
    return 0


if __name__ == "__main__":
    sys.exit(main())
