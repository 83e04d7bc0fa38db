"""`congvan render`: data files → DOCX (and PDF)."""

from __future__ import annotations

from typing import Any

import argparse
import sys
import tempfile
import threading
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import CongVanError
from ..files import output_folder
from ..resources import allowing
from ..explain import os_reason
from ..pdf.engine import PdfEngine, find_soffice
from . import LAYOUT_HELP, SET_HELP, TEMPLATE_HELP, error, expand_inputs, layout_or_template, unused_values

if TYPE_CHECKING:
    from ..model import CongVan
    from ..pdf.engine import ConversionResult

# The rest of congvan (pydantic, the DOCX writer, pypdf) is imported inside `run`,
# after LibreOffice has been started: it warms while Python loads and renders.


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = commands.add_parser(
        "render", help="tạo DOCX (và PDF) từ tệp dữ liệu công văn",
        description="Tạo công văn DOCX (và PDF) từ tệp dữ liệu .yaml, .json hoặc .toml.",
        epilog="Ví dụ:\n"
        "  congvan render examples/bau-cu-2021.yaml -o out/\n"
        "  congvan render examples/ -o out/ --format docx,pdf\n"
        "  congvan render examples/bau-cu-2021.yaml --template mau-co-quan.docx -o out/\n"
        "  congvan render mau.yaml --set so=12 --set don_vi=\"Sở Tài chính\" -o out/",
    )
    p.add_argument("inputs", nargs="+", metavar="TỆP", help="tệp .yaml/.json/.toml hoặc thư mục chứa chúng")
    p.add_argument("-o", "--output", default="out", metavar="THƯ_MỤC", help="thư mục kết quả (mặc định: out)")
    p.add_argument("--format", metavar="ĐỊNH_DẠNG", help="docx, pdf hoặc docx,pdf (mặc định: docx; với --watch: docx,pdf)")
    p.add_argument("--layout", metavar="TỆP", help=LAYOUT_HELP)
    p.add_argument("--template", metavar="TỆP", help=TEMPLATE_HELP)
    p.add_argument("--data", metavar="TỆP", help="giá trị các biến của mẫu nội dung: tệp .yaml/.json/.toml "
                   "(bảng .csv/.xlsx nhiều dòng: dùng congvan batch)")
    p.add_argument("--set", action="append", default=[], metavar="TÊN=GIÁ_TRỊ", help=SET_HELP)
    p.add_argument("--pdfa", action="store_true", help="PDF theo chuẩn lưu trữ PDF/A-2b")
    p.add_argument("--merge", metavar="TỆP.pdf", help="gộp mọi PDF của lần chạy thành một tệp, mỗi công văn một dấu trang")
    p.add_argument("-j", "--jobs", type=int, metavar="N", help="số tiến trình LibreOffice chạy song song (mặc định: mọi lõi CPU)")
    p.add_argument("--workers", type=int, dest="jobs", help=argparse.SUPPRESS)  # the old name of --jobs
    p.add_argument("--convert-legacy", action="store_true", help="tự chuyển văn bản gõ bằng bảng mã TCVN3/VNI sang Unicode")
    p.add_argument("--tai-nguyen", action="append", default=[], metavar="THƯ_MỤC",
                   help="thư mục có tệp mà dữ liệu được nêu tên (ảnh chữ ký, ảnh dấu, bố cục, bảng) ngoài thư mục "
                   "của tệp dữ liệu (lặp lại được)")
    p.add_argument("--kem-theo-rieng", action="store_true",
                   help="văn bản điện tử: văn bản kèm theo quyết định (Mẫu 1.3) ghi thành tệp riêng TÊN-kem-theo.docx "
                   "(để trống số và ngày quyết định), không in trong tệp quyết định")
    p.add_argument("--strict", action="store_true", help="coi mọi cảnh báo thể thức là lỗi: công văn có cảnh báo không được tạo")
    p.add_argument("--watch", action="store_true",
                   help="theo dõi TỆP: tạo lại DOCX và PDF mỗi lần lưu tệp (hoặc mẫu, bố cục, ảnh, bảng nó dùng); Ctrl-C để dừng")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.format is None:
        args.format = "docx,pdf" if args.watch else "docx"
    formats = {f.strip().lower() for f in args.format.split(",") if f.strip()}
    unknown = formats - {"docx", "pdf"}
    if unknown:
        error(f"định dạng không hỗ trợ: {', '.join(sorted(unknown))} (dùng docx, pdf)")
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
    if args.watch and (len(args.inputs) != 1 or not Path(args.inputs[0]).is_file()):
        error(f"--watch theo dõi đúng một tệp công văn, không phải {' '.join(args.inputs)}")
        return 2
    with output_folder(out):  # a folder made here that nothing was written into goes again
        if args.watch:
            from .watch import watch

            engine = Warm(PdfEngine(workers=1)) if want_pdf else None  # one engine, warm for every save
            try:
                return watch(args, formats, out, engine, _render)
            finally:
                if engine is not None:
                    engine.close()
        if not want_pdf:
            return _render(args, formats, out, None)
        # LibreOffice first: one worker for one file, started now, ready by the time the
        # DOCX is; it converts every file of the run through its resident process.
        single = len(args.inputs) == 1 and not Path(args.inputs[0]).is_dir()
        engine = Warm(PdfEngine(workers=1 if single else args.jobs))
        try:
            return _render(args, formats, out, engine)
        finally:
            engine.close()


