"""Vietnamese typed in a legacy 8-bit encoding, found and converted to Unicode.

Before Unicode (which Decree 30 requires: Phụ lục I, I.1: "phông chữ tiếng Việt của
bộ mã ký tự Unicode theo TCVN 6909:2001"), Vietnamese was typed in fonts that drew
Vietnamese letters in place of Latin-1 ones. Copied out of such a document the text
arrives as Latin-1 gibberish:

    TCVN3 (ABC, .VnTime)   Céng hoµ x· héi chñ nghÜa ViÖt Nam
    VNI (VNI-Times)        Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam

Detection works word by word: a word is evidence when it holds a Latin-1 character
that Vietnamese never uses (µ, ¸, ø, ä…) and decodes to a well-formed Vietnamese
syllable. Ordinary Unicode Vietnamese has no such word, so it raises no alarm.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Callable
from dataclasses import dataclass

# TCVN 5712:1993 VN3 ("ABC"): 67 lower-case letters and 7 capitals. Text set in the
# upper-case fonts (.VnTimeH) uses the lower-case codes; see _upper_words.
_TCVN3 = "µ¸¶·¹¨»¾¼½Æ©ÇÊÈÉË®ÌÐÎÏÑªÒÕÓÔÖ×ÝØÜÞßãáâä«åèæçé¬êíëìîïóñòô\u00adõøö÷ùúýûüþ¡¢§£¤¥¦"
_TCVN3_UNICODE = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĂÂĐÊÔƠƯ"
TCVN3_TABLE = str.maketrans(_TCVN3, _TCVN3_UNICODE)


def _vni_table() -> dict[str, str]:
    """VNI for Windows: a base letter, then a mark character (aø = à, aâ = â, aä = ậ)."""
    tone = "\u0300\u0301\u0309\u0303\u0323"  # grave, acute, hook, tilde, dot below
    marks = {  # the VNI mark for each tone after a plain vowel, ơ or ư
        "plain": "øùûõï",
        "circumflex": "àáåãä",  # after â, ê, ô: the mark replaces the circumflex "â"
        "breve": "èéúüë",  # after ă: the mark replaces the breve "ê"
    }
    bases = {  # Unicode vowel: (VNI spelling, mark set)
        "a": ("a", "plain"), "ă": ("aê", "breve"), "â": ("aâ", "circumflex"),
        "e": ("e", "plain"), "ê": ("eâ", "circumflex"),
        "o": ("o", "plain"), "ô": ("oâ", "circumflex"), "ơ": ("ô", "plain"),
        "u": ("u", "plain"), "ư": ("ö", "plain"), "y": ("y", "plain"),
    }
    table: dict[str, str] = {}
    for vowel, (spelling, kind) in bases.items():
        if len(spelling) == 2 or spelling in "ôö":
            table[spelling] = vowel
        for mark, accent in zip(marks[kind], tone):
            letter = unicodedata.normalize("NFC", vowel + accent)
            key = (spelling[0] + mark) if kind != "plain" else spelling + mark
            table[key] = letter
    # i takes single characters; so do ỵ and đ.
    table.update({"ì": "ì", "í": "í", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ", "ñ": "đ"})
    upper = {k.upper(): v.upper() for k, v in table.items()}
    table.update(upper)
    for same in "ìíÌÍ":  # unchanged letters need no rule
        table.pop(same)
    return table


VNI_TABLE = _vni_table()
_VNI_SEQUENCE = re.compile("|".join(sorted(map(re.escape, VNI_TABLE), key=len, reverse=True)))

ENCODINGS = {
    "TCVN3": "TCVN3 (ABC, phông .VnTime)",
    "VNI": "VNI (phông VNI-Times)",
}

# Latin-1 letters that Vietnamese uses; every other Latin-1 character is foreign to it.
_VIET_LATIN1 = set("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")
_FOREIGN = re.compile("[" + "".join(chr(c) for c in range(0xA1, 0x100) if chr(c) not in _VIET_LATIN1) + "]")
# Letters only Unicode can hold (ă đ ĩ ũ ơ ư and the whole Latin Extended Additional block).
_UNICODE_ONLY = re.compile("[ăĂđĐĩĨũŨơƠưƯ\u1ea0-\u1ef9]")
_EDGE = "\"'()[]{}.,;:!?-–—…“”‘’/"
_UNITS = re.compile(r"µ(?:m|g|l|L|s|A|V|F|W|mol|Ci|Sv|Gy)")

_TONES = "\u0300\u0301\u0303\u0309\u0323"
# The vowel nuclei Vietnamese spelling allows (tone marks aside), longest first: a
# legacy text read in the wrong encoding gives letters, but rarely these clusters
# ("Coäng" read as TCVN3 is "Coọng", as VNI "Cộng").
_NUCLEI = sorted(
    "a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi oo ua uâ uê ui uô uơ uy "
    "ưa ưi ươ ưu yê iêu oai oay oeo uây uôi ươi ươu uya uyê uyu yêu".split(),
    key=len, reverse=True,
)
_SYLLABLE = re.compile(
    rf"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?(?:{'|'.join(_NUCLEI)})(?:ch|ng|nh|[cmnpt])?"
)


def from_tcvn3(text: str) -> str:
    return _upper_words(text, text.translate(TCVN3_TABLE))


def from_vni(text: str) -> str:
    return _VNI_SEQUENCE.sub(lambda m: VNI_TABLE[m.group()], text)


_DECODERS = {"TCVN3": from_tcvn3, "VNI": from_vni}


def _upper_words(original: str, converted: str) -> str:
    """TCVN3 has no upper-case accented letters: text set in .VnTimeH is typed with
    the lower-case codes and upper-case ASCII (CéNG HOµ). A word, or a whole text,
    whose ASCII letters are all capitals (at least two of them) is made upper case."""
    letters = [c for c in original if c.isascii() and c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return converted.upper()
    out = []
    for word, new in zip(re.split(r"(\s+)", original), re.split(r"(\s+)", converted)):
        ascii_letters = [c for c in word if c.isascii() and c.isalpha()]
        caps = len(ascii_letters) >= 2 and all(c.isupper() for c in ascii_letters)
        out.append(new.upper() if caps and _FOREIGN.search(word) else new)
    return "".join(out)


def is_syllable(word: str) -> bool:
    """A well-formed Vietnamese syllable (shape only: onset, vowels, coda, one tone)."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    if sum(c in _TONES for c in decomposed) > 1:
        return False
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    return _SYLLABLE.fullmatch(base) is not None


