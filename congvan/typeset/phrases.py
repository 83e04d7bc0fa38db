"""Where the name of a Vietnamese agency may break, as data.

A văn thư breaks an agency name where its phrases meet: after the head of the agency
(`ỦY BAN NHÂN DÂN` / `TỈNH AN GIANG`), before the conjunction (`BỘ THÔNG TIN` /
`VÀ TRUYỀN THÔNG`), after a dash or a comma (`BỘ LAO ĐỘNG -` / `THƯƠNG BINH VÀ XÃ
HỘI`); never inside a word of two or more syllables, nor inside a place name.
`congvan.typeset.names` turns these lists into the cost of breaking at each space.
Entries are matched without diacritics and case (so `HOÀ` and `HÒA` are one word).
"""

from __future__ import annotations

# Heads of agencies: a good place to break is right after them, when a name or an
# administrative unit follows (the head itself never breaks).
HEADS = (
    "ỦY BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN", "ỦY BAN", "BỘ", "SỞ", "CỤC", "TỔNG CỤC", "CHI CỤC",
    "VỤ", "VIỆN", "HỌC VIỆN", "BAN", "BAN QUẢN LÝ", "PHÒNG", "TRUNG TÂM", "VĂN PHÒNG", "THANH TRA",
    "TRƯỜNG", "TRƯỜNG ĐẠI HỌC", "ĐẠI HỌC", "TRƯỜNG CAO ĐẲNG", "TRƯỜNG TRUNG CẤP",
    "TRƯỜNG TRUNG HỌC PHỔ THÔNG", "TRƯỜNG TRUNG HỌC CƠ SỞ", "TRƯỜNG TIỂU HỌC", "TRƯỜNG MẦM NON",
    "TRƯỜNG THPT", "TRƯỜNG THCS", "BỆNH VIỆN", "BỆNH VIỆN ĐA KHOA", "KHO BẠC NHÀ NƯỚC",
    "NGÂN HÀNG NHÀ NƯỚC", "BẢO HIỂM XÃ HỘI", "CÔNG AN", "BỘ CHỈ HUY QUÂN SỰ", "BỘ CHỈ HUY",
    "BỘ ĐỘI BIÊN PHÒNG", "CỤC THUẾ", "CỤC HẢI QUAN", "CỤC THỐNG KÊ", "ĐÀI PHÁT THANH VÀ TRUYỀN HÌNH",
    "TÒA ÁN NHÂN DÂN", "VIỆN KIỂM SÁT NHÂN DÂN", "ĐOÀN ĐẠI BIỂU QUỐC HỘI", "LIÊN ĐOÀN LAO ĐỘNG",
    "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM", "HỘI", "ĐOÀN", "TỔNG CÔNG TY", "CÔNG TY", "TẬP ĐOÀN",
)

# Titles of signers (II.7b): like heads, a good break follows them when the name of
# the agency comes after (`KT. CỤC TRƯỞNG` / `CỤC QUẢN LÝ KHÁM, CHỮA BỆNH`).
TITLES = (
    "BỘ TRƯỞNG", "THỨ TRƯỞNG", "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "TỔNG GIÁM ĐỐC",
    "CỤC TRƯỞNG", "PHÓ CỤC TRƯỞNG", "TỔNG CỤC TRƯỞNG", "PHÓ TỔNG CỤC TRƯỞNG", "CHI CỤC TRƯỞNG",
    "VỤ TRƯỞNG", "PHÓ VỤ TRƯỞNG", "VIỆN TRƯỞNG", "PHÓ VIỆN TRƯỞNG", "HIỆU TRƯỞNG", "PHÓ HIỆU TRƯỞNG",
    "CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "CHÁNH THANH TRA", "PHÓ CHÁNH THANH TRA", "TRƯỞNG PHÒNG",
    "PHÓ TRƯỞNG PHÒNG", "TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "THỦ TRƯỞNG", "TỔNG THƯ KÝ", "CHÁNH ÁN",
    "VIỆN TRƯỞNG VIỆN KIỂM SÁT", "TRƯỞNG ĐOÀN", "BÍ THƯ", "THỦ TƯỚNG", "PHÓ THỦ TƯỚNG",
)

# Prefixes of the signer's authority (II.7b): never parted from the title after them.
AUTHORITY = ("TM.", "KT.", "TL.", "TUQ.", "Q.")

# Administrative units (Điều 110 of the Constitution; Luật Tổ chức chính quyền địa
# phương): a break is good before them, and the place name after one is locked.
UNITS = (
    "TỈNH", "THÀNH PHỐ", "TP.", "HUYỆN", "QUẬN", "THỊ XÃ", "XÃ", "PHƯỜNG", "THỊ TRẤN", "ĐẶC KHU",
)

# Words that begin a new phrase: break before them, never right after them.
CONJUNCTIONS = ("VÀ",)

# Marks that close a phrase: break right after them, never before them.
CLOSING_MARKS = ("-", "–", ",")

