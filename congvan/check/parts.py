"""Find the components of an administrative document in a read DOCX, as a reviewer
does: by text, place and the look of the line, never by style names.

The body is cut into items: paragraphs, and the pieces of a paragraph typed with tabs
(a header without a table keeps its two columns in one line). Each item of the header
sits in the left column (agency, Số, V/v) or the right one (Quốc hiệu, Tiêu ngữ, date),
whether the columns are table cells, tab stops or indents. Rules are items too: line
shapes, borders, rows of `_` or `─`. Then the kind: a tên loại title under the header
(Quyết định, Tờ trình…), a công văn (no title, a V/v line), or no administrative
document at all.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Callable

from .. import kinds, nd30
from ..kinds import Kind
from .reader import DocxView, Para

SO = re.compile(r"^Số\s*:\s*(?P<so>[^/]*?)\s*/\s*(?P<ky_hieu>.*)$")
# A draft or a template leaves the day, month (and year) blank.
NGAY = re.compile(r",\s*ngày\s*(?P<d>[^\s]*?)\s*tháng\s*(?P<m>[^\s]*?)\s*năm\s*(?P<y>\d{4}|\S*)")
_DASHES = str.maketrans({"–": "-", "—": "-", "‑": "-", "\n": " "})
AUTHORITY = re.compile(r"^(?P<prefix>KT|TL|TM|TUQ|Q)(?P<dot>\.?)(\s+|$)")
# A template's blanks: dots, ellipses, a number between them ("...3...").
BLANK = re.compile(r"(\.{3,}|…)")

XAC_NHAN = "Xác nhận của"
_STAMP = re.compile(r"^Số\s*:\s*[^;]+;\s*\d")
_NOI_NHAN = re.compile(r"^Nơi nhận\s*(\([^)]*\)\s*)?:")


# Kinds of the table of Phụ lục III, Mục I that congvan.kinds does not describe yet:
# check still knows them by their tên loại, and holds them to the rules all kinds share.
OTHER_KINDS = tuple(
    Kind(loai=loai, ten=ten, mau=mau, ma=ma, ten_loai=ten.upper(), kinh_gui="forbidden")
    for loai, ten, mau, ma in (
        ("bien_ban", "Biên bản", "1.9", "BB"),
        ("hop_dong", "Hợp đồng", "1.4", "HĐ"),
        ("cong_dien", "Công điện", "1.6", "CĐ"),
        ("ban_ghi_nho", "Bản ghi nhớ", "1.4", "BGN"),  # Phụ lục III, Mục I, rows 19 and 20
        ("ban_thoa_thuan", "Bản thỏa thuận", "1.4", "BTT"),
        ("giay_moi", "Giấy mời", "1.7", "GM"),
        ("giay_gioi_thieu", "Giấy giới thiệu", "1.8", "GGT"),
        ("giay_nghi_phep", "Giấy nghỉ phép", "1.10", "GNP"),
    )
)


def kind_of_title(title: str) -> Kind | None:
    """The kind whose tên loại `title` is; CÔNG VĂN printed as a title is a công văn."""
    if norm(title).upper() == "CÔNG VĂN":
        return kinds.get(None)
    found = kinds.by_title(title)
    if found is None:
        found = next((k for k in OTHER_KINDS if k.ten_loai == norm(title).upper() and k.loai not in kinds.KINDS), None)
    return found


def norm(text: str) -> str:
    text = unicodedata.normalize("NFC", text).translate(_DASHES)
    return " ".join(text.replace("HOÀ", "HÒA").split())


def has_blanks(text: str) -> bool:
    """A template's line: blanks to fill (`…`, `...`, runs of spaces) in place of text."""
    return bool(BLANK.search(text)) or "   " in text.strip()


def is_title(p: Para) -> bool:
    """A heading inside the body (Phần/mục titles, the authority of a Quyết định):
    bold capitals, or a centred line."""
    letters = [c for c in p.text if c.isalpha()]
    return p.align == "center" or (p.bold and bool(letters) and all(c.isupper() for c in letters))


@dataclass
class Attached:
    """Mẫu 1.3's văn bản kèm theo, after the decision or in a file of its own."""

    quoc_hieu: Para | None = None
    kind: Kind | None = None
    ten_loai: Para | None = None
    trich_yeu: list[Para] = field(default_factory=list)
    reference: Para | None = None  # "(Kèm theo Quyết định số … ngày … của …)"
    body: list[Para] = field(default_factory=list)


REFERENCE = "(Kèm theo"
_APPENDIX = re.compile(r"^Phụ lục( [IVXLC]+)?$")


