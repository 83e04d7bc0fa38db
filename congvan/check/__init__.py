"""`congvan check`: hold any .docx against Nghị định 30/2020/NĐ-CP.

    report = congvan.check_docx("du-thao.docx")
    report.ok, report.findings, report.as_text(), report.as_dict()
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from .reader import DocxView, UnreadableDocx, read_docx
from .report import Finding, Report
from .rules import check_view

__all__ = ["Finding", "Report", "UnreadableDocx", "check_docx", "check_many"]


def check_docx(source: str | Path | bytes, name: str | None = None, *, lay_out: bool = False) -> Report:
    """The findings for a .docx given as a path or as bytes; UnreadableDocx when it
    cannot be read. `lay_out`: also lay it out through LibreOffice (the PDF engine)
    and hold the real lines and pages to the rules (a note says when it cannot)."""
    [report] = check_many([source], [name], lay_out=lay_out)
    if isinstance(report, UnreadableDocx):
        raise report
    return report


def unreadable_part(exc: Exception) -> str:
    return f"một phần của tệp không đọc được như văn bản Word ({type(exc).__name__}); các tệp khác vẫn được kiểm tra"


def check_many(sources: Sequence[str | Path | bytes], names: Sequence[str | None] | None = None, *,
               lay_out: bool = False) -> list[Report | UnreadableDocx]:
    """check_docx for many files, laid out together (one LibreOffice run); a file
    that cannot be read gives its UnreadableDocx in its place."""
    names = names or [None] * len(sources)
    views: list[DocxView | UnreadableDocx] = []
    datas: list[bytes] = []
    for source in sources:
        try:
            views.append(read_docx(source))
        except UnreadableDocx as exc:
            views.append(exc)
            continue
        except Exception as exc:  # valid zip, a part not as expected: this file alone
            views.append(UnreadableDocx(unreadable_part(exc)))
            continue
        if lay_out:
            datas.append(source if isinstance(source, bytes) else Path(source).read_bytes())
    pages = None
    if lay_out and datas:
        from .laidout import lay_out as run  # the PDF engine imports the writer

        pages = run(datas)
    out: list[Report | UnreadableDocx] = []
    laid = iter(pages or [])
    for source, name, view in zip(sources, names, views):
        if isinstance(view, UnreadableDocx):
            out.append(view)
            continue
        label = name or (str(source) if not isinstance(source, bytes) else "văn bản")
        try:
            report = check_view(view, label, next(laid, None) if pages is not None else None)
        except Exception as exc:  # a part read, yet not as the rules expect: this file alone
            out.append(UnreadableDocx(unreadable_part(exc)))
            continue
        if lay_out and pages is None:
            from .laidout import SKIPPED

            report.notes.append(SKIPPED)
        out.append(report)
    return out
