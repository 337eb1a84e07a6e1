#!/usr/bin/env bash
# The nightly regression job (docs/nightly.md): run the suite, compare with the accepted baseline, fail on a
# significant regression past the gate. Extra arguments go to pytest (models, --rag, --llm-bench, ...).
#
#   scripts/nightly.sh --llm-model 8b=/models/Qwen3-8B --rag          # run + gate
#   python -m pytest_llmeval accept last                              # accept tonight's run as the baseline
#
# Environment: PYTHON (default .venv/bin/python if present, else python3), LLMEVAL_BASELINE
# (.llmeval/baseline.json), LLMEVAL_GATE (score:5,pass_rate:10), LLMEVAL_REPORT_DIR (llmeval-report).
set -uo pipefail
PYTHON=${PYTHON:-$( [ -x .venv/bin/python ] && echo .venv/bin/python || echo python3 )}
BASELINE=${LLMEVAL_BASELINE:-.llmeval/baseline.json}
GATE=${LLMEVAL_GATE:-score:5,pass_rate:10}
REPORT_DIR=${LLMEVAL_REPORT_DIR:-llmeval-report}

"$PYTHON" -m pytest "--llm-report-dir=$REPORT_DIR" --llm-save nightly "$@"
status=$?
# 1 = some cases failed, which a weak model does every night: the gate below decides. Anything else
# (interrupted, internal error, usage error, no tests) fails the job now.
if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then
  echo "[nightly] pytest exited $status: the run did not complete" >&2
  exit "$status"
fi
if [ ! -f "$BASELINE" ]; then
  echo "[nightly] no baseline at $BASELINE yet; accept this run with: $PYTHON -m pytest_llmeval accept last"
  exit 0
fi
"$PYTHON" -m pytest_llmeval compare "$BASELINE" "$REPORT_DIR/results.json" --fail "$GATE" \
  --markdown "$REPORT_DIR/comparison.md"
