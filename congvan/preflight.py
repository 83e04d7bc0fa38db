"""Before a dispatch is written: what `congvan check` would report on it, said from the data.

The rules are `congvan.rulebook`'s, the ones check holds a DOCX to; here they are
given what the writer will print from the data and the layout profile. Each notice
names the file, the line and the field the văn thư typed (or the layout profile's
field), so it can be fixed at the source. `render` and `batch` print them as
warnings, or refuse the dispatch with `--strict`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .docx.writer import DocxWriter, noi_nhan_entries
from .errors import CongVanError, Problem
from .model import CongVan
from .reader import load_mapping
from .rulebook import Printed, broken
from .validation import Lines


@dataclass(frozen=True)
class Notice:
    """One rule the rendering would break, and where its value was typed."""

    rule: str
    source: str
    problem: Problem

    def __str__(self) -> str:
        return self.problem.describe(self.source)


def printed(cv: CongVan, writer: DocxWriter) -> Printed:
    """What the writer will show of `cv`, as the shared rules look at it."""
    so, ky_hieu = cv.so_ky_hieu.split("/", 1)
    if cv.kind.ma and ky_hieu.split("-", 1)[0] == cv.kind.ma:
        ky_hieu = ky_hieu.split("-", 1)[1] if "-" in ky_hieu else ""  # the type code keeps its case
    co_chu = writer.layout.co_chu
    # A user's layout template sets its own sizes (held to NĐ 30 by its own warnings).
    sizes = {} if writer.template_path else {"quoc_hieu": co_chu.quoc_hieu, "tieu_ngu": co_chu.tieu_ngu}
    return Printed(kinh_gui=tuple(cv.kinh_gui), noi_nhan=tuple(noi_nhan_entries(cv)), so=so, ky_hieu=ky_hieu, sizes=sizes)


def preflight(cv: CongVan, writer: DocxWriter, source: str, lines: Lines | None = None,
              layout_file: str | Path | None = None) -> list[Notice]:
    """The notices for `cv` written by `writer`. `lines` maps the data's field paths to
    their lines; `layout_file` is the profile given for the run (the dispatch's own
    `layout:` profile is found here)."""
    shown = printed(cv, writer)
    profile = layout_file
    if profile is None and cv.layout and Path(cv.layout).suffix.lower() != ".docx":
        profile = cv.layout
    notices = []
    for rule in broken(shown):
        message = f"{rule.describe(shown)} (Phụ lục I, {rule.section})"
        if rule.source == "layout":
            where, where_lines = (str(profile), _profile_lines(str(profile))) if profile else ("bố cục", {})
        else:
            where, where_lines = source, lines or {}
        path = tuple(rule.field.split("."))
        line = where_lines.get(path) or (where_lines.get(path[:-1]) if len(path) > 1 else None)
        notices.append(Notice(rule.rule, where, Problem(message, rule.field, line)))
    return notices


def _profile_lines(path: str) -> Lines:
    try:
        return _lines(path, Path(path).stat().st_mtime_ns)
    except (OSError, CongVanError):
        return {}


@lru_cache(maxsize=16)
def _lines(path: str, _mtime: int) -> Lines:
    return load_mapping(Path(path))[1]
