"""A conversion handed to a resident LibreOffice over its single-instance pipe.

Started a second time on the same profile, soffice connects to the first one's pipe,
sends it its command line and waits until the first one has processed it: that is
how a resident office converts. The second soffice costs a process start (and
LibreOffice's libraries loaded) for nothing but this exchange, so congvan speaks it
itself (LibreOffice's desktop/source/app/officeipcthread.cxx):

    office → us:  "InternalIPC::SendArguments\\0"
    us → office:  "InternalIPC::Arguments" "1" <working folder URL> ("," <argument>)* "\\0"
                  (in each text: "\\" → "\\\\", "," → "\\,", NUL → "\\0"; UTF-8)
    office → us:  "InternalIPC::ProcessingDone\\0", once the files are converted

Linux only (the pipe is a unix socket found through /proc); where it cannot be
found, the caller starts the second soffice as before.
"""

from __future__ import annotations

import os
import socket
import time
from pathlib import Path
from typing import Callable

from .process import ipc_pipes

SEND_ARGUMENTS = b"InternalIPC::SendArguments"
ARGUMENTS = b"InternalIPC::Arguments"
PROCESSING_DONE = b"InternalIPC::ProcessingDone"
# How often a waiting call looks at its progress and whether it was stopped. The
# answer itself wakes it at once, and so does the office's end (the pipe closes):
# looking every 20 ms cost a batch worker about 0.1 s of CPU per 100 files.
LOOK = 0.25


def pipe_path(sockets: set[str]) -> str | None:
    """The path of the pipe a resident office listens on, among its `sockets`."""
    return next((path for socket_id, path in ipc_pipes(listening=True).items() if socket_id in sockets), None)


def encode(arguments: list[str], cwd: str | None = None) -> bytes:
    """The message carrying a command line, as soffice itself would write it."""
    def text(value: str) -> bytes:
        return value.encode("utf-8").replace(b"\\", b"\\\\").replace(b",", b"\\,").replace(b"\0", b"\\0")

    folder = Path(cwd or os.getcwd()).as_uri()
    return ARGUMENTS + b"1" + text(folder) + b"".join(b"," + text(a) for a in arguments) + b"\0"


def request(path: str, arguments: list[str], timeout: float, progress: Callable[[], object],
            stop: Callable[[], bool]) -> bool | None:
    """Send a command line and wait until it is processed: True done; False hung (no
    progress for `timeout` s), stopped, or the office went away during the call; None
    when the office would not take it at all (the caller may start soffice instead)."""
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as pipe:
            pipe.settimeout(10)
            pipe.connect(path)
            greeting = time.monotonic() + 10
            if _message(pipe, lambda: time.monotonic() > greeting, stop) != SEND_ARGUMENTS:
                return None
            pipe.sendall(encode(arguments))
            last, seen = [time.monotonic()], [progress()]

            def hung() -> bool:
                count = progress()
                if count != seen[0]:
                    last[0], seen[0] = time.monotonic(), count
                return time.monotonic() - last[0] > timeout

            return _message(pipe, hung, stop) == PROCESSING_DONE
    except OSError:
        return None


def _message(pipe: socket.socket, hung: Callable[[], bool], stop: Callable[[], bool]) -> bytes | None:
    """One NUL-terminated message; None if the pipe closes, `hung()` or `stop()`."""
    pipe.settimeout(LOOK)
    data = b""
    while not data.endswith(b"\0"):
        try:
            chunk = pipe.recv(4096)
        except socket.timeout:
            if hung() or stop():
                return None
            continue
        if not chunk:
            return None
        data += chunk
    return data[:-1]
