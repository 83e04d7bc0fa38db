"""Broken inputs: each gives a clear Vietnamese error naming file, line and field,
a non-zero exit code, and no output file."""

from __future__ import annotations

import pytest

from congvan.cli import main
from tests.conftest import ROOT

GOOD = (ROOT / "examples" / "bau-cu-2021.yaml").read_text(encoding="utf-8")


def edited(old: str, new: str) -> str:
    assert old in GOOD, old
    return GOOD.replace(old, new, 1)


def line_of(text: str, fragment: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if fragment in line)


# name, file content (str or bytes), expected fragments of the message, line (or None)
CASES = [
    ("cu-phap.yaml", "trich_yeu: [abc\n", ["lỗi cú pháp YAML"], 2),
    ("rong.yaml", "", ["tệp rỗng"], None),
    ("chi-khoang-trang.yaml", "  \n\n", ["tệp rỗng"], None),
    ("nhi-phan.yaml", b"\x00\x01\x02PK\x03\x04", ["tệp nhị phân"], None),
    ("latin1.yaml", "trich_yeu: báo cáo\n".encode("latin-1"), ["không phải văn bản UTF-8"], 1),
    ("khoa-la.yaml", edited("trich_yeu: >-", "tri_yeu: >-"), ["trường 'tri_yeu'", "có phải 'trich_yeu'?"], line_of(GOOD, "trich_yeu: >-")),
    ("thieu-trich-yeu.yaml", edited("trich_yeu: >-", "# trich_yeu: >-").replace("\n  bảo đảm thông tin liên lạc trong suốt", "\n#").replace("\n  Quốc hội khóa XV và", "\n#"), ["trường 'trich_yeu'", "thiếu trường bắt buộc"], None),
    ("ngay-30-2.yaml", edited("ngay: {thang: 3, nam: 2021}", "ngay: 2021-02-30"), ["trường 'ngay'", "30/02/2021 không tồn tại"], line_of(GOOD, "ngay: {")),
    ("ngay-31-4.yaml", edited("ngay: {thang: 3, nam: 2021}", 'ngay: "31/04/2021"'), ["trường 'ngay'", "31/04/2021 không tồn tại"], line_of(GOOD, "ngay: {")),
    ("thang-13.yaml", edited("ngay: {thang: 3, nam: 2021}", "ngay: {thang: 13, nam: 2021}"), ["trường 'ngay"], line_of(GOOD, "ngay: {")),
    ("khong-ten.yaml", edited("  ho_ten: Nguyễn Lâm Thanh Thủy", '  ho_ten: ""'), ["trường 'nguoi_ky.ho_ten'", "không được để trống"], line_of(GOOD, "ho_ten:")),
    ("thieu-nguoi-ky.yaml", GOOD.split("nguoi_ky:")[0], ["trường 'nguoi_ky'", "thiếu trường bắt buộc"], None),
    ("so-chu.yaml", edited("so:  ", "so: năm  "), ["trường 'so'", "phải là số nguyên"], line_of(GOOD, "so:  ")),
    ("so-am.yaml", edited("so:  ", "so: -3  "), ["trường 'so'", "lớn hơn hoặc bằng 1"], line_of(GOOD, "so:  ")),
    ("kinh-gui-nhom-khoa.yaml", edited("kinh_gui:\n  - Viễn thông Đồng Tháp", "kinh_gui: {ten: Sở}\nkhac:\n  - Viễn thông Đồng Tháp"), ["trường 'kinh_gui'", "phải là danh sách"], line_of(GOOD, "kinh_gui:")),
    ("dien-thoai-kieu-sai.json", '{"lien_he": {"dien_thoai": 277.3873996}}', ["trường 'lien_he.dien_thoai'", "phải là chuỗi"], 1),
    ("khan-sai.yaml", edited("dia_danh: Đồng Tháp", "dia_danh: Đồng Tháp\nmuc_do_khan: GẤP"), ["trường 'muc_do_khan'", "'HỎA TỐC'", "không phải 'GẤP'"], line_of(GOOD, "dia_danh:") + 1),
    ("quyen-han-sai.yaml", edited("quyen_han: KT. GIÁM ĐỐC", "quyen_han: XY. GIÁM ĐỐC"), ["trường 'nguoi_ky.quyen_han'", "KT.", "II.7b"], line_of(GOOD, "quyen_han:")),
    ("hoc-vi.yaml", edited("ho_ten: Nguyễn Lâm Thanh Thủy", "ho_ten: TS. Nguyễn Lâm Thanh Thủy"), ["trường 'nguoi_ky.ho_ten'", "học hàm, học vị"], line_of(GOOD, "ho_ten:")),
    ("ky-hieu-rong.yaml", edited("ky_hieu: STTTT-BCVT", 'ky_hieu: ""'), ["trường 'ky_hieu'"], line_of(GOOD, "ky_hieu:")),
    ("khoa-lap.yaml", "trich_yeu: abc\ntrich_yeu: def\n", ["trường 'trich_yeu'", "khóa bị lặp lại"], 2),
    ("ky-tu-dieu-khien.yaml", edited("dia_danh: Đồng Tháp", 'dia_danh: "Đồng\x07Tháp"'), ["U+0007"], line_of(GOOD, "dia_danh:")),
    ("danh-sach.yaml", "- mot\n- hai\n", ["nhóm khóa: giá trị"], 1),
    ("sai.json", '{"trich_yeu": "abc",\n "kinh_gui": }\n', ["lỗi cú pháp JSON"], 2),
    ("sai.toml", 'trich_yeu = "abc"\nkinh_gui = [\n', ["lỗi cú pháp TOML"], 2),
    ("kieu-json.json", '{"trich_yeu": 5, "ky_hieu": "UBND-VP"}\n', ["trường 'trich_yeu'", "phải là chuỗi"], 1),
    ("sai-duoi.txt", "trich_yeu: abc\n", ["không đọc được loại tệp '.txt'"], None),
]


@pytest.mark.parametrize(("name", "content", "fragments", "line"), CASES, ids=[c[0] for c in CASES])
def test_broken_input_is_refused_clearly(tmp_path, capsys, name, content, fragments, line):
    source = tmp_path / name
    if isinstance(content, bytes):
        source.write_bytes(content)
    else:
        source.write_text(content, encoding="utf-8")
    out = tmp_path / "out"

    code = main(["render", str(source), "-o", str(out)])

    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith(f"Lỗi: {source}")
    for fragment in fragments:
        assert fragment in err, err
    if line is not None:
        assert f"dòng {line}," in err or f"dòng {line}:" in err, err
    assert "Traceback" not in err
    assert not out.exists()


def test_one_bad_file_does_not_stop_the_others(tmp_path, capsys):
    bad = tmp_path / "hong.yaml"
    bad.write_text("trich_yeu: [\n", encoding="utf-8")
    good = ROOT / "examples" / "bau-cu-2021.yaml"
    out = tmp_path / "out"

    code = main(["render", str(bad), str(good), "-o", str(out)])

    assert code == 1
    assert sorted(p.name for p in out.iterdir()) == ["bau-cu-2021.docx"]
    assert "hong.yaml" in capsys.readouterr().err
