"""Clean Unicode on the way in: NFC, no control characters, no legacy TCVN3/VNI text
passing for Unicode (recognised, named, converted on request)."""

from __future__ import annotations

import unicodedata

import pytest

import congvan
from congvan.cli import main
from congvan.errors import TextError
from congvan.vietnamese import clean_text, convert_legacy, detect_legacy
from tests.conftest import ROOT

# Well-known strings as typed with the legacy fonts (.VnTime for TCVN3, VNI-Times for
# VNI), and what they say.
TCVN3 = [
    ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam"),
    ("§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"),
    ("NguyÔn L©m Thanh Thñy", "Nguyễn Lâm Thanh Thủy"),
    ("UBND TØNH §åNG TH¸P", "UBND TỈNH ĐỒNG THÁP"),
]
VNI = [
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ("Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc"),
    ("Sôû Thoâng tin vaø Truyeàn thoâng", "Sở Thông tin và Truyền thông"),
    ("Nguyeãn Laâm Thanh Thuûy", "Nguyễn Lâm Thanh Thủy"),
]
# Unicode text that must never be taken for a legacy encoding.
UNICODE = [
    "Cộng hòa xã hội chủ nghĩa Việt Nam",
    "Nguyễn Lâm Thanh Thủy",
    "Kích thước hạt 5 µm",
    "© 2021 Sở Thông tin và Truyền thông",
    "½ số bản lưu",
    "Hello world, café au lait",
    "Giá 1.500.000 đồng – Điều 5 ± 2%",
]


@pytest.mark.parametrize(("typed", "meant"), TCVN3 + VNI)
def test_legacy_text_is_recognised_and_converted(typed, meant):
    found = detect_legacy(typed)
    assert found is not None
    assert found.encoding == ("TCVN3" if (typed, meant) in TCVN3 else "VNI")
    assert convert_legacy(typed, found.encoding) == meant
    assert clean_text(typed, convert_legacy=True) == meant


@pytest.mark.parametrize("text", UNICODE)
def test_unicode_text_is_left_alone(text):
    assert detect_legacy(text) is None
    assert clean_text(text) == unicodedata.normalize("NFC", text)


def test_legacy_text_is_refused_with_the_encoding_named():
    with pytest.raises(TextError, match=r"bảng mã TCVN3.*--convert-legacy") as caught:
        clean_text(TCVN3[0][0], "trich_yeu")
    assert caught.value.field == "trich_yeu"
    with pytest.raises(TextError, match="bảng mã VNI"):
        clean_text(VNI[0][0])


def test_mixed_unicode_and_legacy_is_refused_even_when_converting():
    with pytest.raises(TextError, match="lẫn chữ Unicode"):
        clean_text("Sở Thông tin: Céng hoµ x· héi chñ nghÜa", convert_legacy=True)


def test_decomposed_text_becomes_nfc():
    decomposed = unicodedata.normalize("NFD", "Đồng Tháp, ngày 05 tháng 3")
    assert decomposed != unicodedata.normalize("NFC", decomposed)
    assert clean_text(decomposed) == "Đồng Tháp, ngày 05 tháng 3"


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x0b", "\x1f", "\ufffe"])
def test_control_characters_are_refused_with_the_field(char):
    with pytest.raises(TextError, match=f"U\\+{ord(char):04X}") as caught:
        clean_text(f"Đồng{char}Tháp", "dia_danh")
    assert caught.value.field == "dia_danh"


def _with_legacy_trich_yeu(tmp_path):
    good = (ROOT / "examples" / "bau-cu-2021.yaml").read_text(encoding="utf-8")
    start = good.index("trich_yeu: >-")
    end = good.index("dia_danh:")
    source = tmp_path / "tcvn3.yaml"
    source.write_text(good[:start] + "trich_yeu: b¶o ®¶m th«ng tin liªn l¹c\n" + good[end:], encoding="utf-8")
    return source, good[:start].count("\n") + 1


def test_a_legacy_file_is_named_with_line_and_field(tmp_path, capsys):
    source, line = _with_legacy_trich_yeu(tmp_path)
    out = tmp_path / "out"
    assert main(["render", str(source), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"Lỗi: {source}, dòng {line}, trường 'trich_yeu': văn bản có vẻ gõ bằng bảng mã TCVN3" in err
    assert not out.exists()


def test_a_legacy_file_renders_with_convert_legacy(tmp_path):
    source, _ = _with_legacy_trich_yeu(tmp_path)
    assert congvan.load(source, convert_legacy=True).trich_yeu == "bảo đảm thông tin liên lạc"
    assert main(["render", str(source), "-o", str(tmp_path / "out"), "--convert-legacy"]) == 0
