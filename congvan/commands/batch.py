"""`congvan batch`: folders of dispatches and templates → DOCX (and PDF), in parallel.

    congvan batch examples/ mau/ -o out/ --format docx,pdf --jobs 4
"""

from __future__ import annotations

import argparse
import glob
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from ..batch import DEFAULT_NAME, Interrupted, Job, Result, render_many
from ..batch.names import BUILT_IN, pattern_fields, unknown_field
from ..content import DEFAULTS_KEY, is_template_text, merge, variables
from ..errors import CongVanError
from ..layout import DEFAULT_LAYOUT, load_layout
from ..reader import FORMATS, load_mapping
from ..values import TABLES, count_rows, parse_assignments, read_rows
from . import LAYOUT_HELP, SET_HELP, TEMPLATE_HELP, error, layout_or_template, unused_values


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = commands.add_parser(
        "batch",
        help="tạo hàng loạt công văn (thư mục, mẫu nội dung, trộn thư), song song, chỉ tạo lại phần đã đổi",
        description="Tạo hàng loạt công văn từ tệp, thư mục hoặc mẫu tên (*.yaml). Mẫu nội dung (tệp có {{ biến }}) "
        "được điền từ --data, từ bảng .csv/.xlsx cùng tên đặt cạnh mẫu (mỗi dòng một công văn) hoặc --set. "
        "Lần chạy sau chỉ tạo lại những công văn có dữ liệu, mẫu hoặc bố cục thay đổi.",
        epilog="Ví dụ:\n"
        "  congvan batch examples/ -o out/ --format docx,pdf\n"
        "  congvan batch examples/mau/moi-hop.yaml -o out/      # bảng moi-hop.csv đặt cạnh mẫu\n"
        "  congvan batch mau.yaml --data danh-sach.xlsx --set nam=2026 -o out/",
    )
    p.add_argument("inputs", nargs="+", metavar="NGUỒN", help="tệp .yaml/.json/.toml, thư mục, hoặc mẫu tên như 'cv/*.yaml'")
    p.add_argument("-o", "--output", default="out", metavar="THƯ_MỤC", help="thư mục kết quả (mặc định: out)")
    p.add_argument("--format", default="docx", metavar="ĐỊNH_DẠNG", help="docx, pdf hoặc docx,pdf (mặc định: docx)")
    p.add_argument("-j", "--jobs", type=int, metavar="N", help="số tiến trình chạy song song (mặc định: mọi lõi CPU)")
    p.add_argument("--force", action="store_true", help="tạo lại tất cả, kể cả công văn không thay đổi")
    p.add_argument("--data", metavar="TỆP", help="dữ liệu cho mẫu: bảng .csv/.xlsx (mỗi dòng một công văn) hoặc tệp .yaml/.json/.toml")
    p.add_argument("--set", action="append", default=[], metavar="TÊN=GIÁ_TRỊ", help=SET_HELP)
    p.add_argument("--name", default=DEFAULT_NAME, metavar="MẪU_TÊN", help=f"tên tệp kết quả (mặc định: {DEFAULT_NAME}; thêm: nam, thang, ten, dong, các biến)")
    p.add_argument("--pdfa", action="store_true", help="PDF theo chuẩn lưu trữ PDF/A-2b")
    p.add_argument("--layout", metavar="TỆP", help=LAYOUT_HELP)
    p.add_argument("--template", metavar="TỆP", help=TEMPLATE_HELP)
    p.add_argument("--convert-legacy", action="store_true", help="tự chuyển văn bản gõ bằng bảng mã TCVN3/VNI sang Unicode")
    p.add_argument("--tai-nguyen", action="append", default=[], metavar="THƯ_MỤC",
                   help="thư mục có tệp mà dữ liệu được nêu tên (ảnh chữ ký, ảnh dấu, bố cục, bảng) ngoài thư mục "
                   "của tệp dữ liệu (lặp lại được)")
    p.add_argument("--strict", action="store_true", help="coi mọi cảnh báo thể thức là lỗi: công văn có cảnh báo không được tạo")
    p.set_defaults(func=run)


