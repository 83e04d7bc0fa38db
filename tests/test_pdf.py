"""PDF output of the examples: text, pages, page numbers, fonts, metadata, PDF/A, merge.

All conversions of this module go through one engine and one batch where possible.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

import congvan
from congvan import DEFAULT_LAYOUT
from congvan.cli import main
from congvan.pdf import PdfError, finish_pdf, merge_pdfs, render_pdf
from tests.conftest import EXAMPLES
from tests.pdf_text import MM, body_words, fonts, words_with_boxes
from tests.test_seeds import STARTS_AT_SO, docx_blocks, is_interleaving, seed_words

PAGES = {"bau-cu-2021": 2, "covid-19-sau-15-9-2021": 3}
MALFORMED = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}'  # one "}" short


def _dated(cv):
    return cv.model_copy(update={"so": 5, "ngay": congvan.Ngay(ngay=5, thang=3, nam=2021)})


@pytest.fixture(scope="session")
def batch(pdf_engine, tmp_path_factory):
    """Every PDF this module looks at, converted in one engine call."""
    tmp = tmp_path_factory.mktemp("pdf")
    cvs = {p.stem: congvan.load(p) for p in EXAMPLES}
    cvs["dated"] = _dated(cvs["bau-cu-2021"])
    cvs["fallback"] = cvs["bau-cu-2021"].model_copy(update={"trich_yeu": "gọi ☎ số 1022 khi cần"})
    pairs = [(congvan.write_docx(cv, tmp / f"{k}.docx"), tmp / f"{k}.pdf") for k, cv in cvs.items()]
    results = pdf_engine.convert(pairs)
    assert [r.error for r in results] == [None] * len(pairs)
    assert [r.target for r in results] == [t for _, t in pairs]
    for key, cv in cvs.items():
        if key != "fallback":
            finish_pdf(tmp / f"{key}.pdf", cv)
    pdfa = pdf_engine.convert([(tmp / "dated.docx", tmp / "pdfa.pdf")], pdfa=True)
    bad = pdf_engine.convert([(tmp / "dated.docx", tmp / "malformed.pdf")], export=MALFORMED)
    assert pdfa[0].ok and bad[0].ok
    return tmp, cvs


def test_pdf_text_matches_seed(example, batch):
    """Word for word, as the DOCX test does: single paragraphs exactly, side-by-side
    rows as an interleaving of their cells, both in the PDF and in the seed."""
    tmp, cvs = batch
    from docx import Document

    blocks = docx_blocks(Document(tmp / f"{example.stem}.docx"))
    pdf = body_words(tmp / f"{example.stem}.pdf", DEFAULT_LAYOUT.le_trang.top)
    seed = seed_words(example.stem)
    p = s = 0
    for block in blocks:
        n = sum(len(cell) for cell in block)
        skip = example.stem in STARTS_AT_SO and s == 0 and (not block[0] or block[0][0] != "Số:")
        pdf_span = pdf[p:p + n]
        if len(block) == 1:
            assert pdf_span == block[0], f"PDF at word {p}: {' '.join(pdf_span[:12])!r}"
        else:
            assert is_interleaving(pdf_span, *block), f"PDF at word {p}: {' '.join(pdf_span[:12])!r}"
        p += n
        if skip:
            continue
        seed_span = seed[s:s + n]
        if len(block) == 1:
            assert seed_span == pdf_span, f"seed at word {s}: {' '.join(seed_span[:12])!r} / PDF {' '.join(pdf_span[:12])!r}"
        else:
            assert is_interleaving(seed_span, *block), f"seed at word {s}: {' '.join(seed_span[:12])!r}"
        s += n
    assert p == len(pdf), f"PDF has more words: {' '.join(pdf[p:p + 20])!r}"
    assert s == len(seed), f"seed has more words: {' '.join(seed[s:s + 20])!r}"


def test_page_count(example, batch):
    tmp, _ = batch
    assert len(PdfReader(tmp / f"{example.stem}.pdf").pages) == PAGES[example.stem]


def test_page_numbers(example, batch):
    """Phần I, Mục I.7: none on page 1; from page 2, centred in the top margin."""
    tmp, _ = batch
    pdf = tmp / f"{example.stem}.pdf"
    top = DEFAULT_LAYOUT.le_trang.top * MM
    assert [w for w in words_with_boxes(pdf, 1) if w[4] < top] == []
    left = DEFAULT_LAYOUT.le_trang.left * MM
    right = float(PdfReader(pdf).pages[0].mediabox.width) - DEFAULT_LAYOUT.le_trang.right * MM
    for page in range(2, PAGES[example.stem] + 1):
        header = [w for w in words_with_boxes(pdf, page) if w[4] < top]
        assert [w[0] for w in header] == [str(page)]
        _, x0, _, x1, _ = header[0]
        assert abs((x0 + x1) / 2 - (left + right) / 2) < 1.0


def test_fonts_are_times_compatible_and_embedded(example, batch):
    tmp, _ = batch
    found = fonts(tmp / f"{example.stem}.pdf")
    assert found
    for name, embedded in found:
        assert re.fullmatch(r"[A-Z]{6}\+(LiberationSerif|TimesNewRoman)\S*", name), name
        assert embedded, name


def test_font_fallback_is_reported_with_its_text(batch):
    tmp, cvs = batch
    assert any(name.endswith("+DejaVuSans") for name, _ in fonts(tmp / "fallback.pdf"))
    with pytest.raises(PdfError) as err:
        finish_pdf(tmp / "fallback.pdf", cvs["fallback"], label="x.yaml")
    assert err.value.source == "x.yaml" and len(err.value.problems) == 1
    assert str(err.value) == (
        "x.yaml: phông 'DejaVuSans' không phải Times New Roman/Liberation Serif "
        "(LibreOffice thay phông vì thiếu chữ), dùng cho: '☎'"
    )


def test_metadata(batch):
    tmp, _ = batch
    info = PdfReader(tmp / "dated.pdf").metadata
    assert info.title == "V/v bảo đảm thông tin liên lạc trong suốt thời gian tổ chức bầu cử đại biểu Quốc hội khóa XV và đại biểu HĐND các cấp nhiệm kỳ 2021 - 2026"
    assert info.author == "SỞ THÔNG TIN VÀ TRUYỀN THÔNG"
    assert info.subject == "Số: 05/STTTT-BCVT"
    assert info["/Keywords"] == "công văn, STTTT-BCVT, Đồng Tháp"
    assert info.creation_date == dt.datetime(2021, 3, 5, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    # A draft has no date of issue, so no creation date (and no clock time).
    assert PdfReader(tmp / "bau-cu-2021.pdf").metadata.creation_date is None
    pdfinfo = subprocess.run(["pdfinfo", str(tmp / "dated.pdf")], capture_output=True, text=True).stdout
    assert "Subject:         Số: 05/STTTT-BCVT" in pdfinfo


def test_pdfa_declares_pdfa_2b(batch):
    tmp, cvs = batch
    xmp = PdfReader(tmp / "pdfa.pdf").trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert re.search(r'pdfaid:part(="2"|>2<)', xmp) and re.search(r'pdfaid:conformance(="B"|>B<)', xmp)
    assert finish_pdf(tmp / "pdfa.pdf", cvs["dated"], pdfa=True) == 2
    # After finishing, still PDF/A-2b, and the XMP agrees with the document information.
    reader = PdfReader(tmp / "pdfa.pdf")
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert "/Filter" not in reader.trailer["/Root"]["/Metadata"].get_object()
    assert re.search(r'pdfaid:part(="2"|>2<)', xmp) and re.search(r'pdfaid:conformance(="B"|>B<)', xmp)
    assert "<xmp:CreateDate>2021-03-05T00:00:00+07:00</xmp:CreateDate>" in xmp
    assert "<pdf:Keywords>công văn, STTTT-BCVT, Đồng Tháp</pdf:Keywords>" in xmp
    assert "<rdf:li>SỞ THÔNG TIN VÀ TRUYỀN THÔNG</rdf:li>" in xmp
    assert ">Số: 05/STTTT-BCVT</rdf:li>" in xmp
    info = reader.metadata
    assert info["/Keywords"] == "công văn, STTTT-BCVT, Đồng Tháp"
    assert info.creation_date == dt.datetime(2021, 3, 5, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    assert info.subject == "Số: 05/STTTT-BCVT"


def test_malformed_filter_option_is_caught(batch):
    tmp, cvs = batch
    assert "pdfaid" not in (PdfReader(tmp / "malformed.pdf").trailer["/Root"].get("/Metadata") or {})
    with pytest.raises(PdfError, match=r"không phải PDF/A-2b \(không khai báo PDF/A"):
        finish_pdf(tmp / "malformed.pdf", cvs["dated"], pdfa=True)


def test_same_dispatch_same_pdf_bytes(pdf_engine):
    cv = _dated(congvan.load(EXAMPLES[0]))
    assert render_pdf(cv, engine=pdf_engine) == render_pdf(cv, engine=pdf_engine)


def test_merge_has_one_bookmark_per_dispatch(batch):
    tmp, _ = batch
    target = merge_pdfs([(tmp / "bau-cu-2021.pdf", "Bầu cử"), (tmp / "covid-19-sau-15-9-2021.pdf", "COVID-19")], tmp / "all.pdf")
    reader = PdfReader(target)
    assert len(reader.pages) == 5
    assert [(o.title, reader.get_destination_page_number(o)) for o in reader.outline] == [("Bầu cử", 0), ("COVID-19", 2)]


def test_cli_pdf_only_and_merge(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["render", *map(str, EXAMPLES), "-o", str(out), "--format", "pdf", "--merge", str(out / "tap.pdf")]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["bau-cu-2021.pdf", "covid-19-sau-15-9-2021.pdf", "tap.pdf"]
    reader = PdfReader(out / "tap.pdf")
    assert len(reader.pages) == 5
    assert [o.title for o in reader.outline] == [
        "Số: /STTTT-BCVT – V/v bảo đảm thông tin liên lạc trong suốt thời gian tổ chức bầu cử đại biểu Quốc hội khóa XV và đại biểu HĐND các cấp nhiệm kỳ 2021 - 2026",
        "Số: /STTTT-VP – V/v triển khai các nhiệm vụ phục vụ phòng chống dịch COVID-19 sau ngày 15/9/2021",
    ]
    assert not list(Path(tmp_path).glob("**/*.tmp"))


def test_cli_without_libreoffice(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PATH", str(tmp_path))
    out = tmp_path / "out"
    assert main(["render", str(EXAMPLES[0]), "-o", str(out), "--format", "docx,pdf"]) == 2
    assert capsys.readouterr().err == (
        "Lỗi: không tìm thấy LibreOffice ('soffice') để tạo PDF. "
        "Hãy cài: apt-get install libreoffice-writer-nogui fonts-liberation2\n"
    )
    assert not out.exists()


def test_missing_libreoffice_crosses_from_a_worker_process_whole(tmp_path, monkeypatch):
    # Raised in a pool's worker, the error is rebuilt in the batch from the name looked
    # for (not from its message, which then said everything twice); and the batch's
    # own first start of LibreOffice, before the pool, fails quietly: the workers say it.
    import pickle

    from congvan.batch.pdf import HeadStart
    from congvan.pdf import SofficeMissing

    again = pickle.loads(pickle.dumps(SofficeMissing("soffice")))
    assert str(again) == ("không tìm thấy LibreOffice ('soffice') để tạo PDF. "
                          "Hãy cài: apt-get install libreoffice-writer-nogui fonts-liberation2")
    monkeypatch.setenv("PATH", str(tmp_path))
    head = HeadStart(2)
    assert head.residents() == []
    head.close()


def test_cli_one_bad_pdf_does_not_stop_the_others(tmp_path, capsys):
    bad = tmp_path / "dien-thoai.yaml"
    text = EXAMPLES[0].read_text(encoding="utf-8")
    bad.write_text(text.replace("trich_yeu: >-\n", "trich_yeu: >-\n  gọi ☎ khi cần;\n", 1), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["render", str(bad), str(EXAMPLES[1]), "-o", str(out), "--format", "docx,pdf"]) == 1
    assert sorted(p.name for p in out.iterdir()) == [
        "covid-19-sau-15-9-2021.docx", "covid-19-sau-15-9-2021.pdf", "dien-thoai.docx",
    ]
    err = capsys.readouterr().err
    assert f"Lỗi: {bad}: phông 'DejaVuSans' không phải Times New Roman/Liberation Serif" in err
    assert err.endswith("1 tệp lỗi, không được tạo.\n")
