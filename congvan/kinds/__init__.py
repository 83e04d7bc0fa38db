"""Kinds of document (Phụ lục III of NĐ 30) as data, like KOMA-Script's letter profiles.

`congvan.nd30` holds what every kind shares (page, fonts, Quốc hiệu, signer, Nơi
nhận); each module of this package describes the kinds of one sample of Phụ lục III:
its tên loại, its type code (Phụ lục III, Mục I), its components in order, what it
requires and forbids, its closing mark. The model, the writer and `check` all read
these, so a new kind is a new module here, not edits in five places.

This package imports nothing of congvan but `nd30`: `check` and the model use it
without the writer.
"""

from __future__ import annotations

import importlib
import pkgutil
import unicodedata
from dataclasses import dataclass

DEFAULT = "cong_van"


@dataclass(frozen=True)
class Kind:
    """One kind of document: what its sample in Phụ lục III shows."""

    loai: str  # the value of `loai:` in the data
    ten: str  # its name as the table of Phụ lục III, Mục I writes it
    mau: str  # its sample in Phụ lục III: "1.2"
    ma: str | None  # type code in the ký hiệu (Phụ lục III, Mục I); None: a công văn
    ten_loai: str | None = None  # the title (ô 5a), capitals; None: a công văn (V/v, ô 5b)
    # Components of the body, in order, between the header and the signature block.
    components: tuple[str, ...] = ("noi_dung",)
    kinh_gui: str = "forbidden"  # "required", "optional" or "forbidden" (ô 9a)
    trich_yeu: str = "required"  # "required" or "optional" (ô 5)
    requires: tuple[str, ...] = ()  # model fields that must be given
    forbids: tuple[str, ...] = ()  # model fields the kind has no place for
    # A Quyết định's bare trích yếu ("thành lập …") is written "Về việc thành lập …".
    trich_yeu_prefix: str = ""
    quyet_nghi: str | None = None  # the line before the articles: "QUYẾT ĐỊNH:"
    # First entry of Nơi nhận: "Như trên" after a Kính gửi (II.9b); a Quyết định sends
    # to those its last article charges: "Như Điều 3".
    noi_nhan_dau: str | None = None
    closing: str = "./."  # closing mark of the body (Phụ lục III)
    # A form's lines (Giấy mời, Giấy giới thiệu…), `{field}` filled from the part of
    # the model named `form_data` and `ten_co_quan`; a line whose field is empty is
    # left out. `form_end`: lines after the body (the end of a Biên bản).
    form_data: str | None = None
    form: tuple[str, ...] = ()
    form_end: tuple[str, ...] = ()
    dated: bool = True  # the place and date line in the header (ô 4); Mẫu 1.9 has none
    two_signers: bool = False  # Mẫu 1.9: thư ký and chủ tọa side by side, Nơi nhận below
    # Mẫu 1.10: the heading of the optional confirmation block under the signer, where
    # the agency or the local authority of the place of leave signs and seals.
    xac_nhan: str | None = None
    # Mẫu 1.3: it may issue or approve a document set after it (congvan.kinds.kem_theo).
    kem_theo: bool = False

    @property
    def vv(self) -> bool:
        """The trích yếu sits under the number as "V/v …" (ô 5b): a công văn."""
        return self.ten_loai is None

    def ky_hieu(self, ky_hieu: str) -> str:
        """The ký hiệu with the type code in front (II.3b): "UBND" → "KH-UBND"."""
        if not self.ma:
            return ky_hieu
        first, _, rest = ky_hieu.partition("-")
        if first.upper() == self.ma.upper():
            return f"{self.ma}-{rest}" if rest else self.ma
        return f"{self.ma}-{ky_hieu}"


def _collect() -> dict[str, Kind]:
    kinds: dict[str, Kind] = {}
    for module in sorted(m.name for m in pkgutil.iter_modules(__path__)):
        for kind in importlib.import_module(f"{__name__}.{module}").KINDS:
            if kind.loai in kinds:
                raise RuntimeError(f"kind {kind.loai} defined twice")
            kinds[kind.loai] = kind
    return kinds


KINDS: dict[str, Kind] = _collect()


def get(loai: str | None) -> Kind:
    """The kind named `loai` (the default, công văn, for None)."""
    return KINDS[loai or DEFAULT]


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFC", " ".join(text.split())).upper()
    return text.replace("HOÀ", "HÒA").replace("UỶ", "ỦY")


_BY_TITLE = {_fold(k.ten_loai): k for k in KINDS.values() if k.ten_loai}


def by_title(title: str) -> Kind | None:
    """The kind whose tên loại is `title` ("QUYẾT ĐỊNH", "Kế hoạch"), for reading a
    document back; None when no kind has that title. Two kinds sharing a title
    (Mẫu 1.2 and 1.3) give the first defined."""
    return _BY_TITLE.get(_fold(title))


def by_code(ma: str) -> Kind | None:
    """The kind whose type code is `ma` ("KH", "TTr"; the case of the table matters
    little to a reader: "TTR" is found too)."""
    for kind in KINDS.values():
        if kind.ma and kind.ma.upper() == ma.upper():
            return kind
    return None
