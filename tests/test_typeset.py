"""The typesetting layer on its own: the width table is the font's, agency names break
where a văn thư breaks them, and composed lines keep their promises for any text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from congvan.layout import DEFAULT_LAYOUT
from congvan.typeset import Block, Font, HeaderFrame, compose, compose_entry, compose_title, no_break_references, plan_header
from congvan.typeset import widths
from congvan.typeset.make_widths import FONT_DIR, module_text, read_widths
from congvan.typeset.names import agency_block, relaxed

MM = 72 / 25.4
LEFT = 67.9 * MM  # the left header column when the Quốc hiệu takes its line at 13 pt


@pytest.mark.skipif(not FONT_DIR.exists(), reason="Liberation Serif is not installed")
def test_width_table_is_the_fonts():
    shipped = Path(widths.__file__).read_text(encoding="utf-8")
    assert module_text(*read_widths()) == shipped


@pytest.mark.parametrize("name, lines", [
    ("ỦY BAN NHÂN DÂN TỈNH AN GIANG", ["ỦY BAN NHÂN DÂN", "TỈNH AN GIANG"]),
    ("ỦY BAN NHÂN DÂN HUYỆN CỦ CHI", ["ỦY BAN NHÂN DÂN", "HUYỆN CỦ CHI"]),
    ("ỦY BAN NHÂN DÂN TỈNH THỪA THIÊN HUẾ", ["ỦY BAN NHÂN DÂN", "TỈNH THỪA THIÊN HUẾ"]),
    ("BỘ THÔNG TIN VÀ TRUYỀN THÔNG", ["BỘ THÔNG TIN", "VÀ TRUYỀN THÔNG"]),
    ("BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", ["BỘ LAO ĐỘNG -", "THƯƠNG BINH VÀ XÃ HỘI"]),
    ("TRƯỜNG ĐẠI HỌC SƯ PHẠM KỸ THUẬT THÀNH PHỐ HỒ CHÍ MINH", ["TRƯỜNG ĐẠI HỌC", "SƯ PHẠM KỸ THUẬT", "THÀNH PHỐ HỒ CHÍ MINH"]),
    ("Ủy ban nhân dân tỉnh An Giang", ["Ủy ban nhân dân tỉnh An Giang"]),  # fits: never broken
])
def test_agency_names_break_where_their_phrases_meet(name, lines):
    assert list(compose(agency_block(name), Font(13, bold=True), LEFT)) == lines


def test_a_title_in_a_chain_breaks_inside_the_signature_column():
    column = DEFAULT_LAYOUT.text_width_mm * (1 - DEFAULT_LAYOUT.ti_le_cot_noi_nhan) * MM
    assert compose_title("KT. CỤC TRƯỞNG CỤC QUẢN LÝ KHÁM, CHỮA BỆNH", Font(14, bold=True), column) == (
        "KT. CỤC TRƯỞNG", "CỤC QUẢN LÝ KHÁM, CHỮA BỆNH")


def test_a_long_place_steps_the_date_to_13_pt_and_keeps_one_line():
    frame = HeaderFrame(DEFAULT_LAYOUT.text_width_mm, DEFAULT_LAYOUT.text_width_mm * DEFAULT_LAYOUT.ti_le_cot_trai)
    plan = plan_header(DEFAULT_LAYOUT, frame, ("ỦY BAN NHÂN DÂN", "THÀNH PHỐ HỒ CHÍ MINH"),
                       ("TRƯỜNG ĐẠI HỌC SƯ PHẠM KỸ THUẬT THÀNH PHỐ HỒ CHÍ MINH",), "Số: 12/ĐHSPKT",
                       "báo cáo", "Thành phố Hồ Chí Minh, ngày 25 tháng 11 năm 2018")
    assert plan.date == ("Thành phố Hồ Chí Minh, ngày 25 tháng 11 năm 2018",) and plan.date_size == 13
    short = plan_header(DEFAULT_LAYOUT, frame, (), ("SỞ Y TẾ",), "Số: 12/SYT", "báo cáo", "Huế, ngày 05 tháng 3 năm 2021")
    assert short.date_size == 14


def test_references_keep_their_hyphens_together():
    assert no_break_references("Công văn số 1016/BTNMT-TCMT và COVID-19, 2021 - 2026") == (
        "Công văn số 1016/BTNMT\u2011TCMT và COVID-19, 2021 - 2026")


words = st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạếềểễệớờởỡợứừửữự", min_size=1, max_size=12)


@settings(max_examples=200, deadline=None)
@given(st.lists(words, min_size=1, max_size=30), st.floats(min_value=120, max_value=400))
def test_composed_lines_keep_the_text_fit_and_leave_no_word_alone(text_words, width):
    font = Font(13)
    text = " ".join(text_words)
    lines = compose_entry(text, font, width)
    assert " ".join(lines) == text
    if all(font.width(w) <= width for w in text_words):
        assert all(font.width(line) <= width for line in lines)
        # Fewest lines: the greedy count (which fills every line) is never beaten by one.
        greedy, current = 1, ""
        for word in text_words:
            candidate = f"{current} {word}".strip()
            if font.width(candidate) <= width * 0.995 or not current:
                current = candidate
            else:
                greedy, current = greedy + 1, word
        assert len(lines) == greedy
        if len(lines) > 1 and len(text_words) > 3 and len(lines[-1].split()) == 1:
            # A word alone on the last line only when no word of the line above can
            # join it without a line more.
            above = lines[-2].split()
            assert len(above) == 1 or font.width(f"{above[-1]} {lines[-1]}") > width * 0.995


_WORDS = st.sampled_from(["Ủy", "ban", "nhân", "dân", "tỉnh", "Đồng", "Tháp", "Sở", "Giáo", "dục", "và", "Đào", "tạo",
                          "Trường", "Trung", "học", "phổ", "thông", "Nguyễn", "Du", "số", "12/KH‑UBND", "huyện", "Cao", "Lãnh"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=14), st.floats(min_value=40, max_value=480),
       st.none() | st.floats(min_value=20, max_value=480), st.sampled_from([12.0, 13.0, 14.0]))
def test_an_entry_that_fits_on_one_line_is_what_the_composer_gives(words, width, first, size):
    """compose_entry's shortcut for a short entry gives the composer's own answer."""
    text = " ".join(words)
    font = Font(size)
    names = agency_block(text)
    block = Block(names.words, names.costs, orphans=True)
    full = compose(block, font, width, first) or compose(relaxed(block), font, width, first) or (text,)
    assert compose_entry(text, font, width, first) == full
