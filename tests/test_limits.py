"""Bombs under a memory and time cap: each stops with a Vietnamese error naming the
file, the field and the limit, inside 1 GB of address space and 20 s of CPU."""

from __future__ import annotations

import json
import resource
import struct
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest

from tests.conftest import ROOT

GOOD = (ROOT / "examples" / "bau-cu-2021.yaml").read_text(encoding="utf-8")
GIGABYTE = 1 << 30


def capped() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (GIGABYTE, GIGABYTE))
    resource.setrlimit(resource.RLIMIT_CPU, (20, 20))


def congvan(*args: str | Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "congvan.cli", *map(str, args)], capture_output=True, text=True,
                          preexec_fn=capped, timeout=60)


def png_header(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")


def with_signer_image(folder: Path, image: str) -> Path:
    source = folder / "cv.yaml"
    source.write_text(GOOD.replace("  ho_ten: Nguyễn Lâm Thanh Thủy", f"  ho_ten: Nguyễn Lâm Thanh Thủy\n  chu_ky: {image}"),
                      encoding="utf-8")
    return source


def bomb_alias(folder: Path) -> Path:
    levels = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(9))
    source = folder / "bom-alias.yaml"
    source.write_text(GOOD + levels, encoding="utf-8")
    return source


def bomb_template_size(folder: Path) -> Path:
    source = folder / "bom-mau.yaml"
    source.write_text(GOOD.replace("dia_danh: Đồng Tháp", "dia_danh: \"{{ 'a' * 10**9 }}\""), encoding="utf-8")
    return source


def bomb_template_time(folder: Path) -> Path:
    source = folder / "bom-vong-lap.yaml"
    loop = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
    source.write_text(GOOD.replace("dia_danh: Đồng Tháp", f'dia_danh: "Đồng Tháp{loop}"'), encoding="utf-8")
    return source


def bomb_pixels(folder: Path) -> Path:
    (folder / "lon.png").write_bytes(png_header(30000, 30000))
    return with_signer_image(folder, "lon.png")


def bomb_bytes(folder: Path) -> Path:
    with open(folder / "nang.png", "wb") as handle:
        handle.write(png_header(10, 10))
        handle.truncate(300_000_000)  # sparse: 300 MB on paper
    return with_signer_image(folder, "nang.png")


def bomb_json(folder: Path) -> Path:
    source = folder / "bom.json"
    source.write_text('{"so": ' + "[" * 200_000 + "]" * 200_000 + "}", encoding="utf-8")
    return source


def bomb_input_size(folder: Path) -> Path:
    source = folder / "lon.yaml"
    source.write_text(GOOD + "# " + "x" * 5_000_000 + "\n", encoding="utf-8")
    return source


BOMBS = [
    (bomb_alias, ["quá nhiều giá trị", "nodes"]),
    (bomb_template_size, ["trường 'dia_danh'", "render_chars"]),
    (bomb_template_time, ["trường 'dia_danh'", "render_seconds"]),
    (bomb_pixels, ["trường 'nguoi_ky.chu_ky'", "30000 × 30000", "image_pixels"]),
    (bomb_bytes, ["trường 'nguoi_ky.chu_ky'", "300 MB", "image_bytes"]),
    (bomb_json, ["lồng nhau quá sâu", "depth"]),
    (bomb_input_size, ["tệp quá lớn", "input_bytes"]),
]


@pytest.mark.parametrize(("make", "fragments"), BOMBS, ids=[b[0].__name__ for b in BOMBS])
def test_bomb_is_stopped_within_the_caps(tmp_path, make, fragments):
    source = make(tmp_path)
    out = tmp_path / "out"
    done = congvan("render", source, "-o", out)
    assert done.returncode == 1, done.stderr
    assert done.stderr.startswith(f"Lỗi: {source}"), done.stderr
    assert "Traceback" not in done.stderr and "MemoryError" not in done.stderr
    for fragment in fragments:
        assert fragment in done.stderr, done.stderr
    assert not out.exists()


def test_check_of_a_docx_unpacking_to_300_mb(tmp_path):
    bomb = tmp_path / "bom.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        with archive.open("word/document.xml", "w") as part:
            part.write(b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>')
            block = b"<w:p/>" * 100_000
            for _ in range(500):  # 300 MB of paragraphs
                part.write(block)
            part.write(b"</w:body></w:document>")
    assert bomb.stat().st_size < 5_000_000
    done = congvan("check", "--json", bomb, ROOT / "tests" / "seeds" / "bau-cu-2021.txt")
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert f"Lỗi: {bomb}: giải nén ra 300 MB" in done.stderr and "docx_bytes" in done.stderr
    reports = json.loads(done.stdout)
    assert reports[0]["file"] == str(bomb) and "docx_bytes" in reports[0]["unreadable"]
