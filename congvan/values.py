"""Values for content templates: a data file, a table of rows, `--set key=value`.

A YAML/JSON/TOML mapping gives one set of values; a CSV or XLSX table gives one set
per row (mail merge), its header naming the variables (`don_vi`, `nguoi_nhan.ten`).
Rows are read one at a time, so a table of any length is never held in memory.
"""

from __future__ import annotations

import csv
import datetime as dt
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from .errors import InputError, Problem
from .explain import os_reason
from .reader import FORMATS, load_mapping

TABLES = (".csv", ".xlsx")


@dataclass(frozen=True)
class Row:
    """One set of values; `line` is the row number a spreadsheet shows (header is 1)."""

    values: dict[Any, Any]
    line: int | None = None


def nest(flat: dict[str, Any], source: str = "--set") -> dict[Any, Any]:
    """{'a.b': 1} → {'a': {'b': 1}}."""
    out: dict[Any, Any] = {}
    for key, value in flat.items():
        parts = [p.strip() for p in str(key).split(".")]
        if not all(parts):
            raise InputError(source, [Problem(f"tên biến '{key}' không hợp lệ")])
        node = out
        for part in parts[:-1]:
            node = node.setdefault(part, {})
            if not isinstance(node, dict):
                raise InputError(source, [Problem(f"biến '{key}': '{part}' đã có giá trị, không chứa được biến con")])
        if isinstance(node.get(parts[-1]), dict):
            raise InputError(source, [Problem(f"biến '{key}' đã có các biến con")])
        node[parts[-1]] = value
    return out


def parse_assignments(items: list[str] | None) -> dict[Any, Any]:
    """`--set nam=2026 --set nguoi_ky.ho_ten="Nguyễn Văn A"` → nested values (texts)."""
    flat: dict[str, str] = {}
    for item in items or []:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise InputError("--set", [Problem(f"'{item}' phải có dạng tên=giá_trị, ví dụ --set nam=2026")])
        flat[key.strip()] = unicodedata.normalize("NFC", value)
    return nest(flat)


def is_table(path: Path) -> bool:
    return path.suffix.lower() in TABLES


def read_values(path: Path) -> dict[Any, Any]:
    """One set of values from a YAML, JSON or TOML mapping."""
    data, _ = load_mapping(path)
    return data


def read_rows(path: Path) -> Iterator[Row]:
    """The rows of a data file: a table's rows, or a mapping as a single row."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        yield from _csv_rows(path)
    elif suffix == ".xlsx":
        yield from _xlsx_rows(path)
    elif suffix in FORMATS:
        yield Row(read_values(path))
    else:
        raise InputError(str(path), [Problem(f"không đọc được loại tệp dữ liệu '{path.suffix}': dùng .csv, .xlsx, .yaml, .json hoặc .toml")])


def count_rows(path: Path) -> int:
    return sum(1 for _ in read_rows(path))


def _header(cells: list[Any], source: str) -> list[str | None]:
    names = [unicodedata.normalize("NFC", str(c)).strip() if c is not None and str(c).strip() else None for c in cells]
    if not any(names):
        raise InputError(source, [Problem("dòng đầu phải là tên các biến (don_vi, kinh_gui…)", line=1)])
    seen: set[str] = set()
    for name in names:
        if name in seen:
            raise InputError(source, [Problem(f"cột '{name}' bị lặp lại", line=1)])
        if name:
            seen.add(name)
    return names


def _row(names: list[str | None], cells: list[Any], source: str, line: int) -> Row | None:
    extra = [c for c in cells[len(names):] if c not in (None, "")]
    if extra:
        # A separator inside an unquoted value would shift every column after it.
        raise InputError(source, [Problem(
            f"dòng có {len(names) + len(extra)} ô nhưng dòng tiêu đề chỉ có {len(names)} cột; "
            "giá trị có dấu phân cách phải đặt trong ngoặc kép", line=line)])
    values = {}
    for name, cell in zip(names, cells):
        if name is None:
            continue
        if isinstance(cell, str):
            cell = unicodedata.normalize("NFC", cell).strip()
        elif isinstance(cell, float) and cell.is_integer():
            cell = int(cell)  # Excel keeps every number as a float: 5.0 is the số 5
        elif isinstance(cell, dt.datetime) and cell.time() == dt.time():
            cell = cell.date()
        values[name] = "" if cell is None else cell
    if not any(v not in ("", None) for v in values.values()):
        return None  # a blank line (tables often end with some)
    for name in names:
        if name is not None:
            values.setdefault(name, "")
    try:
        return Row(nest(values, source), line)
    except InputError as exc:
        raise InputError(source, [Problem(p.message, line=1) for p in exc.problems]) from None


def _csv_rows(path: Path) -> Iterator[Row]:
    source = str(path)
    try:
        handle = open(path, encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise InputError(source, [Problem(f"không mở được tệp ({os_reason(exc)})")]) from None
    with handle:
        try:
            # The header names the variables, so its separator is the file's: "," or,
            # from Excel in a Vietnamese locale (comma is the decimal mark), ";".
            first = handle.readline()
            handle.seek(0)
            delimiter = max(",;\t", key=first.count) if any(d in first for d in ",;\t") else ","
            reader = csv.reader(handle, delimiter=delimiter)
            names = _header(next(reader, []), source)
            for cells in reader:
                row = _row(names, cells, source, reader.line_num)
                if row is not None:
                    yield row
        except UnicodeDecodeError:
            raise InputError(source, [Problem("tệp không phải văn bản UTF-8 (khi lưu từ Excel, chọn CSV UTF-8)")]) from None
        except csv.Error as exc:
            raise InputError(source, [Problem("không đọc được bảng CSV (có ký tự NUL hoặc một ô quá dài)")]) from None


def _xlsx_rows(path: Path) -> Iterator[Row]:
    import openpyxl

    source = str(path)
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except OSError as exc:
        raise InputError(source, [Problem(f"không mở được tệp ({os_reason(exc)})")]) from None
    except Exception as exc:  # openpyxl raises zip and XML errors of many kinds
        raise InputError(source, [Problem("không đọc được bảng tính Excel: tệp không phải .xlsx hoặc bị hỏng")]) from None
    try:
        rows = book.worksheets[0].iter_rows(values_only=True)
        names = _header(list(next(rows, [])), source)
        for number, cells in enumerate(rows, start=2):
            row = _row(names, list(cells), source, number)
            if row is not None:
                yield row
    finally:
        book.close()
