"""`congvan check`: the examples pass; one fault at a time trips exactly its rule; a
dispatch typed in Word with direct formatting and no styles is read right."""

from __future__ import annotations

import io
import json

import pytest
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

import congvan
from congvan.check import check_docx
from congvan.check.rules import find_parts
from congvan.check.reader import read_docx
from congvan.cli import main
from tests.conftest import EXAMPLES, ROOT

W_P = qn("w:p")


def test_every_example_passes(example, rendered):
    report = check_docx(rendered, example.name)
    assert report.errors() == set(), report.as_text()


@pytest.fixture(scope="module")
def good(tmp_path_factory) -> bytes:
    """A numbered, dated dispatch: the bau-cu example as issued."""
    source = (ROOT / "examples" / "bau-cu-2021.yaml").read_text(encoding="utf-8")
    source = source.replace("so:   ", "so: 12  ", 1).replace("ngay: {thang: 3, nam: 2021}", "ngay: 2021-03-15")
    path = tmp_path_factory.mktemp("check") / "ban-hanh.yaml"
    path.write_text(source, encoding="utf-8")
    data = congvan.render_docx(congvan.load(path))
    assert check_docx(data).errors() == set()
    return data


def paragraphs(doc, prefix: str):
    """Paragraphs (body and table cells) whose text starts with `prefix`."""
    from docx.text.paragraph import Paragraph

    found = []
    for p in doc.element.body.iter(W_P):
        para = Paragraph(p, doc)
        if para.text.strip().startswith(prefix):
            found.append(para)
    assert found, prefix
    return found


def body_paragraphs(doc):
    return [p for p in doc.paragraphs if p.text.strip() and p.style.name in ("Nội dung", "Khoản", "Mục", "Điểm")]


def set_runs(paragraph, **props):
    for run in paragraph.runs:
        for key, value in props.items():
            setattr(run.font, key, value)


def replace_text(paragraph, old: str, new: str):
    for run in paragraph.runs:
        if old in run.text:
            run.text = run.text.replace(old, new)
            return
    raise AssertionError(old)


def page_field_paragraph(container):
    p = container.add_paragraph()
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), " PAGE ")
    p._p.append(field)
    return p


def _move_page_number_to_footer(doc):
    section = doc.sections[0]
    header = section.header._element
    for p in list(header.iter(W_P)):
        for r in list(p):
            if r.tag == qn("w:r"):
                p.remove(r)
    page_field_paragraph(section.footer).alignment = WD_ALIGN_PARAGRAPH.CENTER


FAULTS = {
    "le_trang": lambda d: setattr(d.sections[0], "left_margin", Mm(20)),
    "kho_giay": lambda d: (setattr(d.sections[0], "page_width", Mm(215.9)), setattr(d.sections[0], "page_height", Mm(279.4))),
    "phong_chu": lambda d: set_runs(body_paragraphs(d)[0], name="Arial"),
    "quoc_hieu": lambda d: set_runs(paragraphs(d, "CỘNG HÒA")[0], size=Pt(14)),
    "quoc_hieu/bold": lambda d: set_runs(paragraphs(d, "CỘNG HÒA")[0], bold=False),
    "tieu_ngu": lambda d: set_runs(paragraphs(d, "Độc lập")[0], size=Pt(14.5)),
    "co_quan_ban_hanh": lambda d: set_runs(paragraphs(d, "SỞ THÔNG TIN")[0], size=Pt(14)),
    "co_quan_chu_quan": lambda d: set_runs(paragraphs(d, "UBND TỈNH")[0], size=Pt(14)),
    "so_ky_hieu": lambda d: set_runs(paragraphs(d, "Số:")[0], size=Pt(14)),
    "so_so_0": lambda d: replace_text(paragraphs(d, "Số:")[0], "12/", "5/"),
    "ky_hieu": lambda d: replace_text(paragraphs(d, "Số:")[0], "STTTT-BCVT", "stttt-bcvt"),
    "trich_yeu": lambda d: set_runs(paragraphs(d, "V/v")[0], size=Pt(14)),
    "trich_yeu/bold": lambda d: set_runs(paragraphs(d, "V/v")[0], bold=True),
    "ngay": lambda d: set_runs(paragraphs(d, "Đồng Tháp, ngày")[0], italic=False),
    "ngay_so_0": lambda d: replace_text(paragraphs(d, "Đồng Tháp, ngày")[0], "ngày 15", "ngày 5"),
    "ngay_so_0/thang": lambda d: replace_text(paragraphs(d, "Đồng Tháp, ngày")[0], "tháng 3", "tháng 03"),
    "kinh_gui": lambda d: set_runs(paragraphs(d, "Kính gửi")[0], size=Pt(12)),
    "noi_dung_co_chu": lambda d: set_runs(body_paragraphs(d)[1], size=Pt(12)),
    "noi_dung_can_deu": lambda d: setattr(body_paragraphs(d)[0], "alignment", WD_ALIGN_PARAGRAPH.LEFT),
    "noi_dung_thut_dau_dong": lambda d: setattr(body_paragraphs(d)[0].paragraph_format, "first_line_indent", Cm(2)),
    "noi_dung_cach_doan": lambda d: setattr(d.styles["Nội dung"].paragraph_format, "space_after", Pt(0)),
    "noi_dung_gian_dong": lambda d: setattr(d.styles["Nội dung"].paragraph_format, "line_spacing", 2.0),
    "ket_thuc": lambda d: replace_text(body_paragraphs(d)[-1], "./.", "."),
    "noi_nhan": lambda d: set_runs(paragraphs(d, "Nơi nhận")[0], italic=False),
    "nhu_tren": lambda d: replace_text(paragraphs(d, "- Như trên")[0], "Như trên", "Ban Giám đốc"),
    "luu": lambda d: replace_text(paragraphs(d, "- Lưu")[0], "Lưu: VT, BCVT.", "Lưu VP;"),
    "danh_sach_noi_nhan": lambda d: set_runs(paragraphs(d, "- VP Sở")[0], size=Pt(12)),
    "quyen_han_chuc_vu": lambda d: set_runs(paragraphs(d, "KT. GIÁM ĐỐC")[0], bold=False),
    "ho_ten": lambda d: set_runs(paragraphs(d, "Nguyễn Lâm Thanh Thủy")[0], size=Pt(12)),
    "so_trang": _move_page_number_to_footer,
    "so_trang/trang_1": lambda d: setattr(d.sections[0], "different_first_page_header_footer", False),
}


