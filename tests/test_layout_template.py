"""Agency layout templates: export the default, edit it as a văn thư would (margins,
body size, a logo), render with it; tags split by Word, smart quotes, tags in
footers; `template check`; signature and seal images; templates that break NĐ 30."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from lxml import etree
from PIL import Image

import congvan
from congvan.cli import main
from congvan.docx.compiled import TemplateFileError
from congvan.docx.tags import check_template
from tests.conftest import EXAMPLES, ROOT
from tests.docx_text import element_text
from tests.test_seeds import assert_matches_seed

EMU_PER_MM = 36000
EMU_PER_TWIP = 635
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"


@pytest.fixture()
def exported(tmp_path) -> Path:
    path = tmp_path / "mau-co-quan.docx"
    assert main(["template", "export", str(path)]) == 0
    return path


def png(path: Path, size_px: tuple[int, int], dpi: int, colour: tuple[int, int, int, int]) -> Path:
    Image.new("RGBA", size_px, colour).save(path, dpi=(dpi, dpi))
    return path


def edit_xml(path: Path, part: str, edit) -> None:
    """Rewrite one part of a .docx as a text edit (what Word does to runs, say)."""
    with zipfile.ZipFile(path) as archive:
        parts = [(i.filename, archive.read(i)) for i in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts:
            archive.writestr(name, edit(data.decode("utf-8")).encode("utf-8") if name == part else data)


def part_text(docx: bytes, part: str) -> str:
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        xml = archive.read(part).decode("utf-8")
    return "".join(element_text(p) for p in etree.fromstring(xml.encode("utf-8")).iter(qn("w:p")))


# -- an agency's own letterhead ---------------------------------------------------------


def test_edited_template_changes_show_and_content_is_complete(exported, tmp_path):
    doc = Document(exported)
    section = doc.sections[0]
    section.left_margin, section.right_margin = Mm(35), Mm(20)
    doc.styles["Nội dung"].font.size = Pt(13)
    logo = png(tmp_path / "logo.png", (120, 120), 300, (200, 0, 0, 255))
    section.first_page_header.paragraphs[0].add_run().add_picture(str(logo), width=Mm(10))
    doc.save(exported)

    for example in EXAMPLES:
        data = congvan.render_docx(congvan.load(example), template=exported)
        out = Document(io.BytesIO(data))
        assert round(out.sections[0].left_margin.mm) == 35
        assert round(out.sections[0].right_margin.mm) == 20
        assert out.styles["Nội dung"].font.size == Pt(13)
        for level in ("Mục", "Khoản", "Điểm"):  # numbered body text follows the body style
            assert out.styles[level].font.size is None and out.styles[level].base_style.name == "Nội dung"
        header = out.sections[0].first_page_header
        blips = header._element.findall(".//" + qn("a:blip"))
        assert len(blips) == 1
        image = header.part.related_parts[blips[0].get(qn("r:embed"))]
        assert image.blob == logo.read_bytes()
        assert_matches_seed(example.stem, out)


def test_a_users_template_renders_the_same_bytes_twice(exported):
    cv = congvan.load(EXAMPLES[0])
    assert congvan.render_docx(cv, template=exported) == congvan.render_docx(cv, template=exported)


def test_layout_key_in_the_data_names_the_template(exported, tmp_path):
    doc = Document(exported)
    doc.sections[0].left_margin = Mm(33)
    doc.save(exported)
    data = tmp_path / "cv.yaml"
    data.write_text(EXAMPLES[0].read_text(encoding="utf-8") + f"layout: {exported.name}\n", encoding="utf-8")
    out = Document(io.BytesIO(congvan.render_docx(congvan.load(data))))
    assert round(out.sections[0].left_margin.mm) == 33


# -- what Word does to tags --------------------------------------------------------------


def test_split_tag_smart_quotes_and_footer_tags_render(exported):
    def word_edits(xml: str) -> str:
        # Word splits a tag it has edited into runs with their own properties…
        split = 'V/v {{ tri</w:t></w:r><w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t xml:space="preserve">ch_yeu }}'
        xml = xml.replace("V/v {{ trich_yeu }}", split, 1)
        # …and turns straight quotes into curly ones as the author types.
        return xml.replace("Số: {{ so }}/{{ ky_hieu }}", "Số: {{ so ~ “/” ~ ky_hieu }}", 1)

    edit_xml(exported, "word/document.xml", word_edits)
    footer = Document(exported).sections[0].footer.part.partname.lstrip("/")  # pages 2 on
    edit_xml(exported, footer, lambda xml: xml.replace("<w:p>", "<w:p><w:r><w:t>Số {{ so_ky_hieu }}</w:t></w:r>", 1))
    cv = congvan.load(ROOT / "examples" / "bau-cu-2021.yaml")
    data = congvan.render_docx(cv, template=exported)
    document = part_text(data, "word/document.xml")
    assert f"V/v {cv.trich_yeu}" in document
    assert "Đồng Tháp, ngày" in document and "{{" not in document
    assert f"Số: {' ' * 10}/STTTT-BCVT" in document
    assert f"Số {' ' * 10}/STTTT-BCVT" in part_text(data, footer)


def test_template_check_finds_a_misspelled_field(exported, capsys):
    edit_xml(exported, "word/document.xml", lambda xml: xml.replace("{{ trich_yeu }}", "{{ trich_yue }}"))
    report = check_template(exported)
    assert report.unknown == {"trich_yue": "trich_yeu"}
    assert report.missing == ["trich_yeu"]
    assert main(["template", "check", str(exported)]) == 1
    out = capsys.readouterr().out
    assert "Lỗi: thẻ 'trich_yue' không có trong dữ liệu công văn; có phải 'trich_yeu'?" in out
    assert "Lỗi: thiếu thẻ cho trường bắt buộc 'trich_yeu'" in out
    with pytest.raises(TemplateFileError, match=r"thẻ '\{\{ trich_yue \}\}' không có trong dữ liệu công văn"):
        congvan.render_docx(congvan.load(EXAMPLES[0]), template=exported)


def test_the_default_template_checks_clean(exported):
    report = check_template(exported)
    assert report.ok and not report.departures
    assert {"co_quan", "so", "ky_hieu", "trich_yeu", "dia_danh_ngay", "kinh_gui", "noi_dung", "noi_nhan", "nguoi_ky", "lien_he"} <= set(report.tags)


def test_a_file_that_is_not_a_template_is_refused(tmp_path, capsys):
    bad = tmp_path / "mau.docx"
    bad.write_text("không phải docx", encoding="utf-8")
    assert main(["template", "check", str(bad)]) == 2
    assert "không phải tệp .docx" in capsys.readouterr().err
    out = tmp_path / "out"
    assert main(["render", str(EXAMPLES[0]), "--template", str(bad), "-o", str(out)]) == 1
    assert not out.exists()


# -- a template that breaks NĐ 30 still renders, with warnings -----------------------------


def test_non_conforming_template_renders_with_a_warning_each(exported, tmp_path, capsys):
    doc = Document(exported)
    doc.sections[0].left_margin = Mm(20)
    doc.styles["Nội dung"].font.name = "Arial"
    doc.save(exported)
    out = tmp_path / "out"
    assert main(["render", str(EXAMPLES[0]), "--template", str(exported), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    warnings = [line for line in err.splitlines() if line.startswith("Cảnh báo:")]
    assert len(warnings) == 2, err
    assert any("lề trái phải là 30–35 mm, không phải 20 mm" in w for w in warnings)
    assert any("phông chữ Arial ở kiểu 'Nội dung'" in w for w in warnings)
    assert (out / f"{EXAMPLES[0].stem}.docx").exists()


# -- electronic signature and seal (II.7d, II.8a) ---------------------------------------------


def test_signature_and_seal_images_land_where_the_decree_says(tmp_path):
    # 300 × 120 px at 150 dpi: 50.8 × 20.32 mm; the seal 400 px at 300 dpi: 33.87 mm.
    png(tmp_path / "chu-ky.png", (300, 120), 150, (0, 0, 200, 128))
    png(tmp_path / "dau.png", (400, 400), 300, (220, 0, 0, 128))
    source = (ROOT / "examples" / "bau-cu-2021.yaml").read_text(encoding="utf-8")
    data = tmp_path / "cv.yaml"
    data.write_text(source.replace("  ho_ten: Nguyễn Lâm Thanh Thủy", "  ho_ten: Nguyễn Lâm Thanh Thủy\n  chu_ky: chu-ky.png\n  con_dau: dau.png"), encoding="utf-8")
    cv = congvan.load(data)
    doc = Document(io.BytesIO(congvan.render_docx(cv)))

    right = doc.element.body.findall(qn("w:tbl"))[-1].find(qn("w:tr")).findall(qn("w:tc"))[1]
    paragraphs = right.findall(qn("w:p"))
    texts = [element_text(p) for p in paragraphs]
    holder = [i for i, p in enumerate(paragraphs) if p.find(".//" + WP + "inline") is not None]
    # Between the title and the name, centred.
    assert holder == [len(cv.nguoi_ky.title_lines)] and texts[holder[0] + 1] == cv.nguoi_ky.ho_ten
    line = paragraphs[holder[0]]
    assert line.find(qn("w:pPr") + "/" + qn("w:jc")).get(qn("w:val")) == "center"
    inline = line.find(".//" + WP + "inline")
    sig_w, sig_h = (int(inline.find(WP + "extent").get(k)) for k in ("cx", "cy"))
    assert sig_w == pytest.approx(50.8 * EMU_PER_MM, rel=1e-3) and sig_h == pytest.approx(20.32 * EMU_PER_MM, rel=1e-3)

    anchor = line.find(".//" + WP + "anchor")
    seal_w = int(anchor.find(WP + "extent").get("cx"))
    assert seal_w == pytest.approx(400 / 300 * 25.4 * EMU_PER_MM, rel=1e-3)  # real size
    assert anchor.get("behindDoc") == "0"  # the seal over the signature
    assert anchor.find(WP + "positionH").get("relativeFrom") == "column"
    x = int(anchor.find(WP + "positionH/" + WP + "posOffset").text)
    cell = int(right.find(qn("w:tcPr") + "/" + qn("w:tcW")).get(qn("w:w"))) * EMU_PER_TWIP
    sig_left = (cell - sig_w) / 2
    # Its right edge at a third of the signature: it covers the signature's left third.
    assert x + seal_w == pytest.approx(sig_left + sig_w / 3, abs=EMU_PER_MM / 10)
    y = int(anchor.find(WP + "positionV/" + WP + "posOffset").text)
    assert y + seal_w / 2 == pytest.approx(sig_h / 2, abs=EMU_PER_MM / 10)  # centred on it

    names = {p.partname for p in doc.part.package.iter_parts()}
    assert {"/word/media/chu_ky.png", "/word/media/con_dau.png"} <= names


def test_a_missing_signature_image_is_a_clear_error(tmp_path, capsys):
    source = (ROOT / "examples" / "bau-cu-2021.yaml").read_text(encoding="utf-8")
    data = tmp_path / "cv.yaml"
    data.write_text(source.replace("  ho_ten: Nguyễn Lâm Thanh Thủy", "  ho_ten: Nguyễn Lâm Thanh Thủy\n  chu_ky: khong-co.png"), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["render", str(data), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    line = next(i for i, text in enumerate(data.read_text(encoding="utf-8").splitlines(), 1) if "chu_ky:" in text)
    assert f"{data}, dòng {line}, trường 'nguoi_ky.chu_ky': không tìm thấy tệp ảnh" in err
    assert "Traceback" not in err
    assert not out.exists()


def _xml(path: Path, part: str) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read(part).decode("utf-8")


def test_a_template_saved_again_by_libreoffice_keeps_its_styles(exported, tmp_path):
    """LibreOffice, saving a .docx, gives every style a new id made from its name
    ("Quốc hiệu" → "Quchiu"): the paragraphs congvan writes into such a template must
    still find their styles (else they fall back to Normal, 11 pt, and check objects)."""
    import shutil
    import subprocess

    from congvan.pdf import find_soffice
    from congvan.pdf.worker import default_cache
    from congvan.check import check_docx

    soffice = find_soffice()
    profile = tmp_path / "profile"
    cache = default_cache(soffice)
    if cache.exists():
        shutil.copytree(cache, profile, symlinks=True)
    subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore", "--convert-to",
                    'docx:MS Word 2007 XML', "--outdir", str(tmp_path / "lo"), str(exported)],
                   check=True, capture_output=True, timeout=180)
    resaved = tmp_path / "lo" / exported.name
    styles = _xml(resaved, "word/styles.xml")
    ids = set(re.findall(r'w:styleId="([^"]+)"', styles))
    assert "QuocHieu" not in ids and "Nội dung" in styles  # the ids LibreOffice made, the names kept
    out = congvan.write_docx(congvan.load(EXAMPLES[0]), tmp_path / "cv.docx", template=resaved)
    document = _xml(out, "word/document.xml")
    used = set(re.findall(r'<w:pStyle w:val="([^"]+)"/>', document))
    assert used and used <= ids, used - ids
    report = check_docx(out)
    assert [f for f in report.findings if f.severity == "error"] == []


def test_cell_widths_without_a_number_fall_back_to_the_layout(exported, tmp_path):
    # `<w:tcW w:type="dxa"/>` with no w:w (some editors write it): the cells holding
    # the block tags take the layout's widths instead of stopping the render.
    with zipfile.ZipFile(exported) as archive:
        parts = [(info, archive.read(info)) for info in archive.infolist()]
    edited = tmp_path / "khong-do-rong.docx"
    with zipfile.ZipFile(edited, "w") as archive:
        for info, blob in parts:
            if info.filename == "word/document.xml":
                blob, count = re.subn(rb'<w:tcW w:w="\d+" w:type="dxa"/>', b'<w:tcW w:type="dxa"/>', blob)
                assert count >= 4
            archive.writestr(info, blob)
    out = tmp_path / "out"
    assert main(["render", str(EXAMPLES[0]), "--template", str(edited), "-o", str(out)]) == 0
    text = element_text(Document(out / f"{EXAMPLES[0].stem}.docx").element.body)
    assert congvan.load(EXAMPLES[0]).ky_hieu in text
