"""Input stage: YAML, JSON or TOML files → validated model objects.

Every problem is reported in Vietnamese with the file, the line and the field path.
Line numbers come from the YAML node tree (JSON is read through the same tree,
being YAML too); for TOML they are looked up from the key text.
"""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from .errors import InputError, Problem, TextError
from .explain import json_reason, os_reason, toml_reason, yaml_reason
from .validation import Lines, field_path as _field, line_of as _line, validate

if TYPE_CHECKING:
    from .model import CongVan

FORMATS = {".yaml": "yaml", ".yml": "yaml", ".json": "json", ".toml": "toml"}


def load_mapping(path: Path) -> tuple[dict, Lines]:
    """Read a file into plain data and a map from field path to line number."""
    source = str(path)
    if path.is_dir():
        raise InputError(source, [Problem("đây là một thư mục, không phải tệp dữ liệu")])
    if not path.exists():
        raise InputError(source, [Problem("không có tệp hoặc thư mục này")])
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(source, [Problem(f"không đọc được loại tệp '{path.suffix}': dùng .yaml, .yml, .json hoặc .toml")])
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(source, [Problem(f"không mở được tệp ({os_reason(exc)})")]) from None
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
        reason = yaml_reason(exc.problem or exc.context)
        raise InputError(source, [Problem(f"lỗi cú pháp YAML: {reason}", line=mark.line + 1 if mark else None)]) from None
    except yaml.YAMLError:
        raise InputError(source, [Problem(f"lỗi cú pháp YAML: {yaml_reason(None)}")]) from None
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
        raise InputError(source, [Problem(f"lỗi cú pháp JSON: {json_reason(exc.msg)}", line=exc.lineno)]) from None
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
        reason = toml_reason(re.sub(r"\s*\(at .*\)$", "", str(exc)))
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
