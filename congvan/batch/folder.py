"""The output folder of a batch: one batch at a time, and a staging folder per run."""

from __future__ import annotations

import fcntl
import os
import shutil
import tempfile
from pathlib import Path

from ..errors import CongVanError

STAGING = ".congvan-tmp"


class FolderBusy(CongVanError):
    def __init__(self, folder: Path) -> None:
        super().__init__(f"thư mục kết quả '{folder}' đang được một lần chạy congvan batch khác ghi vào; "
                         "chờ lần chạy đó xong rồi chạy lại (hoặc chọn thư mục khác bằng -o)")


class OutputFolder:
    """Held while a batch writes into `folder`: a lock on the folder itself (released by
    the kernel however the process ends) and this run's own staging folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.fd: int | None = None
        self.staging: Path | None = None

    def __enter__(self) -> "OutputFolder":
        self.fd = os.open(self.folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(self.fd)
            self.fd = None
            raise FolderBusy(self.folder) from None
        # Staging folders of runs that were killed: nobody else can be using them now.
        for left in self.folder.glob(f"{STAGING}*"):
            if left.is_dir() and not left.is_symlink():
                shutil.rmtree(left, ignore_errors=True)
        self.staging = Path(tempfile.mkdtemp(prefix=f"{STAGING}-", dir=self.folder))
        return self

    def __exit__(self, *exc: object) -> None:
        if self.staging is not None:
            shutil.rmtree(self.staging, ignore_errors=True)
        if self.fd is not None:
            os.close(self.fd)  # releases the lock
            self.fd = None
