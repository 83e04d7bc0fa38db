"""Hold the components of a read DOCX against NĐ 30, the rules of its kind only.

Components are found in `parts` (by text, place and look, as a reviewer finds them);
every number comes from `congvan.nd30`, the rules the writer follows too, and what
differs between kinds from `kinds`. One fault on many paragraphs is one finding,
with their count and the first of them.
"""

from __future__ import annotations

import math
import re
from typing import cast

from .. import kinds, nd30, rulebook
from ..kinds import Kind
from ..typeset.metrics import text_width_pt
from . import ky_so, laidout
from .parts import AUTHORITY, NGAY, OTHER_KINDS, SO, Parts, find_parts, has_blanks, is_title, norm
from .reader import DocxView, Para
from .report import Finding, Report

__all__ = ["CHECKS", "Checker", "check_page_setup", "check_view", "find_parts"]

PT_MM = 25.4 / 72
RULES = nd30.TEXT_RULES
CODES = {k.ma for k in (*kinds.KINDS.values(), *OTHER_KINDS) if k.ma}
# How far a rule may be from the length the decree asks (measured with Times widths;
# Word's own widths differ by a few per cent).
RULE_TOLERANCE = 0.06


def _vn(value: float) -> str:
    """A measure as Vietnamese writes it: 1,15 and 0,5, not 1.15."""
    return f"{value:g}".replace(".", ",")


def mm(value: float) -> str:
    """A length with the precision that decides: 25 mm, 25,4 mm."""
    return f"{round(value, 1):g}".replace(".", ",") + " mm"


class Checker:
    """Collects the findings of one document."""

    def __init__(self, view: DocxView, source: str, laid_out: list[laidout.Page] | None = None) -> None:
        self.view = view
        self.report = Report(source)
        self.parts = find_parts(view)
        self.report.kind = self.parts.kind.loai if self.parts.kind else "none"
        self._pages = self._estimate_pages()
        self.laid_out = laid_out  # the pages LibreOffice set (laidout.Page), when known
        if laid_out:
            self.pages = len(laid_out)

    def laid_line(self, para: Para | None) -> laidout.Line | None:
        """The line of the laid-out first page holding `para`'s text, if laid out."""
        if not self.laid_out or para is None:
            return None
        return laidout.find_line(self.laid_out, norm(para.text))

    def laid_rule(self, line: laidout.Line) -> float | None:
        """The length (mm) of the rule drawn under a line of the laid-out first page."""
        return self.laid_out[0].rule_under(line) if self.laid_out else None

    def _estimate_pages(self) -> dict[int, int]:
        """The page of each body paragraph: from the breaks Word left where it
        paginated, or else from the height of the lines (Times metrics)."""
        body = self.view.part("body")
        rendered = any(p.rendered_breaks for p in body)
        page_height = (self.view.page.height_mm - self.view.page.margins_mm.get("top", 20) - self.view.page.margins_mm.get("bottom", 20)) / PT_MM
        pages, page, used = {}, 1, 0.0
        rows: dict[tuple[int, ...], dict[int, float]] = {}
        for p in body:
            if p.page_breaks and not rendered or p.rendered_breaks:
                page += p.page_breaks if not rendered else p.rendered_breaks
                used = 0.0
            pages[p.index] = page
            if rendered:
                continue
            size = p.size or 12
            width = max(10.0, p.width_mm - p.left_mm - p.right_mm) / PT_MM
            lines = max(1, math.ceil(text_width_pt(p.text, size, p.bold) / width)) if p.text.strip() else 1
            height = lines * size * 1.15 * (p.line_spacing or 1) + (p.space_before_pt or 0) + (p.space_after_pt or 0)
            if p.cell is not None:
                cells = rows.setdefault(p.cell[:2], {})
                before = max(cells.values(), default=0.0)
                cells[p.cell[2]] = cells.get(p.cell[2], 0.0) + height
                height = max(cells.values()) - before
            used += height
            if used > page_height:
                page, used = page + 1, height
                pages[p.index] = page
        self.pages = page
        return pages

    def add(self, rule: str, severity: str, component: str, message: str, section: str, para: Para | None = None) -> None:
        page = para_index = None
        text = ""
        if para is not None:
            page = self._pages.get(para.index) if para.part == "body" else None
            para_index, text = para.index + 1, norm(para.text)  # numbered from 1, as a reader counts
        section = section if section.startswith(("Phụ lục", "Điều")) else f"Phụ lục I, {section}"
        for f in self.report.findings:  # the same fault again: count it on the first
            if f.rule == rule and f.message == message:
                f.count += 1
                return
        self.report.findings.append(Finding(rule, severity, component, message, section, page, para_index, text))

    def size(self, rule: str, key: str, para: Para) -> None:
        text_rule = RULES[key]
        if para.size is not None and para.size not in text_rule.size:
            self.add(rule, "error", text_rule.name, f"cỡ chữ phải là {text_rule.size.describe('pt')}, không phải {_vn(para.size)} pt", text_rule.size.section, para)

    def style(self, rule: str, key: str, para: Para, bold: bool | None = None, italic: bool | None = None) -> None:
        name = RULES[key].name
        section = RULES[key].size.section
        if bold is not None and para.bold != bold:
            self.add(rule, "error", name, "phải in đậm" if bold else "không được in đậm", section, para)
        if italic is not None and para.italic != italic:
            self.add(rule, "error", name, "phải in nghiêng" if italic else "phải là kiểu chữ đứng, không được in nghiêng", section, para)

    def caps(self, rule: str, key: str, para: Para) -> None:
        text = para.text.strip()
        if text != text.upper():
            self.add(rule, "error", RULES[key].name, "phải viết chữ in hoa", RULES[key].size.section, para)


