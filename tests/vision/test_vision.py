"""Vision cases: image validation, OCR scorers, datasets from disk, the shipped suite, and the wire format."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from PIL import Image

from pytest_llmeval.evaluation.scenarios import ScenarioError, load_scenarios
from pytest_llmeval.testing.openai_fake import FakeServer
from pytest_llmeval.vision.datasets import DatasetError, load_dataset, load_jsonl, load_ocrbench
from pytest_llmeval.vision.images import ImageError, load_image
from pytest_llmeval.vision.scorers import exact_match, ocrbench_contains

SUITE = Path(__file__).resolve().parents[2] / "suites" / "ocr"


def png(path: Path, color: str = "white") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (32, 16), color).save(path)
    return path


def test_images_are_validated_and_encoded(tmp_path):
    ref = load_image(png(tmp_path / "a.png"))
    assert ref.mime == "image/png" and ref.data_url().startswith("data:image/png;base64,iVBOR")
    Image.new("RGB", (8, 8)).save(tmp_path / "b.jpg")
    assert load_image(tmp_path / "b.jpg").mime == "image/jpeg"
    (tmp_path / "text.png").write_text("not an image")
    with pytest.raises(ImageError, match="not an image"):
        load_image(tmp_path / "text.png")
    with pytest.raises(ImageError, match="no such image"):
        load_image(tmp_path / "missing.png")
    with pytest.raises(ImageError, match="over the"):
        load_image(tmp_path / "a.png", max_bytes=10)


def test_ocr_scorers():
    assert ocrbench_contains("合计金额为 ¥1,280.00 元", ["1,280.00"]).passed
    assert ocrbench_contains("The plate reads abc 1234.", ["ABC1234"]).passed  # spaces and case ignored
    assert not ocrbench_contains("I cannot read it", ["415"]).passed
    assert exact_match("INV-204817.", ["inv-204817"]).passed
    assert not exact_match("It is INV-204817", ["INV-204817"]).passed
    assert exact_match("ＡＢＣ", ["abc"]).passed  # full width


def test_scenario_images_and_bad_image_errors(tmp_path):
    png(tmp_path / "img" / "ok.png")
    good = tmp_path / "good.yaml"
    good.write_text(
        "scorer: ocrbench\ncases:\n  - id: a\n    category: c\n    question: q\n    image: img/ok.png\n"
        "    accepted_answers: [x]\n",
        encoding="utf-8",
    )
    (case,) = load_scenarios([good])
    assert case.images == (str((tmp_path / "img" / "ok.png").resolve()),) and case.scorer == "ocrbench"
    for body, message in (
        ("image: img/missing.png", "no such image file"),
        ("image: good.yaml", "not an image"),
        ("images: [img/ok.png]\n    image: img/ok.png", "both 'image' and 'images'"),
    ):
        bad = tmp_path / "bad.yaml"
        bad.write_text(
            f"cases:\n  - id: b\n    category: c\n    question: q\n    {body}\n"
            "    scorer: ocrbench\n    accepted_answers: [x]\n",
            encoding="utf-8",
        )
        with pytest.raises(ScenarioError, match=message) as info:
            load_scenarios([bad])
        assert str(bad) in str(info.value) and "'b'" in str(info.value) and "Fix:" in str(info.value)
    no_answers = tmp_path / "na.yaml"
    no_answers.write_text("cases:\n  - id: c\n    category: c\n    question: q\n    scorer: exact\n", encoding="utf-8")
    with pytest.raises(ScenarioError, match="accepted_answers"):
        load_scenarios([no_answers])


def test_ocrbench_layout_and_jsonl_datasets_with_limit(tmp_path):
    bench = tmp_path / "OCRBench"
    rows = []
    for i in range(5):
        png(bench / "OCRBench_Images" / f"{i}.png")
        rows.append(
            {
                "dataset_name": "IIIT5K",
                "id": i,
                "image_path": f"OCRBench_Images/{i}.png",
                "question": "what is written?",
                "answers": ["word"] if i % 2 else "word",
                "type": "Regular Text Recognition" if i < 3 else "Key Information Extraction",
            }
        )
    (bench / "OCRBench.json").write_text(json.dumps(rows), encoding="utf-8")
    cases = load_ocrbench(bench)
    assert (
        len(cases) == 5 and cases[0].category == "regular_text_recognition" and cases[0].accepted_answers == ("word",)
    )
    assert len(load_dataset(f"ocrbench:{bench}", limit=3)) == 3
    jsonl = tmp_path / "mine.jsonl"
    png(tmp_path / "pics" / "x.png")
    jsonl.write_text(
        "\n".join(
            json.dumps({"image": "pics/x.png", "question": f"q{i}", "answers": "a", "category": "menu"})
            for i in range(4)
        ),
        encoding="utf-8",
    )
    assert [c.question for c in load_jsonl(jsonl, limit=2)] == ["q0", "q1"]
    jsonl.write_text('{"image": "pics/x.png", "question": "q"}\n', encoding="utf-8")
    with pytest.raises(DatasetError, match=r"mine.jsonl, line 1: field 'answers' missing. Fix"):
        load_jsonl(jsonl)
    with pytest.raises(DatasetError, match="use 'ocrbench:"):
        load_dataset("csv:/x")


def test_a_dataset_that_is_empty_or_not_utf8_is_an_error_naming_the_file(tmp_path):
    """A non-UTF-8 file was a UnicodeDecodeError traceback at collection; an empty one ran nothing and said "no
    scenario cases found", pointing at scenarios/."""
    gbk = tmp_path / "gbk.jsonl"
    gbk.write_bytes('{"image": "a.png", "question": "发票金额？", "answers": ["12"]}\n'.encode("gb18030"))
    with pytest.raises(DatasetError, match=r"gbk.jsonl: not UTF-8 text \(byte \d+: .*\)\. Fix: .*saved as UTF-8"):
        load_dataset(f"jsonl:{gbk}")
    bench = tmp_path / "OCRBench"
    bench.mkdir()
    (bench / "OCRBench.json").write_bytes('[{"question": "图中文字？"}]'.encode("gb18030"))
    with pytest.raises(DatasetError, match=r"OCRBench.json: not UTF-8 text"):
        load_dataset(f"ocrbench:{bench}")
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n\n", encoding="utf-8")
    with pytest.raises(DatasetError, match=r"--llm-dataset jsonl:.*empty.jsonl: the dataset has no rows. Fix"):
        load_dataset(f"jsonl:{empty}")
    (bench / "OCRBench.json").write_text("[]", encoding="utf-8")
    with pytest.raises(DatasetError, match=r"the dataset has no rows"):
        load_dataset(f"ocrbench:{bench}")


