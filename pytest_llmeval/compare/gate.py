"""Gate expressions and exit codes.

`METRIC:THRESHOLD`, comma-separated or repeated, like pytest-benchmark's `--benchmark-compare-fail`.
Quality rules are non-inferiority tests: `score:5` fails when we are 95% confident (one-sided, Holm-adjusted
over every rule x model x mode of the comparison) that the mean score fell by more than 5 points;
`pass_rate:10` the same for the pass rate in percentage points. Speed rules (`ttft_p50:20%`,
`decode_tok_s:10%`, ...) compare the run's statistic with the baseline's against the threshold alone: the
run is the unit of replication for speed, so one pair of runs gives no significance. A time threshold takes its
unit (`ttft_p50:200ms`, `e2e_p95:2s`) or `%`; a bare number is seconds only up to 1 - above it, `ttft_p50:200` could
be 200 ms (vllm bench, k6) or 200% as well as 200 s, and as seconds it never fails: a usage error asks for the unit.

Exit codes (the standalone `compare` and, inside pytest, the session): 0 ok; pytest's own 1 (a case
failed), 2 (interrupted / usage error of the command), 3, 4, 5; EXIT_REGRESSION (6) a rule failed;
EXIT_BROKEN (7) the new run is broken or incomplete (degraded, interrupted, baseline cases, models or modes
missing, nothing comparable) and that was not allowed, or the comparison itself failed; EXIT_UNCHECKED (8) a speed
rule the user asked for could not be checked at all (`unchecked_rules`: no request timed in both runs, other load,
settings or hardware, a re-score of the same run, too few requests for a p95) - nothing was measured, so the gate
cannot say the rule held, and a CI job that gates latency must not read "passed" every night while it checks
nothing. A quality rule that no outcome can fail at this n is not "unchecked": its cases were compared, and its
status says the cases that would check it (exit 0) - unless every case got worse past the threshold (its p the
smallest the n allows: 3 cases going 100 -> 0), which exits 8 too (`problems.blind_collapses`), as do the samples
another --llm-repeat leaves out of the gate when, compared like for like, they are worse past a rule (`repeats`).
Precedence: 7 > 6 > 8 > 1 > 0; pytest's 2-5 are kept.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

EXIT_OK = 0
EXIT_REGRESSION = 6
EXIT_BROKEN = 7
EXIT_UNCHECKED = 8
QUALITY = ("score", "pass_rate")

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
    "score:5, pass_rate:10, ttft_p50:20%, ttft_p95:200ms, e2e_p50:20%, e2e_p95:2s, decode_tok_s:10% "
    "(a number = absolute change in the metric's unit - points, percentage points, tok/s; a time takes ms or s, "
    "a bare number only up to 1 (seconds); with % = relative change)"
)
# a time metric's threshold units and their factor to seconds
TIME_UNITS = {"ms": 0.001, "s": 1.0}
# a number followed by letters: a unit (`200ms`, `0.2 s`, `2min`); `inf` and `1e3` have none
_UNIT = re.compile(r"(?P<number>[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)\s*(?P<unit>[a-z]+)", re.IGNORECASE)
# the largest bare number a time threshold is read as seconds; above it the unit must be written
BARE_SECONDS_MAX = 1.0


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

    @property
    def is_quality(self) -> bool:
        return self.metric in QUALITY

    def describe(self) -> str:
        direction = "down" if self.higher_is_better else "up"
        amount = f"{self.threshold:g}%" if self.relative else f"{self.threshold:g} {METRICS[self.metric][3]}"
        if not self.relative and _is_time(self.metric) and 0 < self.threshold < 1:
            amount = f"{self.threshold * 1000:g} ms"  # `ttft_p50:200ms` reads back as written, not as 0.2 s
        return f"{self.metric} {direction} by more than {amount}"


def parse_fail_expressions(value: str | Iterable[str]) -> list[FailRule]:
    """`score:5,pass_rate:10` -> the rules; a string may be empty (no rule), while each value of a repeated option
    (`--fail`, `--llm-compare-fail`: a list) must hold one - `--fail ""` gated nothing, and every regression passed.
    A GateError names the part that is wrong and the fix, also for a threshold outside the metric's scale
    (`pass_rate:150`: no pass rate falls by more than 100 points, so the rule could never fail) and a metric given
    twice (each quality rule is one more member of the Holm family, so a repeated rule only weakens the gate)."""
    texts = [value] if isinstance(value, str) else list(value)
    rules = []
    for text in texts:
        parts = [p.strip() for p in text.split(",") if p.strip()]
        if not parts and not isinstance(value, str):
            raise GateError(
                f"{text!r}: no rule in it, so nothing would be gated. Fix: METRIC:THRESHOLD, e.g. {FORMS}; leave the "
                "option out to compare without a rule"
            )
        rules += [_parse_rule(part) for part in parts]
    _refuse_repeats(rules)
    return rules


def _parse_rule(part: str) -> FailRule:
    metric, sep, threshold = part.partition(":")
    metric = metric.strip()
    if not sep:
        raise GateError(f"{part!r}: missing ':THRESHOLD'. Fix: METRIC:THRESHOLD, e.g. {FORMS}")
    if metric not in METRICS:
        raise GateError(f"{part!r}: unknown metric {metric!r}. Fix: METRIC:THRESHOLD, e.g. {FORMS}")
    relative = threshold.strip().endswith("%")
    number = threshold.strip().removesuffix("%").strip()
    number, scale = _time_unit(part, metric, number) if not relative else (number, 1.0)
    try:
        amount = float(_plain_number(number))
    except ValueError:
        raise GateError(
            f"{part!r}: threshold {threshold!r} is not a number. Fix: METRIC:THRESHOLD, e.g. {FORMS}"
        ) from None
    if not math.isfinite(amount):  # nan failed every comparison of equal runs, inf let every regression pass
        raise GateError(f"{part!r}: threshold {threshold!r} is not a finite number. Fix: a number, {FORMS}")
    if amount < 0:
        raise GateError(f"{part!r}: threshold must be >= 0. Fix: a threshold of 0 or more, e.g. {FORMS}")
    never = _never_fails(metric, amount, relative)
    if never is not None:
        raise GateError(f"{part!r}: this rule can never fail ({never}). Fix: a smaller threshold, {FORMS}")
    if scale is None:
        _refuse_ambiguous_seconds(part, metric, amount)
        scale = 1.0
    return FailRule(metric, amount * scale, relative, part)


def _is_time(metric: str) -> bool:
    return METRICS[metric][3] == "s"


def _time_unit(part: str, metric: str, number: str) -> tuple[str, float | None]:
    """A time metric's threshold without its unit and the factor to seconds: `200ms` -> ("200", 0.001), `0.2s` ->
    ("0.2", 1.0), a bare number -> (number, None): the caller decides whether it can only mean seconds. A unit on
    a metric that is not a time (`score:5ms`) is refused: points and tok/s have no other unit to convert from."""
    unit = _UNIT.fullmatch(number)
    if unit is None:
        return number, (None if _is_time(metric) else 1.0)
    name = unit.group("unit").lower()
    if not _is_time(metric) and name not in TIME_UNITS:
        return number, 1.0  # `score:5e`: not a number, as any other typo
    if not _is_time(metric):
        raise GateError(
            f"{part!r}: {metric} is measured in {METRICS[metric][3]}, not in {unit.group('unit')!r}. Fix: a plain "
            f"number or N%, e.g. {metric}:5 or {metric}:5%"
        )
    if name not in TIME_UNITS:
        raise GateError(
            f"{part!r}: unknown time unit {unit.group('unit')!r}. Fix: {metric}:200ms, {metric}:0.2s or "
            f"{metric}:20% (ms, s or %)"
        )
    return unit.group("number"), TIME_UNITS[name]


def _refuse_ambiguous_seconds(part: str, metric: str, amount: float) -> None:
    """A bare number on a time metric was read as seconds; above BARE_SECONDS_MAX it is as likely meant as
    milliseconds (vllm bench serve reports TTFT and E2EL in ms, k6 thresholds take a bare number as ms) or as a
    percentage (`ttft_p50:20%` is the form every example shows): `ttft_p50:200` became a rule that fails only when
    TTFT rises by 200 seconds - never. A bare number up to 1 can only be seconds (a 0.5 ms or 0.5% latency threshold
    is below any run-to-run noise), so the spellings that worked (`ttft_p50:0.5`, `e2e_p50:1`) keep working."""
    if amount <= BARE_SECONDS_MAX:
        return
    raise GateError(
        f"{part!r}: a time threshold without a unit is ambiguous above {BARE_SECONDS_MAX:g} ({amount:g} seconds, "
        f"{amount:g} ms or {amount:g}%?), and as seconds the rule would almost never fail. Fix: write the unit - "
        f"{metric}:{amount:g}ms, {metric}:{amount:g}s or {metric}:{amount:g}%"
    )


def _plain_number(text: str) -> str:
    """`text` when it is a number as a user types one in a gate expression; ValueError otherwise. float() alone
    took what a shell or a typo leaves: `score:5%%` (a `%%` escape written into a CI file: `rstrip` read it as 5%),
    `score:5_0` (a digit separator: 50 points, a gate ten times looser than meant), digits of other scripts."""
    if "%" in text or "_" in text or not text.isascii():
        raise ValueError(text)
    return text


def _never_fails(metric: str, amount: float, relative: bool) -> str | None:
    """Why a threshold is outside what the metric can do, so the rule could never fail, or None: a quality metric
    lives on 0-100 and never falls by more than 100 points (or 100% of the baseline's value), a rate never by more
    than 100% - 100% included: a fall of more than all of it cannot happen. (An absolute 100 points is kept: the rule
    then says no number of cases can check it, and a collapse to 0 under it is not passed: `problems.blind_collapses`.)
    """
    if metric in QUALITY and amount > 100:
        unit = "% of the baseline's value" if relative else f" {METRICS[metric][3]}"
        return f"{metric} is on a 0-100 scale: it can fall by at most 100{unit}"
    if relative and METRICS[metric][2] and amount >= 100:
        # "more than 100%" of a value that is never below 0 cannot happen: decode_tok_s:100% passed a server that
        # decoded at a thousandth of the baseline's speed, score:100% a run whose every case went 100 -> 0
        return f"{metric} is never below 0: it can fall by at most 100%, and the rule fails only past its threshold"
    return None


def _refuse_repeats(rules: list[FailRule]) -> None:
    """A metric given twice: for a quality metric in any form (both rules would join the Holm family: `score:5`
    given twice fails 7 of 14 cases going pass -> fail no longer), for a speed metric in the same form."""
    seen: dict[tuple[str, bool], FailRule] = {}
    for rule in rules:
        key = (rule.metric, False if rule.is_quality else rule.relative)
        first = seen.setdefault(key, rule)
        if first is not rule:
            why = (
                "two rules on one quality metric are two members of the Holm family: the second only weakens the gate"
                if rule.is_quality
                else "the same check twice"
            )
            raise GateError(
                f"{rule.text!r}: {rule.metric} is already gated by {first.text!r} ({why}). Fix: keep one rule per "
                "metric"
            )


def parse_pairs(values: Iterable[str]) -> dict[str, str]:
    """`BASE_LABEL=NEW_LABEL` (repeatable, or comma-separated) -> {base: new}."""
    pairs: dict[str, str] = {}
    for text in values:
        for part in (p.strip() for p in text.split(",")):
            if not part:
                continue
            base, sep, new = part.partition("=")
            if not sep or not base.strip() or not new.strip():
                raise GateError(f"{part!r}: use BASE_LABEL=NEW_LABEL, e.g. qwen-bf16=qwen-fp8")
            if base.strip() in pairs:
                raise GateError(f"{part!r}: {base.strip()!r} is paired twice. Fix: pair each baseline label once")
            pairs[base.strip()] = new.strip()
    return pairs
