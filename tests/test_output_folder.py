"""Bad input leaves nothing behind: an output folder a command made and wrote nothing
into is removed again, with the parents it made; folders that were there stay."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from congvan.batch import render_many
from congvan.cli import main
from congvan.batch.manifest import FILE

DISPATCH = """co_quan_ban_hanh: SỞ A
so: 7
ky_hieu: SA-VP
trich_yeu: việc thử
dia_danh: Hà Nội
ngay: 2021-03-05
kinh_gui: Các phòng
noi_dung: Nội dung.
nguoi_ky: {chuc_vu: GIÁM ĐỐC, ho_ten: Nguyễn Văn A}
"""
needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")


@pytest.fixture
def bad(tmp_path) -> list[Path]:
    """Two dispatches that cannot be made: a date that does not exist, a YAML error."""
    folder = tmp_path / "cv"
    folder.mkdir()
    first, second = folder / "ngay-sai.yaml", folder / "cu-phap.yaml"
    first.write_text(DISPATCH.replace("ngay: 2021-03-05", "ngay: 2021-02-30"), encoding="utf-8")
    second.write_text("co_quan_ban_hanh: [SỞ\nky_hieu: X\n", encoding="utf-8")
    return [first, second]


def cli(command: str, inputs: list[Path], out: Path, *options: str) -> int:
    return main([command, *map(str, inputs), "-o", str(out), *options] + (["-j", "1"] if command == "batch" else []))


@pytest.mark.parametrize("command", ["render", "batch"])
def test_bad_input_leaves_no_folder(tmp_path, bad, command, capsys):
    out = tmp_path / "moi"
    assert cli(command, bad, out) == 1
    err = capsys.readouterr().err
    assert f"Lỗi: {bad[0]}, dòng " in err and "ngày 30/02/2021 không tồn tại" in err
    assert f"Lỗi: {bad[1]}, dòng 2: lỗi cú pháp YAML" in err
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cv"]


@pytest.mark.parametrize("command", ["render", "batch"])
def test_nested_folders_made_are_removed_those_found_stay(tmp_path, bad, command, capsys):
    assert cli(command, bad, tmp_path / "a" / "b" / "c") == 1
    assert not (tmp_path / "a").exists()  # a, a/b and a/b/c were all made by the command
    (tmp_path / "a").mkdir()
    assert cli(command, bad, tmp_path / "a" / "b" / "c") == 1
    assert (tmp_path / "a").is_dir() and list((tmp_path / "a").iterdir()) == []  # a was there: only b/c go
    (tmp_path / "a" / "b" / "c").mkdir(parents=True)
    assert cli(command, bad, tmp_path / "a" / "b" / "c") == 1
    assert (tmp_path / "a" / "b" / "c").is_dir()  # an empty folder that was there is never removed


@pytest.fixture
def good(tmp_path) -> Path:
    path = tmp_path / "tot.yaml"
    path.write_text(DISPATCH, encoding="utf-8")
    return path


@pytest.mark.parametrize("command", ["render", "batch"])
def test_a_folder_with_good_outputs_stays(tmp_path, bad, good, command, capsys):
    out = tmp_path / "a" / "b"
    assert cli(command, [*bad, good], out) == 1
    names = sorted(p.name for p in out.iterdir())
    assert names == ([FILE, "07-SA-VP-2021-03-05.docx"] if command == "batch" else ["tot.docx"]), names


def test_a_batch_of_bad_jobs_keeps_a_manifest_that_was_there(tmp_path, bad, good, capsys):
    out = tmp_path / "out"
    assert cli("batch", [good], out) == 0
    made = sorted(p.name for p in out.iterdir())
    (out / "07-SA-VP-2021-03-05.docx").unlink()
    assert cli("batch", bad, out) == 1
    assert sorted(p.name for p in out.iterdir()) == [FILE]  # the record of the earlier run is kept
    assert FILE in made


def test_render_many_of_bad_jobs_leaves_no_folder(tmp_path, bad):
    out = tmp_path / "x" / "y"
    summary = render_many(bad, output=out, workers=1)
    assert (summary.done, len(summary.failed)) == (0, 2)
    assert not (tmp_path / "x").exists()


@needs_soffice
@pytest.mark.parametrize("command", ["render", "batch"])
def test_pdf_of_bad_input_leaves_no_folder(tmp_path, bad, command, capsys):
    out = tmp_path / "a" / "pdf"
    assert cli(command, bad, out, "--format", "pdf") == 1
    assert not (tmp_path / "a").exists()
