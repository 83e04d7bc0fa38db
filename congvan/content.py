"""Content templates: a dispatch file whose texts hold variables.

    trich_yeu: mời họp tổng kết nhiệm kỳ {{ nhiem_ky }}
    noi_dung: Kinh phí {{ kinh_phi | tien }}.
    bien:                      # optional: default values of the variables
      nhiem_ky: 2021 - 2026

Each text is rendered on its own with Jinja2 in a sandbox (no Python internals, no
file system), strict about undefined variables, with the Vietnamese filters; then the
model validates the result as for any dispatch, so an error still names the file,
the line and the field.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

from jinja2 import StrictUndefined, Template, TemplateSyntaxError, UndefinedError, nodes
from jinja2.exceptions import SecurityError

from . import sandbox
from .errors import CongVanError, InputError, Problem
from .sandbox import BoundedSandbox
from .explain import jinja_reason
from .validation import Lines, field_path as _field, line_of as _line
from .vietnamese.filters import FILTERS

DEFAULTS_KEY = "bien"  # top-level block of default values; never part of the dispatch
_MARKERS = ("{{", "{%")
_RAW_MARKERS = (b"{{", b"{%")
_DEFAULTS_LINE = re.compile(rb"^bien\s*[:=]|^\[bien\]|^\s*\"bien\"\s*:", re.M)
_BLOCK_SCALAR = re.compile(r"[|>][-+0-9]*\s*(#.*)?$")
_UNDEFINED = re.compile(r"^'([^']+)' is undefined$")
_NO_ATTRIBUTE = re.compile(r"has no attribute '([^']+)'")

_EMPTY = object()  # a text that rendered blank: left out
# Immutable too: a template cannot change the values it is given (`{{ ds.append(1) }}`),
# which the rows of a batch share with the template's cached defaults.
# Bounded too: a text stops past its time or size limit (congvan.sandbox).
_env = BoundedSandbox(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True)
_env.filters.update(FILTERS)


def is_template_text(raw: bytes) -> bool:
    """Whether a file's bytes hold variables or a `bien:` block (a cheap test, no parsing)."""
    return any(marker in raw for marker in _RAW_MARKERS) or bool(_DEFAULTS_LINE.search(raw))


def is_template(data: Any) -> bool:
    if isinstance(data, dict) and DEFAULTS_KEY in data:
        return True
    return _has_markers(data)


def _has_markers(value: Any) -> bool:
    if isinstance(value, str):
        return any(marker in value for marker in _MARKERS)
    if isinstance(value, dict):
        return any(_has_markers(v) for v in value.values())
    if isinstance(value, list):
        return any(_has_markers(v) for v in value)
    return False


def _marked(text: str) -> bool:
    return "{{" in text or "{%" in text  # _MARKERS, without a loop: every text of every row


def _to_fill(value: Any) -> bool:
    """Whether a value of a template holds something to fill: a text with a marker, or a mapping or list."""
    return isinstance(value, (dict, list)) or (isinstance(value, str) and _marked(value))


@lru_cache(maxsize=1024)
def _compiled(text: str) -> Template:
    return _env.from_string(text)


@lru_cache(maxsize=1024)
def _lone_name(text: str) -> str | None:
    """The variable a text is made of alone (`{{ don_vi }}`, a mail merge's cell), else None."""
    try:
        body = _env.parse(text).body
    except TemplateSyntaxError:
        return None
    if len(body) == 1 and isinstance(body[0], nodes.Output) and len(body[0].nodes) == 1:
        only = body[0].nodes[0]
        if isinstance(only, nodes.Name):
            return only.name
    return None


def variables(data: Any) -> set[str]:
    """The names the texts of a mẫu nội dung use (`{{ don_vi }}`, `{{ nguoi_ky.ho_ten }}` → nguoi_ky)."""
    from jinja2 import TemplateSyntaxError, meta

    found: set[str] = set()

    def visit(value: Any) -> None:
        if isinstance(value, str) and any(marker in value for marker in _MARKERS):
            try:
                found.update(meta.find_undeclared_variables(_env.parse(value)))
            except TemplateSyntaxError:
                pass  # said when the text is filled
        elif isinstance(value, dict):
            for item in value.values():
                visit(item)
        elif isinstance(value, list):
            for item in value:
                visit(item)

    visit({k: v for k, v in data.items() if k != DEFAULTS_KEY} if isinstance(data, dict) else data)
    return found