def check_page_setup(c: Checker) -> None:
    """Paper and margins (Phần I, Mục I.1, I.3); layout templates are held to it too."""
    page = c.view.page
    if sorted((round(page.width_mm), round(page.height_mm))) != [round(nd30.PAGE_WIDTH_MM), round(nd30.PAGE_HEIGHT_MM)]:
        given = f"không phải {page.width_mm:.0f} × {page.height_mm:.0f} mm" if page.width_mm or page.height_mm else "tệp không ghi khổ giấy"
        c.add("kho_giay", "error", "Trang", f"khổ giấy phải là A4 (210 × 297 mm), {given}", "Phần I, Mục I.1")
    names = {"top": "trên", "bottom": "dưới", "left": "trái", "right": "phải"}
    for side, allowed in nd30.MARGINS_MM.items():
        value = page.margins_mm.get(side)
        if value is not None and round(value, 1) not in allowed:
            c.add("le_trang", "error", "Trang", f"lề {names[side]} phải là {allowed.describe('mm')}, không phải {mm(value)}", "Phần I, Mục I.3")


def check_fonts(c: Checker) -> None:
    seen: set[str] = set()
    for p in c.view.paragraphs:
        for run in p.runs:
            if run.text.strip() and run.font and run.font != nd30.FONT and run.font not in nd30.FONT_STAND_INS and run.font not in seen:
                seen.add(run.font)
                c.add("phong_chu", "error", "Trang", f"phông chữ phải là {nd30.FONT}, không phải {run.font} (ở «{run.text.strip()[:30]}»)", "Phần I, Mục I.4", p)


def _width_mm(p: Para, text: str | None = None) -> float:
    return text_width_pt(norm(text if text is not None else p.text), p.size or 13, p.bold) * PT_MM


def _line_mm(p: Para) -> tuple[float, float]:
    """The shortest and longest the paragraph's longest line can be: its text cut at
    its line breaks, each piece wrapped in the width it is set in."""
    avail = max(1.0, p.width_mm - p.left_mm - p.right_mm) if p.width_mm else None
    low = high = 0.0
    for piece in norm_lines(p.text):
        width = _width_mm(p, piece)
        if avail and width > avail:
            lines = math.ceil(width / avail)
            low, high = max(low, width / lines), max(high, avail)
        else:
            low, high = max(low, width), max(high, width)
    return low, high


def norm_lines(text: str) -> list[str]:
    return [norm(t) for t in text.split("\n") if t.strip()]


def _ratio_ok(rule: float, lines: list[Para]) -> bool:
    """II.2b, II.5b: a rule 1/3 to 1/2 of the (longest) line above it."""
    low = max(_line_mm(p)[0] for p in lines)
    high = max(_line_mm(p)[1] for p in lines)
    ratio = nd30.AGENCY_RULE_RATIO
    return ratio.lo * (1 - RULE_TOLERANCE) * low <= rule <= ratio.hi * (1 + RULE_TOLERANCE) * high


