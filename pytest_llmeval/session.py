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
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from . import __version__
from .config import Settings
from .inflight_cases import CasesInFlight
from .public_records import public_record
from .serving.client import hide_secrets, hide_secrets_in, public_spec
from .serving.credentials import without_url_credentials
from .serving.pool import ServerPool
from .serving.run_faults import EndpointFaults
from .serving.server import redact
from .session_answers import AnswerSources
from .session_interrupts import RunInterrupts
from .xdist import CONTROLLER_PID_KEY, STATE_KEY, WorkerEndpoints, XdistController

if TYPE_CHECKING:  # imported where used: a pytest run that never evaluates a case does not pay for them
    from .evaluation.case_model import Case
    from .evaluation.evaluate import CaseResult, Scorer
    from .evaluation.judge import Judge
    from .rag import HybridRetriever
    from .results.chart_process import ChartProcess
    from .results.recorder import RunRecorder
    from .serving.cache import AnswerCache, CachingClient
    from .serving.client import ChatClient

RESULT_PROPERTY = "llmeval_result"
BENCH_PROPERTY = "llmeval_bench"
WARMUP_PROPERTY = "llmeval_warmup"
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
CHART_PROCESS_AFTER = 200  # recorded cases from which report.html's charts are drawn in a child process
DEATH_WAIT_S = 2.0  # after a failed request: how long to wait for a launched server's death to show


