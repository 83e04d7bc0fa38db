"""Rules of NĐ 30 held by both sides: `congvan check` on a read DOCX, and `render` and
`batch` on the data before they write.

A rule looks at `Printed`: the plain values a dispatch shows (the Nơi nhận lines, the
number, the sizes of the Quốc hiệu and Tiêu ngữ). `check` fills it from the
paragraphs it found; the preflight of `render` fills it from what the writer will
print from the data and the layout profile. The same rule, the same id and the same
message on both sides, so what check would report on a rendering is said before the
file exists. Each rule names the data field (or the layout profile's field) it comes
from, so the warning can point at the line the văn thư typed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from . import nd30


@dataclass(frozen=True)
class Printed:
    """What a dispatch shows, as plain values; None: the component is not there."""

    kinh_gui: tuple[str, ...] = ()  # the recipients after "Kính gửi"
    noi_nhan: tuple[str, ...] | None = None  # lines of Nơi nhận without the dash, Lưu last
    so: str | None = None  # the number as printed ("05"; blank in a draft)
    ky_hieu: str | None = None
    sizes: dict[str, float] = field(default_factory=dict)  # component key → pt


@dataclass(frozen=True)
class Rule:
    rule: str  # the id check reports
    severity: str  # "error" or "warning", as check reports it
    component: str  # as the decree names it
    section: str
    message: str  # formatted with the Printed as `p`
    broken: Callable[[Printed], bool]
    field: str  # where the value comes from in the data (or in the layout profile)
    source: str = "data"  # "data": the dispatch's file; "layout": the layout profile
    at: str = ""  # the paragraph check points at: noi_nhan_first, noi_nhan_last, so, quoc_hieu

    def describe(self, printed: Printed) -> str:
        return self.message.format(p=printed)


def _first(p: Printed) -> str:
    return p.noi_nhan[0] if p.noi_nhan else ""


def _last(p: Printed) -> str:
    return p.noi_nhan[-1] if p.noi_nhan else ""


def _unusual_pair(p: Printed) -> bool:
    quoc_hieu, tieu_ngu = p.sizes.get("quoc_hieu"), p.sizes.get("tieu_ngu")
    if quoc_hieu is None or tieu_ngu is None:
        return False
    pair = (quoc_hieu, tieu_ngu)
    return all(x == int(x) for x in pair) and pair not in nd30.USUAL_HEADER_PAIRS


RULES: tuple[Rule, ...] = (
    Rule(
        "nhu_tren", "error", "Nơi nhận", "II.9b",
        f"công văn có Kính gửi: dòng đầu của Nơi nhận phải là «- {nd30.NHU_TREN};»",
        lambda p: bool(p.kinh_gui) and p.noi_nhan is not None and not _first(p).startswith(nd30.NHU_TREN),
        "noi_nhan", at="noi_nhan_first",
    ),
    Rule(
        "luu", "error", "Nơi nhận", "II.9d",
        f"dòng cuối của Nơi nhận phải là «- {nd30.LUU_VT}, …» và kết thúc bằng dấu chấm",
        lambda p: p.noi_nhan is not None and not (_last(p).startswith(nd30.LUU_VT) and _last(p).endswith(".")),
        "luu", at="noi_nhan_last",
    ),
    Rule(
        "so_so_0", "error", "Số, ký hiệu", "II.3c",
        "số nhỏ hơn 10 phải có số 0 phía trước: «Số: 0{p.so}/{p.ky_hieu}»",
        lambda p: p.so is not None and p.so.isdigit() and len(p.so) == 1,
        "so", at="so",
    ),
    Rule(
        "ky_hieu", "error", "Số, ký hiệu", "II.3c",
        "ký hiệu phải viết in hoa, các nhóm nối bằng '-', không có khoảng trắng",
        lambda p: p.ky_hieu is not None and (p.ky_hieu != p.ky_hieu.upper() or " " in p.ky_hieu),
        "ky_hieu", at="so",
    ),
    Rule(
        "co_chu_tieu_de", "warning", "Quốc hiệu", "II.1",
        "cặp cỡ chữ Quốc hiệu/Tiêu ngữ nên là một cặp mẫu của Nghị định dùng (12/13, 13/14, 12/14), "
        "không phải {p.sizes[quoc_hieu]:g}/{p.sizes[tieu_ngu]:g}",
        _unusual_pair, "co_chu.quoc_hieu", source="layout", at="quoc_hieu",
    ),
)


def broken(printed: Printed) -> list[Rule]:
    """The rules the printed values break, in the order of RULES."""
    return [rule for rule in RULES if rule.broken(printed)]
