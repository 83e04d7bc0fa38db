"""Files that data names (signature and seal images, layouts), checked before any work.

An image is read only as far as its header before its size and pixel count are held
to the limits (congvan.limits), so a PNG declaring 30000 × 30000 pixels or a 300 MB
file is refused with a message, never decoded or embedded.
"""

from __future__ import annotations

import contextlib
import os
import warnings
from contextvars import ContextVar
from pathlib import Path
from typing import IO, Any, Callable, Iterable, Iterator

from PIL import Image as PILImage

from . import limits as _limits


def _mb(count: int) -> str:
    return f"{count / 1_000_000:g} MB"


def png_header(source: str | Path | bytes, shown: str) -> tuple[str | None, tuple[int, int], dict[str | tuple[int, int], Any]]:
    """(format, (width, height), info) of an image, within the limits; ValueError otherwise.
    The format is None when the image library does not name it."""
    import io

    limit = _limits.current()
    opener: Callable[[], IO[bytes]]
    if isinstance(source, (bytes, bytearray)):
        size = len(source)
        opener = lambda: io.BytesIO(source)  # noqa: E731
    else:
        try:
            size = Path(source).stat().st_size
        except (OSError, ValueError):
            raise ValueError(f"không đọc được ảnh '{shown}'") from None
        opener = lambda: open(source, "rb")  # noqa: E731
    if size > limit.image_bytes:
        raise ValueError(f"ảnh '{shown}' quá lớn: {_mb(size)}, tối đa {_mb(limit.image_bytes)} (giới hạn image_bytes)")
    try:
        with opener() as handle:
            head = handle.read(24)
    except OSError:
        raise ValueError(f"không đọc được ảnh '{shown}'") from None
    if head[:8] == b"\x89PNG\r\n\x1a\n" and head[12:16] == b"IHDR":
        # The size a PNG declares, before the image library sees it.
        _pixels(int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big"), shown)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", PILImage.DecompressionBombWarning)
            with opener() as handle, PILImage.open(handle) as picture:
                kind, dimensions = picture.format, picture.size
                info = dict(picture.info)
    except (OSError, ValueError, PILImage.DecompressionBombError, SyntaxError):
        raise ValueError(f"không đọc được ảnh PNG '{shown}'") from None
    _pixels(*dimensions, shown)
    return kind, dimensions, info


def _pixels(width: int, height: int, shown: str) -> None:
    most = _limits.current().image_pixels
    if width * height > most:
        raise ValueError(f"ảnh '{shown}' quá nhiều điểm ảnh: {width} × {height}, tối đa {most} (giới hạn image_pixels)")


def zip_problem(data: bytes) -> str | None:
    """Why a DOCX (a zip) would unpack past the limit docx_bytes, or None; from the
    sizes its directory declares, which are also all that reading it will produce."""
    import io
    import zipfile

    limit = _limits.current().docx_bytes
    if len(data) > limit:
        return f"tệp quá lớn: {_mb(len(data))}, tối đa {_mb(limit)} (giới hạn docx_bytes)"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return None  # said by the reader: not a .docx
    if len(infos) > 10_000:
        return f"tệp có {len(infos)} phần, quá nhiều (tối đa 10000)"
    total = sum(info.file_size for info in infos)
    if total > limit:
        return f"giải nén ra {_mb(total)}, tối đa {_mb(limit)} (giới hạn docx_bytes)"
    return None


# Folders besides a data file's own whose files data may name (`--tai-nguyen DIR`).
_folders: ContextVar[tuple[str, ...]] = ContextVar("congvan_resource_folders", default=())


def folders() -> tuple[str, ...]:
    return _folders.get()


@contextlib.contextmanager
def allowing(extra: Iterable[str | os.PathLike[str]] | None) -> Iterator[tuple[str, ...]]:
    """Let data name files in `extra` folders too, for the work done inside."""
    if extra is None:
        yield folders()
        return
    token = _folders.set(tuple(os.fspath(f) for f in extra))
    try:
        yield _folders.get()
    finally:
        _folders.reset(token)


def inside(value: str, base: Path) -> str:
    """The file `value` names, from a data file in folder `base`, as an absolute path;
    ValueError when it lies (symlinks followed) outside `base` and the allowed folders.

    The message is the same whether such a file exists or not, and never shows its
    content: data cannot probe or read what lies outside."""
    candidate = Path(value) if Path(value).is_absolute() else base / value
    try:
        real = Path(os.path.realpath(candidate))
        bases: tuple[str | Path, ...] = (base, *folders())
        roots = [Path(os.path.realpath(root)) for root in bases]
    except (OSError, ValueError):
        raise ValueError(OUTSIDE.format(value=value)) from None
    if not any(real == root or root in real.parents for root in roots):
        raise ValueError(OUTSIDE.format(value=value))
    return str(candidate)


OUTSIDE = ("'{value}' nằm ngoài thư mục của tệp dữ liệu (và các thư mục --tai-nguyen): "
           "chỉ dùng được tệp trong các thư mục đó")
