"""DOCX writer: a CongVan and a layout → the bytes of a .docx.

Layout of Mẫu 1.5 (Phụ lục III): a borderless two-column header (agency, Số, V/v on
the left; Quốc hiệu, Tiêu ngữ, date on the right), Kính gửi, the body, then Nơi
nhận beside the signature block, kept together on one page. The writer fills the
template's tags: with the shared blocks (`congvan.docx.blocks`) and the components
of the kind (`congvan.docx.components`); `congvan.docx.parts` sets the sections and
the document properties around the fill.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Sequence, cast

from markupsafe import Markup

from .. import files
from ..layout import DEFAULT_LAYOUT, Layout
from ..model import CongVan
from ..typeset import HeaderFrame, HeaderPlan, plan_header
from ..vietnamese import ngay_thang_nam
from .blocks import Blocks, noi_nhan_entries, punctuate
from .compiled import CompiledTemplate, TemplateFileError
from .components import BUILDERS, Frame, appendix, attached, closer, form, signature
from .images import Image, signature_images
from .parts import after_mark, core_xml, has_landscape, kem_theo_title, section_edits
from .styles import style_id
from .tags import kind_tags, misfit
from .template import load_appendix_template, load_template, template_label
from .wml import mm, paragraph, text_with_breaks, xml

# What callers import from here (noi_nhan_entries and punctuate live in .blocks, kem_theo_title in .parts).
__all__ = ["DocxWriter", "kem_theo_title", "noi_nhan_entries", "punctuate", "twips_mm", "write_atomic"]


class DocxWriter(Blocks):
    """Writes dispatches with one layout and one layout template (compiled once).

    The template's tags are filled from `context(cv)`: plain texts, and ready
    WordprocessingML for the blocks built from data (see `congvan.docx.tags`).
    """

    def __init__(self, layout: Layout = DEFAULT_LAYOUT, template: Path | bytes | None = None) -> None:
        self.template_path = template  # a file, or a template's bytes from a caller without files
        compiled = load_template(template, layout)  # a clear error for an unusable file
        super().__init__(layout, compiled.block_widths)
        # A user's template that departs from NĐ 30 still renders; these say how.
        data = template if isinstance(template, bytes) else Path(template).read_bytes() if template else None
        if data:
            from .conformance import template_departures  # brings `check`: only for a user's template

            self.warnings = template_departures(data)
        else:
            self.warnings = []
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
        edit = section_edits(has_landscape(cv), bool(appendix.in_file(cv)) or cv.van_ban_kem_theo is not None)
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
        numbered = cast(Callable[[str, str], str], section_edits(False, True))  # an appendix's edit is always one
        kem = cv.van_ban_kem_theo

        def edit(name: str, xml: str) -> str:
            return after_mark(numbered(name, xml)) if name == "word/document.xml" else numbered(name, xml)

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


def twips_mm(twips: int) -> float:
    return twips * 25.4 / 1440


write_atomic = files.write_atomic  # kept here too: the writer's callers import it from this module
