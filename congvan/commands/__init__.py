"""One module per sub-command; each has `add_parser(subparsers)` and sets `func`.

A new command is one new module and one line in COMMANDS.
"""

from __future__ import annotations

import sys
from pathlib import Path

COMMANDS = ["render", "batch", "template", "check", "schema", "new", "serve"]


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
