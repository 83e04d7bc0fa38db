"""Validation of plain data against a model, with congvan's errors.

pydantic reports in English with its own locations; a văn thư reads Vietnamese
problems naming the field as written in the file and, when known, its line.
Every entry point (a file, a string, a dict, `CongVan(...)`) ends here.
"""

from __future__ import annotations

import datetime as dt
import difflib
from decimal import Decimal
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .errors import InputError, Problem

Lines = dict[tuple[Any, ...], int]  # field path → line number in the file
M = TypeVar("M", bound=BaseModel)


def field_path(path: tuple[Any, ...]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def line_of(lines: Lines, path: tuple[Any, ...]) -> int | None:
    for end in range(len(path), -1, -1):
        if path[:end] in lines:
            return lines[path[:end]]
    return None


def validate(model: type[M], data: Any, lines: Lines, source: str, context: dict[str, Any] | None = None) -> M:
    """Build `model` from data, turning pydantic's errors into Vietnamese problems;
    `context` is pydantic's validation context, given to the models' validators."""
    try:
        # The core validator itself: the models' own model_validate raises InputError
        # already, without the lines.
        result: M = model.__pydantic_validator__.validate_python(data, context=context)
        return result
    except ValidationError as exc:
        raise InputError(source, problems(exc, data, lines, model)) from None


# Error types that only say "this branch of a union did not fit": least telling.
_RANK = {"missing": 0, "extra_forbidden": 0, "value_error": 0, "literal_error": 1}


def problems(exc: ValidationError, data: Any, lines: Lines, model: type[BaseModel]) -> list[Problem]:
    best: dict[tuple[Any, ...], tuple[int, Problem]] = {}
    for error in exc.errors(include_url=False):
        path = _data_path(data, error["loc"], error["type"])
        rank = _RANK.get(error["type"], 2)
        problem = Problem(_message(dict(error), model), field_path(path), line_of(lines, path))
        if path not in best or rank < best[path][0]:
            best[path] = (rank, problem)
    # A union that failed deeper down also fails each of its other branches at the
    # union itself; the deeper, more telling problem is enough.
    for path in [p for p, (rank, _) in best.items() if rank == 2]:
        if any(other[: len(path)] == path and other != path for other in best):
            del best[path]
    ordered = sorted(best.values(), key=lambda item: (item[1].line or 0, item[1].field))
    return [problem for _, problem in ordered]


def _data_path(data: Any, loc: tuple[Any, ...], kind: str) -> tuple[Any, ...]:
    """Keep the parts of pydantic's location that index the input (drop union branch names)."""
    path: tuple[Any, ...] = ()
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


def _field_names(model: type[BaseModel], seen: set[Any] | None = None) -> set[str]:
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


def _message(error: dict[Any, Any], model: type[BaseModel]) -> str:
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
    if kind in ("float_type", "float_parsing", "decimal_type", "decimal_parsing"):
        return f"phải là số, không phải '{error.get('input')}'"
    if kind in ("less_than_equal", "less_than"):
        return f"phải nhỏ hơn hoặc bằng {ctx.get('le', ctx.get('lt'))}, không phải {error.get('input')}"
    if kind in ("bool_type", "bool_parsing"):
        return f"phải là true hoặc false, không phải '{error.get('input')}'"
    if kind in ("too_short", "string_too_short"):
        return "không được để trống"
    return f"giá trị '{error.get('input')}' không hợp lệ ở đây"


def _kind_of(value: Any) -> str:
    names = {dict: "nhóm khóa: giá trị", list: "danh sách", tuple: "danh sách", int: "số", float: "số",
             Decimal: "số", bool: "đúng/sai", str: "chuỗi", dt.date: "ngày", dt.datetime: "ngày giờ"}
    if value is None:
        return "giá trị rỗng"
    return names.get(type(value), "giá trị kiểu khác")
