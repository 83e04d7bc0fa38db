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

import atexit
import hashlib
import math
import os
import queue
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from ..errors import CongVanError

PDF_FILTER = "pdf:writer_pdf_Export"
# PDF/A-2b through the export filter's options (JSON form, LibreOffice ≥ 7.4).
PDFA_FILTER = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}'
INSTALL_HINT = "apt-get install libreoffice-writer-nogui fonts-liberation2"
_POLL = 0.02
_CHUNK = 16
_HANG = "hang"  # files per client call when a resident process serves the worker


class SofficeMissing(CongVanError):
    def __init__(self, binary: str = "soffice") -> None:
        super().__init__(
            f"không tìm thấy LibreOffice ('{binary}') để tạo PDF. "
            f"Hãy cài: {INSTALL_HINT}"
        )


@dataclass
class ConversionResult:
    source: Path
    target: Path
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


_LIVE: set[subprocess.Popen] = set()
_LIVE_LOCK = threading.Lock()


def _spawn(args: list[str]) -> subprocess.Popen:
    proc = subprocess.Popen(
        args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group: killpg reaches soffice.bin too
    )
    with _LIVE_LOCK:
        _LIVE.add(proc)
    return proc


def _kill(proc: subprocess.Popen | None) -> None:
    if proc is None:
        return
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:  # pragma: no cover - SIGKILL does not fail
        pass
    # soffice.bin is a grandchild: wait until init has reaped the whole group.
    deadline = time.monotonic() + 5
    while _group_members(proc.pid) and time.monotonic() < deadline:
        time.sleep(_POLL)
    with _LIVE_LOCK:
        _LIVE.discard(proc)


@atexit.register
def _kill_all() -> None:
    with _LIVE_LOCK:
        procs = list(_LIVE)
    for proc in procs:
        _kill(proc)


def find_soffice(binary: str | os.PathLike | None = None) -> str:
    """The LibreOffice executable, or SofficeMissing with what to install."""
    names = [os.fspath(binary)] if binary else ["soffice", "libreoffice"]
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    raise SofficeMissing(names[0])


