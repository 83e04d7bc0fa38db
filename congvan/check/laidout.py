"""What only a laid-out page shows: the document set by LibreOffice (the PDF engine),
its real lines and drawn rules read back with pdfplumber.

Used by `check` where LibreOffice is installed: the Quốc hiệu on one line, the length
of the rules as drawn, the number of pages, and the real page of each finding.
Without LibreOffice `lay_out` gives None and the report says these rules were skipped.
"""

from __future__ import annotations

import io
import re
import tempfile
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docx.oxml.ns import qn
from lxml import etree

from .reader import font_family

if TYPE_CHECKING:
    from ..pdf.engine import PdfEngine


MM = 72 / 25.4
# Words further apart than this on one baseline belong to two columns.
COLUMN_GAP = 24
SKIPPED = ("không có LibreOffice: bỏ qua các điểm chỉ thấy khi dàn trang (Quốc hiệu trên một dòng, "
           "đường kẻ như được vẽ, số trang thật); cài LibreOffice để kiểm tra đủ")


@dataclass
class Line:
    text: str
    x0: float  # points, from the page's left edge
    x1: float
    top: float
    bottom: float


@dataclass
class Page:
    lines: list[Line]
    rules: list[tuple[float, float, float]]  # (x0, x1, y) of horizontal rules

    def text(self) -> str:
        return key(" ".join(line.text for line in self.lines))

    def rule_under(self, line: Line) -> float | None:
        """The length (mm) of the nearest rule drawn just under `line`, over it."""
        below = [r for r in self.rules if line.bottom - 2 <= r[2] <= line.bottom + 14 and r[0] < line.x1 and r[1] > line.x0]
        if not below:
            return None
        x0, x1, _ = min(below, key=lambda r: r[2])
        return (x1 - x0) / MM


def key(text: str) -> str:
    """Text compared without spaces, dashes folded, NFC."""
    text = unicodedata.normalize("NFC", text).replace("–", "-").replace("—", "-")
    return "".join(text.split()).upper()


def _lines(words: list[dict[str, Any]]) -> list[Line]:
    """Words as pdfplumber gives them (dicts of text, x0, x1, top, bottom) set in lines."""
    rows: list[list[dict[str, Any]]] = []
    for word in sorted(words, key=lambda w: (round(w["bottom"]), w["x0"])):
        if rows and abs(rows[-1][0]["bottom"] - word["bottom"]) < 2:
            rows[-1].append(word)
        else:
            rows.append([word])
    out = []
    for row in rows:
        row.sort(key=lambda w: w["x0"])
        segment = [row[0]]
        for after in [*row[1:], None]:
            if after is not None and after["x0"] - segment[-1]["x1"] < COLUMN_GAP:
                segment.append(after)
                continue
            out.append(Line(" ".join(w["text"] for w in segment), segment[0]["x0"], segment[-1]["x1"],
                            min(w["top"] for w in segment), max(w["bottom"] for w in segment)))
            if after is not None:
                segment = [after]
    return sorted(out, key=lambda line: (round(line.top), line.x0))


def read_pdf(path: Path) -> list[Page]:
    import pdfplumber  # only a laid-out check reads a PDF: every render imports this module

    out = []
    with pdfplumber.open(path) as document:
        for page in document.pages:
            words = page.extract_words(keep_blank_chars=False, x_tolerance=1.5)
            rules = {(round(e["x0"], 1), round(e["x1"], 1), round(e["top"], 1)) for e in page.lines + page.rects
                     if abs(e["bottom"] - e["top"]) < 2 and e["x1"] - e["x0"] > 5}
            out.append(Page(_lines(words), sorted(rules)))
    return out


_FACE = re.compile(rb'(w:(?:ascii|hAnsi|cs|eastAsia)=")([^"]+)(")')


def as_word_shows(data: bytes) -> bytes:
    """The package as Word reads it, for LibreOffice to set: every font face named by
    its family ("Times New Roman Bold" → "Times New Roman", bold from the run), and a
    table's grid taken from its cells' widths where the two disagree (Word lays out by
    the cells, LibreOffice by the grid; python-docx and many tools set only the cells)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            blob = src.read(info)
            if info.filename.startswith("word/") and info.filename.endswith(".xml"):
                blob = _FACE.sub(lambda m: m[1] + (font_family(m[2].decode("utf-8")) or "").encode("utf-8") + m[3], blob)
            if info.filename == "word/document.xml":
                blob = _grid_from_cells(blob)
            dst.writestr(info, blob)
    return out.getvalue()


def _grid_from_cells(blob: bytes) -> bytes:
    root = etree.fromstring(blob)
    changed = False
    for tbl in root.iter(qn("w:tbl")):
        cols = tbl.findall(f"{qn('w:tblGrid')}/{qn('w:gridCol')}")
        row = tbl.find(qn("w:tr"))
        if row is None or not cols:
            continue
        widths: list[str] = []
        for tc in row.findall(qn("w:tc")):
            w = tc.find(f"{qn('w:tcPr')}/{qn('w:tcW')}")
            span = tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
            width = w.get(qn("w:w")) if w is not None else None
            if w is None or w.get(qn("w:type"), "dxa") != "dxa" or span is not None or width is None:
                widths = []
                break
            widths.append(width)
        if len(widths) == len(cols) and [c.get(qn("w:w")) for c in cols] != widths:
            for col, width in zip(cols, widths):
                col.set(qn("w:w"), width)
            changed = True
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True) if changed else blob


def lay_out(sources: list[bytes], engine: PdfEngine | None = None) -> list[list[Page] | None] | None:
    """Each DOCX laid out by LibreOffice and read back (None for a file it could not
    convert); None when LibreOffice is not installed."""
    from ..pdf.engine import PdfEngine, SofficeMissing  # noqa: F811 (the engine imports the writer)

    try:
        own = engine is None
        engine = engine or PdfEngine(workers=min(2, len(sources)) or 1, resident=False, timeout=60)
    except SofficeMissing:
        return None
    with tempfile.TemporaryDirectory(prefix="congvan-check-") as tmp:
        pairs = []
        for i, data in enumerate(sources):
            source = Path(tmp) / f"{i}.docx"
            source.write_bytes(as_word_shows(data))
            pairs.append((source, Path(tmp) / f"{i}.pdf"))
        try:
            results = engine.convert(pairs)
        finally:
            if own:
                engine.close()
        return [read_pdf(r.target) if r.ok and r.target.exists() else None for r in results]


def page_of(pages: list[Page], text: str) -> int | None:
    """The page (from 1) whose text holds the start of `text`."""
    start = key(text)[:24]
    if not start:
        return None
    for number, page in enumerate(pages, 1):
        if start in page.text():
            return number
    return None


def find_line(pages: list[Page], text: str, page: int = 0) -> Line | None:
    wanted = key(text)
    for line in pages[page].lines if len(pages) > page else []:
        if key(line.text) == wanted:
            return line
    return None
