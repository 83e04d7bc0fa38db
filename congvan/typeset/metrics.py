"""Widths of text set in Times New Roman, from the table in `widths.py`.

The table is read from Liberation Serif, which has the advance widths of Times New
Roman (Word) and is what LibreOffice sets it with, so both show the same lines.
No font is opened at run time: the same input gives the same lines on every machine.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from .widths import UNITS_PER_EM, WIDTHS

_TABLES = {face: dict(zip(chars, widths)) for face, (chars, widths) in WIDTHS.items()}
# Characters the font lacks that the word processors draw with another glyph: the
# non-breaking hyphen (w:noBreakHyphen) is drawn as a hyphen.
_DRAWN_AS = {"\u2011": "-"}


def _face(bold: bool, italic: bool) -> str:
    return ("bold_italic" if italic else "bold") if bold else ("italic" if italic else "regular")


@lru_cache(maxsize=4096)
def _char_units(char: str, face: str) -> int:
    table = _TABLES[face]
    if char in table:
        return table[char]
    if char in _DRAWN_AS:
        return table[_DRAWN_AS[char]]
    # A letter the table lacks: its base letter (the marks take no advance).
    base = unicodedata.normalize("NFD", char)[0]
    return table.get(base, table["n"])


def text_units(text: str, bold: bool = False, italic: bool = False) -> int:
    """Width of `text` in font units (UNITS_PER_EM to the em)."""
    face = _face(bold, italic)
    table = _TABLES[face]
    return sum(table[c] if c in table else _char_units(c, face) for c in text)


def text_width_pt(text: str, size_pt: float, bold: bool = False, italic: bool = False) -> float:
    """Width of `text` set in Times New Roman at `size_pt`, in points."""
    return text_units(text, bold, italic) * size_pt / UNITS_PER_EM
