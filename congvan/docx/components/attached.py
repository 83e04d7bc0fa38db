"""The văn bản kèm theo of a Quyết định quy định gián tiếp (Mẫu 1.3 of Phụ lục III):
after the decision, from a new page, a document of its own: its header (agency and
Quốc hiệu, Tiêu ngữ; no Số, no place and date), its tên loại and trích yếu, the line
"(Kèm theo Quyết định số … ngày … của …)" (note 2) and a short rule, then its content
in Chương, Mục and Điều ending "./."; no signer (congvan.kinds.kem_theo). Its pages
are numbered from 1 again, the first unnumbered (Phần I, Mục I.7). In an electronic
file of its own the number and date of that line stay blank (note 2) and the top right
of its first page is the place of the agency's digital signature (Phụ lục I, II.8b).
"""

from __future__ import annotations

import copy
import math
from typing import Any, Iterable, cast

from lxml import etree

from ...body import BodyTable, flatten, roman, spans
from ...kinds.kem_theo import ATTACHED
from ...model import CongVan, Dieu, VanBanKemTheo, ky_so_time
from ...typeset import Block, Font, compose, no_break_references
from ...vietnamese import ngay_thang_nam
from ..styles import RULE_STYLE_ID, style_id
from ..wml import border, el, paragraph, pt, run, runs_with_breaks, w
from . import decision, signature, table
from .appendix import RULE_LENGTH_PT
from .frame import Frame
from .title import MAX_LINE_SHARE, SPACE_AFTER_RULE_PT, SPACE_BEFORE_PT, SPACE_BEFORE_RULE_PT

# The bookmark on the paragraph that ends the decision: the electronic document,
# in a file of its own, is what follows it.
MARK = "_VanBanKemTheo"
REFERENCE_SIZE_PT = 14  # Phụ lục I, III.1c sets such a line 13–14 pt, italic


def reference(cv: CongVan, electronic: bool = False) -> str:
    """'(Kèm theo Quyết định số 125/QĐ-UBND ngày 05 tháng 3 năm 2024 của …)'; the
    electronic document leaves the number and the date blank (Mẫu 1.3, note 2)."""
    blank = ATTACHED.blank
    number = f"{cv.so:02d}" if cv.so is not None and not electronic else blank
    if electronic:
        day = f"ngày {blank} tháng {blank} năm {blank}"
    else:
        day = ngay_thang_nam(cv.ngay.ngay, cv.ngay.thang, cv.ngay.nam, blank=blank)
    return ATTACHED.reference.format(ten=cv.kind.ten.split(" (")[0], so_ky_hieu=f"{number}/{cv.ky_hieu}", ngay=day,
                                     co_quan=cv.ten_co_quan or " ".join(cv.co_quan_ban_hanh))


def _reference_block(line: str) -> Block:
    """The reference's words: never broken inside "số …" or the date, best before "của"."""
    words = tuple(line.split())
    costs = []
    for i in range(len(words) - 1):
        after = words[i + 1]
        if after == "của":
            costs.append(0.0)
        elif words[i] in ("số", "ngày", "tháng", "năm") or after in ("tháng", "năm") or after.startswith("/"):
            costs.append(math.inf)
        else:
            costs.append(30.0)
    return Block(words, tuple(costs))


def _opening(section: etree._Element) -> etree._Element:
    """The paragraph that ends the decision's section (the attached document starts a
    page of its own), marked for the electronic file's cut."""
    p = paragraph("Normal")
    cast(etree._Element, p.find(w("pPr"))).append(copy.deepcopy(section))  # wml.paragraph writes a pPr
    p.append(el("bookmarkStart", {"id": 0, "name": MARK}))
    p.append(el("bookmarkEnd", {"id": 0}))
    return p


def _centred(key: str, lines: Iterable[str], **kwargs: Any) -> etree._Element:  # kwargs: those of wml.paragraph
    return paragraph(style_id(key), runs_with_breaks(lines), jc="center", keep_next=True, **kwargs)


