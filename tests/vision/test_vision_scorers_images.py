"""OCRBench's scoring rule (the handwritten-math type included) and image validation messages."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from pytest_llmeval.vision.images import ImageError, load_image
from pytest_llmeval.vision.scorers import HME_TYPE, exact_match, is_hme, ocrbench_contains


def test_ocrbench_rule_ordinary_types():
    result = ocrbench_contains("The total is ¥1,280.00.", ["1280", "1,280.00"])
    assert result.passed and result.score == 100 and result.matched == "1,280.00" and result.scorer == "ocrbench"
    assert ocrbench_contains("HELLO world", ["hello"]).passed  # case-insensitive
    assert ocrbench_contains("车牌 京A 12345", ["京A12345"]).passed  # whitespace removed
    assert ocrbench_contains("金额１２８０元", ["1280"]).passed  # full width folded (NFKC)
    assert ocrbench_contains("line one\nline two", ["onelinetwo"]).passed
    miss = ocrbench_contains("I cannot read it", ["415", ""])
    assert not miss.passed and miss.score == 0 and miss.matched is None
    assert not ocrbench_contains("anything", []).passed


def test_ocrbench_rule_handwritten_math_keeps_case_and_drops_spaces():
    for category in (HME_TYPE, "handwritten_mathematical_expression_recognition", "HME100k"):
        assert is_hme(category)
        assert ocrbench_contains("$ \\frac { a } { b } $", ["\\frac{a}{b}"], category=category).passed
        assert not ocrbench_contains("X^2", ["x^2"], category=category).passed  # case matters in LaTeX
    assert not is_hme("Regular Text Recognition") and not is_hme(None)
    assert ocrbench_contains("X^2", ["x^2"], category="Regular Text Recognition").passed


def test_exact_match_normalisation():
    assert exact_match("  “INV-204817.”", ["inv-204817"]).passed  # quotes, dot, spaces, case
    assert exact_match("ＩＮＶ－２０４８１７", ["INV-204817"]).passed  # full width
    assert exact_match("恒瑞精密。", ["恒瑞精密"]).matched == "恒瑞精密"
    assert not exact_match("It is INV-204817", ["INV-204817"]).passed
    assert not exact_match("", [""]).passed


def _save(path: Path, fmt: str) -> Path:
    Image.new("RGB", (12, 8), "white").save(path, format=fmt)
    return path


@pytest.mark.parametrize(
    ("fmt", "suffix", "mime"),
    [("PNG", "png", "image/png"), ("JPEG", "jpg", "image/jpeg"), ("WEBP", "webp", "image/webp")],
)
def test_image_mime_comes_from_the_real_format(tmp_path, fmt, suffix, mime):
    ref = load_image(_save(tmp_path / f"a.{suffix}", fmt))
    assert (ref.format, ref.width, ref.height, ref.mime) == (fmt, 12, 8, mime)
    assert ref.data_url().startswith(f"data:{mime};base64,")
    disguised = _save(tmp_path / "really_jpeg.png", "JPEG")
    assert load_image(disguised).data_url().startswith("data:image/jpeg;base64,")


def test_image_errors_say_what_and_how_to_fix(tmp_path):
    (tmp_path / "notes.png").write_text("just text", encoding="utf-8")
    (tmp_path / "empty.png").write_bytes(b"")
    _save(tmp_path / "scan.tiff", "TIFF")
    big = _save(tmp_path / "big.png", "PNG")
    cases = [
        (tmp_path / "notes.png", {}, "not an image Pillow can read", "save it as PNG or JPEG"),
        (tmp_path / "empty.png", {}, "empty", "save the image again"),
        (tmp_path / "missing.png", {}, "no such image file", "check the path"),
        (tmp_path, {}, "is a folder", "point at the image file"),
        (tmp_path / "scan.tiff", {}, "TIFF is not one of", "convert it to PNG or JPEG"),
        (big, {"max_bytes": 10}, "over the", "resize or recompress"),
    ]
    for path, kwargs, what, fix in cases:
        with pytest.raises(ImageError) as info:
            load_image(path, **kwargs)
        assert what in str(info.value) and fix in str(info.value)
        assert str(path) not in str(info.value)  # the caller prefixes the file
