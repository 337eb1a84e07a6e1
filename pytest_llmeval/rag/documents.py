"""Load a Markdown/text knowledge base and cut it into retrieval chunks.

A document's id is its path relative to the directory it was found under, with
forward slashes (``companies/huaxin_bank.md``); a file passed directly is known
by its file name. Chunks follow Markdown headings, then paragraphs, then lines,
then sentences; each chunk holds at most ``max_chars`` characters (its section
heading and the overlap carried over from the previous chunk included).
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..textfiles import LFS_POINTER, MIB, encoding_hint, recode_fix, size_problem, special_kind

DOC_SUFFIXES = frozenset({".md", ".markdown", ".txt"})
READ_TYPES = "only .md, .markdown and .txt files are read"
# Files that live beside the knowledge base but are not documents.
EXCLUDED_NAMES = frozenset({"custom_dict.txt", "user_dict.txt", "userdict.txt", "stopwords.txt"})
# The largest document read: about 8 million Chinese characters, a 4,000-page book as text - 40,000 chunks to embed
# (hours on a CPU). A larger file is a data dump, a log or a binary, and it was read whole before anything refused it.
MAX_DOCUMENT_BYTES = 16 * MIB
UNREAD_SHOWN = 5  # the unread files an error names before "and N more"
DEFAULT_MAX_CHARS = 400
DEFAULT_OVERLAP = 50

_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_SENTENCE_END = re.compile(r"(?<=[。！？；!?;])")


@dataclass(frozen=True)
class Document:
    """One knowledge-base file."""

    doc_id: str
    title: str
    text: str
    path: Path


@dataclass(frozen=True)
class Chunk:
    """A piece of a document; ``search_text`` is what retrievers index."""

    chunk_id: str
    doc_id: str
    title: str
    text: str

    @property
    def search_text(self) -> str:
        """The chunk text with its document title in front."""
        if not self.title or self.text.startswith(self.title):
            return self.text
        return f"{self.title}\n{self.text}"


def load_documents(paths: Iterable[str | Path], *, exclude: Iterable[str | Path] = ()) -> list[Document]:
    """Read every .md/.txt file under ``paths`` (directories or files), sorted by doc_id."""
    excluded = {Path(p).resolve() for p in exclude}
    docs: dict[str, Document] = {}
    for root in map(Path, paths):
        if not root.exists():
            raise FileNotFoundError(
                f"knowledge path does not exist: {root}. Fix: pass a folder or file of .md/.txt documents"
            )
        for file, doc_id in _iter_files(root):
            if _resolved(file) in excluded:
                continue
            if doc_id in docs:
                raise ValueError(f"duplicate document id {doc_id!r}: {docs[doc_id].path} and {file}")
            text = _read_text(file)
            docs[doc_id] = Document(doc_id, _title_of(text, file), text, file)
    return [docs[key] for key in sorted(docs)]


def load_knowledge(
    paths: Iterable[str | Path],
    *,
    max_chars: int = DEFAULT_MAX_CHARS,
    overlap: int = DEFAULT_OVERLAP,
    exclude: Iterable[str | Path] = (),
) -> list[Chunk]:
    """Load documents under ``paths`` and return all their chunks in doc_id order."""
    return [
        chunk
        for doc in load_documents(paths, exclude=exclude)
        for chunk in chunk_document(doc, max_chars=max_chars, overlap=overlap)
    ]


def chunk_document(doc: Document, *, max_chars: int = DEFAULT_MAX_CHARS, overlap: int = DEFAULT_OVERLAP) -> list[Chunk]:
    """Cut one document into chunks of at most ``max_chars`` characters."""
    if max_chars < 50:
        raise ValueError(f"max_chars must be at least 50, got {max_chars}")
    if not 0 <= overlap < max_chars // 2:
        raise ValueError(f"overlap must be in [0, max_chars/2), got {overlap}")
    pieces: list[str] = []
    for heading, body in _sections(doc.text, doc.title):
        pieces.extend(_pack_section(heading, body, max_chars, overlap))
    return [Chunk(f"{doc.doc_id}#{i}", doc.doc_id, doc.title, text) for i, text in enumerate(pieces)]


def corpus_digest(docs: Sequence[Document]) -> str:
    """SHA-256 over every document's id and contents (the corpus part of a cache key)."""
    h = hashlib.sha256()
    for doc in docs:
        h.update(doc.doc_id.encode())
        h.update(b"\0")
        h.update(hashlib.sha256(doc.text.encode()).digest())
    return h.hexdigest()


