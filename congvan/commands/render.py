"""`congvan render`: data files → DOCX (and PDF)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import CongVanError
from ..layout import DEFAULT_LAYOUT, load_layout
from ..reader import FORMATS, load
from ..render import writer_for, write_docx
from . import error, expand_inputs


def add_parser(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("render", help="tạo DOCX (và PDF) từ tệp dữ liệu công văn")
    p.add_argument("inputs", nargs="+", metavar="TỆP", help="tệp .yaml/.json/.toml hoặc thư mục chứa chúng")
    p.add_argument("-o", "--output", default="out", metavar="THƯ_MỤC", help="thư mục kết quả (mặc định: out)")
    p.add_argument("--format", default="docx", metavar="ĐỊNH_DẠNG", help="docx, pdf hoặc docx,pdf (mặc định: docx)")
    p.add_argument("--layout", metavar="TỆP", help="tệp YAML bố cục thay cho bố cục mặc định")
    p.add_argument("--template", metavar="TỆP", help="mẫu .docx của cơ quan thay cho mẫu mặc định")
    p.add_argument("--convert-legacy", action="store_true", help="tự chuyển văn bản gõ bằng bảng mã TCVN3/VNI sang Unicode")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    formats = {f.strip().lower() for f in args.format.split(",") if f.strip()}
    unknown = formats - {"docx", "pdf"}
    if unknown:
        error(f"định dạng không hỗ trợ: {', '.join(sorted(unknown))} (dùng docx, pdf)")
        return 2
    try:
        layout = load_layout(args.layout) if args.layout else DEFAULT_LAYOUT
    except CongVanError as exc:
        error(str(exc))
        return 2
    out = Path(args.output)
    failed = 0
    warned: set[Path] = set()
    for source in expand_inputs(args.inputs, set(FORMATS)):
        try:
            cv = load(source, convert_legacy=args.convert_legacy)
            warn_once(writer_for(cv, layout, args.template), warned)
            target = write_docx(cv, out / f"{source.stem}.docx", layout, args.template)
        except CongVanError as exc:
            failed += 1
            error(str(exc))
            continue
        print(f"Đã tạo {target}")
    if failed:
        print(f"{failed} tệp lỗi, không được tạo.", file=sys.stderr)
    return 1 if failed else 0


def warn_once(writer, warned: set) -> None:
    """A template's departures from NĐ 30, said once per template."""
    if writer.template_path in warned:
        return
    warned.add(writer.template_path)
    for departure in writer.warnings:
        print(f"Cảnh báo: mẫu {writer.template_path}: {departure}", file=sys.stderr)
