"""One wording for a user's file that is not UTF-8 text (a scenario, dataset, prices, endpoints or RAG file saved
by an editor in GB18030): every reader that refuses one names the byte and the decoder's reason the same way."""

from __future__ import annotations

import os
import stat

# the first bytes of a Git LFS pointer: a repository cloned without `git lfs pull` holds these in place of files
LFS_POINTER = b"version https://git-lfs.github.com/spec/"
_SPECIAL_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


MIB = 2**20


def size_problem(path: str | os.PathLike[str], limit: int, what: str) -> str | None:
    """'is 300.0 MiB, over the 16 MiB limit of a document' when the file at `path` holds more than `limit` bytes,
    else None. Asked before a file is read: a reader of the whole file (a knowledge document, a dataset, a
    dictionary) held a 300 MB dump - or a sparse file of NUL bytes - in memory before it could refuse it."""
    try:
        size = os.stat(path).st_size
    except (OSError, ValueError):  # not there or unreadable: the reader's own error says so
        return None
    if size <= limit:
        return None
    return f"is {size / MIB:,.1f} MiB, over the {limit / MIB:g} MiB limit of {what}"


def not_utf8(exc: UnicodeDecodeError) -> str:
    """`not UTF-8 text (byte 0: invalid start byte)`: what the reader puts after the file's name."""
    return f"not UTF-8 text (byte {exc.start}: {exc.reason})"


def shown(value: object, limit: int = 60) -> str:
    """A value read from a user's file as an error message quotes it: its repr, cut to `limit` characters (a
    question pasted into `threshold:` or 5,000 digits named the field after a page of text)."""
    try:
        text = repr(value)
    except ValueError:  # an int past Python's 4,300-digit limit on int-to-text conversion
        return f"<a {type(value).__name__} too long to show>"
    return text if len(text) <= limit else f"{text[: limit - 3]}..."


def encoding_hint(raw: bytes) -> str:
    """What a file that is not UTF-8 probably is, as '; it is UTF-16 ...' or '; it reads as GBK/GB18030 (Chinese
    text)', else '': an editor on a Chinese Windows saves GBK, one on Windows "Unicode" UTF-16."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "; it is UTF-16 (it starts with a UTF-16 byte-order mark)"
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        return ""
    if any("\u4e00" <= char <= "\u9fff" for char in text):
        return "; it reads as GBK/GB18030 (Chinese text)"
    return ""


def special_kind(mode: int) -> str | None:
    """What a file of `st_mode` is when it is none a reader can read - 'a named pipe (FIFO)', 'a socket', 'a
    character device', 'a block device' - as a knowledge document's and an image's errors name it; None for a
    regular file, a folder or a link."""
    return next((kind for test, kind in _SPECIAL_KINDS if test(mode)), None)
