"""Tables in the body, read back from the PDF: the header row on every page, rows
never split, numbers right-aligned in Vietnamese notation, totals, a landscape
section with its page number."""

from __future__ import annotations

import csv

import pytest

import congvan
from congvan.errors import InputError
from congvan.layout import DEFAULT_LAYOUT
from tests.pdf_layout import MM, pages

LEFT = DEFAULT_LAYOUT.le_trang.left * MM
WIDTH = DEFAULT_LAYOUT.text_width_mm * MM
TOP = DEFAULT_LAYOUT.le_trang.top * MM

HEAD = """\
co_quan_ban_hanh: [SỞ THÔNG TIN, VÀ TRUYỀN THÔNG]
so: 21
ky_hieu: STTTT
trich_yeu: Kết quả thực hiện năm 2024
dia_danh: Đồng Tháp
ngay: 2024-12-20
kinh_gui: Ủy ban nhân dân tỉnh
noi_nhan: [Như trên]
nguoi_ky: {chuc_vu: GIÁM ĐỐC, ho_ten: Nguyễn Văn Hòa}
"""


def vn(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def amount(i: int) -> int:
    return 1_000_000 * i + 12_345 * (i % 7)


@pytest.fixture(scope="module")
def long_table(pdf_engine, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("bang")
    with open(tmp / "don-vi.csv", "w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["STT", "Đơn vị", "Số lượng", "Kinh phí (đồng)"])
        for i in range(1, 61):
            # Every third unit's name takes two lines: a split row would show it.
            name = f"Ủy ban nhân dân xã thuộc huyện Cao Lãnh, tỉnh Đồng Tháp, đơn vị số {i}" if i % 3 == 0 else f"Đơn vị số {i}"
            out.writerow([i, name, 10 + i, vn(amount(i))])
    source = tmp / "bao-cao.yaml"
    source.write_text("loai: bao_cao\n" + HEAD + """\
noi_dung:
  - Sở Thông tin và Truyền thông báo cáo kết quả thực hiện của các đơn vị như sau.
  - bang: {tieu_de: Bảng tổng hợp, tep: don-vi.csv, tong: [Kinh phí (đồng)]}
  - Kính báo cáo.
""", encoding="utf-8")
    cv = congvan.load(source)
    docx = congvan.write_docx(cv, tmp / "bao-cao.docx")
    assert pdf_engine.convert([(docx, tmp / "bao-cao.pdf")])[0].ok
    return cv, docx, pages(tmp / "bao-cao.pdf")


def test_sixty_rows_over_three_pages_with_the_header_on_each(long_table):
    _, _, doc = long_table
    assert len(doc) >= 3
    on_page = {}
    for number, page in enumerate(doc, 1):
        stt = [line for line in page.lines if line.text.isdigit() and line.x1 < LEFT + 60 and line.top > TOP]
        for line in stt:
            on_page.setdefault(int(line.text), []).append(number)
        if not stt:
            continue
        header = page.find("Kinh phí")
        # The header row sits above every row of the page: repeated, not only on page 1.
        assert header.bold and header.bottom < min(line.top for line in stt)
        assert page.find("STT").bottom < min(line.top for line in stt)
    assert sorted(on_page) == list(range(1, 61)) and all(len(p) == 1 for p in on_page.values())
    assert len({p[0] for p in on_page.values()}) >= 3
    for i, (number,) in on_page.items():
        text = " ".join(line.text for line in doc[number - 1].lines)
        # No row split: the end of its name and its amount on the row's page.
        assert f"đơn vị số {i}" in text.lower() and vn(amount(i)) in text


def test_numbers_right_aligned_and_total(long_table):
    _, _, doc = long_table
    amounts = [line for page in doc for line in page.lines if line.text in {vn(amount(i)) for i in range(1, 61)}]
    assert len(amounts) == 60
    assert max(a.x1 for a in amounts) - min(a.x1 for a in amounts) < 1
    last = doc[-1] if any(line.text.startswith("Tổng cộng") for line in doc[-1].lines) else doc[-2]
    total = last.find("Tổng cộng")
    row = [line for line in last.lines if abs(line.top - total.top) < 3 and line is not total]
    assert [line.text for line in row] == [vn(sum(amount(i) for i in range(1, 61)))]
    assert row[0].bold and abs(row[0].x1 - amounts[0].x1) < 1


def test_table_fills_the_text_width(long_table):
    _, _, doc = long_table
    page = doc[1]
    edges = [x for x0, x1, _ in page.rules for x in (x0, x1)]
    assert abs(min(edges) - LEFT) < 1.5 and abs(max(edges) - (LEFT + WIDTH)) < 1.5


def test_kind_check_passes_with_a_table(long_table):
    _, docx, _ = long_table
    assert [f for f in congvan.check_docx(docx).findings if f.severity == "error"] == []


def test_landscape_table_page_keeps_its_number(pdf_engine, tmp_path):
    header = ["STT"] + [f"Chỉ tiêu {i}" for i in range(1, 12)]
    rows = "\n".join(f"      - [{r}, " + ", ".join(vn(1000 * r * c) for c in range(1, 12)) + "]" for r in range(1, 6))
    source = tmp_path / "ngang.yaml"
    source.write_text(HEAD + f"""\
noi_dung:
  - Đoạn mở đầu của công văn.
  - bang:
      ngang: true
      cot: [{", ".join(header)}]
      dong:
{rows}
  - Đoạn kết của công văn.
""", encoding="utf-8")
    cv = congvan.load(source)
    docx = congvan.write_docx(cv, tmp_path / "ngang.docx")
    assert pdf_engine.convert([(docx, tmp_path / "ngang.pdf")])[0].ok
    doc = pages(tmp_path / "ngang.pdf")
    assert [p.width > p.height for p in doc] == [False, True, False]
    for number, page in enumerate(doc, 1):
        in_margin = [line for line in page.lines if line.bottom < TOP]
        if number == 1:
            assert in_margin == []  # Phần I, Mục I.7: no number on page 1
            continue
        assert [line.text for line in in_margin] == [str(number)]
        centre = (LEFT + page.width - DEFAULT_LAYOUT.le_trang.right * MM) / 2
        assert abs(in_margin[0].centre - centre) < 2
    wide = doc[1]
    edges = [x for x0, x1, _ in wide.rules for x in (x0, x1)]
    assert abs(max(edges) - (wide.width - DEFAULT_LAYOUT.le_trang.right * MM)) < 1.5
    assert wide.find("STT").bold and wide.find("55.000")


def test_table_errors_name_the_field(tmp_path):
    source = tmp_path / "sai.yaml"
    source.write_text(HEAD + "noi_dung:\n  - bang: {cot: [A, B], dong: [[1, 2, 3]]}\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        congvan.load(source)
    assert "trường 'noi_dung[0].bang'" in str(info.value) and "dòng 1 của bảng có 3 ô, nhiều hơn 2 cột" in str(info.value)
    source.write_text(HEAD + "noi_dung:\n  - bang: {tep: khong-co.csv}\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        congvan.load(source)
    assert "không tìm thấy tệp bảng" in str(info.value) and "khong-co.csv" in str(info.value)
    # The full form of an item, `loai: bang`, without its table is an input error too.
    source.write_text(HEAD + "noi_dung:\n  - {loai: bang, tieu_de: Bảng}\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        congvan.load(source)
    assert "trường 'noi_dung[0]'" in str(info.value) and "mục loại bang cần bảng" in str(info.value)
