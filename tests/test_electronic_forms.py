"""The electronic forms of Phụ lục III, read back from their PDFs: a copy into
electronic form (Mẫu 3.2: the copying agency's digital signature at the top right of
page 1, no copy block under the document; Phụ lục I, Phần II, Mục I.3) and a phụ lục
issued as an electronic file of its own (Mẫu 2.2: the number and date of its
"Kèm theo" line left blank, the agency's digital signature at the top right, III.1c-d)."""

from __future__ import annotations

import io
import re
import zipfile

import pytest

import congvan
from congvan.cli import main
from congvan.errors import InputError
from congvan.layout import DEFAULT_LAYOUT
from tests.conftest import ROOT
from tests.pdf_layout import MM, pages

LEFT = DEFAULT_LAYOUT.le_trang.left * MM
RIGHT = LEFT + DEFAULT_LAYOUT.text_width_mm * MM
CENTRE = (LEFT + RIGHT) / 2
TOP = DEFAULT_LAYOUT.le_trang.top * MM
COPY = ROOT / "examples" / "ban-sao-dien-tu.yaml"
APPENDIX = ROOT / "examples" / "bao-cao-phu-luc-dien-tu.yaml"
SIGNED = "    thoi_gian_ky: 2024-12-20T15:30:00+07:00\n"


def _variant(tmp_path, source, name, old, new):
    text = source.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / name
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def made(pdf_engine, tmp_path_factory):
    """The examples and their variants as DOCX and PDF files, converted at once."""
    tmp = tmp_path_factory.mktemp("electronic")
    sources = {
        "copy": COPY,
        "copy-unsigned": _variant(tmp, COPY, "copy-unsigned.yaml", "  thoi_gian_ky: 2024-03-05T09:15:30+07:00\n", ""),
        "report": APPENDIX,
        "report-signed": _variant(tmp, APPENDIX, "report-signed.yaml", "    # thoi_gian_ky: 2024-12-20T15:30:00+07:00   # khi đã ký số; để trống: chừa chỗ cho phần mềm ký số\n", SIGNED),
    }
    original = tmp / "original.yaml"
    original.write_text(COPY.read_text(encoding="utf-8").split("ban_sao:")[0], encoding="utf-8")
    sources["original"] = original
    files = {}
    for key, source in sources.items():
        cv = congvan.load(source)
        files[key] = congvan.write_docx(cv, tmp / f"{key}.docx")
        for end, data in congvan.render_appendix_files(cv):
            (tmp / f"{key}{end}.docx").write_bytes(data)
            files[f"{key}{end}"] = tmp / f"{key}{end}.docx"
    results = pdf_engine.convert([(docx, docx.with_suffix(".pdf")) for docx in files.values()])
    assert [r.error for r in results] == [None] * len(files)
    return {key: (docx, docx.with_suffix(".pdf")) for key, docx in files.items()}


def _stamp(page, text):
    """Phụ lục I, III.1d and Phần II, Mục I.3c: Times New Roman, lower case, upright,
    10 pt, top right of the first page."""
    line = page.lines[0]
    assert line.text == text
    assert line.size == 10 and not line.bold and not line.italic
    assert all("Serif" in f or "Times" in f for f in line.fonts)
    assert abs(line.x1 - RIGHT) < 1.5 and line.x0 > LEFT + 20
    assert TOP - 1 < line.top < TOP + 12
    return line


def _holding(page, text):
    return next(line for line in page.lines if text in line.text)


