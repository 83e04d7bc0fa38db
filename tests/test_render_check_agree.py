"""Render and check hold one set of rules (`congvan.rulebook`).

Every example (each row of a mail-merge template too) and every dispatch the rest of
the suite rendered is held against `congvan check`: a rendering with no notice from
the preflight of render has no error, and on the shared rules both sides say the same.
"""

from __future__ import annotations

import pytest
from docx import Document
from docx.oxml.ns import qn

from congvan.batch.jobs import Job, read_job
from congvan.check import check_docx
from congvan.preflight import preflight
from congvan.render import writer_for
from congvan.rulebook import RULES
from congvan.values import read_rows
from tests.conftest import RENDERED, ROOT

SHARED = {rule.rule for rule in RULES}


def example_jobs() -> list[Job]:
    jobs = []
    for path in sorted((ROOT / "examples").rglob("*.yaml")):
        table = path.with_suffix(".csv")
        jobs += [Job(path, row.values, table, row.line) for row in read_rows(table)] if table.exists() else [Job(path)]
    return jobs


@pytest.mark.parametrize("job", example_jobs(), ids=lambda job: job.label)
def test_every_example_passes_check_without_a_notice(job):
    cv, lines = read_job(job)
    writer = writer_for(cv)
    assert preflight(cv, writer, job.label, lines) == []
    report = check_docx(writer.to_bytes(cv), job.label)
    assert report.findings == [], report.as_text()


def test_every_rendering_of_the_suite_agrees_with_check():
    assert RENDERED  # the examples above at least; the whole suite adds its own inputs
    faults = []
    for cv, writer, data in RENDERED.values():
        report = check_docx(data)
        notices = preflight(cv, writer, "dữ liệu")
        said = {n.rule for n in notices}
        found = {f.rule for f in report.findings if f.rule in SHARED}
        if writer.template_path:  # a user's template sets its own sizes
            said, found = said - {"co_chu_tieu_de"}, found - {"co_chu_tieu_de"}
        if said != found:
            faults.append(f"preflight {sorted(said)} ≠ check {sorted(found)}: {cv.trich_yeu}")
        if not notices and not writer.warnings and not report.ok:
            faults.append(f"check finds errors the preflight did not say: {sorted(report.errors())}: {cv.trich_yeu}")
    assert not faults, "\n".join(faults[:20])


# -- the notices, as render and batch say them -------------------------------------------------

DISPATCH = """\
co_quan_ban_hanh: SỞ Y TẾ
ky_hieu: SYT-VP
trich_yeu: báo cáo tình hình dịch bệnh
dia_danh: Đồng Tháp
ngay: 2021-09-20
kinh_gui: Ủy ban nhân dân tỉnh Đồng Tháp
noi_dung: Sở Y tế báo cáo tình hình dịch bệnh trong tuần.
noi_nhan:
  - Văn phòng UBND tỉnh
  - Ban Giám đốc Sở
luu: VT, NVY
nguoi_ky: {quyen_han: KT. GIÁM ĐỐC, chuc_vu: PHÓ GIÁM ĐỐC, ho_ten: Trần Văn B}
"""
NHU_TREN = "công văn có Kính gửi: dòng đầu của Nơi nhận phải là «- Như trên;»"


def render(*args) -> int:
    from congvan.cli import main

    return main(["render", *map(str, args)])


def test_render_warns_before_writing_what_check_would_report(tmp_path, capsys):
    source = tmp_path / "bao-cao.yaml"
    source.write_text(DISPATCH, encoding="utf-8")
    assert render(source, "-o", tmp_path / "out") == 0
    err = capsys.readouterr().err
    assert err == f"Cảnh báo: {source}, dòng 8, trường 'noi_nhan': {NHU_TREN} (Phụ lục I, II.9b)\n"
    report = check_docx(tmp_path / "out" / "bao-cao.docx")
    assert [(f.rule, f.message) for f in report.findings] == [("nhu_tren", NHU_TREN)]


def test_strict_render_writes_nothing_and_fails(tmp_path, capsys):
    source = tmp_path / "bao-cao.yaml"
    source.write_text(DISPATCH, encoding="utf-8")
    good = tmp_path / "dung.yaml"
    good.write_text(DISPATCH.replace("  - Văn phòng UBND tỉnh", "  - Như trên\n  - Văn phòng UBND tỉnh"), encoding="utf-8")
    assert render(source, good, "-o", tmp_path / "out", "--strict") == 1
    err = capsys.readouterr().err
    assert f"Lỗi: {source}, dòng 8, trường 'noi_nhan': {NHU_TREN}" in err
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["dung.docx"]
    assert check_docx(tmp_path / "out" / "dung.docx").findings == []


def test_the_fix_the_notice_asks_for_passes_check(tmp_path, capsys):
    source = tmp_path / "bao-cao.yaml"
    source.write_text(DISPATCH.replace("  - Văn phòng UBND tỉnh", "  - như trên\n  - Văn phòng UBND tỉnh"), encoding="utf-8")
    assert render(source, "-o", tmp_path / "out", "--strict") == 0
    assert capsys.readouterr().err == ""
    document = Document(str(tmp_path / "out" / "bao-cao.docx"))
    assert "- Như trên;" in ["".join(t.text for t in p.iter(qn("w:t"))) for p in document.element.iter(qn("w:p"))]
    assert check_docx(tmp_path / "out" / "bao-cao.docx").findings == []


