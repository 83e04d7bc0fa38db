"""The tags a layout template may use, and the check of a template before use.

A tag `{{ name }}` takes a text; a paragraph tag `{{p name }}` is replaced, whole
paragraph, by the paragraphs congvan builds from the data (docxtpl's convention).
The names are the model's fields where one field makes the text.

A kind of document (`congvan.kinds`) has its own tags: its components (the tên loại
block, căn cứ, Điều, a form's lines…), the thư ký of Mẫu 1.9, the V/v line of a công
văn. A template fits a kind when it holds no tag of another kind and lacks none of
the kind's own; the template's kind is recorded in it (`congvan.docx.properties`) or
read from those tags.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

from .. import kinds
from ..kinds import Kind
from .compiled import CompiledTemplate

# name → (kind, what it holds); kind "p": a paragraph tag, "": a text tag.
TAGS: dict[str, tuple[str, str]] = {
    "co_quan": ("p", "tên cơ quan chủ quản và cơ quan ban hành, đường kẻ dưới (ô 2)"),
    "co_quan_chu_quan": ("", "tên cơ quan chủ quản, một dòng"),
    "co_quan_ban_hanh": ("", "tên cơ quan ban hành, một dòng"),
    "pham_vi_luu_hanh": ("p", "dấu phạm vi lưu hành, có khung (ô 11)"),
    "so": ("", "số văn bản, '05'; để trống khi là dự thảo (ô 3)"),
    "ky_hieu": ("", "ký hiệu, 'STTTT-BCVT' (ô 3)"),
    "so_ky_hieu": ("", "số và ký hiệu, '05/STTTT-BCVT'"),
    "trich_yeu": ("", "trích yếu, sau 'V/v ' (ô 5b)"),
    "dau_hieu": ("p", "dấu độ mật và mức độ khẩn, có khung (ô 10a, 10b)"),
    "do_mat": ("", "độ mật: MẬT, TỐI MẬT, TUYỆT MẬT"),
    "muc_do_khan": ("", "mức độ khẩn: KHẨN, THƯỢNG KHẨN, HỎA TỐC"),
    "dia_danh": ("", "địa danh (ô 4)"),
    "ngay": ("", "'ngày 05 tháng 3 năm 2021' (ô 4)"),
    "dia_danh_ngay": ("p", "địa danh và ngày tháng, một dòng, cỡ chữ tự giảm còn 13 khi dòng dài (ô 4)"),
    "kinh_gui": ("p", "dòng 'Kính gửi:' và danh sách nơi gửi (ô 9a)"),
    "noi_dung": ("p", "nội dung công văn, kết thúc bằng './.' (ô 6)"),
    "noi_nhan": ("p", "'Nơi nhận:' và danh sách, dòng 'Lưu' (ô 9b, 12)"),
    "nguoi_ky": ("p", "quyền hạn, chức vụ, chữ ký, dấu, họ tên người ký (ô 7, 8)"),
    "xac_nhan": ("p", "giấy nghỉ phép: khối xác nhận của nơi nghỉ phép, dưới người ký, bên trái (Mẫu 1.10)"),
    "lien_he": ("p", "địa chỉ, điện thoại, thư điện tử, website (ô 13)"),
    "ban_sao": ("p", "khối bản sao: cơ quan sao, SAO Y/SAO LỤC/TRÍCH SAO, số, ngày, nơi nhận, người ký (Mẫu 3.1)"),
    "phu_luc": ("p", "các phụ lục kèm theo, mỗi phụ lục trang và số trang riêng (Mẫu 2.1)"),
    "ky_so": ("p", "bản sao điện tử: chỗ chữ ký số của cơ quan sao, góc trên bên phải trang đầu (ô 14, Mẫu 3.2)"),
    # The components of the kinds with a tên loại (congvan.kinds, congvan.docx.components).
    "tieu_de": ("p", "tên loại văn bản, trích yếu dưới nó và đường kẻ (ô 5a)"),
    "tham_quyen": ("p", "thẩm quyền ban hành, dưới tên loại (Mẫu 1.1, 1.2)"),
    "can_cu": ("p", "các căn cứ ban hành, in nghiêng (Mẫu 1.1, 1.2)"),
    "quyet_nghi": ("p", "dòng 'QUYẾT ĐỊNH:', 'QUYẾT NGHỊ:' (Mẫu 1.1, 1.2)"),
    "dieu": ("p", "các Điều, đánh số từ dữ liệu (Mẫu 1.1, 1.2)"),
    "form": ("p", "các dòng của giấy mời, giấy giới thiệu, biên bản… (Mẫu 1.7–1.10)"),
    "form_end": ("p", "dòng kết thúc của biên bản (Mẫu 1.9)"),
    "dien": ("p", "nơi nhận công điện và lời điện (Mẫu 1.6)"),
    "thu_ky": ("p", "khối chữ ký của thư ký, bên trái chủ tọa (Mẫu 1.9)"),
}
# Without these a template cannot show a document of any kind; each kind adds its own.
SHARED_REQUIRED = {"co_quan", "so", "ky_hieu", "dia_danh", "ngay", "noi_nhan", "nguoi_ky"}
# A field that several tags can show: having any one of them is enough.
ALTERNATIVES = {
    "co_quan": {"co_quan", "co_quan_ban_hanh"},
    "so": {"so", "so_ky_hieu"},
    "ky_hieu": {"ky_hieu", "so_ky_hieu"},
    "dia_danh": {"dia_danh", "dia_danh_ngay"},
    "ngay": {"ngay", "dia_danh_ngay"},
}


def kind_tags(kind: Kind) -> set[str]:
    """The tags of what is the kind's own: its components, the thư ký of Mẫu 1.9,
    the xác nhận of Mẫu 1.10, the V/v line under the number of a công văn (ô 5b)."""
    own = set(kind.components)
    if kind.two_signers:
        own.add("thu_ky")
    if kind.xac_nhan:
        own.add("xac_nhan")
    if kind.vv:
        own.add("trich_yeu")
    return own


KIND_TAGS = set().union(*(kind_tags(k) for k in kinds.KINDS.values()))


def required(kind: Kind) -> set[str]:
    """The fields a template of `kind` must show (Mẫu 1.9 has no place and date)."""
    needed = SHARED_REQUIRED | kind_tags(kind)
    return needed if kind.dated else needed - {"dia_danh", "ngay"}


def _order(tag: str) -> int:
    return list(TAGS).index(tag) if tag in TAGS else len(TAGS)


def fit(variables: set[str], kind: Kind) -> tuple[list[str], list[str]]:
    """(missing, foreign): the kind's own tags a template lacks, and the tags it
    holds that belong to other kinds only."""
    own = kind_tags(kind)
    in_kind = [*kind.components, "thu_ky", "xac_nhan", "trich_yeu"]  # the missing ones in the kind's order
    return sorted(own - variables, key=in_kind.index), sorted((variables & KIND_TAGS) - own, key=_order)


def fitting_kinds(variables: set[str]) -> list[Kind]:
    """Every kind a template with these tags serves as it is (the seventeen kinds of
    Mẫu 1.4 share one set of tags: one template serves them all)."""
    return [k for k in kinds.KINDS.values() if fit(variables, k) == ([], [])]


def shown(tag: str) -> str:
    """A tag as the văn thư types it: `{{p noi_dung }}`, `{{ so }}`."""
    return f"{{{{p {tag} }}}}" if TAGS.get(tag, ("",))[0] == "p" else f"{{{{ {tag} }}}}"


def recorded(compiled: CompiledTemplate) -> Kind | None:
    """The kind recorded in the template, when it names one."""
    return kinds.KINDS.get(compiled.loai or "")


def template_kind(compiled: CompiledTemplate) -> Kind:
    """The kind a template is made for: the one it records, else the one its tags
    fit (the nearest when none fits; the công văn's for a tie, as older templates)."""
    own = recorded(compiled)
    if own is not None:
        return own
    default = kinds.get(None)
    candidates = [default] + [k for k in kinds.KINDS.values() if k is not default]
    return min(candidates, key=lambda k: sum(map(len, fit(compiled.variables, k))))


def _whose(compiled: CompiledTemplate) -> str:
    """How a message names the template's kind: recorded, else read from its tags."""
    made_for = recorded(compiled)
    fits = [made_for] if made_for else fitting_kinds(compiled.variables)
    if len(fits) == 1:
        return f"của {fits[0].ten} (Mẫu {fits[0].mau})"
    if fits:
        return "theo Mẫu " + ", ".join(sorted({k.mau for k in fits}))
    return "này"


def misfit(compiled: CompiledTemplate, kind: Kind, lost: list[str]) -> str | None:
    """Why the template cannot show a document of `kind` (None: it can). `lost`: the
    kind's own tags the template lacks although this document has content for them.

    A template of another kind whose tags are the kind's (Tờ trình and Báo cáo, Mẫu
    1.4; Quyết định and Nghị quyết) serves it: the tên loại comes from the data."""
    missing, foreign = fit(compiled.variables, kind)
    if not foreign and not lost:
        return None
    export = f"congvan template export --loai {kind.loai} TỆP.docx"
    reasons = ["thiếu thẻ " + ", ".join(shown(t) for t in missing)] if missing else []
    if foreign:
        reasons.append("có thẻ " + ", ".join(shown(t) for t in foreign) + f" mà {kind.ten} không có")
    made_for = recorded(compiled)
    if not foreign and made_for in (None, kind):
        # The kind's own template, a tag deleted: the document would lose that part.
        return f"mẫu bố cục {reasons[0]} nên không in được hết {kind.ten} này: thêm lại thẻ (mỗi thẻ một đoạn riêng) hoặc xuất lại mẫu: {export}"
    return f"mẫu bố cục {_whose(compiled)} không dùng được cho {kind.ten} (Mẫu {kind.mau}): {'; '.join(reasons)}; xuất mẫu của {kind.ten}: {export}"


@dataclass
class TemplateReport:
    """What `congvan template check` says of a template."""

    source: str
    tags: list[str]
    missing: list[str]  # required fields no tag shows
    unknown: dict[str, str | None] = field(default_factory=dict)  # tag → the name it probably meant
    departures: list[str] = field(default_factory=list)  # page set-up and styles against NĐ 30
    kind: Kind = field(default_factory=lambda: kinds.get(None))  # the kind it was checked for
    kind_from: str = "thẻ"  # where the kind came from: "mẫu" (recorded), "thẻ" (its tags), "--loai"
    foreign: list[str] = field(default_factory=list)  # tags of other kinds only
    fits: list[Kind] = field(default_factory=list)  # every kind the template serves as it is
    bad_kind: str | None = None  # a recorded kind that is no kind

    @property
    def ok(self) -> bool:
        return not self.missing and not self.unknown and not self.foreign and not self.bad_kind


def check_template(path: str | Path, loai: str | None = None) -> TemplateReport:
    """The tags of a template, the fields its kind (`loai`, else the recorded one,
    else the one its tags fit) lacks, the tags of other kinds and those that name
    nothing."""
    data = Path(path).read_bytes()
    compiled = CompiledTemplate.from_bytes(data, str(path))
    used = sorted(compiled.variables)
    if loai:
        kind, kind_from = kinds.get(loai), "--loai"
    else:
        kind, kind_from = template_kind(compiled), "mẫu" if recorded(compiled) else "thẻ"
    missing = sorted(name for name in required(kind) if not (ALTERNATIVES.get(name, {name}) & compiled.variables))
    unknown = {}
    for tag in used:
        if tag not in TAGS:
            close = difflib.get_close_matches(tag, TAGS, n=1)
            unknown[tag] = close[0] if close else None
    bad_kind = compiled.loai if compiled.loai and not recorded(compiled) else None
    from .conformance import template_departures  # brings `check`, which a render does not need

    return TemplateReport(str(path), used, missing, unknown, template_departures(data), kind, kind_from,
                          fit(compiled.variables, kind)[1], fitting_kinds(compiled.variables), bad_kind)
