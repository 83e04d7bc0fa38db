"""The lines of a form (Giấy mời, Giấy giới thiệu, Giấy nghỉ phép, the frame of a
Biên bản), spelled by the kind (`Kind.form`, `Kind.form_end`), filled from the data;
and the opening of a Công điện, "<sender> điện:" over its dashed recipients."""

from __future__ import annotations

import string

from lxml import etree

from ...body import close_body, spans
from ...model import Ngay
from ...vietnamese import ngay_thang_nam
from ..styles import style_id
from ..wml import paragraph, run

_FORMATTER = string.Formatter()


def _text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, Ngay):
        return ngay_thang_nam(value.ngay, value.thang, value.nam)
    if isinstance(value, list):
        return "; ".join(v for v in value if v) or None
    return str(value).strip() or None


def values(cv) -> dict[str, str | None]:
    """What the form's `{fields}` stand for."""
    kind = cv.kind
    part = getattr(cv, kind.form_data) if kind.form_data else None
    out = {name: _text(getattr(part, name)) for name in type(part).model_fields} if part is not None else {}
    out["ten_co_quan"] = cv.ten_co_quan
    out["chu_tri"] = out.get("chu_tri") or (cv.nguoi_ky.ho_ten if kind.two_signers else None)
    if cv.thu_ky is not None:
        out["thu_ky"] = cv.thu_ky.ho_ten
    return out


def _lines(templates: tuple[str, ...], filled: dict) -> list[str]:
    out = []
    for template in templates:
        names = [name for _, name, _, _ in _FORMATTER.parse(template) if name]
        if all(filled.get(name) for name in names):
            out.append(template.format(**{name: filled[name] for name in names}))
    return out


def _paragraphs(lines: list[str], close: bool) -> list[etree._Element]:
    if close and lines:
        lines = lines[:-1] + [close_body(lines[-1])]
    return [paragraph(style_id("noi_dung"), [run(s.text, bold=True if s.bold else None, italic=True if s.italic else None) for s in spans(line)])
            for line in lines]


def form(cv, frame, close: bool = False) -> list[etree._Element]:
    return _paragraphs(_lines(cv.kind.form, values(cv)), close)


def form_end(cv, frame, close: bool = True) -> list[etree._Element]:
    return _paragraphs(_lines(cv.kind.form_end, values(cv)), close)


def dien(cv, frame, close: bool = False) -> list[etree._Element]:
    """Mẫu 1.6: "<cơ quan, chức danh> điện:", then "- <nơi nhận điện>;" a line each."""
    out = [paragraph(style_id("noi_dung"), [run(cv.dien, bold=True), run(" điện:")], keep_next=True)]
    items = [item.strip().lstrip("-–+• ").rstrip(" ;,.") for item in cv.kinh_gui if item.strip()]
    for i, item in enumerate(items):
        out.append(paragraph(style_id("noi_dung"), [run(f"- {item}" + ("." if i == len(items) - 1 else ";"))], keep_next=True))
    return out
