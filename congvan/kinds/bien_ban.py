"""Mẫu 1.9, the Biên bản: no place and date line in the header; its form lines
(start, place, participants, chair, secretary), the course of the meeting, its end;
the thư ký and the chủ tọa sign side by side, Nơi nhận below them."""

from ..kinds import Kind

KINDS = (
    Kind(
        loai="bien_ban",
        ten="Biên bản",
        mau="1.9",
        ma="BB",
        ten_loai="BIÊN BẢN",
        components=("tieu_de", "form", "noi_dung", "form_end"),
        requires=("bien_ban", "thu_ky", "noi_dung"),
        forbids=("kinh_gui", "can_cu", "dieu", "tham_quyen"),
        form_data="bien_ban",
        form=(
            "Thời gian bắt đầu: {bat_dau}",
            "Địa điểm: {dia_diem}",
            "Thành phần tham dự: {thanh_phan}",
            "Chủ trì (chủ tọa): {chu_tri}",
            "Thư ký (người ghi biên bản): {thu_ky}",
            "Nội dung (theo diễn biến cuộc họp/hội nghị/hội thảo):",
        ),
        form_end=("Cuộc họp (hội nghị, hội thảo) kết thúc vào {ket_thuc}",),
        dated=False,
        two_signers=True,
    ),
)
