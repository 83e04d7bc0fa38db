"""Writing output files safely: whole or not at all, with the permissions of open().

A temporary file in the target's folder is written, then renamed over the target,
so a reader never sees half a file. `tempfile.mkstemp` would make it `-rw-------`;
it is created here with mode 0666 less the umask, as `open()` makes any file, so a
shared folder or a web server reads what congvan writes there.
"""

from __future__ import annotations

import os
import secrets
import shutil
from pathlib import Path


def create_temp(target: Path) -> tuple[int, Path]:
    """A new, empty temporary file beside `target`, opened for writing."""
    target.parent.mkdir(parents=True, exist_ok=True)
    while True:
        tmp = target.parent / f".{target.name}.{secrets.token_hex(6)}.tmp"
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666), tmp
        except FileExistsError:
            continue


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file in the same folder."""
    fd, tmp = create_temp(path)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def copy_atomic(source: Path, target: Path) -> None:
    """Copy `source` to `target` the same way (the copy gets open()'s permissions)."""
    fd, tmp = create_temp(target)
    try:
        with os.fdopen(fd, "wb") as handle, open(source, "rb") as src:
            shutil.copyfileobj(src, handle)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
