"""The check corpus: DOCX made the way documents are made elsewhere, not by congvan.

Written with python-docx the Word way: direct formatting on every run, no paragraph
styles; the header in one table of two rows, in one row, in two tables or in plain
paragraphs with tabs; rules as paragraph borders, table borders, DrawingML and VML
shapes, or rows of characters; Nơi nhận and the signer in a table, in tabs or in
paragraphs; the decree's own sample layouts re-typed with their blanks; other kinds
of document; documents that are not administrative documents at all.

    python tests/check_corpus/make_corpus.py OUT_DIR            # every document
    python tests/check_corpus/make_corpus.py --libreoffice      # refresh libreoffice/

`build(name)` gives the bytes of one document (the same bytes every time). The
documents saved through LibreOffice are kept in `libreoffice/` (LibreOffice is not
needed to read them back). The findings a reviewer expects of each document are
written by hand in `expected.yaml`.
"""

from __future__ import annotations

import io
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Callable

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Mm, Pt

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from congvan.typeset.metrics import text_width_pt  # noqa: E402

HERE = Path(__file__).resolve().parent
LIBREOFFICE_DIR = HERE / "libreoffice"

C, L, R, J = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.JUSTIFY
TNR = "Times New Roman"
QH = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TN = "Độc lập - Tự do - Hạnh phúc"
LEFT_COL, RIGHT_COL = Cm(6.5), Cm(10.0)


# -- primitives: one paragraph, one run, direct formatting -----------------------------------


def text(p, value: str, size=13, bold=False, italic=False, font=TNR, superscript=False):
    run = p.add_run(value)
    run.font.name, run.font.size, run.font.bold, run.font.italic = font, Pt(size), bold, italic
    run._r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:hAnsi"), font)
    if superscript:
        run.font.superscript = True
    return run


def line(container, value: str = "", size=13, bold=False, italic=False, align=C, font=TNR, first=None,
         after=None, before=None, left=None, spacing=None):
    """A paragraph in `container` (a document or a cell; a cell's first paragraph is reused)."""
    fresh = getattr(container, "paragraphs", None)
    if hasattr(container, "width") and len(fresh) == 1 and len(fresh[0]._p) == 0:
        p = fresh[0]  # a new cell's empty paragraph
    else:
        p = container.add_paragraph()
    p.alignment = align
    fmt = p.paragraph_format
    fmt.space_after = Pt(after if after is not None else 0)
    fmt.space_before = Pt(before or 0)
    if first is not None:
        fmt.first_line_indent = Cm(first)
    if left is not None:
        fmt.left_indent = Cm(left)
    if spacing is not None:
        fmt.line_spacing = spacing
    if value:
        text(p, value, size, bold, italic, font)
    return p


def body(doc, value: str, size=14, first=1.0, after=6, align=J, **kw):
    return line(doc, value, size, align=align, first=first, after=after, **kw)


def cell_of(table, row: int, col: int):
    cell = table.rows[row].cells[col]
    return cell


def two_column_table(doc, rows: int = 1, widths=(LEFT_COL, RIGHT_COL)):
    table = doc.add_table(rows=rows, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = width
    for col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths):
        col.set(qn("w:w"), str(int(width.twips)))
    return table


def border(p, side: str = "bottom", size: int = 6):
    ppr = p._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    edge = OxmlElement(f"w:{side}")
    for k, v in (("val", "single"), ("sz", str(size)), ("space", "1"), ("color", "auto")):
        edge.set(qn(f"w:{k}"), v)
    bdr.append(edge)
    # pBdr sits before spacing/ind/jc in the schema.
    ppr.insert(0 if ppr.find(qn("w:pStyle")) is None else 1, bdr)


def rule_border(cell, length_mm: float, cell_mm: float, margins_mm: float = 3.8):
    """A rule as an empty paragraph with a top border, indented to `length_mm` inside
    a cell of `cell_mm` (less Word's default cell margins, 1.9 mm a side)."""
    p = line(cell, "", 6)
    side = (cell_mm - margins_mm - length_mm) / 2
    p.paragraph_format.left_indent = Mm(side)
    p.paragraph_format.right_indent = Mm(side)
    border(p, "top")
    return p


def rule_drawing(cell, length_mm: float, number: int = 1):
    """A rule as a DrawingML line shape anchored to an empty paragraph (as Word draws it)."""
    p = line(cell, "", 4)
    cx = int(length_mm * 36000)
    xml = f"""
<w:r {nsdecls('w')}><w:drawing>
<wp:anchor xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
  xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"
  xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
  distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="{251659264 + number}"
  behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">
 <wp:simplePos x="0" y="0"/>
 <wp:positionH relativeFrom="column"><wp:align>center</wp:align></wp:positionH>
 <wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>
 <wp:extent cx="{cx}" cy="0"/>
 <wp:effectExtent l="0" t="0" r="0" b="0"/>
 <wp:wrapNone/>
 <wp:docPr id="{number}" name="Straight Connector {number}"/>
 <wp:cNvGraphicFramePr/>
 <a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
  <wps:wsp><wps:cNvCnPr/>
   <wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="0"/></a:xfrm>
    <a:prstGeom prst="line"><a:avLst/></a:prstGeom>
    <a:ln w="9525"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln></wps:spPr>
   <wps:bodyPr/></wps:wsp>
 </a:graphicData></a:graphic>
</wp:anchor></w:drawing></w:r>"""
    p._p.append(parse_xml(xml))
    return p


def rule_vml(cell, length_mm: float):
    """A rule as a VML line (documents of Word 2003 and its converters)."""
    p = line(cell, "", 4)
    pt = length_mm / 25.4 * 72
    xml = f"""<w:r {nsdecls('w')}><w:pict xmlns:v="urn:schemas-microsoft-com:vml">
<v:line from="0,0" to="{pt:.1f}pt,0" strokeweight=".5pt"
 style="position:absolute;margin-left:{(60 - length_mm) / 2 * 72 / 25.4:.1f}pt;z-index:1"/></w:pict></w:r>"""
    p._p.append(parse_xml(xml))
    return p


