"""Command line entry point: `congvan LỆNH …`; the commands live in congvan.commands."""

from __future__ import annotations

import argparse
import importlib
import sys

from .commands import COMMANDS


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="congvan",
        description="Tạo công văn đúng thể thức Nghị định 30/2020/NĐ-CP từ dữ liệu có cấu trúc (YAML, JSON, TOML).",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="LỆNH")
    for name in COMMANDS:
        importlib.import_module(f".commands.{name}", __package__).add_parser(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
