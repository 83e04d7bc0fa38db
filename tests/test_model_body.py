"""The document model and the body: numbering, padding, punctuation, signer chain."""

from __future__ import annotations

import io

import pytest
from docx import Document
from docx.oxml.ns import qn
from hypothesis import given
from hypothesis import strategies as st

import congvan
from congvan.body import close_body, diem_letter, flatten, plain, roman, spans, style_of_line
from congvan.docx.writer import punctuate
from tests.conftest import ROOT
from tests.docx_text import element_text

BASE = dict(
    co_quan_ban_hanh=["SỞ THÔNG TIN", "VÀ TRUYỀN THÔNG"],
    ky_hieu="STTTT-VP",
    trich_yeu="họp giao ban",
    dia_danh="Đồng Tháp",
    ngay="2021-03-15",
    kinh_gui=["Các phòng thuộc Sở"],
    noi_dung="Nội dung.",
    noi_nhan=["Như trên"],
    nguoi_ky={"chuc_vu": "GIÁM ĐỐC", "ho_ten": "Nguyễn Văn A"},
)


def make(**changes) -> congvan.CongVan:
    return congvan.CongVan(**{**BASE, **changes})


def texts(cv: congvan.CongVan, part: str = "document") -> list[str]:
    doc = Document(io.BytesIO(congvan.render_docx(cv)))
    root = doc.element if part == "document" else doc.sections[0].first_page_footer._element
    return [element_text(p) for p in root.iter(qn("w:p"))]


# -- numbers and dates (Phụ lục I, II.3 and II.4) ---------------------------------------


@pytest.mark.parametrize(("so", "shown"), [(5, "05"), (9, "09"), (10, "10"), (123, "123")])
def test_so_below_ten_has_leading_zero(so, shown):
    assert f"Số: {shown}/STTTT-VP" in texts(make(so=so))


def test_draft_leaves_number_blank():
    line = next(t for t in texts(make(so=None)) if t.startswith("Số:"))
    assert line.startswith("Số:") and line.endswith("/STTTT-VP")
    assert line[3:-len("/STTTT-VP")].strip() == "" and len(line[3:-len("/STTTT-VP")]) >= 5


@pytest.mark.parametrize(
    ("ngay", "shown"),
    [
        ("2021-03-05", "ngày 05 tháng 3 năm 2021"),
        ("2021-02-15", "ngày 15 tháng 02 năm 2021"),
        ("2021-01-09", "ngày 09 tháng 01 năm 2021"),
        ("2021-12-31", "ngày 31 tháng 12 năm 2021"),
        ("05/03/2021", "ngày 05 tháng 3 năm 2021"),
        ({"thang": 3, "nam": 2021}, "tháng 3 năm 2021"),
    ],
)
def test_date_padding(ngay, shown):
    line = next(t for t in texts(make(ngay=ngay)) if t.startswith("Đồng Tháp, "))
    assert line.endswith(shown)


def test_partial_date_leaves_blanks():
    line = next(t for t in texts(make(ngay={"thang": 3, "nam": 2021})) if t.startswith("Đồng Tháp, "))
    assert line.startswith("Đồng Tháp, ngày ") and "  " in line.split("tháng")[0]


def test_impossible_date_is_refused():
    with pytest.raises(congvan.InputError, match="không tồn tại"):
        make(ngay="2023-02-29")


# -- Kính gửi, Nơi nhận ----------------------------------------------------------------


def test_single_recipient_is_inline():
    assert "Kính gửi: Các phòng thuộc Sở" in texts(make())


def test_several_recipients_form_a_dash_list():
    body = texts(make(kinh_gui=["Phòng A", "Phòng B;", "- Phòng C."]))
    i = body.index("Kính gửi:")
    assert body[i + 1:i + 4] == ["- Phòng A;", "- Phòng B;", "- Phòng C."]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        (["A", "B"], ["A;", "B."]),
        (["A;", "B."], ["A;", "B."]),
        (["- A;", "-B", "C ."], ["A;", "B;", "C."]),
        (["A", "", " ; "], ["A."]),
    ],
)
def test_punctuation_is_added_never_doubled(typed, expected):
    assert punctuate(typed) == expected


def test_luu_starts_with_vt_and_drafter_mark():
    cv = make(luu=["VP"], nguoi_soan={"ky_hieu": "tđt", "so_ban": 10})
    # Mẫu 1.5: "- Lưu: VT, …(8). …(9)." — unit and copies kept, then drafter and copies
    # issued, written as the decree's example "PL.(300)".
    assert "- Lưu: VT, VP. TĐT.(10)." in texts(cv)
    assert "- Lưu: VT, VP. TĐT." in texts(make(luu=["VP"], nguoi_soan={"ky_hieu": "tđt"}))


# -- signer (II.7) --------------------------------------------------------------------------


def test_authority_chain_of_any_depth():
    cv = make(nguoi_ky={"quyen_han": ["TL. Chủ tịch", "KT. CHÁNH VĂN PHÒNG"], "chuc_vu": "Phó Chánh Văn phòng", "ho_ten": "Trần B"})
    assert cv.nguoi_ky.title_lines == ["TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"]
    body = texts(cv)
    i = body.index("TL. CHỦ TỊCH")
    assert body[i + 1:i + 3] == ["KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"]


def test_signer_without_prefix():
    assert make().nguoi_ky.title_lines == ["GIÁM ĐỐC"]


