"""The README's examples work as written."""

from __future__ import annotations

import re

import congvan
from congvan.body import flatten, plain
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, re.S)


def test_annotated_example_renders(tmp_path):
    source = tmp_path / "vi-du.yaml"
    source.write_text(blocks("yaml")[0], encoding="utf-8")
    cv = congvan.load(source)
    assert cv.so_ky_hieu == "05/STTTT-BCVT"
    assert [plain(p.text) for p in flatten(cv.noi_dung)][-1] == "- Gạch đầu dòng./."
    assert cv.lien_he.dien_thoai == "0277.3873996"
    assert congvan.render_docx(cv)


def test_python_api_snippet_runs(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    code = blocks("python")[0].replace('"out/', f'"{tmp_path}/')
    exec(compile(code, "README.md", "exec"), {})
    assert (tmp_path / "bau-cu-2021.docx").exists()


def test_readme_names_the_two_commands():
    assert "    $ bash dev.sh examples\n" in README
    assert "    $ bash dev.sh test\n" in README


def test_number_and_date_examples_say_what_the_code_does():
    snippet = next(b for b in blocks("python") if "so_thanh_chu" in b)
    checked = 0
    for line in snippet.splitlines():
        code, _, comment = line.partition("#")
        if code.strip().startswith("congvan.") and comment.strip().startswith("'"):
            assert eval(code, {"congvan": congvan}) == comment.strip().strip("'"), line
            checked += 1
    assert checked == 10
