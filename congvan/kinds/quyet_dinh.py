"""Mẫu 1.2 and 1.3, the Quyết định (cá biệt): the title QUYẾT ĐỊNH, the trích yếu
under it ("Về việc …", "Ban hành …"), the issuing authority, the căn cứ, the line
"QUYẾT ĐỊNH:" and the articles; Nơi nhận from "Như Điều …"."""

from ..kinds import Kind

KINDS = (
    Kind(
        loai="quyet_dinh",
        ten="Quyết định (cá biệt)",
        mau="1.2",
        ma="QĐ",
        ten_loai="QUYẾT ĐỊNH",
        components=("tieu_de", "tham_quyen", "can_cu", "quyet_nghi", "dieu"),
        requires=("tham_quyen", "dieu"),
        forbids=("kinh_gui", "noi_dung"),
        trich_yeu_prefix="Về việc",
        quyet_nghi="QUYẾT ĐỊNH:",
        noi_nhan_dau="Như Điều {last}",
        kem_theo=True,  # Mẫu 1.3: "Ban hành kèm theo Quyết định này Quy chế …"
    ),
)
