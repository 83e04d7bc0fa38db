"""Writing a .docx (a zip) deterministically, with parts compressed ahead of time."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib



REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOS_DATE = (0 << 9) | (1 << 5) | 1  # 1980-01-01, the earliest a zip can hold
_DOS_TIME = 0


def deflate(data: bytes) -> tuple[int, int, bytes]:
    """(crc32, size, raw deflate stream) of one part, as zipfile writes it at level 6."""
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    return zlib.crc32(data), len(data), packer.compress(data) + packer.flush()


def write_zip(parts: list[tuple[str, bytes]], deflated: dict[str, tuple[int, int, bytes]] | None = None) -> bytes:
    """A zip whose bytes depend only on the parts: fixed times, fixed order.

    `deflated` holds parts compressed beforehand (a template's unchanged parts), so a
    batch compresses only what changes per document. The bytes are those zipfile
    writes (version 2.0, deflate, 1980-01-01, mode 644).
    """
    deflated = deflated or {}
    out = io.BytesIO()
    central = []
    for name, data in parts:
        crc, size, packed = deflated.get(name) or deflate(data)
        raw_name = name.encode("utf-8")
        flags = 0 if name.isascii() else 0x800  # bit 11: the name is UTF-8
        common = (flags, zipfile.ZIP_DEFLATED, _DOS_TIME, _DOS_DATE, crc, len(packed), size, len(raw_name), 0)
        # zipfile's structCentralDir and structFileHeader, version 2.0 made on MS-DOS.
        central.append(struct.pack("<4s4B4HL2L5H2L", b"PK\x01\x02", 20, 0, 20, 0, *common, 0, 0, 0, 0o644 << 16, out.tell()) + raw_name)
        out.write(struct.pack("<4s2B4HL2L2H", b"PK\x03\x04", 20, 0, *common) + raw_name + packed)
    start = out.tell()
    directory = b"".join(central)
    out.write(directory)
    out.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(central), len(central), len(directory), start, 0))
    return out.getvalue()
