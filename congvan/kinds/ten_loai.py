"""Mẫu 1.4, văn bản có tên loại: every kind the note 6 of the sample lists. The
title (ô 5a) and the trích yếu under it, then the body; a Tờ trình and a Báo cáo to
a superior name it in Kính gửi. Type codes from the table of Phụ lục III, Mục I."""

from ..kinds import Kind

# (loai, name in the table, type code, Kính gửi)
_TABLE = (
    ("chi_thi", "Chỉ thị", "CT", "forbidden"),
    ("quy_che", "Quy chế", "QC", "forbidden"),
    ("quy_dinh", "Quy định", "QyĐ", "forbidden"),
    ("thong_cao", "Thông cáo", "TC", "forbidden"),
    ("thong_bao", "Thông báo", "TB", "forbidden"),
    ("huong_dan", "Hướng dẫn", "HD", "forbidden"),
    ("chuong_trinh", "Chương trình", "CTr", "forbidden"),
    ("ke_hoach", "Kế hoạch", "KH", "forbidden"),
    ("phuong_an", "Phương án", "PA", "forbidden"),
    ("de_an", "Đề án", "ĐA", "forbidden"),
    ("du_an", "Dự án", "DA", "forbidden"),
    ("bao_cao", "Báo cáo", "BC", "optional"),
    ("to_trinh", "Tờ trình", "TTr", "required"),
    ("giay_uy_quyen", "Giấy ủy quyền", "GUQ", "forbidden"),
    ("phieu_gui", "Phiếu gửi", "PG", "optional"),
    ("phieu_chuyen", "Phiếu chuyển", "PC", "optional"),
    ("phieu_bao", "Phiếu báo", "PB", "optional"),
)

KINDS = tuple(
    Kind(
        loai=loai,
        ten=ten,
        mau="1.4",
        ma=ma,
        ten_loai=ten.upper(),
        components=("tieu_de", "kinh_gui", "noi_dung"),
        kinh_gui=kinh_gui,
        requires=("noi_dung",),
        forbids=("can_cu", "dieu", "tham_quyen"),
        noi_nhan_dau="Như trên" if kinh_gui == "required" else None,
    )
    for loai, ten, ma, kinh_gui in _TABLE
)
