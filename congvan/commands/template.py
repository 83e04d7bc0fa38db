"""`congvan template`: export the default layout template, check a template's tags."""

from __future__ import annotations

import argparse
import difflib
from pathlib import Path

from .. import kinds
from ..docx.compiled import TemplateFileError
from ..docx.tags import TAGS, check_template, kind_tags, shown
from ..docx.template import export_bytes
from ..docx.writer import write_atomic
from . import error


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = commands.add_parser(
        "template", help="xuất mẫu bố cục mặc định (.docx), kiểm tra thẻ của một mẫu bố cục",
        epilog="Ví dụ:\n"
        "  congvan template export mau-co-quan.docx\n"
        "  congvan template export --loai quyet_dinh mau-quyet-dinh.docx\n"
        "  congvan template check mau-co-quan.docx",
    )
    actions = p.add_subparsers(dest="action", required=True, metavar="VIỆC", title="việc")
    export = actions.add_parser("export", help="ghi mẫu mặc định của một loại văn bản ra tệp .docx để sửa trong Word/LibreOffice",
                                epilog="Ví dụ:\n  congvan template export mau-co-quan.docx --force\n"
                                "  congvan template export --loai giay_moi mau-giay-moi.docx\n\n"
                                "Các loại: " + ", ".join(sorted(kinds.KINDS)))
    export.add_argument("path", metavar="TỆP", help="tệp .docx sẽ ghi")
    export.add_argument("--loai", metavar="LOẠI", default=kinds.DEFAULT, help="loại văn bản của mẫu (mặc định cong_van), ví dụ quyet_dinh, to_trinh, giay_moi")
    export.add_argument("--force", action="store_true", help="ghi đè nếu tệp đã có")
    export.set_defaults(func=run_export)
    check = actions.add_parser("check", help="liệt kê thẻ của mẫu, trường còn thiếu và thẻ không có trong dữ liệu",
                               epilog="Ví dụ:\n  congvan template check mau-co-quan.docx")
    check.add_argument("path", metavar="TỆP", help="mẫu .docx")
    check.add_argument("--loai", metavar="LOẠI", help="kiểm tra cho loại văn bản này (mặc định: loại ghi trong mẫu, hoặc theo thẻ của mẫu)")
    check.set_defaults(func=run_check)


def _kind(value: str | None) -> str | None:
    """The `--loai` value as a kind's name; an unknown one is said with a hint."""
    if value is None:
        return None
    loai = value.strip().lower().replace("-", "_")
    if loai in kinds.KINDS:
        return loai
    close = difflib.get_close_matches(loai, sorted(kinds.KINDS), n=1)
    hint = f"; có phải '{close[0]}'?" if close else f" (dùng: {', '.join(sorted(kinds.KINDS))})"
    error(f"--loai: không có loại văn bản '{value}'{hint}")
    return ""


def run_export(args: argparse.Namespace) -> int:
    loai = _kind(args.loai)
    if not loai:
        return 2
    target = Path(args.path)
    if target.suffix.lower() != ".docx":
        error(f"{target}: mẫu bố cục phải là tệp .docx")
        return 2
    if target.exists() and not args.force:
        error(f"{target} đã có; dùng --force để ghi đè")
        return 1
    write_atomic(target, export_bytes(loai))
    kind = kinds.get(loai)
    print(f"Đã ghi mẫu mặc định của {kind.ten} (Mẫu {kind.mau}) vào {target}")
    return 0


def run_check(args: argparse.Namespace) -> int:
    loai = _kind(args.loai)
    if loai == "":
        return 2
    try:
        report = check_template(args.path, loai)
    except OSError:
        error(f"{args.path}: không mở được mẫu")
        return 2
    except TemplateFileError as exc:
        error(str(exc))
        return 2
    kind = report.kind
    origin = {"mẫu": "ghi trong mẫu", "thẻ": "theo thẻ của mẫu", "--loai": "theo --loai"}[report.kind_from]
    print(f"Mẫu {report.source}")
    print(f"Loại văn bản: {kind.ten} (Mẫu {kind.mau}), {origin}")
    if report.fits:
        print("Dùng được cho: " + ", ".join(k.ten for k in report.fits))
    print("Thẻ dùng trong mẫu:")
    for tag in report.tags:
        meaning = TAGS.get(tag, ("", "không có trong dữ liệu công văn"))[1]
        print(f"  {shown(tag):<26} {meaning}")
    if report.bad_kind:
        near = difflib.get_close_matches(report.bad_kind, sorted(kinds.KINDS), n=1)
        hint = f"; có phải '{near[0]}'?" if near else ""
        print(f"Lỗi: thuộc tính congvan_loai của mẫu ghi loại '{report.bad_kind}' không có{hint}")
    for name in report.missing:
        print(f"Lỗi: thiếu thẻ cho trường bắt buộc '{name}' của {kind.ten} ({TAGS[name][1]})")
    for tag in report.foreign:
        owners = ", ".join(k.ten for k in kinds.KINDS.values() if tag in kind_tags(k))
        print(f"Lỗi: thẻ '{shown(tag)}' không dùng cho {kind.ten} (là thẻ của {owners})")
    for tag, close in report.unknown.items():
        hint = f"; có phải '{close}'?" if close else ""
        print(f"Lỗi: thẻ '{tag}' không có trong dữ liệu công văn{hint}")
    for departure in report.departures:
        print(f"Cảnh báo: {departure}")
    if report.ok:
        print("Mẫu dùng được." + (" Có điểm trái Nghị định 30 (xem cảnh báo)." if report.departures else ""))
    return 0 if report.ok else 1