def _iter_files(root: Path) -> Iterable[tuple[Path, str]]:
    """Every .md/.txt name under `root` that is not hidden (nor under a hidden folder), with its doc id.

    Whatever the name is - a file, a FIFO, a socket, a device, a link that is broken or loops - is yielded: the
    user put a document's name there and expects it read, so `_read_text` names what it is (it was skipped in
    silence). Linked folders are followed (a `shared -> ../common` link was skipped in silence), each real folder
    once: a link back to a folder being walked would read its documents again under other ids."""
    if not root.is_dir():  # a file, or something that is not one (a FIFO, a device): `_read_text` says which
        yield root, root.name
        return
    found: list[tuple[str, Path]] = []
    walking: set[str] = set()

    def walk(folder: Path) -> None:
        real = os.path.realpath(folder)
        if real in walking:
            return
        walking.add(real)
        for entry in sorted(os.scandir(folder), key=lambda e: e.name):
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            if _is_folder(entry):
                walk(path)
            elif path.suffix.lower() in DOC_SUFFIXES and entry.name not in EXCLUDED_NAMES:
                found.append((path.relative_to(root).as_posix(), path))
        walking.discard(real)

    walk(root)
    for doc_id, path in sorted(found):
        yield path, doc_id


def no_documents_problem(paths: Sequence[str | Path]) -> str:
    """Why `paths` hold no document, in the user's terms, with the fix - the words after "no documents ...: " (for a
    knowledge base where `_iter_files` finds nothing): the files there that are not read (a folder of .pdf/.docx was
    only "no documents"), only hidden files, only the tokenizer's word lists, or nothing at all."""
    found = _unread_by_why(paths, skip_unreadable=False)
    read = READ_TYPES
    unread, hidden, lists = found["unread"], found["hidden"], found["word lists"]
    if unread:
        count, shown = _named_files(unread)
        return f"{count} found, not read ({shown}) - {read}. Fix: {CONVERT}, or pass --rag-knowledge=PATH"
    if lists and not hidden:
        if len(lists) == 1:
            what = f"{lists[0]}, a word list of the tokenizer (a jieba dictionary or stopwords), not a document"
        else:
            what = f"{', '.join(lists)}, word lists of the tokenizer (jieba dictionaries, stopwords), not documents"
        return (
            f"the folder holds only {what} ({read}). Fix: put the knowledge documents "
            "there, or pass --rag-knowledge=PATH"
        )
    if hidden:
        return (
            f"the folder holds only hidden files (names starting with '.'), which are "
            f"not read ({', '.join(hidden[:UNREAD_SHOWN])}). Fix: rename the documents without the leading '.', or "
            "pass --rag-knowledge=PATH"
        )
    return f"the folder is empty ({read}). Fix: put the knowledge documents there"


def unread_note(paths: Sequence[str | Path]) -> str | None:
    """The files of a knowledge base that holds documents which are not read (a .pdf or .docx beside the .md files),
    named with why and the fix - a warning, not an error: the documents there are read. None when every file is a
    document (hidden files and the tokenizer's word lists are expected beside them, and not named). A folder of
    .md files and reports in PDF was read without a word about the PDFs, and retrieval found nothing of them."""
    unread = _unread_by_why(paths, skip_unreadable=True)["unread"]
    if not unread:
        return None
    count, listed = _named_files(unread)
    return (
        f"{count} in the knowledge folder skipped ({listed}): {READ_TYPES}, so retrieval never finds what they "
        f"say. Fix: {CONVERT}, or move them out of the folder"
    )


CONVERT = "convert them to .md or .txt (e.g. `pandoc report.docx -o report.md`, `pdftotext report.pdf report.txt`)"


def _unread_by_why(paths: Sequence[str | Path], skip_unreadable: bool) -> dict[str, list[str]]:
    """The names under the folders of `paths` that are not read, by why (`_sort_unread`); `skip_unreadable`: a
    folder that cannot be listed is passed over (a warning; the reader's own error names it) instead of raising."""
    found: dict[str, list[str]] = {"unread": [], "hidden": [], "word lists": []}
    for root in map(Path, paths):
        try:
            if root.is_dir():
                _sort_unread(root, root, found, set())
        except OSError:
            if not skip_unreadable:
                raise
    return found


