"""The LibreOffice engine under trouble: a file that hangs it, a worker killed
mid-batch, LibreOffice missing. Afterwards no soffice process may be left."""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from pathlib import Path

import pytest

import congvan
from congvan.pdf import PdfEngine, SofficeMissing, find_soffice
from congvan.pdf.worker import default_cache
from tests.conftest import EXAMPLES

HANG = b"TREO"  # content of a fake .docx that makes the fake soffice hang


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _processes_under(root: Path) -> list[int]:
    """Live processes whose command line names the engine's folder (its profiles)."""
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
        if str(root).encode() in cmd and _alive(int(pid)):
            found.append(int(pid))
    return found


@pytest.fixture(scope="module")
def docx_files(tmp_path_factory) -> list[Path]:
    tmp = tmp_path_factory.mktemp("docx")
    cv = congvan.load(EXAMPLES[0])
    return [congvan.write_docx(cv, tmp / f"cv-{i}.docx") for i in range(10)]


# A stand-in for a resident LibreOffice: it listens on a single-instance pipe named
# as LibreOffice names its own, takes command lines in LibreOffice's format, writes
# a small PDF for each file and never answers for a file holding TREO; started for
# a plain --convert-to, it converts the same way and exits.
FAKE_OFFICE = r"""
import hashlib, os, socket, sys, time
from pathlib import Path

def convert(argv):
    out = Path(argv[argv.index("--outdir") + 1])
    out.mkdir(parents=True, exist_ok=True)
    for name in [a for a in argv if a.endswith(".docx")]:
        if b"TREO" in Path(name).read_bytes():
            time.sleep(600)
        (out / (Path(name).stem + ".pdf")).write_bytes(b"%PDF-1.4\n%%EOF\n")

def arguments(message):
    out, text, escaped = [], b"", False
    for c in message[len(b"InternalIPC::Arguments") + 1:]:
        c = bytes([c])
        if escaped:
            text, escaped = text + (b"\0" if c == b"0" else c), False
        elif c == b"\\":
            escaped = True
        elif c == b",":
            out.append(text.decode()); text = b""
        else:
            text += c
    out.append(text.decode())
    return out[1:]  # the working folder first

args = sys.argv[1:]
if "--convert-to" in args:
    convert(args)
    sys.exit(0)
profile = next(a for a in args if a.startswith("-env:UserInstallation="))
path = f"/tmp/OSL_PIPE_{os.getuid()}_SingleOfficeIPC_{hashlib.md5(profile.encode()).hexdigest()}"
if os.path.exists(path):
    os.unlink(path)
server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
server.bind(path)
server.listen(4)
while True:
    conn, _ = server.accept()
    conn.sendall(b"InternalIPC::SendArguments\0")
    data = b""
    while not data.endswith(b"\0"):
        data += conn.recv(4096)
    convert(arguments(data[:-1]))
    conn.sendall(b"InternalIPC::ProcessingDone\0")
    conn.close()
"""


def test_hanging_file_in_a_resident_office_is_killed_and_reported(tmp_path):
    """Files go to a resident office through its pipe: one that never answers is
    taken for a hang, the office restarted, the file failed, the others done."""
    fake = tmp_path / "soffice"
    fake.write_text(f"#!{sys.executable}\n{FAKE_OFFICE}")
    fake.chmod(0o755)
    (tmp_path / "a.docx").write_bytes(b"PK binh thuong")
    (tmp_path / "treo.docx").write_bytes(HANG)
    (tmp_path / "b.docx").write_bytes(b"PK binh thuong")
    pairs = [(tmp_path / n, tmp_path / "out" / f"{i}.pdf") for i, n in enumerate(["a.docx", "treo.docx", "b.docx"])]
    with PdfEngine(workers=1, timeout=3, binary=fake, resident=True, profile_cache=None) as engine:
        root = engine.root
        first = engine.processes()
        results = engine.convert(pairs)
        assert engine._all[0].pipe is not None  # the files went through the pipe
        assert engine.processes() and engine.processes() != first  # a fresh office after the hang
    assert _processes_under(root) == []
    assert [r.ok for r in results] == [True, False, True]
    assert "LibreOffice treo" in results[1].error
    assert not pairs[1][1].exists()
    assert pairs[0][1].read_bytes().startswith(b"%PDF-") and pairs[2][1].read_bytes().startswith(b"%PDF-")


