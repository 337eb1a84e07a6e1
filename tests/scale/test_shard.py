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


@pytest.mark.parametrize(
    ("env", "count"),
    [
        ({"CI_NODE_INDEX": "2", "CI_NODE_TOTAL": "3"}, 5),  # shards 4 and 5 would never run
        ({"SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_COUNT": "4"}, 2),
        ({"LLMEVAL_SHARD": "2/4"}, 3),  # was silently ignored
        ({"LLMEVAL_SHARD_INDEX": "1", "LLMEVAL_SHARD_COUNT": "2"}, 3),
        ({"JOB_COMPLETION_INDEX": "0", "LLMEVAL_SHARD_COUNT": "4"}, 2),
    ],
)
def test_auto_refuses_a_shard_count_that_disagrees_with_the_environment(env, count):
    with pytest.raises(ShardError, match="disagree"):
        resolve_shard("auto", count, env)
    name = next(k for k in env if k.endswith(("TOTAL", "COUNT")) or k == "LLMEVAL_SHARD")
    agreeing = int(env[name].rpartition("/")[2])
    assert resolve_shard("auto", agreeing, env).count == agreeing  # the same count twice is fine


@pytest.mark.parametrize(
    ("env", "count", "named"),
    [
        (  # --array=1,2,7: task 7 of 3
            {"SLURM_ARRAY_TASK_ID": "7", "SLURM_ARRAY_TASK_COUNT": "3", "SLURM_ARRAY_TASK_MIN": "1"},
            None,
            ["SLURM_ARRAY_TASK_ID=7", "SLURM_ARRAY_TASK_MIN=1", "SLURM_ARRAY_TASK_COUNT=3", "--array=1-3"],
        ),
        ({"JOB_COMPLETION_INDEX": "4"}, 4, ["JOB_COMPLETION_INDEX=4", "--llm-shard-count 4", "spec.completions"]),
        ({"JOB_COMPLETION_INDEX": "1", "LLMEVAL_SHARD_COUNT": "0"}, None, ["LLMEVAL_SHARD_COUNT=0", "at least 1"]),
        ({"LLMEVAL_SHARD": "0/4"}, None, ["LLMEVAL_SHARD=0/4", "1-based"]),
        ({"LLMEVAL_SHARD_INDEX": "0", "LLMEVAL_SHARD_COUNT": "4"}, None, ["LLMEVAL_SHARD_INDEX=0", "1..4"]),
        ({"CI_NODE_INDEX": "4", "CI_NODE_TOTAL": "3"}, None, ["CI_NODE_INDEX=4", "CI_NODE_TOTAL=3"]),
    ],
)
def test_a_bad_index_from_the_environment_names_the_variables_and_their_values(env, count, named):
    with pytest.raises(ShardError) as caught:
        shard_from_env(env, count)
    message = str(caught.value)
    assert all(part in message for part in named), message
    assert "use K/N with 1 <= K <= N" not in message  # the --llm-shard fix does not apply to a job's variables


def test_the_record_fingerprints_the_suite_content_and_keeps_the_settings_small():
    import dataclasses
    from types import SimpleNamespace

    cases = [SimpleNamespace(id=f"q{i}", content_hash=f"h{i}") for i in range(4)]
    shard = Shard(2, 3)
    plain = shard.record(c.id for c in cases)
    assert "suite_hashes" not in plain  # nothing bound: the ids alone, as before
    shard.bind(lambda: cases, "/work/proj")
    record = shard.record(c.id for c in cases)
    assert record["suite_hashes"] == ["h0", "h1", "h2", "h3"] and record["root"] == "/work/proj"
    assert record["suite_fingerprint"] == plain["suite_fingerprint"]
    cases[2] = SimpleNamespace(id="q2", content_hash="changed")
    assert shard.record(c.id for c in cases)["suite_content_fingerprint"] != record["suite_content_fingerprint"]
    assert dataclasses.asdict(shard) == {"index": 2, "count": 3, "source": "--llm-shard"}  # run.settings.shard
    assert shard == Shard(2, 3)
