"""jieba tokenisation with the project dictionary."""

from __future__ import annotations

from pathlib import Path

import pytest

from pytest_llmeval.rag import ChineseTokenizer, DictionaryError
from pytest_llmeval.rag.tokenize import import_jieba


@pytest.fixture(scope="module")
def plain() -> ChineseTokenizer:
    return ChineseTokenizer()


def test_company_name_is_one_token_with_the_dictionary(corpus_dir: Path, plain: ChineseTokenizer) -> None:
    dictionary = corpus_dir / "custom_dict.txt"
    precise = ChineseTokenizer([dictionary], search_mode=False)
    assert precise.tokenize("鼎泰丰瑞科技") == ["鼎泰丰瑞科技"]
    assert precise.tokenize("鼎泰丰瑞科技的营业收入") == ["鼎泰丰瑞科技", "营业", "收入"]
    # Search mode keeps the whole name and adds its dictionary sub-words for recall.
    search = ChineseTokenizer([dictionary])
    assert "鼎泰丰瑞科技" in search.tokenize("鼎泰丰瑞科技的营业收入")
    # Without the dictionary jieba splits the name.
    assert plain.tokenize("鼎泰丰瑞科技") == ["鼎泰", "丰瑞", "科技"]
    # The global jieba tokenizer is left alone.
    assert "鼎泰丰瑞科技" not in import_jieba().dt.FREQ


def test_normalisation_and_filtering(plain: ChineseTokenizer) -> None:
    assert plain.tokenize("ＡＢＣ公司，Hello World！的了") == ["abc", "公司", "hello", "world"]
    assert plain.tokenize("  。，！？…  ") == []


def test_user_dictionary_words_are_normalised(tmp_path: Path) -> None:
    user = tmp_path / "user.txt"
    user.write_text("ＸＹ智联\n", encoding="utf-8")
    tok = ChineseTokenizer([user], search_mode=False)
    assert tok.tokenize("XY智联的产品") == ["xy智联", "产品"]


@pytest.mark.parametrize("line", ["华信 银行 100", "华信银行 100 nt extra", "华信银行 nt 100"])
def test_malformed_dictionary_line_names_file_and_line(tmp_path: Path, line: str) -> None:
    bad = tmp_path / "bad_dict.txt"
    bad.write_text(f"# comment\n云图智算 10\n{line}\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match=r"bad_dict\.txt:3: malformed dictionary line"):
        ChineseTokenizer([bad])


def test_missing_dictionary_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match=r"nope\.txt"):
        ChineseTokenizer([tmp_path / "nope.txt"])


# jieba first imported in a thread (the scorer's, v92) while the main thread sets the warnings filters anew around
# each test, as pytest does: a filter around the import did not hold, and the user saw pkg_resources' warning
RACE = """\
import sys, threading, warnings
from pytest_llmeval.rag.tokenize import import_jieba

seen, done = [], threading.Event()
thread = threading.Thread(target=lambda: (import_jieba(), done.set()))
thread.start()
while not done.is_set():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        done.wait(0.001)
    seen += [str(w.message) for w in caught]
thread.join()
print(sorted(set(seen)), "pkg_resources" in sys.modules, import_jieba().lcut("负责人是刘敏华"))
"""


def test_jieba_imported_in_a_thread_warns_of_nothing_while_filters_change() -> None:
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", RACE], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[] False ['负责人', '是', '刘敏华']", done.stdout + done.stderr
