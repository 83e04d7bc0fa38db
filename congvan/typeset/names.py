"""The cost of breaking an agency name at each space, from `phrases.py`."""

from __future__ import annotations

import math
import unicodedata
from functools import lru_cache

from . import phrases
from .lines import Block

GOOD = 0.0  # where the phrases of the name meet
BETWEEN_WORDS = 40.0  # between two known words of the name
UNKNOWN = 400.0  # inside a run of syllables nothing here knows (maybe one word)
NEVER = math.inf  # inside a word, a head, or a place name


def _key(word: str) -> str:
    """A word without case or diacritics: `Hoà`, `HÒA` and `HOA` are one key."""
    stripped = "".join(c for c in unicodedata.normalize("NFD", word.upper()) if not unicodedata.combining(c))
    return stripped.replace("Đ", "D")


def _keys(entries: tuple[str, ...]) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(_key(w) for w in entry.split()) for entry in entries)


_HEADS = _keys(phrases.HEADS) | _keys(phrases.TITLES)
_AUTHORITY = {_key(w) for w in phrases.AUTHORITY}
_UNITS = _keys(phrases.UNITS)
_PLACES = _keys(phrases.PLACES)
_COMPOUNDS = _keys(phrases.COMPOUNDS)
_WORDS = _COMPOUNDS | _HEADS | _UNITS | _PLACES
_LONGEST = max(len(entry) for entry in _WORDS)
_CONJUNCTIONS = {_key(w) for w in phrases.CONJUNCTIONS}
_CLOSING = set(phrases.CLOSING_MARKS)


def _match(keys: list[str], at: int, table: frozenset[tuple[str, ...]]) -> int:
    """Length of the longest entry of `table` starting at word `at` (0: none)."""
    for size in range(min(_LONGEST, len(keys) - at), 0, -1):
        if tuple(keys[at:at + size]) in table:
            return size
    return 0


@lru_cache(maxsize=1024)
def agency_block(name: str) -> Block:
    """The words of an agency name and the cost of breaking at each of its spaces."""
    words = tuple(name.split())
    keys = [_key(w) for w in words]
    n = len(words)
    costs = [UNKNOWN] * max(n - 1, 0)
    known = [False] * n  # word i is covered by a known entry
    at = 0
    while at < n:
        size = _match(keys, at, _WORDS)
        if size == 0:
            at += 1
            continue
        for i in range(at, at + size):
            known[i] = True
        for gap in range(at, at + size - 1):
            costs[gap] = NEVER  # inside a word of several syllables
        if at + size < n:
            costs[at + size - 1] = min(costs[at + size - 1], BETWEEN_WORDS)
        if at > 0 and known[at - 1]:
            costs[at - 1] = min(costs[at - 1], BETWEEN_WORDS)
        head = tuple(keys[at:at + size]) in _HEADS
        unit = tuple(keys[at:at + size]) in _UNITS
        if head and at + size < n:
            # ỦY BAN NHÂN DÂN / TỈNH AN GIANG; but a head of one syllable stays with
            # its name (never "SỞ" / "THÔNG TIN …").
            costs[at + size - 1] = GOOD if size > 1 else min(costs[at + size - 1], 2 * BETWEEN_WORDS)
        if head and at > 0 and costs[at - 1] != NEVER:
            costs[at - 1] = GOOD  # a new name begins: KT. CỤC TRƯỞNG / CỤC QUẢN LÝ …
        if unit and at > 0:
            costs[at - 1] = GOOD  # … / TỈNH AN GIANG
        if unit:
            # The place after a unit is one name up to the next phrase mark.
            end = at + size
            while end < n and keys[end] not in _CONJUNCTIONS and words[end - 1][-1:] not in _CLOSING and _match(keys, end, _UNITS) == 0:
                if end > at + size:
                    costs[end - 1] = NEVER
                end += 1
            at = max(at + size, end if end > at + size else at + size)
            continue
        at += size
    for i in range(n - 1):
        if keys[i + 1] in _CONJUNCTIONS:
            costs[i] = GOOD  # BỘ THÔNG TIN / VÀ TRUYỀN THÔNG
        if keys[i] in _CONJUNCTIONS:
            costs[i] = NEVER  # never "… VÀ" / "…"
        if words[i][-1:] in _CLOSING:
            costs[i] = GOOD  # BỘ LAO ĐỘNG - / THƯƠNG BINH VÀ XÃ HỘI
        if words[i + 1] in _CLOSING:
            costs[i] = NEVER  # a dash never starts a line
        if keys[i] in _AUTHORITY:
            costs[i] = NEVER  # KT. GIÁM ĐỐC stays one phrase
    return Block(words, tuple(costs), orphans=False)


@lru_cache(maxsize=1024)
def relaxed(block: Block) -> Block:
    """The same block where every space may break, for a name whose locked phrase is
    wider than its column: inside a head or a place between its words
    (`TRƯỜNG TRUNG HỌC` / `PHỔ THÔNG`) before inside a word (`TRUNG` / `HỌC`)."""
    keys = [_key(w) for w in block.words]
    inside_word: set[int] = set()
    at = 0
    while at < len(keys):
        size = _match(keys, at, _COMPOUNDS)
        inside_word.update(range(at, at + size - 1))
        at += max(size, 1)
    costs = tuple(
        (UNKNOWN * 10 if i in inside_word else UNKNOWN * 2) if math.isinf(c) else c
        for i, c in enumerate(block.costs)
    )
    return Block(block.words, costs, block.orphans)
