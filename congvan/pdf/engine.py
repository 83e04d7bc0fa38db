"""LibreOffice worker pool: DOCX → PDF, many files per process, one profile per worker.

Each worker owns a user profile (`-env:UserInstallation`), so parallel workers never
collide on a profile lock. "Warm" here means:

- the profile is created once per worker and reused by every call (the first start
  of a fresh profile costs several seconds);
- a resident `soffice --headless` is kept running on that profile, held open by a
  small anchor document (without one, headless LibreOffice quits after its first
  conversion). Each conversion call is then a short `soffice --convert-to` client
  that hands its files to the resident process through LibreOffice's own
  single-instance pipe and waits until they are written: no UNO bridge, no start-up
  cost per call. If the resident process cannot be started, the worker falls back to
  one `soffice --convert-to` process per chunk of files (still on its reused profile).

Every call has a timeout that restarts whenever a file is produced; on a hang or a
crash the whole process group (client and resident) is killed, the worker restarts,
and the files of that chunk are retried one by one; a file that fails again is
reported. No soffice process outlives the engine, even when the caller is
interrupted (try/finally, plus an atexit hook for the resident processes).
"""

from __future__ import annotations

import math
import os
import queue
import shutil
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from ..errors import CongVanError
from .worker import HANG, Resident, Worker, default_cache

PDF_FILTER = "pdf:writer_pdf_Export"
# PDF/A-2b through the export filter's options (JSON form, LibreOffice ≥ 7.4).
PDFA_FILTER = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}'
INSTALL_HINT = "apt-get install libreoffice-writer-nogui fonts-liberation2"
_CHUNK = 16  # files per client call when a resident process serves the worker
# A first document for warm(): congvan's own default template (named here, not
# imported from congvan.docx.template, which brings python-docx with it).
WARM_DOCUMENT = Path(__file__).resolve().parent.parent / "templates" / "mac-dinh.docx"


class SofficeMissing(CongVanError):
    """LibreOffice cannot be found; `binary` is the name or path looked for."""

    def __init__(self, binary: str = "soffice") -> None:
        self.binary = binary
        super().__init__(
            f"không tìm thấy LibreOffice ('{binary}') để tạo PDF. "
            f"Hãy cài: {INSTALL_HINT}"
        )

    def __reduce__(self) -> tuple[type, tuple[str]]:
        # Raised in a worker process, it is rebuilt in the batch from the name looked
        # for, not from its message (which would be said twice).
        return (type(self), (self.binary,))


@dataclass
class ConversionResult:
    source: Path
    target: Path
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def find_soffice(binary: str | os.PathLike[str] | None = None) -> str:
    """The LibreOffice executable, or SofficeMissing with what to install."""
    names = [os.fspath(binary)] if binary else ["soffice", "libreoffice"]
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    raise SofficeMissing(names[0])


