"""JSON Schema (draft 2020-12) of a dispatch file as a văn thư types it.

pydantic describes the model after its validators ran (a date as an object, the
agency as a list). This schema describes the input instead: it is generated from
the same model, then each place where a validator accepts more than the field's
type is widened to what it accepts (one line or a list of lines, a date as text or
{thang, nam}, an outline item `{khoan: …}`, `KT. GIÁM ĐỐC`), the `bien:` block of a
content template is added, and descriptions are Vietnamese. A field added to the
model appears here by itself. Editors (VS Code with the YAML extension, any
yaml-language-server) read it from a first line

    # yaml-language-server: $schema=congvan.schema.json
"""

from __future__ import annotations

import json
import typing
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic.json_schema import GenerateJsonSchema

from . import kinds, model
from .content import DEFAULTS_KEY

DRAFT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_FILE = "congvan.schema.json"

# Characters a DOCX cannot hold (congvan.vietnamese.text refuses them too).
_TEXT = r"[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"
TEXT = f"^{_TEXT}*$"
NOT_BLANK = rf"^{_TEXT}*[^\s\x00-\x1f\x7f]{_TEXT}*$"
VARIABLE = r"\{\{|\{%"  # a content template's variable: any field may hold one
_DAY = r"(0?[1-9]|1[0-9]|2[0-8])"
# ISO 2021-03-05 or Vietnamese 05/03/2021; days a month never has are refused.
_MONTH_DAY = [
    (r"(0?[1-9]|1[0-2])", _DAY),
    (r"(0?[13-9]|1[0-2])", r"(29|30)"),
    (r"(0?[13578]|1[02])", r"31"),
]
DATE_PATTERNS = (
    "^\\s*(" + "|".join(f"\\d{{4}}-{m}-{d}" for m, d in _MONTH_DAY) + ")\\s*$",
    "^\\s*(" + "|".join(f"{d}/{m}/\\d{{4}}" for m, d in _MONTH_DAY) + ")\\s*$",
)
POSITIVE = r"^\s*0*[1-9][0-9]*\s*$"  # numbers are read as text from YAML: "05"