def rule_chars(cell, char: str, count: int, size=13, bold=False):
    """A rule typed as a row of characters."""
    return line(cell, char * count, size, bold=bold)


def rule_table(cell, length_mm: float):
    """A rule as the top border of a one-cell table nested in the cell."""
    table = cell.add_table(rows=1, cols=1)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    inner = table.rows[0].cells[0]
    inner.width = Mm(length_mm)
    table._tbl.tblGrid.find(qn("w:gridCol")).set(qn("w:w"), str(int(Mm(length_mm).twips)))
    table._tbl.tblPr.append(parse_xml(f'<w:tblW {nsdecls("w")} w:w="{int(Mm(length_mm).twips)}" w:type="dxa"/>'))
    tcpr = inner._tc.get_or_add_tcPr()
    borders = parse_xml(f'<w:tcBorders {nsdecls("w")}><w:top w:val="single" w:sz="6" w:space="0" w:color="auto"/>'
                        '<w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/></w:tcBorders>')
    tcpr.append(borders)
    inner.paragraphs[0].paragraph_format.space_after = Pt(0)
    return table


def page_number_header(doc):
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    p = section.header.paragraphs[0]
    p.alignment = C
    run = text(p, "", 13)
    for kind, value in (("begin", None), (None, " PAGE "), ("end", None)):
        if kind:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            run._r.append(fld)
        else:
            instr = OxmlElement("w:instrText")
            instr.text = value
            run._r.append(instr)


def new_document(top=20, bottom=20, left=30, right=15):
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
    section.left_margin, section.right_margin = Mm(left), Mm(right)
    return doc


