"""The rules of Nghị định 30/2020/NĐ-CP, Phụ lục I, as data.

One place for every number the decree fixes. The layout profile picks values inside
these ranges; the writer uses the profile; `check` holds any DOCX against these
rules. Each rule names the section of Phụ lục I it comes from.
"""

from __future__ import annotations

from dataclasses import dataclass

FONT = "Times New Roman"
# Liberation Serif has the metrics of Times New Roman; LibreOffice substitutes it.
FONT_STAND_INS = ("Liberation Serif",)

PAGE_WIDTH_MM = 210.0  # Phần I, Mục I.1: A4
PAGE_HEIGHT_MM = 297.0

QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"  # II.1a
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"  # II.1b: phrases joined by " - "

# Prefixes of the signer's authority (II.7b).
QUYEN_HAN = {
    "TM": "ký thay mặt tập thể",
    "Q": "được giao quyền cấp trưởng",
    "KT": "ký thay người đứng đầu",
    "TL": "ký thừa lệnh",
    "TUQ": "ký thừa ủy quyền",
}

MUC_DO_KHAN = ("KHẨN", "THƯỢNG KHẨN", "HỎA TỐC")  # III.2b
# Stamp sizes of the urgency marks, width × height in mm (III.2b).
MUC_DO_KHAN_MM = {"HỎA TỐC": (30, 8), "THƯỢNG KHẨN": (40, 8), "KHẨN": (20, 8)}
DO_MAT = ("MẬT", "TỐI MẬT", "TUYỆT MẬT")  # III.2a

# Letters of điểm, in the order of the Vietnamese alphabet as legal texts use it
# (II.6đ): no ă, â, ê, ô, ơ, ư, and no f, j, w, z.
DIEM_LETTERS = "a b c d đ e g h i k l m n o p q r s t u v x y".split()


@dataclass(frozen=True)
class Range:
    """An allowed closed range [lo, hi] and the section that sets it."""

    lo: float
    hi: float
    section: str

    def __contains__(self, value: float) -> bool:
        return self.lo - 1e-6 <= value <= self.hi + 1e-6

    def describe(self, unit: str) -> str:
        if self.lo == self.hi:
            return f"{self.lo:g} {unit}"
        return f"{self.lo:g}–{self.hi:g} {unit}"


MARGINS_MM = {  # Phần I, Mục I.3
    "top": Range(20, 25, "Phần I, Mục I.3"),
    "bottom": Range(20, 25, "Phần I, Mục I.3"),
    "left": Range(30, 35, "Phần I, Mục I.3"),
    "right": Range(15, 20, "Phần I, Mục I.3"),
}


@dataclass(frozen=True)
class TextRule:
    """Size and style of one component of the dispatch."""

    name: str  # Vietnamese name of the component, as the decree calls it
    size: Range
    bold: bool | None = None  # None: the decree does not say
    italic: bool | None = False
    caps: bool | None = None
    align: str | None = None  # "center", "left", "justify"


