"""`congvan new <loai>`: a commented starting file for a kind of document.

The file is put together from the kind's data (congvan.kinds): the fields every
document has, then those the kind requires or allows, each with an example value
and a Vietnamese comment. As written, it renders and passes `congvan check`.
"""

from __future__ import annotations

from . import kinds

_HEAD = """\
# yaml-language-server: $schema=congvan.schema.json
# {ten} (Mẫu {mau} Phụ lục III Nghị định 30/2020/NĐ-CP): tệp bắt đầu, sửa các giá trị rồi chạy
#   congvan render {name} -o out/ --format docx,pdf
"""

_COMMON = """\
co_quan_chu_quan: UBND TỈNH ĐỒNG THÁP     # cơ quan chủ quản (bỏ dòng nếu không có)
co_quan_ban_hanh: [SỞ THÔNG TIN, VÀ TRUYỀN THÔNG]   # cơ quan ban hành, in hoa; mỗi phần tử một dòng
so: 1                                     # số văn bản; để trống: bản dự thảo
ky_hieu: {ky_hieu}{ky_hieu_note}
"""

_DATE = """\
dia_danh: Đồng Tháp                       # địa danh
ngay: 2026-01-05                          # ngày ban hành: 2026-01-05, 05/01/2026 hoặc {thang: 1, nam: 2026}
"""

_FIELDS = {
    "trich_yeu": "trich_yeu: {trich_yeu}   # trích yếu nội dung{trich_yeu_note}\n",
    "ten_co_quan": "ten_co_quan: Sở Thông tin và Truyền thông   # tên cơ quan như viết trong câu\n",
    "kinh_gui": "kinh_gui: Ủy ban nhân dân tỉnh Đồng Tháp   # nơi nhận (Kính gửi); nhiều nơi: danh sách\n",
    "kinh_gui_dien": "kinh_gui:                                 # nơi nhận điện, mỗi nơi một dòng \"- …;\"\n  - Giám đốc các sở, ban, ngành tỉnh\n  - Chủ tịch Ủy ban nhân dân các huyện, thành phố\n",
    "dien": "dien: CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH   # cơ quan, chức danh người điện: \"… điện:\"\n",
    "tham_quyen": "tham_quyen: GIÁM ĐỐC SỞ THÔNG TIN VÀ TRUYỀN THÔNG   # thẩm quyền ban hành (dòng in hoa trên các căn cứ)\n",
    "can_cu": """\
can_cu:                                   # căn cứ ban hành, mỗi căn cứ một dòng; ";" và "." tự thêm
  - Căn cứ Quyết định số 12/2021/QĐ-UBND ngày 10 tháng 5 năm 2021 của Ủy ban nhân dân tỉnh quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Sở
  - Theo đề nghị của Chánh Văn phòng Sở
""",
    "dieu": """\
dieu:                                     # các điều, tự đánh số "Điều 1.", "Điều 2."…
  - Nội dung Điều 1.
  - tieu_de: Tiêu đề Điều 2               # điều có tiêu đề (in đậm) và các khoản
    noi_dung:
      - khoan: Nội dung khoản 1.
  - Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng Sở và các đơn vị có liên quan chịu trách nhiệm thi hành.
""",
    "moi": """\
moi:                                      # Mẫu 1.7
  nguoi_duoc_moi: Lãnh đạo các phòng, đơn vị thuộc Sở   # người, cơ quan được mời
  toi_du: cuộc họp giao ban công tác tháng 01 năm 2026.  # tên cuộc họp, sau "Tới dự"
  chu_tri: Ông Nguyễn Văn Hòa, Giám đốc Sở.              # chủ trì (tùy chọn)
  thoi_gian: 08 giờ 00, ngày 12 tháng 01 năm 2026.       # thời gian
  dia_diem: Phòng họp tầng 3, Sở Thông tin và Truyền thông.   # địa điểm
""",
    "gioi_thieu": """\
gioi_thieu:                               # Mẫu 1.8
  ho_ten: Lê Văn Cường                    # người được giới thiệu
  chuc_vu: Trưởng phòng Bưu chính, Viễn thông   # chức vụ, đơn vị
  duoc_cu_den: Cục Bưu điện Trung ương    # nơi được cử đến
  ve_viec: làm việc về công tác bưu chính.   # nội dung công việc
  gia_tri_den: 2026-01-31                 # giấy có giá trị đến hết ngày
""",
    "nghi_phep": """\
nghi_phep:                                # Mẫu 1.10
  ho_ten: Phạm Thị Dung                   # người được nghỉ phép
  chuc_vu: Chuyên viên Văn phòng Sở       # chức vụ, đơn vị
  ngay_don: 2026-01-02                    # ngày của đơn xin nghỉ
  so_ngay: 3                              # số ngày nghỉ
  tu_ngay: 2026-01-12                     # nghỉ từ ngày
  den_ngay: 2026-01-14                    # nghỉ đến hết ngày
  noi_nghi: thành phố Đà Lạt, tỉnh Lâm Đồng   # nơi nghỉ
  tinh_vao: nghỉ hằng năm có hưởng lương  # tính vào thời gian nghỉ nào
""",
    "bien_ban": """\
bien_ban:                                 # Mẫu 1.9 (không có dòng địa danh, ngày ở phần đầu)
  bat_dau: 08 giờ 00, ngày 05 tháng 01 năm 2026   # thời gian bắt đầu
  dia_diem: Phòng họp tầng 3, Sở Thông tin và Truyền thông   # địa điểm
  thanh_phan: Lãnh đạo Sở, Trưởng các phòng, đơn vị thuộc Sở   # thành phần tham dự
  ket_thuc: 10 giờ 30 cùng ngày           # giờ kết thúc
""",
    "noi_dung": """\
noi_dung: |                               # mỗi dòng một đoạn; **đậm**, *nghiêng*; "./." tự thêm
  Đoạn thứ nhất của nội dung.
  1. Nội dung thứ nhất.
  2. Nội dung thứ hai.
""",
    "thu_ky": "thu_ky: {chuc_vu: THƯ KÝ, ho_ten: Phạm Thị Dung}   # thư ký ký bên trái\n",
}

