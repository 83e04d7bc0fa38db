"""The place of the agency's digital signature on a file of its own: the top right of
the first page of a phụ lục issued in its own electronic file (Phụ lục I, III.1d and
II.8b; Mẫu 2.2 of Phụ lục III) and of a copy into electronic form (Phần II, Mục I.3,
ô 14; Mẫu 3.2).

What congvan writes there. The decree makes it the văn thư's digital signature: the
image is not shown, only its information (số và ký hiệu, or hình thức sao and the
copying agency, and the time of signing, III.1d, Phần II I.3c), which the signing
software writes when the văn thư signs, at a time no data file can know before. So
the place is kept empty, one 10 pt line at the right margin with the space under it
that the samples leave, bookmarked `CHU_KY_SO` for the signing software to find, and
nothing printed over which that software would print its own text. When the data
gives the time of signing (a document made again after it was signed), the line is
written as the decree sets it: Times New Roman, lower case, upright, 10 pt, black.
"""

from __future__ import annotations

from typing import cast

from lxml import etree

from ... import nd30
from ..wml import el, paragraph, pt, run

BOOKMARK = "CHU_KY_SO"
BOOKMARK_ID = 9140  # apart from the ids a layout template's own bookmarks use
SPACE_AFTER_PT = 12  # the blank line the samples leave under it


def place(text: str | None) -> etree._Element:
    """The paragraph of the signature's information, or its empty place."""
    size = nd30.KY_SO.size.lo
    runs = [run(text, bold=False, italic=False, size=size)] if text else []
    p = paragraph("Normal", runs, jc="right", spacing={"after": pt(SPACE_AFTER_PT)}, keep_next=True)
    if not text:
        # An empty paragraph takes the height of its mark: 10 pt, as the text would.
        cast(etree._Element, p.find(el("pPr").tag)).append(  # wml.paragraph writes a pPr
            el("rPr", None, el("sz", {"val": round(size * 2)}), el("szCs", {"val": round(size * 2)})))
    p.insert(1, el("bookmarkStart", {"id": BOOKMARK_ID, "name": BOOKMARK}))
    p.insert(2, el("bookmarkEnd", {"id": BOOKMARK_ID}))
    return p
