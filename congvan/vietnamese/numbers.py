"""Numbers and money in words, as dispatches write them: `200.000.000 đồng (Hai trăm
triệu đồng)`.

The reading itself is num2words' Vietnamese converter with its errors fixed
(`lang_vi.Num2Word_VI`, offered upstream); this layer adds what a dispatch needs:
Vietnamese notation in (`1.500.000`, `1,5`), the "linh"/"tư" defaults, strict input
(no float: a legal amount is never approximate) and the "Bằng chữ" money form.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from ..errors import TextError
from .lang_vi import Num2Word_VI

_CONVERTER = Num2Word_VI()

# Vietnamese notation: "." groups thousands (exactly three digits a group), "," marks
# decimals. "1500000" (no grouping) is accepted too; "1.5" and "1,500" are refused as
# ambiguous rather than guessed.
_VIET_NUMBER = re.compile(r"([+\-−]?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?")

_LINH = {"linh": "linh", "lẻ": "lẻ"}
_TU = {"tư": "tư", "bốn": "bốn"}
_THAP_PHAN = {"so": "number", "chu_so": "digits"}


class NumberTypeError(TextError, TypeError):
    """A value of a type that cannot be read as a number (float, bool, None…)."""


def parse_so(value: Any, field: str = "") -> Decimal:
    """An int, a Decimal or a string in Vietnamese notation, as an exact Decimal."""
    if isinstance(value, bool) or not isinstance(value, (int, Decimal, str)):
        hint = " (số thực float không chính xác: dùng Decimal hoặc chuỗi như '1,5')" if isinstance(value, float) else ""
        raise NumberTypeError(f"không đọc được {type(value).__name__} {value!r} thành số{hint}", field)
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise TextError(f"{value} không phải là một số", field)
        return value
    text = value.strip()
    match = _VIET_NUMBER.fullmatch(text)
    if not match:
        raise TextError(
            f"'{value}' không phải số viết theo cách Việt Nam: dấu chấm ngăn hàng nghìn, "
            "dấu phẩy trước phần thập phân, ví dụ 1.500.000 hoặc 1.234,56",
            field,
        )
    sign, whole, fraction = match.groups()
    if fraction and len(fraction) == 3 and "." not in whole and not whole.startswith("0") and len(whole) <= 3:
        # "1,500" is 1,5 in Vietnamese notation but 1500 in English: a legal amount
        # is never guessed.
        raise TextError(
            f"'{value}' dễ nhầm: theo cách viết tiếng Anh đó là {whole}.{fraction}; hãy viết {whole}.{fraction} "
            f"nếu là số nguyên, hoặc thêm một số 0 ở cuối ({whole},{fraction}0) nếu là số thập phân",
            field,
        )
    try:
        number = Decimal(whole.replace(".", "") + ("." + fraction if fraction else ""))
    except InvalidOperation:  # pragma: no cover - the pattern admits digits only
        raise TextError(f"'{value}' không phải là một số", field) from None
    return -number if sign in ("-", "−") else number


def _choice(value: str, allowed: dict[str, str], name: str) -> str:
    if value not in allowed:
        raise ValueError(f"{name} phải là một trong {', '.join(map(repr, allowed))}, không phải {value!r}")
    return allowed[value]


def so_thanh_chu(value: Any, *, linh: str = "linh", tu: str = "tư", thap_phan: str = "so") -> str:
    """A number in words, by the standard reading.

    linh: "linh" or "lẻ" for a zero tens digit (một trăm linh năm);
    tu: "tư" or "bốn" for a final 4 after a tens digit of 2 and above (hai mươi tư);
    thap_phan: "so" reads the decimals as a number (một phẩy hai mươi lăm), "chu_so"
    digit by digit (một phẩy hai năm).
    """
    number = parse_so(value)
    try:
        return _CONVERTER.to_cardinal(
            number,
            zero_tens=_choice(linh, _LINH, "linh"),
            four=_choice(tu, _TU, "tu"),
            decimal=_choice(thap_phan, _THAP_PHAN, "thap_phan"),
        )
    except OverflowError:
        raise TextError(f"số {value} quá lớn để đọc thành chữ (tối đa dưới 10^21)") from None


def tien_thanh_chu(
    value: Any,
    don_vi: str = "đồng",
    *,
    chan: bool = False,
    don_vi_le: str | None = None,
    linh: str = "linh",
    tu: str = "tư",
) -> str:
    """An amount as written after "Bằng chữ:": 'Hai trăm triệu đồng'.

    chan: add "chẵn" when the amount has no decimals ('Hai trăm triệu đồng chẵn');
    don_vi_le: the minor unit (e.g. "xu" for đô la Mỹ): decimals are then read as
    hundredths of it ('Mười đô la Mỹ năm mươi xu') and must not go beyond two digits;
    without it decimals are read after "phẩy", before the unit.
    """
    number = parse_so(value)
    if not don_vi.strip():
        raise ValueError("don_vi không được để trống")
    negative, whole, fraction = Num2Word_VI.split(number)
    if don_vi_le is None or not fraction:
        words = f"{so_thanh_chu(number, linh=linh, tu=tu)} {don_vi}"
    else:
        if len(fraction) > 2:
            raise TextError(f"số tiền {value} có quá hai chữ số lẻ cho đơn vị '{don_vi_le}'")
        minor = int(fraction.ljust(2, "0"))
        words = (f"{so_thanh_chu(whole, linh=linh, tu=tu)} {don_vi} "
                 f"{so_thanh_chu(minor, linh=linh, tu=tu)} {don_vi_le}")
        if negative:
            words = f"âm {words}"
    if chan and not fraction:
        words += " chẵn"
    return words[0].upper() + words[1:]
