"""The finishing reads a LibreOffice PDF's fonts and producer from its bytes (pypdf
parses every width of every font, and hexadecimal strings a digit at a time);
whatever file it is given, it must find exactly what pypdf finds, or leave the file
to pypdf."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

import congvan
from congvan.pdf import fonts
from congvan.pdf.engine import PDFA_FILTER
from tests.conftest import EXAMPLES, ROOT

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")

def handmade() -> bytes:
    """A page in Helvetica, a font every reader has and no one embeds, written as a
    small tool writes a PDF: spaced dictionaries, its own cross-reference table."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length 39 >>\nstream\nBT /F1 12 Tf 72 712 Td (Cong van) Tj ET\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Root 1 0 R /Size %d >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


HANDMADE = handmade()


def both(data: bytes) -> tuple[dict[str, bool] | None, dict[str, bool]]:
    reader = PdfReader(io.BytesIO(data))
    return fonts._fonts_of_file(data, reader), fonts._fonts_of_pages(reader)


@pytest.fixture(scope="module")
def pdfs(pdf_engine, tmp_path_factory) -> dict[str, bytes]:
    tmp = tmp_path_factory.mktemp("fonts")
    pairs = []
    for path in sorted((ROOT / "examples").glob("*.yaml")):
        docx = congvan.write_docx(congvan.load(path), tmp / f"{path.stem}.docx")
        pairs.append((docx, tmp / f"{path.stem}.pdf"))
    # A glyph Liberation Serif lacks: LibreOffice sets it in a fallback font.
    text = EXAMPLES[0].read_text(encoding="utf-8").replace("trich_yeu: >-\n", "trich_yeu: >-\n  gọi ☎ khi cần;\n", 1)
    phone = tmp / "dien-thoai.yaml"
    phone.write_text(text, encoding="utf-8")
    pairs.append((congvan.write_docx(congvan.load(phone), tmp / "dien-thoai.docx"), tmp / "dien-thoai.pdf"))
    results = pdf_engine.convert(pairs)
    assert all(r.ok for r in results), [r.error for r in results if not r.ok]
    pdfa = pdf_engine.convert([(pairs[0][0], tmp / "pdfa.pdf")], export=PDFA_FILTER)[0]
    assert pdfa.ok, pdfa.error
    made = {target.stem: target.read_bytes() for _, target in pairs}
    made["pdfa"] = (tmp / "pdfa.pdf").read_bytes()
    return made


def test_libreoffice_pdfs_are_read_from_their_bytes_as_pypdf_reads_them(pdfs):
    assert len(pdfs) >= 10
    for name, data in pdfs.items():
        fast, slow = both(data)
        assert fast is not None, name  # the fast path is taken for LibreOffice's files
        assert fast == slow, name
    fast, _ = both(pdfs["dien-thoai"])
    assert any(not fonts.is_allowed(n) for n in fast), fast  # the fallback font is seen


def test_other_tools_pdfs_give_the_same_fonts_or_go_to_pypdf(pdfs, tmp_path):
    rewritten = {}
    for name in ("dien-thoai", "pdfa", sorted(pdfs)[0]):
        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdfs[name])))
        out = io.BytesIO()
        writer.write(out)
        rewritten[f"{name} (pypdf)"] = out.getvalue()
        writer.compress_identical_objects()
        for page in writer.pages:
            page.compress_content_streams()
        out = io.BytesIO()
        writer.write(out)
        rewritten[f"{name} (pypdf, compressed)"] = out.getvalue()
        if shutil.which("pdftocairo"):
            source, target = tmp_path / f"{name}.pdf", tmp_path / f"{name}-cairo.pdf"
            source.write_bytes(pdfs[name])
            subprocess.run(["pdftocairo", "-pdf", str(source), str(target)], check=True)
            rewritten[f"{name} (cairo)"] = target.read_bytes()
    rewritten["handmade"] = HANDMADE
    for name, data in rewritten.items():
        fast, slow = both(data)
        assert fast is None or fast == slow, name
    assert both(HANDMADE) == ({"Helvetica": False}, {"Helvetica": False})


def test_a_font_not_embedded_and_not_allowed_is_said_either_way():
    reader = PdfReader(io.BytesIO(HANDMADE))
    assert fonts.font_problems(reader, HANDMADE) == fonts.font_problems(reader) == [
        "phông 'Helvetica' không phải Times New Roman/Liberation Serif (LibreOffice thay phông vì thiếu chữ), "
        "dùng cho: 'Cong van'",
        "phông 'Helvetica' không được nhúng vào PDF",
    ]


def test_the_producer_is_read_from_the_bytes_as_pypdf_reads_it(pdfs):
    from congvan.pdf.update import producer

    for name, data in pdfs.items():
        reader = PdfReader(io.BytesIO(data))
        assert producer(data, reader) == reader.metadata["/Producer"], name
        assert producer(data, reader).startswith("LibreOffice"), name
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.add_metadata({"/Producer": "Công cụ khác"})  # a literal string, not LibreOffice's hex
    out = io.BytesIO()
    writer.write(out)
    assert producer(out.getvalue(), PdfReader(io.BytesIO(out.getvalue()))) is None


def test_the_page_count_is_the_page_trees_own_as_pypdf_counts_it(pdfs):
    from congvan.pdf.finish import _page_count

    counts = {}
    for name, data in pdfs.items():
        reader = PdfReader(io.BytesIO(data))
        counts[name] = _page_count(reader)
        assert counts[name] == len(PdfReader(io.BytesIO(data)).pages), name
    assert max(counts.values()) > 1 and min(counts.values()) == 1, counts
    reader = PdfReader(io.BytesIO(HANDMADE))
    reader.trailer["/Root"]["/Pages"].pop("/Count")  # no count of its own: pypdf counts the pages
    assert _page_count(reader) == 1
