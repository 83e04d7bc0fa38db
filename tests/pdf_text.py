"""Reading produced PDFs in tests, independently of congvan.pdf: poppler's pdftotext
and pdffonts, and pypdf's plain text extraction."""

from __future__ import annotations

import subprocess
from pathlib import Path

from lxml import etree
from pypdf import PdfReader

MM = 72 / 25.4


def words_with_boxes(pdf: Path, page: int) -> list[tuple[str, float, float, float, float]]:
    """(word, xMin, yMin, xMax, yMax) of one page (1-based), y from the top, in points."""
    html = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
                          check=True, capture_output=True).stdout
    root = etree.fromstring(html, etree.HTMLParser(encoding="utf-8"))
    return [(w.text or "", *(float(w.get(k)) for k in ("xmin", "ymin", "xmax", "ymax")))
            for w in root.iter("word")]


def body_words(pdf: Path, top_margin_mm: float) -> list[str]:
    """Every word of the PDF in pypdf's reading order, leaving out the top margin
    (the page numbers live there)."""
    words: list[str] = []
    for page in PdfReader(pdf).pages:
        top = float(page.mediabox.top) - top_margin_mm * MM
        parts: list[str] = []

        def visit(text, cm, tm, font, size, parts=parts, top=top):
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            if y <= top:
                parts.append(text)

        page.extract_text(visitor_text=visit)
        words += _join_breaks_at_hyphens("".join(parts))
    return words


def _join_breaks_at_hyphens(text: str) -> list[str]:
    """Words of the text; a line that ends inside a hyphenated word ("COVID-" then
    "19") is one word: LibreOffice may break a line after a hyphen the text has (it
    adds none of its own: hyphenation is off)."""
    words: list[str] = []
    glue = False
    for line in text.splitlines():
        parts = line.split()
        if glue and parts:
            words[-1] += parts.pop(0)
        words += parts
        glue = bool(words) and len(words[-1]) > 1 and words[-1].endswith("-")
    return words


def fonts(pdf: Path) -> list[tuple[str, bool]]:
    """(font name, embedded) for every font, as pdffonts lists them."""
    lines = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True).stdout.splitlines()[2:]
    out = []
    for line in lines:
        cols = line.split()
        # name type… encoding emb sub uni object ID: emb is the 5th column from the end.
        out.append((cols[0], cols[-5] == "yes"))
    return out
