"""Named paragraph styles of a dispatch, one per component.

A văn thư who opens the DOCX in Word finds these names ("Quốc hiệu", "Nội dung"…) in
the style list and can adjust them. The style ids are ASCII so every editor keeps
them; the names are Vietnamese. Sizes come from the layout profile, the rest from
NĐ 30 (`congvan.nd30.TEXT_RULES`), keyed by the same component keys.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import nd30


@dataclass(frozen=True)
class StyleSpec:
    key: str  # component key, as in nd30.TEXT_RULES and Layout.co_chu
    style_id: str
    name: str
    body: bool = False  # a body paragraph: first-line indent, space after, line spacing


STYLES: tuple[StyleSpec, ...] = (
    StyleSpec("quoc_hieu", "QuocHieu", "Quốc hiệu"),
    StyleSpec("tieu_ngu", "TieuNgu", "Tiêu ngữ"),
    StyleSpec("co_quan_chu_quan", "CoQuanChuQuan", "Cơ quan chủ quản"),
    StyleSpec("co_quan_ban_hanh", "CoQuanBanHanh", "Cơ quan ban hành"),
    StyleSpec("so_ky_hieu", "SoKyHieu", "Số, ký hiệu"),
    StyleSpec("trich_yeu", "TrichYeu", "Trích yếu"),
    StyleSpec("dia_danh_ngay", "DiaDanhNgay", "Địa danh và ngày tháng"),
    StyleSpec("kinh_gui", "KinhGui", "Kính gửi"),
    StyleSpec("noi_dung", "NoiDung", "Nội dung", body=True),
    StyleSpec("phan", "Phan", "Phần"),
    StyleSpec("muc", "Muc", "Mục", body=True),
    StyleSpec("khoan", "Khoan", "Khoản", body=True),
    StyleSpec("diem", "Diem", "Điểm", body=True),
    StyleSpec("noi_nhan", "NoiNhan", "Nơi nhận"),
    StyleSpec("danh_sach_noi_nhan", "DanhSachNoiNhan", "Danh sách nơi nhận"),
    StyleSpec("quyen_han_chuc_vu", "QuyenHanChucVu", "Quyền hạn, chức vụ người ký"),
    StyleSpec("ho_ten", "HoTenNguoiKy", "Họ tên người ký"),
    StyleSpec("muc_do_khan", "MucDoKhan", "Mức độ khẩn"),
    StyleSpec("do_mat", "DoMat", "Độ mật"),
    StyleSpec("pham_vi_luu_hanh", "PhamViLuuHanh", "Phạm vi lưu hành"),
    StyleSpec("dia_chi", "DiaChi", "Địa chỉ, liên hệ"),
    StyleSpec("so_trang", "SoTrang", "Số trang"),
)

# Styles of the kinds with a tên loại (congvan.kinds), only in their templates: the
# công văn's template, and so its bytes, stay as they were.
KIND_STYLES: tuple[StyleSpec, ...] = (
    StyleSpec("ten_loai", "TenLoai", "Tên loại văn bản"),
    StyleSpec("trich_yeu_ten_loai", "TrichYeuTenLoai", "Trích yếu dưới tên loại"),
    StyleSpec("tham_quyen", "ThamQuyen", "Thẩm quyền ban hành"),
    StyleSpec("can_cu", "CanCu", "Căn cứ", body=True),
    StyleSpec("quyet_nghi", "QuyetNghi", "Quyết định, quyết nghị"),
    StyleSpec("dieu", "Dieu", "Điều", body=True),
)

BY_KEY = {s.key: s for s in STYLES + KIND_STYLES}
BY_NAME = {s.name: s for s in STYLES + KIND_STYLES}
# A style for the short paragraphs that carry the rules under the header lines.
RULE_STYLE_ID, RULE_STYLE_NAME = "DuongKe", "Đường kẻ"


def style_id(key: str) -> str:
    return BY_KEY[key].style_id


def rule_of(key: str) -> nd30.TextRule:
    return nd30.TEXT_RULES[key]