def _heading(label: str, title: str) -> list[etree._Element]:
    # II.6đ: "Chương I" / "Mục 1" on a line, bold; its title under it in capitals, bold.
    return [paragraph(style_id("phan"), [run(label, bold=True)], jc="center", keep_next=True, spacing={"before": pt(6)}),
            paragraph(style_id("phan"), [run(title.upper(), bold=True)], jc="center", keep_next=True, spacing={"after": pt(6)})]


def _content(kem: VanBanKemTheo, frame: Frame) -> list[etree._Element]:
    out: list[etree._Element] = []
    if kem.noi_dung:
        for item in flatten(kem.noi_dung, True):
            if isinstance(item, BodyTable):
                out += table.build(item.bang, frame)
                continue
            runs = [run(no_break_references(s.text), bold=True if (s.bold or item.bold) else None, italic=True if s.italic else None)
                    for s in spans(item.text)]
            out.append(paragraph(style_id(item.style), runs))
        return out
    # (chapter heading, section heading, articles): "Chương I|title", "Mục 1|title" or None.
    groups: list[tuple[str | None, str | None, list[Dieu]]] = [(None, None, kem.dieu)] if kem.dieu else []
    for i, chapter in enumerate(kem.chuong, 1):
        if chapter.dieu:
            groups.append((f"Chương {roman(i)}|{chapter.tieu_de}", None, chapter.dieu))
        for j, section in enumerate(chapter.muc, 1):
            groups.append((f"Chương {roman(i)}|{chapter.tieu_de}" if j == 1 else None, f"Mục {j}|{section.tieu_de}", section.dieu))
    number = 1
    for g, (chapter_head, section_head, items) in enumerate(groups):
        for head in (chapter_head, section_head):
            if head:
                out += _heading(*head.split("|", 1))
        out += decision.articles(items, frame, close=g == len(groups) - 1, start=number)
        number += len(items)
    return out


def build(cv: CongVan, frame: Frame, header: etree._Element, electronic: bool = False) -> list[etree._Element]:
    """The attached document, after the decision; `header`: its agency and Quốc hiệu
    block, composed by the writer as the decision's own."""
    kem = cv.van_ban_kem_theo
    if kem is None or frame.section is None:
        return []
    layout = frame.layout
    out = [_opening(frame.section)]
    if electronic:
        # Phụ lục I, II.8b; Mẫu 1.3 (electronic), notes 4-5: in a file of its own the
        # văn bản kèm theo carries the agency's digital signature, top right of page 1.
        signed = f"Số: {cv.so_ky_hieu}; {ky_so_time(kem.thoi_gian_ky)}" if kem.thoi_gian_ky is not None else None
        out.append(signature.place(signed))
    out.append(header)
    # Every kind a decision may carry has its tên loại (congvan.kinds.kem_theo).
    out.append(paragraph(style_id("ten_loai"), [run(cast(str, kem.kind.ten_loai))], jc="center", keep_next=True,
                         spacing={"before": pt(SPACE_BEFORE_PT), "after": 0}))
    font = Font(layout.co_chu.trich_yeu_ten_loai, bold=True)
    text = no_break_references(kem.trich_yeu)
    lines = compose(Block.plain(text), font, frame.text_width / 20 * MAX_LINE_SHARE) or (text,)
    out.append(_centred("trich_yeu_ten_loai", list(lines)))
    # Note 2: the decision's number, date and agency, italic, centred (as III.1c sets a phụ lục's).
    italic = Font(REFERENCE_SIZE_PT, italic=True)
    line = reference(cv, electronic)
    ref = compose(_reference_block(line), italic, frame.text_width / 20 * 0.95) or (line,)
    out.append(paragraph("Normal", runs_with_breaks(ref, italic=True, size=REFERENCE_SIZE_PT), jc="center", keep_next=True))
    length = min(pt(RULE_LENGTH_PT), frame.text_width)
    side = (frame.text_width - length) // 2
    out.append(paragraph(RULE_STYLE_ID, indent={"left": side, "right": side}, borders=[border("top", 6, 0)],
                         spacing={"before": pt(SPACE_BEFORE_RULE_PT), "after": pt(SPACE_AFTER_RULE_PT)}))
    return out + _content(kem, frame)