def check_header(c: Checker) -> None:
    parts = c.parts
    if parts.quoc_hieu is None:
        c.add("quoc_hieu", "error", "Quốc hiệu", f"phải có dòng «{nd30.QUOC_HIEU}»", "II.1a")
    else:
        qh = parts.quoc_hieu
        c.size("quoc_hieu", "quoc_hieu", qh)
        c.style("quoc_hieu", "quoc_hieu", qh, bold=True)
        if parts.quoc_hieu_wrapped:
            c.add("quoc_hieu", "error", "Quốc hiệu", "Quốc hiệu phải trình bày trên một dòng, không được xuống dòng", "II.1a", qh)
        elif c.laid_out:
            page = c.laid_out[0]
            if not any(laidout.key(line.text) == laidout.key(nd30.QUOC_HIEU) for line in page.lines) and any(
                    laidout.key(nd30.QUOC_HIEU).startswith(laidout.key(line.text)) and len(laidout.key(line.text)) >= 10 for line in page.lines):
                c.add("quoc_hieu", "error", "Quốc hiệu", "Quốc hiệu phải trình bày trên một dòng, không được xuống dòng (trang đã dàn)", "II.1a", qh)
        elif qh.width_mm and _width_mm(qh, nd30.QUOC_HIEU) > qh.width_mm - qh.left_mm - qh.right_mm + 0.5:
            c.add("quoc_hieu", "error", "Quốc hiệu", f"cột phải đủ rộng cho Quốc hiệu trên một dòng ({mm(_width_mm(qh, nd30.QUOC_HIEU))}), không phải {mm(qh.width_mm)}", "II.1a", qh)
    if parts.tieu_ngu is None:
        c.add("tieu_ngu", "error", "Tiêu ngữ", f"phải có dòng «{nd30.TIEU_NGU}»", "II.1b")
    else:
        tn = parts.tieu_ngu
        c.size("tieu_ngu", "tieu_ngu", tn)
        c.style("tieu_ngu", "tieu_ngu", tn, bold=True)
        # II.1b: a solid rule under it, as long as the line of text.
        want = _width_mm(tn, nd30.TIEU_NGU)
        line = c.laid_line(tn)
        if line is not None:  # as LibreOffice drew them
            want = (line.x1 - line.x0) / laidout.MM
            drawn = c.laid_rule(line)
            if drawn is not None:
                parts.tieu_ngu_rule = drawn
        if parts.tieu_ngu_rule is None:
            c.add("duong_ke_tieu_ngu", "error", "Tiêu ngữ", "phải có đường kẻ ngang dưới Tiêu ngữ", "II.1b", tn)
        elif abs(parts.tieu_ngu_rule - want) > RULE_TOLERANCE * want:
            c.add("duong_ke_tieu_ngu", "error", "Tiêu ngữ", f"đường kẻ dưới Tiêu ngữ phải dài bằng dòng chữ ({mm(want)}), không phải {mm(parts.tieu_ngu_rule)}", "II.1b", tn)
    for p in parts.ban_hanh:
        c.size("co_quan_ban_hanh", "co_quan_ban_hanh", p)
        c.style("co_quan_ban_hanh", "co_quan_ban_hanh", p, bold=True)
        c.caps("co_quan_ban_hanh", "co_quan_ban_hanh", p)
    for p in parts.chu_quan:
        c.size("co_quan_chu_quan", "co_quan_chu_quan", p)
        c.caps("co_quan_chu_quan", "co_quan_chu_quan", p)
    if parts.ban_hanh and not any(has_blanks(p.text) for p in parts.ban_hanh):
        # II.2b: a rule under the agency, 1/3 to 1/2 of its line.
        width = max(_line_mm(p)[1] for p in parts.ban_hanh)
        line = c.laid_line(parts.ban_hanh[-1])
        if line is not None and parts.agency_rule is not None:
            drawn = c.laid_rule(line)
            parts.agency_rule = drawn if drawn is not None else parts.agency_rule
        if parts.agency_rule is None:
            c.add("duong_ke_co_quan", "error", "Tên cơ quan ban hành", "phải có đường kẻ ngang dưới tên cơ quan ban hành", "II.2b", parts.ban_hanh[-1])
        elif not _ratio_ok(parts.agency_rule, parts.ban_hanh):
            c.add("duong_ke_co_quan", "error", "Tên cơ quan ban hành",
                  f"đường kẻ dưới tên cơ quan phải dài 1/3–1/2 dòng chữ ({mm(width / 3)}–{mm(width / 2)}), không phải {mm(parts.agency_rule)}", "II.2b", parts.ban_hanh[-1])
    if parts.attached_only:
        return  # its title, trích yếu and reference: check_kem_theo
    check_number(c)
    check_trich_yeu(c)
    check_date(c)


