"""PDF output: LibreOffice converts the DOCX congvan writes; pypdf finishes and checks it.

    from congvan.pdf import PdfEngine
    with PdfEngine() as engine:                      # one warm worker per core
        results = engine.convert([(docx, pdf), ...])  # ConversionResult, same order
"""

from .engine import INSTALL_HINT, PDFA_FILTER, ConversionResult, PdfEngine, SofficeMissing, find_soffice
from .finish import PdfError, check_pdfa, finish_pdf, merge_pdfs, metadata, pdfa_part
from .fonts import font_problems
from .render import render_pdf, write_pdf

__all__ = [
    "ConversionResult", "INSTALL_HINT", "PDFA_FILTER", "PdfEngine", "PdfError", "SofficeMissing",
    "check_pdfa", "find_soffice", "finish_pdf", "font_problems", "merge_pdfs", "metadata", "pdfa_part",
    "render_pdf", "write_pdf",
]
