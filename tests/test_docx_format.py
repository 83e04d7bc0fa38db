"""The rendered DOCX carries NĐ 30's layout: read back with python-docx and lxml.

Expected values come from the decree (A4, margin ranges, sizes per component) and
from the default layout profile; text widths are measured independently with the
Liberation fonts (metric-compatible with Times New Roman) through Pillow.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm
from PIL import ImageFont

import congvan
from congvan import nd30
from congvan.docx.styles import STYLES
from congvan.docx.template import DEFAULT_TEMPLATE, build_template_bytes
from tests.conftest import ROOT
from tests.docx_text import element_text

LAYOUT = congvan.DEFAULT_LAYOUT
FONT_DIR = Path("/usr/share/fonts/truetype/liberation2")
TWIPS_PER_PT = 20
ALIGN = {"center": WD_ALIGN_PARAGRAPH.CENTER, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY, "left": WD_ALIGN_PARAGRAPH.LEFT}


def measured_pt(text: str, size: float, bold: bool = False) -> float:
    """Advance width of `text` in points, from the real font file."""
    name = "LiberationSerif-Bold.ttf" if bold else "LiberationSerif-Regular.ttf"
    font = ImageFont.truetype(str(FONT_DIR / name), size=size * 64)
    return font.getlength(text) / 64


def twips(value) -> int:
    return int(value)


def style_of(paragraph) -> str:
    p_style = paragraph.find(qn("w:pPr") + "/" + qn("w:pStyle"))
    return p_style.get(qn("w:val")) if p_style is not None else ""


def text_of(element) -> str:
    return element_text(element)


def tables(document):
    return document.element.body.findall(qn("w:tbl"))


def body_paragraphs(document):
    return document.element.body.findall(qn("w:p"))


# -- page -----------------------------------------------------------------------


def test_page_is_a4_with_decree_margins(document):
    section = document.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(0.1)
    assert abs(section.page_height - Mm(297)) < Mm(0.1)
    for side, allowed in nd30.MARGINS_MM.items():
        value_mm = getattr(section, f"{side}_margin").mm
        assert value_mm in allowed, (side, value_mm)
        assert value_mm == pytest.approx(getattr(LAYOUT.le_trang, side), abs=0.1)


def test_only_times_new_roman(rendered, document):
    fonts = set()
    for root in (document.element, document.styles.element):
        for node in root.iter(qn("w:rFonts")):
            fonts |= {v for k, v in node.attrib.items() if not k.lower().endswith("theme")}
    assert fonts == {nd30.FONT}
    defaults = document.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        assert defaults.get(qn(attr)) == nd30.FONT


# -- styles -----------------------------------------------------------------------


def resolved(style, getter):
    """A style's property as Word sees it: its own, else its base style's."""
    while style is not None:
        value = getter(style)
        if value is not None:
            return value
        style = style.base_style
    return None


def test_named_styles_follow_the_rules(document):
    for spec in STYLES:
        style = document.styles[spec.name]  # Word shows the Vietnamese name
        rule = nd30.TEXT_RULES[spec.key]
        size = resolved(style, lambda s: s.font.size).pt
        assert size in rule.size, (spec.name, size)
        assert size == getattr(LAYOUT.co_chu, spec.key)
        if rule.bold is not None:
            assert bool(resolved(style, lambda s: s.font.bold)) is rule.bold, spec.name
        if rule.italic is not None:
            assert bool(resolved(style, lambda s: s.font.italic)) is rule.italic, spec.name
        if rule.caps is not None and rule.caps:
            assert not style.font.all_caps  # capitals are typed, not a display effect
        if rule.align:
            assert resolved(style, lambda s: s.paragraph_format.alignment) == ALIGN[rule.align], spec.name


def test_body_levels_inherit_from_the_body_style(document):
    body = document.styles["Nội dung"]
    for name in ("Mục", "Khoản", "Điểm"):
        style = document.styles[name]
        assert style.base_style == body
        assert style.font.size is None and style.paragraph_format.first_line_indent is None


def test_body_paragraph_format(document):
    body = document.styles["Nội dung"].paragraph_format
    assert round(body.first_line_indent.cm, 2) in nd30.FIRST_LINE_INDENT_CM
    assert body.space_after.pt >= nd30.MIN_SPACE_BETWEEN_PT
    assert body.line_spacing in nd30.LINE_SPACING
    used = [p for p in body_paragraphs(document) if style_of(p) in {"NoiDung", "Khoan", "Diem", "Muc"}]
    assert len(used) > 5
    for p in used:  # nothing overrides the style's justification or indent
        ppr = p.find(qn("w:pPr"))
        assert ppr.find(qn("w:jc")) is None and ppr.find(qn("w:ind")) is None


def test_body_ends_with_one_closing_mark(document):
    texts = [text_of(p) for p in body_paragraphs(document) if style_of(p) in {"NoiDung", "Khoan", "Diem", "Muc"}]
    assert texts[-1].endswith("./.")
    assert not texts[-1].endswith("./../.") and not texts[-1].endswith("../.")
    assert sum(t.count("./.") for t in texts) == 1


# -- header table ----------------------------------------------------------------------


def test_tables_are_fixed_borderless_and_fill_the_text_width(document):
    section = document.sections[0]
    text_width = section.page_width - section.left_margin - section.right_margin
    for tbl in tables(document):
        props = tbl.find(qn("w:tblPr"))
        assert props.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
        for edge in props.find(qn("w:tblBorders")):
            assert edge.get(qn("w:val")) == "nil"
        grid = [int(c.get(qn("w:w"))) for c in tbl.find(qn("w:tblGrid"))]
        assert abs(sum(grid) * 635 - text_width) < 635 * 2  # twips → EMU
        for tr in tbl.findall(qn("w:tr")):
            cells = [int(tc.find(qn("w:tcPr") + "/" + qn("w:tcW")).get(qn("w:w"))) for tc in tr.findall(qn("w:tc"))]
            assert cells == grid  # LibreOffice reads the grid, Word the cells


def test_header_places_components(document):
    header = tables(document)[0]
    rows = header.findall(qn("w:tr"))
    (left, right), (number, date) = [r.findall(qn("w:tc")) for r in rows[-2:]]
    assert nd30.QUOC_HIEU in text_of(right) and nd30.TIEU_NGU in text_of(right)
    assert text_of(number).startswith("Số: ")
    v_v = [p for p in number.iter(qn("w:p")) if style_of(p) == "TrichYeu"][0]
    assert text_of(v_v).startswith("V/v ")
    spacing = v_v.find(qn("w:pPr") + "/" + qn("w:spacing"))
    assert int(spacing.get(qn("w:before"))) == nd30.TRICH_YEU_SPACE_BEFORE_PT * TWIPS_PER_PT
    assert [style_of(p) for p in date.iter(qn("w:p"))] == ["DiaDanhNgay"]
    assert "ngày" in text_of(date) and "năm" in text_of(date)


def _rule_length_pt(cell) -> float:
    """Length of the rule paragraph in a cell: cell width minus its indents."""
    width = int(cell.find(qn("w:tcPr") + "/" + qn("w:tcW")).get(qn("w:w")))
    rule = [p for p in cell.iter(qn("w:p")) if p.find(".//" + qn("w:pBdr")) is not None and not text_of(p)][0]
    ind = rule.find(qn("w:pPr") + "/" + qn("w:ind"))
    return (width - int(ind.get(qn("w:left"))) - int(ind.get(qn("w:right")))) / TWIPS_PER_PT


def test_rule_under_tieu_ngu_is_as_long_as_the_text(document):
    right = tables(document)[0].findall(qn("w:tr"))[-2].findall(qn("w:tc"))[1]
    expected = measured_pt(nd30.TIEU_NGU, LAYOUT.co_chu.tieu_ngu, bold=True)
    assert _rule_length_pt(right) == pytest.approx(expected, rel=0.03)


def test_rule_under_agency_is_a_third_to_a_half(document, example):
    cv = congvan.load(example)
    left = tables(document)[0].findall(qn("w:tr"))[-2].findall(qn("w:tc"))[0]
    name = max(measured_pt(line, LAYOUT.co_chu.co_quan_ban_hanh, bold=True) for line in cv.co_quan_ban_hanh)
    ratio = _rule_length_pt(left) / name
    assert nd30.AGENCY_RULE_RATIO.lo - 0.02 <= ratio <= nd30.AGENCY_RULE_RATIO.hi + 0.02


# -- Kính gửi ----------------------------------------------------------------------------


def test_kinh_gui_dashes_align_under_the_colon(document):
    paragraphs = [p for p in body_paragraphs(document) if style_of(p) == "KinhGui"]
    head, items = paragraphs[0], paragraphs[1:]
    assert text_of(head) == "Kính gửi:"
    assert len(items) >= 2
    head_left = int(head.find(qn("w:pPr") + "/" + qn("w:ind")).get(qn("w:left")))
    colon_at = head_left + measured_pt("Kính gửi", LAYOUT.co_chu.kinh_gui) * TWIPS_PER_PT
    for p in items:
        ind = p.find(qn("w:pPr") + "/" + qn("w:ind"))
        dash_at = int(ind.get(qn("w:left"))) - int(ind.get(qn("w:hanging")))
        assert abs(dash_at - colon_at) < 40  # within 2 pt
    texts = [text_of(p) for p in items]
    assert all(t.startswith("- ") for t in texts)
    assert all(t.endswith(";") for t in texts[:-1]) and texts[-1].endswith(".")


# -- Nơi nhận and signature ------------------------------------------------------------


def test_noi_nhan_beside_signature_on_one_page(document, example):
    cv = congvan.load(example)
    block = tables(document)[-1]
    row = block.find(qn("w:tr"))
    assert row.find(qn("w:trPr") + "/" + qn("w:cantSplit")) is not None
    left, right = row.findall(qn("w:tc"))
    styles = [style_of(p) for p in left.iter(qn("w:p"))]
    assert styles[0] == "NoiNhan" and set(styles[1:]) == {"DanhSachNoiNhan"}
    entries = [text_of(p) for p in left.iter(qn("w:p"))][1:]
    assert entries[-1].startswith("- Lưu: VT") and entries[-1].endswith(".")
    assert all(e.endswith(";") for e in entries[:-1])
    right_texts = [text_of(p) for p in right.iter(qn("w:p")) if text_of(p)]
    assert right_texts == [*cv.nguoi_ky.title_lines, cv.nguoi_ky.ho_ten]
    gap = [p for p in right.iter(qn("w:p")) if not text_of(p)]
    assert len(gap) == LAYOUT.khoang_ky_dong
    # The last body paragraph keeps with the block, so the signature never stands alone.
    last_body = body_paragraphs(document)[-1]
    assert last_body.find(qn("w:pPr") + "/" + qn("w:keepNext")) is not None


# -- page numbers ------------------------------------------------------------------------


def test_page_number_top_centre_from_page_two(document):
    section = document.sections[0]
    assert section.different_first_page_header_footer
    instructions = "".join(t.text for t in section.header._element.iter(qn("w:instrText")))
    assert instructions.strip() == "PAGE"
    paragraph = section.header.paragraphs[0]
    assert paragraph.style.name == "Số trang"
    assert paragraph.style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    first = section.first_page_header._element
    assert not list(first.iter(qn("w:instrText"))) and not list(first.iter(qn("w:fldSimple")))
    assert not text_of(first).strip()


# -- template and determinism ------------------------------------------------------------


def test_default_template_file_is_in_sync_with_the_code():
    assert DEFAULT_TEMPLATE.read_bytes() == build_template_bytes(), "run: python -m congvan.docx.template"


def test_shipped_kind_templates_are_in_sync_with_the_code():
    # Every kind's default template is read from congvan/templates/loai/ rather than
    # built; those files must be exactly what the code builds.
    from congvan import kinds
    from congvan.docx.template import KIND_TEMPLATES, kind_files, kind_template_bytes

    wanted = kind_files()
    assert sorted(p.name for p in KIND_TEMPLATES.iterdir()) == sorted(wanted), "run: python -m congvan.docx.template"
    for name, data in wanted.items():
        assert (KIND_TEMPLATES / name).read_bytes() == data, f"{name}: run: python -m congvan.docx.template"
    for loai in kinds.KINDS:
        if loai != kinds.DEFAULT:
            assert kind_template_bytes(LAYOUT, loai) == build_template_bytes(LAYOUT, kinds.get(loai))


def test_kind_template_built_when_its_file_is_missing(monkeypatch, tmp_path):
    from congvan import kinds
    from congvan.docx import template

    monkeypatch.setattr(template, "KIND_TEMPLATES", tmp_path)  # an install without the files
    template._shipped_kinds.cache_clear()
    try:
        assert template.kind_template_bytes(LAYOUT, "quyet_dinh") == build_template_bytes(
            LAYOUT, kinds.get("quyet_dinh"))
    finally:
        template._shipped_kinds.cache_clear()


def test_same_input_gives_same_bytes(example, rendered):
    assert congvan.render_docx(congvan.load(example)) == rendered


def test_same_bytes_across_processes(tmp_path, example):
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        subprocess.run(
            [sys.executable, "-m", "congvan.cli", "render", str(example), "-o", str(out)],
            check=True, cwd=ROOT, env={"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin"}, capture_output=True,
        )
        outputs.append((out / f"{example.stem}.docx").read_bytes())
    assert outputs[0] == outputs[1]


def test_shipped_appendix_template_is_in_sync_and_built_when_missing(monkeypatch, tmp_path):
    # A phụ lục issued as a file of its own (Mẫu 2.2) is rendered from a shipped
    # template too; it must be what the code builds, and an install without it builds it.
    from congvan.docx import template

    built = build_template_bytes(LAYOUT, appendix_file=True)
    assert template.APPENDIX_TEMPLATE.read_bytes() == built, "run: python -m congvan.docx.template"
    monkeypatch.setattr(template, "APPENDIX_TEMPLATE", tmp_path / "phu-luc.docx")
    assert template.appendix_template_bytes(LAYOUT) == built


def test_kinds_sharing_a_shipped_template_share_its_compiled_form():
    from congvan.docx import template

    by_file: dict[str, list[str]] = {}
    for loai, name in template._shipped_kinds().items():
        by_file.setdefault(name, []).append(loai)
    shared = [kinds for kinds in by_file.values() if len(kinds) > 1]
    assert shared  # 24 kinds, 7 files
    for group in shared:
        compiled = {id(template.load_template(None, LAYOUT, loai)) for loai in group}
        assert len(compiled) == 1, group
    distinct = {id(template.load_template(None, LAYOUT, group[0])) for group in by_file.values()}
    assert len(distinct) == len(by_file)