def _named_files(names: list[str]) -> tuple[str, str]:
    """("3 files", "a.pdf, b.pdf, and 1 more"): how many, and the first `UNREAD_SHOWN` of them."""
    more = f", and {len(names) - UNREAD_SHOWN} more" if len(names) > UNREAD_SHOWN else ""
    return (f"{len(names)} files" if len(names) > 1 else "1 file"), ", ".join(names[:UNREAD_SHOWN]) + more


def _sort_unread(root: Path, folder: Path, found: dict[str, list[str]], walking: set[str]) -> None:
    """The names under `folder` that `_iter_files` leaves out, by why: another type, hidden, a tokenizer word list.
    Linked folders are followed once each, as `_iter_files` follows them (a link back is no loop)."""
    real = os.path.realpath(folder)
    if real in walking:
        return
    walking.add(real)
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:  # unreadable: the reader's own error names it
        return
    for entry in entries:
        name = Path(entry.path).relative_to(root).as_posix()
        if entry.name.startswith("."):
            found["hidden"].append(name)
        elif _is_folder(entry):
            _sort_unread(root, Path(entry.path), found, walking)
        elif entry.name in EXCLUDED_NAMES:
            found["word lists"].append(name)
        elif Path(entry.name).suffix.lower() not in DOC_SUFFIXES:
            found["unread"].append(name)
    walking.discard(real)


def _resolved(file: Path) -> Path:
    """`file.resolve()`, or `file` for a link in a loop (Python 3.11's resolve raises RuntimeError there)."""
    try:
        return file.resolve()
    except (OSError, RuntimeError):
        return file


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()  # follows a link: a linked folder is walked
    except OSError:  # a link in a loop: not a folder (its name says whether it was meant as a document)
        return False


TEXT_FIX = "save each document as UTF-8 text, or move it out of the knowledge folder"
MOVE_FIX = "; or move it out of the knowledge folder"
CONVERT_FIX = (
    "convert it to .md or .txt (e.g. `pandoc report.docx -o report.md`, `pdftotext report.pdf report.txt`), or move "
    "it out of the knowledge folder"
)
UNZIP_FIX = "unzip it and pass the folder of .md/.txt documents (--rag-knowledge=FOLDER)"
# what a file that is no text starts with, when it is a document in another format: a PDF, an Office file (a .docx,
# .xlsx or .pptx is a ZIP archive; a .doc or .xls of before 2007 a Compound File), an EPUB (a ZIP too)
_OFFICE_MAGIC = (
    (b"%PDF-", "a PDF"),
    (b"PK\x03\x04", "a ZIP archive (a .docx, .xlsx, .pptx or .epub is one)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office file (a .doc, .xls or .ppt)"),
)


def _office_kind(raw: bytes) -> str | None:
    """What a document in another format is, by its first bytes ('a PDF'), or None."""
    return next((kind for magic, kind in _OFFICE_MAGIC if raw.startswith(magic)), None)


class DocumentError(ValueError):
    """A knowledge-base document that cannot be read as text; the message names the file, why, and the fix."""

    def __init__(self, file: Path, problem: str, fix: str = TEXT_FIX) -> None:
        super().__init__(f"{file}: {problem}. Fix: {fix}")
        self.path = file


