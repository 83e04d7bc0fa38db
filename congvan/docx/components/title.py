"""The tên loại and the trích yếu under it, with the short rule below (ô 5a).

Phụ lục I, II.5b: the tên loại centred, capitals, bold; the trích yếu right under
it, bold; under the trích yếu a solid rule 1/3 to 1/2 as long as its line, centred.
The trích yếu is composed into short balanced lines by the typesetting layer, so
the rule is sized from the lines as they will be printed.
"""

from __future__ import annotations

from typing import Any, cast

from lxml import etree

from ...model import CongVan
from ...typeset import Block, Font, compose, no_break_references, widest
from ..styles import RULE_STYLE_ID, style_id
from ..wml import border, paragraph, pt, run, runs_with_breaks
from .frame import Frame

# A blank line between the header and the title, as the samples of Phụ lục III show.
SPACE_BEFORE_PT = 18
SPACE_BEFORE_RULE_PT = 6  # clear of the descenders of the line above
SPACE_AFTER_RULE_PT = 12
# The trích yếu's lines stay within this share of the text width (a short block,
# like the samples'), under it by a margin so LibreOffice and Word never re-break them.
MAX_LINE_SHARE = 0.8


def _lines_paragraph(key: str, lines: list[str], **kwargs: Any) -> etree._Element:  # kwargs: those of wml.paragraph
    return paragraph(style_id(key), runs_with_breaks(lines), jc="center", keep_next=True, **kwargs)


def build(cv: CongVan, frame: Frame, close: bool = False) -> list[etree._Element]:
    kind = cv.kind
    ten_loai = cast(str, kind.ten_loai)  # every kind with this component has its tên loại
    layout = frame.layout
    out = [paragraph(style_id("ten_loai"), [run(ten_loai)], jc="center", keep_next=True,
                     spacing={"before": pt(SPACE_BEFORE_PT), "after": 0})]
    font = Font(layout.co_chu.trich_yeu_ten_loai, bold=True)
    longest = widest([ten_loai], Font(layout.co_chu.ten_loai, bold=True))
    if cv.trich_yeu:
        # The fewest even lines in a short block (congvan.typeset), so the rule is
        # sized from the lines as printed.
        text = no_break_references(cv.trich_yeu)
        lines = compose(Block.plain(text), font, frame.text_width / 20 * MAX_LINE_SHARE) or (text,)
        out.append(_lines_paragraph("trich_yeu_ten_loai", list(lines)))
        longest = widest(lines, font)
    # II.5b: the rule 1/3–1/2 of the line above it, centred.
    length = min(pt(longest * layout.ti_le_gach_co_quan), frame.text_width)
    side = (frame.text_width - length) // 2
    out.append(paragraph(RULE_STYLE_ID, indent={"left": side, "right": side}, borders=[border("top", 6, 0)],
                         spacing={"before": pt(SPACE_BEFORE_RULE_PT), "after": pt(SPACE_AFTER_RULE_PT)}))
    return out
