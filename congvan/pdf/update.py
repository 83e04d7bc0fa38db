"""The document information of a converted PDF, set by an incremental update.

Rewriting the whole file with pypdf costs a batch more than LibreOffice's own time
spent on a page; LibreOffice's PDF only needs its document information replaced and
its clock-dependent bytes made fixed. So the file is kept as written, with

- the values that vary from run to run overwritten in place, byte for byte the same
  length (the creation time of the old information, the trailer's /ID and
  LibreOffice's /DocChecksum), so that the same dispatch gives the same bytes;
- one update appended (ISO 32000-1, 7.5.6): the new information under the old
  object's number, a cross-reference section for it and a trailer pointing back.

pypdf writes the objects; a file not shaped as LibreOffice writes it (a
cross-reference stream, no information dictionary) gets None, and the caller
rewrites it whole instead.
"""

from __future__ import annotations

import io
import re
from typing import Any

from pypdf import PdfReader
from pypdf.generic import ArrayObject, ByteStringObject, DictionaryObject, IndirectObject, NameObject, NumberObject, TextStringObject

_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_ID = re.compile(rb"(/ID\s*\[\s*<)([0-9A-Fa-f]{32})(>\s*<)([0-9A-Fa-f]{32})(>\s*\])")
_CHECKSUM = re.compile(rb"(/DocChecksum\s*/)([0-9A-Fa-f]{32})")
_DATE = re.compile(rb"(/(?:CreationDate|ModDate)\s*\(D:)(\d{4,14})")


def with_information(data: bytes, reader: PdfReader, info: dict[str, str], digest: bytes) -> bytes | None:
    """`data` with `info` as its document information and `digest` (16 bytes) as its
    identifier; None when the file is not one this can update."""
    tail = _STARTXREF.search(data[-64:])
    if tail is None or not data[int(tail[1]):].startswith(b"xref"):
        return None  # a cross-reference stream: not LibreOffice's plain layout
    found = _information(data, reader)
    root = reader.trailer.raw_get("/Root")
    size = reader.trailer.get("/Size")
    if found is None or not isinstance(root, IndirectObject) or not isinstance(size, int):
        return None
    old, start, end = found
    fixed = _fixed(data, digest, start, end)
    if fixed is None:
        return None
    identifier = ByteStringObject(digest)
    obj = DictionaryObject({NameObject(k): TextStringObject(v) for k, v in info.items()})
    out = io.BytesIO()
    out.write(fixed if fixed.endswith(b"\n") else fixed + b"\n")
    offset = out.tell()
    out.write(f"{old.idnum} 0 obj\n".encode())
    obj.write_to_stream(out)
    out.write(b"\nendobj\n")
    xref = out.tell()
    # 20-byte entries (7.5.4): the head of the free list, as the first table had it
    # (readers take a table not starting at 0 for a misnumbered one), then the new
    # information object.
    out.write(f"xref\n0 1\n0000000000 65535 f \n{old.idnum} 1\n{offset:010d} 00000 n \n".encode())
    trailer = DictionaryObject({
        NameObject("/Size"): NumberObject(size),
        NameObject("/Root"): root,
        NameObject("/Info"): old,
        NameObject("/Prev"): NumberObject(int(tail[1])),
        NameObject("/ID"): ArrayObject([identifier, identifier]),
    })
    out.write(b"trailer\n")
    trailer.write_to_stream(out)
    out.write(f"\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


_PRODUCER = re.compile(rb"/Producer\s*<([0-9A-Fa-f\s]*)>")


def producer(data: bytes, reader: PdfReader) -> str | None:
    """The /Producer of the document information, read from the bytes when it is a
    hexadecimal string as LibreOffice writes it (pypdf decodes those a digit at a
    time); None otherwise, for the caller to ask pypdf."""
    info = _information(data, reader)
    found = _PRODUCER.search(data, info[1], info[2]) if info is not None else None
    if found is None:
        return None
    raw = bytes.fromhex(found[1].decode("ascii"))
    if raw.startswith(b"\xfe\xff"):
        return raw[2:].decode("utf-16-be", errors="replace")
    return None  # PDFDocEncoding: pypdf's to read


def _information(data: bytes, reader: PdfReader) -> tuple[IndirectObject, int, int] | None:
    """The trailer's information object and where its bytes lie (`data[start:end]`,
    up to its `endobj`); None when it is not a plain object of generation 0."""
    old = reader.trailer.raw_get("/Info") if "/Info" in reader.trailer else None
    if not isinstance(old, IndirectObject) or old.generation != 0:
        return None
    start = reader.xref.get(0, {}).get(old.idnum)
    if not isinstance(start, int):
        return None
    end = data.find(b"endobj", start)
    return (old, start, end) if end >= 0 else None


def _fixed(data: bytes, digest: bytes, start: int, end: int) -> bytes | None:
    """The bytes that depend on the clock replaced, each by as many bytes: the dates
    of the old information object (`data[start:end]`), which no reader looks at
    once superseded, become zeros; the identifier and checksum, `digest`."""
    hexed = digest.hex().upper().encode()
    old = _DATE.sub(lambda m: m[1] + b"0" * len(m[2]), data[start:end])
    data = data[:start] + old + data[end:]
    data, ids = _ID.subn(lambda m: m[1] + hexed + m[3] + hexed + m[5], data)
    if ids != 1:
        return None
    return _CHECKSUM.sub(lambda m: m[1] + hexed, data)

