"""The default layout template: page set-up, named styles, headers and footers, and
the dispatch itself as a docxtpl template whose tags name the model's fields.

It is built from a layout profile with python-docx and shipped as a real .docx
(`congvan/templates/mac-dinh.docx`), so that a văn thư can open it in Word, move
things, add a logo, and render with it (`congvan template export`, `--template`).
The other kinds' default templates are shipped too (`congvan/templates/loai/`, one
file per distinct template, `index.json` naming each kind's), and so is that of a phụ
lục issued as a file of its own (`congvan/templates/phu-luc.docx`), so that a process
reads them instead of building each with python-docx (about 30 ms each, paid by every
worker of a batch). `python -m congvan.docx.template` rebuilds the shipped
files; a test keeps them in step with the code. The tags are listed in
`congvan.docx.tags`.
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import posixpath
import zipfile
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import _Header
from docx.shared import Cm, Mm, Pt, Twips
from docx.styles.style import CharacterStyle
from lxml import etree

from .. import kinds, nd30
from ..layout import DEFAULT_LAYOUT, Layout
from . import wml
from ..typeset.metrics import text_width_pt
from .compiled import CompiledTemplate, TemplateFileError
from .package import write_zip
from .properties import with_kind
from .styles import BY_KEY, KIND_STYLES, RULE_STYLE_ID, RULE_STYLE_NAME, STYLES, StyleSpec, style_id

DEFAULT_TEMPLATE = Path(__file__).resolve().parent.parent / "templates" / "mac-dinh.docx"
KIND_TEMPLATES = DEFAULT_TEMPLATE.parent / "loai"  # index.json: kind → file of its default template
APPENDIX_TEMPLATE = DEFAULT_TEMPLATE.parent / "phu-luc.docx"  # Mẫu 2.2: a phụ lục as a file of its own
_ALIGN = {"center": WD_ALIGN_PARAGRAPH.CENTER, "left": WD_ALIGN_PARAGRAPH.LEFT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}
_FIXED_CORE = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    "<dc:title>Mẫu công văn</dc:title><dc:creator>congvan</dc:creator></cp:coreProperties>"
)


def _set_font(rpr_owner: CharacterStyle, size: float) -> None:
    font = rpr_owner.font
    font.name = nd30.FONT
    font.size = Pt(size)
    rpr = rpr_owner.element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), nd30.FONT)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "vi-VN")
    rpr.append(lang)


# Styles of the stock package a dispatch uses; the ~150 others (headings, table
# looks in theme fonts, Courier macro text) are dropped so the style list shows
# only what a văn thư needs and no font but Times New Roman is named anywhere.
_KEPT_STOCK_STYLES = {"Normal", "DefaultParagraphFont", "TableNormal", "NoList", "Header", "HeaderChar", "Footer", "FooterChar"}


def _prune_stock_styles(doc: DocxDocument) -> None:
    root = doc.styles.element
    for style in root.findall(qn("w:style")):
        if style.get(qn("w:styleId")) not in _KEPT_STOCK_STYLES:
            root.remove(style)
    # Document defaults in Times New Roman rather than the theme's fonts.
    defaults = root.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = defaults.find(qn("w:rFonts"))
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), nd30.FONT)
    defaults.find(qn("w:lang")).set(qn("w:val"), "vi-VN")


def _add_styles(doc: DocxDocument, layout: Layout, specs: tuple[StyleSpec, ...] = STYLES) -> None:
    _prune_stock_styles(doc)
    normal = doc.styles["Normal"]
    _set_font(normal, layout.co_chu.noi_dung)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    body = None
    for spec in specs:
        rule = nd30.TEXT_RULES[spec.key]
        style = doc.styles.add_style(spec.name, WD_STYLE_TYPE.PARAGRAPH)
        style.element.set(qn("w:styleId"), spec.style_id)
        style.quick_style = True
        size = getattr(layout.co_chu, spec.key)
        style.font.bold = bool(rule.bold)
        style.font.italic = bool(rule.italic)
        fmt = style.paragraph_format
        fmt.alignment = _ALIGN.get(rule.align or "left")
        if spec.body and body is not None:
            # Mục, khoản, điểm are body text: based on "Nội dung", so a văn thư who
            # changes its size or indent in Word changes them all.
            style.base_style = body
            if size != layout.co_chu.noi_dung:
                style.font.size = Pt(size)
            continue
        style.base_style = normal
        _set_font(style, size)
        fmt.space_before = Pt(0)
        fmt.space_after = Pt(0)
        if spec.body:
            # II.6e: justified, first-line indent 1 or 1.27 cm, ≥ 6 pt apart.
            fmt.first_line_indent = Cm(layout.thut_dau_dong_cm)
            fmt.space_after = Pt(layout.cach_doan_pt)
            fmt.line_spacing = layout.gian_dong
            fmt.widow_control = True
            body = style
    rule_style = doc.styles.add_style(RULE_STYLE_NAME, WD_STYLE_TYPE.PARAGRAPH)
    rule_style.element.set(qn("w:styleId"), RULE_STYLE_ID)
    rule_style.base_style = normal
    _set_font(rule_style, 6)
    rule_style.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    rule_style.paragraph_format.line_spacing = Pt(6)
    # Leave a little air between a header line and the rule drawn under it.
    rule_style.paragraph_format.space_before = Pt(3)


def _page_number(doc: DocxDocument, header: _Header) -> None:
    # Phần I, Mục I.7: Arabic numerals, centred in the top margin, not on page 1.
    paragraph = header.paragraphs[0]
    paragraph.style = doc.styles[BY_KEY["so_trang"].name]
    for element in wml.field_run("PAGE"):
        paragraph._p.append(element)


# Parts of python-docx's stock package a dispatch does not need: a thumbnail of
# another document, Word 2010's copy of ~150 stock styles (in other fonts), and a
# custom XML item. Dropping them keeps the template small and every font named in
# it Times New Roman.
_DROPPED = ("docProps/thumbnail.jpeg", "word/stylesWithEffects.xml", "customXml/")


def _dropped(name: str) -> bool:
    return any(name == d or (d.endswith("/") and name.startswith(d)) for d in _DROPPED)


def _drop_references(name: str, data: bytes) -> bytes:
    """Relationships and content types without the dropped parts."""
    if name == "[Content_Types].xml":
        base = None
    elif name.endswith(".rels"):
        base = posixpath.dirname(posixpath.dirname(name))  # word/_rels/x.rels → word
    else:
        return data
    root = etree.fromstring(data)
    for node in list(root):
        if base is None:
            target = (node.get("PartName") or "").lstrip("/")
        else:
            target = posixpath.normpath(posixpath.join(base, node.get("Target", "")))
        if _dropped(target) or node.get("Extension") == "jpeg":
            root.remove(node)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _margin(value_mm: float, allowed: nd30.Range) -> Twips:
    """A margin in whole twips that does not fall outside the decree's range by rounding."""
    exact = value_mm * 1440 / 25.4
    up = math.ceil(exact)
    return Twips(up if up * 25.4 / 1440 <= allowed.hi else math.floor(exact))


