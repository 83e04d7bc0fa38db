"""Builders of the components a kind of document adds to the shared header and
signature (congvan.kinds): one small module per component, each turning the model
into WordprocessingML paragraphs for the tag of the same name in the kind's
template. The writer looks a component up here; it never branches on the kind.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from lxml import etree

from ...layout import Layout
from ...model import CongVan
from . import decision, form, table, title


@dataclass(frozen=True)
class Frame:
    """What a builder may know of the page: the layout and the text width (twips)."""

    layout: Layout
    text_width: int
    section: etree._Element | None = None  # the document's page set-up (its body's w:sectPr)


Builder = Callable[..., list[etree._Element]]  # (cv, frame, close) → paragraphs

BUILDERS: dict[str, Builder] = {
    "tieu_de": title.build,
    "tham_quyen": decision.tham_quyen,
    "can_cu": decision.can_cu,
    "quyet_nghi": decision.quyet_nghi,
    "dieu": decision.dieu,
    "form": form.form,
    "form_end": form.form_end,
    "dien": form.dien,
}


def closer(cv) -> str | None:
    """The component whose last paragraph carries the closing mark: the last one of
    the kind that has content for this document."""
    present = {
        "noi_dung": cv.noi_dung is not None,
        "form": bool(cv.kind.form),
        "form_end": bool(cv.kind.form_end),
        "dieu": bool(cv.dieu),
    }
    return next((name for name in reversed(cv.kind.components) if present.get(name)), None)
