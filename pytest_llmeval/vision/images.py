"""Images for vision cases: validated when the scenario loads (a real image, within the size limit) and
sent as OpenAI-style `image_url` content parts with a base64 data URL whose MIME type comes from the decoded
format, not the file name."""

from __future__ import annotations

import base64
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..textfiles import special_kind

DEFAULT_MAX_BYTES = 20 * 2**20
MIME = {"PNG": "image/png", "JPEG": "image/jpeg", "WEBP": "image/webp", "GIF": "image/gif", "BMP": "image/bmp"}


class ImageError(ValueError):
    """The file is not a usable image; the message says what is wrong and how to fix it (no file name: the
    caller prefixes file, case and field)."""


@dataclass(frozen=True)
class ImageRef:
    path: Path
    format: str  # Pillow's name: PNG, JPEG, WEBP, GIF, BMP
    width: int
    height: int

    @property
    def mime(self) -> str:
        return MIME[self.format]

    def data_url(self) -> str:
        """`data:image/png;base64,...` (the MIME type of the real format)."""
        return f"data:{self.mime};base64," + base64.b64encode(self.path.read_bytes()).decode("ascii")


ACCEPTED = "PNG, JPEG, WebP, GIF or BMP"
# what a file that is no image usually is: its first bytes -> what to call it (the fix follows)
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG file that is cut short or damaged"),
    (b"\xff\xd8\xff", "a JPEG file that is cut short or damaged"),
    (b"GIF8", "a GIF file that is cut short or damaged"),
    (b"%PDF", "a PDF document, not an image"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document), not an image"),
    (b"\x1f\x8b", "a gzip archive, not an image"),
    (b"version https://git-lfs", "a Git LFS pointer, not the image itself (run `git lfs pull`)"),
)
_ISO_BRANDS = {b"heic": "HEIC", b"heix": "HEIC", b"mif1": "HEIF", b"avif": "AVIF", b"isom": "MP4", b"qt  ": "MOV"}


