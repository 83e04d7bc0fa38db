"""The layout profile: the values congvan picks where NĐ 30 gives a range or is silent.

Like a KOMA-Script letter-class option file, a profile is a swappable set of
numbers; the writer reads nothing else. Every value the decree constrains is
checked against `congvan.nd30` when the profile is made, so a profile cannot
produce a non-conforming dispatch. A user changes it in YAML:

    co_chu: {quoc_hieu: 13, tieu_ngu: 14}
    khoang_ky_dong: 5
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator

from . import nd30


class CoChu(BaseModel):
    """Font size in points of each component (keys are the writer's style keys)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    # The decree leaves the Quốc hiệu/Tiêu ngữ pair open; its samples use 12/13,
    # 13/14 and 12/14. 13/14 fills the right column of a 14 pt dispatch best.
    quoc_hieu: float = 13
    tieu_ngu: float = 14
    co_quan_chu_quan: float = 13
    co_quan_ban_hanh: float = 13
    so_ky_hieu: float = 13
    trich_yeu: float = 12
    dia_danh_ngay: float = 14
    kinh_gui: float = 14
    noi_dung: float = 14
    phan: float = 14
    muc: float = 14
    khoan: float = 14
    diem: float = 14
    noi_nhan: float = 12
    danh_sach_noi_nhan: float = 11
    quyen_han_chuc_vu: float = 14
    ho_ten: float = 14
    muc_do_khan: float = 13
    do_mat: float = 13
    pham_vi_luu_hanh: float = 13
    dia_chi: float = 11
    so_trang: float = 14
    ten_loai: float = 14
    trich_yeu_ten_loai: float = 14
    tham_quyen: float = 14
    can_cu: float = 14
    quyet_nghi: float = 14
    dieu: float = 14


class LeTrang(BaseModel):
    """Page margins in millimetres (Phần I, Mục I.3)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    top: float = 20
    bottom: float = 20
    left: float = 30
    right: float = 15


class Layout(BaseModel):
    """Every number the writer uses. Defaults follow Mẫu 1.5 of Phụ lục III."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    le_trang: LeTrang = Field(default_factory=LeTrang)
    co_chu: CoChu = Field(default_factory=CoChu)
    # Body paragraphs (II.6e): first-line indent 1 or 1.27 cm, ≥ 6 pt apart,
    # line spacing from single to 1.5 lines.
    thut_dau_dong_cm: float = 1.27
    cach_doan_pt: float = 6
    gian_dong: float = 1.0
    # Header: borderless two columns, left : right as in Mẫu 1.5 (68 mm : 95 mm).
    ti_le_cot_trai: float = 0.42
    # Nơi nhận : signature block, as in Mẫu 1.5 (about 0.38 : 0.62).
    ti_le_cot_noi_nhan: float = 0.38
    # Rule under the agency name as a share of the name's longest line (II.2b: 1/3–1/2).
    ti_le_gach_co_quan: float = 0.4
    # Left edge of "Kính gửi:" from the left margin when it heads a list (Mẫu 1.5).
    kinh_gui_thut_cm: float = 3.5
    # Gaps the decree leaves open.
    khoang_truoc_kinh_gui_pt: float = 18
    khoang_sau_kinh_gui_pt: float = 6
    khoang_ky_dong: int = 4  # empty lines left for the signature (ô 7c)
    so_trong: str = " " * 10  # the blank number of a draft: "Số:          /STTTT-VP"
    ngay_trong: str = " " * 8  # a blank day or month of a draft date
    # Header and footer distance from the page edge, in millimetres.
    khoang_dau_trang_mm: float = 10
    khoang_chan_trang_mm: float = 10

    @model_validator(mode="after")
    def _within_decree(self) -> "Layout":
        problems = []
        for side, allowed in nd30.MARGINS_MM.items():
            value = getattr(self.le_trang, side)
            if value not in allowed:
                problems.append(f"lề {side} {value:g} mm (cần {allowed.describe('mm')}, {allowed.section})")
        for key, rule in nd30.TEXT_RULES.items():
            value = getattr(self.co_chu, key)
            if value not in rule.size:
                problems.append(f"cỡ chữ {rule.name} {value:g} pt (cần {rule.size.describe('pt')}, {rule.size.section})")
        if not any(abs(self.thut_dau_dong_cm - v) < 1e-6 for v in nd30.FIRST_LINE_INDENT_CM):
            problems.append(f"thụt đầu dòng {self.thut_dau_dong_cm:g} cm (cần 1 hoặc 1,27 cm, II.6e)")
        if self.cach_doan_pt < nd30.MIN_SPACE_BETWEEN_PT:
            problems.append(f"khoảng cách đoạn {self.cach_doan_pt:g} pt (tối thiểu 6 pt, II.6e)")
        if self.gian_dong not in nd30.LINE_SPACING:
            problems.append(f"giãn dòng {self.gian_dong:g} (cần 1–1,5 dòng, II.6e)")
        if self.ti_le_gach_co_quan not in nd30.AGENCY_RULE_RATIO:
            problems.append(f"đường kẻ dưới tên cơ quan {self.ti_le_gach_co_quan:g} (cần 1/3–1/2, II.2b)")
        if problems:
            raise ValueError("bố cục trái Nghị định 30: " + "; ".join(problems))
        return self

    @property
    def text_width_mm(self) -> float:
        return nd30.PAGE_WIDTH_MM - self.le_trang.left - self.le_trang.right


DEFAULT_LAYOUT = Layout()


def load_layout(path: str | Path) -> Layout:
    """Read a profile from YAML; keys not given keep their defaults."""
    from .reader import load_mapping
    from .validation import validate

    data, lines = load_mapping(Path(path))
    return validate(Layout, data, lines, str(path))
