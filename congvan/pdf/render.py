"""One-call PDF rendering: CongVan → DOCX (the one source) → LibreOffice → finished PDF."""

from __future__ import annotations

import tempfile
from pathlib import Path

from ..docx.writer import write_atomic
from ..layout import DEFAULT_LAYOUT, Layout
from ..model import CongVan
from ..render import render_docx
from .engine import PdfEngine
from .finish import PdfError, finish_pdf


def render_pdf(cv: CongVan, layout: Layout = DEFAULT_LAYOUT, template: str | Path | None = None, *,
               pdfa: bool = False, engine: PdfEngine | None = None) -> bytes:
    """The finished PDF bytes of a dispatch.

    Pass a running `engine` to reuse its warm LibreOffice workers; without one, a
    single LibreOffice process converts this one file (a few seconds).
    """
    with tempfile.TemporaryDirectory(prefix="congvan-pdf-") as tmp:
        docx, pdf = Path(tmp) / "congvan.docx", Path(tmp) / "congvan.pdf"
        docx.write_bytes(render_docx(cv, layout, template))
        if engine is None:
            with PdfEngine(workers=1, resident=False) as own:
                result = own.convert([(docx, pdf)], pdfa=pdfa)[0]
        else:
            result = engine.convert([(docx, pdf)], pdfa=pdfa)[0]
        if not result.ok:
            raise PdfError("PDF", f"không tạo được PDF: {result.error}")
        finish_pdf(pdf, cv, pdfa=pdfa, label="PDF")
        return pdf.read_bytes()


def write_pdf(cv: CongVan, path: str | Path, layout: Layout = DEFAULT_LAYOUT, template: str | Path | None = None, *,
              pdfa: bool = False, engine: PdfEngine | None = None) -> Path:
    """Render a dispatch's PDF to `path`, atomically."""
    path = Path(path)
    write_atomic(path, render_pdf(cv, layout, template, pdfa=pdfa, engine=engine))
    return path
