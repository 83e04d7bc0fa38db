"""Kinds of document as data (congvan.kinds): the model reads their rules, the writer
their components, check their titles; each kind's example is read back from its PDF."""

from __future__ import annotations

import hashlib
import re

import pytest

import congvan
from congvan import kinds, nd30
from congvan.errors import InputError
from congvan.layout import DEFAULT_LAYOUT
from tests.conftest import EXAMPLES, KIND_EXAMPLES, ROOT
from tests.pdf_layout import MM, pages

# SHA-256 of the DOCX of the công văn examples as rendered before kinds existed
# (commit e592150), then as the typesetting layer composes their lines (the one
# change since meant to alter the công văn's layout): the default kind must not
# change a byte. Update only with a change meant to alter the công văn's layout.
# (Updated once for the examples' text spelt as the decree, khóa, Ủy ban: the old text
# still renders to the old hashes.)
BEFORE_KINDS = {
    "bau-cu-2021": "fb35faaae2c00625e0e7afbcd275317ea77eacfab80440b1e0d1302d9ecb9864",
    "covid-19-sau-15-9-2021": "5292841432bd403165bb6732a524ae42e57671fb323c3877b57ab489bca96f74",
}
LEFT = DEFAULT_LAYOUT.le_trang.left * MM
WIDTH = DEFAULT_LAYOUT.text_width_mm * MM
CENTRE = LEFT + WIDTH / 2
INDENT = DEFAULT_LAYOUT.thut_dau_dong_cm * 10 * MM


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_cong_van_bytes_unchanged_by_kinds(example, tmp_path):
    data = congvan.render_docx(congvan.load(example))
    assert hashlib.sha256(data).hexdigest() == BEFORE_KINDS[example.stem]
    explicit = tmp_path / example.name
    explicit.write_text("loai: cong_van\n" + example.read_text(encoding="utf-8"), encoding="utf-8")
    assert congvan.render_docx(congvan.load(explicit)) == data


def test_type_codes_are_the_table_of_phu_luc_III():
    # Phụ lục III, Mục I: the abbreviations keep their own case.
    codes = {k.ten: k.ma for k in kinds.KINDS.values()}
    assert codes["Quyết định (cá biệt)"] == "QĐ" and codes["Nghị quyết (cá biệt)"] == "NQ"
    assert codes["Quy định"] == "QyĐ" and codes["Chương trình"] == "CTr" and codes["Tờ trình"] == "TTr"
    assert codes["Kế hoạch"] == "KH" and codes["Thông báo"] == "TB" and codes["Báo cáo"] == "BC"
    assert codes["Công văn"] is None
    assert len({k.ma for k in kinds.KINDS.values() if k.ma}) == len([k for k in kinds.KINDS.values() if k.ma])
    listed = "chỉ thị, quy chế, quy định, thông cáo, thông báo, hướng dẫn, chương trình, kế hoạch, phương án, đề án, dự án, báo cáo, tờ trình, giấy ủy quyền, phiếu gửi, phiếu chuyển, phiếu báo"
    assert sorted(k.ten.lower() for k in kinds.KINDS.values() if k.mau == "1.4") == sorted(listed.split(", "))
    assert kinds.by_title("Kế  hoạch").loai == "ke_hoach" and kinds.by_title("CÔNG VĂN") is None
    assert kinds.by_code("TTR").loai == "to_trinh"


def _write(tmp_path, text: str):
    path = tmp_path / "vb.yaml"
    path.write_text(text, encoding="utf-8")
    return path


BASE = """\
co_quan_ban_hanh: ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP
so: 12
ky_hieu: UBND
trich_yeu: tổ chức hội nghị
dia_danh: Đồng Tháp
ngay: 2024-01-08
nguoi_ky: {chuc_vu: CHỦ TỊCH, ho_ten: Nguyễn Văn A}
"""


def _error(tmp_path, text: str) -> str:
    with pytest.raises(InputError) as info:
        congvan.load(_write(tmp_path, text))
    return str(info.value)


