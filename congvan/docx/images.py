"""Signature and seal images of an electronic dispatch (Phụ lục I, II.7d and II.8a).

The signer's signature image (blue, transparent PNG) stands centred between the
title and the name; the agency's seal image (red, transparent PNG, actual size)
covers the left third of the signature image. Sizes come from the PNG's own
resolution (96 dpi when it states none), so a seal scanned at its real size prints
at its real size.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Sequence, cast

from lxml import etree

from ..errors import CongVanError
from ..model import NguoiKy
from ..resources import png_header
from .compiled import image_rel_id
from .wml import R_NS, el, w

WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
PIC_NS = "http://schemas.openxmlformats.org/drawingml/2006/picture"
EMU_PER_INCH = 914400
EMU_PER_TWIP = 635
DEFAULT_DPI = 96


@dataclass(frozen=True)
class Image:
    name: str  # chu_ky or con_dau: the part is word/media/<name>.png
    data: bytes
    width: int  # EMU
    height: int  # EMU


def read_png(source: str | Path | bytes, name: str) -> Image:
    """A PNG (a file, or its bytes) as an Image of its real size; a clear error for anything else."""
    shown = f"nguoi_ky.{name}" if isinstance(source, bytes) else str(source)
    try:
        kind, (px_w, px_h), info = png_header(source if isinstance(source, bytes) else Path(source), shown)
        data = source if isinstance(source, bytes) else Path(source).read_bytes()
    except (OSError, ValueError) as exc:
        message = str(exc) if isinstance(exc, ValueError) else "không đọc được ảnh PNG"
        raise CongVanError(f"nguoi_ky.{name}: {message}") from None
    if kind != "PNG":
        raise CongVanError(f"ảnh {shown}: cần ảnh PNG nền trong suốt (Phụ lục I, II.7d, II.8a), không phải {kind}")
    dpi = info.get("dpi") or (DEFAULT_DPI, DEFAULT_DPI)
    dpi_x, dpi_y = (float(d) or DEFAULT_DPI for d in dpi)
    return Image(name, bytes(data), round(px_w / dpi_x * EMU_PER_INCH), round(px_h / dpi_y * EMU_PER_INCH))


def signature_images(nguoi_ky: NguoiKy) -> list[Image]:
    """The signer's images, signature first, as the model names them."""
    images = []
    if nguoi_ky.chu_ky:
        images.append(read_png(nguoi_ky.chu_ky, "chu_ky"))
    if nguoi_ky.con_dau:
        images.append(read_png(nguoi_ky.con_dau, "con_dau"))
    return images


def place_images(gap: list[etree._Element], images: Sequence[Image], cell_width: int) -> list[etree._Element]:
    """The signature room with the images in it.

    The signature goes inline in one centred paragraph, which then replaces the
    empty lines; the seal floats in front of it, its right edge at one third of the
    signature's width, centred on it vertically. Without a signature the seal
    floats centred over the empty lines.
    """
    by_name = {image.name: image for image in images}
    signature, seal = by_name.get("chu_ky"), by_name.get("con_dau")
    cell = cell_width * EMU_PER_TWIP
    if signature is None:
        seal = cast(Image, seal)  # the caller passes one image at least
        first = gap[0]
        first.append(_run(_anchor(seal, (cell - seal.width) // 2, 0, 2)))
        return gap
    line = gap[0]
    cast(etree._Element, line.find(w("pPr"))).append(el("jc", {"val": "center"}))  # a paragraph of wml.paragraph
    line.append(_run(_inline(signature, 1)))
    if seal is not None:
        left = (cell - signature.width) // 2
        x = left + signature.width // 3 - seal.width
        y = (signature.height - seal.height) // 2
        line.append(_run(_anchor(seal, x, y, 2)))
    return [line]


def _run(drawing: etree._Element) -> etree._Element:
    return el("r", None, el("drawing", None, drawing))


def _wp(tag: str, **attrs: object) -> etree._Element:
    node = etree.Element(f"{{{WP_NS}}}{tag}", nsmap={"wp": WP_NS})
    for key, value in attrs.items():
        node.set(key, str(value))
    return node


def _graphic(image: Image, number: int) -> etree._Element:
    def a(tag: str, **attrs: object) -> etree._Element:
        return etree.Element(f"{{{A_NS}}}{tag}", {k: str(v) for k, v in attrs.items()}, nsmap={"a": A_NS})

    def pic(tag: str, **attrs: object) -> etree._Element:
        return etree.Element(f"{{{PIC_NS}}}{tag}", {k: str(v) for k, v in attrs.items()}, nsmap={"pic": PIC_NS})

    graphic = a("graphic")
    data = etree.SubElement(graphic, f"{{{A_NS}}}graphicData", uri=PIC_NS)
    picture = pic("pic")
    names = pic("nvPicPr")
    names.append(pic("cNvPr", id=number, name=f"{image.name}.png"))
    names.append(pic("cNvPicPr"))
    fill = pic("blipFill")
    blip = a("blip")
    blip.set(f"{{{R_NS}}}embed", image_rel_id(image.name))
    stretch = a("stretch")
    stretch.append(a("fillRect"))
    fill.extend([blip, stretch])
    shape = pic("spPr")
    xfrm = a("xfrm")
    xfrm.extend([a("off", x=0, y=0), a("ext", cx=image.width, cy=image.height)])
    geometry = a("prstGeom", prst="rect")
    geometry.append(a("avLst"))
    shape.extend([xfrm, geometry])
    picture.extend([names, fill, shape])
    data.append(picture)
    return graphic


def _inline(image: Image, number: int) -> etree._Element:
    inline = _wp("inline", distT=0, distB=0, distL=0, distR=0)
    inline.extend([
        _wp("extent", cx=image.width, cy=image.height),
        _wp("effectExtent", l=0, t=0, r=0, b=0),
        _wp("docPr", id=number, name=image.name),
        _wp("cNvGraphicFramePr"),
        _graphic(image, number),
    ])
    return inline


def _anchor(image: Image, x: int, y: int, number: int) -> etree._Element:
    """A floating image in front of the text, placed from the cell's left edge and
    the paragraph's top (EMU)."""
    anchor = _wp("anchor", distT=0, distB=0, distL=0, distR=0, simplePos=0, relativeHeight=251659264 + number,
                 behindDoc=0, locked=0, layoutInCell=1, allowOverlap=1)
    horizontal = _wp("positionH", relativeFrom="column")
    etree.SubElement(horizontal, f"{{{WP_NS}}}posOffset").text = str(x)
    vertical = _wp("positionV", relativeFrom="paragraph")
    etree.SubElement(vertical, f"{{{WP_NS}}}posOffset").text = str(y)
    anchor.extend([
        _wp("simplePos", x=0, y=0), horizontal, vertical,
        _wp("extent", cx=image.width, cy=image.height),
        _wp("effectExtent", l=0, t=0, r=0, b=0),
        _wp("wrapNone"),
        _wp("docPr", id=number, name=image.name),
        _wp("cNvGraphicFramePr"),
        _graphic(image, number),
    ])
    return anchor
