"""Bad input, round 8: what a user can point the plugin and its commands at.

- a model folder with config.json but no weights (a `git clone` without LFS, the config downloaded alone, links into
  a cache whose blobs were deleted) or with shards its safetensors index names missing (a download cut short) was
  launched: vLLM stopped at once, and every case of the model errored in launch after the models before it had
  run - now a usage error at the start naming the folder (`--load-format dummy` and other load formats still start);
- an image that is not a regular file (/dev/zero, /dev/null, a FIFO) was "no such image file", and every file Pillow
  cannot read the same "UnidentifiedImageError": now it says what the file is - a device, text, an HTML page a
  download saved in its place, an SVG, a PDF, a Git LFS pointer, a PNG or JPEG cut short, a HEIC photo, a URL;
- `--llm-dataset jsonl:/dev/zero` read until the memory ran out, a FIFO waited forever, a folder was "Is a
  directory"; `jsonl: data/x.jsonl` (a space, as an ini line is typed) was " data/x.jsonl does not exist";
- a value the ini file gave was refused under the option's flag (`--llm-dtype 'fp8': ...`), sending the reader to a
  command line that did not hold it: the file and the key now come first;
- `size`: `--gpu bogus` was "unknown GPU 'bogus'" without naming --gpu; `--dtype ''`/`--quantization ''` sized the
  config's own dtype in silence, an empty MODEL_DIR was "config.json: missing"; a 20-digit --max-model-len was
  sized; a FIFO as MODEL_DIR was "no such model directory", a config.json folder "missing";
- `report`/`compare`/`accept` given a FIFO or a device said "no such file or folder";
- VLLM_CPU_KVCACHE_SPACE=4GB (not a number) stopped the run's report with a ValueError after every case had run.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from test_bad_input_round5 import no_wait  # noqa: F401 - autouse: a FIFO or /dev/zero read fails the test, not the run
from test_bad_input_round7 import LLAMA  # a small model's config.json
from test_input_fuzz import one_usage_error, project, saved_run  # noqa: F401 - fixtures

from pytest_llmeval.evaluation.scenarios import ScenarioError, load_scenarios
from pytest_llmeval.serving.models import parse_model
from pytest_llmeval.vision.datasets import DatasetError, load_dataset

FALSE_PYTHON = "--llm-vllm-python=/bin/false"  # a launch that is tried fails at once: never a real vLLM


def size(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    from pytest_llmeval.__main__ import main

    code = main(["size", *argv])
    return code, capsys.readouterr().err


# -------------------------------------------------------------------------------------------- model weights
def model_weights_problem(spec: object, args: list[str]) -> str | None:
    from pytest_llmeval.serving.models import model_weights_problem as problem  # new in round 8

    return problem(spec, args)  # type: ignore[arg-type]


def model_folder(root: Path, *weights: str, config: str = '{"architectures": ["X"]}') -> Path:
    folder = root / "m"
    folder.mkdir()
    (folder / "config.json").write_text(config, encoding="utf-8")
    for name in weights:
        (folder / name).write_bytes(b"w")
    return folder


@pytest.mark.parametrize(
    ("files", "words"),
    [
        ((), "has no weights (*.safetensors or *.bin files"),
        (("tokenizer.json", "generation_config.json"), "has no weights"),  # a download of everything but weights
        (("model.safetensors.index.json",), "has no weights"),
    ],
    ids=["config alone", "tokenizer, no weights", "an index, no shards"],
)
def test_a_model_folder_without_weights_is_refused_naming_the_folder(tmp_path, files, words):
    folder = model_folder(tmp_path, *files)
    problem = model_weights_problem(parse_model(f"x={folder}"), [])
    assert problem is not None and problem.startswith(f"--llm-model x={folder}: the folder {folder} "), problem
    assert words in problem and "Fix: download the weights" in problem and "--load-format=dummy" in problem


def test_weights_that_are_links_to_deleted_blobs_are_no_weights(tmp_path):
    """A Hugging Face cache snapshot whose blobs were deleted (huggingface-cli delete-cache, a full disk)."""
    folder = model_folder(tmp_path)
    os.symlink(tmp_path / "blobs" / "gone", folder / "model.safetensors")
    problem = model_weights_problem(parse_model(f"x={folder}"), [])
    assert problem is not None and "has no weights" in problem and "links to files that are gone" in problem


def test_shards_the_index_names_missing_are_named(tmp_path):
    folder = model_folder(tmp_path, "model-00001-of-00004.safetensors")
    shards = [f"model-0000{i}-of-00004.safetensors" for i in range(1, 5)]
    index = {"metadata": {"total_size": 1}, "weight_map": {f"layer.{i}": shard for i, shard in enumerate(shards)}}
    (folder / "model.safetensors.index.json").write_text(json.dumps(index), encoding="utf-8")
    problem = model_weights_problem(parse_model(f"x={folder}"), [])
    assert problem is not None and "names 3 weight file(s) the folder does not hold" in problem, problem
    assert "model-00002-of-00004.safetensors" in problem and "the download stopped before the end" in problem
    for shard in shards[1:]:
        (folder / shard).write_bytes(b"w")
    assert model_weights_problem(parse_model(f"x={folder}"), []) is None


@pytest.mark.parametrize(
    ("files", "args"),
    [
        (("model.safetensors",), []),
        (("pytorch_model.bin",), []),
        (("consolidated.safetensors",), []),  # Mistral's own format
        ((), ["--load-format", "dummy"]),  # random weights: nothing is read from the folder
        ((), ["--load-format=tensorizer"]),
        ((), ["--hf-config-path=/cfg"]),  # a layout made by hand: left to vLLM
    ],
    ids=["safetensors", "bin", "consolidated", "dummy", "tensorizer", "hf-config-path"],
)
def test_what_vllm_can_load_is_not_refused(tmp_path, files, args):
    folder = model_folder(tmp_path, *files)
    assert model_weights_problem(parse_model(f"x={folder}"), args) is None


def test_a_hub_id_the_embedded_model_or_a_gguf_file_is_not_asked(tmp_path):
    (tmp_path / "m.gguf").write_bytes(b"GGUF")
    for source in ("embedded", "org/name", str(tmp_path / "m.gguf"), str(tmp_path / "nowhere")):
        assert model_weights_problem(parse_model(source), []) is None


def test_a_run_refuses_a_model_folder_without_weights_at_the_start(project):  # noqa: F811
    folder = model_folder(project.path)
    out = one_usage_error(project.run("--llm-model=x=./m", FALSE_PYTHON), "--llm-model x=./m: the folder", "no weights")
    assert "launch" not in out, out  # refused before any server was started
    (folder / "model.safetensors").write_bytes(b"w")
    result = project.run("--llm-model=x=./m", FALSE_PYTHON)
    assert result.ret == pytest.ExitCode.TESTS_FAILED and "ERROR in launch" in result.stdout.str()


# ------------------------------------------------------------------------------------------------ images
def image_error(tmp_path: Path, image: str) -> str:
    path = tmp_path / "s.yaml"
    path.write_text(
        f"cases:\n  - {{id: c1, category: d, question: q, key_points: [a], image: '{image}'}}\n", encoding="utf-8"
    )
    with pytest.raises(ScenarioError) as caught:
        load_scenarios([path])
    message = str(caught.value)
    assert message.startswith(f"{path}, case 'c1', field 'image': ") and "Fix:" in message, message
    return message


def png_bytes() -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (32, 32), "red").save(out, "PNG")
    return out.getvalue()


def jpeg_bytes() -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (32, 32), "red").save(out, "JPEG")
    return out.getvalue()


IMAGE_FILES: dict[str, tuple[bytes, str]] = {  # name: (content, words)
    "text": (b"OPENAI_API_KEY=sk-CANARY\n", "not an image Pillow can read: plain text"),  # the text is not shown
    "HTML": (b"<!DOCTYPE html><html><body>Sign in</body></html>", "an HTML page (text) - a download saved"),
    "SVG": (b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>', "an SVG drawing (text)"),
    "PDF": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "a PDF document, not an image"),
    "LFS": (b"version https://git-lfs.github.com/spec/v1\noid sha256:ab\nsize 9\n", "a Git LFS pointer"),
    "cut PNG": (png_bytes()[:40], "a PNG file that is cut short or damaged"),
    "cut JPEG": (jpeg_bytes()[:120], "a JPEG file that is cut short or damaged"),
    "HEIC": (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic", "a HEIC file"),
    "zip": (b"PK\x03\x04" + b"\x00" * 40, "a ZIP archive"),
    "binary": (b"\x00\x01\x02\x03\x04\x05\x06\x07" * 8, "its first bytes are 00 01 02 03"),
}


@pytest.mark.parametrize(("content", "words"), IMAGE_FILES.values(), ids=IMAGE_FILES.keys())
def test_a_file_that_is_no_image_is_named_for_what_it_is(tmp_path, content, words):
    """Each was "not an image Pillow can read (UnidentifiedImageError)": nothing to tell a web page from a cut PNG."""
    (tmp_path / "receipt.png").write_bytes(content)
    message = image_error(tmp_path, "receipt.png")
    assert words in message and "PNG, JPEG, WebP, GIF or BMP are accepted" in message, message
    assert "UnidentifiedImageError" not in message and "CANARY" not in message, message


@pytest.mark.parametrize(
    ("image", "words"),
    [
        ("/dev/zero", "is a character device, not a regular file"),
        ("/dev/null", "is a character device, not a regular file"),
        ("FIFO", "is a named pipe (FIFO), not a regular file"),
    ],
    ids=["/dev/zero", "/dev/null", "a FIFO"],
)
def test_an_image_that_is_not_a_regular_file_says_so(tmp_path, image, words):
    """They were "no such image file; check the path" - a search for a typo in a path that is there."""
    if image == "FIFO":
        os.mkfifo(tmp_path / "photo.png")
        image = "photo.png"
    message = image_error(tmp_path, image)
    assert words in message and "no such image file" not in message, message


@pytest.mark.parametrize(
    "image", ["https://example.com/receipt.png", "HTTP://cdn.example.com/a.jpg", "data:image/png;base64,iVBORw0KGgo="]
)
def test_an_image_given_as_a_url_says_urls_are_not_fetched(tmp_path, image):
    message = image_error(tmp_path, image)
    assert "is a URL: images are read from files, never downloaded" in message, message


def test_what_was_right_stays_right(tmp_path):
    (tmp_path / "ok.png").write_bytes(png_bytes())
    (tmp_path / "photo.jpg").write_bytes(jpeg_bytes())
    (tmp_path / "empty.png").write_bytes(b"")
    (tmp_path / "big.png").write_bytes(b"\x00")
    os.truncate(tmp_path / "big.png", 30 * 2**20)  # sparse: over the 20 MiB limit, never read
    (tmp_path / "pics").mkdir()
    assert "no such image file; check the path" in image_error(tmp_path, "missing.png")
    assert "the file is empty (0 bytes)" in image_error(tmp_path, "empty.png")
    assert "30.0 MiB is over the 20 MiB limit" in image_error(tmp_path, "big.png")
    assert "is a folder, not an image file" in image_error(tmp_path, "pics")
    assert "(Not a directory)" in image_error(tmp_path, "ok.png/x.png")
    path = tmp_path / "good.yaml"
    path.write_text("cases:\n  - {id: c1, category: d, question: q, key_points: [a], images: [ok.png, photo.jpg]}\n")
    assert len(load_scenarios([path])[0].images) == 2


# ---------------------------------------------------------------------------------------------- datasets
def test_a_jsonl_dataset_that_is_a_device_fifo_or_folder_is_refused_without_reading_it(tmp_path):
    """jsonl:/dev/zero was read until the memory ran out (the process was killed), a FIFO waited forever."""
    os.mkfifo(tmp_path / "rows.jsonl")
    (tmp_path / "folder").mkdir()
    for spec, words in [
        ("jsonl:/dev/zero", "/dev/zero is not a regular file (a FIFO or a device); jsonl: reads one file"),
        (f"jsonl:{tmp_path / 'rows.jsonl'}", "is not a regular file (a FIFO or a device)"),
        (f"jsonl:{tmp_path / 'folder'}", "folder is a folder; jsonl: reads one file of JSON lines"),
        ("ocrbench:/dev/zero", "/dev/zero is not a folder (a FIFO or a device); ocrbench: reads the benchmark's"),
        (f"ocrbench:{tmp_path / 'rows.jsonl'}", "is not a folder"),
    ]:
        with pytest.raises(DatasetError) as caught:
            load_dataset(spec)
        message = str(caught.value)
        assert message.startswith(f"--llm-dataset {spec}: ") and words in message and "Fix:" in message, message


def test_a_dataset_spec_typed_with_a_space_or_capitals_is_read(tmp_path):
    (tmp_path / "ok.png").write_bytes(png_bytes())
    rows = tmp_path / "rows.jsonl"
    rows.write_text('{"image": "ok.png", "question": "q", "answers": "a"}\n', encoding="utf-8")
    for spec in (f"jsonl: {rows}", f"JSONL:{rows}", f" jsonl:{rows} "):
        assert [case.question for case in load_dataset(spec)] == ["q"], spec


def test_a_dataset_rows_image_says_what_it_is(tmp_path):
    (tmp_path / "page.png").write_text("<html><body>404 Not Found</body></html>", encoding="utf-8")
    rows = tmp_path / "rows.jsonl"
    rows.write_text('{"image": "page.png", "question": "q", "answers": "a"}\n', encoding="utf-8")
    with pytest.raises(DatasetError) as caught:
        load_dataset(f"jsonl:{rows}")
    assert f"{rows}, line 1: image " in str(caught.value) and "an HTML page" in str(caught.value), caught.value


# ----------------------------------------------------------------------------------- ini values by their key
@pytest.mark.parametrize(
    ("ini", "words"),
    [
        ("[pytest]\nllm_dtype = fp8\n", "tox.ini, ini key llm_dtype: --llm-dtype 'fp8': vLLM's --dtype takes"),
        ("[pytest]\nllm_scenarios = nowhere\n", "tox.ini, ini key llm_scenarios: --llm-scenarios "),
        ("[pytest]\nllm_compare_fail = score\n", "tox.ini, ini key llm_compare_fail: --llm-compare-fail: 'score'"),
        ('[tool.pytest.ini_options]\nllm_judge = "x"\n', "pyproject.toml, ini key llm_judge: --llm-judge 'x': use"),
    ],
    ids=["dtype", "scenarios", "compare-fail", "pyproject judge"],
)
def test_a_value_the_ini_file_gave_is_named_by_its_file_and_key(project, ini, words):  # noqa: F811
    if ini.startswith("[tool"):
        project.pytester.makepyprojecttoml(ini)
    else:
        project.pytester.makeini(ini)
    one_usage_error(project.run("--collect-only", "--llm-model=m"), words)


def test_a_value_the_command_line_gave_is_named_by_its_flag_alone(project):  # noqa: F811
    project.pytester.makeini("[pytest]\nllm_dtype = fp8\n")
    out = one_usage_error(project.run("--collect-only", "--llm-model=m", "--llm-dtype=fp9"), "ERROR: --llm-dtype 'fp9'")
    assert "ini key" not in out, out


# ----------------------------------------------------------------------------------------------------- size


@pytest.fixture
def llama(tmp_path, monkeypatch) -> Path:
    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "config.json").write_text(json.dumps(LLAMA), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "m"


@pytest.mark.parametrize(
    ("gpu", "words"),
    [
        ("bogus", "error: unknown --gpu 'bogus'. Fix: use one of V100-32GB"),
        ("TPU-v9", "error: unknown --gpu 'TPU-v9'"),
        ("48TB", "error: unknown --gpu '48TB'"),
        ("0GiB", "error: --gpu size '0GiB' must be above 0"),
    ],
)
def test_size_names_the_gpu_option_it_refuses(llama, capsys, gpu, words):
    code, err = size(["m", "--gpu", gpu], capsys)
    assert code == 2 and err.startswith(words), err


@pytest.mark.parametrize(
    ("argv", "flag"),
    [
        (["m", "--dtype", ""], "--dtype"),  # the config's own dtype was sized, in silence
        (["m", "--quantization="], "--quantization"),
        (["m", "--gpu", " "], "--gpu"),
        (["m", "--tp", ""], "--tp"),
        ([""], "MODEL_DIR"),  # "config.json: missing": the current folder was read
        (["  ", "--gpu", "H100"], "MODEL_DIR"),
    ],
    ids=["dtype", "quantization", "gpu", "tp", "model dir", "blank model dir"],
)
def test_size_refuses_an_empty_value(llama, capsys, argv, flag):
    code, err = size(argv, capsys)
    assert code == 2 and err.startswith(f"error: {flag} got an empty value") and "Fix:" in err, err


@pytest.mark.parametrize("flag", ["--max-model-len", "--tp", "--block-size", "--max-num-batched-tokens"])
def test_size_refuses_a_number_past_vllms_integers(llama, capsys, flag):
    """A 20-digit --max-model-len was sized: "0.00 concurrent sequences of 99,999,999,999,999,999,999 tokens"."""
    code, err = size(["m", flag, "99999999999999999999"], capsys)
    assert code == 2 and err.startswith(f"error: {flag} 99999999999999999999 is above 2,147,483,647"), err


def test_size_says_what_a_model_dir_or_config_json_is_when_it_is_no_file(llama, capsys):
    os.mkfifo("fifo")
    code, err = size(["fifo"], capsys)
    assert code == 2 and "fifo: is not a folder (a FIFO or a device)" in err, err
    code, err = size(["/dev/null"], capsys)
    assert code == 2 and "/dev/null: is not a folder (a FIFO or a device)" in err, err
    Path("d/config.json").mkdir(parents=True)
    code, err = size(["d"], capsys)
    assert code == 2 and "d/config.json: is a folder, not a file" in err, err
    Path("p").mkdir()
    os.mkfifo("p/config.json")
    code, err = size(["p"], capsys)
    assert code == 2 and "p/config.json: is not a regular file (a FIFO or a device)" in err, err
    assert size(["m", "--gpu", "h100 80gb", "--dtype", "float16"], capsys)[0] == 0  # what was right stays right


# ----------------------------------------------------------------------------------------- saved-run commands
@pytest.mark.parametrize(
    "argv",
    [["report", "X"], ["X"], ["compare", "RUN", "X"], ["accept", "X"], ["rescore", "X"]],
    ids=["report", "short form", "compare", "accept", "rescore"],
)
def test_a_run_given_as_a_fifo_or_device_is_named_for_what_it_is(saved_run, monkeypatch, capsys, argv):  # noqa: F811
    from pytest_llmeval.__main__ import main

    monkeypatch.chdir(saved_run.parent)
    os.mkfifo("run.json")
    for given in ("run.json", "/dev/zero"):
        assert main([given if a == "X" else str(saved_run) if a == "RUN" else a for a in argv]) == 2
        err = capsys.readouterr().err
        assert f"error: {given}: is not a regular file or folder (a FIFO or a device)" in err, err


# --------------------------------------------------------------------------------------- environment variables
@pytest.mark.parametrize(("value", "gib"), [("4GB", None), ("abc", None), ("nan", None), ("-1", None), ("8", 8.0)])
def test_a_cpu_kv_cache_space_that_is_no_number_does_not_stop_the_report(tmp_path, monkeypatch, value, gib):
    """The report's sizing rows were a ValueError after every case had run (the run's results never written)."""
    from pytest_llmeval.serving.server import ServerSettings
    from pytest_llmeval.sizing.report import sizing_rows

    (tmp_path / "config.json").write_text(json.dumps(LLAMA), encoding="utf-8")
    monkeypatch.setenv("VLLM_CPU_KVCACHE_SPACE", value)
    doc = {"run": {"launches": [{"model": "m", "path": str(tmp_path)}]}}
    (row,) = sizing_rows(doc, ServerSettings())
    assert row["cpu_kv_cache_gib"] == gib and "VLLM_CPU_KVCACHE_SPACE" in row["explanation"], row
