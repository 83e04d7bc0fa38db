"""Everything the CLI and the Python API tell a user is Vietnamese.

Every command's --help and every error path of the suite's broken inputs are run,
and what is printed is searched for English words (a fixed list of words that are
not Vietnamese syllables) once file names, options and code are taken out.
"""

from __future__ import annotations

import re

import pytest

import congvan
from congvan.cli import main
from congvan.commands import COMMANDS
from tests.conftest import ROOT
from tests.test_input_errors import CASES

ENGLISH = set("""
the of and is are was not no found required argument arguments invalid expected file files directory
such show help message exit usage options option positional error errors allowed cannot could mapping
character characters line column field missing expecting value values while scanning parsing token
start here but got with without permission denied unrecognized choose from type must should unknown
ambiguous match one following input string valid version default defaults when where which this that
than at by if into only please use see any end stream unexpected delimiter property name enclosed
double quotes extra data unterminated statement declare twice overwrite unclosed array table key
undefined object has attribute unsafe access encountered tag filter print got none true false list
dict int str float model instance context constructor document documents block sequence
""".split())

# Taken out before the search: options, file paths, {{ tags }}, quoted code, names.
_CODE = re.compile(r"--?[\w-]+|\S*/\S*|\{\{.*?\}\}|\{%.*?%\}|'[^']*'|\"[^\"]*\"|«[^»]*»|\[[^\]]*\]|\S+\.\w+")


def english_words(text: str) -> set[str]:
    text = _CODE.sub(" ", text)
    return {word for word in re.findall(r"[A-Za-z]+", text) if word.lower() in ENGLISH}


def run(capsys, *argv: str) -> tuple[int, str]:
    try:
        code = main([str(a) for a in argv])
    except SystemExit as exc:
        code = int(exc.code or 0)
    captured = capsys.readouterr()
    return code, captured.out + captured.err


# Every command, and every action of a command with actions: a new one is checked by itself.
HELP = [[], *([name] for name in COMMANDS), ["template", "export"], ["template", "check"]]


@pytest.mark.parametrize("command", HELP, ids=lambda c: " ".join(c) or "congvan")
def test_every_help_is_vietnamese_and_has_an_example(capsys, command):
    code, text = run(capsys, *command, "--help")
    assert code == 0
    assert text.startswith("Cách dùng: congvan")
    assert "tùy chọn:" in text and "in hướng dẫn này rồi thoát" in text
    assert "\nVí dụ:\n  congvan " in text
    assert not english_words(text), text


def test_version(capsys):
    assert run(capsys, "--version") == (0, f"congvan {congvan.__version__}\n")


ARGPARSE_ERRORS = [
    ([], "thiếu đối số bắt buộc: LỆNH"),
    (["rendr"], "không có lệnh 'rendr' (chọn một trong: render, batch, template, check, schema, new, serve); có phải 'render'?"),
    (["render"], "thiếu đối số bắt buộc: TỆP"),
    (["render", "a.yaml", "--bogus"], "không hiểu đối số: --bogus"),
    (["render", "a.yaml", "-o"], "-o/--output: cần một giá trị"),
    (["batch", "a.yaml", "--jobs", "hai"], "-j/--jobs: 'hai' không phải số nguyên"),
    (["template"], "thiếu đối số bắt buộc: VIỆC"),
    (["template", "xuat"], "không có việc 'xuat' (chọn một trong: export, check)"),
    (["check"], "thiếu đối số bắt buộc: TỆP"),
]


@pytest.mark.parametrize(("argv", "expected"), ARGPARSE_ERRORS, ids=[" ".join(a) or "-" for a, _ in ARGPARSE_ERRORS])
def test_command_line_mistakes_are_said_in_vietnamese(capsys, argv, expected):
    code, text = run(capsys, *argv)
    assert code == 2
    assert text.startswith("Cách dùng: congvan")
    assert f"Lỗi: {expected} (xem congvan" in text, text
    assert not english_words(text), text


def _broken(tmp_path, name, content):
    source = tmp_path / name
    if isinstance(content, bytes):
        source.write_bytes(content)
    else:
        source.write_text(content, encoding="utf-8")
    return source


MORE = [
    ("tab.yaml", "trich_yeu: abc\nkinh_gui:\n\t- Sở\n", "dòng 3: lỗi cú pháp YAML: có ký tự Tab: YAML chỉ dùng dấu cách để thụt lề"),
    ("hai-cham.yaml", "trich_yeu: Về việc: họp giao ban\n", "dòng 1: lỗi cú pháp YAML: dấu ':' không đứng được ở đây: giá trị có ': ' phải đặt trong ngoặc kép"),
    ("thut-le.yaml", "nguoi_ky:\n  chuc_vu: GIÁM ĐỐC\n ho_ten: A\n", "lỗi cú pháp YAML: thụt lề không khớp"),
    ("ngoac.yaml", 'trich_yeu: "họp giao ban\n', "lỗi cú pháp YAML: chuỗi mở ngoặc kép chưa được đóng"),
    ("a-cong.yaml", "trich_yeu: @abc\n", "lỗi cú pháp YAML: giá trị bắt đầu bằng '@' phải đặt trong ngoặc kép"),
    ("hai-van-ban.yaml", "trich_yeu: a\n---\ntrich_yeu: b\n", "mỗi tệp chỉ chứa một văn bản"),
    ("khoa.json", '{trich_yeu: "a"}', "dòng 1: lỗi cú pháp JSON: tên khóa phải đặt trong ngoặc kép"),
    ("thua.json", '{"a": 1}\n{"b": 2}\n', "dòng 2: lỗi cú pháp JSON: còn chữ sau dấu '}'"),
    ("bang.toml", "trich_yeu = abc\n", "dòng 1: lỗi cú pháp TOML: giá trị không hợp lệ: chữ phải đặt trong ngoặc kép"),
    ("bang2.toml", 'trich_yeu "abc"\n', "dòng 1: lỗi cú pháp TOML: thiếu dấu '=' sau tên khóa"),
    ("mau-sai.yaml", "trich_yeu: họp {{ nam }\n", "lỗi cú pháp mẫu"),
    ("mau-loc.yaml", "trich_yeu: họp {{ nam | tienn }}\nbien: {nam: 1}\n", "không có bộ lọc 'tienn'"),
]


