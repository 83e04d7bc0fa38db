"""The lines of a form (Giấy mời, Giấy giới thiệu, Giấy nghỉ phép, the frame of a
Biên bản), spelled by the kind (`Kind.form`, `Kind.form_end`), filled from the data;
and the opening of a Công điện, "<sender> điện:" over its dashed recipients."""

from __future__ import annotations

import string
from typing import cast

from lxml import etree

from ...body import close_body, spans
from ...model import CongVan, Ngay
from ...typeset import Block, Font, compose
from ...vietnamese import ngay_thang_nam
from ..styles import style_id
from ..wml import paragraph, pt, run, runs_with_breaks, table
from .frame import Frame

# Mẫu 1.10's confirmation block: the sample sets it smaller than the signer's title.
XAC_NHAN_SIZE_PT = 13
XAC_NHAN_SPACE_BEFORE_PT = 18

_FORMATTER = string.Formatter()


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, Ngay):
        return ngay_thang_nam(value.ngay, value.thang, value.nam)
    if isinstance(value, list):
        return "; ".join(v for v in value if v) or None
    return str(value).strip() or None


def values(cv: CongVan) -> dict[str, str | None]:
    """What the form's `{fields}` stand for."""
    kind = cv.kind
    part = getattr(cv, kind.form_data) if kind.form_data else None
    out = {name: _text(getattr(part, name)) for name in type(part).model_fields} if part is not None else {}
    out["ten_co_quan"] = cv.ten_co_quan
    out["chu_tri"] = out.get("chu_tri") or (cv.nguoi_ky.ho_ten if kind.two_signers else None)
    if cv.thu_ky is not None:
        out["thu_ky"] = cv.thu_ky.ho_ten
    return out


def _lines(templates: tuple[str, ...], filled: dict[str, str | None]) -> list[str]:
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


def form(cv: CongVan, frame: Frame, close: bool = False) -> list[etree._Element]:
    return _paragraphs(_lines(cv.kind.form, values(cv)), close)


def form_end(cv: CongVan, frame: Frame, close: bool = True) -> list[etree._Element]:
    return _paragraphs(_lines(cv.kind.form_end, values(cv)), close)


def dien(cv: CongVan, frame: Frame, close: bool = False) -> list[etree._Element]:
    """Mẫu 1.6: "<cơ quan, chức danh> điện:", then "- <nơi nhận điện>;" a line each."""
    # `dien` is required of a công điện (CongVan checks it).
    out = [paragraph(style_id("noi_dung"), [run(cast(str, cv.dien), bold=True), run(" điện:")], keep_next=True)]
    items = [item.strip().lstrip("-–+• ").rstrip(" ;,.") for item in cv.kinh_gui if item.strip()]
    for i, item in enumerate(items):
        out.append(paragraph(style_id("noi_dung"), [run(f"- {item}" + ("." if i == len(items) - 1 else ";"))], keep_next=True))
    return out


def xac_nhan(cv: CongVan, frame: Frame) -> list[etree._Element]:
    """Mẫu 1.10: under the signer, on the left half of the page (under Nơi nhận), the
    heading "Xác nhận của …" (bold), "(Chữ ký, dấu)" (italic), room to sign, the name."""
    if cv.xac_nhan is None or not cv.kind.xac_nhan:
        return []
    layout = frame.layout
    left = frame.text_width // 2
    heading = f"Xác nhận của {cv.xac_nhan.noi_xac_nhan}" if cv.xac_nhan.noi_xac_nhan else cv.kind.xac_nhan
    font = Font(XAC_NHAN_SIZE_PT, bold=True)
    # Short even lines, under the column by a margin so no editor re-breaks them.
    lines = compose(Block.plain(heading), font, left / 20 - XAC_NHAN_SIZE_PT) or (heading,)
    cell = [
        paragraph("Normal", runs_with_breaks(lines, bold=True, size=XAC_NHAN_SIZE_PT), jc="center", keep_next=True,
                  spacing={"before": pt(XAC_NHAN_SPACE_BEFORE_PT)}),
        paragraph("Normal", [run("(Chữ ký, dấu)", italic=True, size=XAC_NHAN_SIZE_PT)], jc="center", keep_next=True),
    ]
    cell += [paragraph("Normal", keep_next=True) for _ in range(layout.khoang_ky_dong)]
    cell.append(paragraph("Normal", [run(cv.xac_nhan.ho_ten, bold=True)] if cv.xac_nhan.ho_ten else [], jc="center"))
    return [table([left, frame.text_width - left], [[cell, []]])]