# What the decree calls each field, with its cell of Phụ lục I, Mục IV, and examples
# taken from the decree (Phụ lục I, Mục V) or its Mẫu 1.5.
DESCRIPTIONS: dict[str, tuple[str, list[Any]]] = {
    "CongVan": ("Công văn theo Nghị định 30/2020/NĐ-CP (Mẫu 1.5, Phụ lục III).", []),
    "CongVan.co_quan_chu_quan": ("Tên cơ quan, tổ chức chủ quản trực tiếp (ô 2), tùy chọn; một dòng hoặc danh sách các dòng.", ["BỘ NỘI VỤ"]),
    "CongVan.co_quan_ban_hanh": ("Tên cơ quan, tổ chức ban hành văn bản (ô 2); một dòng hoặc danh sách các dòng.", ["CỤC VĂN THƯ VÀ LƯU TRỮ NHÀ NƯỚC", ["SỞ THÔNG TIN", "VÀ TRUYỀN THÔNG"]]),
    "CongVan.so": ("Số của văn bản (ô 3); để trống khi là dự thảo. Số nhỏ hơn 10 tự thêm số 0: 5 → 05.", [5, None]),
    "CongVan.ky_hieu": ("Ký hiệu sau dấu '/' (ô 3): chữ viết tắt tên cơ quan và đơn vị soạn thảo, nối bằng '-'.", ["BNV-VP", "UBND-VX"]),
    "CongVan.trich_yeu": ("Trích yếu nội dung (ô 5b), không cần gõ 'V/v'.", ["nâng bậc lương năm 2019"]),
    "CongVan.dia_danh": ("Địa danh (ô 4).", ["Hà Nội", "Thành phố Hồ Chí Minh"]),
    "CongVan.ngay": ("Ngày ban hành (ô 4): 2020-01-05, 05/01/2020, hoặc {thang, nam} cho dự thảo chưa có ngày.", ["2020-01-05", "05/01/2020", {"thang": 1, "nam": 2020}]),
    "CongVan.kinh_gui": ("Nơi nhận sau 'Kính gửi:' (ô 9a); một nơi: một dòng, nhiều nơi: danh sách.", ["Các bộ, cơ quan ngang bộ"]),
    "CongVan.noi_dung": ("Nội dung (ô 6): văn bản tự do, mỗi dòng một đoạn; hoặc danh sách đoạn và mục dàn ý để congvan tự đánh số.", ["Trong công tác chỉ đạo ..."]),
    "CongVan.noi_nhan": ("Nơi nhận (ô 9b); congvan tự thêm dấu '-', ';' và '.'.", [["Như trên", "Các bộ, cơ quan ngang bộ"]]),
    "CongVan.luu": ("Dòng 'Lưu:' cuối nơi nhận; VT luôn đứng đầu.", [["VT", "TCCB"]]),
    "CongVan.nguoi_soan": ("Ký hiệu người soạn thảo và số lượng bản phát hành (ô 12).", [{"ky_hieu": "PL", "so_ban": 300}]),
    "CongVan.nguoi_ky": ("Người ký (ô 7, 8): quyền hạn, chức vụ, họ tên.", [{"quyen_han": "KT. BỘ TRƯỞNG", "chuc_vu": "THỨ TRƯỞNG", "ho_ten": "Trần Văn B"}]),
    "CongVan.muc_do_khan": ("Dấu chỉ mức độ khẩn (ô 10b), tùy chọn.", ["KHẨN"]),
    "CongVan.do_mat": ("Dấu chỉ độ mật (ô 10a), tùy chọn.", ["MẬT"]),
    "CongVan.pham_vi_luu_hanh": ("Chỉ dẫn về phạm vi lưu hành (ô 11), tùy chọn.", ["XEM XONG TRẢ LẠI"]),
    "CongVan.lien_he": ("Địa chỉ, điện thoại, thư điện tử, trang thông tin điện tử, số Fax ở cuối trang đầu (ô 13), tùy chọn.", []),
    "CongVan.layout": ("Mẫu bố cục của cơ quan: tệp .docx, hoặc hồ sơ bố cục .yaml/.json/.toml; đường dẫn tính từ thư mục của tệp dữ liệu.", ["mau-co-quan.docx"]),
    "Ngay.ngay": ("Ngày (để trống khi dự thảo).", [5]),
    "Ngay.thang": ("Tháng.", [1]),
    "Ngay.nam": ("Năm.", [2020]),
    "NguoiKy.quyen_han": ("Quyền hạn của người ký (ô 7a): TM., Q., KT., TL., TUQ.; một dòng hoặc danh sách từ ngoài vào trong.", ["KT. BỘ TRƯỞNG", ["TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG"]]),
    "NguoiKy.chuc_vu": ("Chức vụ của người ký (ô 7b).", ["THỨ TRƯỞNG", "CHỦ TỊCH"]),
    "NguoiKy.ho_ten": ("Họ tên người ký (ô 7c), không ghi học hàm, học vị.", ["Nguyễn Văn A"]),
    "NguoiKy.chu_ky": ("Ảnh chữ ký (PNG nền trong suốt) cho văn bản điện tử.", ["anh/chu-ky.png"]),
    "NguoiKy.con_dau": ("Ảnh dấu (PNG nền trong suốt) cho văn bản điện tử.", ["anh/dau.png"]),
    "NguoiSoan.ky_hieu": ("Chữ viết tắt tên người soạn thảo.", ["PL"]),
    "NguoiSoan.so_ban": ("Số lượng bản phát hành.", [300]),
    "LienHe.dia_chi": ("Địa chỉ cơ quan, tổ chức.", []),
    "LienHe.dien_thoai": ("Số điện thoại (viết trong ngoặc kép để giữ số 0 đầu).", ["0277.3873996"]),
    "LienHe.fax": ("Số Fax.", []),
    "LienHe.email": ("Thư điện tử.", []),
    "LienHe.website": ("Trang thông tin điện tử.", []),
    "Muc": ("Một mục của dàn ý, congvan tự đánh số: phan (Phần I), muc (I.), khoan (1.), diem (a)), gach (-).", [{"khoan": "Tiêu đề khoản", "noi_dung": [{"diem": "Nội dung điểm"}]}]),
    DEFAULTS_KEY: ("Mẫu nội dung: giá trị mặc định của các biến {{ ten_bien }}; không in ra công văn.", [{"nam": 2026}]),
}


class _Generator(GenerateJsonSchema):
    """pydantic's generator without English titles."""

    def field_title_should_be_set(self, schema: Any) -> bool:
        return False


def _literal_values(annotation: Any) -> list[str]:
    return [a for a in typing.get_args(annotation) if isinstance(a, str)]


def _ignore_case(pattern: str) -> str:
    """A Python regex with re.IGNORECASE → the same without the flag (JSON Schema has none)."""
    out, escaped = "", False
    for char in pattern:
        if escaped or not char.isalpha():
            out += char
        else:
            out += f"[{char.upper()}{char.lower()}]"
        escaped = char == "\\" and not escaped
    return out


