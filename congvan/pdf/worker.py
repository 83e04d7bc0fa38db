"""One LibreOffice worker: its profile, its resident process, one chunk at a time."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path
from typing import Callable

from ..explain import os_reason
from ..files import link_or_copy, move_atomic
from .ipc import pipe_path, request
from .process import POLL, Adopted, Process, group_sockets, kill, launcher, spawn, wait_for_pipe

HANG = "hang"  # marks a file whose call hung or crashed, to retry it alone


@dataclass(frozen=True)
class Resident:
    """A running resident office handed to a worker of another process: the worker
    folder it runs in (its profile inside) and its process-group id."""

    folder: str
    pid: int


class Worker:
    """One profile, one resident soffice (when it can be started), one chunk at a time."""

    def __init__(self, binary: str, root: Path, index: int, timeout: float, resident: bool,
                 template: Path | None = None, adopt: Resident | None = None) -> None:
        self.binary = binary
        self.command = launcher(binary)
        self.template = template
        # adopt: a resident office another process started for this worker, in its folder.
        self.adopt = adopt if adopt is not None and Path(adopt.folder, "profile").is_dir() else None
        self.dir = Path(self.adopt.folder) if self.adopt else root / f"worker-{index}"
        self.profile = self.dir / "profile"
        self.timeout = timeout
        self.want_resident = resident
        self.server: Process | None = None
        self.pipe: str | None = None  # the resident office's single-instance pipe
        self.client: subprocess.Popen[bytes] | None = None
        self.closed = False
        self.fallback = False
        self.dir.mkdir(parents=True, exist_ok=True)

    # -- process management ----------------------------------------------

    def _base(self) -> list[str]:
        return [self.command, f"-env:UserInstallation={self.profile.as_uri()}", "--headless",
                "--norestore", "--nologo", "--nolockcheck"]

    def launch(self) -> None:
        """The quick part of `start`, in the caller's thread: with a saved profile,
        the profile copied and the resident office spawned, not waited for; nothing
        otherwise (`start` does it all). A thread started for this waited up to 0.4 s
        for the interpreter lock while the caller imported the rest of congvan, and
        LibreOffice with it."""
        if self.server is not None or self.adopt is not None or not self.want_resident or self.closed:
            return
        if self._copy_saved_profile():
            self._spawn_server()

    def start(self) -> None:
        """Create the profile (first start) and, if wanted, the resident process."""
        probe = self.dir / "probe"
        sample = self.dir / "probe.docx"
        blank_docx(sample)
        if self.adopt is not None and self.want_resident:
            self.server = Adopted(self.adopt.pid)
            if wait_for_pipe(self.server, max(self.timeout, 60.0)) and not self.closed:
                return
            self.stop()  # gone or never listening: this worker starts its own, as below
        self._copy_saved_profile()
        if self.want_resident and not self.profile.exists():
            # First start: a plain conversion builds the profile (LibreOffice restarts
            # itself once while doing so), then quits. Without a resident process the
            # first real call does this.
            if self._probe(probe, sample):
                self._save_template()
        if self.want_resident:
            # No probe at the first start: the first real call waits for LibreOffice
            # to be ready instead of a blank document; if the resident process then
            # dies, the restart probes it and falls back (see convert).
            self._start_server(probe=False)

    def _copy_saved_profile(self) -> bool:
        """This worker's profile, copied from the saved one when it has none yet;
        whether it has one now."""
        if not self.profile.exists() and self.template is not None and self.template.exists():
            shutil.copytree(self.template, self.profile, symlinks=True)
        return self.profile.exists()

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
                       max(self.timeout, 60.0), lambda: _count(probe))
        return ok and (probe / "probe.pdf").exists()

    def _spawn_server(self) -> None:
        anchor = self.dir / "anchor.docx"
        blank_docx(anchor)
        self.server = spawn(self._base() + [str(anchor)])

    def _start_server(self, probe: bool = True) -> None:
        if self.server is None:  # not already spawned by launch()
            self._spawn_server()
        assert self.server is not None
        ready = wait_for_pipe(self.server, max(self.timeout, 60.0))
        if not probe:
            if self.closed:
                self.stop()
            elif not ready:
                self.stop()
                self.fallback = True
            return
        # Ready when a probe conversion through the pipe succeeds and the server lives
        # on. The probe is not the anchor: converting an open document closes it, and
        # with no document left open LibreOffice quits.
        ok = self._probe(self.dir / "probe", self.dir / "probe.docx")
        time.sleep(0.05)
        if self.closed:  # closed (interrupted) while starting: leave nothing running
            self.stop()
        elif not ok or self.server.poll() is not None:
            self.stop()  # cannot keep a resident process: fall back to one process per chunk
            self.fallback = True

    def stop(self, wait: bool = True) -> None:
        kill(self.client, wait)
        kill(self.server, wait)
        self.client = self.server = None
        self.pipe = None

    def close(self, wait: bool = True) -> None:
        self.closed = True
        self.stop(wait)

    # -- conversion -------------------------------------------------------

    def _run(self, args: list[str], timeout: float, progress: Callable[[], object]) -> bool:
        """Run one soffice call; False on timeout (no progress for `timeout` s) or error."""
        # Held here too: close() in another thread sets self.client to None.
        client = self.client = spawn(args)
        try:
            last, seen = time.monotonic(), progress()
            while True:
                code = client.poll()
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
                time.sleep(POLL)
        finally:
            kill(client)
            self.client = None

    def _call(self, args: list[str], progress: Callable[[], object]) -> bool:
        """One conversion call: straight into the resident office's pipe when there is
        one (`congvan.pdf.ipc`), else through a second soffice."""
        if self.server is not None and self.server.poll() is None:
            path = self.pipe or pipe_path(group_sockets(self.server.pid))
            if path is not None:
                # The -env: options are the launcher's own; the office takes the rest.
                done = request(path, [a for a in args[1:] if not a.startswith("-env:")], self.timeout,
                               progress, lambda: self.closed)
                if done is not None:
                    self.pipe = path
                    return done
        return self._run(args, self.timeout, progress)

    def convert(self, chunk: list[tuple[Path, Path]], export: str) -> list[str | None]:
        """Convert a chunk; returns one error (or None) per file, in order."""
        self._revive()
        errors = self._convert_once(chunk, export)
        if not any(e == HANG for e in errors):
            self._revive()  # keep the worker warm for the next call
            return errors
        # A hang or crash: restart clean, then retry each of those files on its own.
        self._restart()
        out: list[str | None] = []
        for pair, err in zip(chunk, errors):
            if err == HANG:
                err = self._convert_once([pair], export)[0] if not self.closed else HANG
                if err == HANG:
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
            names: list[tuple[str, str | None]] = []
            for i, (source, _) in enumerate(chunk):
                name = f"{i:05d}"
                try:
                    link_or_copy(source, src_dir / f"{name}.docx")
                except OSError as exc:
                    names.append((name, f"không đọc được {source}: {os_reason(exc)}"))
                    continue
                names.append((name, None))
            files = [str(src_dir / f"{n}.docx") for n, e in names if e is None]
            finished = True
            if files:
                args = self._base() + ["--convert-to", export, "--outdir", str(out_dir)] + files
                finished = self._call(args, lambda: _count(out_dir))
                if self.server is not None and self.server.poll() is not None:
                    finished = False  # the resident process died during the call
            errors: list[str | None] = []
            for (name, err), (_, target) in zip(names, chunk):
                produced = out_dir / f"{name}.pdf"
                if err is not None:
                    errors.append(err)
                elif is_pdf(produced):
                    move_atomic(produced, target)
                    errors.append(None)
                elif not finished:
                    errors.append(HANG)
                else:
                    errors.append("LibreOffice không đọc được tệp DOCX này")
            return errors
        finally:
            shutil.rmtree(stage, ignore_errors=True)


def _count(folder: Path) -> int:
    """Files LibreOffice has written so far: a call's progress (-1 once the folder
    is gone, the engine closed under a call still running in another thread)."""
    try:
        return len(os.listdir(folder))
    except OSError:
        return -1


def default_cache(binary: str) -> Path:
    """A fresh-profile copy per LibreOffice installation, in the user's cache folder."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    real = Path(binary).resolve()
    try:
        stamp = f"{real.stat().st_mtime_ns:x}"
    except OSError:
        stamp = "0"
    tag = hashlib.sha1(f"{real}:{stamp}".encode()).hexdigest()[:12]
    return base / "congvan" / f"libreoffice-profile-{tag}"


def blank_docx(path: Path) -> None:
    # DOCX, not plain text: a resident office holding a .txt aborted on the next call.
    # python-docx's own blank document, copied rather than built: no import, no time.
    locations = getattr(find_spec("docx"), "submodule_search_locations", None) or []
    shutil.copyfile(Path(locations[0]) / "templates" / "default.docx", path)


def is_pdf(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            head = handle.read(5)
            handle.seek(max(path.stat().st_size - 32, 0))
            tail = handle.read()
    except OSError:
        return False
    return head == b"%PDF-" and b"%%EOF" in tail


