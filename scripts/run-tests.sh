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
# mypy's cache beside the embedded model's and vLLM's (a fresh clone's own .mypy_cache costs ~45 s on 2 cores; mypy
# checks each cached file against the source's hash, so a clone of another commit rechecks what changed)
.venv/bin/mypy --cache-dir "${XDG_CACHE_HOME:-$HOME/.cache}/pytest-llmeval/mypy"
# Three workers (on 2 cores: the real-server tests wait on their servers much of the time): the real-server
# tests, in three groups of about equal time, start first, one group per worker; the other tests follow on
# whichever worker is free (tests/conftest.py, "parallel test run"). --max-worker-restart 0: under loadgroup
# pytest-xdist 3.8 hangs for good when it replaces a crashed worker (reproduced with every plugin but xdist off);
# without a restart the crash is one failed test and the other workers run the rest.
# Python's bytecode cache on, where the machine turned it off (PYTHONDONTWRITEBYTECODE=1 on this project's machines):
# pytest rewrites the asserts of every test module and of the plugin's own ~200 modules (an entry-point plugin) in
# each process that imports them, and without the cache every xdist worker and every child pytest or command a test
# starts parsed, rewrote and compiled them again: ~0.8 s of CPU a child process (a tiny child run:
# 3.6-4.1 -> 2.9-3.1 user CPU-s, n = 2 each). The caches are the clone's __pycache__ folders (git ignores them).
unset PYTHONDONTWRITEBYTECODE
exec .venv/bin/python -m pytest tests -p no:cacheprovider -m "not slow and not gpu" -n 3 --dist loadgroup \
  --max-worker-restart 0 -ra --durations=15 "$@"