# Words of two or more syllables in agency names: never broken inside. Heads, units
# and places above are such words too.
COMPOUNDS = (
    "NHÂN DÂN", "THÔNG TIN", "TRUYỀN THÔNG", "XÃ HỘI", "LAO ĐỘNG", "THƯƠNG BINH", "KHOA HỌC",
    "CÔNG NGHỆ", "GIÁO DỤC", "ĐÀO TẠO", "TÀI CHÍNH", "KẾ HOẠCH", "ĐẦU TƯ", "TÀI NGUYÊN",
    "MÔI TRƯỜNG", "NÔNG NGHIỆP", "PHÁT TRIỂN", "NÔNG THÔN", "CÔNG THƯƠNG", "XÂY DỰNG",
    "GIAO THÔNG", "VẬN TẢI", "VĂN HÓA", "THỂ THAO", "DU LỊCH", "Y TẾ", "NỘI VỤ", "TƯ PHÁP",
    "NGOẠI GIAO", "QUỐC PHÒNG", "QUẢN LÝ", "KHÁM", "CHỮA BỆNH", "KỸ THUẬT", "SƯ PHẠM",
    "ĐẠI HỌC", "CAO ĐẲNG", "TRUNG CẤP", "TRUNG HỌC", "PHỔ THÔNG", "CƠ SỞ", "TIỂU HỌC", "MẦM NON",
    "DÂN TỘC", "TÔN GIÁO", "THI ĐUA", "KHEN THƯỞNG", "VĂN THƯ", "LƯU TRỮ", "HÀNH CHÍNH",
    "CHÍNH PHỦ", "QUỐC HỘI", "TRUNG ƯƠNG", "HỘI ĐỒNG", "CHỈ HUY", "QUÂN SỰ", "BIÊN PHÒNG",
    "HẢI QUAN", "KHO BẠC", "BẢO HIỂM", "THỐNG KÊ", "DỰ TRỮ", "ĐIỆN LỰC", "VIỄN THÔNG",
    "BƯU ĐIỆN", "BƯU CHÍNH", "PHÁT THANH", "TRUYỀN HÌNH", "ĐA KHOA", "KIỂM SOÁT", "BỆNH TẬT",
    "DÂN SỐ", "GIA ĐÌNH", "TRẺ EM", "PHỤ NỮ", "THANH NIÊN", "CỘNG SẢN", "MẶT TRẬN", "TỔ QUỐC",
    "CỰU CHIẾN BINH", "NÔNG DÂN", "LIÊN ĐOÀN", "LIÊN MINH", "HỢP TÁC XÃ", "THỦY LỢI",
    "LÂM NGHIỆP", "THỦY SẢN", "KHUYẾN NÔNG", "ĐỊA CHẤT", "KHOÁNG SẢN", "ĐO ĐẠC", "BẢN ĐỒ",
    "KHÍ TƯỢNG", "THỦY VĂN", "HẢI ĐẢO", "QUY HOẠCH", "KIẾN TRÚC", "ĐÔ THỊ", "NHÀ Ở",
    "BẤT ĐỘNG SẢN", "THỊ TRƯỜNG", "CHỨNG KHOÁN", "DOANH NGHIỆP", "ĐĂNG KÝ", "KINH DOANH",
    "KINH TẾ", "HỢP TÁC", "QUỐC TẾ", "ĐỐI NGOẠI", "PHÁP CHẾ", "TỔ CHỨC", "CÁN BỘ", "CÔNG CHỨC",
    "VIÊN CHỨC", "TIỀN LƯƠNG", "NGƯỜI CÓ CÔNG", "BẢO TRỢ", "TỆ NẠN", "VIỆC LÀM", "AN TOÀN",
    "AN NINH", "TRẬT TỰ", "CỨU NẠN", "CỨU HỘ", "PHÒNG CHÁY", "CHỮA CHÁY", "NHÀ NƯỚC",
    "NGÂN HÀNG", "CÔNG AN", "VĂN PHÒNG", "THANH TRA", "TRUNG TÂM", "HỌC VIỆN", "BỆNH VIỆN",
    "KIỂM SÁT", "TÒA ÁN", "ĐẠI BIỂU", "CHÍNH TRỊ", "CHÍNH SÁCH", "DỊCH VỤ", "HẠ TẦNG",
    "NĂNG LƯỢNG", "HÓA CHẤT", "CÔNG NGHIỆP", "THƯƠNG MẠI", "XÚC TIẾN", "ĐIỆN TỬ", "TIN HỌC",
    "SỐ HÓA", "CHUYỂN ĐỔI SỐ", "BÁO CHÍ", "XUẤT BẢN", "PHÁT HÀNH", "NGHỆ THUẬT", "BẢO TÀNG",
    "THƯ VIỆN", "DI SẢN", "THỂ DỤC", "HUẤN LUYỆN", "NGHIÊN CỨU", "ỨNG DỤNG",
    "CHUYỂN GIAO", "TIÊU CHUẨN", "ĐO LƯỜNG", "CHẤT LƯỢNG", "SỞ HỮU TRÍ TUỆ",
    "NGUYÊN TỬ", "HÀNG KHÔNG", "HÀNG HẢI", "ĐƯỜNG BỘ", "ĐƯỜNG SẮT", "ĐƯỜNG THỦY", "CẢNG VỤ",
    "THÚ Y", "TRỒNG TRỌT", "CHĂN NUÔI", "BẢO VỆ", "THỰC VẬT", "KIỂM LÂM", "QUẢN TRỊ",
    "THIẾT BỊ", "VẬT TƯ", "Y TẾ DỰ PHÒNG", "DỰ PHÒNG", "PHỤC HỒI", "CHỨC NĂNG", "NỘI TIẾT",
    "UNG BƯỚU", "SẢN NHI", "NHI ĐỒNG", "GIÁM ĐỊNH", "PHÁP Y", "TÂM THẦN", "HỘ TỊCH", "QUỐC TỊCH",
    "CHỨNG THỰC", "THI HÀNH ÁN", "DÂN SỰ", "HÌNH SỰ", "TRỢ GIÚP", "PHÁP LÝ", "CÔNG CHỨNG",
    "ĐẤU GIÁ", "TÀI SẢN", "KẾ TOÁN", "KIỂM TOÁN", "NGÂN SÁCH", "GIÁ CẢ", "CÔNG SẢN", "THUẾ",
    "QUẢN LÝ THỊ TRƯỜNG", "QUÂN KHU", "QUÂN ĐOÀN", "TỔNG LIÊN ĐOÀN", "CÔNG ĐOÀN", "THƯỜNG TRỰC",
)