def find_attached(items: list[Para], after: int) -> Attached | None:
    """The attached document whose Quốc hiệu comes after item index `after`: its tên
    loại, the bold trích yếu under it, the reference line, then its content up to a
    phụ lục's heading or the end."""
    texts = [p for p in items if p.index > after and p.text.strip() and p.rule_mm is None]
    qh = next((p for p in texts if norm(p.text).upper() == nd30.QUOC_HIEU), None)
    if qh is None:
        return None
    out = Attached(quoc_hieu=qh)
    rest = [p for p in texts if p.index > qh.index and p.cell is None]
    for i, p in enumerate(rest[:4]):
        kind = kind_of_title(p.text)
        if kind is not None:
            out.ten_loai, out.kind = p, kind
            rest = rest[i + 1:]
            break
    else:
        return None
    while rest and rest[0].bold and not rest[0].text.strip().startswith(REFERENCE) and len(out.trich_yeu) < 3:
        out.trich_yeu.append(rest.pop(0))
    if rest and rest[0].text.strip().startswith(REFERENCE):
        out.reference = rest.pop(0)
    end = next((i for i, p in enumerate(rest) if _APPENDIX.match(norm(p.text))), len(rest))
    out.body = rest[:end]
    return out


@dataclass
class Parts:
    kind: Kind | None = None  # None: not an administrative document
    quoc_hieu: Para | None = None
    quoc_hieu_wrapped: bool = False
    tieu_ngu: Para | None = None
    tieu_ngu_rule: float | None = None  # mm
    chu_quan: list[Para] = field(default_factory=list)
    ban_hanh: list[Para] = field(default_factory=list)
    agency_rule: float | None = None
    so: Para | None = None
    so_side: str | None = None
    trich_yeu: Para | None = None  # the V/v line of a công văn
    trich_yeu_side: str | None = None  # "L", "R", or "page" (a paragraph across the page)
    ngay: Para | None = None
    ten_loai: Para | None = None  # the tên loại title
    ten_loai_trich_yeu: list[Para] = field(default_factory=list)
    ten_loai_rule: float | None = None
    kinh_gui: list[Para] = field(default_factory=list)
    body: list[Para] = field(default_factory=list)
    noi_nhan: Para | None = None
    entries: list[Para] = field(default_factory=list)
    titles: list[Para] = field(default_factory=list)
    name: Para | None = None
    signer_layout: str = ""  # "table", "tabs", "paragraphs"
    xac_nhan: Para | None = None  # Mẫu 1.10: "Xác nhận của …" under the signer
    kem_theo: Attached | None = None  # Mẫu 1.3: the document the decision issues
    attached_only: bool = False  # the electronic văn bản kèm theo, a file of its own
    header_end: int = -1


def items_of(view: DocxView) -> list[Para]:
    out = []
    for p in view.part("body"):
        for piece in p.pieces():
            if piece.text.strip() or piece.rule_mm is not None:
                out.append(piece)
    return out


def side(p: Para, text_width: float, anchors: set[int]) -> str:
    """The header column an item sits in: L (agency, Số) or R (Quốc hiệu, date)."""
    if p.cell is not None:
        return "L" if p.cell[2] == 0 else "R"
    if p.x_mm is not None and (p.piece or p.x_mm):
        return "L" if p.x_mm < text_width / 2 else "R"
    if id(p) in anchors or p.align == "right" or p.left_mm > 0.4 * text_width:
        return "R"
    return "L"


def _rule_after(items: list[Para], start: int, column: str, sides: dict[int, str]) -> float | None:
    """The rule under item `start`: drawn from the line itself, or the first rule in
    its column before the column's next line of text."""
    head = items[start]
    if head.underline_rule_mm is not None:
        return head.underline_rule_mm
    for item in items[start + 1:]:
        if sides.get(id(item)) != column:
            continue
        if item.rule_mm is not None:
            return item.rule_mm
        if item.text.strip():
            return None
    return None


