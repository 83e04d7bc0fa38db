"""Clean Unicode on the way in: NFC, and no characters a DOCX cannot hold."""

from __future__ import annotations

import re
import unicodedata

from ..errors import TextError

# XML 1.0 forbids C0 controls other than tab, newline and carriage return.
_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean_text(value: str, field: str = "", convert_legacy: bool = False) -> str:
    bad = _FORBIDDEN.search(value)
    if bad:
        code = f"U+{ord(bad.group()):04X}"
        raise TextError(f"có ký tự điều khiển {code} không thể ghi vào DOCX", field)
    return unicodedata.normalize("NFC", value.replace("\r\n", "\n"))
