"""PDF batches against the conversion ceiling, measured in the same run.

    python benchmarks/pdf_throughput.py [--count 200] [--workers N] [--repeat 5]

COUNT dispatches (copies of the examples with their own number, date and recipient)
as YAML files, rendered to finished PDFs (one for each DOCX: a phụ lục of its own is a
file of its own) three ways, in rounds (one of each way per
round, so a busy moment of the machine hits all three alike):
  - ceiling: the DOCX already made, one plain `soffice --convert-to pdf` call per
    core converting its share of them at once, on ready profiles: LibreOffice's own
    cost, with nothing of congvan around it (and its start-up once per core);
  - engine: the same DOCX through congvan.pdf.PdfEngine, workers already warm
    (conversion only);
  - batch: `render_many(jobs, formats=["pdf"])` from the YAML files to checked,
    finished PDFs in place (pool and LibreOffice start, DOCX, conversion, pypdf
    finishing, manifest): the whole run, as `congvan batch --format pdf` does it.
Each way is printed with its median time, and as the median over the rounds of its
ratio to the ceiling of the same round (a shared machine's speed drifts between
rounds; within a round much less).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import congvan  # noqa: E402
from congvan.pdf import PdfEngine, find_soffice  # noqa: E402
from congvan.pdf.worker import default_cache  # noqa: E402


def sources(folder: Path, count: int) -> list[Path]:
    """COUNT issued dispatches, each with its own số, date and first recipient."""
    bases = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.yaml"))]
    folder.mkdir(parents=True)
    for sub in (ROOT / "examples").iterdir():  # tables and images some examples name
        if sub.is_dir():
            shutil.copytree(sub, folder / sub.name)
    paths = []
    for i in range(count):
        text = bases[i % len(bases)]
        text = re.sub(r"(?m)^so:.*$", f"so: {i + 1}", text) if re.search(r"(?m)^so:", text) else f"so: {i + 1}\n{text}"
        text = re.sub(r"(?m)^ngay:.*$", f"ngay: 2021-{1 + i % 12:02d}-{1 + i % 28:02d}", text)
        path = folder / f"cv-{i:04d}.yaml"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def ceiling(soffice: str, docx: list[Path], workers: int, work: Path) -> float:
    """One plain soffice call per core, each converting its share, all at once."""
    shares = [docx[i::workers] for i in range(workers)]
    procs = []
    start = time.perf_counter()
    for i, share in enumerate(shares):
        profile = work / f"profile-{i}"
        procs.append(subprocess.Popen(
            [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore", "--convert-to", "pdf",
             "--outdir", str(work / f"out-{i}"), *map(str, share)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
    for proc in procs:
        assert proc.wait(timeout=900) == 0
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--repeat", type=int, default=5, help="rounds (default 5)")
    args = parser.parse_args()
    soffice = find_soffice()
    times: dict[str, list[float]] = {"ceiling": [], "engine": [], "batch": []}
    with tempfile.TemporaryDirectory(prefix="congvan-bench-") as tmp:
        tmp = Path(tmp)
        paths = sources(tmp / "yaml", args.count)
        # Every DOCX the batch converts: a dispatch with a phụ lục of its own (Mẫu 3.2's
        # report in the examples) is two files, each its own PDF.
        congvan.render_many(paths, output=tmp / "docx", workers=1)
        docx = sorted((tmp / "docx").glob("*.docx"))
        cache = default_cache(soffice)
        with PdfEngine(workers=1):  # makes the profile copy every engine (and the ceiling) starts from
            pass
        for attempt in range(args.repeat):  # rounds: a busy moment of the machine hits all three
            work = tmp / f"ceiling-{attempt}"
            for i in range(args.workers):
                shutil.copytree(cache, work / f"profile-{i}", symlinks=True)
            seconds = ceiling(soffice, docx, args.workers, work)
            times["ceiling"].append(seconds)

            with PdfEngine(workers=args.workers) as engine:
                start = time.perf_counter()
                results = engine.convert([(d, tmp / f"engine-{attempt}" / f"{d.stem}.pdf") for d in docx])
                seconds = time.perf_counter() - start
            assert all(r.ok for r in results), [r.error for r in results if not r.ok][:3]
            times["engine"].append(seconds)

            start = time.perf_counter()
            summary = congvan.render_many(paths, output=tmp / f"batch-{attempt}", formats=["pdf"], workers=args.workers)
            seconds = time.perf_counter() - start
            assert summary.done == len(paths) and not summary.failed, summary.failed[:3]
            times["batch"].append(seconds)
    n = args.count
    print(f"{n} công văn ({len(docx)} tệp PDF) ra PDF, {args.workers} worker, {os.cpu_count()} lõi, {args.repeat} vòng (mỗi vòng đủ ba cách)")
    labels = {
        "ceiling": "trần: soffice --convert-to, mỗi lõi một lệnh cho cả phần của nó",
        "engine": "engine congvan, worker đã ấm: chỉ chuyển đổi",
        "batch": "render_many YAML → PDF đã kiểm tra (cả lần chạy)",
    }
    for key, label in labels.items():
        median = statistics.median(times[key])
        ratios = [t / top for t, top in zip(times[key], times["ceiling"])]
        print(f"  {label:<62} {median:6.2f} s  {n / median:6.1f} công văn/s  "
              f"{statistics.median(ratios):5.2f}× trần (các vòng: {min(ratios):.2f}–{max(ratios):.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
