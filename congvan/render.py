"""Rendering entry points: a CongVan → DOCX bytes or a file."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .docx.writer import DocxWriter, write_atomic
from .layout import DEFAULT_LAYOUT, Layout
from .model import CongVan


@lru_cache(maxsize=8)
def _writer(layout: Layout, template: Path | None) -> DocxWriter:
    return DocxWriter(layout, template)


def render_docx(cv: CongVan, layout: Layout = DEFAULT_LAYOUT, template: str | Path | None = None) -> bytes:
    """The .docx bytes of a dispatch; the same input always gives the same bytes."""
    return _writer(layout, Path(template) if template else None).to_bytes(cv)


def write_docx(cv: CongVan, path: str | Path, layout: Layout = DEFAULT_LAYOUT, template: str | Path | None = None) -> Path:
    """Render a dispatch to `path`, atomically: no half-written file on failure."""
    path = Path(path)
    write_atomic(path, render_docx(cv, layout, template))
    return path
