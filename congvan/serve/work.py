"""The work behind the page: DOCX, PDF and pictures of a dispatch, on one shared engine.

One `PdfEngine` serves every request: its workers wait in the engine's own queue, so
concurrent requests take turns on the warm LibreOffice processes. The DOCX writer's
compiled templates are shared objects; writing goes through one lock (a few
milliseconds each), so two requests never fill the same template at once.
"""

from __future__ import annotations

import io
import tempfile
import threading
import zipfile
from pathlib import Path

from lxml import etree

from ..batch.names import DEFAULT_NAME, expand, fields, safe_name
from ..errors import CongVanError
from ..model import CongVan
from ..pdf import PdfEngine, PdfError, finish_pdf
from ..preflight import preflight
from ..render import own_file_titles, render_docx, writer_for
from ..validation import Lines
from .inputs import SOURCE
from .pages import png_pages

_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_HYPERLINK = "/hyperlink"


class NoEngine(CongVanError):
    """The page runs without LibreOffice: no PDF, no preview."""


class Work:
    def __init__(self, engine: PdfEngine | None, dpi: int = 72, why_not: str = "") -> None:
        self.engine = engine
        self.dpi = dpi
        self.why_not = why_not or "trang chạy không có LibreOffice: không tạo được PDF và hình trang"
        self._write = threading.Lock()

    def warnings(self, cv: CongVan, lines: Lines) -> list[str]:
        """What `congvan check` would say of this dispatch (congvan.preflight)."""
        return [n.problem.describe() for n in preflight(cv, writer_for(cv), SOURCE, lines)]

    def docx(self, cv: CongVan, kem_theo_rieng: bool = False) -> bytes:
        """The document; with `kem_theo_rieng`, without its văn bản kèm theo (a file of
        its own, as `render --kem-theo-rieng` writes it)."""
        with self._write:
            return render_docx(cv.model_copy(update={"van_ban_kem_theo": None}) if kem_theo_rieng else cv)

    def own_files(self, cv: CongVan, kem_theo_rieng: bool = False) -> list[tuple[str, str]]:
        """The files of its own the data makes, each as (its name's end without the
        dash, its title): "phu-luc", "phu-luc-II" (Mẫu 2.2), "kem-theo" (Mẫu 1.3)."""
        titles = own_file_titles(cv)
        if not kem_theo_rieng:
            titles.pop("-kem-theo", None)
        return [(end[1:], title) for end, title in titles.items()]

    def own_docx(self, cv: CongVan, tep: str) -> bytes:
        """One file of its own (`own_files`) as DOCX."""
        writer = writer_for(cv)
        with self._write:
            if tep == "kem-theo":
                return writer.kem_theo_bytes(cv)
            return dict(writer.appendix_files(cv))[f"-{tep}"]

    def convert(self, docx: bytes, pdfa: bool = False) -> tuple[Path, tempfile.TemporaryDirectory[str]]:
        if self.engine is None:
            raise NoEngine(self.why_not)
        tmp = tempfile.TemporaryDirectory(prefix="congvan-serve-")
        source, target = Path(tmp.name) / "van-ban.docx", Path(tmp.name) / "van-ban.pdf"
        source.write_bytes(docx)
        result = self.engine.convert([(source, target)], pdfa=pdfa)[0]
        if not result.ok:
            tmp.cleanup()
            raise PdfError("", f"không tạo được PDF: {result.error}")
        return target, tmp

    def pdf(self, cv: CongVan, pdfa: bool = False, kem_theo_rieng: bool = False, tep: str | None = None) -> bytes:
        """The finished, checked PDF of a dispatch (fonts, page count, metadata), or of
        one of its files of its own (`tep`, titled after itself)."""
        docx = self.own_docx(cv, tep) if tep else self.docx(cv, kem_theo_rieng)
        target, tmp = self.convert(docx, pdfa)
        try:
            finish_pdf(target, cv, pdfa=pdfa, label="PDF", title=own_file_titles(cv)[f"-{tep}"] if tep else None)
            return target.read_bytes()
        finally:
            tmp.cleanup()

    def pictures(self, pdf: bytes, dpi: int | None = None) -> list[bytes]:
        return png_pages(pdf, dpi or self.dpi)

    def docx_pictures(self, docx: bytes, dpi: int) -> list[bytes]:
        """Pages of any DOCX (one a user dropped on the page for `check`)."""
        target, tmp = self.convert(docx)
        try:
            return png_pages(target.read_bytes(), dpi)
        finally:
            tmp.cleanup()


def file_name(cv: CongVan, suffix: str) -> str:
    """As `congvan batch` names it: 05-STTTT-VP-2026-03-05.pdf, du-thao-….pdf."""
    return safe_name(expand(DEFAULT_NAME, fields(cv, "cong-van", None, None))) + suffix


def reaches_outside(docx: bytes) -> bool:
    """Whether a DOCX points at anything outside itself that LibreOffice might open
    while laying it out (a linked picture, template or object, an INCLUDE field):
    such a file is checked, but never drawn on the server."""
    try:
        with zipfile.ZipFile(io.BytesIO(docx)) as package:
            for info in package.infolist():
                if info.filename.endswith(".rels"):
                    if info.file_size > 5_000_000:
                        return True
                    root = etree.fromstring(package.read(info))
                    for rel in root.iter(_REL):
                        if rel.get("TargetMode") == "External" and not rel.get("Type", "").endswith(_HYPERLINK):
                            return True
                elif info.filename.endswith(".xml") and info.file_size <= 50_000_000:
                    text = package.read(info)
                    if b"INCLUDE" in text or b"r:link=" in text or b" LINK " in text:
                        return True
    except (zipfile.BadZipFile, etree.XMLSyntaxError, KeyError, OSError, ValueError):
        return True
    return False
