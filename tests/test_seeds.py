"""The examples' DOCX text reads as the seed dispatches, word for word.

The seeds are text taken from the original PDFs: side-by-side table cells come out
interleaved line by line, so a table row matches when the seed's words there are an
interleaving of the cells' words (each cell's words in order, nothing more or less).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import pytest
from docx.oxml.ns import qn

from congvan import nd30
from tests.conftest import SEEDS
from tests.docx_text import element_text

# The seeds type the Tiêu ngữ with en dashes; the decree (Phụ lục I, I.2b) writes
# "Độc lập - Tự do - Hạnh phúc" with hyphens, which is what congvan renders.
SEED_TIEU_NGU = "Độc lập – Tự do – Hạnh phúc"

# The second seed's PDF gave no text for its header row (agency and Quốc hiệu):
# its comparison starts at the Số cell.
STARTS_AT_SO = {"covid-19-sau-15-9-2021"}


# The seeds place tone marks the old way (khoá, Uỷ ban); the decree and the examples
# write khóa, Ủy ban (the mark on the main vowel of oa, oe, uy).
_OLD_TONE = re.compile(r"([oOuU])([àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ])(?!\w)")
_TONE_MARKS = "\u0300\u0301\u0309\u0303\u0323"


def _decree_spelling(text: str) -> str:
    def move(match: re.Match[str]) -> str:
        glide, vowel = match[1], unicodedata.normalize("NFD", match[2])
        if (glide in "uU" and vowel[0] not in "yY") or (glide in "oO" and vowel[0] not in "aAeE"):
            return match[0]
        if match.start() > 0 and text[match.start() - 1] in "qQ":
            return match[0]  # quý: the u belongs to qu
        marks = "".join(c for c in vowel if c in _TONE_MARKS)
        base = "".join(c for c in vowel if c not in _TONE_MARKS)
        return unicodedata.normalize("NFC", glide + marks + base)

    return _OLD_TONE.sub(move, text)


def seed_words(stem: str) -> list[str]:
    text = (SEEDS / f"{stem}.txt").read_text(encoding="utf-8")
    text = _decree_spelling(unicodedata.normalize("NFC", text).replace(SEED_TIEU_NGU, nd30.TIEU_NGU))
    return text.split()


def _text(element) -> str:
    return element_text(element)


def _cell_words(tc) -> list[str]:
    return " ".join(_text(p) for p in tc.iter(qn("w:p"))).split()


def docx_blocks(document) -> list[list[list[str]]]:
    """The body as blocks; a block is a list of parallel word lists (table cells)."""
    blocks = []
    for child in document.element.body:
        if child.tag == qn("w:p"):
            blocks.append([_text(child).split()])
        elif child.tag == qn("w:tbl"):
            for tr in child.iter(qn("w:tr")):
                blocks.append([_cell_words(tc) for tc in tr.iter(qn("w:tc"))])
    return [[cell for cell in block if cell] for block in blocks if any(block)]


def is_interleaving(seq: list[str], a: list[str], b: list[str]) -> bool:
    if len(seq) != len(a) + len(b):
        return False

    @lru_cache(maxsize=None)
    def ok(i: int, j: int) -> bool:
        if i == len(a) and j == len(b):
            return True
        k = i + j
        return (i < len(a) and a[i] == seq[k] and ok(i + 1, j)) or (
            j < len(b) and b[j] == seq[k] and ok(i, j + 1)
        )

    return ok(0, 0)


def first_mismatch(words: list[str], pos: int, block: list[list[str]]) -> str:
    flat = [w for cell in block for w in cell]
    return f"seed at word {pos}: {' '.join(words[pos:pos + 12])!r}\ndocx block: {' '.join(flat[:12])!r}"


def test_docx_text_matches_seed(example, document):
    assert_matches_seed(example.stem, document)


def assert_matches_seed(stem: str, document) -> None:
    """The document's words are the seed's, in order (table cells interleaved)."""
    words = seed_words(stem)
    blocks = docx_blocks(document)
    if stem in STARTS_AT_SO:
        while not blocks[0][0] or blocks[0][0][0] != "Số:":
            blocks.pop(0)
    pos = 0
    for block in blocks:
        n = sum(len(cell) for cell in block)
        span = words[pos:pos + n]
        if len(block) == 1:
            ok = span == block[0]
        elif len(block) == 2:
            ok = is_interleaving(span, block[0], block[1])
        else:
            pytest.fail(f"unexpected {len(block)}-cell row")
        assert ok, first_mismatch(words, pos, block)
        pos += n
    assert pos == len(words), f"seed has more words: {' '.join(words[pos:pos + 20])!r}"


def test_interleaving_check_is_strict():
    assert is_interleaving("a x b y".split(), ["a", "b"], ["x", "y"])
    assert not is_interleaving("a y b x".split(), ["a", "b"], ["x", "y"])
    assert not is_interleaving("a x b".split(), ["a", "b"], ["x", "y"])
