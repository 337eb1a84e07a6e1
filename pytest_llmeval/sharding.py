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
  `SLURM_ARRAY_TASK_STEP` (so `--array=1-8`, `--array=0-7` and `--array=0-15:4` all work); a list
  (`--array=3,7,9`: `SLURM_ARRAY_TASK_MAX` is not where the grid ends) is refused in every task;
- `CI_NODE_INDEX` + `CI_NODE_TOTAL` (GitLab `parallel:`): 1-based.

No pytest here: the plugin deselects the other shards' tests at collection.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Mapping
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

    def bind(self, cases: Callable[[], Iterable[Any]], root: object = None) -> None:
        """Where `record` finds the whole suite's cases (objects with `id` and `content_hash`; called when the
        record is made, after the cases are loaded) and the run's root folder. The plugin binds them at start.
        Kept beside the dataclass fields, as `Case.content_hash` keeps its cache, so the settings written to
        results.json (run.settings.shard) stay index, count and source."""
        self.__dict__["_cases"] = cases
        self.__dict__["_root"] = None if root is None else str(root)

    def record(self, case_ids: Iterable[str]) -> dict[str, Any]:
        """What results.json keeps of the shard: the index, the source, and the whole suite's case order and
        fingerprint, so `merge` can tell which cases every shard was due and that all ran the same suite. When
        the suite's cases are bound (`bind`), also each case's content hash in that order and their fingerprint
        (`merge` refuses shards that graded the same ids with different scenario content), and the run's root
        folder (`merge` compares path-valued settings relative to it)."""
        order = list(case_ids)
        data: dict[str, Any] = {
            "index": self.index,
            "count": self.count,
            "source": self.source,
            "suite_cases": order,
            "suite_fingerprint": suite_fingerprint(order),
            "selected_cases": sum(1 for c in order if self.owns(c)),
        }
        cases = self.__dict__.get("_cases")
        if cases is not None:
            hashes = {case.id: case.content_hash for case in cases()}
            content = [hashes.get(case_id, "") for case_id in order]
            data["suite_hashes"] = content
            data["suite_content_fingerprint"] = suite_content_fingerprint(order, content)
        if self.__dict__.get("_root"):
            data["root"] = self.__dict__["_root"]
        return data


