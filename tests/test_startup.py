"""One dispatch fast: LibreOffice is started before the rest of congvan loads, one
worker for one file, and a command imports only what it needs."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import ROOT

HEAVY = ["pydantic", "docx", "docxtpl", "lxml", "pypdf", "rich", "jinja2", "yaml"]

PROBE = """
import json, sys
import congvan.commands.render as render

seen = []

class Engine:
    def __init__(self, workers=None, **kwargs):
        seen.append({"workers": workers, "loaded": [m for m in HEAVY if m in sys.modules]})
    def launch(self):
        seen.append({"launched": [m for m in HEAVY if m in sys.modules]})
    def start(self):
        pass
    def close(self, wait=True):
        pass
    def convert(self, pairs, pdfa=False):
        raise SystemExit(json.dumps(seen))

render.PdfEngine = Engine
render.find_soffice = lambda: "soffice"
from congvan.cli import main
main(sys.argv[1:])
"""


def run_probe(*args: str) -> list[dict]:
    code = f"HEAVY = {HEAVY!r}\n" + PROBE
    done = subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True, text=True, timeout=120)
    return json.loads(done.stderr.strip().splitlines()[-1])


def test_libreoffice_starts_before_python_loads_the_writer(tmp_path):
    made, launched = run_probe("render", "examples/bau-cu-2021.yaml", "-o", str(tmp_path), "--format", "pdf")
    assert made == {"workers": 1, "loaded": []}  # one file: one worker, made before pydantic, the writer, pypdf
    assert launched == {"launched": []}  # and its LibreOffice spawned then, in the command's own thread


def test_a_folder_gets_a_worker_per_core_or_as_asked(tmp_path):
    assert run_probe("render", "examples", "-o", str(tmp_path), "--format", "docx,pdf")[0]["workers"] is None
    assert run_probe("render", "examples", "-o", str(tmp_path), "--format", "pdf", "--workers", "3")[0]["workers"] == 3


def test_a_command_imports_only_what_it_needs():
    code = ("import sys; from congvan.cli import build_parser; build_parser(['render', '--help']); "
            f"print([m for m in {HEAVY!r} if m in sys.modules])")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
    # The package itself loads its parts when first used.
    code = f"import sys, congvan; congvan.so_thanh_chu(5); print([m for m in {HEAVY!r} if m in sys.modules])"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert "pypdf" not in done.stdout and "rich" not in done.stdout and "docxtpl" not in done.stdout


def test_rendering_does_not_load_the_checker(tmp_path):
    # A batch worker imports what a render needs, in every process: `check` (and the
    # pdfplumber of its laid-out rules) only for a user's own template.
    code = ("import sys, congvan; "
            f"congvan.write_docx(congvan.load('examples/bau-cu-2021.yaml'), {str(tmp_path / 'a.docx')!r}); "
            "print([m for m in ('congvan.check', 'pdfplumber', 'pdfminer') if m in sys.modules])")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
    # A template of one's own is held against the decree, which needs the checker.
    template = tmp_path / "mau.docx"
    subprocess.run([sys.executable, "-m", "congvan.cli", "template", "export", str(template)], cwd=ROOT,
                   capture_output=True, check=True)
    code = ("import sys, congvan; from congvan.docx.writer import DocxWriter; "
            f"DocxWriter(template={str(template)!r}); print('congvan.check' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "True"


def test_the_engines_first_document_is_the_default_template():
    # Named by the PDF engine without importing the template module (python-docx).
    from congvan.docx.template import DEFAULT_TEMPLATE
    from congvan.pdf.engine import WARM_DOCUMENT

    assert WARM_DOCUMENT == DEFAULT_TEMPLATE and WARM_DOCUMENT.is_file()
