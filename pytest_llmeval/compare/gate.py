"""Gate expressions: `METRIC:THRESHOLD`, comma-separated or repeated, like pytest-benchmark's
`--benchmark-compare-fail`. `score:5` = mean score down by more than 5 points; `pass_rate:10` = pass
rate down by more than 10 percentage points; `ttft_p50:20%` = p50 TTFT up by more than 20%;
`decode_tok_s:10%` = mean decode tok/s down by more than 10%. A rule fails the gate only when the
change passes its threshold AND is significant (its paired interval excludes zero)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

# metric -> (case-record field, statistic, higher is better, unit)
METRICS: dict[str, tuple[str, str, bool, str]] = {
    "score": ("score", "mean", True, "points"),
    "pass_rate": ("passed", "rate", True, "percentage points"),
    "ttft_p50": ("ttft_s", "p50", False, "s"),
    "ttft_p95": ("ttft_s", "p95", False, "s"),
    "e2e_p50": ("e2e_s", "p50", False, "s"),
    "e2e_p95": ("e2e_s", "p95", False, "s"),
    "decode_tok_s": ("decode_tok_s", "mean", True, "tok/s"),
}
FORMS = (
    "score:5, pass_rate:10, ttft_p50:20%, ttft_p95:20%, e2e_p50:20%, e2e_p95:20%, decode_tok_s:10% "
    "(a number = absolute change in the metric's unit; with % = relative change)"
)


class GateError(ValueError):
    """A bad gate expression; the message names it and the accepted forms."""


@dataclass(frozen=True)
class FailRule:
    metric: str
    threshold: float
    relative: bool
    text: str

    @property
    def higher_is_better(self) -> bool:
        return METRICS[self.metric][2]

    def describe(self) -> str:
        direction = "down" if self.higher_is_better else "up"
        amount = f"{self.threshold:g}%" if self.relative else f"{self.threshold:g} {METRICS[self.metric][3]}"
        return f"{self.metric} {direction} by more than {amount}"


def parse_fail_expressions(value: str | Iterable[str]) -> list[FailRule]:
    texts = [value] if isinstance(value, str) else list(value)
    rules = []
    for text in texts:
        for part in (p.strip() for p in text.split(",")):
            if not part:
                continue
            metric, sep, threshold = part.partition(":")
            metric = metric.strip()
            if not sep:
                raise GateError(f"{part!r}: missing ':THRESHOLD'. Accepted: {FORMS}")
            if metric not in METRICS:
                raise GateError(f"{part!r}: unknown metric {metric!r}. Accepted: {FORMS}")
            relative = threshold.strip().endswith("%")
            number = threshold.strip().rstrip("%").strip()
            try:
                amount = float(number)
            except ValueError:
                raise GateError(f"{part!r}: threshold {threshold!r} is not a number. Accepted: {FORMS}") from None
            if amount < 0:
                raise GateError(f"{part!r}: threshold must be >= 0. Accepted: {FORMS}")
            rules.append(FailRule(metric, amount, relative, part))
    return rules
