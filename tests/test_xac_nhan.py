"""Mẫu 1.10's confirmation block ("Xác nhận của … nơi nghỉ phép"), optional from the
data: read back from the PDF under the signer on the left, and known to `check`."""

from __future__ import annotations

import copy
import io
import zipfile

import pytest
from lxml import etree

import congvan
from congvan.errors import InputError
from congvan.layout import DEFAULT_LAYOUT
from tests.conftest import KIND_EXAMPLES
from tests.pdf_layout import MM, pages

LEFT = DEFAULT_LAYOUT.le_trang.left * MM
WIDTH = DEFAULT_LAYOUT.text_width_mm * MM
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def leave(pdf_engine, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("xac-nhan")
    cv = congvan.load(KIND_EXAMPLES["giay-nghi-phep"])
    text = KIND_EXAMPLES["giay-nghi-phep"].read_text(encoding="utf-8")
    (tmp / "plain.yaml").write_text(text.replace("\nxac_nhan: Ủy ban", "\nxac_nhan: true  # Ủy ban"), encoding="utf-8")
    plain = congvan.load(tmp / "plain.yaml")
    assert plain.xac_nhan is not None and plain.xac_nhan.noi_xac_nhan is None
    pairs = [(congvan.write_docx(c, tmp / f"{n}.docx"), tmp / f"{n}.pdf") for n, c in (("own", cv), ("plain", plain))]
    assert [r.error for r in pdf_engine.convert(pairs)] == [None, None]
    return cv, tmp


def test_confirmation_under_the_signer_on_the_left(leave):
    cv, tmp = leave
    page = pages(tmp / "own.pdf")[0]
    name = page.find(cv.nguoi_ky.ho_ten)
    noi_nhan = page.find("Nơi nhận:")
    heading = [line for line in page.lines if line.bold and line.top > name.bottom and line.x1 < LEFT + WIDTH / 2 + 1]
    assert " ".join(line.text for line in heading) == "Xác nhận của Ủy ban nhân dân phường 1, thành phố Đà Lạt"
    half = LEFT + WIDTH / 4
    for line in heading:  # centred in the left half, the signer's column clear
        assert abs(line.centre - half) < 1.5 and line.size == 13 and line.x1 < page.find("KT. GIÁM ĐỐC").x0
    assert heading[0].top > name.bottom + 10 and heading[0].top > noi_nhan.bottom
    hint = page.find("(Chữ ký, dấu)")
    assert hint.italic and abs(hint.centre - half) < 1.5 and hint.top > heading[-1].bottom - 1
    # Without a name, the sample's sentence, and nothing after the hint but the room to sign.
    page = pages(tmp / "plain.pdf")[0]
    text = " ".join(line.text for line in page.lines if line.bold and line.x1 < LEFT + WIDTH / 2 + 1 and line.top > page.find(cv.nguoi_ky.ho_ten).bottom)
    assert text == "Xác nhận của cơ quan (tổ chức) hoặc chính quyền địa phương nơi nghỉ phép"
    assert page.lines[-1].text == "(Chữ ký, dấu)"


def test_without_it_no_block(tmp_path):
    cv = congvan.load(KIND_EXAMPLES["giay-nghi-phep"]).model_copy(update={"xac_nhan": None})
    assert b"X\xc3\xa1c nh\xe1\xba\xadn c\xe1\xbb\xa7a" not in zipfile.ZipFile(io.BytesIO(congvan.render_docx(cv))).read("word/document.xml")


def test_only_a_giay_nghi_phep_has_it(tmp_path):
    source = KIND_EXAMPLES["giay-gioi-thieu"].read_text(encoding="utf-8") + "xac_nhan: true\n"
    (tmp_path / "ggt.yaml").write_text(source, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        congvan.load(tmp_path / "ggt.yaml")
    assert "trường 'xac_nhan': Giấy giới thiệu không có phần xác nhận (xac_nhan) (Phụ lục III, Mẫu 1.8)" in str(caught.value)


def test_check_finds_it_and_trips_when_beside_the_signer(leave):
    cv, tmp = leave
    data = (tmp / "own.docx").read_bytes()
    report = congvan.check_docx(data)
    assert [f for f in report.findings if f.severity == "error"] == []
    # Broken: the block moved into the Nơi nhận cell, beside the signer.
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    root = etree.fromstring(parts["word/document.xml"])
    tables = [t for t in root.iter(f"{W}tbl")]
    signature = next(t for t in tables if "Nơi nhận:" in "".join(t.itertext()))
    block = next(t for t in tables if "".join(t.itertext()).startswith("Xác nhận"))
    cell = signature.find(f"{W}tr").find(f"{W}tc")
    for p in block.find(f"{W}tr").find(f"{W}tc").findall(f"{W}p"):
        cell.append(copy.deepcopy(p))
    block.getparent().remove(block)
    parts["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for n, d in parts.items():
            archive.writestr(n, d)
    broken = congvan.check_docx(out.getvalue())
    assert [(f.rule, f.message) for f in broken.findings if f.severity == "error"] == [("xac_nhan", "khối xác nhận phải ở dưới khối chữ ký, bên trái")]
