"""The document model: the one truth about a dispatch (công văn).

Readers turn YAML/JSON/TOML into these objects; the writer and the checker read
them. Field names are the decree's own terms without diacritics. Validators turn
what a văn thư types into the canonical form (upper case where the decree wants
capitals, a list where one line was given) and refuse what the decree forbids,
with a Vietnamese message.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal, Union

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, ValidationInfo, field_validator, model_validator
from pydantic.json_schema import SkipJsonSchema
from pydantic_core import PydanticCustomError

from . import kinds, nd30, tables
from .kinds.kem_theo import ATTACHED
from .errors import InputError
from .resources import png_header
from .validation import problems
from .vietnamese import clean_text


LAYOUT_SUFFIXES = (".docx", ".yaml", ".yml", ".json", ".toml")
# Fields that name a file, relative to the data file they are written in.
PATH_FIELDS = (("layout",), ("nguoi_ky", "chu_ky"), ("nguoi_ky", "con_dau"))
# A table's file (`bang: {tep: …}`), wherever the table sits in the body.
TABLE_FILE = ("bang", "tep")
# The validation context of data whose every text is clean already (NFC, no
# forbidden character: `congvan.reader.clean_strings`): the models do not clean again.
TEXTS_CLEANED = "texts_cleaned"


def _lines(value: Any) -> Any:
    """Accept one string where a list of lines is expected."""
    if isinstance(value, str):
        return [value]
    return value


def blank(value: str) -> bool:
    """No letter and no digit: spaces, zero-width characters, a lone "." are blank."""
    return not any(unicodedata.category(char)[0] in "LN" for char in value)


def _not_blank(value: str) -> str:
    if blank(value):
        raise ValueError("không được để trống")
    return value.strip()


def _is_file(path: str) -> bool:
    try:
        return Path(path).is_file()
    except (OSError, ValueError):  # a name too long for the file system, among others
        return False


Lines = Annotated[list[str], BeforeValidator(_lines, json_schema_input_type=Union[str, list[str]])]


def _integer(value: Any) -> Any:
    """A number written as digits: `so: yes` (YAML's true) or 5.0 is not a number."""
    if isinstance(value, bool):
        raise ValueError("phải là số nguyên, không phải giá trị đúng/sai (yes, no, true, false…)")
    if isinstance(value, float):
        raise ValueError(f"phải là số nguyên, không phải '{value}'")
    if isinstance(value, str) and value.strip() and not re.fullmatch(r"\s*[-+]?\d{1,9}\s*", value):
        raise ValueError(f"phải là số nguyên, không phải '{value}'")
    return value


def _clean(value: Any) -> Any:
    """Every text that enters the model is NFC, without characters a DOCX cannot hold."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list):
        return [_clean(v) for v in value]
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    return value


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, ser_json_bytes="base64")

    def __init__(self, /, **data: Any) -> None:
        # `CongVan(ngay="30/02/2021", ...)` says what a file would say: congvan's
        # InputError with Vietnamese problems, not pydantic's ValidationError.
        try:
            super().__init__(**data)
        except ValidationError as exc:
            raise InputError(type(self).__name__, problems(exc, data, {}, type(self))) from None

    # Validation of nested data (and model_validate) must not go through this
    # __init__: tell pydantic it is the base one (pydantic marks its own so).
    __init__.__pydantic_base_init__ = True  # type: ignore[attr-defined]

    @classmethod
    def model_validate(cls, obj: Any, **kwargs: Any) -> Any:  # same errors as __init__
        try:
            return super().model_validate(obj, **kwargs)
        except ValidationError as exc:
            raise InputError(cls.__name__, problems(exc, obj, {}, cls)) from None

    @model_validator(mode="before")
    @classmethod
    def _clean_text(cls, value: Any, info: ValidationInfo) -> Any:
        if info.context is not None and info.context.get(TEXTS_CLEANED):
            return value  # the reader cleaned every text already (`congvan.reader.clean_strings`)
        return _clean(value) if isinstance(value, dict) else value


class Ngay(_Model):
    """The date of issue. A draft leaves the day, and often the month, blank (II.4b)."""

    ngay: int | None = None
    thang: int | None = None
    nam: int

    @model_validator(mode="before")
    @classmethod
    def _parse(cls, value: Any) -> Any:
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date):
            return {"ngay": value.day, "thang": value.month, "nam": value.year}
        if isinstance(value, str):
            text = value.strip()
            iso = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
            vn = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
            if iso:
                return {"ngay": int(iso[3]), "thang": int(iso[2]), "nam": int(iso[1])}
            if vn:
                return {"ngay": int(vn[1]), "thang": int(vn[2]), "nam": int(vn[3])}
            raise ValueError(f"ngày '{text}' không đúng dạng: dùng 2021-03-05, 05/03/2021 hoặc {{ngay, thang, nam}}")
        return value

    @model_validator(mode="after")
    def _exists(self) -> "Ngay":
        if not 1900 <= self.nam <= 2999:
            raise ValueError(f"năm {self.nam} không hợp lệ")
        if self.thang is not None and not 1 <= self.thang <= 12:
            raise ValueError(f"tháng {self.thang} không tồn tại")
        if self.ngay is not None:
            if self.thang is None:
                raise ValueError("có ngày thì phải có tháng")
            try:
                dt.date(self.nam, self.thang, self.ngay)
            except ValueError:
                raise ValueError(f"ngày {self.ngay:02d}/{self.thang:02d}/{self.nam} không tồn tại") from None
        return self

    @property
    def date(self) -> dt.date | None:
        if self.ngay is None or self.thang is None:
            return None
        return dt.date(self.nam, self.thang, self.ngay)


# How văn thư type the trích yếu's prefix: V/v, V/v:, v/v, V / v, Về việc, Về: (II.5b).
_TRICH_YEU_PREFIX = re.compile(r"^\s*(?:v\s*/\s*v\b\.?\s*:?|về\s+việc\b\s*:?|về\s*:)\s*", re.IGNORECASE)
_LUU = re.compile(r"^[\s\-–+•]*lưu\s*:\s*", re.IGNORECASE)


def _as_line(item: Any) -> Any:
    """`{"Lưu": "VT, QHQT"}` (YAML's reading of `- Lưu: VT, QHQT`) back to its line."""
    if isinstance(item, dict) and len(item) == 1:
        key, text = next(iter(item.items()))
        if isinstance(key, str) and isinstance(text, str) and _LUU.match(f"{key}:"):
            return clean_text(f"{key}: {text}")  # a key is not cleaned with the texts
    return item
_NHU_TREN = re.compile(r"^[\s\-–+•]*như\s+trên\b", re.IGNORECASE)
_ACADEMIC_TITLES = re.compile(r"^(GS|PGS|TS|ThS|TSKH|KS|BS|CN)\.?\s", re.IGNORECASE)
_QUYEN_HAN = re.compile(r"^\s*(TM|Q|KT|TL|TUQ)\.\s*(\S.*)$", re.IGNORECASE)


class QuyenHan(_Model):
    """One link of the authority chain: `KT. GIÁM ĐỐC`, `TL. CHỦ TỊCH` (II.7b)."""

    loai: Literal["TM", "Q", "KT", "TL", "TUQ"]
    chuc_vu: str

    @model_validator(mode="before")
    @classmethod
    def _parse(cls, value: Any) -> Any:
        if isinstance(value, str):
            match = _QUYEN_HAN.match(value)
            if not match:
                allowed = ", ".join(f"{k}." for k in nd30.QUYEN_HAN)
                raise ValueError(f"'{value}' phải bắt đầu bằng một trong {allowed} (Phụ lục I, II.7b)")
            return {"loai": match[1].upper(), "chuc_vu": match[2]}
        return value

    @field_validator("chuc_vu")
    @classmethod
    def _caps(cls, value: str) -> str:
        return _not_blank(value).upper()

    def __str__(self) -> str:
        return f"{self.loai}. {self.chuc_vu}"


class NguoiKy(_Model):
    """The signer (ô 7a, 7b, 7c): authority chain, own title, name, optional images."""

    quyen_han: list[QuyenHan] = Field(default_factory=list)
    chuc_vu: str | None = None
    ho_ten: str
    # Signature and seal images (PNG) of an electronic dispatch: a file, or the PNG's
    # bytes for a caller that holds no files (a server); the bytes are not in the schema.
    chu_ky: str | SkipJsonSchema[bytes] | None = None
    con_dau: str | SkipJsonSchema[bytes] | None = None

    @model_validator(mode="before")
    @classmethod
    def _chain(cls, value: Any) -> Any:
        if isinstance(value, dict) and isinstance(value.get("quyen_han"), str):
            value = {**value, "quyen_han": [value["quyen_han"]]}
        return value

    @field_validator("chuc_vu")
    @classmethod
    def _caps(cls, value: str | None) -> str | None:
        return None if value is None or not value.strip() else value.strip().upper()

    @field_validator("chu_ky", "con_dau")
    @classmethod
    def _image(cls, value: str | bytes | None, info: ValidationInfo) -> str | bytes | None:
        # II.7d, II.8a: the signature and the seal of an electronic dispatch are
        # transparent PNG images.
        if isinstance(value, bytes):
            kind = png_header(value, str(info.field_name))[0]
            if kind != "PNG":
                raise ValueError(f"cần ảnh PNG nền trong suốt (Phụ lục I, II.7d, II.8a), không phải {kind}")
            return value
        if not value or not value.strip():
            return None
        if Path(value).suffix.lower() != ".png":
            raise ValueError(f"'{value}': cần ảnh PNG nền trong suốt (Phụ lục I, II.7d, II.8a)")
        if not _is_file(value):
            raise ValueError(f"không tìm thấy tệp ảnh '{value}'")
        png_header(value, value)  # its size and pixel count, before any work
        return value

    @field_validator("ho_ten")
    @classmethod
    def _name(cls, value: str) -> str:
        value = _not_blank(value)
        if _ACADEMIC_TITLES.match(value):
            raise ValueError(f"'{value}': không ghi học hàm, học vị trước họ tên người ký (Phụ lục I, II.7c)")
        return value

    @model_validator(mode="after")
    def _has_title(self) -> "NguoiKy":
        if not self.quyen_han and not self.chuc_vu:
            raise ValueError("cần chức vụ hoặc quyền hạn của người ký (Phụ lục I, II.7)")
        return self

    @property
    def title_lines(self) -> list[str]:
        """The capitalised lines above the signature, outermost authority first."""
        lines = [str(q) for q in self.quyen_han]
        if self.chuc_vu:
            lines.append(self.chuc_vu)
        return lines


class NguoiSoan(_Model):
    """Drafter's initials and number of copies issued (ô 12, III.3)."""

    ky_hieu: str = ""  # often left out: only the number of copies is written
    so_ban: int | None = Field(default=None, ge=1)

    @field_validator("ky_hieu")
    @classmethod
    def _initials(cls, value: str) -> str:
        # III.3: capitals; the full stop after them is written by us.
        return value.strip().rstrip(".").strip().upper()

    def __str__(self) -> str:
        # As the decree's example of ô 12 writes it: "PL.(300)" (Phụ lục I, Mục IV);
        # without initials, the copies alone: "(25)".
        copies = f"({self.so_ban})" if self.so_ban else ""
        return ".".join(part for part in (self.ky_hieu, copies) if part)


class LienHe(_Model):
    """Address line at the foot of page 1 (ô 13, III.4)."""

    dia_chi: str | None = None
    dien_thoai: str | None = None
    fax: str | None = None
    email: str | None = None
    website: str | None = None

    def line(self) -> str:
        labels = (("dia_chi", "Địa chỉ"), ("dien_thoai", "ĐT"), ("fax", "Fax"), ("email", "Email"), ("website", "Website"))
        return "; ".join(f"{label}: {getattr(self, key)}" for key, label in labels if getattr(self, key))


def _diem_count(blocks: Any) -> Any:
    # II.6đ: điểm are lettered a) to y) of the Vietnamese alphabet, 23 letters.
    if isinstance(blocks, list):
        count = sum(1 for b in blocks if getattr(b, "loai", None) == "diem")
        if count > len(nd30.DIEM_LETTERS):
            raise ValueError(f"{count} điểm trong một khoản, quá {len(nd30.DIEM_LETTERS)} chữ cái a) … y) "
                             "(Phụ lục I, II.6đ): hãy chia khoản")
    return blocks


OutlineKind = Literal["phan", "muc", "khoan", "diem", "gach", "bang"]


def _cells(value: Any) -> Any:
    """Rows of cells as text; whole numbers from JSON or TOML kept exact."""
    if not isinstance(value, list):
        return value
    out = []
    for row in value:
        if not isinstance(row, list):
            raise ValueError("mỗi dòng của bảng là một danh sách các ô, ví dụ [1, Sở Tài chính, 1.500.000]")
        if any(isinstance(c, float) for c in row):
            raise ValueError("số thực trong bảng dễ sai: viết thành chuỗi kiểu Việt Nam, ví dụ '1,5'")
        out.append([tables.cell_text(c) for c in row])
    return out


class Bang(_Model):
    """A table in the body: a header row and rows, typed or read from a CSV/XLSX file
    (Phụ lục I, Phần I, Mục I.2 lets pages of tables be set landscape)."""

    tieu_de: str | None = Field(default=None, description="tên bảng, in đậm, canh giữa trên bảng (tùy chọn)")
    don_vi: str | None = Field(default=None, description="đơn vị tính, in nghiêng bên phải trên bảng: «Đơn vị tính: đồng» (tùy chọn)")
    cot: list[str] = Field(default_factory=list, description="dòng tiêu đề: tên các cột; lặp lại ở đầu mỗi trang")
    dong: Annotated[list[list[str]], BeforeValidator(_cells)] = Field(
        default_factory=list, description="các dòng của bảng, mỗi dòng một danh sách ô; số viết kiểu Việt Nam được canh phải")
    tep: str | None = Field(default=None, description="tệp .csv hoặc .xlsx chứa bảng (dòng đầu là tiêu đề), tính từ thư mục của tệp dữ liệu")
    tong: bool | list[str] = Field(default=False, description="thêm dòng «Tổng cộng»: true cho mọi cột số, hoặc danh sách tên các cột cần cộng")
    ngang: bool = Field(default=False, description="đặt bảng trên trang ngang riêng (bảng rộng; Phụ lục I, Phần I, Mục I.2)")

    @model_validator(mode="after")
    def _rows(self) -> "Bang":
        if self.tep:
            if self.dong or self.cot:
                raise ValueError("bảng lấy từ tệp (tep) thì không ghi thêm cot, dong")
            cells = tables.read_cells(Path(self.tep))
            if not cells:
                raise ValueError(f"tệp bảng '{self.tep}' không có dòng nào")
            object.__setattr__(self, "cot", cells[0])
            object.__setattr__(self, "dong", cells[1:])
        if not self.cot:
            raise ValueError("bảng cần dòng tiêu đề (cot) hoặc tệp (tep)")
        for number, row in enumerate(self.dong, 1):
            if len(row) > len(self.cot):
                raise ValueError(f"dòng {number} của bảng có {len(row)} ô, nhiều hơn {len(self.cot)} cột")
        if isinstance(self.tong, list):
            unknown = [name for name in self.tong if name not in self.cot]
            if unknown:
                raise ValueError(f"tong: không có cột '{unknown[0]}' (các cột: {', '.join(self.cot)})")
        return self

    @property
    def rows(self) -> list[list[str]]:
        """Every row padded to the width of the header."""
        return [row + [""] * (len(self.cot) - len(row)) for row in self.dong]


class Muc(_Model):
    """One item of a structured outline; the writer numbers it (II.6đ).

    Written as `{muc: "TIÊU ĐỀ", noi_dung: [...]}`, `{khoan: "..."}`, `{diem: "..."}`,
    `{phan: "..."}` or `{gach: "..."}`; `noi_dung` holds the items below it.
    """

    loai: OutlineKind
    tieu_de: str
    noi_dung: Annotated[list["Block"], AfterValidator(_diem_count)] = Field(default_factory=list)
    bang: Bang | None = None  # a table: written `{bang: {cot: [...], dong: [...]}}`

    @model_validator(mode="before")
    @classmethod
    def _parse(cls, value: Any) -> Any:
        if not isinstance(value, dict) or "loai" in value:
            return value
        if "bang" in value:
            if len(value) != 1:
                raise ValueError("một bảng viết riêng một mục: - bang: {cot: [...], dong: [...]}")
            return {"loai": "bang", "tieu_de": "", "bang": value["bang"]}
        if len(value) == 1 and next(iter(value.values())) is None:
            key = next(iter(value))
            raise ValueError(
                f"dòng '{key}:' kết thúc bằng dấu hai chấm nên bị hiểu là một khóa; "
                "hãy đặt cả dòng trong ngoặc kép"
            )
        kinds = [k for k in value if k in ("phan", "muc", "khoan", "diem", "gach")]
        other = [k for k in value if k not in kinds and k != "noi_dung"]
        if other:
            raise ValueError(f"khóa không hợp lệ: {', '.join(map(str, other))} (dùng phan, muc, khoan, diem, gach, noi_dung)")
        if len(kinds) != 1:
            raise ValueError("mỗi mục cần đúng một trong các khóa phan, muc, khoan, diem, gach")
        return {"loai": kinds[0], "tieu_de": value[kinds[0]], "noi_dung": value.get("noi_dung") or []}

    @model_validator(mode="after")
    def _table(self) -> "Muc":
        # An item `loai: bang` typed in full must carry its table, as `bang:` does.
        if self.loai == "bang" and self.bang is None:
            raise ValueError("mục loại bang cần bảng: - bang: {cot: [...], dong: [...]}")
        return self


Block = Union[str, Muc]
Muc.model_rebuild()


def _body(value: Any) -> Any:
    if isinstance(value, str) and blank(value):
        return ""  # not given: the kind says whether it is required
    if isinstance(value, list) and all(isinstance(v, str) and blank(v) for v in value):
        return []
    if value is None or isinstance(value, (str, list)):
        return value
    raise ValueError("nội dung phải là đoạn văn bản hoặc danh sách các mục")


Body = Annotated[Union[str, list[Block]], BeforeValidator(_body), AfterValidator(_diem_count)]


class Dieu(_Model):
    """One article of a Quyết định or Nghị quyết; the writer numbers it "Điều 1." (II.6đ)."""

    tieu_de: str | None = Field(default=None, description="tiêu đề của điều, in đậm sau «Điều 1.» (tùy chọn)")
    noi_dung: Body = Field(default="", description="nội dung của điều: văn bản, mỗi dòng một đoạn, hoặc danh sách các khoản")

    @model_validator(mode="before")
    @classmethod
    def _text(cls, value: Any) -> Any:
        return {"noi_dung": value} if isinstance(value, str) else value

    @model_validator(mode="after")
    def _not_empty(self) -> "Dieu":
        if not self.tieu_de and not self.noi_dung:
            raise ValueError("điều cần tiêu đề hoặc nội dung")
        return self


class Moi(_Model):
    """What a Giấy mời says (Mẫu 1.7 of Phụ lục III)."""

    nguoi_duoc_moi: str = Field(description="người hoặc cơ quan được mời: họ và tên, chức vụ, đơn vị công tác")
    toi_du: str = Field(description="tên (nội dung) cuộc họp, hội thảo, hội nghị: «Hội nghị tổng kết công tác năm 2024»")
    chu_tri: str | None = Field(default=None, description="người chủ trì (tùy chọn)")
    thoi_gian: str = Field(description="thời gian: «08 giờ 00, thứ Hai, ngày 15 tháng 01 năm 2024»")
    dia_diem: str = Field(description="địa điểm: «Hội trường tầng 3, Sở Thông tin và Truyền thông»")


class GioiThieu(_Model):
    """What a Giấy giới thiệu says (Mẫu 1.8 of Phụ lục III)."""

    ho_ten: str = Field(description="họ và tên người được giới thiệu")
    chuc_vu: str | None = Field(default=None, description="chức vụ, đơn vị công tác của người được giới thiệu")
    duoc_cu_den: str = Field(description="cơ quan, tổ chức được giới thiệu tới làm việc")
    ve_viec: str = Field(description="nội dung công việc")
    gia_tri_den: Ngay = Field(description="ngày giấy hết giá trị: 2024-04-30 hoặc 30/04/2024")


class NghiPhep(_Model):
    """What a Giấy nghỉ phép says (Mẫu 1.10 of Phụ lục III)."""

    ho_ten: str = Field(description="họ và tên người được nghỉ phép")
    chuc_vu: str | None = Field(default=None, description="chức vụ, đơn vị công tác")
    ngay_don: Ngay = Field(description="ngày của đơn đề nghị nghỉ phép")
    so_ngay: int = Field(ge=1, description="số ngày nghỉ phép")
    tu_ngay: Ngay = Field(description="ngày bắt đầu nghỉ")
    den_ngay: Ngay = Field(description="ngày cuối cùng được nghỉ")
    noi_nghi: str = Field(description="nơi nghỉ phép")
    tinh_vao: str = Field(description="thời gian được tính vào: «nghỉ hằng năm có hưởng lương», «nghỉ việc riêng»…")

    @model_validator(mode="after")
    def _order(self) -> "NghiPhep":
        if self.tu_ngay.date and self.den_ngay.date and self.den_ngay.date < self.tu_ngay.date:
            raise ValueError("ngày cuối được nghỉ (den_ngay) trước ngày bắt đầu (tu_ngay)")
        return self


class XacNhan(_Model):
    """The confirmation block of a Giấy nghỉ phép (Mẫu 1.10 of Phụ lục III), under the
    signer: the agency or local authority of the place of leave signs and seals it."""

    noi_xac_nhan: str | None = Field(default=None, description="cơ quan, chính quyền địa phương xác nhận: «Ủy ban nhân dân phường 1, thành phố Đà Lạt» (tùy chọn; để trống: câu của Mẫu 1.10)")
    ho_ten: str | None = Field(default=None, description="họ và tên người ký xác nhận (tùy chọn; để trống: viết tay)")

    @model_validator(mode="before")
    @classmethod
    def _short(cls, value: Any) -> Any:
        if value is True:
            return {}
        return {"noi_xac_nhan": value} if isinstance(value, str) else value


class BienBan(_Model):
    """What a Biên bản records around its content (Mẫu 1.9 of Phụ lục III)."""

    bat_dau: str = Field(description="thời gian bắt đầu: «08 giờ 00, ngày 15 tháng 01 năm 2024»")
    dia_diem: str = Field(description="địa điểm cuộc họp")
    thanh_phan: Lines = Field(description="thành phần tham dự, một dòng hoặc danh sách")
    ket_thuc: str = Field(description="giờ kết thúc: «11 giờ 30, ngày 15 tháng 01 năm 2024»")


def _signing_time(value: Any) -> Any:
    """The time of the agency's digital signature, in Vietnam's zone (III.1d; Phần II,
    Mục I.3): an ISO 8601 time; one without a zone is taken as Vietnam's."""
    if isinstance(value, str) and re.fullmatch(r"\s*\d{4}-\d{1,2}-\d{1,2}\s*", value):
        value = dt.date.fromisoformat(value.strip())  # a day without its time: said below
    elif isinstance(value, str) and value.strip():
        try:
            value = dt.datetime.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(f"thời gian ký số '{value.strip()}' không đúng dạng: dùng 2024-12-20T09:15:30+07:00") from None
    if isinstance(value, dt.datetime):
        zone = dt.timezone(dt.timedelta(hours=nd30.KY_SO_UTC_OFFSET_HOURS))
        return value.replace(tzinfo=zone) if value.tzinfo is None else value.astimezone(zone)
    if isinstance(value, dt.date):
        raise ValueError("thời gian ký số phải có cả giờ, phút, giây: 2024-12-20T09:15:30+07:00")
    return value


SigningTime = Annotated[dt.datetime, BeforeValidator(_signing_time, json_schema_input_type=str)]


def ky_so_time(value: dt.datetime) -> str:
    """The time of signing as the signature's information shows it: "20/12/2024;
    09:15:30+07:00" (ngày tháng năm; giờ phút giây; the zone as ISO 8601 writes it)."""
    offset = value.strftime("%z")
    return value.strftime(nd30.KY_SO_TIME) + f"{offset[:3]}:{offset[3:]}"


class PhuLuc(_Model):
    """A phụ lục attached to the document (Phụ lục I, Mục III.1; Mẫu 2.1 of Phụ lục III),
    or issued as an electronic file of its own (`dien_tu`, Mẫu 2.2)."""

    tieu_de: str | None = Field(default=None, description="tên phụ lục, in hoa, đậm dưới chữ «Phụ lục I» (tùy chọn)")
    noi_dung: Body = Field(description="nội dung phụ lục: văn bản, dàn ý hoặc bảng (bang:), như noi_dung của văn bản")
    dien_tu: bool = Field(
        default=False,
        description="phụ lục điện tử, tệp riêng không cùng tệp với văn bản (Mẫu 2.2): số, ngày trong dòng «Kèm theo» để trống, "
        "góc trên bên phải trang đầu dành cho chữ ký số của cơ quan",
    )
    thoi_gian_ky: SigningTime | None = Field(
        default=None,
        description="phụ lục điện tử: thời gian ký số của cơ quan, nếu đã ký (2024-12-20T09:15:30+07:00); để trống: phần mềm ký số ghi",
    )

    @model_validator(mode="after")
    def _electronic(self) -> "PhuLuc":
        if self.thoi_gian_ky is not None and not self.dien_tu:
            raise ValueError("thoi_gian_ky chỉ dùng cho phụ lục điện tử tệp riêng (dien_tu: true; Phụ lục I, III.1d)")
        return self


class MucKemTheo(_Model):
    """A Mục of a chapter: "Mục 1" and its title over its articles (Phụ lục I, II.6đ)."""

    tieu_de: str = Field(description="tiêu đề của mục, in hoa dưới dòng «Mục 1»")
    dieu: list[Dieu] = Field(min_length=1, description="các điều của mục")


class Chuong(_Model):
    """A chapter: "Chương I" and its title over its articles or its Mục (II.6đ)."""

    tieu_de: str = Field(description="tiêu đề của chương, in hoa dưới dòng «Chương I»")
    muc: list[MucKemTheo] = Field(default_factory=list, description="các mục của chương (tùy chọn), mỗi mục có các điều")
    dieu: list[Dieu] = Field(default_factory=list, description="các điều của chương (khi chương không chia mục)")

    @model_validator(mode="after")
    def _one(self) -> "Chuong":
        if bool(self.muc) == bool(self.dieu):
            raise ValueError("chương cần các điều (dieu) hoặc các mục (muc), không cả hai")
        return self


class VanBanKemTheo(_Model):
    """The document a Quyết định issues or approves (Mẫu 1.3 of Phụ lục III), set
    after it on pages of its own: its tên loại, trích yếu and content."""

    loai: str = Field(description=f"tên loại của văn bản kèm theo: {', '.join(ATTACHED.kinds)}")
    trich_yeu: str = Field(description="trích yếu, in đậm dưới tên loại: «Làm việc của Sở Thông tin và Truyền thông»")
    chuong: list[Chuong] = Field(default_factory=list, description="các chương; điều đánh số liên tục qua các chương")
    dieu: list[Dieu] = Field(default_factory=list, description="các điều, khi văn bản không chia chương")
    noi_dung: Body | None = Field(default=None, description="nội dung tự do (kế hoạch, đề án…), khi văn bản không chia điều")
    thoi_gian_ky: SigningTime | None = Field(
        default=None,
        description="văn bản điện tử kèm theo, tệp riêng: thời gian ký số của cơ quan, nếu đã ký (2024-03-20T09:15:30+07:00); "
        "để trống: phần mềm ký số ghi",
    )

    @field_validator("loai", mode="before")
    @classmethod
    def _loai(cls, value: Any) -> Any:
        if isinstance(value, str):
            key = value.strip().lower().replace("-", "_").replace(" ", "_")
            if key not in ATTACHED.kinds:
                raise ValueError(f"văn bản kèm theo quyết định không có loại '{value}' (dùng: {', '.join(ATTACHED.kinds)})")
            return key
        return value

    @model_validator(mode="after")
    def _one(self) -> "VanBanKemTheo":
        if sum(bool(x) for x in (self.chuong, self.dieu, self.noi_dung)) != 1:
            raise ValueError("văn bản kèm theo cần đúng một trong chuong, dieu, noi_dung")
        return self

    @property
    def kind(self) -> kinds.Kind:
        return kinds.get(self.loai)


# Forms of copy and their type codes (Phụ lục I, Mục III.2; Phụ lục III, Mục I).
HINH_THUC_SAO = {"SAO Y": "SY", "SAO LỤC": "SL", "TRÍCH SAO": "TrS"}


# What each form of copy has (Phụ lục I, Phần II): the paper copy's block (II.1) and
# the electronic copy's digital signature (I.3: the form, the agency, the time only).
_PAPER_COPY = ("co_quan", "ky_hieu", "dia_danh", "ngay", "nguoi_ky")
_PAPER_ONLY = ("co_quan_chu_quan", "so", "noi_nhan", *_PAPER_COPY)


class BanSao(_Model):
    """The copy's own block under a copied document (Mẫu 3.1 of Phụ lục III): the
    copying agency, the form of copy, its number, place and date, Nơi nhận and signer;
    or, for a copy into electronic form (`dien_tu`, Mẫu 3.2), the copying agency's
    digital signature at the top right of the first page."""

    dien_tu: bool = Field(
        default=False,
        description="bản sao sang định dạng điện tử (Mẫu 3.2): không có khối bản sao dưới văn bản; góc trên bên phải trang đầu là "
        "chữ ký số của cơ quan sao (hình thức sao; tên cơ quan sao; thời gian ký)",
    )
    hinh_thuc: Literal["SAO Y", "SAO LỤC", "TRÍCH SAO"] = Field(description="hình thức sao: SAO Y, SAO LỤC hoặc TRÍCH SAO")
    co_quan_chu_quan: Lines = Field(default_factory=list, validate_default=True, description="cơ quan chủ quản của cơ quan sao (tùy chọn)")
    co_quan: Lines = Field(default_factory=list, validate_default=True, description="tên cơ quan, tổ chức thực hiện sao văn bản, in hoa (bản sao giấy)")
    ten_co_quan: str | None = Field(
        default=None, validate_default=True,
        description="bản sao điện tử: tên cơ quan sao viết thường trong chữ ký số, «Sở Thông tin và Truyền thông»",
    )
    thoi_gian_ky: SigningTime | None = Field(
        default=None, validate_default=True,
        description="bản sao điện tử: thời gian ký số, nếu đã ký (2024-03-05T09:15:30+07:00); để trống: phần mềm ký số ghi",
    )
    so: int | None = Field(default=None, ge=1, validate_default=True, description="số bản sao; để trống: chưa cấp số")
    ky_hieu: str | None = Field(
        default=None, validate_default=True,
        description="chữ viết tắt tên cơ quan sao; mã hình thức sao (SY, SL, TrS) tự thêm: «Số: 05/SY-UBND»",
    )
    dia_danh: str | None = Field(default=None, validate_default=True, description="địa danh nơi sao")
    ngay: Ngay | None = Field(default=None, validate_default=True, description="ngày sao")
    noi_nhan: Lines = Field(default_factory=list, validate_default=True, description="nơi nhận bản sao")
    luu: Lines = Field(default_factory=lambda: ["VT"], description="dòng «Lưu: VT.» của bản sao")
    nguoi_ky: NguoiKy | None = Field(default=None, validate_default=True, description="quyền hạn, chức vụ, họ tên người ký bản sao")

    @field_validator("hinh_thuc", mode="before")
    @classmethod
    def _upper(cls, value: Any) -> Any:
        return " ".join(value.split()).upper() if isinstance(value, str) else value

    @field_validator("co_quan_chu_quan", "co_quan")
    @classmethod
    def _agency(cls, lines: list[str]) -> list[str]:
        return [line.strip().upper() for line in lines if line.strip()]

    @field_validator("ky_hieu")
    @classmethod
    def _code(cls, value: str | None) -> str | None:
        return None if value is None else _not_blank(value).upper()

    @field_validator(*_PAPER_ONLY, "ten_co_quan", "thoi_gian_ky")
    @classmethod
    def _by_form(cls, value: Any, info: ValidationInfo) -> Any:
        """What each form of copy has: a paper copy its block (Phần II, Mục II.1), an
        electronic one only the form, the agency and the time of signing (Mục I.3)."""
        electronic = bool(info.data.get("dien_tu"))
        name = str(info.field_name)
        given = bool(value) if isinstance(value, (list, str)) else value is not None
        if not electronic and name in _PAPER_COPY and not given:
            raise PydanticCustomError("missing", "Field required")
        if electronic and name == "ten_co_quan" and not given:
            raise PydanticCustomError("missing", "Field required")
        if electronic and name in _PAPER_ONLY and given:
            raise ValueError("bản sao điện tử không có số, ngày, nơi nhận, người ký của bản sao giấy: chữ ký số của cơ quan sao thay "
                             "chúng (Phụ lục I, Phần II, Mục I.3)")
        if not electronic and name in ("ten_co_quan", "thoi_gian_ky") and given:
            raise ValueError("chỉ dùng cho bản sao điện tử (dien_tu: true; Phụ lục I, Phần II, Mục I.3)")
        return value

    @property
    def so_ky_hieu(self) -> str:
        """`05/SY-UBND` (III.2b: the number, then the copy's type code)."""
        number = f"{self.so:02d}" if self.so is not None else ""
        code = HINH_THUC_SAO[self.hinh_thuc]
        ky_hieu = self.ky_hieu or ""
        rest = ky_hieu.split("-", 1)[1] if ky_hieu.split("-", 1)[0].upper() == code.upper() and "-" in ky_hieu else ky_hieu
        return f"{number}/{code}-{rest}"

    @property
    def ky_so(self) -> str | None:
        """The information of the copying agency's digital signature (Phần II, Mục
        I.3c), when the time of signing is known; None: the signing software writes it."""
        if not self.dien_tu or self.thoi_gian_ky is None:
            return None
        return f"{self.hinh_thuc}; {self.ten_co_quan}; {ky_so_time(self.thoi_gian_ky)}"


# What a kind requires or forbids, by field (the kinds' own names for the message).
_FIELD_NAMES = {
    "kinh_gui": "Kính gửi", "trich_yeu": "trích yếu", "noi_dung": "nội dung (noi_dung)",
    "tham_quyen": "thẩm quyền ban hành", "can_cu": "căn cứ", "dieu": "các điều",
    "ten_co_quan": "tên cơ quan trong câu", "moi": "phần mời (moi)", "gioi_thieu": "phần giới thiệu (gioi_thieu)",
    "nghi_phep": "phần nghỉ phép (nghi_phep)", "dien": "người điện (dien)", "bien_ban": "phần biên bản (bien_ban)",
    "thu_ky": "thư ký ký biên bản (thu_ky)", "xac_nhan": "phần xác nhận (xac_nhan)",
    "van_ban_kem_theo": "văn bản kèm theo (van_ban_kem_theo)",
}


@lru_cache(maxsize=None)  # the kinds times the fields they rule: a few hundred at most
def _kind_rule(loai: str, name: str) -> tuple[bool, bool]:
    """Whether the kind `loai` requires the field `name`, and whether it forbids it."""
    kind = kinds.get(loai)
    required = name in kind.requires or getattr(kind, name, None) == "required"
    forbidden = (name in kind.forbids or getattr(kind, name, None) == "forbidden" or (name == "xac_nhan" and not kind.xac_nhan)
                 or (name == "van_ban_kem_theo" and not kind.kem_theo))
    return required, forbidden


class CongVan(_Model):
    """A document of Phụ lục III, component by component (Phụ lục I, Mục IV); a công
    văn (Mẫu 1.5) unless `loai` names another kind (`congvan.kinds`)."""

    loai: str = Field(default=kinds.DEFAULT, description="loại văn bản: cong_van (mặc định), quyet_dinh, ke_hoach, to_trinh… (Phụ lục III)")
    co_quan_chu_quan: Lines = Field(default_factory=list)  # ô 2, optional
    co_quan_ban_hanh: Lines  # ô 2
    so: Annotated[int | None, BeforeValidator(_integer)] = Field(default=None, ge=1)  # ô 3; None: a draft
    ky_hieu: str  # ô 3
    trich_yeu: str | None = Field(default=None, validate_default=True)  # ô 5a (under the title) or 5b (V/v)
    dia_danh: str  # ô 4
    ngay: Ngay  # ô 4
    kinh_gui: Lines = Field(default_factory=list, validate_default=True)  # ô 9a
    tham_quyen: str | None = Field(
        default=None, validate_default=True,
        description="thẩm quyền ban hành, dòng in hoa trên các căn cứ của quyết định, nghị quyết: «CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH» (Mẫu 1.2)",
    )
    can_cu: Lines = Field(
        default_factory=list, validate_default=True,
        description="căn cứ ban hành, mỗi căn cứ một dòng; congvan tự thêm «;» và dấu «.» cuối (Phụ lục I, II.6a)",
    )
    noi_dung: Body | None = Field(default=None, validate_default=True)  # ô 6
    dieu: list[Dieu] = Field(
        default_factory=list, validate_default=True,
        description="các điều của quyết định, nghị quyết, đánh số tự động «Điều 1.», «Điều 2.»… (Phụ lục I, II.6đ)",
    )
    ten_co_quan: str | None = Field(
        default=None, validate_default=True,
        description="tên cơ quan ban hành như viết trong câu của giấy mời, giấy giới thiệu, giấy nghỉ phép: «Sở Thông tin và Truyền thông»",
    )
    moi: Moi | None = Field(default=None, validate_default=True, description="giấy mời: người được mời, cuộc họp, chủ trì, thời gian, địa điểm (Mẫu 1.7)")
    gioi_thieu: GioiThieu | None = Field(default=None, validate_default=True, description="giấy giới thiệu: người được giới thiệu, nơi đến, việc, thời hạn (Mẫu 1.8)")
    nghi_phep: NghiPhep | None = Field(default=None, validate_default=True, description="giấy nghỉ phép: người nghỉ, thời gian, nơi nghỉ (Mẫu 1.10)")
    dien: str | None = Field(default=None, validate_default=True, description="công điện: cơ quan hoặc chức danh người đứng đầu điện, «CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH» (Mẫu 1.6)")
    bien_ban: BienBan | None = Field(default=None, validate_default=True, description="biên bản: thời gian, địa điểm, thành phần, giờ kết thúc (Mẫu 1.9)")
    xac_nhan: Annotated[XacNhan | None, BeforeValidator(lambda v: None if v is False else v)] = Field(
        default=None, description="giấy nghỉ phép: khối xác nhận của cơ quan hoặc chính quyền địa phương nơi nghỉ phép, dưới người ký; «true» hoặc tên nơi xác nhận (Mẫu 1.10)",
    )
    phu_luc: list[PhuLuc] = Field(
        default_factory=list,
        description="các phụ lục kèm theo, mỗi phụ lục trang riêng, số trang riêng; hai phụ lục trở lên đánh số La Mã (Phụ lục I, Mục III.1)",
    )
    van_ban_kem_theo: VanBanKemTheo | None = Field(
        default=None,
        description="quyết định quy định gián tiếp: văn bản được ban hành, phê duyệt kèm theo (quy chế, quy định…), sau quyết định, trang riêng (Mẫu 1.3)",
    )
    ban_sao: BanSao | None = Field(default=None, description="bản sao (SAO Y, SAO LỤC, TRÍCH SAO): khối của cơ quan sao dưới văn bản (Mẫu 3.1)")
    noi_nhan: Lines = Field(default_factory=list)  # ô 9b
    luu: Lines = Field(default_factory=lambda: ["VT"])  # last line of ô 9b
    nguoi_soan: NguoiSoan | None = None  # ô 12
    nguoi_ky: NguoiKy  # ô 7, 8
    thu_ky: NguoiKy | None = Field(default=None, validate_default=True, description="biên bản: thư ký (người ghi biên bản) ký bên trái, chủ tọa (nguoi_ky) bên phải (Mẫu 1.9)")
    muc_do_khan: Literal["KHẨN", "THƯỢNG KHẨN", "HỎA TỐC"] | None = None  # ô 10b
    do_mat: Literal["MẬT", "TỐI MẬT", "TUYỆT MẬT"] | None = None  # ô 10a
    pham_vi_luu_hanh: str | None = None  # ô 11
    lien_he: LienHe | None = None  # ô 13
    # The agency's layout: a .docx layout template, or a YAML profile of the values
    # the decree leaves open; relative to the data file.
    layout: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _luu_in_noi_nhan(cls, value: Any) -> Any:
        # II.9d: a văn thư often types the Lưu line as the last of Nơi nhận; it is the
        # `luu` field, written once by us, not a recipient. YAML reads "- Lưu: VT, QHQT"
        # as a one-key mapping: it is taken back as the line typed.
        if not isinstance(value, dict):
            return value
        value = dict(value)
        for key in ("noi_nhan", "luu"):
            if isinstance(value.get(key), list):
                value[key] = [_as_line(item) for item in value[key]]
            elif isinstance(value.get(key), dict):
                value[key] = _as_line(value[key])
        entries = value.get("noi_nhan")
        entries = [entries] if isinstance(entries, str) else entries
        if "luu" not in value and isinstance(entries, list) and entries and isinstance(entries[-1], str) and _LUU.match(entries[-1]):
            value["noi_nhan"], value["luu"] = entries[:-1], entries[-1]
        return value

    @field_validator("phu_luc")
    @classmethod
    def _signed_appendix(cls, value: list[PhuLuc], info: ValidationInfo) -> list[PhuLuc]:
        # III.1d: the signature of a phụ lục file shows the document's số và ký hiệu.
        if "so" in info.data and info.data["so"] is None and any(a.thoi_gian_ky is not None for a in value):
            raise ValueError("phụ lục đã ký số (thoi_gian_ky) cần số của văn bản (so): chữ ký số ghi số và ký hiệu văn bản (Phụ lục I, III.1d)")
        return value

    @field_validator("van_ban_kem_theo")
    @classmethod
    def _signed_attached(cls, value: VanBanKemTheo | None, info: ValidationInfo) -> VanBanKemTheo | None:
        # Phụ lục I, II.8b; Mẫu 1.3, note 4: its signature shows the decision's số và ký hiệu.
        if "so" in info.data and info.data["so"] is None and value is not None and value.thoi_gian_ky is not None:
            raise ValueError("văn bản kèm theo đã ký số (thoi_gian_ky) cần số của quyết định (so): chữ ký số ghi số và ký hiệu "
                             "quyết định (Phụ lục I, II.8b)")
        return value

    @field_validator("layout")
    @classmethod
    def _layout(cls, value: str | None) -> str | None:
        if value and Path(value).suffix.lower() not in LAYOUT_SUFFIXES:
            raise ValueError(f"'{value}': bố cục là mẫu .docx hoặc tệp .yaml/.json/.toml")
        if value and not _is_file(value):
            raise ValueError(f"không tìm thấy tệp bố cục '{value}'")
        return value or None

    @field_validator("co_quan_chu_quan", "co_quan_ban_hanh")
    @classmethod
    def _agency(cls, lines: list[str]) -> list[str]:
        return [line.strip().upper() for line in lines if not blank(line)]

    @field_validator("co_quan_ban_hanh")
    @classmethod
    def _required_list(cls, lines: list[str]) -> list[str]:
        lines = [line for line in lines if not blank(line)]
        if not lines:
            raise ValueError("không được để trống")
        return lines

    @field_validator("loai", mode="before")
    @classmethod
    def _loai(cls, value: Any) -> Any:
        if value is None or (isinstance(value, str) and not value.strip()):
            return kinds.DEFAULT
        if isinstance(value, str):
            key = value.strip().lower().replace("-", "_").replace(" ", "_")
            if key not in kinds.KINDS:
                close = difflib.get_close_matches(key, sorted(kinds.KINDS), n=1)
                hint = f"; có phải '{close[0]}'?" if close else f" (dùng: {', '.join(sorted(kinds.KINDS))})"
                raise ValueError(f"không có loại văn bản '{value}'{hint}")
            return key
        return value

    @field_validator("kinh_gui", "trich_yeu", "tham_quyen", "can_cu", "noi_dung", "dieu", "ten_co_quan", "moi",
                     "gioi_thieu", "nghi_phep", "dien", "bien_ban", "thu_ky", "xac_nhan", "van_ban_kem_theo")
    @classmethod
    def _by_kind(cls, value: Any, info: ValidationInfo) -> Any:
        """What the kind requires and forbids (its sample in Phụ lục III)."""
        if "loai" not in info.data:
            return value
        name = str(info.field_name)
        if isinstance(value, list) and name in ("kinh_gui", "can_cu"):
            value = [line for line in value if not blank(line)]
        required, forbidden = _kind_rule(info.data["loai"], name)
        if required and not value:
            raise PydanticCustomError("missing", "Field required")
        if forbidden and value:
            kind = kinds.get(info.data["loai"])
            raise ValueError(f"{kind.ten} không có {_FIELD_NAMES[name]} (Phụ lục III, Mẫu {kind.mau})")
        return value

    @field_validator("ky_hieu")
    @classmethod
    def _ky_hieu(cls, value: str, info: ValidationInfo) -> str:
        # II.3b-c: capitals, groups joined by "-" with no spaces; a công văn's
        # ký hiệu has no type code and no year, and the "/" is written by us.
        value = _not_blank(value).upper()
        if not re.fullmatch(r"[^\s/\-]+(-[^\s/\-]+)*", value):
            raise ValueError(
                f"ký hiệu '{value}' phải là các nhóm chữ viết tắt nối bằng '-', không có khoảng trắng "
                "và không có '/' (ví dụ STTTT-BCVT; Phụ lục I, II.3)"
            )
        # II.3b: other kinds lead with their type code, in the table's own case
        # (Phụ lục III, Mục I): "KH-UBND", "TTr-UBND".
        return kinds.get(info.data.get("loai")).ky_hieu(value)

    @field_validator("trich_yeu")
    @classmethod
    def _trich_yeu(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is None or not value.strip():
            return None
        kind = kinds.get(info.data.get("loai"))
        if kind.vv:
            # II.5b: the writer prints the decree's "V/v"; the văn thư's own spelling of it
            # (V/v:, v/v, Về việc, Về:) is dropped, so it is never doubled.
            return _not_blank(_TRICH_YEU_PREFIX.sub("", value))
        # II.5b: under a tên loại the trích yếu is a sentence: "Về công tác …";
        # a Quyết định's bare phrase reads "Về việc …" (Mẫu 1.2).
        value = re.sub(r"^\s*v\s*/\s*v\b\.?\s*:?\s*", "", value.strip(), flags=re.IGNORECASE)
        if kind.trich_yeu_prefix and value[0].islower():
            return f"{kind.trich_yeu_prefix} {value}"
        return value[0].upper() + value[1:]

    @field_validator("thu_ky", mode="before")
    @classmethod
    def _thu_ky(cls, value: Any) -> Any:
        # Mẫu 1.9: the secretary signs as "THƯ KÝ"; a name alone is enough.
        if isinstance(value, str) and value.strip():
            return {"chuc_vu": "THƯ KÝ", "ho_ten": value}
        if isinstance(value, dict) and not value.get("chuc_vu") and not value.get("quyen_han"):
            return {**value, "chuc_vu": "THƯ KÝ"}
        return value or None

    @field_validator("tham_quyen")
    @classmethod
    def _tham_quyen(cls, value: str | None) -> str | None:
        return value.strip().upper() if value and value.strip() else None

    @field_validator("dia_danh")
    @classmethod
    def _dia_danh(cls, value: str) -> str:
        return _not_blank(value)

    @field_validator("nguoi_soan")
    @classmethod
    def _nguoi_soan(cls, value: NguoiSoan | None) -> NguoiSoan | None:
        return value if value is not None and str(value) else None

    @field_validator("muc_do_khan", "do_mat", mode="before")
    @classmethod
    def _mark(cls, value: Any) -> Any:
        if isinstance(value, str):
            value = value.strip().upper().replace("HOẢ", "HỎA")
        return value or None

    @field_validator("pham_vi_luu_hanh")
    @classmethod
    def _upper(cls, value: str | None) -> str | None:
        return value.strip().upper() if value and value.strip() else None

    @field_validator("noi_nhan")
    @classmethod
    def _noi_nhan(cls, items: list[str], info: ValidationInfo) -> list[str]:
        # II.9b: "Như trên" as the decree spells it, however it was typed first.
        if items:
            items = [_NHU_TREN.sub(nd30.NHU_TREN, items[0], count=1)] + items[1:]
        # Mẫu 1.1, 1.2: a Quyết định is sent first to those its last article charges.
        kind = kinds.get(info.data.get("loai"))
        dieu = info.data.get("dieu")
        if kind.noi_nhan_dau and "{last}" in kind.noi_nhan_dau and dieu:
            first = next((i for i in items if i.strip()), "")
            if not first.strip().lstrip("-").strip().startswith("Như"):
                items = [kind.noi_nhan_dau.format(last=len(dieu))] + items
        return items

    @field_validator("luu")
    @classmethod
    def _luu(cls, items: list[str]) -> list[str]:
        # II.9d: the last line reads "Lưu: VT, <drafting unit>…"; VT comes first. One
        # line typed "VT, QHQT (3)" is the same comma list as [VT, QHQT (3)].
        items = [_LUU.sub("", line, count=1) for line in items]  # "Lưu: VT, …" typed in full
        items = [i.strip().rstrip(".;") for line in items for i in line.split(",") if i.strip().rstrip(".;")]
        items = ["VT" if i.upper() == "VT" else i for i in items]
        if not items or items[0] != "VT":
            items = ["VT"] + [i for i in items if i.upper() != "VT"]
        return items

    @property
    def kind(self) -> kinds.Kind:
        return kinds.get(self.loai)

    @property
    def document_title(self) -> str:
        """"V/v …" for a công văn; the tên loại and the trích yếu for the other kinds."""
        if self.kind.vv:
            return f"V/v {self.trich_yeu}"
        return " ".join(filter(None, (self.kind.ten_loai, self.trich_yeu)))

    @property
    def so_ky_hieu(self) -> str:
        """`05/STTTT-BCVT`; numbers below 10 take a leading zero (II.3c)."""
        number = f"{self.so:02d}" if self.so is not None else ""
        return f"{number}/{self.ky_hieu}"

    @property
    def is_draft(self) -> bool:
        return self.so is None or self.ngay.date is None
