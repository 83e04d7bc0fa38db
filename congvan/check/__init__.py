"""`congvan check`: hold any .docx against Nghị định 30/2020/NĐ-CP.

    report = congvan.check_docx("du-thao.docx")
    report.ok, report.findings, report.as_text(), report.as_dict()
"""

from __future__ import annotations

from pathlib import Path

from .reader import UnreadableDocx, read_docx
from .report import Finding, Report
from .rules import check_view

__all__ = ["Finding", "Report", "UnreadableDocx", "check_docx"]


def check_docx(source: str | Path | bytes, name: str | None = None) -> Report:
    """The findings for a .docx given as a path or as bytes; UnreadableDocx when it
    cannot be read."""
    label = name or (str(source) if not isinstance(source, bytes) else "văn bản")
    return check_view(read_docx(source), label)