class Warm:
    """An engine started in the background; `ready()` waits for it (and says why not)."""

    def __init__(self, engine: PdfEngine) -> None:
        self.engine = engine
        self.failure: BaseException | None = None
        try:
            engine.launch()  # LibreOffice spawned here, before this thread imports the writer
        except Exception:  # e.g. LibreOffice missing: said by ready()
            pass
        self.thread = threading.Thread(target=self._start, name="congvan-soffice", daemon=True)
        self.thread.start()

    def _start(self) -> None:
        try:
            self.engine.start()
        except BaseException as exc:  # raised in the caller's thread by ready()
            self.failure = exc

    def ready(self) -> PdfEngine:
        self.thread.join()
        if self.failure is not None:
            raise self.failure
        return self.engine

    def convert(self, pairs: list[tuple[Path, Path]], pdfa: bool) -> Future[list[ConversionResult]]:
        """The conversion, running in the background; `.result()` gives its results."""
        future: Future[list[ConversionResult]] = Future()

        def work() -> None:
            try:
                future.set_result(self.ready().convert(pairs, pdfa=pdfa))
            except BaseException as exc:
                future.set_exception(exc)

        threading.Thread(target=work, name="congvan-convert", daemon=True).start()
        return future

    def close(self) -> None:
        self.thread.join()
        self.engine.close(wait=False)  # killed; the command exits without waiting for the kernel


