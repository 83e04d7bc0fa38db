"""The composed lines as a reader sees them: 65 real agencies, 20 long trích yếu and 20
signer chains rendered to PDF, their glyph positions read back (pdfplumber) and held to
Phụ lục I: the columns do not touch, the Quốc hiệu and the date keep one line, a wrapped
name keeps whole phrases and place names, the rules fit the lines shown, and LibreOffice
shows exactly the breaks written into the DOCX."""

from __future__ import annotations

import io
import zipfile

import pdfplumber
import pytest
from lxml import etree

import congvan
from congvan import nd30
from congvan.layout import DEFAULT_LAYOUT
from tests.typeset_corpus import AGENCIES, PLACES, dispatch

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MM = 72 / 25.4
LEFT_MARGIN = DEFAULT_LAYOUT.le_trang.left * MM
TOLERANCE = 1.0  # points: the "within 1 pt"


def docx_lines(p) -> list[str]:
    """A paragraph's lines as written in the DOCX (split at w:br)."""
    lines, current = [], []
    for node in p.iter(W + "t", W + "br", W + "noBreakHyphen"):
        if node.tag == W + "br":
            lines.append("".join(current))
            current = []
        else:
            current.append(node.text or "" if node.tag == W + "t" else "-")
    lines.append("".join(current))
    return [" ".join(line.split()) for line in lines if line.strip()]


def style(p) -> str:
    node = p.find(f"{W}pPr/{W}pStyle")
    return node.get(W + "val") if node is not None else ""


def cell_lines(tc) -> list[tuple[str, str]]:
    return [(style(p), line) for p in tc.iter(W + "p") for line in docx_lines(p)]


def pdf_lines(words: list[dict], x_from: float, x_to: float, top: float, bottom: float) -> list[dict]:
    """Lines of the words whose centre lies in [x_from, x_to) and between top and bottom."""
    chosen = sorted((w for w in words if x_from <= (w["x0"] + w["x1"]) / 2 < x_to and top <= w["top"] < bottom),
                    key=lambda w: (w["top"], w["x0"]))
    rows: list[list[dict]] = []
    for word in chosen:
        if rows and abs(rows[-1][0]["top"] - word["top"]) < 3:
            rows[-1].append(word)
        else:
            rows.append([word])
    return [{"text": " ".join(w["text"] for w in sorted(r, key=lambda w: w["x0"])),
             "x0": min(w["x0"] for w in r), "x1": max(w["x1"] for w in r), "top": r[0]["top"], "bottom": max(w["bottom"] for w in r)}
            for r in rows]


@pytest.fixture(scope="module")
def corpus(pdf_engine, tmp_path_factory):
    folder = tmp_path_factory.mktemp("typeset")
    items = []
    for i in range(len(AGENCIES)):
        data = dispatch(i)
        docx = congvan.render_docx(congvan.CongVan(**data))
        (folder / f"{i:02d}.docx").write_bytes(docx)
        items.append((data, docx, folder / f"{i:02d}.pdf"))
    results = pdf_engine.convert([(folder / f"{i:02d}.docx", pdf) for i, (_, _, pdf) in enumerate(items)])
    assert [r.ok for r in results] == [True] * len(items)
    out = []
    for data, docx, pdf in items:
        with zipfile.ZipFile(io.BytesIO(docx)) as archive:
            root = etree.fromstring(archive.read("word/document.xml"))
        with pdfplumber.open(pdf) as document:
            page = document.pages[0]
            words = page.extract_words(keep_blank_chars=False, x_tolerance=1.5)
            # A rule may be drawn twice (as a line and as a thin rectangle): once here.
            rules = sorted({(round(e["x0"], 2), round(e["x1"], 2), round(e["top"], 1)) for e in page.lines + page.rects
                            if abs(e["bottom"] - e["top"]) < 2 and e["x1"] - e["x0"] > 5})
        out.append((data, root, words, rules))
    return out


def test_corpus_is_large_enough():
    assert len(AGENCIES) >= 60 and len({a[1] for a in AGENCIES}) == len(AGENCIES)


