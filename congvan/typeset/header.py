"""The header of a dispatch (ô 1–5): where its two columns meet, and its lines.

The decree fixes no column widths. Mẫu 1.5 (Phụ lục III) sets the agency, Số and
V/v on the left, the Quốc hiệu, Tiêu ngữ and the date on the right. For each
dispatch the split is chosen so that the Quốc hiệu and the date stay on one line
each, the agency's lines keep a visible gap from the Quốc hiệu, and the agency name
and the V/v break as few times as they can; the date steps down to 13 pt (II.4c
allows 13–14) before it would wrap.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from .. import nd30
from ..layout import Layout
from .lines import SAFETY, Block, Font, compose, widest
from .names import agency_block, relaxed

PT_PER_MM = 72 / 25.4
MIN_GAP_MM = 2.0  # between the agency's lines and the Quốc hiệu, as a reader sees it
MIN_LEFT_SHARE = 0.30  # the left column never narrower than this share of the text width
STEP_MM = 1.0
# Weights of the choice: a line more in the agency name or the V/v, the date at
# 13 pt, and each millimetre away from the profile's split.
AGENCY_LINE = 10.0
VV_LINE = 6.0
DATE_STEP = 12.0
PER_MM = 0.5


@dataclass(frozen=True)
class HeaderPlan:
    left_mm: float  # width of the left column; the right one takes the rest
    chu_quan: tuple[str, ...]  # lines of the chủ quản name
    ban_hanh: tuple[str, ...]  # lines of the issuing agency's name
    trich_yeu: tuple[str, ...]  # lines of "V/v …", the first starting with "V/v "
    date: tuple[str, ...]  # the place-and-date line (two only when nothing else fits)
    date_size: float
    rule_pt: float  # the rule under the agency name (II.2b)


def compose_name(lines: tuple[str, ...], font: Font, width_pt: float) -> tuple[str, ...] | None:
    """Each line as the user typed it, broken further at its phrases when too wide."""
    out: list[str] = []
    for line in lines:
        block = agency_block(line)
        composed = compose(block, font, width_pt) or compose(relaxed(block), font, width_pt)
        if composed is None:
            return None
        out += composed
    return tuple(out)


@dataclass(frozen=True)
class HeaderFrame:
    """What the layout template allows: the header's width, its split as drawn,
    whether the split may move, and whether the date line may change its size."""

    total_mm: float
    preferred_mm: float
    movable: bool = True
    date_steps: bool = True


def plan_header(layout: Layout, frame: HeaderFrame, chu_quan: tuple[str, ...], ban_hanh: tuple[str, ...],
                so_line: str, trich_yeu: str, date_line: str) -> HeaderPlan:
    """The best split of the header and the lines it gives."""
    # Only the width of the Số line matters, rounded up to half a point: the dispatches
    # of a mail merge, each with its own number, share one plan.
    so_width = math.ceil(Font(layout.co_chu.so_ky_hieu).width(so_line) * 2) / 2
    return _plan(layout, frame, chu_quan, ban_hanh, so_width, trich_yeu, date_line)


@lru_cache(maxsize=512)
def _plan(layout: Layout, frame: HeaderFrame, chu_quan: tuple[str, ...], ban_hanh: tuple[str, ...],
          so_width: float, trich_yeu: str, date_line: str) -> HeaderPlan:
    sizes = layout.co_chu
    total = frame.total_mm
    quoc_hieu = Font(sizes.quoc_hieu, bold=True).width(nd30.QUOC_HIEU)
    tieu_ngu = Font(sizes.tieu_ngu, bold=True).width(nd30.TIEU_NGU)
    top_right = max(quoc_hieu, tieu_ngu)
    chu_quan_font = Font(sizes.co_quan_chu_quan)
    ban_hanh_font = Font(sizes.co_quan_ban_hanh, bold=True)
    vv_font = Font(sizes.trich_yeu)
    vv_block = Block.plain("V/v " + trich_yeu)
    date_sizes = [sizes.dia_danh_ngay]
    if frame.date_steps:
        date_sizes = sorted({sizes.dia_danh_ngay, nd30.TEXT_RULES["dia_danh_ngay"].size.lo}, reverse=True)
    preferred = frame.preferred_mm
    best: tuple[float, HeaderPlan] | None = None
    # The widest left column that leaves the Quốc hiệu and Tiêu ngữ their line.
    left = min(preferred, total - top_right / SAFETY / PT_PER_MM) if frame.movable else preferred
    left = max(round(left, 1), total * MIN_LEFT_SHARE)
    lowest = total * MIN_LEFT_SHARE if frame.movable else left
    # Narrowing the left column never saves a line of the agency or the V/v and only
    # moves away from the profile's split; it can only let the date keep its size. So
    # the search stops at the first split where the date has its full size.
    while left >= lowest - 1e-9:
        right_pt = (total - left) * PT_PER_MM
        plan = _plan_at(left, left * PT_PER_MM, right_pt, top_right, chu_quan, ban_hanh, chu_quan_font, ban_hanh_font,
                        so_width, vv_block, vv_font, date_line, date_sizes, layout)
        if plan is not None:
            cost, candidate = plan
            cost += abs(left - preferred) * PER_MM
            if best is None or cost < best[0] - 1e-9:
                best = (cost, candidate)
            if candidate.date_size == date_sizes[0] and len(candidate.date) == 1:
                break
        left = round(left - STEP_MM, 1)
    if best is None:
        return _unplanned(layout, frame, chu_quan, ban_hanh, trich_yeu, date_line)
    return best[1]


def _unplanned(layout: Layout, frame: HeaderFrame, chu_quan: tuple[str, ...], ban_hanh: tuple[str, ...],
               trich_yeu: str, date_line: str) -> HeaderPlan:
    """What a template too narrow for the header still gets: the lines as typed, left
    for the word processor to wrap."""
    font = Font(layout.co_chu.co_quan_ban_hanh, bold=True)
    return HeaderPlan(frame.preferred_mm, chu_quan, ban_hanh, ("V/v " + trich_yeu,), (date_line,),
                      layout.co_chu.dia_danh_ngay, widest(ban_hanh, font) * layout.ti_le_gach_co_quan)


def _plan_at(left: float, left_pt: float, right_pt: float, top_right: float, chu_quan: tuple[str, ...],
             ban_hanh: tuple[str, ...], chu_quan_font: Font, ban_hanh_font: Font, so_width: float, vv_block: Block,
             vv_font: Font, date_line: str, date_sizes: list[float], layout: Layout) -> tuple[float, HeaderPlan] | None:
    chu = compose_name(chu_quan, chu_quan_font, left_pt)
    ban = compose_name(ban_hanh, ban_hanh_font, left_pt)
    vv = compose(vv_block, vv_font, left_pt)
    if chu is None or ban is None or vv is None or so_width > left_pt * SAFETY:
        return None
    agency = max(widest(chu, chu_quan_font), widest(ban, ban_hanh_font))
    gap = MIN_GAP_MM * PT_PER_MM
    if (left_pt - agency) / 2 + (right_pt - top_right) / 2 < gap:
        return None
    cost = (len(chu) + len(ban)) * AGENCY_LINE + len(vv) * VV_LINE
    date: tuple[str, ...]
    for step, size in enumerate(date_sizes):
        font = Font(size, italic=True)
        if font.width(date_line) <= right_pt * SAFETY and (left_pt - so_width) / 2 + (right_pt - font.width(date_line)) / 2 >= gap:
            date, date_size, cost = (date_line,), size, cost + step * DATE_STEP
            break
    else:
        # Nothing fits on one line, even at 13 pt: two lines, broken before "ngày".
        font = Font(date_sizes[-1], italic=True)
        words = date_line.split()
        costs = tuple(0.0 if words[i + 1] == "ngày" else 1000.0 for i in range(len(words) - 1))
        lines = compose(Block(tuple(words), costs), font, right_pt)
        if lines is None:
            return None
        date, date_size, cost = tuple(lines), date_sizes[-1], cost + 100
    rule = widest(ban, ban_hanh_font) * layout.ti_le_gach_co_quan
    return cost, HeaderPlan(left, chu, ban, vv, date, date_size, rule)
