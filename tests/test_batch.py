"""`congvan batch` and `render_many`: parallel, incremental, mail merge, safe names."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from docx import Document

import congvan
from congvan.batch import safe_name
from congvan.cli import main
from tests.conftest import ALL_EXAMPLES, ROOT

BAU_CU = (ROOT / "examples" / "bau-cu-2021.yaml").read_text(encoding="utf-8")
COVID = (ROOT / "examples" / "covid-19-sau-15-9-2021.yaml").read_text(encoding="utf-8")


NGAY_LINE = next(i for i, line in enumerate(BAU_CU.splitlines(), 1) if line.startswith("ngay:"))


def issued(text: str, so: int, day: int, recipient: str) -> str:
    """An example turned into an issued dispatch with its own số, date and first recipient."""
    text = re.sub(r"(?m)^so:.*$", f"so: {so}", text) if re.search(r"(?m)^so:", text) else f"so: {so}\n" + text
    text = re.sub(r"(?m)^ngay: .*$", f"ngay: 2021-10-{day:02d}", text)
    return re.sub(r"(?m)^kinh_gui:\n  - .*$", f"kinh_gui:\n  - {recipient}", text)


def make_folder(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(1, count + 1):
        path = folder / f"cv-{i:03d}.yaml"
        path.write_text(issued(BAU_CU if i % 2 else COVID, i, i % 28 + 1, f"Đơn vị nhận số {i}"), encoding="utf-8")
        paths.append(path)
    return paths


def batch(*args: str) -> int:
    return main(["batch", *map(str, args)])


def summary_line(out: str) -> str:
    return out.strip().splitlines()[-1]


def hashes(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.glob("*.docx"))}


def kinh_gui(path: Path) -> list[str]:
    texts = [p.text for p in Document(str(path)).paragraphs]
    start = next(i for i, t in enumerate(texts) if t.startswith("Kính gửi"))
    return texts[start:start + 1]


def test_folder_of_200_is_incremental_and_byte_identical(tmp_path, capsys):
    inputs = make_folder(tmp_path / "cv", 200)
    out = tmp_path / "out"
    assert batch(tmp_path / "cv", "-o", out, "--jobs", "2") == 0
    assert summary_line(capsys.readouterr().out) == f"Xong: 200 tạo mới, 0 bỏ qua (không đổi), 0 lỗi → {out}"
    first = hashes(out)
    assert len(first) == 200
    assert "01-STTTT-BCVT-2021-10-02.docx" in first and "200-STTTT-VP-2021-10-05.docx" in first
    # Built alone, the same bytes as in the batch.
    alone = congvan.render_docx(congvan.load(inputs[0]))
    assert hashlib.sha256(alone).hexdigest() == first["01-STTTT-BCVT-2021-10-02.docx"]

    assert batch(tmp_path / "cv", "-o", out, "--jobs", "1") == 0
    assert summary_line(capsys.readouterr().out) == f"Xong: 0 tạo mới, 200 bỏ qua (không đổi), 0 lỗi → {out}"

    inputs[41].write_text(inputs[41].read_text(encoding="utf-8").replace("Đơn vị nhận số 42", "Đơn vị mới"), encoding="utf-8")
    assert batch(tmp_path / "cv", "-o", out, "--jobs", "1") == 0
    assert summary_line(capsys.readouterr().out) == f"Xong: 1 tạo mới, 199 bỏ qua (không đổi), 0 lỗi → {out}"
    changed = hashes(out)
    assert [name for name in first if first[name] != changed[name]] == ["42-STTTT-VP-2021-10-15.docx"]
    assert kinh_gui(out / "42-STTTT-VP-2021-10-15.docx")[0].startswith("Kính gửi:")

    assert batch(tmp_path / "cv", "-o", out, "--force", "--jobs", "2") == 0
    assert summary_line(capsys.readouterr().out) == f"Xong: 200 tạo mới, 0 bỏ qua (không đổi), 0 lỗi → {out}"
    assert hashes(out) == changed  # rebuilt, byte for byte the same
    assert not (out / ".congvan-tmp").exists()


def test_touch_without_change_rebuilds_nothing_but_a_layout_change_rebuilds_all(tmp_path, capsys):
    inputs = make_folder(tmp_path / "cv", 3)
    out = tmp_path / "out"
    assert batch(tmp_path / "cv", "-o", out, "-j", "1") == 0
    inputs[0].touch()
    assert batch(tmp_path / "cv", "-o", out, "-j", "1") == 0
    layout = tmp_path / "bo-cuc.yaml"
    layout.write_text("khoang_ky_dong: 5\n", encoding="utf-8")
    assert batch(tmp_path / "cv", "-o", out, "-j", "1", "--layout", layout) == 0
    lines = [summary_line(chunk) for chunk in capsys.readouterr().out.split("Xong")[1:]]
    assert [line.split(" → ")[0] for line in lines] == [
        ": 3 tạo mới, 0 bỏ qua (không đổi), 0 lỗi",
        ": 0 tạo mới, 3 bỏ qua (không đổi), 0 lỗi",
        ": 3 tạo mới, 0 bỏ qua (không đổi), 0 lỗi",
    ]
    manifest = json.loads((out / ".congvan-manifest.json").read_text(encoding="utf-8"))
    entry = manifest["outputs"][inputs[0].resolve().as_posix()]
    assert set(entry["made_from"]) == {"input", "data", "template", "layout", "congvan", "name", "formats", "convert_legacy", "pdfa", "strict"}
    assert entry["made_from"]["input"] == hashlib.sha256(inputs[0].read_bytes()).hexdigest()
    assert entry["outputs"] == ["01-STTTT-BCVT-2021-10-02.docx"]
    umask = os.umask(0o022)
    os.umask(umask)
    for path in [out / "01-STTTT-BCVT-2021-10-02.docx", out / ".congvan-manifest.json"]:
        assert path.stat().st_mode & 0o777 == 0o666 & ~umask  # as any program would make them


MAIL_MERGE = """\
co_quan_chu_quan: UBND TỈNH ĐỒNG THÁP
co_quan_ban_hanh: [SỞ THÔNG TIN, VÀ TRUYỀN THÔNG]
so: "{{ so }}"
ky_hieu: STTTT-VP
trich_yeu: mời dự hội nghị tổng kết năm {{ nam }}
dia_danh: Đồng Tháp
ngay: 2026-12-01
kinh_gui: "{{ don_vi }}"
noi_dung: |
  Sở Thông tin và Truyền thông trân trọng kính mời {{ nguoi_nhan }} ({{ don_vi }}) dự hội nghị.
  Kinh phí hỗ trợ: {{ kinh_phi | tien }}.
