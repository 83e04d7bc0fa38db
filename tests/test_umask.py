"""Output files follow the umask, as files made by open() do (not mkstemp's 0600)."""

from __future__ import annotations

import os
import stat

import pytest

from congvan.cli import main
from congvan.files import copy_atomic, write_atomic
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
