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
from typing import TYPE_CHECKING, Any, Callable, Iterable, Mapping

import yaml
from . import limits as _limits
from .errors import InputError, Problem, TextError
from .resources import allowing, inside
from .explain import json_reason, os_reason, toml_reason, yaml_reason
from .validation import Lines, field_path as _field, line_of as _line, validate

if TYPE_CHECKING:
    from .model import CongVan

FORMATS = {".yaml": "yaml", ".yml": "yaml", ".json": "json", ".toml": "toml"}


def load_mapping(path: Path) -> tuple[dict[Any, Any], Lines]:
    """Read a file into plain data and a map from field path to line number."""
    source = str(path)
    if path.is_dir():
        raise InputError(source, [Problem("đây là một thư mục, không phải tệp dữ liệu")])
    if not path.exists():
        raise InputError(source, [Problem("không có tệp hoặc thư mục này")])
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(source, [Problem(f"không đọc được loại tệp '{path.suffix}': dùng .yaml, .yml, .json hoặc .toml")])
    most = _limits.current().input_bytes
    try:
        with path.open("rb") as handle:
            raw = handle.read(most + 1)
    except OSError as exc:
        raise InputError(source, [Problem(f"không mở được tệp ({os_reason(exc)})")]) from None
    if len(raw) > most:
        raise InputError(source, [Problem(f"tệp quá lớn: hơn {_size(most)} (giới hạn input_bytes)")])
    if b"\x00" in raw:
        raise InputError(source, [Problem("tệp nhị phân, không phải tệp văn bản")])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(source, [Problem("tệp không phải văn bản UTF-8", line=line)]) from None
    return parse_text(text, fmt, source)


def parse_text(text: str, fmt: str, source: str) -> tuple[dict[str, Any], Lines]:
    """Text in `fmt` (yaml, json, toml) → plain data and the line of each field."""
    if not text.strip():
        raise InputError(source, [Problem("tệp rỗng")])
    data, lines = _PARSERS[fmt](text, source)
    if fmt != "yaml":  # YAML is bounded while its node tree is walked
        _check_shape(data, lines, source)
    if not isinstance(data, dict):
        raise InputError(source, [Problem("nội dung tệp phải là một nhóm khóa: giá trị (trich_yeu: …, kinh_gui: …)", line=1)])
    return data, lines


class _Loader(yaml.SafeLoader):
    """Safe YAML that keeps numbers and dates as typed text; the model converts them.

    So `2021-02-30` is a Vietnamese error rather than a crash in the YAML library,
    and a phone number `0277.3873996` keeps its leading zero instead of becoming
    the float 277.3873996.
    """


    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        # The composer recurses once per level: stop a deep nesting before Python's
        # own recursion limit does, naming the line.
        self.depth = getattr(self, "depth", 0) + 1
        try:
            if self.depth > _limits.current().depth:
                mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
                raise InputError(self.name, [_too_deep(mark.line + 1)])
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


_YAML = "tag:yaml.org,2002:"
_AS_TEXT = {_YAML + "timestamp", _YAML + "int", _YAML + "float"}
# The standard tags a dispatch can use; anything else (!!binary, !!set, !!python/…,
# an application's own !tag) is refused, naming the line.
_ALLOWED_TAGS = {_YAML + name for name in ("str", "null", "bool", "map", "seq", "merge")} | _AS_TEXT
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in _AS_TEXT]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _size(count: int) -> str:
    return f"{count / 1_000_000:g} MB" if count >= 1_000_000 else f"{count / 1000:g} KB"


def _too_deep(line: int | None, field: str = "") -> Problem:
    return Problem(f"dữ liệu lồng nhau quá sâu (quá {_limits.current().depth} cấp, giới hạn depth)", field, line)


def _too_many(line: int | None, field: str = "") -> Problem:
    return Problem(f"dữ liệu quá nhiều giá trị (quá {_limits.current().nodes}, kể cả mỗi lần dùng lại một "
                   "neo YAML *…; giới hạn nodes)", field, line)


# libyaml's parser, where PyYAML has it, reads a dispatch fifteen times faster than
# the pure Python one (a batch re-rendering a folder parses every file). It serves
# only input it takes without complaint and no deeper than the limit; anything else
# is read again by the Python loader, whose errors and lines are the ones explained.
_CLoader: type | None = None
if getattr(yaml, "__with_libyaml__", False):
    _CLoader = type("_CLoader", (yaml.CSafeLoader,), {"yaml_implicit_resolvers": _Loader.yaml_implicit_resolvers})
# Where the two parsers were seen to differ (a test fuzzes both against each other):
# tabs and "? " inside flow collections, the bare tag "!", a byte-order mark, the
# Unicode line breaks NEL, LS and PS, and a comment glued to a block scalar's "|-".
_DIFFERS = re.compile("[\t!?\ufeff\x85\u2028\u2029]|[|>][-+0-9]*#")
_OPENS = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_CLOSES = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


