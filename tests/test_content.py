"""Content templates: variables filled in a sandbox, with errors naming file, line, variable."""

from __future__ import annotations

import datetime as dt
import re

import openpyxl
import pytest

import congvan
from congvan.body import flatten, plain
from congvan.values import parse_assignments, read_rows
from tests.conftest import ROOT

TEMPLATE = """\
co_quan_ban_hanh: SỞ THÔNG TIN VÀ TRUYỀN THÔNG
so: "{{ so }}"
ky_hieu: STTTT-VP
trich_yeu: tổng kết nhiệm kỳ {{ nhiem_ky }}
dia_danh: Đồng Tháp
ngay: "{{ ngay }}"
kinh_gui: "{{ don_vi }}"
noi_dung: |
  Sở Thông tin và Truyền thông mời {{ don_vi }} dự họp.
  Kinh phí hỗ trợ: {{ kinh_phi | tien }}.
  Hạn gửi báo cáo: {{ han | ngay }}.
noi_nhan:
  - Như trên
  - "{{ them }}"
nguoi_ky: {chuc_vu: GIÁM ĐỐC, ho_ten: "{{ nguoi_ky }}"}
bien:
  nhiem_ky: 2021 - 2026
  so: ""
  them: ""
  ngay: 2026-03-05
  nguoi_ky: Nguyễn Văn A
"""

VALUES = {"don_vi": "Viettel Đồng Tháp", "kinh_phi": 200000000, "han": "2026-04-01"}


@pytest.fixture
def template(tmp_path):
    path = tmp_path / "moi-hop.yaml"
    path.write_text(TEMPLATE, encoding="utf-8")
    return path


def paragraphs(cv):
    return [plain(p.text) for p in flatten(cv.noi_dung)]


def test_values_fill_the_texts_with_the_vietnamese_filters(template):
    cv = congvan.load(template, values=VALUES)
    assert cv.trich_yeu == "tổng kết nhiệm kỳ 2021 - 2026"
    assert cv.kinh_gui == ["Viettel Đồng Tháp"]
    assert paragraphs(cv)[1] == "Kinh phí hỗ trợ: 200.000.000 đồng (Hai trăm triệu đồng)."
    assert paragraphs(cv)[2].startswith("Hạn gửi báo cáo: ngày 01 tháng 4 năm 2026.")
    assert cv.nguoi_ky.ho_ten == "Nguyễn Văn A"


def test_values_override_the_defaults_and_blank_texts_are_left_out(template):
    cv = congvan.load(template, values={**VALUES, "so": "7", "them": "UBND tỉnh"})
    assert cv.so == 7
    assert cv.noi_nhan == ["Như trên", "UBND tỉnh"]
    draft = congvan.load(template, values=VALUES)
    assert draft.so is None  # so: "" → a draft
    assert draft.noi_nhan == ["Như trên"]  # the blank recipient is dropped


def test_undefined_variable_names_file_line_and_variable(template):
    with pytest.raises(congvan.InputError) as caught:
        congvan.load(template, values={"kinh_phi": 1000, "han": "2026-04-01"})
    assert str(caught.value).splitlines() == [
        f"{template}, dòng 7, trường 'kinh_gui': chưa có giá trị cho biến 'don_vi' (cho trong khối bien:, tệp --data hoặc --set don_vi=…)",
        f"{template}, dòng 9, trường 'noi_dung': chưa có giá trị cho biến 'don_vi' (cho trong khối bien:, tệp --data hoặc --set don_vi=…)",
    ]


def test_error_on_a_later_line_of_a_block_text_points_at_that_line(template):
    with pytest.raises(congvan.InputError) as caught:
        congvan.load(template, values={"don_vi": "X", "kinh_phi": 1000})
    assert str(caught.value) == (
        f"{template}, dòng 11, trường 'noi_dung': chưa có giá trị cho biến 'han' "
        "(cho trong khối bien:, tệp --data hoặc --set han=…)"
    )


