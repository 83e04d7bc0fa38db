"""Real agencies, places, trích yếu and signer chains, each typed as one string, for
the typesetting tests: ministries, general departments, the UBND of provinces,
districts and communes, Sở, schools with long names, centres."""

from __future__ import annotations

# (chủ quản or "", issuing agency, địa danh)
AGENCIES = [
    ("", "BỘ THÔNG TIN VÀ TRUYỀN THÔNG", "Hà Nội"),
    ("", "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "Hà Nội"),
    ("", "BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG", "Hà Nội"),
    ("", "BỘ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN", "Hà Nội"),
    ("", "BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "Hà Nội"),
    ("", "BỘ KẾ HOẠCH VÀ ĐẦU TƯ", "Hà Nội"),
    ("", "BỘ GIÁO DỤC VÀ ĐÀO TẠO", "Hà Nội"),
    ("", "BỘ KHOA HỌC VÀ CÔNG NGHỆ", "Hà Nội"),
    ("", "BỘ GIAO THÔNG VẬN TẢI", "Hà Nội"),
    ("", "ỦY BAN DÂN TỘC", "Hà Nội"),
    ("", "VĂN PHÒNG CHÍNH PHỦ", "Hà Nội"),
    ("", "NGÂN HÀNG NHÀ NƯỚC VIỆT NAM", "Hà Nội"),
    ("BỘ TÀI CHÍNH", "TỔNG CỤC THUẾ", "Hà Nội"),
    ("BỘ TÀI CHÍNH", "TỔNG CỤC HẢI QUAN", "Hà Nội"),
    ("BỘ Y TẾ", "CỤC QUẢN LÝ KHÁM, CHỮA BỆNH", "Hà Nội"),
    ("BỘ Y TẾ", "CỤC Y TẾ DỰ PHÒNG", "Hà Nội"),
    ("BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG", "TỔNG CỤC MÔI TRƯỜNG", "Hà Nội"),
    ("BỘ THÔNG TIN VÀ TRUYỀN THÔNG", "CỤC AN TOÀN THÔNG TIN", "Hà Nội"),
    ("BỘ NỘI VỤ", "CỤC VĂN THƯ VÀ LƯU TRỮ NHÀ NƯỚC", "Hà Nội"),
    ("BỘ GIÁO DỤC VÀ ĐÀO TẠO", "VỤ GIÁO DỤC TIỂU HỌC", "Hà Nội"),
    ("BỘ NỘI VỤ", "VIỆN KHOA HỌC TỔ CHỨC NHÀ NƯỚC", "Hà Nội"),
    ("", "ỦY BAN NHÂN DÂN TỈNH AN GIANG", "An Giang"),
    ("", "ỦY BAN NHÂN DÂN TỈNH THỪA THIÊN HUẾ", "Thừa Thiên Huế"),
    ("", "ỦY BAN NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU", "Bà Rịa - Vũng Tàu"),
    ("", "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI", "Quảng Ngãi"),
    ("", "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK", "Đắk Lắk"),
    ("", "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", "Thành phố Hồ Chí Minh"),
    ("", "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI", "Hà Nội"),
    ("", "ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ", "Cần Thơ"),
    ("", "ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA", "Khánh Hòa"),
    ("", "HỘI ĐỒNG NHÂN DÂN TỈNH ĐỒNG THÁP", "Đồng Tháp"),
    ("", "ỦY BAN NHÂN DÂN HUYỆN CỦ CHI", "Củ Chi"),
    ("", "ỦY BAN NHÂN DÂN QUẬN HOÀN KIẾM", "Hoàn Kiếm"),
    ("", "ỦY BAN NHÂN DÂN THỊ XÃ HỒNG NGỰ", "Hồng Ngự"),
    ("", "ỦY BAN NHÂN DÂN THÀNH PHỐ CAO LÃNH", "Cao Lãnh"),
    ("", "ỦY BAN NHÂN DÂN HUYỆN CHÂU THÀNH", "Châu Thành"),
    ("ỦY BAN NHÂN DÂN HUYỆN CỦ CHI", "ỦY BAN NHÂN DÂN XÃ TÂN PHÚ TRUNG", "Củ Chi"),
    ("ỦY BAN NHÂN DÂN QUẬN 1", "ỦY BAN NHÂN DÂN PHƯỜNG BẾN NGHÉ", "Thành phố Hồ Chí Minh"),
    ("ỦY BAN NHÂN DÂN HUYỆN CÁI BÈ", "ỦY BAN NHÂN DÂN THỊ TRẤN CÁI BÈ", "Tiền Giang"),
    ("UBND TỈNH ĐỒNG THÁP", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "Đồng Tháp"),
    ("UBND THÀNH PHỐ HÀ NỘI", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Hà Nội"),
    ("ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH", "SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN", "Quảng Ninh"),
    ("ỦY BAN NHÂN DÂN TỈNH LONG AN", "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "Long An"),
    ("ỦY BAN NHÂN DÂN TỈNH NGHỆ AN", "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "Nghệ An"),
    ("ỦY BAN NHÂN DÂN TỈNH BÌNH DƯƠNG", "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG", "Bình Dương"),
    ("ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG", "SỞ KẾ HOẠCH VÀ ĐẦU TƯ", "Kiên Giang"),
    ("ỦY BAN NHÂN DÂN THÀNH PHỐ ĐÀ NẴNG", "SỞ Y TẾ", "Đà Nẵng"),
    ("BỘ GIÁO DỤC VÀ ĐÀO TẠO", "TRƯỜNG ĐẠI HỌC SƯ PHẠM KỸ THUẬT THÀNH PHỐ HỒ CHÍ MINH", "Thành phố Hồ Chí Minh"),
    ("SỞ GIÁO DỤC VÀ ĐÀO TẠO ĐỒNG THÁP", "TRƯỜNG TRUNG HỌC PHỔ THÔNG THÀNH PHỐ CAO LÃNH", "Cao Lãnh"),
    ("PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN CỦ CHI", "TRƯỜNG TIỂU HỌC TÂN THẠNH ĐÔNG", "Củ Chi"),
    ("BỘ GIÁO DỤC VÀ ĐÀO TẠO", "TRƯỜNG ĐẠI HỌC SƯ PHẠM HÀ NỘI", "Hà Nội"),
    ("ĐẠI HỌC QUỐC GIA THÀNH PHỐ HỒ CHÍ MINH", "TRƯỜNG ĐẠI HỌC KHOA HỌC XÃ HỘI VÀ NHÂN VĂN", "Thành phố Hồ Chí Minh"),
    ("ỦY BAN NHÂN DÂN TỈNH AN GIANG", "TRƯỜNG CAO ĐẲNG Y TẾ AN GIANG", "An Giang"),
    ("SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "TRUNG TÂM CÔNG NGHỆ THÔNG TIN VÀ TRUYỀN THÔNG", "Đồng Tháp"),
    ("SỞ Y TẾ TỈNH ĐỒNG THÁP", "TRUNG TÂM KIỂM SOÁT BỆNH TẬT", "Đồng Tháp"),
    ("ỦY BAN NHÂN DÂN TỈNH THỪA THIÊN HUẾ", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", "Thừa Thiên Huế"),
    ("BỘ Y TẾ", "BỆNH VIỆN ĐA KHOA TRUNG ƯƠNG CẦN THƠ", "Cần Thơ"),
    ("BẢO HIỂM XÃ HỘI VIỆT NAM", "BẢO HIỂM XÃ HỘI TỈNH ĐỒNG THÁP", "Đồng Tháp"),
    ("BỘ CÔNG AN", "CÔNG AN TỈNH AN GIANG", "An Giang"),
    ("QUÂN KHU 9", "BỘ CHỈ HUY QUÂN SỰ TỈNH LONG AN", "Long An"),
    ("ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP", "BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP", "Đồng Tháp"),
    ("ỦY BAN NHÂN DÂN HUYỆN CỦ CHI", "PHÒNG TÀI CHÍNH - KẾ HOẠCH", "Củ Chi"),
    ("ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP", "VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH", "Đồng Tháp"),
    ("ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP", "ĐÀI PHÁT THANH VÀ TRUYỀN HÌNH ĐỒNG THÁP", "Đồng Tháp"),
    ("BỘ TÀI CHÍNH", "KHO BẠC NHÀ NƯỚC", "Hà Nội"),
]

# Long trích yếu, as real công văn carry them.
TRICH_YEU = [
    "tăng cường công tác phòng, chống dịch bệnh trong dịp Tết Nguyên đán năm 2025",
    "hướng dẫn thực hiện Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư",
    "góp ý dự thảo Thông tư quy định chi tiết một số điều của Luật Giao dịch điện tử năm 2023",
    "triển khai Kế hoạch chuyển đổi số quốc gia giai đoạn 2021 - 2025, định hướng đến năm 2030",
    "báo cáo tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội 6 tháng đầu năm 2024",
    "đề nghị cung cấp thông tin phục vụ công tác kiểm tra theo Công văn số 1016/BTNMT-TCMT",
    "tổ chức các hoạt động kỷ niệm 50 năm Ngày giải phóng miền Nam, thống nhất đất nước",
    "thực hiện chế độ báo cáo thống kê ngành thông tin và truyền thông năm 2025",
    "chuẩn bị các điều kiện bảo đảm cho kỳ thi tốt nghiệp trung học phổ thông năm 2025",
    "hướng dẫn quyết toán kinh phí thực hiện chương trình mục tiêu quốc gia xây dựng nông thôn mới",
    "tăng cường quản lý, sử dụng tài sản công tại các cơ quan, tổ chức, đơn vị",
    "phối hợp tuyên truyền bầu cử đại biểu Quốc hội khóa XVI và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2026 - 2031",
    "đôn đốc thực hiện các nhiệm vụ được giao tại Quyết định số 749/QĐ-TTg ngày 03/6/2020",
    "chủ động ứng phó với bão số 3 và mưa lũ sau bão năm 2024",
    "rà soát, cập nhật danh mục thủ tục hành chính thuộc thẩm quyền giải quyết của Sở",
    "xin ý kiến về phương án sắp xếp đơn vị hành chính cấp huyện, cấp xã giai đoạn 2023 - 2025",
    "triển khai thực hiện Luật Phòng, chống bạo lực gia đình năm 2022",
    "đăng ký nhu cầu đào tạo, bồi dưỡng cán bộ, công chức, viên chức năm 2026",
    "tổ chức Hội nghị tổng kết công tác thi đua, khen thưởng năm 2024 và triển khai nhiệm vụ năm 2025",
    "bảo đảm an toàn thông tin mạng cho hệ thống thông tin phục vụ Đại hội Đảng bộ các cấp",
]

# (quyền hạn lines, chức vụ or None)
SIGNERS = [
    (["KT. CỤC TRƯỞNG CỤC QUẢN LÝ KHÁM, CHỮA BỆNH"], "PHÓ CỤC TRƯỞNG"),
    (["TM. ỦY BAN NHÂN DÂN"], "CHỦ TỊCH"),
    (["KT. CHỦ TỊCH"], "PHÓ CHỦ TỊCH"),
    (["TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG"], "PHÓ CHÁNH VĂN PHÒNG"),
    (["KT. BỘ TRƯỞNG"], "THỨ TRƯỞNG"),
    (["TL. BỘ TRƯỞNG"], "VỤ TRƯỞNG VỤ PHÁP CHẾ"),
    (["KT. GIÁM ĐỐC"], "PHÓ GIÁM ĐỐC"),
    (["TUQ. CHỦ TỊCH"], "GIÁM ĐỐC SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN"),
    (["KT. HIỆU TRƯỞNG"], "PHÓ HIỆU TRƯỞNG"),
    (["TM. HỘI ĐỒNG NHÂN DÂN"], "CHỦ TỊCH"),
    (["TL. BỘ TRƯỞNG"], "CỤC TRƯỞNG CỤC AN TOÀN THÔNG TIN"),
    (["KT. TỔNG CỤC TRƯỞNG"], "PHÓ TỔNG CỤC TRƯỞNG"),
    (["Q. GIÁM ĐỐC"], None),
    (["KT. VIỆN TRƯỞNG"], "PHÓ VIỆN TRƯỞNG"),
    (["TL. THỦ TƯỚNG", "KT. BỘ TRƯỞNG, CHỦ NHIỆM"], "PHÓ CHỦ NHIỆM"),
    (["TUQ. BỘ TRƯỞNG"], "CHÁNH VĂN PHÒNG"),
    (["KT. GIÁM ĐỐC"], "PHÓ GIÁM ĐỐC TRUNG TÂM CÔNG NGHỆ THÔNG TIN VÀ TRUYỀN THÔNG"),
    (["TM. ỦY BAN NHÂN DÂN TỈNH THỪA THIÊN HUẾ", "KT. CHỦ TỊCH"], "PHÓ CHỦ TỊCH THƯỜNG TRỰC"),
    (["TL. GIÁM ĐỐC"], "TRƯỞNG PHÒNG KẾ HOẠCH - TÀI CHÍNH"),
    (["KT. CỤC TRƯỞNG"], "PHÓ CỤC TRƯỞNG CỤC VĂN THƯ VÀ LƯU TRỮ NHÀ NƯỚC"),
]

RECIPIENTS = [
    "Bệnh viện Chợ Rẫy và Bệnh viện Nhiệt đới Thành phố Hồ Chí Minh trực thuộc Bộ Y tế Trung ương",
    "Ủy ban nhân dân các huyện, thị xã, thành phố thuộc tỉnh",
    "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh Bà Rịa - Vũng Tàu",
]

NOI_NHAN = [
    "Như trên",
    "Bộ Giáo dục và Đào tạo (để báo cáo)",
    "Ủy ban nhân dân Thành phố Hồ Chí Minh (để báo cáo)",
    "Các Phó Giám đốc Sở, Chánh Văn phòng, Trưởng các phòng chuyên môn",
]

BODY = (
    "Thực hiện Công văn số 1016/BTNMT-TCMT ngày 22/3/2013 của Bộ Tài nguyên và Môi trường "
    "và Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư, "
    "đề nghị các đơn vị thực hiện theo Công văn số 134/UBND-TCD-NC của Ủy ban nhân dân tỉnh."
)


def dispatch(i: int) -> dict:
    """The i-th dispatch of the corpus: agency i, a trích yếu and a signer chain."""
    chu_quan, ban_hanh, place = AGENCIES[i]
    quyen_han, chuc_vu = SIGNERS[i % len(SIGNERS)]
    # Every fourth body starts with a few words more, so the references fall at other
    # places of their lines.
    lead = " ".join(["Căn cứ tình hình thực tế,"] * (i % 4))
    data = {
        "co_quan_ban_hanh": ban_hanh,
        "so": 1016 + i,
        "ky_hieu": "VP-TH",
        "trich_yeu": TRICH_YEU[i % len(TRICH_YEU)],
        "dia_danh": place,
        "ngay": "2018-11-25",
        "kinh_gui": ["Các sở, ban, ngành tỉnh", RECIPIENTS[i % len(RECIPIENTS)]],
        "noi_dung": f"{lead} {BODY}".strip(),
        "noi_nhan": NOI_NHAN,
        "luu": ["VT", "TH"],
        "nguoi_ky": {"quyen_han": quyen_han, "chuc_vu": chuc_vu, "ho_ten": "Nguyễn Văn An"},
    }
    if chu_quan:
        data["co_quan_chu_quan"] = chu_quan
    return data

# Place names in the corpus that a line break must never split (this test's own list).
PLACES = [
    "AN GIANG", "THỪA THIÊN HUẾ", "BÀ RỊA - VŨNG TÀU", "QUẢNG NGÃI", "ĐẮK LẮK", "HỒ CHÍ MINH", "HÀ NỘI",
    "CẦN THƠ", "KHÁNH HÒA", "ĐỒNG THÁP", "CỦ CHI", "HOÀN KIẾM", "HỒNG NGỰ", "CAO LÃNH", "CHÂU THÀNH",
    "TÂN PHÚ TRUNG", "BẾN NGHÉ", "CÁI BÈ", "QUẢNG NINH", "LONG AN", "NGHỆ AN", "BÌNH DƯƠNG", "KIÊN GIANG",
    "ĐÀ NẴNG", "TÂN THẠNH ĐÔNG", "VIỆT NAM", "Hồ Chí Minh", "Bà Rịa - Vũng Tàu",
]
