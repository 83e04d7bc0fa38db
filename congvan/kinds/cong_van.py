"""Mẫu 1.5, the công văn: no tên loại; the trích yếu under the number after "V/v"
(II.5b), Kính gửi (II.9a), Nơi nhận from "Như trên" (II.9b)."""

from ..kinds import Kind

KINDS = (
    Kind(
        loai="cong_van",
        ten="Công văn",
        mau="1.5",
        ma=None,
        components=("kinh_gui", "noi_dung"),
        kinh_gui="required",
        requires=("noi_dung",),
        forbids=("can_cu", "dieu", "tham_quyen"),
        noi_nhan_dau="Như trên",
    ),
)
