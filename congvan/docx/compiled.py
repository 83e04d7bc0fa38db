"""A docxtpl layout template, compiled once and rendered many times.

docxtpl renders a template by loading the .docx, cleaning its XML (tags that Word
split across runs, smart quotes inside tags, paragraph tags `{{p x }}`), compiling
it with Jinja2, rendering, re-parsing and saving: each step per document. Here the
cleaning is docxtpl's own (`DocxTemplate.patch_xml`) and the Jinja compilation are
done once per template; a document then costs one Jinja render per templated part
and a zip. The context gives plain texts (escaped by Jinja) and, for the blocks built
from data (`{{p noi_dung }}`…), ready WordprocessingML as `Markup`.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from functools import cached_property
from typing import Callable, Mapping, Sequence, cast
from pathlib import PurePosixPath

from docxtpl import DocxTemplate
from jinja2 import StrictUndefined, Template, TemplateError, TemplateSyntaxError, UndefinedError, meta
from jinja2.sandbox import SandboxedEnvironment
from lxml import etree

from ..errors import CongVanError
from ..explain import jinja_reason
from ..resources import zip_problem
from .package import REL_NS, Deflated, Deflater, deflate, write_zip
from .properties import recorded_kind
from .styles import KIND_STYLES, RULE_STYLE_ID, RULE_STYLE_NAME, STYLES
from .wml import w

TEMPLATED_PART = re.compile(r"^word/(document|header\d*|footer\d*)\.xml$")
_CONTENT_TYPES = "[Content_Types].xml"
_DOCUMENT_RELS = "word/_rels/document.xml.rels"
_IMAGE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
_CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
# A paragraph tag as the author typed it, before docxtpl's cleaning: `{{p name }}`.
_BLOCK_TAG = re.compile(r"\{\{p\s+(\w+)\s*\}\}")
# The header's column widths, filled per dispatch (`congvan.typeset.header`): not a
# tag of the data, so never listed as one.
HEADER_COLUMNS = "cot_tieu_de"
_AGENCY_TAG = re.compile(r"\{\{p?\s*co_quan(_ban_hanh)?\s*\}\}")


class TemplateFileError(CongVanError):
    """A layout template that cannot be used, with the reason in Vietnamese."""

    def __init__(self, source: str, message: str) -> None:
        super().__init__(f"{source}: {message}")
        self.source = source
        self.message = message


def _environment() -> SandboxedEnvironment:
    # Sandboxed: a template from elsewhere cannot reach Python internals; strict: a
    # tag naming nothing is an error, not an empty space in a legal document.
    return SandboxedEnvironment(autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True)


_PATCHER = DocxTemplate.__new__(DocxTemplate)  # patch_xml needs no loaded document


@dataclass
class CompiledTemplate:
    """The parts of a template; its document, headers and footers compiled."""

    source: str
    parts: list[tuple[str, bytes]]
    templates: dict[str, Template] = field(default_factory=dict)  # part name → jinja Template
    variables: set[str] = field(default_factory=set)  # every name the tags use
    block_widths: dict[str, int] = field(default_factory=dict)  # `{{p x }}` → its cell width, twips
    header_columns: tuple[int, int] | None = None  # the header's two widths, when they follow the data
    loai: str | None = None  # the kind recorded in the template (`congvan.docx.properties`), as written
    # congvan's style id → the template's own, for a style the template holds under
    # congvan's name but another id (LibreOffice writes ids of its own on saving).
    style_ids: dict[str, str] = field(default_factory=dict)
    _deflated: dict[str, Deflated] = field(default_factory=dict, repr=False)
    # The parts rendered per document, each compressed by its own `Deflater`.
    _deflaters: dict[str, Deflater] = field(default_factory=dict, repr=False)

    @classmethod
    def from_bytes(cls, data: bytes, source: str = "mẫu") -> "CompiledTemplate":
        too_big = zip_problem(data)
        if too_big:
            raise TemplateFileError(source, too_big)
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                parts = [(info.filename, archive.read(info)) for info in archive.infolist()]
        except zipfile.BadZipFile:
            raise TemplateFileError(source, "không phải tệp .docx (không đọc được như tệp zip)") from None
        content = dict(parts)
        if "word/document.xml" not in content:
            raise TemplateFileError(source, "không phải tệp .docx: thiếu word/document.xml")
        compiled = cls(source, parts, loai=recorded_kind(content), style_ids=_renamed_styles(content.get("word/styles.xml")))
        env = _environment()
        for name, raw in parts:
            if not TEMPLATED_PART.match(name):
                continue
            if name == "word/document.xml":
                compiled._read_document(raw)
                raw = compiled._variable_header(raw)
            xml = raw.decode("utf-8")
            if "{" not in xml:
                continue
            # As docxtpl's render_xml_part: one paragraph a line, so an error's line
            # number points at a paragraph.
            patched = re.sub(r"<w:p([ >])", r"\n<w:p\1", _PATCHER.patch_xml(xml))
            try:
                compiled.variables |= meta.find_undeclared_variables(env.parse(patched)) - {HEADER_COLUMNS}
                compiled.templates[name] = env.from_string(patched)
            except TemplateSyntaxError as exc:
                raise TemplateFileError(source, f"lỗi cú pháp thẻ trong {name} ({_paragraph_text(patched, exc.lineno)}): {jinja_reason(exc.message or '')}") from None
        compiled._deflated = {n: deflate(d) for n, d in parts if n not in compiled.templates}
        return compiled

    def _read_document(self, raw: bytes) -> None:
        root = etree.fromstring(raw)
        for tc in root.iter(w("tc")):
            width = tc.find(f"{w('tcPr')}/{w('tcW')}")
            text = "".join(t.text or "" for t in tc.iter(w("t")))
            for match in _BLOCK_TAG.finditer(text):
                if width is not None and width.get(w("type"), "dxa") == "dxa" and width.get(w("w"), "").isdigit():
                    self.block_widths[match[1]] = int(width.get(w("w"), ""))

    def _variable_header(self, raw: bytes) -> bytes:
        """The document with its header table's column widths as expressions of
        `cot_tieu_de`, when the table is the two columns of Mẫu 1.5 (agency on the
        left): the split is chosen per dispatch. A centred rule in the right column
        (under the Tiêu ngữ) keeps its length and stays centred."""
        root = etree.fromstring(raw)
        table = next((t for t in root.iter(w("tbl")) if _AGENCY_TAG.search("".join(x.text or "" for x in t.iter(w("t"))))), None)
        if table is None:
            return raw
        grid = table.findall(f"{w('tblGrid')}/{w('gridCol')}")
        rows = table.findall(w("tr"))
        cells = [tr.findall(w("tc")) for tr in rows]
        if len(grid) != 2 or any(len(row) != 2 or any(tc.find(f"{w('tcPr')}/{w('gridSpan')}") is not None for tc in row) for row in cells):
            return raw
        first = "".join(x.text or "" for x in cells[0][0].iter(w("t")))
        if not _AGENCY_TAG.search(first):
            return raw
        widths = tuple(int(col.get(w("w"), "0")) for col in grid)
        if min(widths) <= 0:
            return raw
        for i, col in enumerate(grid):
            col.set(w("w"), f"{{{{ {HEADER_COLUMNS}[{i}] }}}}")
        for row in cells:
            for i, tc in enumerate(row):
                width = tc.find(f"{w('tcPr')}/{w('tcW')}")
                if width is not None and width.get(w("type"), "dxa") == "dxa":
                    width.set(w("w"), f"{{{{ {HEADER_COLUMNS}[{i}] }}}}")
            for p in row[1].iter(w("p")):
                ind = p.find(f"{w('pPr')}/{w('ind')}")
                if p.find(f"{w('pPr')}/{w('pBdr')}") is None or ind is None:
                    continue
                left, right = ind.get(w("left")), ind.get(w("right"))
                if left is None or left != right or not left.isdigit():
                    continue
                length = widths[1] - 2 * int(left)
                value = f"{{{{ ({HEADER_COLUMNS}[1] - {length}) // 2 }}}}"
                ind.set(w("left"), value)
                ind.set(w("right"), value)
        self.header_columns = cast(tuple[int, int], widths)  # the grid has two columns
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    @cached_property
    def section(self) -> etree._Element | None:
        """The page set-up of the document body (its last `w:sectPr`), to repeat
        where a table opens a section of its own."""
        root = etree.fromstring(dict(self.parts)["word/document.xml"])
        body = root.find(w("body"))
        return body.find(w("sectPr")) if body is not None else None

    def render(self, context: Mapping[str, object], replacements: dict[str, bytes], images: Sequence[tuple[str, bytes]] = (),
               edit: Callable[[str, str], str] | None = None) -> bytes:
        """The .docx bytes: templated parts rendered with `context`, `replacements`
        (e.g. docProps/core.xml) put in as they are, `images` (name, PNG) added
        as `word/media/<name>.png` under relationship ids `rIdCv<name>`; `edit`
        (part name, XML) → XML, if given, finishes each rendered part."""
        out = dict(replacements)
        for name, template in self.templates.items():
            try:
                xml = template.render(context)
            except UndefinedError as exc:
                missing = re.search(r"'(\w+)' is undefined", str(exc))
                tag = missing[1] if missing else str(exc)
                raise TemplateFileError(self.source, f"thẻ '{{{{ {tag} }}}}' không có trong dữ liệu công văn ({name})") from None
            except TemplateError as exc:
                raise TemplateFileError(self.source, f"không điền được thẻ trong {name}: {jinja_reason(str(exc))}") from None
            # The line breaks put before each paragraph at compile time go again.
            xml = xml.replace("\n<w:p>", "<w:p>").replace("\n<w:p ", "<w:p ")
            for ours, theirs in self.style_ids.items():  # the blocks name congvan's ids
                xml = xml.replace(f'<w:pStyle w:val="{ours}"/>', f'<w:pStyle w:val="{theirs}"/>')
            out[name] = (edit(name, xml) if edit else xml).encode("utf-8")
        parts = [(n, out.get(n, d)) for n, d in self.parts]
        if images:
            parts = _with_images(parts, images)
            out.update({_DOCUMENT_RELS: b"", _CONTENT_TYPES: b""})
        deflated = {n: p for n, p in self._deflated.items() if n not in out}
        for name in (*self.templates, *replacements):
            if name in out:
                deflater = self._deflaters.get(name) or self._deflaters.setdefault(name, Deflater())
                deflated[name] = deflater(out[name])
        return write_zip(parts, deflated)


def _renamed_styles(styles: bytes | None) -> dict[str, str]:
    """The styles of congvan (`congvan.docx.styles`) that a template names as congvan
    does but under other ids: Word keeps a style's id, LibreOffice makes a new one
    from its name on saving ("Quốc hiệu" → "Quchiu"); the blocks congvan writes use
    congvan's ids, and a paragraph whose style id is unknown falls back to Normal."""
    if not styles:
        return {}
    try:
        root = etree.fromstring(styles)
    except etree.XMLSyntaxError:
        return {}
    by_name: dict[str, str] = {}
    ids = set()
    for style in root.iter(w("style")):
        sid, name = style.get(w("styleId")), style.find(w("name"))
        if sid:
            ids.add(sid)
            shown = name.get(w("val")) if name is not None else None
            if shown:
                by_name.setdefault(shown, sid)
    ours = {spec.style_id: spec.name for spec in (*STYLES, *KIND_STYLES)} | {RULE_STYLE_ID: RULE_STYLE_NAME}
    return {sid: by_name[name] for sid, name in ours.items() if sid not in ids and name in by_name}