def rule(cell_width: int, length_pt: float) -> etree._Element:
    """A solid rule of `length_pt`, centred in a cell of `cell_width` twips."""
    length = min(wml.pt(length_pt), cell_width)
    side = (cell_width - length) // 2
    return wml.paragraph(RULE_STYLE_ID, indent={"left": side, "right": side}, borders=[wml.border("top", 6, 0)])


def _text(key: str, text: str, **kwargs: Any) -> etree._Element:  # kwargs: those of wml.paragraph
    """A paragraph of component `key` holding `text` (with tags) as one run."""
    run = wml.run(text)
    # Spaces a tag may fill (a draft's blank number) must survive: keep them.
    cast(etree._Element, run.find(wml.w("t"))).set(f"{{{wml.XML_NS}}}space", "preserve")  # a run of text has its w:t
    return wml.paragraph(style_id(key), [run], **kwargs)


def _tag(key: str, name: str) -> etree._Element:
    """A paragraph tag `{{p name }}`: the whole paragraph becomes the block `name`."""
    return _text(key, f"{{{{p {name} }}}}")


# The style of the paragraph that holds a component's tag (replaced when filled).
_TAG_STYLE = {"tieu_de": "ten_loai"}


def _body(layout: Layout, kind: kinds.Kind = kinds.get(None)) -> list[etree._Element]:
    """The document as its sample of Phụ lục III lays it out (Mẫu 1.5 for a công
    văn), with a tag for each field and one for each of the kind's components."""
    width = wml.mm(layout.text_width_mm)
    left = round(width * layout.ti_le_cot_trai)
    right = width - left
    tieu_ngu = text_width_pt(nd30.TIEU_NGU, layout.co_chu.tieu_ngu, bold=True)
    header = wml.table([left, right], [
        [
            [_tag("co_quan_ban_hanh", "co_quan")],
            [
                _tag("pham_vi_luu_hanh", "pham_vi_luu_hanh"),
                _text("quoc_hieu", nd30.QUOC_HIEU),
                _text("tieu_ngu", nd30.TIEU_NGU),
                rule(right, tieu_ngu),  # II.1b: as long as the Tiêu ngữ
            ],
        ],
        [
            [block for block in (
                _text("so_ky_hieu", "Số: {{ so }}/{{ ky_hieu }}"),
                # II.5b: V/v centred under Số, 6 pt below it; other kinds carry
                # the trích yếu under their tên loại (ô 5a).
                _text("trich_yeu", "V/v {{ trich_yeu }}", spacing={"before": wml.pt(nd30.TRICH_YEU_SPACE_BEFORE_PT)}) if kind.vv else None,
                _tag("do_mat", "dau_hieu"),
            ) if block is not None],
            # II.4c: the place and date, composed per dispatch (its size may step to 13 pt).
            [_tag("dia_danh_ngay", "dia_danh_ngay")],
        ],
    ])
    signature_left = round(width * layout.ti_le_cot_noi_nhan)
    signature = [wml.table(
        [signature_left, width - signature_left],
        [[[_tag("noi_nhan", "noi_nhan")], [_tag("quyen_han_chuc_vu", "nguoi_ky")]]],
        cant_split=True,  # Nơi nhận and the signature stay on one page
    )]
    if kind.two_signers:
        # Mẫu 1.9: the thư ký on the left, the chủ tọa on the right, Nơi nhận below.
        half = width // 2
        signature = [
            wml.table([half, width - half], [[[_tag("quyen_han_chuc_vu", "thu_ky")], [_tag("quyen_han_chuc_vu", "nguoi_ky")]]], cant_split=True),
            _tag("noi_nhan", "noi_nhan"),
        ]
    if kind.xac_nhan:
        # Mẫu 1.10: the confirmation block under the signer, on the left.
        signature.append(_tag("noi_nhan", "xac_nhan"))
    components = [_tag(_TAG_STYLE.get(name, name if name in BY_KEY else "noi_dung"), name) for name in kind.components]
    # Mẫu 2.1: the phụ lục after the signature, each in a section of its own.
    # Mẫu 3.1: a copy's own block under the document it copies; Mẫu 3.2: an electronic
    # copy's digital signature above the header, top right of page 1 (ô 14).
    return [_tag("noi_dung", "ky_so"), header, *components, *signature, _tag("noi_dung", "ban_sao"), _tag("noi_dung", "phu_luc")]