def test_electronic_copy_from_pdf(made):
    page = pages(made["copy"][1])[0]
    stamp = _stamp(page, "SAO Y; Văn phòng Ủy ban nhân dân tỉnh Đồng Tháp; 05/03/2024; 09:15:30+07:00")
    header = _holding(page, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert header.top > stamp.bottom + 6 and header is _holding(page, "UBND TỈNH ĐỒNG THÁP")
    # Mẫu 3.2 has no block of the paper copy (Mẫu 3.1) under the document.
    assert [line.text for line in page.lines if line.text == "Nơi nhận:"] == ["Nơi nhận:"]
    assert not [line for line in page.lines if re.match(r"Số: \S*/(SY|SL|TrS)-", line.text) or line.text == "SAO Y"]
    assert page.lines[-1].text == "Nguyễn Văn Hòa"


def test_unsigned_copy_keeps_the_place_empty(made):
    """Without the time of signing, the place is left to the signing software: nothing
    printed above the header, which sits one 10 pt line and its space lower."""
    unsigned, original = pages(made["copy-unsigned"][1])[0], pages(made["original"][1])[0]
    first = unsigned.lines[0]
    assert first.text.startswith(("UBND TỈNH ĐỒNG THÁP", "CỘNG HÒA"))
    shift = _holding(unsigned, "CỘNG HÒA").top - _holding(original, "CỘNG HÒA").top
    assert 10 * 1.1 + 12 - 2 < shift < 10 * 1.2 + 12 + 2
    assert sorted(line.text for line in unsigned.lines) == sorted(line.text for line in original.lines)
    # The signing software finds the place by its bookmark, the first paragraph of the body.
    body = zipfile.ZipFile(made["copy-unsigned"][0]).read("word/document.xml").decode("utf-8")
    first = body[body.index("<w:body>"):body.index("</w:p>")]
    assert 'w:name="CHU_KY_SO"' in first and "<w:t" not in first


def test_electronic_copy_pdf_version(made):
    # Phụ lục I, Phần II, Mục I.2a: an electronic copy is a PDF of version 1.4 or later.
    head = made["copy"][1].read_bytes()[:8].decode("ascii")
    assert re.fullmatch(r"%PDF-1\.[4-7]|%PDF-2\.\d", head), head


def test_appendix_file_from_pdf(made):
    main_doc = pages(made["report"][1])
    assert len(main_doc) == 1 and not [line for line in main_doc[0].lines if line.text.startswith("Phụ lục")]
    doc = pages(made["report-phu-luc"][1])
    page = doc[0]
    heading = page.lines[0]  # the place of the signature is empty: "Phụ lục" comes first
    assert heading.text == "Phụ lục" and heading.bold and heading.size == 14 and abs(heading.centre - CENTRE) < 1.5
    assert heading.top > TOP + 10 * 1.1 + 12 - 2
    title = page.find("DANH SÁCH DỊCH VỤ CÔNG TRỰC TUYẾN TOÀN TRÌNH")
    assert title.bold and title.size == 14 and title.top > heading.bottom - 1
    # III.1c, Mẫu 2.2 note 3: the number and the date are not filled in.
    first = page.find("(Kèm theo")
    reference = [line for line in page.lines if first.top <= line.top < first.top + 40 and line.italic]
    assert " ".join(line.text for line in reference) == "(Kèm theo Báo cáo số … ngày … tháng … năm … của Sở Thông tin và Truyền thông)"
    assert all(line.size == 14 and abs(line.centre - CENTRE) < 1.5 for line in reference)
    assert not any(line.text.endswith(("Truyền", "Thông tin", "Sở")) for line in reference)  # not inside the name
    x0, x1, _ = page.rule_under(reference[-1])
    assert abs((x0 + x1) / 2 - CENTRE) < 1.5 and x1 - x0 < 80
    assert page.find("Số liệu tính đến").text.endswith("./.")
    assert [line for line in page.lines if line.bottom < TOP] == []  # no number on its first page
    assert page.find("Tổng cộng").bold


def test_signed_appendix_file_from_pdf(made):
    page = pages(made["report-signed-phu-luc"][1])[0]
    stamp = _stamp(page, "Số: 61/BC-STTTT; 20/12/2024; 15:30:00+07:00")
    assert page.lines[1].text == "Phụ lục" and page.lines[1].top > stamp.bottom + 6


def test_check_passes_the_electronic_forms(made):
    for key in ("copy", "copy-unsigned", "report", "report-phu-luc", "report-signed-phu-luc"):
        report = congvan.check_docx(made[key][0])
        assert [f for f in report.findings if f.severity == "error"] == [], key
    assert congvan.check_docx(made["report-phu-luc"][0]).kind == "phu_luc"


def _edited(path, *edits):
    with zipfile.ZipFile(path) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    xml = parts["word/document.xml"].decode("utf-8")
    for old, new in edits:
        assert old in xml, old
        xml = xml.replace(old, new, 1)
    parts["word/document.xml"] = xml.encode("utf-8")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def _errors(data):
    return {(f.rule, f.message, f.section) for f in congvan.check_docx(data).findings if f.severity == "error"}


def test_check_trips_on_a_broken_signature_and_appendix(made):
    copy = _edited(made["copy"][0], ('<w:sz w:val="20"/>', '<w:sz w:val="24"/>'), ("05/03/2024; 09:15:30+07:00", "05/03/2024 09:15:30"))
    errors = _errors(copy)
    assert ("chu_ky_so", "cỡ chữ phải là 10 pt, không phải 12 pt", "Phụ lục I, Phần II, Mục I.3") in errors
    assert any(rule == "chu_ky_so" and "«05/03/2024 09:15:30»" in message for rule, message, _ in errors)
    signed = _edited(made["report-signed-phu-luc"][0], ('<w:jc w:val="right"/>', '<w:jc w:val="left"/>'))
    assert ("chu_ky_so", "phải ở góc trên, bên phải trang đầu", "Phụ lục I, III.1d") in _errors(signed)
    broken = _edited(made["report-phu-luc"][0], ("(Kèm theo", "(Ban hành cùng"), ('<w:b/><w:sz w:val="28"/>', '<w:sz w:val="28"/>'))
    errors = _errors(broken)
    assert ("phu_luc_kem_theo", "phải có dòng «(Kèm theo … số … ngày … của …)» dưới tên phụ lục", "Phụ lục I, III.1c") in errors
    assert ("phu_luc", "chữ «Phụ lục» và số thứ tự phải canh giữa, kiểu chữ đứng, đậm", "Phụ lục I, III.1b") in errors


def test_render_writes_the_appendix_file_beside_the_document(tmp_path, capsys):
    assert main(["render", str(APPENDIX), "-o", str(tmp_path)]) == 0
    made = sorted(p.name for p in tmp_path.iterdir())
    assert made == ["bao-cao-phu-luc-dien-tu-phu-luc.docx", "bao-cao-phu-luc-dien-tu.docx"]
    cv = congvan.load(APPENDIX)
    assert (tmp_path / made[0]).read_bytes() == congvan.render_appendix_files(cv)[0][1] == congvan.render_appendix_files(cv)[0][1]
    assert (tmp_path / made[1]).read_bytes() == congvan.render_docx(cv)


def test_render_never_overwrites_an_appendix_file_with_another_input(tmp_path, capsys):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "bc.yaml").write_text(APPENDIX.read_text(encoding="utf-8"), encoding="utf-8")
    (inputs / "bc-phu-luc.yaml").write_text(COPY.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["render", str(inputs / "bc-phu-luc.yaml"), str(inputs / "bc.yaml"), "-o", str(tmp_path / "out")]) == 1
    assert "tệp riêng bc-phu-luc.docx trùng tên tệp kết quả của" in capsys.readouterr().err
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["bc-phu-luc.docx"]
    assert (tmp_path / "out" / "bc-phu-luc.docx").read_bytes() == congvan.render_docx(congvan.load(inputs / "bc-phu-luc.yaml"))


