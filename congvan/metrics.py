"""Advance widths of Times New Roman, to place rules and indents without a font.

The writer must give the same bytes on every machine, so it cannot measure text
with whatever fonts are installed. These are the standard Times widths (identical
in Liberation Serif, its metric-compatible stand-in), in 1/1000 em. Vietnamese
letters take the width of their base letter: the diacritics sit above or below.
"""

from __future__ import annotations

import unicodedata

_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,:;-–/()&%"\'!?+'
_REGULAR = [444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 250, 250, 250, 278, 278, 333, 500, 278, 333, 333, 778, 833, 408, 180, 333, 444, 564]
_BOLD = [500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 250, 250, 250, 333, 333, 333, 500, 278, 333, 333, 833, 1000, 555, 278, 333, 500, 570]
_WIDTHS = {
    False: dict(zip(_CHARS, _REGULAR)),
    True: dict(zip(_CHARS, _BOLD)),
}
_DEFAULT = 500  # an average letter, for the rare character not in the table


def _base(char: str) -> str:
    if char in "đĐ":
        return "d" if char == "đ" else "D"
    return unicodedata.normalize("NFD", char)[0]


def text_width_pt(text: str, size_pt: float, bold: bool = False) -> float:
    """Width of `text` set in Times New Roman at `size_pt`, in points."""
    table = _WIDTHS[bold]
    units = sum(table.get(_base(c), _DEFAULT) for c in text)
    return units * size_pt / 1000.0
