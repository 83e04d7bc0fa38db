"""Process groups for LibreOffice: start, kill, wait for its single-instance pipe.

Every soffice is started in a session of its own, so that killing its process group
reaches soffice.bin (a grandchild, under oosplash) too. Processes still running at
interpreter exit are killed by an atexit hook; and a small watchdog process, told of
every group, kills them if this process dies without running it (SIGKILL, a crash):
it notices when its pipe from us closes or its parent changes.
"""

from __future__ import annotations

import atexit
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Protocol

POLL = 0.02


class Process(Protocol):
    """What congvan asks of a LibreOffice process: a subprocess.Popen, or an Adopted."""

    @property
    def pid(self) -> int: ...

    def poll(self) -> int | None: ...

    def wait(self, timeout: float | None = None) -> int: ...


class Adopted:
    """A resident soffice another process started and handed over (a batch's parent
    starts its workers' LibreOffice before the workers exist): its process group,
    seen through /proc, since only its parent can wait for it. Killing it is
    `kill`'s, as for any group."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.returncode: int | None = None

    def poll(self) -> int | None:
        if self.returncode is None and not _running(self.pid):
            self.returncode = 0  # its exit status is its parent's to know
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if deadline is not None and time.monotonic() > deadline:
                raise subprocess.TimeoutExpired(f"soffice {self.pid}", timeout or 0)
            time.sleep(POLL)
        return 0

_LIVE: set[subprocess.Popen[bytes]] = set()
_LIVE_LOCK = threading.Lock()


# Standard library only, started with -S: ready in a few milliseconds.
WATCHDOG = r"""
import os, select, signal
signal.signal(signal.SIGINT, signal.SIG_IGN)
parent, groups, buffer = os.getppid(), set(), b""
while os.getppid() == parent:
    ready = select.select([0], [], [], 0.5)[0]
    if not ready:
        continue
    data = os.read(0, 4096)
    if not data:
        break
    buffer += data
    *lines, buffer = buffer.split(b"\n")
    for line in lines:
        if line[:1] == b"+":
            groups.add(int(line[1:]))
        elif line[:1] == b"-":
            groups.discard(int(line[1:]))
for group in groups:
    try:
        os.killpg(group, signal.SIGKILL)
    except OSError:
        pass
"""

_watchdog: subprocess.Popen[bytes] | None = None
_watchdog_owner: int | None = None


def _tell_watchdog(line: str) -> None:
    """Register (+pgid) or forget (-pgid) a process group with this process's watchdog."""
    global _watchdog, _watchdog_owner
    with _LIVE_LOCK:
        if _watchdog is None or _watchdog_owner != os.getpid() or _watchdog.poll() is not None:
            try:
                _watchdog = subprocess.Popen([sys.executable, "-S", "-c", WATCHDOG], stdin=subprocess.PIPE,
                                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                _watchdog_owner = os.getpid()
            except OSError:
                _watchdog = None
                return
        stdin = _watchdog.stdin
        if stdin is None:
            return
        try:
            stdin.write(f"{line}\n".encode())
            stdin.flush()
        except (OSError, ValueError):
            pass


def launcher(binary: str) -> str:
    """What to start for `binary`: LibreOffice's own launcher when `binary` is the
    shell wrapper Linux packages install (`program/soffice`, which resolves its
    symlinks with a dozen small processes, sets SAL_ENABLE_FILE_LOCKING and execs
    `oosplash`), else `binary` itself. Each call then starts in a few milliseconds
    less, more on a busy machine; `spawn` sets what the wrapper would set."""
    real = Path(binary).resolve()
    splash = real.parent / "oosplash"
    try:
        with real.open("rb") as handle:
            script = handle.read(2) == b"#!"
    except OSError:
        return binary
    if script and os.access(splash, os.X_OK):
        return str(splash)
    return binary


_WRAPPER_ENV = {"SAL_ENABLE_FILE_LOCKING": "1"}  # as program/soffice exports it


def spawn(args: list[str]) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen(
        args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group: killpg reaches soffice.bin too
        env={**os.environ, **_WRAPPER_ENV},
    )
    _tell_watchdog(f"+{proc.pid}")
    with _LIVE_LOCK:
        _LIVE.add(proc)
    return proc


def kill(proc: Process | None, wait: bool = True) -> None:
    """SIGKILL the process group; wait (default) until the whole group is gone, or
    only for the direct child (a program about to exit: the kernel tears the rest
    down, which takes a busy machine a second or two)."""
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
    # soffice.bin is a grandchild: wait until every process of the group has exited.
    # A zombie has (its memory and files are freed); init reaps it when it will, on
    # some machines only every second or so, and that is not worth waiting for.
    deadline = time.monotonic() + 5
    while wait and any(_running(pid) for pid in group_members(proc.pid)) and time.monotonic() < deadline:
        time.sleep(POLL)
    if isinstance(proc, subprocess.Popen):
        with _LIVE_LOCK:
            _LIVE.discard(proc)
        _tell_watchdog(f"-{proc.pid}")


@atexit.register
def _kill_all() -> None:
    with _LIVE_LOCK:
        procs = list(_LIVE)
    for proc in procs:
        kill(proc)


def wait_for_pipe(server: Process, timeout: float) -> bool:
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
        if group_sockets(server.pid) & ipc_pipes().keys():
            return True
        time.sleep(POLL)
    return False


def ipc_pipes(listening: bool = False) -> dict[str, str]:
    """LibreOffice's single-instance pipes on this machine, from /proc/net/unix:
    socket ("socket:[inode]") → path; `listening`: only the sockets an office
    listens on (flags 00010000), not the connections to them."""
    try:
        lines = Path("/proc/net/unix").read_text().splitlines()[1:]
    except OSError:
        return {}
    return {f"socket:[{cols[6]}]": cols[7] for cols in map(str.split, lines)
            if len(cols) > 7 and "SingleOfficeIPC_" in cols[7] and (not listening or cols[3] == "00010000")}


def group_members(pgid: int) -> list[int]:
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


def _running(pid: int) -> bool:
    """The process has not exited yet (not a zombie, not gone)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


def group_sockets(pgid: int) -> set[str]:
    found: set[str] = set()
    for pid in group_members(pgid):
        try:
            fds = Path(f"/proc/{pid}/fd")
            found |= {os.readlink(fds / fd) for fd in os.listdir(fds)}
        except OSError:
            continue
    return found


