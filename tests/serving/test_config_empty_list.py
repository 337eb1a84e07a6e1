"""Review R: a --config file's empty list is left out, as vLLM's load_config_file leaves it out (`if value:`)."""

from pytest_llmeval.serving.identity import config_arguments, flag_value


def test_an_empty_list_in_a_config_file_gives_no_flag():
    assert config_arguments({"lora-modules": [], "max-model-len": 4096}) == ["--max-model-len", "4096"]


def test_an_empty_list_does_not_take_the_next_flag_as_its_value(tmp_path):
    config = tmp_path / "serve.yaml"
    config.write_text("download-dir: []\nmax-model-len: 4096\n", encoding="utf-8")
    assert flag_value(["--config", str(config)], "--download-dir") is None


def test_a_list_of_mappings_is_still_json():
    assert config_arguments({"lora-modules": [{"name": "a", "path": "/x"}]}) == [
        "--lora-modules",
        '{"name": "a", "path": "/x"}',
    ]
