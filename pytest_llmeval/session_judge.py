"""The LLM judge of --llm-judge, as a part of the run's state (`session.LLMEvalSession`): built once per process
(at the start on the controller, so that a judge that cannot be built is one usage error), and the grade it gives a
scored answer - the case's assertion when --llm-judge-assert or the case's `assert_with: judge` asks for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from .serving.client import hide_secrets, public_spec

if TYPE_CHECKING:
    from .config import Settings
    from .evaluation.evaluate import CaseResult
    from .evaluation.judge import Judge


class RunJudge:
    """The judge part of the run's state; the state (`LLMEvalSession`) sets these attributes."""

    settings: Settings
    _judge: Judge | None

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