def header(root, words):
    table = root.find(f"{W}body/{W}tbl")
    grid = [int(c.get(W + "w")) / 20 for c in table.findall(f"{W}tblGrid/{W}gridCol")]
    rows = table.findall(W + "tr")
    split = LEFT_MARGIN + grid[0]
    kinh_gui = min(w["top"] for w in words if w["text"] == "Kính")
    left_docx = [line for tr in rows for line in cell_lines(tr.findall(W + "tc")[0])]
    right_docx = [line for tr in rows for line in cell_lines(tr.findall(W + "tc")[1])]
    left_pdf = pdf_lines(words, 0, split, 0, kinh_gui)
    right_pdf = pdf_lines(words, split, 1000, 0, kinh_gui)
    return grid, split, left_docx, right_docx, left_pdf, right_pdf


def test_header_lines_are_the_composed_ones_and_the_columns_keep_apart(corpus):
    for data, root, words, rules in corpus:
        name = data["co_quan_ban_hanh"]
        grid, split, left_docx, right_docx, left_pdf, right_pdf = header(root, words)
        # LibreOffice shows the very lines written into the DOCX: nothing re-broken.
        assert [t for _, t in left_docx] == [line["text"] for line in left_pdf], name
        assert [t for _, t in right_docx] == [line["text"] for line in right_pdf], name
        texts = [line["text"] for line in right_pdf]
        assert nd30.QUOC_HIEU in texts and nd30.TIEU_NGU in texts, name
        date = f"{data['dia_danh']}, ngày 25 tháng 11 năm 2018"
        assert date in texts, (name, texts)  # one line
        agency = [line for (s, _), line in zip(left_docx, left_pdf) if s.startswith("CoQuan")]
        top_right = [line for line in right_pdf if line["text"] in (nd30.QUOC_HIEU, nd30.TIEU_NGU)]
        gap = min(r["x0"] for r in top_right) - max(a["x1"] for a in agency)
        assert gap >= 2 * MM - 0.1, (name, gap / MM)
        so = next(line for line in left_pdf if line["text"].startswith("Số:"))
        date_line = next(line for line in right_pdf if line["text"] == date)
        assert date_line["x0"] - so["x1"] >= 2 * MM - 0.1, name


def test_wrapped_names_keep_phrases_and_places(corpus):
    wrapped = 0
    for data, root, words, rules in corpus:
        grid, split, left_docx, *_ = header(root, words)
        for key, style_id in (("co_quan_ban_hanh", "CoQuanBanHanh"), ("co_quan_chu_quan", "CoQuanChuQuan")):
            if key not in data:
                continue
            lines = [t for s, t in left_docx if s == style_id]
            assert " ".join(lines) == data[key]
            if len(lines) > 1:
                wrapped += 1
                assert all(len(line.split()) >= 2 for line in lines), lines
                # Never a line ending in the conjunction, never one starting with a dash.
                assert not any(line.endswith(" VÀ") or line.startswith("-") for line in lines), lines
            for place in PLACES:
                if place in data[key]:
                    assert any(place in line for line in lines), (place, lines)
    assert wrapped >= 30  # the corpus really exercises wrapping


def test_rules_fit_the_lines_shown(corpus):
    for data, root, words, rules in corpus:
        grid, split, left_docx, right_docx, left_pdf, right_pdf = header(root, words)
        ban_hanh = [line for (s, _), line in zip(left_docx, left_pdf) if s == "CoQuanBanHanh"]
        widest = max(line["x1"] - line["x0"] for line in ban_hanh)
        under = [r for r in rules if r[1] <= split and ban_hanh[-1]["bottom"] - 1 <= r[2] <= ban_hanh[-1]["bottom"] + 15]
        assert len(under) == 1, (data["co_quan_ban_hanh"], under)
        length = under[0][1] - under[0][0]
        # II.2b: 1/3 to 1/2 of the name's widest line, as shown.
        assert widest / 3 - TOLERANCE <= length <= widest / 2 + TOLERANCE, (data["co_quan_ban_hanh"], length, widest)
        tieu_ngu = next(line for line in right_pdf if line["text"] == nd30.TIEU_NGU)
        below = [r for r in rules if r[0] >= split and tieu_ngu["bottom"] - 1 <= r[2] <= tieu_ngu["bottom"] + 15]
        assert len(below) == 1
        # II.1b: as long as the Tiêu ngữ, centred under it.
        assert abs((below[0][1] - below[0][0]) - (tieu_ngu["x1"] - tieu_ngu["x0"])) <= TOLERANCE
        assert abs((below[0][0] + below[0][1]) / 2 - (tieu_ngu["x0"] + tieu_ngu["x1"]) / 2) <= TOLERANCE


