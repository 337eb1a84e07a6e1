"""The run's state, registered as a pytest plugin: settings, cases, servers, evaluations, results.

Per-case results travel from the test to this object through `report.user_properties` (key
`llmeval_result`), so they arrive the same way in a serial run and, with pytest-xdist, on the
controller. Each (model, mode, case, sample) is evaluated once per process and recorded once,
however many tests ask for it.

Its parts with one job each are mixins of `LLMEvalSession`: where answers come from (`session_answers.py`), the
recording (`session_recording.py`), the judge (`session_judge.py`), an interrupted run (`session_interrupts.py`) and
the end of the run (`session_finish.py`).
"""

from __future__ import annotations

import atexit
import contextlib
import dataclasses
import logging
import threading
import time
from collections.abc import Callable, Sequence
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
from .session_finish import RunEnd
from .session_interrupts import RunInterrupts
from .session_judge import RunJudge
from .session_recording import RunRecording
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


class LLMEvalSession(AnswerSources, RunRecording, RunJudge, RunInterrupts, RunEnd):
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
        # under pytest-xdist, on the controller: each test's place in the run's collection (results.json's case order)
        self._collection_order: dict[str, int] = {}
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
                # the note of the servers for the workers (their URLs) lives in a private temp folder, not in the
                # report dir a CI job uploads: a run killed before its end leaves it nowhere public. The folder
                # goes when pytest unconfigures, also where no session ran (--help, a later plugin's usage error);
                # those of runs that were SIGKILLed go now (servers_folder.py)
                from .servers_folder import ServersFolder, sweep_abandoned

                for abandoned in sweep_abandoned():
                    log.debug("removed %s: its run ended without removing it", abandoned)
                servers = ServersFolder()
                config.add_cleanup(servers.remove)
                servers_folder = servers.path
                config.pluginmanager.register(
                    XdistController(
                        self.pool,
                        settings.models,
                        servers_folder,
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

    @pytest.hookimpl(optionalhook=True)  # pytest-xdist's, on the controller: a worker collected the run's tests
    def pytest_xdist_node_collection_finished(self, node: Any, ids: Sequence[str]) -> None:
        """The run's tests in collection order (every worker collects the same), the order results.json lists their
        cases in (`RunRecorder.order_cases`) - not the order the workers' reports happen to arrive in."""
        if not self._collection_order:
            self._collection_order = {nodeid: index for index, nodeid in enumerate(ids)}

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


def _redacted_invocation(args: list[str]) -> list[str]:
    """The command line with secret flags' values hidden and URLs without userinfo or query (tokens)."""
    return [without_url_credentials(arg) for arg in redact(args)]