def test_filter_errors_are_reported_in_vietnamese_with_the_field(template):
    with pytest.raises(congvan.InputError) as caught:
        congvan.load(template, values={**VALUES, "kinh_phi": "hai trăm"})
    assert str(caught.value) == (
        f"{template}, dòng 10, trường 'noi_dung': 'hai trăm' không phải số viết theo cách Việt Nam: dấu chấm ngăn "
        "hàng nghìn, dấu phẩy trước phần thập phân, ví dụ 1.500.000 hoặc 1.234,56"
    )


def test_the_model_still_validates_what_the_template_gives(template):
    with pytest.raises(congvan.InputError) as caught:
        congvan.load(template, values={**VALUES, "ngay": "2026-02-30"})
    assert str(caught.value) == f"{template}, dòng 6, trường 'ngay': ngày 30/02/2026 không tồn tại"


@pytest.mark.parametrize("expression", [
    "{{ ''.__class__.__mro__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ cycler.__init__.__globals__ }}",
    "{{ lipsum.__globals__['os'] }}",
    "{{ don_vi.__class__ }}",
    "{{ ds.append('x') }}",
])
def test_sandbox_refuses_python_internals(tmp_path, expression):
    path = tmp_path / "xau.yaml"
    path.write_text(TEMPLATE.replace("{{ nhiem_ky }}", expression), encoding="utf-8")
    with pytest.raises(congvan.InputError) as caught:
        congvan.load(path, values={**VALUES, "ds": ["a"]})
    message = str(caught.value)
    assert message.startswith(f"{path}, dòng 4, trường 'trich_yeu': ")
    assert "biểu thức bị cấm trong mẫu" in message or "chưa có giá trị" in message


def test_templates_cannot_read_files(tmp_path):
    secret = tmp_path / "bi-mat.txt"
    secret.write_text("bí mật", encoding="utf-8")
    path = tmp_path / "xau.yaml"
    path.write_text(TEMPLATE.replace("{{ nhiem_ky }}", "{% include '" + str(secret) + "' %}"), encoding="utf-8")
    with pytest.raises(congvan.InputError) as caught:
        congvan.load(path, values=VALUES)
    assert "bí mật" not in str(caught.value)
    assert str(caught.value).startswith(f"{path}, dòng 4, trường 'trich_yeu': lỗi khi điền mẫu:")


def test_unquoted_braces_ask_for_quotes(tmp_path):
    path = tmp_path / "mau.yaml"
    path.write_text(TEMPLATE.replace('kinh_gui: "{{ don_vi }}"', "kinh_gui: {{ don_vi }}"), encoding="utf-8")
    with pytest.raises(congvan.InputError) as caught:
        congvan.load(path, values=VALUES)
    assert str(caught.value) == (
        f"{path}, dòng 7, trường 'kinh_gui': giá trị bắt đầu bằng '{{' phải đặt trong ngoặc kép, "
        'ví dụ kinh_gui: "{{ don_vi }}"'
    )


def test_a_plain_dispatch_is_not_a_template():
    cv = congvan.load("examples/bau-cu-2021.yaml", values={"x": 1})
    assert cv.ky_hieu == "STTTT-BCVT"


def test_set_assignments_nest_dotted_keys():
    assert parse_assignments(["nam=2026", "nguoi_ky.ho_ten=Nguyễn Văn B", "nguoi_ky.chuc_vu=GIÁM ĐỐC"]) == {
        "nam": "2026", "nguoi_ky": {"ho_ten": "Nguyễn Văn B", "chuc_vu": "GIÁM ĐỐC"},
    }
    with pytest.raises(congvan.InputError, match="phải có dạng tên=giá_trị"):
        parse_assignments(["nam"])


def test_csv_with_bom_and_semicolons_and_blank_lines(tmp_path):
    path = tmp_path / "ds.csv"
    path.write_bytes("\ufeffdon_vi;so;nguoi.ten\nViettel;5;An\n\n;;\nVNPT;;Bình\n".encode("utf-8"))
    rows = list(read_rows(path))
    assert [(r.line, r.values) for r in rows] == [
        (2, {"don_vi": "Viettel", "so": "5", "nguoi": {"ten": "An"}}),
        (5, {"don_vi": "VNPT", "so": "", "nguoi": {"ten": "Bình"}}),
    ]


