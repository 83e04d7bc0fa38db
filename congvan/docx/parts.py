"""The parts of a .docx the writer sets itself around the template's fill: the
sections of `word/document.xml` (page numbers after a landscape table and in the phụ
lục, III.1đ; the electronic văn bản kèm theo cut out alone, Mẫu 1.3) and the document
properties of `docProps/core.xml`.
"""

from __future__ import annotations

from typing import Callable
from xml.sax.saxutils import escape

from ..body import BodyTable, flatten
from ..model import CongVan
from .components import attached


def has_landscape(cv: CongVan) -> bool:
    if cv.noi_dung is None or isinstance(cv.noi_dung, str):
        return False  # a typed body holds no table
    blocks = flatten(cv.noi_dung)
    return any(isinstance(b, BodyTable) and b.bang.ngang for b in blocks)


def section_edits(landscape: bool, appendices: bool) -> Callable[[str, str], str] | None:
    """What the body's last section needs: numbered from its first page after a
    landscape table; numbered from 1 again when it is the last phụ lục (III.1đ)."""
    if not landscape and not appendices:
        return None

    def edit(name: str, xml: str) -> str:
        if landscape and not appendices:
            xml = _number_after_landscape(name, xml)
        if appendices and name == "word/document.xml":
            at = xml.rfind("<w:sectPr")
            later = [xml.find(tag, at) for tag in ("<w:cols", "<w:formProt", "<w:vAlign", "<w:noEndnote", "<w:titlePg", "<w:textDirection", "<w:bidi", "<w:rtlGutter", "<w:docGrid", "</w:sectPr>")]
            where = min(i for i in later if i > 0)
            xml = xml[:where] + '<w:pgNumType w:start="1"/>' + xml[where:]
        return xml

    return edit


def _number_after_landscape(name: str, xml: str) -> str:
    """The section after a landscape table is not page 1: its first page is numbered
    (Phần I, Mục I.7), so the body's last section drops the title-page set-up."""
    if name != "word/document.xml":
        return xml
    at = xml.rfind("<w:sectPr")
    return xml[:at] + xml[at:].replace("<w:titlePg/>", "", 1)


def after_mark(xml: str) -> str:
    """The body from the paragraph after the attached document's mark on: the
    electronic văn bản kèm theo alone (Mẫu 1.3)."""
    at = xml.find(f'w:name="{attached.MARK}"')
    end = xml.find("</w:p>", at) + len("</w:p>")
    body = xml.find("<w:body>") + len("<w:body>")
    return xml[:body] + xml[end:]


def kem_theo_title(cv: CongVan) -> str:
    """The title of the electronic văn bản kèm theo's own file (Mẫu 1.3): its tên loại
    and trích yếu, e.g. "Quy chế Làm việc của …"."""
    kem = cv.van_ban_kem_theo
    return f"{kem.kind.ten_loai} {kem.trich_yeu}" if kem is not None else cv.document_title


def core_xml(cv: CongVan, title: str | None = None) -> bytes:
    """Document properties; the date is the dispatch's own, so the bytes never vary."""
    created = ""
    if cv.ngay.date:
        stamp = f"{cv.ngay.date.isoformat()}T00:00:00Z"
        created = (
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(title or cv.document_title)}</dc:title>"
        f"<dc:subject>{escape('Số: ' + cv.so_ky_hieu)}</dc:subject>"
        f"<dc:creator>{escape(' '.join(cv.co_quan_ban_hanh))}</dc:creator>"
        f"<cp:keywords>{escape(cv.kind.ten.lower())}</cp:keywords>"
        f"{created}</cp:coreProperties>"
    ).encode("utf-8")
