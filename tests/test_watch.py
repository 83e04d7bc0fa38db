"""`congvan render --watch`: one warm engine, a new DOCX and PDF at each save, errors
as they come, Ctrl-C stops it and LibreOffice with it. Every wait is bounded."""

from __future__ import annotations

import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")

BAU_CU = (ROOT / "examples" / "bau-cu-2021.yaml").read_text(encoding="utf-8")
WAIT = 90  # seconds any one step may take on a busy machine


def with_so(so: int, ngay: str = "2021-03-05") -> str:
    return re.sub(r"(?m)^ngay:.*$", f"ngay: {ngay}", re.sub(r"(?m)^so:.*$", f"so: {so}", BAU_CU))


class Watch:
    def __init__(self, *args: str) -> None:
        self.proc = subprocess.Popen([sys.executable, "-u", "-m", "congvan.cli", "render", "--watch", *args],
                                     cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=lambda: [self.lines.put(line.rstrip("\n")) for line in self.proc.stdout], daemon=True).start()

    def until(self, pattern: str) -> list[str]:
        """The lines up to the first matching `pattern`, within WAIT seconds."""
        seen, deadline = [], time.monotonic() + WAIT
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=1)
            except queue.Empty:
                assert self.proc.poll() is None, f"watch exited early: {seen}"
                continue
            seen.append(line)
            if re.search(pattern, line):
                return seen
        raise AssertionError(f"no line matching {pattern!r} within {WAIT} s: {seen}")

    def children(self) -> list[int]:
        """Processes started by the watch (its LibreOffice), and theirs."""
        found, frontier = [], [self.proc.pid]
        while frontier:
            parent = frontier.pop()
            for pid in filter(str.isdigit, os.listdir("/proc")):
                try:
                    ppid = int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
                except (OSError, IndexError):
                    continue
                if ppid == parent:
                    found.append(int(pid))
                    frontier.append(int(pid))
        return found


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_each_save_gives_a_new_pdf_errors_are_said_and_ctrl_c_stops_cleanly(tmp_path):
    source = tmp_path / "cv.yaml"
    source.write_text(with_so(7), encoding="utf-8")
    out = tmp_path / "out"
    watch = Watch(str(source), "-o", str(out))
    try:
        watch.until(r"^Đang theo dõi")  # the first render is done
        assert "Số: 07/STTTT-BCVT" in pdf_text(out / "cv.pdf")
        soffice = watch.children()
        assert soffice  # one warm LibreOffice, kept between saves
        for so in (8, 9):  # two saves, two new PDFs
            source.write_text(with_so(so), encoding="utf-8")
            lines = watch.until(r"^Xong")
            assert f"Đã tạo {out / 'cv.pdf'}" in lines
            assert f"Số: {so:02d}/STTTT-BCVT" in pdf_text(out / "cv.pdf")
        assert set(soffice) <= set(watch.children())  # the same engine served every save
        source.write_text(with_so(9, "2021-02-30"), encoding="utf-8")
        lines = watch.until(r"^Có lỗi")
        assert any("trường 'ngay': ngày 30/02/2021 không tồn tại" in line for line in lines)
        assert "Số: 09/STTTT-BCVT" in pdf_text(out / "cv.pdf")  # the last good PDF stays
        watch.proc.send_signal(signal.SIGINT)
        assert watch.proc.wait(timeout=WAIT) == 0
        assert watch.until(r"^Đã dừng theo dõi")
        deadline = time.monotonic() + WAIT
        while any(_alive(pid) for pid in soffice) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(_alive(pid) for pid in soffice)
    finally:
        watch.proc.kill()
        watch.proc.wait()


def test_watch_wants_one_file(tmp_path, capsys):
    from congvan.cli import main

    assert main(["render", "--watch", str(ROOT / "examples"), "-o", str(tmp_path)]) == 2
    assert capsys.readouterr().err.strip() == f"Lỗi: --watch theo dõi đúng một tệp công văn, không phải {ROOT / 'examples'}"
