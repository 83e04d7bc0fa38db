"""The package is typed (py.typed) and passes `mypy --strict`, as does a user's script."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT

USER_SCRIPT = '''\
from pathlib import Path

import congvan

cv: congvan.CongVan = congvan.load("examples/bau-cu-2021.yaml")
same: congvan.CongVan = congvan.loads(Path("examples/bau-cu-2021.yaml").read_text(encoding="utf-8"), format="yaml")
built = congvan.from_dict({"co_quan_ban_hanh": "SỞ NỘI VỤ", "ky_hieu": "SNV-VP", "trich_yeu": "họp",
                           "dia_danh": "Đồng Tháp", "ngay": "2021-03-05", "kinh_gui": "Các phòng",
                           "noi_dung": "Nội dung.", "nguoi_ky": {"chuc_vu": "GIÁM ĐỐC", "ho_ten": "Nguyễn Văn A"}})
data: bytes = congvan.render_docx(cv)
lines: list[str] = cv.co_quan_ban_hanh
so: str = cv.so_ky_hieu
try:
    congvan.loads("trich_yeu: [", format="yaml")
except congvan.InputError as exc:
    where: list[int | None] = [p.line for p in exc.problems]
    fields: list[str] = [p.field for p in exc.problems]
    source: str = exc.source
except congvan.PdfError as pdf:
    reasons: list[str] = pdf.problems
words: str = congvan.so_thanh_chu(2021)
report: congvan.Report = congvan.check_docx(data)
'''


def mypy(*args: str, cwd=ROOT) -> subprocess.CompletedProcess[str]:
    # An editable install is not visible to mypy: the package is found through MYPYPATH.
    env = {**os.environ, "MYPYPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", *args],
                          cwd=cwd, capture_output=True, text=True, timeout=600, env=env)


@pytest.fixture(scope="module", autouse=True)
def has_mypy():
    pytest.importorskip("mypy")


def test_the_package_declares_its_types():
    assert (ROOT / "congvan" / "py.typed").is_file()


def test_the_package_passes_mypy_strict():
    result = mypy("--config-file", str(ROOT / "pyproject.toml"), "-p", "congvan")
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_user_script_passes_mypy_strict(tmp_path):
    script = tmp_path / "script.py"
    script.write_text(USER_SCRIPT, encoding="utf-8")
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    # Outside the project, without its configuration; the package is read as an
    # installed one is (its own modules are not reported on, only their types used).
    result = mypy("--follow-imports=silent", str(script), cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    bad = tmp_path / "bad.py"
    bad.write_text("import congvan\nn: int = congvan.load('x.yaml').trich_yeu\n", encoding="utf-8")
    result = mypy("--follow-imports=silent", str(bad), cwd=tmp_path)
    assert result.returncode == 1 and "Incompatible types in assignment" in result.stdout, result.stdout
