"""Find the components of a dispatch in a read DOCX and hold each against NĐ 30.

Components are found by their text and place (the Quốc hiệu line, a cell beside it,
"Số:", "V/v", "…, ngày … tháng … năm …", "Kính gửi", "Nơi nhận"), never by congvan's
own style names, so any dispatch typed in Word is read. Every number comes from
`congvan.nd30`, the rules the writer follows too.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from .. import kinds, nd30, rulebook
from .reader import DocxView, Para
from .report import Finding, Report

_SO = re.compile(r"^Số\s*:\s*(?P<so>[^/]*?)\s*/\s*(?P<ky_hieu>\S.*)$")
# A draft leaves the day (and the month) blank.
_NGAY = re.compile(r",\s*ngày\s*(?P<d>\d*)\s*tháng\s*(?P<m>\d*)\s*năm\s+(?P<y>\d{4})")
_DASHES = str.maketrans({"–": "-", "—": "-", "‑": "-"})


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFC", text).translate(_DASHES)
    return " ".join(text.replace("HOÀ", "HÒA").split())


def _is_title(p: Para) -> bool:
    """A heading inside the body (Phần/mục titles): bold capitals, or centred."""
    letters = [c for c in p.text if c.isalpha()]
    return p.align == "center" or (p.bold and letters and all(c.isupper() for c in letters))


@dataclass
class Parts:
    quoc_hieu: Para | None = None
    tieu_ngu: Para | None = None
    chu_quan: list[Para] = field(default_factory=list)
    ban_hanh: list[Para] = field(default_factory=list)
    so: Para | None = None
    trich_yeu: Para | None = None
    ngay: Para | None = None
    kinh_gui: list[Para] = field(default_factory=list)
    body: list[Para] = field(default_factory=list)
    noi_nhan: Para | None = None
    entries: list[Para] = field(default_factory=list)
    titles: list[Para] = field(default_factory=list)
    name: Para | None = None
    # A kind with a tên loại (congvan.kinds): its title and the trích yếu under it (ô 5a).
    kind: kinds.Kind = field(default_factory=lambda: kinds.get(None))
    ten_loai: Para | None = None
    trich_yeu_ten_loai: list[Para] = field(default_factory=list)


def find_parts(view: DocxView) -> Parts:
    body = [p for p in view.part("body") if p.text.strip()]
    parts = Parts()
    first = lambda test: next((p for p in body if test(p)), None)  # noqa: E731
    parts.quoc_hieu = first(lambda p: _norm(p.text).upper() == nd30.QUOC_HIEU)
    parts.tieu_ngu = first(lambda p: _norm(p.text).lower() == nd30.TIEU_NGU.lower())
    if parts.quoc_hieu is not None and parts.quoc_hieu.cell:
        table, row, column = parts.quoc_hieu.cell
        agency = [p for p in body if p.cell and p.cell[:2] == (table, row) and p.cell[2] != column]
        bold = [p for p in agency if p.bold]
        parts.ban_hanh = bold or agency[-1:]
        parts.chu_quan = [p for p in agency if p not in parts.ban_hanh and p.index < parts.ban_hanh[0].index]
    parts.so = first(lambda p: _SO.match(_norm(p.text)) is not None)
    parts.trich_yeu = first(lambda p: p.text.strip().startswith("V/v"))
    parts.ngay = first(lambda p: _NGAY.search(_norm(p.text)) is not None)
    parts.noi_nhan = first(lambda p: p.text.strip().startswith("Nơi nhận"))
    end = parts.noi_nhan.index if parts.noi_nhan else len(view.paragraphs)
    head = first(lambda p: p.text.strip().startswith("Kính gửi") and p.cell is None)
    start = max((p.index for p in body if p.cell and p.index < end and p.cell[0] == 0), default=-1)
    if head is not None:
        parts.kinh_gui = [head]
        if not head.text.split(":", 1)[-1].strip():
            for p in body:
                if p.index > head.index and p.cell is None:
                    if not p.text.strip().startswith("-"):
                        break
                    parts.kinh_gui.append(p)
        start = max(start, parts.kinh_gui[-1].index)
    title_block = _find_title(view, parts, start)
    parts.body = [p for p in body if p.cell is None and start < p.index < end and p not in title_block]
    if parts.noi_nhan is not None and parts.noi_nhan.cell:
        table, row, column = parts.noi_nhan.cell
        parts.entries = [p for p in body if p.cell == parts.noi_nhan.cell and p.index > parts.noi_nhan.index]
        signer = [p for p in body if p.cell and p.cell[:2] == (table, row) and p.cell[2] != column]
        parts.titles, parts.name = signer[:-1], (signer[-1] if signer else None)
    return parts


def _find_title(view: DocxView, parts: Parts, start: int) -> list[Para]:
    """The tên loại under the header and the centred lines of trích yếu below it, down
    to the rule (II.5b); the kind is the one whose tên loại the title is."""
    free = [p for p in view.part("body") if p.cell is None]
    title = next((p for p in free if p.text.strip()), None)
    kind = kinds.by_title(title.text) if title is not None else None
    if kind is None:
        return []
    parts.kind, parts.ten_loai = kind, title
    for p in free:
        if p.index <= title.index:
            continue
        if not p.text.strip() or p.align != "center" or p.text.strip() == p.text.strip().upper():
            break
        parts.trich_yeu_ten_loai.append(p)
    return [title, *parts.trich_yeu_ten_loai]


class Checker:
    """Collects the findings of one document."""

    def __init__(self, view: DocxView, source: str) -> None:
        self.view = view
        self.report = Report(source)
        self.parts = find_parts(view)
        self._pages = self._estimate_pages()

    def _estimate_pages(self) -> dict[int, int]:
        pages, page = {}, 1
        for p in self.view.part("body"):
            pages[p.index] = page
            page += p.page_breaks
        return pages

    def add(self, rule: str, severity: str, component: str, message: str, section: str, para: Para | None = None) -> None:
        page = para_index = None
        text = ""
        if para is not None:
            page = self._pages.get(para.index) if para.part == "body" else None
            para_index, text = para.index, para.text.strip()
        section = section if section.startswith("Phụ lục") else f"Phụ lục I, {section}"
        self.report.findings.append(Finding(rule, severity, component, message, section, page, para_index, text))

    def size(self, rule: str, key: str, para: Para) -> None:
        text_rule = nd30.TEXT_RULES[key]
        if para.size is not None and para.size not in text_rule.size:
            self.add(rule, "error", text_rule.name, f"cỡ chữ {para.size:g} pt (cần {text_rule.size.describe('pt')})", text_rule.size.section, para)

    def style(self, rule: str, key: str, para: Para, bold: bool | None = None, italic: bool | None = None) -> None:
        name = nd30.TEXT_RULES[key].name
        section = nd30.TEXT_RULES[key].size.section
        if bold is not None and para.bold != bold:
            self.add(rule, "error", name, "cần in đậm" if bold else "không in đậm", section, para)
        if italic is not None and para.italic != italic:
            self.add(rule, "error", name, "cần in nghiêng" if italic else "cần kiểu chữ đứng", section, para)

    def caps(self, rule: str, key: str, para: Para) -> None:
        text = para.text.strip()
        if text != text.upper():
            self.add(rule, "error", nd30.TEXT_RULES[key].name, "cần viết chữ in hoa", nd30.TEXT_RULES[key].size.section, para)


def check_page_setup(c: Checker) -> None:
    """Paper and margins (Phần I, Mục I.1, I.3); layout templates are held to it too."""
    page = c.view.page
    if sorted((round(page.width_mm), round(page.height_mm))) != [round(nd30.PAGE_WIDTH_MM), round(nd30.PAGE_HEIGHT_MM)]:
        c.add("kho_giay", "error", "Trang", f"khổ giấy {page.width_mm:.0f} × {page.height_mm:.0f} mm (cần A4 210 × 297 mm)", "Phần I, Mục I.1")
    names = {"top": "trên", "bottom": "dưới", "left": "trái", "right": "phải"}
    for side, allowed in nd30.MARGINS_MM.items():
        value = page.margins_mm.get(side)
        if value is not None and round(value, 1) not in allowed:
            c.add("le_trang", "error", "Trang", f"lề {names[side]} {value:.0f} mm (cần {allowed.describe('mm')})", "Phần I, Mục I.3")


def check_fonts(c: Checker) -> None:
    seen: set[str] = set()
    for p in c.view.paragraphs:
        for run in p.runs:
            if run.text.strip() and run.font and run.font != nd30.FONT and run.font not in nd30.FONT_STAND_INS and run.font not in seen:
                seen.add(run.font)
                c.add("phong_chu", "error", "Trang", f"phông chữ {run.font} (cần {nd30.FONT}), ở «{run.text.strip()[:30]}»", "Phần I, Mục I.4", p)


def check_header(c: Checker) -> None:
    parts = c.parts
    if parts.quoc_hieu is None:
        c.add("quoc_hieu", "error", "Quốc hiệu", f"không thấy dòng «{nd30.QUOC_HIEU}»", "II.1a")
    else:
        c.size("quoc_hieu", "quoc_hieu", parts.quoc_hieu)
        c.style("quoc_hieu", "quoc_hieu", parts.quoc_hieu, bold=True)
    if parts.tieu_ngu is None:
        c.add("tieu_ngu", "error", "Tiêu ngữ", f"không thấy dòng «{nd30.TIEU_NGU}»", "II.1b")
    else:
        c.size("tieu_ngu", "tieu_ngu", parts.tieu_ngu)
        c.style("tieu_ngu", "tieu_ngu", parts.tieu_ngu, bold=True)
    for p in parts.ban_hanh:
        c.size("co_quan_ban_hanh", "co_quan_ban_hanh", p)
        c.style("co_quan_ban_hanh", "co_quan_ban_hanh", p, bold=True)
        c.caps("co_quan_ban_hanh", "co_quan_ban_hanh", p)
    for p in parts.chu_quan:
        c.size("co_quan_chu_quan", "co_quan_chu_quan", p)
        c.caps("co_quan_chu_quan", "co_quan_chu_quan", p)
    if parts.so is None:
        c.add("so_ky_hieu", "error", "Số, ký hiệu", "không thấy dòng «Số: …/…»", "II.3")
    else:
        c.size("so_ky_hieu", "so_ky_hieu", parts.so)
    if parts.ten_loai is not None:
        check_title(c)
    elif parts.trich_yeu is None:
        c.add("trich_yeu", "error", "Trích yếu (V/v)", "không thấy dòng «V/v …»", "II.5b")
    else:
        c.size("trich_yeu", "trich_yeu", parts.trich_yeu)
        c.style("trich_yeu", "trich_yeu", parts.trich_yeu, bold=False)
    if parts.ngay is None:
        c.add("ngay", "error", "Địa danh và ngày tháng", "không thấy dòng «…, ngày … tháng … năm …»", "II.4")
        return
    c.size("ngay", "dia_danh_ngay", parts.ngay)
    c.style("ngay", "dia_danh_ngay", parts.ngay, italic=True)
    match = _NGAY.search(_norm(parts.ngay.text))
    day, month = match["d"], match["m"]
    if day.isdigit() and int(day) < 10 and len(day) == 1:
        c.add("ngay_so_0", "error", "Địa danh và ngày tháng", f"ngày nhỏ hơn 10 phải có số 0: «ngày 0{day}»", "II.4b", parts.ngay)
    if month.isdigit():
        if int(month) < 3 and len(month) == 1:
            c.add("ngay_so_0", "error", "Địa danh và ngày tháng", f"tháng 1, 2 phải có số 0: «tháng 0{month}»", "II.4b", parts.ngay)
        if int(month) >= 3 and month.startswith("0"):
            c.add("ngay_so_0", "error", "Địa danh và ngày tháng", f"chỉ tháng 1, 2 có số 0: «tháng {int(month)}»", "II.4b", parts.ngay)


def check_title(c: Checker) -> None:
    """Tên loại and trích yếu of a kind that has them (II.5b)."""
    parts = c.parts
    c.size("ten_loai", "ten_loai", parts.ten_loai)
    c.style("ten_loai", "ten_loai", parts.ten_loai, bold=True, italic=False)
    if parts.kind.trich_yeu == "required" and not parts.trich_yeu_ten_loai:
        c.add("trich_yeu", "error", nd30.TEXT_RULES["trich_yeu_ten_loai"].name, f"không thấy trích yếu dưới «{parts.kind.ten_loai}»", "II.5b", parts.ten_loai)
    for p in parts.trich_yeu_ten_loai:
        c.size("trich_yeu", "trich_yeu_ten_loai", p)
        c.style("trich_yeu", "trich_yeu_ten_loai", p, bold=True, italic=False)


def check_recipients(c: Checker) -> None:
    for p in c.parts.kinh_gui:
        c.size("kinh_gui", "kinh_gui", p)
        c.style("kinh_gui", "kinh_gui", p, bold=False, italic=False)


def check_body(c: Checker) -> None:
    paragraphs = c.parts.body
    if not paragraphs:
        c.add("noi_dung", "error", "Nội dung", "không thấy phần nội dung giữa Kính gửi và Nơi nhận", "II.6")
        return
    for p in paragraphs:
        c.size("noi_dung_co_chu", "noi_dung", p)
        if p.line_spacing is not None and p.line_spacing not in nd30.LINE_SPACING:
            c.add("noi_dung_gian_dong", "error", "Nội dung", f"giãn dòng {p.line_spacing:g} dòng (cần từ 1 đến 1,5 dòng)", "II.6e", p)
        if _is_title(p) and p.align == "center":
            continue
        if p.align not in ("both", "distribute") and len(p.text) > 80:
            c.add("noi_dung_can_deu", "error", "Nội dung", "nội dung phải canh đều hai lề", "II.6e", p)
        first = p.first_line_cm
        if first is not None and first > 0 and not any(abs(first - v) < 0.05 for v in nd30.FIRST_LINE_INDENT_CM):
            c.add("noi_dung_thut_dau_dong", "error", "Nội dung", f"lùi đầu dòng {first:.2f} cm (cần 1 cm hoặc 1,27 cm)", "II.6e", p)
        elif (first is None or first <= 0) and not p.text.lstrip().startswith(("-", "+")):
            c.add("noi_dung_thut_dau_dong", "error", "Nội dung", "đầu dòng phải lùi vào 1 cm hoặc 1,27 cm", "II.6e", p)
    for p, after in zip(paragraphs, paragraphs[1:]):
        gap = max(p.space_after_pt or 0, after.space_before_pt or 0)
        if gap < nd30.MIN_SPACE_BETWEEN_PT:
            c.add("noi_dung_cach_doan", "error", "Nội dung", f"khoảng cách giữa các đoạn {gap:g} pt (tối thiểu {nd30.MIN_SPACE_BETWEEN_PT:g} pt)", "II.6e", p)
            break
    if not paragraphs[-1].text.rstrip().endswith(nd30.CLOSING_MARK):
        c.add("ket_thuc", "error", "Nội dung", f"công văn kết thúc bằng «{nd30.CLOSING_MARK}»", "Phụ lục III, Mẫu 1.5", paragraphs[-1])


def check_signature(c: Checker) -> None:
    parts = c.parts
    if parts.noi_nhan is None:
        c.add("noi_nhan", "error", "Nơi nhận", "không thấy «Nơi nhận:»", "II.9d")
    else:
        c.size("noi_nhan", "noi_nhan", parts.noi_nhan)
        c.style("noi_nhan", "noi_nhan", parts.noi_nhan, bold=True, italic=True)
        entries = [p for p in parts.entries if p.text.strip()]
        for p in entries:
            c.size("danh_sach_noi_nhan", "danh_sach_noi_nhan", p)
    for p in parts.titles:
        if p.text.strip():
            c.size("quyen_han_chuc_vu", "quyen_han_chuc_vu", p)
            c.style("quyen_han_chuc_vu", "quyen_han_chuc_vu", p, bold=True)
            c.caps("quyen_han_chuc_vu", "quyen_han_chuc_vu", p)
    if parts.name is not None:
        c.size("ho_ten", "ho_ten", parts.name)
        c.style("ho_ten", "ho_ten", parts.name, bold=True)


def printed(parts: Parts) -> rulebook.Printed:
    """The values the shared rules look at, as this document shows them."""
    match = _SO.match(_norm(parts.so.text)) if parts.so is not None else None
    ky_hieu = match["ky_hieu"].strip() if match else None
    # The type codes keep the case of Phụ lục III's table ("TTr", "QyĐ").
    if ky_hieu is not None and parts.kind.ma and ky_hieu.split("-", 1)[0] == parts.kind.ma:
        ky_hieu = ky_hieu.split("-", 1)[1] if "-" in ky_hieu else ""
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
    name = nd30.TEXT_RULES["so_trang"].name
    if numbered["footer"] or numbered["first_footer"]:
        p = (numbered["footer"] or numbered["first_footer"])[0]
        c.add("so_trang", "error", name, "số trang ở chân trang (cần ở giữa lề trên)", "Phần I, Mục I.7", p)
    if numbered["first_header"] or (numbered["header"] and not view.page.title_page):
        c.add("so_trang", "error", name, "trang 1 có số trang (không hiển thị số trang thứ nhất)", "Phần I, Mục I.7")
    for p in numbered["header"]:
        if p.align != "center":
            c.add("so_trang", "error", name, "số trang phải canh giữa lề trên", "Phần I, Mục I.7", p)
        c.size("so_trang", "so_trang", p)
    if not any(numbered.values()):
        c.add("so_trang_thieu", "warning", name, "không có số trang: văn bản từ hai trang phải đánh số từ trang 2", "Phần I, Mục I.7")


CHECKS = (check_page_setup, check_fonts, check_header, check_recipients, check_body, check_signature, check_shared, check_page_numbers)


def check_view(view: DocxView, source: str) -> Report:
    checker = Checker(view, source)
    for check in CHECKS:
        check(checker)
    return checker.report
