"""Vietnamese text craft: numbers and money in words, number and date formats, and
clean Unicode (NFC, no control characters, no legacy TCVN3/VNI text)."""

from .dates import date_parts, format_date, ngay_ngan, ngay_thang_nam, pad_ngay, pad_thang
from .formats import format_number, tien
from .legacy import convert_legacy, detect_legacy
from .numbers import parse_so, so_thanh_chu, tien_thanh_chu
from .text import clean_text

__all__ = [
    "clean_text", "convert_legacy", "date_parts", "detect_legacy", "format_date",
    "format_number", "ngay_ngan", "ngay_thang_nam", "pad_ngay", "pad_thang", "parse_so",
    "so_thanh_chu", "tien", "tien_thanh_chu",
]
