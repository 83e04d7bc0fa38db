"""The tags a layout template may use, and the check of a template before use.

A tag `{{ name }}` takes a text; a paragraph tag `{{p name }}` is replaced, whole
paragraph, by the paragraphs congvan builds from the data (docxtpl's convention).
The names are the model's fields where one field makes the text.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

from .compiled import CompiledTemplate
from .conformance import template_departures

# name → (kind, what it holds); kind "p": a paragraph tag, "": a text tag.
TAGS: dict[str, tuple[str, str]] = {
    "co_quan": ("p", "tên cơ quan chủ quản và cơ quan ban hành, đường kẻ dưới (ô 2)"),
    "co_quan_chu_quan": ("", "tên cơ quan chủ quản, một dòng"),
    "co_quan_ban_hanh": ("", "tên cơ quan ban hành, một dòng"),
    "pham_vi_luu_hanh": ("p", "dấu phạm vi lưu hành, có khung (ô 11)"),
    "so": ("", "số văn bản, '05'; để trống khi là dự thảo (ô 3)"),
    "ky_hieu": ("", "ký hiệu, 'STTTT-BCVT' (ô 3)"),
    "so_ky_hieu": ("", "số và ký hiệu, '05/STTTT-BCVT'"),
    "trich_yeu": ("", "trích yếu, sau 'V/v ' (ô 5b)"),
    "dau_hieu": ("p", "dấu độ mật và mức độ khẩn, có khung (ô 10a, 10b)"),
    "do_mat": ("", "độ mật: MẬT, TỐI MẬT, TUYỆT MẬT"),
    "muc_do_khan": ("", "mức độ khẩn: KHẨN, THƯỢNG KHẨN, HỎA TỐC"),
    "dia_danh": ("", "địa danh (ô 4)"),
    "ngay": ("", "'ngày 05 tháng 3 năm 2021' (ô 4)"),
    "dia_danh_ngay": ("p", "địa danh và ngày tháng, một dòng, cỡ chữ tự giảm còn 13 khi dòng dài (ô 4)"),
    "kinh_gui": ("p", "dòng 'Kính gửi:' và danh sách nơi gửi (ô 9a)"),
    "noi_dung": ("p", "nội dung công văn, kết thúc bằng './.' (ô 6)"),
    "noi_nhan": ("p", "'Nơi nhận:' và danh sách, dòng 'Lưu' (ô 9b, 12)"),
    "nguoi_ky": ("p", "quyền hạn, chức vụ, chữ ký, dấu, họ tên người ký (ô 7, 8)"),
    "xac_nhan": ("p", "giấy nghỉ phép: khối xác nhận của nơi nghỉ phép, dưới người ký, bên trái (Mẫu 1.10)"),
    "lien_he": ("p", "địa chỉ, điện thoại, thư điện tử, website (ô 13)"),
    "ban_sao": ("p", "khối bản sao: cơ quan sao, SAO Y/SAO LỤC/TRÍCH SAO, số, ngày, nơi nhận, người ký (Mẫu 3.1)"),
    "phu_luc": ("p", "các phụ lục kèm theo, mỗi phụ lục trang và số trang riêng (Mẫu 2.1)"),
    "ky_so": ("p", "bản sao điện tử: chỗ chữ ký số của cơ quan sao, góc trên bên phải trang đầu (ô 14, Mẫu 3.2)"),
}
# Without these a template cannot show a dispatch: the rest are optional.
REQUIRED = {"co_quan", "so", "ky_hieu", "trich_yeu", "dia_danh", "ngay", "kinh_gui", "noi_dung", "noi_nhan", "nguoi_ky"}
# A field that several tags can show: having any one of them is enough.
ALTERNATIVES = {
    "co_quan": {"co_quan", "co_quan_ban_hanh"},
    "so": {"so", "so_ky_hieu"},
    "ky_hieu": {"ky_hieu", "so_ky_hieu"},
    "dia_danh": {"dia_danh", "dia_danh_ngay"},
    "ngay": {"ngay", "dia_danh_ngay"},
}


@dataclass
class TemplateReport:
    """What `congvan template check` says of a template."""

    source: str
    tags: list[str]
    missing: list[str]  # required fields no tag shows
    unknown: dict[str, str | None] = field(default_factory=dict)  # tag → the name it probably meant
    departures: list[str] = field(default_factory=list)  # page set-up and styles against NĐ 30

    @property
    def ok(self) -> bool:
        return not self.missing and not self.unknown


def check_template(path: str | Path) -> TemplateReport:
    """The tags of a template, the fields it lacks and the tags that name nothing."""
    data = Path(path).read_bytes()
    compiled = CompiledTemplate.from_bytes(data, str(path))
    used = sorted(compiled.variables)
    missing = sorted(name for name in REQUIRED if not (ALTERNATIVES.get(name, {name}) & compiled.variables))
    unknown = {}
    for tag in used:
        if tag not in TAGS:
            close = difflib.get_close_matches(tag, TAGS, n=1)
            unknown[tag] = close[0] if close else None
    return TemplateReport(str(path), used, missing, unknown, template_departures(data))
