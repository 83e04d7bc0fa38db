"""Input stage: YAML, JSON or TOML files → validated model objects.

Every problem is reported in Vietnamese with the file, the line and the field path.
Line numbers come from the YAML node tree (JSON is read through the same tree,
being YAML too); for TOML they are looked up from the key text.
"""

from __future__ import annotations

import difflib
import json
import re
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from .errors import InputError, Problem, TextError

if TYPE_CHECKING:
    from .model import CongVan

Lines = dict[tuple, int]
M = TypeVar("M", bound=BaseModel)
FORMATS = {".yaml": "yaml", ".yml": "yaml", ".json": "json", ".toml": "toml"}


def load_mapping(path: Path) -> tuple[dict, Lines]:
    """Read a file into plain data and a map from field path to line number."""
    source = str(path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(source, [Problem(f"không đọc được loại tệp '{path.suffix}': dùng .yaml, .yml, .json hoặc .toml")])
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(source, [Problem(f"không mở được tệp ({exc.strerror})")]) from None
    if b"\x00" in raw:
        raise InputError(source, [Problem("tệp nhị phân, không phải tệp văn bản")])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(source, [Problem("tệp không phải văn bản UTF-8", line=line)]) from None
    if not text.strip():
        raise InputError(source, [Problem("tệp rỗng")])
    data, lines = _PARSERS[fmt](text, source)
    if not isinstance(data, dict):
        raise InputError(source, [Problem("nội dung tệp phải là một nhóm khóa: giá trị (trich_yeu: …, kinh_gui: …)", line=1)])
    return data, lines


class _Loader(yaml.SafeLoader):
    """Safe YAML that keeps numbers and dates as typed text; the model converts them.

    So `2021-02-30` is a Vietnamese error rather than a crash in the YAML library,
    and a phone number `0277.3873996` keeps its leading zero instead of becoming
    the float 277.3873996.
    """


_AS_TEXT = {"tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in _AS_TEXT]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _parse_yaml(text: str, source: str) -> tuple[Any, Lines]:
    try:
        loader = _Loader(text)
    except yaml.reader.ReaderError as exc:
        line = text[: exc.position].count("\n") + 1
        problem = Problem(f"có ký tự điều khiển U+{exc.character:04X}, không được phép trong văn bản", line=line)
        raise InputError(source, [problem]) from None
    try:
        node = loader.get_single_node()
        if node is None:
            raise InputError(source, [Problem("tệp rỗng")])
        lines: Lines = {}
        problems: list[Problem] = []
        _walk(node, (), lines, problems)
        if problems:
            raise InputError(source, problems)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        reason = exc.problem or "cú pháp sai"
        raise InputError(source, [Problem(f"lỗi cú pháp YAML: {reason}", line=mark.line + 1 if mark else None)]) from None
    except yaml.YAMLError as exc:
        raise InputError(source, [Problem(f"lỗi cú pháp YAML: {exc}")]) from None
    finally:
        loader.dispose()
    return data, lines


def _walk(node: yaml.Node, path: tuple, lines: Lines, problems: list[Problem]) -> None:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: set = set()
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                # `kinh_gui: {{ don_vi }}` reads as a mapping inside a mapping.
                where = path[-1] if path else "ten_truong"
                inner = key_node.value[0][0] if isinstance(key_node, yaml.MappingNode) and key_node.value else None
                name = inner.value if isinstance(inner, yaml.ScalarNode) else "bien"
                problems.append(Problem(f"giá trị bắt đầu bằng '{{' phải đặt trong ngoặc kép, ví dụ {where}: \"{{{{ {name} }}}}\"",
                                        _field(path), key_node.start_mark.line + 1))
                continue
            key = key_node.value
            if key in seen:
                problems.append(Problem("khóa bị lặp lại", _field(path + (key,)), key_node.start_mark.line + 1))
            seen.add(key)
            _walk(value_node, path + (key,), lines, problems)
            lines[path + (key,)] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, path + (index,), lines, problems)


def _parse_json(text: str, source: str) -> tuple[Any, Lines]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(source, [Problem(f"lỗi cú pháp JSON: {exc.msg}", line=exc.lineno)]) from None
    try:
        _, lines = _parse_yaml(text, source)
    except InputError:
        lines = {}
    return data, lines


def _parse_toml(text: str, source: str) -> tuple[Any, Lines]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        line = int(match[1]) if match else len(text.splitlines()) if "end of document" in str(exc) else None
        reason = re.sub(r"\s*\(at .*\)$", "", str(exc))
        raise InputError(source, [Problem(f"lỗi cú pháp TOML: {reason}", line=line)]) from None
    lines: Lines = {}
    text_lines = text.splitlines()

    def find(path: tuple) -> None:
        key = path[-1]
        pattern = re.compile(rf'^\s*(\[+\s*)?("?){re.escape(str(key))}\2\s*(=|\]|\.)')
        for number, line in enumerate(text_lines, 1):
            if pattern.match(line):
                lines[path] = number
                return

    def visit(value: Any, path: tuple) -> None:
        if path and isinstance(path[-1], str):
            find(path)
        if isinstance(value, dict):
            for k, v in value.items():
                visit(v, path + (k,))
        elif isinstance(value, list):
            for i, v in enumerate(value):
                visit(v, path + (i,))

    visit(data, ())
    return data, lines


_PARSERS = {"yaml": _parse_yaml, "json": _parse_json, "toml": _parse_toml}


def _field(path: tuple) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _line(lines: Lines, path: tuple) -> int | None:
    for end in range(len(path), -1, -1):
        if path[:end] in lines:
            return lines[path[:end]]
    return None


def clean_strings(data: Any, lines: Lines, source: str, convert_legacy: bool = False) -> Any:
    """NFC-normalise every string and refuse unusable characters, naming the field."""
    from .vietnamese import clean_text

    problems: list[Problem] = []

    def visit(value: Any, path: tuple) -> Any:
        if isinstance(value, str):
            try:
                return clean_text(value, _field(path), convert_legacy=convert_legacy)
            except TextError as exc:
                problems.append(Problem(exc.message, _field(path), _line(lines, path)))
                return value
        if isinstance(value, dict):
            return {k: visit(v, path + (k,)) for k, v in value.items()}
        if isinstance(value, list):
            return [visit(v, path + (i,)) for i, v in enumerate(value)]
        return value

    cleaned = visit(data, ())
    if problems:
        raise InputError(source, problems)
    return cleaned


def validate(model: type[M], data: Any, lines: Lines, source: str) -> M:
    """Build `model` from data, turning pydantic's errors into Vietnamese problems."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise InputError(source, _problems(exc, data, lines, model)) from None


# Error types that only say "this branch of a union did not fit": least telling.
_RANK = {"missing": 0, "extra_forbidden": 0, "value_error": 0, "literal_error": 1}


def _problems(exc: ValidationError, data: Any, lines: Lines, model: type[BaseModel]) -> list[Problem]:
    best: dict[tuple, tuple[int, Problem]] = {}
    for error in exc.errors(include_url=False):
        path = _data_path(data, error["loc"], error["type"])
        rank = _RANK.get(error["type"], 2)
        problem = Problem(_message(error, model), _field(path), _line(lines, path))
        if path not in best or rank < best[path][0]:
            best[path] = (rank, problem)
    # A union that failed deeper down also fails each of its other branches at the
    # union itself; the deeper, more telling problem is enough.
    for path in [p for p, (rank, _) in best.items() if rank == 2]:
        if any(other[: len(path)] == path and other != path for other in best):
            del best[path]
    ordered = sorted(best.values(), key=lambda item: (item[1].line or 0, item[1].field))
    return [problem for _, problem in ordered]


def _data_path(data: Any, loc: tuple, kind: str) -> tuple:
    """Keep the parts of pydantic's location that index the input (drop union branch names)."""
    path: tuple = ()
    node = data
    for part in loc:
        if isinstance(node, dict) and part in node:
            node = node[part]
            path += (part,)
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
            path += (part,)
        elif isinstance(part, str) and kind in ("missing", "extra_forbidden") and isinstance(node, dict):
            path += (part,)
            node = None
    return path


def _field_names(model: type[BaseModel], seen: set | None = None) -> set[str]:
    seen = set() if seen is None else seen
    if model in seen:
        return set()
    seen.add(model)
    names = set(model.model_fields)
    for info in model.model_fields.values():
        for sub in _models_in(info.annotation):
            names |= _field_names(sub, seen)
    return names


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    found = []
    for arg in getattr(annotation, "__args__", ()) or ():
        found += _models_in(arg)
    return found


def _message(error: dict, model: type[BaseModel]) -> str:
    kind, ctx = error["type"], error.get("ctx", {})
    if kind == "missing":
        return "thiếu trường bắt buộc"
    if kind == "extra_forbidden":
        key = str(error["loc"][-1])
        close = difflib.get_close_matches(key, sorted(_field_names(model)), n=1)
        hint = f"; có phải '{close[0]}'?" if close else ""
        return f"trường '{key}' không có trong mẫu công văn{hint}"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    if kind in ("string_type",):
        return f"phải là chuỗi ký tự, không phải {_kind_of(error.get('input'))}"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"phải là số nguyên, không phải '{error.get('input')}'"
    if kind in ("greater_than_equal", "greater_than"):
        return f"phải lớn hơn hoặc bằng {ctx.get('ge', ctx.get('gt'))}, không phải {error.get('input')}"
    if kind in ("list_type",):
        return f"phải là danh sách, không phải {_kind_of(error.get('input'))}"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"phải là một nhóm khóa: giá trị, không phải {_kind_of(error.get('input'))}"
    if kind == "literal_error":
        expected = str(ctx.get("expected", "")).replace(" or ", " hoặc ")
        return f"phải là một trong: {expected}; không phải '{error.get('input')}'"
    if kind in ("float_type", "float_parsing"):
        return f"phải là số, không phải '{error.get('input')}'"
    return f"giá trị không hợp lệ ({error['msg']})"


def _kind_of(value: Any) -> str:
    names = {dict: "nhóm khóa: giá trị", list: "danh sách", int: "số", float: "số", bool: "đúng/sai", str: "chuỗi"}
    if value is None:
        return "giá trị rỗng"
    return names.get(type(value), type(value).__name__)


def load(path: str | Path, convert_legacy: bool = False, values: dict | None = None) -> "CongVan":
    """Read one dispatch from a YAML, JSON or TOML file.

    A content template (texts holding `{{ variables }}`) is first filled with
    `values` over its `bien:` defaults (see congvan.content).
    Raises InputError naming the file, line and field of every problem found.
    """
    path = Path(path)
    data, lines = load_mapping(path)
    return to_dispatch(data, lines, path, values=values, convert_legacy=convert_legacy)


def to_dispatch(data: dict, lines: Lines, path: Path, source: str | None = None,
                values: dict | None = None, convert_legacy: bool = False) -> "CongVan":
    """Data read from `path` → a validated dispatch; `source` names it in errors."""
    from .content import fill, is_template
    from .model import CongVan

    source = source or str(path)
    if values is not None or is_template(data):
        data = fill(data, lines, source, values, path)
    data = clean_strings(data, lines, source, convert_legacy=convert_legacy)
    return validate(CongVan, relative_to(data, path.parent), lines, source)


def relative_to(data: Any, folder: Path) -> Any:
    """The file names a dispatch holds (layout, signature and seal images), made
    relative to the folder of the file they are written in."""
    from .model import PATH_FIELDS

    if not isinstance(data, dict):
        return data
    data = dict(data)
    for keys in PATH_FIELDS:
        owner = data
        for key in keys[:-1]:
            if not isinstance(owner.get(key), dict):
                break
            owner[key] = owner = dict(owner[key])
        else:
            value = owner.get(keys[-1])
            if isinstance(value, str) and value.strip() and not Path(value).is_absolute():
                owner[keys[-1]] = str(folder / value.strip())
    return data