def _fast_node(text: str) -> tuple[Any, yaml.Node] | None:
    """(loader, node tree) by libyaml, or None: not available, an error, a character
    where the parsers differ or that the Python reader refuses, not a mapping, or
    nesting past the depth limit (libyaml's composer recurses in C, with no limit of
    its own)."""
    if _CLoader is None or _DIFFERS.search(text) or yaml.reader.Reader.NON_PRINTABLE.search(text):
        return None
    try:
        depth, deepest = 0, _limits.current().depth
        for event in yaml.parse(text, Loader=_CLoader):
            if isinstance(event, _OPENS):
                depth += 1
                if depth > deepest:
                    return None
            elif isinstance(event, _CLOSES):
                depth -= 1
        loader = _CLoader(text)
        node = loader.get_single_node()
    except yaml.YAMLError:
        return None
    # A dispatch is a mapping; any other document is the Python loader's to explain.
    return (loader, node) if isinstance(node, yaml.MappingNode) else None


def _parse_yaml(text: str, source: str) -> tuple[Any, Lines]:
    fast = _fast_node(text)
    if fast is not None:
        loader, node = fast
        try:
            lines: Lines = {}
            problems: list[Problem] = []
            _walk(node, (), lines, problems, _Budget())
            if not problems:
                return loader.construct_document(node), lines
        except yaml.YAMLError:
            pass
        finally:
            loader.dispose()
        # A problem found by the walk, or by the constructor: said by the Python loader below.
    return _parse_yaml_python(text, source)


def _parse_yaml_python(text: str, source: str) -> tuple[Any, Lines]:
    try:
        loader = _Loader(text)
        loader.name = source
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
        _walk(node, (), lines, problems, _Budget())
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


class _Budget:
    """Nodes met so far (an alias counts again each time it is used) and the nodes
    on the current path, to stop an alias bomb or an alias to itself."""

    def __init__(self) -> None:
        self.nodes = 0
        self.open: set[int] = set()


class _Stop(Exception):
    """The walk is over: a limit was hit and its problem recorded."""


def _walk(node: yaml.Node, path: tuple[Any, ...], lines: Lines, problems: list[Problem], budget: _Budget) -> None:
    try:
        _visit(node, path, lines, problems, budget)
    except _Stop:
        pass


def _visit(node: yaml.Node, path: tuple[Any, ...], lines: Lines, problems: list[Problem], budget: _Budget) -> None:
    line = node.start_mark.line + 1
    lines.setdefault(path, line)
    budget.nodes += 1
    if budget.nodes > _limits.current().nodes:
        problems.append(_too_many(line, _field(path)))
        raise _Stop
    if len(path) > _limits.current().depth:
        problems.append(_too_deep(line, _field(path)))
        raise _Stop
    if id(node) in budget.open:
        problems.append(Problem("neo YAML (&…) dùng lại chính nó (*…) bên trong nó: dữ liệu lặp vô tận", _field(path), line))
        raise _Stop
    if not _tag_allowed(node, path, problems, line):
        return
    if isinstance(node, yaml.ScalarNode):
        _typed_as_text(node)
        return
    budget.open.add(id(node))
    try:
        _children(node, path, lines, problems, budget)
    finally:
        budget.open.discard(id(node))


def _tag_allowed(node: yaml.Node, path: tuple[Any, ...], problems: list[Problem], line: int) -> bool:
    if node.tag in _ALLOWED_TAGS:
        return True
    shown = "!!" + node.tag[len(_YAML):] if node.tag.startswith(_YAML) else node.tag
    problems.append(Problem(f"thẻ YAML '{shown}' không được dùng: chỉ dùng chuỗi, số, ngày, đúng/sai, "
                            "danh sách và nhóm khóa", _field(path), line))
    return False


def _typed_as_text(node: yaml.ScalarNode) -> None:
    if node.tag in _AS_TEXT or (node.tag == _YAML + "bool" and node.value.lower() not in _Loader.bool_values):
        # `!!int abc`, `!!timestamp 2021-02-30`: typed text, checked by the model
        # like any other, so the error is the model's Vietnamese one.
        node.tag = _YAML + "str"


def _children(node: yaml.Node, path: tuple[Any, ...], lines: Lines, problems: list[Problem], budget: _Budget) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: set[Any] = set()
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
            # A key's tag is held as a value's (`!!timestamp 2021-02-30: …` is text, not a crash).
            if not _tag_allowed(key_node, path + (key,), problems, key_node.start_mark.line + 1):
                continue
            _typed_as_text(key_node)
            if key in seen:
                problems.append(Problem("khóa bị lặp lại", _field(path + (key,)), key_node.start_mark.line + 1))
            seen.add(key)
            lines[path + (key,)] = key_node.start_mark.line + 1
            _visit(value_node, path + (key,), lines, problems, budget)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _visit(item, path + (index,), lines, problems, budget)