def build_template_bytes(layout: Layout = DEFAULT_LAYOUT, kind: kinds.Kind = kinds.get(None), appendix_file: bool = False) -> bytes:
    """A fresh default template for `layout` and a kind of document, as
    deterministic .docx bytes; `appendix_file`: the template of a phụ lục issued as a
    file of its own (Mẫu 2.2), the page set-up of the document and nothing but the
    phụ lục in its body."""
    doc = Document()
    for paragraph in list(doc.paragraphs):
        cast(etree._Element, paragraph._p.getparent()).remove(paragraph._p)  # a paragraph of the body
    _add_styles(doc, layout, STYLES if kind.vv else STYLES + KIND_STYLES)
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(nd30.PAGE_WIDTH_MM), Mm(nd30.PAGE_HEIGHT_MM)
    for side, allowed in nd30.MARGINS_MM.items():
        setattr(section, f"{side}_margin", _margin(getattr(layout.le_trang, side), allowed))
    section.header_distance = Mm(layout.khoang_dau_trang_mm)
    section.footer_distance = Mm(layout.khoang_chan_trang_mm)
    section.different_first_page_header_footer = True
    _page_number(doc, section.header)
    section.first_page_header.paragraphs[0].text = ""
    footer = section.first_page_footer.paragraphs[0]  # ô 13, III.4: page 1 only
    footer.style = doc.styles[BY_KEY["dia_chi"].name]
    footer.text = "{{p lien_he }}"
    section.footer.paragraphs[0].text = ""
    body_end = doc.element.body.sectPr
    for block in [_tag("noi_dung", "phu_luc")] if appendix_file else _body(layout, kind):
        body_end.addprevious(block)
    buffer = io.BytesIO()
    doc.save(buffer)
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as archive:
        parts = [(i.filename, archive.read(i)) for i in archive.infolist()]
    parts = [(n, _FIXED_CORE.encode() if n == "docProps/core.xml" else d) for n, d in parts if not _dropped(n)]
    return write_zip([(n, _drop_references(n, d)) for n, d in parts])


