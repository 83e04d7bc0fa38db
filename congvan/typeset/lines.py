"""Composing the lines of a short block: the fewest lines that fit, balanced.

A block is a list of words and, for each space between two words, the cost of
breaking there (`math.inf`: never). `compose` finds the break points by dynamic
programming over the spaces: first the fewest lines, then the least cost, where a
line's cost is its break's cost plus the square of its slack (so lines come out of
even length: the balanced lines a văn thư sets by hand in a centred block) and a
last line of one word costs dearly (Phụ lục I leaves no rule for it; practice keeps
no single word or number alone on a last line).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import cast

from .metrics import text_units
from .widths import UNITS_PER_EM

# The DOCX is shown by Word and by LibreOffice, whose justification and rounding
# differ a little: a composed line stays this share under its width, so that
# neither re-breaks it.
SAFETY = 0.995
SHORT_LAST_COST = 5_000.0  # a last line of a single word
ORPHAN_COST = 50_000.0  # any line of a single word, in a block that breaks by phrase


@dataclass(frozen=True)
class Font:
    """Times New Roman at a size, upright or not, bold or not."""

    size: float
    bold: bool = False
    italic: bool = False

    def width(self, text: str) -> float:
        """Width of `text` in points."""
        return text_units(text, self.bold, self.italic) * self.size / UNITS_PER_EM


@dataclass(frozen=True)
class Block:
    """The words of a block and the cost of breaking after each but the last."""

    words: tuple[str, ...]
    costs: tuple[float, ...]
    orphans: bool = True  # False: a line of one word anywhere is (nearly) forbidden

    @classmethod
    def plain(cls, text: str) -> "Block":
        """Running text: every space is an equally good place to break."""
        words = tuple(text.split())
        # A dash never starts a line (LibreOffice and Word would not start one so).
        return cls(words, tuple(math.inf if w in _DASHES else 0.0 for w in words[1:]))


_DASHES = {"-", "–", "—"}


@lru_cache(maxsize=4096)
def compose(block: Block, font: Font, width_pt: float, first_width_pt: float | None = None) -> tuple[str, ...] | None:
    """The lines of `block` in a column `width_pt` wide (the first line may have its
    own width, e.g. after `Kính gửi:`), or None when a word alone is too wide."""
    words = block.words
    if not words:
        return ()
    n = len(words)
    space = font.width(" ")
    widths = _word_widths(words, font)
    limit = width_pt * SAFETY
    first = (first_width_pt if first_width_pt is not None else width_pt) * SAFETY
    # best[i]: (lines, cost, previous break) of the best composition of words[:i].
    best: list[tuple[float, float, int] | None] = [None] * (n + 1)
    best[0] = (0, 0.0, -1)
    widest_room = max(first, limit)
    for end in range(1, n + 1):
        length = -space
        for start in range(end - 1, -1, -1):
            length += widths[start] + space
            if length > widest_room + 1e-9:
                break  # longer lines fit nowhere
            room = first if start == 0 else limit
            if length > room + 1e-9:
                continue  # a wider first line may still hold it
            previous = best[start]
            if previous is None:
                continue
            cost = _line_cost(block, start, end, n, length, room)
            if math.isinf(cost):
                continue
            lines, total, _ = previous
            candidate = (lines + 1, total + cost, start)
            current = best[end]
            if current is None or candidate[:2] < current[:2]:
                best[end] = candidate
    if best[n] is None:
        return None  # the caller may relax the block

    # Every break on the path back from n was reached, so its entry is set.
    reached = [cast(tuple[float, float, int], entry) for entry in best]
    cuts = []
    at = n
    while at > 0:
        cuts.append(at)
        at = reached[at][2]
    starts = [reached[c][2] for c in cuts]
    return tuple(" ".join(words[s:e]) for s, e in zip(reversed(starts), reversed(cuts)))


def one_line(words: tuple[str, ...], font: Font, width_pt: float) -> str | None:
    """The words on one line when they fit in `width_pt`, measured as `compose`
    measures them (its first choice is always the fewest lines); else None."""
    if not words:
        return None
    space = font.width(" ")
    length = -space
    for width in reversed(_word_widths(words, font)):
        length += width + space
    return " ".join(words) if length <= width_pt * SAFETY + 1e-9 else None


@lru_cache(maxsize=4096)
def _word_widths(words: tuple[str, ...], font: Font) -> list[float]:
    return [font.width(word) for word in words]


def _line_cost(block: Block, start: int, end: int, n: int, length: float, room: float) -> float:
    cost = ((room - length) / room) ** 2 * 100
    if end < n:
        cost += block.costs[end - 1]
    if end - start == 1 and n > 1:
        if not block.orphans:
            cost += ORPHAN_COST
        elif end == n and n > 2:
            cost += SHORT_LAST_COST
    return cost


def widest(lines: tuple[str, ...] | list[str], font: Font) -> float:
    return max((font.width(line) for line in lines), default=0.0)