@pytest.mark.parametrize("fault", FAULTS, ids=list(FAULTS))
def test_one_fault_trips_exactly_its_rule(good, fault):
    doc = Document(io.BytesIO(good))
    FAULTS[fault](doc)
    out = io.BytesIO()
    doc.save(out)
    report = check_docx(out.getvalue())
    assert report.errors() == {fault.split("/")[0]}, report.as_text()


# -- the usual Word way: direct formatting, no styles -------------------------------------------


def _line(container, text: str, size: float, bold=False, italic=False, align=WD_ALIGN_PARAGRAPH.CENTER):
    p = container.add_paragraph() if hasattr(container, "add_paragraph") else container
    p.alignment = align
    run = p.add_run(text)
    run.font.name, run.font.size, run.font.bold, run.font.italic = "Times New Roman", Pt(size), bold, italic
    return p


def _rule(cell, length_mm: float, cell_mm: float):
    """A rule as Word users draw it: an empty paragraph with a top border, indented
    (python-docx cells keep Word's 1.9 mm margins a side)."""
    p = cell.add_paragraph()
    side = Mm((cell_mm - 3.8 - length_mm) / 2)
    p.paragraph_format.left_indent = p.paragraph_format.right_indent = side
    ppr = p._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for key, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "auto")):
        top.set(qn(f"w:{key}"), value)
    bdr.append(top)
    ppr.insert(0, bdr)
    return p


