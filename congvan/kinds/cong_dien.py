"""Mẫu 1.6, the Công điện: its title and trích yếu, then "<sender> điện:" and the
recipients as a dashed list (the data's `kinh_gui`), then the message."""

from ..kinds import Kind

KINDS = (
    Kind(
        loai="cong_dien",
        ten="Công điện",
        mau="1.6",
        ma="CĐ",
        ten_loai="CÔNG ĐIỆN",
        components=("tieu_de", "dien", "noi_dung"),
        kinh_gui="required",
        requires=("dien", "noi_dung"),
        forbids=("can_cu", "dieu", "tham_quyen"),
    ),
)
