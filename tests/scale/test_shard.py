"""--llm-shard: the split (stable, complete, cases kept whole) and the job-array variables of --llm-shard auto."""

from __future__ import annotations

import pytest

from pytest_llmeval.sharding import Shard, ShardError, parse_shard, resolve_shard, shard_from_env, shard_of


def test_every_case_lands_in_exactly_one_shard_and_shards_are_balanced():
    ids = [f"case_{i:04d}" for i in range(2000)]
    shards = [Shard(k, 4) for k in range(1, 5)]
    owners = [[s.index for s in shards if s.owns(c)] for c in ids]
    assert all(len(o) == 1 for o in owners)
    sizes = [sum(1 for o in owners if o == [k]) for k in range(1, 5)]
    assert min(sizes) > 400, sizes  # about 500 each


def test_adding_cases_moves_no_other_case():
    before = {f"c{i}": shard_of(f"c{i}", 5) for i in range(300)}
    after = {f"c{i}": shard_of(f"c{i}", 5) for i in range(600)}
    assert all(after[c] == before[c] for c in before)


def test_parse_is_one_based_and_refuses_out_of_range():
    assert parse_shard("2/4") == Shard(2, 4)
    for bad in ("0/4", "5/4", "4", "a/b", "1/0"):
        with pytest.raises(ShardError, match="K/N"):
            parse_shard(bad)


@pytest.mark.parametrize(
    ("env", "count", "expected"),
    [
        ({"JOB_COMPLETION_INDEX": "0"}, 3, (1, 3)),  # Kubernetes: 0-based, count from --llm-shard-count
        ({"JOB_COMPLETION_INDEX": "2", "LLMEVAL_SHARD_COUNT": "3"}, None, (3, 3)),
        ({"SLURM_ARRAY_TASK_ID": "0", "SLURM_ARRAY_TASK_COUNT": "4", "SLURM_ARRAY_TASK_MIN": "0"}, None, (1, 4)),
        ({"SLURM_ARRAY_TASK_ID": "4", "SLURM_ARRAY_TASK_COUNT": "4", "SLURM_ARRAY_TASK_MIN": "1"}, None, (4, 4)),
        (  # --array=10-16:2 -> 10, 12, 14, 16
            {
                "SLURM_ARRAY_TASK_ID": "14",
                "SLURM_ARRAY_TASK_COUNT": "4",
                "SLURM_ARRAY_TASK_MIN": "10",
                "SLURM_ARRAY_TASK_STEP": "2",
            },
            None,
            (3, 4),
        ),
        ({"CI_NODE_INDEX": "2", "CI_NODE_TOTAL": "5"}, None, (2, 5)),  # GitLab parallel: 1-based
        ({"LLMEVAL_SHARD_INDEX": "1", "LLMEVAL_SHARD_COUNT": "2"}, None, (1, 2)),  # a CI matrix: 1-based
        ({"LLMEVAL_SHARD": "3/8", "SLURM_ARRAY_TASK_ID": "0"}, None, (3, 8)),  # the explicit variable wins
    ],
)
def test_auto_reads_the_job_array_variables(env, count, expected):
    shard = shard_from_env(env, count)
    assert (shard.index, shard.count) == expected


@pytest.mark.parametrize(
    ("env", "count", "message"),
    [
        ({}, None, "no job-array variable is set"),
        ({"JOB_COMPLETION_INDEX": "1"}, None, "--llm-shard-count"),
        (
            {"SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_COUNT": "3", "SLURM_ARRAY_TASK_MIN": "0"},
            None,
            "out of range",
        ),
        ({"SLURM_ARRAY_TASK_ID": "x", "SLURM_ARRAY_TASK_COUNT": "3"}, None, "not a whole number"),
    ],
)
def test_auto_without_usable_variables_says_what_to_set(env, count, message):
    with pytest.raises(ShardError, match=message):
        resolve_shard("auto", count, env)


def test_count_without_shard_and_disagreeing_count_are_refused():
    with pytest.raises(ShardError, match="without --llm-shard"):
        resolve_shard(None, 3, {})
    with pytest.raises(ShardError, match="disagree"):
        resolve_shard("1/2", 3, {})
