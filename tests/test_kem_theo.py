"""Mẫu 1.3's văn bản kèm theo (a Quyết định quy định gián tiếp issues a Quy chế):
after the decision from a new page, its own header without Số and date, tên loại,
trích yếu, the '(Kèm theo …)' line and rule, Chương/Mục/Điều ending './.', its pages
numbered from 1 again; the electronic one in a file of its own; `check` knows both."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
import yaml

import congvan
from congvan.errors import InputError
from congvan.layout import DEFAULT_LAYOUT
from congvan.render import render_kem_theo_docx
from tests.conftest import KIND_EXAMPLES
from tests.pdf_layout import MM, pages

LEFT = DEFAULT_LAYOUT.le_trang.left * MM
WIDTH = DEFAULT_LAYOUT.text_width_mm * MM
CENTRE = LEFT + WIDTH / 2
TOP = DEFAULT_LAYOUT.le_trang.top * MM
INDENT = DEFAULT_LAYOUT.thut_dau_dong_cm * 10 * MM
EXAMPLE = KIND_EXAMPLES["quyet-dinh-ban-hanh-quy-che"]
REFERENCE = "(Kèm theo Quyết định số 130/QĐ-STTTT ngày 20 tháng 3 năm 2024 của Sở Thông tin và Truyền thông)"
BLANK = "(Kèm theo Quyết định số …/QĐ-STTTT ngày … tháng … năm … của Sở Thông tin và Truyền thông)"
SIGNED_AT = "2024-03-20T02:15:30Z"  # 09:15:30 in Vietnam
PLACE = 10 * 1.1 + 12  # the place of the signature: one 10 pt line and the space under it


def _long(tmp):
    """The example with a longer Quy chế (three pages or so) and a phụ lục after it."""
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    text = "Công chức, viên chức thực hiện nhiệm vụ được giao đúng quy định, bảo đảm chất lượng, tiến độ và hiệu quả công việc. " * 3
    data["van_ban_kem_theo"]["chuong"].insert(1, {"tieu_de": "Chế độ làm việc", "dieu": [{"tieu_de": f"Nội dung {i}", "noi_dung": text} for i in range(1, 13)]})
    data["phu_luc"] = [{"tieu_de": "Danh sách phòng", "noi_dung": "Văn phòng Sở; Thanh tra Sở."}]
    path = tmp / "dai.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return congvan.load(path)


def _signed(tmp, drop_number=False):
    """The example, its văn bản kèm theo signed (the file made again after signing)."""
    text = EXAMPLE.read_text(encoding="utf-8")
    text, count = re.subn(r"\nvan_ban_kem_theo:[^\n]*\n", f"\nvan_ban_kem_theo:\n  thoi_gian_ky: {SIGNED_AT}\n", text)
    assert count == 1 and "\nso: 130\n" in text
    path = tmp / "ky.yaml"
    path.write_text(text.replace("\nso: 130\n", "\n") if drop_number else text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def rendered(pdf_engine, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("kem-theo")
    cv = congvan.load(EXAMPLE)
    (tmp / "dien-tu.docx").write_bytes(render_kem_theo_docx(cv))
    (tmp / "dien-tu-ky.docx").write_bytes(render_kem_theo_docx(congvan.load(_signed(tmp))))
    docs = {"giay": congvan.write_docx(cv, tmp / "giay.docx"), "dien-tu": tmp / "dien-tu.docx",
            "dien-tu-ky": tmp / "dien-tu-ky.docx", "dai": congvan.write_docx(_long(tmp), tmp / "dai.docx")}
    results = pdf_engine.convert([(d, tmp / f"{n}.pdf") for n, d in docs.items()])
    assert [r.error for r in results] == [None] * 4
    return cv, {n: pages(tmp / f"{n}.pdf") for n in docs}, docs


def _attached_page(page, reference=REFERENCE, below=0.0):
    """The first page of the attached document, as Mẫu 1.3 draws it (`below`: the
    header lowered by the place of a digital signature above it)."""
    # The agency on the left, the Quốc hiệu and Tiêu ngữ on the right, at the top.
    qh = next(line for line in page.lines if line.text.endswith("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
    agency, tieu_ngu = page.find("SỞ THÔNG TIN"), page.find("Độc lập - Tự do - Hạnh phúc")
    assert qh.top < TOP + 20 + below and agency.x1 < CENTRE < tieu_ngu.x0 + 20 and tieu_ngu.top < agency.bottom + 3
    assert not [line for line in page.lines if line.top > qh.top - 3 and (line.text.startswith("Số:") or ", ngày" in line.text)]  # no Số, no date
    title = page.find("QUY CHẾ")
    assert title.bold and title.size == 14 and abs(title.centre - CENTRE) < 1.5 and title.top > page.find("Độc lập").bottom + 10
    trich_yeu = page.find("Làm việc của Sở Thông tin và Truyền thông")
    assert trich_yeu.bold and abs(trich_yeu.centre - CENTRE) < 1.5 and 0 < trich_yeu.top - title.bottom < 6
    ref = [line for line in page.lines if line.italic and trich_yeu.bottom < line.top < trich_yeu.bottom + 50]
    assert " ".join(line.text for line in ref) == reference
    for line in ref:
        assert line.size == 14 and abs(line.centre - CENTRE) < 1.5
    x0, x1, y = page.rule_under(ref[-1])
    assert abs((x0 + x1) / 2 - CENTRE) < 1.5 and x1 - x0 < WIDTH / 4  # the short rule
    chapter, name = page.find("Chương I"), page.find("QUY ĐỊNH CHUNG")
    assert chapter.top > y and chapter.bold and name.bold and abs(chapter.centre - CENTRE) < 1.5 and abs(name.centre - CENTRE) < 1.5
    article = page.find("Điều 1. Phạm vi điều chỉnh")
    assert article.bold and abs(article.x0 - (LEFT + INDENT)) < 1.5
    assert not [line for line in page.lines if line.text.startswith("Nơi nhận")]  # no signer of its own
    return page


def test_paper_attached_document_follows_the_decision(rendered):
    cv, docs, _ = rendered
    doc = docs["giay"]
    assert len(doc) == 2
    first = doc[0]
    assert first.find("Số: 130/QĐ-STTTT") and first.find("QUYẾT ĐỊNH") and not [l for l in first.lines if l.text == "QUY CHẾ"]
    assert first.find("Nơi nhận:") and first.find(cv.nguoi_ky.ho_ten)
    page = _attached_page(doc[1])
    assert [l.text for l in page.lines if l.bottom < TOP] == []  # its page 1: no number (Phần I, Mục I.7)
    articles = [l.text.split(".")[0] for l in page.lines if re.match(r"Điều \d+\.", l.text)]
    assert articles == [f"Điều {i}" for i in range(1, 6)]  # numbered across chapters
    assert page.find("Mục 1").bold and page.find("GIÁM ĐỐC SỞ").bold and page.find("Chương III")
    assert page.lines[-1].text.endswith("./.") and page.lines[-1].text.count("./.") == 1


def test_attached_pages_numbered_on_their_own(rendered):
    _, docs, _ = rendered
    doc = docs["dai"]
    starts = [i for i, p in enumerate(doc) if any(l.text == "QUY CHẾ" for l in p.lines)]
    appendix = [i for i, p in enumerate(doc) if any(l.text == "Phụ lục" for l in p.lines)]
    assert starts == [1] and appendix and appendix[0] >= 3
    numbers = [[l.text for l in p.lines if l.bottom < TOP] for p in doc]
    assert numbers[0] == [] and numbers[1] == [] and numbers[appendix[0]] == []
    assert numbers[2:appendix[0]] == [[str(n)] for n in range(2, appendix[0])]  # 2, 3… from the Quy chế's first page
    last = doc[appendix[0] - 1]
    assert [l for l in last.lines if l.bottom > TOP][-1].text.endswith("./.")


def test_electronic_attached_document_alone_without_number_and_date(rendered):
    _, docs, paths = rendered
    doc = docs["dien-tu"]
    assert len(doc) == 1
    page = _attached_page(doc[0], BLANK, below=PLACE + 2)
    assert not [l for l in page.lines if l.text in ("QUYẾT ĐỊNH", "QUYẾT ĐỊNH:")]
    with zipfile.ZipFile(paths["dien-tu"]) as archive:
        assert "<dc:title>QUY CHẾ Làm việc" in archive.read("docProps/core.xml").decode()


def _qh(page):
    return next(line for line in page.lines if line.text.endswith("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))


def test_electronic_attached_document_keeps_the_place_of_the_signature(rendered):
    """Phụ lục I, II.8b: in a file of its own the văn bản kèm theo is signed by the
    agency, top right of its first page; unsigned, the place is left empty for the
    signing software, the header one 10 pt line and its space lower than on paper."""
    _, docs, paths = rendered
    paper = next(p for p in docs["giay"] if any(line.text == "QUY CHẾ" for line in p.lines))
    electronic = docs["dien-tu"][0]
    assert electronic.lines[0].text.startswith(("UBND TỈNH ĐỒNG THÁP", "SỞ THÔNG TIN", "CỘNG HÒA"))  # nothing printed above the header
    shift = _qh(electronic).top - _qh(paper).top
    assert PLACE - 2 < shift < 10 * 1.2 + 12 + 2
    body = zipfile.ZipFile(paths["dien-tu"]).read("word/document.xml").decode("utf-8")
    first = body[body.index("<w:body>"):body.index("</w:p>")]
    assert 'w:name="CHU_KY_SO"' in first and "<w:t" not in first
    # In the decision's own file the văn thư signs the decision only: no place.
    assert "CHU_KY_SO" not in zipfile.ZipFile(paths["giay"]).read("word/document.xml").decode("utf-8")


def test_signed_electronic_attached_document_from_pdf(rendered):
    """Mẫu 1.3 (electronic), notes 4 and 5: the decision's số và ký hiệu and the time of
    signing, Times New Roman, upright, 10 pt, at the right margin above the header."""
    page = rendered[1]["dien-tu-ky"][0]
    stamp = page.lines[0]
    assert stamp.text == "Số: 130/QĐ-STTTT; 20/03/2024; 09:15:30+07:00"
    assert stamp.size == 10 and not stamp.bold and not stamp.italic
    assert all("Serif" in f or "Times" in f for f in stamp.fonts)
    assert abs(stamp.x1 - (LEFT + WIDTH)) < 1.5 and stamp.x0 > CENTRE
    assert TOP - 1 < stamp.top < TOP + 12 and _qh(page).top > stamp.bottom + 6
    _attached_page(page, BLANK, below=PLACE + 2)


def test_signed_attached_document_needs_the_decision_number(tmp_path):
    path = _signed(tmp_path, drop_number=True)
    with pytest.raises(InputError) as caught:
        congvan.load(path)
    assert "văn bản kèm theo đã ký số (thoi_gian_ky) cần số của quyết định (so)" in str(caught.value)


def _edit(data: bytes, old: str, new: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    xml = parts["word/document.xml"].decode()
    assert old in xml
    parts["word/document.xml"] = xml.replace(old, new).encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for n, d in parts.items():
            archive.writestr(n, d)
    return out.getvalue()


def _errors(data: bytes) -> list[tuple[str, str]]:
    return [(f.rule, f.message) for f in congvan.check_docx(data).findings if f.severity == "error"]


def test_check_knows_the_attached_document(rendered):
    _, _, paths = rendered
    paper, electronic = paths["giay"].read_bytes(), paths["dien-tu"].read_bytes()
    assert _errors(paper) == [] and _errors(electronic) == []
    report = congvan.check_docx(electronic)
    assert report.kind == "quy_che"
    wrong = _edit(paper, "số 130/QĐ-STTTT ngày 20", "số 131/QĐ-STTTT ngày 20")
    assert _errors(wrong) == [("kem_theo", "dòng «(Kèm theo …)» phải ghi số, ký hiệu của quyết định «130/QĐ-STTTT», không phải «131/QĐ-STTTT»")]
    unclosed = _edit(paper, "thực hiện Quy chế này./.", "thực hiện Quy chế này.")
    assert _errors(unclosed) == [("kem_theo", "nội dung phải kết thúc bằng «./.»")]
    renumbered = _edit(paper, "Điều 4. Trách nhiệm", "Điều 7. Trách nhiệm")
    assert _errors(renumbered) == [("kem_theo_dieu", "các điều phải đánh số liên tục từ Điều 1: không phải «Điều 7.» ở chỗ này")]
    # Signed, the file of its own is still the attached document ("Số: …; <time>" is
    # the signature, not its number), its signature line held to II.8b.
    signed = paths["dien-tu-ky"].read_bytes()
    assert congvan.check_docx(signed).kind == "quy_che" and _errors(signed) == []
    assert _errors(_edit(signed, '<w:sz w:val="20"/>', '<w:sz w:val="24"/>')) == [("chu_ky_so", "cỡ chữ phải là 10 pt, không phải 12 pt")]
    no_line = _edit(paper, "(Kèm theo Quyết định", "Theo Quyết định")
    assert ("kem_theo", "phải có dòng «(Kèm theo Quyết định số … ngày … tháng … năm … của …)» dưới trích yếu") == _errors(no_line)[0]


def _error(tmp_path, text: str) -> str:
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        congvan.load(path)
    return str(caught.value)


def test_kem_theo_data_errors(tmp_path):
    source = EXAMPLE.read_text(encoding="utf-8")
    assert "Công văn không có văn bản kèm theo (van_ban_kem_theo)" in _error(
        tmp_path, KIND_EXAMPLES["giay-moi-hop"].parent.joinpath("bau-cu-2021.yaml").read_text(encoding="utf-8")
        + "van_ban_kem_theo: {loai: quy_che, trich_yeu: A, dieu: [B]}\n")
    message = _error(tmp_path, source.replace("loai: quy_che ", "loai: cong_van "))
    assert "trường 'van_ban_kem_theo.loai'" in message and "không có loại 'cong_van'" in message
    both = source.replace("    - tieu_de: Tổ chức thực hiện\n      dieu:", "    - tieu_de: Tổ chức thực hiện\n      muc: [{tieu_de: X, dieu: [Y]}]\n      dieu:")
    assert "chương cần các điều (dieu) hoặc các mục (muc), không cả hai" in _error(tmp_path, both)


def test_kem_theo_is_deterministic():
    cv = congvan.load(EXAMPLE)
    assert render_kem_theo_docx(cv) == render_kem_theo_docx(congvan.load(EXAMPLE))
    assert congvan.render_docx(cv) == congvan.render_docx(congvan.load(EXAMPLE))


def test_render_writes_the_electronic_attached_document_apart(tmp_path, capsys):
    from congvan.cli import main

    assert main(["render", str(EXAMPLE), "-o", str(tmp_path / "giay")]) == 0
    assert [p.name for p in (tmp_path / "giay").iterdir()] == [f"{EXAMPLE.stem}.docx"]
    out = tmp_path / "dien-tu"
    assert main(["render", str(EXAMPLE), "--kem-theo-rieng", "-o", str(out)]) == 0
    decision, attached = out / f"{EXAMPLE.stem}.docx", out / f"{EXAMPLE.stem}-kem-theo.docx"
    assert sorted(p.name for p in out.iterdir()) == sorted([decision.name, attached.name])
    assert f"Đã tạo {attached}" in capsys.readouterr().out
    cv = congvan.load(EXAMPLE)
    assert attached.read_bytes() == render_kem_theo_docx(cv)
    assert decision.read_bytes() == congvan.render_docx(cv.model_copy(update={"van_ban_kem_theo": None}))
    with zipfile.ZipFile(decision) as archive:
        assert "QUY CHẾ" not in archive.read("word/document.xml").decode()  # the decision alone
    report = congvan.check_docx(attached)
    assert report.kind == "quy_che" and [f for f in report.findings if f.severity == "error"] == []
