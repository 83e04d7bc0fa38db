"""An agency's own layout template for every kind of document: exported with the kind
recorded in it, checked for that kind's tags, rendered through for its kind (and
for the kinds whose tags are the same), refused with a clear message for another
kind; in a batch and from Python alike."""

from __future__ import annotations

import copy
import io
import zipfile
from pathlib import Path

import pdfplumber
import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from lxml import etree

import congvan
from congvan import kinds, nd30
from congvan.cli import main
from congvan.docx.compiled import TemplateFileError
from congvan.docx.tags import check_template
from congvan.layout import DEFAULT_LAYOUT
from tests.conftest import EXAMPLES, KIND_EXAMPLES
from tests.pdf_layout import MM, pages
from tests.test_kinds import _signature, _title_block
from tests.test_layout_template import edit_xml, png

# What the recorded kind adds to a template, and so to a document rendered with it.
PROPERTY_PARTS = {"docProps/custom.xml", "[Content_Types].xml", "_rels/.rels"}
ALL_EXAMPLES = {**KIND_EXAMPLES, **{p.stem: p for p in EXAMPLES}}


def export(tmp_path: Path, loai: str, name: str | None = None) -> Path:
    path = tmp_path / (name or f"mau-{loai}.docx")
    assert main(["template", "export", "--loai", loai, str(path)]) == 0
    return path


