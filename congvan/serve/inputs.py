"""What a request of the page may carry: a data file's text or the form's data → a dispatch.

The same reader and model as a file on disk, with one difference: a request never
reaches a file of the server. A data file names files in four places (the layout
`layout:`, the signature and seal images `nguoi_ky.chu_ky`, `nguoi_ky.con_dau`, a
table's `bang.tep`); from the page each of them is refused with a problem on its
field, before anything would open it, and again after a content template is filled
(a variable could spell a path too).
"""

from __future__ import annotations

from typing import Any, Mapping

import yaml

from .. import limits
from ..content import fill, is_template
from ..errors import InputError, Problem
from ..model import PATH_FIELDS, TABLE_FILE, CongVan, blank
from ..reader import _check_shape, _size, clean_strings, parse_text
from ..validation import Lines, field_path, line_of, validate

SOURCE = "dữ liệu trên trang"  # how errors name what the page sent
FORMATS = ("yaml", "json", "toml")
SCHEMA_LINE = "# yaml-language-server: $schema=congvan.schema.json\n"

_NO_FILES = ("trang soạn thảo không đọc tệp trên máy chủ: bỏ trường này "
             "(mẫu bố cục, ảnh chữ ký, ảnh dấu và bảng từ tệp dùng với lệnh congvan render)")


def parse(body: Any) -> tuple[dict[str, Any], Lines]:
    """A request body → plain data and the line of each field.

    `{"text": "…", "format": "yaml"}` is a data file as typed (YAML, JSON or TOML);
    `{"data": {…}}` is the form's data. Raises InputError.
    """
    if not isinstance(body, dict) or ("text" in body) == ("data" in body):
        raise InputError(SOURCE, [Problem("yêu cầu phải có đúng một trong hai khóa: text (văn bản tệp dữ liệu) hoặc data")])
    if "data" in body:
        data = body["data"]
        if not isinstance(data, dict):
            raise InputError(SOURCE, [Problem("data phải là một nhóm khóa: giá trị")])
        _check_shape(data, {}, SOURCE)
        return data, {}
    text, fmt = body["text"], str(body.get("format") or "yaml").lower().lstrip(".")
    fmt = {"yml": "yaml"}.get(fmt, fmt)
    if not isinstance(text, str):
        raise InputError(SOURCE, [Problem("text phải là văn bản của tệp dữ liệu")])
    if fmt not in FORMATS:
        raise InputError(SOURCE, [Problem(f"không đọc được định dạng '{fmt}': dùng yaml, json hoặc toml")])
    most = limits.current().input_bytes
    if len(text.encode("utf-8")) > most:
        raise InputError(SOURCE, [Problem(f"dữ liệu quá lớn: hơn {_size(most)} (giới hạn input_bytes)")])
    text = text.lstrip("\ufeff")
    if all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()):
        return {}, {}  # nothing typed yet: an empty form
    return parse_text(text, fmt, SOURCE)


def is_yaml_text(body: Any) -> bool:
    return isinstance(body, dict) and "text" in body and str(body.get("format") or "yaml").lower() in ("yaml", "yml")


def dispatch(data: dict[str, Any], lines: Lines, values: Mapping[str, Any] | None = None) -> CongVan:
    """Plain data from the page → a validated dispatch; InputError naming each field.

    A field that names a file is refused and left out, so the rest is still checked
    (and no check ever asks the file system whether that file exists). `values` fill a
    content template, over its `bien:` defaults (a row of a mail merge)."""
    refused = file_fields(data)
    data = _without(data, refused)
    if values is not None or is_template(data):
        data = fill(data, lines, SOURCE, values, None)
        more = file_fields(data)  # a variable may spell a path too
        refused += more
        data = _without(data, more)
    problems = [Problem(_NO_FILES, field_path(p), line_of(lines, p)) for p in refused]
    try:
        data = clean_strings(data, lines, SOURCE)
        cv = validate(CongVan, data, lines, SOURCE)
    except InputError as exc:
        raise InputError(SOURCE, sorted(problems + exc.problems, key=lambda p: (p.line or 0, p.field))) from None
    if problems:
        raise InputError(SOURCE, problems)
    return cv


def _without(data: Any, paths: list[tuple[Any, ...]]) -> Any:
    """`data` without the fields at `paths` (copied where it changes)."""
    for path in paths:
        data = _drop(data, path)
    return data


def _drop(value: Any, path: tuple[Any, ...]) -> Any:
    head, rest = path[0], path[1:]
    if isinstance(value, dict) and head in value:
        mapping = dict(value)
        if rest:
            mapping[head] = _drop(value[head], rest)
        else:
            del mapping[head]
        return mapping
    if isinstance(value, list) and isinstance(head, int) and 0 <= head < len(value):
        items = list(value)
        items[head] = _drop(value[head], rest) if rest else None
        return items
    return value


def file_fields(data: Any) -> list[tuple[Any, ...]]:
    """The paths of the fields that name a file (PATH_FIELDS, and `bang.tep` anywhere)."""
    found: list[tuple[Any, ...]] = []
    if isinstance(data, dict):
        for keys in PATH_FIELDS:
            owner: Any = data
            for key in keys[:-1]:
                owner = owner.get(key) if isinstance(owner, dict) else None
            if isinstance(owner, dict) and _given(owner.get(keys[-1])):
                found.append(keys)

    def tables(value: Any, path: tuple[Any, ...]) -> None:
        if isinstance(value, list):
            for index, item in enumerate(value):
                tables(item, path + (index,))
        elif isinstance(value, dict):
            table = value.get(TABLE_FILE[0])
            if isinstance(table, dict) and _given(table.get(TABLE_FILE[1])):
                found.append(path + TABLE_FILE)
            for key, item in value.items():
                if isinstance(item, (list, dict)):
                    tables(item, path + (key,))

    tables(data, ())
    return list(dict.fromkeys(found))


def _given(value: Any) -> bool:
    return value is not None and not (isinstance(value, str) and blank(value))


def problems_of(exc: InputError) -> list[dict[str, Any]]:
    return [{"field": p.field, "line": p.line, "message": p.message, "text": p.describe()} for p in exc.problems]


def dump(data: dict[str, Any]) -> str:
    """The form's data as a YAML data file (the editor's text, the downloaded file)."""
    if not data:
        return SCHEMA_LINE
    return SCHEMA_LINE + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=88, default_flow_style=False)
