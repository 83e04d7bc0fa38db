"""A layout template held against NĐ 30: page set-up, fonts and the sizes of the
components' styles. A template that departs still renders; each departure is a
warning for the văn thư (the full check of a finished dispatch is `congvan check`)."""

from __future__ import annotations

import io

from docx import Document
from docx.oxml.ns import qn

from .. import nd30
from ..check.reader import read_docx
from ..check.rules import Checker, check_page_setup
from .styles import KIND_STYLES, STYLES


def template_departures(data: bytes) -> list[str]:
    """Vietnamese warnings, one per departure from NĐ 30 in the template's set-up."""
    doc = Document(io.BytesIO(data))
    # Paper and margins: the same rules `congvan check` holds a dispatch to.
    checker = Checker(read_docx(data), "mẫu")
    check_page_setup(checker)
    out = [f"{f.message} ({f.section})" for f in checker.report.findings]
    fonts = {}
    defaults = doc.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}")
    if defaults is not None and defaults.get(qn("w:ascii")):
        fonts["mặc định"] = defaults.get(qn("w:ascii"))
    for style in doc.styles:
        if style.type == 1 and style.font.name:  # paragraph styles
            fonts[style.name] = style.font.name
    for where, font in fonts.items():
        if font != nd30.FONT and font not in nd30.FONT_STAND_INS:
            out.append(f"phông chữ {font} ở kiểu '{where}' (cần {nd30.FONT}, Phần I, Mục I.4)")
    by_id = {s.style_id: s for s in doc.styles if s.type == 1}
    for spec in STYLES + KIND_STYLES:
        style = by_id.get(spec.style_id)
        if style is None or style.font.size is None:
            continue
        rule = nd30.TEXT_RULES[spec.key]
        size = style.font.size.pt
        if size not in rule.size:
            out.append(f"cỡ chữ {rule.name} {size:g} pt (cần {rule.size.describe('pt')}, Phụ lục I, {rule.size.section})")
    return out
