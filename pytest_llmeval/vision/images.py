"""Images for vision cases: validated when the scenario loads (a real image, within the size limit) and
sent as OpenAI-style `image_url` content parts with a base64 data URL whose MIME type comes from the decoded
format, not the file name."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from pathlib import Path

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


def load_image(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> ImageRef:
    """Check that `path` is a PNG/JPEG/WebP/GIF/BMP image no larger than `max_bytes` (Pillow verifies it)."""
    from PIL import Image, UnidentifiedImageError

    file = Path(path)
    if file.is_dir():
        raise ImageError("is a folder, not an image file; point at the image file itself")
    if not file.is_file():
        raise ImageError("no such image file; check the path (relative paths start at the file that names them)")
    size = file.stat().st_size
    if size == 0:
        raise ImageError("not an image: the file is empty; save the image again")
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
        raise ImageError(f"not an image Pillow can read ({type(exc).__name__}); save it as PNG or JPEG") from None
    if fmt not in MIME:
        raise ImageError(f"image format {fmt or 'unknown'} is not one of {sorted(MIME)}; convert it to PNG or JPEG")
    return ImageRef(file, fmt, width, height)