def check_number(c: Checker) -> None:
    parts = c.parts
    if parts.so is None:
        c.add("so_ky_hieu", "error", "Số, ký hiệu", "phải có dòng «Số: …/…»", "II.3")
        return
    c.size("so_ky_hieu", "so_ky_hieu", parts.so)
    c.style("so_ky_hieu", "so_ky_hieu", parts.so, bold=False, italic=False)  # II.3c: upright


def check_trich_yeu(c: Checker) -> None:
    parts = c.parts
    kind = cast(Kind, parts.kind)  # check_view holds only a document of a known kind to the rules
    if kind.vv:
        if parts.ten_loai is not None:  # II.5b, Mẫu 1.5: a công văn has no tên loại
            c.add("ten_loai_cong_van", "error", "Tên loại", f"công văn không được ghi tên loại «{norm(parts.ten_loai.text)}»: trích yếu phải là dòng «V/v …» dưới Số", "II.5b", parts.ten_loai)
        if parts.trich_yeu is None:
            c.add("trich_yeu", "error", "Trích yếu (V/v)", "phải có dòng «V/v …» dưới số, ký hiệu", "II.5b")
            return
        c.size("trich_yeu", "trich_yeu", parts.trich_yeu)
        c.style("trich_yeu", "trich_yeu", parts.trich_yeu, bold=False)
        if parts.so is not None and parts.trich_yeu_side != parts.so_side:
            c.add("trich_yeu", "error", "Trích yếu (V/v)", "trích yếu phải canh giữa dưới số, ký hiệu (cột bên trái), không được canh giữa trang", "II.5b", parts.trich_yeu)
        return
    title = cast(Para, parts.ten_loai)  # a kind other than the công văn is known by its tên loại
    rule = RULES["ten_loai"]
    c.size("ten_loai", "ten_loai", title)
    c.style("ten_loai", "ten_loai", title, bold=True, italic=False)
    if title.align not in ("center", None) and title.cell is None:
        c.add("ten_loai", "error", rule.name, "tên loại phải canh giữa", rule.size.section, title)
    lines = parts.ten_loai_trich_yeu
    for p in lines:
        c.size("trich_yeu", "trich_yeu_ten_loai", p)
        c.style("trich_yeu", "trich_yeu_ten_loai", p, bold=True, italic=False)
    if kind.trich_yeu == "required" and not lines:
        c.add("trich_yeu", "error", RULES["trich_yeu_ten_loai"].name, f"phải có trích yếu dưới «{kind.ten_loai}»", "II.5b", title)
    if lines and not any(has_blanks(p.text) for p in lines):
        if parts.ten_loai_rule is None:
            c.add("duong_ke_trich_yeu", "error", "Trích yếu", "phải có đường kẻ ngang dưới trích yếu", "II.5b", lines[-1])
        elif not _ratio_ok(parts.ten_loai_rule, lines):
            c.add("duong_ke_trich_yeu", "error", "Trích yếu", f"đường kẻ dưới trích yếu phải dài 1/3–1/2 dòng chữ, không phải {mm(parts.ten_loai_rule)}", "II.5b", lines[-1])


def check_date(c: Checker) -> None:
    parts = c.parts
    if parts.ngay is None:
        if parts.kind is None or parts.kind.dated:  # Mẫu 1.9: a Biên bản has no date line
            c.add("ngay", "error", "Địa danh và ngày tháng", "phải có dòng «…, ngày … tháng … năm …»", "II.4")
        return
    c.size("ngay", "dia_danh_ngay", parts.ngay)
    c.style("ngay", "dia_danh_ngay", parts.ngay, italic=True)
    match = cast(re.Match[str], NGAY.search(norm(parts.ngay.text)))  # parts found the line by it
    day, month = match["d"], match["m"]
    if day.isdigit() and int(day) < 10 and len(day) == 1:
        c.add("ngay_so_0", "error", "Địa danh và ngày tháng", f"ngày nhỏ hơn 10 phải có số 0: «ngày 0{day}»", "II.4b", parts.ngay)
    if month.isdigit():
        if int(month) < 3 and len(month) == 1:
            c.add("ngay_so_0", "error", "Địa danh và ngày tháng", f"tháng 1, 2 phải có số 0: «tháng 0{month}»", "II.4b", parts.ngay)
        if int(month) >= 3 and month.startswith("0"):
            c.add("ngay_so_0", "error", "Địa danh và ngày tháng", f"tháng từ 3 trở đi không được có số 0 phía trước: «tháng {int(month)}»", "II.4b", parts.ngay)


