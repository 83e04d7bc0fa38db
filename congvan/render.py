"""Rendering entry points: a CongVan → DOCX bytes or a file."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .docx.components import appendix
from .docx.writer import DocxWriter, kem_theo_title, write_atomic
from .layout import DEFAULT_LAYOUT, Layout, load_layout
from .model import CongVan


@lru_cache(maxsize=8)
def _writer(layout: Layout, template: Path | bytes | None) -> DocxWriter:
    return DocxWriter(layout, template)


@lru_cache(maxsize=8)
def _profile(path: Path, mtime_ns: int) -> Layout:
    return load_layout(path)


def writer_for(cv: CongVan, layout: Layout = DEFAULT_LAYOUT, template: str | Path | bytes | None = None) -> DocxWriter:
    """The writer of a dispatch: what the caller asks for (a .docx template as a file
    or as its bytes), else the dispatch's own `layout:` (a .docx template or a YAML
    profile), else the defaults."""
    if cv.layout and template is None:
        own = Path(cv.layout)
        if own.suffix.lower() == ".docx":
            template = own
        elif layout == DEFAULT_LAYOUT:
            layout = _profile(own, own.stat().st_mtime_ns if own.exists() else 0)
    if isinstance(template, (bytes, bytearray)):
        return _writer(layout, bytes(template))
    return _writer(layout, Path(template) if template else None)


def render_docx(cv: CongVan, layout: Layout = DEFAULT_LAYOUT, template: str | Path | bytes | None = None) -> bytes:
    """The .docx bytes of a dispatch; the same input always gives the same bytes."""
    return writer_for(cv, layout, template).to_bytes(cv)


def write_docx(cv: CongVan, path: str | Path, layout: Layout = DEFAULT_LAYOUT, template: str | Path | bytes | None = None) -> Path:
    """Render a dispatch to `path`, atomically: no half-written file on failure."""
    path = Path(path)
    write_atomic(path, render_docx(cv, layout, template))
    return path


def render_kem_theo_docx(cv: CongVan, layout: Layout = DEFAULT_LAYOUT, template: str | Path | bytes | None = None) -> bytes:
    """Mẫu 1.3: the electronic văn bản kèm theo of a Quyết định, a file of its own (its
    "(Kèm theo …)" line without the number and date, note 2)."""
    return writer_for(cv, layout, template).kem_theo_bytes(cv)


def render_appendix_files(cv: CongVan, layout: Layout = DEFAULT_LAYOUT, template: str | Path | bytes | None = None) -> list[tuple[str, bytes]]:
    """The phụ lục issued as electronic files of their own (`dien_tu: true`, Mẫu 2.2),
    each as the end of its file's name ("-phu-luc", "-phu-luc-II") and its bytes;
    `render_docx` gives the document without them."""
    return writer_for(cv, layout, template).appendix_files(cv)


def own_file_titles(cv: CongVan) -> dict[str, str]:
    """The title of each file of its own a dispatch can make, by the end of the file's
    name: "-phu-luc…" (Mẫu 2.2) and "-kem-theo" (Mẫu 1.3); its DOCX properties and its
    PDF's document information (`congvan.pdf.finish_pdf(..., title=...)`) both carry it."""
    titles = appendix.file_titles(cv)
    if cv.van_ban_kem_theo is not None:
        titles["-kem-theo"] = kem_theo_title(cv)
    return titles
