"""Shared fixtures: the examples, loaded and rendered once per session."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document

import congvan

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
SEEDS = Path(__file__).resolve().parent / "seeds"


@pytest.fixture(scope="session", params=EXAMPLES, ids=lambda p: p.stem)
def example(request) -> Path:
    return request.param


@pytest.fixture(scope="session")
def rendered(example) -> bytes:
    return congvan.render_docx(congvan.load(example))


@pytest.fixture(scope="session")
def document(rendered):
    return Document(io.BytesIO(rendered))


@pytest.fixture(scope="session")
def pdf_engine():
    """One LibreOffice engine for the whole test session."""
    from congvan.pdf import PdfEngine

    with PdfEngine(timeout=60) as engine:
        yield engine
