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
    text)', else '': an editor on a Chinese Windows saves GBK, one on Windows "Unicode" UTF-16 (`guess_encoding`)."""
    guess = guess_encoding(raw)
    if guess is None:
        return ""
    return f"; {guess[0]}"


def recode_fix(raw: bytes, path: str | os.PathLike[str]) -> str:
    """The fix for a file that is not UTF-8: re-save it as UTF-8, with the command that converts it when its
    encoding can be told (`iconv -f GBK -t UTF-8 ...`), so the fix names the encoding the message found."""
    guess = guess_encoding(raw)
    if guess is None:
        return "save it as UTF-8 (a GBK or UTF-16 file: re-save it as UTF-8 in your editor)"
    import shlex

    name, temporary = shlex.quote(os.fspath(path)), shlex.quote(os.fspath(path) + ".utf8")
    return (
        f"save it as UTF-8: re-save it in your editor with the encoding UTF-8, or convert it in place: iconv -f "
        f"{guess[1]} -t UTF-8 {name} > {temporary} && mv {temporary} {name}"
    )


_KANA = ("\u3040", "\u30ff")
_CJK = ("\u4e00", "\u9fff")
_TYPOGRAPHIC = "\u201c\u201d\u2018\u2019\u2013\u2014"  # Word's quotes and dashes


def guess_encoding(raw: bytes) -> tuple[str, str] | None:
    """The encoding a file that is not UTF-8 probably is: (the words that say so, its iconv name), or None. UTF-16
    by its byte-order mark or, without one, by its NUL bytes; Simplified Chinese (GB2312/GBK/GB18030), Japanese
    (Shift-JIS) and Traditional Chinese (Big5) by which of them reads the bytes as text of that script; Western
    European (Windows-1252) by accented letters or typographic quotes in ASCII text. Each read as another named
    the wrong encoding (a Big5 or Shift-JIS file 'reads as GBK'), or none (UTF-16 without a mark, Latin-1)."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "it is UTF-16 (it starts with a UTF-16 byte-order mark)", "UTF-16"
    sample = raw[:4096]
    if len(sample) >= 4:
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        if odd > len(sample) // 4 and even == 0:
            return "it is UTF-16 little-endian (every other byte is 0), without a byte-order mark", "UTF-16LE"
        if even > len(sample) // 4 and odd == 0:
            return "it is UTF-16 big-endian (every other byte is 0), without a byte-order mark", "UTF-16BE"
    if _reads_as(raw, "gb2312", _CJK):  # the common Simplified Chinese characters alone
        return "it reads as GBK/GB18030 (Chinese text)", "GBK"
    if _reads_as(raw, "shift_jis", _KANA):
        return "it reads as Shift-JIS (Japanese text)", "SHIFT-JIS"
    if _reads_as(raw, "big5", _CJK) and not _reads_as(raw, "gb18030", _CJK, common_gbk=True):
        return "it reads as Big5 (Traditional Chinese text)", "BIG5"
    if _reads_as(raw, "gb18030", _CJK):
        return "it reads as GBK/GB18030 (Chinese text)", "GB18030"
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError:
        return None
    if any(ord(char) < 32 and char not in "\t\r\n" for char in text[:4096]):
        return None  # control bytes: a binary file, not Western European text
    if any(char.isalpha() and not char.isascii() for char in text) or any(c in text for c in _TYPOGRAPHIC):
        return "it reads as Windows-1252/Latin-1 (Western European text)", "WINDOWS-1252"
    return None


def _reads_as(raw: bytes, codec: str, script: tuple[str, str], common_gbk: bool = False) -> bool:
    """Whether `raw` decodes as `codec` with no error into text that holds a character of `script`; with
    `common_gbk`, also whether most of its two-byte characters are GBK's common ones (lead byte 0xB0-0xD7, second
    byte 0xA1 or more: GB2312's level 1), which a Big5 file's seldom all are."""
    try:
        text = raw.decode(codec)
    except UnicodeDecodeError:
        return False
    if not any(script[0] <= char <= script[1] for char in text):
        return False
    if not common_gbk:
        return True
    pairs = common = 0
    index = 0
    while index < len(raw) - 1:
        if raw[index] < 0x80:
            index += 1
            continue
        pairs += 1
        common += 0xB0 <= raw[index] <= 0xD7 and raw[index + 1] >= 0xA1
        index += 2
    return pairs > 0 and common * 2 > pairs


def special_kind(mode: int) -> str | None:
    """What a file of `st_mode` is when it is none a reader can read - 'a named pipe (FIFO)', 'a socket', 'a
    character device', 'a block device' - as a knowledge document's and an image's errors name it; None for a
    regular file, a folder or a link."""
    return next((kind for test, kind in _SPECIAL_KINDS if test(mode)), None)
