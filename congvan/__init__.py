"""congvan: Vietnamese official dispatches (công văn) per Nghị định 30/2020/NĐ-CP.

    import congvan
    cv = congvan.load("examples/bau-cu-2021.yaml")
    congvan.write_docx(cv, "out/bau-cu-2021.docx")
    congvan.write_pdf(cv, "out/bau-cu-2021.pdf")     # through LibreOffice
"""

from .batch import Job, Result, Summary, render_many
from .check import Report, check_docx
from .errors import CongVanError, InputError, Problem, TextError
from .layout import DEFAULT_LAYOUT, Layout, load_layout
from .limits import Limits
from .model import CongVan, LienHe, Muc, Ngay, NguoiKy, NguoiSoan, QuyenHan
from .reader import from_dict, load, loads
from .render import render_docx, write_docx
from .pdf import PdfEngine, PdfError, render_pdf, write_pdf
from .vietnamese import format_date, format_number, ngay_ngan, ngay_thang_nam, so_thanh_chu, tien, tien_thanh_chu

__version__ = "0.1.0"

__all__ = [
    "CongVan", "CongVanError", "DEFAULT_LAYOUT", "InputError", "Layout", "LienHe", "Muc", "Ngay",
    "NguoiKy", "NguoiSoan", "Problem", "QuyenHan", "TextError", "load", "load_layout",
    "render_docx", "write_docx", "__version__", "from_dict", "loads",
]
__all__ += ["Job", "Result", "Summary", "render_many"]
__all__ += ["Limits"]
__all__ += ["Report", "check_docx"]
__all__ += ["PdfEngine", "PdfError", "render_pdf", "write_pdf"]
__all__ += ["format_date", "format_number", "ngay_ngan", "ngay_thang_nam", "so_thanh_chu", "tien", "tien_thanh_chu"]