noi_nhan: [Như trên]
nguoi_ky: {chuc_vu: GIÁM ĐỐC, ho_ten: Đoàn Thanh Bình}
bien:
  nam: 2026
"""


def test_mail_merge_of_50_rows_gives_50_dispatches_each_to_its_recipient(tmp_path, capsys):
    template = tmp_path / "mau" / "moi-hoi-nghi.yaml"
    template.parent.mkdir()
    template.write_text(MAIL_MERGE, encoding="utf-8")
    rows = ["don_vi,nguoi_nhan,so,kinh_phi"] + [f'"Đơn vị {i}, huyện {i % 7}",Ông Nguyễn Văn {i},{100 + i},{i * 1000000}' for i in range(1, 51)]
    # Excel's "CSV UTF-8" starts with a BOM; the table sits beside the template, same name.
    template.with_suffix(".csv").write_bytes(("\n".join(rows) + "\n").encode("utf-8-sig"))
    out = tmp_path / "out"
    assert batch(tmp_path / "mau", "-o", out, "--name", "{dong}-{ky_hieu}", "--set", "nam=2027", "-j", "2") == 0
    assert summary_line(capsys.readouterr().out) == f"Xong: 50 tạo mới, 0 bỏ qua (không đổi), 0 lỗi → {out}"
    files = sorted(out.glob("*.docx"))
    assert len(files) == 50
    for i in range(1, 51):
        path = out / f"{i + 1}-STTTT-VP.docx"  # the CSV line: header is line 1
        document = Document(str(path))
        texts = [p.text for p in document.paragraphs]
        assert f"Kính gửi: Đơn vị {i}, huyện {i % 7}" in texts
        assert f"Sở Thông tin và Truyền thông trân trọng kính mời Ông Nguyễn Văn {i} (Đơn vị {i}, huyện {i % 7}) dự hội nghị." in texts
        header = document.tables[0]
        assert header.cell(1, 0).paragraphs[0].text == f"Số: {100 + i}/STTTT-VP"
        assert header.cell(1, 0).paragraphs[1].text == "V/v mời dự hội nghị tổng kết năm 2027"


def test_mail_merge_from_xlsx_with_data_option(tmp_path, capsys):
    import openpyxl

    template = tmp_path / "moi.yaml"
    template.write_text(MAIL_MERGE, encoding="utf-8")
    table = tmp_path / "danh-sach.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["don_vi", "nguoi_nhan", "so", "kinh_phi"])
    book.active.append(["Viettel Đồng Tháp", "Bà Lê Thị B", 7, 2500000])
    book.active.append(["VNPT Đồng Tháp", "Ông Trần C", None, 1000000])
    book.save(table)
    out = tmp_path / "out"
    assert batch(template, "-o", out, "--data", table, "-j", "1") == 0
    assert sorted(p.name for p in out.glob("*.docx")) == ["07-STTTT-VP-2026-12-01.docx", "du-thao-STTTT-VP-2026-12-01.docx"]
    texts = [p.text for p in Document(str(out / "du-thao-STTTT-VP-2026-12-01.docx")).paragraphs]
    assert "Kính gửi: VNPT Đồng Tháp" in texts
    assert "Kinh phí hỗ trợ: 1.000.000 đồng (Một triệu đồng)./." in texts


def test_three_broken_among_fifty_render_47_and_name_the_3(tmp_path, capsys):
    inputs = make_folder(tmp_path / "cv", 50)
    inputs[4].write_text(inputs[4].read_text(encoding="utf-8").replace("ngay: 2021-10-06", "ngay: 2021-02-30"), encoding="utf-8")
    text = inputs[19].read_text(encoding="utf-8")
    inputs[19].write_text(text + "kinh_goi: Sở Tài chính\n", encoding="utf-8")
    added = text.count("\n") + 1  # the line of the misspelt key
    inputs[33].write_text("co_quan_ban_hanh: [SỞ\nky_hieu: X\n", encoding="utf-8")
    out = tmp_path / "out"
    assert batch(tmp_path / "cv", "-o", out, "-j", "2") == 1
    captured = capsys.readouterr()
    assert summary_line(captured.out) == f"Xong: 47 tạo mới, 0 bỏ qua (không đổi), 3 lỗi → {out}"
    assert len(list(out.glob("*.docx"))) == 47
    errors = captured.err.strip().splitlines()
    assert errors == [
        f"Lỗi: {inputs[4]}, dòng {NGAY_LINE}, trường 'ngay': ngày 30/02/2021 không tồn tại",
        f"Lỗi: {inputs[19]}, dòng {added}, trường 'kinh_goi': trường 'kinh_goi' không có trong mẫu công văn; có phải 'kinh_gui'?",
        f"Lỗi: {inputs[33]}, dòng 2: lỗi cú pháp YAML: danh sách trong [ ] chưa đóng hoặc thiếu dấu ','; "
        "một mục có dấu ',' hay ':' phải đặt trong ngoặc kép",
    ]
    # Fixed, only the three are built on the next run.
    inputs[33].write_text(issued(BAU_CU, 34, 7, "Đơn vị nhận số 34"), encoding="utf-8")
    assert batch(tmp_path / "cv", "-o", out, "-j", "1") == 1
    assert summary_line(capsys.readouterr().out) == f"Xong: 1 tạo mới, 47 bỏ qua (không đổi), 2 lỗi → {out}"


def test_undefined_variable_in_a_batch_names_template_row_line_and_variable(tmp_path, capsys):
    template = tmp_path / "moi.yaml"
    template.write_text(MAIL_MERGE, encoding="utf-8")
    template.with_suffix(".csv").write_text("don_vi,so,kinh_phi\nViettel,5,1000\n", encoding="utf-8")
    assert batch(template, "-o", tmp_path / "out", "-j", "1") == 1
    assert capsys.readouterr().err.strip() == (
        f"Lỗi: {template} (dữ liệu: {template.with_suffix('.csv')}, dòng 2), dòng 10, trường 'noi_dung': "
        "chưa có giá trị cho biến 'nguoi_nhan' (cho trong khối bien:, tệp --data hoặc --set nguoi_nhan=…)"
    )


@pytest.mark.parametrize("text, expected", [
    ("../../thoat", "thoat"),
    ("..", "cong-van"),
    ("/etc/passwd", "etc-passwd"),
    ("05/STTTT-VP", "05-STTTT-VP"),
    ('a\\b:c*d?e"f<g>h|i', "a-b-c-d-e-f-g-h-i"),
    ("Mời họp  tổng kết\tnăm", "Mời-họp-tổng-kết-năm"),
    (".an", "an"),
    ("CON", "_CON"),
    ("x" * 300, "x" * 150),
    ("đ" * 100, "đ" * 75),  # two bytes each: 150 bytes
])
def test_safe_names(text, expected):
    assert safe_name(text) == expected


def test_unsafe_names_cannot_leave_the_folder_and_collisions_get_suffixes(tmp_path, capsys):
    template = tmp_path / "mau" / "moi.yaml"
    template.parent.mkdir()
    template.write_text(MAIL_MERGE, encoding="utf-8")
    table = "don_vi,nguoi_nhan,so,kinh_phi\n../../thoat,A,1,1\n../../thoat,B,2,1\n/tmp/x,C,3,1\n"
    template.with_suffix(".csv").write_text(table, encoding="utf-8")
    out = tmp_path / "a" / "out"
    out.mkdir(parents=True)
    (out / "tmp-x.docx").write_bytes(b"not ours")  # someone else's file: never overwritten
    assert batch(tmp_path / "mau", "-o", out, "--name", "{don_vi}", "-j", "1") == 0
    assert sorted(p.name for p in out.iterdir()) == [".congvan-manifest.json", "thoat-2.docx", "thoat.docx", "tmp-x-2.docx", "tmp-x.docx"]
    assert (out / "tmp-x.docx").read_bytes() == b"not ours"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "mau"]
    assert Document(str(out / "thoat.docx")).tables[0].cell(1, 0).paragraphs[0].text == "Số: 01/STTTT-VP"
    assert Document(str(out / "thoat-2.docx")).tables[0].cell(1, 0).paragraphs[0].text == "Số: 02/STTTT-VP"
    # The same names again on a forced run: suffixes follow the row order, not timing.
    assert batch(tmp_path / "mau", "-o", out, "--name", "{don_vi}", "--force", "-j", "2") == 0
    assert Document(str(out / "thoat-2.docx")).tables[0].cell(1, 0).paragraphs[0].text == "Số: 02/STTTT-VP"
    assert sorted(p.name for p in out.glob("*.docx")) == ["thoat-2.docx", "thoat.docx", "tmp-x-2.docx", "tmp-x.docx"]


def test_unknown_name_field_is_refused_before_the_run(tmp_path, capsys):
    make_folder(tmp_path / "cv", 3)
    assert batch(tmp_path / "cv", "-o", tmp_path / "out", "--name", "{so}-{phong}", "-j", "1") == 2
    assert capsys.readouterr().err.strip() == (
        "Lỗi: mẫu tên tệp '{so}-{phong}' dùng '{phong}', không có trường hay biến này "
        "(dùng so, ky_hieu, ngay, nam, thang, ten, dong hoặc tên một biến)")
    assert not (tmp_path / "out").exists()
    # A variable of some templates only: the others fail, each with the reason.
    template = tmp_path / "cv" / "moi.yaml"
    template.write_text(MAIL_MERGE, encoding="utf-8")
    template.with_suffix(".csv").write_text("don_vi,nguoi_nhan,so,kinh_phi,phong\nA,B,1,1,VP\n", encoding="utf-8")
    assert batch(tmp_path / "cv", "-o", tmp_path / "out", "--name", "{so}-{phong}", "-j", "1") == 1
    captured = capsys.readouterr()
    assert summary_line(captured.out) == f"Xong: 1 tạo mới, 0 bỏ qua (không đổi), 3 lỗi → {tmp_path / 'out'}"
    assert [p.name for p in (tmp_path / "out").glob("*.docx")] == ["01-VP.docx"]
    assert captured.err.count("dùng '{phong}', không có trường hay biến này") == 3


def test_globs_and_bad_options(tmp_path, capsys):
    make_folder(tmp_path / "cv", 4)
    assert batch(str(tmp_path / "cv" / "cv-00[12].yaml"), "-o", tmp_path / "out", "-j", "1") == 0
    assert sorted(p.name for p in (tmp_path / "out").glob("*.docx")) == ["01-STTTT-BCVT-2021-10-02.docx", "02-STTTT-VP-2021-10-03.docx"]
    assert batch(str(tmp_path / "khong-co-*.yaml"), "-o", tmp_path / "out") == 2
    assert batch(tmp_path / "cv", "--format", "odt") == 2
    err = capsys.readouterr().err
    assert f"Lỗi: không có tệp nào khớp '{tmp_path / 'khong-co-*.yaml'}'" in err
    assert "Lỗi: định dạng không hỗ trợ: odt (dùng docx, pdf)" in err


def test_render_many_accepts_any_executor(tmp_path):
    inputs = make_folder(tmp_path / "cv", 6)
    jobs = [congvan.Job(p) for p in inputs] + [congvan.Job(ROOT / "khong-co.yaml")]
    seen = []
    with ThreadPoolExecutor(max_workers=2) as pool:
        summary = congvan.render_many(jobs, pool, output=tmp_path / "out", chunk_size=2, on_result=seen.append)
    assert [summary.done, summary.skipped, len(summary.failed)] == [6, 0, 1]
    assert summary.failed[0].error.endswith("khong-co.yaml: không có tệp hoặc thư mục này")
    assert [r.job for r in seen] == jobs  # in job order
    assert seen[0].status == "done"
    assert seen[0].outputs == (str(tmp_path / "out" / "01-STTTT-BCVT-2021-10-02.docx"),)
    alone = congvan.render_docx(congvan.load(inputs[0]))
    assert Path(seen[0].outputs[0]).read_bytes() == alone


class FakeEngine:
    """Stands in for congvan.pdf.PdfEngine (LibreOffice): same calls, a marker file as PDF."""

    started = 0

    def __init__(self, workers=None, timeout=60.0):
        self.workers, self.timeout = workers, timeout

    def __enter__(self):
        FakeEngine.started += 1
        return self

    def __exit__(self, *exc):
        return False

    def convert(self, pairs, pdfa=False):
        from types import SimpleNamespace

        import zipfile

        results = []
        for source, target in pairs:
            assert Path(source).read_bytes()[:2] == b"PK"
            body = zipfile.ZipFile(source).read("word/document.xml").decode()
            error = "LibreOffice hết thời gian chờ" if "Số: 02/" in re.sub("<[^>]+>", "", body) else None
            if error is None:
                Path(target).write_bytes(b"%PDF-1.7 " + hashlib.sha256(Path(source).read_bytes()).hexdigest().encode())
            results.append(SimpleNamespace(source=source, target=target, error=error, ok=error is None))
        return results


@pytest.fixture
def fake_pdf(monkeypatch):
    import sys
    import types

    finished = []
    module = types.ModuleType("congvan.pdf")
    module.PdfEngine = FakeEngine
    module.finish_pdf = lambda path, cv, pdfa=False, label=None: finished.append((Path(path).name, cv.so_ky_hieu))
    module.find_soffice = lambda: "soffice"
    monkeypatch.setitem(sys.modules, "congvan.pdf", module)
    FakeEngine.started = 0
    return finished


def test_pdf_through_the_pooled_engine(tmp_path, capsys, fake_pdf):
    make_folder(tmp_path / "cv", 4)  # the conversion of 02-… fails
    out = tmp_path / "out"
    assert batch(tmp_path / "cv", "-o", out, "--format", "docx,pdf", "-j", "1") == 1
    captured = capsys.readouterr()
    assert summary_line(captured.out) == f"Xong: 3 tạo mới, 0 bỏ qua (không đổi), 1 lỗi → {out}"
    assert captured.err.strip() == f"Lỗi: {tmp_path / 'cv' / 'cv-002.yaml'}: không tạo được PDF (LibreOffice hết thời gian chờ)"
    assert FakeEngine.started == 1
    assert sorted(p.name for p in out.glob("*.pdf")) == ["01-STTTT-BCVT-2021-10-02.pdf", "03-STTTT-BCVT-2021-10-04.pdf", "04-STTTT-VP-2021-10-05.pdf"]
    docx_hash = hashlib.sha256((out / "01-STTTT-BCVT-2021-10-02.docx").read_bytes()).hexdigest()
    assert (out / "01-STTTT-BCVT-2021-10-02.pdf").read_bytes() == b"%PDF-1.7 " + docx_hash.encode()  # from that DOCX
    assert sorted(so for _, so in fake_pdf) == ["01/STTTT-BCVT", "03/STTTT-BCVT", "04/STTTT-VP"]  # each finished once
    # The failed one is tried again, the others are up to date.
    assert batch(tmp_path / "cv", "-o", out, "--format", "docx,pdf", "-j", "1") == 1
    assert summary_line(capsys.readouterr().out) == f"Xong: 0 tạo mới, 3 bỏ qua (không đổi), 1 lỗi → {out}"


def test_pdf_only_leaves_no_docx(tmp_path, capsys, fake_pdf):
    make_folder(tmp_path / "cv", 1)
    out = tmp_path / "out"
    assert batch(tmp_path / "cv", "-o", out, "--format", "pdf", "-j", "1") == 0
    assert sorted(p.name for p in out.iterdir()) == [".congvan-manifest.json", "01-STTTT-BCVT-2021-10-02.pdf"]


def test_readme_batch_example_and_python_snippet(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert batch("examples/", "-o", tmp_path / "a") == 0
    made = len(ALL_EXAMPLES) + 4  # and the four rows of examples/mau/moi-hop.csv
    assert summary_line(capsys.readouterr().out) == f"Xong: {made} tạo mới, 0 bỏ qua (không đổi), 0 lỗi → {tmp_path / 'a'}"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    snippet = next(b for b in re.findall(r"```python\n(.*?)```", readme, re.S) if "render_many(jobs, output=" in b)
    exec(compile(snippet.replace('output="out/"', f'output="{tmp_path / "b"}", workers=1'), "README.md", "exec"), {})
    assert summary_line(capsys.readouterr().out) == "2 0 []"
    assert sorted(p.name for p in (tmp_path / "b").glob("*.docx")) == ["09-STTTT-VP-2026-12-01.docx", "du-thao-STTTT-BCVT-2021-03.docx"]


def test_a_job_broken_then_fixed_keeps_its_name(tmp_path, capsys):
    inputs = make_folder(tmp_path / "cv", 2)
    out = tmp_path / "out"
    assert batch(tmp_path / "cv", "-o", out, "-j", "1") == 0
    good = inputs[1].read_text(encoding="utf-8")
    inputs[1].write_text(good.replace("ngay: 2021-10-03", "ngay: 2021-10-32"), encoding="utf-8")
    assert batch(tmp_path / "cv", "-o", out, "-j", "1") == 1
    inputs[1].write_text(good.replace("Đơn vị nhận số 2", "Đơn vị khác"), encoding="utf-8")
    assert batch(tmp_path / "cv", "-o", out, "-j", "1") == 0
    assert summary_line(capsys.readouterr().out) == f"Xong: 1 tạo mới, 1 bỏ qua (không đổi), 0 lỗi → {out}"
    assert sorted(p.name for p in out.glob("*.docx")) == ["01-STTTT-BCVT-2021-10-02.docx", "02-STTTT-VP-2021-10-03.docx"]
    assert "- Đơn vị khác;" in [p.text for p in Document(str(out / "02-STTTT-VP-2021-10-03.docx")).paragraphs]


def test_data_file_mapping_and_set_fill_one_dispatch(tmp_path, capsys):
    template = tmp_path / "moi.yaml"
    template.write_text(MAIL_MERGE, encoding="utf-8")
    values = tmp_path / "gia-tri.toml"
    values.write_text('don_vi = "Sở Tài chính"\nnguoi_nhan = "ông Giám đốc"\nso = 12\nkinh_phi = 3000000\n', encoding="utf-8")
    out = tmp_path / "out"
    assert batch(template, "-o", out, "--data", values, "--set", "don_vi=Sở Y tế", "-j", "1") == 0
    texts = [p.text for p in Document(str(out / "12-STTTT-VP-2026-12-01.docx")).paragraphs]
    assert "Kính gửi: Sở Y tế" in texts  # --set wins over the data file
    assert "Kinh phí hỗ trợ: 3.000.000 đồng (Ba triệu đồng)./." in texts
    assert batch(template, "-o", out, "--data", tmp_path / "khong-co.csv") == 2
    assert capsys.readouterr().err.strip().startswith(f"Lỗi: {tmp_path / 'khong-co.csv'}: không mở được tệp")


def test_pdf_engine_without_finishing_step(tmp_path, capsys, fake_pdf):
    import sys

    del sys.modules["congvan.pdf"].finish_pdf
    make_folder(tmp_path / "cv", 1)
    assert batch(tmp_path / "cv", "-o", tmp_path / "out", "--format", "docx,pdf", "-j", "1") == 0
    assert (tmp_path / "out" / "01-STTTT-BCVT-2021-10-02.pdf").exists()


def test_pdf_asked_without_an_engine(tmp_path, capsys, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "congvan.pdf", None)  # import fails
    make_folder(tmp_path / "cv", 1)
    assert batch(tmp_path / "cv", "-o", tmp_path / "out", "--format", "pdf") == 2
    assert capsys.readouterr().err.strip() == "Lỗi: bản congvan này chưa có bộ chuyển PDF; dùng --format docx"


def test_output_folder_checks(tmp_path, capsys):
    make_folder(tmp_path / "cv", 2)
    out = tmp_path / "out"
    (out / "01-STTTT-BCVT-2021-10-02.docx").mkdir(parents=True)  # something else has the name
    assert batch(tmp_path / "cv", "-o", out, "-j", "1") == 0
    assert sorted(p.name for p in out.iterdir()) == [
        ".congvan-manifest.json", "01-STTTT-BCVT-2021-10-02-2.docx", "01-STTTT-BCVT-2021-10-02.docx", "02-STTTT-VP-2021-10-03.docx"]
    assert (out / "01-STTTT-BCVT-2021-10-02.docx").is_dir()
    (tmp_path / "tep").write_text("x")
    assert batch(tmp_path / "cv", "-o", tmp_path / "tep") == 2
    assert capsys.readouterr().err.strip() == f"Lỗi: '{tmp_path / 'tep'}' là một tệp, không phải thư mục kết quả"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_pdf_with_libreoffice(tmp_path, capsys):
    make_folder(tmp_path / "cv", 2)
    out = tmp_path / "out"
    assert batch(tmp_path / "cv", "-o", out, "--format", "pdf", "-j", "2") == 0
    assert sorted(p.name for p in out.iterdir()) == [".congvan-manifest.json", "01-STTTT-BCVT-2021-10-02.pdf", "02-STTTT-VP-2021-10-03.pdf"]
    text = subprocess.run(["pdftotext", str(out / "02-STTTT-VP-2021-10-03.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    assert "Đơn vị nhận số 2;" in text and "Số: 02/STTTT-VP" in text
    info = subprocess.run(["pdfinfo", str(out / "01-STTTT-BCVT-2021-10-02.pdf")], capture_output=True, text=True, check=True).stdout
    assert "Subject:         Số: 01/STTTT-BCVT" in info
