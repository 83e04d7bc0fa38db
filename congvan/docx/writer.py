"""DOCX writer: a CongVan and a layout → the bytes of a .docx.

Layout of Mẫu 1.5 (Phụ lục III): a borderless two-column header (agency, Số, V/v on
the left; Quốc hiệu, Tiêu ngữ, date on the right), Kính gửi, the body, then Nơi
nhận beside the signature block, kept together on one page.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

from lxml import etree

from .. import nd30
from ..body import BodyParagraph, flatten, spans
from ..layout import DEFAULT_LAYOUT, Layout
from ..metrics import text_width_pt
from ..model import CongVan
from ..vietnamese import ngay_thang_nam
from .package import TemplatePackage, document_xml, part_xml
from .styles import RULE_STYLE_ID, style_id
from .template import load_template
from .wml import border, cm, mm, paragraph, pt, run, table


class DocxWriter:
    """Writes dispatches with one layout; the template is read once and reused."""

    def __init__(self, layout: Layout = DEFAULT_LAYOUT, template: Path | None = None) -> None:
        self.layout = layout
        self.template: TemplatePackage = load_template(template, layout)
        self.text_width = mm(layout.text_width_mm)

    # -- public -------------------------------------------------------------

    def to_bytes(self, cv: CongVan) -> bytes:
        blocks = [
            self._header(cv),
            *self._kinh_gui(cv),
            *self._body(cv),
            self._signature(cv),
        ]
        replacements = {
            "word/document.xml": document_xml(blocks, self.template.section),
            "docProps/core.xml": core_xml(cv),
        }
        if self.template.first_footer:
            replacements[self.template.first_footer] = part_xml("ftr", [self._footer(cv)])
        return self.template.build(replacements)

    # -- header (ô 1–5, 10, 11) -----------------------------------------------

    def _p(self, key: str, text: str = "", **kwargs) -> etree._Element:
        runs = [run(text)] if text else []
        return paragraph(style_id(key), runs, **kwargs)

    def _size(self, key: str) -> float:
        return getattr(self.layout.co_chu, key)

    def _rule(self, cell_width: int, length_pt: float) -> etree._Element:
        """A solid rule of `length_pt`, centred in a cell of `cell_width` twips."""
        length = min(pt(length_pt), cell_width)
        side = (cell_width - length) // 2
        return paragraph(RULE_STYLE_ID, indent={"left": side, "right": side}, borders=[border("top", 6, 0)])

    def _header(self, cv: CongVan) -> etree._Element:
        left_w = round(self.text_width * self.layout.ti_le_cot_trai)
        right_w = self.text_width - left_w
        left = [self._p("co_quan_chu_quan", line) for line in cv.co_quan_chu_quan]
        left += [self._p("co_quan_ban_hanh", line) for line in cv.co_quan_ban_hanh]
        longest = max(text_width_pt(line, self._size("co_quan_ban_hanh"), bold=True) for line in cv.co_quan_ban_hanh)
        # II.2b: the rule under the agency name is 1/3–1/2 of the name's line.
        left.append(self._rule(left_w, longest * self.layout.ti_le_gach_co_quan))
        right = [self._p("quoc_hieu", nd30.QUOC_HIEU), self._p("tieu_ngu", nd30.TIEU_NGU)]
        # II.1b: the rule under the Tiêu ngữ is as long as the text.
        right.append(self._rule(right_w, text_width_pt(nd30.TIEU_NGU, self._size("tieu_ngu"), bold=True)))

        so = f"{cv.so:02d}" if cv.so is not None else self.layout.so_trong
        number = [self._p("so_ky_hieu", f"Số: {so}/{cv.ky_hieu}")]
        # II.5b: V/v centred under Số, 6 pt below it.
        number.append(self._p("trich_yeu", f"V/v {cv.trich_yeu}", spacing={"before": pt(nd30.TRICH_YEU_SPACE_BEFORE_PT)}))
        number += self._marks(cv, left_w)
        day = ngay_thang_nam(cv.ngay.ngay, cv.ngay.thang, cv.ngay.nam, blank=self.layout.ngay_trong)
        date = [self._p("dia_danh_ngay", f"{cv.dia_danh}, {day}")]

        rows = [[left, right], [number, date]]
        if cv.pham_vi_luu_hanh:
            # ô 11, III.2c: framed, above the Quốc hiệu on the right.
            rows.insert(0, [[], [self._framed("pham_vi_luu_hanh", cv.pham_vi_luu_hanh, right_w)]])
        return table([left_w, right_w], rows)

    def _framed(self, key: str, text: str, cell_width: int, width_mm: float | None = None) -> etree._Element:
        size = self._size(key)
        width = mm(width_mm) if width_mm else pt(text_width_pt(text, size, bold=True) + size)
        side = max((cell_width - width) // 2, 0)
        edges = [border(s, 6, 1) for s in ("top", "left", "bottom", "right")]
        return paragraph(style_id(key), [run(text)], indent={"left": side, "right": side}, borders=edges, spacing={"before": pt(6)})

    def _marks(self, cv: CongVan, cell_width: int) -> list[etree._Element]:
        marks = []
        if cv.do_mat:  # ô 10a, III.2a: above the urgency mark
            marks.append(self._framed("do_mat", cv.do_mat, cell_width))
        if cv.muc_do_khan:  # ô 10b, III.2b: a single-line rectangle of fixed size
            width_mm, _ = nd30.MUC_DO_KHAN_MM[cv.muc_do_khan]
            marks.append(self._framed("muc_do_khan", cv.muc_do_khan, cell_width, width_mm))
        return marks

    # -- Kính gửi (ô 9a) ----------------------------------------------------

    def _kinh_gui(self, cv: CongVan) -> list[etree._Element]:
        before = {"before": pt(self.layout.khoang_truoc_kinh_gui_pt)}
        items = punctuate(cv.kinh_gui)
        if len(items) == 1:
            # II.9d: one recipient on the same line as "Kính gửi:".
            return [self._p("kinh_gui", f"Kính gửi: {items[0]}", jc="center", spacing={**before, "after": pt(self.layout.khoang_sau_kinh_gui_pt)})]
        indent = cm(self.layout.kinh_gui_thut_cm)
        # II.9d: the dashes line up under the colon of "Kính gửi:".
        dash_at = indent + pt(text_width_pt("Kính gửi", self._size("kinh_gui")))
        hanging = pt(text_width_pt("- ", self._size("kinh_gui")))
        out = [self._p("kinh_gui", "Kính gửi:", indent={"left": indent}, spacing=before, keep_next=True)]
        for i, item in enumerate(items):
            last = i == len(items) - 1
            spacing = {"after": pt(self.layout.khoang_sau_kinh_gui_pt)} if last else None
            out.append(self._p("kinh_gui", f"- {item}", indent={"left": dash_at + hanging, "hanging": hanging}, spacing=spacing, keep_next=not last))
        return out

    # -- body (ô 6) ---------------------------------------------------------

    def _body(self, cv: CongVan) -> list[etree._Element]:
        paragraphs = flatten(cv.noi_dung)
        out = []
        for i, para in enumerate(paragraphs):
            # Keep the closing paragraph with the signature block below it.
            out.append(self._body_paragraph(para, keep_next=i == len(paragraphs) - 1))
        return out

    def _body_paragraph(self, para: BodyParagraph, keep_next: bool) -> etree._Element:
        runs = [run(s.text, bold=True if (s.bold or para.bold) else None, italic=True if s.italic else None) for s in spans(para.text)]
        return paragraph(style_id(para.style), runs, keep_next=keep_next)

    # -- Nơi nhận and signature (ô 7, 8, 9b, 12) -----------------------------

    def _signature(self, cv: CongVan) -> etree._Element:
        left_w = round(self.text_width * self.layout.ti_le_cot_noi_nhan)
        right_w = self.text_width - left_w
        first = {"before": pt(12)}
        left = [self._p("noi_nhan", "Nơi nhận:", spacing=first, keep_next=True)]
        entries = punctuate(cv.noi_nhan + ["Lưu: " + ", ".join(cv.luu)])
        if cv.nguoi_soan:
            entries[-1] += f" {cv.nguoi_soan}."
        left += [self._p("danh_sach_noi_nhan", f"- {entry}", keep_next=True) for entry in entries]
        titles = cv.nguoi_ky.title_lines
        right = [self._p("quyen_han_chuc_vu", line, spacing=first if i == 0 else None, keep_next=True) for i, line in enumerate(titles)]
        # ô 7c: room to sign between the title and the name.
        right += [self._p("ho_ten", keep_next=True) for _ in range(self.layout.khoang_ky_dong)]
        right.append(self._p("ho_ten", cv.nguoi_ky.ho_ten))
        return table([left_w, right_w], [[left, right]], cant_split=True)

    # -- footer (ô 13) --------------------------------------------------------

    def _footer(self, cv: CongVan) -> etree._Element:
        if cv.lien_he is None or not cv.lien_he.line():
            return self._p("dia_chi")
        # III.4: page 1 only, under a solid rule across the whole text width.
        return self._p("dia_chi", cv.lien_he.line(), jc="center", borders=[border("top", 6, 1)])


def punctuate(entries: list[str]) -> list[str]:
    """Entries of a list ending in `;`, the last in `.` (II.9d); the user's own kept, not doubled."""
    cleaned = [entry.strip().lstrip("-–+• ").rstrip(" ;,.") for entry in entries if entry.strip().strip("-;. ")]
    return [entry + ("." if i == len(cleaned) - 1 else ";") for i, entry in enumerate(cleaned)]


def core_xml(cv: CongVan) -> bytes:
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
        f"<dc:title>{escape('V/v ' + cv.trich_yeu)}</dc:title>"
        f"<dc:subject>{escape('Số: ' + cv.so_ky_hieu)}</dc:subject>"
        f"<dc:creator>{escape(' '.join(cv.co_quan_ban_hanh))}</dc:creator>"
        "<cp:keywords>công văn</cp:keywords>"
        f"{created}</cp:coreProperties>"
    ).encode("utf-8")


def write_atomic(path: Path, data: bytes) -> None:
    """Write via a temporary file in the same folder, so no half-written file is left."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
