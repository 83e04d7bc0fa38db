"""DOCX throughput of a mail merge: congvan against a plain docxtpl loop, in one run.

    python benchmarks/docx_throughput.py                 # 1 000 dispatches
    python benchmarks/docx_throughput.py --memory 10000  # and peak memory of 10 000

The same content both ways: one content template (Kính gửi from a column, money in
words, a body of eight paragraphs, Nơi nhận, signature), one row per recipient.
- congvan: `render_many` on one core (in process) and on all cores (process pool);
- docxtpl: for each row, DocxTemplate(path), render(context), save() — the plain
  per-document loop — with a .docx template made here holding the same fields, on
  congvan's own template package (same styles and page set-up) and, as a second
  reference, on python-docx's stock blank document.
Each measure gives its wall time and its CPU time (this process; a shared machine
slows the wall time of both alike, their CPU time much less).
Memory: `congvan batch` on a table of N rows, run under /usr/bin/time -v (largest
single process of the run) when present, else getrusage of the children.
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import congvan  # noqa: E402
from congvan.docx.template import DEFAULT_TEMPLATE  # noqa: E402
from congvan.vietnamese.filters import FILTERS  # noqa: E402

PARAGRAPHS = [
    "Thực hiện Kế hoạch số 63/KH-UBND ngày 05 tháng 8 năm 2026 của Ủy ban nhân dân tỉnh về chuyển đổi số.",
    "Sở Thông tin và Truyền thông trân trọng kính mời {{ nguoi_nhan }}, {{ don_vi }}, dự hội nghị tổng kết năm {{ nam }}.",
    "Thời gian: 08 giờ 00, ngày {{ han }}. Địa điểm: Hội trường Sở Thông tin và Truyền thông.",
    "Kinh phí hỗ trợ đại biểu: {{ kinh_phi | tien }}.",
    "Đề nghị đơn vị chuẩn bị báo cáo tham luận về kết quả triển khai các nhiệm vụ chuyển đổi số trong năm và đề xuất kiến nghị.",
    "Báo cáo gửi về Sở Thông tin và Truyền thông trước ngày tổ chức hội nghị, qua hộp thư điện tử stttt@dongthap.gov.vn.",
    "Chi tiết xin liên hệ ông Đỗ Đức Thông, điện thoại 0277.3873996.",
    "Rất mong đại biểu sắp xếp thời gian tham dự.",
]
FIXED = {
    "co_quan_chu_quan": "UBND TỈNH ĐỒNG THÁP",
    "co_quan_ban_hanh": "SỞ THÔNG TIN VÀ TRUYỀN THÔNG",
    "ky_hieu": "STTTT-VP",
    "trich_yeu": "mời dự hội nghị tổng kết năm 2026",
    "dia_danh": "Đồng Tháp",
    "ngay": "ngày 01 tháng 12 năm 2026",
    "noi_nhan": ["Như trên", "Ban Giám đốc Sở", "Lưu: VT, VP."],
    "quyen_han": "KT. GIÁM ĐỐC",
    "chuc_vu": "PHÓ GIÁM ĐỐC",
    "ho_ten": "Nguyễn Lâm Thanh Thủy",
}
CONTENT_TEMPLATE = "\n".join([
    f"co_quan_chu_quan: {FIXED['co_quan_chu_quan']}",
    f"co_quan_ban_hanh: {FIXED['co_quan_ban_hanh']}",
    'so: "{{ so }}"',
    f"ky_hieu: {FIXED['ky_hieu']}",
    f"trich_yeu: {FIXED['trich_yeu']}",
    f"dia_danh: {FIXED['dia_danh']}",
    "ngay: 2026-12-01",
    'kinh_gui: "{{ don_vi }}"',
    "noi_dung: |",
    *[f"  {p}" for p in PARAGRAPHS],
    "noi_nhan: [Như trên, Ban Giám đốc Sở]",
    "luu: [VT, VP]",
    "nguoi_ky:",
    f"  quyen_han: {FIXED['quyen_han']}",
    f"  chuc_vu: {FIXED['chuc_vu']}",
    f"  ho_ten: {FIXED['ho_ten']}",
    "bien:",
    "  nam: 2026",
    "",
])


def write_table(path: Path, count: int) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["so", "don_vi", "nguoi_nhan", "han", "kinh_phi"])
        for i in range(1, count + 1):
            out.writerow([i, f"Đơn vị số {i}, huyện {i % 12}", f"Ông Nguyễn Văn {i}", f"2026-12-{i % 28 + 1:02d}", 500000 * i])


def docxtpl_template(path: Path, base: Path | None) -> None:
    """A docxtpl template with the same fields; on `base` (congvan's package) or blank."""
    from docx import Document

    document = Document(str(base)) if base else Document()
    styled = base is not None

    def para(container, text, style):
        return container.add_paragraph(text, style=style if styled else None)

    if styled:
        body = document.element.body
        for child in list(body):
            if not child.tag.endswith("sectPr"):
                body.remove(child)
    header = document.add_table(rows=2, cols=2)
    left, right = header.cell(0, 0), header.cell(0, 1)
    para(left, "{{ co_quan_chu_quan }}", "Cơ quan chủ quản")
    para(left, "{{ co_quan_ban_hanh }}", "Cơ quan ban hành")
    para(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Quốc hiệu")
    para(right, "Độc lập - Tự do - Hạnh phúc", "Tiêu ngữ")
    para(header.cell(1, 0), "Số: {{ so }}/{{ ky_hieu }}", "Số, ký hiệu")
    para(header.cell(1, 0), "V/v {{ trich_yeu }}", "Trích yếu")
    para(header.cell(1, 1), "{{ dia_danh }}, {{ ngay }}", "Địa danh và ngày tháng")
    para(document, "Kính gửi: {{ don_vi }}.", "Kính gửi")
    for text in PARAGRAPHS:
        para(document, text, "Nội dung")
    signature = document.add_table(rows=1, cols=2)
    para(signature.cell(0, 0), "Nơi nhận:", "Nơi nhận")
    para(signature.cell(0, 0), "{%p for item in noi_nhan %}", "Danh sách nơi nhận")
    para(signature.cell(0, 0), "- {{ item }}", "Danh sách nơi nhận")
    para(signature.cell(0, 0), "{%p endfor %}", "Danh sách nơi nhận")
    for text in ("{{ quyen_han }}", "{{ chuc_vu }}", "", "", "", "", "{{ ho_ten }}"):
        para(signature.cell(0, 1), text, "Quyền hạn, chức vụ người ký")
    document.save(str(path))


def run_docxtpl(template: Path, rows: list[dict], out: Path) -> float:
    import jinja2
    from docxtpl import DocxTemplate

    env = jinja2.Environment()
    env.filters.update(FILTERS)
    out.mkdir()
    start, cpu = time.perf_counter(), time.process_time()
    for row in rows:  # the plain loop: load, render, save, per document
        document = DocxTemplate(str(template))
        document.render({**FIXED, "nam": 2026, **row, "so": f"{int(row['so']):02d}"}, env)
        document.save(str(out / f"{row['so']}.docx"))
    return time.perf_counter() - start, time.process_time() - cpu


def run_congvan(source: Path, table: Path, out: Path, workers: int) -> float:
    from congvan.values import read_rows

    jobs = (congvan.Job(source, row.values, table, row.line) for row in read_rows(table))
    start, cpu = time.perf_counter(), time.process_time()
    summary = congvan.render_many(jobs, output=out, workers=workers)
    elapsed = time.perf_counter() - start
    assert not summary.failed, summary.failed[:3]
    # CPU time of this process: the whole work with one core (in process), the
    # parent's share with a pool.
    return elapsed, time.process_time() - cpu


def peak_memory(work: Path, count: int, jobs: int) -> str:
    source = work / f"mem-{count}.yaml"
    table = work / f"mem-{count}.csv"
    source.write_text(CONTENT_TEMPLATE, encoding="utf-8")
    write_table(table, count)
    out = work / f"mem-out-{count}-{jobs}"
    command = [sys.executable, "-m", "congvan.cli", "batch", str(source), "-o", str(out), "--jobs", str(jobs)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    if Path("/usr/bin/time").exists():
        done = subprocess.run(["/usr/bin/time", "-v", *command], env=env, capture_output=True, text=True, check=True)
        kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)[1])
        how = "/usr/bin/time -v"
    else:
        import resource

        subprocess.run(command, env=env, capture_output=True, check=True)
        kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        how = "getrusage"
    elapsed = time.perf_counter() - start
    made = sum(1 for _ in out.glob("*.docx"))
    shutil.rmtree(out)
    return f"{made} công văn, --jobs {jobs}: {elapsed:.1f} s, bộ nhớ đỉnh {kb / 1024:.0f} MB ({how})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000, help="dispatches per measure (default 1000)")
    parser.add_argument("--memory", type=int, default=0, metavar="N", help="also measure peak memory of a batch of N")
    parser.add_argument("--repeat", type=int, default=2, help="runs of each measure, the best kept (default 2)")
    args = parser.parse_args()
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory(prefix="congvan-bench-") as tmp:
        work = Path(tmp)
        source = work / "moi-hoi-nghi.yaml"
        source.write_text(CONTENT_TEMPLATE, encoding="utf-8")
        table = work / "danh-sach.csv"
        write_table(table, args.count)
        with open(table, encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        same, blank = work / "docxtpl-mac-dinh.docx", work / "docxtpl-trong.docx"
        docxtpl_template(same, DEFAULT_TEMPLATE)
        docxtpl_template(blank, None)

        n = args.count
        measures = {
            "congvan, 1 lõi": lambda out: run_congvan(source, table, out, 1),
            f"congvan, {cores} lõi": lambda out: run_congvan(source, table, out, cores),
            "docxtpl, mẫu trên gói mac-dinh.docx": lambda out: run_docxtpl(same, rows, out),
            "docxtpl, mẫu trắng python-docx": lambda out: run_docxtpl(blank, rows, out),
        }
        results: dict[str, float] = {}
        cpu: dict[str, float] = {}
        for attempt in range(args.repeat):  # interleaved, so a busy moment hits all alike
            for i, (label, measure) in enumerate(measures.items()):
                out = work / f"out-{attempt}-{i}"
                # The files of the measure before on disk first: their write-back
                # otherwise slows the file creation of this one (kernel time).
                os.sync()
                seconds, used = measure(out)
                shutil.rmtree(out)
                results[label] = min(seconds, results.get(label, seconds))
                cpu[label] = min(used, cpu.get(label, used))
        print(f"{n} công văn (trộn thư từ một mẫu), Python {sys.version.split()[0]}, {cores} lõi, tốt nhất của {args.repeat} lần")
        for label, seconds in results.items():
            print(f"  {label:<38} {seconds:7.2f} s  {n / seconds:8.1f} văn bản/s  {seconds / n * 1000:6.2f} ms/văn bản"
                  f"  (CPU {cpu[label] / n * 1000:5.2f} ms)")
        one = results["congvan, 1 lõi"]
        for label in list(results)[2:]:
            print(f"  congvan 1 lõi / {label}: {results[label] / one:.1f}× thời gian, "
                  f"{cpu[label] / cpu['congvan, 1 lõi']:.1f}× CPU")
        print(f"  congvan {cores} lõi / docxtpl, mẫu trên gói mac-dinh.docx: "
              f"{results['docxtpl, mẫu trên gói mac-dinh.docx'] / results[f'congvan, {cores} lõi']:.1f}×")
        if args.memory:
            for count in sorted({1000, args.memory}):
                for jobs in (1, cores):
                    print("  " + peak_memory(work, count, jobs))


if __name__ == "__main__":
    main()