def find_parts(view: DocxView) -> Parts:
    items = items_of(view)
    parts = Parts()
    texts = [p for p in items if p.text.strip() and p.rule_mm is None]

    def first(test: Callable[[Para], bool], pool: list[Para] = texts) -> Para | None:
        return next((p for p in pool if test(p)), None)

    qh = nd30.QUOC_HIEU
    parts.quoc_hieu = first(lambda p: norm(p.text).upper() == qh)
    if parts.quoc_hieu is not None and "\n" in parts.quoc_hieu.text:
        parts.quoc_hieu_wrapped = True
    if parts.quoc_hieu is None:  # wrapped over two lines: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA" / "VIỆT NAM"
        for a, b in zip(texts, texts[1:]):
            if len(norm(a.text)) >= 8 and qh.startswith(norm(a.text).upper()) and norm(a.text + " " + b.text).upper() == qh:
                parts.quoc_hieu, parts.quoc_hieu_wrapped = a, True
                break
    parts.tieu_ngu = first(lambda p: norm(p.text).lower().replace(" ", "") == nd30.TIEU_NGU.lower().replace(" ", ""))
    # "Số: …; <time>" on top is a digital signature's information (II.8b), not ô 3.
    parts.so = first(lambda p: SO.match(norm(p.text)) is not None and not _STAMP.match(norm(p.text)))
    # The date is in the header: above a tên loại title (Mẫu 1.9 has none; its body's
    # "Thời gian bắt đầu: …, ngày … tháng … năm …" is not the date line).
    title_at = min((p.index for p in texts if p.cell is None and kind_of_title(p.text) is not None), default=None)
    parts.ngay = first(lambda p: NGAY.search(norm(p.text)) is not None and p.part == "body" and (title_at is None or p.index < title_at))
    vv = first(lambda p: p.text.strip().startswith("V/v"))
    anchors = {id(p) for p in (parts.quoc_hieu, parts.tieu_ngu, parts.ngay) if p is not None}

    # The header: up to the last of its anchors, and the whole of any table holding one.
    found = [p for p in (parts.quoc_hieu, parts.tieu_ngu, parts.so, parts.ngay) if p is not None]
    if vv is not None and parts.so is not None and (vv.cell is not None or vv.x_mm is not None or vv.index == parts.so.index + 1):
        found.append(vv)
    header_end = max((p.index for p in found), default=-1)
    for p in found:
        if p.cell is not None:
            header_end = max([header_end] + [q.index for q in items if q.cell and q.cell[0] == p.cell[0]])
    parts.header_end = header_end
    header = [p for p in items if p.index <= header_end]
    width = view.page.text_width_mm
    sides = {id(p): side(p, width, anchors) for p in header}

    # The agency: the left column above Số; the bold lines are the issuing agency.
    stop = {id(p) for p in (parts.so, vv) if p is not None}
    agency = []
    for p in header:
        if id(p) in stop:
            break
        if sides[id(p)] == "L" and p.rule_mm is None and p.text.strip() and id(p) not in anchors:
            agency.append(p)
    bold = [p for p in agency if p.bold]
    parts.ban_hanh = [p for p in agency if bold and p.index >= bold[0].index] or agency[-1:]
    parts.chu_quan = [p for p in agency if p not in parts.ban_hanh and (not parts.ban_hanh or p.index < parts.ban_hanh[0].index)]
    if parts.ban_hanh:
        last = header.index(parts.ban_hanh[-1])
        parts.agency_rule = _rule_after(header, last, "L", sides)
    if parts.tieu_ngu is not None and parts.tieu_ngu in header:
        parts.tieu_ngu_rule = _rule_after(header, header.index(parts.tieu_ngu), sides[id(parts.tieu_ngu)], sides)
    if parts.so is not None:
        parts.so_side = sides.get(id(parts.so))

    rest = [p for p in items if p.index > header_end]
    rest_texts = [p for p in rest if p.text.strip() and p.rule_mm is None]

    # The kind: a tên loại title among the first lines under the header.
    for p in rest_texts[:3]:
        kind = kind_of_title(p.text)
        if kind is not None:
            parts.ten_loai, parts.kind = p, kind
            break
    # II.9d: "Nơi nhận" and its colon; a body sentence "Nơi nhận hồ sơ: …" is not it.
    noi_nhan = (first(lambda p: _NOI_NHAN.match(p.text.strip()) is not None, rest_texts)
                or first(lambda p: p.text.strip().startswith("Nơi nhận"), rest_texts))
    if parts.so is None and noi_nhan is None and parts.quoc_hieu is not None:
        # Mẫu 1.3, electronic: the văn bản kèm theo alone, no Số, no signer.
        alone = find_attached(items, -1)
        if alone is not None and alone.reference is not None:
            parts.kem_theo, parts.kind, parts.attached_only = alone, alone.kind, True
            parts.ten_loai, parts.ten_loai_trich_yeu = alone.ten_loai, alone.trich_yeu
            return parts
    administrative = (parts.quoc_hieu or parts.tieu_ngu) and (parts.so or noi_nhan) or (parts.so and noi_nhan)
    if parts.kind is None and administrative:
        parts.kind = kinds.get(None)
    if parts.kind is None:
        return parts

    if vv is not None and parts.kind.vv:
        parts.trich_yeu = vv
        parts.trich_yeu_side = sides.get(id(vv)) if id(vv) in sides else ("page" if vv.cell is None and vv.x_mm is None else "L")

    start = 0  # where the text under the header starts, in rest
    if parts.ten_loai is not None:
        i = rest.index(parts.ten_loai) + 1
        while i < len(rest) and rest[i].rule_mm is None and len(parts.ten_loai_trich_yeu) < 3 and not rest[i].text.strip().startswith("Kính gửi"):
            if is_title(rest[i]) or rest[i].bold:
                parts.ten_loai_trich_yeu.append(rest[i])
                i += 1
            else:
                break
        if i < len(rest) and rest[i].rule_mm is not None:
            parts.ten_loai_rule = rest[i].rule_mm
            i += 1
        start = i
    elif parts.trich_yeu is not None and parts.trich_yeu in rest:
        start = rest.index(parts.trich_yeu) + 1

    kinh_gui = next((p for p in rest[start:start + 3] if p.text.strip().startswith("Kính gửi")), None)
    if kinh_gui is not None:
        parts.kinh_gui = [kinh_gui]
        i = rest.index(kinh_gui) + 1
        if not kinh_gui.text.split(":", 1)[-1].strip():
            while i < len(rest) and rest[i].text.strip().startswith(("-", "+", "•")) and rest[i].cell is None:
                parts.kinh_gui.append(rest[i])
                i += 1
        start = i

    # Nơi nhận and the signer: a table row, tab pieces, or paragraphs.
    end = rest.index(noi_nhan) if noi_nhan is not None else len(rest)
    parts.noi_nhan = noi_nhan
    signer: list[Para] = []
    if noi_nhan is not None and noi_nhan.cell is not None:
        parts.signer_layout = "table"
        table, row, column = noi_nhan.cell
        parts.entries = [p for p in rest_texts if p.cell == noi_nhan.cell and p.index > noi_nhan.index]
        signer = [p for p in rest_texts if p.cell and p.cell[:2] == (table, row) and p.cell[2] != column]
    elif noi_nhan is not None:
        after = rest_texts[rest_texts.index(noi_nhan) + 1:]
        tabbed = [p for p in after if p.x_mm is not None and p.x_mm >= width / 2]
        if noi_nhan.x_mm is not None or tabbed:
            parts.signer_layout = "tabs"
            same = [p for p in rest_texts if p.index == noi_nhan.index and p is not noi_nhan]
            signer = same + [p for p in tabbed if p not in same]
            parts.entries = [p for p in after if p not in tabbed and p.x_mm in (None, 0) or (p.x_mm is not None and p.x_mm < width / 2 and p.piece == 0)]
            parts.entries = [p for p in parts.entries if p not in signer]
        else:
            parts.signer_layout = "paragraphs"
            parts.entries = [p for p in after if p.text.strip().startswith(("-", "+", "Lưu"))]
            signer = [p for p in after if p not in parts.entries]
    body = rest[start:end]
    if parts.signer_layout != "table":
        # A signer typed as paragraphs before Nơi nhận: the lines after the closing mark,
        # or the bold lines set apart from the justified text.
        close = max((i for i, p in enumerate(body) if p.text.rstrip().endswith(nd30.CLOSING_MARK)), default=None)
        if close is not None and close + 1 < len(body):
            signer = body[close + 1:] + signer
            body = body[:close + 1]
        elif close is None:
            tail: list[Para] = []
            for p in reversed(body):
                if p.align in ("center", "right") or p.left_mm > 0.4 * width:
                    tail.insert(0, p)
                else:
                    break
            if tail and len(tail) < len(body):
                signer, body = tail + signer, body[: len(body) - len(tail)]
        if signer and parts.signer_layout == "":
            parts.signer_layout = "paragraphs"
    # Cells of a table inside the body (`bang:`, a typed table of figures) are not
    # body paragraphs: II.6e sets running text, not a table's cells.
    parts.body = [p for p in body if p.text.strip() and p.rule_mm is None and p.cell is None]
    signer = [p for p in signer if p.text.strip() and p.rule_mm is None]
    if parts.kind.kem_theo and noi_nhan is not None:
        parts.kem_theo = find_attached(items, noi_nhan.index)
    # Mẫu 1.10: the confirmation block under the signer is not the signer's.
    after = [p for p in rest_texts if noi_nhan is not None and p.index > noi_nhan.index]
    parts.xac_nhan = first(lambda p: p.text.strip().startswith(XAC_NHAN), after)
    if parts.xac_nhan is not None:
        mark = parts.xac_nhan
        signer = [p for p in signer if p.index < mark.index or (p.cell and mark.cell and p.cell != mark.cell)]
        parts.entries = [p for p in parts.entries if p.index < mark.index]
    # Titles: the capital lines on top; the name: the last line; the signature and
    # seal notes of a template ("(Chữ ký…)") are neither.
    marks = [p for p in signer if not (p.text.strip().startswith("(") and p.italic)]
    if marks:
        parts.name = marks[-1]
        parts.titles = [p for p in marks[:-1] if norm(p.text) == norm(p.text).upper()]
    return parts
