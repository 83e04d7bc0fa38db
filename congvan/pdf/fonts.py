"""Font check of a produced PDF: Times New Roman or Liberation Serif, all embedded.

Nghị định 30/2020, Phụ lục I, I.3: văn bản dùng phông chữ tiếng Việt Times New Roman
(Unicode, TCVN 6909:2001). Liberation Serif has the same metrics (same widths, same
line breaks), so LibreOffice's substitution is accepted. Any other font, typically a
fallback for a glyph the serif font lacks, is reported with the text it set.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from pypdf import PdfReader
from pypdf.generic import DictionaryObject

ALLOWED_FAMILIES = ("TimesNewRoman", "LiberationSerif")


def font_name(font: DictionaryObject) -> str:
    """The font's base name without the subset tag (`ABCDEF+`)."""
    name = str(font.get("/BaseFont", "(không tên)")).lstrip("/")
    return re.sub(r"^[A-Z]{6}\+", "", name)


def is_allowed(name: str) -> bool:
    family = re.split(r"[-,]", name.replace(" ", ""), maxsplit=1)[0]
    return any(family.startswith(allowed) for allowed in ALLOWED_FAMILIES)


def is_embedded(font_ref: DictionaryObject) -> bool:
    font: Any = font_ref.get_object()
    if font.get("/Subtype") == "/Type3":
        return True  # glyphs are drawn by the PDF itself
    if font.get("/Subtype") == "/Type0":
        font = font["/DescendantFonts"][0].get_object()
    descriptor = font.get("/FontDescriptor")
    if descriptor is None:
        return False
    descriptor = descriptor.get_object()
    return any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


def _page_fonts(page: Any) -> dict[str, DictionaryObject]:
    resources = page.get("/Resources")
    fonts = resources.get_object().get("/Font") if resources else None
    if not fonts:
        return {}
    return {font_name(f.get_object()): f.get_object() for f in fonts.get_object().values()}


def font_problems(reader: PdfReader) -> list[str]:
    """Vietnamese messages, one per font that is not allowed or not embedded."""
    problems: list[str] = []
    fonts: dict[str, DictionaryObject] = {}
    for page in reader.pages:
        fonts.update(_page_fonts(page))
    bad = {name for name in fonts if not is_allowed(name)}
    texts = _texts_by_font(reader, bad) if bad else {}
    for name in sorted(bad):
        sample = " ".join(texts.get(name, []))[:80] or "(không trích được)"
        problems.append(
            f"phông '{name}' không phải Times New Roman/Liberation Serif (LibreOffice thay phông "
            f"vì thiếu chữ), dùng cho: '{sample}'"
        )
    for name in sorted(n for n, f in fonts.items() if not is_embedded(f)):
        problems.append(f"phông '{name}' không được nhúng vào PDF")
    return problems


def _texts_by_font(reader: PdfReader, names: set[str]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)

    def visit(text: str, cm: Any, tm: Any, font_dict: Any, font_size: Any) -> None:
        if font_dict is not None and text.strip():
            name = font_name(font_dict)
            if name in names:
                found[name].append(text.strip())

    for page in reader.pages:
        page.extract_text(visitor_text=visit)
    return found
