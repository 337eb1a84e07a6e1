#!/usr/bin/env bash
# README command 2: set up, then run the project's tests (unit, pytester
# acceptance, and integration tests against a real vLLM CPU server), after ruff and mypy.
# Slow tests are deselected; run them with: scripts/run-tests.sh -m slow
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
echo "[tests] ruff (lint + format) and mypy"
.venv/bin/ruff check pytest_llmeval tests benchmarks scenarios
.venv/bin/ruff format --check pytest_llmeval tests benchmarks scenarios
.venv/bin/mypy
exec .venv/bin/python -m pytest tests -p no:cacheprovider -m "not slow and not gpu" -ra "$@"
