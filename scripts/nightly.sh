#!/usr/bin/env bash
# The nightly regression job (docs/nightly.md): run the suite, compare with the accepted baseline, fail when
# the model got worse past the gate or when the run is broken. Extra arguments go to pytest (models, --rag,
# --llm-bench, ...).
#
#   scripts/nightly.sh --llm-model 8b=/models/Qwen3-8B --rag          # run + gate
#   python -m pytest_llmeval accept last                              # accept tonight's run as the baseline
#
# Exit codes: 0 the gate passed; 6 regression (a gate rule failed); 7 the run is broken or incomplete
# (errors, interrupted, baseline cases or models missing, nothing comparable, no results written for this run);
# 8 a speed rule could not be checked (no comparable timing: another load or settings, answers from the cache);
# 2-5 pytest could not run the suite (interrupted, internal error, usage error, no tests).
#
# Environment: PYTHON (default .venv/bin/python if present, else python3), LLMEVAL_BASELINE
# (.llmeval/baseline.json), LLMEVAL_GATE (score:5,pass_rate:10), LLMEVAL_REPORT_DIR (llmeval-report),
# LLMEVAL_COMPARE_ARGS (extra arguments for the compare command, e.g. "--pair qwen-bf16=qwen-fp8").
set -uo pipefail
PYTHON=${PYTHON:-$( [ -x .venv/bin/python ] && echo .venv/bin/python || echo python3 )}
BASELINE=${LLMEVAL_BASELINE:-.llmeval/baseline.json}
GATE=${LLMEVAL_GATE:-score:5,pass_rate:10}
REPORT_DIR=${LLMEVAL_REPORT_DIR:-llmeval-report}
read -r -a COMPARE_ARGS <<< "${LLMEVAL_COMPARE_ARGS:-}"
# a --llm-report-dir among the pytest arguments wins over ours (pytest takes the last one): compare that run, not
# a stale one in the default folder; likewise a --llm-runs-dir for the accept hint
RUNS_DIR=""
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  case "${args[i]}" in
    --llm-report-dir=*) REPORT_DIR="${args[i]#--llm-report-dir=}" ;;
    --llm-report-dir) REPORT_DIR="${args[i + 1]:-$REPORT_DIR}" ;;
    --llm-runs-dir=*) RUNS_DIR="${args[i]#--llm-runs-dir=}" ;;
    --llm-runs-dir) RUNS_DIR="${args[i + 1]:-}" ;;
  esac
done
ACCEPT="$PYTHON -m pytest_llmeval accept last${RUNS_DIR:+ --runs-dir $RUNS_DIR}"

# a results.json older than this run is last night's (or the baseline itself, just accepted): pytest may exit 1
# without writing one - a failing test under -x before the first case, a scenario file it could not read under
# --continue-on-collection-errors - and that file must not be gated as tonight's run
started=$(mktemp "${TMPDIR:-/tmp}/llmeval-nightly.XXXXXX")
trap 'rm -f "$started"' EXIT
"$PYTHON" -m pytest "--llm-report-dir=$REPORT_DIR" --llm-save nightly "$@"
status=$?
# 1 = some cases failed, which a weak model does every night, and 6 or 8 = a gate configured in the ini file
# failed or could not check a rule: the comparison below decides. 7 = the run broke; 2-5 = pytest could not run the
# suite.
if [ "$status" -ne 0 ] && [ "$status" -ne 1 ] && [ "$status" -ne 6 ] && [ "$status" -ne 8 ]; then
  echo "[nightly] pytest exited $status: the run did not complete" >&2
  exit "$status"
fi
if [ ! "$REPORT_DIR/results.json" -nt "$started" ]; then
  echo "[nightly] pytest exited $status and wrote no results for this run ($REPORT_DIR/results.json is missing or" \
    "older than the run: no LLM case was asked - a test failed under -x first, or the suite could not be" \
    "collected); the run is broken" >&2
  exit 7
fi
if [ ! -f "$BASELINE" ]; then
  echo "[nightly] no baseline at $BASELINE yet; accept this run with: $ACCEPT"
  exit 0
fi
"$PYTHON" -m pytest_llmeval compare "$BASELINE" "$REPORT_DIR/results.json" --fail "$GATE" \
  --markdown "$REPORT_DIR/comparison.md" ${COMPARE_ARGS[@]+"${COMPARE_ARGS[@]}"}
