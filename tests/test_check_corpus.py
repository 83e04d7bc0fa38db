"""The check corpus (tests/check_corpus/): documents made elsewhere, and what a
reviewer marks in each, written down by hand."""

from __future__ import annotations

import io
import sys
from pathlib import Path

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
