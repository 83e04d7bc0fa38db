"""A table of the body (`bang:`): a header row repeated on every page, rows never
split across pages, columns sized to their text and filling the text width, numbers
right-aligned in Vietnamese notation, a total row where asked; a wide table on a
landscape section of its own (Phụ lục I, Phần I, Mục I.2), page numbers kept.
"""

from __future__ import annotations

import copy
from decimal import Decimal
from typing import cast

from lxml import etree

from ... import nd30
from ...model import Bang
from ...typeset import text_width_pt
from ...tables import is_row_number, number
from ...vietnamese import format_number
from ..wml import el, mm, paragraph, pt, run, runs_with_breaks, w
from .frame import Frame

# The decree does not size the text of tables; one step under the body, as
# agencies' tables commonly are.
SIZE_PT = 13
CELL_MARGIN = 85  # twips left and right inside a cell (1.5 mm)
SLACK_PT = 3  # under the cell width, so Word and LibreOffice never break a fitted line
TOTAL_LABEL = "Tổng cộng"


def _columns(bang: Bang) -> list[str]:
    """'number', 'row' (a row-number column) or 'text', per column."""
    kinds = []
    for i, header in enumerate(bang.cot):
        cells = [row[i] for row in bang.rows if row[i].strip()]
        if is_row_number(header):
            kinds.append("row")
        elif cells and all(number(c) is not None for c in cells):
            kinds.append("number")
        else:
            kinds.append("text")
    return kinds


def _totals(bang: Bang, kinds: list[str]) -> dict[int, str] | None:
    if not bang.tong:
        return None
    wanted = [i for i, k in enumerate(kinds) if k == "number"] if bang.tong is True else [bang.cot.index(n) for n in bang.tong]
    sums = {i: sum((number(row[i]) or Decimal(0) for row in bang.rows), Decimal(0)) for i in wanted}
    return {i: format_number(total) for i, total in sums.items()}


def _width(text: str, bold: bool = False) -> float:
    return max((text_width_pt(line, SIZE_PT, bold) for line in text.split("\n")), default=0)


