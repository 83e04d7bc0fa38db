"""Tables in the body: the cells of a CSV or XLSX file named in the data, and what
the columns hold (numbers in Vietnamese notation, a row number, text).

Cells stay text until the writer formats them: a number is written the Vietnamese
way (`1.500.000`, `1,5`) and right-aligned, a total is exact (Decimal).
"""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path
from typing import Any

from .vietnamese.numbers import parse_so

SUFFIXES = (".csv", ".xlsx")
# Headers of a row-number column: centred, never added up.
ROW_NUMBER_HEADERS = {"stt", "tt", "số tt", "số thứ tự"}


def cell_text(value: Any) -> str:
    """A cell as text; a spreadsheet's numbers in Vietnamese notation (`1234,5`)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, float):
        value = Decimal(repr(value))
        if value == value.to_integral_value():
            value = int(value)
    if isinstance(value, Decimal):
        return format(value, "f").replace(".", ",")
    return str(value).strip()


def read_cells(path: Path) -> list[list[str]]:
    """Rows of cells of a CSV (UTF-8, `,` `;` or tab) or XLSX file; blank rows dropped.
    Raises ValueError with a Vietnamese reason."""
    if path.suffix.lower() not in SUFFIXES:
        raise ValueError(f"'{path.name}': bảng là tệp .csv hoặc .xlsx")
    if not path.is_file():
        raise ValueError(f"không tìm thấy tệp bảng '{path}'")
    rows: list[list[Any]]  # text from a CSV, a spreadsheet's values from an XLSX
    if path.suffix.lower() == ".csv":
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            raise ValueError(f"'{path.name}' không phải văn bản UTF-8 (khi lưu từ Excel, chọn CSV UTF-8)") from None
        first = text.splitlines()[0] if text.strip() else ""
        delimiter = max(",;\t", key=first.count) if any(d in first for d in ",;\t") else ","
        rows = list(csv.reader(text.splitlines(), delimiter=delimiter))
    else:
        import openpyxl

        try:
            book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except Exception:  # openpyxl raises zip and XML errors of many kinds
            raise ValueError(f"không đọc được bảng tính '{path.name}': tệp không phải .xlsx hoặc bị hỏng") from None
        try:
            rows = [list(r) for r in book.worksheets[0].iter_rows(values_only=True)]
        finally:
            book.close()
    cells = [[cell_text(c) for c in row] for row in rows]
    return [row for row in cells if any(row)]


def number(text: str) -> Decimal | None:
    """The number a cell holds in Vietnamese notation, or None for text."""
    if not text.strip():
        return None
    try:
        return parse_so(text.strip())
    except (ValueError, TypeError):
        return None


def is_row_number(header: str) -> bool:
    return header.strip().lower().rstrip(".") in ROW_NUMBER_HEADERS
