"""BenchConfig validation: errors name the field and the fix."""

from __future__ import annotations

import pytest

from pytest_llmeval.bench import BenchConfig, BenchConfigError


def test_defaults_match_the_seed_experiment():
    cfg = BenchConfig()
    assert (cfg.concurrency, cfg.num_requests, cfg.max_tokens, cfg.temperature) == (16, 64, 256, 0.0)
    assert cfg.warmup_requests == 2 and cfg.endpoint == "completions" and cfg.total_requests == 66


@pytest.mark.parametrize(
    "field, value",
    [
        ("concurrency", 0),
        ("concurrency", 2.5),
        ("concurrency", True),
        ("num_requests", -1),
        ("max_tokens", 0),
        ("prompt_tokens", 0),
        ("warmup_requests", -1),
        ("seed", -3),
        ("temperature", -0.1),
        ("temperature", float("nan")),
        ("request_timeout_s", 0),
        ("endpoint", "responses"),
        ("ignore_eos", "yes"),
        ("extra_body", ["x"]),
    ],
)
def test_invalid_values_name_the_field(field, value):
    with pytest.raises(BenchConfigError) as info:
        BenchConfig(**{field: value})
    message = str(info.value)
    assert f"BenchConfig.{field}" in message
    assert "Fix" in message or "must be" in message


def test_prompt_file_must_exist(tmp_path):
    missing = tmp_path / "nope.txt"
    with pytest.raises(BenchConfigError, match="nope.txt"):
        BenchConfig(prompt_file=str(missing))


def test_prompt_file_extension(tmp_path):
    bad = tmp_path / "prompts.csv"
    bad.write_text("a\n")
    with pytest.raises(BenchConfigError, match=r"prompts\.csv.*\.txt"):
        BenchConfig(prompt_file=str(bad))


def test_prompt_file_path_is_stored_as_str(tmp_path):
    good = tmp_path / "p.txt"
    good.write_text("hello\n")
    assert BenchConfig(prompt_file=good).prompt_file == str(good)  # type: ignore[arg-type]


def test_round_trip_and_unknown_fields():
    cfg = BenchConfig(concurrency=4, ignore_eos=True, extra_body={"top_p": 1.0})
    assert BenchConfig.from_dict(cfg.to_dict()) == cfg
    with pytest.raises(BenchConfigError, match="concurency"):
        BenchConfig.from_dict({"concurency": 4})
