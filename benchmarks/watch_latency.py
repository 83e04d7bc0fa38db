"""From a save to a finished PDF under `congvan render --watch`, against the warm
conversion alone, measured in the same run.

    python benchmarks/watch_latency.py [--saves 8] [FILE.yaml]

The watch runs as a user runs it (its own process, one warm LibreOffice). Each save
changes the dispatch's number and rewrites the file; the time is taken from the save
to the watch's "Xong" line, which it prints once the DOCX and the checked, finished
PDF are in place. Baseline: the same DOCX converted by a warm engine in this process
(LibreOffice's own time, nothing of congvan around it), interleaved with the saves.
Both are reported as medians, the figure as their ratio.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from queue import Empty, Queue

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from congvan.pdf import PdfEngine  # noqa: E402


def lines_of(proc: subprocess.Popen[str], into: Queue[tuple[float, str]]) -> None:
    assert proc.stdout is not None
    for line in proc.stdout:
        into.put((time.perf_counter(), line))


def wait_done(into: Queue[tuple[float, str]], timeout: float = 120) -> float:
    """When the next render finished (its "Xong"/"Có lỗi" line)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            at, line = into.get(timeout=max(deadline - time.monotonic(), 0.01))
        except Empty:
            raise SystemExit("không thấy lần tạo lại nào") from None
        if line.startswith("Có lỗi"):
            raise SystemExit(line)
        if line.startswith("Xong"):
            return at


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", nargs="?", default=str(ROOT / "examples" / "bau-cu-2021.yaml"))
    parser.add_argument("--saves", type=int, default=8)
    args = parser.parse_args()
    text = Path(args.source).read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory(prefix="congvan-bench-") as tmp:
        work = Path(tmp)
        source = work / Path(args.source).name
        source.write_text(text, encoding="utf-8")
        for sub in Path(args.source).parent.iterdir():  # tables and images the file may name
            if sub.is_dir() and not (work / sub.name).exists():
                os.symlink(sub, work / sub.name)
        out = work / "out"
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        proc = subprocess.Popen([sys.executable, "-m", "congvan.cli", "render", str(source), "-o", str(out), "--watch"],
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env, cwd=work)
        queue: Queue[tuple[float, str]] = Queue()
        threading.Thread(target=lines_of, args=(proc, queue), daemon=True).start()
        saves, conversions = [], []
        try:
            wait_done(queue)  # the first render, LibreOffice started
            docx = next(out.glob("*.docx"))
            with PdfEngine(workers=1) as engine:
                engine.convert([(docx, work / "warm.pdf")])
                for i in range(args.saves):
                    time.sleep(0.5)  # past the watch's grouping of changes
                    numbered = re.sub(r"(?m)^so:.*$", f"so: {i + 10}", text) if re.search(r"(?m)^so:", text) else f"so: {i + 10}\n{text}"
                    start = time.perf_counter()
                    source.write_text(numbered, encoding="utf-8")
                    saves.append(wait_done(queue) - start)
                    start = time.perf_counter()
                    result = engine.convert([(docx, work / f"base-{i}.pdf")])[0]
                    conversions.append(time.perf_counter() - start)
                    assert result.ok, result.error
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    save, base = statistics.median(saves), statistics.median(conversions)
    print(f"Từ lúc lưu đến PDF đã hoàn thiện, {Path(args.source).name}, {os.cpu_count()} lõi, trung vị của {args.saves} lần lưu")
    print(f"  render --watch: lưu → PDF            {save:6.2f} s  (nhanh nhất {min(saves):.2f}, chậm nhất {max(saves):.2f})")
    print(f"  mốc: chỉ chuyển đổi (engine ấm)      {base:6.2f} s")
    print(f"  lưu → PDF / chỉ chuyển đổi:          {save / base:5.2f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