_TAIL = """\
noi_nhan:                                 # "- ", ";" và "." tự thêm{noi_nhan_note}
{noi_nhan}luu: [VT, VP]                              # dòng "Lưu: VT, VP."
nguoi_ky:
{nguoi_ky}"""

_SIGNER = "  quyen_han: KT. GIÁM ĐỐC                 # TM., Q., KT., TL., TUQ. (bỏ dòng nếu người đứng đầu ký)\n  chuc_vu: PHÓ GIÁM ĐỐC\n  ho_ten: Nguyễn Văn An\n"
_CHAIR = "  chuc_vu: CHỦ TỌA                        # chủ tọa ký bên phải\n  ho_ten: Nguyễn Văn Hòa\n"


def starter(loai: str, name: str = "van-ban.yaml") -> str:
    """The text of a commented starting file for the kind `loai`."""
    kind = kinds.get(loai)
    ky_hieu_note = "                        # ký hiệu: cơ quan - đơn vị soạn thảo" if kind.vv else \
        f"                            # chữ viết tắt tên cơ quan; \"{kind.ma}-\" tự thêm: \"Số: 01/{kind.ma}-STTTT\""
    out = _HEAD.format(ten=kind.ten, mau=kind.mau, name=name)
    if kind.loai != kinds.DEFAULT:
        out += f"loai: {kind.loai}\n"
    out += _COMMON.format(ky_hieu="STTTT-VP" if kind.vv else "STTTT", ky_hieu_note=ky_hieu_note)
    if kind.trich_yeu != "forbidden":
        text = "thành lập Tổ công tác" if kind.trich_yeu_prefix else ("họp giao ban" if kind.vv else "Nội dung chính của văn bản")
        note = ", sau \"V/v\"" if kind.vv else (f"; viết thường ở đầu thì thành \"{kind.trich_yeu_prefix} …\"" if kind.trich_yeu_prefix else ", dưới tên loại")
        out += _FIELDS["trich_yeu"].format(trich_yeu=text, trich_yeu_note=note)
    out += _DATE
    wanted: list[str] = [name for name in ("ten_co_quan", "dien", "tham_quyen") if name in kind.requires]
    if kind.kinh_gui == "required" or kind.kinh_gui == "optional":
        wanted.append("kinh_gui_dien" if "dien" in kind.components else "kinh_gui")
    wanted += [name for name in ("can_cu", "dieu") if name in kind.components]
    if kind.form_data:
        wanted.append(kind.form_data)
    if "noi_dung" in kind.components:
        wanted.append("noi_dung")
    if kind.two_signers:
        wanted.append("thu_ky")
    for name in wanted:
        field = _FIELDS[name]
        if name == "kinh_gui" and kind.kinh_gui == "optional":
            field = "# " + field  # a Báo cáo to a superior names it; others leave it out
        out += field
    if kind.noi_nhan_dau == "Như trên" or kind.kinh_gui == "required":
        entries, note = "  - Như trên\n  - Ban Giám đốc Sở\n", "; có Kính gửi thì dòng đầu là \"Như trên\""
    elif kind.noi_nhan_dau:
        entries, note = "  - Ban Giám đốc Sở\n", f"; \"{kind.noi_nhan_dau.format(last='…')}\" tự thêm ở dòng đầu"
    else:
        entries, note = "  - Các phòng, đơn vị thuộc Sở\n", ""
    out += _TAIL.format(noi_nhan=entries, noi_nhan_note=note, nguoi_ky=_CHAIR if kind.two_signers else _SIGNER)
    return out
