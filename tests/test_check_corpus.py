"""The check corpus (tests/check_corpus/): documents made elsewhere, and what a
reviewer marks in each, written down by hand."""

from __future__ import annotations

import io
import shutil
import sys
from pathlib import Path

import pytest
from docx import Document

sys.path.insert(0, str(Path(__file__).resolve().parent / "check_corpus"))

import make_corpus  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import check_accuracy  # noqa: E402


def test_corpus_is_large_and_every_document_has_its_expectations():
    names = make_corpus.names()
    expected = check_accuracy.expected()
    assert len(names) >= 40
    assert set(names) == set(expected)
    kinds = {want["kind"] for want in expected.values()}
    assert {"cong_van", "quyet_dinh", "to_trinh", "bao_cao", "ke_hoach", "thong_bao", "giay_moi", "none"} <= kinds


def test_corpus_is_deterministic_and_written_without_styles():
    for name in ("cv-tab-ky-tu", "cv-hai-dong-drawing", "quyet-dinh"):
        data = make_corpus.build(name)
        assert data == make_corpus.build(name)
        doc = Document(io.BytesIO(data))
        used = {p.style.name for p in doc.paragraphs}
        assert used <= {"Normal"}, used  # the Word way: direct formatting only
        assert any(r.font.name for p in doc.paragraphs for r in p.runs)


def test_check_is_right_when_it_speaks_and_sees_what_a_reviewer_sees():
    score = check_accuracy.measure()
    assert score.precision >= 0.95, score.false
    assert score.recall >= 0.90, score.missed
    assert score.kinds_right == score.kinds == len(make_corpus.names())


def check(name: str):
    from congvan.check import check_docx

    return check_docx(make_corpus.build(name), name)


def test_a_margin_is_shown_with_the_precision_that_decides():
    messages = [f.message for f in check("cv-le-25-4").findings]
    assert "lề trên phải là 20–25 mm, không phải 25,4 mm" in messages
    assert not any(m.startswith("lề trái") for m in messages)  # 31,75 mm is allowed


def test_one_fault_on_every_paragraph_is_one_finding_with_its_count():
    [finding] = check("cv-co-chu-12").findings
    assert finding.rule == "noi_dung_co_chu" and finding.count == 4
    assert finding.text.startswith("Thực hiện Kế hoạch")  # the first of them
    assert "4 đoạn, đầu tiên: trang 1" in check("cv-co-chu-12").as_text()


def test_a_document_that_is_not_administrative_says_so_once():
    report = check("tieu-luan")
    assert report.kind == "none" and report.ok
    [finding] = report.findings
    assert finding.severity == "info" and finding.rule == "khong_phai_van_ban"


def test_another_kind_says_which_and_gets_only_its_rules():
    report = check("quyet-dinh")
    assert report.kind == "quyet_dinh" and report.findings == []
    assert report.as_text().startswith("quyet-dinh (Quyết định): 0 lỗi")


def test_footnote_marks_and_face_names_do_not_change_a_line():
    from congvan.check.parts import find_parts
    from congvan.check.reader import font_family, read_docx

    parts = find_parts(read_docx(make_corpus.build("cv-chu-thich-phong-dam")))
    assert [p.text for p in parts.ban_hanh] == ["SỞ NỘI VỤ1"] and parts.ban_hanh[0].bold
    assert parts.quoc_hieu.font == "Times New Roman"
    assert [font_family(f) for f in ("Times New Roman Bold", "TimesNewRomanPS-BoldMT", "Arial Bold Italic")] == [
        "Times New Roman", "Times New Roman", "Arial"]


