"""Vietnamese text craft: dates, numbers and clean Unicode."""

from .dates import ngay_ngan, ngay_thang_nam, pad_ngay, pad_thang
from .text import clean_text

__all__ = ["clean_text", "ngay_ngan", "ngay_thang_nam", "pad_ngay", "pad_thang"]
