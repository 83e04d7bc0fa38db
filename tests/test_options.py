"""Options with one meaning have one name in every command; values that go unused are said."""

from __future__ import annotations

from docx import Document

from congvan.cli import build_parser, main
from tests.conftest import ROOT

TEMPLATE = ROOT / "examples" / "mau" / "moi-hop.yaml"
VALUES = ["--set", "so=12", "--set", "don_vi=Sở Tài chính", "--set", "nguoi_nhan=ông Giám đốc", "--set", "kinh_phi=1000000"]


def options(command: str) -> dict[str, str]:
    parser = build_parser()
    sub = parser._subparsers._group_actions[0].choices[command]  # type: ignore[union-attr]
    return {o: a.dest for a in sub._actions for o in a.option_strings}


def test_same_meaning_same_name_in_render_and_batch():
    render, batch = options("render"), options("batch")
    for option in ("-o", "--output", "--format", "-j", "--jobs", "--layout", "--template", "--data", "--set",
                   "--pdfa", "--strict", "--convert-legacy"):
        assert option in render and option in batch, option
        assert render[option] == batch[option]
    assert render["--workers"] == "jobs"  # the old spelling, kept hidden
    assert "--workers" not in build_parser()._subparsers._group_actions[0].choices["render"].format_help()  # type: ignore[union-attr]


def test_render_fills_a_content_template_from_set(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["render", str(TEMPLATE), *VALUES, "-o", str(out)]) == 0
    texts = [p.text for p in Document(str(out / "moi-hop.docx")).paragraphs]
    assert any("Sở Tài chính" in t for t in texts)
    assert "Cảnh báo" not in capsys.readouterr().err


def test_an_unused_set_value_is_said(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["render", str(TEMPLATE), *VALUES, "--set", "ngay_hopp=2026-12-15", "-o", str(out)]) == 0
    assert "Cảnh báo: biến 'ngay_hopp' (--set/--data) không được mẫu nội dung nào dùng; có phải 'ngay_hop'?" in capsys.readouterr().err
    assert main(["batch", str(ROOT / "examples" / "bau-cu-2021.yaml"), "--set", "nam=2026", "-o", str(tmp_path / "b")]) == 0
    assert "Cảnh báo: biến 'nam' (--set/--data) không được mẫu nội dung nào dùng" in capsys.readouterr().err


def test_layout_option_takes_a_docx_layout_template_too(tmp_path, capsys):
    template = tmp_path / "mau-co-quan.docx"
    assert main(["template", "export", str(template)]) == 0
    out = tmp_path / "out"
    assert main(["render", str(ROOT / "examples" / "bau-cu-2021.yaml"), "--layout", str(template), "-o", str(out)]) == 0
    assert (out / "bau-cu-2021.docx").is_file()
    assert main(["render", str(ROOT / "examples" / "bau-cu-2021.yaml"), "--layout", str(tmp_path / "khong-co.docx"),
                 "-o", str(out)]) == 1
    assert "khong-co.docx: không tìm thấy mẫu bố cục" in capsys.readouterr().err
