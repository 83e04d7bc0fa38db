"""`congvan new <loai>`: write a commented starting file for a kind of document."""

from __future__ import annotations

import argparse
import difflib
from pathlib import Path

from .. import kinds
from ..docx.writer import write_atomic
from ..starter import starter
from . import error


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = commands.add_parser(
        "new", help="tạo tệp dữ liệu bắt đầu, có chú thích, cho một loại văn bản",
        description="Ghi một tệp YAML bắt đầu cho loại văn bản (cong_van, quyet_dinh, ke_hoach, giay_moi…): "
        "đủ các trường loại đó cần, mỗi trường một giá trị mẫu và một dòng chú thích. Tạo được ngay bằng congvan render.",
        epilog="Ví dụ:\n  congvan new quyet_dinh -o qd-thanh-lap.yaml\n  congvan new giay_moi > giay-moi.yaml\n\n"
        "Các loại: " + ", ".join(sorted(kinds.KINDS)),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("loai", metavar="LOẠI", help="loại văn bản, ví dụ quyet_dinh, to_trinh, giay_moi")
    p.add_argument("-o", "--output", metavar="TỆP", help="ghi vào tệp (không ghi đè tệp có sẵn) thay vì in ra màn hình")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    loai = args.loai.strip().lower().replace("-", "_")
    if loai not in kinds.KINDS:
        close = difflib.get_close_matches(loai, sorted(kinds.KINDS), n=1)
        hint = f"; có phải '{close[0]}'?" if close else f" (dùng: {', '.join(sorted(kinds.KINDS))})"
        error(f"không có loại văn bản '{args.loai}'{hint}")
        return 2
    if not args.output:
        print(starter(loai), end="")
        return 0
    target = Path(args.output)
    if target.exists():
        error(f"{target}: tệp đã có, không ghi đè")
        return 1
    write_atomic(target, starter(loai, target.name).encode("utf-8"))
    print(f"Đã tạo {target}")
    return 0
