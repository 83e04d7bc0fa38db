"""What composing the lines costs per dispatch, measured in one run.

    python benchmarks/typeset_cost.py

CPU time (so a busy machine does not blur it) for 65 dispatches of real agencies (the typesetting test corpus), each rendered to DOCX
with the composition caches emptied first (as when every dispatch of a batch has its
own agency, trích yếu and signer) and again with them warm (a mail merge: one header
for every row). Prints the milliseconds of each and the share of the cold render that
the composition takes (the header plan, the signer's titles, Kính gửi and Nơi nhận).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import congvan  # noqa: E402
from congvan.docx.writer import DocxWriter  # noqa: E402
from congvan.typeset import header, lines, names  # noqa: E402
from tests.typeset_corpus import AGENCIES, dispatch  # noqa: E402

CACHES = (header._plan, lines.compose, names.agency_block, names.relaxed, lines._word_widths)


def clear() -> None:
    for cached in CACHES:
        cached.cache_clear()


def best_of(runs: int, fn) -> float:
    times = []
    for _ in range(runs):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return min(times)


def main() -> None:
    dispatches = [congvan.CongVan(**dispatch(i)) for i in range(len(AGENCIES))]
    writer = DocxWriter()
    writer.to_bytes(dispatches[0])  # template compiled, imports done

    def cold_render():
        for cv in dispatches:
            clear()
            writer.to_bytes(cv)

    def warm_render():
        for cv in dispatches:
            writer.to_bytes(cv)

    def cold_compose():
        for cv in dispatches:
            clear()
            writer.header_plan(cv)
            writer._nguoi_ky(cv, [])
            writer._kinh_gui(cv)
            writer._noi_nhan(cv)

    n = len(dispatches)
    cold = best_of(5, cold_render) / n * 1000
    warm_render()
    warm = best_of(5, warm_render) / n * 1000
    compose = best_of(5, cold_compose) / n * 1000
    print(f"{n} dispatches, best of 5")
    print(f"render, composition caches empty: {cold:.2f} ms/dispatch")
    print(f"render, composition caches warm:  {warm:.2f} ms/dispatch")
    print(f"composing the lines alone (cold): {compose:.2f} ms/dispatch = {compose / cold:.0%} of the cold render")
    print(f"cold / warm render: {cold / warm:.2f}")


if __name__ == "__main__":
    main()
