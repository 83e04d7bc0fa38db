"""One module per sub-command; each has `add_parser(subparsers)` and sets `func`.

A new command is one new module and one line in COMMANDS.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

COMMANDS = ["render", "batch", "template", "check", "schema", "new", "serve"]


# One vocabulary for every command (README, "Từ ngữ"): the .docx is a mẫu bố cục, a YAML of
# the values the decree leaves open a hồ sơ bố cục, a data file with variables a mẫu nội dung.
LAYOUT_HELP = "hồ sơ bố cục .yaml/.json/.toml (hoặc mẫu bố cục .docx) thay cho bố cục mặc định"
TEMPLATE_HELP = "mẫu bố cục .docx của cơ quan thay cho mẫu mặc định"
SET_HELP = "giá trị một biến của mẫu nội dung, ví dụ --set nam=2026 (lặp lại được)"


def layout_or_template(layout: str | None, template: str | None) -> tuple[str | None, str | None]:
    """`--layout x.docx` names a mẫu bố cục, as `layout: x.docx` does in the data."""
    if layout and Path(layout).suffix.lower() == ".docx":
        return None, template or layout
    return layout, template


def unused_values(values: dict[str, Any] | None, used: set[str]) -> list[str]:
    """A --set or --data variable that no mẫu nội dung of the run uses: said, not ignored."""
    import difflib

    said = []
    for name in sorted(values or {}):
        if name not in used:
            close = difflib.get_close_matches(name, sorted(used), n=1)
            hint = f"; có phải '{close[0]}'?" if close else ""
            said.append(f"biến '{name}' (--set/--data) không được mẫu nội dung nào dùng{hint}")
    return said


def error(message: str) -> None:
    """Print a user-facing error (Vietnamese) to stderr."""
    print(f"Lỗi: {message}", file=sys.stderr)


def expand_inputs(paths: list[str], suffixes: set[str]) -> list[Path]:
    """Files given directly, plus the matching files of any folder given."""
    files: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            files += sorted(p for p in path.iterdir() if p.suffix.lower() in suffixes)
        else:
            files.append(path)
    return files