def _x_mm(p: Para, text: str) -> float | None:
    """Where `text` starts on the page line of paragraph `p` (left/justified lines and
    centred ones), from the column's left edge."""
    start = p.left_mm + max(0.0, (p.first_line_cm or 0) * 10)
    if p.align in (None, "left", "both", "distribute"):
        return start
    if p.align == "center":
        return start + (p.width_mm - p.left_mm - p.right_mm - _width_mm(p, text)) / 2
    return None


def check_recipients(c: Checker) -> None:
    """II.9a: one recipient on the Kính gửi line; two or more each on its own line,
    `-` first, `;` last, `.` on the last, the dashes aligned under the colon."""
    lines = c.parts.kinh_gui
    if not lines:
        return
    for p in lines:
        c.size("kinh_gui", "kinh_gui", p)
        c.style("kinh_gui", "kinh_gui", p, bold=False, italic=False)
    head, entries = lines[0], lines[1:]
    section = RULES["kinh_gui"].size.section
    after = head.text.split(":", 1)[-1].strip()
    if not entries:
        names = [n for n in after.rstrip(".").replace(",", ";").split(";") if n.strip()] if ";" in after else [after]
        if len(names) >= 2:
            c.add("kinh_gui", "error", "Kính gửi", f"gửi {len(names)} nơi: mỗi nơi phải trên một dòng riêng, đầu dòng «-», cuối dòng «;», dòng cuối «.»", section, head)
        return
    if has_blanks("".join(p.text for p in entries)):
        return
    if len(entries) == 1:
        c.add("kinh_gui", "error", "Kính gửi", "gửi một nơi: «Kính gửi» và tên nơi nhận phải trên cùng một dòng", section, entries[0])
        return
    for i, p in enumerate(entries):
        text = p.text.strip()
        last = i == len(entries) - 1
        if not text.startswith("-") or not text.endswith("." if last else ";"):
            want = "kết thúc bằng dấu chấm (.)" if last else "kết thúc bằng dấu chấm phẩy (;)"
            c.add("kinh_gui", "error", "Kính gửi", f"mỗi nơi nhận phải trên một dòng, đầu dòng «-», {want}", section, p)
            return
    colon = _x_mm(head, head.text.strip())
    if colon is not None and head.x_mm is None:
        colon += _width_mm(head, head.text.split(":", 1)[0])
        for p in entries:
            x = _x_mm(p, p.text.strip())
            if x is not None and p.x_mm is None and abs(x - colon) > 5:
                c.add("kinh_gui", "error", "Kính gửi", f"các gạch đầu dòng phải thẳng hàng dưới dấu hai chấm (đang lệch {mm(abs(x - colon))})", section, p)
                return


def check_body(c: Checker) -> None:
    paragraphs = [p for p in c.parts.body if not (has_blanks(p.text) and not p.text.strip(" .…/0123456789"))]
    if not c.parts.body:
        c.add("noi_dung", "error", "Nội dung", "phải có phần nội dung", "II.6")
        return
    for p in paragraphs:
        c.size("noi_dung_co_chu", "noi_dung", p)
        if p.line_spacing is not None and p.line_spacing not in nd30.LINE_SPACING:
            c.add("noi_dung_gian_dong", "error", "Nội dung", f"giãn dòng phải từ 1 đến 1,5 dòng, không phải {_vn(p.line_spacing)} dòng", "II.6e", p)
        if is_title(p) and p.align == "center":
            continue
        if p.align in ("right", "end") and len(p.text) <= 80:
            continue  # a short line set right, such as a table's unit ("Đơn vị tính: …")
        if p.align not in ("both", "distribute") and len(p.text) > 80:
            c.add("noi_dung_can_deu", "error", "Nội dung", "nội dung phải canh đều hai lề", "II.6e", p)
        # Where the first line starts: the paragraph's left indent and its first-line
        # indent together (a hanging "-" item indented as a whole starts at its indent).
        first = p.first_line_cm
        if p.left_mm > 0.5:
            first = p.left_mm / 10 + (first or 0)
        if first is not None and first > 0 and not any(abs(first - v) < 0.05 for v in nd30.FIRST_LINE_INDENT_CM):
            c.add("noi_dung_thut_dau_dong", "error", "Nội dung", f"đầu dòng phải lùi vào 1 cm hoặc 1,27 cm, không phải {_vn(round(first, 2))} cm", "II.6e", p)
        elif (first is None or first <= 0) and p.x_mm is None:
            c.add("noi_dung_thut_dau_dong", "error", "Nội dung", "đầu dòng phải lùi vào 1 cm hoặc 1,27 cm", "II.6e", p)
    texts = [p for p in paragraphs if not is_title(p)]
    for p, after in zip(texts, texts[1:]):
        gap = max(p.space_after_pt or 0, after.space_before_pt or 0)
        if gap < nd30.MIN_SPACE_BETWEEN_PT:
            c.add("noi_dung_cach_doan", "error", "Nội dung", f"khoảng cách giữa các đoạn phải từ {nd30.MIN_SPACE_BETWEEN_PT:g} pt trở lên, không phải {_vn(gap)} pt", "II.6e", after)
            break
    if not c.parts.body[-1].text.rstrip().endswith(nd30.CLOSING_MARK):
        c.add("ket_thuc", "error", "Nội dung", f"phần nội dung phải kết thúc bằng «{nd30.CLOSING_MARK}»", "Phụ lục III, Mẫu 1.5", c.parts.body[-1])


