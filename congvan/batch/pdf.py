"""The PDF step of a batch, on the worker: each worker process keeps one warm engine.

A worker (a process of the pool, a dask or Ray worker) converts the DOCX it has just
written through its own LibreOffice engine and finishes the PDF (metadata, font and
page checks) from the dispatch it already holds; the parent only moves files. The
engine is started in the background when the worker first sees PDF work (or by a
dask plugin, a Ray actor), so LibreOffice warms while the first DOCX are written,
and it stays warm for every later chunk. It is closed with the process (or by the
plugin), so no soffice outlives the worker.
"""

from __future__ import annotations

import multiprocessing.util
import os
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from ..model import CongVan
    from ..pdf import PdfEngine
    from ..pdf.worker import Resident

_lock = threading.Lock()
_engine: PdfEngine | None = None
_starting: threading.Thread | None = None
_failure: BaseException | None = None
_finalizer_set = False
_converted = 0  # PDFs this process converted and finished


def _forget() -> None:
    """A forked child owns none of its parent's LibreOffice processes."""
    global _engine, _starting, _failure, _finalizer_set, _lock, _converted
    _lock = threading.Lock()
    _engine = _starting = _failure = None
    _finalizer_set = False
    _converted = 0


os.register_at_fork(after_in_child=_forget)


def start_engine(timeout: float = 60.0, adopt: Resident | None = None) -> None:
    """Start this process's engine in the background; nothing if it runs already.
    adopt: a resident office started for this process by the batch (HeadStart)."""
    global _engine, _starting, _failure, _finalizer_set
    with _lock:
        if _engine is not None:
            return
        from ..pdf import PdfEngine  # LibreOffice, only where a PDF is asked for

        engine = PdfEngine(workers=1, timeout=timeout, adopt=[adopt]) if adopt else PdfEngine(workers=1, timeout=timeout)
        _engine, _failure = engine, None

        def start() -> None:
            global _failure
            try:
                engine.__enter__()
            except BaseException as exc:  # said by the first conversion
                _failure = exc

        _starting = threading.Thread(target=start, name="congvan-pdf-start", daemon=True)
        _starting.start()
        if not _finalizer_set:
            # Pool workers leave through multiprocessing's exit, which skips atexit.
            multiprocessing.util.Finalize(None, close_engine, exitpriority=10)
            _finalizer_set = True


class HeadStart:
    """The LibreOffice of a batch's own pool, started by the batch itself before the
    pool: the pool's processes take about half a second to start (each imports
    congvan), and LibreOffice as long again for its first document. So one resident
    office per worker starts at once, each converts a first document while the pool
    starts, and each worker takes one over (`residents`, given to start_engine).
    Closed after the pool: no office outlives the batch."""

    def __init__(self, workers: int) -> None:
        self._engine: PdfEngine | None = None
        self._closed = False
        self._lock = threading.Lock()
        self._started = threading.Event()
        self._thread: threading.Thread | None = None
        try:
            from ..pdf import PdfEngine

            self._engine = PdfEngine(workers=workers)
            self._engine.launch()  # spawned in this thread: the pool's start holds the interpreter lock at times
        except Exception:  # no LibreOffice here: the workers start (and report) their own
            self._started.set()
            return
        self._thread = threading.Thread(target=self._start, name="congvan-pdf-head", daemon=True)
        self._thread.start()

    def _start(self) -> None:
        try:
            with self._lock:
                engine = None if self._closed else self._engine
            if engine is None:
                return
            engine.start()
            self._started.set()  # listening: the workers may take the offices over while they warm
            engine.warm()  # congvan's default template: a document set as a dispatch is
        except Exception:  # no LibreOffice here: the workers start (and report) their own
            pass
        finally:
            self._started.set()

    def residents(self, timeout: float = 10.0) -> list[Resident]:
        """The offices, as soon as they listen on their pipes (none if they could not start)."""
        self._started.wait(timeout)
        with self._lock:
            engine = None if self._closed else self._engine
        return engine.residents() if engine is not None else []

    def close(self) -> None:
        """Stop every office (a first conversion still running ends with it)."""
        with self._lock:
            self._closed = True
            engine = self._engine
        if engine is not None:
            engine.close()
        if self._thread is not None:
            self._thread.join(10)


def running() -> bool:
    return _engine is not None


