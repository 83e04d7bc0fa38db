"""Hostile inputs: every one is a Vietnamese InputError naming file, line and field,
never a traceback, and nothing is written."""

from __future__ import annotations

import errno
import json
import time

import pytest

import congvan
from congvan.cli import main
from congvan.errors import InputError

BASE = {
    "co_quan_ban_hanh": "SỞ A",
    "ky_hieu": "SA-VP",
    "trich_yeu": "việc thử",
    "dia_danh": "Hà Nội",
    "ngay": "2021-03-05",
    "kinh_gui": "Các phòng",
    "noi_dung": "Nội dung.",
    "nguoi_ky": "{chuc_vu: GIÁM ĐỐC, ho_ten: Nguyễn Văn A}",
}


def dispatch(**changes: str) -> str:
    fields = {**BASE, **changes}
    return "".join(f"{key}: {value}\n" for key, value in fields.items() if value is not None)


def line_of(text: str, key: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if line.startswith(key))


DIEM_24 = "\n  - khoan: K\n    noi_dung:\n" + "".join(f"      - diem: điểm {i}\n" for i in range(24))
BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(9))

# name, content, fragments of the message, field, line
CASES = [
    ("diem-24.yaml", dispatch(noi_dung=DIEM_24), ["24 điểm", "quá 23", "II.6đ"], "noi_dung[0].noi_dung", 9),
    ("timestamp.yaml", dispatch(ngay="!!timestamp 2021-02-30"), ["30/02/2021 không tồn tại"], "ngay", 5),
    ("int-abc.yaml", dispatch(so="!!int abc"), ["phải là số nguyên", "abc"], "so", 9),
    ("float-abc.yaml", dispatch(so="!!float abc"), ["phải là số nguyên"], "so", 9),
    ("bool-abc.yaml", dispatch(so="!!bool abc"), ["phải là số nguyên"], "so", 9),
    ("binary.yaml", dispatch(dia_danh="!!binary AAcI"), ["thẻ YAML '!!binary' không được dùng"], "dia_danh", 4),
    ("set.yaml", dispatch(kinh_gui="!!set {a, b}"), ["'!!set'"], "kinh_gui", 6),
    ("omap.yaml", dispatch(kinh_gui="!!omap [a: 1]"), ["'!!omap'"], "kinh_gui", 6),
    ("python.yaml", dispatch(dia_danh="!!python/name:os.system"), ["'!!python/name:os.system'"], "dia_danh", 4),
    ("own-tag.yaml", dispatch(dia_danh="!mine Hà Nội"), ["'!mine'"], "dia_danh", 4),
    ("alias-self.yaml", dispatch(kinh_gui="&x [*x]"), ["dùng lại chính nó"], "kinh_gui[0]", 6),
    ("alias-bomb.yaml", dispatch() + BOMB, ["quá nhiều giá trị", "giới hạn nodes"], None, None),
    ("deep.yaml", dispatch(kinh_gui="[" * 3000 + "]" * 3000), ["lồng nhau quá sâu"], None, 6),
    ("deep-block.yaml", dispatch(noi_dung="\n" + "".join("  " * i + "- \n" for i in range(1, 200))), ["lồng nhau quá sâu"], None, None),
    ("so-yes.yaml", dispatch(so="yes"), ["phải là số nguyên", "đúng/sai"], "so", 9),
    ("so-float.yaml", dispatch(so="5.5"), ["phải là số nguyên"], "so", 9),
    ("zero-width.yaml", dispatch(dia_danh='"\u200b\u200b"'), ["không được để trống"], "dia_danh", 4),
    ("ho-ten-zw.yaml", dispatch(nguoi_ky='{chuc_vu: GIÁM ĐỐC, ho_ten: "\u2060\u200b"}'), ["không được để trống"], "nguoi_ky.ho_ten", 8),
    ("kinh-gui-dot.yaml", dispatch(kinh_gui='["."]'), ["thiếu trường bắt buộc"], "kinh_gui", 6),
    ("noi-dung-blank.yaml", dispatch(noi_dung='"  \u200b "'), ["thiếu trường bắt buộc"], "noi_dung", 7),
    ("noi-dung-blank-list.yaml", dispatch(noi_dung='["", " "]'), ["thiếu trường bắt buộc"], "noi_dung", 7),
    ("rlo.yaml", dispatch(ky_hieu='"SA\u202eVP"'), ["U+202E"], "ky_hieu", 2),
    ("long-image.yaml", dispatch(nguoi_ky="{chuc_vu: GIÁM ĐỐC, ho_ten: Nguyễn Văn A, chu_ky: " + "a" * 300 + ".png}"),
     ["không tìm thấy tệp ảnh"], "nguoi_ky.chu_ky", 8),
    ("long-layout.yaml", dispatch(layout="b" * 300 + ".docx"), ["không tìm thấy tệp bố cục"], "layout", 9),
    ("huge-int.json", json.dumps({"ky_hieu": "A"})[:-1] + ', "so": ' + "9" * 5000 + "}", ["số nguyên quá dài"], None, 1),
    ("deep.json", '{"x": ' + "[" * 100000 + "]" * 100000 + "}", ["lồng nhau quá sâu"], None, 1),
    ("deep.toml", "x = " + "[" * 5000 + "]" * 5000 + "\n", ["lồng nhau quá sâu"], None, None),
    ("so-true.json", json.dumps({"so": True}), ["phải là số nguyên", "đúng/sai"], "so", 1),
]


