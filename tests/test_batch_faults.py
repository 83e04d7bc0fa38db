"""A batch killed at any moment: the next run makes exactly what is missing.

SIGKILL (no clean-up at all) at random points of a PDF batch, then the same command
again: one output per input under its own name (no `-2` copies), every PDF finished
(its properties written by congvan, not LibreOffice's), and not one process of the
killed batch left alive, checked by PID.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.test_batch import make_folder

CONGVAN = [sys.executable, "-m", "congvan.cli"]


def descendants(pid: int) -> set[int]:
    """Every process whose chain of parents leads to `pid` (from /proc)."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
                parents[int(entry)] = int(fields[1])
            except (OSError, IndexError, ValueError):
                continue
    found, frontier = set(), {pid}
    while frontier:
        children = {child for child, parent in parents.items() if parent in frontier} - found
        found |= children
        frontier = children
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def run_batch(source: Path, out: Path) -> subprocess.Popen:
    return subprocess.Popen([*CONGVAN, "batch", str(source), "-o", str(out), "--format", "docx,pdf", "-j", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_sigkill_at_random_points_then_rerun(tmp_path):
    inputs = make_folder(tmp_path / "cv", 12)
    out = tmp_path / "out"
    rng = random.Random(15)
    seen: set[int] = set()
    for delay in sorted(rng.uniform(0.3, 8.0) for _ in range(4)):
        proc = run_batch(tmp_path / "cv", out)
        deadline = time.monotonic() + delay
        while time.monotonic() < deadline and proc.poll() is None:
            seen |= descendants(proc.pid)
            time.sleep(0.05)
        seen |= descendants(proc.pid)
        proc.kill()
        proc.communicate(timeout=30)
        # Every child of the killed batch (pool workers, fork server, soffice,
        # soffice.bin) goes within a few seconds.
        deadline = time.monotonic() + 15
        while any(alive(pid) for pid in seen) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [pid for pid in seen if alive(pid)], "processes of the killed batch still alive"
    assert seen, "the batch never started a child: the test proves nothing"

    final = run_batch(tmp_path / "cv", out)
    stdout, stderr = final.communicate(timeout=300)
    assert final.returncode == 0, stderr
    assert "Traceback" not in stderr
    names = sorted(p.name for p in out.iterdir())
    stems = {p.stem for p in out.iterdir() if p.suffix in (".docx", ".pdf")}
    assert len(stems) == len(inputs), names
    assert not [n for n in names if "-2." in n], names
    assert names == sorted([".congvan-manifest.json"] + [f"{s}.{f}" for s in stems for f in ("docx", "pdf")]), names
    for pdf in out.glob("*.pdf"):
        title = PdfReader(pdf).metadata.get("/Title", "")
        assert title.startswith("V/v "), (pdf.name, title)  # written by finish_pdf
    # And a run after that has nothing left to do.
    again = run_batch(tmp_path / "cv", out)
    stdout, _ = again.communicate(timeout=120)
    assert f"Xong: 0 tạo mới, {len(inputs)} bỏ qua" in stdout


SLOW = "{% for i in range(100000) %}{% for j in range(LOOPS) %}{% endfor %}{% endfor %}"


def slow_template(folder: Path, name: str, loops: int) -> Path:
    text = (Path(__file__).parent.parent / "examples" / "bau-cu-2021.yaml").read_text(encoding="utf-8")
    path = folder / name
    path.write_text(text.replace("dia_danh: Đồng Tháp", f'dia_danh: "Đồng Tháp{SLOW.replace("LOOPS", str(loops))}"'),
                    encoding="utf-8")
    return path


@pytest.mark.parametrize("workers", [1, 2])
def test_a_job_past_its_time_limit_fails_alone(tmp_path, workers):
    import congvan

    make_folder(tmp_path / "cv", 3)
    endless = slow_template(tmp_path / "cv", "vo-tan.yaml", 100000)  # 10^10 turns: never ends
    started = time.monotonic()
    summary = congvan.render_many(sorted((tmp_path / "cv").iterdir()), output=tmp_path / "out", workers=workers,
                                  limits=congvan.Limits(job_seconds=1))
    assert time.monotonic() - started < 30
    assert summary.done == 3
    assert [r.job.source for r in summary.failed] == [endless]
    assert "quá 1 giây" in summary.failed[0].error and "job_seconds" in summary.failed[0].error


def test_a_worker_killed_fails_its_job_and_the_pool_is_rebuilt(tmp_path, monkeypatch):
    """As the OOM killer would: the worker building one job dies by SIGKILL, each time."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    import congvan
    from congvan.batch import jobs, pool

    inputs = make_folder(tmp_path / "cv", 12)
    doomed = inputs[4]
    real = jobs._build_one

    def build(job, settings, index):
        if Path(job.source) == doomed:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(job, settings, index)

    started: list[int] = []

    def start(workers, pdf=False):  # fork: the workers inherit the patched build
        started.append(workers)
        return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))

    monkeypatch.setattr(jobs, "_build_one", build)
    monkeypatch.setattr(pool, "start", start)
    summary = congvan.render_many(inputs, output=tmp_path / "out", workers=2, chunk_size=2)
    assert summary.done == 11
    assert [r.job.source for r in summary.failed] == [doomed]
    assert "bị dừng đột ngột" in summary.failed[0].error
    assert len(started) >= 2  # rebuilt after the death
    assert len(list((tmp_path / "out").glob("*.docx"))) == 11


def test_ctrl_c_stops_with_one_line_and_a_summary(tmp_path):
    folder = tmp_path / "cv"
    make_folder(folder, 2)
    for i in range(6):
        slow_template(folder, f"cham-{i}.yaml", 60)
    proc = subprocess.Popen([*CONGVAN, "batch", str(folder), "-o", str(tmp_path / "out"), "-j", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    children: set[int] = set()
    deadline = time.monotonic() + 60
    while len(children) < 2 and time.monotonic() < deadline:  # the pool has started its workers
        children |= descendants(proc.pid)
        time.sleep(0.05)
    time.sleep(1.0)
    children |= descendants(proc.pid)
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C in a terminal does: the whole group
    stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr
    assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr, stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Đã dừng (Ctrl-C): "), stderr
    assert "chạy lại cùng lệnh" in lines[0]
    time.sleep(0.5)
    assert not [pid for pid in children if alive(pid)]
    assert not list((tmp_path / "out").glob(".congvan-tmp*"))


def test_a_second_batch_on_the_same_folder_is_refused(tmp_path, capsys):
    from congvan.batch.folder import OutputFolder
    from congvan.cli import main

    make_folder(tmp_path / "cv", 1)
    out = tmp_path / "out"
    out.mkdir()
    with OutputFolder(out):  # another batch holds the folder
        assert main(["batch", str(tmp_path / "cv"), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"Lỗi: thư mục kết quả '{out}' đang được một lần chạy congvan batch khác ghi vào"), err
    assert main(["batch", str(tmp_path / "cv"), "-o", str(out)]) == 0


def test_journal_of_a_killed_run_is_replayed(tmp_path):
    """Records appended before the kill, with a torn last line, count on the next run."""
    import json

    from congvan.batch.manifest import JOURNAL, Manifest

    out = tmp_path / "out"
    out.mkdir()
    manifest = Manifest.load(out)
    manifest.record("a", {"name": "a", "outputs": ["a.docx"], "made_from": {"x": 1}})
    manifest.record("b", {"name": "b", "outputs": ["b.docx"], "made_from": {"x": 2}})
    os.close(manifest.journal)
    with open(out / JOURNAL, "ab") as handle:
        handle.write(json.dumps({"key": "c", "entry": {"name": "c"}}).encode()[:-5])  # torn by the kill
    again = Manifest.load(out)
    assert sorted(again.entries) == ["a", "b"]
    assert again.owners() == {"a": "a", "b": "b"}


def in_session(sid: int) -> list[int]:
    """Processes of session `sid` still running (zombies left to init are not)."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue
            if int(fields[3]) == sid and fields[0] != "Z":
                found.append(int(entry))
    return found


@pytest.mark.parametrize("formats", ["docx", pytest.param("pdf", marks=pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice not installed"))])
def test_nothing_of_a_batch_runs_once_it_has_returned(tmp_path, formats):
    # The pool's fork server and multiprocessing's resource tracker used to outlive
    # the command by up to a fifth of a second; LibreOffice never may.
    make_folder(tmp_path / "in", 3)
    done = subprocess.Popen([*CONGVAN, "batch", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--format", formats,
                             "-j", "2"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    done.wait(timeout=300)  # not communicate(): a pipe stays open as long as any of them runs
    left = in_session(done.pid)
    assert done.returncode == 0
    assert left == [], [Path(f"/proc/{p}/cmdline").read_bytes()[:80] for p in left if Path(f"/proc/{p}").exists()]
    assert len(list((tmp_path / "out").glob(f"*.{formats}"))) == 3