def test_shipped_ocr_suite_loads_every_image():
    cases = load_scenarios([SUITE])
    assert len(cases) == 20 and all(c.images and c.accepted_answers for c in cases)
    assert {c.category for c in cases} >= {"invoice", "receipt", "sign", "table", "plate"}
    assert any(c.scorer == "exact" for c in cases)


def test_image_cases_go_out_as_content_parts_and_get_the_vision_table(llm_project):
    import shutil

    shutil.copytree(SUITE, llm_project.path / "ocr")
    answers = {"合计金额": "合计 1,280.00 元", "invoice number": "INV-204817"}
    with FakeServer(
        answers=lambda req: next((a for k, a in answers.items() if k in json.dumps(req, ensure_ascii=False)), "unknown")
    ) as fake:
        result = llm_project.run(
            "--llm-base-url",
            fake.base_url,
            "--llm-model",
            "vl",
            "--llm-scenarios=ocr",
            "-k",
            "invoice_total or invoice_number or sign_exit",
        )
        chats = [body for path, body in fake.received if path == "/v1/chat/completions"][1:]  # after the warm-up
    result.assert_outcomes(passed=2, failed=1)
    parts = chats[0]["messages"][-1]["content"]
    assert parts[0]["type"] == "text" and parts[1]["type"] == "image_url"
    assert parts[1]["image_url"]["url"].startswith("data:image/png;base64,")
    doc = llm_project.results()
    (row,) = doc["aggregates"]["vision"]
    assert row["n"] == 3 and row["accuracy"]["estimate"] == pytest.approx(200 / 3, abs=0.01)
    assert row["samples_per_s"] > 0 and "Vision: image cases" in result.stdout.str()
    assert sum(row["category_n"].values()) == 3 and set(row["category_n"]) == set(row["categories"])
    assert all(f"(n={n})" in llm_project.report() for n in row["category_n"].values())  # each category's n
    assert {c["scorer"]["name"] for c in doc["cases"]} == {"ocrbench", "exact"}


