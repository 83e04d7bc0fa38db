"""`congvan template`: export the default layout template, check a template's tags."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..docx.compiled import TemplateFileError
from ..docx.tags import TAGS, check_template
from ..docx.template import DEFAULT_TEMPLATE
from ..docx.writer import write_atomic
from . import error


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = commands.add_parser(
        "template", help="xuất mẫu bố cục mặc định (.docx), kiểm tra thẻ của một mẫu bố cục",
        epilog="Ví dụ:\n"
        "  congvan template export mau-co-quan.docx\n"
        "  congvan template check mau-co-quan.docx",
    )
    actions = p.add_subparsers(dest="action", required=True, metavar="VIỆC", title="việc")
    export = actions.add_parser("export", help="ghi mẫu mặc định ra tệp .docx để sửa trong Word/LibreOffice",
                                epilog="Ví dụ:\n  congvan template export mau-co-quan.docx --force")
    export.add_argument("path", metavar="TỆP", help="tệp .docx sẽ ghi")
    export.add_argument("--force", action="store_true", help="ghi đè nếu tệp đã có")
    export.set_defaults(func=run_export)
    check = actions.add_parser("check", help="liệt kê thẻ của mẫu, trường còn thiếu và thẻ không có trong dữ liệu",
                               epilog="Ví dụ:\n  congvan template check mau-co-quan.docx")
    check.add_argument("path", metavar="TỆP", help="mẫu .docx")
    check.set_defaults(func=run_check)


def run_export(args: argparse.Namespace) -> int:
    target = Path(args.path)
    if target.suffix.lower() != ".docx":
        error(f"{target}: mẫu bố cục phải là tệp .docx")
        return 2
    if target.exists() and not args.force:
        error(f"{target} đã có; dùng --force để ghi đè")
        return 1
    write_atomic(target, DEFAULT_TEMPLATE.read_bytes())
    print(f"Đã ghi mẫu mặc định vào {target}")
    return 0


def run_check(args: argparse.Namespace) -> int:
    try:
        report = check_template(args.path)
    except OSError:
        error(f"{args.path}: không mở được mẫu")
        return 2
    except TemplateFileError as exc:
        error(str(exc))
        return 2
    print(f"Mẫu {report.source}")
    print("Thẻ dùng trong mẫu:")
    for tag in report.tags:
        kind, meaning = TAGS.get(tag, ("", "không có trong dữ liệu công văn"))
        shown = f"{{{{p {tag} }}}}" if kind == "p" else f"{{{{ {tag} }}}}"
        print(f"  {shown:<26} {meaning}")
    for name in report.missing:
        print(f"Lỗi: thiếu thẻ cho trường bắt buộc '{name}' ({TAGS[name][1]})")
    for tag, close in report.unknown.items():
        hint = f"; có phải '{close}'?" if close else ""
        print(f"Lỗi: thẻ '{tag}' không có trong dữ liệu công văn{hint}")
    for departure in report.departures:
        print(f"Cảnh báo: {departure}")
    if report.ok:
        print("Mẫu dùng được." + (" Có điểm trái Nghị định 30 (xem cảnh báo)." if report.departures else ""))
    return 0 if report.ok else 1
