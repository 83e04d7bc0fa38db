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


def _fonts_of_pages(reader: PdfReader) -> dict[str, bool]:
    """Each font the pages use → whether it is embedded, read through pypdf."""
    fonts: dict[str, DictionaryObject] = {}
    for page in reader.pages:
        fonts.update(_page_fonts(page))
    return {name: is_embedded(font) for name, font in fonts.items()}


_FONT_OBJECT = re.compile(rb"\d+ 0 obj\s*<<\s*/Type\s*/Font(?:Descriptor)?\b")
_SUBTYPE = re.compile(rb"/Subtype\s*/(\w+)")
_BASE_FONT = re.compile(rb"/BaseFont\s*/([^\s/\[\]<>()]+)")
_DESCRIPTOR = re.compile(rb"/FontDescriptor\s+(\d+)\s+0\s+R")
_DESCENDANT = re.compile(rb"/DescendantFonts\s*\[\s*(\d+)\s+0\s+R\s*\]")
_FONT_FILE = re.compile(rb"/FontFile[23]?\s+\d+\s+0\s+R")


def _fonts_of_file(data: bytes, reader: PdfReader) -> dict[str, bool] | None:
    """The same as _fonts_of_pages, read from the bytes of a PDF laid out as
    LibreOffice writes it (a cross-reference table, every object whole, fonts
    without streams): pypdf parses each font's widths number by number, which costs
    a batch more than the rest of the finishing. None for any other file, or any
    font object this does not read (the caller then asks pypdf)."""
    if b"/ObjStm" in data or b"/XRefStm" in data:
        return None
    dicts: dict[int, bytes] = {}
    for number, offset in reader.xref.get(0, {}).items():
        if isinstance(offset, int) and _FONT_OBJECT.match(data, offset):
            end = data.find(b"endobj", offset)
            body = data[offset:end]
            if end < 0 or b"stream" in body or not body.startswith(b"%d 0 obj" % number):
                return None
            dicts[number] = body
    if not dicts:
        return None  # a page set in no font at all is not LibreOffice's output of a dispatch

    def embedded(number: int) -> bool | None:
        body = dicts.get(number)
        return None if body is None else _FONT_FILE.search(body) is not None

    fonts: dict[str, bool] = {}
    for body in dicts.values():
        subtype = _SUBTYPE.search(body)
        if subtype is None:
            continue  # a font descriptor
        kind = subtype[1]
        if kind in (b"CIDFontType0", b"CIDFontType2"):
            continue  # a Type0 font's descendant: counted with it
        name = _BASE_FONT.search(body)
        if name is None:
            return None
        if kind == b"Type3":
            found: bool | None = True
        else:
            if kind == b"Type0":
                child = _DESCENDANT.search(body)
                body = dicts.get(int(child[1]), b"") if child else b""
            descriptor = _DESCRIPTOR.search(body)
            found = embedded(int(descriptor[1])) if descriptor else False
        if found is None:
            return None
        fonts[re.sub(r"^[A-Z]{6}\+", "", name[1].decode("latin-1"))] = found
    return fonts


def font_problems(reader: PdfReader, data: bytes | None = None) -> list[str]:
    """Vietnamese messages, one per font that is not allowed or not embedded;
    `data`, the file's bytes, lets a LibreOffice PDF be read without parsing its fonts."""
    problems: list[str] = []
    fonts = _fonts_of_file(data, reader) if data is not None else None
    if fonts is None:
        fonts = _fonts_of_pages(reader)
    bad = {name for name in fonts if not is_allowed(name)}
    texts = _texts_by_font(reader, bad) if bad else {}
    for name in sorted(bad):
        sample = " ".join(texts.get(name, []))[:80] or "(không trích được)"
        problems.append(
            f"phông '{name}' không phải Times New Roman/Liberation Serif (LibreOffice thay phông "
            f"vì thiếu chữ), dùng cho: '{sample}'"
        )
    for name in sorted(n for n, embedded in fonts.items() if not embedded):
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
