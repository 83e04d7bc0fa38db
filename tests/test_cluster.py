"""`render_many` past one machine: the README's dask and Ray code, run on this one.

Two worker processes each keep their own warm LibreOffice engine, convert and finish
the PDFs of the jobs they get, and close the engine with the worker; the outputs land
in one shared folder, the DOCX byte-identical to a dispatch rendered alone."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import congvan
from tests.conftest import ROOT
from tests.test_batch import make_folder

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")

README = (ROOT / "README.md").read_text(encoding="utf-8")


def snippet(marker: str) -> str:
    return next(b for b in re.findall(r"```python\n(.*?)```", README, re.S) if marker in b)


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def run_readme(marker: str, tmp_path: Path) -> tuple[dict, list[Path]]:
    inputs = make_folder(tmp_path / "cv", 6)
    jobs = [congvan.Job(p) for p in inputs]
    out = tmp_path / "chung"
    code = snippet(marker).replace('output="out/"', f'output="{out}"')
    namespace = {"congvan": congvan, "jobs": jobs}
    exec(compile(code, "README.md", "exec"), namespace)
    return namespace, inputs


def check_outputs(namespace: dict, inputs: list[Path], out: Path, engines: list[dict]) -> None:
    summary = namespace["summary"]
    assert (summary.done, summary.failed) == (6, [])
    names = sorted(p.name for p in out.iterdir())
    assert names == [".congvan-manifest.json"] + sorted(
        f"{i:02d}-STTTT-{'BCVT' if i % 2 else 'VP'}-2021-10-{i + 1:02d}.{ext}" for i in range(1, 7) for ext in ("docx", "pdf"))
    # Wherever it was built, a DOCX has the bytes of the dispatch rendered alone.
    assert (out / "01-STTTT-BCVT-2021-10-02.docx").read_bytes() == congvan.render_docx(congvan.load(inputs[0]))
    for i in (1, 6):
        pdf = next(out.glob(f"{i:02d}-*.pdf"))
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert f"Đơn vị nhận số {i};" in text
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert f"Subject:         Số: {i:02d}/STTTT-" in info  # finished (metadata) on the worker
    # Two worker processes, neither of them this one, each with its own LibreOffice.
    assert len(engines) == 2 and len({e["pid"] for e in engines} | {os.getpid()}) == 3
    assert all(e["running"] and e["converted"] >= 1 for e in engines)
    assert sum(e["converted"] for e in engines) == 6
    soffice = [pid for e in engines for pid in e["soffice"]]
    assert len(soffice) == 2 and len(set(soffice)) == 2
    # Closed with the workers: no LibreOffice of theirs is left.
    assert not any(_alive(pid) for pid in soffice)


def test_render_many_on_a_dask_cluster_of_two_worker_processes(tmp_path):
    namespace, inputs = run_readme("LocalCluster", tmp_path)
    check_outputs(namespace, inputs, tmp_path / "chung", list(namespace["engines"].values()))


def test_render_many_on_ray_actors(tmp_path):
    namespace, inputs = run_readme("RayExecutor(workers=2)", tmp_path)
    check_outputs(namespace, inputs, tmp_path / "chung", namespace["engines"])