@dataclass(frozen=True)
class Source:
    """One input file; for a template, the table or data file that fills it."""

    path: Path
    template: bool = False
    data: Path | None = None


def run(args: argparse.Namespace) -> int:
    formats = {f.strip().lower() for f in args.format.split(",") if f.strip()}
    unknown = formats - {"docx", "pdf"}
    if unknown or not formats:
        error(f"định dạng không hỗ trợ: {', '.join(sorted(unknown)) or '(trống)'} (dùng docx, pdf)")
        return 2
    if "pdf" in formats:
        problem = _pdf_problem()
        if problem:
            error(problem)
            return 2
    if args.jobs is not None and args.jobs < 1:
        error("--jobs phải từ 1 trở lên")
        return 2
    args.layout, args.template = layout_or_template(args.layout, args.template)
    try:
        layout = load_layout(args.layout) if args.layout else DEFAULT_LAYOUT
        fixed = parse_assignments(args.set)
        data = Path(args.data) if args.data else None
        if data is not None:
            count_rows(data)  # a broken data file stops the run before it starts
        files = expand(args.inputs, Path(args.output))
    except CongVanError as exc:
        error(str(exc))
        return 2
    if not files:
        error("không có tệp công văn nào trong các nguồn đã cho")
        return 2
    departures = _template_departures(args.template)
    for departure in departures:  # said once for the batch, as render does
        print(f"{'Lỗi' if args.strict else 'Cảnh báo'}: mẫu {args.template}: {departure}", file=sys.stderr)
    if departures and args.strict:
        return 1  # --strict: nothing is written with a template that departs from NĐ 30

    output = Path(args.output)
    if output.exists() and not output.is_dir():
        error(f"'{output}' là một tệp, không phải thư mục kết quả")
        return 2
    workers = args.jobs or os.cpu_count() or 1
    sources = list(plan(files, data))
    plan_errors: list[str] = []
    total = sum(_count(source, plan_errors) for source in sources)
    unknown_names = [f for f in pattern_fields(args.name) if f not in _known_fields(sources, fixed)]
    if unknown_names:
        # Said once here, rather than once for each of ten thousand rows.
        error(unknown_field(args.name, unknown_names[0]))
        return 2
    for warning in unused_values(fixed, _used_variables(sources) | set(pattern_fields(args.name))):
        print(f"Cảnh báo: {warning}", file=sys.stderr)
    console = Console(stderr=True)
    interrupted = False
    columns = [TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn()]
    with Progress(*columns, console=console, disable=not console.is_terminal, transient=True) as progress:
        task = progress.add_task("Đang tạo công văn", total=total)

        warnings: dict[str, None] = {}  # in order, each said once (a layout's for every row)

        def advance(result: Result) -> None:
            warnings.update(dict.fromkeys(result.warnings))
            progress.advance(task)

        try:
            # render_many runs its own pool: workers that die with the batch, and a new
            # pool when one of them dies.
            summary = render_many(
                jobs(sources, fixed), output=args.output, formats=formats, name=args.name, layout=layout,
                template=args.template, force=args.force, convert_legacy=args.convert_legacy, pdfa=args.pdfa,
                strict=args.strict, layout_file=args.layout, resource_folders=args.tai_nguyen,
                workers=workers, chunk_size=max(1, min(8, total // (4 * workers))), on_result=advance,
            )
        except Interrupted as stop:
            summary, interrupted = stop.summary, True
    for warning in warnings:
        print(f"Cảnh báo: {warning}", file=sys.stderr)
    failures = plan_errors + [result.error or "" for result in summary.failed]
    for message in failures:
        error(message)
    counts = f"{summary.done} tạo mới, {summary.skipped} bỏ qua (không đổi), {len(failures)} lỗi → {args.output}"
    if interrupted:
        print(f"Đã dừng (Ctrl-C): {counts}; chạy lại cùng lệnh để tạo nốt phần còn lại.", file=sys.stderr)
        return 130
    print(f"Xong: {counts}")
    return 1 if failures else 0


def _template_departures(template: str | None) -> list[str]:
    """A --template's departures from NĐ 30 (an unusable one is each job's error)."""
    if not template:
        return []
    from ..docx.conformance import template_departures

    try:
        return template_departures(Path(template).read_bytes())
    except Exception:  # not a .docx, unreadable: the jobs say why, file by file
        return []


def _pdf_problem() -> str | None:
    """Why no PDF can be made here (no converter in this build, no LibreOffice), or None."""
    try:
        from ..pdf import find_soffice
    except ImportError:
        return "bản congvan này chưa có bộ chuyển PDF; dùng --format docx"
    try:
        find_soffice()
    except CongVanError as exc:
        return str(exc)
    return None


def expand(inputs: list[str], output: Path) -> list[Path]:
    """Files, folders (with their sub-folders) and glob patterns → dispatch files, in order."""
    files: list[Path] = []
    skip = output.resolve()
    for name in inputs:
        path = Path(name)
        if path.is_dir():
            found = [p for p in path.rglob("*") if p.suffix.lower() in FORMATS and p.is_file()]
            files += sorted(p for p in found if not _hidden(p.relative_to(path)) and skip not in p.resolve().parents)
        elif not path.exists() and glob.has_magic(name):
            matches = sorted(Path(p) for p in glob.glob(name, recursive=True) if Path(p).suffix.lower() in FORMATS)
            if not matches:
                raise CongVanError(f"không có tệp nào khớp '{name}'")
            files += matches
        else:
            files.append(path)  # a missing file is reported as a failed job
    unique = dict.fromkeys(files)
    return list(unique)


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def plan(files: list[Path], data: Path | None) -> Iterator[Source]:
    """A template takes --data, else a table of the same name beside it (mau.csv for mau.yaml)."""
    for path in files:
        try:
            raw = path.read_bytes()
        except OSError:
            yield Source(path)
            continue
        if not is_template_text(raw):
            yield Source(path)
            continue
        table = data or next((path.with_suffix(s) for s in TABLES if path.with_suffix(s).is_file()), None)
        yield Source(path, True, table)


def _used_variables(sources: list[Source]) -> set[str]:
    """The variables the run's mẫu nội dung use."""
    used: set[str] = set()
    for source in {s.path for s in sources if s.template}:
        try:
            data, _ = load_mapping(source)
        except CongVanError:
            continue  # reported by its job
        used |= variables(data)
    return used


def _known_fields(sources: list[Source], fixed: dict[Any, Any]) -> set[str]:
    """Fields a name pattern can use: the built-in ones, and every variable in sight."""
    known = set(BUILT_IN) | set(fixed)
    for source in {s.path for s in sources if s.template}:
        try:
            data, _ = load_mapping(source)
        except CongVanError:
            continue  # reported by its job
        defaults = data.get(DEFAULTS_KEY)
        known |= set(defaults) if isinstance(defaults, dict) else set()
    for table in {s.data for s in sources if s.data is not None}:
        try:
            known |= set(next(read_rows(table)).values)
        except (CongVanError, StopIteration):
            continue
    return known


def _count(source: Source, errors: list[str]) -> int:
    if source.data is None:
        return 1
    try:
        return count_rows(source.data)
    except CongVanError as exc:
        errors.append(f"{source.path}: {exc}")
        return 0


def jobs(sources: list[Source], fixed: dict[Any, Any]) -> Iterator[Job]:
    for source in sources:
        if not source.template:
            yield Job(source.path)
        elif source.data is None:
            yield Job(source.path, merge(fixed))
        else:
            try:
                for row in read_rows(source.data):
                    yield Job(source.path, merge(row.values, fixed), source.data, row.line)
            except CongVanError:
                pass  # counted and reported by _count already

