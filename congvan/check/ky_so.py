"""The electronic forms of Phụ lục III in a read DOCX: the agency's digital signature
at the top right of the first page (a copy into electronic form, Mẫu 3.2, Phần II,
Mục I.3; a phụ lục in a file of its own, Mẫu 2.2, Phụ lục I, III.1d), and a phụ lục
file told from a document: its first line is "Phụ lục", there is no Quốc hiệu.

The signature's information is found by its text ("SAO Y; <cơ quan>; <thời gian>",
"Số: <số và ký hiệu>; <thời gian>") as the first line of the file; its place left
empty for the signing software is no finding.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .. import nd30
from .parts import items_of, norm
from .reader import DocxView, Para

if TYPE_CHECKING:
    from .rules import Checker  # which imports this module

COPY = re.compile(r"^(?P<form>SAO Y|SAO LỤC|TRÍCH SAO)\s*;\s*(?P<agency>[^;]+?)\s*;\s*(?P<time>.+)$", re.IGNORECASE)
APPENDIX = re.compile(r"^Số\s*:\s*(?P<so>[^;]+?)\s*;\s*(?P<time>.+)$")
TIME = re.compile(nd30.KY_SO_TIME_PATTERN)
HEADING = re.compile(r"^Phụ lục(\s+[IVXLC]+)?$")
REFERENCE = "(Kèm theo"


@dataclass
class AppendixFile:
    """The components of a phụ lục issued as a file of its own (Mẫu 2.2)."""

    stamp: Para | None
    heading: Para
    title: Para | None = None
    reference: Para | None = None
    rule: float | None = None
    body: list[Para] = field(default_factory=list)


def _texts(view: DocxView) -> list[Para]:
    return [p for p in items_of(view) if p.text.strip() or p.rule_mm is not None]


def stamp(view: DocxView, pattern: re.Pattern[str] = COPY) -> Para | None:
    """The signature's information, when it is the first line of the file."""
    first = next((p for p in _texts(view) if p.text.strip()), None)
    return first if first is not None and pattern.match(norm(first.text)) else None


def appendix_file(view: DocxView) -> AppendixFile | None:
    """The parts of a phụ lục file (Mẫu 2.2), or None for any other document."""
    items = _texts(view)
    texts = [p for p in items if p.text.strip() and p.rule_mm is None]
    if any(norm(p.text).upper() == nd30.QUOC_HIEU for p in texts):
        return None
    found = stamp(view, APPENDIX)
    rest = texts[1:] if found is not None else texts
    if not rest or not HEADING.match(norm(rest[0].text)):
        return None
    out = AppendixFile(found, rest[0])
    after = items[items.index(rest[0]) + 1:]
    i = 0
    if i < len(after) and after[i].bold and not norm(after[i].text).startswith(REFERENCE) and after[i].rule_mm is None:
        out.title, i = after[i], i + 1
    if i < len(after) and norm(after[i].text).startswith(REFERENCE):
        out.reference, i = after[i], i + 1
    if i < len(after) and after[i].rule_mm is not None:
        out.rule, i = after[i].rule_mm, i + 1
    out.body = [p for p in after[i:] if p.text.strip() and p.rule_mm is None and p.cell is None]
    return out


def check_stamp(c: Checker, para: Para, section: str) -> None:
    """The information in Times New Roman, lower case, upright, 10 pt, at the right;
    the time of signing with Vietnam's zone (ISO 8601)."""
    rule = nd30.KY_SO
    if para.size is not None and para.size not in rule.size:
        c.add("chu_ky_so", "error", rule.name, f"cỡ chữ phải là {rule.size.describe('pt')}, không phải {para.size:g} pt".replace(".", ","), section, para)
    if para.bold:
        c.add("chu_ky_so", "error", rule.name, "không được in đậm", section, para)
    if para.italic:
        c.add("chu_ky_so", "error", rule.name, "phải là kiểu chữ đứng, không được in nghiêng", section, para)
    if para.align not in ("right", "end"):
        c.add("chu_ky_so", "error", rule.name, "phải ở góc trên, bên phải trang đầu", section, para)
    match = COPY.match(norm(para.text)) or APPENDIX.match(norm(para.text))
    if match is not None and not TIME.fullmatch(match["time"]):
        c.add("chu_ky_so", "error", rule.name, f"thời gian ký phải ghi ngày tháng năm; giờ phút giây và múi giờ Việt Nam theo ISO 8601 "
              f"(«05/03/2024; 09:15:30+07:00»), không phải «{match['time']}»", section, para)


def check_copy_stamp(c: Checker) -> None:
    """Mẫu 3.2: the copying agency's signature, if its information is printed."""
    found = stamp(c.view)
    if found is not None:
        check_stamp(c, found, nd30.KY_SO_COPY_SECTION)


def check_appendix_file(c: Checker, parts: AppendixFile) -> None:
    """Mẫu 2.2: the heading, title and reference of III.1b–c, the signature of III.1d."""
    heading = parts.heading
    if heading.size is not None and heading.size != 14:
        c.add("phu_luc", "error", "Phụ lục", f"chữ «Phụ lục» phải cỡ 14 pt, không phải {heading.size:g} pt".replace(".", ","), "III.1b", heading)
    if not heading.bold or heading.italic or heading.align not in ("center", None):
        c.add("phu_luc", "error", "Phụ lục", "chữ «Phụ lục» và số thứ tự phải canh giữa, kiểu chữ đứng, đậm", "III.1b", heading)
    title = parts.title
    if title is not None:
        if title.size is not None and title.size not in nd30.Range(13, 14, "III.1b"):
            c.add("phu_luc", "error", "Tên phụ lục", f"tên phụ lục phải cỡ 13–14 pt, không phải {title.size:g} pt".replace(".", ","), "III.1b", title)
        if norm(title.text) != norm(title.text).upper() or not title.bold:
            c.add("phu_luc", "error", "Tên phụ lục", "tên phụ lục phải in hoa, đậm", "III.1b", title)
    reference = parts.reference
    if reference is None:
        c.add("phu_luc_kem_theo", "error", "Phụ lục", "phải có dòng «(Kèm theo … số … ngày … của …)» dưới tên phụ lục", "III.1c", title or heading)
    else:
        if reference.size is not None and reference.size not in nd30.Range(13, 14, "III.1c"):
            c.add("phu_luc_kem_theo", "error", "Phụ lục", f"dòng «Kèm theo» phải cỡ 13–14 pt, không phải {reference.size:g} pt".replace(".", ","), "III.1c", reference)
        if not reference.italic:
            c.add("phu_luc_kem_theo", "error", "Phụ lục", "dòng «Kèm theo» phải in nghiêng", "III.1c", reference)
    if parts.stamp is not None:
        check_stamp(c, parts.stamp, "III.1d")
