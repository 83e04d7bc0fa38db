"""A file of its own (a phụ lục issued electronically, Mẫu 2.2; the electronic văn bản
kèm theo of a Quyết định, Mẫu 1.3) is a document of its own: its PDF's document
information carries its own title, as its DOCX properties do, from `render`, `batch`
and Python alike (and in PDF/A, where the XMP and the document information agree)."""

from __future__ import annotations

import subprocess

import pytest
from pypdf import PdfReader

import congvan
from congvan.cli import main
from tests.conftest import ROOT

APPENDIX = ROOT / "examples" / "bao-cao-phu-luc-dien-tu.yaml"
DECISION = ROOT / "examples" / "quyet-dinh-ban-hanh-quy-che.yaml"
FIRST = "Danh sách dịch vụ công trực tuyến toàn trình"
SECOND = "Kinh phí chuyển đổi số"


def _title(path) -> str:
    """The /Title as pypdf reads it, checked against poppler's pdfinfo."""
    title = str(PdfReader(path).metadata["/Title"])
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert [line.split(":", 1)[1].strip() for line in info.splitlines() if line.startswith("Title:")] == [title]
    return title


def _two_appendices(tmp_path):
    text = APPENDIX.read_text(encoding="utf-8")
    path = tmp_path / "two.yaml"
    path.write_text(text + f"  - tieu_de: {SECOND}\n    dien_tu: true\n    noi_dung: Tổng kinh phí là 350.000.000 đồng.\n",
                    encoding="utf-8")
    return path


def test_render_titles_each_file_after_itself(tmp_path, capsys):
    two = _two_appendices(tmp_path)
    out = tmp_path / "out"
    assert main(["render", str(APPENDIX), str(two), str(DECISION), "--kem-theo-rieng",
                 "-o", str(out), "--format", "pdf"]) == 0
    report, decision = congvan.load(APPENDIX), congvan.load(DECISION)
    assert _title(out / "bao-cao-phu-luc-dien-tu.pdf") == report.document_title
    assert _title(out / "bao-cao-phu-luc-dien-tu-phu-luc.pdf") == f"Phụ lục {FIRST}"
    assert _title(out / "two-phu-luc-I.pdf") == f"Phụ lục I {FIRST}"
    assert _title(out / "two-phu-luc-II.pdf") == f"Phụ lục II {SECOND}"
    assert _title(out / "quyet-dinh-ban-hanh-quy-che.pdf") == decision.document_title
    assert _title(out / "quyet-dinh-ban-hanh-quy-che-kem-theo.pdf") == "QUY CHẾ Làm việc của Sở Thông tin và Truyền thông"
    # Each file has an identifier of its own.
    ids = {bytes(PdfReader(p).trailer["/ID"][0].original_bytes) for p in out.glob("*.pdf")}
    assert len(ids) == 7


def test_batch_titles_the_appendix_file(tmp_path):
    out = tmp_path / "out"
    assert main(["batch", str(APPENDIX), "-o", str(out), "--format", "pdf", "-j", "1"]) == 0
    stem = "61-BC-STTTT-2024-12-20"
    assert _title(out / f"{stem}-phu-luc.pdf") == f"Phụ lục {FIRST}"
    assert _title(out / f"{stem}.pdf") == congvan.load(APPENDIX).document_title


@pytest.mark.parametrize("pdfa", [False, True])
def test_python_appendix_pdfs_are_titled(pdf_engine, tmp_path, pdfa):
    from congvan.pdf import render_appendix_pdfs

    cv = congvan.load(_two_appendices(tmp_path))
    made = render_appendix_pdfs(cv, pdfa=pdfa, engine=pdf_engine)
    assert [end for end, _ in made] == ["-phu-luc-I", "-phu-luc-II"]
    for (end, data), name in zip(made, (f"Phụ lục I {FIRST}", f"Phụ lục II {SECOND}")):
        path = tmp_path / f"x{end}.pdf"
        path.write_bytes(data)
        assert _title(path) == name
        if pdfa:  # the XMP says the same (dc:title)
            assert name in PdfReader(path).xmp_metadata.dc_title.values()
