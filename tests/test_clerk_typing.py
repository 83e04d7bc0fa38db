"""What văn thư type, word for word, as real dispatches are written, and what it prints.

Each case is a YAML file as a clerk writes it, read through `congvan.load` and
rendered; the expected lines are the decree's own forms (Phụ lục I; Mẫu 1.5).
"""

from __future__ import annotations

import io
import textwrap

import pytest
from docx import Document
from docx.oxml.ns import qn

import congvan

DISPATCH = """\
co_quan_chu_quan: BỘ GIÁO DỤC VÀ ĐÀO TẠO
co_quan_ban_hanh: CỤC HỢP TÁC QUỐC TẾ
so: 215
ky_hieu: HTQT-QLLHS
trich_yeu: {trich_yeu}
dia_danh: Hà Nội
ngay: 12/01/2021
kinh_gui: {kinh_gui}
noi_dung: |
  Cục Hợp tác quốc tế đề nghị Quý cơ quan phối hợp thực hiện.
noi_nhan:
  - Như trên
  - Cục trưởng (để b/c)
luu: {luu}
{extra}
nguoi_ky:
  quyen_han: KT. CỤC TRƯỞNG
  chuc_vu: PHÓ CỤC TRƯỞNG
  ho_ten: Nguyễn Văn A
"""


def typed(tmp_path, trich_yeu="hướng dẫn tuyển sinh", kinh_gui="Các sở giáo dục và đào tạo", luu="[VT, QLLHS]", extra=""):
    path = tmp_path / "cong-van.yaml"
    path.write_text(DISPATCH.format(trich_yeu=trich_yeu, kinh_gui=kinh_gui, luu=luu, extra=textwrap.dedent(extra)), encoding="utf-8")
    return congvan.load(path)


def lines(cv) -> list[str]:
    doc = Document(io.BytesIO(congvan.render_docx(cv)))
    return ["".join(t.text for t in p.iter(qn("w:t"))) for p in doc.element.iter(qn("w:p"))]


# -- Kính gửi (II.9d; Phụ lục I, Mục V: "Kính gửi: Bộ Nội vụ") ---------------------------------


@pytest.mark.parametrize("kinh_gui", ["Bộ Giáo dục và Đào tạo", "Bộ Giáo dục và Đào tạo.", "[Bộ Giáo dục và Đào tạo]", "'- Bộ Giáo dục và Đào tạo;'"])
def test_one_recipient_takes_no_full_stop(tmp_path, kinh_gui):
    printed = lines(typed(tmp_path, kinh_gui=kinh_gui))
    assert "Kính gửi: Bộ Giáo dục và Đào tạo" in printed
    assert not any(line.startswith("Kính gửi: Bộ Giáo dục và Đào tạo") and line.endswith((".", ";")) for line in printed)


def test_two_recipients_keep_the_list_punctuation(tmp_path):
    printed = lines(typed(tmp_path, kinh_gui="[Bộ Nội vụ, Bộ Tài chính]"))
    i = printed.index("Kính gửi:")
    assert printed[i + 1:i + 3] == ["- Bộ Nội vụ;", "- Bộ Tài chính."]


# -- Lưu (II.9d) ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("luu", "line"),
    [
        ("VT, QHQT (3)", "- Lưu: VT, QHQT (3)."),
        ("VT, QHQT (3).", "- Lưu: VT, QHQT (3)."),
        ("vt, QHQT", "- Lưu: VT, QHQT."),
        ("QHQT", "- Lưu: VT, QHQT."),
        ("[VT, QHQT (3)]", "- Lưu: VT, QHQT (3)."),
        ("['VT, QHQT', 'P.KHTC']", "- Lưu: VT, QHQT, P.KHTC."),
    ],
)
def test_a_one_line_luu_is_a_comma_list(tmp_path, luu, line):
    assert lines(typed(tmp_path, luu=luu))[-20:].count(line) == 1


