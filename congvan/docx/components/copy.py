"""The block of a copy under the copied document (Mẫu 3.1 of Phụ lục III; Phụ lục I,
Mục III.2): a solid rule across the text width, then the copying agency with its
rule and the copy's number on the left, the form of copy (SAO Y, SAO LỤC, TRÍCH SAO,
bold capitals, III.2b) and the place and date on the right."""

from __future__ import annotations

from typing import cast

from lxml import etree

from ...model import BanSao, CongVan, Ngay
from ...vietnamese import ngay_thang_nam
from ...typeset import Font, widest
from ..styles import RULE_STYLE_ID, style_id
from ..wml import border, paragraph, pt, run, table
from .frame import Frame


def header(cv: CongVan, frame: Frame) -> list[etree._Element]:
    copy = cast(BanSao, cv.ban_sao)  # called only for a document with its copy
    layout = frame.layout
    left = round(frame.text_width * layout.ti_le_cot_trai)
    right = frame.text_width - left
    agency = [paragraph(style_id("co_quan_chu_quan"), [run(line)]) for line in copy.co_quan_chu_quan]
    agency += [paragraph(style_id("co_quan_ban_hanh"), [run(line)]) for line in copy.co_quan]
    # II.2b: the rule under the agency, 1/3–1/2 of its longest line.
    length = min(pt(widest(copy.co_quan, Font(layout.co_chu.co_quan_ban_hanh, bold=True)) * layout.ti_le_gach_co_quan), left)
    agency.append(paragraph(RULE_STYLE_ID, indent={"left": (left - length) // 2, "right": (left - length) // 2}, borders=[border("top", 6, 0)]))
    agency.append(paragraph(style_id("so_ky_hieu"), [run(f"Số: {copy.so_ky_hieu}")], spacing={"before": pt(6)}))
    ngay = cast(Ngay, copy.ngay)  # a paper copy has its date (BanSao checks it)
    day = ngay_thang_nam(ngay.ngay, ngay.thang, ngay.nam, blank=layout.ngay_trong)
    form = [
        paragraph(style_id("quoc_hieu"), [run(copy.hinh_thuc, bold=True, size=14)]),
        paragraph(style_id("dia_danh_ngay"), [run(f"{copy.dia_danh}, {day}")], spacing={"before": pt(6)}),
    ]
    # A solid rule across the whole text width parts the copy from the original.
    rule = paragraph(RULE_STYLE_ID, borders=[border("top", 6, 0)], spacing={"before": pt(18), "after": pt(6)}, keep_next=True)
    return [rule, table([left, right], [[agency, form]])]