def check_noi_nhan(c: Checker) -> None:
    parts = c.parts
    if parts.noi_nhan is None:
        c.add("noi_nhan", "error", "Nơi nhận", "phải có «Nơi nhận:»", "II.9d")
        return
    c.size("noi_nhan", "noi_nhan", parts.noi_nhan)
    c.style("noi_nhan", "noi_nhan", parts.noi_nhan, bold=True, italic=True)
    entries = [p for p in parts.entries if p.text.strip()]
    for p in entries:
        c.size("danh_sach_noi_nhan", "danh_sach_noi_nhan", p)


def check_signer(c: Checker) -> None:
    """II.7: the authority prefix with its period on its own line, the title under
    it, the name under the signature; the block centred in its column."""
    parts = c.parts
    titles = [p for p in parts.titles if p.text.strip()]
    for p in titles:
        c.size("quyen_han_chuc_vu", "quyen_han_chuc_vu", p)
        c.style("quyen_han_chuc_vu", "quyen_han_chuc_vu", p, bold=True)
        c.caps("quyen_han_chuc_vu", "quyen_han_chuc_vu", p)
    if parts.name is not None:
        c.size("ho_ten", "ho_ten", parts.name)
        c.style("ho_ten", "ho_ten", parts.name, bold=True)
    section = "II.7b"
    # A line break inside a paragraph makes two lines (congvan composes titles so).
    lines = [(p, norm(t)) for p in titles for t in p.text.split("\n") if t.strip()]
    for i, (p, text) in enumerate(lines):
        match = AUTHORITY.match(text)
        if match is None:
            continue
        prefix = match["prefix"]
        if not match["dot"]:
            c.add("quyen_han", "error", "Quyền hạn người ký", f"chữ viết tắt quyền hạn phải có dấu chấm: «{prefix}.»", section, p)
        rest = text[match.end():]
        if prefix == "KT" and " PHÓ " in f" {rest} " and i == len(lines) - 1:
            c.add("quyen_han", "error", "Quyền hạn người ký", f"«{prefix}. …» và chức vụ người ký (cấp phó) phải trên hai dòng", section, p)
        elif prefix in ("KT", "TL", "TUQ", "TM") and i == len(lines) - 1:
            c.add("quyen_han", "error", "Quyền hạn người ký", f"phải có chức vụ người ký dưới dòng «{text}»", section, p)
    # Mẫu 1.9: the thư ký and the chủ tọa sign side by side, Nơi nhận below them.
    if parts.signer_layout == "paragraphs" and titles and not (parts.kind and parts.kind.two_signers):
        head = titles[0]
        width = head.width_mm or c.view.page.text_width_mm
        if head.align == "right" or (head.align == "center" and head.left_mm < 0.3 * width):
            where = "canh phải" if head.align == "right" else "canh giữa trang"
            c.add("khoi_chu_ky", "error", "Khối chữ ký", f"khối chữ ký phải canh giữa trong cột bên phải, ngang hàng với Nơi nhận, không được {where}", "II.7đ", head)


def check_xac_nhan(c: Checker) -> None:
    """Mẫu 1.10: the confirmation block sits under the signer's name."""
    parts = c.parts
    if parts.xac_nhan is None:
        return
    beside = parts.xac_nhan.cell is not None and parts.noi_nhan is not None and parts.noi_nhan.cell is not None and parts.xac_nhan.cell[:2] == parts.noi_nhan.cell[:2]
    if beside or (parts.name is not None and parts.xac_nhan.index < parts.name.index):
        c.add("xac_nhan", "error", "Xác nhận", "khối xác nhận phải ở dưới khối chữ ký, bên trái", "Phụ lục III, Mẫu 1.10", parts.xac_nhan)