def test_signer_needs_a_title():
    with pytest.raises(congvan.InputError, match="chức vụ hoặc quyền hạn"):
        make(nguoi_ky={"ho_ten": "Nguyễn Văn A"})


# -- marks and footer (Phụ lục I, III) ----------------------------------------------------------


def test_marks_and_footer():
    cv = make(muc_do_khan="hỏa tốc", do_mat="mật", pham_vi_luu_hanh="Xem xong trả lại",
              lien_he={"dia_chi": "Số 12, đường 30/4", "email": "a@b.vn"})
    body = texts(cv)
    assert "HỎA TỐC" in body and "MẬT" in body and "XEM XONG TRẢ LẠI" in body
    assert body.index("MẬT") < body.index("HỎA TỐC")  # III.2a: độ mật above mức độ khẩn
    assert texts(cv, "footer") == ["Địa chỉ: Số 12, đường 30/4; Email: a@b.vn"]


def test_trich_yeu_prefix_not_doubled():
    assert make(trich_yeu="V/v họp giao ban").trich_yeu == "họp giao ban"


# -- body: numbering (II.6đ), markup, closing mark ------------------------------------------


def test_diem_letters_follow_vietnamese_order():
    assert [diem_letter(i) for i in range(1, 8)] == ["a", "b", "c", "d", "đ", "e", "g"]
    with pytest.raises(ValueError):
        diem_letter(24)


@pytest.mark.parametrize(("n", "r"), [(1, "I"), (4, "IV"), (9, "IX"), (14, "XIV"), (40, "XL")])
def test_roman(n, r):
    assert roman(n) == r


def test_outline_is_numbered():
    cv = make(noi_dung=[
        "Mở đầu.",
        {"muc": "Công tác chung", "noi_dung": [
            {"khoan": "Khoản có mục con", "noi_dung": [{"diem": "điểm một"}, {"diem": "điểm hai", "noi_dung": [{"gach": "gạch"}]}]},
            {"khoan": "Khoản thứ hai"},
        ]},
        {"muc": "Tổ chức thực hiện"},
    ])
    paragraphs = flatten(cv.noi_dung)
    assert [(p.style, plain(p.text)) for p in paragraphs] == [
        ("noi_dung", "Mở đầu."),
        ("muc", "I. CÔNG TÁC CHUNG"),
        ("khoan", "1. Khoản có mục con"),
        ("diem", "a) điểm một"),
        ("diem", "b) điểm hai"),
        ("noi_dung", "- gạch"),
        ("khoan", "2. Khoản thứ hai"),
        ("muc", "II. TỔ CHỨC THỰC HIỆN./."),
    ]
    assert paragraphs[2].bold and not paragraphs[6].bold


@given(st.integers(min_value=1, max_value=12), st.integers(min_value=0, max_value=12))
def test_inserting_an_item_renumbers(n, at):
    at = min(at, n)
    items = [{"khoan": f"việc {i}"} for i in range(n)]
    items.insert(at, {"khoan": "việc mới"})
    numbers = [p.text.split(".")[0] for p in flatten(make(noi_dung=items).noi_dung)]
    assert numbers == [str(i) for i in range(1, n + 2)]


@pytest.mark.parametrize(
    ("line", "style"),
    [("I. CHUNG", "muc"), ("1. Việc", "khoan"), ("2.1. Việc", "khoan"), ("a) việc", "diem"), ("đ) việc", "diem"),
     ("- việc", "noi_dung"), ("Phần II", "phan"), ("Thực hiện Công văn số 1.", "noi_dung")],
)
def test_free_text_numbering_kept_and_styled(line, style):
    assert style_of_line(line) == style
    assert flatten(f"Mở đầu.\n{line}\nKết.")[1].text == line


@pytest.mark.parametrize(
    ("text", "closed"),
    [("Đề nghị thực hiện", "Đề nghị thực hiện./."), ("Đề nghị thực hiện.", "Đề nghị thực hiện./."),
     ("Đề nghị thực hiện./.", "Đề nghị thực hiện./."), ("Đề nghị./.  ", "Đề nghị./.")],
)
def test_closing_mark_added_never_doubled(text, closed):
    assert close_body(text) == closed


def test_inline_markup():
    assert [(s.text, s.bold, s.italic) for s in spans(r"a **b** *c* ***d*** \* e")] == [
        ("a ", False, False), ("b", True, False), (" ", False, False), ("c", False, True),
        (" ", False, False), ("d", True, True), (" * e", False, False),
    ]


def test_text_is_nfc():
    decomposed = "Đồng Tha\u0301p"
    cv = make(dia_danh=decomposed, kinh_gui=[decomposed], nguoi_ky={"chuc_vu": "GĐ", "ho_ten": decomposed})
    assert cv.dia_danh == cv.kinh_gui[0] == cv.nguoi_ky.ho_ten == "Đồng Th\u00e1p"


def test_control_characters_refused_from_python_too():
    with pytest.raises(congvan.InputError, match="U\\+0007"):
        make(trich_yeu="họp\x07")


def test_yaml_numbers_keep_their_text(tmp_path):
    source = tmp_path / "cv.yaml"
    text = (ROOT / "examples" / "bau-cu-2021.yaml").read_text(encoding="utf-8")
    source.write_text(text + "lien_he: {dien_thoai: 0277.3873996, fax: 0913116465}\n", encoding="utf-8")
    cv = congvan.load(source)
    assert (cv.lien_he.dien_thoai, cv.lien_he.fax) == ("0277.3873996", "0913116465")