def load_image(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> ImageRef:
    """Check that `path` is a PNG/JPEG/WebP/GIF/BMP image no larger than `max_bytes` (Pillow verifies it). Each
    refusal says what the file is (a folder, a device, a link to nothing, text, a PDF, a cut-short PNG, ...) and
    what is accepted: "no such image file" for /dev/zero or a FIFO sent the user looking for a typo in the path."""
    from PIL import Image, UnidentifiedImageError

    file = Path(path)
    problem = _file_problem(file)
    if problem is not None:
        raise ImageError(problem)
    size = file.stat().st_size
    if size == 0:
        raise ImageError(f"not an image: the file is empty (0 bytes); save the image again as {ACCEPTED}")
    if size > max_bytes:
        raise ImageError(
            f"{size / 2**20:.1f} MiB is over the {max_bytes / 2**20:.0f} MiB limit; resize or recompress it"
        )
    try:
        with Image.open(file) as image:
            image.verify()
            fmt, (width, height) = image.format or "", image.size
    except Image.DecompressionBombError as exc:  # a small file of 20000 x 20000 pixels: an Exception, not an OSError
        raise ImageError(f"too many pixels for Pillow ({exc}); resize it") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise ImageError(f"{_what_it_is(file, exc)}; save it as PNG or JPEG ({ACCEPTED} are accepted)") from None
    if fmt not in MIME:
        raise ImageError(f"image format {fmt or 'unknown'} is not one of {sorted(MIME)}; convert it to PNG or JPEG")
    return ImageRef(file, fmt, width, height)


_VARIABLE = re.compile(r"\$(\w+)|\$\{(\w+)\}|%(\w+)%")
_WINDOWS_DRIVE = re.compile(r"^[A-Za-z]:[\\/]")


def image_path(folder: Path, written: str, env: Mapping[str, str] | None = None) -> tuple[Path, str | None]:
    """The file an image path in a scenario means, relative to the scenario's `folder`, and how it was read when
    not as written (for the error message; None when as written). A path written as it is found is taken as it is.
    Else, as a shell or Windows would have read it: `~/pics/a.png` and `~user/...` from the home folder; `$DATA/a.png`,
    `${DATA}/a.png` and `%DATA%\\a.png` with the variable put in; `imgs\\a.png` (written on Windows) with `/` for
    `\\`. Each was joined to the scenario's folder as it was written and refused as "no such image file". A Windows
    drive (`C:\\pics\\a.png`) or share (`\\\\server\\a.png`) cannot be read here, and a variable that is not set
    cannot be put in: ImageError says so."""
    literal = folder / written
    try:
        if literal.exists() or literal.is_symlink():
            return literal, None
    except (OSError, ValueError):  # a NUL, a name too long: load_image names it
        return literal, None
    env = os.environ if env is None else env
    text = written
    if _WINDOWS_DRIVE.match(text) or text.startswith("\\\\"):
        where = f"drive {text[:2]}" if _WINDOWS_DRIVE.match(text) else "network share"
        raise ImageError(
            f"is a Windows path (a {where}), which this machine cannot read; copy the image next to the scenario "
            "file and write a path relative to it, e.g. imgs/receipt.png"
        )
    text = _variables_put_in(text, env)
    if "\\" in text:  # written on Windows: `imgs\a.png`
        text = text.replace("\\", "/")
    if text.startswith("~"):
        head = text.split("/", 1)[0]
        try:
            text = str(Path(text).expanduser())
        except RuntimeError:  # `~nobody/a.png`
            raise ImageError(
                f"starts with {head!r}, but there is no such user's home folder here; write the image's full path, "
                "or one relative to the scenario file"
            ) from None
    if text == written:
        return literal, None
    path = folder / text  # an absolute `text` replaces the folder
    return path, str(path)


def _variables_put_in(text: str, env: Mapping[str, str]) -> str:
    """`text` with each `$NAME`, `${NAME}` or `%NAME%` replaced by its value; ImageError names one that is not set."""
    for match in _VARIABLE.finditer(text):
        name = next(group for group in match.groups() if group)
        value = env.get(name)
        if not value:
            windows = " (a Windows variable)" if match.group(3) else ""
            raise ImageError(
                f"uses the variable {match.group(0)}{windows}, which is not set here; set it before the run, or write "
                "the image's full path, or one relative to the scenario file"
            )
    return _VARIABLE.sub(lambda match: env[next(group for group in match.groups() if group)], text)


def _file_problem(file: Path) -> str | None:
    """Why `file` is not a regular file an image can be read from (missing, a link to nothing, a folder, a device,
    a FIFO, a socket, a name the system refuses, a URL); None when it is one. A FIFO or /dev/zero is never opened:
    reading it would hang or never end. The path is not named: the caller prefixes the file, case and field."""
    import stat

    try:
        mode = file.stat().st_mode
    except FileNotFoundError:
        if file.is_symlink():
            return f"is a link to {os.readlink(file)}, which does not exist; point it at the image file itself"
        if _url_in(file):
            return "is a URL: images are read from files, never downloaded; save the image next to the scenario file"
        from ..close_paths import close_path

        close = close_path(file)  # `a.PNG` for `a.png`: found on macOS, not on Linux
        if close is not None:
            case = " (names are case-sensitive)" if close.lower() == str(file).lower() else ""
            return f"no such image file; did you mean {close}?{case}"
        return "no such image file; check the path (relative paths start at the file that names them)"
    except (OSError, ValueError) as exc:  # a name too long, a NUL, a component that is a file
        why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return f"cannot be looked up as a file ({why}); check the path"
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return f"is a folder, not an image file; point at the image file itself ({ACCEPTED})"
    kind = special_kind(mode) or "a special file"
    return f"is {kind}, not a regular file; point it at a {ACCEPTED} image file"


def _url_in(file: Path) -> bool:
    """Whether a path that is not there was written as a URL (`https://host/a.png` joined to the scenario's folder
    reads `.../https:/host/a.png`; `data:image/png;base64,...`)."""
    return any(part.lower() in URL_SCHEMES or part.lower().startswith("data:") for part in file.parts)


URL_SCHEMES = ("http:", "https:", "ftp:", "s3:", "gs:", "file:")


def _what_it_is(file: Path, exc: BaseException) -> str:
    """What a file Pillow cannot read as an image is, from its first bytes: text (an SVG, an HTML page a download
    saved in place of the image, a Git LFS pointer), a PDF, an archive, a HEIC photo, a PNG or JPEG cut short."""
    try:
        with file.open("rb") as stream:
            head = stream.read(512)
    except OSError:
        return f"not an image Pillow can read ({type(exc).__name__})"
    for signature, name in _SIGNATURES:
        if head.startswith(signature):
            return f"not an image Pillow can read: {name}"
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return "not an image Pillow can read: a WebP file that is cut short or damaged"
    if head.startswith(b"BM") and len(head) >= 14 and head[6:10] == b"\0\0\0\0":
        return "not an image Pillow can read: a BMP file that is cut short or damaged"
    brand = _ISO_BRANDS.get(head[8:12]) if head[4:8] == b"ftyp" else None
    if brand is not None:
        return f"not an image Pillow can read: {'an' if brand in ('AVIF', 'MP4') else 'a'} {brand} file"
    text = _as_text(head)
    if text is None:
        return f"not an image Pillow can read (its first bytes are {head[:8].hex(' ')})"
    written = _image_written_as_text(text.strip())
    if written is not None:
        return f"not an image Pillow can read: {written}"
    lowered = text.lower()
    if "<svg" in lowered:
        return "not an image Pillow can read: an SVG drawing (text), not a pixel image"
    if "<html" in lowered or "<!doctype html" in lowered:
        return "not an image Pillow can read: an HTML page (text) - a download saved the web page in its place"
    return "not an image Pillow can read: plain text"  # not quoted: `image: .env` would print a key


# the first base64 characters of an image of each accepted format (its signature, encoded)
_BASE64_SIGNATURES = (("iVBORw0KGgo", "PNG"), ("/9j/", "JPEG"), ("R0lGOD", "GIF"), ("UklGR", "WebP"), ("Qk", "BMP"))


def _image_written_as_text(text: str) -> str | None:
    """What a text file given as an image holds when it is the image's address or its bytes written as text - a
    URL, a `data:image/...;base64,` URI, base64 - with the fix; None otherwise. Each was "plain text"."""
    lowered = text.lower()
    if lowered.startswith("data:image/"):
        return (
            "a data: URI (the image written as base64 text), not the image file; decode it into a file, e.g. "
            "`cut -d, -f2 FILE | base64 -d > image.png`, and name that"
        )
    if lowered.startswith(("http://", "https://", "ftp://", "s3://", "gs://")):
        return (
            "a text file holding a URL, not the image: images are read from files, never downloaded; download the "
            "image and save it in this file's place"
        )
    kind = next((name for prefix, name in _BASE64_SIGNATURES if text.startswith(prefix)), None)
    if kind is not None and len(text) >= 8 and all(ch.isalnum() or ch in "+/=\r\n" for ch in text):
        return f"base64 text of a {kind} image, not the image file; decode it, e.g. `base64 -d FILE > image.png`"
    return None


def _as_text(head: bytes) -> str | None:
    """The first bytes as text when they are UTF-8 text with no control characters but whitespace; else None."""
    try:
        text = head.decode("utf-8", errors="strict")
    except UnicodeDecodeError as exc:  # a character cut by the 512-byte read is still text
        if exc.start < len(head) - 4:
            return None
        text = head[: exc.start].decode("utf-8")
    text = text.lstrip("\ufeff")
    if any(ch < " " and ch not in "\t\r\n" for ch in text):
        return None
    return text
