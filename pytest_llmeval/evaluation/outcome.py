"""`LLMResult`: what the `llm_result` fixture hands a test - one type whatever the flags.

A plain run, `--llm-repeat N` and `--llm-resume` all give the test an `LLMResult` over one or more
samples (each a freshly asked `CaseResult` or a `RecordedResult` reused from an earlier run).
`score` is a number (the mean over samples), `passed` the verdict (a majority of the samples),
`samples` the per-sample records, and the completion metrics are plain numbers too, so

    assert llm_result.score >= 60
    assert llm_result.ttft_s < 2

work the same with and without repeats or resume.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import fmean
from typing import Any, Protocol


class SampleResult(Protocol):
    """One asked (or reused) sample: `CaseResult` or `RecordedResult`."""

    @property
    def passed(self) -> bool: ...

    def failure_message(self) -> str: ...

    def record(self) -> dict[str, Any]: ...


def _mean(values: list[Any]) -> float | None:
    numbers = [float(v) for v in values if v is not None]
    return fmean(numbers) if numbers else None


@dataclass
class LLMResult:
    """A case's outcome for one model and mode over its samples (one without `--llm-repeat`)."""

    model: str
    mode: str
    case_id: str
    results: list[Any]  # SampleResult: CaseResult or RecordedResult

    def __post_init__(self) -> None:
        if not self.results:
            raise ValueError(f"LLMResult for {self.case_id}: no samples")

    @property
    def samples(self) -> list[dict[str, Any]]:
        """Every sample's record, as results.json stores it."""
        return [r.record() for r in self.results]

    @property
    def n_samples(self) -> int:
        return len(self.results)

    @property
    def passed(self) -> bool:
        """True when at least half the samples passed (with one sample: that sample's verdict). An errored
        sample is a failed one."""
        return 2 * sum(bool(r.passed) for r in self.results) >= len(self.results)

    @property
    def pass_rate(self) -> float:
        """Percentage of samples that passed (0-100)."""
        return 100.0 * sum(bool(r.passed) for r in self.results) / len(self.results)

    @property
    def score(self) -> float | None:
        """The score 0-100 (mean over the samples that were scored); None when no sample was scored."""
        return _mean([s.get("score") for s in self.samples])

    @property
    def mean_score(self) -> float | None:
        return self.score

    @property
    def threshold(self) -> float | None:
        return self.samples[0].get("threshold")

    @property
    def error(self) -> dict[str, Any] | None:
        """The first sample's error (stage, type, message), or None when no sample errored."""
        return next((s["error"] for s in self.samples if s.get("error")), None)

    @property
    def errors(self) -> list[dict[str, Any]]:
        return [s["error"] for s in self.samples if s.get("error")]

    @property
    def errored(self) -> bool:
        return self.error is not None

    @property
    def answer(self) -> str:
        """The first sample's answer (thinking removed)."""
        return str(self.samples[0].get("answer") or "")

    @property
    def answers(self) -> list[str]:
        return [str(s.get("answer") or "") for s in self.samples]

    @property
    def covered(self) -> list[str]:
        return list(self.samples[0].get("covered") or [])

    @property
    def missing(self) -> list[str]:
        return list(self.samples[0].get("missing") or [])

    def _metric(self, name: str) -> float | None:
        return _mean([s.get(name) for s in self.samples])

    @property
    def ttft_s(self) -> float | None:
        """Time to first token, seconds (mean over samples)."""
        return self._metric("ttft_s")

    @property
    def e2e_s(self) -> float | None:
        """End-to-end request latency, seconds (mean over samples)."""
        return self._metric("e2e_s")

    @property
    def tpot_s(self) -> float | None:
        return self._metric("tpot_s")

    @property
    def decode_tok_s(self) -> float | None:
        return self._metric("decode_tok_s")

    @property
    def output_tokens(self) -> float | None:
        return self._metric("output_tokens")

    @property
    def prompt_tokens(self) -> float | None:
        return self._metric("prompt_tokens")

    @property
    def metrics(self) -> dict[str, float | None]:
        """The completion metrics as numbers (means over samples)."""
        names = ("ttft_s", "e2e_s", "tpot_s", "decode_tok_s", "output_tokens", "prompt_tokens")
        return {name: self._metric(name) for name in names}

    @property
    def details(self) -> Any:
        """The first sample's `Score` object (key points with their status), when it was scored in this run."""
        return getattr(self.results[0], "score", None)

    def failure_message(self) -> str:
        if len(self.results) == 1:
            return str(self.results[0].failure_message())
        mean = "-" if self.score is None else f"{self.score:.1f}"
        passed = sum(bool(r.passed) for r in self.results)
        head = (
            f"[{self.model}, {self.mode}] {self.case_id}: {passed}/{len(self.results)} samples passed "
            f"(mean score {mean}); a majority must pass"
        )
        worst = next((r for r in self.results if not r.passed), self.results[0])
        return head + "\n" + str(worst.failure_message())

    def __repr__(self) -> str:
        score = "-" if self.score is None else f"{self.score:.1f}"
        state = "error" if self.errored and not self.passed else ("passed" if self.passed else "failed")
        return f"LLMResult({self.model}, {self.mode}, {self.case_id}: {state}, score {score}, n={self.n_samples})"
