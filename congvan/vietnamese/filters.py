"""The Vietnamese text functions as Jinja filters, for content templates."""

from __future__ import annotations

import datetime as dt

from .dates import ngay_thang_nam


def ngay(value: dt.date) -> str:
    return ngay_thang_nam(value.day, value.month, value.year)


FILTERS = {"ngay": ngay}
