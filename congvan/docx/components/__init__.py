"""Builders of the components a kind of document adds to the shared header and
signature (congvan.kinds): one small module per component, each turning the model
into WordprocessingML paragraphs for the tag of the same name in the kind's
template. The writer looks a component up here; it never branches on the kind.
"""

from __future__ import annotations

from typing import Protocol

from lxml import etree

from ...model import CongVan
from . import decision, form, table, title
from .frame import Frame

__all__ = ["BUILDERS", "Builder", "Frame", "closer"]


class Builder(Protocol):
    """(cv, frame, close) → paragraphs; `close`: the last one carries the closing mark."""

    def __call__(self, cv: CongVan, frame: Frame, close: bool = ...) -> list[etree._Element]: ...


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


def closer(cv: CongVan) -> str | None:
    """The component whose last paragraph carries the closing mark: the last one of
    the kind that has content for this document."""
    present = {
        "noi_dung": cv.noi_dung is not None,
        "form": bool(cv.kind.form),
        "form_end": bool(cv.kind.form_end),
        "dieu": bool(cv.dieu),
    }
    return next((name for name in reversed(cv.kind.components) if present.get(name)), None)
