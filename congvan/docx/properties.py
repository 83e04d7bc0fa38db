"""The kind a layout template is made for, kept as a custom document property.

`congvan template export --loai quyet_dinh` writes the property `congvan_loai` with
the value `quyet_dinh` into `docProps/custom.xml`. Word (File › Info › Properties › Advanced
Properties › Custom) and LibreOffice (File › Properties › Custom Properties) show it
and keep it when the văn thư saves the template; a template without it has
its kind read from its tags (`congvan.docx.tags.fitting_kinds`).
"""

from __future__ import annotations

from typing import Iterator, cast

from lxml import etree

from .package import REL_NS

PROPERTY = "congvan_loai"
PART = "docProps/custom.xml"
_CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
_CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
# The format id every custom property of an Office document carries.
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"


def _xml(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def recorded_kind(parts: dict[str, bytes]) -> str | None:
    """The value of `congvan_loai` in a template's parts, as written (None: absent)."""
    data = parts.get(PART)
    if not data:
        return None
    try:
        root = etree.fromstring(data)
    except etree.XMLSyntaxError:
        return None
    for prop in root.iter(f"{{{_CUSTOM_NS}}}property"):
        if prop.get("name") == PROPERTY:
            value = "".join(cast(Iterator[str], prop.itertext())).strip()  # text of a parsed part is str
            return value or None
    return None


def with_kind(parts: list[tuple[str, bytes]], loai: str) -> list[tuple[str, bytes]]:
    """The parts of a template with `congvan_loai` set to `loai` (other custom
    properties kept), the part declared in the content types and the package's
    relationships."""
    content = dict(parts)
    if PART in content:
        root = etree.fromstring(content[PART])
    else:
        # lxml takes None for the default namespace's prefix; lxml-stubs types the keys as str.
        root = etree.Element(f"{{{_CUSTOM_NS}}}Properties", nsmap={None: _CUSTOM_NS, "vt": _VT_NS})  # type: ignore[dict-item]
    props = list(root.iter(f"{{{_CUSTOM_NS}}}property"))
    for prop in props:
        if prop.get("name") == PROPERTY:
            root.remove(prop)
    pid = max([int(p.get("pid", "1")) for p in props if p.get("name") != PROPERTY] + [1]) + 1
    prop = etree.SubElement(root, f"{{{_CUSTOM_NS}}}property", fmtid=_FMTID, pid=str(pid), name=PROPERTY)
    etree.SubElement(prop, f"{{{_VT_NS}}}lpwstr").text = loai
    replaced = {PART: _xml(root)}
    if PART not in content:
        types = etree.fromstring(content["[Content_Types].xml"])
        etree.SubElement(types, f"{{{_CT_NS}}}Override", PartName=f"/{PART}", ContentType=_CONTENT_TYPE)
        rels = etree.fromstring(content["_rels/.rels"])
        taken = {r.get("Id") for r in rels}
        rel_id = next(f"rIdCv{i}" for i in range(1, len(taken) + 2) if f"rIdCv{i}" not in taken)
        etree.SubElement(rels, f"{{{REL_NS}}}Relationship", Id=rel_id, Type=_REL_TYPE, Target=PART)
        replaced["[Content_Types].xml"] = _xml(types)
        replaced["_rels/.rels"] = _xml(rels)
    out = [(n, replaced.get(n, d)) for n, d in parts]
    return out if PART in content else out + [(PART, replaced[PART])]