def test_hanging_file_is_killed_and_reported_others_convert(tmp_path, docx_files):
    """One LibreOffice per call (no resident office): the call that hangs is killed."""
    resident = False
    pids = tmp_path / "pids"
    fake = tmp_path / "soffice"
    fake.write_text(
        "#!/bin/sh\n"
        'for a in "$@"; do case "$a" in *.docx) if grep -q TREO "$a"; then\n'
        f'  echo $$ >> "{pids}"; exec sleep 600; fi;; esac; done\n'
        f'exec "{find_soffice()}" "$@"\n'
    )
    fake.chmod(0o755)
    hang = tmp_path / "treo.docx"
    hang.write_bytes(HANG)
    sources = [docx_files[0], hang, docx_files[1]]
    pairs = [(s, tmp_path / "out" / f"{i}.pdf") for i, s in enumerate(sources)]
    # Without a resident process each call starts LibreOffice, inside the timeout: on a
    # busy machine that alone can take more than 3 s.
    # The real LibreOffice's saved profile: a cache of its own for this stand-in would
    # be left in the user's cache folder by every run of the test.
    with PdfEngine(workers=1, timeout=3 if resident else 15, binary=fake, resident=resident,
                   profile_cache=default_cache(find_soffice())) as engine:
        root = engine.root
        results = engine.convert(pairs)
        # Nothing but the (fresh) resident process is left running.
        assert len(_processes_under(root)) == (2 if resident else 0)  # oosplash + soffice.bin
    assert _processes_under(root) == []
    assert [r.ok for r in results] == [True, False, True]
    assert "LibreOffice treo" in results[1].error
    assert not pairs[1][1].exists()
    assert pairs[0][1].read_bytes().startswith(b"%PDF-") and pairs[2][1].read_bytes().startswith(b"%PDF-")
    hung = [int(p) for p in pids.read_text().split()]
    assert len(hung) == 2  # the chunk, then the file alone: tried twice
    assert not any(_alive(p) for p in hung)


def test_worker_killed_mid_batch(tmp_path, docx_files):
    pairs = [(s, tmp_path / f"{i}.pdf") for i, s in enumerate(docx_files)]
    killed: list[int] = []
    with PdfEngine(workers=1, timeout=30) as engine:
        root = engine.root
        server = engine.processes()[0]
        bin_pid = next(p for p in _processes_under(root) if os.getpgid(p) == server
                       and b"soffice.bin" in Path(f"/proc/{p}/cmdline").read_bytes())

        def kill_after_first_pdf() -> None:
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                if list(root.glob("worker-0/chunk-*/out/*.pdf")):
                    os.kill(bin_pid, signal.SIGKILL)
                    killed.append(bin_pid)
                    return
                time.sleep(0.005)

        killer = threading.Thread(target=kill_after_first_pdf)
        killer.start()
        results = engine.convert(pairs)
        killer.join()
        assert killed, "the batch ended before a worker could be killed"
        assert [r.error for r in results] == [None] * len(pairs)
        assert all(t.read_bytes().startswith(b"%PDF-") for _, t in pairs)
        assert engine.processes() and engine.processes()[0] != server  # a fresh resident process
    assert _processes_under(root) == []
    assert not _alive(bin_pid)


@pytest.mark.filterwarnings("error::pytest.PytestUnhandledThreadExceptionWarning")
def test_interrupted_caller_leaves_no_process(tmp_path, docx_files):
    engine = PdfEngine(workers=1, timeout=30)
    engine.start()
    root = engine.root
    assert _processes_under(root)
    timer = threading.Timer(0.3, lambda: os.kill(os.getpid(), signal.SIGINT))
    before = set(threading.enumerate())
    timer.start()
    with pytest.raises(KeyboardInterrupt):
        engine.convert([(s, tmp_path / f"{i}.pdf") for i, s in enumerate(docx_files * 3)])
    timer.cancel()
    assert _processes_under(root) == []
    assert not root.exists()
    # The engine's threads, left running on the closed engine, end quietly (an
    # exception in one is made an error by the mark above).
    for thread in set(threading.enumerate()) - before:
        thread.join(15)


def test_missing_soffice_names_the_packages(tmp_path):
    with pytest.raises(SofficeMissing) as err:
        PdfEngine(binary=tmp_path / "soffice")
    assert str(err.value) == (
        f"không tìm thấy LibreOffice ('{tmp_path / 'soffice'}') để tạo PDF. "
        "Hãy cài: apt-get install libreoffice-writer-nogui fonts-liberation2"
    )


def test_unreadable_docx_is_an_error_not_a_hang(tmp_path, pdf_engine, docx_files):
    broken = tmp_path / "hong.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    results = pdf_engine.convert([(broken, tmp_path / "a.pdf"), (docx_files[0], tmp_path / "b.pdf")])
    assert [r.ok for r in results] == [False, True]
    assert not (tmp_path / "a.pdf").exists()


