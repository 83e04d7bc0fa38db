"""`congvan schema`: the JSON Schema of a dispatch file, for editors."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..docx.writer import write_atomic
from ..schema import SCHEMA_FILE, dumps


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = commands.add_parser(
        "schema", help="in JSON Schema của tệp dữ liệu công văn, cho trình soạn thảo (VS Code…) gợi ý và kiểm tra",
        description="In JSON Schema (draft 2020-12) của tệp dữ liệu công văn như văn thư gõ: một dòng hoặc danh sách "
        "các dòng, ngày 2021-03-05, 05/03/2021 hoặc {thang, nam}, dàn ý, khối bien:, layout:. Trình soạn thảo "
        "dùng yaml-language-server đọc nó khi dòng đầu tệp YAML ghi "
        f"# yaml-language-server: $schema={SCHEMA_FILE}",
        epilog="Ví dụ:\n"
        f"  congvan schema -o {SCHEMA_FILE}\n"
        "  congvan schema > cv.schema.json",
    )
    p.add_argument("-o", "--output", metavar="TỆP", help="ghi vào tệp thay vì in ra màn hình")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    text = dumps()
    if args.output:
        write_atomic(Path(args.output), text.encode("utf-8"))
        print(f"Đã ghi {args.output}")
    else:
        print(text, end="")
    return 0
