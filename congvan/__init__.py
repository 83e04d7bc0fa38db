"""congvan: Vietnamese official dispatches (công văn) per Nghị định 30/2020/NĐ-CP.

    import congvan
    cv = congvan.load("examples/bau-cu-2021.yaml")
    congvan.write_docx(cv, "out/bau-cu-2021.docx")
    congvan.write_pdf(cv, "out/bau-cu-2021.pdf")     # through LibreOffice

The names below are imported when first used (PEP 562), so that a command that needs
only part of congvan (and LibreOffice, started first) does not wait for all of it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the same names, for type checkers
    from .batch import Job, Result, Summary, render_many
    from .check import Report, check_docx
    from .errors import CongVanError, InputError, Problem, TextError
    from .layout import DEFAULT_LAYOUT, Layout, load_layout
    from .limits import Limits
    from .model import CongVan, LienHe, Muc, Ngay, NguoiKy, NguoiSoan, QuyenHan
    from .reader import from_dict, load, loads
    from .render import render_appendix_files, render_docx, write_docx
    from .pdf import PdfEngine, PdfError, render_pdf, write_pdf
    from .vietnamese import format_date, format_number, ngay_ngan, ngay_thang_nam, so_thanh_chu, tien, tien_thanh_chu

__version__ = "0.1.0"

__all__ = [
    "CongVan", "CongVanError", "DEFAULT_LAYOUT", "InputError", "Layout", "LienHe", "Muc", "Ngay",
    "NguoiKy", "NguoiSoan", "Problem", "QuyenHan", "TextError", "load", "load_layout",
    "render_docx", "write_docx", "__version__", "from_dict", "loads", "render_appendix_files",
]
__all__ += ["Job", "Result", "Summary", "render_many"]
__all__ += ["Limits"]
__all__ += ["Report", "check_docx"]
__all__ += ["PdfEngine", "PdfError", "render_pdf", "write_pdf"]
__all__ += ["format_date", "format_number", "ngay_ngan", "ngay_thang_nam", "so_thanh_chu", "tien", "tien_thanh_chu"]

# At run time each name is imported from its module when first used.
_EXPORTS = {
    **dict.fromkeys(["Job", "Result", "Summary", "render_many"], ".batch"),
    **dict.fromkeys(["Report", "check_docx"], ".check"),
    **dict.fromkeys(["CongVanError", "InputError", "Problem", "TextError"], ".errors"),
    **dict.fromkeys(["DEFAULT_LAYOUT", "Layout", "load_layout"], ".layout"),
    **dict.fromkeys(["Limits"], ".limits"),
    **dict.fromkeys(["CongVan", "LienHe", "Muc", "Ngay", "NguoiKy", "NguoiSoan", "QuyenHan"], ".model"),
    **dict.fromkeys(["from_dict", "load", "loads"], ".reader"),
    **dict.fromkeys(["render_appendix_files", "render_docx", "write_docx"], ".render"),
    **dict.fromkeys(["PdfEngine", "PdfError", "render_pdf", "write_pdf"], ".pdf"),
    **dict.fromkeys(["format_date", "format_number", "ngay_ngan", "ngay_thang_nam", "so_thanh_chu", "tien",
                     "tien_thanh_chu"], ".vietnamese"),
}


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        try:  # a sub-package not imported yet (congvan.batch, congvan.check…)
            return importlib.import_module(f".{name}", __name__)
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])
