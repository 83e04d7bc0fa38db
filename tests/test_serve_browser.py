"""The page in a real browser: Debian's Chromium driven by Playwright (never a browser of
Playwright's own). Fill the form, see the preview, download the PDF and read it back;
a wrong date shown on its field; a faulty DOCX dropped on the page and its findings.

Skipped, saying why, where Chromium or Playwright is not installed or cannot start."""

from __future__ import annotations

import base64
import io
import shutil
import threading
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

import congvan
from congvan.serve import create_app
from tests.conftest import ROOT
from tests.pdf_text import fonts

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
WAIT = 120_000  # ms: a bound for a busy machine, never a measure

sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright (pip install playwright) chưa được cài")


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("chưa cài Chromium (apt-get install chromium): bỏ qua kiểm thử trên trình duyệt")
    with sync_api.sync_playwright() as playwright:
        try:
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        except Exception as exc:  # a browser that cannot start on this machine
            pytest.skip(f"Chromium không khởi động được: {str(exc).splitlines()[0]}")
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def url(pdf_engine):
    import uvicorn

    server = uvicorn.Server(uvicorn.Config(create_app(pdf_engine), host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    ready = threading.Event()
    for _ in range(600):
        if server.started or not thread.is_alive():
            break
        ready.wait(0.1)
    assert server.started
    yield f"http://127.0.0.1:{server.servers[0].sockets[0].getsockname()[1]}"
    server.should_exit = True
    thread.join(60)


@pytest.fixture
def page(browser, url):
    context = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 900})
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.set_default_timeout(WAIT)
    tab.goto(url + "/")
    tab.wait_for_selector("body[data-ready='1']")
    yield tab
    context.close()
    assert errors == []  # no JavaScript error on the page


def _rows(page, field: str, values: list[str]) -> None:
    for index, value in enumerate(values):
        page.click(f'[data-add="{field}"]')
        page.fill(f'[data-path="{field}[{index}]"] input', value)


RECIPIENTS = ["Phòng Bưu chính, Viễn thông", "Phòng Công nghệ thông tin", "Thanh tra Sở"]


def test_fill_the_form_see_the_preview_download_the_pdf(page, tmp_path):
    _rows(page, "co_quan_chu_quan", ["UBND TỈNH ĐỒNG THÁP"])
    _rows(page, "co_quan_ban_hanh", ["SỞ THÔNG TIN VÀ TRUYỀN THÔNG"])
    page.fill('input[name="so"]', "12")
    page.fill('input[name="ky_hieu"]', "STTTT-VP")
    page.fill('input[name="trich_yeu"]', "tổ chức họp giao ban quý I")
    page.fill('input[name="dia_danh"]', "Đồng Tháp")
    page.fill('input[name="ngay"]', "05/03/2021")
    _rows(page, "kinh_gui", RECIPIENTS)
    page.fill('textarea[name="noi_dung"]', "Sở Thông tin và Truyền thông tổ chức họp giao ban quý I.\nĐề nghị các phòng dự họp đúng giờ.")
    _rows(page, "noi_nhan", ["Như trên", "Giám đốc Sở (để b/c)"])
    _rows(page, "nguoi_ky.quyen_han", ["KT. GIÁM ĐỐC"])
    page.fill('input[name="nguoi_ky.chuc_vu"]', "PHÓ GIÁM ĐỐC")
    page.fill('input[name="nguoi_ky.ho_ten"]', "Nguyễn Văn Bình")

    page.wait_for_function("document.querySelector('#status').textContent === 'Dữ liệu hợp lệ.'")
    page.wait_for_selector("#preview img")
    page.wait_for_function("!document.querySelector('#preview').classList.contains('stale')")
    # The editor follows the form.
    text = page.input_value("#yaml")
    assert "- KT. GIÁM ĐỐC" in text and all(f"- {r}" in text for r in RECIPIENTS)
    shown = page.locator("#preview img").count()

    with page.expect_download() as info:
        page.click('[data-download="pdf"]')
    download = info.value
    assert download.suggested_filename == "12-STTTT-VP-2021-03-05.pdf"
    pdf = tmp_path / download.suggested_filename
    download.save_as(pdf)
    reader = PdfReader(pdf)
    assert len(reader.pages) == shown == 1
    words = " ".join(reader.pages[0].extract_text().split())
    for expected in ["Số: 12/STTTT-VP", "V/v tổ chức họp giao ban quý I", "Đồng Tháp, ngày 05 tháng 3 năm 2021",
                     *RECIPIENTS, "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn Bình"]:
        assert expected in words, expected
    names = {name.split("+")[-1] for name, _ in fonts(pdf)}
    assert names and all(n.startswith(("LiberationSerif", "TimesNewRoman")) for n in names), names
    assert all(embedded for _, embedded in fonts(pdf))


