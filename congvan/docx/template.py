"""The default layout template: page set-up, named styles, headers and footers.

It is built from a layout profile with python-docx and shipped as a real .docx
(`congvan/templates/mac-dinh.docx`), so that Word users can open and adjust it
and a later agency letterhead can take its place. `python -m congvan.docx.template`
rebuilds the shipped file; a test keeps the two in step.
"""

from __future__ import annotations

import io
import math
import zipfile
from functools import lru_cache
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, Twips
from lxml import etree

from .. import nd30
from ..layout import DEFAULT_LAYOUT, Layout
from . import wml
from .package import TemplatePackage, write_zip
from .styles import BY_KEY, RULE_STYLE_ID, RULE_STYLE_NAME, STYLES

DEFAULT_TEMPLATE = Path(__file__).resolve().parent.parent / "templates" / "mac-dinh.docx"
_ALIGN = {"center": WD_ALIGN_PARAGRAPH.CENTER, "left": WD_ALIGN_PARAGRAPH.LEFT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}
_FIXED_CORE = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    "<dc:title>Mẫu công văn</dc:title><dc:creator>congvan</dc:creator></cp:coreProperties>"
)


def _set_font(rpr_owner, size: float) -> None:
    font = rpr_owner.font
    font.name = nd30.FONT
    font.size = Pt(size)
    rpr = rpr_owner.element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), nd30.FONT)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "vi-VN")
    rpr.append(lang)


# Styles of the stock package a dispatch uses; the ~150 others (headings, table
# looks in theme fonts, Courier macro text) are dropped so the style list shows
# only what a văn thư needs and no font but Times New Roman is named anywhere.
_KEPT_STOCK_STYLES = {"Normal", "DefaultParagraphFont", "TableNormal", "NoList", "Header", "HeaderChar", "Footer", "FooterChar"}


def _prune_stock_styles(doc) -> None:
    root = doc.styles.element
    for style in root.findall(qn("w:style")):
        if style.get(qn("w:styleId")) not in _KEPT_STOCK_STYLES:
            root.remove(style)
    # Document defaults in Times New Roman rather than the theme's fonts.
    defaults = root.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = defaults.find(qn("w:rFonts"))
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), nd30.FONT)
    defaults.find(qn("w:lang")).set(qn("w:val"), "vi-VN")


def _add_styles(doc, layout: Layout) -> None:
    _prune_stock_styles(doc)
    normal = doc.styles["Normal"]
    _set_font(normal, layout.co_chu.noi_dung)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    for spec in STYLES:
        rule = nd30.TEXT_RULES[spec.key]
        style = doc.styles.add_style(spec.name, WD_STYLE_TYPE.PARAGRAPH)
        style.element.set(qn("w:styleId"), spec.style_id)
        style.base_style = normal
        style.quick_style = True
        _set_font(style, getattr(layout.co_chu, spec.key))
        style.font.bold = bool(rule.bold)
        style.font.italic = bool(rule.italic)
        fmt = style.paragraph_format
        fmt.space_before = Pt(0)
        fmt.space_after = Pt(0)
        fmt.alignment = _ALIGN.get(rule.align or "left")
        if spec.body:
            # II.6e: justified, first-line indent 1 or 1.27 cm, ≥ 6 pt apart.
            fmt.first_line_indent = Cm(layout.thut_dau_dong_cm)
            fmt.space_after = Pt(layout.cach_doan_pt)
            fmt.line_spacing = layout.gian_dong
            fmt.widow_control = True
    rule_style = doc.styles.add_style(RULE_STYLE_NAME, WD_STYLE_TYPE.PARAGRAPH)
    rule_style.element.set(qn("w:styleId"), RULE_STYLE_ID)
    rule_style.base_style = normal
    _set_font(rule_style, 6)
    rule_style.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    rule_style.paragraph_format.line_spacing = Pt(6)
    # Leave a little air between a header line and the rule drawn under it.
    rule_style.paragraph_format.space_before = Pt(3)


def _page_number(doc, header) -> None:
    # Phần I, Mục I.7: Arabic numerals, centred in the top margin, not on page 1.
    paragraph = header.paragraphs[0]
    paragraph.style = doc.styles[BY_KEY["so_trang"].name]
    for element in wml.field_run("PAGE"):
        paragraph._p.append(element)


_THUMBNAIL = "docProps/thumbnail.jpeg"


def _drop_thumbnail(name: str, data: bytes) -> bytes:
    if name not in ("_rels/.rels", "[Content_Types].xml"):
        return data
    root = etree.fromstring(data)
    for node in list(root):
        if "thumbnail" in (node.get("Target") or "") or node.get("Extension") == "jpeg":
            root.remove(node)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _margin(value_mm: float, allowed: nd30.Range) -> Twips:
    """A margin in whole twips that does not fall outside the decree's range by rounding."""
    exact = value_mm * 1440 / 25.4
    up = math.ceil(exact)
    return Twips(up if up * 25.4 / 1440 <= allowed.hi else math.floor(exact))


def build_template_bytes(layout: Layout = DEFAULT_LAYOUT) -> bytes:
    """A fresh default template for `layout`, as deterministic .docx bytes."""
    doc = Document()
    for paragraph in list(doc.paragraphs):
        paragraph._p.getparent().remove(paragraph._p)
    _add_styles(doc, layout)
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(nd30.PAGE_WIDTH_MM), Mm(nd30.PAGE_HEIGHT_MM)
    for side, allowed in nd30.MARGINS_MM.items():
        setattr(section, f"{side}_margin", _margin(getattr(layout.le_trang, side), allowed))
    section.header_distance = Mm(layout.khoang_dau_trang_mm)
    section.footer_distance = Mm(layout.khoang_chan_trang_mm)
    section.different_first_page_header_footer = True
    _page_number(doc, section.header)
    section.first_page_header.paragraphs[0].text = ""
    section.first_page_footer.paragraphs[0].text = ""
    section.footer.paragraphs[0].text = ""
    buffer = io.BytesIO()
    doc.save(buffer)
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as archive:
        parts = [(i.filename, archive.read(i)) for i in archive.infolist()]
    # python-docx's stock package carries a thumbnail of another document: drop it.
    parts = [(n, _FIXED_CORE.encode() if n == "docProps/core.xml" else d) for n, d in parts if n != _THUMBNAIL]
    parts = [(n, _drop_thumbnail(n, d)) for n, d in parts]
    return write_zip(parts)


@lru_cache(maxsize=8)
def load_template(path: Path | None = None, layout: Layout = DEFAULT_LAYOUT) -> TemplatePackage:
    """The template package for a path, or the default one for a profile (cached)."""
    if path is not None:
        return TemplatePackage.from_path(path)
    if layout == DEFAULT_LAYOUT and DEFAULT_TEMPLATE.exists():
        return TemplatePackage.from_path(DEFAULT_TEMPLATE)
    return TemplatePackage.from_bytes(build_template_bytes(layout))


if __name__ == "__main__":
    DEFAULT_TEMPLATE.parent.mkdir(parents=True, exist_ok=True)
    DEFAULT_TEMPLATE.write_bytes(build_template_bytes())
    print(DEFAULT_TEMPLATE)
