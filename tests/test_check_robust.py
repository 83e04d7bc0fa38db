"""`congvan check` reads every valid OOXML: no sectPr, universal measures, the Strict
namespaces, external relationships, no document.xml.rels; a file it cannot read is
exit 2 for that file alone. `render` never writes two inputs onto one output."""

from __future__ import annotations

import io
import json
import re
import zipfile

import pytest

import congvan
from congvan.cli import main
from tests.conftest import ROOT

BASE = congvan.render_docx(congvan.load(ROOT / "examples" / "bau-cu-2021.yaml"))


def variant(edit) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(BASE))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            data = edit(info.filename, source.read(info))
            if data is not None:
                archive.writestr(info.filename, data)
    return out.getvalue()


def universal(name: str, data: bytes) -> bytes:
    if not (name.startswith("word/") and name.endswith(".xml")):
        return data
    data = re.sub(rb'w:sz w:val="(\d+)"', lambda m: b'w:sz w:val="%gpt"' % (int(m[1]) / 2), data)
    data = re.sub(rb'w:after="(\d+)"', lambda m: b'w:after="%gpt"' % (int(m[1]) / 20), data)
    data = re.sub(rb'w:firstLine="(\d+)"', lambda m: b'w:firstLine="%.4fcm"' % (int(m[1]) / 567), data)
    return re.sub(rb'w:left="(\d+)"', lambda m: b'w:left="%.4fmm"' % (int(m[1]) / 56.7), data)


def strict(name: str, data: bytes) -> bytes:
    return re.sub(rb"http://schemas\.openxmlformats\.org/(wordprocessingml|drawingml|officeDocument)/2006/",
                  lambda m: b"http://purl.oclc.org/ooxml/" + m[1] + b"/", data)


def external(name: str, data: bytes) -> bytes:
    if name == "word/_rels/document.xml.rels":
        return data.replace(b"</Relationships>", b'<Relationship Id="rIdX1" Type="http://schemas.openxmlformats.org/'
                            b'officeDocument/2006/relationships/hyperlink" Target="https://example.org/" TargetMode="External"/>'
                            b"</Relationships>")
    if name == "word/document.xml":
        end = data.rindex(b"</w:p>", 0, data.index(b"<w:sectPr"))
        return data[:end] + b'<w:hyperlink r:id="rIdX1"><w:r><w:t xml:space="preserve"></w:t></w:r></w:hyperlink>' + data[end:]
    return data


def no_sectpr(name: str, data: bytes) -> bytes:
    return re.sub(rb"<w:sectPr[\s>].*?</w:sectPr>", b"", data, flags=re.S) if name == "word/document.xml" else data


def no_rels(name: str, data: bytes) -> bytes | None:
    return None if name == "word/_rels/document.xml.rels" else data


def findings(report) -> list[tuple[str, str]]:
    return sorted((f.rule, f.message) for f in report.findings)


@pytest.mark.parametrize("edit", [universal, strict, external], ids=lambda e: e.__name__)
def test_same_document_written_another_valid_way_gives_the_same_findings(edit):
    assert findings(congvan.check_docx(variant(edit))) == findings(congvan.check_docx(BASE))


def test_without_sectpr_the_page_is_unknown_not_a_crash():
    report = congvan.check_docx(variant(no_sectpr))
    page = [f.message for f in report.findings if f.rule == "kho_giay"]
    assert page == ["khổ giấy phải là A4 (210 × 297 mm), tệp không ghi khổ giấy"]


def test_without_document_rels_it_is_read_without_styles():
    report = congvan.check_docx(variant(no_rels))
    assert any(f.rule.startswith("quoc_hieu") for f in report.findings)  # its bold lived in styles.xml


def test_unreadable_file_is_exit_2_alone_and_the_others_are_printed(tmp_path, capsys, monkeypatch):
    from congvan.check import rules

    good = tmp_path / "tot.docx"
    good.write_bytes(BASE)
    broken = tmp_path / "hong.docx"
    broken.write_bytes(BASE.replace(b"PK", b"PX", 1))
    odd = tmp_path / "la.docx"
    odd.write_bytes(variant(universal))
    real = rules.check_view

    def check_view(view, label, *args, **kwargs):  # a part read, yet not as the rules expect
        if label.endswith("la.docx"):
            raise TypeError("unexpected")
        return real(view, label, *args, **kwargs)

    monkeypatch.setattr("congvan.check.check_view", check_view)
    assert main(["check", "--nhanh", "--json", str(broken), str(odd), str(good)]) == 2
    captured = capsys.readouterr()
    reports = json.loads(captured.out)
    assert [r["file"] for r in reports] == [str(broken), str(odd), str(good)]
    assert "unreadable" in reports[0] and "unreadable" in reports[1] and reports[2]["errors"] == 0
    assert "Traceback" not in captured.err
    assert f"Lỗi: {odd}: một phần của tệp không đọc được" in captured.err


def test_render_refuses_two_inputs_with_one_stem(tmp_path, capsys):
    text = (ROOT / "examples" / "bau-cu-2021.yaml").read_text(encoding="utf-8")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "cv.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "b" / "cv.yaml").write_text(text.replace("Đồng Tháp", "Cần Thơ"), encoding="utf-8")
    out = tmp_path / "out"
    code = main(["render", str(tmp_path / "a" / "cv.yaml"), str(tmp_path / "b" / "cv.yaml"), str(tmp_path / "a" / "cv.yaml"),
                 "-o", str(out)])
    captured = capsys.readouterr()
    assert code == 1
    assert captured.out.count("Đã tạo") == 1
    assert f"Lỗi: {tmp_path / 'b' / 'cv.yaml'}: cùng tên với {tmp_path / 'a' / 'cv.yaml'}" in captured.err
    assert sorted(p.name for p in out.iterdir()) == ["cv.docx"]
    assert (out / "cv.docx").read_bytes() == congvan.render_docx(congvan.load(tmp_path / "a" / "cv.yaml"))  # the first one
