"""What a component builder may know of the page (its own module, so that the
builders can name it without importing the package that lists them)."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from ...layout import Layout


@dataclass(frozen=True)
class Frame:
    """What a builder may know of the page: the layout and the text width (twips)."""

    layout: Layout
    text_width: int
    section: etree._Element | None = None  # the document's page set-up (its body's w:sectPr)
