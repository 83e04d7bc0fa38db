"""Finishing a converted PDF with pypdf: metadata, checks, PDF/A verification, merge."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from pathlib import Path
from typing import Any, Sequence

from lxml import etree
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, ByteStringObject

from ..errors import CongVanError
from ..files import write_atomic
from ..model import CongVan
from .fonts import font_problems
from .update import producer as made_by, with_information

PDFAID = "http://www.aiim.org/pdfa/ns/id/"
NS_PDF = "http://ns.adobe.com/pdf/1.3/"
NS_XMP = "http://ns.adobe.com/xap/1.0/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
MAX_PAGES = 100


class PdfError(CongVanError):
    """A PDF that could not be made or fails a check: `source` names the dispatch or
    file, `problems` says what is wrong (Vietnamese, one text per problem)."""

    def __init__(self, source: str, problems: list[str] | str) -> None:
        self.source = source
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        super().__init__(str(self))

    def __str__(self) -> str:
        text = "; ".join(self.problems)
        return f"{self.source}: {text}" if self.source else text


def metadata(cv: CongVan, title: str | None = None) -> dict[str, str]:
    """The document information of a dispatch's PDF (the DOCX carries the same);
    `title` is that of a file of its own (a phụ lục, a văn bản kèm theo), the
    dispatch's own title when None."""
    info = {
        "/Title": title or cv.document_title,
        "/Author": " ".join(cv.co_quan_ban_hanh),
        "/Subject": f"Số: {cv.so_ky_hieu}",
        "/Keywords": ", ".join([cv.kind.ten.lower(), cv.ky_hieu, cv.dia_danh]),
    }
    date = cv.ngay.date
    if date is not None:
        stamp = pdf_date(date)
        info["/CreationDate"] = info["/ModDate"] = stamp
    return info


def pdf_date(date: dt.date) -> str:
    # The dispatch's date, at midnight Vietnam time (UTC+7).
    return f"D:{date:%Y%m%d}000000+07'00'"


def pdfa_part(reader: PdfReader) -> tuple[str | None, str | None]:
    """(part, conformance) declared in the XMP metadata, e.g. ("2", "B")."""
    root: Any = reader.trailer["/Root"]
    if "/Metadata" not in root:
        return None, None
    try:
        xmp = etree.fromstring(root["/Metadata"].get_object().get_data())
    except etree.XMLSyntaxError:
        return None, None
    values: dict[str, str | None] = {}
    for key in ("part", "conformance"):
        attr: Any = xmp.xpath(f"//@*[local-name()='{key}' and namespace-uri()='{PDFAID}']")
        elem: Any = xmp.xpath(f"//*[local-name()='{key}' and namespace-uri()='{PDFAID}']/text()")
        found = attr or elem
        values[key] = str(found[0]).strip() if found else None
    return values["part"], values["conformance"]


def check_pdfa(reader: PdfReader) -> list[str]:
    part, conformance = pdfa_part(reader)
    if (part, (conformance or "").upper()) != ("2", "B"):
        declared = f"PDF/A-{part}{(conformance or '').lower()}" if part else "không khai báo PDF/A"
        return [f"không phải PDF/A-2b ({declared} trong siêu dữ liệu XMP): tùy chọn xuất PDF của LibreOffice không có tác dụng"]
    return []


