"""One dispatch to PDF from the command line, against its floor measured in the same run.

    python benchmarks/one_dispatch.py [--repeat 5] [FILE.yaml]

The floor is what no pipeline can beat without changing its parts: `congvan render`
to DOCX alone (a fresh process: imports, load, DOCX) plus one plain
`soffice --convert-to pdf` of that DOCX on a ready profile (a fresh process too).
Measured: `congvan render FILE --format pdf` (a fresh process, as a user runs it).
The three are interleaved, best of N each, so a busy moment of a shared machine hits
them alike; the figure is the ratio of the command to its floor.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from congvan.pdf import find_soffice  # noqa: E402
from congvan.pdf.worker import default_cache  # noqa: E402


def timed(command: list[str], **kwargs) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, timeout=300, **kwargs)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", nargs="?", default=str(ROOT / "examples" / "bau-cu-2021.yaml"))
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    soffice = find_soffice()
    congvan_cli = [sys.executable, "-m", "congvan.cli"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    best: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="congvan-bench-") as tmp:
        tmp = Path(tmp)
        # Warm-up: the shared profile copy congvan keeps, and the disk cache, for both.
        subprocess.run(congvan_cli + ["render", args.source, "-o", str(tmp / "warm"), "--format", "pdf"],
                       check=True, capture_output=True, env=env)
        profile = tmp / "profile"
        cache = default_cache(soffice)
        if cache.exists():
            shutil.copytree(cache, profile, symlinks=True)
        docx = tmp / "docx" / (Path(args.source).stem + ".docx")
        subprocess.run(congvan_cli + ["render", args.source, "-o", str(docx.parent)], check=True, capture_output=True, env=env)
        plain = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore", "--convert-to", "pdf"]
        subprocess.run(plain + ["--outdir", str(tmp / "plain-warm"), str(docx)], check=True, capture_output=True)
        measures = {
            "congvan render → DOCX": lambda i: timed(congvan_cli + ["render", args.source, "-o", str(tmp / f"d{i}")], env=env),
            "soffice --convert-to pdf (hồ sơ sẵn)": lambda i: timed(plain + ["--outdir", str(tmp / f"p{i}"), str(docx)]),
            "congvan render --format pdf": lambda i: timed(
                congvan_cli + ["render", args.source, "-o", str(tmp / f"c{i}"), "--format", "pdf"], env=env),
        }
        for i in range(args.repeat):
            for label, measure in measures.items():
                best[label] = min(measure(i), best.get(label, float("inf")))
    floor = best["congvan render → DOCX"] + best["soffice --convert-to pdf (hồ sơ sẵn)"]
    print(f"Một công văn ra PDF, {Path(args.source).name}, {os.cpu_count()} lõi, tốt nhất của {args.repeat} lần (xen kẽ)")
    for label, seconds in best.items():
        print(f"  {label:<40} {seconds:6.2f} s")
    print(f"  sàn = DOCX + một lần soffice            {floor:6.2f} s")
    print(f"  congvan render --format pdf / sàn:      {best['congvan render --format pdf'] / floor:5.2f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