@pytest.mark.parametrize(("name", "content", "expected"), MORE, ids=[m[0] for m in MORE])
def test_syntax_errors_say_the_fix(tmp_path, capsys, name, content, expected):
    source = _broken(tmp_path, name, content)
    code, text = run(capsys, "render", source, "-o", tmp_path / "out")
    assert code == 1
    assert text.startswith(f"Lỗi: {source}, ") and expected in text, text
    assert not english_words(text), text


@pytest.mark.parametrize(("name", "content", "fragments", "line"), CASES, ids=[c[0] for c in CASES])
def test_broken_inputs_of_the_suite_print_no_english(tmp_path, capsys, name, content, fragments, line):
    source = _broken(tmp_path, name, content)
    code, text = run(capsys, "render", source, "-o", tmp_path / "out")
    assert code == 1 and text.startswith("Lỗi: ")
    assert not english_words(text), text


def test_missing_files_and_folders(tmp_path, capsys):
    folder = tmp_path / "thu-muc"
    folder.mkdir()
    code, text = run(capsys, "render", tmp_path / "khong-co.yaml", tmp_path / "khong-co" / "", "-o", tmp_path / "out")
    assert code == 1
    assert f"Lỗi: {tmp_path / 'khong-co.yaml'}: không có tệp hoặc thư mục này" in text
    assert f"Lỗi: {tmp_path / 'khong-co'}: không có tệp hoặc thư mục này" in text
    code, text = run(capsys, "check", tmp_path / "khong-co.docx", folder)
    assert code == 2
    assert "khong-co.docx: không mở được tệp (không có tệp hoặc thư mục này)" in text
    assert f"{folder}: không mở được tệp (đây là một thư mục, không phải tệp)" in text
    code, text = run(capsys, "batch", tmp_path / "khong-co.yaml", "-o", tmp_path / "out")
    assert code == 1 and "khong-co.yaml: không có tệp hoặc thư mục này" in text
    assert not english_words(text), text


def test_unwritable_output_is_an_error_not_a_traceback(tmp_path, capsys):
    blocker = tmp_path / "tep"
    blocker.write_text("x", encoding="utf-8")
    code, text = run(capsys, "render", ROOT / "examples" / "bau-cu-2021.yaml", "-o", blocker / "out")
    assert code == 2
    assert text.startswith("Lỗi: không ghi hoặc đọc được") and "Traceback" not in text, text
    assert not english_words(text), text


GOOD = dict(co_quan_ban_hanh="SỞ THÔNG TIN VÀ TRUYỀN THÔNG", ky_hieu="STTTT-VP", trich_yeu="họp",
            dia_danh="Đồng Tháp", ngay="2021-03-05", kinh_gui="Các phòng", noi_dung="Nội dung.",
            nguoi_ky={"chuc_vu": "GIÁM ĐỐC", "ho_ten": "Nguyễn Văn A"})

API_CASES = [
    ({"ngay": "30/02/2021"}, "trường 'ngay': ngày 30/02/2021 không tồn tại"),
    ({"kinh_goi": "Sở"}, "trường 'kinh_goi': trường 'kinh_goi' không có trong mẫu công văn; có phải 'kinh_gui'?"),
    ({"so": "năm"}, "trường 'so': phải là số nguyên"),
    ({"nguoi_ky": {"ho_ten": "A"}}, "trường 'nguoi_ky': cần chức vụ hoặc quyền hạn"),
    ({"lien_he": {"dien_thoai": 2773873996}}, "trường 'lien_he.dien_thoai': phải là chuỗi ký tự, không phải số"),
]


@pytest.mark.parametrize(("change", "expected"), API_CASES, ids=[next(iter(c)) for c, _ in API_CASES])
def test_python_api_raises_congvan_errors_in_vietnamese(change, expected):
    data = {**GOOD, **change}
    for build in (lambda: congvan.CongVan(**data), lambda: congvan.CongVan.model_validate(data)):
        with pytest.raises(congvan.InputError) as caught:
            build()
        assert isinstance(caught.value, congvan.CongVanError)
        assert expected in str(caught.value), str(caught.value)
        assert all(isinstance(p, congvan.Problem) for p in caught.value.problems)
        assert not english_words(str(caught.value)), str(caught.value)
    missing = {k: v for k, v in GOOD.items() if k != "trich_yeu"}
    with pytest.raises(congvan.InputError, match="trường 'trich_yeu': thiếu trường bắt buộc"):
        congvan.CongVan(**missing)


def test_the_word_list_finds_english():
    assert english_words("usage: congvan [-h]\nerror: the following arguments are required: TỆP") == {
        "usage", "error", "the", "following", "arguments", "are", "required"}
    assert english_words("Lỗi: a.yaml, dòng 2: lỗi cú pháp YAML: mapping values are not allowed here") >= {"mapping", "values"}
    assert not english_words("Lỗi: --convert-legacy và 'found' trong tệp out/the-file.docx")