# -- Trích yếu (II.5b) ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "trich_yeu",
    ["V/v hướng dẫn tuyển sinh", "'V/v: hướng dẫn tuyển sinh'", "v/v hướng dẫn tuyển sinh", "V/V hướng dẫn tuyển sinh",
     "'V / v : hướng dẫn tuyển sinh'", "Về việc hướng dẫn tuyển sinh", "'về việc: hướng dẫn tuyển sinh'",
     "VỀ VIỆC hướng dẫn tuyển sinh", "'Về: hướng dẫn tuyển sinh'", "'  V/v   hướng dẫn tuyển sinh'"],
)
def test_every_spelling_of_the_prefix_prints_the_decrees_v_v(tmp_path, trich_yeu):
    cv = typed(tmp_path, trich_yeu=trich_yeu)
    assert cv.trich_yeu == "hướng dẫn tuyển sinh"
    printed = lines(cv)
    assert "V/v hướng dẫn tuyển sinh" in printed
    assert sum("hướng dẫn tuyển sinh" in line for line in printed) == 1


def test_a_trich_yeu_that_starts_with_ve_but_no_prefix_is_kept(tmp_path):
    assert typed(tmp_path, trich_yeu="Về nguồn học bổng năm 2021").trich_yeu == "Về nguồn học bổng năm 2021"


def test_a_prefix_alone_is_an_empty_trich_yeu(tmp_path):
    with pytest.raises(congvan.InputError, match="trich_yeu.*không được để trống"):
        typed(tmp_path, trich_yeu="'V/v:'")


# -- ô 12: drafter's initials and copies issued (III.3; Phụ lục I, Mục V: "PL.(300)") ---------


@pytest.mark.parametrize(
    ("extra", "line"),
    [
        ("nguoi_soan: {so_ban: 25}", "- Lưu: VT, QLLHS. (25)."),
        ("nguoi_soan: {ky_hieu: '', so_ban: 25}", "- Lưu: VT, QLLHS. (25)."),
        ("nguoi_soan: {ky_hieu: pl, so_ban: 300}", "- Lưu: VT, QLLHS. PL.(300)."),
        ("nguoi_soan: {ky_hieu: PL., so_ban: 300}", "- Lưu: VT, QLLHS. PL.(300)."),
        ("nguoi_soan: {ky_hieu: PL}", "- Lưu: VT, QLLHS. PL."),
        ("nguoi_soan: {ky_hieu: ''}", "- Lưu: VT, QLLHS."),
        ("nguoi_soan: {}", "- Lưu: VT, QLLHS."),
    ],
)
def test_copies_with_or_without_initials(tmp_path, extra, line):
    assert line in lines(typed(tmp_path, extra=extra))


@pytest.mark.parametrize(
    ("luu", "noi_nhan_extra"),
    [
        ("'Lưu: VT, QHQT (3)'", ""),
        ("'- Lưu: VT, QHQT (3).'", ""),
        ("[Lưu: VT, QHQT (3)]", ""),
    ],
)
def test_luu_typed_with_its_label_is_not_doubled(tmp_path, luu, noi_nhan_extra):
    printed = lines(typed(tmp_path, luu=luu))
    assert printed.count("- Lưu: VT, QHQT (3).") == 1
    assert not any(line.count("Lưu") > 1 for line in printed)


def test_the_luu_line_typed_as_the_last_recipient_is_the_luu_line(tmp_path):
    path = tmp_path / "cong-van.yaml"
    text = DISPATCH.format(trich_yeu="hướng dẫn", kinh_gui="Các sở", luu="[]", extra="")
    path.write_text(text.replace("luu: []\n", "").replace("  - Cục trưởng (để b/c)\n", "  - Cục trưởng (để b/c)\n  - Lưu: VT, QLLHS (2).\n"), encoding="utf-8")
    cv = congvan.load(path)
    assert cv.noi_nhan == ["Như trên", "Cục trưởng (để b/c)"] and cv.luu == ["VT", "QLLHS (2)"]
    printed = lines(cv)
    assert printed.count("- Lưu: VT, QLLHS (2).") == 1 and sum(line.startswith("- Lưu") for line in printed) == 1


def test_a_luu_line_in_noi_nhan_beside_a_luu_field_is_read_not_refused(tmp_path):
    path = tmp_path / "cong-van.yaml"
    text = DISPATCH.format(trich_yeu="hướng dẫn", kinh_gui="Các sở", luu="VT, QLLHS", extra="")
    path.write_text(text.replace("  - Cục trưởng (để b/c)\n", "  - Cục trưởng (để b/c)\n  - Lưu: VT.\n"), encoding="utf-8")
    assert congvan.load(path).luu == ["VT", "QLLHS"]
