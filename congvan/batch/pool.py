"""The batch's own worker processes: they die with the batch, whatever kills it.

Workers come from a fork server (forked from a clean process, so the parent's
threads, such as a progress bar, are never copied half-way). Each worker asks the
kernel to kill it when its parent goes (PR_SET_PDEATHSIG; the fork server itself
leaves when the batch does), ignores Ctrl-C (the batch stops it), and a worker that
dies (the OOM killer, a crash) only breaks the pool: the batch builds a new one.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from typing import TYPE_CHECKING, Any, Callable, Iterator

if TYPE_CHECKING:
    from ..pdf.worker import Resident

PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int | None = None) -> None:
    """In a child: SIGKILL when the parent exits (Linux); exit now if it already has."""
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if parent is not None:
        try:
            os.kill(parent, 0)
        except ProcessLookupError:  # the batch died before this worker started
            os._exit(1)
        except PermissionError:
            pass


def _worker_init(batch: int) -> None:
    # A forked worker holds a copy of the pipe by which the fork server learns that
    # the batch has gone; closed here, so the server leaves with the batch, and the
    # kernel then kills this worker (its parent is the server).
    from multiprocessing import forkserver

    server = getattr(forkserver, "_forkserver", None)
    fd = getattr(server, "_forkserver_alive_fd", None)
    if fd is not None:
        try:
            os.close(fd)
        except OSError:
            pass
        setattr(server, "_forkserver_alive_fd", None)  # a private attribute, read as getattr above
    die_with_parent(batch)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the batch's to handle


def _ready(pdf: bool, resident: Resident | None = None) -> None:
    """A worker's first task: with PDFs wanted, its LibreOffice starts now (or the
    one the batch started for it is taken over), while the parent reads the first
    jobs (batch.pdf); the pause makes each worker take one."""
    if pdf:
        from . import pdf as engine

        engine.start_engine(adopt=resident)
    time.sleep(0.1)


def start(workers: int, pdf: bool = False, residents: Callable[[], list[Resident]] | None = None) -> ProcessPoolExecutor:
    """A pool of `workers` processes, all started; `residents`: the LibreOffice
    offices the batch started for them (batch.pdf.HeadStart), one per worker."""
    context = multiprocessing.get_context("forkserver")
    # Imported once by the fork server, inherited by every worker (the PDF finishing
    # brings pypdf: as long again as the rest for each worker, otherwise).
    context.set_forkserver_preload(["congvan.batch.jobs", *(["congvan.pdf.finish"] if pdf else [])])
    _start_server()
    with _ctrl_c_after():
        executor = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_worker_init,
                                       initargs=(os.getpid(),))
        # Every worker started now, while nothing is in flight (they are otherwise
        # started one by one on demand, and one cut off while starting complains).
        handed = residents() if residents is not None else []
        for future in [executor.submit(_ready, pdf, handed[i] if i < len(handed) else None) for i in range(workers)]:
            future.result()
    return executor


def _start_server() -> None:
    """The fork server starts with Ctrl-C ignored, and so do the workers it forks: a
    Ctrl-C while they import congvan prints no traceback; the batch handles Ctrl-C."""
    from multiprocessing import forkserver

    try:
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread: leave the signals alone
        forkserver.ensure_running()
        return
    try:
        forkserver.ensure_running()
    finally:
        signal.signal(signal.SIGINT, previous)


@contextlib.contextmanager
def _ctrl_c_after() -> Iterator[None]:
    """A Ctrl-C while workers start is raised once they all have (none is cut off
    half-started); outside the main thread, nothing changes."""
    pressed = []
    try:
        previous = signal.signal(signal.SIGINT, lambda *_: pressed.append(True))
    except ValueError:
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if pressed:
        raise KeyboardInterrupt


def pids(pool: ProcessPoolExecutor) -> list[int]:
    return [p.pid for p in list((getattr(pool, "_processes", None) or {}).values()) if p.pid]


def kill(pool: ProcessPoolExecutor) -> None:
    """Stop every worker now (a hung job, Ctrl-C), then let the pool go."""
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        try:
            process.kill()
        except (OSError, ValueError):
            pass
    pool.shutdown(wait=True, cancel_futures=True)


def stop_servers() -> None:
    """At the end of a command: the fork server and multiprocessing's resource tracker
    leave before it returns, rather than up to a fifth of a second after (a caller
    that waits for the command's processes, or removes a folder they started in,
    finds none left). The fork server holds nothing once its workers are gone and is
    killed (its orderly exit, tearing down a loaded congvan, took 0.1-0.3 s); the
    tracker is asked to leave, as it may have something left to clean. Private parts
    of multiprocessing: where they differ, the servers leave on their own as before."""
    forkserver = sys.modules.get("multiprocessing.forkserver")
    server: Any = getattr(forkserver, "_forkserver", None)
    pid = getattr(server, "_forkserver_pid", None)
    if isinstance(pid, int):
        try:
            os.kill(pid, signal.SIGKILL)
            server._stop()  # closes its pipe, reaps it, removes its socket file
        except (OSError, AttributeError):
            pass
    tracker_module = sys.modules.get("multiprocessing.resource_tracker")
    tracker: Any = getattr(tracker_module, "_resource_tracker", None)
    if getattr(tracker, "_pid", None) is not None:
        try:
            tracker._stop()
        except (OSError, AttributeError):
            pass
