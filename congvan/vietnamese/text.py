"""Clean Unicode on the way in: NFC, no characters a DOCX cannot hold, and no
Vietnamese typed in a legacy encoding (TCVN3, VNI) passing for Unicode."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..errors import TextError
from .legacy import convert_legacy as _convert, detect_legacy

# XML 1.0 (the text of a DOCX) forbids C0 controls other than tab, newline and
# carriage return, lone surrogates, and U+FFFE/U+FFFF.
_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Bidirectional overrides and isolates show text in another order than it is stored
# ("Trojan source"): no Vietnamese text needs them.
_BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069]")


def clean_text(value: str, field: str = "", convert_legacy: bool = False) -> str:
    """`value` in NFC with Windows line ends made plain.

    Raises TextError naming `field` for a control character, and for text typed in
    TCVN3 or VNI unless `convert_legacy`, in which case that text is converted.
    """
    if len(value) <= _CACHED_CHARS:
        try:
            return _clean_short(value, convert_legacy)
        except TextError as exc:
            raise TextError(exc.message, field) from None
    return _clean(value, field, convert_legacy)


_CACHED_CHARS = 512  # a mail merge repeats its short texts in every document


@lru_cache(maxsize=4096)
def _clean_short(value: str, convert_legacy: bool) -> str:
    return _clean(value, "", convert_legacy)


def _clean(value: str, field: str, convert_legacy: bool) -> str:
    bad = _FORBIDDEN.search(value)
    if bad:
        code = f"U+{ord(bad.group()):04X}"
        raise TextError(f"có ký tự điều khiển {code} không thể ghi vào DOCX", field)
    bidi = _BIDI.search(value)
    if bidi:
        raise TextError(f"có ký tự đổi hướng chữ U+{ord(bidi.group()):04X}, làm chữ hiện khác với chữ đã gõ", field)
    text = unicodedata.normalize("NFC", value.replace("\r\n", "\n"))
    legacy = detect_legacy(text)
    if legacy is None:
        return text
    if legacy.mixed:
        raise TextError(
            f"văn bản lẫn chữ Unicode với chữ gõ bằng bảng mã {legacy.name} "
            f"('{legacy.word}' là '{legacy.reading}'); không tự chuyển được: hãy chuyển "
            "cả đoạn sang Unicode (ví dụ bằng công cụ chuyển mã của Unikey)",
            field,
        )
    if convert_legacy:
        return _convert(text, legacy.encoding)
    raise TextError(
        f"văn bản có vẻ gõ bằng bảng mã {legacy.name}, không phải Unicode "
        f"('{legacy.word}' là '{legacy.reading}'); chạy lại với --convert-legacy "
        "(trong Python: congvan.load(tệp, convert_legacy=True)) để tự chuyển sang Unicode",
        field,
    )