def test_trich_yeu_and_signer_lines(corpus):
    for data, root, words, rules in corpus:
        grid, split, left_docx, right_docx, left_pdf, right_pdf = header(root, words)
        vv = [t for s, t in left_docx if s == "TrichYeu"]
        assert " ".join(vv) == "V/v " + data["trich_yeu"]
        assert len(vv[-1].split()) >= 2, vv  # no word or number alone on the last line
        signature = root.findall(f"{W}body/{W}tbl")[-1]
        sig_grid = [int(c.get(W + "w")) / 20 for c in signature.findall(f"{W}tblGrid/{W}gridCol")]
        titles = [t for s, t in cell_lines(signature.find(W + "tr").findall(W + "tc")[1]) if s == "QuyenHanChucVu"]
        typed = data["nguoi_ky"]["quyen_han"] + ([data["nguoi_ky"]["chuc_vu"]] if data["nguoi_ky"]["chuc_vu"] else [])
        assert " ".join(titles) == " ".join(typed)
        assert all(len(t.split()) >= 2 for t in titles), titles
        for place in PLACES:
            if any(place in t for t in typed):
                assert any(place in t for t in titles), (place, titles)
        # The titles as shown in the PDF: the same lines, inside the signature column.
        column = LEFT_MARGIN + sig_grid[0]
        top = next(w["top"] for w in words if w["text"] == titles[0].split()[0] and (w["x0"] + w["x1"]) / 2 > column)
        shown = pdf_lines(words, column, 1000, top - 1, 1000)[: len(titles)]
        assert [line["text"] for line in shown] == titles
        assert all(line["x1"] <= column + sig_grid[1] + 0.5 for line in shown)


def test_recipient_entries_hang_under_their_text(corpus):
    for data, root, words, rules in corpus:
        paragraphs = [p for p in root.iter(W + "p") if style(p) == "KinhGui"]
        entries = [docx_lines(p) for p in paragraphs][1:]  # after "Kính gửi:"
        for lines in entries:
            assert lines[0].startswith("- ")
            if len(lines) > 1:
                assert len(lines[-1].split()) >= 2, lines
        first = next(w for w in words if w["text"] == "Kính")
        body = pdf_lines(words, 0, 1000, first["top"] - 1, 1000)
        for lines in entries:
            if len(lines) < 2:
                continue
            at = [i for i, line in enumerate(body) if line["text"] == lines[0]]
            assert at, (lines[0], [b["text"] for b in body[:8]])
            head, rest = body[at[0]], body[at[0] + 1]
            assert rest["text"] == lines[1]
            text_start = next(w["x0"] for w in words if abs(w["top"] - head["top"]) < 3 and w["x0"] > head["x0"] + 1)
            assert abs(rest["x0"] - text_start) <= TOLERANCE  # under the text, not the dash


def test_document_references_never_break(corpus):
    for data, root, words, rules in corpus:
        texts = [w["text"] for w in words]
        for reference in ("1016/BTNMT-TCMT", "30/2020/NĐ-CP", "134/UBND-TCD-NC"):
            # One word on one line, copied out with a plain hyphen.
            assert any(t.rstrip(".,;/") == reference for t in texts), (reference, [t for t in texts if "/" in t])
        assert not any(t.endswith("-") and "/" in t for t in texts)
