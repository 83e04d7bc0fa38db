"""PDF output: LibreOffice converts the DOCX congvan writes; pypdf finishes and checks it.

    from congvan.pdf import PdfEngine
    with PdfEngine() as engine:                      # one warm worker per core
        results = engine.convert([(docx, pdf), ...])  # ConversionResult, same order

The engine imports nothing heavy; finishing (pypdf) and rendering (the DOCX writer)
are imported when first used, so LibreOffice can start while they load.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .engine import INSTALL_HINT, PDFA_FILTER, ConversionResult, PdfEngine, SofficeMissing, find_soffice

if TYPE_CHECKING:  # the same names, for type checkers
    from .finish import PdfError, check_pdfa, finish_pdf, merge_pdfs, metadata, pdfa_part
    from .fonts import font_problems
    from .render import render_appendix_pdfs, render_pdf, write_pdf

_LATER = {
    **dict.fromkeys(["PdfError", "check_pdfa", "finish_pdf", "merge_pdfs", "metadata", "pdfa_part"], ".finish"),
    "font_problems": ".fonts",
    **dict.fromkeys(["render_appendix_pdfs", "render_pdf", "write_pdf"], ".render"),
}

__all__ = [
    "ConversionResult", "INSTALL_HINT", "PDFA_FILTER", "PdfEngine", "PdfError", "SofficeMissing",
    "check_pdfa", "find_soffice", "finish_pdf", "font_problems", "merge_pdfs", "metadata", "pdfa_part",
    "render_appendix_pdfs", "render_pdf", "write_pdf",
]


def __getattr__(name: str) -> Any:
    module = _LATER.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value
