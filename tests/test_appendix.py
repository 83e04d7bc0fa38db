"""Phụ lục attached to a document (Mẫu 2.1), read back from the PDF: each on its own
pages under its heading, numbered from 1 again (Phụ lục I, Mục III.1)."""

from __future__ import annotations

import congvan
from congvan.errors import CongVanError
from congvan.layout import DEFAULT_LAYOUT
from tests.pdf_layout import MM, pages

TOP = DEFAULT_LAYOUT.le_trang.top * MM
CENTRE = (DEFAULT_LAYOUT.le_trang.left + DEFAULT_LAYOUT.text_width_mm / 2) * MM
ROWS = "\n".join(f"            - [{i}, Đơn vị số {i}]" for i in range(1, 61))
SOURCE = f"""\
co_quan_ban_hanh: [SỞ THÔNG TIN, VÀ TRUYỀN THÔNG]
ten_co_quan: Sở Thông tin và Truyền thông
so: 21
ky_hieu: STTTT-VP
trich_yeu: báo cáo kết quả năm 2024
dia_danh: Đồng Tháp
ngay: 2024-12-20
kinh_gui: Ủy ban nhân dân tỉnh
noi_dung: Sở Thông tin và Truyền thông gửi kèm theo Phụ lục I và Phụ lục II.
noi_nhan: [Như trên]
nguoi_ky: {{chuc_vu: GIÁM ĐỐC, ho_ten: Nguyễn Văn Hòa}}
phu_luc:
  - tieu_de: Danh sách đơn vị
    noi_dung:
      - bang:
          cot: [STT, Đơn vị]
          dong:
{ROWS}
  - tieu_de: Kinh phí thực hiện
    noi_dung: Tổng kinh phí năm 2024 là 350.000.000 đồng.
"""


def test_appendices_on_their_own_pages_numbered_from_one(pdf_engine, tmp_path):
    source = tmp_path / "cv.yaml"
    source.write_text(SOURCE, encoding="utf-8")
    cv = congvan.load(source)
    docx = congvan.write_docx(cv, tmp_path / "cv.docx")
    assert [f for f in congvan.check_docx(docx).findings if f.severity == "error"] == []
    assert pdf_engine.convert([(docx, tmp_path / "cv.pdf")])[0].ok
    doc = pages(tmp_path / "cv.pdf")
    starts = [i for i, page in enumerate(doc) if page.lines and page.lines[0].text.startswith("Phụ lục") or
              any(line.text.startswith("Phụ lục ") and line.top < TOP + 30 for line in page.lines)]
    assert starts[0] == 1 and len(starts) == 2 and starts[1] >= 3  # Phụ lục I spans two pages at least
    reference = "(Kèm theo Công văn số 21/STTTT-VP ngày 20 tháng 12 năm 2024 của Sở Thông tin và Truyền thông)"
    for number, at in enumerate(starts, 1):
        page = doc[at]
        heading = page.find("Phụ lục " + "I" * number)
        assert heading.bold and heading.size == 14 and abs(heading.centre - CENTRE) < 1.5
        title = page.find(cv.phu_luc[number - 1].tieu_de.upper())
        assert title.bold and title.top > heading.top
        line = page.find("(Kèm theo")
        assert line.italic and line.top > title.top
        ref_lines = [l for l in page.lines if line.top <= l.top < line.top + 40 and l.italic]
        assert " ".join(l.text for l in ref_lines) == reference
        x0, x1, _ = page.rule_under(ref_lines[-1])
        assert abs((x0 + x1) / 2 - CENTRE) < 1.5
    # III.1đ, Phần I, Mục I.7: each phụ lục numbered on its own, no number on its first page.
    numbers = [[l.text for l in page.lines if l.bottom < TOP] for page in doc]
    assert numbers[0] == [] and numbers[starts[0]] == [] and numbers[starts[1]] == []
    assert [n for n in numbers[starts[0] + 1:starts[1]]] == [[str(i)] for i in range(2, starts[1] - starts[0] + 1)]
    assert doc[starts[1]].find("Tổng kinh phí").text.endswith("./.")


def test_appendix_needs_its_tag_in_an_agency_template(tmp_path):
    from congvan.cli import main

    template = tmp_path / "mau.docx"
    assert main(["template", "export", str(template)]) == 0
    source = tmp_path / "cv.yaml"
    source.write_text(SOURCE, encoding="utf-8")
    assert congvan.render_docx(congvan.load(source), template=template)  # the exported template has the tag
    import zipfile

    with zipfile.ZipFile(template) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    parts["word/document.xml"] = parts["word/document.xml"].replace(b"{{p phu_luc }}", b"")
    stripped = tmp_path / "cu.docx"
    with zipfile.ZipFile(stripped, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    try:
        congvan.render_docx(congvan.load(source), template=stripped)
    except CongVanError as exc:
        assert "mẫu không có thẻ {{p phu_luc }}" in str(exc)
    else:
        raise AssertionError("a template without the tag rendered the phụ lục away")