def test_ky_hieu_takes_the_type_code(tmp_path):
    cv = congvan.load(_write(tmp_path, "loai: ke_hoach\nnoi_dung: Nội dung.\n" + BASE))
    assert cv.so_ky_hieu == "12/KH-UBND"
    assert cv.trich_yeu == "Tổ chức hội nghị"  # a sentence under the title (II.5b)
    typed = congvan.load(_write(tmp_path, "loai: to_trinh\nkinh_gui: Ủy ban nhân dân tỉnh\nnoi_dung: Nội dung.\n" + BASE.replace("ky_hieu: UBND", "ky_hieu: ttr-ubnd")))
    assert typed.so_ky_hieu == "12/TTr-UBND"


def test_kind_rules_are_errors_naming_the_field(tmp_path):
    assert "dòng 1, trường 'loai': không có loại văn bản 'ke_hoah'; có phải 'ke_hoach'?" in _error(tmp_path, "loai: ke_hoah\nnoi_dung: x\n" + BASE)
    assert "trường 'kinh_gui': Kế hoạch không có Kính gửi (Phụ lục III, Mẫu 1.4)" in _error(tmp_path, "loai: ke_hoach\nkinh_gui: Sở Tài chính\nnoi_dung: x\n" + BASE)
    assert "trường 'kinh_gui': thiếu trường bắt buộc" in _error(tmp_path, "loai: to_trinh\nnoi_dung: x\n" + BASE)
    message = _error(tmp_path, "loai: quyet_dinh\n" + BASE)
    assert "trường 'tham_quyen': thiếu trường bắt buộc" in message and "trường 'dieu': thiếu trường bắt buộc" in message
    assert "trường 'noi_dung': Quyết định (cá biệt) không có nội dung" in _error(tmp_path, "loai: quyet_dinh\ntham_quyen: CHỦ TỊCH\ndieu: [a]\nnoi_dung: x\n" + BASE)
    assert "trường 'dieu': Công văn không có các điều" in _error(tmp_path, "kinh_gui: Sở\nnoi_dung: x\ndieu: [a]\n" + BASE)


def test_quyet_dinh_trich_yeu_and_noi_nhan(tmp_path):
    cv = congvan.load(_write(tmp_path, "loai: quyet_dinh\ntham_quyen: chủ tịch ủy ban nhân dân tỉnh\ndieu: [Một., Hai., Ba.]\nnoi_nhan: [Bộ Nội vụ]\n" + BASE))
    assert cv.trich_yeu == "Về việc tổ chức hội nghị"  # Mẫu 1.2
    assert cv.tham_quyen == "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH"
    assert cv.noi_nhan == ["Như Điều 3", "Bộ Nội vụ"]
    assert cv.document_title == "QUYẾT ĐỊNH Về việc tổ chức hội nghị"
    own = congvan.load(_write(tmp_path, "loai: quyet_dinh\ntham_quyen: CHỦ TỊCH\ntrich_yeu: Ban hành Quy chế\ndieu: [a]\nnoi_nhan: [Như Điều 1]\n" + BASE.replace("trich_yeu: tổ chức hội nghị\n", "")))
    assert own.trich_yeu == "Ban hành Quy chế" and own.noi_nhan == ["Như Điều 1"]