# Component rules, keyed by the paragraph style the writer gives the component.
TEXT_RULES: dict[str, TextRule] = {
    "quoc_hieu": TextRule("Quốc hiệu", Range(12, 13, "II.1a"), bold=True, caps=True, align="center"),
    "tieu_ngu": TextRule("Tiêu ngữ", Range(13, 14, "II.1b"), bold=True, align="center"),
    "co_quan_chu_quan": TextRule("Tên cơ quan chủ quản", Range(12, 13, "II.2b"), bold=False, caps=True, align="center"),
    "co_quan_ban_hanh": TextRule("Tên cơ quan ban hành", Range(12, 13, "II.2b"), bold=True, caps=True, align="center"),
    "so_ky_hieu": TextRule("Số, ký hiệu", Range(13, 13, "II.3c"), bold=False, align="center"),
    "trich_yeu": TextRule("Trích yếu (V/v)", Range(12, 13, "II.5b"), bold=False, align="center"),
    "dia_danh_ngay": TextRule("Địa danh và ngày tháng", Range(13, 14, "II.4c"), italic=True, align="center"),
    "kinh_gui": TextRule("Kính gửi", Range(13, 14, "II.9d"), bold=False),
    "noi_dung": TextRule("Nội dung", Range(13, 14, "II.6e"), align="justify"),
    "phan": TextRule("Phần", Range(13, 14, "II.6đ"), bold=True, align="center"),
    "muc": TextRule("Mục", Range(13, 14, "II.6đ"), bold=True, align="justify"),
    "khoan": TextRule("Khoản", Range(13, 14, "II.6đ"), align="justify"),
    "diem": TextRule("Điểm", Range(13, 14, "II.6đ"), align="justify"),
    "noi_nhan": TextRule("Nơi nhận", Range(12, 12, "II.9d"), bold=True, italic=True, align="left"),
    "danh_sach_noi_nhan": TextRule("Danh sách nơi nhận", Range(11, 11, "II.9d"), bold=False, align="left"),
    "quyen_han_chuc_vu": TextRule("Quyền hạn, chức vụ người ký", Range(13, 14, "II.7đ"), bold=True, caps=True, align="center"),
    "ho_ten": TextRule("Họ tên người ký", Range(13, 14, "II.7đ"), bold=True, align="center"),
    "muc_do_khan": TextRule("Mức độ khẩn", Range(13, 14, "III.2b"), bold=True, caps=True, align="center"),
    "do_mat": TextRule("Độ mật", Range(13, 14, "III.2a"), bold=True, caps=True, align="center"),
    "pham_vi_luu_hanh": TextRule("Phạm vi lưu hành", Range(13, 14, "III.2c"), bold=True, caps=True, align="center"),
    "dia_chi": TextRule("Địa chỉ, điện thoại, thư điện tử", Range(11, 12, "III.4"), italic=False),
    "so_trang": TextRule("Số trang", Range(13, 14, "Phần I, Mục I.7"), bold=False, align="center"),
    # Components of the kinds with a tên loại (congvan.kinds).
    "ten_loai": TextRule("Tên loại văn bản", Range(13, 14, "II.5b"), bold=True, caps=True, align="center"),
    "trich_yeu_ten_loai": TextRule("Trích yếu dưới tên loại", Range(13, 14, "II.5b"), bold=True, align="center"),
    "tham_quyen": TextRule("Thẩm quyền ban hành", Range(13, 14, "Phụ lục III, Mẫu 1.2"), bold=True, caps=True, align="center"),
    "can_cu": TextRule("Căn cứ ban hành", Range(13, 14, "II.6a"), italic=True, align="justify"),
    "quyet_nghi": TextRule("QUYẾT ĐỊNH:, QUYẾT NGHỊ:", Range(13, 14, "Phụ lục III, Mẫu 1.2"), bold=True, caps=True, align="center"),
    "dieu": TextRule("Điều", Range(13, 14, "II.6đ"), align="justify"),
}

# The agency's digital signature on a file of its own: a phụ lục not in the document's
# file (III.1d, II.8b; Mẫu 2.2) and an electronic copy (Phần II, Mục I.3, ô 14; Mẫu
# 3.2). Top right of the first page, no image; its information in Times New Roman,
# lower case, upright, 10 pt, black: for a phụ lục "Số: <số và ký hiệu>; <time>", for a
# copy "<hình thức sao>; <tên cơ quan sao>; <time>", the time of signing as "ngày tháng
# năm; giờ phút giây" with Vietnam's zone as ISO 8601 writes it (UTC+07:00).
KY_SO = TextRule("Thông tin chữ ký số của cơ quan", Range(10, 10, "III.1d"), bold=False, italic=False, align="right")
KY_SO_COPY_SECTION = "Phần II, Mục I.3"
KY_SO_UTC_OFFSET_HOURS = 7
KY_SO_TIME = "%d/%m/%Y; %H:%M:%S"  # then the zone, "+07:00"
KY_SO_TIME_PATTERN = r"\d{2}/\d{2}/\d{4}; \d{2}:\d{2}:\d{2}\+07:00"

# Body paragraphs (II.6e).
FIRST_LINE_INDENT_CM = (1.0, 1.27)
MIN_SPACE_BETWEEN_PT = 6.0
LINE_SPACING = Range(1.0, 1.5, "II.6e")
# Rule under the agency name: 1/3 to 1/2 of the text line (II.2b).
AGENCY_RULE_RATIO = Range(1 / 3, 1 / 2, "II.2b")
# Space between Số and V/v (II.5b).
TRICH_YEU_SPACE_BEFORE_PT = 6.0

# Closing mark of a công văn's body (Mẫu 1.5, Phụ lục III).
CLOSING_MARK = "./."
# II.9b: in a công văn the Nơi nhận list starts with "Như trên"; II.9d: it ends with
# "Lưu: VT, <drafting unit>…" and a full stop.
NHU_TREN = "Như trên"
LUU_VT = "Lưu: VT"
# Quốc hiệu/Tiêu ngữ size pairs the decree's own samples use (12/13, 13/14, 12/14):
# another pair inside the ranges is allowed but unusual.
USUAL_HEADER_PAIRS = {(12, 13), (13, 14), (12, 14)}