def test_a_layout_profile_with_an_unusual_pair_is_named_once(tmp_path, capsys):
    sources = []
    for i in range(3):
        sources.append(tmp_path / f"cv-{i}.yaml")
        sources[-1].write_text(DISPATCH.replace("  - Văn phòng", "  - Như trên\n  - Văn phòng"), encoding="utf-8")
    layout = tmp_path / "bo-cuc.yaml"
    layout.write_text("gian_dong: 1.15\nco_chu:\n  quoc_hieu: 13\n  tieu_ngu: 13\n", encoding="utf-8")
    assert render(*sources, "-o", tmp_path / "out", "--layout", layout) == 0
    err = capsys.readouterr().err.splitlines()
    assert err == [f"Cảnh báo: {layout}, dòng 3, trường 'co_chu.quoc_hieu': cặp cỡ chữ Quốc hiệu/Tiêu ngữ nên là một cặp mẫu "
                   "của Nghị định dùng (12/13, 13/14, 12/14), không phải 13/13 (Phụ lục I, II.1)"]
    report = check_docx(tmp_path / "out" / "cv-0.docx")
    assert [(f.rule, f.severity) for f in report.findings] == [("co_chu_tieu_de", "warning")]
    assert render(sources[0], "-o", tmp_path / "strict", "--layout", layout, "--strict") == 1
    assert not (tmp_path / "strict").exists()


def test_batch_warns_per_row_and_strict_fails_those_rows(tmp_path, capsys):
    from congvan.cli import main

    template = tmp_path / "mau.yaml"
    template.write_text(DISPATCH.replace("noi_nhan:\n  - Văn phòng UBND tỉnh", "so: '{{ so }}'\nnoi_nhan:\n  - '{{ dau }}'"), encoding="utf-8")
    template.with_suffix(".csv").write_text("so,dau\n1,Như trên\n2,Văn phòng UBND tỉnh\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["batch", str(template), "-o", str(out), "-j", "1"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err == [f"Cảnh báo: {template} (dữ liệu: {template.with_suffix('.csv')}, dòng 3), dòng 9, trường 'noi_nhan': "
                   f"{NHU_TREN} (Phụ lục I, II.9b)"]
    assert len(list(out.glob("*.docx"))) == 2
    strict = tmp_path / "strict"
    assert main(["batch", str(template), "-o", str(strict), "-j", "1", "--strict"]) == 1
    assert f"trường 'noi_nhan': {NHU_TREN}" in capsys.readouterr().err
    assert [p.name for p in strict.glob("*.docx")] == ["01-SYT-VP-2021-09-20.docx"]


def test_an_outline_of_every_level_passes_check(tmp_path):
    source = tmp_path / "dan-y.yaml"
    source.write_text(DISPATCH.replace("noi_nhan:\n", "noi_nhan:\n  - Như trên\n").replace(
        "noi_dung: Sở Y tế báo cáo tình hình dịch bệnh trong tuần.\n",
        "noi_dung:\n  - Mở đầu.\n  - phan: Tình hình\n    noi_dung:\n      - muc: Số ca mắc\n        noi_dung:\n"
        "          - khoan: Trong tỉnh\n            noi_dung:\n              - diem: Thành phố\n"
        "                noi_dung:\n                  - gach: Phường 1\n  - phan: Kiến nghị\n"), encoding="utf-8")
    cv, lines = read_job(Job(source))
    writer = writer_for(cv)
    assert preflight(cv, writer, str(source), lines) == []
    # II.6e: a Phần heading and its title are 6 pt apart like every body paragraph.
    assert check_docx(writer.to_bytes(cv)).findings == []


@pytest.mark.parametrize("body", ['""', "' '", "[]"])
def test_an_empty_body_is_refused_not_rendered(tmp_path, body):
    from congvan import InputError, load

    source = tmp_path / "rong.yaml"
    source.write_text(DISPATCH.replace("noi_dung: Sở Y tế báo cáo tình hình dịch bệnh trong tuần.", f"noi_dung: {body}"), encoding="utf-8")
    with pytest.raises(InputError, match="dòng 7, trường 'noi_dung': "):
        load(source)


@pytest.mark.parametrize("sentence", ["Nơi nhận hồ sơ: Bộ phận một cửa của Sở.", "Nơi nhận báo cáo là Văn phòng Sở."])
def test_a_body_sentence_that_starts_like_noi_nhan_is_body(tmp_path, sentence):
    source = tmp_path / "cv.yaml"
    source.write_text(DISPATCH.replace("noi_nhan:\n", "noi_nhan:\n  - Như trên\n").replace(
        "noi_dung: Sở Y tế báo cáo tình hình dịch bệnh trong tuần.", f"noi_dung: |\n  {sentence}\n  Đề nghị các đơn vị thực hiện."),
        encoding="utf-8")
    cv, lines = read_job(Job(source))
    writer = writer_for(cv)
    report = check_docx(writer.to_bytes(cv))
    assert report.findings == [], report.as_text()


@pytest.mark.parametrize("command", ["render", "batch"])
def test_a_template_that_departs_warns_and_strict_writes_nothing(tmp_path, capsys, command):
    from docx.shared import Mm

    from congvan.cli import main

    template = tmp_path / "mau-co-quan.docx"
    assert main(["template", "export", str(template)]) == 0
    doc = Document(str(template))
    doc.sections[0].left_margin = Mm(20)
    doc.save(str(template))
    source = ROOT / "examples" / "bau-cu-2021.yaml"
    capsys.readouterr()
    assert main([command, str(source), "--template", str(template), "-o", str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err
    assert f"Cảnh báo: mẫu {template}: lề trái phải là 30–35 mm, không phải 20 mm" in err
    assert (tmp_path / "out").is_dir() and any((tmp_path / "out").glob("*.docx"))
    assert main([command, str(source), "--template", str(template), "-o", str(tmp_path / "strict"), "--strict"]) == 1
    assert f"Lỗi: mẫu {template}: lề trái phải là 30–35 mm" in capsys.readouterr().err
    assert not list((tmp_path / "strict").glob("*.docx")) if (tmp_path / "strict").exists() else True