def merge(*layers: Mapping[str, Any] | None) -> dict[Any, Any]:
    """Later layers win; nested mappings are merged key by key."""
    out: dict[Any, Any] = {}
    for layer in layers:
        for key, value in (layer or {}).items():
            if isinstance(value, Mapping) and isinstance(out.get(key), dict):
                out[key] = merge(out[key], value)
            else:
                out[key] = dict(value) if isinstance(value, Mapping) else value
    return out


def fill(data: dict[Any, Any], lines: Lines, source: str, values: Mapping[str, Any] | None = None, path: Path | None = None) -> dict[Any, Any]:
    """Render every text of a template with `values` over its `bien:` defaults.

    A text that renders empty is dropped from a list and left out of a mapping, so an
    empty cell means "none" (a draft's `so`, an optional recipient). `path` is the
    file itself, read again on an error to place it inside a multi-line text.
    """
    defaults = data.get(DEFAULTS_KEY) or {}
    if not isinstance(defaults, dict):
        raise InputError(source, [Problem("phải là một nhóm biến: giá trị", DEFAULTS_KEY, _line(lines, (DEFAULTS_KEY,)))])
    context = merge(defaults, values)
    problems: list[tuple[Exception, str, tuple[Any, ...]]] = []

    def render(value: str, where: tuple[Any, ...]) -> Any:
        if not _marked(value):
            return value
        lone = _lone_name(value)
        try:
            if lone is not None and lone in context:
                out = sandbox.as_text(context[lone])  # `{{ don_vi }}`: the value itself, as Jinja prints it
            else:
                out = sandbox.render(_compiled(value), context)
        except Exception as exc:  # a filter's own ValueError/TextError too
            problems.append((exc, value, where))
            return value
        return out if out.strip() else _EMPTY

    def visit(value: Any, where: tuple[Any, ...]) -> Any:
        if isinstance(value, str):
            return render(value, where)
        if isinstance(value, dict):
            out = {}
            for key, item in value.items():
                if _to_fill(item):  # else a plain text, a number, a date: as written
                    item = visit(item, where + (key,))
                    if item is _EMPTY:
                        continue
                out[key] = item
            return out
        if isinstance(value, list):
            items = (visit(item, where + (index,)) if _to_fill(item) else item for index, item in enumerate(value))
            return [item for item in items if item is not _EMPTY]
        return value

    body = {key: value for key, value in data.items() if key != DEFAULTS_KEY}
    filled: dict[str, Any] = visit(body, ())
    if problems:
        file_lines = _read_lines(path)
        raise InputError(source, [_problem(exc, value, where, lines, file_lines) for exc, value, where in problems])
    return filled


def _read_lines(path: Path | None) -> list[str]:
    try:
        return path.read_text(encoding="utf-8-sig").splitlines() if path else []
    except (OSError, UnicodeDecodeError):
        return []


def _problem(exc: Exception, value: str, path: tuple[Any, ...], lines: Lines, file_lines: list[str]) -> Problem:
    inner = getattr(exc, "lineno", None) if isinstance(exc, TemplateSyntaxError) else _template_line(exc)
    line = _line(lines, path)
    if line is not None and inner is not None:
        # A block text (`noi_dung: |`) starts on the line after its key.
        starts_below = "\n" in value and 0 < line <= len(file_lines) and _BLOCK_SCALAR.search(file_lines[line - 1])
        line += inner - 1 + (1 if starts_below else 0)
    return Problem(_message(exc), _field(path), line)


def _template_line(exc: Exception) -> int | None:
    """Jinja rewrites the traceback so a frame of the template carries its line."""
    line, tb = None, exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _message(exc: Exception) -> str:
    text = str(getattr(exc, "message", None) or exc)
    if isinstance(exc, UndefinedError):
        name = _UNDEFINED.match(text) or _NO_ATTRIBUTE.search(text)
        if name:
            return f"chưa có giá trị cho biến '{name[1]}' (cho trong khối bien:, tệp --data hoặc --set {name[1]}=…)"
        return "biến chưa có giá trị"
    if isinstance(exc, SecurityError):
        return f"biểu thức bị cấm trong mẫu: mẫu không được truy cập vào bên trong Python ({jinja_reason(text)})"
    if isinstance(exc, TemplateSyntaxError):
        return f"lỗi cú pháp mẫu: {jinja_reason(text)}"
    if isinstance(exc, CongVanError):
        return text  # the Vietnamese filters' own messages
    return f"lỗi khi điền mẫu: {jinja_reason(text)}"
