"""Reading a .docx template into memory and writing a .docx deterministically."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from lxml import etree

from .wml import R_NS, W_NS, w

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


@dataclass
class TemplatePackage:
    """The parts of a layout template, with what the writer replaces located."""

    parts: list[tuple[str, bytes]]
    section: etree._Element  # w:sectPr of the template's body: page set-up, header/footer refs
    first_footer: str | None  # part name of the page-1 footer (ô 13 goes there)
    _deflated: dict[str, tuple[int, int, bytes]] | None = field(default=None, repr=False, compare=False)

    @classmethod
    def from_bytes(cls, data: bytes) -> "TemplatePackage":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = [(info.filename, archive.read(info)) for info in archive.infolist()]
        content = dict(parts)
        document = etree.fromstring(content["word/document.xml"])
        section = document.find(f"{w('body')}/{w('sectPr')}")
        if section is None:
            section = etree.Element(w("sectPr"))
        rels = etree.fromstring(content["word/_rels/document.xml.rels"])
        targets = {rel.get("Id"): rel.get("Target") for rel in rels.iter(f"{{{REL_NS}}}Relationship")}
        first_footer = None
        for ref in section.iter(w("footerReference")):
            if ref.get(w("type")) == "first":
                target = targets.get(ref.get(f"{{{R_NS}}}id"))
                if target:
                    first_footer = str(PurePosixPath("word") / target)
        return cls(parts, section, first_footer)

    @classmethod
    def from_path(cls, path: Path) -> "TemplatePackage":
        return cls.from_bytes(Path(path).read_bytes())

    def build(self, replacements: dict[str, bytes]) -> bytes:
        if self._deflated is None:
            # Compressed once per template: the unchanged parts (styles alone are
            # 400 kB) dominate the cost of a document otherwise.
            self._deflated = {name: deflate(data) for name, data in self.parts}
        unchanged = {name: packed for name, packed in self._deflated.items() if name not in replacements}
        return write_zip([(name, replacements.get(name, data)) for name, data in self.parts], unchanged)


def document_xml(blocks: list[etree._Element], section: etree._Element) -> bytes:
    nsmap = {"w": W_NS, "r": R_NS}
    root = etree.Element(w("document"), nsmap=nsmap)
    body = etree.SubElement(root, w("body"))
    for block in blocks:
        body.append(block)
    body.append(_copy(section))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def part_xml(tag: str, blocks: list[etree._Element]) -> bytes:
    root = etree.Element(w(tag), nsmap={"w": W_NS, "r": R_NS})
    for block in blocks:
        root.append(block)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _copy(element: etree._Element) -> etree._Element:
    return etree.fromstring(etree.tostring(element))