def test_xlsx_rows_keep_numbers_and_dates(tmp_path):
    path = tmp_path / "ds.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["don_vi", "so", "han", "kinh_phi"])
    sheet.append(["Viettel", 5, dt.datetime(2026, 4, 1), 1500000.0])
    book.save(path)
    assert [(r.line, r.values) for r in read_rows(path)] == [
        (2, {"don_vi": "Viettel", "so": 5, "han": dt.date(2026, 4, 1), "kinh_phi": 1500000}),
    ]


def test_csv_separator_comes_from_the_header(tmp_path):
    path = tmp_path / "ds.csv"
    path.write_text('don_vi\nVNPT; chi nhánh Đồng Tháp\n"Viettel, chi nhánh"\n', encoding="utf-8")
    assert [r.values for r in read_rows(path)] == [{"don_vi": "VNPT; chi nhánh Đồng Tháp"}, {"don_vi": "Viettel, chi nhánh"}]
    path.write_text("don_vi,so\nViettel, chi nhánh,5\n", encoding="utf-8")
    with pytest.raises(congvan.InputError) as caught:
        list(read_rows(path))
    assert str(caught.value) == (f"{path}, dòng 2: dòng có 3 ô nhưng dòng tiêu đề chỉ có 2 cột; "
                                 "giá trị có dấu phân cách phải đặt trong ngoặc kép")
    path.write_text('don_vi;so\n"A; B";5\n', encoding="utf-8")
    assert [r.values for r in read_rows(path)] == [{"don_vi": "A; B", "so": "5"}]


def test_readme_template_snippet(tmp_path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    snippet = next(b for b in re.findall(r"```yaml\n(.*?)```", readme, re.S) if "bien:" in b)
    rest = "co_quan_ban_hanh: SỞ NỘI VỤ\nky_hieu: SNV-VP\ndia_danh: Hà Nội\nngay: 2026-03-05\nnguoi_ky: {chuc_vu: GIÁM ĐỐC, ho_ten: Lê Văn C}\n"
    path = tmp_path / "mau.yaml"
    path.write_text(rest + snippet, encoding="utf-8")
    cv = congvan.load(path, values={"so": "", "don_vi": "Sở Tài chính", "kinh_phi": 2000000, "han": "2026-03-05"})
    assert (cv.so, cv.trich_yeu, cv.kinh_gui, cv.noi_nhan) == (None, "tổng kết nhiệm kỳ 2021 - 2026", ["Sở Tài chính"], ["Như trên"])
    assert paragraphs(cv) == ["Kinh phí hỗ trợ: 2.000.000 đồng (Hai triệu đồng).", "Hạn nộp: ngày 05 tháng 3 năm 2026./."]


@pytest.mark.parametrize("value", ["Sở Tài chính", "  hai  khoảng  ", 7, 2.5, True, None, ["a", "b"], {"a": 1}])
def test_a_text_of_one_variable_is_what_jinja_prints(value):
    # `{{ x }}` alone (a mail merge's cell) is filled without a render: the same text
    # as the render of a text that is more than the variable.
    from congvan.content import fill

    filled = fill({"alone": "{{ x }}", "more": "{{ x }}|", "spaced": "{{- x -}}"}, {}, "<mẫu>", {"x": value})
    assert filled["alone"] + "|" == filled["more"]
    assert filled["spaced"] == filled["alone"]


def test_a_text_of_one_variable_keeps_the_limits():
    from congvan.content import fill
    from congvan.errors import InputError
    from congvan.limits import Limits, using

    with using(Limits().with_(render_chars=10)), pytest.raises(InputError) as caught:
        fill({"kinh_gui": "{{ x }}"}, {("kinh_gui",): 3}, "<mẫu>", {"x": "x" * 11})
    assert "render_chars" in str(caught.value) and "dòng 3" in str(caught.value), caught.value
    with pytest.raises(InputError) as caught:
        fill({"kinh_gui": "{{ y }}"}, {("kinh_gui",): 3}, "<mẫu>", {"x": "a"})
    assert "chưa có giá trị cho biến 'y'" in str(caught.value)