def _render(args: argparse.Namespace, formats: set[str], out: Path, engine: Warm | None) -> int:
    from ..layout import DEFAULT_LAYOUT, load_layout
    from ..preflight import preflight
    from ..reader import FORMATS, load_mapping, to_dispatch
    from ..content import merge
    from ..render import own_file_titles, writer_for

    from ..content import is_template, variables
    from ..values import parse_assignments, read_values

    layout_file, template = layout_or_template(args.layout, args.template)
    try:
        layout = load_layout(layout_file) if layout_file else DEFAULT_LAYOUT
        values = merge(read_values(Path(args.data)) if args.data else None, parse_assignments(args.set))
    except CongVanError as exc:
        error(str(exc))
        return 2
    used: set[str] = set()
    failed = 0
    warned: set[Any] = set()
    rendered: list[tuple[Path, CongVan, Path, str | None]] = []
    with tempfile.TemporaryDirectory(prefix="congvan-") as tmp:
        claimed: dict[str, Path] = {}  # output stem → the input that makes it
        for source in expand_inputs(args.inputs, set(FORMATS)):
            docx_dir = out if "docx" in formats else Path(tmp)
            first = claimed.get(source.stem)
            if first is not None and first.resolve() == source.resolve():
                continue  # the same file given twice: once is enough
            try:
                with allowing(args.tai_nguyen):
                    data, lines = load_mapping(source)
                    filling = values if values and is_template(data) else None
                    used |= variables(data) if filling else set()
                    cv = to_dispatch(data, lines, source, values=filling, convert_legacy=args.convert_legacy)
                writer = writer_for(cv, layout, template)
                warn_once(writer, warned, args.strict)
                notices = [str(n) for n in preflight(cv, writer, str(source), lines, layout_file)]
                if args.strict and (notices or writer.warnings):
                    # --strict: a dispatch `congvan check` would fault is not written.
                    failed += 1
                    for notice in notices:
                        error(notice)
                    continue
                say(notices, warned)
                if first is not None:
                    # Two inputs, one output name: never overwrite one with the other.
                    failed += 1
                    error(f"{source}: cùng tên với {first}, cùng ra {out / source.stem}.*; không tạo "
                          "(đổi tên một tệp, hoặc tạo vào thư mục -o khác; congvan batch tự đặt tên khác)")
                    continue
                claimed[source.stem] = source
                target = docx_dir / f"{source.stem}.docx"
                # Mẫu 1.3, electronic: the attached document in a file of its own.
                apart = getattr(args, "kem_theo_rieng", False) and cv.van_ban_kem_theo is not None
                decision = writer.to_bytes(cv.model_copy(update={"van_ban_kem_theo": None}) if apart else cv)
                extra = [(docx_dir / f"{source.stem}-kem-theo.docx", writer.kem_theo_bytes(cv))] if apart else []
                # Mẫu 2.2: a phụ lục issued as an electronic file of its own, beside the document.
                extra += [(docx_dir / f"{source.stem}{end}.docx", payload) for end, payload in writer.appendix_files(cv)]
                clash = next((claimed[p.stem] for p, _ in extra if p.stem in claimed), None)
                if clash is not None:
                    # A file of its own named as another input's output: neither overwrites the other.
                    failed += 1
                    error(f"{source}: tệp riêng {next(p.name for p, _ in extra if p.stem in claimed)} trùng tên tệp kết quả "
                          f"của {clash}; không tạo (đổi tên một tệp, hoặc tạo vào thư mục -o khác)")
                    continue
                claimed.update({p.stem: source for p, _ in extra})
                write_atomic(target, decision)
                for path, attached in extra:
                    write_atomic(path, attached)
            except CongVanError as exc:
                failed += 1
                error(str(exc))
                continue
            except OSError as exc:  # disk full, read-only folder: this file fails, the others go on
                failed += 1
                error(write_failure(source, docx_dir / f"{source.stem}.docx", exc))
                continue
            titles = own_file_titles(cv)
            for made in [target, *(path for path, _ in extra)]:
                if "docx" in formats:
                    print(f"Đã tạo {made}")
                # A file of its own: its PDF is titled as its DOCX is (the phụ lục, the văn bản kèm theo).
                rendered.append((source, cv, made, titles.get(made.stem[len(source.stem):])))
        if engine is not None and rendered:
            failed += _pdfs(args, rendered, out, "pdf" in formats, engine)
    for warning in unused_values(values, used):
        print(f"Cảnh báo: {warning}", file=sys.stderr)
    if failed:
        print(f"{failed} tệp lỗi, không được tạo.", file=sys.stderr)
    return 1 if failed else 0


def write_atomic(path: Path, data: bytes) -> None:
    from ..docx.writer import write_atomic as write  # the writer's, loaded when first used

    write(path, data)


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


def _pdfs(args: argparse.Namespace, rendered: list[tuple[Path, CongVan, Path, str | None]], out: Path, keep: bool,
          engine: Warm) -> int:
    """Convert the batch's DOCX files; returns the number of failures."""

    failed = 0
    with tempfile.TemporaryDirectory(prefix="congvan-pdf-") as tmp:
        # Converted and checked in a temporary folder; only checked PDFs reach `out`.
        pairs = [(docx, Path(tmp) / f"{i}" / f"{docx.stem}.pdf") for i, (source, _, docx, _) in enumerate(rendered)]
        converting = engine.convert(pairs, args.pdfa)
        from ..pdf.finish import PdfError, finish_pdf, merge_pdfs  # pypdf: loaded while LibreOffice converts
        results = converting.result()
        done: list[tuple[Path, str]] = []
        for (source, cv, _, title), result in zip(rendered, results):
            try:
                if not result.ok:
                    raise PdfError(str(source), f"không tạo được PDF: {result.error}")
                finish_pdf(result.target, cv, pdfa=args.pdfa, label=str(source), title=title)
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
            done.append((result.target, f"Số: {cv.so_ky_hieu} – {title or cv.document_title}"))
        if args.merge and done:
            try:
                target = merge_pdfs(done, args.merge)
            except OSError as exc:
                error(write_failure(Path(args.merge), Path(args.merge), exc))
                return failed + 1
            print(f"Đã gộp {len(done)} công văn vào {target}")
    return failed
