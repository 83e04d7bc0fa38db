"""Dates as dispatches write them, with NĐ 30's zero padding (Phụ lục I, I.5b:
day below 10 and months 1 and 2 take a leading zero)."""

from __future__ import annotations

import datetime as dt

DRAFT_BLANK = " " * 8


def pad_ngay(day: int) -> str:
    return f"{day:02d}"


def pad_thang(month: int) -> str:
    return f"{month:02d}" if month < 3 else str(month)


def ngay_thang_nam(ngay: int | None, thang: int | None, nam: int, blank: str = DRAFT_BLANK) -> str:
    """'ngày 05 tháng 3 năm 2021'; a missing day or month is left blank for a draft."""
    d = blank if ngay is None else pad_ngay(ngay)
    m = blank if thang is None else pad_thang(thang)
    return f"ngày {d} tháng {m} năm {nam}"


def ngay_ngan(value: dt.date) -> str:
    """'05/3/2021': the short form, with the same padding."""
    return f"{pad_ngay(value.day)}/{pad_thang(value.month)}/{value.year}"
