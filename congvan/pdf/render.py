"""One-call PDF rendering: CongVan → DOCX (the one source) → LibreOffice → finished PDF."""

from __future__ import annotations

import tempfile
from pathlib import Path

from ..docx.writer import write_atomic
from ..layout import DEFAULT_LAYOUT, Layout
from ..model import CongVan
from ..render import own_file_titles, render_appendix_files, render_docx
from .engine import PdfEngine
from .finish import PdfError, finish_pdf


def render_pdf(cv: CongVan, layout: Layout = DEFAULT_LAYOUT, template: str | Path | None = None, *,
               pdfa: bool = False, engine: PdfEngine | None = None) -> bytes:
    """The finished PDF bytes of a dispatch.

    Pass a running `engine` to reuse its warm LibreOffice workers; without one, a
    single LibreOffice process converts this one file (a few seconds).
    """
    return _pdf(render_docx(cv, layout, template), cv, None, pdfa, engine)


def render_appendix_pdfs(cv: CongVan, layout: Layout = DEFAULT_LAYOUT, template: str | Path | None = None, *,
                         pdfa: bool = False, engine: PdfEngine | None = None) -> list[tuple[str, bytes]]:
    """The finished PDFs of the phụ lục issued as files of their own (Mẫu 2.2), as
    `congvan.render_appendix_files` gives their DOCX: (end of the file's name, bytes),
    each PDF titled after its phụ lục."""
    titles = own_file_titles(cv)
    return [(end, _pdf(data, cv, titles[end], pdfa, engine)) for end, data in render_appendix_files(cv, layout, template)]


def _pdf(docx_bytes: bytes, cv: CongVan, title: str | None, pdfa: bool, engine: PdfEngine | None) -> bytes:
    with tempfile.TemporaryDirectory(prefix="congvan-pdf-") as tmp:
        docx, pdf = Path(tmp) / "congvan.docx", Path(tmp) / "congvan.pdf"
        docx.write_bytes(docx_bytes)
        if engine is None:
            with PdfEngine(workers=1, resident=False) as own:
                result = own.convert([(docx, pdf)], pdfa=pdfa)[0]
        else:
            result = engine.convert([(docx, pdf)], pdfa=pdfa)[0]
        if not result.ok:
            raise PdfError("PDF", f"không tạo được PDF: {result.error}")
        finish_pdf(pdf, cv, pdfa=pdfa, label="PDF", title=title)
        return pdf.read_bytes()


def write_pdf(cv: CongVan, path: str | Path, layout: Layout = DEFAULT_LAYOUT, template: str | Path | None = None, *,
              pdfa: bool = False, engine: PdfEngine | None = None) -> Path:
    """Render a dispatch's PDF to `path`, atomically."""
    path = Path(path)
    write_atomic(path, render_pdf(cv, layout, template, pdfa=pdfa, engine=engine))
    return path
