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
import zipfile
from dataclasses import dataclass, field
from typing import Callable

from docx import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from lxml import etree

from ..errors import CongVanError
from ..explain import os_reason

EMU_PER_MM = 36000
TWIPS_PER_PT = 20


class UnreadableDocx(CongVanError):
    """The file is not a .docx that can be read."""


@dataclass
class Run:
    text: str
    size: float | None  # points
    bold: bool
    italic: bool
    font: str | None


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

    def main_run(self) -> Run | None:
        """The run that carries most of the text."""
        runs = [r for r in self.runs if r.text.strip()]
        return max(runs, key=lambda r: len(r.text.strip())) if runs else None

    @property
    def size(self) -> float | None:
        run = self.main_run()
        return run.size if run else None

    @property
    def bold(self) -> bool:
        runs = [r for r in self.runs if r.text.strip()]
        return bool(runs) and all(r.bold for r in runs)

    @property
    def italic(self) -> bool:
        runs = [r for r in self.runs if r.text.strip()]
        return bool(runs) and all(r.italic for r in runs)


@dataclass
class Page:
    width_mm: float
    height_mm: float
    margins_mm: dict[str, float]
    title_page: bool  # a different first page (no page number there)


@dataclass
class DocxView:
    page: Page
    paragraphs: list[Para]  # body first, then headers and footers

    def part(self, name: str) -> list[Para]:
        return [p for p in self.paragraphs if p.part == name]


class _Styles:
    def __init__(self, doc) -> None:
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


def _first(sources: list[etree._Element | None], getter: Callable) -> object:
    for source in sources:
        if source is None:
            continue
        value = getter(source)
        if value is not None:
            return value
    return None


def _on(node: etree._Element | None, tag: str) -> bool | None:
    if node is None:
        return None
    child = node.find(qn(tag))
    if child is None:
        return None
    return child.get(qn("w:val")) not in ("0", "false", "off")


def _size(rpr: etree._Element) -> float | None:
    node = rpr.find(qn("w:sz"))
    return int(node.get(qn("w:val"))) / 2 if node is not None else None


def _font(rpr: etree._Element) -> str | None:
    node = rpr.find(qn("w:rFonts"))
    return node.get(qn("w:ascii")) or node.get(qn("w:hAnsi")) if node is not None else None


_RUN_CHARS = {qn("w:noBreakHyphen"): "-", qn("w:cr"): " "}


def run_text(r: etree._Element) -> str:
    """A run's text as a reader sees it: a line break is a space, a non-breaking
    hyphen a hyphen (congvan writes both when it composes lines)."""
    out = []
    for child in r:
        if child.tag == qn("w:t"):
            out.append(child.text or "")
        elif child.tag == qn("w:br"):
            out.append("" if child.get(qn("w:type")) == "page" else " ")
        else:
            out.append(_RUN_CHARS.get(child.tag, ""))
    return "".join(out)


def _read_paragraph(p: etree._Element, styles: _Styles, index: int, part: str) -> Para:
    ppr = p.find(qn("w:pPr"))
    style_node = ppr.find(qn("w:pStyle")) if ppr is not None else None
    style_id = style_node.get(qn("w:val")) if style_node is not None else styles.default_para
    pchain = styles.chain(style_id)
    p_sources = [ppr] + [s.find(qn("w:pPr")) for s in pchain] + [styles.ppr_default]
    r_para = [s.find(qn("w:rPr")) for s in pchain] + [styles.rpr_default]

    runs = []
    for r in p.iter(qn("w:r")):
        text = run_text(r)
        rpr = r.find(qn("w:rPr"))
        rstyle = rpr.find(qn("w:rStyle")) if rpr is not None else None
        rchain = styles.chain(rstyle.get(qn("w:val"))) if rstyle is not None else []
        sources = [rpr] + [s.find(qn("w:rPr")) for s in rchain] + r_para
        runs.append(Run(
            text,
            _first(sources, _size),
            bool(_first(sources, lambda n: _on(n, "w:b"))),
            bool(_first(sources, lambda n: _on(n, "w:i"))),
            _first(sources, _font),
        ))
    align = _first(p_sources, lambda n: n.find(qn("w:jc")).get(qn("w:val")) if n.find(qn("w:jc")) is not None else None)
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
    breaks = len(p.findall(f".//{qn('w:lastRenderedPageBreak')}")) + sum(
        1 for br in p.iter(qn("w:br")) if br.get(qn("w:type")) == "page"
    )
    return Para(
        index, part, "".join(r.text for r in runs), runs, align, first, after, before, line, styles.name(style_id),
        borders=borders, has_page_field="PAGE" in (instr + " ".join(simple)).upper().split(), page_breaks=breaks,
    )


def _first_line(node: etree._Element) -> float | None:
    ind = node.find(qn("w:ind"))
    if ind is None:
        return None
    if ind.get(qn("w:hanging")) is not None:
        return -int(ind.get(qn("w:hanging"))) / 567
    value = ind.get(qn("w:firstLine"))
    return int(value) / 567 if value is not None else None


def _spacing(node: etree._Element, attr: str) -> float | None:
    spacing = node.find(qn("w:spacing"))
    if spacing is None or spacing.get(qn(attr)) is None:
        return None
    return int(spacing.get(qn(attr))) / TWIPS_PER_PT


def _line(node: etree._Element) -> float | None:
    spacing = node.find(qn("w:spacing"))
    if spacing is None or spacing.get(qn("w:line")) is None:
        return None
    if spacing.get(qn("w:lineRule"), "auto") != "auto":
        return None  # exact or at-least spacing: not in lines
    return int(spacing.get(qn("w:line"))) / 240


def read_docx(source) -> DocxView:
    """Read a .docx (a path or bytes); UnreadableDocx when it is not one."""
    try:
        data = source if isinstance(source, bytes) else open(source, "rb").read()
        doc = Document(io.BytesIO(data))
    except OSError as exc:
        raise UnreadableDocx(f"không mở được tệp ({os_reason(exc)})") from None
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError, etree.XMLSyntaxError):
        raise UnreadableDocx("không phải tệp .docx đọc được (Word 2007 trở lên)") from None
    styles = _Styles(doc)
    section = doc.sections[0]
    margins = {side: getattr(section, f"{side}_margin") for side in ("top", "bottom", "left", "right")}
    page = Page(
        section.page_width.mm if section.page_width is not None else 0,
        section.page_height.mm if section.page_height is not None else 0,
        {side: value.mm for side, value in margins.items() if value is not None},
        section.different_first_page_header_footer,
    )
    paragraphs: list[Para] = []
    index = 0
    for child in doc.element.body:
        if child.tag == qn("w:p"):
            paragraphs.append(_read_paragraph(child, styles, index, "body"))
            index += 1
        elif child.tag == qn("w:tbl"):
            table = len({p.cell[0] for p in paragraphs if p.cell})
            for r, tr in enumerate(child.findall(qn("w:tr"))):
                for c, tc in enumerate(tr.findall(qn("w:tc"))):
                    for p in tc.iter(qn("w:p")):
                        para = _read_paragraph(p, styles, index, "body")
                        para.cell = (table, r, c)
                        paragraphs.append(para)
                        index += 1
    for attr, part in (("header", "header"), ("footer", "footer"), ("first_page_header", "first_header"), ("first_page_footer", "first_footer")):
        story = getattr(section, attr)
        if story.is_linked_to_previous:  # no such header or footer in the file
            continue
        for i, p in enumerate(story._element.iter(qn("w:p"))):
            paragraphs.append(_read_paragraph(p, styles, i, part))
    return DocxView(page, paragraphs)
