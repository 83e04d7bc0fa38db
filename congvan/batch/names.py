"""Output file names: from a pattern, safe on every system, never outside the folder.

    {so}-{ky_hieu}-{ngay}      05-STTTT-VP-2026-03-05, du-thao-STTTT-VP-2026-03 (a draft)

Fields: so, ky_hieu, ngay, nam, thang, ten (the input file's name), dong (the row of
the data table), and every variable of a template.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any, Mapping

from ..model import CongVan

DEFAULT_NAME = "{so}-{ky_hieu}-{ngay}"
DRAFT = "du-thao"  # the số of a dispatch not yet issued
_FIELD = re.compile(r"\{([^{}]*)\}")
_UNSAFE = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|\s]+')
_RESERVED = re.compile(r"^(con|prn|aux|nul|com\d|lpt\d)(\.|$)", re.IGNORECASE)  # Windows device names
MAX_BYTES = 150  # well under the 255 bytes of common file systems, with room for "-2.docx"


class PatternError(ValueError):
    """The pattern names a field that this dispatch has not got."""


def fields(cv: CongVan, stem: str, row: int | None, values: Mapping[str, Any] | None) -> dict[str, str]:
    ngay = cv.ngay
    parts = [f"{ngay.nam:04d}"] + [f"{p:02d}" for p in (ngay.thang, ngay.ngay) if p is not None]
    out = {k: _text(v) for k, v in (values or {}).items() if not isinstance(v, (dict, list))}
    out.update(
        so=f"{cv.so:02d}" if cv.so is not None else DRAFT,
        ky_hieu=cv.ky_hieu,
        ngay="-".join(parts),
        nam=f"{ngay.nam:04d}",
        thang=f"{ngay.thang:02d}" if ngay.thang else "",
        ten=stem,
        dong=str(row) if row is not None else "",
    )
    return out


def _text(value: Any) -> str:
    return "" if value is None else str(value)


BUILT_IN = ("so", "ky_hieu", "ngay", "nam", "thang", "ten", "dong")


def pattern_fields(pattern: str) -> list[str]:
    return [match.strip() for match in _FIELD.findall(pattern)]


def expand(pattern: str, values: Mapping[str, str]) -> str:
    def one(match: re.Match[str]) -> str:
        key = match[1].strip()
        if key not in values:
            raise PatternError(unknown_field(pattern, key))
        return values[key]

    return _FIELD.sub(one, pattern)


def unknown_field(pattern: str, key: str) -> str:
    return (f"mẫu tên tệp '{pattern}' dùng '{{{key}}}', không có trường hay biến này "
            f"(dùng {', '.join(BUILT_IN)} hoặc tên một biến)")


def safe_name(text: str) -> str:
    """A file name without folders, unsafe characters or a leading dot; never empty."""
    text = unicodedata.normalize("NFC", text)
    # Invisible format characters (zero-width, direction marks) never reach a file name.
    if not text.isascii():  # ASCII has none
        text = "".join(char for char in text if unicodedata.category(char) != "Cf")
    text = _UNSAFE.sub("-", text)
    text = re.sub(r"-{2,}", "-", text).strip("-. ")
    while len(text.encode("utf-8")) > MAX_BYTES:
        text = text[:-1]
    text = text.rstrip("-. ")
    if _RESERVED.match(text):
        text = "_" + text
    return text or "cong-van"