def hand_made(date: str = "ngày 15 tháng 3 năm 2021") -> bytes:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.different_first_page_header_footer = True
    page_field_paragraph(section.header).alignment = WD_ALIGN_PARAGRAPH.CENTER
    header = doc.add_table(rows=2, cols=2)
    header.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = header.rows[0].cells
    _line(left.paragraphs[0], "UBND TỈNH ĐỒNG THÁP", 13)
    _line(left, "SỞ NỘI VỤ", 13, bold=True)
    for row in header.rows:  # the Quốc hiệu needs 88 mm on one line
        row.cells[0].width, row.cells[1].width = Mm(65), Mm(100)
    _rule(left, 10, 65)  # "SỞ NỘI VỤ" is 23.7 mm: a rule of 10 mm is 0.42 of it
    _line(right.paragraphs[0], "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, bold=True)
    _line(right, "Độc lập – Tự do – Hạnh phúc", 13, bold=True)  # en dashes, as often typed
    _rule(right, 56, 100)  # as long as the Tiêu ngữ at 13 pt bold
    number, when = header.rows[1].cells
    _line(number.paragraphs[0], "Số: 07/SNV-VP", 13)
    _line(number, "V/v báo cáo công tác văn thư", 12)
    _line(when.paragraphs[0], f"Đồng Tháp, {date}", 14, italic=True)
    _line(doc, "Kính gửi: Ủy ban nhân dân tỉnh Đồng Tháp.", 14)
    texts = [
        "Thực hiện chương trình công tác năm, Sở Nội vụ báo cáo kết quả công tác văn thư, lưu trữ của các cơ quan trong tỉnh như sau:",
        "1. Các cơ quan đã áp dụng đúng thể thức và kỹ thuật trình bày văn bản theo Nghị định số 30/2020/NĐ-CP.",
        "2. Sở Nội vụ kính đề nghị Ủy ban nhân dân tỉnh xem xét, chỉ đạo các cơ quan tiếp tục thực hiện./.",
    ]
    for text in texts:
        p = _line(doc, text, 14, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
        p.paragraph_format.first_line_indent = Cm(1)
        p.paragraph_format.space_after = Pt(6)
    signature = doc.add_table(rows=1, cols=2)
    left, right = signature.rows[0].cells
    _line(left.paragraphs[0], "Nơi nhận:", 12, bold=True, italic=True, align=WD_ALIGN_PARAGRAPH.LEFT)
    for entry in ("- Như trên;", "- Giám đốc Sở;", "- Lưu: VT, VP."):
        _line(left, entry, 11, align=WD_ALIGN_PARAGRAPH.LEFT)
    _line(right.paragraphs[0], "GIÁM ĐỐC", 14, bold=True)
    for _ in range(3):
        right.add_paragraph()
    _line(right, "Trần Văn Bình", 14, bold=True)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def test_a_dispatch_typed_in_word_is_read():
    data = hand_made()
    parts = find_parts(read_docx(data))
    assert parts.quoc_hieu.size == 12 and parts.tieu_ngu.bold
    assert [p.text for p in parts.chu_quan] == ["UBND TỈNH ĐỒNG THÁP"]
    assert [p.text for p in parts.ban_hanh] == ["SỞ NỘI VỤ"]
    assert parts.so.text == "Số: 07/SNV-VP" and parts.trich_yeu.size == 12 and parts.ngay.italic
    assert [p.text for p in parts.kinh_gui] == ["Kính gửi: Ủy ban nhân dân tỉnh Đồng Tháp."]
    assert len(parts.body) == 3 and parts.body[0].first_line_cm == pytest.approx(1.0, abs=0.01)
    assert [p.text for p in parts.entries] == ["- Như trên;", "- Giám đốc Sở;", "- Lưu: VT, VP."]
    assert [p.text for p in parts.titles if p.text] == ["GIÁM ĐỐC"] and parts.name.text == "Trần Văn Bình"
    report = check_docx(data)
    assert report.errors() == set(), report.as_text()


def test_a_fault_in_a_word_typed_dispatch_is_found():
    report = check_docx(hand_made("ngày 5 tháng 02 năm 2021"))
    assert report.errors() == {"ngay_so_0"}
    [finding] = report.findings
    assert finding.message == "ngày nhỏ hơn 10 phải có số 0: «ngày 05»"
    assert finding.section == "Phụ lục I, II.4b" and finding.page == 1 and "Đồng Tháp" in finding.text


# -- command line -----------------------------------------------------------------------------


def test_cli_exit_codes_and_json(tmp_path, capsys, good):
    ok = tmp_path / "dung.docx"
    ok.write_bytes(good)
    bad = tmp_path / "sai.docx"
    bad.write_bytes(hand_made("ngày 5 tháng 3 năm 2021"))
    broken = tmp_path / "hong.docx"
    broken.write_text("không phải docx", encoding="utf-8")

    assert main(["check", str(ok)]) == 0
    assert "Đúng thể thức" in capsys.readouterr().out
    assert main(["check", str(ok), str(bad)]) == 1
    out = capsys.readouterr().out
    assert "Địa danh và ngày tháng" in out and "Lỗi: ngày nhỏ hơn 10 phải có số 0" in out
    assert main(["check", "--json", str(bad), str(broken)]) == 2
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert data[0]["file"] == str(bad) and data[0]["errors"] == 1
    assert set(data[0]["findings"][0]) == {"rule", "severity", "component", "message", "section", "page", "paragraph", "text", "count"}
    assert data[0]["kind"] == "cong_van"
    assert data[1] == {"file": str(broken), "unreadable": "không phải tệp .docx đọc được (Word 2007 trở lên)"}
    assert f"Lỗi: {broken}: không phải tệp .docx" in captured.err


def test_examples_pass_from_the_command_line(tmp_path):
    main(["render", *map(str, EXAMPLES), "-o", str(tmp_path)])
    assert main(["check", *map(str, sorted(tmp_path.glob("*.docx")))]) == 0
