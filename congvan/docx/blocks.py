"""The blocks every kind of document shares, as WordprocessingML: the header (ô 1–5,
10, 11), Kính gửi (ô 9a), the body (ô 6), Nơi nhận and the signature (ô 7, 8, 9b, 12)
and the footer (ô 13) of Mẫu 1.5 (Phụ lục III). The components a kind adds are built
in `congvan.docx.components`; `congvan.docx.writer` puts both into the template's tags.
"""

from __future__ import annotations

from typing import Any, Callable, Sequence, cast

from lxml import etree
from markupsafe import Markup

from .. import nd30
from ..body import BodyParagraph, BodyTable, flatten, spans
from ..layout import Layout
from ..model import CongVan
from ..typeset import Font, HeaderPlan, compose_entry, compose_title, no_break_references
from ..typeset.metrics import text_width_pt
from .components import Frame, table
from .components import copy as copy_block
from .images import Image, place_images
from .styles import style_id
from .template import rule
from .wml import border, cm, mm, paragraph, pt, run, runs_with_breaks, xml
from .wml import table as wml_table

# Space above Nơi nhận and the signer's title, level with each other (II.9d).
SIGNATURE_SPACE_BEFORE_PT = 12


class Blocks:
    """Builds the shared blocks with one layout, in the cell widths of a template;
    a block that its data determines is built once (`_block`)."""

    def __init__(self, layout: Layout, block_widths: dict[str, int]) -> None:
        self.layout = layout
        self.text_width = mm(layout.text_width_mm)
        left = round(self.text_width * layout.ti_le_cot_trai)
        signature_left = round(self.text_width * layout.ti_le_cot_noi_nhan)
        # Cell widths of the block tags in the default template; a user template's own win.
        self.widths = {
            "co_quan": left, "dau_hieu": left, "pham_vi_luu_hanh": self.text_width - left,
            "noi_nhan": signature_left, "nguoi_ky": self.text_width - signature_left,
            **block_widths,
        }
        self._blocks: dict[tuple[object, ...], Markup] = {}

    def _block(self, key: tuple[object, ...], build: Callable[[], list[etree._Element]]) -> Markup:
        """The XML of a block that `key` determines, built once: a mail merge or a
        web service repeats the agency, the recipients and the signer in every
        document. Bounded; only immutable strings are shared."""
        hit = self._blocks.get(key)
        if hit is None:
            if len(self._blocks) >= _BLOCKS_KEPT:
                self._blocks.clear()
            hit = self._blocks[key] = xml(build())
        return hit

    def _signer(self, cv: CongVan, images: Sequence[Image]) -> Markup:
        if images:  # placed images: built each time
            return xml(self._nguoi_ky(cv, images))
        signer = cv.nguoi_ky
        return self._block(("nguoi_ky", tuple(signer.title_lines), signer.ho_ten, self.widths["nguoi_ky"]), lambda: self._nguoi_ky(cv, []))

    # -- header (ô 1–5, 10, 11) -----------------------------------------------

    def _p(self, key: str, text: str = "", **kwargs: Any) -> etree._Element:  # kwargs: those of wml.paragraph
        runs = [run(text)] if text else []
        return paragraph(style_id(key), runs, **kwargs)

    def _size(self, key: str) -> float:
        return cast(float, getattr(self.layout.co_chu, key))  # every size of CoChu is a float

    def _co_quan(self, plan: HeaderPlan, width: int) -> list[etree._Element]:
        out = [self._p("co_quan_chu_quan", line) for line in plan.chu_quan]
        out += [self._p("co_quan_ban_hanh", line) for line in plan.ban_hanh]
        # II.2b: the rule under the agency name is 1/3–1/2 of the name's widest line
        # as composed (not as typed).
        out.append(rule(width, plan.rule_pt))
        return out

    def _kem_theo_header(self, plan: HeaderPlan, left: int, right: int) -> etree._Element:
        """Mẫu 1.3's attached document: the decision's agency and the Quốc hiệu, Tiêu
        ngữ with their rules, without Số and without the place and date."""
        tieu_ngu = text_width_pt(nd30.TIEU_NGU, self._size("tieu_ngu"), bold=True)
        national = [self._p("quoc_hieu", nd30.QUOC_HIEU), self._p("tieu_ngu", nd30.TIEU_NGU), rule(right, tieu_ngu)]
        return wml_table([left, right], [[self._co_quan(plan, left), national]])

    def _date(self, plan: HeaderPlan) -> etree._Element:
        # II.4c: 13–14 pt; a long place steps down to 13 pt rather than wrap.
        size = plan.date_size if plan.date_size != self._size("dia_danh_ngay") else None
        return paragraph(style_id("dia_danh_ngay"), runs_with_breaks(plan.date, size=size))

    def _pham_vi(self, cv: CongVan, width: int) -> list[etree._Element]:
        if not cv.pham_vi_luu_hanh:
            return []
        # ô 11, III.2c: framed, above the Quốc hiệu on the right.
        return [self._framed("pham_vi_luu_hanh", cv.pham_vi_luu_hanh, width)]

    def _framed(self, key: str, text: str, cell_width: int, width_mm: float | None = None) -> etree._Element:
        size = self._size(key)
        width = mm(width_mm) if width_mm else pt(text_width_pt(text, size, bold=True) + size)
        side = max((cell_width - width) // 2, 0)
        edges = [border(s, 6, 1) for s in ("top", "left", "bottom", "right")]
        return paragraph(style_id(key), [run(text)], indent={"left": side, "right": side}, borders=edges, spacing={"before": pt(6)})

    def _marks(self, cv: CongVan, cell_width: int) -> list[etree._Element]:
        marks = []
        if cv.do_mat:  # ô 10a, III.2a: above the urgency mark
            marks.append(self._framed("do_mat", cv.do_mat, cell_width))
        if cv.muc_do_khan:  # ô 10b, III.2b: a single-line rectangle of fixed size
            width_mm, _ = nd30.MUC_DO_KHAN_MM[cv.muc_do_khan]
            marks.append(self._framed("muc_do_khan", cv.muc_do_khan, cell_width, width_mm))
        return marks

    # -- Kính gửi (ô 9a) ----------------------------------------------------

    def _kinh_gui(self, cv: CongVan) -> list[etree._Element]:
        if not cv.kinh_gui:
            return []  # a kind without Kính gửi (congvan.kinds)
        before = {"before": pt(self.layout.khoang_truoc_kinh_gui_pt)}
        font = Font(self._size("kinh_gui"))
        items = [no_break_references(item) for item in punctuate(cv.kinh_gui)]
        if len(items) == 1:
            # II.9d: one recipient on the same line as "Kính gửi:", without the ";"/"."
            # of a list (Phụ lục I, Mục V: "Kính gửi: Bộ Nội vụ").
            lines = compose_entry(f"Kính gửi: {items[0][:-1]}", font, self._twips_pt(self.text_width))
            return [paragraph(style_id("kinh_gui"), runs_with_breaks(lines), jc="center", spacing={**before, "after": pt(self.layout.khoang_sau_kinh_gui_pt)})]
        indent = cm(self.layout.kinh_gui_thut_cm)
        # II.9d: the dashes line up under the colon of "Kính gửi:"; a wrapped entry
        # hangs under its text, not under the dash.
        dash_at = indent + pt(font.width("Kính gửi"))
        hanging = pt(font.width("- "))
        room = self._twips_pt(self.text_width - dash_at - hanging)
        out = [self._p("kinh_gui", "Kính gửi:", indent={"left": indent}, spacing=before, keep_next=True)]
        for i, item in enumerate(items):
            last = i == len(items) - 1
            spacing = {"after": pt(self.layout.khoang_sau_kinh_gui_pt)} if last else None
            lines = _dashed(compose_entry(item, font, room))
            out.append(paragraph(style_id("kinh_gui"), runs_with_breaks(lines), indent={"left": dash_at + hanging, "hanging": hanging}, spacing=spacing, keep_next=not last))
        return out

    @staticmethod
    def _twips_pt(twips: int) -> float:
        return twips / 20

    # -- body (ô 6) ---------------------------------------------------------

    def _body(self, cv: CongVan, frame: Frame, close: bool = True) -> Markup:
        if cv.noi_dung is None:
            return Markup("")
        paragraphs = flatten(cv.noi_dung, close)
        out = []
        for i, para in enumerate(paragraphs):
            if isinstance(para, BodyTable):
                out.append(xml(table.build(para.bang, frame)))
                continue
            # Keep the closing paragraph with the signature block below it.
            keep = i == len(paragraphs) - 1
            out.append(self._block(("p", para, keep), lambda: [self._body_paragraph(para, keep_next=keep)]))
        return Markup("".join(out))

    def _body_paragraph(self, para: BodyParagraph, keep_next: bool) -> etree._Element:
        # Document references never break at their hyphen (Word and LibreOffice alike).
        runs = [run(no_break_references(s.text), bold=True if (s.bold or para.bold) else None, italic=True if s.italic else None) for s in spans(para.text)]
        # II.6e: body paragraphs are at least 6 pt apart; a Phần heading and its title too.
        spacing = {"after": pt(self.layout.cach_doan_pt)} if para.style == "phan" else None
        return paragraph(style_id(para.style), runs, keep_next=keep_next, spacing=spacing)

    # -- Nơi nhận and signature (ô 7, 8, 9b, 12) -----------------------------

    def _noi_nhan(self, cv: CongVan) -> list[etree._Element]:
        out = [self._p("noi_nhan", "Nơi nhận:", spacing={"before": pt(SIGNATURE_SPACE_BEFORE_PT)}, keep_next=True)]
        entries = noi_nhan_entries(cv)
        font = Font(self._size("danh_sach_noi_nhan"))
        hanging = pt(font.width("- "))
        room = self._twips_pt(self.widths["noi_nhan"])
        # A wrapped entry hangs under its text, keeping two words on its last line.
        return out + [
            paragraph(style_id("danh_sach_noi_nhan"),
                      runs_with_breaks(_dashed(compose_entry(no_break_references(entry), font, room - self._twips_pt(hanging)))),
                      indent={"left": hanging, "hanging": hanging}, keep_next=True)
            for entry in entries
        ]

    def _ban_sao(self, cv: CongVan, frame: Frame) -> list[etree._Element]:
        """Mẫu 3.1: the copy's header, then its Nơi nhận and signer, built by the shared
        builders from the copy's own data."""
        if cv.ban_sao is None or cv.ban_sao.dien_tu:
            return []  # Mẫu 3.2 has no block under the document: its signature is on top
        copy = cv.ban_sao
        signed = cv.model_copy(update={"noi_nhan": copy.noi_nhan, "luu": copy.luu, "nguoi_soan": None, "nguoi_ky": copy.nguoi_ky})
        left = self.widths["noi_nhan"]
        block = wml_table([left, self.text_width - left], [[self._noi_nhan(signed), self._nguoi_ky(signed, [])]], cant_split=True)
        return [*copy_block.header(cv, frame), block]

    def _nguoi_ky(self, cv: CongVan, images: Sequence[Image]) -> list[etree._Element]:
        first = {"before": pt(SIGNATURE_SPACE_BEFORE_PT)}
        font = Font(self._size("quyen_han_chuc_vu"), bold=True)
        room = self._twips_pt(self.widths["nguoi_ky"])
        # II.7b: a long title breaks at its phrases inside the signature column.
        titles = [line for title in cv.nguoi_ky.title_lines for line in compose_title(title, font, room)]
        out = [self._p("quyen_han_chuc_vu", line, spacing=first if i == 0 else None, keep_next=True) for i, line in enumerate(titles)]
        # ô 7c: room to sign between the title and the name; an electronic
        # signature's image takes that room (II.7d), the seal over its left third (II.8a).
        gap = [self._p("ho_ten", keep_next=True) for _ in range(self.layout.khoang_ky_dong)]
        out += place_images(gap, images, self.widths["nguoi_ky"]) if images else gap
        out.append(self._p("ho_ten", cv.nguoi_ky.ho_ten))
        return out

    # -- footer (ô 13) --------------------------------------------------------

    def _footer(self, cv: CongVan) -> etree._Element:
        if cv.lien_he is None or not cv.lien_he.line():
            return self._p("dia_chi")
        # III.4: page 1 only, under a solid rule across the whole text width.
        return self._p("dia_chi", cv.lien_he.line(), jc="center", borders=[border("top", 6, 1)])


_BLOCKS_KEPT = 4096  # blocks' XML kept per writer (a few MB at most)


def _dashed(lines: tuple[str, ...]) -> tuple[str, ...]:
    """An entry's lines behind its dash; the dash hangs in the indent (II.9d)."""
    return (f"- {lines[0]}", *lines[1:])


def noi_nhan_entries(cv: CongVan) -> list[str]:
    """The lines of Nơi nhận as printed, without their dash: the recipients, then
    "Lưu: VT, …" and ô 12 (Mẫu 1.5: "- Lưu: VT, …. PL.(300).")."""
    entries = punctuate(cv.noi_nhan + ["Lưu: " + ", ".join(cv.luu)])
    if cv.nguoi_soan:
        entries[-1] += f" {cv.nguoi_soan}."
    return entries


def punctuate(entries: list[str]) -> list[str]:
    """Entries of a list ending in `;`, the last in `.` (II.9d); the user's own kept, not doubled."""
    cleaned = [entry.strip().lstrip("-–+• ").rstrip(" ;,.") for entry in entries if entry.strip().strip("-;. ")]
    return [entry + ("." if i == len(cleaned) - 1 else ";") for i, entry in enumerate(cleaned)]
