"""Reading the layout of a produced PDF in tests: lines of text with their box and
fonts, and the drawn rules (pdfplumber), independently of congvan's own code."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pdfplumber

MM = 72 / 25.4


@dataclass
class Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    fonts: set[str]
    size: float

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def bold(self) -> bool:
        return all("Bold" in f for f in self.fonts)

    @property
    def italic(self) -> bool:
        return all("Italic" in f for f in self.fonts)


@dataclass
class Page:
    width: float
    height: float
    lines: list[Line]
    rules: list[tuple[float, float, float]]  # (x0, x1, y) of horizontal rules

    def find(self, start: str) -> Line:
        found = [line for line in self.lines if line.text.startswith(start)]
        assert found, f"no line starts with {start!r}: {[line.text for line in self.lines]}"
        return found[0]

    def rule_under(self, line: Line) -> tuple[float, float, float]:
        below = [r for r in self.rules if line.bottom - 2 <= r[2] <= line.bottom + 20 and r[0] < line.x1 and r[1] > line.x0]
        assert below, f"no rule under {line.text!r}"
        return min(below, key=lambda r: r[2])


# Words further apart than this on one baseline belong to two columns (a justified
# space stays well under it).
COLUMN_GAP = 24


def _lines(words: list[dict]) -> list[Line]:
    rows: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (round(w["bottom"]), w["x0"])):
        if rows and abs(rows[-1][0]["bottom"] - word["bottom"]) < 2:
            rows[-1].append(word)
        else:
            rows.append([word])
    out = []
    for row in rows:
        row.sort(key=lambda w: w["x0"])
        segment = [row[0]]
        for word in row[1:] + [None]:
            if word is not None and word["x0"] - segment[-1]["x1"] < COLUMN_GAP:
                segment.append(word)
                continue
            out.append(Line(" ".join(w["text"] for w in segment), segment[0]["x0"], segment[-1]["x1"],
                            min(w["top"] for w in segment), max(w["bottom"] for w in segment),
                            {w["fontname"].split("+")[-1] for w in segment}, round(segment[0]["size"], 1)))
            segment = [word]
    return sorted(out, key=lambda line: (round(line.top), line.x0))


def pages(pdf: Path) -> list[Page]:
    out = []
    with pdfplumber.open(pdf) as document:
        for page in document.pages:
            words = page.extract_words(extra_attrs=["fontname", "size"], keep_blank_chars=False, x_tolerance=1.5)
            rules = {(round(e["x0"], 1), round(e["x1"], 1), round(e["top"], 1)) for e in page.lines + page.rects
                     if abs(e["bottom"] - e["top"]) < 2 and e["x1"] - e["x0"] > 5}
            out.append(Page(float(page.width), float(page.height), _lines(words), sorted(rules)))
    return out
