"""DOCX writer: a CongVan and a layout → the bytes of a .docx.

Layout of Mẫu 1.5 (Phụ lục III): a borderless two-column header (agency, Số, V/v on
the left; Quốc hiệu, Tiêu ngữ, date on the right), Kính gửi, the body, then Nơi
nhận beside the signature block, kept together on one page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Sequence, cast
from xml.sax.saxutils import escape

from lxml import etree
from markupsafe import Markup

from .. import files, nd30
from ..body import BodyParagraph, BodyTable, flatten, spans
from ..layout import DEFAULT_LAYOUT, Layout
from ..model import CongVan
from ..typeset import Font, HeaderFrame, HeaderPlan, compose_entry, compose_title, no_break_references, plan_header
from ..typeset.metrics import text_width_pt
from ..vietnamese import ngay_thang_nam
from .compiled import CompiledTemplate, TemplateFileError
from .components import BUILDERS, Frame, appendix, attached, closer, form, signature, table
from .components import copy as copy_block
from .images import Image, place_images, signature_images
from .styles import style_id
from .tags import kind_tags, misfit
from .template import load_appendix_template, load_template, rule, template_label
from .wml import border, cm, mm, paragraph, pt, run, runs_with_breaks, text_with_breaks, xml
from .wml import table as wml_table

# Space above Nơi nhận and the signer's title, level with each other (II.9d).
SIGNATURE_SPACE_BEFORE_PT = 12


class DocxWriter:
    """Writes dispatches with one layout and one layout template (compiled once).

    The template's tags are filled from `context(cv)`: plain texts, and ready
    WordprocessingML for the blocks built from data (see `congvan.docx.tags`).
    """

    def __init__(self, layout: Layout = DEFAULT_LAYOUT, template: Path | bytes | None = None) -> None:
        self.layout = layout
        self.template_path = template  # a file, or a template's bytes from a caller without files
        compiled = load_template(template, layout)  # a clear error for an unusable file
        # A user's template that departs from NĐ 30 still renders; these say how.
        data = template if isinstance(template, bytes) else Path(template).read_bytes() if template else None
        if data:
            from .conformance import template_departures  # brings `check`: only for a user's template

            self.warnings = template_departures(data)
        else:
            self.warnings = []
        self.text_width = mm(layout.text_width_mm)
        left = round(self.text_width * layout.ti_le_cot_trai)
        signature_left = round(self.text_width * layout.ti_le_cot_noi_nhan)
        # Cell widths of the block tags in the default template; a user template's own win.
        self.widths = {
            "co_quan": left, "dau_hieu": left, "pham_vi_luu_hanh": self.text_width - left,
            "noi_nhan": signature_left, "nguoi_ky": self.text_width - signature_left,
            **compiled.block_widths,
        }
        self._blocks: dict[tuple[object, ...], Markup] = {}
        self._defaults: dict[str, CompiledTemplate] = {}

    @property
    def template(self) -> CompiledTemplate:
        """The compiled template (read again when its file changes on disk)."""
        return load_template(self.template_path, self.layout)

    def template_for(self, cv: CongVan) -> CompiledTemplate:
        """The template of the document: the agency's own, of any kind whose tags fit
        the document's (`congvan.docx.tags.misfit`), or the default of its kind."""
        if self.template_path is None:  # a kind's default: never changes, kept per writer (one per kind)
            compiled = self._defaults.get(cv.loai)
            if compiled is None:
                compiled = self._defaults[cv.loai] = load_template(None, self.layout, cv.loai)
            return compiled
        compiled = self.template
        problem = misfit(compiled, cv.kind, [])
        if problem:
            raise TemplateFileError(template_label(self.template_path), problem)
        return compiled

    # -- public -------------------------------------------------------------

    def to_bytes(self, cv: CongVan) -> bytes:
        images = signature_images(cv.nguoi_ky)
        compiled = self.template_for(cv)
        if cv.ban_sao and not cv.ban_sao.dien_tu and "ban_sao" not in compiled.variables:
            raise TemplateFileError(compiled.source, "mẫu không có thẻ {{p ban_sao }} nên không in được bản sao: thêm một đoạn chỉ có thẻ này sau khối chữ ký")
        if cv.ban_sao and cv.ban_sao.dien_tu and "ky_so" not in compiled.variables:
            raise TemplateFileError(compiled.source, "mẫu không có thẻ {{p ky_so }} nên không in được bản sao điện tử: thêm một đoạn chỉ có thẻ này trên phần đầu văn bản")
        if (appendix.in_file(cv) or cv.van_ban_kem_theo) and "phu_luc" not in compiled.variables:
            what = "phụ lục" if appendix.in_file(cv) else "văn bản kèm theo"
            raise TemplateFileError(compiled.source, f"mẫu không có thẻ {{{{p phu_luc }}}} nên không in được {what}: thêm một đoạn chỉ có thẻ này sau khối chữ ký")
        if cv.xac_nhan and "xac_nhan" not in compiled.variables:
            raise TemplateFileError(compiled.source, "mẫu không có thẻ {{p xac_nhan }} nên không in được phần xác nhận: thêm một đoạn chỉ có thẻ này sau khối chữ ký")
        edit = _section_edits(_has_landscape(cv), bool(appendix.in_file(cv)) or cv.van_ban_kem_theo is not None)
        context = self.context(cv, images, compiled)
        if not compiled.variables - context.keys():  # else the render names the unknown tag
            # A part of this document that the template has no tag for is refused, not dropped.
            lost = [tag for tag in sorted(kind_tags(cv.kind) - compiled.variables) if str(context.get(tag, ""))]
            problem = misfit(compiled, cv.kind, lost) if lost else None
            if problem:
                raise TemplateFileError(template_label(self.template_path), problem)
        return compiled.render(context, {"docProps/core.xml": core_xml(cv)}, [(i.name, i.data) for i in images], edit)

    def kem_theo_bytes(self, cv: CongVan) -> bytes:
        """Mẫu 1.3, the electronic văn bản kèm theo in a file of its own: the attached
        document alone, the decision's number and date left blank in its "(Kèm theo …)"
        line (note 2); the digital signature adds them, top right of page 1 (II.8b)."""
        if cv.van_ban_kem_theo is None:
            raise ValueError("dữ liệu không có văn bản kèm theo (van_ban_kem_theo)")
        compiled = self.template_for(cv)
        alone = cv.model_copy(update={"phu_luc": [], "ban_sao": None, "lien_he": None, "xac_nhan": None})
        numbered = cast(Callable[[str, str], str], _section_edits(False, True))  # an appendix's edit is always one
        kem = cv.van_ban_kem_theo

        def edit(name: str, xml: str) -> str:
            return _after_mark(numbered(name, xml)) if name == "word/document.xml" else numbered(name, xml)

        return compiled.render(self.context(alone, [], compiled, electronic=True), {"docProps/core.xml": core_xml(cv, kem_theo_title(cv))}, [], edit)

    def appendix_files(self, cv: CongVan) -> list[tuple[str, bytes]]:
        """The phụ lục issued as electronic files of their own (Mẫu 2.2), each as the
        end of its file's name and its bytes: ("-phu-luc-II", …), or ("-phu-luc", …)
        for a document's only phụ lục. They are not in `to_bytes`'s file."""
        own = appendix.own_files(cv)
        if not own:
            return []
        compiled = load_appendix_template(self.layout)
        page = Frame(self.layout, self.text_width, compiled.section)
        out = []
        for number, _ in own:
            context = {"phu_luc": xml(appendix.build_file(cv, page, number)), "lien_he": xml([self._p("dia_chi")])}
            core = {"docProps/core.xml": core_xml(cv, appendix.file_title(cv, number))}
            out.append((appendix.file_end(cv, number), compiled.render(context, core, [], None)))
        return out

    def frame(self, compiled: CompiledTemplate) -> HeaderFrame:
        """What the template lets the header do: a split that follows the data when its
        header table is the two columns of Mẫu 1.5, else the split it draws."""
        steps = "dia_danh_ngay" in compiled.variables
        if compiled.header_columns:
            total, left = sum(compiled.header_columns), compiled.header_columns[0]
            return HeaderFrame(twips_mm(total), twips_mm(left), True, steps)
        return HeaderFrame(twips_mm(self.text_width), twips_mm(self.widths["co_quan"]), False, steps)

    def header_plan(self, cv: CongVan, frame: HeaderFrame | None = None) -> HeaderPlan:
        """The header's split and lines for this dispatch (`congvan.typeset.header`)."""
        frame = frame or self.frame(self.template_for(cv))
        return plan_header(self.layout, frame, tuple(cv.co_quan_chu_quan), tuple(cv.co_quan_ban_hanh),
                           f"Số: {self._so(cv)}/{cv.ky_hieu}", cv.trich_yeu if cv.kind.vv and cv.trich_yeu else "", f"{cv.dia_danh}, {self._day(cv)}")

    def _so(self, cv: CongVan) -> str:
        """The number as printed: two digits at least (II.3c), blank in a draft."""
        return f"{cv.so:02d}" if cv.so is not None else self.layout.so_trong

    def _day(self, cv: CongVan) -> str:
        return ngay_thang_nam(cv.ngay.ngay, cv.ngay.thang, cv.ngay.nam, blank=self.layout.ngay_trong)

    def context(self, cv: CongVan, images: Sequence[Image] = (), compiled: CompiledTemplate | None = None,
                electronic: bool = False) -> dict[str, object]:
        """The value of every tag a layout template may use (`congvan.docx.tags.TAGS`)."""
        compiled = compiled or self.template_for(cv)
        page = Frame(self.layout, self.text_width, compiled.section)
        so = self._so(cv)
        day = self._day(cv)
        frame = self.frame(compiled)
        plan = self.header_plan(cv, frame)
        left = mm(plan.left_mm) if frame.movable else self.widths["co_quan"]
        right = mm(frame.total_mm) - left if frame.movable else self.widths["pham_vi_luu_hanh"]
        last = closer(cv)  # the component that ends with the closing mark
        context: dict[str, object] = {
            "cot_tieu_de": [left, right],
            "co_quan": self._block(("co_quan", plan.chu_quan, plan.ban_hanh, plan.rule_pt, left), lambda: self._co_quan(plan, left)),
            "co_quan_chu_quan": " ".join(cv.co_quan_chu_quan),
            "co_quan_ban_hanh": " ".join(cv.co_quan_ban_hanh),
            "pham_vi_luu_hanh": self._block(("pham_vi", cv.pham_vi_luu_hanh, right), lambda: self._pham_vi(cv, right)),
            "so": so,
            "ky_hieu": cv.ky_hieu,
            "so_ky_hieu": f"{so}/{cv.ky_hieu}",
            # The V/v as composed: breaks between its lines, "V/v " kept in the template.
            "trich_yeu": text_with_breaks([plan.trich_yeu[0][len("V/v "):], *plan.trich_yeu[1:]]) if cv.trich_yeu else "",
            "dau_hieu": self._block(("dau_hieu", cv.do_mat, cv.muc_do_khan, left), lambda: self._marks(cv, left)),
            "do_mat": cv.do_mat or "",
            "muc_do_khan": cv.muc_do_khan or "",
            "dia_danh": cv.dia_danh,
            "ngay": day,
            "dia_danh_ngay": self._block(("ngay", plan.date, plan.date_size), lambda: [self._date(plan)]),
            "kinh_gui": self._block(("kinh_gui", tuple(cv.kinh_gui), self.text_width), lambda: self._kinh_gui(cv)),
            "noi_dung": self._body(cv, page, close=last == "noi_dung"),
            "noi_nhan": self._block(("noi_nhan", tuple(noi_nhan_entries(cv)), self.widths["noi_nhan"]), lambda: self._noi_nhan(cv)),
            "nguoi_ky": self._signer(cv, images),
            "lien_he": self._block(("lien_he", cv.lien_he.line() if cv.lien_he else None), lambda: [self._footer(cv)]),
        }
        # The components the kind adds to the shared blocks (congvan.docx.components).
        # Mẫu 1.3: the attached document, then the phụ lục, each numbered on its own.
        kem_theo = attached.build(cv, page, self._kem_theo_header(plan, left, right), electronic) if cv.van_ban_kem_theo else []
        context["phu_luc"] = xml(kem_theo + appendix.build(cv, page, after_attached=bool(kem_theo)))
        context["ban_sao"] = xml(self._ban_sao(cv, page))
        context["xac_nhan"] = xml(form.xac_nhan(cv, page))
        # Mẫu 3.2: the copying agency's digital signature, top right of page 1 (ô 14).
        context["ky_so"] = xml([signature.place(cv.ban_sao.ky_so)] if cv.ban_sao and cv.ban_sao.dien_tu else [])
        for name in cv.kind.components:
            if name in BUILDERS:
                context[name] = xml(BUILDERS[name](cv, page, close=name == last))
        if cv.kind.two_signers:
            # Mẫu 1.9: the secretary's block beside the chair's, built as the signer's.
            context["thu_ky"] = xml(self._nguoi_ky(cv.model_copy(update={"nguoi_ky": cv.thu_ky}), []))
        if not cv.kind.dated:
            context["dia_danh_ngay"] = xml([paragraph(style_id("dia_danh_ngay"))])  # Mẫu 1.9: no place and date
        # A text never breaks a line inside a template's run: Word would show nothing.
        return {k: v.replace("\n", " ") if isinstance(v, str) and "\n" in v and not isinstance(v, Markup) else v for k, v in context.items()}

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