_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')
_LONG_INT = re.compile(r"-?\d{101,}")


class _HugeInt(ValueError):
    pass


def _json_int(text: str) -> int:
    # Python refuses to read an integer of more than 4300 digits; no dispatch needs 100.
    if len(text.lstrip("-")) > 100:
        raise _HugeInt(text)
    return int(text)


def _parse_json(text: str, source: str) -> tuple[Any, Lines]:
    # json.loads recurses once per level: measure the nesting first.
    depth, most = 0, _limits.current().depth
    for token in _JSON_TOKEN.finditer(text):
        char = token.group()
        if char in "[{":
            depth += 1
            if depth > most:
                raise InputError(source, [_too_deep(text.count("\n", 0, token.start()) + 1)])
        elif char in "]}":
            depth -= 1
    try:
        data = json.loads(text, parse_int=_json_int)
    except json.JSONDecodeError as exc:
        raise InputError(source, [Problem(f"lỗi cú pháp JSON: {json_reason(exc.msg)}", line=exc.lineno)]) from None
    except _HugeInt:
        match = _LONG_INT.search(text)
        line = text.count("\n", 0, match.start()) + 1 if match else None
        raise InputError(source, [Problem("số nguyên quá dài (hơn 100 chữ số)", line=line)]) from None
    except (ValueError, RecursionError) as exc:
        raise InputError(source, [Problem(f"lỗi cú pháp JSON: {exc}")]) from None
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
    except RecursionError:
        raise InputError(source, [_too_deep(None)]) from None
    except ValueError as exc:  # an integer too long for Python, among others
        raise InputError(source, [Problem(f"lỗi cú pháp TOML: giá trị không đọc được ({exc})")]) from None
    lines: Lines = {}
    text_lines = text.splitlines()

    first: dict[str, int | None] = {}

    def find(path: tuple[Any, ...]) -> None:
        key = path[-1]
        if key in first or len(first) > 500:  # each key looked for once; a dispatch has few
            found = first.get(key)
            if found is not None:
                lines[path] = found
            return
        first[key] = None
        pattern = re.compile(rf'^\s*(\[+\s*)?("?){re.escape(str(key))}\2\s*(=|\]|\.)')
        for number, line in enumerate(text_lines, 1):
            if pattern.match(line):
                lines[path] = first[key] = number
                return

    def visit(value: Any, path: tuple[Any, ...]) -> None:
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


def _check_shape(data: Any, lines: Lines, source: str) -> None:
    """The depth and the number of values of parsed data, within the limits."""
    limit = _limits.current()
    count = 0
    stack: list[tuple[Any, tuple[Any, ...]]] = [(data, ())]
    while stack:
        value, path = stack.pop()
        count += 1
        if count > limit.nodes:
            raise InputError(source, [_too_many(_line(lines, path), _field(path))])
        if len(path) > limit.depth:
            raise InputError(source, [_too_deep(_line(lines, path), _field(path))])
        if isinstance(value, dict):
            stack += [(v, path + (k,)) for k, v in value.items()]
        elif isinstance(value, list):
            stack += [(v, path + (i,)) for i, v in enumerate(value)]


def clean_strings(data: Any, lines: Lines, source: str, convert_legacy: bool = False) -> Any:
    """NFC-normalise every string and refuse unusable characters, naming the field."""
    from .vietnamese import clean_text

    problems: list[Problem] = []

    def visit(value: Any, path: tuple[Any, ...]) -> Any:
        if isinstance(value, str):
            try:  # the field is named here, on an error only
                return clean_text(value, convert_legacy=convert_legacy)
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


def load(path: str | Path, convert_legacy: bool = False, values: dict[Any, Any] | None = None,
         resource_folders: Iterable[str | Path] | None = None) -> "CongVan":
    """Read one dispatch from a YAML, JSON or TOML file.

    A content template (texts holding `{{ variables }}`) is first filled with
    `values` over its `bien:` defaults (see congvan.content). Files the data names
    (layout, images, tables) must lie in the file's folder or in `resource_folders`.
    Raises InputError naming the file, line and field of every problem found.
    """
    path = Path(path)
    with allowing(resource_folders):
        data, lines = load_mapping(path)
        return to_dispatch(data, lines, path, values=values, convert_legacy=convert_legacy)


