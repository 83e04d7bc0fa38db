"""Command line entry point: `congvan LỆNH …`; the commands live in congvan.commands."""

from __future__ import annotations

import importlib
import sys

from . import __version__
from .commands import COMMANDS, error
from .commands.parser import ArgumentParser
from .errors import CongVanError
from .explain import os_message

EXAMPLES = """Ví dụ:
  congvan render examples/bau-cu-2021.yaml -o out/ --format docx,pdf
  congvan batch examples/ -o out/
  congvan check out/bau-cu-2021.docx
  congvan render --help              hướng dẫn của từng lệnh"""


def build_parser(argv: list[str] | None = None) -> ArgumentParser:
    """The parser; given the command line, only the command it names is imported (a
    command's modules load only when that command runs)."""
    parser = ArgumentParser(
        prog="congvan",
        description="Tạo công văn đúng thể thức Nghị định 30/2020/NĐ-CP từ dữ liệu có cấu trúc (YAML, JSON, TOML).",
        epilog=EXAMPLES,
    )
    parser.add_argument("--version", action="version", version=f"congvan {__version__}",
                        help="in số phiên bản rồi thoát")
    commands = parser.add_subparsers(dest="command", required=True, metavar="LỆNH", title="lệnh")
    named = next((a for a in (sys.argv[1:] if argv is None else argv) if not a.startswith("-")), None)
    for name in [named] if named in COMMANDS else COMMANDS:
        importlib.import_module(f".commands.{name}", __package__).add_parser(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser(argv).parse_args(argv)
    try:
        code: int = args.func(args)
    except KeyboardInterrupt:
        print("Đã dừng.", file=sys.stderr)
        return 130
    except CongVanError as exc:
        error(str(exc))
        return 2
    except OSError as exc:  # e.g. an output folder that cannot be written
        error(os_message(exc, "không ghi hoặc đọc được"))
        return 2
    finally:
        if "congvan.batch.pool" in sys.modules:  # a command that ran a pool of its own
            sys.modules["congvan.batch.pool"].stop_servers()
    return code


if __name__ == "__main__":
    sys.exit(main())