class LLMEvalSession(AnswerSources, RunInterrupts):
    def __init__(self, config: pytest.Config, settings: Settings) -> None:
        self.config = config
        self.settings = settings
        self._cases: list[Case] | None = None
        self._retriever: HybridRetriever | None = None
        self._retriever_error: Exception | None = None
        self._judge: Judge | None = None
        self._evaluations: dict[tuple[str, str, str, int], CaseResult] = {}
        self._answer_cache: AnswerCache | None = None
        self._identities: dict[str, dict[str, Any]] = {}
        self._caching_clients: dict[tuple[str, int], CachingClient] = {}  # (model, sample) -> the one copied per case
        # the test reported last, and per case record of it (by id): (record, public record, JUnit properties)
        self._public_cases: tuple[str, dict[int, tuple[Any, Any, list[tuple[str, object]]]]] = ("", {})
        self.started_at = time.strftime("%Y-%m-%dT%H:%M:%S%z")
        self.recorder: RunRecorder | None = None
        self.final_doc: dict[str, Any] | None = None
        self.saved_path: Path | None = None
        self.charts: ChartProcess | None = None  # the report's charts, drawn in a child process on a large run
        self.resume_summary: dict[str, Any] | None = None
        self._reusable: dict[tuple[str, str, str, int], dict[str, Any]] | None = None
        self.compare_error: str | None = None
        self._baseline: tuple[Path, dict[str, Any]] | None = None  # --llm-compare's run, read at the start
        self._baseline_notes: list[str] = []  # which saved run --llm-compare's `last` or name was read as
        self._pytest_session: pytest.Session | None = None
        self.free_points: list[dict[str, Any]] = []  # key points their own question gives away (evaluation/lint.py)
        self._linted = False
        self._stopping = False
        self._warmups: list[dict[str, Any]] = []  # warm-up records not yet handed to the recorder
        self._salt_accepted: dict[str, bool | None] = {}  # model -> did its warm-up take a cache_salt
        self.endpoint_faults = EndpointFaults()  # a 404/401 stops the model's remaining requests
        self.inflight = CasesInFlight(self)  # --llm-concurrency: cases asked ahead of their tests
        self._ahead_lock = threading.Lock()  # a worker's scheduler threads append to one asked-ahead file
        self._previous_sigterm: Any = None  # SIGTERM's handler before the run's own (None: not installed)
        self._sigterm_decided = False  # whether this run's SIGTERM handling was decided (installed or not)
        # pytest stopped the run itself (-x, --maxfail, --sw): no interrupt, whatever the exit status says
        self._stopped_by_pytest = False
        self._remember_secrets()
        workerinput = getattr(config, "workerinput", None)
        self.is_worker = workerinput is not None
        self.pool: ServerPool | WorkerEndpoints
        self.placement: Any = None  # --llm-placement auto: the plan (controller only)
        if workerinput is not None:
            self.pool = WorkerEndpoints(
                Path(workerinput[STATE_KEY]),
                workerinput.get(CONTROLLER_PID_KEY),
                startup_timeout_s=settings.server.startup_timeout_s,
            )
        else:
            self._forget_kept_ahead()  # a folder an earlier run's worker wrote after its controller ended: stale
            self._check_baseline()
            self._check_judge()
            if settings.resume:
                from .results.resume import ResumeError, prepare_resume

                try:
                    self.resume_summary = prepare_resume(settings.report_dir, self.described())
                except ResumeError as exc:
                    raise pytest.UsageError(f"--llm-resume: {exc}") from None
                self.progress(
                    f"resume: {self.resume_summary['reusable']} finished case(s) can be reused"
                    + (f" ({self.resume_summary['note']})" if self.resume_summary.get("note") else "")
                )
            self.placement = self._plan_placement() if settings.placement == "auto" else None
            self.pool = ServerPool(
                settings.server,
                settings.report_dir / "logs",
                self._on_launch,
                self.progress,
                self._on_release,
                placement=self.placement,
                wave_mates_on_demand=settings.cache is not None,
            )
            atexit.register(self.pool.release_all)
            if config.pluginmanager.hasplugin("xdist"):
                config.pluginmanager.register(
                    XdistController(
                        self.pool,
                        settings.models,
                        # the note of the servers for the workers (their URLs) lives in a private temp folder, not
                        # in the report dir a CI job uploads: a run killed before its end leaves it nowhere public
                        Path(tempfile.mkdtemp(prefix="llmeval-servers-")),
                        policy=settings.servers,
                        dist=str(config.getoption("dist", "no")),
                        progress=self.progress,
                        maxfail=int(config.getoption("maxfail", 0) or 0),
                        on_demand=settings.cache is not None,  # a server starts at its model's first cache miss
                    ),
                    "llmeval-xdist-controller",
                )

    def _plan_placement(self) -> Any:
        """--llm-placement auto: the GPUs from NVML, each launched model's need from the sizing model, the waves;
        the models get their GPUs (and a TP the planner chose). Attached models are not placed."""
        from .serving.models import model_server_settings
        from .serving.placement import PlacementError, nvml_inventory, plan_for_specs

        settings = self.settings
        launched = [m for m in settings.models if not model_server_settings(m, settings.server).base_url]
        try:
            plan = plan_for_specs(launched, settings.server, nvml_inventory())
        except PlacementError as exc:
            raise pytest.UsageError(f"--llm-placement auto: {exc}") from None
        if settings.servers == "together" and len(plan.waves) > 1:
            raise pytest.UsageError(
                f"--llm-placement auto needs {len(plan.waves)} waves on these GPUs, but --llm-servers together "
                "starts every server at once. Fix: drop --llm-servers together (waves then run one after another)"
            )
        settings.models = [plan.specs.get(m.label, m) for m in settings.models]
        log.info(plan.render())
        return plan

    def _check_baseline(self) -> None:
        """--llm-compare names a run that must exist: fail now, not after the run."""
        runs = self.settings.runs
        if not runs.baseline:
            return
        from .results.recorder import ResultsFileError, load_results
        from .results.runs import RunNotFound, resolve_run

        try:
            path = resolve_run(runs.baseline, runs.runs_dir, say=self._baseline_notes.append)
            # read now and kept: the baseline may be this run's own report dir (llmeval-report, the default), whose
            # results.json the run overwrites before it compares
            self._baseline = (path, load_results(path))
        except (RunNotFound, ResultsFileError) as exc:
            raise pytest.UsageError(f"--llm-compare: {exc}") from None

    def _check_judge(self) -> None:
        """--llm-judge: the judge is built now (its key read), so a judge that cannot be built is one usage error
        before any request, not an error in every test."""
        if not self.settings.judge.spec:
            return
        from .serving.credentials import MissingAPIKey

        try:
            self.judge()
        except MissingAPIKey as exc:
            raise pytest.UsageError(str(exc)) from None
        except Exception as exc:  # noqa: BLE001 - whatever stops the judge's client from being made
            spec = public_spec(self.settings.judge.spec)
            why = hide_secrets(str(exc))
            raise pytest.UsageError(f"--llm-judge {spec}: cannot make the judge's client: {why}") from None

    def _remember_secrets(self) -> None:
        """The API keys the run sends and the credentials in its URLs (`secrets_in_use`: the same list `pytest
        --debug`'s log is hidden with), hidden wherever an error text is recorded or printed (a gateway may echo
        the key it was sent)."""
        from .secrets_in_use import secrets_in_use
        from .serving.client import remember_secret, remember_url_secrets
        from .serving.credentials import hide_secrets_in_logs

        found = secrets_in_use(self.config, self.settings)
        remember_secret(*found.values)
        remember_url_secrets(found.urls)
        hide_secrets_in_logs(lambda text: hide_secrets(text, urls=False))  # the HTTP clients log every URL

    def described(self) -> dict[str, Any]:
        """The settings as results.json records them: secret values removed, and the URL of every component spec
        (judge, embedder, reranker) without userinfo, query or fragment."""
        described = self.settings.describe()
        judge = described.get("judge") or {}
        if judge.get("spec"):
            judge["spec"] = public_spec(judge["spec"])
        rag = described.get("rag") or {}
        for name in ("embedder", "reranker"):
            if isinstance(rag.get(name), str):
                rag[name] = public_spec(rag[name])
        return described

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
            if self.settings.datasets:
                from .vision.datasets import check_unique_ids

                check_unique_ids(cases)  # a dataset row's id equal to a scenario's: name both
            if self.settings.rag.mode != "off":  # documents: only matter (and are checked) with RAG
                from .evaluation.scenarios import check_documents

                check_documents(cases, list(self.settings.rag.knowledge))
            self._cases = cases
        return self._cases

    def retriever(self) -> HybridRetriever:
        """Build (or load from the on-disk cache) the run's hybrid retriever, once per process."""
        if self._retriever_error is not None:  # the index could not be built: every RAG case records why
            raise self._retriever_error
        if self._retriever is None:
            from .rag import HybridRetriever
            from .serving.built_models import cache_root

            rag = self.settings.rag
            config = (
                rag if rag.cache_dir is not None else dataclasses.replace(rag, cache_dir=cache_root() / "rag-index")
            )
            self.progress(f"RAG: loading the index of {[str(p) for p in rag.knowledge]} ({public_spec(rag.embedder)})")
            try:
                self._retriever = HybridRetriever(config)
            except Exception as exc:
                self._retriever_error = exc
                raise
            info = self._retriever.build_info
            self.progress(
                f"RAG: {info.n_chunks} chunks from {info.n_documents} documents, "
                f"{'loaded from cache' if info.from_cache else 'built'} in {info.seconds:.1f} s"
            )
        return self._retriever

    def scorer(self, model: str, mode: str) -> Scorer:
        """The default scorer, unless a `pytest_llmeval_score` hook implementation returns a Score."""
        from .evaluation.evaluate import default_scorer
        from .evaluation.scoring import Score

        hook = self.config.hook.pytest_llmeval_score

        def score(case: Case, answer: str, sources: Any) -> Any:
            custom = hook(case=case, answer=answer, sources=sources, mode=mode, model=model)
            if custom is None:
                return default_scorer(case, answer, sources)
            if not isinstance(custom, Score):  # the case's scoring error, naming the hook (evaluate_case records it)
                where = ", ".join(impl.plugin_name for impl in hook.get_hookimpls())
                raise TypeError(
                    f"the pytest_llmeval_score hook ({where}) returned {type(custom).__name__}, not a Score. Fix: "
                    "return pytest_llmeval.evaluation.scoring.make_score(...) or None"
                )
            return custom

        return score

    def evaluate(
        self,
        client: ChatClient | Callable[[], ChatClient],
        model: str,
        case: Case,
        mode: str,
        sample: int = 0,
        on_new: Callable[[CaseResult], None] | None = None,
    ) -> CaseResult:
        """Ask and score (model, mode, case, sample) once per process; later calls get the same result.

        `client` may be a callable that returns the client (and starts the model's server): it is called only
        when a request must be sent - with --llm-cache, on the first miss - and what it raises (a failed
        start) is raised from here."""
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
            failed: dict[str, Any] | None
            try:
                retriever = self.retriever() if mode == "rag" else None
            except Exception as exc:  # noqa: BLE001 - e.g. the embedding server is down while the index is built
                from .evaluation.evaluate import error_info

                rag = self.settings.rag
                what = f"building the index with embedder {public_spec(rag.embedder)}"
                retriever, failed = None, error_info(exc, "retrieval", what)
            else:
                failed = None
            if failed is not None:
                result = CaseResult(model, case, mode, None, None, sample, failed)
            elif (asked := self.inflight.result(client, key, case, mode)) is not None:
                result = asked  # --llm-concurrency: asked ahead, with the model's next cases
            else:
                asking, start_failures = self.asking_client(client, model, sample)
                result = evaluate_case(
                    asking,  # type: ignore[arg-type]  # a ChatClient or the answer cache in front of one
                    model,
                    case,
                    settings.max_tokens,
                    settings.temperature,
                    retriever=retriever,
                    template=settings.rag.template,
                    sample=sample,
                    scorer=self.scorer(model, mode),
                    cache_salt=self.cache_salt(model, sample),
                )
                if start_failures:  # the server did not start (or the run is stopping): the caller handles it
                    raise start_failures[0]
            # a cut connection (not an HTTP answer) may be a server that is dying: give its death a moment to show
            cut = result.error is not None and result.error.get("type") in ("connection", "stream")
            if result.error is not None and self.pool.dead(model, wait_s=DEATH_WAIT_S if cut else 0.0):
                result.error = self._server_died(model)  # the request failed because the server died
            if (stopped := self.endpoint_faults.announce(model)) is not None:
                self.progress(hide_secrets(stopped))
            self._apply_judge(result)
            result.error = hide_secrets_in(result.error)  # a server's echo of its key, a log tail
            self._evaluations[key] = result
            if on_new is not None:
                on_new(result)
        return result

    @property
    def pytest_session(self) -> pytest.Session | None:
        """pytest's session, from its start on."""
        return self._pytest_session

    def is_evaluated(self, key: tuple[str, str, str, int]) -> bool:
        """Whether this process has the result of (model, mode, case id, sample) already."""
        return key in self._evaluations

    def pytest_runtest_logfinish(self, nodeid: str, location: Any) -> None:
        """-x / --maxfail / a recording failure: nothing more is asked of the server."""
        session = self._pytest_session
        if self.inflight.active and session is not None and (session.shouldstop or session.shouldfail):
            self.inflight.close()

    def speed_settings(self) -> dict[str, Any]:
        """The settings that change measured speed and are not elsewhere in run.settings (max_tokens, concurrency)
        or run.hardware: pytest-xdist workers (-n) and distribution, warm-up, cache salting."""
        option = self.config.option
        workers = getattr(option, "numprocesses", None)
        try:
            workers = int(workers or 0)
        except (TypeError, ValueError):  # "auto" before xdist resolved it
            workers = str(workers)
        return {
            "xdist_workers": workers,
            "dist": getattr(option, "dist", "no") if workers else "no",
            "warmup": self.settings.warmup,
            "cache_salt": "per sample" if self.settings.repeat > 1 else "off",
        }

    def _server_died(self, model: str) -> dict[str, Any]:
        """The error of every case asked after a model's server died; the run is marked degraded once."""
        code = self.pool.exit_code(model)
        if code is not None:
            self._mark_degraded(model, code)
        how = f"exited with code {code}" if code is not None else "is no longer running"
        return {
            "stage": "request",
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
        """The LLM judge of --llm-judge (one client per process), or None; what stops it from being made raises."""
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
        if result.error is not None or result.score is None:
            return
        try:
            judge = self.judge()
        except Exception as exc:  # noqa: BLE001 - checked at the start (_check_judge); a worker records it per case
            from .evaluation.evaluate import error_info

            result.error = error_info(exc, "judge", f"judge {public_spec(self.settings.judge.spec or '')}")
            return
        if judge is None:
            if result.assert_with == "judge":
                from .evaluation.evaluate import no_judge_error

                result.error = no_judge_error(case)
            return
        from .evaluation.evaluate import grade_by_judge

        grade_by_judge(result, judge, result.score.answer)

    def server_pid(self, label: str) -> int | None:
        """The pid of the server this process launched for a model (None when attached or on a worker)."""
        return self.pool.pid(label)

    def server_model_path(self, label: str) -> str | None:
        """The local model directory the server this process launched serves; None when attached or on a worker."""
        return self.pool.model_path(label)

    def run_info(self) -> dict[str, Any]:
        from .serving.hardware import git_commit, hardware_info

        self._lint_scenarios()
        settings = self.settings
        described = self.described()
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
            "server_args": redact(settings.server.cli_args(), every_value=True),  # vLLM's: `--api-key k1 k2`
            "settings": {**described, "speed": self.speed_settings()},
            "rag": {**described["rag"], **self._rag_notes()},
            "invocation": _redacted_invocation(list(self.config.invocation_params.args)),
            "launches": [],
            **({"placement": self.placement.to_dict()} if self.placement is not None else {}),
            **({"shard": settings.shard.record(c.id for c in self.cases())} if settings.shard else {}),
            **({"extra": extra} if extra else {}),
            **({"free_points": self.free_points} if self.free_points else {}),
        }

    def _rag_notes(self) -> dict[str, list[str]]:
        """run.rag.notes: the knowledge folder's files that are not read (a .pdf beside the .md files), with RAG."""
        if self.settings.rag.mode == "off":
            return {}
        from .rag.documents import unread_note

        note = unread_note(list(self.settings.rag.knowledge))
        return {"notes": [note]} if note is not None else {}

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
            if key in (BENCH_PROPERTY, WARMUP_PROPERTY):
                value = public_record(value)
            if key == RESULT_PROPERTY:
                if not self._sigterm_decided:  # the xdist controller: the run has LLM tests
                    self._sigterm_decided = True
                    self._install_sigterm()
                value, properties = self._public_case(report.nodeid, value)
                if record:
                    with self._recording():
                        self.ensure_recorder().add_case(value)
                    self._start_charts_on_a_large_run()
                kept += properties
            elif key == WARMUP_PROPERTY:
                if record:
                    self.ensure_recorder().run.setdefault("warmup", []).append(value)
            elif key == BENCH_PROPERTY:
                if record:
                    with self._recording():
                        self.ensure_recorder().add_benchmark(value)  # type: ignore[arg-type]
                kept += junit_properties(value.get("summary", {}), BENCH_JUNIT_FIELDS)  # type: ignore[attr-defined]
            else:
                kept.append((key, value))
        # CI dashboards (GitLab, Jenkins, GitHub) read JUnit properties: named scalars, not a whole record
        report.user_properties = kept

    def _public_case(self, nodeid: str, record: Any) -> tuple[Any, list[tuple[str, object]]]:
        """A case record as it may be written (`public_record`) and its JUnit properties, made once per record: the
        setup, call and teardown reports of a test carry the same record objects. Kept for the test reported last,
        by the record's identity (the record is held with them, so its id is not reused while kept; a record is not
        changed once attached to its test); under xdist each report brings its own copies, made public each."""
        if self._public_cases[0] != nodeid:
            self._public_cases = (nodeid, {})
        kept = self._public_cases[1]
        found = kept.get(id(record))
        if found is None:
            public = public_record(record)
            found = kept[id(record)] = (record, public, junit_properties(public, CASE_JUNIT_FIELDS))
        return found[1], found[2]

    def _start_charts_on_a_large_run(self) -> None:
        """At the run's CHART_PROCESS_AFTER-th recorded case, the child process that draws report.html's charts is
        started: it imports matplotlib on another core while the tests go on (on a run of thousands of cases the
        charts had cost ~0.4 s at the end). A smaller run draws them in this process: the child costs a core
        ~0.4 s and ~70 MB, which a run of a few cases does not win back."""
        recorder = self.recorder
        if self.charts is None and recorder is not None and len(recorder.cases) >= CHART_PROCESS_AFTER:
            from .results.chart_process import ChartProcess

            self.charts = ChartProcess.start()

    def pytest_collection_modifyitems(self, config: pytest.Config, items: list[pytest.Item]) -> None:
        """Without --llm-bench, throughput benchmarks (marker llm_bench) are deselected."""
        if self.settings.bench_enabled:
            return
        deselected = [item for item in items if item.get_closest_marker("llm_bench")]
        if deselected:
            config.hook.pytest_deselected(items=deselected)
            items[:] = [item for item in items if not item.get_closest_marker("llm_bench")]

    def pytest_collection_finish(self, session: pytest.Session) -> None:
        """A serial run checks its scenarios once collected; under xdist the controller, which collects nothing,
        does so when its results document is made (`run_info`)."""
        if session.items and self._cases is not None:
            self._lint_scenarios()
        self._stop_on_sigterm(session.items)

    def _lint_scenarios(self) -> None:
        """Scenario checks that need no model, once per run (not on workers): key points the question gives away."""
        if self.is_worker or self._linted:
            return
        self._linted = True
        from .evaluation.lint import free_points, free_points_text
        from .evaluation.scenarios import ScenarioError
        from .vision.datasets import DatasetError

        try:
            cases = self.cases()
        except (ScenarioError, DatasetError):  # the workers' collection reports it
            return
        self.free_points = free_points(cases)
        if self.free_points:
            self.progress(free_points_text(self.free_points))

    def pytest_sessionstart(self, session: pytest.Session) -> None:
        self._pytest_session = session
        for note in self._baseline_notes:  # at the start, where the terminal shows it (not yet at configure)
            self.progress(f"--llm-compare: {note}")
        if self.placement is not None:  # printed before any server starts
            for line in self.placement.render().splitlines():
                self.progress(line)

    def pytest_sessionfinish(self, session: pytest.Session, exitstatus: int) -> None:
        try:
            self._finish(session, exitstatus)
        finally:
            if self.charts is not None:
                self.charts.close()

    def _finish(self, session: pytest.Session, exitstatus: int) -> None:
        self.inflight.close()  # before the servers stop: nothing queued is sent to a stopping server
        self.pool.release_all()
        if self.recorder is None and self._gates_a_run_without_cases(session):
            self.ensure_recorder()  # its comparison: every baseline case missing, the gate broken (exit 7)
        if self.recorder is None:
            return
        recorder = self.recorder
        if self.charts is not None:  # every case and memory record is in: the child draws while the rest is done
            self.charts.send(dict(recorder.document(intervals=False)))
        recorder.run.setdefault("warmup", []).extend(self.take_warmups())  # a client no case used after
        errors = [c for c in recorder.cases.values() if c.get("error")]
        if exitstatus == pytest.ExitCode.INTERRUPTED:
            status = "interrupted"
        elif errors or recorder.run.get("degraded"):
            status = "degraded"
        else:
            status = "complete"
        self._forget_kept_ahead()  # every answer the workers kept is recorded (interrupted) or was by its test
        from .results.selection import record_selection

        record_selection(self.config, recorder.run)  # run.selection: what of the suite was collected and ran
        recorder.comparison = self._guarded_comparison(recorder, status)
        recorder.extras = self._extras(recorder)
        from .results.recorder import RecordingError

        try:
            self.final_doc = dict(recorder.finish(status))
            from .results.html import write_html
            from .results.render import write_markdown

            write_markdown(self.final_doc, self.settings.report_dir)
            write_html(self.final_doc, self.settings.report_dir, charts=self.charts)
        except OSError as exc:  # a full disk: say what is kept; the terminal summary still shows the results
            if recorder.write_error is None:
                recorder.write_error = RecordingError(f"cannot write the reports in {self.settings.report_dir}: {exc}")
            self.final_doc = self.final_doc or dict(recorder.document(intervals=False))
            if session.exitstatus in (pytest.ExitCode.OK, pytest.ExitCode.TESTS_FAILED):
                session.exitstatus = pytest.ExitCode.INTERRUPTED
            return
        if recorder.cases or not self._gates_a_run_without_cases(session):  # a run without a case is no run to
            self._save_run(self.final_doc, recorder.saved_text)  # compare with later ("last") nor to accept
        comparison = self.final_doc.get("comparison") or {}
        # the gate's own exit statuses (docs/nightly.md): 7 the run is broken > 6 a regression > 1 a case
        # failed > 0; pytest's 2-5 (interrupted, internal, usage, no tests) are kept as they are
        gate_code = int(comparison.get("exit_code") or 0)
        if gate_code and session.exitstatus in (pytest.ExitCode.OK, pytest.ExitCode.TESTS_FAILED):
            session.exitstatus = gate_code

    def _gates_a_run_without_cases(self, session: pytest.Session) -> bool:
        """--llm-compare on a run that asked no LLM case (a test failed under -x first, a scenario file could not be
        read under --continue-on-collection-errors): the gate still gives its verdict - every baseline case missing,
        exit 7 - where it had given none, the run exiting 1 as if only a test had failed. Not on an xdist worker (the
        controller records), nor with --collect-only, nor when pytest collected no test at all (exit 5 says that)."""
        if not self.settings.runs.baseline or self.is_worker or self.config.option.collectonly:
            return False
        return session.exitstatus != pytest.ExitCode.NO_TESTS_COLLECTED

    def _guarded_comparison(self, recorder: RunRecorder, status: str) -> dict[str, Any] | None:
        """`_compare_with_baseline`, whose failure (a bug, a value no statistic expected) is a broken comparison -
        exit 7 with a one-line reason - not a traceback that loses the run: the run is still saved and reported."""
        try:
            return self._compare_with_baseline(recorder, status)
        except Exception as exc:  # noqa: BLE001 - any failure of the comparison breaks the gate, never the run
            from .compare.problems import broken_comparison, comparison_failure

            log.debug("the comparison with the baseline failed", exc_info=True)
            reason = comparison_failure(exc, str(recorder.results_path))
            self.compare_error = reason
            return broken_comparison(reason)

    def _compare_with_baseline(self, recorder: RunRecorder, status: str = "complete") -> dict[str, Any] | None:
        """The comparison with --llm-compare's baseline (None without one); gate rules from --llm-compare-fail,
        label pairs from --llm-compare-pair; `status` is this run's (a degraded or interrupted run is broken)."""
        runs = self.settings.runs
        if not runs.baseline:
            return None
        from .compare import compare_runs, parse_fail_expressions, parse_pairs
        from .compare.problems import broken_comparison
        from .results.recorder import ResultsFileError, load_results
        from .results.runs import RunNotFound, resolve_run

        try:
            path, base = self._baseline or (None, None)
            if path is None or base is None:
                path = resolve_run(runs.baseline, runs.runs_dir)
                base = load_results(path)
        except (RunNotFound, ResultsFileError) as exc:
            self.compare_error = str(exc)
            return broken_comparison(str(exc))
        new: dict[str, Any] = dict(recorder.document())  # its aggregates serve the final save too
        new["run"] = {**(new.get("run") or {}), "status": status}
        return compare_runs(
            base,
            new,
            parse_fail_expressions(runs.fail),
            base_name=str(path),
            pairs=parse_pairs(runs.pairs),
            allow_missing=runs.allow_missing,
            allow_errors=runs.allow_errors,
            cases=self.cases(),  # a baseline graded by another scorer is graded again with this run's
            scorer_for=self.scorer,
            saved_at=str(recorder.results_path),
        )

    def _extras(self, recorder: RunRecorder) -> dict[str, Any]:
        """Cost (with --llm-prices) and the sizing estimate of every launched model, for the reports."""
        extras: dict[str, Any] = {}
        doc = dict(recorder.document())  # its aggregates serve the final save too
        if self.settings.prices is not None:
            from .cost import cost_rows, load_prices

            prices = load_prices(self.settings.prices)
            extras["cost"] = {"prices": prices.source, "rows": cost_rows(doc, prices)}
        from .sizing.report import sizing_rows

        rows = sizing_rows(doc, self.settings.server)
        if rows:
            extras["sizing"] = rows
        return extras

    def _save_run(self, doc: dict[str, Any], text: str | None = None) -> None:
        from .results.runs import save_run

        runs = self.settings.runs
        name = runs.save_name or "-".join(m.label for m in self.settings.models)
        try:
            path = save_run(doc, runs.runs_dir, name, text)
        except OSError as exc:
            self.progress(f"could not save the run under {runs.runs_dir}: {exc}")
            return
        self.saved_path = path

    def pytest_terminal_summary(self, terminalreporter: Any, exitstatus: int) -> None:
        if self.recorder is None:
            self._say_no_case_ran(terminalreporter, exitstatus)
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
        if self.settings.cache is not None:
            records = doc.get("cases") or []
            hits = sum(1 for c in records if c.get("cached"))
            terminalreporter.write_line(
                f"cache:   {hits} of {len(records)} answer(s) from {self.settings.cache} (no request, no timing)"
            )
        if self.resume_summary is not None:
            reused = sum(1 for c in (doc.get("cases") or []) if c.get("reused"))
            note = self.resume_summary.get("note")
            terminalreporter.write_line(
                f"resume: {reused} reused from {self.resume_summary['from']}" + (f" ({note})" if note else "")
            )
        comparison = doc.get("comparison")
        if comparison:
            from .compare.render import gate_word

            terminalreporter.write_line(f"compare: {comparison.get('summary')} ({gate_word(comparison)})")

    def _say_no_case_ran(self, terminalreporter: Any, exitstatus: int) -> None:
        """A run that asked no LLM case (`-k` or `-m` that selects none of them, --llm-limit past the suite's
        filter) writes no results.json and, with --llm-compare, compares nothing: pytest's own line ("14
        deselected") said neither, so a nightly job read exit 5 with no word on its gate, and llmeval-report/ kept
        an earlier run's report that looked like tonight's. Said only where LLM cases were collected or a baseline
        was asked for (a project's other tests run without a word from this plugin), never on an xdist worker."""
        if self.is_worker or self.config.option.collectonly:
            return
        from .results.selection import SELECTION_PLUGIN

        counter = self.config.pluginmanager.get_plugin(SELECTION_PLUGIN)
        collected = getattr(counter, "collected", None)
        baseline = self.settings.runs.baseline
        if not baseline and not collected:
            return
        from .__main__ import selection_of

        chosen = " ".join(selection_of([str(a) for a in self.config.invocation_params.args]))
        deselected = getattr(counter, "deselected", 0)
        if isinstance(collected, int) and collected:
            what = f"{deselected} of {collected} LLM case test(s) deselected" + (f" by {chosen}" if chosen else "")
        else:  # none collected here (a path without the suite), or an xdist controller, which collects nothing
            what = ("no LLM case test collected" if collected == 0 else "no LLM case test selected") + (
                f" ({chosen})" if chosen else ""
            )
        terminalreporter.write_sep("=", "llmeval results")
        terminalreporter.write_line(f"no LLM case ran: {what}; no results.json was written and no run saved.")
        stale = self.settings.report_dir / "results.json"
        if stale.is_file():
            terminalreporter.write_line(f"{stale} and its reports are from an earlier run, not this one.")
        if baseline:
            code = "pytest's exit status 5, no tests ran" if exitstatus == pytest.ExitCode.NO_TESTS_COLLECTED else ""
            terminalreporter.write_line(
                f"compare: NOT COMPARED with {baseline}: this run asked no case, so the gate did not pass"
                + (f" ({code})" if code else "")
                + ". Fix: a -k, -m or test path that selects LLM cases (see --collect-only -q)",
                red=True,
            )


def _redacted_invocation(args: list[str]) -> list[str]:
    """The command line with secret flags' values hidden and URLs without userinfo or query (tokens)."""
    return [without_url_credentials(arg) for arg in redact(args)]
