"""The document model: the one truth about a dispatch (công văn).

Readers turn YAML/JSON/TOML into these objects; the writer and the checker read
them. Field names are the decree's own terms without diacritics. Validators turn
what a văn thư types into the canonical form (upper case where the decree wants
capitals, a list where one line was given) and refuse what the decree forbids,
with a Vietnamese message.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, field_validator, model_validator

from . import nd30
from .errors import InputError
from .validation import problems
from .vietnamese import clean_text


LAYOUT_SUFFIXES = (".docx", ".yaml", ".yml", ".json", ".toml")
# Fields that name a file, relative to the data file they are written in.
PATH_FIELDS = (("layout",), ("nguoi_ky", "chu_ky"), ("nguoi_ky", "con_dau"))


def _lines(value: Any) -> Any:
    """Accept one string where a list of lines is expected."""
    if isinstance(value, str):
        return [value]
    return value


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("không được để trống")
    return value.strip()


Lines = Annotated[list[str], BeforeValidator(_lines)]


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
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

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
    def _clean_text(cls, value: Any) -> Any:
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
    chu_ky: str | None = None  # signature image (PNG), for electronic dispatches
    con_dau: str | None = None  # seal image (PNG)

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
    def _image(cls, value: str | None) -> str | None:
        # II.7d, II.8a: the signature and the seal of an electronic dispatch are
        # transparent PNG images.
        if not value or not value.strip():
            return None
        if Path(value).suffix.lower() != ".png":
            raise ValueError(f"'{value}': cần ảnh PNG nền trong suốt (Phụ lục I, II.7d, II.8a)")
        if not Path(value).is_file():
            raise ValueError(f"không tìm thấy tệp ảnh '{value}'")
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


OutlineKind = Literal["phan", "muc", "khoan", "diem", "gach"]


class Muc(_Model):
    """One item of a structured outline; the writer numbers it (II.6đ).

    Written as `{muc: "TIÊU ĐỀ", noi_dung: [...]}`, `{khoan: "..."}`, `{diem: "..."}`,
    `{phan: "..."}` or `{gach: "..."}`; `noi_dung` holds the items below it.
    """

    loai: OutlineKind
    tieu_de: str
    noi_dung: list["Block"] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _parse(cls, value: Any) -> Any:
        if not isinstance(value, dict) or "loai" in value:
            return value
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


Block = Union[str, Muc]
Muc.model_rebuild()


def _body(value: Any) -> Any:
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return value
    raise ValueError("nội dung phải là đoạn văn bản hoặc danh sách các mục")


class CongVan(_Model):
    """A công văn, component by component (Phụ lục I, Mục IV; Mẫu 1.5 of Phụ lục III)."""

    co_quan_chu_quan: Lines = Field(default_factory=list)  # ô 2, optional
    co_quan_ban_hanh: Lines  # ô 2
    so: int | None = Field(default=None, ge=1)  # ô 3; None: a draft
    ky_hieu: str  # ô 3
    trich_yeu: str  # ô 5b
    dia_danh: str  # ô 4
    ngay: Ngay  # ô 4
    kinh_gui: Lines  # ô 9a
    noi_dung: Annotated[Union[str, list[Block]], BeforeValidator(_body)]  # ô 6
    noi_nhan: Lines = Field(default_factory=list)  # ô 9b
    luu: Lines = Field(default_factory=lambda: ["VT"])  # last line of ô 9b
    nguoi_soan: NguoiSoan | None = None  # ô 12
    nguoi_ky: NguoiKy  # ô 7, 8
    muc_do_khan: Literal["KHẨN", "THƯỢNG KHẨN", "HỎA TỐC"] | None = None  # ô 10b
    do_mat: Literal["MẬT", "TỐI MẬT", "TUYỆT MẬT"] | None = None  # ô 10a
    pham_vi_luu_hanh: str | None = None  # ô 11
    lien_he: LienHe | None = None  # ô 13
    # The agency's layout: a .docx layout template, or a YAML profile of the values
    # the decree leaves open; relative to the data file.
    layout: str | None = None

    @field_validator("layout")
    @classmethod
    def _layout(cls, value: str | None) -> str | None:
        if value and Path(value).suffix.lower() not in LAYOUT_SUFFIXES:
            raise ValueError(f"'{value}': bố cục là mẫu .docx hoặc tệp .yaml/.json/.toml")
        if value and not Path(value).is_file():
            raise ValueError(f"không tìm thấy tệp bố cục '{value}'")
        return value or None

    @field_validator("co_quan_chu_quan", "co_quan_ban_hanh")
    @classmethod
    def _agency(cls, lines: list[str]) -> list[str]:
        return [line.strip().upper() for line in lines if line.strip()]

    @field_validator("co_quan_ban_hanh", "kinh_gui")
    @classmethod
    def _required_list(cls, lines: list[str]) -> list[str]:
        if not [line for line in lines if line.strip()]:
            raise ValueError("không được để trống")
        return lines

    @field_validator("ky_hieu")
    @classmethod
    def _ky_hieu(cls, value: str) -> str:
        # II.3b-c: capitals, groups joined by "-" with no spaces; a công văn's
        # ký hiệu has no type code and no year, and the "/" is written by us.
        value = _not_blank(value).upper()
        if not re.fullmatch(r"[^\s/\-]+(-[^\s/\-]+)*", value):
            raise ValueError(
                f"ký hiệu '{value}' phải là các nhóm chữ viết tắt nối bằng '-', không có khoảng trắng "
                "và không có '/' (ví dụ STTTT-BCVT; Phụ lục I, II.3)"
            )
        return value

    @field_validator("trich_yeu")
    @classmethod
    def _trich_yeu(cls, value: str) -> str:
        # II.5b: the writer prints the decree's "V/v"; the văn thư's own spelling of it
        # (V/v:, v/v, Về việc, Về:) is dropped, so it is never doubled.
        return _not_blank(_TRICH_YEU_PREFIX.sub("", value))

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

    @field_validator("luu")
    @classmethod
    def _luu(cls, items: list[str]) -> list[str]:
        # II.9d: the last line reads "Lưu: VT, <drafting unit>…"; VT comes first. One
        # line typed "VT, QHQT (3)" is the same comma list as [VT, QHQT (3)].
        items = [i.strip().rstrip(".;") for line in items for i in line.split(",") if i.strip().rstrip(".;")]
        items = ["VT" if i.upper() == "VT" else i for i in items]
        if not items or items[0] != "VT":
            items = ["VT"] + [i for i in items if i.upper() != "VT"]
        return items

    @property
    def so_ky_hieu(self) -> str:
        """`05/STTTT-BCVT`; numbers below 10 take a leading zero (II.3c)."""
        number = f"{self.so:02d}" if self.so is not None else ""
        return f"{number}/{self.ky_hieu}"

    @property
    def is_draft(self) -> bool:
        return self.so is None or self.ngay.date is None
