"""The body of a dispatch (ô 6) as a flat list of styled paragraphs.

Two input forms: free text, one paragraph per line, whose own numbering (`I.`, `1.`,
`a)`, `-`) is kept as typed and only picks the paragraph style; and a structured
outline (phần / mục / khoản / điểm / gạch) that is numbered here, per Phụ lục I,
II.6đ. Both may be mixed in one list. Light inline markup: `**đậm**`, `*nghiêng*`,
`***đậm nghiêng***`; a backslash keeps a literal `*`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Union, cast

from . import nd30
from .model import Bang, Block, Muc

ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


@dataclass(frozen=True)
class Span:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class BodyTable:
    """A table of the body (`bang:`), laid out by the writer's table builder."""

    bang: Bang
    style: str = "bang"


@dataclass(frozen=True)
class BodyParagraph:
    style: str  # component key: noi_dung, phan, muc, khoan, diem
    text: str  # with inline markup
    bold: bool = False  # the whole paragraph is bold (a khoản with a title)


# What the body is made of: paragraphs, and tables between them.
BodyItem = Union[BodyParagraph, BodyTable]


def roman(number: int) -> str:
    out = ""
    for value, letters in ROMAN:
        while number >= value:
            out += letters
            number -= value
    return out


def diem_letter(index: int) -> str:
    """The index-th điểm letter (from 1): a b c d đ e g h … y (II.6đ)."""
    if not 1 <= index <= len(nd30.DIEM_LETTERS):
        raise ValueError(f"quá {len(nd30.DIEM_LETTERS)} điểm trong một khoản: hãy chia khoản")
    return nd30.DIEM_LETTERS[index - 1]


_LEVELS = (
    ("phan", re.compile(r"^Phần\s+[IVXLCDM]+\b")),
    ("muc", re.compile(r"^[IVXLCDM]+\.\s")),
    ("khoan", re.compile(r"^\d+(\.\d+)*\.?\s")),
    ("diem", re.compile(r"^[a-zđ]\)\s")),
)


def style_of_line(line: str) -> str:
    """The level a typed line belongs to, judged from the numbering it starts with."""
    for style, pattern in _LEVELS:
        if pattern.match(line):
            return style
    return "noi_dung"


def _free_text(text: str) -> list[BodyParagraph]:
    paragraphs = []
    for line in text.splitlines():
        line = line.strip()
        if line:
            paragraphs.append(_line_paragraph(line) if len(line) <= _CACHED_CHARS else _paragraph(line))
    return paragraphs


def _paragraph(line: str) -> BodyParagraph:
    style = style_of_line(line)
    return BodyParagraph(style, line, bold=style in ("phan", "muc"))


_CACHED_CHARS = 512  # a mail merge repeats most lines of its body in every document
_line_paragraph = lru_cache(maxsize=4096)(_paragraph)  # the paragraphs are immutable: shared


def _outline(blocks: list[Block], depth_gach: int = 0) -> list[BodyItem]:
    counters = {"phan": 0, "muc": 0, "khoan": 0, "diem": 0}
    out: list[BodyItem] = []
    for block in blocks:
        if isinstance(block, str):
            out += _free_text(block)
            continue
        if block.loai == "bang":
            out.append(BodyTable(cast(Bang, block.bang)))  # Muc requires it of a `bang` item
            continue
        children = _outline(block.noi_dung, depth_gach + (block.loai == "gach"))
        out += _numbered(block, counters, depth_gach, bool(block.noi_dung))
        out += children
    return out


def _numbered(item: Muc, counters: dict[str, int], depth_gach: int, has_children: bool) -> list[BodyParagraph]:
    kind, title = item.loai, item.tieu_de
    if kind == "gach":
        return [BodyParagraph("noi_dung", ("+ " if depth_gach else "- ") + title)]
    counters[kind] += 1
    n = counters[kind]
    if kind == "phan":
        # II.6đ: "Phần I" on its own line, its title below in capitals, both bold.
        return [BodyParagraph("phan", f"Phần {roman(n)}", bold=True), BodyParagraph("phan", title.upper(), bold=True)]
    if kind == "muc":
        return [BodyParagraph("muc", f"{roman(n)}. {title.upper()}", bold=True)]
    if kind == "khoan":
        # A khoản with a title (followed by its own items) is bold; one without is upright.
        return [BodyParagraph("khoan", f"{n}. {title}", bold=has_children)]
    return [BodyParagraph("diem", f"{diem_letter(n)}) {title}")]


def paragraphs_of(noi_dung: str | list[Block]) -> list[BodyItem]:
    """The body as paragraphs, numbered, without a closing mark."""
    return list(_free_text(noi_dung)) if isinstance(noi_dung, str) else _outline(noi_dung)


def flatten(noi_dung: str | list[Block], close: bool = True) -> list[BodyItem]:
    """The body as paragraphs, numbered, with the closing `./.` on the last one
    (unless the kind closes it later: `close=False`)."""
    paragraphs = paragraphs_of(noi_dung)
    if not close:
        return paragraphs
    last = paragraphs[-1] if paragraphs else None
    if isinstance(last, BodyTable):
        # A body that ends on a table still ends with the closing mark, below it.
        paragraphs.append(BodyParagraph("noi_dung", "./."))
    elif last is not None:
        paragraphs[-1] = BodyParagraph(last.style, close_body(last.text), last.bold)
    return paragraphs


def close_body(text: str) -> str:
    """A công văn's body ends with `./.`: added when missing, never doubled."""
    text = text.rstrip()
    if text.endswith("./."):
        return text
    if text.endswith("."):
        return text + "/."
    return text + "./."


_MARKUP = re.compile(r"(\\\*|\*\*\*.+?\*\*\*|\*\*.+?\*\*|\*[^*\s](?:.*?[^*\s])??\*)")


def spans(text: str) -> list[Span]:
    """Split inline markup into spans of plain, bold, italic and bold italic text."""
    out: list[Span] = []
    for piece in _MARKUP.split(text):
        if not piece:
            continue
        if piece == "\\*":
            out.append(Span("*"))
        elif piece.startswith("***") and piece.endswith("***") and len(piece) > 6:
            out.append(Span(piece[3:-3], bold=True, italic=True))
        elif piece.startswith("**") and piece.endswith("**") and len(piece) > 4:
            out.append(Span(piece[2:-2], bold=True))
        elif piece.startswith("*") and piece.endswith("*") and len(piece) > 2:
            out.append(Span(piece[1:-1], italic=True))
        else:
            out.append(Span(piece))
    merged: list[Span] = []
    for span in out:
        if merged and (merged[-1].bold, merged[-1].italic) == (span.bold, span.italic):
            merged[-1] = Span(merged[-1].text + span.text, span.bold, span.italic)
        else:
            merged.append(span)
    return merged


def plain(text: str) -> str:
    """The text without its markup."""
    return "".join(span.text for span in spans(text))
