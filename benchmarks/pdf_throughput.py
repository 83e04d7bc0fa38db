"""PDF throughput: the engine (warm LibreOffice workers) against a per-file loop.

    python benchmarks/pdf_throughput.py [--count 200] [--sample 20] [--workers N]

Renders COUNT dispatches (copies of the examples with varied number, date and
recipients) to DOCX, then to PDF:
  - with congvan.pdf.PdfEngine (one worker per core, resident LibreOffice processes),
    then finish_pdf on each (metadata, font and page checks);
  - with a plain loop `soffice --convert-to pdf FILE` per file, on a profile created
    beforehand (so the loop does not pay the profile's first start). The loop runs on
    SAMPLE files only and its time is extrapolated to COUNT; the output says so.
Both run in the same process, one after the other, on the same machine.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import congvan  # noqa: E402
from congvan.pdf import PdfEngine, find_soffice, finish_pdf  # noqa: E402


def dispatches(count: int) -> list[congvan.CongVan]:
    bases = [congvan.load(p) for p in sorted((ROOT / "examples").glob("*.yaml"))]
    out = []
    for i in range(count):
        base = bases[i % len(bases)]
        out.append(base.model_copy(update={
            "so": i + 1,
            "ngay": congvan.Ngay(ngay=1 + i % 28, thang=1 + i % 12, nam=2021),
            "kinh_gui": [*base.kinh_gui[:-1], f"{base.kinh_gui[-1]} (bản {i + 1})"],
        }))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--sample", type=int, default=20)
    parser.add_argument("--workers", type=int, default=None)
    args = parser.parse_args()
    soffice = find_soffice()
    with tempfile.TemporaryDirectory(prefix="congvan-bench-") as tmp:
        tmp = Path(tmp)
        cvs = dispatches(args.count)
        t0 = time.perf_counter()
        docx = [congvan.write_docx(cv, tmp / "docx" / f"cv-{i:03d}.docx") for i, cv in enumerate(cvs)]
        t_docx = time.perf_counter() - t0

        t0 = time.perf_counter()
        with PdfEngine(workers=args.workers) as engine:
            t_start = time.perf_counter() - t0
            t1 = time.perf_counter()
            results = engine.convert([(d, tmp / "engine" / f"{d.stem}.pdf") for d in docx])
            t_convert = time.perf_counter() - t1
        t1 = time.perf_counter()
        pages = sum(finish_pdf(r.target, cv) for r, cv in zip(results, cvs) if r.ok)
        t_finish = time.perf_counter() - t1
        t_engine = t_start + t_convert + t_finish
        failed = sum(not r.ok for r in results)

        profile = (tmp / "loop-profile").as_uri()
        base = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", "pdf"]
        subprocess.run(base + ["--outdir", str(tmp / "warmup"), str(docx[0])], check=True, capture_output=True)
        sample = docx[: args.sample]
        t0 = time.perf_counter()
        for d in sample:
            subprocess.run(base + ["--outdir", str(tmp / "loop"), str(d)], check=True, capture_output=True, timeout=120)
        t_loop = (time.perf_counter() - t0) / len(sample) * len(docx)

    n = len(docx)
    rate_engine = n / t_engine
    rate_warm = n / t_convert
    rate_loop = n / t_loop
    print(f"{n} công văn ({pages} trang PDF), {engine.workers} worker, {os.cpu_count()} CPU; lỗi: {failed}")
    print(f"  DOCX (không tính vào dưới):       {t_docx:6.2f} s")
    print(f"  engine, khởi động worker:          {t_start:6.2f} s")
    print(f"  engine, chuyển đổi:                {t_convert:6.2f} s  → {rate_warm:6.1f} công văn/s (worker đã ấm)")
    print(f"  engine, hoàn thiện (pypdf):        {t_finish:6.2f} s")
    print(f"  engine, tổng (khởi động+chuyển+hoàn thiện): {t_engine:6.2f} s  → {rate_engine:6.1f} công văn/s")
    print(f"  kể cả tạo DOCX:                     {t_engine + t_docx:6.2f} s  → {n / (t_engine + t_docx):6.1f} công văn/s")
    print(f"  vòng lặp soffice từng tệp: {len(sample)} tệp đo, ngoại suy cho {n}: {t_loop:6.2f} s  → {rate_loop:6.2f} công văn/s")
    print(f"  tỉ lệ engine/vòng lặp: {rate_engine / rate_loop:5.1f}× (tổng), {rate_warm / rate_loop:5.1f}× (worker đã ấm)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
