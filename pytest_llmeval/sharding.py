"""`--llm-shard K/N`: a deterministic 1/N of a suite's cases, chosen by a stable hash of each case id.

A case lands in the shard `sha256(case id) mod N`, so adding or removing cases never moves another
case, and every test of one case - each model, each mode, each sample - runs in the same shard. K is
1-based (`1/4` ... `4/4`), as in Playwright's and Jest's `--shard`; `--llm-shard auto` reads the
index from the job system, converting its numbering:

- `LLMEVAL_SHARD=K/N`: 1-based, like the flag;
- `LLMEVAL_SHARD_INDEX` + `LLMEVAL_SHARD_COUNT`: 1-based (a CI matrix `shard: [1, 2, 3]`);
- `JOB_COMPLETION_INDEX` (Kubernetes Indexed Job): 0-based; the count from `--llm-shard-count` or
  `LLMEVAL_SHARD_COUNT` (Kubernetes does not expose `spec.completions` to the pod);
- `SLURM_ARRAY_TASK_ID` + `SLURM_ARRAY_TASK_COUNT`: counted from `SLURM_ARRAY_TASK_MIN` in steps of
  `SLURM_ARRAY_TASK_STEP` (so `--array=1-8` and `--array=0-7` both work);
- `CI_NODE_INDEX` + `CI_NODE_TOTAL` (GitLab `parallel:`): 1-based.

No pytest here: the plugin deselects the other shards' tests at collection.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

AUTO = "auto"
_SPEC = re.compile(r"^\s*(\d+)\s*/\s*(\d+)\s*$")


class ShardError(ValueError):
    """A shard cannot be worked out; the message names the option or variable and the fix."""


@dataclass(frozen=True)
class Shard:
    index: int  # 1-based: 1..count
    count: int
    source: str = "--llm-shard"  # the option or the environment variable(s) it came from

    def __post_init__(self) -> None:
        if self.count < 1 or not 1 <= self.index <= self.count:
            raise ShardError(
                f"{self.source}: shard {self.index}/{self.count} is out of range. Fix: use K/N with 1 <= K <= N"
            )

    @property
    def label(self) -> str:
        return f"{self.index}/{self.count}"

    def owns(self, case_id: str) -> bool:
        return shard_of(case_id, self.count) == self.index

    def record(self, case_ids: Iterable[str]) -> dict[str, Any]:
        """What results.json keeps of the shard: the index, the source, and the whole suite's case order and
        fingerprint, so `merge` can tell which cases every shard was due and that all ran the same suite."""
        order = list(case_ids)
        return {
            "index": self.index,
            "count": self.count,
            "source": self.source,
            "suite_cases": order,
            "suite_fingerprint": suite_fingerprint(order),
            "selected_cases": sum(1 for c in order if self.owns(c)),
        }


def shard_of(case_id: str, count: int) -> int:
    """The 1-based shard of a case: sha256 of its id, modulo the count (stable across Python runs)."""
    digest = hashlib.sha256(case_id.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % count + 1


def suite_fingerprint(case_ids: Iterable[str]) -> str:
    return hashlib.sha256("\n".join(case_ids).encode("utf-8")).hexdigest()[:16]


def parse_shard(text: str, source: str = "--llm-shard") -> Shard:
    """`K/N` (1-based K)."""
    match = _SPEC.match(text or "")
    if not match:
        raise ShardError(f"{source} {text!r}: write K/N with 1 <= K <= N (1-based), e.g. 2/4, or 'auto'")
    return Shard(int(match.group(1)), int(match.group(2)), source)


def _int(env: Mapping[str, str], name: str) -> int:
    value = env.get(name, "").strip()
    if not value.lstrip("-").isdigit():
        raise ShardError(f"{name}={value!r} is not a whole number")
    return int(value)


def shard_from_env(env: Mapping[str, str], count: int | None = None) -> Shard:
    """The shard of this job from the job system's variables (see the module's table); `count` is
    --llm-shard-count. ShardError when none is set."""
    if env.get("LLMEVAL_SHARD"):
        return parse_shard(env["LLMEVAL_SHARD"], "LLMEVAL_SHARD")
    if env.get("LLMEVAL_SHARD_INDEX"):
        total = count or (_int(env, "LLMEVAL_SHARD_COUNT") if env.get("LLMEVAL_SHARD_COUNT") else None)
        if total is None:
            raise ShardError(
                "LLMEVAL_SHARD_INDEX is set without a count. Fix: set LLMEVAL_SHARD_COUNT or --llm-shard-count"
            )
        return Shard(_int(env, "LLMEVAL_SHARD_INDEX"), total, "LLMEVAL_SHARD_INDEX/LLMEVAL_SHARD_COUNT")
    if env.get("JOB_COMPLETION_INDEX"):
        total = count or (_int(env, "LLMEVAL_SHARD_COUNT") if env.get("LLMEVAL_SHARD_COUNT") else None)
        if total is None:
            raise ShardError(
                "JOB_COMPLETION_INDEX is set but Kubernetes does not expose the completion count. "
                "Fix: pass --llm-shard-count N (the Job's spec.completions) or set LLMEVAL_SHARD_COUNT"
            )
        return Shard(_int(env, "JOB_COMPLETION_INDEX") + 1, total, "JOB_COMPLETION_INDEX")
    if env.get("SLURM_ARRAY_TASK_ID"):
        task = _int(env, "SLURM_ARRAY_TASK_ID")
        first = _int(env, "SLURM_ARRAY_TASK_MIN") if env.get("SLURM_ARRAY_TASK_MIN") else 0
        step = _int(env, "SLURM_ARRAY_TASK_STEP") if env.get("SLURM_ARRAY_TASK_STEP") else 1
        total = count or (_int(env, "SLURM_ARRAY_TASK_COUNT") if env.get("SLURM_ARRAY_TASK_COUNT") else None)
        if total is None:
            raise ShardError("SLURM_ARRAY_TASK_ID is set without SLURM_ARRAY_TASK_COUNT. Fix: pass --llm-shard-count N")
        if step < 1 or (task - first) % step:
            raise ShardError(
                f"SLURM_ARRAY_TASK_ID={task} is not on the array's grid (min {first}, step {step}). "
                "Fix: submit a contiguous array such as --array=0-7, or pass --llm-shard K/N"
            )
        return Shard((task - first) // step + 1, total, "SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT")
    if env.get("CI_NODE_INDEX") and env.get("CI_NODE_TOTAL"):
        return Shard(_int(env, "CI_NODE_INDEX"), count or _int(env, "CI_NODE_TOTAL"), "CI_NODE_INDEX/CI_NODE_TOTAL")
    raise ShardError(
        "--llm-shard auto: no job-array variable is set (looked for LLMEVAL_SHARD, LLMEVAL_SHARD_INDEX, "
        "JOB_COMPLETION_INDEX, SLURM_ARRAY_TASK_ID, CI_NODE_INDEX). Fix: run it as an array job, set "
        "LLMEVAL_SHARD=K/N, or pass --llm-shard K/N"
    )


def resolve_shard(value: str | None, count: int | None, env: Mapping[str, str]) -> Shard | None:
    """The --llm-shard value (None, `K/N` or `auto`) as a Shard."""
    if value is None or value == "":
        if count is not None:
            raise ShardError("--llm-shard-count is set without --llm-shard. Fix: add --llm-shard auto")
        return None
    if value.strip() == AUTO:
        return shard_from_env(env, count)
    shard = parse_shard(value)
    if count is not None and count != shard.count:
        raise ShardError(f"--llm-shard {value} and --llm-shard-count {count} disagree. Fix: drop --llm-shard-count")
    return shard


def split_items(items: list[Any], shard: Shard) -> tuple[list[Any], list[Any]]:
    """pytest items (duck-typed: `item.callspec.params["llm_case"].id`) split into this shard's and the
    others'. A test that takes no case (a benchmark, a plain test) runs in shard 1 only."""
    keep: list[Any] = []
    drop: list[Any] = []
    for item in items:
        callspec = getattr(item, "callspec", None)
        case = callspec.params.get("llm_case") if callspec is not None else None
        mine = shard.owns(case.id) if case is not None else shard.index == 1
        (keep if mine else drop).append(item)
    return keep, drop
