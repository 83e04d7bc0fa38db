"""Command line: `congvan render …` (and the other commands as they come)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import CongVanError
from .layout import DEFAULT_LAYOUT, load_layout
from .reader import FORMATS, load
from .render import write_docx


def _inputs(paths: list[str]) -> list[Path]:
    files: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            files += sorted(p for p in path.iterdir() if p.suffix.lower() in FORMATS)
        else:
            files.append(path)
    return files


def _error(message: str) -> None:
    print(f"Lỗi: {message}", file=sys.stderr)


def cmd_render(args: argparse.Namespace) -> int:
    formats = {f.strip().lower() for f in args.format.split(",") if f.strip()}
    unknown = formats - {"docx", "pdf"}
    if unknown:
        _error(f"định dạng không hỗ trợ: {', '.join(sorted(unknown))} (dùng docx, pdf)")
        return 2
    try:
        layout = load_layout(args.layout) if args.layout else DEFAULT_LAYOUT
    except CongVanError as exc:
        _error(str(exc))
        return 2
    out = Path(args.output)
    failed = 0
    for source in _inputs(args.inputs):
        try:
            cv = load(source, convert_legacy=args.convert_legacy)
            target = write_docx(cv, out / f"{source.stem}.docx", layout, args.template)
        except CongVanError as exc:
            failed += 1
            _error(str(exc))
            continue
        print(f"Đã tạo {target}")
    if failed:
        print(f"{failed} tệp lỗi, không được tạo.", file=sys.stderr)
    return 1 if failed else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="congvan",
        description="Tạo công văn đúng thể thức Nghị định 30/2020/NĐ-CP từ dữ liệu có cấu trúc (YAML, JSON, TOML).",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="LỆNH")
    render = commands.add_parser("render", help="tạo DOCX (và PDF) từ tệp dữ liệu công văn")
    render.add_argument("inputs", nargs="+", metavar="TỆP", help="tệp .yaml/.json/.toml hoặc thư mục chứa chúng")
    render.add_argument("-o", "--output", default="out", metavar="THƯ_MỤC", help="thư mục kết quả (mặc định: out)")
    render.add_argument("--format", default="docx", metavar="ĐỊNH_DẠNG", help="docx, pdf hoặc docx,pdf (mặc định: docx)")
    render.add_argument("--layout", metavar="TỆP", help="tệp YAML bố cục thay cho bố cục mặc định")
    render.add_argument("--template", metavar="TỆP", help="mẫu .docx của cơ quan thay cho mẫu mặc định")
    render.add_argument("--convert-legacy", action="store_true", help="tự chuyển văn bản gõ bằng bảng mã TCVN3/VNI sang Unicode")
    render.set_defaults(func=cmd_render)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
