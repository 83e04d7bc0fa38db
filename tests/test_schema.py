"""`congvan schema`: every example and test input validates against it; the broken
inputs of the suite are rejected by it as by the loader."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import jsonschema
import pytest

from congvan import model
from congvan.cli import main
from congvan.content import is_template
from congvan.errors import CongVanError
from congvan.reader import load_mapping, to_dispatch
from congvan.schema import SCHEMA_FILE, dumps, input_schema
from tests.conftest import ROOT
from tests.test_input_errors import CASES

SCHEMA = input_schema()
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)
EXAMPLES = sorted((ROOT / "examples").rglob("*.yaml"))


def errors(data) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message[:120]}" for e in VALIDATOR.iter_errors(data)]


def test_the_schema_is_draft_2020_12_and_describes_in_vietnamese():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    props = SCHEMA["properties"]
    assert "tên cơ quan" in props["co_quan_ban_hanh"]["description"].lower()
    assert "2020-01-05" in props["ngay"]["examples"]
    assert "bien" in props and props["bien"]["type"] == "object"


def test_every_model_field_appears_by_itself():
    # Generated from the model: a field added to CongVan is in the schema without edits.
    assert set(SCHEMA["properties"]) == set(model.CongVan.model_fields) | {"bien"}
    for name, cls in (("NguoiKy", model.NguoiKy), ("LienHe", model.LienHe), ("NguoiSoan", model.NguoiSoan)):
        branches = [SCHEMA["$defs"][name], *SCHEMA["$defs"][name].get("anyOf", [])]
        props = next(b["properties"] for b in branches if "properties" in b)
        assert set(props) == set(cls.model_fields), name


def test_the_committed_schema_is_what_the_command_prints(capsys):
    committed = (ROOT / SCHEMA_FILE).read_text(encoding="utf-8")
    assert committed == dumps(), f"chạy lại: congvan schema -o {SCHEMA_FILE}"
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == SCHEMA


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_example_names_the_schema_and_validates(path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
    assert match, first
    assert (path.parent / match[1]).resolve() == ROOT / SCHEMA_FILE
    data, _ = load_mapping(path)
    assert errors(data) == []


def _test_inputs() -> list[tuple[str, str]]:
    """Every dispatch written as a string literal in the test suite and the README."""
    found = []
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for i, block in enumerate(re.findall(r"```yaml\n(.*?)```", readme, re.S)):
        if "ky_hieu" in block and "nguoi_ky" in block:
            found.append((f"README.md[{i}]", block))
    for module in sorted((ROOT / "tests").glob("test_*.py")):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and "\n" in node.value \
                    and "ky_hieu" in node.value and "nguoi_ky" in node.value:
                found.append((f"{module.name}:{node.lineno}", node.value))
    return found


INPUTS = _test_inputs()


def test_the_inputs_are_many():
    assert len(INPUTS) >= 5


@pytest.mark.parametrize(("where", "text"), INPUTS, ids=[w for w, _ in INPUTS])
def test_what_the_loader_accepts_the_schema_accepts(tmp_path, where, text):
    source = tmp_path / "cv.yaml"
    source.write_text(text, encoding="utf-8")
    try:
        data, lines = load_mapping(source)
    except CongVanError:
        pytest.skip("not YAML on its own (a fragment with format codes)")
    if not is_template(data):
        try:
            to_dispatch(data, lines, source)
        except CongVanError:
            return  # the loader refuses it: no claim on the schema here
    assert errors(data) == [], where


@pytest.mark.parametrize(("name", "content", "fragments", "line"), CASES, ids=[c[0] for c in CASES])
def test_the_broken_inputs_are_rejected_by_the_schema(tmp_path, name, content, fragments, line):
    source = tmp_path / name
    if isinstance(content, bytes):
        source.write_bytes(content)
    else:
        source.write_text(content, encoding="utf-8")
    try:
        data, _ = load_mapping(source)
    except CongVanError:
        return  # refused before there is any data (syntax, encoding, duplicate key)
    assert errors(data), f"{name}: the loader refuses it, the schema must too"


DROP = object()  # a key left out
TYPED = [
    ({"ngay": "05/03/2021"}, True), ({"ngay": {"thang": 3, "nam": 2021}}, True), ({"ngay": "2021-3-5"}, True),
    ({"ngay": "31/04/2021"}, False), ({"ngay": "hôm qua"}, False), ({"ngay": {"thang": 13, "nam": 2021}}, False),
    ({"so": 5}, True), ({"so": "05"}, True), ({"so": None}, True), ({"so": 0}, False), ({"so": "năm"}, False),
    ({"co_quan_ban_hanh": "SỞ NỘI VỤ"}, True), ({"co_quan_ban_hanh": ""}, False), ({"kinh_gui": ["A", "B"]}, True),
    ({"nguoi_ky": {"quyen_han": ["TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG"], "ho_ten": "A"}}, True),
    ({"nguoi_ky": {"quyen_han": "kt. giám đốc", "chuc_vu": "PHÓ GIÁM ĐỐC", "ho_ten": "A"}}, True),
    ({"nguoi_ky": {"quyen_han": "XY. GIÁM ĐỐC", "ho_ten": "A"}}, False),
    ({"nguoi_ky": {"chuc_vu": "GIÁM ĐỐC", "ho_ten": "ThS. Nguyễn Văn A"}}, False),
    ({"noi_dung": ["Mở đầu.", {"khoan": "Khoản", "noi_dung": [{"diem": "Điểm"}, {"gach": "Gạch"}]}]}, True),
    ({"noi_dung": [{"khoan": "A", "diem": "B"}]}, False), ({"noi_dung": [{"tieu_muc": "A"}]}, False),
    ({"layout": "mau-co-quan.docx"}, True), ({"layout": "mau.pdf"}, False),
    ({"muc_do_khan": "HỎA TỐC"}, True), ({"muc_do_khan": "GẤP"}, False),
    ({"so": "{{ so }}", "ngay": "{{ ngay }}", "bien": {"so": 5}}, True),
    ({"loai": "quyet_dinh", "tham_quyen": "GIÁM ĐỐC SỞ", "dieu": ["Điều một."], "kinh_gui": DROP, "noi_dung": DROP}, True),
    ({"loai": "quyet_dinh", "dieu": ["Điều một."], "kinh_gui": DROP, "noi_dung": DROP}, False),
    ({"loai": "quyet_dinh", "tham_quyen": "GIÁM ĐỐC SỞ", "dieu": ["Điều một."], "noi_dung": DROP}, False),
    ({"loai": "quyet_dinz"}, False),
]
BASE = {"co_quan_ban_hanh": "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "ky_hieu": "STTTT-VP", "trich_yeu": "họp",
        "dia_danh": "Đồng Tháp", "ngay": "2021-03-05", "kinh_gui": "Các phòng", "noi_dung": "Nội dung.",
        "nguoi_ky": {"chuc_vu": "GIÁM ĐỐC", "ho_ten": "Nguyễn Văn A"}}


@pytest.mark.parametrize(("change", "valid"), TYPED, ids=[str(i) for i in range(len(TYPED))])
def test_what_a_van_thu_types_and_the_loader_agree(tmp_path, change, valid):
    data = {k: v for k, v in {**BASE, **change}.items() if v is not DROP}
    assert (errors(data) == []) is valid, errors(data)
    if "bien" in data:
        return
    source = tmp_path / "cv.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    loaded, lines = load_mapping(source)
    try:
        to_dispatch(loaded, lines, Path(source))
        accepted = True
    except CongVanError:
        accepted = False
    if "layout" not in change:  # the loader also wants the layout file to exist
        assert accepted is valid