def _decodes_to_vietnamese(token: str, decode: Callable[[str], str]) -> str | None:
    """The decoded word when `token` reads as Vietnamese in that encoding."""
    word = token.strip(_EDGE)
    if not word or _UNITS.fullmatch(word):
        return None
    decoded = decode(word)
    if _FOREIGN.search(decoded):
        return None
    parts = decoded.split("-")
    if not all(p.isalpha() and is_syllable(p) for p in parts):
        return None
    if len(decoded) < 2:  # one letter alone (½ → ẵ, © → â) proves nothing
        return None
    return decoded


@dataclass(frozen=True)
class Legacy:
    """What a text looks like: the encoding, one word as evidence, and its reading."""

    encoding: str
    word: str
    reading: str
    mixed: bool  # the text also holds Unicode-only letters: part Unicode, part legacy

    @property
    def name(self) -> str:
        return ENCODINGS[self.encoding]


def detect_legacy(text: str) -> Legacy | None:
    """The legacy encoding `text` seems typed in, or None for Unicode (or plain ASCII)."""
    if not _FOREIGN.search(text):
        return None
    tokens = [t for t in text.split() if _FOREIGN.search(t)]
    best: tuple[int, str, str, str] | None = None
    for encoding, decode in _DECODERS.items():
        hits = [(t, r) for t in tokens if (r := _decodes_to_vietnamese(t, decode))]
        if hits and (best is None or len(hits) > best[0]):
            best = (len(hits), encoding, hits[0][0].strip(_EDGE), hits[0][1])
    if best is None:
        return None
    count, encoding, word, reading = best
    mixed = bool(_UNICODE_ONLY.search(text))
    # One word is enough when it is all the evidence there is (a short field such
    # as a name); otherwise most words with foreign characters must read as Vietnamese.
    enough = count >= 2 and count * 2 >= len(tokens) or count == len(tokens)
    if mixed:
        enough = count >= 2 and count * 2 >= len(tokens)
    return Legacy(encoding, word, reading, mixed) if enough else None


def convert_legacy(text: str, encoding: str) -> str:
    """`text` read as `encoding` ("TCVN3" or "VNI"), in Unicode NFC."""
    try:
        decode = _DECODERS[encoding]
    except KeyError:
        raise ValueError(f"bảng mã phải là {' hoặc '.join(_DECODERS)}, không phải {encoding!r}") from None
    return unicodedata.normalize("NFC", decode(text))
