"""PDF output: LibreOffice converts the DOCX congvan writes; pypdf finishes and checks it."""

from .engine import PDFA_FILTER, ConversionResult, PdfEngine, SofficeMissing, find_soffice

__all__ = ["ConversionResult", "PDFA_FILTER", "PdfEngine", "SofficeMissing", "find_soffice"]
