"""Numbers in Vietnamese notation: `1.500.000`, `1.234,56` (dot between thousands,
comma before decimals), and the money form dispatches write: `200.000.000 đồng (Hai
trăm triệu đồng)`."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from .numbers import parse_so, tien_thanh_chu


def format_number(value: Any, decimals: int | None = None) -> str:
    """'1.500.000', '1.234,56', '-0,5'. decimals: round half up to that many
    places (and pad with zeros); None keeps the decimals as given."""
    number = parse_so(value)
    if decimals is not None:
        if decimals < 0:
            raise ValueError("decimals phải là số không âm")
        number = number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    text = format(abs(number), "f")
    whole, _, fraction = text.partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    sign = "-" if number < 0 and (int(whole) or fraction.strip("0")) else ""
    return sign + grouped + (f",{fraction}" if fraction else "")


def tien(value: Any, don_vi: str = "đồng", *, chan: bool = False) -> str:
    """'200.000.000 đồng (Hai trăm triệu đồng)': the amount in figures, then in words."""
    return f"{format_number(value)} {don_vi} ({tien_thanh_chu(value, don_vi, chan=chan)})"
