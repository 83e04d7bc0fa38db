"""Numbers and money in words, by the standard written reading.

The expected readings are written out by hand; the round trip parses words back with
a parser of its own (below), independent of the library.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from jinja2.sandbox import SandboxedEnvironment
from num2words import CONVERTER_CLASSES, num2words

from congvan import format_date, format_number, so_thanh_chu, tien, tien_thanh_chu
from congvan.errors import TextError
from congvan.vietnamese.filters import FILTERS
from congvan.vietnamese.lang_vi import Num2Word_VI

READINGS = [
    (0, "không"),
    (1, "một"),
    (4, "bốn"),
    (5, "năm"),
    (9, "chín"),
    (10, "mười"),
    (11, "mười một"),
    (14, "mười bốn"),
    (15, "mười lăm"),
    (19, "mười chín"),
    (20, "hai mươi"),
    (21, "hai mươi mốt"),
    (24, "hai mươi tư"),
    (25, "hai mươi lăm"),
    (31, "ba mươi mốt"),
    (44, "bốn mươi tư"),
    (55, "năm mươi lăm"),
    (70, "bảy mươi"),
    (99, "chín mươi chín"),
    (100, "một trăm"),
    (101, "một trăm linh một"),
    (104, "một trăm linh bốn"),
    (105, "một trăm linh năm"),
    (110, "một trăm mười"),
    (111, "một trăm mười một"),
    (115, "một trăm mười lăm"),
    (121, "một trăm hai mươi mốt"),
    (205, "hai trăm linh năm"),
    (999, "chín trăm chín mươi chín"),
    (1000, "một nghìn"),
    (1001, "một nghìn không trăm linh một"),
    (1005, "một nghìn không trăm linh năm"),
    (1010, "một nghìn không trăm mười"),
    (1015, "một nghìn không trăm mười lăm"),
    (1100, "một nghìn một trăm"),
    (1234, "một nghìn hai trăm ba mươi tư"),
    (2021, "hai nghìn không trăm hai mươi mốt"),
    (2026, "hai nghìn không trăm hai mươi sáu"),
    (10000, "mười nghìn"),
    (10001, "mười nghìn không trăm linh một"),
    (15000, "mười lăm nghìn"),
    (21000, "hai mươi mốt nghìn"),
    (25500, "hai mươi lăm nghìn năm trăm"),
    (100000, "một trăm nghìn"),
    (105000, "một trăm linh năm nghìn"),
    (1000000, "một triệu"),
    (1000050, "một triệu không trăm năm mươi"),
    (1001000, "một triệu không trăm linh một nghìn"),
    (1500000, "một triệu năm trăm nghìn"),
    (2000005, "hai triệu không trăm linh năm"),
    (200000000, "hai trăm triệu"),
    (1000000000, "một tỷ"),
    (1000000001, "một tỷ không trăm linh một"),
    (3500000000, "ba tỷ năm trăm triệu"),
    # Above a tỷ, the number of tỷ is read as a number (budget figures: "1.620.744 tỷ đồng").
    (10**12, "một nghìn tỷ"),
    (2 * 10**12 + 1, "hai nghìn tỷ không trăm linh một"),
    (1_500_000_000_000, "một nghìn năm trăm tỷ"),
    (1_005_000_000_000, "một nghìn không trăm linh năm tỷ"),
    (2_021_300_000_000, "hai nghìn không trăm hai mươi mốt tỷ ba trăm triệu"),
    (12_345_678_901_234, "mười hai nghìn ba trăm bốn mươi lăm tỷ sáu trăm bảy mươi tám triệu "
                         "chín trăm linh một nghìn hai trăm ba mươi tư"),
    (305_000_000_000_000, "ba trăm linh năm nghìn tỷ"),
    (999_999_000_000_000, "chín trăm chín mươi chín nghìn chín trăm chín mươi chín tỷ"),
    (10**15, "một triệu tỷ"),
    (1_620_744 * 10**9, "một triệu sáu trăm hai mươi nghìn bảy trăm bốn mươi tư tỷ"),
    (1_000_500 * 10**9 + 7, "một triệu năm trăm tỷ không trăm linh bảy"),
    (25_000_000_000_000_015, "hai mươi lăm triệu tỷ không trăm mười lăm"),
    (123_456_789_012_345_678, "một trăm hai mươi ba triệu bốn trăm năm mươi sáu nghìn bảy trăm tám mươi chín tỷ "
                              "không trăm mười hai triệu ba trăm bốn mươi lăm nghìn sáu trăm bảy mươi tám"),
    (10**18, "một tỷ tỷ"),
    (10**18 + 10**9, "một tỷ không trăm linh một tỷ"),
    (3 * 10**18 + 2 * 10**12, "ba tỷ không trăm linh hai nghìn tỷ"),
    (10**21 - 1, "chín trăm chín mươi chín tỷ chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn "
                 "chín trăm chín mươi chín tỷ chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn "
                 "chín trăm chín mươi chín"),
    (-5, "âm năm"),
    (-2021, "âm hai nghìn không trăm hai mươi mốt"),
    ("1.500.000", "một triệu năm trăm nghìn"),
    ("1,5", "một phẩy năm"),
    ("0,5", "không phẩy năm"),
    ("1,05", "một phẩy không năm"),
    ("2,25", "hai phẩy hai mươi lăm"),
    ("-0,75", "âm không phẩy bảy mươi lăm"),
    ("1.234,56", "một nghìn hai trăm ba mươi tư phẩy năm mươi sáu"),
    (Decimal("3.14"), "ba phẩy mười bốn"),
    (Decimal("1.50"), "một phẩy năm"),
]


@pytest.mark.parametrize(("value", "words"), READINGS, ids=[str(v) for v, _ in READINGS])
def test_standard_reading(value, words):
    assert so_thanh_chu(value) == words


def test_the_three_readings_num2words_gets_wrong():
    assert so_thanh_chu(2021) == "hai nghìn không trăm hai mươi mốt"
    assert so_thanh_chu(1000050) == "một triệu không trăm năm mươi"
    assert so_thanh_chu("1,5") == "một phẩy năm"


@pytest.mark.parametrize(
    ("value", "options", "words"),
    [
        (105, {"linh": "lẻ"}, "một trăm lẻ năm"),
        (2001, {"linh": "lẻ"}, "hai nghìn không trăm lẻ một"),
        (24, {"tu": "bốn"}, "hai mươi bốn"),
        (14, {"tu": "tư"}, "mười bốn"),  # "tư" only after a tens digit of 2 and above
        ("1,25", {"thap_phan": "chu_so"}, "một phẩy hai năm"),
        ("3,14", {"thap_phan": "chu_so"}, "ba phẩy một bốn"),
    ],
)
def test_options(value, options, words):
    assert so_thanh_chu(value, **options) == words


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (1.5, "float"),
        (True, "bool"),
        (None, "NoneType"),
        ("abc", "không phải số viết theo cách Việt Nam"),
        ("1.5", "không phải số viết theo cách Việt Nam"),
        ("1,500", "dễ nhầm"),
        ("1 500", "không phải số viết theo cách Việt Nam"),
        (10**21, "quá lớn"),
    ],
)
def test_what_is_not_a_number_is_refused(value, message):
    with pytest.raises(TextError, match=message):
        so_thanh_chu(value)


def test_bad_option_is_refused():
    with pytest.raises(ValueError, match="linh"):
        so_thanh_chu(105, linh="le")


# -- money ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "kwargs", "words"),
    [
        (200000000, {}, "Hai trăm triệu đồng"),
        ("200.000.000", {"chan": True}, "Hai trăm triệu đồng chẵn"),
        (1250000, {}, "Một triệu hai trăm năm mươi nghìn đồng"),
        (2021000, {}, "Hai triệu không trăm hai mươi mốt nghìn đồng"),
        (-1500, {}, "Âm một nghìn năm trăm đồng"),
        ("10,5", {"don_vi": "đô la Mỹ", "don_vi_le": "xu"}, "Mười đô la Mỹ năm mươi xu"),
        (15, {"don_vi": "đô la Mỹ", "don_vi_le": "xu", "chan": True}, "Mười lăm đô la Mỹ chẵn"),
        ("2,5", {}, "Hai phẩy năm đồng"),
    ],
)
def test_money_in_words(value, kwargs, words):
    assert tien_thanh_chu(value, **kwargs) == words


def test_money_in_figures_then_words():
    assert tien(200000000) == "200.000.000 đồng (Hai trăm triệu đồng)"


def test_minor_unit_takes_two_digits_at_most():
    with pytest.raises(TextError, match="xu"):
        tien_thanh_chu("1,2555", "đô la Mỹ", don_vi_le="xu")


# -- notation --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "kwargs", "text"),
    [
        (1500000, {}, "1.500.000"),
        (999, {}, "999"),
        ("1.234,56", {}, "1.234,56"),
        (Decimal("1234.565"), {"decimals": 2}, "1.234,57"),
        (Decimal("-0.5"), {}, "-0,5"),
        (7, {"decimals": 2}, "7,00"),
    ],
)
def test_vietnamese_notation(value, kwargs, text):
    assert format_number(value, **kwargs) == text


@pytest.mark.parametrize(
    ("value", "kieu", "text"),
    [
        ("2021-03-05", "day_du", "ngày 05 tháng 3 năm 2021"),
        ("2021-02-15", "day_du", "ngày 15 tháng 02 năm 2021"),
        ("2021-01-09", "day_du", "ngày 09 tháng 01 năm 2021"),
        ("2021-12-25", "day_du", "ngày 25 tháng 12 năm 2021"),
        ("05/3/2021", "ngan", "05/3/2021"),
        ("2021-02-01", "ngan", "01/02/2021"),
        ({"thang": 3, "nam": 2021}, "day_du", f"ngày {' ' * 8} tháng 3 năm 2021"),
        ("2021", "day_du", f"ngày {' ' * 8} tháng {' ' * 8} năm 2021"),
    ],
)
def test_dates_with_the_decrees_padding(value, kieu, text):
    assert format_date(value, kieu) == text


def test_a_date_that_does_not_exist_is_refused():
    with pytest.raises(TextError, match="30/02/2021 không tồn tại"):
        format_date("2021-02-30")


def test_filters_in_a_sandboxed_content_template():
    env = SandboxedEnvironment()
    env.filters.update(FILTERS)
    template = env.from_string(
        "{{ kinh_phi | so }} đồng ({{ kinh_phi | tien_thanh_chu }}); năm {{ nam | so_thanh_chu }}; hạn {{ han | ngay }}"
    )
    text = template.render(kinh_phi=200000000, nam=2021, han="2021-03-05")
    assert text == ("200.000.000 đồng (Hai trăm triệu đồng); năm hai nghìn không trăm hai mươi mốt; "
                    "hạn ngày 05 tháng 3 năm 2021")


# -- the converter is a drop-in for num2words --------------------------------------------------


def test_converter_works_inside_num2words(monkeypatch):
    monkeypatch.setitem(CONVERTER_CLASSES, "vi", Num2Word_VI())
    assert num2words(2021, lang="vi") == "hai nghìn không trăm hai mươi mốt"
    assert num2words(105, lang="vi", zero_tens="linh") == "một trăm linh năm"
    assert num2words(1.5, lang="vi") == "một phẩy năm"
    assert num2words(100000, lang="vi", to="currency", currency="VND") == "một trăm nghìn đồng"


# -- properties: words back to the number --------------------------------------------------------

DIGITS = {"không": 0, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5,
          "sáu": 6, "bảy": 7, "tám": 8, "chín": 9}
SCALES = {"nghìn": 10**3, "triệu": 10**6}


def _group(words: list[str]) -> int:
    """0–999 from its words: [X trăm] [linh Y | mười [Y] | X mươi [Y] | Y]."""
    value = 0
    if len(words) >= 2 and words[1] == "trăm":
        value, words = DIGITS[words[0]] * 100, words[2:]
    if not words:
        return value
    if words[0] in ("linh", "lẻ"):
        assert len(words) == 2
        return value + DIGITS[words[1]]
    if words[0] == "mười":
        assert len(words) <= 2
        return value + 10 + (DIGITS[words[1]] if len(words) == 2 else 0)
    if len(words) >= 2 and words[1] == "mươi":
        assert len(words) <= 3
        return value + DIGITS[words[0]] * 10 + (DIGITS[words[2]] if len(words) == 3 else 0)
    assert len(words) == 1
    return value + DIGITS[words[0]]


def _below_ty(words: list[str]) -> int:
    """0–999 999 999: groups each followed by "triệu" or "nghìn", then the units."""
    total, group = 0, []
    for word in words:
        if word in SCALES:
            assert group, words
            total += _group(group) * SCALES[word]
            group = []
        else:
            group.append(word)
    return total + (_group(group) if group else 0)


def parse_words(text: str) -> int:
    """An integer from its Vietnamese reading. Everything before the last "tỷ" is a
    number of tỷ, read the same way (recursively); after it come triệu, nghìn, units."""
    words = text.split()
    sign = 1
    if words[0] == "âm":
        sign, words = -1, words[1:]
    return sign * _read(words)


def _read(words: list[str]) -> int:
    if "tỷ" not in words:
        return _below_ty(words)
    last = len(words) - 1 - words[::-1].index("tỷ")
    assert last > 0, words
    return _read(words[:last]) * 10**9 + _below_ty(words[last + 1:])


def test_the_test_parser_reads_by_hand_readings():
    for value, words in READINGS:
        if isinstance(value, int):
            assert parse_words(words) == value, words


@given(st.one_of(st.integers(min_value=-(10**18), max_value=10**18),
                 st.integers(min_value=10**12, max_value=10**18)))
def test_every_integer_reads_back_to_itself(n):
    words = so_thanh_chu(n)
    assert parse_words(words) == n
    assert parse_words(so_thanh_chu(n, linh="lẻ", tu="bốn")) == n


FORBIDDEN = re.compile(r"  |mươi một\b|mười mốt|linh lăm|lẻ lăm|mười tư|^ | $")


@given(st.integers(min_value=0, max_value=10**18))
def test_no_reading_breaks_the_spelling_rules(n):
    for options in ({}, {"linh": "lẻ"}, {"tu": "bốn"}):
        words = so_thanh_chu(n, **options)
        assert not FORBIDDEN.search(words), words
        assert ("lẻ" in words.split()) <= (options.get("linh") == "lẻ")
        if options.get("tu") == "bốn":
            assert "tư" not in words.split()


@given(st.integers(min_value=0, max_value=10**15), st.integers(min_value=0, max_value=99))
def test_money_reading_ends_with_the_unit(whole, cents):
    words = tien_thanh_chu(f"{whole},{cents:02d}", "đô la Mỹ", don_vi_le="xu")
    assert words[0].isupper()
    assert parse_words(words.split(" đô la Mỹ")[0].lower()) == whole
    assert words.endswith(" xu") if cents else words.endswith(" đô la Mỹ")
