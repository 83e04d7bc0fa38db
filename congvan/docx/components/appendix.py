"""Phụ lục attached to a document (Phụ lục I, Mục III.1; Mẫu 2.1 of Phụ lục III):
each on pages of its own, numbered from 1 again (III.1đ), under its heading: the word
"Phụ lục" and its Roman number when there are two or more (III.1a), its title in
capitals, the line "(Kèm theo … số … ngày … của …)" in italic (III.1c), a rule; then
its content, closed with "./."."""

from __future__ import annotations

import copy

from lxml import etree

from ...body import BodyTable, flatten, roman, spans
from ...vietnamese import ngay_thang_nam
from ..styles import RULE_STYLE_ID, style_id
from ..wml import border, el, paragraph, pt, run, w
from . import table

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
    p.find(w("pPr")).append(props)
    return p


def _reference(cv) -> str:
    kind = cv.kind.ten.split(" (")[0]
    day = ngay_thang_nam(cv.ngay.ngay, cv.ngay.thang, cv.ngay.nam, blank="…")
    agency = cv.ten_co_quan or " ".join(cv.co_quan_ban_hanh)
    return f"(Kèm theo {kind} số {cv.so_ky_hieu} {day} của {agency})"


def build(cv, frame, after_attached: bool = False) -> list[etree._Element]:
    if not cv.phu_luc or frame.section is None:
        return []
    out: list[etree._Element] = []
    count = len(cv.phu_luc)
    for i, appendix in enumerate(cv.phu_luc, 1):
        # The section before it ends here: the document's own, or the previous appendix's
        # (or the attached document's of Mẫu 1.3), numbered on its own.
        out.append(_break(copy.deepcopy(frame.section) if i == 1 and not after_attached else numbered_section(frame.section)))
        heading = "Phụ lục" + (f" {roman(i)}" if count > 1 else "")
        # III.1b: "Phụ lục I" upright bold 14 pt; its title in capitals, bold (Normal is
        # in every template, the kinds' styles are not).
        out.append(paragraph("Normal", [run(heading, bold=True, size=14)], jc="center", keep_next=True))
        if appendix.tieu_de:
            out.append(paragraph("Normal", [run(appendix.tieu_de.upper(), bold=True, size=14)], jc="center", keep_next=True))
        # III.1c: the reference to the document, centred, italic, 13–14 pt.
        out.append(paragraph("Normal", [run(_reference(cv), italic=True, size=14)], jc="center", keep_next=True))
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
