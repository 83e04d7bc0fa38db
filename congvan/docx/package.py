"""Reading a .docx template into memory and writing a .docx deterministically."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from lxml import etree

from .wml import R_NS, W_NS, w

REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def write_zip(parts: list[tuple[str, bytes]]) -> bytes:
    """A zip whose bytes depend only on the parts: fixed times, fixed order."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 0
            archive.writestr(info, data, compresslevel=6)
    return buffer.getvalue()


@dataclass
class TemplatePackage:
    """The parts of a layout template, with what the writer replaces located."""

    parts: list[tuple[str, bytes]]
    section: etree._Element  # w:sectPr of the template's body: page set-up, header/footer refs
    first_footer: str | None  # part name of the page-1 footer (ô 13 goes there)

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
        return write_zip([(name, replacements.get(name, data)) for name, data in self.parts])


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
