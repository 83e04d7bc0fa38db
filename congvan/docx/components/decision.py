"""The parts a Quyết định or a Nghị quyết adds (Mẫu 1.1, 1.2, 1.3 of Phụ lục III):
the issuing authority, the căn cứ, the line "QUYẾT ĐỊNH:" and the articles."""

from __future__ import annotations

from typing import cast

from lxml import etree

from ...body import BodyParagraph, BodyTable, close_body, paragraphs_of, spans
from ...model import CongVan, Dieu
from ..styles import style_id
from ..wml import el, paragraph, pt, run, w
from . import table
from .frame import Frame

# A line's worth of air around the centred lines, as in Mẫu 1.2.
SPACE_AROUND_PT = 6


def tham_quyen(cv: CongVan, frame: Frame, close: bool = False) -> list[etree._Element]:
    # Mẫu 1.2, note 6: the head's title, or the collective or agency that issues it.
    # Required by the kinds that have this component (CongVan checks it).
    return [paragraph(style_id("tham_quyen"), [run(cast(str, cv.tham_quyen))], jc="center", keep_next=True,
                      spacing={"before": 0, "after": pt(SPACE_AROUND_PT)})]


def can_cu(cv: CongVan, frame: Frame, close: bool = False) -> list[etree._Element]:
    # II.6a: italic, one căn cứ a line, each ending in ";", the last in ".".
    items = [line.strip().rstrip(" ;,.") for line in cv.can_cu]
    return [paragraph(style_id("can_cu"), [run(item + ("." if i == len(items) - 1 else ";"))])
            for i, item in enumerate(items)]


def quyet_nghi(cv: CongVan, frame: Frame, close: bool = False) -> list[etree._Element]:
    # Set by every kind that has this component.
    return [paragraph(style_id("quyet_nghi"), [run(cast(str, cv.kind.quyet_nghi))], jc="center", keep_next=True,
                      spacing={"before": pt(SPACE_AROUND_PT), "after": pt(SPACE_AROUND_PT)})]


def _runs(text: str, bold: bool = False) -> list[etree._Element]:
    return [run(s.text, bold=True if (s.bold or bold) else None, italic=True if s.italic else None) for s in spans(text)]


def dieu(cv: CongVan, frame: Frame, close: bool = True) -> list[etree._Element]:
    """The articles, numbered "Điều 1.", "Điều 2." (II.6đ: the word, the number and
    the title upright and bold); the last one ends with the closing mark."""
    return articles(cv.dieu, frame, close)


def articles(items: list[Dieu], frame: Frame, close: bool = True, start: int = 1) -> list[etree._Element]:
    """Articles numbered from `start` (a chapter's continue the numbers before it)."""
    out: list[etree._Element] = []
    for number, article in enumerate(items, start):
        label = f"Điều {number}."
        body = paragraphs_of(article.noi_dung)
        if close and number == start + len(items) - 1:
            last = body[-1] if body else None
            if isinstance(last, BodyTable):
                body.append(BodyParagraph("noi_dung", "./."))
            elif last is not None:
                body[-1] = BodyParagraph(last.style, close_body(last.text), last.bold)
            else:
                # An article without content has a title (Dieu checks it).
                article = article.model_copy(update={"tieu_de": close_body(cast(str, article.tieu_de))})
        if article.tieu_de:
            out.append(paragraph(style_id("dieu"), [run(f"{label} {article.tieu_de}", bold=True)], keep_next=bool(body)))
        elif body and body[0].style == "noi_dung":
            # No title: the article's first sentence follows "Điều 1." on its line.
            first = cast(BodyParagraph, body.pop(0))  # a table's style is "bang"
            out.append(paragraph(style_id("dieu"), [run(label, bold=True), *_runs(" " + first.text, first.bold)]))
        else:
            out.append(paragraph(style_id("dieu"), [run(label, bold=True)], keep_next=True))
        for p in body:
            out += table.build(p.bang, frame) if isinstance(p, BodyTable) else [paragraph(style_id(p.style), _runs(p.text, p.bold))]
    if out:
        # The closing article stays with the signature block below it.
        cast(etree._Element, out[-1].find(w("pPr"))).insert(1, el("keepNext"))  # a paragraph ends each part
    return out
