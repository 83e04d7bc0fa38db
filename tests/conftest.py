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


# -- every rendering of the suite, for tests/test_render_check_agree.py ------------------------

RENDERED: dict[str, tuple] = {}  # one per distinct (dispatch, writer): (cv, writer, bytes)
AGREE_MODULE = "test_render_check_agree.py"


@pytest.fixture(scope="session", autouse=True)
def _record_renderings():
    """Keep what the writer renders in this process, whatever the test, so that one test
    can hold each rendering against `congvan check` (the suite's inputs: a few hundred)."""
    from congvan.docx.writer import DocxWriter

    original = DocxWriter.to_bytes

    def to_bytes(self, cv):
        data = original(self, cv)
        key = f"{cv.model_dump_json()}|{self.layout.model_dump_json()}|{self.template_path}"
        RENDERED.setdefault(key, (cv, self, data))
        return data

    DocxWriter.to_bytes = to_bytes
    yield
    DocxWriter.to_bytes = original


def pytest_collection_modifyitems(items):
    """The agreement test runs last, when every other test has rendered its inputs."""
    items.sort(key=lambda item: item.path.name == AGREE_MODULE)
