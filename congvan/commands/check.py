"""`congvan check`: a conformance report of any .docx against NĐ 30."""

from __future__ import annotations

import argparse
import json

from ..check import UnreadableDocx, check_many
from . import error


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = commands.add_parser(
        "check", help="kiểm tra thể thức một tệp .docx theo Nghị định 30/2020/NĐ-CP",
        description="Kiểm tra thể thức tệp .docx theo Nghị định 30/2020/NĐ-CP. Mã thoát: 0 không có lỗi, "
        "1 có lỗi, 2 không đọc được tệp.",
        epilog="Ví dụ:\n"
        "  congvan check du-thao.docx\n"
        "  congvan check --json out/*.docx\n"
        "  congvan check --nhanh out/*.docx",
    )
    p.add_argument("files", nargs="+", metavar="TỆP", help="tệp .docx cần kiểm tra")
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON cho máy đọc")
    p.add_argument("--nhanh", action="store_true",
                   help="không dàn trang qua LibreOffice (nhanh hơn; bỏ qua Quốc hiệu trên một dòng, đường kẻ như được vẽ, số trang thật)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Exit 0: no error; 1: a file breaks the decree; 2: a file cannot be read."""
    code = 0
    reports = []
    # Every file laid out in one LibreOffice run, where LibreOffice is installed.
    for name, report in zip(args.files, check_many(args.files, lay_out=not args.nhanh)):
        if isinstance(report, UnreadableDocx):
            error(f"{name}: {report}")
            reports.append({"file": name, "unreadable": str(report)})
            code = 2
            continue
        if not report.ok:
            code = max(code, 1)
        reports.append(report.as_dict())
        if not args.json:
            print(report.as_text())
    if args.json:
        print(json.dumps(reports, ensure_ascii=False, indent=2))
    return code