def test_a_working_folder_with_commas_and_vietnamese_goes_through_the_pipe(tmp_path, docx_files, monkeypatch):
    """The pipe message carries the working folder: its ',' and '\\' are escaped as
    LibreOffice's own client escapes them, so the office still reads every argument."""
    folder = tmp_path / "Công văn, năm 2026 \\ bản thử"
    folder.mkdir()
    monkeypatch.chdir(folder)
    target = folder / "ra.pdf"
    with PdfEngine(workers=1) as engine:
        result = engine.convert([(docx_files[0], target)])[0]
        assert engine._all[0].pipe is not None  # not a second soffice
    assert result.ok, result.error
    assert target.read_bytes().startswith(b"%PDF-")


def test_an_adopted_office_converts_and_a_dead_one_is_replaced(tmp_path, docx_files):
    """A batch starts its workers' LibreOffice before the workers exist; a worker's
    engine takes one over (adopt), converts through it, and when it dies starts its
    own. The engine that started them stops whatever is left."""
    owner = PdfEngine(workers=1, timeout=30)
    owner.start()
    root = owner.root
    try:
        handed = owner.residents()
        assert len(handed) == 1 and handed[0].folder == str(root / "worker-0")
        with PdfEngine(workers=1, timeout=30, adopt=handed) as engine:
            assert engine.processes() == [handed[0].pid]  # no office of its own
            results = engine.convert([(docx_files[0], tmp_path / "a.pdf")])
            assert results[0].ok, results[0].error
            assert engine._all[0].pipe is not None  # through the adopted office's pipe
            os.killpg(handed[0].pid, signal.SIGKILL)
            deadline = time.monotonic() + 10
            while engine._all[0].server.poll() is None and time.monotonic() < deadline:
                time.sleep(0.02)
            results = engine.convert([(docx_files[1], tmp_path / "b.pdf")])
            assert results[0].ok, results[0].error
            assert engine.processes() and engine.processes()[0] != handed[0].pid
        assert (tmp_path / "a.pdf").read_bytes().startswith(b"%PDF-")
        assert (tmp_path / "b.pdf").read_bytes().startswith(b"%PDF-")
    finally:
        owner.close()
    assert _processes_under(root) == []


def test_an_office_that_is_gone_before_it_is_adopted_is_not_waited_for(tmp_path, docx_files):
    owner = PdfEngine(workers=1, timeout=30)
    owner.start()
    handed = owner.residents()
    owner.close()  # gone before the worker takes it over
    start = time.monotonic()
    with PdfEngine(workers=1, timeout=30, adopt=handed) as engine:
        assert time.monotonic() - start < 20
        result = engine.convert([(docx_files[0], tmp_path / "a.pdf")])[0]
        assert result.ok, result.error
        assert engine.processes() and engine.processes()[0] != handed[0].pid


def _fake_office(tmp_path: Path) -> Path:
    fake = tmp_path / "soffice"
    fake.write_text(f"#!{sys.executable}\n{FAKE_OFFICE}")
    fake.chmod(0o755)
    return fake


def test_launch_spawns_the_office_in_the_callers_thread(tmp_path):
    """launch() spawns each office at once, in the calling thread (a thread of its
    own waited for the interpreter lock while the caller imported); start() then
    only waits for it."""
    fake = _fake_office(tmp_path)
    saved = tmp_path / "saved-profile"
    (saved / "user").mkdir(parents=True)
    (tmp_path / "a.docx").write_bytes(b"PK binh thuong")
    engine = PdfEngine(workers=2, timeout=5, binary=fake, profile_cache=saved)
    threads = threading.active_count()
    try:
        engine.launch()
        assert threading.active_count() == threads  # nothing left running in the background
        offices = [w.server.pid for w in engine._all if w.server is not None]
        assert len(offices) == 2 and all(_alive(p) for p in offices)
        assert all((w.profile / "user").is_dir() for w in engine._all)  # the saved profile, copied
        engine.start()
        assert [w.server.pid for w in engine._all if w.server is not None] == offices  # waited for, not spawned again
        [result] = engine.convert([(tmp_path / "a.docx", tmp_path / "out" / "a.pdf")])
        assert result.ok and engine._all[0].pipe is not None
    finally:
        engine.close()
    assert not any(_alive(p) for p in offices)
    # Launched and closed without ever starting: nothing is left either.
    engine = PdfEngine(workers=1, timeout=5, binary=fake, profile_cache=saved)
    engine.launch()
    office = engine._all[0].server.pid
    engine.close()
    assert not _alive(office)


def test_launch_leaves_a_first_profile_to_start(tmp_path):
    fake = _fake_office(tmp_path)
    (tmp_path / "a.docx").write_bytes(b"PK binh thuong")
    engine = PdfEngine(workers=1, timeout=5, binary=fake, profile_cache=None)
    try:
        engine.launch()
        assert engine._all[0].server is None  # no saved profile: the slow first start is start's
        engine.start()
        [result] = engine.convert([(tmp_path / "a.docx", tmp_path / "out" / "a.pdf")])
        assert result.ok
    finally:
        engine.close()