def test_appendix_file_properties(made):
    from docx import Document

    props = Document(str(made["report-phu-luc"][0])).core_properties
    assert props.title == "Phụ lục Danh sách dịch vụ công trực tuyến toàn trình"


def test_two_appendices_one_in_its_own_file(tmp_path):
    text = APPENDIX.read_text(encoding="utf-8") + "  - tieu_de: Kinh phí\n    noi_dung: Tổng kinh phí là 350.000.000 đồng.\n"
    source = tmp_path / "bc.yaml"
    source.write_text(text, encoding="utf-8")
    cv = congvan.load(source)
    [(end, data)] = congvan.render_appendix_files(cv)
    assert end == "-phu-luc-I"
    assert ">Phụ lục I<" in zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    document = zipfile.ZipFile(io.BytesIO(congvan.render_docx(cv))).read("word/document.xml").decode("utf-8")
    assert ">Phụ lục II<" in document and ">Phụ lục I<" not in document
    assert "(Kèm theo Báo cáo số 61/BC-STTTT ngày 20 tháng 12 năm 2024" in document  # Mẫu 2.1: filled in


@pytest.mark.parametrize("extra, field, message", [
    ("  so: 5\n", "ban_sao.so", "bản sao điện tử không có số, ngày, nơi nhận, người ký của bản sao giấy"),
    ("  thoi_gian_ky: 2024-03-05\n", "ban_sao.thoi_gian_ky", "thời gian ký số phải có cả giờ, phút, giây"),
    ("  thoi_gian_ky: hôm qua\n", "ban_sao.thoi_gian_ky", "thời gian ký số 'hôm qua' không đúng dạng"),
])
def test_electronic_copy_errors(tmp_path, extra, field, message):
    text = COPY.read_text(encoding="utf-8").replace("  thoi_gian_ky: 2024-03-05T09:15:30+07:00\n", "") + extra
    source = tmp_path / "bs.yaml"
    source.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as info:
        congvan.load(source)
    assert f"trường '{field}': {message}" in str(info.value) and "dòng" in str(info.value)


def test_a_signed_appendix_needs_the_number(tmp_path):
    source = _variant(tmp_path, APPENDIX, "bc.yaml", "so: 61\n", "")
    source.write_text(source.read_text(encoding="utf-8").replace("    # thoi_gian_ky: 2024-12-20T15:30:00+07:00", "    thoi_gian_ky: 2024-12-20T15:30:00+07:00 #"), encoding="utf-8")
    with pytest.raises(InputError) as info:
        congvan.load(source)
    assert "trường 'phu_luc': phụ lục đã ký số (thoi_gian_ky) cần số của văn bản (so)" in str(info.value)


def test_times_are_in_vietnam_zone(tmp_path):
    text = COPY.read_text(encoding="utf-8").replace("2024-03-05T09:15:30+07:00", "2024-03-05T02:15:30Z")
    source = tmp_path / "bs.yaml"
    source.write_text(text, encoding="utf-8")
    assert congvan.load(source).ban_sao.ky_so.endswith("; 05/03/2024; 09:15:30+07:00")


def test_batch_writes_the_appendix_file_beside_the_document(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["batch", str(APPENDIX), "-o", str(out), "--format", "docx,pdf", "-j", "1"]) == 0
    stem = "61-BC-STTTT-2024-12-20"
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [
        f"{stem}-phu-luc.docx", f"{stem}-phu-luc.pdf", f"{stem}.docx", f"{stem}.pdf"]
    assert (out / f"{stem}-phu-luc.docx").read_bytes() == congvan.render_appendix_files(congvan.load(APPENDIX))[0][1]
    assert pages(out / f"{stem}-phu-luc.pdf")[0].lines[0].text == "Phụ lục"
    assert main(["batch", str(APPENDIX), "-o", str(out), "--format", "docx,pdf", "-j", "1"]) == 0
    assert "0 tạo mới, 1 bỏ qua" in capsys.readouterr().out