def _read_text(file: Path) -> str:
    """The document's text, or a DocumentError naming what the file is instead: reading a FIFO waited forever, a
    link to /dev/zero filled the memory, a GBK or binary file was a UnicodeDecodeError without a fix."""
    _check_regular(file)
    too_large = size_problem(file, MAX_DOCUMENT_BYTES, "a document")
    if too_large is not None:
        raise DocumentError(
            file, too_large, "split it into documents of a topic each, or move it out of the knowledge folder"
        )
    raw = file.read_bytes()
    if encoding_hint(raw).startswith("; it is UTF-16"):  # before the NUL bytes: UTF-16 text holds them too (a mark
        # or not: one without was "a binary file")
        raise DocumentError(file, f"not valid UTF-8 text{encoding_hint(raw)}", recode_fix(raw, file) + MOVE_FIX)
    binary = "is not text (it holds NUL bytes: a binary file)"
    kind = _office_kind(raw)
    if kind is not None:  # `report.md` that is a PDF, a .docx given directly: say what it is, and to convert it
        problem = binary if b"\0" in raw else "is not text (a binary file)"
        fix = UNZIP_FIX if file.suffix.lower() == ".zip" else CONVERT_FIX  # documents zipped: --rag-knowledge=kb.zip
        raise DocumentError(file, f"{problem}: it is {kind}, and {READ_TYPES} as text", fix)
    if b"\0" in raw:  # valid UTF-8 or not, no text: its NUL bytes and binary would be indexed as words
        raise DocumentError(file, binary)
    if raw.startswith(LFS_POINTER):
        raise DocumentError(
            file,
            "is a Git LFS pointer, not the document (the repository was cloned without its LFS files)",
            "run `git lfs pull` in the repository, or copy the real document there",
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise DocumentError(
            file,
            f"not valid UTF-8 text at line {line} (byte {exc.start}: {exc.reason}){encoding_hint(raw)}",
            recode_fix(raw, file) + MOVE_FIX,
        ) from exc
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _check_regular(file: Path) -> None:
    """A DocumentError for a name that is no regular file: a FIFO, socket or device (or a link to one), a broken
    link, a link in a loop."""
    try:
        mode = os.stat(file).st_mode
    except FileNotFoundError:
        if not file.is_symlink():
            raise  # gone since the folder was listed, or a missing path given directly: FileNotFoundError
        raise DocumentError(
            file,
            f"is a link to {os.readlink(file)}, which does not exist",
            "point the link at the document, or remove it from the knowledge folder",
        ) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise DocumentError(
                file, "is a link that leads back to itself (a loop of links)", "point the link at the document"
            ) from None
        raise
    kind = special_kind(mode)
    if kind is not None:
        target = f" (a link to {os.path.realpath(file)})" if file.is_symlink() else ""
        raise DocumentError(
            file,
            f"is {kind}{target}, not a regular file: it cannot be read as a document",
            "put the document's text in a regular file, or move this out of the knowledge folder",
        )


def _title_of(text: str, file: Path) -> str:
    for line in text.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return file.stem


def _sections(text: str, title: str) -> list[tuple[str, str]]:
    """Split into (heading line, body) pairs; the document's own H1 heading is dropped."""
    sections: list[tuple[str, list[str]]] = [("", [])]
    seen_title = False
    for line in text.splitlines():
        match = _HEADING.match(line)
        if match:
            is_title = len(match.group(1)) == 1 and match.group(2) == title and not seen_title
            seen_title = seen_title or is_title
            sections.append(("" if is_title else line.strip(), []))
        else:
            sections[-1][1].append(line)
    return [(head, "\n".join(body).strip()) for head, body in sections if "\n".join(body).strip()]


def _pack_section(heading: str, body: str, max_chars: int, overlap: int) -> list[str]:
    """Greedily pack a section's units into chunks, carrying ``overlap`` characters over."""
    prefix = f"{heading}\n" if heading else ""
    budget = max_chars - len(prefix)
    if budget < max_chars // 2:  # absurdly long heading: cut it down
        prefix = prefix[: max_chars // 2 - 1] + "\n"
        budget = max_chars - len(prefix)
    units = _units(body, budget - overlap - 1)
    chunks: list[str] = []
    current = ""
    for unit in units:
        candidate = f"{current}\n{unit}" if current else unit
        if len(candidate) <= budget:
            current = candidate
            continue
        chunks.append(current)
        carried = _tail(current, overlap)
        current = f"{carried}\n{unit}" if carried else unit
    if current:
        chunks.append(current)
    return [prefix + chunk for chunk in chunks]


def _units(body: str, limit: int) -> list[str]:
    """Paragraphs, then lines, then sentences, then hard cuts - each at most ``limit`` chars."""
    out: list[str] = []
    for para in re.split(r"\n\s*\n", body):
        para = para.strip()
        if not para:
            continue
        if len(para) <= limit:
            out.append(para)
            continue
        for line in para.split("\n"):
            line = line.strip()
            if len(line) <= limit:
                if line:
                    out.append(line)
                continue
            for sentence in _SENTENCE_END.split(line):
                sentence = sentence.strip()
                out.extend(sentence[i : i + limit] for i in range(0, len(sentence), limit))
    return out


def _tail(text: str, size: int) -> str:
    """The last whole sentences of ``text`` fitting in ``size`` chars, else its last ``size`` chars."""
    if size <= 0:
        return ""
    sentences = [s for s in _SENTENCE_END.split(text.replace("\n", " ")) if s.strip()]
    tail = ""
    for sentence in reversed(sentences):
        if len(sentence) + len(tail) > size:
            break
        tail = sentence + tail
    return (tail or text[-size:]).strip()
