"""One wording for a user's file that is not UTF-8 text (a scenario, dataset, prices, endpoints or RAG file saved
by an editor in GB18030): every reader that refuses one names the byte and the decoder's reason the same way."""

from __future__ import annotations


def not_utf8(exc: UnicodeDecodeError) -> str:
    """`not UTF-8 text (byte 0: invalid start byte)`: what the reader puts after the file's name."""
    return f"not UTF-8 text (byte {exc.start}: {exc.reason})"
