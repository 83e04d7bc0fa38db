"""Mẫu 1.7, 1.8, 1.10: the Giấy mời, Giấy giới thiệu and Giấy nghỉ phép, forms whose
lines the samples of Phụ lục III spell out; the values come from `moi:`,
`gioi_thieu:`, `nghi_phep:` and the agency's name as written in a sentence."""

from ..kinds import Kind

KINDS = (
    Kind(
        loai="giay_moi",
        ten="Giấy mời",
        mau="1.7",
        ma="GM",
        ten_loai="GIẤY MỜI",
        components=("tieu_de", "form", "noi_dung"),
        trich_yeu="optional",
        requires=("ten_co_quan", "moi"),
        forbids=("kinh_gui", "can_cu", "dieu", "tham_quyen"),
        form_data="moi",
        form=(
            "{ten_co_quan} trân trọng kính mời: {nguoi_duoc_moi}",
            "Tới dự {toi_du}",
            "Chủ trì: {chu_tri}",
            "Thời gian: {thoi_gian}",
            "Địa điểm: {dia_diem}",
        ),
    ),
    Kind(
        loai="giay_gioi_thieu",
        ten="Giấy giới thiệu",
        mau="1.8",
        ma="GGT",
        ten_loai="GIẤY GIỚI THIỆU",
        components=("tieu_de", "form"),
        trich_yeu="forbidden",
        requires=("ten_co_quan", "gioi_thieu"),
        forbids=("kinh_gui", "can_cu", "dieu", "tham_quyen", "noi_dung"),
        noi_nhan_dau="Như trên",
        form_data="gioi_thieu",
        form=(
            "{ten_co_quan} trân trọng giới thiệu:",
            "Ông (bà): {ho_ten}",
            "Chức vụ: {chuc_vu}",
            "Được cử đến: {duoc_cu_den}",
            "Về việc: {ve_viec}",
            "Đề nghị Quý cơ quan tạo điều kiện để ông (bà) có tên ở trên hoàn thành nhiệm vụ.",
            "Giấy này có giá trị đến hết {gia_tri_den}",
        ),
    ),
    Kind(
        loai="giay_nghi_phep",
        ten="Giấy nghỉ phép",
        mau="1.10",
        ma="GNP",
        ten_loai="GIẤY NGHỈ PHÉP",
        components=("tieu_de", "form"),
        trich_yeu="forbidden",
        requires=("ten_co_quan", "nghi_phep"),
        forbids=("kinh_gui", "can_cu", "dieu", "tham_quyen", "noi_dung"),
        form_data="nghi_phep",
        form=(
            "Xét Đơn đề nghị nghỉ phép {ngay_don} của ông (bà) {ho_ten}, {ten_co_quan} cấp cho:",
            "Ông (bà): {ho_ten}",
            "Chức vụ: {chuc_vu}",
            "Được nghỉ phép trong thời gian {so_ngay} ngày, kể từ {tu_ngay} đến hết {den_ngay} tại {noi_nghi}.",
            "Số ngày nghỉ phép nêu trên được tính vào thời gian {tinh_vao}",
        ),
        # "(nếu cần)" in the sample marks the block optional: it is not printed.
        xac_nhan="Xác nhận của cơ quan (tổ chức) hoặc chính quyền địa phương nơi nghỉ phép",
    ),
)