# Places (provinces and cities of Việt Nam, before and after the 2025 merger, and
# frequent districts): locked even without a unit before them (`VIỄN THÔNG ĐỒNG THÁP`).
PLACES = (
    "VIỆT NAM", "HÀ NỘI", "HỒ CHÍ MINH", "HẢI PHÒNG", "ĐÀ NẴNG", "CẦN THƠ", "HUẾ",
    "AN GIANG", "BÀ RỊA - VŨNG TÀU", "BÀ RỊA", "VŨNG TÀU", "BẮC GIANG", "BẮC KẠN", "BẠC LIÊU",
    "BẮC NINH", "BẾN TRE", "BÌNH ĐỊNH", "BÌNH DƯƠNG", "BÌNH PHƯỚC", "BÌNH THUẬN", "CÀ MAU",
    "CAO BẰNG", "ĐẮK LẮK", "ĐẮK NÔNG", "ĐIỆN BIÊN", "ĐỒNG NAI", "ĐỒNG THÁP", "GIA LAI", "HÀ GIANG",
    "HÀ NAM", "HÀ TĨNH", "HẢI DƯƠNG", "HẬU GIANG", "HÒA BÌNH", "HƯNG YÊN", "KHÁNH HÒA",
    "KIÊN GIANG", "KON TUM", "LAI CHÂU", "LÂM ĐỒNG", "LẠNG SƠN", "LÀO CAI", "LONG AN", "NAM ĐỊNH",
    "NGHỆ AN", "NINH BÌNH", "NINH THUẬN", "PHÚ THỌ", "PHÚ YÊN", "QUẢNG BÌNH", "QUẢNG NAM",
    "QUẢNG NGÃI", "QUẢNG NINH", "QUẢNG TRỊ", "SÓC TRĂNG", "SƠN LA", "TÂY NINH", "THÁI BÌNH",
    "THÁI NGUYÊN", "THANH HÓA", "THỪA THIÊN HUẾ", "TIỀN GIANG", "TRÀ VINH", "TUYÊN QUANG",
    "VĨNH LONG", "VĨNH PHÚC", "YÊN BÁI", "CỦ CHI", "CAO LÃNH", "SA ĐÉC", "HỒNG NGỰ", "THỦ ĐỨC",
    "BUÔN MA THUỘT", "PLEIKU", "NHA TRANG", "ĐÀ LẠT", "PHAN THIẾT", "QUY NHƠN", "LONG XUYÊN",
    "CHÂU ĐỐC", "RẠCH GIÁ", "MỸ THO", "BIÊN HÒA", "THỦ DẦU MỘT", "VỊ THANH", "TÂN AN",
    "CHÂU THÀNH", "LAI VUNG", "THANH BÌNH", "TAM NÔNG", "THÁP MƯỜI", "HOÀN KIẾM", "BA ĐÌNH",
    "ĐỐNG ĐA", "CẦU GIẤY", "HAI BÀ TRƯNG", "TÂY HỒ", "HOÀNG MAI", "LONG BIÊN", "BÌNH THẠNH",
    "GÒ VẤP", "TÂN BÌNH", "PHÚ NHUẬN", "BÌNH CHÁNH", "NHÀ BÈ", "CẦN GIỜ", "HÓC MÔN", "SƠN TRÀ",
    "HẢI CHÂU", "NINH KIỀU", "CÁI RĂNG", "PHÚ QUỐC", "CÔN ĐẢO", "VÂN ĐỒN", "BẠCH LONG VĨ",
)
