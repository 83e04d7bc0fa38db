"""Typesetting: the lines of the short blocks, composed with the real widths of
Times New Roman and written into the DOCX, so that Word and LibreOffice show the same
lines and the rules fit what is shown.

Between the layout rules (`congvan.nd30`, `congvan.layout`) and the writers: it
returns lines and widths; the DOCX writer turns them into paragraphs and breaks,
and `check` measures a foreign document with the same metrics.
"""

from __future__ import annotations

import re

from .header import HeaderFrame, HeaderPlan, compose_name, plan_header
from .lines import Block, Font, compose, one_line, widest
from .metrics import text_width_pt
from .names import agency_block, relaxed

NO_BREAK_HYPHEN = "\u2011"
# A document's number and symbol (`1016/BTNMT-TCMT`, `30/2020/NĐ-CP`): a number, a
# slash, then letters joined by hyphens. Its hyphens never end a line.
_REFERENCE = re.compile(r"(?<![\w/])\d+(?:/[\w.]+)+(?:-[\w.]+)+")


def no_break_references(text: str) -> str:
    """`text` with the hyphens inside document references made non-breaking."""
    if "-" not in text or "/" not in text:
        return text
    return _REFERENCE.sub(lambda m: m[0].replace("-", NO_BREAK_HYPHEN), text)


def compose_entry(text: str, font: Font, width_pt: float, first_width_pt: float | None = None) -> tuple[str, ...]:
    """An entry of Kính gửi or Nơi nhận in its column (its first line may have its own
    width): broken where its phrases meet (`Ủy ban nhân dân` / `Thành phố Hồ Chí Minh`),
    at least two words on the last line; a word wider than the column is left to the
    word processor."""
    line = one_line(tuple(text.split()), font, width_pt if first_width_pt is None else first_width_pt)
    if line is not None:
        return (line,)  # what the composer would give, without weighing the breaks
    names = agency_block(text)
    block = Block(names.words, names.costs, orphans=True)
    return compose(block, font, width_pt, first_width_pt) or compose(relaxed(block), font, width_pt, first_width_pt) or (text,)


def compose_title(text: str, font: Font, width_pt: float) -> tuple[str, ...]:
    """A signer's title line (`KT. CỤC TRƯỞNG CỤC QUẢN LÝ KHÁM, CHỮA BỆNH`), broken at
    its phrases inside the signature column."""
    return compose_name((text,), font, width_pt) or (text,)


__all__ = [
    "Block", "Font", "HeaderFrame", "HeaderPlan", "agency_block", "compose", "compose_entry", "compose_name",
    "compose_title", "no_break_references", "plan_header", "relaxed", "text_width_pt", "widest",
]
