"""Chinese/English tokenisation for BM25: jieba search-mode cuts, normalised and filtered.

Each :class:`ChineseTokenizer` owns its own ``jieba.Tokenizer`` (the global one is
never touched), loads its dictionaries up front (so it is safe to share between
threads afterwards), lower-cases and NFKC-normalises text, and drops stopwords and
punctuation.
"""

from __future__ import annotations

import hashlib
import re
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import jieba

STOPWORDS_PATH = Path(__file__).parent / "data" / "stopwords.txt"

_TAG = re.compile(r"^[A-Za-z]+$")
# the largest jieba dictionary read (jieba's own full dictionary is 9 MB): a larger file was read whole before any
# line of it was checked - a data dump named as the dictionary by mistake
MAX_DICTIONARY_BYTES = 64 * 2**20


class DictionaryError(ValueError):
    """A malformed line in a jieba user dictionary."""


def normalize(text: str) -> str:
    """NFKC (full-width -> half-width) and lower-case."""
    return unicodedata.normalize("NFKC", text).lower()


def read_dictionary(path: str | Path) -> list[tuple[str, int | None, str | None]]:
    """Parse a jieba user dictionary: ``word [freq] [tag]`` a line; ``#`` lines are comments."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"jieba dictionary not found: {path}")
    from ..textfiles import size_problem

    too_large = size_problem(path, MAX_DICTIONARY_BYTES, "a jieba dictionary")
    if too_large is not None:
        raise DictionaryError(f"{path}: {too_large}. Fix: name the dictionary file (lines 'word [freq] [tag]')")
    entries: list[tuple[str, int | None, str | None]] = []
    for lineno, raw in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        entries.append(_parse_entry(line, path, lineno))
    return entries


def _parse_entry(line: str, path: Path, lineno: int) -> tuple[str, int | None, str | None]:
    fields = line.split()
    word, rest = fields[0], fields[1:]
    freq: int | None = None
    tag: str | None = None
    if rest and rest[0].isdigit():
        freq = int(rest.pop(0))
    if rest and _TAG.match(rest[0]):
        tag = rest.pop(0)
    if rest:
        raise DictionaryError(
            f"{path}:{lineno}: malformed dictionary line {line!r}; expected "
            "'word [freq] [tag]' (a word must not contain spaces, freq is an integer, "
            "tag is letters, e.g. '华信银行 100 nt')"
        )
    return word, freq, tag


def read_stopwords(path: str | Path = STOPWORDS_PATH) -> frozenset[str]:
    """Stopwords, one a line, normalised; ``#`` lines are comments."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return frozenset(normalize(w.strip()) for w in lines if w.strip() and not w.startswith("#"))


def file_digest(paths: Iterable[str | Path]) -> str:
    """SHA-256 over the contents of ``paths`` in order (for cache keys)."""
    h = hashlib.sha256()
    for path in paths:
        h.update(hashlib.sha256(Path(path).read_bytes()).digest())
    return h.hexdigest()


def import_jieba() -> Any:
    """``import jieba`` without importing ``pkg_resources``, whose import warns (DeprecationWarning: "pkg_resources
    is deprecated as an API"): jieba reads its dictionary through it where it can be imported, else opens the files
    itself. A warnings filter around the import (until v92) did not hide it where the scorer first imports jieba in a
    scoring thread (a person's name, v92): pytest sets the process's filters anew around every test in the main thread,
    and a user saw the warning under another case. Only for the import: a `None` in sys.modules makes `import
    pkg_resources` fail there (no other thread of the plugin imports it); where pkg_resources is already imported, its
    warning was given then."""
    if "jieba" in sys.modules:
        return sys.modules["jieba"]
    blocked = "pkg_resources" not in sys.modules
    if blocked:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]
    try:
        import jieba
    finally:
        if blocked and "pkg_resources" in sys.modules and sys.modules["pkg_resources"] is None:
            del sys.modules["pkg_resources"]
    return jieba


def _is_noise(token: str) -> bool:
    """Whitespace, punctuation and symbols only."""
    return all(unicodedata.category(c)[0] in "PSZC" for c in token)


class ChineseTokenizer:
    """jieba tokenizer with its own dictionaries and a stopword filter."""

    def __init__(
        self,
        dictionaries: Sequence[str | Path] = (),
        *,
        stopwords: str | Path | None = STOPWORDS_PATH,
        search_mode: bool = True,
    ) -> None:
        jieba_module = import_jieba()
        self.dictionaries = tuple(Path(p) for p in dictionaries)
        self.search_mode = search_mode
        self.stopwords = read_stopwords(stopwords) if stopwords is not None else frozenset()
        entries = [e for path in self.dictionaries for e in read_dictionary(path)]
        self._jieba: jieba.Tokenizer = jieba_module.Tokenizer()
        self._jieba.initialize()
        for word, freq, tag in entries:
            self._jieba.add_word(normalize(word), freq, tag)

    def cut(self, text: str) -> list[str]:
        """Raw jieba tokens of the normalised text (no filtering)."""
        text = normalize(text)
        if self.search_mode:
            return list(self._jieba.lcut_for_search(text))
        return list(self._jieba.lcut(text))

    def tokenize(self, text: str) -> list[str]:
        """Tokens for BM25: normalised, without whitespace, punctuation or stopwords."""
        return [
            tok
            for tok in (t.strip() for t in self.cut(text))
            if tok and tok not in self.stopwords and not _is_noise(tok)
        ]

    def tokenize_many(self, texts: Iterable[str]) -> list[list[str]]:
        """:meth:`tokenize` for each text."""
        return [self.tokenize(text) for text in texts]
