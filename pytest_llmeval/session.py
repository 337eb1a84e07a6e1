"""The run's state, registered as a pytest plugin: settings, cases, servers, evaluations, results.

Per-case results travel from the test to this object through `report.user_properties` (key
`llmeval_result`), so they arrive the same way in a serial run and, with pytest-xdist, on the
controller. Each (model, mode, case, sample) is evaluated once per process and recorded once,
however many tests ask for it.
"""

from __future__ import annotations

import atexit
import contextlib
import dataclasses
import logging
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from . import __version__
from .config import Settings
from .serving.pool import ServerPool
from .serving.server import redact
from .xdist import CONTROLLER_PID_KEY, STATE_KEY, WorkerEndpoints, XdistController

if TYPE_CHECKING:  # imported where used: a pytest run that never evaluates a case does not pay for them
    from .evaluation.evaluate import CaseResult, Scorer
    from .evaluation.judge import Judge
    from .evaluation.scenarios import Case
    from .rag import HybridRetriever
    from .results.recorder import RunRecorder
    from .serving.client import ChatClient

RESULT_PROPERTY = "llmeval_result"
BENCH_PROPERTY = "llmeval_bench"
CASE_JUNIT_FIELDS = (
    "model",
    "mode",
    "sample",
    "score",
    "threshold",
    "passed",
    "ttft_s",
    "e2e_s",
    "decode_tok_s",
    "output_tokens",
)
BENCH_JUNIT_FIELDS = ("completed", "failed", "request_throughput", "output_throughput", "mean_ttft_ms", "p95_e2el_ms")


def junit_properties(record: dict[str, Any], fields: tuple[str, ...]) -> list[tuple[str, object]]:
    """A few named properties of a record for --junitxml; the error's type and message when it has one."""
    props: list[tuple[str, object]] = [(f"llmeval_{f}", record[f]) for f in fields if record.get(f) is not None]
    error = record.get("error")
    if error:
        props.append(("llmeval_error", f"{error.get('type')}: {str(error.get('message'))[:200]}"))
    return props


log = logging.getLogger("pytest_llmeval")
DEATH_WAIT_S = 2.0  # after a failed request: how long to wait for a launched server's death to show


