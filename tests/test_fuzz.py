"""Fuzzing the reader and the command line (hypothesis, bounded in time): every input
either gives a dispatch or a Vietnamese InputError; never another exception, never a
hang (a deadline per example), and `render` never leaves a partial or temporary file."""

from __future__ import annotations

import io
import json
import os
import tempfile
import zipfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import congvan
from congvan.cli import main
from congvan.errors import CongVanError
from tests.conftest import ROOT

GOOD = (ROOT / "examples" / "bau-cu-2021.yaml").read_text(encoding="utf-8")
FIELDS = ["co_quan_ban_hanh", "so", "ky_hieu", "trich_yeu", "dia_danh", "ngay", "kinh_gui", "noi_dung",
          "noi_nhan", "luu", "nguoi_ky", "muc_do_khan", "layout", "bien", "loai", "nguoi_soan", "lien_he"]
# Pieces of YAML that have broken readers before: tags, anchors, flow, odd scalars.
TOKENS = ["!!binary AAcI", "!!timestamp 2021-02-30", "!!int abc", "!!python/name:os.system", "&a [*a]", "*a",
          "{{ x }}", "\"{{ 'a' * 9 }}\"", "[", "]", "{", "}", ": ", "- ", "\n", "\t", "yes", "~", "1e999",
          "9" * 60, "\u200b", "\u202e", "\x07", "'", '"', "#", "|", ">-", "<<: *a", "? ", "%YAML 1.1\n---\n"]

SETTINGS = settings(max_examples=120, deadline=5000, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**30, 10**30), st.floats(allow_nan=True),
                    st.text(max_size=30), st.sampled_from(["2021-03-05", "05/03/2021", "KT. GIÁM ĐỐC", ".", ""]))
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                      | st.dictionaries(st.sampled_from(FIELDS + ["khoan", "diem", "ho_ten", "chuc_vu"]), inner, max_size=5),
                      max_leaves=25)
documents = st.dictionaries(st.sampled_from(FIELDS), values, max_size=10)


def edits() -> st.SearchStrategy[str]:
    """The example dispatch with a few pieces cut out or dropped in."""
    position = st.integers(0, len(GOOD))
    cut = st.tuples(st.just("cut"), position, st.integers(1, 40))
    put = st.tuples(st.just("put"), position, st.sampled_from(TOKENS) | st.text(max_size=8))
    return st.lists(cut | put, min_size=1, max_size=4).map(_apply)


def _apply(changes) -> str:
    text = GOOD
    for kind, at, what in changes:
        at = min(at, len(text))
        text = text[:at] + text[at + what:] if kind == "cut" else text[:at] + what + text[at:]
    return text


def _read(text: str, fmt: str) -> None:
    try:
        congvan.loads(text, fmt, folder=tempfile.gettempdir())
    except CongVanError:
        pass


@SETTINGS
@given(edits())
def test_edited_yaml_reads_or_says_why(text):
    _read(text, "yaml")


@SETTINGS
@given(documents)
def test_any_structure_in_any_format_reads_or_says_why(data):
    _read(yaml.safe_dump(data, allow_unicode=True), "yaml")
    _read(json.dumps(data, ensure_ascii=False, default=str), "json")


@SETTINGS
@given(st.text(max_size=200) | st.binary(max_size=200).map(lambda b: b.decode("latin-1")))
def test_any_text_reads_or_says_why(text):
    for fmt in ("yaml", "json", "toml"):
        _read(text, fmt)


@settings(max_examples=25, deadline=10000, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(edits())
def test_render_writes_a_whole_docx_or_nothing(text):
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "cv.yaml"
        source.write_text(text, encoding="utf-8", errors="surrogatepass")
        out = Path(tmp) / "out"
        code = main(["render", str(source), "-o", str(out)])  # an unexpected exception fails the test
        assert code in (0, 1)
        made = sorted(os.listdir(out)) if out.exists() else []
        if code == 0:
            assert made == ["cv.docx"]
            with zipfile.ZipFile(io.BytesIO((out / "cv.docx").read_bytes())) as archive:
                assert archive.testzip() is None and "word/document.xml" in archive.namelist()
        else:
            assert made == []  # not even a temporary file
