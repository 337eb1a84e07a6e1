#!/usr/bin/env bash
# README command 2: set up, then run the project's tests (unit, pytester
# acceptance, and integration tests against a real vLLM CPU server), after ruff and mypy.
# Slow tests are deselected; run them with: scripts/run-tests.sh -m slow
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# The report's browser test needs Chromium (Debian's package); install it where we can, else it skips.
if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "[tests] installing chromium for the report.html browser test"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-zenhei; } \
    >/tmp/llmeval-apt.log 2>&1 || echo "[tests] chromium could not be installed (see /tmp/llmeval-apt.log): the browser test will skip"
fi
echo "[tests] ruff (lint + format) and mypy"
.venv/bin/ruff check pytest_llmeval tests benchmarks scenarios suites
.venv/bin/ruff format --check pytest_llmeval tests benchmarks scenarios suites
.venv/bin/mypy
# Two workers: every test that starts or uses a real vLLM server runs on one of them, in order (group "vllm",
# tests/conftest.py), everything else on the other meanwhile.
exec .venv/bin/python -m pytest tests -p no:cacheprovider -m "not slow and not gpu" -n 2 --dist loadgroup \
  -ra --durations=15 "$@"
