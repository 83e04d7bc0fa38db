"""check's messages say what the decree requires, and its text and JSON outputs number
paragraphs alike (from 1, as a reader counts them in the document)."""

from __future__ import annotations

import io
import json
import re

import pytest
from docx import Document
from docx.shared import Pt

from congvan.check import check_docx
from congvan.cli import main
from tests.test_check import FAULTS, good, paragraphs, set_runs  # noqa: F401 (the fixture)

# What a requirement reads like: "phải …", "không được …"; a warning advises: "nên …".
REQUIRES = {"error": re.compile(r"\b(phải|không được)\b"), "warning": re.compile(r"\b(phải|không được|nên)\b")}


def faulty(data: bytes, fault) -> bytes:
    doc = Document(io.BytesIO(data))
    fault(doc)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


@pytest.mark.parametrize("fault", FAULTS, ids=list(FAULTS))
def test_every_message_says_what_is_required(good, fault):
    report = check_docx(faulty(good, FAULTS[fault]))
    assert report.findings
    for finding in report.findings:
        assert REQUIRES[finding.severity].search(finding.message), finding.message
        assert "(cần " not in finding.message and not finding.message.startswith("không thấy"), finding.message


@pytest.mark.parametrize(
    ("fault", "message"),
    [
        (lambda d: set_runs(paragraphs(d, "V/v")[0], bold=True), "không được in đậm"),
        (lambda d: set_runs(paragraphs(d, "CỘNG HÒA")[0], bold=False), "phải in đậm"),
        (lambda d: set_runs(paragraphs(d, "Đồng Tháp, ngày")[0], italic=False), "phải in nghiêng"),
        (lambda d: set_runs(paragraphs(d, "Kính gửi")[0], italic=True), "phải là kiểu chữ đứng, không được in nghiêng"),
        (lambda d: set_runs(paragraphs(d, "V/v")[0], size=Pt(14)), "cỡ chữ phải là 12–13 pt, không phải 14 pt"),
        (FAULTS["noi_dung_gian_dong"], "giãn dòng phải từ 1 đến 1,5 dòng, không phải 2 dòng"),
        (FAULTS["le_trang"], "lề trái phải là 30–35 mm, không phải 20 mm"),
    ],
    ids=["v_v-dam", "quoc_hieu-khong-dam", "ngay-dung", "kinh_gui-nghieng", "trich_yeu-co", "gian_dong", "le_trai"],
)
def test_the_message_of_a_fault(good, fault, message):
    assert message in [f.message for f in check_docx(faulty(good, fault)).findings]


def test_text_and_json_number_a_paragraph_alike(good, tmp_path, capsys):
    path = tmp_path / "v-v-dam.docx"
    path.write_bytes(faulty(good, lambda d: set_runs(paragraphs(d, "V/v")[0], bold=True)))
    assert main(["check", str(path)]) == 1
    text = capsys.readouterr().out
    assert main(["check", "--json", str(path)]) == 1
    finding = json.loads(capsys.readouterr().out)[0]["findings"][0]
    assert re.search(rf"\(trang 1, đoạn {finding['paragraph']}\) «V/v", text), text
    # The number is the paragraph's place in the document, counted from 1.
    doc = Document(str(path))
    body = [p for p in doc.element.body.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p")]
    shown = "".join(t.text for t in body[finding["paragraph"] - 1].iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"))
    assert shown.startswith("V/v") and "".join(shown.split()) == "".join(finding["text"].split())


def test_every_message_over_the_corpus_says_what_is_required():
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent / "check_corpus"))
    import make_corpus

    seen = set()
    for name in make_corpus.names():
        for finding in check_docx(make_corpus.build(name), name).findings:
            if finding.severity in REQUIRES:
                seen.add(finding.rule)
                assert REQUIRES[finding.severity].search(finding.message), (name, finding.message)
                assert "(cần " not in finding.message and not finding.message.startswith("không thấy"), (name, finding.message)
    assert len(seen) >= 10  # the corpus trips many rules
