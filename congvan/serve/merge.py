"""Mail merge on the page: a content template (the editor's text) and a CSV/XLSX table
→ one dispatch per row, gathered in a ZIP, with progress said as it goes.

The answer is a stream of JSON lines: `{"tong": n}` first, `{"xong": i, "loi": […]}`
after each row, then `{"zip": "<base64>", "ten": "tron-thu.zip", "loi": […]}`. A bad
row is reported with its line and does not stop the others (as in `congvan batch`).
"""

from __future__ import annotations

import base64
import io
import json
import tempfile
import zipfile
from pathlib import Path
from typing import Any, Iterator

from ..batch.names import DEFAULT_NAME, expand, fields, safe_name
from ..errors import CongVanError, InputError, Problem
from ..validation import Lines
from ..values import TABLES, Row, read_rows
from . import inputs
from .work import Work

MAX_ROWS = 500  # on the page; `congvan batch` has no such bound
FORMATS = ("docx", "pdf")
_STAMP = (1980, 1, 1, 0, 0, 0)  # the ZIP's dates: the same table gives the same ZIP


def read_table(name: str, content: bytes) -> list[Row]:
    """The rows of an uploaded table, read from a private temporary copy."""
    suffix = Path(name).suffix.lower()
    if suffix not in TABLES:
        raise InputError(name, [Problem("bảng dữ liệu phải là tệp .csv hoặc .xlsx")])
    with tempfile.TemporaryDirectory(prefix="congvan-bang-") as tmp:
        path = Path(tmp) / f"bang{suffix}"
        path.write_bytes(content)
        rows: list[Row] = []
        try:
            for row in read_rows(path):
                rows.append(row)
                if len(rows) > MAX_ROWS:
                    raise InputError(name, [Problem(f"bảng có hơn {MAX_ROWS} dòng: trên trang trộn tối đa {MAX_ROWS}; "
                                                    "dùng lệnh congvan batch cho bảng lớn")])
        except InputError as exc:
            raise InputError(name, exc.problems) from None
    if not rows:
        raise InputError(name, [Problem("bảng không có dòng dữ liệu nào dưới dòng tiêu đề")])
    return rows


def formats_of(text: str) -> list[str]:
    chosen = [f.strip().lower() for f in text.split(",") if f.strip()]
    if not chosen or any(f not in FORMATS for f in chosen):
        raise InputError(inputs.SOURCE, [Problem(f"định dạng '{text}' không dùng được: docx, pdf hoặc docx,pdf")])
    return list(dict.fromkeys(chosen))


def merge(work: Work, data: dict[str, Any], lines: Lines, rows: list[Row], table: str, formats: list[str]) -> Iterator[str]:
    """The JSON lines of a merge (see the module's docstring)."""
    yield _line({"tong": len(rows)})
    buffer, used, errors = io.BytesIO(), set[str](), list[str]()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for done, row in enumerate(rows, 1):
            failed: list[str] = []
            try:
                cv = inputs.dispatch(data, lines, values=row.values)
                stem = _unique(safe_name(expand(DEFAULT_NAME, fields(cv, "tron-thu", row.line, row.values))), used)
                made = {"docx": work.docx(cv)} if "docx" in formats else {}
                if "pdf" in formats:
                    made["pdf"] = work.pdf(cv)
                for suffix, content in made.items():
                    archive.writestr(zipfile.ZipInfo(f"{stem}.{suffix}", _STAMP), content)
            except InputError as exc:  # the template's line and field, within the table's row
                failed = [f"{table}, dòng {row.line}: mẫu, {p.describe()}" for p in exc.problems]
            except CongVanError as exc:
                failed = [f"{table}, dòng {row.line}: {exc}"]
            errors += failed
            yield _line({"xong": done, "loi": failed})
    yield _line({"zip": base64.b64encode(buffer.getvalue()).decode("ascii"), "ten": "tron-thu.zip", "loi": errors})


def _unique(stem: str, used: set[str]) -> str:
    """Two dispatches with one name: the later takes -2, -3… (as `congvan batch` does)."""
    name, number = stem, 1
    while name in used:
        number += 1
        name = f"{stem}-{number}"
    used.add(name)
    return name


def _line(value: dict[str, Any]) -> str:
    return json.dumps(value, ensure_ascii=False) + "\n"
