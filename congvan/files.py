"""Writing output files safely: whole or not at all, with the permissions of open().

A temporary file in the target's folder is written, then renamed over the target,
so a reader never sees half a file; a file another program made whole (LibreOffice's
PDF) is renamed into place when it can be, instead of written a second time.
`tempfile.mkstemp` would make it `-rw-------`; it is created here with mode 0666 less
the umask, as `open()` makes any file, so a shared folder or a web server reads what
congvan writes there.

`output_folder` makes the folder a command writes into, and takes away again the
folders it made if the command wrote nothing there: bad input leaves nothing behind.
"""

from __future__ import annotations

import os
import secrets
import shutil
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator


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


def move_atomic(source: Path, target: Path) -> None:
    """Move a finished file (`source`, not to be read again) to `target`: renamed
    when both lie on one file system, with open()'s permissions first; copied as
    copy_atomic does otherwise."""
    mask = umask()
    if mask is not None:
        try:
            os.chmod(source, 0o666 & ~mask)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(source, target)
            return
        except OSError:  # another file system, or not ours to change: copied below
            pass
    copy_atomic(source, target)


def link_or_copy(source: Path, target: Path) -> None:
    """`target` (a new name) with the bytes of `source`, only read through it: a
    hard link where the file system allows one, else a copy."""
    try:
        os.link(source, target)
    except OSError:  # another file system, links not allowed: the bytes copied
        shutil.copyfile(source, target)


def umask() -> int | None:
    """This process's umask, read without changing it (os.umask would set it, for a
    moment, under every thread); None where the kernel does not say it."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return None


@contextmanager
def output_folder(folder: Path) -> Iterator[Path]:
    """`folder`, made with its missing parents; on the way out, however the block
    ends, the folders this made and nothing was put into are removed again (never
    one that was there before, nor one that holds anything)."""
    made: list[Path] = []
    try:
        missing = [folder, *folder.parents]
        missing = missing[:next((i for i, level in enumerate(missing) if level.is_dir()), len(missing))]
        for level in reversed(missing):
            try:
                level.mkdir()
            except OSError:
                break  # there already (made by someone else), or cannot be: mkdir below says why
            made.append(level)
        folder.mkdir(parents=True, exist_ok=True)
        yield folder
    finally:
        for level in reversed(made):  # the deepest first
            try:
                level.rmdir()  # only ever removes an empty folder
            except OSError:
                break  # it holds something, so do the folders above it