@pytest.mark.parametrize(("name", "content", "fragments", "field", "line"), CASES, ids=[c[0] for c in CASES])
def test_hostile_input_is_an_input_error(tmp_path, capsys, name, content, fragments, field, line):
    source = tmp_path / name
    source.write_text(content, encoding="utf-8")
    out = tmp_path / "out"
    started = time.monotonic()

    with pytest.raises(InputError) as caught:
        congvan.load(source)
    code = main(["render", str(source), "-o", str(out)])

    assert time.monotonic() - started < 10
    err = capsys.readouterr().err
    assert code == 1
    assert "Traceback" not in err
    assert err.startswith(f"Lỗi: {source}"), err
    for fragment in fragments:
        assert fragment in str(caught.value), str(caught.value)
    problems = caught.value.problems
    if field is not None:
        assert any(p.field == field for p in problems), problems
    if line is not None:
        assert any(p.line == line for p in problems), problems
    assert not out.exists()


def test_standard_tags_still_read(tmp_path):
    source = tmp_path / "the.yaml"
    source.write_text(dispatch(so="!!int 7", dia_danh="!!str Hà Nội", ngay="!!timestamp 2021-03-05"), encoding="utf-8")
    cv = congvan.load(source)
    assert (cv.so, cv.dia_danh, cv.ngay.date.isoformat()) == (7, "Hà Nội", "2021-03-05")


def test_invisible_characters_never_reach_a_file_name():
    from congvan.batch import safe_name

    assert safe_name("05-SA\u200b-VP\u200e-2021") == "05-SA-VP-2021"


@pytest.mark.parametrize("failure", [errno.ENOSPC, errno.EROFS])
def test_a_file_that_cannot_be_written_fails_alone(tmp_path, capsys, monkeypatch, failure):
    from congvan.commands import render as render_command

    sources = []
    for name in ("a", "b", "c"):
        sources.append(tmp_path / f"{name}.yaml")
        sources[-1].write_text(dispatch(), encoding="utf-8")
    real = render_command.write_atomic

    def write(path, data):
        if path.stem == "b":
            raise OSError(failure, __import__("os").strerror(failure), str(path))
        real(path, data)

    monkeypatch.setattr(render_command, "write_atomic", write)
    out = tmp_path / "out"
    code = main(["render", *map(str, sources), "-o", str(out)])

    err = capsys.readouterr().err
    assert code == 1
    assert "Traceback" not in err
    assert f"Lỗi: {sources[1]}: không ghi được {out / 'b.docx'}" in err
    assert sorted(p.name for p in out.iterdir()) == ["a.docx", "c.docx"]