def test_the_editor_fills_the_form(page):
    page.select_option("#mau", "bau-cu-2021")
    page.wait_for_function("document.querySelector('input[name=\"ky_hieu\"]') && document.querySelector('input[name=\"ky_hieu\"]').value === 'STTTT-BCVT'")
    assert page.locator('[data-path^="kinh_gui["]').count() == 5
    page.wait_for_selector("#preview img")
    assert page.locator("#preview img").count() == 2


def test_a_wrong_date_is_shown_on_its_field(page):
    page.fill('input[name="ngay"]', "30/02/2021")
    error = page.locator('[data-path="ngay"] .error')
    error.wait_for()
    assert error.inner_text() == "ngày 30/02/2021 không tồn tại"
    assert "invalid" in page.get_attribute('[data-path="ngay"]', "class")
    page.fill('input[name="ngay"]', "28/02/2021")
    page.wait_for_selector('[data-path="ngay"] .error', state="detached")


def _faulty_docx() -> bytes:
    good = congvan.render_docx(congvan.load(ROOT / "examples" / "bau-cu-2021.yaml"))
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                data = data.replace("KT. GIÁM ĐỐC".encode(), "KT GIÁM ĐỐC".encode())
            target.writestr(info, data)
    return out.getvalue()


def test_drop_a_faulty_docx_and_see_its_findings(page):
    page.click('nav .tab[data-tab="kiem-tra"]')
    # A real drop event carrying the file, as a drag from the file manager gives it.
    page.evaluate("""(b64) => {
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([bytes], "du-thao-sai.docx"));
        document.querySelector("#drop").dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }""", base64.b64encode(_faulty_docx()).decode())
    finding = page.locator("#report .finding")
    finding.first.wait_for()
    assert page.inner_text("#report .summary") == "du-thao-sai.docx (Công văn): 1 lỗi, 0 cảnh báo"
    assert finding.count() == 1
    text = finding.inner_text()
    assert "Quyền hạn người ký: chữ viết tắt quyền hạn phải có dấu chấm: «KT.»" in text and "trang 2" in text
    assert finding.locator("img").get_attribute("alt") == "Trang 2"  # the picture of the page it points at


def test_mail_merge_on_the_page(page, tmp_path):
    page.select_option("#mau", "moi-hop")
    page.wait_for_function("document.querySelector('#yaml').value.includes('{{ don_vi }}')")
    page.click('nav .tab[data-tab="tron-thu"]')
    page.set_input_files("#bang", str(ROOT / "examples" / "mau" / "moi-hop.csv"))
    with page.expect_download() as info:
        page.click("#tron")
    assert info.value.suggested_filename == "tron-thu.zip"
    path = tmp_path / "tron-thu.zip"
    info.value.save_as(path)
    assert len(zipfile.ZipFile(path).namelist()) == 4
    page.wait_for_function("document.querySelector('#tien-do-chu').textContent.startsWith('Xong')")
    assert page.inner_text("#tien-do-chu") == "Xong: 4 văn bản, 0 dòng lỗi."
    assert page.get_attribute("#tien-do", "value") == "4" and page.get_attribute("#tien-do", "max") == "4"