def test_rules_are_read_in_every_form_with_their_length():
    from congvan.check.parts import find_parts
    from congvan.check.reader import read_docx

    for name in ("cv-hai-dong-drawing", "cv-mot-dong-vml", "cv-hai-bang-border", "cv-ke-bang", "cv-gach-duoi", "cv-tab-ky-tu",
                 "lo-cv-hai-dong-drawing"):
        parts = find_parts(read_docx(make_corpus.build(name)))
        # The generator draws the Tiêu ngữ rule 56 mm long, 55 mm when typed as characters.
        assert 54 <= parts.tieu_ngu_rule <= 57, (name, parts.tieu_ngu_rule)
        assert 9 <= parts.agency_rule <= 11.5, (name, parts.agency_rule)


needs_libreoffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")


@needs_libreoffice
def test_the_laid_out_page_shows_what_the_file_does_not():
    from congvan.check import check_many

    late = make_corpus.cong_van(second_page=True, page_numbers=True, signer=["KT GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"])
    sources = [make_corpus.build("cv-qh-gian-chu"), make_corpus.build("cv-chu-thich-phong-dam"), late]
    static = check_many(sources)
    laid = check_many(sources, lay_out=True)
    # Letters spread by 1 pt: the Quốc hiệu wraps only on the page LibreOffice sets.
    assert "quoc_hieu" not in static[0].errors() and laid[0].errors() == {"quoc_hieu"}
    # "Times New Roman Bold" is set as Times New Roman: nothing wraps, rules fit.
    assert laid[1].findings == [] and laid[1].notes == []
    # The real page of a finding: the signer is on page 2.
    [finding] = laid[2].findings
    assert finding.rule == "quyen_han" and finding.page == 2 and laid[2].errors() == {"quyen_han"}


def test_without_libreoffice_the_laid_out_rules_are_said_skipped(monkeypatch):
    from congvan.check import check_docx
    from congvan.check.laidout import SKIPPED

    monkeypatch.setenv("PATH", "/nonexistent")
    report = check_docx(make_corpus.build("cv-hai-dong-drawing"), lay_out=True)
    assert report.findings == [] and report.notes == [SKIPPED]
    assert f"Ghi chú: {SKIPPED}" in report.as_text() and report.as_dict()["notes"] == [SKIPPED]


def test_a_header_in_text_boxes_or_a_frame_is_read():
    from congvan.check.parts import find_parts
    from congvan.check.reader import read_docx

    for name in ("cv-hop-van-ban", "cv-khung"):
        parts = find_parts(read_docx(make_corpus.build(name)))
        assert [p.text for p in parts.chu_quan] == ["UBND TỈNH ĐỒNG THÁP"] and [p.text for p in parts.ban_hanh] == ["SỞ NỘI VỤ"]
        assert parts.so.text == "Số: 125/SNV-VP" and parts.so_side == parts.trich_yeu_side == "L"
        assert parts.quoc_hieu is not None and 54 <= parts.tieu_ngu_rule <= 57 and 9 <= parts.agency_rule <= 11


def test_a_dash_item_indented_as_a_whole_starts_where_the_decree_asks():
    from docx.shared import Cm

    from congvan.check import check_docx

    items = ["- Rà soát danh mục hồ sơ của cơ quan, đơn vị;", "- Lập hồ sơ công việc theo quy định;"]
    doc = Document(io.BytesIO(make_corpus.cong_van(body=[make_corpus.BODY[0], *items, make_corpus.BODY[3]])))
    for p in doc.paragraphs:
        if p.text in items:  # left indent 1,27 cm, no first-line indent: the dash sits at 1,27 cm
            p.paragraph_format.left_indent, p.paragraph_format.first_line_indent = Cm(1.27), Cm(0)
    out = io.BytesIO()
    doc.save(out)
    assert check_docx(out.getvalue()).findings == []
    for p in doc.paragraphs:
        if p.text in items:
            p.paragraph_format.left_indent = Cm(0.6)
    out = io.BytesIO()
    doc.save(out)
    [finding] = check_docx(out.getvalue()).findings
    assert finding.rule == "noi_dung_thut_dau_dong" and finding.count == 2 and finding.text.startswith("- Rà soát")
