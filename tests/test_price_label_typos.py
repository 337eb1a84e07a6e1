"""Review R: --llm-prices refuses a misspelt label, not a model left unpriced beside another size of its family."""

import pytest

from pytest_llmeval.config.checks import check_price_labels


def _prices(tmp_path, key):
    path = tmp_path / "prices.yaml"
    path.write_text(f"api:\n  {key}: {{input_per_million: 0.2, output_per_million: 0.6}}\ngpu: {{hourly_price: 2}}\n")
    return path


@pytest.mark.parametrize(
    ("priced", "unpriced"), [("qwen3-8b", "qwen3-4b"), ("llama3-8b", "llama3-70b"), ("gpt-oss-20b", "gpt-oss-120b")]
)
def test_another_size_of_a_priced_model_is_no_misspelling(tmp_path, priced, unpriced):
    check_price_labels(_prices(tmp_path, priced), [priced, unpriced])  # the run's own cost: one model unpriced


def test_a_key_naming_another_size_alone_is_no_misspelling(tmp_path):
    check_price_labels(_prices(tmp_path, "qwen3-8b"), ["qwen3-4b"])


def test_a_misspelt_label_is_still_refused(tmp_path):
    with pytest.raises(pytest.UsageError, match="did you mean `qwen3-8b`"):
        check_price_labels(_prices(tmp_path, "qwen3-8b"), ["qwen3_8b"])
