"""Screenshots of the `congvan serve` page for the README (headless Chromium of Debian).

    .venv/bin/python docs/screenshots.py        → docs/serve-soan.png, docs/serve-kiem-tra.png
"""

from __future__ import annotations

import base64
import io
import threading
import time
import zipfile
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright

import congvan
from congvan.serve import create_app

HERE = Path(__file__).resolve().parent
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def faulty_docx() -> bytes:
    """The example with the signer's KT missing its full stop."""
    good = congvan.render_docx(congvan.load(HERE.parent / "examples" / "bau-cu-2021.yaml"))
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                data = data.replace("KT. GIÁM ĐỐC".encode(), "KT GIÁM ĐỐC".encode())
            target.writestr(info, data)
    return out.getvalue()


def main() -> None:
    server = uvicorn.Server(uvicorn.Config(create_app(workers=1), host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.1)
    url = f"http://127.0.0.1:{server.servers[0].sockets[0].getsockname()[1]}/"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            page = browser.new_page(viewport={"width": 1440, "height": 900})
            page.set_default_timeout(120_000)
            page.goto(url)
            page.wait_for_selector("body[data-ready='1']")
            page.select_option("#mau", "bau-cu-2021")
            page.wait_for_selector("#preview img")
            page.fill('input[name="ngay"]', "30/02/2021")
            page.wait_for_selector('[data-path="ngay"] .error')
            page.evaluate("document.querySelector('#form-column').scrollTop = document.querySelector('[data-path=ngay]').offsetTop - 260")
            page.screenshot(path=str(HERE / "serve-soan.png"))
            page.click('nav .tab[data-tab="kiem-tra"]')
            page.evaluate("""(b64) => {
                const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
                const transfer = new DataTransfer();
                transfer.items.add(new File([bytes], "du-thao-sai.docx"));
                document.querySelector("#drop").dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true }));
            }""", base64.b64encode(faulty_docx()).decode())
            page.wait_for_selector("#report .finding img")
            page.screenshot(path=str(HERE / "serve-kiem-tra.png"))
            browser.close()
    finally:
        server.should_exit = True
        thread.join(60)


if __name__ == "__main__":
    main()