def widths(table: list[list[str]], available: int) -> list[int]:
    """Column widths in twips summing to `available`: each at least its longest word,
    the rest shared in proportion to how much more its longest cell needs.
    `table[0]` is the header row (bold)."""
    pad = 2 * CELL_MARGIN + pt(SLACK_PT)
    columns = list(zip(*table))
    natural = [max(pt(_width(c, bold=r == 0)) for r, c in enumerate(col)) + pad for col in columns]
    least = [max(pt(max((_width(word, bold=r == 0) for word in c.split()), default=0)) for r, c in enumerate(col)) + pad
             for col in columns]
    if sum(natural) <= available:
        out = [n + (available - sum(natural)) * n // sum(natural) for n in natural]
    elif sum(least) <= available:
        extra = [n - m for n, m in zip(natural, least)]
        out = [m + (available - sum(least)) * e // max(sum(extra), 1) for m, e in zip(least, extra)]
    else:
        out = [m * available // sum(least) for m in least]
    out[-1] += available - sum(out)
    return out


def _cell(width: int, text: str, jc: str, bold: bool = False, span: int = 1) -> etree._Element:
    props = el("tcPr", None, el("tcW", {"w": width, "type": "dxa"}), el("gridSpan", {"val": span}) if span > 1 else None,
               el("vAlign", {"val": "center"}))
    runs = runs_with_breaks(text.split("\n"), bold=True if bold else None, size=SIZE_PT)
    return el("tc", None, props, paragraph("Normal", runs, jc=jc, spacing={"before": pt(2), "after": pt(2)}))


def _row(cells: list[etree._Element], header: bool = False) -> etree._Element:
    # Rows never split across pages; the header row repeats at the top of each page.
    props = el("trPr", None, el("cantSplit"), el("tblHeader") if header else None)
    return el("tr", None, props, *cells)


def _table(bang: Bang, available: int) -> etree._Element:
    kinds = _columns(bang)
    totals = _totals(bang, kinds)
    body = [[format_number(c) if k == "number" and c.strip() else c for c, k in zip(row, kinds)] for row in bang.rows]
    sized = [bang.cot, *body]
    if totals:
        sized.append([TOTAL_LABEL if i == 0 else totals.get(i, "") for i in range(len(kinds))])
    cols = widths(sized, available)
    align = {"number": "right", "row": "center", "text": "left"}
    edge = {"val": "single", "sz": 4, "space": 0, "color": "000000"}
    tbl = el(
        "tbl", None,
        el("tblPr", None,
           el("tblW", {"w": available, "type": "dxa"}),
           el("jc", {"val": "center"}),
           el("tblBorders", None, *(el(side, edge) for side in ("top", "left", "bottom", "right", "insideH", "insideV"))),
           el("tblLayout", {"type": "fixed"}),
           el("tblCellMar", None, el("left", {"w": CELL_MARGIN, "type": "dxa"}), el("right", {"w": CELL_MARGIN, "type": "dxa"})),
           el("tblLook", {"val": "0000", "firstRow": 1, "lastRow": 0, "firstColumn": 0, "lastColumn": 0, "noHBand": 1, "noVBand": 1})),
        el("tblGrid", None, *(el("gridCol", {"w": c}) for c in cols)),
    )
    tbl.append(_row([_cell(c, h, "center", bold=True) for c, h in zip(cols, bang.cot)], header=True))
    for row in body:
        tbl.append(_row([_cell(c, text, align[k]) for c, text, k in zip(cols, row, kinds)]))
    if totals:
        first = min(totals)
        cells = [_cell(sum(cols[:first]), TOTAL_LABEL, "center", bold=True, span=first)] if first else []
        cells += [_cell(cols[i], totals.get(i, ""), "right", bold=True) for i in range(first, len(cols))]
        tbl.append(_row(cells))
    return tbl


def _section_break(section: etree._Element, landscape: bool) -> etree._Element:
    """An empty paragraph closing a section with the document's own page set-up
    (turned landscape for a table's section)."""
    props = copy.deepcopy(section)
    if landscape:
        size = props.find(w("pgSz"))
        # A template's page set-up without its size (Word always writes one) stays as it is.
        width, height = (size.get(w("w")), size.get(w("h"))) if size is not None else (None, None)
        if size is not None and width is not None and height is not None:
            size.set(w("w"), height)
            size.set(w("h"), width)
            size.set(w("orient"), "landscape")
        # Not the first page of the document: its page number shows (Phần I, Mục I.7).
        for title_page in props.findall(w("titlePg")):
            props.remove(title_page)
    p = paragraph("Normal")
    cast(etree._Element, p.find(w("pPr"))).append(props)  # wml.paragraph writes a pPr
    return p


def build(bang: Bang, frame: Frame) -> list[etree._Element]:
    # A wide table sits on a landscape section of its own, with the document's page set-up.
    section = frame.section if bang.ngang else None
    width = frame.text_width
    if section is not None:
        le = frame.layout.le_trang
        width = mm(nd30.PAGE_HEIGHT_MM - le.left - le.right)
    out = []
    if section is not None:
        out.append(_section_break(section, landscape=False))
    if bang.tieu_de:
        out.append(paragraph("Normal", [run(bang.tieu_de, bold=True)], jc="center", keep_next=True, spacing={"before": pt(6), "after": pt(6)}))
    if bang.don_vi:
        out.append(paragraph("Normal", [run(bang.don_vi, italic=True, size=SIZE_PT)], jc="right", keep_next=True, spacing={"after": pt(6)}))
    out.append(_table(bang, width))
    if section is not None:
        out.append(_section_break(section, landscape=True))
    else:
        out.append(paragraph("Normal", spacing={"after": pt(3)}))  # Word needs a paragraph between tables
    return out
