"""Render the RAG prompt: numbered retrieved chunks plus the question, in the case's language.

A template is a UTF-8 text file holding two placeholders, substituted in one pass:

- ``{context}``: the chunks in rank order, each as ``[n] 来源：<doc_id>（<title>）``
  (English: ``[n] Source: <doc_id> (<title>)``) followed by its text
  (``（未检索到相关资料）`` / ``(no relevant material retrieved)`` when there are none);
- ``{question}``: the question.

Other braces are left as they are. The default is ``templates/rag_prompt.txt`` (Chinese) or
``templates/rag_prompt_en.txt`` (English), picked by the language: the scenario file's
``language:`` or, without one, the question's (Chinese when CJK characters are at least 30% of
its letters). A ``--rag-template`` file is used whatever the language.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Protocol

from ..textfiles import MIB, size_problem

DEFAULT_TEMPLATE = Path(__file__).parent / "templates" / "rag_prompt.txt"
TEMPLATES = {"zh": DEFAULT_TEMPLATE, "en": Path(__file__).parent / "templates" / "rag_prompt_en.txt"}
PLACEHOLDERS = ("{context}", "{question}")
NO_CONTEXT = "（未检索到相关资料）"
NO_CONTEXT_EN = "(no relevant material retrieved)"
CJK_SHARE_FOR_ZH = 0.3
MAX_TEMPLATE_BYTES = 1 * MIB  # a template is a page of instructions around {context} and {question}

_PLACEHOLDER = re.compile(r"\{context\}|\{question\}")


class ContextChunk(Protocol):
    """What the prompt needs of a chunk (``Chunk`` and ``RetrievedChunk`` both fit)."""

    @property
    def doc_id(self) -> str: ...

    @property
    def text(self) -> str: ...


def detect_language(texts: Iterable[str]) -> str:
    """'zh' when CJK characters are at least 30% of the letters (CJK + ASCII) of the texts, else 'en'."""
    cjk = latin = 0
    for text in texts:
        for ch in text:
            if "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uf900" <= ch <= "\ufaff":
                cjk += 1
            elif ch.isascii() and ch.isalpha():
                latin += 1
    if cjk + latin == 0:
        return "zh"
    return "zh" if cjk / (cjk + latin) >= CJK_SHARE_FOR_ZH else "en"


def template_path(path: str | Path | None = None, language: str | None = None) -> Path:
    """The template file: `path` when given, else the shipped one of `language` (default Chinese)."""
    if path is not None:
        return Path(path)
    if language is not None and language not in TEMPLATES:
        raise ValueError(f"no RAG prompt template for language {language!r}; use one of {sorted(TEMPLATES)}")
    return TEMPLATES[language or "zh"]


def missing_placeholders(template: str) -> list[str]:
    """The placeholders (PLACEHOLDERS) a template's text lacks."""
    return [p for p in PLACEHOLDERS if p not in template]


def load_template(path: str | Path | None = None, language: str | None = None) -> str:
    """Read a template (`path`, else the shipped one of `language`); ValueError naming the file and any
    missing placeholder."""
    path = template_path(path, language)
    too_large = size_problem(path, MAX_TEMPLATE_BYTES, "a prompt template")
    if too_large is not None:  # a template is a page of text: a larger file is another one named by mistake
        raise ValueError(f"RAG prompt template {path} {too_large}. Fix: name the template file")
    template = path.read_text(encoding="utf-8")
    missing = missing_placeholders(template)
    if missing:
        raise ValueError(f"RAG prompt template {path} is missing placeholder(s): {', '.join(missing)}")
    return template


def format_context(chunks: Sequence[ContextChunk], language: str = "zh") -> str:
    """Numbered context blocks, one per chunk, labelled in `language`."""
    english = language == "en"
    if not chunks:
        return NO_CONTEXT_EN if english else NO_CONTEXT
    blocks = []
    for n, chunk in enumerate(chunks, start=1):
        title = getattr(chunk, "title", "")
        if english:
            blocks.append(f"[{n}] Source: {chunk.doc_id}{f' ({title})' if title else ''}\n{chunk.text.strip()}")
        else:
            blocks.append(f"[{n}] 来源：{chunk.doc_id}{f'（{title}）' if title else ''}\n{chunk.text.strip()}")
    return "\n\n".join(blocks)


def render_rag_prompt(
    question: str,
    chunks: Sequence[ContextChunk],
    template_path: str | Path | None = None,
    language: str | None = None,
) -> str:
    """The prompt for ``question`` with ``chunks`` as context: ``template_path`` when given, else the
    shipped template of ``language`` (default: detected from the question)."""
    language = language or detect_language([question])
    template = load_template(template_path, language)
    values = {"{context}": format_context(chunks, language), "{question}": question.strip()}
    return _PLACEHOLDER.sub(lambda m: values[m.group(0)], template)


def template_digest(text: str) -> str:
    """A short hash of a RAG prompt template's text, as a retrieval records it (`retrieval.template`)."""
    import hashlib

    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
