"""The ready content templates of templates/ and `congvan new`: every template names
and explains its variables, renders with its defaults and passes check; every kind's
starting file renders and passes check."""

from __future__ import annotations

import re

import pytest
import yaml

import congvan
from congvan import kinds
from congvan.cli import main
from tests.conftest import ROOT

TEMPLATES = sorted((ROOT / "templates").glob("*.yaml"))
_VARIABLE = re.compile(r"\{\{\s*(\w+)")


def test_at_least_twelve_templates_of_several_kinds():
    assert len(TEMPLATES) >= 12
    loai = {(yaml.safe_load(p.read_text(encoding="utf-8")).get("loai") or "cong_van") for p in TEMPLATES}
    assert {"cong_van", "quyet_dinh", "giay_moi", "to_trinh", "ke_hoach", "bao_cao", "giay_gioi_thieu", "giay_nghi_phep"} <= loai


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.stem)
def test_template_variables_are_named_and_explained(template):
    text = template.read_text(encoding="utf-8")
    body, _, defaults = text.partition("\nbien:\n")
    used = set(_VARIABLE.findall(body))
    declared = {}
    for line in defaults.splitlines():
        match = re.match(r"^  (\w+):.*?#\s*(\S.*)$", line)
        assert match, f"{template.name}: biến không có chú thích: {line!r}"
        declared[match[1]] = match[2]
    assert used and used == set(declared), f"{template.name}: {sorted(used ^ set(declared))}"


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.stem)
def test_template_renders_and_passes_check(template):
    cv = congvan.load(template)
    report = congvan.check_docx(congvan.render_docx(cv))
    assert [f.message for f in report.findings if f.severity == "error"] == []
    assert "{{" not in cv.model_dump_json()


def test_templates_render_in_a_batch(tmp_path, capsys):
    assert main(["batch", str(ROOT / "templates"), "-o", str(tmp_path), "-j", "1"]) == 0
    assert len(list(tmp_path.glob("*.docx"))) == len(TEMPLATES)


def test_readme_lists_every_template():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"`templates/([\w-]+\.yaml)`", readme))
    assert listed == {p.name for p in TEMPLATES}


@pytest.mark.parametrize("loai", sorted(kinds.KINDS))
def test_new_writes_a_starting_file_that_renders_and_passes_check(loai, tmp_path, capsys):
    target = tmp_path / f"{loai}.yaml"
    assert main(["new", loai, "-o", str(target)]) == 0
    text = target.read_text(encoding="utf-8")
    assert text.count("#") > 8  # commented
    cv = congvan.load(target)
    assert cv.loai == loai
    report = congvan.check_docx(congvan.render_docx(cv))
    assert [f.message for f in report.findings if f.severity == "error"] == []


def test_new_refuses_unknown_kinds_and_existing_files(tmp_path, capsys):
    assert main(["new", "quyet_dinhh"]) == 2
    assert "Lỗi: không có loại văn bản 'quyet_dinhh'; có phải 'quyet_dinh'?" in capsys.readouterr().err
    target = tmp_path / "cv.yaml"
    target.write_text("giữ nguyên", encoding="utf-8")
    assert main(["new", "cong_van", "-o", str(target)]) == 1
    assert target.read_text(encoding="utf-8") == "giữ nguyên"
    assert main(["new", "to-trinh"]) == 0 and "loai: to_trinh" in capsys.readouterr().out
