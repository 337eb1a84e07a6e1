"""What a run does when it ends, as a part of the run's state (`session.LLMEvalSession`): the servers stopped,
the results and reports written, the baseline compared (--llm-compare: the gate's exit status), the run saved, and
the terminal summary - or, when no LLM case ran, why no results were written.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from .config import Settings
    from .evaluation.case_model import Case
    from .evaluation.evaluate import Scorer
    from .inflight_cases import CasesInFlight
    from .results.chart_process import ChartProcess
    from .results.recorder import RunRecorder
    from .serving.pool import ServerPool
    from .xdist import WorkerEndpoints

log = logging.getLogger("pytest_llmeval")


class RunEnd:
    """The end-of-run part of the run's state; the state (`LLMEvalSession`) sets these attributes."""

    config: pytest.Config
    settings: Settings
    is_worker: bool
    inflight: CasesInFlight
    pool: ServerPool | WorkerEndpoints
    recorder: RunRecorder | None
    charts: ChartProcess | None  # the report's charts, drawn in a child process on a large run
    final_doc: dict[str, Any] | None
    saved_path: Path | None
    resume_summary: dict[str, Any] | None
    compare_error: str | None
    _baseline: tuple[Path, dict[str, Any]] | None  # --llm-compare's run, read at the start
    _collection_order: dict[str, int]  # under xdist: node id -> its place in the run's collection

    if TYPE_CHECKING:

        def progress(self, message: str) -> None: ...

        def cases(self) -> list[Case]: ...

        def scorer(self, model: str, mode: str) -> Scorer: ...

        def ensure_recorder(self) -> RunRecorder: ...

        def take_warmups(self) -> list[dict[str, Any]]: ...

        def _forget_kept_ahead(self) -> None: ...

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
        if self._collection_order:  # under xdist the records came as the workers' reports arrived: the serial order
            order = self._collection_order
            recorder.order_cases(lambda record: order.get(str(record.get("nodeid"))))
        if self.charts is not None:  # every case and memory record is in: the child draws while the rest is done
            self.charts.send(dict(recorder.document(intervals=False)))
        recorder.run.setdefault("warmup", []).extend(self.take_warmups())  # a client no case used after
        errors = [c for c in recorder.cases.values() if c.get("error")]
        from .results.selection import record_selection, tests_not_run

        record_selection(self.config, recorder.run)  # run.selection: what of the suite was collected and ran
        # -x, --maxfail, --sw or a recording failure stopped a serial run before some of its selected case tests
        # ran: "interrupted", as the same stop makes it under -n (pytest's exit status there) - not "complete", which
        # `accept` and the folder's "last" take as a whole run (a 1-of-14 run was accepted as the nightly baseline)
        stopped = bool(session.shouldstop or session.shouldfail) and tests_not_run(recorder.run) > 0
        if exitstatus == pytest.ExitCode.INTERRUPTED or stopped:
            status = "interrupted"
        elif errors or recorder.run.get("degraded"):
            status = "degraded"
        else:
            status = "complete"
        self._forget_kept_ahead()  # every answer the workers kept is recorded (interrupted) or was by its test
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
