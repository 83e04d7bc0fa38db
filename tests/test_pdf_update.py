"""Finishing a PDF by an incremental update (congvan.pdf.update): the same bytes
whatever LibreOffice's clock said, the information every reader sees, the pages
untouched; a file not shaped as LibreOffice writes it is rewritten whole instead."""

from __future__ import annotations

import datetime as dt
import io
import logging
import subprocess
import time

from pypdf import PdfReader, PdfWriter

import congvan
from congvan.pdf import finish_pdf
from congvan.pdf.update import with_information
from tests.conftest import EXAMPLES


def _dated(cv):
    return cv.model_copy(update={"so": 7, "ngay": congvan.Ngay(ngay=9, thang=4, nam=2021)})


def _text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_two_conversions_finish_to_the_same_bytes(pdf_engine, tmp_path):
    cv = _dated(congvan.load(EXAMPLES[0]))
    docx = congvan.write_docx(cv, tmp_path / "cv.docx")
    first = pdf_engine.convert([(docx, tmp_path / "a.pdf")])[0]
    time.sleep(1.1)  # LibreOffice writes the time to the second, and a fresh /ID
    second = pdf_engine.convert([(docx, tmp_path / "b.pdf")])[0]
    assert first.ok and second.ok
    raw_a, raw_b = (tmp_path / "a.pdf").read_bytes(), (tmp_path / "b.pdf").read_bytes()
    assert raw_a != raw_b
    text_before = _text(tmp_path / "a.pdf")
    finish_pdf(tmp_path / "a.pdf", cv)
    finish_pdf(tmp_path / "b.pdf", cv)
    done = (tmp_path / "a.pdf").read_bytes()
    assert done == (tmp_path / "b.pdf").read_bytes()
    # An update appended: LibreOffice's bytes stay where they were, same length.
    assert len(done) > len(raw_a) and done[:1000] == raw_a[:1000]
    assert _text(tmp_path / "a.pdf") == text_before
    info = PdfReader(tmp_path / "a.pdf").metadata
    assert info["/Keywords"] == f"công văn, {cv.ky_hieu}, {cv.dia_danh}"
    assert info["/Creator"] == "congvan"
    assert info.creation_date == dt.datetime(2021, 4, 9, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    pdfinfo = subprocess.run(["pdfinfo", str(tmp_path / "a.pdf")], capture_output=True, text=True, check=True).stdout
    assert f"Subject:         Số: 07/{cv.ky_hieu}" in pdfinfo
    assert "CreationDate:    Thu Apr  8 17:00:00 2021 UTC" in pdfinfo or "Fri Apr  9 00:00:00 2021 ICT" in pdfinfo
    # No clock time is left anywhere in the file: the superseded dates are zeros.
    stamp = time.strftime("%Y%m%d", time.gmtime()).encode()
    assert b"D:" + stamp not in done


def _pypdf_file(**info: str) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    if info:
        writer.add_metadata(info)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_file_not_from_libreoffice_is_left_to_the_full_rewrite(tmp_path):
    data = _pypdf_file(**{"/Title": "x"})  # no /ID in its trailer
    assert with_information(data, PdfReader(io.BytesIO(data)), {"/Title": "y"}, b"\0" * 16) is None
    path = tmp_path / "blank.pdf"
    path.write_bytes(data)
    cv = _dated(congvan.load(EXAMPLES[0]))
    assert finish_pdf(path, cv) == 1
    info = PdfReader(path).metadata
    assert info.subject == f"Số: 07/{cv.ky_hieu}" and info["/Creator"] == "congvan"


def test_update_keeps_every_object_readable(pdf_engine, tmp_path, caplog):
    cv = _dated(congvan.load(EXAMPLES[-1]))
    docx = congvan.write_docx(cv, tmp_path / "cv.docx")
    assert pdf_engine.convert([(docx, tmp_path / "c.pdf")])[0].ok
    before = PdfReader(tmp_path / "c.pdf")
    pages = len(before.pages)
    finish_pdf(tmp_path / "c.pdf", cv)
    with caplog.at_level(logging.WARNING, logger="pypdf"):
        after = PdfReader(tmp_path / "c.pdf", strict=True)
        assert len(after.pages) == pages
    assert caplog.records == []  # pypdf finds nothing to repair
    assert len(after.pages) == pages
    assert [p.extract_text() for p in after.pages] == [p.extract_text() for p in before.pages]
    # The trailer's identifier is the data's own, in both places.
    first, second = (getattr(v, "original_bytes", v) for v in after.trailer["/ID"])
    assert first == second and len(first) == 16
