"""Phụ lục attached to a document (Phụ lục I, Mục III.1; Mẫu 2.1 of Phụ lục III):
each on pages of its own, numbered from 1 again (III.1đ), under its heading: the word
"Phụ lục" and its Roman number when there are two or more (III.1a), its title in
capitals, the line "(Kèm theo … số … ngày … của …)" in italic (III.1c), a rule; then
its content, closed with "./.". A phụ lục issued as an electronic file of its own
(Mẫu 2.2) leaves the number and date of that line blank and carries the place of the
agency's digital signature at the top of its first page (III.1c, III.1d)."""

from __future__ import annotations

import copy
from typing import cast

from lxml import etree

from ...body import BodyTable, flatten, roman, spans
from ...model import CongVan, PhuLuc, ky_so_time
from ...typeset import Font, compose_entry
from ...vietnamese import ngay_thang_nam
from ..styles import RULE_STYLE_ID, style_id
from ..wml import border, el, paragraph, pt, run, runs_with_breaks, w
from . import signature, table
from .frame import Frame

RULE_LENGTH_PT = 60  # the short rule under the heading, as Mẫu 2.1 draws it


def numbered_section(section: etree._Element) -> etree._Element:
    """The document's page set-up, its page numbers starting from 1 again."""
    props = copy.deepcopy(section)
    for old in props.findall(w("pgNumType")):
        props.remove(old)
    start = el("pgNumType", {"start": 1})
    # CT_SectPr's order: pgNumType comes before cols, titlePg, docGrid and the rest.
    later = ("cols", "formProt", "vAlign", "noEndnote", "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings")
    anchor = next((child for child in props if etree.QName(child).localname in later), None)
    if anchor is not None:
        anchor.addprevious(start)
    else:
        props.append(start)
    return props


def _break(props: etree._Element) -> etree._Element:
    p = paragraph("Normal")
    cast(etree._Element, p.find(w("pPr"))).append(props)  # wml.paragraph writes a pPr
    return p


def _reference(cv: CongVan, electronic: bool = False) -> str:
    kind = cv.kind.ten.split(" (")[0]
    agency = cv.ten_co_quan or " ".join(cv.co_quan_ban_hanh)
    if electronic:
        # III.1c, Mẫu 2.2 (note 3): in an electronic document the number and the date
        # are not filled in; they are in the agency's digital signature (III.1d).
        return f"(Kèm theo {kind} số … ngày … tháng … năm … của {agency})"
    day = ngay_thang_nam(cv.ngay.ngay, cv.ngay.thang, cv.ngay.nam, blank="…")
    return f"(Kèm theo {kind} số {cv.so_ky_hieu} {day} của {agency})"


def in_file(cv: CongVan) -> list[tuple[int, PhuLuc]]:
    """The phụ lục in the document's own file (Mẫu 2.1), with their numbers from 1."""
    return [(i, a) for i, a in enumerate(cv.phu_luc, 1) if not a.dien_tu]


def own_files(cv: CongVan) -> list[tuple[int, PhuLuc]]:
    """The phụ lục issued as electronic files of their own (Mẫu 2.2)."""
    return [(i, a) for i, a in enumerate(cv.phu_luc, 1) if a.dien_tu]


def file_end(cv: CongVan, number: int) -> str:
    """The end of the name of a phụ lục's own file: "-phu-luc", or "-phu-luc-II" when
    the document has two or more."""
    return "-phu-luc" + (f"-{roman(number)}" if len(cv.phu_luc) > 1 else "")


def file_title(cv: CongVan, number: int) -> str:
    """The title of a phụ lục's own file (its DOCX and PDF properties): "Phụ lục II"
    and its name."""
    return " ".join(filter(None, (heading(cv, number), cv.phu_luc[number - 1].tieu_de)))


def file_titles(cv: CongVan) -> dict[str, str]:
    """The title of each phụ lục file of its own, by the end of its file's name."""
    return {file_end(cv, number): file_title(cv, number) for number, _ in own_files(cv)}


def heading(cv: CongVan, number: int) -> str:
    """"Phụ lục", and its Roman number when there are two or more (III.1a)."""
    return "Phụ lục" + (f" {roman(number)}" if len(cv.phu_luc) > 1 else "")


def _appendix(cv: CongVan, frame: Frame, number: int, appendix: PhuLuc) -> list[etree._Element]:
    out: list[etree._Element] = []
    # III.1b: "Phụ lục I" upright bold 14 pt; its title in capitals, bold (Normal is
    # in every template, the kinds' styles are not).
    out.append(paragraph("Normal", [run(heading(cv, number), bold=True, size=14)], jc="center", keep_next=True))
    if appendix.tieu_de:
        out.append(paragraph("Normal", [run(appendix.tieu_de.upper(), bold=True, size=14)], jc="center", keep_next=True))
    # III.1c: the reference to the document, centred, italic, 13–14 pt.
    # A line too long for one is broken where its phrases meet, never inside the
    # agency's name ("Sở Thông tin và Truyền / thông").
    lines = compose_entry(_reference(cv, appendix.dien_tu), Font(14, italic=True), frame.text_width / 20 - 2)
    out.append(paragraph("Normal", runs_with_breaks(lines, italic=True, size=14), jc="center", keep_next=True))
    side = max((frame.text_width - pt(RULE_LENGTH_PT)) // 2, 0)
    out.append(paragraph(RULE_STYLE_ID, indent={"left": side, "right": side}, borders=[border("top", 6, 0)],
                         spacing={"before": pt(6), "after": pt(12)}))
    for item in flatten(appendix.noi_dung):
        if isinstance(item, BodyTable):
            out += table.build(item.bang, frame)
        else:
            runs = [run(s.text, bold=True if (s.bold or item.bold) else None, italic=True if s.italic else None) for s in spans(item.text)]
            out.append(paragraph(style_id(item.style), runs))
    return out


def build(cv: CongVan, frame: Frame, after_attached: bool = False) -> list[etree._Element]:
    """The phụ lục of the document's own file, each in a section of its own."""
    listed = in_file(cv)
    if not listed or frame.section is None:
        return []
    out: list[etree._Element] = []
    for at, (number, appendix) in enumerate(listed):
        # The section before it ends here: the document's own, or the previous appendix's
        # (or the attached document's of Mẫu 1.3), numbered on its own.
        out.append(_break(copy.deepcopy(frame.section) if at == 0 and not after_attached else numbered_section(frame.section)))
        out += _appendix(cv, frame, number, appendix)
    return out


def build_file(cv: CongVan, frame: Frame, number: int) -> list[etree._Element]:
    """Mẫu 2.2: a phụ lục in an electronic file of its own, the place of the agency's
    digital signature at the top right of its first page (III.1d), then the phụ lục."""
    appendix = cv.phu_luc[number - 1]
    text = None
    if appendix.thoi_gian_ky is not None:
        # III.1d: "Số và ký hiệu văn bản; thời gian ký", of the document it goes with.
        text = f"Số: {cv.so_ky_hieu}; {ky_so_time(appendix.thoi_gian_ky)}"
    return [signature.place(text), *_appendix(cv, frame, number, appendix)]