def _walk(node: Any, visit: Any) -> Any:
    if isinstance(node, dict):
        node = {k: _walk(v, visit) for k, v in node.items()}
        return visit(node)
    if isinstance(node, list):
        return [_walk(v, visit) for v in node]
    return node


def _widen(node: dict[Any, Any]) -> dict[Any, Any]:
    """Every number may be typed as text ("05"), every value may be a template variable."""
    kind = node.get("type")
    if kind == "string" and "pattern" not in node and "enum" not in node:
        node["pattern"] = TEXT
    meta = {k: node.pop(k) for k in ("description", "examples", "default") if k in node and kind in ("integer", "string")}
    if kind == "integer":
        digits = _digits(node.get("minimum"), node.get("maximum"))
        return {**meta, "anyOf": [node, {"type": "string", "pattern": digits}, {"$ref": "#/$defs/Bien"}]}
    if kind == "string" and "enum" in node:
        values = list(dict.fromkeys(node["enum"] + [v.lower() for v in node["enum"]]))
        return {**meta, "anyOf": [{"type": "string", "enum": values}, {"$ref": "#/$defs/Bien"}]}
    return {**meta, **node}


def _digits(low: int | None, high: int | None) -> str:
    """A number typed as text ("05", as YAML is read) within the model's limits."""
    if low is not None and high is not None and high - low <= 40:
        return r"^\s*0*(" + "|".join(str(n) for n in range(high, low - 1, -1)) + r")\s*$"
    if low is not None and high is not None and low > 0:
        return rf"^\s*\d{{{len(str(low))},{len(str(high))}}}\s*$"
    return POSITIVE if low is not None and low >= 1 else r"^\s*-?\d+\s*$"


def _required_text(props: dict[Any, Any], required: list[str]) -> None:
    """A required text may not be blank (the model's validators say 'không được để trống')."""
    for name in required:
        prop = props.get(name, {})
        for branch in [prop, *prop.get("anyOf", [])]:
            if branch.get("type") == "string" and branch.get("pattern") == TEXT:
                branch["pattern"] = NOT_BLANK
            if branch.get("type") == "array" and branch.get("items", {}).get("pattern") == TEXT:
                branch["items"] = {"type": "string", "pattern": TEXT}
                branch["contains"] = {"type": "string", "pattern": NOT_BLANK}


def _describe(owner: str, props: dict[Any, Any]) -> None:
    for name, prop in props.items():
        text, examples = DESCRIPTIONS.get(f"{owner}.{name}", ("", []))
        if text:
            prop["description"] = text
        if examples:
            prop["examples"] = examples


def input_schema() -> dict[str, Any]:
    """The schema of a dispatch file (YAML, JSON or TOML) as typed, with its variables."""
    base = model.CongVan.model_json_schema(mode="validation", schema_generator=_Generator)
    defs: dict[str, Any] = base.pop("$defs", {})
    schemas = {"CongVan": base, **defs}
    for name, schema in schemas.items():
        schema.pop("title", None)
        schema.pop("description", None)  # the classes' docstrings are English
        _describe(name, schema.get("properties", {}))
    # The limits Ngay's validator checks (a month has 1 to 12, a year 1900 to 2999).
    for key, low, high in (("ngay", 1, 31), ("thang", 1, 12), ("nam", 1900, 2999)):
        _find_branch(schemas["Ngay"]["properties"][key], "integer").update(minimum=low, maximum=high)
    schemas = {name: _walk(schema, _widen) for name, schema in schemas.items()}
    for name, schema in schemas.items():
        _required_text(schema.get("properties", {}), schema.get("required", []))
    _inputs(schemas)
    main = schemas.pop("CongVan")
    main["properties"][DEFAULTS_KEY] = {
        "type": "object", "description": DESCRIPTIONS[DEFAULTS_KEY][0], "examples": DESCRIPTIONS[DEFAULTS_KEY][1],
    }
    schemas["Bien"] = {"type": "string", "pattern": VARIABLE, "description": "Biến của mẫu nội dung, ví dụ \"{{ so }}\"."}
    return {
        "$schema": DRAFT,
        "title": "Tệp dữ liệu công văn (congvan)",
        "description": DESCRIPTIONS["CongVan"][0],
        **main,
        "allOf": _by_kind(),
        "$defs": dict(sorted(schemas.items())),
    }


def _takes_text(cls: type[BaseModel]) -> bool:
    """Whether a model's own validator reads a line of text as the whole object
    (`ngay: 05/03/2021`, `quyen_han: KT. GIÁM ĐỐC`, an article given as its text):
    pydantic then judges the text itself instead of asking for a mapping."""
    try:
        cls.__pydantic_validator__.validate_python("Một dòng chữ")
    except ValidationError as exc:
        return not any(error["type"] in ("model_type", "dict_type") for error in exc.errors())
    return True