def loads(text: str, format: str = "yaml", *, source: str = "<văn bản>", folder: str | Path = ".",
          convert_legacy: bool = False, values: Mapping[str, Any] | None = None) -> "CongVan":
    """Read one dispatch from text in YAML, JSON or TOML (`format`), as `load` reads a file.

    `source` names the text in errors; file names inside it (layout, images) are
    relative to `folder`. Raises InputError with the line and field of every problem.
    """
    fmt = str(format).lower().lstrip(".")
    fmt = {"yml": "yaml"}.get(fmt, fmt)
    if fmt not in _PARSERS:
        raise InputError(source, [Problem(f"không đọc được định dạng '{format}': dùng yaml, json hoặc toml")])
    most = _limits.current().input_bytes
    if len(text.encode("utf-8")) > most:
        raise InputError(source, [Problem(f"văn bản quá lớn: hơn {_size(most)} (giới hạn input_bytes)")])
    data, lines = parse_text(text.lstrip("\ufeff"), fmt, source)
    return to_dispatch(data, lines, Path(folder) / source, source=source, values=values, convert_legacy=convert_legacy)


def from_dict(data: Mapping[str, Any], *, source: str = "<dữ liệu>", folder: str | Path = ".",
              convert_legacy: bool = False, values: Mapping[str, Any] | None = None) -> "CongVan":
    """Build one dispatch from plain data (a dict as `json.load` gives), with the
    checks and the Vietnamese InputError of `load`; paths are relative to `folder`."""
    if not isinstance(data, Mapping):
        raise InputError(source, [Problem("dữ liệu phải là một nhóm khóa: giá trị (dict)")])
    _check_shape(dict(data), {}, source)
    return to_dispatch(dict(data), {}, Path(folder) / source, source=source, values=values, convert_legacy=convert_legacy)


def to_dispatch(data: dict[Any, Any], lines: Lines, path: Path, source: str | None = None,
                values: Mapping[str, Any] | None = None, convert_legacy: bool = False) -> "CongVan":
    """Data read from `path` → a validated dispatch; `source` names it in errors."""
    from .content import fill, is_template
    from .model import TEXTS_CLEANED, CongVan

    source = source or str(path)
    if values is not None or is_template(data):
        data = fill(data, lines, source, values, path)
    data = clean_strings(data, lines, source, convert_legacy=convert_legacy)
    # Every text is clean now, the file names made relative too: the models need not clean again.
    return validate(CongVan, relative_to(data, path.parent, lines, source), lines, source, {TEXTS_CLEANED: True})


def relative_to(data: Any, folder: Path, lines: Lines | None = None, source: str = "") -> Any:
    """The file names a dispatch holds (layout, signature and seal images, tables),
    made relative to the folder of the file they are written in; each must lie inside
    that folder or a folder the user allowed (congvan.resources), else an InputError."""
    from .model import PATH_FIELDS
    from .vietnamese import clean_text

    if not isinstance(data, dict):
        return data
    problems: list[Problem] = []

    def place(value: str, path: tuple[Any, ...]) -> str:
        try:  # the folder's own name is a text of the dispatch too, cleaned as the others
            return clean_text(inside(value.strip(), folder))
        except ValueError as exc:  # a TextError too
            problems.append(Problem(str(exc), _field(path), _line(lines or {}, path)))
            return value

    data = dict(data)
    for keys in PATH_FIELDS:
        owner = data
        for key in keys[:-1]:
            if not isinstance(owner.get(key), dict):
                break
            owner[key] = owner = dict(owner[key])
        else:
            value = owner.get(keys[-1])
            if isinstance(value, str) and value.strip():
                owner[keys[-1]] = place(value, keys)
    data = _table_files(data, (), place)
    if problems:
        raise InputError(source, problems)
    return data


def _table_files(value: Any, path: tuple[Any, ...], place: Callable[[str, tuple[Any, ...]], str]) -> Any:
    """`bang: {tep: …}` anywhere in the body, relative to the data file's folder; what
    holds no table file is returned as it is, not copied."""
    from .model import TABLE_FILE

    return _tables_in(value, path, place, TABLE_FILE)


def _tables_in(value: Any, path: tuple[Any, ...], place: Callable[[str, tuple[Any, ...]], str], key: tuple[str, str]) -> Any:
    if isinstance(value, list):
        items = [v if isinstance(v, str) else _tables_in(v, path + (i,), place, key) for i, v in enumerate(value)]
        return value if all(a is b for a, b in zip(items, value)) else items
    if not isinstance(value, dict):
        return value
    out = value
    for k, v in value.items():
        if isinstance(v, (dict, list)):
            placed = _tables_in(v, path + (k,), place, key)
            if placed is not v:
                if out is value:
                    out = dict(value)
                out[k] = placed
    table = out.get(key[0])
    if isinstance(table, dict) and isinstance(table.get(key[1]), str):
        name = table[key[1]].strip()
        if name:
            out = dict(out) if out is value else out
            out[key[0]] = {**table, key[1]: place(name, path + key)}
    return out
