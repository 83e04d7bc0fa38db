"""Mẫu 1.1, the Nghị quyết (cá biệt): as a Quyết định, the articles after "QUYẾT
NGHỊ:"; a collective issues it, so its signer signs TM. (II.7b)."""

from ..kinds import Kind

KINDS = (
    Kind(
        loai="nghi_quyet",
        ten="Nghị quyết (cá biệt)",
        mau="1.1",
        ma="NQ",
        ten_loai="NGHỊ QUYẾT",
        components=("tieu_de", "tham_quyen", "can_cu", "quyet_nghi", "dieu"),
        requires=("tham_quyen", "dieu"),
        forbids=("kinh_gui", "noi_dung"),
        quyet_nghi="QUYẾT NGHỊ:",
        noi_nhan_dau="Như Điều {last}",
    ),
)