def _paragraph_text(xml: str, line: int | None) -> str:
    if not line:
        return ""
    text = re.sub(r"<[^>]+>", "", xml.splitlines()[line - 1] if line <= len(xml.splitlines()) else "")
    return f"đoạn '{text.strip()[:60]}'"


def _with_images(parts: list[tuple[str, bytes]], images: Sequence[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
    """Add PNG parts, their relationships and the png content type, deterministically."""
    content = dict(parts)
    rels = etree.fromstring(content[_DOCUMENT_RELS])
    for name, _ in images:
        rel = etree.SubElement(rels, f"{{{REL_NS}}}Relationship")
        rel.set("Id", image_rel_id(name))
        rel.set("Type", _IMAGE_REL)
        rel.set("Target", f"media/{name}.png")
    types = etree.fromstring(content[_CONTENT_TYPES])
    if not any(d.get("Extension", "").lower() == "png" for d in types.iter(f"{{{_CT_NS}}}Default")):
        default = etree.Element(f"{{{_CT_NS}}}Default", Extension="png", ContentType="image/png")
        types.insert(0, default)
    replaced = {
        _DOCUMENT_RELS: etree.tostring(rels, xml_declaration=True, encoding="UTF-8", standalone=True),
        _CONTENT_TYPES: etree.tostring(types, xml_declaration=True, encoding="UTF-8", standalone=True),
    }
    taken = {n for n, _ in parts}
    added = [(str(PurePosixPath("word/media") / f"{name}.png"), data) for name, data in images]
    clash = [n for n, _ in added if n in taken]
    if clash:
        raise TemplateFileError("mẫu", f"mẫu đã có tệp {clash[0]}: hãy đổi tên ảnh trong mẫu")
    return [(n, replaced.get(n, d)) for n, d in parts] + added


def image_rel_id(name: str) -> str:
    return f"rIdCv{name}"

