"""`congvan render --watch FILE`: one warm engine, a new DOCX and PDF at each save.

The files watched are the dispatch and everything it is made from: the .docx layout
template and the layout profile (given on the command line or by `layout:`), the
signature and seal images, the tables of the body. Their folders are watched (an
editor that saves by writing a new file and renaming it is seen too) and only those
files count; the set is read again after every render, so a new image is watched
from the save that names it. Errors are printed as they come and the watch goes on;
Ctrl-C stops it, LibreOffice with it.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator

if TYPE_CHECKING:
    from .render import Warm

    Render = Callable[[argparse.Namespace, set[str], Path, Warm | None], int]

FILE_KEYS = {"layout", "chu_ky", "con_dau", "tep"}  # fields that name an input file


def watch(args: argparse.Namespace, formats: set[str], out: Path, engine: Warm | None, render: Render) -> int:
    """Render now and after each save of an input; returns 0 when stopped with Ctrl-C."""
    from watchfiles import watch as changes

    source = Path(args.inputs[0])
    try:
        inputs = _once(args, formats, out, engine, render, source, set())
        while True:
            print(f"Đang theo dõi {len(inputs)} tệp ({source.name} và các tệp nó dùng); Ctrl-C để dừng.", flush=True)
            folders = sorted({str(p.parent) for p in inputs if p.parent.is_dir()})
            wanted = {str(p) for p in inputs}
            for batch in changes(*folders, watch_filter=lambda _, path: path in wanted, step=50, recursive=False):
                changed = {Path(path) for _, path in batch}
                if changed - {source.resolve()}:
                    _forget_templates()  # a template or a profile changed: compile it again
                fresh = _once(args, formats, out, engine, render, source, inputs)
                if fresh != inputs:
                    inputs = fresh
                    break  # watch the new set of files
    except KeyboardInterrupt:
        print("Đã dừng theo dõi.", flush=True)
        return 0


def _once(args: argparse.Namespace, formats: set[str], out: Path, engine: Warm | None, render: Render,
          source: Path, known: set[Path]) -> set[Path]:
    """One render, timed; the files it was made from (the last known ones if it failed)."""
    start = time.perf_counter()
    failed = render(args, formats, out, engine)
    took = f"{time.perf_counter() - start:.2f}".replace(".", ",")
    print(f"{'Có lỗi' if failed else 'Xong'} ({took} s, {time.strftime('%H:%M:%S')})", file=sys.stderr if failed else sys.stdout,
          flush=True)
    return inputs_of(source, args) | ({p for p in known if p.exists()} if failed else set())


def inputs_of(source: Path, args: argparse.Namespace) -> set[Path]:
    """The dispatch file and the files it names (resolved), as far as it can be read."""
    from ..errors import CongVanError
    from ..reader import load_mapping, relative_to

    found = {source.resolve()}
    for option in (args.template, args.layout):
        if option:
            found.add(Path(option).resolve())
    try:
        data, _ = load_mapping(source)
    except (CongVanError, OSError):
        return found
    for value in _file_values(relative_to(data, source.parent)):
        found.add(Path(value).resolve())
    return found


def _file_values(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            if key in FILE_KEYS and isinstance(item, str) and item.strip():
                yield item.strip()
            else:
                yield from _file_values(item)
    elif isinstance(value, list):
        for item in value:
            yield from _file_values(item)


def _forget_templates() -> None:
    from .. import render

    render._writer.cache_clear()