class PdfEngine:
    """A pool of LibreOffice workers; use as a context manager, reuse across calls.

        with PdfEngine() as engine:
            results = engine.convert([(docx, pdf), ...])

    workers: LibreOffice processes (None: one per CPU core). timeout: seconds a call
    may go without producing a file before it counts as hung. binary: the soffice
    executable (default: found on PATH). resident: keep a resident process per worker
    (best for many calls); False starts one process per chunk (one batch, then exit).
    profile_cache: where a fresh profile is kept for later runs (True: the user's
    cache folder; None/False: none). adopt: resident offices another engine started
    (its `residents()`), taken over by the first workers instead of starting their own.
    """

    def __init__(self, workers: int | None = None, timeout: float = 60.0, *,
                 binary: str | os.PathLike[str] | None = None, resident: bool = True,
                 profile_cache: str | os.PathLike[str] | None | bool = True,
                 adopt: Sequence[Resident] = ()) -> None:
        self.binary = find_soffice(binary)
        if profile_cache is True:
            profile_cache = default_cache(self.binary)
        self.profile_cache = Path(profile_cache) if profile_cache else None
        self.workers = max(1, workers or os.cpu_count() or 1)
        self.timeout = timeout
        self.resident = resident
        self.root: Path | None = None
        self._idle: queue.Queue[Worker] = queue.Queue()
        self._all: list[Worker] = []
        self._lock = threading.Lock()
        self._adopt = list(adopt)
        self._unstarted: list[Worker] = []  # launched, not yet started

    def __enter__(self) -> "PdfEngine":
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _new_workers(self) -> list[Worker]:
        """The workers still missing, made (under the lock) but not started."""
        if self.root is None:
            self.root = Path(tempfile.mkdtemp(prefix="congvan-soffice-"))
        missing = self.workers - len(self._all)
        handed, self._adopt = self._adopt[:missing], self._adopt[missing:]
        fresh = [Worker(self.binary, self.root, len(self._all) + i, self.timeout, self.resident,
                        self.profile_cache, handed[i] if i < len(handed) else None) for i in range(missing)]
        self._all += fresh
        return fresh

    def launch(self) -> None:
        """Spawn every worker's LibreOffice now, in this thread, without waiting for
        it (`start`, maybe in another thread, waits): a caller about to import or
        compute much gets LibreOffice started first. Whatever cannot be done quickly
        (a first profile, an office to take over) is left to `start`."""
        with self._lock:
            fresh = self._new_workers()
            self._unstarted += fresh
        for w in fresh:
            try:
                w.launch()
            except OSError:  # said by start, which tries again
                pass

    def start(self) -> None:
        """Start every worker now (in parallel) instead of at the first call."""
        with self._lock:
            fresh = self._unstarted + self._new_workers()
            self._unstarted = []
        try:
            threads = [threading.Thread(target=w.start, daemon=True) for w in fresh]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
        except BaseException:
            self.close()
            raise
        for w in fresh:
            self._idle.put(w)

    def close(self, wait: bool = True) -> None:
        """Stop every LibreOffice process and remove the profiles.

        wait=False: kill them without waiting for the kernel to finish tearing them
        down (a command line program about to exit)."""
        with self._lock:
            workers, self._all = self._all, []
            root, self.root = self.root, None
        for w in workers:
            w.close(wait)
        self._idle = queue.Queue()
        if root is not None:
            shutil.rmtree(root, ignore_errors=True)

    def warm(self, docx: Path = WARM_DOCUMENT) -> None:
        """Convert `docx` once on every worker, in parallel: LibreOffice loads most of
        itself at its first document, not at its start (about a second here)."""
        if not self._all:
            self.start()
        out = Path(self.root or tempfile.gettempdir())

        def warm(worker: Worker, target: Path) -> None:
            try:
                worker.convert([(docx, target)], PDF_FILTER)
            except Exception:  # closed meanwhile: a warm-up has nothing to report
                pass

        threads = [threading.Thread(target=warm, args=(w, out / f"warm-{i}.pdf"), daemon=True)
                   for i, w in enumerate(list(self._all))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()

    def residents(self) -> list[Resident]:
        """The running resident offices, to hand to engines of other processes
        (`adopt`); this engine must then not convert with them, only close them."""
        return [Resident(str(w.dir), w.server.pid) for w in list(self._all)
                if w.server is not None and w.server.poll() is None]

    def processes(self) -> list[int]:
        """Process-group ids of the running LibreOffice processes (for monitoring)."""
        pids = []
        for w in list(self._all):
            for proc in (w.server, w.client):
                if proc is not None and proc.poll() is None:
                    pids.append(proc.pid)
        return pids

    def convert(self, pairs: Iterable[tuple[Path, Path]], *, pdfa: bool = False, export: str | None = None) -> list[ConversionResult]:
        """Convert (docx, pdf) pairs; results in the same order. Never raises for one file.

        `pdfa=True` exports PDF/A-2b; `export` overrides the whole --convert-to string.
        """
        pairs = [(Path(s), Path(t)) for s, t in pairs]
        if not pairs:
            return []
        if not self._all:
            self.start()
        export = export or (PDFA_FILTER if pdfa else PDF_FILTER)
        size = math.ceil(len(pairs) / self.workers)
        if self.resident:
            size = min(size, _CHUNK)
        chunks = [list(range(i, min(i + size, len(pairs)))) for i in range(0, len(pairs), size)]
        errors: list[str | None] = [None] * len(pairs)
        work: queue.Queue[list[int]] = queue.Queue()
        for c in chunks:
            work.put(c)

        def run() -> None:
            worker = self._idle.get()
            try:
                while not worker.closed:
                    try:
                        chunk = work.get_nowait()
                    except queue.Empty:
                        return
                    try:
                        done = worker.convert([pairs[i] for i in chunk], export)
                    except Exception:
                        if worker.closed:  # the engine closed under the call (an interrupted caller)
                            return
                        raise
                    for i, err in zip(chunk, done):
                        errors[i] = err
            finally:
                self._idle.put(worker)

        threads = [threading.Thread(target=run, daemon=True) for _ in range(min(self.workers, len(chunks)))]
        try:
            for t in threads:
                t.start()
            for t in threads:
                while t.is_alive():
                    t.join(0.1)
        except BaseException:
            self.close()  # interrupted: no soffice may outlive us
            raise
        hang = f"LibreOffice treo hoặc bị dừng khi chuyển tệp này (chờ quá {self.timeout:g} giây hoặc tiến trình chết)"
        return [ConversionResult(s, t, hang if e == HANG else e) for (s, t), e in zip(pairs, errors)]
