"""Output files follow the umask, as files made by open() do (not mkstemp's 0600)."""

from __future__ import annotations

import os
import stat

import pytest

from congvan.cli import main
import errno

from congvan.files import copy_atomic, link_or_copy, move_atomic, umask as read_umask, write_atomic
from tests.conftest import ROOT

EXAMPLE = ROOT / "examples" / "bau-cu-2021.yaml"


@pytest.fixture
def umask():
    def set_to(mask: int) -> None:
        os.umask(mask)

    old = os.umask(0o022)
    yield set_to
    os.umask(old)


def modes(folder) -> dict[str, int]:
    return {p.name: stat.S_IMODE(p.stat().st_mode) for p in folder.iterdir() if not p.name.startswith(".")}


@pytest.mark.parametrize("mask", [0o022, 0o027, 0o002])
def test_atomic_writes_follow_the_umask(tmp_path, umask, mask):
    umask(mask)
    write_atomic(tmp_path / "a.docx", b"x")
    copy_atomic(tmp_path / "a.docx", tmp_path / "b.pdf")
    assert modes(tmp_path) == {"a.docx": 0o666 & ~mask, "b.pdf": 0o666 & ~mask}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.docx", "b.pdf"]  # no temporary left


def test_render_and_batch_outputs_follow_the_umask(tmp_path, umask, capsys):
    umask(0o027)
    render_out, batch_out = tmp_path / "render", tmp_path / "batch"
    assert main(["render", str(EXAMPLE), "-o", str(render_out), "--format", "docx,pdf"]) == 0
    assert main(["batch", str(EXAMPLE), "-o", str(batch_out), "--format", "docx,pdf", "--jobs", "1"]) == 0
    assert modes(render_out) == {"bau-cu-2021.docx": 0o640, "bau-cu-2021.pdf": 0o640}
    made = modes(batch_out)
    assert sorted(name.rsplit(".", 1)[1] for name in made) == ["docx", "pdf"]
    assert set(made.values()) == {0o640}, made


@pytest.mark.parametrize("mask", [0o022, 0o027, 0o002])
def test_a_moved_file_gets_the_umask_not_its_makers_mode(tmp_path, umask, mask):
    umask(mask)
    assert read_umask() == mask  # read, not set
    made = tmp_path / "lo" / "out.pdf"
    made.parent.mkdir()
    made.write_bytes(b"%PDF-1.7 x")
    os.chmod(made, 0o600)  # as a program with its own idea of modes leaves it
    move_atomic(made, tmp_path / "kq" / "a.pdf")
    assert not made.exists() and (tmp_path / "kq" / "a.pdf").read_bytes() == b"%PDF-1.7 x"
    assert modes(tmp_path / "kq") == {"a.pdf": 0o666 & ~mask}


def test_a_move_across_file_systems_is_a_copy(tmp_path, umask, monkeypatch):
    umask(0o027)
    made = tmp_path / "out.pdf"
    made.write_bytes(b"%PDF-1.7 y")

    calls = []
    real = os.replace

    def first_fails(src, dst):
        calls.append(dst)
        if len(calls) == 1:
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        return real(src, dst)

    monkeypatch.setattr("congvan.files.os.replace", first_fails)
    move_atomic(made, tmp_path / "kq.pdf")
    assert (tmp_path / "kq.pdf").read_bytes() == b"%PDF-1.7 y"
    assert len(calls) == 2  # the rename refused, then the copy's own temporary file renamed
    assert stat.S_IMODE((tmp_path / "kq.pdf").stat().st_mode) == 0o640


def test_a_source_is_linked_where_it_can_be_and_copied_where_not(tmp_path, monkeypatch):
    source = tmp_path / "a.docx"
    source.write_bytes(b"PK docx")
    link_or_copy(source, tmp_path / "00000.docx")
    assert (tmp_path / "00000.docx").stat().st_ino == source.stat().st_ino

    def refused(*args):
        raise PermissionError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr("congvan.files.os.link", refused)
    link_or_copy(source, tmp_path / "00001.docx")
    assert (tmp_path / "00001.docx").read_bytes() == b"PK docx"
    assert (tmp_path / "00001.docx").stat().st_ino != source.stat().st_ino
    with pytest.raises(FileNotFoundError):
        link_or_copy(tmp_path / "missing.docx", tmp_path / "00002.docx")