def save(doc) -> bytes:
    """The package, re-zipped with fixed entry dates: the same bytes on every run."""
    out = io.BytesIO()
    doc.save(out)
    fixed = io.BytesIO()
    with zipfile.ZipFile(out) as src, zipfile.ZipFile(fixed, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(zipfile.ZipInfo(info.filename, (2021, 3, 5, 0, 0, 0)), src.read(info.filename), zipfile.ZIP_DEFLATED)
    return fixed.getvalue()


# -- a dispatch, with every way of laying it out ----------------------------------------------

TIEU_NGU_MM = 56.0  # Tiêu ngữ at 13 pt bold: about 56 mm
AGENCY = ("UBND TỈNH ĐỒNG THÁP", "SỞ NỘI VỤ")
BODY = [
    "Thực hiện Kế hoạch số 15/KH-UBND ngày 10 tháng 01 năm 2021 của Ủy ban nhân dân tỉnh về công tác văn thư, lưu trữ năm 2021, Sở Nội vụ đề nghị các cơ quan, đơn vị thực hiện một số nội dung sau:",
    "1. Rà soát, cập nhật danh mục hồ sơ của cơ quan, đơn vị; lập hồ sơ công việc theo đúng quy định tại Nghị định số 30/2020/NĐ-CP.",
    "2. Báo cáo kết quả thực hiện về Sở Nội vụ trước ngày 15 tháng 12 năm 2021 để tổng hợp, báo cáo Ủy ban nhân dân tỉnh.",
    "Sở Nội vụ đề nghị các cơ quan, đơn vị quan tâm phối hợp thực hiện./.",
]


def header(doc, o: dict):
    """Agency, Quốc hiệu, Tiêu ngữ, Số, V/v and date in the shape `o['header']` names."""
    shape = o.get("header", "rows2")
    agency = o.get("agency", AGENCY)
    so = o.get("so", "Số: 125/SNV-VP")
    vv = o.get("vv", "V/v lập hồ sơ và nộp lưu hồ sơ năm 2021")
    ngay = o.get("ngay", "Đồng Tháp, ngày 05 tháng 3 năm 2021")
    rule = o.get("rule", "drawing")

    bold_from = o.get("bold_from", len(agency) - 1)
    # II.2b: a rule 1/3–1/2 of the agency's line; 0.42 of it unless a fault says otherwise.
    agency_rule = o.get("agency_rule_mm", 0.42 * max(text_width_pt(a, 13, bold=True) for a in agency[bold_from:]) * 25.4 / 72)

    def agency_block(cell):
        for i, name in enumerate(agency):
            last = i == len(agency) - 1
            p = line(cell, "", 13)
            text(p, name, 13, bold=i >= bold_from, font=o.get("agency_font", TNR))
            if last and o.get("footnote"):
                text(p, "1", 13, superscript=True)
            if last and o.get("agency_rule_border"):
                border(p, "bottom")
        add_rule(cell, agency_rule, 65.0, rule, "agency")

    def qh_block(cell):
        qh_font = o.get("qh_font", TNR)
        if o.get("qh_two_lines"):
            line(cell, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA", 12, bold=True, font=qh_font)
            line(cell, "VIỆT NAM", 12, bold=True, font=qh_font)
        else:
            p = line(cell, QH, o.get("qh_size", 12), bold=True, font=qh_font)
            if o.get("qh_spacing"):  # letters spread apart (Font > Advanced > Spacing)
                spacing = OxmlElement("w:spacing")
                spacing.set(qn("w:val"), str(o["qh_spacing"]))
                p.runs[0]._r.get_or_add_rPr().append(spacing)
        line(cell, o.get("tieu_ngu", TN), 13, bold=True, font=qh_font)
        if not o.get("no_tieu_ngu_rule"):
            add_rule(cell, o.get("tieu_ngu_rule_mm", TIEU_NGU_MM), 100.0, rule, "tieu_ngu")

    def so_block(cell):
        p = line(cell, "", 13)
        text(p, so, 13, italic=o.get("so_italic", False))
        if o.get("vv_in_header", True) and vv:
            line(cell, vv, 12, bold=o.get("vv_bold", False), before=6)

    def date_block(cell):
        line(cell, ngay, 14, italic=True, before=o.get("date_before", 6))

    if shape == "rows2":
        t = two_column_table(doc, 2)
        agency_block(cell_of(t, 0, 0)); qh_block(cell_of(t, 0, 1))
        so_block(cell_of(t, 1, 0)); date_block(cell_of(t, 1, 1))
    elif shape == "row1":
        t = two_column_table(doc, 1)
        agency_block(cell_of(t, 0, 0)); so_block(cell_of(t, 0, 0))
        qh_block(cell_of(t, 0, 1)); date_block(cell_of(t, 0, 1))
    elif shape == "tables2":
        t = two_column_table(doc, 1)
        agency_block(cell_of(t, 0, 0)); qh_block(cell_of(t, 0, 1))
        line(doc, "", 6)
        t = two_column_table(doc, 1)
        so_block(cell_of(t, 0, 0)); date_block(cell_of(t, 0, 1))
    elif shape == "tabs":
        # Word without a table: the two columns are tab stops (centred at 3.25 and 11 cm).
        def tabbed(left, right, lsize=13, lbold=False, rsize=12, rbold=True, ritalic=False):
            p = line(doc, "", 13, align=L)
            stops = p.paragraph_format.tab_stops
            stops.add_tab_stop(Cm(3.25), WD_TAB_ALIGNMENT.CENTER)  # centre
            stops.add_tab_stop(Cm(11.5), WD_TAB_ALIGNMENT.CENTER)
            p.add_run("\t")
            if left:
                text(p, left, lsize, lbold)
            p.add_run("\t")
            if right:
                text(p, right, rsize, rbold, ritalic)
            return p
        tabbed(agency[0] if len(agency) > 1 else "", QH, rsize=12)
        tabbed(agency[-1], o.get("tieu_ngu", TN), lbold=True, rsize=13)
        tabbed("─" * max(1, round(agency_rule / 2.75)), "─" * 20, lbold=False, rsize=13, rbold=False)
        tabbed(so, ngay, lsize=13, lbold=False, rsize=14, rbold=False, ritalic=True)
        if vv:
            tabbed(vv, "", lsize=12)
    else:
        raise ValueError(shape)
    if not o.get("vv_in_header", True) and vv:
        line(doc, vv, 12, before=6)


def add_rule(cell, length_mm: float, cell_mm: float, how: str, which: str):
    if how == "drawing":
        rule_drawing(cell, length_mm, 1 if which == "agency" else 2)
    elif how == "vml":
        rule_vml(cell, length_mm)
    elif how == "border":
        rule_border(cell, length_mm, cell_mm)
    elif how == "table":
        rule_table(cell, length_mm)
    elif how == "underscore":
        # Underscores at 13 pt: 0.5 em = 2.29 mm each.
        rule_chars(cell, "_", max(1, round(length_mm / 2.29)), 13)
    elif how == "none":
        pass
    else:
        raise ValueError(how)


def kinh_gui(doc, o: dict):
    recipients = o.get("kinh_gui", ["Các sở, ban, ngành tỉnh", "Ủy ban nhân dân các huyện, thành phố"])
    if recipients is None:
        return
    if o.get("kinh_gui_joined"):
        line(doc, "Kính gửi: " + "; ".join(recipients) + ".", 14, align=C, before=12, after=6)
        return
    if len(recipients) == 1:
        line(doc, f"Kính gửi: {recipients[0]}.", 14, before=12, after=6)
        return
    line(doc, "Kính gửi:", 14, before=12, left=3.5, align=L).paragraph_format.first_line_indent = Cm(0)
    ends = o.get("kinh_gui_ends", [";"] * (len(recipients) - 1) + ["."])
    for name, end in zip(recipients, ends):
        line(doc, f"- {name}{end}", 14, left=5.5, align=L)


def content(doc, o: dict):
    paragraphs = o.get("body", BODY)
    for value in paragraphs:
        first = 0 if (o.get("dash_unindented") and value.startswith("-")) else 1.0
        body(doc, value, size=o.get("body_size", 14), first=first, font=o.get("body_font", TNR), spacing=o.get("body_spacing"))


def noi_nhan_lines(o: dict) -> list[str]:
    return o.get("noi_nhan", ["- Như trên;", "- Giám đốc Sở (để b/c);", "- Lưu: VT, VP."])


def signer_lines(o: dict) -> list[str]:
    return o.get("signer", ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"])


def signature(doc, o: dict):
    shape = o.get("signature", "table")
    name = o.get("name", "Nguyễn Văn Bình")
    if shape == "table":
        t = two_column_table(doc, 1, (Cm(8), Cm(8.5)))
        left, right = cell_of(t, 0, 0), cell_of(t, 0, 1)
        line(left, "Nơi nhận:", 12, bold=True, italic=o.get("noi_nhan_italic", True), align=L, before=12)
        for entry in noi_nhan_lines(o):
            line(left, entry, 11, align=L)
        for i, title in enumerate(signer_lines(o)):
            line(right, title, 14, bold=True, before=12 if i == 0 else 0)
        for _ in range(o.get("gap", 4)):
            line(right, "", 14)
        line(right, name, 14, bold=True)
    elif shape == "tabs":
        rows = [("Nơi nhận:", signer_lines(o)[0])] + list(zip(noi_nhan_lines(o), signer_lines(o)[1:] + [""] * 9))
        for i, (left, right) in enumerate(rows):
            p = line(doc, "", 12, align=L, before=12 if i == 0 else 0)
            p.paragraph_format.tab_stops.add_tab_stop(Cm(12), WD_TAB_ALIGNMENT.CENTER)
            text(p, left, 12 if i == 0 else 11, bold=i == 0, italic=i == 0)
            p.add_run("\t")
            if right:
                text(p, right, 14, bold=True)
        for _ in range(2):
            line(doc, "", 14)
        p = line(doc, "", 14, align=L)
        p.paragraph_format.tab_stops.add_tab_stop(Cm(12), WD_TAB_ALIGNMENT.CENTER)
        p.add_run("\t")
        text(p, name, 14, bold=True)
    elif shape in ("paragraphs", "right"):
        align, left = (R, None) if shape == "right" else (C, 8.5)
        for i, title in enumerate(signer_lines(o)):
            line(doc, title, 14, bold=True, align=align, left=left, before=12 if i == 0 else 0)
        for _ in range(o.get("gap", 4)):
            line(doc, "", 14)
        line(doc, name, 14, bold=True, align=align, left=left)
        line(doc, "Nơi nhận:", 12, bold=True, italic=True, align=L, before=12)
        for entry in noi_nhan_lines(o):
            line(doc, entry, 11, align=L)
    else:
        raise ValueError(shape)


def cong_van(**o) -> bytes:
    doc = new_document(**o.get("margins", {}))
    if o.get("page_numbers"):
        page_number_header(doc)
    header(doc, o)
    if o.get("title_cong_van"):
        line(doc, "CÔNG VĂN", 14, bold=True, before=12)
    kinh_gui(doc, o)
    content(doc, o)
    if o.get("second_page"):
        body(doc, BODY[0]).runs[0].add_break(WD_BREAK.PAGE)
        for value in BODY[1:] * 3:
            body(doc, value.replace("./.", "."))
        body(doc, "Đề nghị các cơ quan, đơn vị thực hiện./.")
    signature(doc, o)
    return save(doc)


def _moved(doc, build) -> list:
    """The paragraphs `build()` adds to the document, taken out of its body."""
    body = doc.element.body
    before = len(body) - 1  # paragraphs are added before the final sectPr
    build()
    new = list(body)[before:-1]
    for child in new:
        body.remove(child)
    return new


def text_box(anchor, paragraphs: list, x_mm: float, width_mm: float, height_mm: float, number: int):
    """A text box of `paragraphs`, anchored to paragraph `anchor` at `x_mm` from the
    column, text below it (Insert > Text Box in Word)."""
    cx, cy, x = int(width_mm * 36000), int(height_mm * 36000), int(x_mm * 36000)
    xml = f"""<w:r {nsdecls('w')}><w:drawing>
<wp:anchor xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
  xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"
  xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
  distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="{251660000 + number}" behindDoc="0"
  locked="0" layoutInCell="1" allowOverlap="1">
 <wp:simplePos x="0" y="0"/>
 <wp:positionH relativeFrom="column"><wp:posOffset>{x}</wp:posOffset></wp:positionH>
 <wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>
 <wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapTopAndBottom/>
 <wp:docPr id="{100 + number}" name="Text Box {number}"/><wp:cNvGraphicFramePr/>
 <a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
  <wps:wsp><wps:cNvSpPr txBox="1"/>
   <wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>
    <a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr>
   <wps:txbx><w:txbxContent/></wps:txbx>
   <wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" tIns="45720" rIns="91440" bIns="45720" anchor="t"><a:noAutofit/></wps:bodyPr>
  </wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"""
    run = parse_xml(xml)
    content = next(run.iter(qn("w:txbxContent")))
    for p in paragraphs:
        content.append(p)
    anchor._p.append(run)


def cong_van_boxes() -> bytes:
    """The header in two text boxes side by side, as some offices lay it out."""
    doc = new_document()
    anchor = line(doc, "", 6)
    left = _moved(doc, lambda: (line(doc, AGENCY[0], 13), line(doc, AGENCY[1], 13, bold=True),
                                rule_border(doc, 10, 60, 0), line(doc, "Số: 125/SNV-VP", 13),
                                line(doc, "V/v lập hồ sơ và nộp lưu hồ sơ năm 2021", 12, before=6)))
    right = _moved(doc, lambda: (line(doc, QH, 12, bold=True), line(doc, TN, 13, bold=True),
                                 rule_border(doc, TIEU_NGU_MM, 95 - 5.08, 0),
                                 line(doc, "Đồng Tháp, ngày 05 tháng 3 năm 2021", 14, italic=True, before=6)))
    text_box(anchor, left, 0, 65, 40, 1)
    text_box(anchor, right, 70, 95, 40, 2)
    o: dict = {}
    kinh_gui(doc, o)
    content(doc, o)
    signature(doc, o)
    return save(doc)


def cong_van_frames() -> bytes:
    """The agency, Số and V/v in a frame at the left margin; the Quốc hiệu beside it."""
    doc = new_document()

    def framed(p):
        ppr = p._p.get_or_add_pPr()
        frame = OxmlElement("w:framePr")
        for k, v in (("w", str(int(Mm(62).twips))), ("hSpace", "180"), ("wrap", "around"), ("vAnchor", "text"),
                     ("hAnchor", "margin"), ("x", "1"), ("y", "1")):
            frame.set(qn(f"w:{k}"), v)
        ppr.insert(0, frame)
        return p

    for p in (line(doc, AGENCY[0], 13), line(doc, AGENCY[1], 13, bold=True), rule_border(doc, 10, 62, 0),
              line(doc, "Số: 125/SNV-VP", 13), line(doc, "V/v lập hồ sơ và nộp lưu hồ sơ năm 2021", 12, before=6)):
        framed(p)
    line(doc, QH, 12, bold=True, left=6.6)
    line(doc, TN, 13, bold=True, left=6.6)
    rule = rule_border(doc, TIEU_NGU_MM, 165 - 66, 0)
    rule.paragraph_format.left_indent = Mm(66 + (165 - 66 - TIEU_NGU_MM) / 2)
    rule.paragraph_format.right_indent = Mm((165 - 66 - TIEU_NGU_MM) / 2)
    line(doc, "Đồng Tháp, ngày 05 tháng 3 năm 2021", 14, italic=True, before=6, left=6.6, after=18)
    o: dict = {}
    kinh_gui(doc, o)
    content(doc, o)
    signature(doc, o)
    return save(doc)


# -- other kinds: a tên loại and its trích yếu under the header -------------------------------

KINDS = {
    "QUYẾT ĐỊNH": ("Về việc thành lập Tổ công tác rà soát hồ sơ lưu trữ", "Số: 45/QĐ-SNV"),
    "TỜ TRÌNH": ("Về việc đề nghị phê duyệt Kế hoạch chỉnh lý tài liệu năm 2021", "Số: 12/TTr-SNV"),
    "BÁO CÁO": ("Kết quả công tác văn thư, lưu trữ năm 2021", "Số: 210/BC-SNV"),
    "KẾ HOẠCH": ("Kiểm tra công tác văn thư, lưu trữ năm 2022", "Số: 08/KH-SNV"),
    "THÔNG BÁO": ("Kết luận của Giám đốc Sở tại cuộc họp giao ban tháng 3 năm 2021", "Số: 33/TB-SNV"),
    "GIẤY MỜI": ("Dự Hội nghị tập huấn công tác văn thư, lưu trữ", "Số: 17/GM-SNV"),
}

QD_BODY = [
    ("GIÁM ĐỐC SỞ NỘI VỤ", dict(align=C, bold=True, first=0, before=6)),
    ("Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;", dict(italic=True)),
    ("Căn cứ Quyết định số 12/2016/QĐ-UBND ngày 01 tháng 3 năm 2016 của Ủy ban nhân dân tỉnh quy định chức năng, nhiệm vụ, quyền hạn của Sở Nội vụ;", dict(italic=True)),
    ("Theo đề nghị của Chánh Văn phòng Sở.", dict(italic=True)),
    ("QUYẾT ĐỊNH:", dict(align=C, bold=True, first=0)),
    ("Điều 1. Thành lập Tổ công tác rà soát hồ sơ lưu trữ của Sở Nội vụ gồm các ông, bà có tên trong danh sách kèm theo Quyết định này.", {}),
    ("Điều 2. Tổ công tác có nhiệm vụ rà soát toàn bộ hồ sơ lưu trữ tại Sở, đề xuất danh mục hồ sơ hết giá trị.", {}),
    ("Điều 3. Chánh Văn phòng Sở, Trưởng các phòng thuộc Sở và các ông, bà có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.", {}),
]

OTHER_BODY = [
    ("I. MỤC ĐÍCH, YÊU CẦU", dict(bold=True, first=1.0)),
    ("1. Đánh giá đúng thực trạng công tác văn thư, lưu trữ của các cơ quan, đơn vị trên địa bàn tỉnh trong năm 2021.", {}),
    ("2. Kịp thời chấn chỉnh những tồn tại, hạn chế; đề xuất biện pháp nâng cao hiệu quả công tác văn thư, lưu trữ.", {}),
    ("II. NỘI DUNG", dict(bold=True, first=1.0)),
    ("Việc thực hiện các quy định về thể thức, kỹ thuật trình bày văn bản; lập hồ sơ và nộp lưu hồ sơ, tài liệu vào lưu trữ cơ quan./.", {}),
]


def other_kind(kind: str, **o) -> bytes:
    trich_yeu, so = KINDS[kind]
    o.setdefault("so", so)
    o.setdefault("vv", None)
    doc = new_document()
    header(doc, o)
    line(doc, o.get("title", kind), 14, bold=o.get("title_bold", True), before=12)
    line(doc, o.get("trich_yeu", trich_yeu), 14, bold=o.get("trich_yeu_bold", True))
    # II.5b: the rule under the trích yếu is 1/3–1/2 of its line.
    rule_border(doc, 0.42 * text_width_pt(o.get("trich_yeu", trich_yeu), 14, bold=True) * 25.4 / 72, 165, 0)
    if kind in ("TỜ TRÌNH", "BÁO CÁO") and o.get("kinh_gui_upward", True):
        line(doc, "Kính gửi: Ủy ban nhân dân tỉnh Đồng Tháp.", 14, before=6, after=6)
    rows = QD_BODY if kind == "QUYẾT ĐỊNH" else OTHER_BODY
    if kind == "GIẤY MỜI":
        rows = [
            ("Sở Nội vụ trân trọng kính mời: Đại diện lãnh đạo Văn phòng các sở, ban, ngành tỉnh.", {}),
            ("Dự Hội nghị tập huấn nghiệp vụ văn thư, lưu trữ năm 2021.", {}),
            ("Thời gian: 07 giờ 30 phút, ngày 15 tháng 3 năm 2021.", {}),
            ("Địa điểm: Hội trường Sở Nội vụ, số 10 đường Lê Lợi, thành phố Cao Lãnh./.", {}),
        ]
    for value, kw in rows:
        kw = dict(kw)
        align = kw.pop("align", J)
        first = kw.pop("first", 1.0)
        before = kw.pop("before", 0)
        p = line(doc, "", 14, align=align, first=first, after=6, before=before)
        text(p, value, 14, **kw)
    if kind == "QUYẾT ĐỊNH":
        o.setdefault("noi_nhan", ["- Như Điều 3;", "- Giám đốc Sở;", "- Lưu: VT, VP."])
        o.setdefault("signer", ["GIÁM ĐỐC"])
    elif kind in ("TỜ TRÌNH", "BÁO CÁO") and o.get("kinh_gui_upward", True):
        # II.9b: after a Kính gửi, Nơi nhận opens with "Như trên".
        o.setdefault("noi_nhan", ["- Như trên;", "- Các phòng thuộc Sở;", "- Lưu: VT, VP."])
    else:
        o.setdefault("noi_nhan", ["- Ủy ban nhân dân tỉnh;", "- Các phòng thuộc Sở;", "- Lưu: VT, VP."])
    signature(doc, o)
    return save(doc)


# -- the decree's sample layouts, re-typed with their blanks -----------------------------------


def mau_1_5() -> bytes:
    """Phụ lục III, Mẫu 1.5 (Công văn) as the decree's Word file has it: blanks and marks."""
    doc = new_document()
    t = two_column_table(doc, 1)
    left, right = cell_of(t, 0, 0), cell_of(t, 0, 1)
    p = line(left, "", 12)
    text(p, "TÊN CQ, TC CHỦ QUẢN", 12)
    text(p, "1", 12, superscript=True)
    p = line(left, "", 12)
    text(p, "TÊN CƠ QUAN, TỔ CHỨC", 12, bold=True)
    text(p, "2", 12, superscript=True)
    rule_drawing(left, 20, 1)
    line(left, "Số:          /... 3...-...4...", 13)
    line(left, "V/v …...…6………..", 12, before=6)
    line(right, QH, 12, bold=True)
    line(right, TN, 13, bold=True)
    rule_drawing(right, TIEU_NGU_MM, 2)
    line(right, "..... 5 ....., ngày …… tháng …… năm……", 14, italic=True, before=6)
    line(doc, "Kính gửi:", 14, before=12, left=3.5, align=L)
    line(doc, "- ……………………….......…………;", 14, left=5.5, align=L)
    line(doc, "- …………………………......………..", 14, left=5.5, align=L)
    body(doc, ".................................................. 7 ......................................................")
    body(doc, "./.")
    o = dict(noi_nhan=["- Như trên;", "- ................;", "- Lưu: VT, ...8. …9."], signer=["QUYỀN HẠN, CHỨC VỤ CỦA NGƯỜI KÝ"],
             name="Họ và tên", gap=0)
    t = two_column_table(doc, 1, (Cm(8), Cm(8.5)))
    left, right = cell_of(t, 0, 0), cell_of(t, 0, 1)
    line(left, "Nơi nhận:", 12, bold=True, italic=True, align=L, before=12)
    for entry in o["noi_nhan"]:
        line(left, entry, 11, align=L)
    line(right, o["signer"][0], 14, bold=True, before=12)
    line(right, "(Chữ ký của người có thẩm quyền,", 14, italic=True)
    line(right, "dấu/chữ ký số của cơ quan, tổ chức)", 14, italic=True)
    line(right, "", 14)
    line(right, "Họ và tên", 14, bold=True)
    return save(doc)


def mau_1_2() -> bytes:
    """Phụ lục III, Mẫu 1.2 (Quyết định) re-typed with its blanks."""
    doc = new_document()
    t = two_column_table(doc, 1)
    left, right = cell_of(t, 0, 0), cell_of(t, 0, 1)
    line(left, "TÊN CQ, TC CHỦ QUẢN", 12)
    line(left, "TÊN CƠ QUAN, TỔ CHỨC", 12, bold=True)
    rule_chars(left, "_", 12, 12)
    line(left, "Số:         /QĐ-…3...", 13)
    line(right, QH, 12, bold=True)
    line(right, TN, 13, bold=True)
    rule_chars(right, "_", 24, 13)
    line(right, "…4..., ngày …… tháng …. năm ……", 14, italic=True, before=6)
    line(doc, "QUYẾT ĐỊNH", 14, bold=True, before=12)
    line(doc, "Về việc ...............5 .............................", 14, bold=True)
    rule_chars(doc, "_", 13, 14)
    line(doc, "THẨM QUYỀN BAN HÀNH", 14, bold=True, before=6)
    for value in ("Căn cứ ................................................7 ............................;",
                  "Căn cứ ...........................................................................;",
                  "Theo đề nghị của ..................................................."):
        body(doc, value, italic=True)
    line(doc, "QUYẾT ĐỊNH:", 14, bold=True)
    body(doc, "Điều 1............................................8..............")
    body(doc, "Điều …........................................................................................................")
    body(doc, "...................................................................................................................../.")
    t = two_column_table(doc, 1, (Cm(8), Cm(8.5)))
    left, right = cell_of(t, 0, 0), cell_of(t, 0, 1)
    line(left, "Nơi nhận:", 12, bold=True, italic=True, align=L, before=12)
    for entry in ("- Như Điều....;", "- ................;", "- Lưu: VT, ...9. …10."):
        line(left, entry, 11, align=L)
    line(right, "QUYỀN HẠN, CHỨC VỤ CỦA NGƯỜI KÝ", 14, bold=True, before=12)
    line(right, "(Chữ ký của người có thẩm quyền,", 14, italic=True)
    line(right, "dấu/chữ ký số của cơ quan, tổ chức)", 14, italic=True)
    line(right, "", 14)
    line(right, "Họ và tên", 14, bold=True)
    return save(doc)


# -- not administrative documents --------------------------------------------------------------


def letter() -> bytes:
    doc = new_document(25, 25, 25, 25)
    line(doc, "Hà Nội, ngày 12 tháng 5 năm 2021", 12, italic=True, align=R)
    line(doc, "Chị Lan thân mến,", 12, align=L, after=6)
    for value in ("Em đã nhận được thư của chị. Cả nhà vẫn khỏe, bé Na đã bắt đầu đi học mẫu giáo và rất thích cô giáo mới.",
                  "Tháng sau em về quê, chị nhớ giữ gìn sức khỏe nhé. Em gửi kèm mấy tấm ảnh chụp dịp Tết."):
        line(doc, value, 12, align=L, after=6)
    line(doc, "Em gái của chị,", 12, align=R)
    line(doc, "Hoa", 12, align=R)
    return save(doc)


def essay() -> bytes:
    doc = new_document(25, 25, 25, 25)
    line(doc, "Lịch sử và văn hóa vùng Đồng Tháp Mười", 16, bold=True, font="Arial")
    line(doc, "Tiểu luận môn Văn hóa học", 12, italic=True, font="Arial", after=12)
    for value in ("Đồng Tháp Mười là vùng trũng rộng lớn thuộc đồng bằng sông Cửu Long, trải trên ba tỉnh Long An, Tiền Giang và Đồng Tháp.",
                  "1. Quá trình khai phá",
                  "Từ thế kỷ XVII, lưu dân người Việt đã đến khai phá vùng đất này, để lại nhiều di tích lịch sử và văn hóa.",
                  "2. Đời sống văn hóa",
                  "Đời sống của cư dân gắn với mùa nước nổi, với nghề đánh bắt cá và trồng lúa."):
        line(doc, value, 12, align=L, font="Arial", after=6)
    return save(doc)


def don_xin() -> bytes:
    """A citizen's application: Quốc hiệu and Kính gửi, but no agency, no number."""
    doc = new_document()
    line(doc, QH, 13, bold=True)
    line(doc, TN, 14, bold=True)
    rule_drawing(doc, 60, 1)
    line(doc, "ĐƠN XIN NGHỈ PHÉP", 14, bold=True, before=18, after=12)
    line(doc, "Kính gửi: Ban Giám hiệu Trường Trung học cơ sở Mỹ Trà.", 14, after=6)
    for value in ("Tôi tên là: Lê Thị Mai, giáo viên tổ Ngữ văn.",
                  "Nay tôi làm đơn này xin được nghỉ phép từ ngày 10 tháng 5 năm 2021 đến hết ngày 14 tháng 5 năm 2021 để giải quyết việc gia đình.",
                  "Tôi xin trân trọng cảm ơn."):
        body(doc, value)
    line(doc, "Đồng Tháp, ngày 05 tháng 5 năm 2021", 14, italic=True, align=R)
    line(doc, "Người làm đơn", 14, bold=True, align=R)
    line(doc, "Lê Thị Mai", 14, align=R)
    return save(doc)


def minutes() -> bytes:
    doc = new_document(20, 20, 20, 20)
    line(doc, "Ghi chép họp nhóm dự án website", 14, bold=True, align=L, font="Calibri")
    for value in ("Thời gian: 14h00 thứ Sáu", "Thành phần: Minh, Tuấn, Hà, Phương",
                  "- Minh trình bày giao diện trang chủ.", "- Tuấn báo cáo tiến độ phần quản trị.",
                  "Việc tiếp theo: hoàn thiện bản thử trước ngày 20."):
        line(doc, value, 11, align=L, font="Calibri")
    return save(doc)


def cv_personal() -> bytes:
    doc = new_document(20, 20, 20, 20)
    line(doc, "SƠ YẾU LÝ LỊCH", 16, bold=True)
    t = doc.add_table(rows=3, cols=2)
    for r, (k, v) in enumerate((("Họ và tên", "Trần Minh Khoa"), ("Ngày sinh", "12/8/1995"), ("Quê quán", "Cao Lãnh, Đồng Tháp"))):
        line(t.rows[r].cells[0], k, 12, align=L)
        line(t.rows[r].cells[1], v, 12, align=L)
    line(doc, "Tôi xin cam đoan những lời khai trên là đúng sự thật.", 12, align=L, before=12)
    return save(doc)


# -- the corpus --------------------------------------------------------------------------------

MANY = ["- Sở Tài chính", "- Sở Kế hoạch và Đầu tư", "- Sở Tư pháp", "- Sở Xây dựng", "- Sở Y tế"]

CORPUS: dict[str, Callable[[], bytes]] = {
    # Công văn laid out correctly, in every shape.
    "cv-hai-dong-drawing": lambda: cong_van(),
    "cv-mot-dong-vml": lambda: cong_van(header="row1", rule="vml"),
    "cv-hai-bang-border": lambda: cong_van(header="tables2", rule="border"),
    "cv-tab-ky-tu": lambda: cong_van(header="tabs", signature="tabs"),
    "cv-ke-bang": lambda: cong_van(rule="table"),
    "cv-gach-duoi": lambda: cong_van(header="row1", rule="underscore"),
    "cv-mot-noi-nhan": lambda: cong_van(kinh_gui=["Ủy ban nhân dân tỉnh Đồng Tháp"]),
    "cv-ky-doan": lambda: cong_van(signature="paragraphs"),
    "cv-chu-thich-phong-dam": lambda: cong_van(footnote=True, qh_font="Times New Roman Bold"),
    "cv-du-thao": lambda: cong_van(so="Số:        /SNV-VP", ngay="Đồng Tháp, ngày      tháng 3 năm 2021"),
    "cv-tl-kt": lambda: cong_van(signer=["TL. GIÁM ĐỐC", "KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"], agency=("UBND TỈNH ĐỒNG THÁP", "SỞ NỘI VỤ")),
    "cv-tm": lambda: cong_van(agency=("UBND HUYỆN CAO LÃNH", "ỦY BAN NHÂN DÂN", "XÃ MỸ TRÀ"), bold_from=1,
                              signer=["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], so="Số: 25/UBND-VP"),
    "cv-hai-trang": lambda: cong_van(second_page=True, page_numbers=True),
    "cv-khong-chu-quan": lambda: cong_van(agency=("BỘ NỘI VỤ",), so="Số: 1016/BNV-VTLTNN"),
    "mau-1-5": mau_1_5,
    "cv-hop-van-ban": cong_van_boxes,
    "cv-khung": cong_van_frames,
    # Công văn with faults a reviewer marks.
    "cv-le-25-4": lambda: cong_van(margins=dict(top=25.4, bottom=25.4, left=31.75, right=19.05)),
    "cv-so-nghieng": lambda: cong_van(so_italic=True),
    "cv-ten-loai": lambda: cong_van(title_cong_van=True),
    "cv-vv-giua-trang": lambda: cong_van(vv_in_header=False),
    "cv-qh-hai-dong": lambda: cong_van(qh_two_lines=True),
    "cv-qh-gian-chu": lambda: cong_van(qh_spacing=20),  # +1 pt a letter: wraps only when laid out
    "cv-tl-thieu-chuc-vu": lambda: cong_van(signer=["TL. HIỆU TRƯỞNG"], agency=("SỞ GIÁO DỤC VÀ ĐÀO TẠO", "TRƯỜNG THPT CAO LÃNH"),
                                            so="Số: 45/THPTCL-VP"),
    "cv-tieu-ngu-khong-ke": lambda: cong_van(tieu_ngu="Độc lập – Tự do – Hạnh phúc", no_tieu_ngu_rule=True),
    "cv-kt-khong-cham": lambda: cong_van(signer=["KT GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]),
    "cv-ky-canh-phai": lambda: cong_van(signature="right"),
    "cv-gach-khong-lui": lambda: cong_van(dash_unindented=True, body=[BODY[0], "- Rà soát danh mục hồ sơ của cơ quan, đơn vị;",
                                                                     "- Lập hồ sơ công việc theo quy định;", "- Báo cáo kết quả về Sở Nội vụ trước ngày 15 tháng 12 năm 2021.", BODY[3]]),
    "cv-kinh-gui-mot-doan": lambda: cong_van(kinh_gui=[m[2:] for m in MANY], kinh_gui_joined=True),
    "cv-kt-mot-dong": lambda: cong_van(signer=["KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC"]),
    "cv-ke-ngan": lambda: cong_van(tieu_ngu_rule_mm=TIEU_NGU_MM - 5),
    "cv-co-chu-12": lambda: cong_van(body_size=12),
    "cv-arial": lambda: cong_van(body_font="Arial"),
    "cv-ke-co-quan-dai": lambda: cong_van(agency_rule_mm=24),
    "cv-kinh-gui-thieu-cham": lambda: cong_van(kinh_gui=[m[2:] for m in MANY[:3]], kinh_gui_ends=[";", ";", ";"]),
    "cv-tab-ngay-5": lambda: cong_van(header="tabs", ngay="Đồng Tháp, ngày 5 tháng 3 năm 2021"),
    "cv-ky-doan-khong-nhu-tren": lambda: cong_van(signature="paragraphs", noi_nhan=["- Các phòng thuộc Sở;", "- Lưu: VT, VP."]),
    "cv-vv-dam": lambda: cong_van(vv_bold=True, header="tables2"),
    "cv-noi-nhan-dung": lambda: cong_van(noi_nhan_italic=False),
    "cv-gian-dong-2": lambda: cong_van(body_spacing=2.0),
    "cv-so-5": lambda: cong_van(so="Số: 5/SNV-VP", rule="border"),
    # Other kinds of the decree.
    "quyet-dinh": lambda: other_kind("QUYẾT ĐỊNH"),
    "to-trinh": lambda: other_kind("TỜ TRÌNH", header="tables2"),
    "bao-cao": lambda: other_kind("BÁO CÁO", rule="vml"),
    "ke-hoach": lambda: other_kind("KẾ HOẠCH", header="row1"),
    "thong-bao": lambda: other_kind("THÔNG BÁO", rule="border"),
    "giay-moi": lambda: other_kind("GIẤY MỜI"),
    "mau-1-2": mau_1_2,
    "quyet-dinh-ten-loai-thuong": lambda: other_kind("QUYẾT ĐỊNH", title_bold=False),
    "bao-cao-so-7": lambda: other_kind("BÁO CÁO", so="Số: 7/BC-SNV"),
    "bao-cao-thieu-nhu-tren": lambda: other_kind("BÁO CÁO", noi_nhan=["- Văn phòng UBND tỉnh;", "- Lưu: VT, VP."]),
    "thong-bao-trich-yeu-thuong": lambda: other_kind("THÔNG BÁO", trich_yeu_bold=False),
    # Not administrative documents.
    "thu-rieng": letter,
    "tieu-luan": essay,
    "don-xin-nghi-phep": don_xin,
    "ghi-chep-hop": minutes,
    "so-yeu-ly-lich": cv_personal,
}

# Documents also saved through LibreOffice (soffice --convert-to docx), kept in libreoffice/.
THROUGH_LIBREOFFICE = ("cv-hai-dong-drawing", "cv-tab-ky-tu", "cv-so-nghieng", "quyet-dinh")


def names() -> list[str]:
    return list(CORPUS) + [f"lo-{n}" for n in THROUGH_LIBREOFFICE]


def build(name: str) -> bytes:
    if name.startswith("lo-"):
        return (LIBREOFFICE_DIR / f"{name}.docx").read_bytes()
    return CORPUS[name]()


def refresh_libreoffice() -> None:
    LIBREOFFICE_DIR.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        src, out = tmp / "src", tmp / "out"
        src.mkdir()
        for name in THROUGH_LIBREOFFICE:
            (src / f"lo-{name}.docx").write_bytes(CORPUS[name]())
        subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to",
                        "docx:MS Word 2007 XML", "--outdir", str(out), *map(str, sorted(src.glob("*.docx")))],
                       check=True, capture_output=True, timeout=300)
        for path in sorted(out.glob("*.docx")):
            (LIBREOFFICE_DIR / path.name).write_bytes(path.read_bytes())


def main(argv: list[str]) -> int:
    if argv[:1] == ["--libreoffice"]:
        refresh_libreoffice()
        return 0
    out = Path(argv[0] if argv else "corpus-out")
    out.mkdir(parents=True, exist_ok=True)
    for name in names():
        (out / f"{name}.docx").write_bytes(build(name))
    print(f"{len(names())} văn bản → {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