def finish_pdf(pdf_path: str | Path, cv: CongVan, pdfa: bool = False, pages: int | None = None,
               label: str | None = None, title: str | None = None) -> int:
    """Check a converted PDF and set its metadata; returns the page count.

    Raises PdfError naming every problem: fonts other than Times New Roman /
    Liberation Serif or not embedded, an unexpected page count, and for `pdfa` a
    file that does not declare PDF/A-2b. `label` names the file in messages
    (default: its path); `title` is the title of a file of its own (a phụ lục, a
    văn bản kèm theo: `congvan.render.own_file_titles`). In a PDF/A file the XMP metadata and the document
    information must agree: LibreOffice fills both from the DOCX properties (Title,
    Author, Subject are checked), and congvan sets Keywords and the creation date in
    both.
    """
    path = Path(pdf_path)
    data = path.read_bytes()
    reader = PdfReader(io.BytesIO(data))
    problems = font_problems(reader, data)
    lo_producer = made_by(data, reader)  # found only in a file laid out as LibreOffice writes it
    count = _page_count(reader) if lo_producer else len(reader.pages)
    if not 1 <= count <= MAX_PAGES or (pages is not None and count != pages):
        expected = f"{pages}" if pages is not None else f"1 đến {MAX_PAGES}"
        problems.append(f"số trang {count}, cần {expected}")
    wanted = metadata(cv, title)
    if pdfa:
        problems += check_pdfa(reader)
        info: Any = reader.metadata or {}
        for key in ("/Title", "/Author", "/Subject"):
            if str(info.get(key, "")) != wanted[key]:
                problems.append(f"siêu dữ liệu {key[1:]} là '{info.get(key, '')}', cần '{wanted[key]}'")
    if problems:
        raise PdfError(label or str(path), problems)
    if not pdfa:
        producer = lo_producer or str(reader.metadata.get("/Producer", "LibreOffice") if reader.metadata else "LibreOffice")
        # No clock time: a draft (no date) gets no creation date at all.
        info = {**wanted, "/Creator": "congvan", "/Producer": producer}
        updated = with_information(data, reader, info, _digest(cv, title))
        if updated is not None:
            write_atomic(path, updated)
            return count
    writer = PdfWriter(clone_from=reader)
    writer.pdf_header = reader.pdf_header  # keep LibreOffice's version (pypdf would write 1.3)
    if pdfa:
        _set_pdfa_metadata(writer, reader, wanted)
    else:
        writer.metadata = info
    write_atomic(path, _deterministic_bytes(writer, cv, title))
    return count


def _page_count(reader: PdfReader) -> int:
    """The /Count of the page tree's root, as LibreOffice writes it (and viewers show
    it): pypdf would read every page's object to count them (a fifth of finishing)."""
    try:
        root: Any = reader.trailer["/Root"]
        count = root["/Pages"]["/Count"]
    except (KeyError, TypeError, AttributeError):
        count = None
    return count if isinstance(count, int) and count >= 0 else len(reader.pages)


def _set_pdfa_metadata(writer: PdfWriter, reader: PdfReader, wanted: dict[str, str]) -> None:
    """Keywords and creation date, in the document information and the XMP alike."""
    info = {k: str(v) for k, v in (reader.metadata or {}).items()}
    info["/Keywords"] = wanted["/Keywords"]
    xmp_values = {(NS_PDF, "Keywords"): wanted["/Keywords"]}
    if "/CreationDate" in wanted:  # a draft keeps LibreOffice's time in both places
        info["/CreationDate"] = wanted["/CreationDate"]
        stamp = wanted["/CreationDate"]
        xmp_values[(NS_XMP, "CreateDate")] = f"{stamp[2:6]}-{stamp[6:8]}-{stamp[8:10]}T00:00:00+07:00"
    writer.metadata = info
    stream: Any = writer._root_object["/Metadata"].get_object()
    root = etree.fromstring(stream.get_data())
    for (ns, name), value in xmp_values.items():
        found = root.findall(f".//{{{ns}}}{name}")
        if not found:
            rdf: Any = root.find(f".//{{{RDF}}}RDF")
            namespaces: Any = {None: ns}
            parent = etree.SubElement(rdf, f"{{{RDF}}}Description", nsmap=namespaces)
            parent.set(f"{{{RDF}}}about", "")
            found = [etree.SubElement(parent, f"{{{ns}}}{name}")]
        for element in found:
            element.text = value
    stream.set_data(etree.tostring(root.getroottree(), encoding="utf-8", xml_declaration=False))


def _deterministic_bytes(writer: PdfWriter, cv: CongVan, title: str | None = None) -> bytes:
    """Same dispatch, same bytes: the file identifier comes from the data, not the clock."""
    digest = _digest(cv, title)
    writer._ID = ArrayObject([ByteStringObject(digest), ByteStringObject(digest)])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _digest(cv: CongVan, title: str | None = None) -> bytes:
    # A file of its own (phụ lục, văn bản kèm theo) gets an identifier of its own.
    data = cv.model_dump_json() + ("\n" + title if title else "")
    return hashlib.md5(data.encode(), usedforsecurity=False).digest()


def merge_pdfs(items: Sequence[tuple[str | Path, str]], target: str | Path, title: str = "Tập công văn") -> Path:
    """One PDF of many, with one bookmark (outline item) per part; written atomically."""
    writer = PdfWriter()
    for path, label in items:
        writer.append(str(path), outline_item=label)
    writer.metadata = {"/Title": title}
    out = io.BytesIO()
    writer.write(out)
    target = Path(target)
    write_atomic(target, out.getvalue())
    return target