def parts(docx: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@pytest.mark.parametrize("loai", sorted(kinds.KINDS))
def test_every_kind_exports_a_template_that_checks_clean_for_it(loai, tmp_path, capsys):
    path = export(tmp_path, loai)
    kind = kinds.get(loai)
    assert f"Đã ghi mẫu mặc định của {kind.ten} (Mẫu {kind.mau}) vào {path}" in capsys.readouterr().out
    report = check_template(path)
    assert report.kind is kind and report.kind_from == "mẫu"
    assert report.ok and not report.departures, (report.missing, report.foreign, report.departures)
    assert kind in report.fits
    assert main(["template", "check", str(path)]) == 0
    assert f"Loại văn bản: {kind.ten} (Mẫu {kind.mau}), ghi trong mẫu" in capsys.readouterr().out


@pytest.mark.parametrize("stem", sorted(ALL_EXAMPLES))
def test_an_unedited_exported_template_renders_as_the_default(stem, tmp_path):
    """The exported template of a document's kind gives the default's very parts: only
    the recorded kind (a custom property) is added."""
    cv = congvan.load(ALL_EXAMPLES[stem])
    template = export(tmp_path, cv.kind.loai)
    default, own = parts(congvan.render_docx(cv)), parts(congvan.render_docx(cv, template=template))
    assert set(own) - set(default) == {"docProps/custom.xml"}
    assert {n for n in default if default[n] != own[n]} <= PROPERTY_PARTS
    assert b"<vt:lpwstr>" + cv.kind.loai.encode() + b"</vt:lpwstr>" in own["docProps/custom.xml"]


def test_one_template_of_mau_1_4_serves_every_kind_of_mau_1_4(tmp_path):
    """A Tờ trình's template renders a Báo cáo and a Kế hoạch: the same tags, the tên
    loại from the data. A Quyết định's serves a Nghị quyết likewise."""
    to_trinh, quyet_dinh = export(tmp_path, "to_trinh"), export(tmp_path, "quyet_dinh")
    for stem, template in (("bao-cao-ket-qua-thuc-hien", to_trinh), ("ke-hoach-hoi-nghi", to_trinh), ("nghi-quyet-hoi-dong", quyet_dinh)):
        cv = congvan.load(KIND_EXAMPLES[stem])
        default, own = parts(congvan.render_docx(cv)), parts(congvan.render_docx(cv, template=template))
        assert own["word/document.xml"] == default["word/document.xml"] and own["word/styles.xml"] == default["word/styles.xml"]


def test_a_template_of_another_kind_is_refused_naming_the_file_and_the_tags(tmp_path, capsys):
    template = export(tmp_path, "quyet_dinh")
    out = tmp_path / "out"
    assert main(["render", str(KIND_EXAMPLES["giay-moi-hop"]), "--template", str(template), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.splitlines()[0] == (
        f"Lỗi: {template}: mẫu bố cục của Quyết định (cá biệt) (Mẫu 1.2) không dùng được cho Giấy mời (Mẫu 1.7): "
        "thiếu thẻ {{p form }}, {{p noi_dung }}; có thẻ {{p tham_quyen }}, {{p can_cu }}, {{p quyet_nghi }}, {{p dieu }} "
        "mà Giấy mời không có; xuất mẫu của Giấy mời: congvan template export --loai giay_moi TỆP.docx"
    )
    assert "Traceback" not in err
    assert not out.exists()


def test_the_cong_van_template_is_refused_for_a_kind_with_a_title(tmp_path):
    template = export(tmp_path, "cong_van")
    with pytest.raises(TemplateFileError) as caught:
        congvan.render_docx(congvan.load(KIND_EXAMPLES["ke-hoach-hoi-nghi"]), template=template)
    assert caught.value.message == (
        "mẫu bố cục của Công văn (Mẫu 1.5) không dùng được cho Kế hoạch (Mẫu 1.4): thiếu thẻ {{p tieu_de }}; "
        "có thẻ {{ trich_yeu }} mà Kế hoạch không có; xuất mẫu của Kế hoạch: congvan template export --loai ke_hoach TỆP.docx"
    )
    # And a kind's template for a công văn, from its bytes (a caller without files).
    with pytest.raises(TemplateFileError, match=r"^mẫu \.docx \(bytes\): mẫu bố cục của Tờ trình \(Mẫu 1\.4\) không dùng được cho Công văn \(Mẫu 1\.5\): thiếu thẻ \{\{ trich_yeu \}\}; "):
        congvan.render_docx(congvan.load(EXAMPLES[0]), template=export(tmp_path, "to_trinh").read_bytes())


def test_a_deleted_tag_whose_part_the_document_has_is_refused(tmp_path):
    template = export(tmp_path, "quyet_dinh")
    edit_xml(template, "word/document.xml", lambda xml: xml.replace("{{p can_cu }}", ""))
    with pytest.raises(TemplateFileError) as caught:
        congvan.render_docx(congvan.load(KIND_EXAMPLES["quyet-dinh-thanh-lap-to-cong-tac"]), template=template)
    assert caught.value.message == (
        "mẫu bố cục thiếu thẻ {{p can_cu }} nên không in được hết Quyết định (cá biệt) này: thêm lại thẻ "
        "(mỗi thẻ một đoạn riêng) hoặc xuất lại mẫu: congvan template export --loai quyet_dinh TỆP.docx"
    )


def test_template_check_knows_the_kind(tmp_path, capsys):
    template = export(tmp_path, "quyet_dinh")
    edit_xml(template, "word/document.xml", lambda xml: xml.replace("{{p can_cu }}", "{{p can_cuu }}").replace("{{p dieu }}", "{{p dieu }}</w:t></w:r></w:p><w:p><w:r><w:t>{{p form }}"))
    assert main(["template", "check", str(template)]) == 1
    out = capsys.readouterr().out
    assert "Loại văn bản: Quyết định (cá biệt) (Mẫu 1.2), ghi trong mẫu" in out
    assert "Lỗi: thiếu thẻ cho trường bắt buộc 'can_cu' của Quyết định (cá biệt) (các căn cứ ban hành, in nghiêng (Mẫu 1.1, 1.2))" in out
    assert "Lỗi: thẻ '{{p form }}' không dùng cho Quyết định (cá biệt) (là thẻ của Biên bản, Giấy mời, Giấy giới thiệu, Giấy nghỉ phép)" in out
    assert "Lỗi: thẻ 'can_cuu' không có trong dữ liệu công văn; có phải 'can_cu'?" in out
    assert "Dùng được cho" not in out
    # Checked for another kind on request.
    clean = export(tmp_path, "giay_moi")
    assert main(["template", "check", str(clean), "--loai", "giay_gioi_thieu"]) == 1
    out = capsys.readouterr().out
    assert "Loại văn bản: Giấy giới thiệu (Mẫu 1.8), theo --loai" in out
    assert "Lỗi: thẻ '{{p noi_dung }}' không dùng cho Giấy giới thiệu" in out
    assert main(["template", "check", str(clean), "--loai", "giay_moj"]) == 2
    assert "--loai: không có loại văn bản 'giay_moj'; có phải 'giay_moi'?" in capsys.readouterr().err


def test_without_the_property_the_kind_is_read_from_the_tags(tmp_path, capsys):
    template = export(tmp_path, "giay_moi")
    with zipfile.ZipFile(template) as archive:
        kept = [(i.filename, archive.read(i)) for i in archive.infolist() if i.filename != "docProps/custom.xml"]
    with zipfile.ZipFile(template, "w") as archive:
        for name, data in kept:
            if name in ("[Content_Types].xml", "_rels/.rels"):
                data = data.replace(b"docProps/custom.xml", b"docProps/app.xml")  # what is left of the entry is harmless
            archive.writestr(name, data)
    report = check_template(template)
    assert report.kind is kinds.get("giay_moi") and report.kind_from == "thẻ" and report.ok
    assert congvan.render_docx(congvan.load(KIND_EXAMPLES["giay-moi-hop"]), template=template)
    with pytest.raises(TemplateFileError, match=r"mẫu bố cục của Giấy mời \(Mẫu 1\.7\) không dùng được cho Giấy giới thiệu"):
        congvan.render_docx(congvan.load(KIND_EXAMPLES["giay-gioi-thieu"]), template=template)


def test_export_refuses_an_unknown_kind(tmp_path, capsys):
    assert main(["template", "export", "--loai", "quyet-dinhh", str(tmp_path / "x.docx")]) == 2
    assert "--loai: không có loại văn bản 'quyet-dinhh'; có phải 'quyet_dinh'?" in capsys.readouterr().err
    assert not (tmp_path / "x.docx").exists()


def test_batch_with_a_kind_template_renders_its_kind_and_reports_the_others(tmp_path):
    template = export(tmp_path, "to_trinh")
    jobs = [KIND_EXAMPLES["to-trinh-xin-kinh-phi"], KIND_EXAMPLES["bao-cao-ket-qua-thuc-hien"], KIND_EXAMPLES["giay-moi-hop"]]
    out = tmp_path / "out"
    summary = congvan.render_many(jobs, output=out, template=template, workers=1)
    assert summary.done == 2
    assert [Path(r.job.source).stem for r in summary.failed] == ["giay-moi-hop"]
    assert "mẫu bố cục của Tờ trình (Mẫu 1.4) không dùng được cho Giấy mời (Mẫu 1.7)" in summary.failed[0].error
    assert len(list(out.glob("*.docx"))) == 2
    # The manifest holds the template's hash: unchanged, nothing is rebuilt; edited, all is.
    again = congvan.render_many(jobs[:2], output=out, template=template, workers=1)
    assert (again.done, again.skipped) == (0, 2)
    edit_xml(template, "word/document.xml", lambda xml: xml.replace("{{p noi_dung }}", "{{p noi_dung}}"))
    edited = congvan.render_many(jobs[:2], output=out, template=template, workers=1)
    assert (edited.done, edited.skipped) == (2, 0)


def test_layout_key_names_a_kind_template(tmp_path):
    template = export(tmp_path, "giay_moi", "mau-giay-moi.docx")
    # A line of the agency's own under the form, in the body's style (II.6e).
    line = '</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="NoiDung"/></w:pPr><w:r><w:t>Kèm theo: sơ đồ đường đi.'
    edit_xml(template, "word/document.xml", lambda xml: xml.replace("{{p form }}", "{{p form }}" + line))
    data = tmp_path / "moi.yaml"
    data.write_text(KIND_EXAMPLES["giay-moi-hop"].read_text(encoding="utf-8") + "layout: mau-giay-moi.docx\n", encoding="utf-8")
    document = parts(congvan.render_docx(congvan.load(data)))["word/document.xml"].decode("utf-8")
    assert "Kèm theo: sơ đồ đường đi" in document and "{{" not in document


def test_a_recorded_kind_that_is_no_kind_is_an_error_of_the_check(tmp_path, capsys):
    from congvan.docx.package import write_zip
    from congvan.docx.properties import with_kind

    template = export(tmp_path, "quyet_dinh")
    with zipfile.ZipFile(template) as archive:
        kept = [(i.filename, archive.read(i)) for i in archive.infolist()]
    template.write_bytes(write_zip(with_kind(kept, "quyet_dinhh")))
    assert main(["template", "check", str(template)]) == 1
    out = capsys.readouterr().out
    assert "Lỗi: thuộc tính congvan_loai của mẫu ghi loại 'quyet_dinhh' không có; có phải 'quyet_dinh'?" in out
    assert "(Mẫu 1.1), theo thẻ của mẫu\nDùng được cho: Nghị quyết (cá biệt), Quyết định (cá biệt)" in out


# -- edited in Word, read back from the PDF ---------------------------------------------------

# The kind, its example, the tag Word splits as the văn thư retypes it, a body line.
EDITED = {
    "quyet_dinh": ("quyet-dinh-thanh-lap-to-cong-tac", "dieu", "Điều 1."),
    "giay_moi": ("giay-moi-hop", "form", "Tới dự"),
    "to_trinh": ("to-trinh-xin-kinh-phi", "kinh_gui", "Thực hiện Kế hoạch"),
}
BODY_PT = 13  # "Nội dung" from 14 to 13 pt: inside II.6e's 13–14


def split_tag(document: etree._Element, tag: str) -> None:
    """The tag's run as Word leaves it after retyping: two runs with their own
    properties, a proofing mark between them."""
    text = f"{{{{p {tag} }}}}"
    node = next(t for t in document.iter(qn("w:t")) if t.text == text)
    first = node.getparent()
    second = copy.deepcopy(first)
    node.text, cut = text[:6], text[6:]
    second.find(qn("w:t")).text = cut
    props = second.find(qn("w:rPr"))
    if props is None:
        props = etree.SubElement(second, qn("w:rPr"))
        second.insert(0, props)
    etree.SubElement(props, qn("w:b")).set(qn("w:val"), "0")
    mark = etree.Element(qn("w:proofErr"))
    mark.set(qn("w:type"), "spellStart")
    first.addnext(mark)
    mark.addnext(second)


def edit_in_word(path: Path, tag: str, logo: Path) -> None:
    doc = Document(path)
    doc.styles["Nội dung"].font.size = Pt(BODY_PT)
    doc.sections[0].first_page_header.paragraphs[0].add_run().add_picture(str(logo), width=Mm(8))
    split_tag(doc.element.body, tag)
    doc.save(path)


@pytest.fixture(scope="module")
def edited_pdfs(pdf_engine, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("mau-sua")
    logo = png(tmp / "logo.png", (96, 96), 300, (0, 90, 170, 255))
    out, pairs = {}, []
    for loai, (stem, tag, _) in EDITED.items():
        template = export(tmp, loai)
        edit_in_word(template, tag, logo)
        cv = congvan.load(KIND_EXAMPLES[stem])
        own = congvan.write_docx(cv, tmp / f"{stem}.docx", template=template)
        default = congvan.write_docx(cv, tmp / f"{stem}-mac-dinh.docx")
        pairs += [(own, own.with_suffix(".pdf")), (default, default.with_suffix(".pdf"))]
        out[loai] = (cv, template, own, default)
    assert [r.error for r in pdf_engine.convert(pairs)] == [None] * len(pairs)
    return out, logo


@pytest.mark.parametrize("loai", sorted(EDITED))
def test_an_edited_kind_template_shows_its_edits_and_keeps_the_kind_layout(edited_pdfs, loai):
    out, logo = edited_pdfs
    cv, template, docx, default = out[loai]
    _, tag, body_start = EDITED[loai]
    assert f"{{{{p {tag} }}}}" not in parts(template.read_bytes())["word/document.xml"].decode("utf-8")  # split by the edit
    assert check_template(template).ok  # and still found
    page, plain = pages(docx.with_suffix(".pdf"))[0], pages(default.with_suffix(".pdf"))[0]

    # The logo in the top margin of page 1, as the header of the template put it.
    with pdfplumber.open(docx.with_suffix(".pdf")) as pdf:
        images = pdf.pages[0].images
    assert len(images) == 1 and images[0]["bottom"] < DEFAULT_LAYOUT.le_trang.top * MM
    assert images[0]["x1"] - images[0]["x0"] == pytest.approx(8 * MM, abs=0.5)
    media = {n: d for n, d in parts(docx.read_bytes()).items() if n.startswith("word/media/")}
    assert list(media.values()) == [logo.read_bytes()]

    # The body in 13 pt where the default has 14; the title, its trích yếu and the
    # header as the default lays them out.
    title, lines, rule_y = _title_block(page, cv)
    body = [line for line in page.lines if line.top > rule_y and line.bottom < page.find("Nơi nhận:").top]
    start = page.find(body_start)
    assert start.size == BODY_PT and plain.find(start.text[:12]).size == 14
    sized = [line for line in body if line.top >= start.top and not line.text.startswith("Kính gửi")]
    assert sized and all(line.size == BODY_PT for line in sized), [(l.text, l.size) for l in sized if l.size != BODY_PT]
    for text in (*cv.co_quan_ban_hanh, nd30.TIEU_NGU, "Số:", cv.dia_danh, cv.kind.ten_loai):
        mine, theirs = page.find(text), plain.find(text)
        assert (mine.x0, mine.x1, mine.size) == pytest.approx((theirs.x0, theirs.x1, theirs.size), abs=0.2), text
    # The header's split is the one composed for this document, as in the default.
    assert header_columns(docx) == header_columns(default)

    # The split tag was filled: what it holds is on the page, no tag is left.
    shown = {"dieu": "Điều 1.", "form": "Tới dự", "kinh_gui": "Kính gửi:"}[tag]
    assert page.find(shown) and not [line for line in page.lines if "{{" in line.text]
    entries = _signature(page, cv)
    assert entries[-1].text.startswith("- Lưu: VT")

    report = congvan.check_docx(docx)
    assert [f for f in report.findings if f.severity == "error"] == []


def header_columns(docx: Path) -> list[str]:
    root = etree.fromstring(zipfile.ZipFile(docx).read("word/document.xml"))
    table = next(root.iter(qn("w:tbl")))
    return [col.get(qn("w:w")) for col in table.iter(qn("w:gridCol"))]


def test_batch_rebuilds_when_the_template_named_by_layout_is_edited(tmp_path):
    """The manifest keeps the hash of a `layout:` template: edited, the output is made again."""
    template = export(tmp_path, "giay_moi", "mau-giay-moi.docx")
    data = tmp_path / "moi.yaml"
    data.write_text(KIND_EXAMPLES["giay-moi-hop"].read_text(encoding="utf-8") + "layout: mau-giay-moi.docx\n", encoding="utf-8")
    out = tmp_path / "out"
    first = congvan.render_many([data], output=out, workers=1)
    assert (first.done, first.skipped) == (1, 0)
    again = congvan.render_many([data], output=out, workers=1)
    assert (again.done, again.skipped) == (0, 1)
    doc = Document(template)
    doc.styles["Nội dung"].font.size = Pt(13)
    doc.save(template)
    edited = congvan.render_many([data], output=out, workers=1)
    assert (edited.done, edited.skipped) == (1, 0)
    (made,) = out.glob("*.docx")
    assert Document(made).styles["Nội dung"].font.size == Pt(13)