def test_dataset_option_and_limit(llm_project, tmp_path):
    jsonl = tmp_path / "ds.jsonl"
    png(tmp_path / "i.png")
    jsonl.write_text(
        "\n".join(
            json.dumps({"image": "i.png", "question": f"问题{i}", "answers": ["白"], "id": f"r{i}"}) for i in range(6)
        ),
        encoding="utf-8",
    )
    result = llm_project.run(
        "--collect-only", "-q", f"--llm-dataset=jsonl:{jsonl}", "--llm-limit", "4", "--llm-model", "vl"
    )
    ids = [line for line in result.outlines if "::" in line]
    assert ids == [f"test_scenarios.py::test_scenario[vl-r{i}]" for i in range(4)]
    bad = llm_project.run("--llm-dataset", "zip:/x")
    assert bad.ret == pytest.ExitCode.USAGE_ERROR


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({"question": None}, "line 1: field 'question' must be text, not null"),
        ({"question": ""}, "line 1: field 'question' is empty"),
        ({"question": ["a", "b"]}, "line 1: field 'question' must be text, not a list"),
        ({"question": 7}, "line 1: field 'question' must be text, not a number"),
        ({"answers": [None]}, "line 1: field 'answers[0]' is null, not text or a number"),
        ({"answers": ["x", True]}, "line 1: field 'answers[1]' is true (a boolean), not text or a number"),
        ({"image": None}, "line 1: field 'image' must be text, not null"),
        ({"id": True}, "line 1: field 'id' is true (a boolean), not text or an integer"),
    ],
)
def test_a_jsonl_row_whose_question_or_answers_are_not_text_is_an_error_naming_row_and_field(tmp_path, row, message):
    """`"question": null` was asked as the text "None", a list as "['a', 'b']"."""
    png(tmp_path / "x.png")
    jsonl = tmp_path / "d.jsonl"
    jsonl.write_text(json.dumps({"id": "r1", "image": "x.png", "question": "q", "answers": ["a"], **row}) + "\n")
    with pytest.raises(DatasetError, match=rf"d\.jsonl, {re.escape(message)}.*Fix"):
        load_jsonl(jsonl)


def test_an_ocrbench_row_whose_question_is_not_text_is_an_error_naming_row_id_and_field(tmp_path):
    bench = tmp_path / "OCRBench"
    png(bench / "OCRBench_Images" / "0.png")
    row = {"id": 41, "image_path": "OCRBench_Images/0.png", "question": None, "answers": ["w"], "type": "t"}
    (bench / "OCRBench.json").write_text(json.dumps([row]), encoding="utf-8")
    with pytest.raises(DatasetError, match=r"OCRBench\.json, row 1 \(id 41\): field 'question' must be text, not null"):
        load_ocrbench(bench)


def test_a_dataset_saved_with_a_byte_order_mark_is_read(tmp_path):
    """Windows Notepad's BOM made line 1 'not valid JSON'."""
    png(tmp_path / "x.png")
    jsonl = tmp_path / "bom.jsonl"
    jsonl.write_bytes(b"\xef\xbb\xbf" + json.dumps({"image": "x.png", "question": "q", "answers": "a"}).encode())
    assert [c.question for c in load_jsonl(jsonl)] == ["q"]
    bench = tmp_path / "OCRBench"
    png(bench / "0.png")
    row = {"id": 0, "image_path": "0.png", "question": "q", "answers": ["w"], "type": "t"}
    (bench / "OCRBench.json").write_bytes(b"\xef\xbb\xbf" + json.dumps([row]).encode())
    assert len(load_ocrbench(bench)) == 1
