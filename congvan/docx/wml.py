"""A thin builder for WordprocessingML elements (paragraphs, runs, tables).

The writer builds document.xml with lxml directly: it is fast, and the bytes depend
on nothing but the input. Lengths are in twips (1/20 pt) unless a name says
otherwise.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Mapping

from lxml import etree
from markupsafe import Markup, escape

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_NS = "http://www.w3.org/XML/1998/namespace"


_NSMAP = {"w": W_NS}


@lru_cache(maxsize=None)
def w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


def el(tag: str, attrs: Mapping[str, object] | None = None, *children: etree._Element | None) -> etree._Element:
    """`w:tag` with `w:`-prefixed attributes and children (written with the `w:` prefix)."""
    node = etree.Element(w(tag), {w(k): str(v) for k, v in attrs.items()} if attrs else None, nsmap=_NSMAP)
    node.extend(child for child in children if child is not None)
    return node


def mm(value: float) -> int:
    return round(value * 1440 / 25.4)


def cm(value: float) -> int:
    return mm(value * 10)


def pt(value: float) -> int:
    return round(value * 20)


NO_BREAK_HYPHEN = "\u2011"  # written as w:noBreakHyphen (shown and copied as "-")


def run(text: str, bold: bool | None = None, italic: bool | None = None, size: float | None = None) -> etree._Element:
    """A run of `text`; a U+2011 in it becomes a non-breaking hyphen."""
    r = _run_props(bold, italic, size)
    _append_text(r, text)
    return r


def runs_with_breaks(lines: Iterable[str], bold: bool | None = None, italic: bool | None = None, size: float | None = None) -> list[etree._Element]:
    """One run holding composed lines, a line break between each two."""
    r = _run_props(bold, italic, size)
    for i, line in enumerate(lines):
        if i:
            etree.SubElement(r, w("br"))
        _append_text(r, line)
    return [r]


def text_with_breaks(lines: Iterable[str]) -> Markup:
    """Composed lines for a text tag inside a template's `w:t`: the text closes and
    reopens around each line break and non-breaking hyphen."""
    reopen = '<w:t xml:space="preserve">'
    out = "</w:t><w:br/>{}".format(reopen).join(str(escape(line)) for line in lines)
    return Markup(out.replace(NO_BREAK_HYPHEN, f"</w:t><w:noBreakHyphen/>{reopen}"))


def _append_text(r: etree._Element, text: str) -> None:
    for i, piece in enumerate(text.split(NO_BREAK_HYPHEN)):
        if i:
            etree.SubElement(r, w("noBreakHyphen"))
        if piece or i == 0:
            t = etree.SubElement(r, w("t"))
            t.text = piece
            if piece != piece.strip() or "  " in piece:
                t.set(f"{{{XML_NS}}}space", "preserve")


def _run_props(bold: bool | None, italic: bool | None, size: float | None) -> etree._Element:
    r = el("r")
    props = []
    if bold is not None:
        props.append(el("b") if bold else el("b", {"val": "0"}))
    if italic is not None:
        props.append(el("i") if italic else el("i", {"val": "0"}))
    if size is not None:
        props.append(el("sz", {"val": round(size * 2)}))
        props.append(el("szCs", {"val": round(size * 2)}))
    if props:
        r.append(el("rPr", None, *props))
    return r


def field_run(instruction: str) -> list[etree._Element]:
    """Runs of a simple field such as PAGE (begin, instruction, separate, value, end)."""
    begin = el("r", None, el("fldChar", {"fldCharType": "begin"}))
    instr = el("r")
    text = etree.SubElement(instr, w("instrText"))
    text.set(f"{{{XML_NS}}}space", "preserve")
    text.text = f" {instruction} "
    separate = el("r", None, el("fldChar", {"fldCharType": "separate"}))
    value = el("r")
    etree.SubElement(value, w("t")).text = "2"
    end = el("r", None, el("fldChar", {"fldCharType": "end"}))
    return [begin, instr, separate, value, end]


def border(side: str, size_eighths: int = 6, space: int = 1) -> etree._Element:
    return el(side, {"val": "single", "sz": size_eighths, "space": space, "color": "000000"})


def paragraph(
    style: str,
    runs: Iterable[etree._Element] = (),
    *,
    indent: Mapping[str, object] | None = None,
    spacing: Mapping[str, object] | None = None,
    jc: str | None = None,
    borders: Iterable[etree._Element] = (),
    keep_next: bool = False,
    keep_lines: bool = False,
) -> etree._Element:
    """A paragraph; the pPr children are written in the order the schema requires."""
    ppr = el("pPr", None, el("pStyle", {"val": style}))
    if keep_next:
        ppr.append(el("keepNext"))
    if keep_lines:
        ppr.append(el("keepLines"))
    borders = list(borders)
    if borders:
        ppr.append(el("pBdr", None, *borders))
    if spacing:
        ppr.append(el("spacing", spacing))
    if indent:
        ppr.append(el("ind", indent))
    if jc:
        ppr.append(el("jc", {"val": jc}))
    p = el("p", None, ppr)
    for r in runs:
        p.append(r)
    return p


def _no_borders(tag: str) -> etree._Element:
    return el(tag, None, *(el(side, {"val": "nil"}) for side in ("top", "left", "bottom", "right", "insideH", "insideV")))


def table(widths: list[int], rows: list[list[list[etree._Element]]], cant_split: bool = True) -> etree._Element:
    """A borderless fixed-layout table.

    Widths go both in the grid (read by LibreOffice) and in every cell (read by
    Word), with a fixed layout, so the columns hold in both.
    """
    total = sum(widths)
    tbl = el(
        "tbl",
        None,
        el(
            "tblPr",
            None,
            el("tblW", {"w": total, "type": "dxa"}),
            el("jc", {"val": "center"}),
            _no_borders("tblBorders"),
            el("tblLayout", {"type": "fixed"}),
            el("tblCellMar", None, el("left", {"w": 0, "type": "dxa"}), el("right", {"w": 0, "type": "dxa"})),
            el("tblLook", {"val": "0000", "firstRow": 0, "lastRow": 0, "firstColumn": 0, "lastColumn": 0, "noHBand": 1, "noVBand": 1}),
        ),
        el("tblGrid", None, *(el("gridCol", {"w": width}) for width in widths)),
    )
    for cells in rows:
        tr = el("tr", None, el("trPr", None, el("cantSplit")) if cant_split else None)
        for width, content in zip(widths, cells):
            tc = el("tc", None, el("tcPr", None, el("tcW", {"w": width, "type": "dxa"})))
            for block in content or [paragraph("Normal")]:
                tc.append(block)
            tr.append(tc)
        tbl.append(tr)
    return tbl


def xml(elements: Iterable[etree._Element]) -> Markup:
    """Elements as WordprocessingML text for a template's block tag (`{{p name }}`)."""
    return Markup("".join(etree.tostring(e, encoding="unicode") for e in elements))