_CHAPTER = re.compile(r"^(Chương [IVXLC]+|Mục \d+)$")
_ARTICLE = re.compile(r"^Điều (?P<n>\d+)\.")
_REFERENCE_NUMBER = re.compile(r"số\s*(?P<so>[^\s/]*)\s*/\s*(?P<ky_hieu>\S+)")


def check_kem_theo(c: Checker) -> None:
    """Mẫu 1.3: the văn bản kèm theo, its tên loại and trích yếu in bold, the italic
    line "(Kèm theo Quyết định số … ngày … của …)" with the decision's number, its
    content closed with "./."."""
    parts = c.parts
    kem = parts.kem_theo
    if kem is None:
        return
    section = "Phụ lục III, Mẫu 1.3"
    if parts.attached_only:  # II.8b: the agency's digital signature, top right of page 1
        found = ky_so.stamp(c.view, ky_so.APPENDIX)
        if found is not None:
            ky_so.check_stamp(c, found, "II.8b")
    ten_loai = cast(Para, kem.ten_loai)  # parts finds a văn bản kèm theo by its tên loại
    c.size("ten_loai", "ten_loai", ten_loai)
    c.style("ten_loai", "ten_loai", ten_loai, bold=True, italic=False)
    for p in kem.trich_yeu:
        c.size("trich_yeu", "trich_yeu_ten_loai", p)
    if not kem.trich_yeu:
        c.add("kem_theo", "error", "Văn bản kèm theo", f"phải có trích yếu in đậm dưới «{norm(ten_loai.text)}»", section, ten_loai)
    ref = kem.reference
    if ref is None:
        c.add("kem_theo", "error", "Văn bản kèm theo", "phải có dòng «(Kèm theo Quyết định số … ngày … tháng … năm … của …)» dưới trích yếu", section, ten_loai)
    else:
        if not ref.italic or ref.bold:
            c.add("kem_theo", "error", "Văn bản kèm theo", "dòng «(Kèm theo …)» phải in nghiêng, không đậm", section, ref)
        if ref.align != "center":
            c.add("kem_theo", "error", "Văn bản kèm theo", "dòng «(Kèm theo …)» phải canh giữa", section, ref)
        match = _REFERENCE_NUMBER.search(norm(ref.text))
        own = SO.match(norm(parts.so.text)) if parts.so is not None else None
        if match and own and not has_blanks(match["so"]) and match["so"] and own["so"].strip():
            given, wanted = f"{match['so']}/{match['ky_hieu']}", f"{own['so'].strip()}/{own['ky_hieu'].strip()}"
            if given != wanted:
                c.add("kem_theo", "error", "Văn bản kèm theo", f"dòng «(Kèm theo …)» phải ghi số, ký hiệu của quyết định «{wanted}», không phải «{given}»", section, ref)
    # II.6đ: "Chương I", "Mục 1" on a line of their own, centred, bold; the articles
    # numbered from 1 on, across the chapters.
    for p in kem.body:
        if _CHAPTER.match(norm(p.text)) and (not p.bold or p.align != "center"):
            c.add("kem_theo_chuong", "error", "Văn bản kèm theo", "dòng «Chương …», «Mục …» phải canh giữa, in đậm", "II.6đ", p)
    articles = [(int(m["n"]), p) for p in kem.body if (m := _ARTICLE.match(norm(p.text)))]
    wrong = next(((n, p) for i, (n, p) in enumerate(articles, 1) if n != i), None)
    if wrong is not None:
        c.add("kem_theo_dieu", "error", "Văn bản kèm theo", f"các điều phải đánh số liên tục từ Điều 1: không phải «Điều {wrong[0]}.» ở chỗ này", "II.6đ", wrong[1])
    if not kem.body:
        c.add("kem_theo", "error", "Văn bản kèm theo", "phải có nội dung", section, ten_loai)
    elif not kem.body[-1].text.rstrip().endswith(nd30.CLOSING_MARK):
        c.add("kem_theo", "error", "Văn bản kèm theo", f"nội dung phải kết thúc bằng «{nd30.CLOSING_MARK}»", section, kem.body[-1])