def export_bytes(loai: str | None = None) -> bytes:
    """The default template of a kind as `congvan template export` writes it: the
    kind recorded in it, for `template check` and the messages of a misused template."""
    kind = kinds.get(loai)
    data = DEFAULT_TEMPLATE.read_bytes() if kind.loai == kinds.DEFAULT else kind_template_bytes(DEFAULT_LAYOUT, kind.loai)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = [(i.filename, archive.read(i)) for i in archive.infolist()]
    return write_zip(with_kind(parts, kind.loai))


def load_template(path: Path | bytes | None = None, layout: Layout = DEFAULT_LAYOUT, loai: str | None = None) -> CompiledTemplate:
    """The compiled template of a path, or the default one for a profile and a kind
    of document (cached; a template file changed on disk is read again)."""
    if path is None and loai and loai != kinds.DEFAULT:
        return _compiled_kind(layout, loai)
    if isinstance(path, (bytes, bytearray)):
        return _compiled_bytes(bytes(path))
    if path is not None:
        path = Path(path)
        try:
            stat = path.stat()
        except OSError:
            raise TemplateFileError(str(path), "không tìm thấy mẫu bố cục") from None
        return _compiled_file(path.resolve(), stat.st_mtime_ns, stat.st_size)
    return _compiled_default(layout)


def template_label(template: Path | bytes | None) -> str:
    """How errors name a template: its file, or "mẫu .docx (bytes)"."""
    return "mẫu .docx (bytes)" if isinstance(template, (bytes, bytearray)) else str(template)


@lru_cache(maxsize=8)
def _compiled_bytes(data: bytes) -> CompiledTemplate:
    return CompiledTemplate.from_bytes(data, template_label(data))


@lru_cache(maxsize=8)
def _compiled_file(path: Path, mtime_ns: int, size: int) -> CompiledTemplate:
    return CompiledTemplate.from_bytes(path.read_bytes(), str(path))


