"""The tên loại and the trích yếu under it, with the short rule below (ô 5a).

Phụ lục I, II.5b: the tên loại centred, capitals, bold; the trích yếu right under
it, bold; under the trích yếu a solid rule 1/3 to 1/2 as long as its line, centred.
The trích yếu is broken into short balanced lines here, so the rule is sized from
the lines as they will be printed.
"""

from __future__ import annotations

from lxml import etree

from ...typeset.metrics import text_width_pt
from ..styles import RULE_STYLE_ID, style_id
from ..wml import border, paragraph, pt, run, w

# A blank line between the header and the title, as the samples of Phụ lục III show.
SPACE_BEFORE_PT = 18
SPACE_BEFORE_RULE_PT = 6  # clear of the descenders of the line above
SPACE_AFTER_RULE_PT = 12
# The trích yếu's lines stay within this share of the text width (a short block,
# like the samples'), under it by a margin so LibreOffice and Word never re-break them.
MAX_LINE_SHARE = 0.8


def compose(text: str, size: float, bold: bool, max_width_pt: float) -> list[str]:
    """Lines of `text` no wider than `max_width_pt`, as even as the words allow."""
    words = text.split()
    if not words or text_width_pt(text, size, bold) <= max_width_pt:
        return [" ".join(words)]
    count = 2
    while True:
        target = text_width_pt(text, size, bold) / count
        lines, line = [], ""
        for word in words:
            candidate = f"{line} {word}".strip()
            if line and text_width_pt(candidate, size, bold) > max(target * 1.08, 1) and len(lines) < count - 1:
                lines.append(line)
                line = word
            else:
                line = candidate
        lines.append(line)
        if all(text_width_pt(li, size, bold) <= max_width_pt for li in lines) or count > len(words):
            return lines
        count += 1


def _lines_paragraph(key: str, lines: list[str], **kwargs) -> etree._Element:
    runs = []
    for i, line in enumerate(lines):
        r = run(line)
        if i:
            r.insert(len(r) - 1, etree.Element(w("br")))
        runs.append(r)
    return paragraph(style_id(key), runs, jc="center", keep_next=True, **kwargs)


def build(cv, frame) -> list[etree._Element]:
    kind = cv.kind
    layout = frame.layout
    out = [paragraph(style_id("ten_loai"), [run(kind.ten_loai)], jc="center", keep_next=True,
                     spacing={"before": pt(SPACE_BEFORE_PT), "after": 0})]
    size = layout.co_chu.trich_yeu_ten_loai
    longest = text_width_pt(kind.ten_loai, layout.co_chu.ten_loai, bold=True)
    if cv.trich_yeu:
        lines = compose(cv.trich_yeu, size, True, frame.text_width / 20 * MAX_LINE_SHARE)
        out.append(_lines_paragraph("trich_yeu_ten_loai", lines))
        longest = max(text_width_pt(line, size, bold=True) for line in lines)
    # II.5b: the rule 1/3–1/2 of the line above it, centred.
    length = min(pt(longest * layout.ti_le_gach_co_quan), frame.text_width)
    side = (frame.text_width - length) // 2
    out.append(paragraph(RULE_STYLE_ID, indent={"left": side, "right": side}, borders=[border("top", 6, 0)],
                         spacing={"before": pt(SPACE_BEFORE_RULE_PT), "after": pt(SPACE_AFTER_RULE_PT)}))
    return out