def engine() -> PdfEngine:
    """This process's engine, started and ready (raises what stopped it from starting)."""
    global _engine
    start_engine()
    starting, current = _starting, _engine
    if starting is not None:
        starting.join()
    if _failure is not None:
        failure = _failure
        with _lock:
            if _engine is current:
                _engine = None  # the next chunk tries again
        raise failure
    return cast("PdfEngine", current)  # set by start_engine, closed only by close_engine


def close_engine() -> None:
    """Stop this process's LibreOffice processes (a worker plugin's teardown, exit)."""
    global _engine, _starting
    with _lock:
        current, starting = _engine, _starting
        _engine = _starting = None
    if current is None:
        return
    if starting is not None:
        starting.join()
    current.__exit__(None, None, None)


def info() -> dict[str, object]:
    """What this process's engine runs: its LibreOffice process ids (for monitoring)."""
    current = _engine
    processes = getattr(current, "processes", None)
    return {"pid": os.getpid(), "running": current is not None, "converted": _converted,
            "soffice": processes() if processes else []}


# Files handed to LibreOffice in one call: each call costs LibreOffice some work of
# its own (measured: one file a call was slower than four), while a call waits for
# its files to be written; four keeps the writing and the finishing of the others
# alongside the conversion.
GROUP = 4


class Conversions:
    """PDFs handed to this process's engine as soon as each DOCX is written (GROUP at
    a time): LibreOffice converts them while the worker writes the next DOCX and
    finishes (pypdf) the ones before, instead of each waiting for the other.

        with Conversions(pdfa) as conversions:
            conversions.add(docx, pdf, cv, label, title)   # converts in the background
            errors = conversions.finish()                  # in the order added
    """

    def __init__(self, pdfa: bool, group: int | None = None) -> None:
        self.pdfa = pdfa
        self.group = max(1, group or GROUP)
        # Each file: its PDF, dispatch, label, title, and where its error comes back.
        self._items: list[tuple[Path, CongVan, str, str | None, int, int]] = []
        self._pending: list[tuple[Path, Path]] = []
        self._calls: list[Future[list[str | None]]] = []
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="congvan-pdf")

    def __enter__(self) -> Conversions:
        return self

    def __exit__(self, *exc: object) -> None:
        # Interrupted (a job's time limit, an error): what is not converted yet is not started.
        self._thread.shutdown(wait=True, cancel_futures=True)

    def add(self, docx: Path, pdf: Path, cv: CongVan, label: str, title: str | None = None) -> None:
        self._items.append((pdf, cv, label, title, len(self._calls), len(self._pending)))
        self._pending.append((docx, pdf))
        if len(self._pending) >= self.group:
            self._send()

    def _send(self) -> None:
        if self._pending:
            self._calls.append(self._thread.submit(_convert, list(self._pending), self.pdfa))
            self._pending.clear()

    def finish(self) -> list[str | None]:
        """Wait for each conversion in turn and finish its PDF; one error (or None) each."""
        global _converted
        self._send()
        errors: list[str | None] = []
        for pdf, cv, label, title, call, place in self._items:
            error = self._calls[call].result()[place]
            if error is not None:
                errors.append(f"{label}: không tạo được PDF ({error})")
            else:
                errors.append(finish(Path(pdf), cv, self.pdfa, label, title))
                _converted += errors[-1] is None
        self._items.clear()
        self._calls.clear()
        return errors


def _convert(pairs: list[tuple[Path, Path]], pdfa: bool) -> list[str | None]:
    try:
        current = engine()
    except Exception as exc:  # the engine could not start at all
        return [str(exc)] * len(pairs)
    return [result.error for result in current.convert(pairs, pdfa=pdfa)]


def finish(pdf: Path, cv: CongVan, pdfa: bool, label: str, title: str | None = None) -> str | None:
    """Document properties and font checks of the PDF, from the dispatch itself."""
    from ..errors import CongVanError

    try:
        from ..pdf import finish_pdf
    except ImportError:
        return None  # an engine without the finishing step: the PDF as converted
    try:
        # The title only for a file of its own: a finisher of the document alone still fits.
        if title:
            finish_pdf(pdf, cv, pdfa=pdfa, label=label, title=title)
        else:
            finish_pdf(pdf, cv, pdfa=pdfa, label=label)
    except CongVanError as exc:  # names the job and every problem
        pdf.unlink(missing_ok=True)  # no unchecked PDF left behind
        return str(exc)
    except Exception as exc:
        pdf.unlink(missing_ok=True)
        return f"{label}: không hoàn thiện được PDF ({exc})"
    return None
