"""How the run's records reach its recorder, as a part of the run's state (`session.LLMEvalSession`): the recorder
made at the first record, a recording that cannot write (a full disk) stopping the run, the servers' launches and
releases recorded, and --llm-resume's reused records.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from .config import Settings
    from .evaluation.case_model import Case
    from .results.recorder import RunRecorder


class RunRecording:
    """The recording part of the run's state; the state (`LLMEvalSession`) sets these attributes."""

    config: pytest.Config
    settings: Settings
    recorder: RunRecorder | None
    resume_summary: dict[str, Any] | None
    _reusable: dict[tuple[str, str, str, int], dict[str, Any]] | None
    _stopping: bool  # a recording failure has stopped the run (said once)
    _pytest_session: pytest.Session | None

    if TYPE_CHECKING:

        def progress(self, message: str) -> None: ...

        def run_info(self) -> dict[str, Any]: ...

        def _mark_degraded(self, model: str, code: int) -> None: ...

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
