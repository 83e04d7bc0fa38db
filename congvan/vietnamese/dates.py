"""Dates as dispatches write them, with NĐ 30's zero padding (Phụ lục I, II.4b:
day below 10 and months 1 and 2 take a leading zero).

    ngày 05 tháng 3 năm 2021      the full form (ô 4 of the layout, and in the text)
    05/3/2021                     the short form
    ngày        tháng 3 năm 2021  a draft: the day (and the month) left blank
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..errors import TextError

DRAFT_BLANK = " " * 8

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_VIET = re.compile(r"(?:(\d{1,2})/)?(\d{1,2})/(\d{4})")
_YEAR = re.compile(r"\d{4}")

Parts = tuple[int | None, int | None, int]


def pad_ngay(day: int) -> str:
    return f"{day:02d}"


def pad_thang(month: int) -> str:
    return f"{month:02d}" if month < 3 else str(month)


def _check(ngay: int | None, thang: int | None, nam: int) -> Parts:
    if not 1 <= nam <= 9999:
        raise TextError(f"năm {nam} không hợp lệ")
    if thang is not None and not 1 <= thang <= 12:
        raise TextError(f"tháng {thang} không tồn tại")
    if ngay is not None:
        if thang is None:
            raise TextError("có ngày thì phải có tháng")
        try:
            dt.date(nam, thang, ngay)
        except ValueError:
            raise TextError(f"ngày {ngay:02d}/{thang:02d}/{nam} không tồn tại") from None
    return ngay, thang, nam


def date_parts(value: Any) -> Parts:
    """(day, month, year) of a date, a datetime, a `Ngay` (or anything with `ngay`,
    `thang`, `nam`), a dict with those keys, or a text: 2021-03-05, 05/03/2021,
    03/2021 or 2021. A missing day or month is None (a draft)."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.day, value.month, value.year
    if isinstance(value, dict):
        try:
            return _check(value.get("ngay"), value.get("thang"), value["nam"])
        except KeyError:
            raise TextError("ngày phải có năm ('nam')") from None
    if all(hasattr(value, name) for name in ("ngay", "thang", "nam")):
        return _check(value.ngay, value.thang, value.nam)
    if isinstance(value, str):
        text = value.strip()
        if match := _ISO.fullmatch(text):
            return _check(int(match[3]), int(match[2]), int(match[1]))
        if match := _VIET.fullmatch(text):
            day = int(match[1]) if match[1] else None
            return _check(day, int(match[2]), int(match[3]))
        if _YEAR.fullmatch(text):
            return _check(None, None, int(text))
        raise TextError(f"ngày '{text}' không đúng dạng: dùng 2021-03-05, 05/03/2021, 03/2021 hoặc 2021")
    raise TextError(f"không đọc được {type(value).__name__} {value!r} thành ngày")


def ngay_thang_nam(ngay: int | None, thang: int | None, nam: int, blank: str = DRAFT_BLANK) -> str:
    """'ngày 05 tháng 3 năm 2021'; a missing day or month is left blank for a draft."""
    _check(ngay, thang, nam)
    d = blank if ngay is None else pad_ngay(ngay)
    m = blank if thang is None else pad_thang(thang)
    return f"ngày {d} tháng {m} năm {nam}"


def ngay_ngan(value: Any, blank: str = DRAFT_BLANK) -> str:
    """'05/3/2021': the short form, with the same padding and the same blanks."""
    ngay, thang, nam = date_parts(value)
    d = blank if ngay is None else pad_ngay(ngay)
    m = blank if thang is None else pad_thang(thang)
    return f"{d}/{m}/{nam}"


def format_date(value: Any, kieu: str = "day_du", blank: str = DRAFT_BLANK) -> str:
    """A date in a dispatch's words: kieu "day_du" gives 'ngày 05 tháng 3 năm 2021',
    "ngan" gives '05/3/2021'. Accepts whatever `date_parts` accepts."""
    if kieu == "day_du":
        return ngay_thang_nam(*date_parts(value), blank=blank)
    if kieu == "ngan":
        return ngay_ngan(value, blank=blank)
    raise ValueError(f"kieu phải là 'day_du' hoặc 'ngan', không phải {kieu!r}")
