"""Any .docx → a flat list of paragraphs with their formatting resolved as Word does.

A run's property is the first one found along: the run's own properties, its
character style (and the styles it is based on), the paragraph's style chain, then
the document defaults. Paragraph properties follow the same path without the run.
(Toggle properties — bold, italic, caps — are taken as the nearest explicit value,
which is what Word shows for every document made the usual way.) Nothing here knows
congvan's own styles: a dispatch typed in Word with direct formatting reads the same.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence, TypeVar, cast

from docx import Document
from docx.document import Document as DocxDocument
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from lxml import etree

from ..errors import CongVanError
from ..explain import os_reason
from ..limits import current
from ..resources import zip_problem
from ..typeset.metrics import text_width_pt

T = TypeVar("T")

EMU_PER_MM = 36000
TWIPS_PER_PT = 20


class UnreadableDocx(CongVanError):
    """The file is not a .docx that can be read."""


# A face named with its style ("Times New Roman Bold", "TimesNewRomanPS-BoldMT") is
# the family: Word and PDF producers write both.
_FACE_SUFFIX = re.compile(r"[\s,-]*(PS)?[-,\s]*(Bold|Italic|Oblique|Regular|Semibold|Light|MT|PSMT|BoldMT|ItalicMT|BoldItalicMT)+$", re.I)
# Characters a rule is typed with (a row of them is a drawn line to the reader).
RULE_CHARS = set("_─━═—-‒")


def font_family(face: str | None) -> str | None:
    """The family of a font face: `Times New Roman Bold` is Times New Roman."""
    if not face:
        return face
    family = face
    while True:
        shorter = _FACE_SUFFIX.sub("", family).strip()
        if shorter == family or not shorter:
            break
        family = shorter
    if family.replace(" ", "").lower() == "timesnewroman":
        return "Times New Roman"
    return family


@dataclass
class Run:
    text: str
    size: float | None  # points
    bold: bool
    italic: bool
    font: str | None  # the family, as font_family gives it
    superscript: bool = False  # a footnote mark or index: not the line's formatting


def _majority(runs: list[Run], value_of: Callable[[Run], T]) -> T | None:
    """The value most visible characters carry (footnote marks and spaces aside)."""
    weights: dict[T, int] = {}
    for run in runs:
        if run.superscript:
            continue
        n = sum(1 for ch in run.text if not ch.isspace())
        if n:
            value = value_of(run)
            weights[value] = weights.get(value, 0) + n
    if not weights:
        return None
    return max(weights.items(), key=lambda kv: kv[1])[0]


@dataclass
class Para:
    index: int  # order in the part, from 0
    part: str  # "body", "header", "footer", "first_header", "first_footer"
    text: str
    runs: list[Run]
    align: str | None  # left, center, right, both
    first_line_cm: float | None
    space_after_pt: float | None
    space_before_pt: float | None
    line_spacing: float | None  # in lines, when set "auto"
    style: str  # style name ("" when none)
    cell: tuple[int, int, int] | None = None  # (table, row, column) in the body
    borders: set[str] = field(default_factory=set)
    has_page_field: bool = False
    page_breaks: int = 0  # page breaks typed in it, or left by Word where it paginated
    rendered_breaks: int = 0  # of which left by Word where it paginated
    left_mm: float = 0.0  # indents
    right_mm: float = 0.0
    width_mm: float = 0.0  # the width its lines are set in (cell or text area)
    shapes_mm: list[float] = field(default_factory=list)  # line shapes drawn from it
    x_mm: float | None = None  # a tab piece: where it starts, from the column's left
    piece: int = 0  # a tab piece: its order in the paragraph

    def main_run(self) -> Run | None:
        """The run that carries most of the text."""
        runs = [r for r in self.runs if r.text.strip() and not r.superscript]
        return max(runs, key=lambda r: len(r.text.strip())) if runs else None

    @property
    def size(self) -> float | None:
        return _majority(self.runs, lambda run: run.size)

    @property
    def bold(self) -> bool:
        return bool(_majority(self.runs, lambda run: run.bold))

    @property
    def italic(self) -> bool:
        return bool(_majority(self.runs, lambda run: run.italic))

    @property
    def font(self) -> str | None:
        return _majority(self.runs, lambda run: run.font)

    @property
    def rule_mm(self) -> float | None:
        """The length of the rule this line is, when it is one: a line shape or a
        border drawn from an empty paragraph, or a row of rule characters."""
        visible = self.text.replace("\t", "").strip()
        if not visible and self.shapes_mm:
            return max(self.shapes_mm)
        if not visible and self.borders & {"top", "bottom"}:
            return max(0.0, self.width_mm - self.left_mm - self.right_mm)
        if visible and set(visible.replace(" ", "")) <= RULE_CHARS and len(visible) >= 3:
            size = self.size or 13
            return sum(char_width_pt(c, size) for c in visible) * 25.4 / 72
        return None

    @property
    def underline_rule_mm(self) -> float | None:
        """A rule drawn under a line of text from that line: a shape anchored to it,
        or its bottom border (as wide as the paragraph)."""
        if not self.text.strip() or self.rule_mm is not None:
            return None
        if self.shapes_mm:
            return max(self.shapes_mm)
        if "bottom" in self.borders:
            return max(0.0, self.width_mm - self.left_mm - self.right_mm)
        return None

    def pieces(self) -> list["Para"]:
        """The paragraph cut at its tabs, each piece placed at its tab stop: a header
        typed without a table keeps its two columns in one line."""
        if "\t" not in self.text.strip("\t ") and not self.text.startswith("\t"):
            return [self]
        out: list[Para] = []
        runs: list[Run] = []
        x, tab = 0.0, 0
        stops = self.tab_stops_mm or []

        def flush() -> None:
            text = "".join(r.text for r in runs)
            if text.strip():
                piece = Para(**{**self.__dict__, "text": text, "runs": list(runs)})
                piece.x_mm, piece.piece = x, len(out)
                piece.shapes_mm = self.shapes_mm if not out else []
                out.append(piece)

        for run in self.runs:
            parts = run.text.split("\t")
            for i, chunk in enumerate(parts):
                if i:
                    flush()
                    runs = []
                    tab += 1
                    x = stops[tab - 1] if tab - 1 < len(stops) else (stops[-1] if stops else 0) + 12.7 * (tab - len(stops))
                if chunk:
                    runs.append(Run(chunk, run.size, run.bold, run.italic, run.font, run.superscript))
        flush()
        return out or [self]

    tab_stops_mm: list[float] | None = None


def char_width_pt(char: str, size: float) -> float:
    """Width of one rule character: Times widths; box-drawing characters, absent from
    Times, take 0.6 em, their width in the fonts that stand in for them."""
    if char in "─━═":
        return 0.6 * size
    return text_width_pt(char, size)


@dataclass
class Page:
    width_mm: float
    height_mm: float
    margins_mm: dict[str, float]
    title_page: bool  # a different first page (no page number there)

    @property
    def text_width_mm(self) -> float:
        return self.width_mm - self.margins_mm.get("left", 30) - self.margins_mm.get("right", 15)


@dataclass
class DocxView:
    page: Page
    paragraphs: list[Para]  # body first, then headers and footers

    def part(self, name: str) -> list[Para]:
        return [p for p in self.paragraphs if p.part == name]


class _Styles:
    def __init__(self, doc: DocxDocument) -> None:
        root = doc.styles.element
        self.by_id = {s.get(qn("w:styleId")): s for s in root.findall(qn("w:style"))}
        defaults = root.find(qn("w:docDefaults"))
        self.rpr_default = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}") if defaults is not None else None
        self.ppr_default = defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}") if defaults is not None else None
        self.default_para = next(
            (i for i, s in self.by_id.items() if s.get(qn("w:type")) == "paragraph" and s.get(qn("w:default")) in ("1", "true")),
            None,
        )

    def chain(self, style_id: str | None) -> list[etree._Element]:
        out, seen = [], set()
        while style_id and style_id in self.by_id and style_id not in seen:
            seen.add(style_id)
            style = self.by_id[style_id]
            out.append(style)
            based = style.find(qn("w:basedOn"))
            style_id = based.get(qn("w:val")) if based is not None else None
        return out

    def name(self, style_id: str | None) -> str:
        style = self.by_id.get(style_id or "")
        node = style.find(qn("w:name")) if style is not None else None
        return node.get(qn("w:val")) if node is not None else ""


def _first(sources: Sequence[etree._Element | None], getter: Callable[[etree._Element], T | None]) -> T | None:
    for source in sources:
        if source is None:
            continue
        value = getter(source)
        if value is not None:
            return value
    return None


def _val(node: etree._Element, tag: str) -> str | None:
    """The w:val of the child `tag` of `node`, when it has one."""
    child = node.find(qn(tag))
    return child.get(qn("w:val")) if child is not None else None


def _on(node: etree._Element | None, tag: str) -> bool | None:
    if node is None:
        return None
    child = node.find(qn(tag))
    if child is None:
        return None
    return child.get(qn("w:val")) not in ("0", "false", "off")


# ST_UniversalMeasure (ECMA-376 Part 1, 22.9.2.15): "14pt", "1cm", "0.5in" wherever a
# number of twips or half-points may stand.
_UNIVERSAL = re.compile(r"\s*(-?\d+(?:\.\d+)?)\s*(mm|cm|in|pt|pc|pi)?\s*$")
_TWIPS_PER = {None: 1.0, "pt": 20.0, "pc": 240.0, "pi": 240.0, "in": 1440.0, "cm": 1440 / 2.54, "mm": 144 / 2.54}


def _twips(value: str | None) -> float | None:
    """A length in twips: a bare number, or a universal measure; None when unreadable."""
    match = _UNIVERSAL.match(value or "")
    return float(match[1]) * _TWIPS_PER[match[2]] if match else None


def _mm(value: str | None) -> float | None:
    twips = _twips(value)
    return twips / 56.7 if twips is not None else None


def _hps(value: str | None) -> float | None:
    """A font size in points from w:sz: half-points, or a universal measure."""
    match = _UNIVERSAL.match(value or "")
    if not match:
        return None
    return float(match[1]) / 2 if match[2] is None else float(match[1]) * _TWIPS_PER[match[2]] / 20


def _size(rpr: etree._Element) -> float | None:
    node = rpr.find(qn("w:sz"))
    return _hps(node.get(qn("w:val"))) if node is not None else None


def _font(rpr: etree._Element) -> str | None:
    node = rpr.find(qn("w:rFonts"))
    return node.get(qn("w:ascii")) or node.get(qn("w:hAnsi")) if node is not None else None


MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
WPS_TXBX = "{http://schemas.microsoft.com/office/word/2010/wordprocessingShape}txbx"
V_NS = "urn:schemas-microsoft-com:vml"
WP_EXTENT = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}extent"
A_GEOM = "{http://schemas.openxmlformats.org/drawingml/2006/main}prstGeom"


def _own(node: etree._Element, p: etree._Element) -> bool:
    """Whether `node` belongs to paragraph `p` itself: not to a text box inside it,
    and not to the fallback copy of a shape (mc:Fallback repeats mc:Choice)."""
    parent = node.getparent()
    while parent is not None and parent is not p:
        if parent.tag in (MC_FALLBACK, qn("w:txbxContent"), WPS_TXBX):
            return False
        parent = parent.getparent()
    return True


def _vml_length(style: str) -> tuple[float, float] | None:
    """Width and height in mm from a VML style ("width:120pt;height:.75pt")."""
    values = dict(part.split(":", 1) for part in style.replace(" ", "").split(";") if ":" in part)
    try:
        return _css_mm(values["width"]), _css_mm(values.get("height", "0"))
    except (KeyError, ValueError):
        return None


def _css_mm(value: str) -> float:
    units = {"pt": 25.4 / 72, "in": 25.4, "mm": 1.0, "cm": 10.0, "px": 25.4 / 96, "emu": 1 / 36000}
    for unit, factor in units.items():
        if value.endswith(unit):
            return float(value[: -len(unit)]) * factor
    return float(value) * 25.4 / 72 / 20 if value else 0.0  # bare numbers: twips-like


def _point_mm(value: str) -> tuple[float, float]:
    x, _, y = value.partition(",")
    return (_css_mm(x.strip()) if x.strip() else 0.0, _css_mm(y.strip()) if y.strip() else 0.0)


def _shapes(p: etree._Element) -> list[float]:
    """Lengths (mm) of the horizontal lines drawn from this paragraph: DrawingML line
    shapes (and flat rectangles), VML lines and flat shapes."""
    out = []
    for extent in p.iter(WP_EXTENT):
        if not _own(extent, p):
            continue
        cx, cy = int(extent.get("cx", 0)), int(extent.get("cy", 0))
        drawing = cast(etree._Element, extent.getparent())  # an extent lies in its drawing
        geom = next(drawing.iter(A_GEOM), None)
        is_line = geom is not None and geom.get("prst") in ("line", "straightConnector1")
        if cx > 0 and (is_line or cy <= 0.8 * EMU_PER_MM) and not list(drawing.iter(qn("w:txbxContent"))):
            out.append(cx / EMU_PER_MM)
    for node in p.iter(f"{{{V_NS}}}line"):
        if _own(node, p):
            (x1, y1), (x2, y2) = _point_mm(node.get("from", "0,0")), _point_mm(node.get("to", "0,0"))
            if abs(y2 - y1) < 0.8 and abs(x2 - x1) > 0:
                out.append(abs(x2 - x1))
    for tag in ("shape", "rect"):
        for node in p.iter(f"{{{V_NS}}}{tag}"):
            size = _vml_length(node.get("style", "")) if _own(node, p) else None
            if size and size[0] > 0 and size[1] <= 0.8 and not list(node.iter(qn("w:txbxContent"))):
                out.append(size[0])
    return out


def _text_of(r: etree._Element) -> str:
    out = []
    for node in r:
        tag = node.tag
        if tag == qn("w:t"):
            out.append(node.text or "")
        elif tag in (qn("w:tab"), qn("w:ptab")):
            out.append("\t")
        elif tag in (qn("w:br"), qn("w:cr")) and node.get(qn("w:type")) in (None, "textWrapping"):
            out.append("\n")
        elif tag == qn("w:noBreakHyphen"):
            out.append("-")
    return "".join(out)


def _read_paragraph(p: etree._Element, styles: _Styles, index: int, part: str, width_mm: float = 0.0) -> Para:
    ppr = p.find(qn("w:pPr"))
    style_node = ppr.find(qn("w:pStyle")) if ppr is not None else None
    style_id = style_node.get(qn("w:val")) if style_node is not None else styles.default_para
    pchain = styles.chain(style_id)
    p_sources = [ppr] + [s.find(qn("w:pPr")) for s in pchain] + [styles.ppr_default]
    r_para = [s.find(qn("w:rPr")) for s in pchain] + [styles.rpr_default]

    runs = []
    for r in p.iter(qn("w:r")):
        if not _own(r, p):
            continue
        text = _text_of(r)
        rpr = r.find(qn("w:rPr"))
        rstyle = rpr.find(qn("w:rStyle")) if rpr is not None else None
        rchain = styles.chain(rstyle.get(qn("w:val"))) if rstyle is not None else []
        sources = [rpr] + [s.find(qn("w:rPr")) for s in rchain] + r_para
        vert = _first(sources, lambda n: _val(n, "w:vertAlign"))
        runs.append(Run(
            text,
            _first(sources, _size),
            bool(_first(sources, lambda n: _on(n, "w:b"))),
            bool(_first(sources, lambda n: _on(n, "w:i"))),
            font_family(_first(sources, _font)),
            vert in ("superscript", "subscript"),
        ))
    align = _first(p_sources, lambda n: _val(n, "w:jc"))
    align = {"start": "left", "end": "right", "justify": "both"}.get(align, align) if align is not None else None
    first = _first(p_sources, _first_line)
    after = _first(p_sources, lambda n: _spacing(n, "w:after"))
    before = _first(p_sources, lambda n: _spacing(n, "w:before"))
    line = _first(p_sources, _line)
    borders = set()
    bdr = _first(p_sources, lambda n: n.find(qn("w:pBdr")))
    if bdr is not None:
        borders = {etree.QName(b).localname for b in bdr if b.get(qn("w:val")) not in ("nil", "none")}
    instr = "".join(t.text or "" for t in p.iter(qn("w:instrText")))
    simple = [f.get(qn("w:instr")) or "" for f in p.iter(qn("w:fldSimple"))]
    rendered = len(p.findall(f".//{qn('w:lastRenderedPageBreak')}"))
    breaks = rendered + sum(1 for br in p.iter(qn("w:br")) if br.get(qn("w:type")) == "page")
    if _first(p_sources, lambda n: _on(n, "w:pageBreakBefore")):
        breaks += 1
    left = _first(p_sources, lambda n: _indent(n, ("w:left", "w:start")))
    right = _first(p_sources, lambda n: _indent(n, ("w:right", "w:end")))
    stops = _first(p_sources, _tab_stops)
    para = Para(
        index, part, "".join(r.text for r in runs), runs, align, first, after, before, line, styles.name(style_id),
        borders=borders, has_page_field="PAGE" in (instr + " ".join(simple)).upper().split(), page_breaks=breaks,
        rendered_breaks=rendered, left_mm=left or 0.0, right_mm=right or 0.0, width_mm=width_mm, shapes_mm=_shapes(p),
    )
    para.tab_stops_mm = stops
    frame = ppr.find(qn("w:framePr")) if ppr is not None else None
    if frame is not None and _twips_mm(frame):  # a frame sets its lines in its own width
        para.width_mm = _twips_mm(frame) or width_mm
    return para


def _indent(node: etree._Element, attrs: tuple[str, ...]) -> float | None:
    ind = node.find(qn("w:ind"))
    if ind is None:
        return None
    for attr in attrs:
        if ind.get(qn(attr)) is not None:
            return _mm(ind.get(qn(attr)))
    return None


def _tab_stops(node: etree._Element) -> list[float] | None:
    tabs = node.find(qn("w:tabs"))
    if tabs is None:
        return None
    stops = (_mm(t.get(qn("w:pos"))) for t in tabs if t.get(qn("w:val")) not in ("clear", None) and t.get(qn("w:pos")))
    return sorted(stop for stop in stops if stop is not None)


def _first_line(node: etree._Element) -> float | None:
    ind = node.find(qn("w:ind"))
    if ind is None:
        return None
    if ind.get(qn("w:hanging")) is not None:
        hanging = _twips(ind.get(qn("w:hanging")))
        return -hanging / 567 if hanging is not None else None
    value = ind.get(qn("w:firstLine"))
    first = _twips(value)
    return first / 567 if first is not None else None


def _spacing(node: etree._Element, attr: str) -> float | None:
    spacing = node.find(qn("w:spacing"))
    if spacing is None or spacing.get(qn(attr)) is None:
        return None
    value = _twips(spacing.get(qn(attr)))
    return value / TWIPS_PER_PT if value is not None else None


def _line(node: etree._Element) -> float | None:
    spacing = node.find(qn("w:spacing"))
    if spacing is None or spacing.get(qn("w:line")) is None:
        return None
    if spacing.get(qn("w:lineRule"), "auto") != "auto":
        return None  # exact or at-least spacing: not in lines
    value = _twips(spacing.get(qn("w:line")))
    return value / 240 if value is not None else None


CELL_MARGIN_MM = 1.9  # Word's default left and right cell margins (108 twips)
BOX_INSET_MM = 2.54  # a text box's default inner margins, left and right (91440 EMU)
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"


def _box_place(box: etree._Element) -> tuple[float, float]:
    """Where a text box starts (mm from the column's left edge) and how wide its text
    is: from the DrawingML anchor, or the VML shape's style."""
    node = box.getparent()
    while node is not None and node.tag not in (f"{WP}anchor", f"{WP}inline", f"{{{V_NS}}}shape", f"{{{V_NS}}}rect"):
        node = node.getparent()
    if node is None:
        return 0.0, 0.0
    if node.tag.startswith(WP):
        extent = node.find(f"{WP}extent")
        width = int(extent.get("cx", 0)) / EMU_PER_MM if extent is not None else 0.0
        offset = node.find(f"{WP}positionH/{WP}posOffset")
        x = int(offset.text or 0) / EMU_PER_MM if offset is not None else 0.0
        return max(0.0, x), max(0.0, width - 2 * BOX_INSET_MM)
    values = dict(part.split(":", 1) for part in node.get("style", "").replace(" ", "").split(";") if ":" in part)
    try:
        x = _css_mm(values.get("margin-left", "0"))
        width = _css_mm(values.get("width", "0"))
    except ValueError:
        return 0.0, 0.0
    return max(0.0, x), max(0.0, width - 2 * BOX_INSET_MM)


def _twips_mm(node: etree._Element | None, attr: str = "w:w") -> float | None:
    if node is None or node.get(qn(attr)) is None or node.get(qn("w:type"), "dxa") != "dxa":
        return None
    return _mm(node.get(qn(attr)))


def _edges(node: etree._Element | None) -> set[str]:
    if node is None:
        return set()
    return {etree.QName(b).localname for b in node if b.get(qn("w:val")) not in ("nil", "none", None)}


def _cell_margins(node: etree._Element | None, default: tuple[float, float]) -> tuple[float, float]:
    if node is None:
        return default
    left = _twips_mm(node.find(qn("w:left"))) if node.find(qn("w:left")) is not None else _twips_mm(node.find(qn("w:start")))
    right = _twips_mm(node.find(qn("w:right"))) if node.find(qn("w:right")) is not None else _twips_mm(node.find(qn("w:end")))
    return (default[0] if left is None else left, default[1] if right is None else right)


class _Walker:
    """Body paragraphs in reading order, table cells row by row; a table's cell knows
    its width, and a one-cell table that only draws a border is a rule."""

    def __init__(self, styles: _Styles, out: list[Para]) -> None:
        self.styles, self.out, self.tables = styles, out, 0

    def add(self, p: etree._Element, width: float, cell: tuple[int, int, int] | None = None) -> Para:
        para = _read_paragraph(p, self.styles, len(self.out), "body", width)
        para.cell = cell
        self.out.append(para)
        return para

    def body(self, container: etree._Element, width: float, cell: tuple[int, int, int] | None = None) -> None:
        for child in container:
            if child.tag == qn("w:p"):
                self.add(child, width, cell)
                self.text_boxes(child, cell)
            elif child.tag == qn("w:tbl"):
                self.table(child, width, cell)
            elif child.tag in (qn("w:sdt"), qn("w:customXml")):
                content = child.find(qn("w:sdtContent"))
                self.body(content if content is not None else child, width, cell)

    def text_boxes(self, p: etree._Element, cell: tuple[int, int, int] | None) -> None:
        """The paragraphs of text boxes anchored to `p` (a header laid out in boxes):
        each placed at its box's offset from the column, in the box's width."""
        for box in p.iter(qn("w:txbxContent")):
            if not _own(cast(etree._Element, box.getparent()), p):  # a fallback copy, or a box inside a box
                continue
            x, width = _box_place(box)
            first = len(self.out)
            self.body(box, width, cell)
            for para in self.out[first:]:
                if para.x_mm is None:
                    para.x_mm = x

    def table(self, tbl: etree._Element, width: float, outer: tuple[int, int, int] | None = None) -> None:
        grid = [(_twips_mm(col) or 0.0) for col in tbl.findall(f"{qn('w:tblGrid')}/{qn('w:gridCol')}")]
        rows = tbl.findall(qn("w:tr"))
        cells = [tc for tr in rows for tc in tr.findall(qn("w:tc"))]
        tbl_edges = _edges(tbl.find(f"{qn('w:tblPr')}/{qn('w:tblBorders')}"))
        margins = _cell_margins(tbl.find(f"{qn('w:tblPr')}/{qn('w:tblCellMar')}"), (CELL_MARGIN_MM, CELL_MARGIN_MM))
        if outer is not None and len(cells) == 1:
            tc = cells[0]
            text = "".join(t.text or "" for t in tc.iter(qn("w:t"))).strip()
            edges = _edges(tc.find(f"{qn('w:tcPr')}/{qn('w:tcBorders')}")) | tbl_edges
            if not text and edges & {"top", "bottom"}:
                length = _twips_mm(tc.find(f"{qn('w:tcPr')}/{qn('w:tcW')}")) or (grid[0] if grid else width)
                rule = Para(len(self.out), "body", "", [], None, None, None, None, None, "", cell=outer, shapes_mm=[length], width_mm=width)
                self.out.append(rule)
                return
        if outer is None:
            table, self.tables = self.tables, self.tables + 1
        for r, tr in enumerate(rows):
            column = 0
            for c, tc in enumerate(tr.findall(qn("w:tc"))):
                tcpr = tc.find(qn("w:tcPr"))
                span_node = tcpr.find(qn("w:gridSpan")) if tcpr is not None else None
                span = int(span_node.get(qn("w:val"), "1")) if span_node is not None else 1
                cell_width = _twips_mm(tcpr.find(qn("w:tcW")) if tcpr is not None else None)
                if not cell_width:
                    cell_width = sum(grid[column:column + span]) or width / max(1, len(tr.findall(qn("w:tc"))))
                column += span
                where = outer if outer is not None else (table, r, c)
                first = len(self.out)
                mar = _cell_margins(tcpr.find(qn("w:tcMar")) if tcpr is not None else None, margins)
                self.body(tc, max(0.0, cell_width - sum(mar)), where)
                edges = _edges(tcpr.find(qn("w:tcBorders")) if tcpr is not None else None)
                texts = [p for p in self.out[first:] if p.text.strip()]
                if "bottom" in edges and texts and outer is None:
                    texts[-1].borders.add("bottom")  # a cell's bottom border under its last line


def _read_bounded(path: str | Path) -> bytes:
    with open(path, "rb") as handle:
        return handle.read(current().docx_bytes + 1)  # one byte past the limit says it is too big


# ISO/IEC 29500 Strict names its namespaces and relationship types under purl.oclc.org;
# read as their Transitional twins (the same elements), which python-docx knows.
_STRICT = re.compile(rb"http://purl\.oclc\.org/ooxml/(wordprocessingml|drawingml|officeDocument|markup-compatibility)/")


def _transitional(data: bytes) -> bytes:
    """A Strict package with its namespaces renamed to Transitional; others unchanged."""
    if b"purl.oclc.org/ooxml/" not in data:
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                if not any(_STRICT.search(archive.read(name)) for name in ("[Content_Types].xml", "_rels/.rels")
                           if name in archive.namelist()):
                    return data
        except (zipfile.BadZipFile, KeyError, ValueError, OSError):
            return data
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as archive, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as renamed:
        for info in archive.infolist():
            part = archive.read(info)
            if info.filename.endswith((".xml", ".rels")):
                part = _STRICT.sub(lambda m: b"http://schemas.openxmlformats.org/" + m[1] + b"/2006/", part)
            renamed.writestr(info.filename, part)
    return out.getvalue()


def read_docx(source: str | Path | bytes) -> DocxView:
    """Read a .docx (a path or bytes); UnreadableDocx when it is not one."""
    try:
        data = source if isinstance(source, bytes) else _read_bounded(source)
        too_big = zip_problem(data)
        if too_big:
            raise UnreadableDocx(too_big)
        doc = Document(io.BytesIO(_transitional(data)))
    except OSError as exc:
        raise UnreadableDocx(f"không mở được tệp ({os_reason(exc)})") from None
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError, etree.XMLSyntaxError):
        raise UnreadableDocx("không phải tệp .docx đọc được (Word 2007 trở lên)") from None
    styles = _Styles(doc)
    # A document without w:sectPr leaves its page to the application (ECMA-376 Part 1,
    # 17.6.17): nothing is known of it, and the page rules say so.
    section = doc.sections[0] if len(doc.sections) else None
    margins = {side: getattr(section, f"{side}_margin") for side in ("top", "bottom", "left", "right")} if section else {}
    page = Page(
        section.page_width.mm if section is not None and section.page_width is not None else 0,
        section.page_height.mm if section is not None and section.page_height is not None else 0,
        {side: value.mm for side, value in margins.items() if value is not None},
        section.different_first_page_header_footer if section is not None else False,
    )
    paragraphs: list[Para] = []
    _Walker(styles, paragraphs).body(doc.element.body, page.text_width_mm)
    for attr, part in (("header", "header"), ("footer", "footer"), ("first_page_header", "first_header"), ("first_page_footer", "first_footer")):
        try:
            story = getattr(section, attr) if section is not None else None
            if story is None or story.is_linked_to_previous:  # no such header or footer in the file
                continue
            element = story._element
        except (KeyError, ValueError, AttributeError):
            continue  # a reference to a part the package lacks (no document.xml.rels): no such story
        for i, p in enumerate(element.iter(qn("w:p"))):
            paragraphs.append(_read_paragraph(p, styles, i, part))
    return DocxView(page, paragraphs)