def twips_mm(twips: int) -> float:
    return twips * 25.4 / 1440


def noi_nhan_entries(cv: CongVan) -> list[str]:
    """The lines of Nơi nhận as printed, without their dash: the recipients, then
    "Lưu: VT, …" and ô 12 (Mẫu 1.5: "- Lưu: VT, …. PL.(300).")."""
    entries = punctuate(cv.noi_nhan + ["Lưu: " + ", ".join(cv.luu)])
    if cv.nguoi_soan:
        entries[-1] += f" {cv.nguoi_soan}."
    return entries


def _has_landscape(cv: CongVan) -> bool:
    if cv.noi_dung is None or isinstance(cv.noi_dung, str):
        return False  # a typed body holds no table
    blocks = flatten(cv.noi_dung)
    return any(isinstance(b, BodyTable) and b.bang.ngang for b in blocks)


def _section_edits(landscape: bool, appendices: bool) -> Callable[[str, str], str] | None:
    """What the body's last section needs: numbered from its first page after a
    landscape table; numbered from 1 again when it is the last phụ lục (III.1đ)."""
    if not landscape and not appendices:
        return None

    def edit(name: str, xml: str) -> str:
        if landscape and not appendices:
            xml = _number_after_landscape(name, xml)
        if appendices and name == "word/document.xml":
            at = xml.rfind("<w:sectPr")
            later = [xml.find(tag, at) for tag in ("<w:cols", "<w:formProt", "<w:vAlign", "<w:noEndnote", "<w:titlePg", "<w:textDirection", "<w:bidi", "<w:rtlGutter", "<w:docGrid", "</w:sectPr>")]
            where = min(i for i in later if i > 0)
            xml = xml[:where] + '<w:pgNumType w:start="1"/>' + xml[where:]
        return xml

    return edit