@lru_cache(maxsize=8)
def _compiled_default(layout: Layout) -> CompiledTemplate:
    if layout == DEFAULT_LAYOUT and DEFAULT_TEMPLATE.exists():
        return CompiledTemplate.from_bytes(DEFAULT_TEMPLATE.read_bytes(), DEFAULT_TEMPLATE.name)
    return CompiledTemplate.from_bytes(build_template_bytes(layout), DEFAULT_TEMPLATE.name)


@lru_cache(maxsize=8)
def load_appendix_template(layout: Layout = DEFAULT_LAYOUT) -> CompiledTemplate:
    """The template of a phụ lục in an electronic file of its own (Mẫu 2.2)."""
    return CompiledTemplate.from_bytes(appendix_template_bytes(layout), APPENDIX_TEMPLATE.name)


def appendix_template_bytes(layout: Layout = DEFAULT_LAYOUT) -> bytes:
    """The shipped file for the default layout (kept equal to what the code builds by
    a test), else built for `layout`."""
    if layout == DEFAULT_LAYOUT:
        try:
            return APPENDIX_TEMPLATE.read_bytes()
        except OSError:
            pass  # an install without the file: built as below
    return build_template_bytes(layout, appendix_file=True)


@lru_cache(maxsize=32)
def _compiled_kind(layout: Layout, loai: str) -> CompiledTemplate:
    name = _shipped_kinds().get(loai) if layout == DEFAULT_LAYOUT else None
    if name:
        try:
            return _compiled_shipped(name)  # kinds sharing a file share its compiled form
        except OSError:
            pass
    return CompiledTemplate.from_bytes(kind_template_bytes(layout, loai), f"{loai}.docx")


@lru_cache(maxsize=16)
def _compiled_shipped(name: str) -> CompiledTemplate:
    return CompiledTemplate.from_bytes((KIND_TEMPLATES / name).read_bytes(), name)


def kind_template_bytes(layout: Layout, loai: str) -> bytes:
    """A kind's default template: the shipped file for the default layout (the same
    bytes build_template_bytes gives, kept so by a test), else built for `layout`."""
    if layout == DEFAULT_LAYOUT:
        name = _shipped_kinds().get(loai)
        if name:
            try:
                return (KIND_TEMPLATES / name).read_bytes()
            except OSError:
                pass  # an install without the files: built as below
    return build_template_bytes(layout, kinds.get(loai))


@lru_cache(maxsize=1)
def _shipped_kinds() -> dict[str, str]:
    try:
        index = json.loads((KIND_TEMPLATES / "index.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in index.items()} if isinstance(index, dict) else {}


def kind_files() -> dict[str, bytes]:
    """What `congvan/templates/loai/` holds: one file per distinct default template
    (named by its content), and index.json mapping every kind but the công văn to one."""
    files: dict[str, bytes] = {}
    index: dict[str, str] = {}
    for loai in sorted(kinds.KINDS):
        if loai == kinds.DEFAULT:
            continue
        data = build_template_bytes(DEFAULT_LAYOUT, kinds.get(loai))
        name = f"{hashlib.sha256(data).hexdigest()[:16]}.docx"
        files[name] = data
        index[loai] = name
    files["index.json"] = (json.dumps(index, indent=1, sort_keys=True) + "\n").encode("utf-8")
    return files


if __name__ == "__main__":
    DEFAULT_TEMPLATE.parent.mkdir(parents=True, exist_ok=True)
    DEFAULT_TEMPLATE.write_bytes(build_template_bytes())
    print(DEFAULT_TEMPLATE)
    APPENDIX_TEMPLATE.write_bytes(build_template_bytes(appendix_file=True))
    print(APPENDIX_TEMPLATE)
    KIND_TEMPLATES.mkdir(exist_ok=True)
    wanted = kind_files()
    for old in KIND_TEMPLATES.iterdir():
        if old.name not in wanted:
            old.unlink()
    for name, data in wanted.items():
        (KIND_TEMPLATES / name).write_bytes(data)
    print(f"{KIND_TEMPLATES} ({len(wanted) - 1} mẫu)")