@pytest.fixture(scope="module")
def kind_pdfs(pdf_engine, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("kinds")
    cvs = {stem: congvan.load(path) for stem, path in KIND_EXAMPLES.items()}
    pairs = [(congvan.write_docx(cv, tmp / f"{stem}.docx"), tmp / f"{stem}.pdf") for stem, cv in cvs.items()]
    results = pdf_engine.convert(pairs)
    assert [r.error for r in results] == [None] * len(pairs)
    return {stem: (cvs[stem], tmp / f"{stem}.docx", tmp / f"{stem}.pdf") for stem in cvs}


@pytest.mark.parametrize("stem", sorted(KIND_EXAMPLES))
def test_kind_example_passes_check(kind_pdfs, stem):
    _, docx, _ = kind_pdfs[stem]
    report = congvan.check_docx(docx)
    assert [f for f in report.findings if f.severity == "error"] == []


def _title_block(page, cv):
    """The tên loại and its trích yếu: centred under the header, bold, with the rule."""
    above = page.find(cv.dia_danh) if cv.kind.dated else page.find("Số:")
    title = page.find(cv.kind.ten_loai)
    assert title.top > above.bottom + 10
    assert abs(title.centre - CENTRE) < 1.5 and title.bold and title.size == 14
    lines = [line for line in page.lines if title.bottom <= line.top < title.bottom + 60 and line.bold and line.text != line.text.upper()]
    assert " ".join(line.text for line in lines) == (cv.trich_yeu or "")
    for line in lines:
        assert abs(line.centre - CENTRE) < 1.5 and line.size == 14 and line.x1 - line.x0 < WIDTH * 0.85
    last = lines[-1] if lines else title
    x0, x1, y = page.rule_under(last)
    # II.5b: 1/3 to 1/2 of the line of text, centred under it.
    longest = max(line.x1 - line.x0 for line in lines or [title])
    assert nd30.AGENCY_RULE_RATIO.lo <= (x1 - x0) / longest <= nd30.AGENCY_RULE_RATIO.hi
    assert abs((x0 + x1) / 2 - CENTRE) < 1.5 and y > last.bottom - 1
    return title, lines, y


def _signature(page, cv):
    noi_nhan = page.find("Nơi nhận:")
    assert noi_nhan.bold and noi_nhan.italic and noi_nhan.x0 < LEFT + 2
    entries = [line for line in page.lines if line.text.startswith("- ") and line.top > noi_nhan.top and line.x1 < CENTRE]
    assert entries[-1].text.startswith("- Lưu: VT") and entries[-1].text.endswith(".")
    titles = [page.find(t) for t in cv.nguoi_ky.title_lines]
    name = page.find(cv.nguoi_ky.ho_ten)
    if cv.kind.two_signers:
        # Mẫu 1.9: the thư ký on the left half, the chủ tọa on the right, Nơi nhận below.
        clerk, clerk_name = page.find(cv.thu_ky.title_lines[0]), page.find(cv.thu_ky.ho_ten)
        assert clerk.x1 < CENTRE < titles[0].x0 and abs(clerk.top - titles[0].top) < 1
        assert abs(clerk_name.top - name.top) < 1 and clerk_name.x1 < CENTRE < name.x0
        assert noi_nhan.top > name.bottom
        return entries
    right = LEFT + WIDTH * DEFAULT_LAYOUT.ti_le_cot_noi_nhan
    for line in (*titles, name):
        assert line.bold and line.x0 > right - 1
    assert abs(titles[0].top - noi_nhan.top) < 3 and name.top > titles[-1].bottom + 40
    return entries


def test_quyet_dinh_layout_from_pdf(kind_pdfs):
    cv, _, pdf = kind_pdfs["quyet-dinh-thanh-lap-to-cong-tac"]
    page = pages(pdf)[0]
    assert page.find("Số:").text.startswith("Số: 125/QĐ-STTTT")
    title, lines, rule_y = _title_block(page, cv)
    assert lines[0].text.startswith("Về việc ")
    authority = page.find(cv.tham_quyen)
    assert authority.top > rule_y and authority.bold and abs(authority.centre - CENTRE) < 1.5
    # II.6a: căn cứ in italic, one a line, ";" after each, "." after the last.
    decide = page.find("QUYẾT ĐỊNH:")
    can_cu = [line for line in page.lines if authority.bottom < line.top < decide.top]
    assert all(line.italic and line.size == 14 for line in can_cu)
    starts = [line for line in can_cu if abs(line.x0 - (LEFT + INDENT)) < 1.5]
    assert [s.text.split()[0] for s in starts] == ["Căn", "Căn", "Theo"]
    ends = [can_cu[can_cu.index(s) - 1].text for s in starts[1:]] + [can_cu[-1].text]
    assert [e[-1] for e in ends] == [";", ";", "."]
    assert decide.bold and abs(decide.centre - CENTRE) < 1.5 and decide.top > can_cu[-1].bottom
    articles = [line for line in page.lines if re.match(r"Điều \d+\.", line.text)]
    assert [a.text.split(".")[0] for a in articles] == ["Điều 1", "Điều 2", "Điều 3"]
    for article in articles:  # II.6đ: indented like a paragraph, "Điều n." bold
        assert abs(article.x0 - (LEFT + INDENT)) < 1.5 and article.top > decide.top
    assert page.find("Điều 2.").bold  # with its title, the whole line is bold
    body_end = [line for line in page.lines if line.bottom < page.find("Nơi nhận:").top][-1]
    assert body_end.text.endswith("./.")
    entries = _signature(page, cv)
    assert entries[0].text == "- Như Điều 3;"
    assert page.find("KT. GIÁM ĐỐC")


@pytest.mark.parametrize("stem", sorted(KIND_EXAMPLES))
def test_kind_layout_from_pdf(kind_pdfs, stem):
    """Every kind's example, page 1: Số with the type code and no V/v, the title block,
    Kính gửi where the kind has it, the body's closing mark, Nơi nhận beside the signer."""
    cv, _, pdf = kind_pdfs[stem]
    page = pages(pdf)[0]
    assert page.find("Số:").text.startswith(f"Số: {cv.so:02d}/{cv.kind.ma}-")
    assert not [line for line in page.lines if line.text.startswith("V/v")]
    _, lines, rule_y = _title_block(page, cv)
    below = [line for line in page.lines if line.top > rule_y]
    if cv.kinh_gui and cv.kind.loai != "cong_dien":
        assert below[0].text.startswith("Kính gửi:")
    end_above = page.find(cv.nguoi_ky.title_lines[0]) if cv.kind.two_signers else page.find("Nơi nhận:")
    body_end = [line for line in page.lines if line.bottom < end_above.top][-1]
    assert body_end.text.endswith(cv.kind.closing)
    entries = _signature(page, cv)
    if cv.kind.noi_nhan_dau == "Như trên":
        assert entries[0].text == "- Như trên;"


def test_long_trich_yeu_in_short_lines(kind_pdfs):
    cv, _, pdf = kind_pdfs["ke-hoach-hoi-nghi"]
    _, lines, rule_y = _title_block(pages(pdf)[0], cv)
    assert len(lines) == 2
    assert pages(pdf)[0].find("I. MỤC ĐÍCH").top > rule_y + 6


@pytest.mark.parametrize("stem", sorted(KIND_EXAMPLES))
def test_kind_output_is_deterministic(stem):
    assert congvan.render_docx(congvan.load(KIND_EXAMPLES[stem])) == congvan.render_docx(congvan.load(KIND_EXAMPLES[stem]))


def test_forms_from_pdf(kind_pdfs):
    """Giấy mời, Giấy giới thiệu, Giấy nghỉ phép: the lines of Mẫu 1.7, 1.8, 1.10 in order,
    filled from the data, each a body paragraph indented as II.6e."""
    cv, _, pdf = kind_pdfs["giay-moi-hop"]
    text = [line.text for line in pages(pdf)[0].lines]
    starts = ["Sở Thông tin và Truyền thông trân trọng kính mời: Lãnh đạo", "Tới dự cuộc họp", "Chủ trì: Ông Nguyễn Văn Hòa",
              "Thời gian: 08 giờ 00", "Địa điểm: Phòng họp tầng 3", "Các đơn vị chuẩn bị"]
    found = [next(i for i, t in enumerate(text) if t.startswith(s)) for s in starts]
    assert found == sorted(found)
    for start in starts:
        assert abs(pages(pdf)[0].find(start).x0 - (LEFT + INDENT)) < 1.5
    cv, _, pdf = kind_pdfs["giay-gioi-thieu"]
    page = pages(pdf)[0]
    assert page.find("Ông (bà): Lê Văn Cường") and page.find("Được cử đến: Cục Bưu điện Trung ương")
    assert page.find("Giấy này có giá trị đến hết ngày 31 tháng 3 năm 2024./.")
    cv, _, pdf = kind_pdfs["giay-nghi-phep"]
    joined = " ".join(line.text for line in pages(pdf)[0].lines)
    assert "Xét Đơn đề nghị nghỉ phép ngày 18 tháng 4 năm 2024 của ông (bà) Phạm Thị Dung, Sở Thông tin và Truyền thông cấp cho:" in joined
    assert "trong thời gian 5 ngày, kể từ ngày 06 tháng 5 năm 2024 đến hết ngày 10 tháng 5 năm 2024 tại" in joined
    assert joined.count("./.") == 1


def test_cong_dien_and_bien_ban_from_pdf(kind_pdfs):
    cv, _, pdf = kind_pdfs["cong-dien-phong-chong-bao"]
    page = pages(pdf)[0]
    sender = page.find("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH điện:")
    recipients = [line for line in page.lines if line.top > sender.top and line.text.startswith("- ") and line.x0 > LEFT + INDENT - 2][:2]
    assert [r.text[-1] for r in recipients] == [";", "."]
    cv, _, pdf = kind_pdfs["bien-ban-hop"]
    page = pages(pdf)[0]
    assert not [line for line in page.lines if ", ngày" in line.text and line.top < page.find("BIÊN BẢN").top]  # Mẫu 1.9: no date line
    assert page.find("Chủ trì (chủ tọa): Nguyễn Văn Hòa") and page.find("Thư ký (người ghi biên bản): Phạm Thị Dung")


def test_form_kind_rules(tmp_path):
    message = _error(tmp_path, "loai: giay_moi\n" + BASE)
    assert "trường 'ten_co_quan': thiếu trường bắt buộc" in message and "trường 'moi': thiếu trường bắt buộc" in message
    assert "trường 'trich_yeu': Giấy giới thiệu không có trích yếu" in _error(tmp_path, "loai: giay_gioi_thieu\nten_co_quan: Sở\n" + BASE)
    bad = "loai: giay_nghi_phep\nten_co_quan: Sở\nnghi_phep: {ho_ten: A, ngay_don: 2024-01-02, so_ngay: 2, tu_ngay: 2024-01-10, den_ngay: 2024-01-05, noi_nghi: X, tinh_vao: Y}\n"
    assert "ngày cuối được nghỉ (den_ngay) trước ngày bắt đầu (tu_ngay)" in _error(tmp_path, bad + BASE.replace("trich_yeu: tổ chức hội nghị\n", ""))


def test_copy_block_from_pdf(kind_pdfs):
    """Mẫu 3.1: under the copied document, a full-width rule, the copying agency and
    'Số: 05/SY-…' on the left, 'SAO Y' bold and the copy's date on the right, then the
    copy's own Nơi nhận and signer."""
    cv, _, pdf = kind_pdfs["ban-sao-quyet-dinh"]
    page = pages(pdf)[-1]
    original = page.find(cv.nguoi_ky.ho_ten)
    form = page.find("SAO Y")
    assert form.bold and form.top > original.bottom and form.x0 > CENTRE - 40
    rules = [r for r in page.rules if original.bottom < r[2] < form.top]
    assert any(abs(r[0] - LEFT) < 1.5 and abs(r[1] - (LEFT + WIDTH)) < 1.5 for r in rules)
    number = page.find("Số: 05/SY-STTTT")
    assert number.x1 < CENTRE and number.top > form.top
    assert page.find("Đồng Tháp, ngày 05 tháng 3 năm 2024").italic
    second = [line for line in page.lines if line.text == "Nơi nhận:"][-1]
    assert second.top > number.bottom and page.find("TL. GIÁM ĐỐC").top > number.bottom
    assert page.find("Trần Thị Bình").bold