class _Worker:
    """One profile, one resident soffice (when it can be started), one chunk at a time."""

    def __init__(self, binary: str, root: Path, index: int, timeout: float, resident: bool,
                 template: Path | None = None) -> None:
        self.binary = binary
        self.template = template
        self.dir = root / f"worker-{index}"
        self.profile = self.dir / "profile"
        self.timeout = timeout
        self.want_resident = resident
        self.server: subprocess.Popen | None = None
        self.client: subprocess.Popen | None = None
        self.closed = False
        self.fallback = False
        self.dir.mkdir(parents=True, exist_ok=True)

    # -- process management ----------------------------------------------

    def _base(self) -> list[str]:
        return [self.binary, f"-env:UserInstallation={self.profile.as_uri()}", "--headless",
                "--norestore", "--nologo", "--nolockcheck"]

    def start(self) -> None:
        """Create the profile (first start) and, if wanted, the resident process."""
        probe = self.dir / "probe"
        sample = self.dir / "probe.docx"
        _blank_docx(sample)
        if not self.profile.exists() and self.template is not None and self.template.exists():
            shutil.copytree(self.template, self.profile, symlinks=True)
        if self.want_resident and not self.profile.exists():
            # First start: a plain conversion builds the profile (LibreOffice restarts
            # itself once while doing so), then quits. Without a resident process the
            # first real call does this.
            if self._probe(probe, sample):
                self._save_template()
        if self.want_resident:
            self._start_server()

    def _save_template(self) -> None:
        """Keep a copy of the fresh profile, so later engines skip the first start."""
        if self.template is None or self.template.exists():
            return
        try:
            self.template.parent.mkdir(parents=True, exist_ok=True)
            tmp = Path(tempfile.mkdtemp(prefix=".profile-", dir=self.template.parent))
            shutil.copytree(self.profile, tmp / "p", symlinks=True)
            (tmp / "p" / ".lock").unlink(missing_ok=True)
            os.replace(tmp / "p", self.template)  # fails harmlessly if another run won
        except OSError:
            pass
        finally:
            if "tmp" in locals():
                shutil.rmtree(tmp, ignore_errors=True)

    def _probe(self, probe: Path, sample: Path) -> bool:
        shutil.rmtree(probe, ignore_errors=True)
        probe.mkdir()
        ok = self._run(self._base() + ["--convert-to", "pdf", "--outdir", str(probe), str(sample)],
                       max(self.timeout, 60.0), lambda: len(os.listdir(probe)))
        return ok and (probe / "probe.pdf").exists()

    def _start_server(self) -> None:
        anchor = self.dir / "anchor.docx"
        _blank_docx(anchor)
        self.server = _spawn(self._base() + [str(anchor)])
        _wait_for_pipe(self.server, max(self.timeout, 60.0))
        # Ready when a probe conversion through the pipe succeeds and the server lives
        # on. The probe is not the anchor: converting an open document closes it, and
        # with no document left open LibreOffice quits.
        ok = self._probe(self.dir / "probe", self.dir / "probe.docx")
        time.sleep(0.05)
        if not ok or self.server.poll() is not None:
            self.stop()  # cannot keep a resident process: fall back to one process per chunk
            self.fallback = True

    def stop(self) -> None:
        _kill(self.client)
        _kill(self.server)
        self.client = self.server = None

    def close(self) -> None:
        self.closed = True
        self.stop()

    # -- conversion -------------------------------------------------------

    def _run(self, args: list[str], timeout: float, progress) -> bool:
        """Run one soffice call; False on timeout (no progress for `timeout` s) or error."""
        self.client = _spawn(args)
        try:
            last, seen = time.monotonic(), progress()
            while True:
                code = self.client.poll()
                if code is not None:
                    return code == 0
                if self.closed:
                    return False
                now = time.monotonic()
                count = progress()
                if count != seen:
                    last, seen = now, count
                elif now - last > timeout:
                    return False
                time.sleep(_POLL)
        finally:
            _kill(self.client)
            self.client = None

    def convert(self, chunk: list[tuple[Path, Path]], export: str) -> list[str | None]:
        """Convert a chunk; returns one error (or None) per file, in order."""
        self._revive()
        errors = self._convert_once(chunk, export)
        if not any(e == _HANG for e in errors):
            self._revive()  # keep the worker warm for the next call
            return errors
        # A hang or crash: restart clean, then retry each of those files on its own.
        self._restart()
        out: list[str | None] = []
        for pair, err in zip(chunk, errors):
            if err == _HANG:
                err = self._convert_once([pair], export)[0] if not self.closed else _HANG
                if err == _HANG:
                    self._restart()
            out.append(err)
        return out

    def _revive(self) -> None:
        """Restart a resident process that died (crash, kill) since the last call."""
        if self.want_resident and not self.fallback and not self.closed:
            if self.server is None or self.server.poll() is not None:
                self._restart()

    def _restart(self) -> None:
        self.stop()
        if self.want_resident and not self.closed:
            self._start_server()

    def _convert_once(self, chunk: list[tuple[Path, Path]], export: str) -> list[str | None]:
        stage = Path(tempfile.mkdtemp(prefix="chunk-", dir=self.dir))
        try:
            src_dir, out_dir = stage / "in", stage / "out"
            src_dir.mkdir()
            out_dir.mkdir()
            names = []
            for i, (source, _) in enumerate(chunk):
                name = f"{i:05d}"
                try:
                    shutil.copyfile(source, src_dir / f"{name}.docx")
                except OSError as exc:
                    names.append((name, f"không đọc được {source}: {exc.strerror}"))
                    continue
                names.append((name, None))
            files = [str(src_dir / f"{n}.docx") for n, e in names if e is None]
            finished = True
            if files:
                args = self._base() + ["--convert-to", export, "--outdir", str(out_dir)] + files
                finished = self._run(args, self.timeout, lambda: len(os.listdir(out_dir)))
                if self.server is not None and self.server.poll() is not None:
                    finished = False  # the resident process died during the call
            errors: list[str | None] = []
            for (name, err), (_, target) in zip(names, chunk):
                produced = out_dir / f"{name}.pdf"
                if err is not None:
                    errors.append(err)
                elif _is_pdf(produced):
                    _move_atomic(produced, target)
                    errors.append(None)
                elif not finished:
                    errors.append(_HANG)
                else:
                    errors.append("LibreOffice không đọc được tệp DOCX này")
            return errors
        finally:
            shutil.rmtree(stage, ignore_errors=True)


