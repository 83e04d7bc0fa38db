"""What congvan keeps between documents changes no document: the blocks a writer
builds once, the cleaned texts, LibreOffice's launcher."""

from __future__ import annotations

import io
import itertools
import os
import random
import stat
import zipfile

import pytest
import yaml

import congvan
from congvan.docx.writer import DocxWriter
from congvan.errors import TextError
from congvan.pdf.process import launcher
from congvan.vietnamese import clean_text
from tests.conftest import EXAMPLES
from tests.typeset_corpus import AGENCIES, NOI_NHAN, RECIPIENTS, SIGNERS


def _variants() -> list:
    base = yaml.safe_load(EXAMPLES[0].read_text(encoding="utf-8"))
    rng = random.Random(18)
    out = []
    for i in range(24):
        chu_quan, ban_hanh, dia_danh = AGENCIES[rng.randrange(len(AGENCIES))]
        quyen_han, chuc_vu = SIGNERS[rng.randrange(len(SIGNERS))]
        data = {**base, "so": i + 1, "co_quan_ban_hanh": ban_hanh, "dia_danh": dia_danh,
                "kinh_gui": rng.sample(RECIPIENTS, rng.randint(1, 3)),
                "noi_nhan": rng.sample(NOI_NHAN, rng.randint(1, 3)),
                "nguoi_ky": {"quyen_han": quyen_han, "chuc_vu": chuc_vu, "ho_ten": f"Nguyễn Văn {i}"}}
        data["co_quan_chu_quan"] = chu_quan or None
        # The footer: the same for runs of documents, then another (compressed once per run).
        data["lien_he"] = {"dia_chi": f"Số {i // 3} đường Lê Lợi", "dien_thoai": "0277.3873996"} if i % 6 < 3 else None
        out.append(congvan.from_dict({k: v for k, v in data.items() if v is not None}))
    return out


def test_a_writer_that_made_other_documents_gives_a_fresh_writers_bytes():
    variants = _variants()
    shared = DocxWriter()
    # Every dispatch after every other, so each block is met warm and cold.
    order = list(itertools.chain.from_iterable(zip(variants, reversed(variants))))
    seen = {id(cv): shared.to_bytes(cv) for cv in order}
    for cv in variants:
        assert seen[id(cv)] == DocxWriter().to_bytes(cv), cv.so
    assert len({seen[id(cv)] for cv in variants}) == len(variants)


def test_each_file_is_the_zip_of_its_own_parts():
    """The parts compressed for an earlier document (a footer, the properties, the
    template's own) are reused only for the same bytes: each file is what zipfile
    writes from the parts read back from it."""
    variants = _variants()
    shared = DocxWriter()
    for cv in itertools.chain.from_iterable(zip(variants, reversed(variants))):
        data = shared.to_bytes(cv)
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = [(info.filename, archive.read(info)) for info in archive.infolist()]
        assert data == _zipped(parts), cv.so
    footers = {_part(shared.to_bytes(cv), "word/footer1.xml") for cv in variants}
    assert len(footers) > 2  # the footers differ between runs


def _zipped(parts: list[tuple[str, bytes]]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type, info.external_attr, info.create_system = zipfile.ZIP_DEFLATED, 0o644 << 16, 0
            archive.writestr(info, data, compresslevel=6)
    return out.getvalue()


def _part(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name)


def test_a_cleaned_text_names_each_field_that_holds_it():
    for field in ("trich_yeu", "kinh_gui"):
        with pytest.raises(TextError) as caught:
            clean_text("Sở\x01", field)
        assert caught.value.field == field
    assert clean_text("Ho\u0300a") == clean_text("Ho\u0300a") == "H\u00f2a"


def test_launcher_skips_only_the_shell_wrapper(tmp_path):
    program = tmp_path / "program"
    program.mkdir()
    wrapper, splash = program / "soffice", program / "oosplash"
    wrapper.write_text("#!/bin/sh\nexec oosplash \"$@\"\n")
    os.symlink(wrapper, tmp_path / "soffice")
    assert launcher(str(tmp_path / "soffice")) == str(tmp_path / "soffice")  # no launcher beside it
    splash.write_bytes(b"\x7fELF")
    splash.chmod(splash.stat().st_mode | stat.S_IXUSR)
    assert launcher(str(tmp_path / "soffice")) == str(splash)
    wrapper.write_bytes(b"\x7fELF")  # a real program (macOS, a build of one's own): itself
    assert launcher(str(tmp_path / "soffice")) == str(tmp_path / "soffice")
    assert launcher(str(tmp_path / "missing")) == str(tmp_path / "missing")
