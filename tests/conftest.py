"""Shared fixtures: the examples, loaded and rendered once per session."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import yaml
from docx import Document

import congvan

ROOT = Path(__file__).resolve().parent.parent
ALL_EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


def _loai(path: Path) -> str:
    return (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("loai") or "cong_van"


# The công văn examples (checked against their seeds); the other kinds have their own tests.
EXAMPLES = [p for p in ALL_EXAMPLES if _loai(p) == "cong_van"]
KIND_EXAMPLES = {p.stem: p for p in ALL_EXAMPLES if _loai(p) != "cong_van"}
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
