"""Writing a .docx (a zip) deterministically, with parts compressed ahead of time."""

from __future__ import annotations

import struct
import zipfile
import zlib
from functools import lru_cache
from typing import NamedTuple

REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOS_DATE = (0 << 9) | (1 << 5) | 1  # 1980-01-01, the earliest a zip can hold
_DOS_TIME = 0


class Deflated(NamedTuple):
    crc: int
    size: int
    data: bytes  # the raw deflate stream


def deflate(data: bytes) -> Deflated:
    """(crc32, size, raw deflate stream) of one part, as zipfile writes it at level 6."""
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    return Deflated(zlib.crc32(data), len(data), packer.compress(data) + packer.flush())


class Deflater:
    """`deflate` for the successive versions of one templated part (a dispatch's
    footer, its document.xml), not compressing again a version equal to the last one:
    a mail merge's footers and headers are the same in every document. Keeps one
    version; safe to share between threads."""

    def __init__(self) -> None:
        self._last: tuple[bytes, Deflated] | None = None

    def __call__(self, data: bytes) -> Deflated:
        last = self._last
        if last is not None and last[0] == data:
            return last[1]
        done = deflate(data)
        self._last = (data, done)
        return done


def write_zip(parts: list[tuple[str, bytes]], deflated: dict[str, Deflated] | None = None) -> bytes:
    """A zip whose bytes depend only on the parts: fixed times, fixed order.

    `deflated` holds parts compressed beforehand (a template's unchanged parts), so a
    batch compresses only what changes per document. The bytes are those zipfile
    writes (version 2.0, deflate, 1980-01-01, mode 644).
    """
    deflated = deflated or {}
    out: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for name, data in parts:
        crc, size, packed = deflated.get(name) or deflate(data)
        local, entry = _headers(name, crc, len(packed), size)
        central += (entry, _OFFSET.pack(offset), local[30:])  # the name after the offset
        out += (local, packed)
        offset += len(local) + len(packed)
    directory = b"".join(central)
    count = len(parts)
    out += (directory, struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, count, count, len(directory), offset, 0))
    return b"".join(out)


_OFFSET = struct.Struct("<L")


@lru_cache(maxsize=1024)  # a template's parts are the same in every document
def _headers(name: str, crc: int, packed: int, size: int) -> tuple[bytes, bytes]:
    """A part's local header with its name, and its central directory entry up to
    the offset of the local header."""
    raw_name = name.encode("utf-8")
    flags = 0 if name.isascii() else 0x800  # bit 11: the name is UTF-8
    common = (flags, zipfile.ZIP_DEFLATED, _DOS_TIME, _DOS_DATE, crc, packed, size, len(raw_name), 0)
    # zipfile's structFileHeader and structCentralDir, version 2.0 made on MS-DOS.
    local = struct.pack("<4s2B4HL2L2H", b"PK\x03\x04", 20, 0, *common) + raw_name
    entry = struct.pack("<4s4B4HL2L5H2L", b"PK\x01\x02", 20, 0, 20, 0, *common, 0, 0, 0, 0o644 << 16, 0)[:-4]
    return local, entry