class LLMEvalSession:
    def __init__(self, config: pytest.Config, settings: Settings) -> None:
        self.config = config
        self.settings = settings
        self._cases: list[Case] | None = None
        self._retriever: HybridRetriever | None = None
        self._judge: Judge | None = None
        self._evaluations: dict[tuple[str, str, str, int], CaseResult] = {}
        self.started_at = time.strftime("%Y-%m-%dT%H:%M:%S%z")
        self.recorder: RunRecorder | None = None
        self.final_doc: dict[str, Any] | None = None
        self.saved_path: Path | None = None
        self.resume_summary: dict[str, Any] | None = None
        self._reusable: dict[tuple[str, str, str, int], dict[str, Any]] | None = None
        self.compare_error: str | None = None
        self._pytest_session: pytest.Session | None = None
        self._stopping = False
        workerinput = getattr(config, "workerinput", None)
        self.is_worker = workerinput is not None
        self.pool: ServerPool | WorkerEndpoints
        if workerinput is not None:
            self.pool = WorkerEndpoints(Path(workerinput[STATE_KEY]), workerinput.get(CONTROLLER_PID_KEY))
        else:
            self._check_baseline()
            if settings.resume:
                from .results.resume import prepare_resume

                self.resume_summary = prepare_resume(settings.report_dir, settings.describe())
                self.progress(
                    f"resume: {self.resume_summary['reusable']} finished case(s) can be reused"
                    + (f" ({self.resume_summary['note']})" if self.resume_summary.get("note") else "")
                )
            self.pool = ServerPool(
                settings.server, settings.report_dir / "logs", self._on_launch, self.progress, self._on_release
            )
            atexit.register(self.pool.release_all)
            if config.pluginmanager.hasplugin("xdist"):
                config.pluginmanager.register(
                    XdistController(
                        self.pool,
                        settings.models,
                        settings.report_dir,
                        policy=settings.servers,
                        dist=str(config.getoption("dist", "no")),
                        progress=self.progress,
                    ),
                    "llmeval-xdist-controller",
                )

    def _check_baseline(self) -> None:
        """--llm-compare names a run that must exist: fail now, not after the run."""
        runs = self.settings.runs
        if not runs.baseline:
            return
        from .results.recorder import ResultsFileError, load_results
        from .results.runs import RunNotFound, resolve_run

        try:
            load_results(resolve_run(runs.baseline, runs.runs_dir))
        except (RunNotFound, ResultsFileError) as exc:
            raise pytest.UsageError(f"--llm-compare: {exc}") from None

    # -- plain helpers -----------------------------------------------------
    def progress(self, message: str) -> None:
        """Print a line now, even while pytest captures output."""
        log.info(message)
        reporter = self.config.pluginmanager.getplugin("terminalreporter")
        capman = self.config.pluginmanager.getplugin("capturemanager")
        if reporter is None:
            return
        with capman.global_and_fixture_disabled() if capman is not None else contextlib.nullcontext():
            reporter.write_line(f"[llmeval] {message}")

    def cases(self) -> list[Case]:
        """The scenario files' cases, then every --llm-dataset's rows (the first --llm-limit of each)."""
        if self._cases is None:
            from .evaluation.scenarios import load_scenarios

            cases = load_scenarios(self.settings.scenario_paths) if self.settings.scenario_paths else []
            for spec in self.settings.datasets:
                from .vision.datasets import load_dataset

                cases += load_dataset(spec, self.settings.limit)
            self._cases = cases
        return self._cases

    def retriever(self) -> HybridRetriever:
        """Build (or load from the on-disk cache) the run's hybrid retriever, once per process."""
        if self._retriever is None:
            from .rag import HybridRetriever
            from .serving.embedded import cache_root

            rag = self.settings.rag
            config = (
                rag if rag.cache_dir is not None else dataclasses.replace(rag, cache_dir=cache_root() / "rag-index")
            )
            self.progress(f"RAG: loading the index of {[str(p) for p in rag.knowledge]} ({rag.embedder})")
            self._retriever = HybridRetriever(config)
            info = self._retriever.build_info
            self.progress(
                f"RAG: {info.n_chunks} chunks from {info.n_documents} documents, "
                f"{'loaded from cache' if info.from_cache else 'built'} in {info.seconds:.1f} s"
            )
        return self._retriever

    def scorer(self, model: str, mode: str) -> Scorer:
        """The default scorer, unless a `pytest_llmeval_score` hook implementation returns a Score."""
        from .evaluation.evaluate import default_scorer

        hook = self.config.hook.pytest_llmeval_score

        def score(case: Case, answer: str, sources: Any) -> Any:
            custom = hook(case=case, answer=answer, sources=sources, mode=mode, model=model)
            return custom if custom is not None else default_scorer(case, answer, sources)

        return score

    def evaluate(
        self,
        client: ChatClient,
        model: str,
        case: Case,
        mode: str,
        sample: int = 0,
        on_new: Callable[[CaseResult], None] | None = None,
    ) -> CaseResult:
        """Ask and score (model, mode, case, sample) once per process; later calls get the same result."""
        from .evaluation.evaluate import CaseResult, evaluate_case

        key = (model, mode, case.id, sample)
        result = self._evaluations.get(key)
        if result is None and self.pool.dead(model):
            result = CaseResult(model, case, mode, None, None, sample, self._server_died(model))
            self._evaluations[key] = result
            if on_new is not None:
                on_new(result)
        if result is None:
            settings = self.settings
            retriever = self.retriever() if mode == "rag" else None
            result = evaluate_case(
                client,
                model,
                case,
                settings.max_tokens,
                settings.temperature,
                retriever=retriever,
                template=settings.rag.template,
                sample=sample,
                scorer=self.scorer(model, mode),
            )
            # a cut connection (not an HTTP answer) may be a server that is dying: give its death a moment to show
            cut = result.error is not None and result.error.get("type") in ("connection", "stream")
            if result.error is not None and self.pool.dead(model, wait_s=DEATH_WAIT_S if cut else 0.0):
                result.error = self._server_died(model)  # the request failed because the server died
            self._apply_judge(result)
            self._evaluations[key] = result
            if on_new is not None:
                on_new(result)
        return result

    def _server_died(self, model: str) -> dict[str, Any]:
        """The error of every case asked after a model's server died; the run is marked degraded once."""
        code = self.pool.exit_code(model)
        if code is not None:
            self._mark_degraded(model, code)
        how = f"exited with code {code}" if code is not None else "is no longer running"
        return {
            "type": "server_died",
            "status": None,
            "log_tail": self.pool.log_tail(model),
            "message": f"the vLLM server of {model} {how}; see the log tail",
        }

    def _mark_degraded(self, model: str, code: int) -> None:
        degraded = self.ensure_recorder().run.setdefault("degraded", [])
        if not any(d.get("model") == model for d in degraded):
            degraded.append({"model": model, "exit_code": code})
            self.progress(f"the vLLM server of {model} died (exit code {code}); its remaining cases error at once")

    def judge(self) -> Judge | None:
        """The LLM judge of --llm-judge (one client per process), or None."""
        spec = self.settings.judge.spec
        if spec and self._judge is None:
            from .evaluation.judge import Judge

            self._judge = Judge.from_spec(
                spec, self.settings.judge.api_key_env, timeout_s=self.settings.request_timeout_s
            )
        return self._judge

    def _apply_judge(self, result: CaseResult) -> None:
        """Grade the answer with the judge when one is set; make it the assertion when asked."""
        case = result.case
        if self.settings.judge.assertion or case.assert_with == "judge":
            result.assert_with = "judge"
        judge = self.judge()
        if result.error is not None or result.score is None:
            return
        if judge is None:
            if result.assert_with == "judge":
                result.error = {
                    "type": "config",
                    "status": None,
                    "message": f"case {case.id} is asserted by the judge but no judge is set. "
                    "Fix: pass --llm-judge URL@MODEL",
                }
            return
        verdict = judge.grade(case, result.score.answer)
        result.extra["judge"] = verdict.record(judge.model, case.threshold)

    def server_pid(self, label: str) -> int | None:
        """The pid of the server this process launched for a model (None when attached or on a worker)."""
        return self.pool.pid(label)

    def server_model_path(self, label: str) -> str | None:
        """The local model directory the server this process launched serves; None when attached or on a worker."""
        return self.pool.model_path(label)

    def run_info(self) -> dict[str, Any]:
        from .serving.hardware import git_commit, hardware_info

        settings = self.settings
        described = settings.describe()
        extra: dict[str, Any] = {}
        self.config.hook.pytest_llmeval_run_info(info=extra)
        return {
            "started_at": self.started_at,
            "plugin": "pytest-llmeval-vllm",
            "plugin_version": __version__,
            "git_commit": git_commit(Path(self.config.rootpath)),
            "hardware": hardware_info(),
            "models": [m.label for m in settings.models],
            "model_sources": {m.label: m.source for m in settings.models},
            "server_args": redact(settings.server.cli_args()),
            "settings": described,
            "rag": described["rag"],
            "invocation": _redacted_invocation(list(self.config.invocation_params.args)),
            "launches": [],
            **({"extra": extra} if extra else {}),
        }

    def ensure_recorder(self) -> RunRecorder:
        if self.recorder is None:
            from .results.recorder import RunRecorder

            info = self.run_info()
            if self.resume_summary is not None:
                info["resumed"] = self.resume_summary
            self.recorder = RunRecorder(self.settings.report_dir, info)
        return self.recorder

    def reused_record(self, model: str, mode: str, case: Case, sample: int) -> dict[str, Any] | None:
        """With --llm-resume: the previous run's record of this evaluation, if the case is unchanged."""
        if not self.settings.resume:
            return None
        if self._reusable is None:
            from .results.resume import load_reusable

            self._reusable = load_reusable(self.settings.report_dir)
        record = self._reusable.get((model, mode, case.id, sample))
        if record is None or record.get("case_hash") != case.content_hash:
            return None
        return {**record, "reused": True}

    @contextlib.contextmanager
    def _recording(self) -> Iterator[None]:
        """Recording that cannot write (a full disk) stops the run with the recorder's message; what was
        written stays as it was (cases.jsonl cut back to its last complete line, results.json as last saved)."""
        from .results.recorder import RecordingError

        try:
            yield
        except RecordingError:
            pass
        error = self.recorder.write_error if self.recorder is not None else None
        if error is not None and not self._stopping:
            self._stopping = True
            self.progress(f"stopping the run: {error}")
            if self._pytest_session is not None:
                self._pytest_session.shouldstop = f"llmeval: {error}"
            dsession = self.config.pluginmanager.getplugin("dsession")  # pytest-xdist's controller loop
            if dsession is not None:
                dsession.shouldstop = f"llmeval: {error}"

    def _on_launch(self, launch: dict[str, Any], endpoint: Any = None) -> None:
        with self._recording():
            self.ensure_recorder().add_launch(launch)
        self.config.hook.pytest_llmeval_server_launched(model=launch.get("model"), launch=launch, endpoint=endpoint)

    def _on_release(self, label: str, info: dict[str, Any]) -> None:
        recorder = self.ensure_recorder()
        recorder.update_launch(label, stopped_at=info["stopped_at"])
        if info.get("died_with") is not None:  # under xdist the workers saw refused connections; the controller
            self._mark_degraded(label, info["died_with"])  # owns the process and knows its exit code
        with self._recording():
            if info.get("memory") is not None:
                recorder.add_memory(label, info["memory"])
            else:
                recorder.save(force=True)

    # -- hooks -------------------------------------------------------------
    @pytest.hookimpl(tryfirst=True)  # before junitxml reads the properties (from the teardown report)
    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if self.is_worker:  # the controller records (and rewrites) what workers report
            return
        record = report.when == "call" or (report.when == "setup" and report.outcome != "passed")
        kept: list[tuple[str, object]] = []
        for key, value in report.user_properties:
            if key == RESULT_PROPERTY:
                if record:
                    with self._recording():
                        self.ensure_recorder().add_case(value)  # type: ignore[arg-type]
                kept += junit_properties(value, CASE_JUNIT_FIELDS)  # type: ignore[arg-type]
            elif key == BENCH_PROPERTY:
                if record:
                    with self._recording():
                        self.ensure_recorder().add_benchmark(value)  # type: ignore[arg-type]
                kept += junit_properties(value.get("summary", {}), BENCH_JUNIT_FIELDS)  # type: ignore[attr-defined]
            else:
                kept.append((key, value))
        # CI dashboards (GitLab, Jenkins, GitHub) read JUnit properties: named scalars, not a whole record
        report.user_properties = kept

    def pytest_collection_modifyitems(self, config: pytest.Config, items: list[pytest.Item]) -> None:
        """Without --llm-bench, throughput benchmarks (marker llm_bench) are deselected."""
        if self.settings.bench_enabled:
            return
        deselected = [item for item in items if item.get_closest_marker("llm_bench")]
        if deselected:
            config.hook.pytest_deselected(items=deselected)
            items[:] = [item for item in items if not item.get_closest_marker("llm_bench")]

    def pytest_sessionstart(self, session: pytest.Session) -> None:
        self._pytest_session = session

    def pytest_sessionfinish(self, session: pytest.Session, exitstatus: int) -> None:
        self.pool.release_all()
        if self.recorder is None:
            return
        recorder = self.recorder
        errors = [c for c in recorder.cases.values() if c.get("error")]
        if exitstatus == pytest.ExitCode.INTERRUPTED:
            status = "interrupted"
        elif errors or recorder.run.get("degraded"):
            status = "degraded"
        else:
            status = "complete"
        recorder.comparison = self._compare_with_baseline(recorder)
        recorder.extras = self._extras(recorder)
        from .results.recorder import RecordingError

        try:
            self.final_doc = dict(recorder.finish(status))
            from .results.html import write_html
            from .results.render import write_markdown

            write_markdown(self.final_doc, self.settings.report_dir)
            write_html(self.final_doc, self.settings.report_dir)
        except OSError as exc:  # a full disk: say what is kept; the terminal summary still shows the results
            if recorder.write_error is None:
                recorder.write_error = RecordingError(f"cannot write the reports in {self.settings.report_dir}: {exc}")
            self.final_doc = self.final_doc or dict(recorder.document(intervals=False))
            if session.exitstatus in (pytest.ExitCode.OK, pytest.ExitCode.TESTS_FAILED):
                session.exitstatus = pytest.ExitCode.INTERRUPTED
            return
        self._save_run(self.final_doc)
        comparison = self.final_doc.get("comparison") or {}
        if comparison.get("exit_code") and session.exitstatus == pytest.ExitCode.OK:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED  # the regression gate failed

    def _compare_with_baseline(self, recorder: RunRecorder) -> dict[str, Any] | None:
        """The comparison with --llm-compare's baseline (None without one); gate rules from --llm-compare-fail."""
        runs = self.settings.runs
        if not runs.baseline:
            return None
        from .compare import compare_runs, parse_fail_expressions
        from .results.recorder import ResultsFileError, load_results
        from .results.runs import RunNotFound, resolve_run

        try:
            path = resolve_run(runs.baseline, runs.runs_dir)
            base = load_results(path)
        except (RunNotFound, ResultsFileError) as exc:
            self.compare_error = str(exc)
            return {
                "error": str(exc),
                "exit_code": 2,
                "summary": f"no comparison: {exc}",
                "groups": [],
                "rules": [],
                "regressions": [],
                "mismatches": {},
                "base": {},
                "new": {},
            }
        new = dict(recorder.document(intervals=False))
        return compare_runs(base, new, parse_fail_expressions(runs.fail), base_name=str(path))

    def _extras(self, recorder: RunRecorder) -> dict[str, Any]:
        """Cost (with --llm-prices) and the sizing estimate of every launched model, for the reports."""
        extras: dict[str, Any] = {}
        doc = dict(recorder.document(intervals=False))
        if self.settings.prices is not None:
            from .cost import cost_rows, load_prices

            prices = load_prices(self.settings.prices)
            extras["cost"] = {"prices": prices.source, "rows": cost_rows(doc, prices)}
        from .sizing.report import sizing_rows

        rows = sizing_rows(doc, self.settings.server)
        if rows:
            extras["sizing"] = rows
        return extras

    def _save_run(self, doc: dict[str, Any]) -> None:
        from .results.runs import save_run

        runs = self.settings.runs
        name = runs.save_name or "-".join(m.label for m in self.settings.models)
        try:
            path = save_run(doc, runs.runs_dir, name)
        except OSError as exc:
            self.progress(f"could not save the run under {runs.runs_dir}: {exc}")
            return
        self.saved_path = path

    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        if self.recorder is None:
            return
        from .results.render import render_terminal

        doc = self.final_doc or dict(self.recorder.document())
        terminalreporter.write_sep("=", "llmeval results")
        terminalreporter.write_line(render_terminal(doc))
        if self.recorder.write_error is not None:
            terminalreporter.write_line(f"llmeval could not write its results: {self.recorder.write_error}", red=True)
            return
        terminalreporter.write_line(f"results: {self.recorder.results_path}")
        terminalreporter.write_line(f"report:  {self.settings.report_dir / 'report.md'} and report.html")
        if self.saved_path is not None:
            terminalreporter.write_line(f"saved:   {self.saved_path}")
        if self.resume_summary is not None:
            reused = sum(1 for c in (doc.get("cases") or []) if c.get("reused"))
            note = self.resume_summary.get("note")
            terminalreporter.write_line(
                f"resume: {reused} reused from {self.resume_summary['from']}" + (f" ({note})" if note else "")
            )
        comparison = doc.get("comparison")
        if comparison:
            gate = "FAILED" if comparison.get("exit_code") else "passed"
            terminalreporter.write_line(f"compare: {comparison.get('summary')} (gate {gate})")


def _redacted_invocation(args: list[str]) -> list[str]:
    return redact(args)