def printed(parts: Parts) -> rulebook.Printed:
    """The values the shared rules look at, as this document shows them; a
    template's blanks are not values."""
    match = SO.match(norm(parts.so.text)) if parts.so is not None else None
    ky_hieu = match["ky_hieu"].strip() if match else None
    if ky_hieu is not None:
        # The type codes keep the case of Phụ lục III's table ("TTr", "QyĐ").
        ky_hieu = None if has_blanks(ky_hieu) else "-".join(g for g in ky_hieu.split("-") if g not in CODES)
    entries = [p.text.strip() for p in parts.entries if p.text.strip()]
    sizes = {key: p.size for key, p in (("quoc_hieu", parts.quoc_hieu), ("tieu_ngu", parts.tieu_ngu)) if p is not None and p.size}
    return rulebook.Printed(
        kinh_gui=tuple(p.text for p in parts.kinh_gui),
        noi_nhan=tuple(e.lstrip("-").strip() for e in entries) if parts.noi_nhan is not None else None,
        so=match["so"] if match else None,
        ky_hieu=ky_hieu,
        sizes=sizes,
    )


def check_shared(c: Checker) -> None:
    """The rules render holds the data to as well (`congvan.rulebook`)."""
    parts = c.parts
    entries = [p for p in parts.entries if p.text.strip()]
    places = {
        "noi_nhan_first": entries[0] if entries else parts.noi_nhan,
        "noi_nhan_last": entries[-1] if entries else parts.noi_nhan,
        "so": parts.so,
        "quoc_hieu": parts.quoc_hieu,
    }
    shown = printed(parts)
    for rule in rulebook.broken(shown):
        c.add(rule.rule, rule.severity, rule.component, rule.describe(shown), rule.section, places.get(rule.at))


def check_page_numbers(c: Checker) -> None:
    view = c.view
    numbered = {part: [p for p in view.part(part) if p.has_page_field] for part in ("header", "footer", "first_header", "first_footer")}
    name = RULES["so_trang"].name
    if numbered["footer"] or numbered["first_footer"]:
        p = (numbered["footer"] or numbered["first_footer"])[0]
        c.add("so_trang", "error", name, "số trang phải ở giữa lề trên, không được ở chân trang", "Phần I, Mục I.7", p)
    if numbered["first_header"] or (numbered["header"] and not view.page.title_page):
        c.add("so_trang", "error", name, "trang 1 không được hiển thị số trang", "Phần I, Mục I.7")
    for p in numbered["header"]:
        if p.align != "center":
            c.add("so_trang", "error", name, "số trang phải canh giữa lề trên", "Phần I, Mục I.7", p)
        c.size("so_trang", "so_trang", p)
    if not any(numbered.values()) and c.pages >= 2:
        c.add("so_trang_thieu", "warning", name, f"văn bản {c.pages} trang phải đánh số trang từ trang 2 (không thấy số trang)", "Phần I, Mục I.7")


CHECKS = (check_page_setup, check_fonts, check_header, check_recipients, check_body, check_noi_nhan, check_signer, check_xac_nhan, check_kem_theo, check_shared, check_page_numbers,
          ky_so.check_copy_stamp)


def _check_appendix_file(checker: Checker, found: ky_so.AppendixFile) -> None:
    """Mẫu 2.2: a phụ lục in a file of its own, held to III.1 and to the page and body
    rules every file shares."""
    checker.report.kind = "phu_luc"
    checker.parts.body = found.body
    for check in (check_page_setup, check_fonts, check_page_numbers):
        check(checker)
    ky_so.check_appendix_file(checker, found)
    if found.body:
        check_body(checker)


def check_view(view: DocxView, source: str, laid_out: list[laidout.Page] | None = None) -> Report:
    """The findings of a read document; `laid_out`: its pages as LibreOffice set them."""
    checker = Checker(view, source, laid_out)
    found = ky_so.appendix_file(view) if checker.parts.kind is None else None
    if found is not None:
        _check_appendix_file(checker, found)
    elif checker.parts.kind is None:
        # Not an administrative document: say so once, hold it to nothing.
        checker.add("khong_phai_van_ban", "info", "Loại văn bản",
                    "không thấy thể thức văn bản hành chính (Quốc hiệu, số và ký hiệu, Nơi nhận): không kiểm tra theo Nghị định 30", "Điều 8 và Phụ lục I")
        return checker.report
    else:
        # Mẫu 1.3, electronic: the attached document alone has no Số, date or signer.
        checks = (check_page_setup, check_fonts, check_header, check_kem_theo, check_page_numbers) if checker.parts.attached_only else CHECKS
        for check in checks:
            check(checker)
    if laid_out:  # the real page of each finding
        for f in checker.report.findings:
            page = laidout.page_of(laid_out, f.text) if f.text and f.paragraph is not None else None
            f.page = page or f.page
    return checker.report

