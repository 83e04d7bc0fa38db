"""Pictures of pages: a PDF → one PNG per page (poppler's pdftoppm), for the page's preview."""

from __future__ import annotations

import base64
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import CongVanError

MAX_PAGES = 30  # pictures of one document; its further pages are counted, not drawn
TIMEOUT = 60.0


class PictureError(CongVanError):
    """pdftoppm is missing or failed."""


def png_pages(pdf: bytes, dpi: int = 72, most: int = MAX_PAGES) -> list[bytes]:
    """PNG pictures of the first `most` pages of a PDF."""
    binary = shutil.which("pdftoppm")
    if binary is None:
        raise PictureError("không tìm thấy pdftoppm để vẽ trang: hãy cài poppler-utils")
    with tempfile.TemporaryDirectory(prefix="congvan-png-") as tmp:
        source = Path(tmp) / "in.pdf"
        source.write_bytes(pdf)
        command = [binary, "-png", "-r", str(dpi), "-f", "1", "-l", str(most), str(source), str(Path(tmp) / "trang")]
        try:
            done = subprocess.run(command, capture_output=True, timeout=TIMEOUT, check=False)
        except subprocess.TimeoutExpired:
            raise PictureError(f"vẽ trang quá {TIMEOUT:g} giây") from None
        if done.returncode != 0:
            raise PictureError(f"không vẽ được trang (pdftoppm mã {done.returncode})")
        # pdftoppm pads the page number to the width of the last one: trang-01.png.
        files = sorted(Path(tmp).glob("trang-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
        return [f.read_bytes() for f in files]


def data_url(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")
