"""Files named by data stay inside the data file's folder and the folders the user
names: no `../`, no absolute path, no symlink out; an error says neither whether such
a file exists nor what it holds. The Python API takes images and templates as bytes."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from PIL import Image

import congvan
from congvan.cli import main
from congvan.errors import InputError
from tests.conftest import ROOT

GOOD = (ROOT / "examples" / "bau-cu-2021.yaml").read_text(encoding="utf-8")
SECRET = "BÍ MẬT CỦA ĐƠN VỊ KHÁC"


def png_bytes(size=(60, 30)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGBA", size, (200, 0, 0, 128)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def tenants(tmp_path):
    """Two agencies' folders side by side; B's holds a seal, a layout and a template."""
    a, b = tmp_path / "tenantA", tmp_path / "tenantB"
    a.mkdir()
    b.mkdir()
    (b / "con-dau.png").write_bytes(png_bytes())
    (b / "bo-cuc.yaml").write_text(f"co_chu: {{noi_dung: '{SECRET}'}}\n", encoding="utf-8")
    congvan.write_docx(congvan.load(ROOT / "examples" / "bau-cu-2021.yaml"), b / "bi-mat.docx")
    (a / "link.png").symlink_to(b / "con-dau.png")
    (a / "link-dir").symlink_to(b)
    return a, b


def signer(line: str) -> str:
    return GOOD.replace("  ho_ten: Nguyễn Lâm Thanh Thủy", f"  ho_ten: Nguyễn Lâm Thanh Thủy\n  {line}")


CASES = [
    ("layout-docx", lambda b: GOOD + "layout: ../tenantB/bi-mat.docx\n", "layout"),
    ("layout-yaml", lambda b: GOOD + "layout: ../tenantB/bo-cuc.yaml\n", "layout"),
    ("layout-absolute", lambda b: GOOD + f"layout: {b / 'bo-cuc.yaml'}\n", "layout"),
    ("layout-missing", lambda b: GOOD + "layout: ../tenantB/khong-co.docx\n", "layout"),
    ("seal-relative", lambda b: signer("con_dau: ../tenantB/con-dau.png"), "nguoi_ky.con_dau"),
    ("seal-absolute", lambda b: signer(f"con_dau: {b / 'con-dau.png'}"), "nguoi_ky.con_dau"),
    ("seal-symlink", lambda b: signer("con_dau: link.png"), "nguoi_ky.con_dau"),
    ("seal-symlinked-folder", lambda b: signer("chu_ky: link-dir/con-dau.png"), "nguoi_ky.chu_ky"),
    ("seal-missing", lambda b: signer("chu_ky: ../tenantB/khong-co.png"), "nguoi_ky.chu_ky"),
]


@pytest.mark.parametrize(("name", "content", "field"), CASES, ids=[c[0] for c in CASES])
def test_data_cannot_name_a_file_outside(tenants, capsys, name, content, field):
    a, b = tenants
    source = a / "cv.yaml"
    source.write_text(content(b), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        congvan.load(source)
    problem = next(p for p in caught.value.problems if p.field == field)
    assert "nằm ngoài thư mục của tệp dữ liệu" in problem.message
    assert problem.line is not None
    out = a / "out"
    assert main(["render", str(source), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert SECRET not in err and "không tìm thấy" not in err and "Traceback" not in err
    assert not out.exists()  # nothing written: not even the folder


def test_the_same_words_whether_the_file_outside_exists_or_not(tenants):
    a, _ = tenants
    messages = []
    for target in ("../tenantB/con-dau.png", "../tenantB/khong-co.png"):
        (a / "cv.yaml").write_text(signer(f"con_dau: {target}"), encoding="utf-8")
        with pytest.raises(InputError) as caught:
            congvan.load(a / "cv.yaml")
        messages.append(str(caught.value).replace(target, "…"))
    assert messages[0] == messages[1]


def test_a_folder_the_user_names_is_allowed(tenants, capsys):
    a, b = tenants
    source = a / "cv.yaml"
    source.write_text(signer("con_dau: ../tenantB/con-dau.png"), encoding="utf-8")
    cv = congvan.load(source, resource_folders=[b])
    assert Path(cv.nguoi_ky.con_dau).resolve() == (b / "con-dau.png").resolve()
    out = a / "out"
    assert main(["render", str(source), "-o", str(out), "--tai-nguyen", str(b)]) == 0
    assert main(["batch", str(source), "-o", str(a / "lo"), "--tai-nguyen", str(b), "-j", "1"]) == 0
    assert main(["batch", str(source), "-o", str(a / "lo2"), "-j", "1"]) == 1
    assert "nằm ngoài thư mục" in capsys.readouterr().err


def test_files_inside_still_work(tenants):
    a, b = tenants
    (a / "anh").mkdir()
    (a / "anh" / "dau.png").write_bytes(png_bytes())
    (a / "cv.yaml").write_text(signer("con_dau: anh/dau.png"), encoding="utf-8")
    data = congvan.render_docx(congvan.load(a / "cv.yaml"))
    assert "word/media/con_dau.png" in zipfile.ZipFile(io.BytesIO(data)).namelist()


def test_python_api_takes_images_and_templates_as_bytes(tmp_path):
    seal = png_bytes((80, 80))
    template = congvan.render_docx(congvan.load(ROOT / "examples" / "bau-cu-2021.yaml"))  # any .docx is not a template
    default = (ROOT / "congvan" / "templates" / "mac-dinh.docx").read_bytes()
    cv = congvan.CongVan(
        co_quan_ban_hanh="SỞ A", ky_hieu="SA-VP", trich_yeu="thử", dia_danh="Hà Nội", ngay="2021-03-05",
        kinh_gui="Các phòng", noi_dung="Nội dung.",
        nguoi_ky={"chuc_vu": "GIÁM ĐỐC", "ho_ten": "Nguyễn Văn A", "chu_ky": png_bytes(), "con_dau": seal},
    )
    data = congvan.render_docx(cv, template=default)
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert archive.read("word/media/con_dau.png") == seal
    assert data == congvan.render_docx(cv, template=ROOT / "congvan" / "templates" / "mac-dinh.docx")
    with pytest.raises(InputError) as caught:
        congvan.CongVan(**{**cv.model_dump(exclude={"nguoi_ky"}), "nguoi_ky": {"chuc_vu": "GĐ", "ho_ten": "A", "con_dau": b"GIF89a"}})
    assert "nguoi_ky.con_dau" in str(caught.value)
    del template
