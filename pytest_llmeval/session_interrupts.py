"""What a run stopped early keeps, as a part of the run's state (`session.LLMEvalSession`): SIGTERM taken as a
Ctrl-C (a CI time limit, Slurm, Kubernetes), the xdist workers told and awaited, and the answers asked ahead of
their tests (--llm-concurrency) recorded rather than dropped - so that --llm-resume reuses them.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import signal
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from .public_records import public_record

if TYPE_CHECKING:
    from .config import Settings
    from .evaluation.case_model import Case
    from .evaluation.evaluate import CaseResult
    from .inflight_cases import CasesInFlight
    from .results.recorder import RunRecorder

WORKER_STOP_S = 5.0  # how long a controller ended by SIGTERM waits for its xdist workers' last answers
WORKERS_QUIET_S = 0.3  # ... taken as all in when their asked-ahead files have not grown for this long
SIGTERM_INTERRUPT = "SIGTERM"  # the KeyboardInterrupt a run's SIGTERM raises, told from a Ctrl-C by it
XDIST_WORKER_BOOTSTRAP = "import sys;exec(eval(sys.stdin.readline()))"  # execnet's popen worker command line
XDIST_WORKER_TITLE = "[pytest-xdist "  # its title where setproctitle is installed: "[pytest-xdist running] test_x.py"


class RunInterrupts:
    """The interrupt handling of the run's state; the state (`LLMEvalSession`) sets these attributes."""

    config: pytest.Config
    settings: Settings
    is_worker: bool
    inflight: CasesInFlight
    _evaluations: dict[tuple[str, str, str, int], CaseResult]
    _reusable: dict[tuple[str, str, str, int], dict[str, Any]] | None
    _ahead_lock: threading.Lock
    _previous_sigterm: Any  # SIGTERM's handler before the run's own (None: not installed)
    _sigterm_decided: bool  # whether this run's SIGTERM handling was decided (installed or not)
    _stopped_by_pytest: bool  # pytest stopped the run itself (-x, --maxfail, --sw): no interrupt

    if TYPE_CHECKING:

        def cases(self) -> list[Case]: ...

        def ensure_recorder(self) -> RunRecorder: ...

        def _recording(self) -> contextlib.AbstractContextManager[None]: ...

    def _stop_on_sigterm(self, items: list[pytest.Item]) -> None:
        """A run with LLM tests ends on SIGTERM (a CI time limit, Slurm, Kubernetes) as on Ctrl-C: pytest stops,
        the run is recorded as interrupted, the reports are written and the servers stopped. A serial run knows
        once collected; the xdist controller, which collects nothing, at its first case record
        (`pytest_runtest_logreport`); its workers stop when it tears them down."""
        if self.is_worker or self._sigterm_decided or not items:
            return
        self._sigterm_decided = True
        if any("llm_model" in getattr(item, "fixturenames", ()) for item in items):
            self._install_sigterm()

    def _install_sigterm(self) -> None:
        """SIGTERM raises KeyboardInterrupt: only in the main thread of the main process, only when SIGTERM has no
        handler of its own (the previous one is put back when the tests end), and once: a second SIGTERM ends the
        process at once."""
        if threading.current_thread() is not threading.main_thread():
            return
        try:
            if signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL:
                return
            previous = signal.signal(signal.SIGTERM, self._on_sigterm)
        except (ValueError, OSError, AttributeError):  # no SIGTERM here, or not the main interpreter
            return
        self._previous_sigterm = previous

    def _on_sigterm(self, signum: int, frame: Any) -> None:
        self._restore_sigterm()  # a second SIGTERM ends the process
        raise KeyboardInterrupt(SIGTERM_INTERRUPT)

    def _restore_sigterm(self) -> None:
        previous, self._previous_sigterm = self._previous_sigterm, None
        if previous is not None and signal.getsignal(signal.SIGTERM) == self._on_sigterm:
            signal.signal(signal.SIGTERM, previous)

    @pytest.hookimpl(tryfirst=True)
    def pytest_keyboard_interrupt(self, excinfo: pytest.ExceptionInfo[BaseException]) -> None:
        """The run stops (Ctrl-C, SIGTERM, or pytest's Interrupted: -x/--maxfail/--sw under -n, --sw): no request
        still queued is sent from now on - the answers already in stay for the record."""
        self._stopped_by_pytest = self._is_pytest_stop(excinfo.value)
        self.inflight.stop()
        if not self.is_worker and str(excinfo.value) == SIGTERM_INTERRUPT:
            self._interrupt_workers()

    def _interrupt_workers(self) -> None:
        """Under -n, SIGTERM of the controller alone (a CI time limit or a scheduler signals one process) passed on to
        its xdist workers as a Ctrl-C, and the answers they are still writing to their asked-ahead files awaited
        (until the files are quiet for WORKERS_QUIET_S, at most WORKER_STOP_S): the workers had gone on testing and
        asking until the controller ended them, and what they kept after the controller had read their files was
        lost (17 of 300 answers at --llm-concurrency 16; 49 requests sent after the signal). A Ctrl-C in a terminal
        reaches every process of the group already."""
        import psutil

        try:
            workers = [child for child in psutil.Process().children() if _is_xdist_worker(child.cmdline())]
        except psutil.Error:
            return
        for worker in workers:
            with contextlib.suppress(psutil.Error):
                worker.send_signal(signal.SIGINT)
        if workers:
            self._await_quiet_asked_ahead()

    def _await_quiet_asked_ahead(self) -> None:
        folder = self.asked_ahead_folder()
        deadline = time.monotonic() + WORKER_STOP_S
        seen: tuple[tuple[str, int], ...] | None = None
        quiet_since = time.monotonic()
        while time.monotonic() < deadline:
            try:
                sizes = tuple(sorted((p.name, p.stat().st_size) for p in folder.glob("*.jsonl")))
            except OSError:
                sizes = ()
            if sizes != seen:
                seen, quiet_since = sizes, time.monotonic()
            elif time.monotonic() - quiet_since >= WORKERS_QUIET_S:
                return
            time.sleep(0.05)

    def _is_pytest_stop(self, error: BaseException) -> bool:
        """Whether pytest ended the run itself: its Interrupted (--sw), or the xdist controller's own Interrupted
        class, raised once its `shouldstop` is set (-x, --maxfail, --sw on a worker) - not a Ctrl-C or SIGTERM
        (a plain KeyboardInterrupt)."""
        if isinstance(error, pytest.Session.Interrupted):
            return True
        dsession = self.config.pluginmanager.getplugin("dsession")  # pytest-xdist's controller loop
        return type(error) is not KeyboardInterrupt and bool(getattr(dsession, "shouldstop", False))

    @pytest.hookimpl(tryfirst=True, specname="pytest_sessionfinish")
    def pytest_sessionfinish_interrupted(self, session: pytest.Session, exitstatus: int) -> None:
        """Before the run is finished (`pytest_sessionfinish`): SIGTERM's handler put back; on an interrupt, the
        answers asked ahead (--llm-concurrency) whose tests were not reached are recorded, not dropped."""
        self._restore_sigterm()
        if exitstatus == pytest.ExitCode.INTERRUPTED:
            self._record_unreached()

    def _record_unreached(self) -> None:
        """The answers finished ahead of their tests (--llm-concurrency) when the run was interrupted, recorded as
        their tests would have (so --llm-resume reuses them): this process's, and under -n those the workers kept
        in the asked-ahead folder (`keep_asked_ahead`). No judge is asked after the interrupt: with a judge
        such a case records that it was not graded (a judge error: --llm-resume asks it again, `rescore` grades
        the kept answer)."""
        if self.is_worker:
            return
        self._carry_reusable()
        # A run pytest stopped (-x, --maxfail, --sw: under -n its exit status is "interrupted" too) records the tests
        # that ran, as at concurrency 1: an answer asked ahead for a test that never ran is no case of the run (with
        # --llm-cache it is kept there, a complete answer).
        asked_ahead = not self._stopped_by_pytest
        unreached = self.inflight.finished_unasked() if self.inflight.active and asked_ahead else []
        for key, result, nodeid in unreached:
            self._evaluations[key] = result
            with self._recording():
                self.ensure_recorder().add_case(self._unreached_record(result, nodeid, "main"))
        self._record_evaluated_unrecorded()
        if asked_ahead:
            self._record_kept_ahead()

    def _unreached_record(self, result: CaseResult, nodeid: str | None, worker: str) -> Any:
        """The record of an answer asked ahead whose test was not reached: as its test would have recorded it, not
        graded by a judge (the result itself is left as it is: its test may still ask for it)."""
        ahead = dataclasses.replace(result, extra=dict(result.extra))
        if self.settings.judge.assertion or result.case.assert_with == "judge":
            ahead.assert_with = "judge"
        self._mark_ungraded(ahead, "the run was interrupted before the case's test ran")
        record = dict(ahead.record())
        record.update({"nodeid": nodeid} if nodeid else {}, worker=worker)
        return public_record(record)

    def asked_ahead_folder(self) -> Path:
        """Where -n workers keep the answers they asked ahead of their tests until the controller has them."""
        return self.settings.report_dir / ".asked-ahead"

    def keep_asked_ahead(self, result: CaseResult, nodeid: str | None) -> None:
        """A worker's answer asked ahead of its test, kept on disk at once: an interrupt (Ctrl-C, SIGTERM) stops the
        controller first, and it ends the workers before they could hand over what only they hold - the controller
        records these files' answers whose tests were not reached (`_record_kept_ahead`)."""
        if not self.is_worker:
            return
        from .results.recorder import to_json  # the line as cases.jsonl holds it (NaN as null)

        worker = os.environ.get("PYTEST_XDIST_WORKER", "worker")
        line = to_json(self._unreached_record(result, nodeid, worker), indent=None)
        folder = self.asked_ahead_folder()
        with self._ahead_lock:
            try:
                folder.mkdir(parents=True, exist_ok=True)
                with (folder / f"{worker}.jsonl").open("a", encoding="utf-8") as handle:
                    handle.write(line + "\n")
            except OSError:  # a full disk: the test still records the answer when it runs; only an interrupt loses it
                return

    def _record_kept_ahead(self) -> None:
        """The workers' answers asked ahead of tests the interrupted run did not reach (a case its test recorded is
        already in: the recorder keeps the first record of a case)."""
        import json

        folder = self.asked_ahead_folder()
        for path in sorted(folder.glob("*.jsonl")) if folder.is_dir() else ():
            for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
                try:
                    record = json.loads(line)
                except ValueError:
                    continue  # the line a worker was writing when it ended
                with self._recording():
                    self.ensure_recorder().add_case(record)

    def _forget_kept_ahead(self) -> None:
        import shutil

        shutil.rmtree(self.asked_ahead_folder(), ignore_errors=True)

    def _record_evaluated_unrecorded(self) -> None:
        """Samples the interrupted test had already evaluated (--llm-repeat: sample 0 was being recorded when the
        interrupt came, sample 1 was done): recorded now, without a judge's grade, as `_record_unreached` does."""
        if not self._evaluations:
            return
        recorder = self.ensure_recorder()
        for key, result in list(self._evaluations.items()):
            if key in recorder.cases or result.completion is None and result.error is None:
                continue
            if "judge" not in result.extra:
                self._mark_ungraded(result, "the run was interrupted before the case's test ended")
            record = result.record()
            record.update(worker="main")
            with self._recording():
                recorder.add_case(public_record(record))

    def _mark_ungraded(self, result: CaseResult, why: str) -> None:
        """A scored case a judge should have graded and did not (the run was interrupted): a judge error, so that
        it is never `passed` on its keyword score alone, --llm-resume asks it again and `rescore` grades it."""
        judged = self.settings.judge.spec or result.assert_with == "judge"
        if judged and result.error is None and result.score is not None:
            result.error = {
                "stage": "judge",
                "type": "interrupted",
                "status": None,
                "message": f"not graded by the judge: {why}",
            }

    def _carry_reusable(self) -> None:
        """--llm-resume interrupted again: the previous run's reusable records whose tests were not reached yet are
        recorded as reused, so that the next --llm-resume still has them (this run's files replace the old ones)."""
        if not self.settings.resume:
            return
        from .evaluation.scenarios import ScenarioError
        from .results.resume import load_reusable
        from .vision.datasets import DatasetError

        if self._reusable is None:
            self._reusable = load_reusable(self.settings.report_dir)
        try:
            cases = {case.id: case for case in self.cases()}
        except (ScenarioError, DatasetError):
            return
        models = {m.label for m in self.settings.models}
        for key, record in self._reusable.items():
            case = cases.get(key[2])
            if key[0] not in models or case is None or record.get("case_hash") != case.content_hash:
                continue
            recorder = self.ensure_recorder()
            if key not in recorder.cases:
                with self._recording():
                    recorder.add_case({**record, "reused": True})  # type: ignore[typeddict-item]


def _is_xdist_worker(cmdline: list[str]) -> bool:
    """Whether a child process with this command line is one of pytest-xdist's workers (not a vLLM server, not the
    watchdog): execnet's popen command, or the title xdist gives it."""
    text = " ".join(cmdline)
    return XDIST_WORKER_BOOTSTRAP in text or text.startswith(XDIST_WORKER_TITLE)