def shard_of(case_id: str, count: int) -> int:
    """The 1-based shard of a case: sha256 of its id, modulo the count (stable across Python runs)."""
    digest = hashlib.sha256(case_id.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % count + 1


def suite_fingerprint(case_ids: Iterable[str]) -> str:
    return hashlib.sha256("\n".join(case_ids).encode("utf-8")).hexdigest()[:16]


def suite_content_fingerprint(case_ids: Iterable[str], hashes: Iterable[str]) -> str:
    """The suite's case ids in order, each with its content hash (everything that decides how it is asked and
    graded): two runs with the same fingerprint asked and graded the same suite."""
    lines = (f"{case_id}\t{content}" for case_id, content in zip(case_ids, hashes))
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()[:16]


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


def _count(env: Mapping[str, str], name: str, count: int | None) -> tuple[int | None, str]:
    """The shard count from --llm-shard-count and the variable `name` (both may be set: then they must agree),
    and where it came from, for messages."""
    given = _int(env, name) if env.get(name, "").strip() else None
    if count is not None and given is not None and count != given:
        raise ShardError(
            f"--llm-shard-count {count} and {name}={given} disagree: the shards would be split {count} ways in one "
            f"job and {given} in another. Fix: drop --llm-shard-count (the job system gives the count) or set "
            f"{name} to the number of shards"
        )
    if count is not None:
        return count, f"--llm-shard-count {count}"
    return given, f"{name}={given}"


def _checked(index: int, total: int, source: str, said: str, fix: str) -> Shard:
    """The Shard, or a ShardError that names the variables and their values (`said`) and the fix."""
    if total < 1:
        raise ShardError(f"{said}: a shard count must be at least 1. Fix: {fix}")
    if not 1 <= index <= total:
        raise ShardError(f"{said}: shard {index} of {total} is out of range. Fix: {fix}")
    return Shard(index, total, source)


def shard_from_env(env: Mapping[str, str], count: int | None = None) -> Shard:
    """The shard of this job from the job system's variables (see the module's table); `count` is
    --llm-shard-count, which must agree with a count the environment gives. ShardError when none is set, or
    when the variables give no valid shard (the message names them, with their values)."""
    if env.get("LLMEVAL_SHARD"):
        text = env["LLMEVAL_SHARD"]
        match = _SPEC.match(text)
        if not match:
            raise ShardError(f"LLMEVAL_SHARD={text!r}: write K/N with 1 <= K <= N (1-based), e.g. 2/4")
        k, n = int(match.group(1)), int(match.group(2))
        if count is not None and count != n:
            raise ShardError(
                f"--llm-shard-count {count} and LLMEVAL_SHARD={text.strip()} disagree. Fix: drop --llm-shard-count "
                "(LLMEVAL_SHARD gives the count)"
            )
        fix = "set LLMEVAL_SHARD=K/N with 1 <= K <= N (1-based" + (f": 1/{n} .. {n}/{n})" if n else ")")
        return _checked(k, n, "LLMEVAL_SHARD", f"LLMEVAL_SHARD={text.strip()}", fix)
    if env.get("LLMEVAL_SHARD_INDEX"):
        total, where = _count(env, "LLMEVAL_SHARD_COUNT", count)
        if total is None:
            raise ShardError(
                "LLMEVAL_SHARD_INDEX is set without a count. Fix: set LLMEVAL_SHARD_COUNT or --llm-shard-count"
            )
        index = _int(env, "LLMEVAL_SHARD_INDEX")
        return _checked(
            index,
            total,
            "LLMEVAL_SHARD_INDEX/LLMEVAL_SHARD_COUNT",
            f"LLMEVAL_SHARD_INDEX={index} with {where}",
            f"LLMEVAL_SHARD_INDEX is 1-based: give the jobs 1..{max(total, 1)} (a matrix shard: [1, 2, ...]) and "
            "the number of jobs as the count",
        )
    if env.get("JOB_COMPLETION_INDEX"):
        total, where = _count(env, "LLMEVAL_SHARD_COUNT", count)
        if total is None:
            raise ShardError(
                "JOB_COMPLETION_INDEX is set but Kubernetes does not expose the completion count. "
                "Fix: pass --llm-shard-count N (the Job's spec.completions) or set LLMEVAL_SHARD_COUNT"
            )
        index = _int(env, "JOB_COMPLETION_INDEX")
        return _checked(
            index + 1,
            total,
            "JOB_COMPLETION_INDEX",
            f"JOB_COMPLETION_INDEX={index} (0-based) with {where}",
            "set the count (--llm-shard-count or LLMEVAL_SHARD_COUNT) to the Job's spec.completions",
        )
    if env.get("SLURM_ARRAY_TASK_ID"):
        task = _int(env, "SLURM_ARRAY_TASK_ID")
        first = _int(env, "SLURM_ARRAY_TASK_MIN") if env.get("SLURM_ARRAY_TASK_MIN") else 0
        step = _int(env, "SLURM_ARRAY_TASK_STEP") if env.get("SLURM_ARRAY_TASK_STEP") else 1
        given = env.get("SLURM_ARRAY_TASK_COUNT", "").strip()
        if count is not None and given and _int(env, "SLURM_ARRAY_TASK_COUNT") != count:
            raise ShardError(
                f"--llm-shard-count {count} and SLURM_ARRAY_TASK_COUNT={given} disagree: this array has {given} "
                f"task(s), and a part of an array submitted again (sbatch --array=2 to retry one task) numbers its "
                f"tasks on its own, so SLURM_ARRAY_TASK_ID={task} does not say which of the {count} shards it is. "
                f"Fix: run a retried task as --llm-shard K/{count} (K: the shard it retries, 1-based), or submit "
                f"the whole array of {count} task(s) and drop --llm-shard-count"
            )
        total, where = _count(env, "SLURM_ARRAY_TASK_COUNT", count)
        if total is None:
            raise ShardError("SLURM_ARRAY_TASK_ID is set without SLURM_ARRAY_TASK_COUNT. Fix: pass --llm-shard-count N")
        last = first + (max(total, 1) - 1) * step
        array = f"{first}-{last}" + (f":{step}" if step > 1 else "")
        if step < 1 or (task - first) % step:
            raise ShardError(
                f"SLURM_ARRAY_TASK_ID={task} is not on the array's grid (min {first}, step {step}). "
                f"Fix: submit an array of evenly spaced task ids such as --array={array}, or pass --llm-shard K/N"
            )
        if env.get("SLURM_ARRAY_TASK_MAX", "").strip() and _int(env, "SLURM_ARRAY_TASK_MAX") != last:
            # a list (--array=3,7,9) or a grid cut short: every task refuses it, not just those off the grid, so
            # no task runs a shard whose siblings cannot
            high = _int(env, "SLURM_ARRAY_TASK_MAX")
            raise ShardError(
                f"SLURM_ARRAY_TASK_MIN={first}, SLURM_ARRAY_TASK_MAX={high}, SLURM_ARRAY_TASK_STEP={step} and "
                f"{where} do not describe evenly spaced task ids ({total} task(s) from {first} in steps of {step} end "
                f"at {last}, not {high}): an array given as a list (--array=3,7,9) cannot be numbered as shards. "
                f"Fix: submit --array={array} (or any evenly spaced range of {max(total, 1)} task(s)), or pass "
                "--llm-shard K/N"
            )
        return _checked(
            (task - first) // step + 1,
            total,
            "SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT",
            f"SLURM_ARRAY_TASK_ID={task} (counted from SLURM_ARRAY_TASK_MIN={first} in steps of {step}) with {where}",
            f"submit a contiguous array of {max(total, 1)} task(s), e.g. --array={array} (a list such as "
            "--array=1,2,7 cannot be numbered as shards), or pass --llm-shard K/N",
        )
    if env.get("CI_NODE_INDEX"):
        total, where = _count(env, "CI_NODE_TOTAL", count)
        if total is None:
            raise ShardError(
                "CI_NODE_INDEX is set without CI_NODE_TOTAL (GitLab's parallel: sets both). Fix: set CI_NODE_TOTAL "
                "to the number of jobs, or pass --llm-shard-count N"
            )
        index = _int(env, "CI_NODE_INDEX")
        return _checked(
            index,
            total,
            "CI_NODE_INDEX/CI_NODE_TOTAL",
            f"CI_NODE_INDEX={index} with {where}",
            f"CI_NODE_INDEX is 1-based (GitLab's parallel: sets 1..CI_NODE_TOTAL): where you set these variables "
            f"yourself, give the jobs 1..{max(total, 1)}",
        )
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
        case = case_of(item)
        mine = shard.owns(case.id) if case is not None else shard.index == 1
        (keep if mine else drop).append(item)
    return keep, drop


def case_of(item: Any) -> Any | None:
    """The scenario case a pytest item is parametrised with (`llm_case`), or None for a test that takes none."""
    callspec = getattr(item, "callspec", None)
    return callspec.params.get("llm_case") if callspec is not None else None
