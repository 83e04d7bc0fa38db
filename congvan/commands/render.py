"""`congvan render`: data files → DOCX (and PDF)."""

from __future__ import annotations

from typing import Any

import argparse
import sys
import tempfile
from pathlib import Path

from ..errors import CongVanError
from ..resources import allowing
from ..explain import os_reason
from ..layout import DEFAULT_LAYOUT, load_layout
from ..model import CongVan
from ..pdf import PdfEngine, PdfError, find_soffice, finish_pdf, merge_pdfs
from ..preflight import preflight
from ..reader import FORMATS, load_mapping, to_dispatch
from ..docx.writer import write_atomic
from ..render import writer_for
from . import error, expand_inputs


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = commands.add_parser(
        "render", help="tạo DOCX (và PDF) từ tệp dữ liệu công văn",
        description="Tạo công văn DOCX (và PDF) từ tệp dữ liệu .yaml, .json hoặc .toml.",
        epilog="Ví dụ:\n"
        "  congvan render examples/bau-cu-2021.yaml -o out/\n"
        "  congvan render examples/ -o out/ --format docx,pdf\n"
        "  congvan render cv.yaml --template mau-co-quan.docx -o out/",
    )
    p.add_argument("inputs", nargs="+", metavar="TỆP", help="tệp .yaml/.json/.toml hoặc thư mục chứa chúng")
    p.add_argument("-o", "--output", default="out", metavar="THƯ_MỤC", help="thư mục kết quả (mặc định: out)")
    p.add_argument("--format", default="docx", metavar="ĐỊNH_DẠNG", help="docx, pdf hoặc docx,pdf (mặc định: docx)")
    p.add_argument("--layout", metavar="TỆP", help="tệp YAML bố cục thay cho bố cục mặc định")
    p.add_argument("--template", metavar="TỆP", help="mẫu .docx của cơ quan thay cho mẫu mặc định")
    p.add_argument("--pdfa", action="store_true", help="PDF theo chuẩn lưu trữ PDF/A-2b")
    p.add_argument("--merge", metavar="TỆP.pdf", help="gộp mọi PDF của lần chạy thành một tệp, mỗi công văn một dấu trang")
    p.add_argument("--workers", type=int, metavar="N", help="số tiến trình LibreOffice chạy song song (mặc định: số nhân CPU)")
    p.add_argument("--convert-legacy", action="store_true", help="tự chuyển văn bản gõ bằng bảng mã TCVN3/VNI sang Unicode")
    p.add_argument("--tai-nguyen", action="append", default=[], metavar="THƯ_MỤC",
                   help="thư mục có tệp mà dữ liệu được nêu tên (ảnh chữ ký, ảnh dấu, bố cục, bảng) ngoài thư mục "
                   "của tệp dữ liệu (lặp lại được)")
    p.add_argument("--strict", action="store_true", help="coi mọi cảnh báo thể thức là lỗi: công văn có cảnh báo không được tạo")
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
    want_pdf = "pdf" in formats or bool(args.merge) or args.pdfa
    if want_pdf:
        try:
            find_soffice()
        except CongVanError as exc:
            error(str(exc))
            return 2
    out = Path(args.output)
    # A folder that cannot be made stops the run before any work (an OSError for the
    # command line); a file that cannot be written later fails alone.
    out.mkdir(parents=True, exist_ok=True)
    failed = 0
    warned: set[Any] = set()
    rendered: list[tuple[Path, CongVan, Path]] = []
    with tempfile.TemporaryDirectory(prefix="congvan-") as tmp:
        for source in expand_inputs(args.inputs, set(FORMATS)):
            docx_dir = out if "docx" in formats else Path(tmp)
            try:
                with allowing(args.tai_nguyen):
                    data, lines = load_mapping(source)
                    cv = to_dispatch(data, lines, source, convert_legacy=args.convert_legacy)
                writer = writer_for(cv, layout, args.template)
                warn_once(writer, warned, args.strict)
                notices = [str(n) for n in preflight(cv, writer, str(source), lines, args.layout)]
                if args.strict and (notices or writer.warnings):
                    # --strict: a dispatch `congvan check` would fault is not written.
                    failed += 1
                    for notice in notices:
                        error(notice)
                    continue
                say(notices, warned)
                target = docx_dir / f"{source.stem}.docx"
                write_atomic(target, writer.to_bytes(cv))
            except CongVanError as exc:
                failed += 1
                error(str(exc))
                continue
            except OSError as exc:  # disk full, read-only folder: this file fails, the others go on
                failed += 1
                error(write_failure(source, docx_dir / f"{source.stem}.docx", exc))
                continue
            if "docx" in formats:
                print(f"Đã tạo {target}")
            rendered.append((source, cv, target))
        if want_pdf and rendered:
            failed += _pdfs(args, rendered, out, "pdf" in formats)
    if failed:
        print(f"{failed} tệp lỗi, không được tạo.", file=sys.stderr)
    return 1 if failed else 0


def write_failure(source: Path, target: Path, exc: OSError) -> str:
    return f"{source}: không ghi được {target}: {os_reason(exc)}"


def warn_once(writer: Any, warned: set[Any], strict: bool = False) -> None:
    """A template's departures from NĐ 30, said once per template (errors with --strict)."""
    if writer.template_path in warned:
        return
    warned.add(writer.template_path)
    for departure in writer.warnings:
        print(f"{'Lỗi' if strict else 'Cảnh báo'}: mẫu {writer.template_path}: {departure}", file=sys.stderr)


def say(notices: list[str], said: set[Any]) -> None:
    """Warnings before writing; one about a layout profile is said once, not per file."""
    for notice in notices:
        if notice not in said:
            said.add(notice)
            print(f"Cảnh báo: {notice}", file=sys.stderr)


def _pdfs(args: argparse.Namespace, rendered: list[tuple[Path, CongVan, Path]], out: Path, keep: bool) -> int:
    """Convert the batch's DOCX files; returns the number of failures."""
    failed = 0
    with tempfile.TemporaryDirectory(prefix="congvan-pdf-") as tmp:
        # Converted and checked in a temporary folder; only checked PDFs reach `out`.
        pairs = [(docx, Path(tmp) / f"{i}" / f"{source.stem}.pdf") for i, (source, _, docx) in enumerate(rendered)]
        # One batch per run: one LibreOffice start per worker, no resident process.
        with PdfEngine(workers=args.workers, resident=False) as engine:
            results = engine.convert(pairs, pdfa=args.pdfa)
        done: list[tuple[Path, str]] = []
        for (source, cv, _), result in zip(rendered, results):
            try:
                if not result.ok:
                    raise PdfError(str(source), f"không tạo được PDF: {result.error}")
                finish_pdf(result.target, cv, pdfa=args.pdfa, label=str(source))
            except CongVanError as exc:
                failed += 1
                error(str(exc))
                continue
            if keep:
                final = out / result.target.name
                try:
                    write_atomic(final, result.target.read_bytes())
                except OSError as exc:
                    failed += 1
                    error(write_failure(source, final, exc))
                    continue
                print(f"Đã tạo {final}")
            done.append((result.target, f"Số: {cv.so_ky_hieu} – {cv.document_title}"))
        if args.merge and done:
            try:
                target = merge_pdfs(done, args.merge)
            except OSError as exc:
                error(write_failure(Path(args.merge), Path(args.merge), exc))
                return failed + 1
            print(f"Đã gộp {len(done)} công văn vào {target}")
    return failed