def _number_after_landscape(name: str, xml: str) -> str:
    """The section after a landscape table is not page 1: its first page is numbered
    (Phần I, Mục I.7), so the body's last section drops the title-page set-up."""
    if name != "word/document.xml":
        return xml
    at = xml.rfind("<w:sectPr")
    return xml[:at] + xml[at:].replace("<w:titlePg/>", "", 1)


def punctuate(entries: list[str]) -> list[str]:
    """Entries of a list ending in `;`, the last in `.` (II.9d); the user's own kept, not doubled."""
    cleaned = [entry.strip().lstrip("-–+• ").rstrip(" ;,.") for entry in entries if entry.strip().strip("-;. ")]
    return [entry + ("." if i == len(cleaned) - 1 else ";") for i, entry in enumerate(cleaned)]


def _after_mark(xml: str) -> str:
    """The body from the paragraph after the attached document's mark on: the
    electronic văn bản kèm theo alone (Mẫu 1.3)."""
    at = xml.find(f'w:name="{attached.MARK}"')
    end = xml.find("</w:p>", at) + len("</w:p>")
    body = xml.find("<w:body>") + len("<w:body>")
    return xml[:body] + xml[end:]


def kem_theo_title(cv: CongVan) -> str:
    """The title of the electronic văn bản kèm theo's own file (Mẫu 1.3): its tên loại
    and trích yếu, e.g. "Quy chế Làm việc của …"."""
    kem = cv.van_ban_kem_theo
    return f"{kem.kind.ten_loai} {kem.trich_yeu}" if kem is not None else cv.document_title


def core_xml(cv: CongVan, title: str | None = None) -> bytes:
    """Document properties; the date is the dispatch's own, so the bytes never vary."""
    created = ""
    if cv.ngay.date:
        stamp = f"{cv.ngay.date.isoformat()}T00:00:00Z"
        created = (
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(title or cv.document_title)}</dc:title>"
        f"<dc:subject>{escape('Số: ' + cv.so_ky_hieu)}</dc:subject>"
        f"<dc:creator>{escape(' '.join(cv.co_quan_ban_hanh))}</dc:creator>"
        f"<cp:keywords>{escape(cv.kind.ten.lower())}</cp:keywords>"
        f"{created}</cp:coreProperties>"
    ).encode("utf-8")


write_atomic = files.write_atomic  # kept here too: the writer's callers import it from this module