def _inputs(schemas: dict[str, Any]) -> None:
    """Widen the places where a model validator takes a shorter form than the field."""
    kinds_of_chain = "|".join(_literal_values(model.QuyenHan.model_fields["loai"].annotation))
    text_forms = {
        "Ngay": [{"type": "string", "pattern": p} for p in DATE_PATTERNS],
        "QuyenHan": [{"type": "string", "pattern": _ignore_case(rf"^\s*({kinds_of_chain})\.\s*\S")}],
    }
    for name in list(schemas):
        cls = getattr(model, name, None)
        if name != "CongVan" and isinstance(cls, type) and _takes_text(cls):
            forms = text_forms.get(name, [{"type": "string", "pattern": NOT_BLANK}])
            schemas[name] = {"anyOf": [*forms, schemas[name], {"$ref": "#/$defs/Bien"}]}

    nguoi_ky = schemas["NguoiKy"]["properties"]
    one_or_list = {"anyOf": [{"$ref": "#/$defs/QuyenHan"}, {"type": "array", "items": {"$ref": "#/$defs/QuyenHan"}}]}
    nguoi_ky["quyen_han"] = {**{k: v for k, v in nguoi_ky["quyen_han"].items() if k in ("description", "examples")}, **one_or_list}
    nguoi_ky["ho_ten"]["not"] = {"pattern": _ignore_case(model._ACADEMIC_TITLES.pattern)}
    for image in ("chu_ky", "con_dau"):
        _find_branch(nguoi_ky[image], "string")["pattern"] = r"\.[pP][nN][gG]\s*$"
    props = schemas["CongVan"]["properties"]
    suffixes = "|".join(s.lstrip(".") for s in model.LAYOUT_SUFFIXES)
    _find_branch(props["layout"], "string")["pattern"] = _ignore_case(rf"\.({suffixes})\s*$")
    spelled = {"type": "string", "pattern": _ignore_case("^\\s*(" + "|".join(_loai(k) for k in kinds.KINDS) + ")\\s*$")}
    props["loai"] = {"description": props["loai"].get("description", ""), "anyOf": [{"enum": sorted(kinds.KINDS)}, spelled]}

    # An outline item as typed: exactly one of the kinds, and its items below it.
    muc = schemas["Muc"]
    block = muc["properties"]["noi_dung"]["items"]
    typed = [
        {"type": "object", "properties": {kind: {"type": "string", "pattern": TEXT}, "noi_dung": {"type": "array", "items": block}},
         "required": [kind], "additionalProperties": False}
        for kind in _literal_values(model.OutlineKind) if kind != "bang"
    ]
    # A table of the body: `{bang: {cot: […], dong: […]}}`, alone in its item.
    typed.append({"type": "object", "properties": {"bang": {"$ref": "#/$defs/Bang"}}, "required": ["bang"], "additionalProperties": False})
    text, examples = DESCRIPTIONS["Muc"]
    schemas["Muc"] = {"description": text, "examples": examples, "anyOf": [*typed, muc]}


def _loai(key: str) -> str:
    return key.replace("_", "[-_ ]")


def _by_kind() -> list[dict[str, Any]]:
    """What each kind of document requires and forbids (congvan.kinds), as if/then."""
    rules = []
    empty = {"anyOf": [{"type": "null"}, {"const": ""}, {"const": []}]}
    for key, kind in kinds.KINDS.items():
        required = list(kind.requires) + [name for name in ("kinh_gui", "trich_yeu") if getattr(kind, name) == "required"]
        forbidden = list(kind.forbids) + (["kinh_gui"] if kind.kinh_gui == "forbidden" else [])
        condition: dict[str, Any] = {"properties": {"loai": {"pattern": _ignore_case(f"^\\s*{_loai(key)}\\s*$")}}}
        if key != kinds.DEFAULT:
            condition["required"] = ["loai"]
        then: dict[str, Any] = {"required": sorted(set(required))}
        if forbidden:
            then["properties"] = {name: empty for name in sorted(set(forbidden))}
        rules.append({"if": condition, "then": then})
    return rules


def _find_branch(prop: dict[Any, Any], kind: str) -> dict[Any, Any]:
    """The first branch of `kind`, through nested anyOf."""
    if prop.get("type") == kind:
        return prop
    for branch in prop.get("anyOf", []):
        try:
            return _find_branch(branch, kind)
        except KeyError:
            continue
    raise KeyError(kind)


def dumps() -> str:
    return json.dumps(input_schema(), ensure_ascii=False, indent=2) + "\n"
