"""Reading the text of WordprocessingML in tests as a reader sees it: a line break
between two composed lines is a space, a non-breaking hyphen is a hyphen."""

from __future__ import annotations

from docx.oxml.ns import qn

_CHARS = {qn("w:br"): " ", qn("w:noBreakHyphen"): "-"}


def element_text(element) -> str:
    out = []
    for node in element.iter(qn("w:t"), qn("w:br"), qn("w:noBreakHyphen")):
        out.append(node.text or "" if node.tag == qn("w:t") else _CHARS[node.tag])
    return "".join(out)
