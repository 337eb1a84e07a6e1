"""Which models a run evaluates: `--llm-model` values parsed into labelled specs (no pytest here)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .embedded import EMBEDDED_LABEL, is_embedded


class ModelSpecError(ValueError):
    """An --llm-model value cannot be used; the message says how to write it."""


@dataclass(frozen=True)
class ModelSpec:
    """A model to evaluate: its label (ids, reports, served name) and where it comes from."""

    label: str
    source: str  # "embedded", a local directory or a hub id

    @property
    def embedded(self) -> bool:
        return is_embedded(self.source)


def parse_model(text: str) -> ModelSpec:
    """`embedded`, a path or hub id (label: the directory's name), or `LABEL=PATH`."""
    text = text.strip()
    if not text:
        raise ModelSpecError("--llm-model got an empty value. Fix: pass a model path, hub id or 'embedded'")
    if "=" in text:
        label, _, source = text.partition("=")
        if not label.strip() or not source.strip():
            raise ModelSpecError(f"--llm-model {text!r}: use LABEL=PATH")
        return ModelSpec(label.strip(), source.strip())
    if is_embedded(text):
        return ModelSpec(EMBEDDED_LABEL, text)
    return ModelSpec(Path(text.rstrip("/")).name or text, text)