def _default_cache(binary: str) -> Path:
    """A fresh-profile copy per LibreOffice installation, in the user's cache folder."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    real = Path(binary).resolve()
    try:
        stamp = f"{real.stat().st_mtime_ns:x}"
    except OSError:
        stamp = "0"
    tag = hashlib.sha1(f"{real}:{stamp}".encode()).hexdigest()[:12]
    return base / "congvan" / f"libreoffice-profile-{tag}"


def _blank_docx(path: Path) -> None:
    # DOCX, not plain text: a resident office holding a .txt aborted on the next call.
    import docx

    docx.Document().save(path)


def _wait_for_pipe(server: subprocess.Popen, timeout: float) -> bool:
    """Wait until the resident soffice listens on its single-instance pipe.

    A client started earlier would become an office of its own instead of handing
    its files over. Linux: the pipe is a unix socket named ...SingleOfficeIPC_...,
    found through /proc; elsewhere, give it a few seconds.
    """
    if not Path("/proc/net/unix").exists():
        time.sleep(3)
        return server.poll() is None
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and server.poll() is None:
        if _group_sockets(server.pid) & _ipc_sockets():
            return True
        time.sleep(_POLL)
    return False


def _ipc_sockets() -> set[str]:
    try:
        lines = Path("/proc/net/unix").read_text().splitlines()[1:]
    except OSError:
        return set()
    return {f"socket:[{cols[6]}]" for cols in map(str.split, lines) if len(cols) > 7 and "SingleOfficeIPC_" in cols[7]}


def _group_members(pgid: int) -> list[int]:
    """Processes (zombies included) of a process group, from /proc."""
    if not Path("/proc/self").exists():
        return []
    members = []
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                if os.getpgid(int(pid)) == pgid:
                    members.append(int(pid))
            except OSError:
                continue
    return members


def _group_sockets(pgid: int) -> set[str]:
    found: set[str] = set()
    for pid in _group_members(pgid):
        try:
            fds = Path(f"/proc/{pid}/fd")
            found |= {os.readlink(fds / fd) for fd in os.listdir(fds)}
        except OSError:
            continue
    return found


def _is_pdf(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            head = handle.read(5)
            handle.seek(max(path.stat().st_size - 32, 0))
            tail = handle.read()
    except OSError:
        return False
    return head == b"%PDF-" and b"%%EOF" in tail


def _move_atomic(produced: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        shutil.copyfile(produced, tmp)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class PdfEngine:
    """A pool of LibreOffice workers; use as a context manager, reuse across calls.

        with PdfEngine() as engine:
            results = engine.convert([(docx, pdf), ...])
    """

    def __init__(self, workers: int | None = None, timeout: float = 60.0, *,
                 binary: str | os.PathLike | None = None, resident: bool = True,
                 profile_cache: str | os.PathLike | None | bool = True) -> None:
        self.binary = find_soffice(binary)
        if profile_cache is True:
            profile_cache = _default_cache(self.binary)
        self.profile_cache = Path(profile_cache) if profile_cache else None
        self.workers = max(1, workers or os.cpu_count() or 1)
        self.timeout = timeout
        self.resident = resident
        self.root: Path | None = None
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: list[_Worker] = []
        self._lock = threading.Lock()

    def __enter__(self) -> "PdfEngine":
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def start(self) -> None:
        """Start every worker now (in parallel) instead of at the first call."""
        with self._lock:
            if self.root is None:
                self.root = Path(tempfile.mkdtemp(prefix="congvan-soffice-"))
            missing = self.workers - len(self._all)
            fresh = [_Worker(self.binary, self.root, len(self._all) + i, self.timeout, self.resident,
                             self.profile_cache) for i in range(missing)]
            self._all += fresh
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

    def close(self) -> None:
        """Stop every LibreOffice process and remove the profiles."""
        with self._lock:
            workers, self._all = self._all, []
            root, self.root = self.root, None
        for w in workers:
            w.close()
        self._idle = queue.Queue()
        if root is not None:
            shutil.rmtree(root, ignore_errors=True)

    def processes(self) -> list[int]:
        """Process-group ids of the running LibreOffice processes (for monitoring)."""
        pids = []
        for w in list(self._all):
            for proc in (w.server, w.client):
                if proc is not None and proc.poll() is None:
                    pids.append(proc.pid)
        return pids

    def convert(self, pairs, *, pdfa: bool = False, export: str | None = None) -> list[ConversionResult]:
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
                    for i, err in zip(chunk, worker.convert([pairs[i] for i in chunk], export)):
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
        return [ConversionResult(s, t, hang if e == _HANG else e) for (s, t), e in zip(pairs, errors)]
