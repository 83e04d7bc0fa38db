"""`congvan serve` through a real HTTP client: every endpoint, its errors, the limits,
twenty concurrent previews on one engine, and no process left once the server stops."""

from __future__ import annotations

import base64
import concurrent.futures
import io
import json
import math
import os
import re
import signal
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

import pytest
import yaml
from PIL import Image
from pypdf import PdfReader
from starlette.testclient import TestClient

import congvan
from congvan.pdf import pdfa_part
from congvan.schema import input_schema
from congvan.serve import create_app
from congvan.serve.inputs import SCHEMA_LINE
from tests.conftest import ROOT
from tests.pdf_text import fonts
from tests.test_pdf_engine import _alive, _processes_under

EXAMPLE = ROOT / "examples" / "bau-cu-2021.yaml"
TEXT = EXAMPLE.read_text(encoding="utf-8")

# A one-page công văn with three recipients and a KT. signer, as the form sends it.
FORM = {
    "co_quan_chu_quan": ["UBND TỈNH ĐỒNG THÁP"],
    "co_quan_ban_hanh": ["SỞ THÔNG TIN VÀ TRUYỀN THÔNG"],
    "so": 5,
    "ky_hieu": "STTTT-VP",
    "trich_yeu": "họp giao ban tháng 3",
    "dia_danh": "Đồng Tháp",
    "ngay": "05/03/2021",
    "kinh_gui": ["Phòng Bưu chính, Viễn thông", "Phòng Công nghệ thông tin", "Văn phòng Sở"],
    "noi_dung": "Sở Thông tin và Truyền thông mời các phòng dự họp giao ban.",
    "noi_nhan": ["Như trên", "Lưu"],
    "nguoi_ky": {"quyen_han": ["KT. GIÁM ĐỐC"], "chuc_vu": "PHÓ GIÁM ĐỐC", "ho_ten": "Nguyễn Văn A"},
}


@pytest.fixture(scope="module")
def client(pdf_engine):
    with TestClient(create_app(pdf_engine)) as test_client:
        yield test_client


def _png(url: str) -> Image.Image:
    assert url.startswith("data:image/png;base64,")
    return Image.open(io.BytesIO(base64.b64decode(url.split(",", 1)[1])))


def _with_text(docx: bytes, old: str, new: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                assert old.encode() in data
                data = data.replace(old.encode(), new.encode())
            target.writestr(info, data)
    return out.getvalue()


# -- the page and what it is built from ------------------------------------------------------

def test_page_schema_and_static_files(client):
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert '<form id="form"' in page.text and "/static/app.js" in page.text
    assert client.get("/static/app.js").status_code == 200
    assert client.get("/api/schema").json() == input_schema()
    # StaticFiles serves its folder only.
    assert client.get("/static/../app.py").status_code == 404
    assert client.get("/static/%2e%2e/app.py").status_code == 404


def test_starters_are_the_examples_and_valid(client):
    listed = client.get("/api/mau").json()
    assert {k["loai"] for k in listed["loai"]} == set(congvan.kinds.KINDS)
    assert len(listed["mau"]) >= 5
    for starter in listed["mau"]:
        text = client.get(f"/api/mau/{starter['ten']}").json()["text"]
        [example] = [p for p in (ROOT / "examples").rglob(f"{starter['ten']}.yaml")]
        assert text == example.read_text(encoding="utf-8").split("\n", 1)[1]  # the example without its schema line
        answer = client.post("/api/validate", json={"text": text}).json()
        if "{{" in text:  # a content template: only its variables wait for a row of the table
            waiting = {p["message"].split("'")[1] for p in answer["problems"]}
            assert answer["problems"] and waiting <= {"so", "don_vi", "nguoi_nhan", "kinh_phi"}
            assert all(p["message"].startswith("chưa có giá trị cho biến") for p in answer["problems"])
        else:
            assert answer["ok"], answer["problems"]
    missing = client.get("/api/mau/khong-co")
    assert missing.status_code == 404 and missing.json()["error"] == "không có văn bản mẫu 'khong-co'"
    assert client.get("/api/mau/..%2Fapp").status_code == 404


# -- validate: the form and the editor in step, problems on their fields ---------------------

def test_validate_yaml_text(client):
    answer = client.post("/api/validate", json={"text": TEXT}).json()
    assert answer["ok"] and answer["loai"] == "cong_van" and answer["problems"] == []
    assert answer["data"]["kinh_gui"][0] == "Viễn thông Đồng Tháp"
    assert "text" not in answer  # the editor keeps what the user typed


def test_validate_form_data_gives_the_yaml_of_the_editor(client):
    answer = client.post("/api/validate", json={"data": FORM}).json()
    assert answer["ok"], answer["problems"]
    assert answer["text"].startswith(SCHEMA_LINE)
    assert yaml.safe_load(answer["text"]) == FORM
    # and back: the editor's text gives the form the same data
    again = client.post("/api/validate", json={"text": answer["text"]}).json()
    assert again["ok"] and again["data"] == {**FORM, "so": "5"}  # YAML numbers are read as typed text


@pytest.mark.parametrize("fmt, text", [
    ("json", json.dumps(FORM, ensure_ascii=False)),
    ("toml", 'co_quan_ban_hanh = "SỞ NỘI VỤ"\nky_hieu = "SNV-VP"\ntrich_yeu = "họp"\ndia_danh = "Hà Nội"\n'
             'ngay = "2021-03-05"\nkinh_gui = "Các phòng"\nnoi_dung = "Nội dung."\n'
             '[nguoi_ky]\nchuc_vu = "GIÁM ĐỐC"\nho_ten = "Nguyễn Văn A"\n'),
])
def test_validate_json_and_toml_give_yaml(client, fmt, text):
    answer = client.post("/api/validate", json={"text": text, "format": fmt}).json()
    assert answer["ok"], answer["problems"]
    assert yaml.safe_load(answer["text"]) == answer["data"]


def test_wrong_date_is_on_its_field_in_vietnamese(client):
    answer = client.post("/api/validate", json={"text": TEXT.replace("{thang: 3, nam: 2021}", "30/02/2021")}).json()
    assert not answer["ok"]
    assert answer["problems"] == [{"field": "ngay", "line": 14, "message": "ngày 30/02/2021 không tồn tại",
                                   "text": "dòng 14, trường 'ngay': ngày 30/02/2021 không tồn tại"}]
    form = client.post("/api/validate", json={"data": {**FORM, "ngay": "31/04/2021", "ky_hieu": "STTTT VP"}}).json()
    by_field = {p["field"]: p["message"] for p in form["problems"]}
    assert by_field["ngay"] == "ngày 31/04/2021 không tồn tại"
    assert by_field["ky_hieu"].startswith("ký hiệu 'STTTT VP' phải là các nhóm chữ viết tắt nối bằng '-'")
    assert form["text"].startswith(SCHEMA_LINE)  # the editor follows the form even when it is wrong


def test_syntax_errors_and_bad_bodies(client):
    broken = client.post("/api/validate", json={"text": "trich_yeu: a\n\tky_hieu: b\n"})
    assert broken.status_code == 422
    [problem] = broken.json()["problems"]
    assert problem["line"] == 2 and problem["message"].startswith("lỗi cú pháp YAML")
    both = client.post("/api/validate", json={"text": "a: 1", "data": {}})
    assert both.status_code == 422 and "đúng một trong hai khóa" in both.json()["problems"][0]["message"]
    fmt = client.post("/api/validate", json={"text": "a: 1", "format": "xml"})
    assert fmt.json()["problems"][0]["message"] == "không đọc được định dạng 'xml': dùng yaml, json hoặc toml"
    assert client.post("/api/validate", json={"text": "- a\n- b\n"}).status_code == 422
    not_json = client.post("/api/validate", content=b"{", headers={"content-type": "application/json"})
    assert not_json.status_code == 400 and not_json.json()["error"] == "yêu cầu không phải JSON đọc được"
    # A form of another web site can only send text/plain, urlencoded or multipart.
    form = client.post("/api/validate", content=b'{"text": "a: 1"}', headers={"content-type": "text/plain"})
    assert form.status_code == 415 and form.json()["error"] == "yêu cầu phải gửi JSON (Content-Type: application/json)"
    assert client.get("/api/validate").json()["error"] == "phương thức không được dùng ở địa chỉ này"
    assert client.get("/khong-co").json()["error"] == "không có trang này"


# -- no file of the server is reachable ------------------------------------------------------

@pytest.mark.parametrize("change, field", [
    ({"layout": "/etc/hostname"}, "layout"),
    ({"layout": "mau-co-quan.docx"}, "layout"),
    ({"nguoi_ky": {**FORM["nguoi_ky"], "chu_ky": "/etc/passwd.png"}}, "nguoi_ky.chu_ky"),
    ({"nguoi_ky": {**FORM["nguoi_ky"], "con_dau": "../dau.png"}}, "nguoi_ky.con_dau"),
    ({"noi_dung": ["Đoạn.", {"khoan": "Bảng", "noi_dung": [{"bang": {"tep": "/etc/passwd"}}]}]}, "noi_dung[1].noi_dung[0].bang.tep"),
    ({"layout": "{{ tep }}", "bien": {"tep": "/etc/hostname"}}, "layout"),  # a variable spelling a path
])
def test_fields_naming_a_file_are_refused(client, change, field):
    for endpoint in ("/api/validate", "/api/preview", "/api/download/docx"):
        answer = client.post(endpoint, json={"data": {**FORM, **change}})
        refused = [p for p in answer.json()["problems"] if p["message"].startswith("trang soạn thảo không đọc tệp trên máy chủ")]
        assert answer.status_code == (200 if endpoint == "/api/validate" else 422)
        assert [p["field"] for p in refused] == [field], endpoint


def test_an_existing_file_and_a_missing_one_read_alike(client):
    """The answer never tells whether a file exists on the server."""
    exists = client.post("/api/validate", json={"data": {**FORM, "layout": "/etc/hostname.yaml"}}).json()
    missing = client.post("/api/validate", json={"data": {**FORM, "layout": "/khong/co/tep.yaml"}}).json()
    assert [p["message"] for p in exists["problems"]] == [p["message"] for p in missing["problems"]]


# -- preview and downloads: the real PDF -----------------------------------------------------

def test_preview_pages_are_the_pdf_pages(client):
    preview = client.post("/api/preview", json={"text": TEXT}).json()
    pdf = client.post("/api/download/pdf", json={"text": TEXT})
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(pdf.content))
    assert len(preview["pages"]) == len(reader.pages) == 2
    for url in preview["pages"]:
        picture = _png(url)
        assert abs(picture.height / picture.width - 297 / 210) < 0.01  # A4 upright
        assert picture.width == math.ceil(210 / 25.4 * 72)  # 72 dpi


def test_downloads(client, tmp_path):
    docx = client.post("/api/download/docx", json={"text": TEXT})
    assert docx.status_code == 200
    assert docx.headers["content-disposition"] == (
        "attachment; filename=\"du-thao-STTTT-BCVT-2021-03.docx\"; filename*=UTF-8''du-thao-STTTT-BCVT-2021-03.docx")
    assert docx.content == congvan.render_docx(congvan.load(EXAMPLE))  # the same bytes as the command line

    pdf = client.post("/api/download/pdf", json={"data": FORM})
    path = tmp_path / "cv.pdf"
    path.write_bytes(pdf.content)
    reader = PdfReader(path)
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Số: 05/STTTT-VP" in text and "V/v họp giao ban tháng 3" in text and "KT. GIÁM ĐỐC" in text
    assert reader.metadata["/Title"] == "V/v họp giao ban tháng 3"
    assert {name.split("+")[-1].split("-")[0].split(",")[0] for name, _ in fonts(path)} <= {"LiberationSerif", "TimesNewRomanPSMT", "TimesNewRoman"}
    assert all(embedded for _, embedded in fonts(path))
    assert pdf.headers["content-disposition"].endswith("05-STTTT-VP-2021-03-05.pdf")

    pdfa = client.post("/api/download/pdfa", json={"data": FORM})
    assert pdfa_part(PdfReader(io.BytesIO(pdfa.content))) == ("2", "B")

    data_file = client.post("/api/download/yaml", json={"text": TEXT})
    assert data_file.content.decode() == TEXT  # as typed, comments and all
    from_form = client.post("/api/download/yaml", json={"data": FORM})
    assert yaml.safe_load(from_form.content) == FORM
    as_json = client.post("/api/download/json", json={"data": FORM})
    assert json.loads(as_json.content) == FORM
    assert congvan.CongVan(**json.loads(as_json.content)).so_ky_hieu == "05/STTTT-VP"


def test_download_errors(client):
    unknown = client.post("/api/download/odt", json={"text": TEXT})
    assert unknown.status_code == 404 and unknown.json()["error"] == "không có định dạng 'odt': dùng docx, pdf, pdfa, yaml, json"
    wrong = client.post("/api/download/pdf", json={"data": {**FORM, "ngay": "30/02/2021"}})
    assert wrong.status_code == 422 and wrong.json()["problems"][0]["field"] == "ngay"
    assert client.post("/api/download/yaml", json={"data": {**FORM, "so": "năm"}}).status_code == 422


def test_without_libreoffice_the_page_says_so():
    with TestClient(create_app(start_engine=False)) as offline:
        answer = offline.post("/api/preview", json={"data": FORM})
        assert answer.status_code == 503 and "LibreOffice" in answer.json()["error"]
        assert offline.post("/api/download/docx", json={"data": FORM}).status_code == 200


# -- check of an uploaded DOCX ---------------------------------------------------------------

def test_check_upload(client):
    good = congvan.render_docx(congvan.load(EXAMPLE))
    answer = client.post("/api/check", files={"tep": ("du-thao.docx", good)}).json()
    assert answer["ok"] and answer["report"]["errors"] == 0 and len(answer["pages"]) == 2

    faulty = _with_text(good, "KT. GIÁM ĐỐC", "KT GIÁM ĐỐC")
    answer = client.post("/api/check", files={"tep": ("../../sai.docx", faulty)}).json()
    assert not answer["ok"] and answer["report"]["file"] == "sai.docx"  # a name, never a path
    [finding] = answer["report"]["findings"]
    assert finding["message"] == "chữ viết tắt quyền hạn phải có dấu chấm: «KT.»" and finding["text"] == "KT GIÁM ĐỐC"
    assert finding["page"] == 2 and len(answer["pages"]) == 2
    assert _png(answer["pages"][finding["page"] - 1]).width == math.ceil(210 / 25.4 * 50)
    assert answer["text"] == congvan.check_docx(faulty, "sai.docx").as_text()


def test_check_errors_and_outside_links(client):
    unreadable = client.post("/api/check", files={"tep": ("a.docx", b"not a docx")})
    assert unreadable.status_code == 422
    assert unreadable.json()["error"] == "a.docx: không phải tệp .docx đọc được (Word 2007 trở lên)"
    missing = client.post("/api/check", files={"khac": ("a.docx", b"x")})
    assert missing.status_code == 400 and missing.json()["error"] == "chưa có tệp: gửi tệp .docx trong trường 'tep'"
    # A DOCX linking a picture on the disk is checked but never drawn on the server.
    good = congvan.render_docx(congvan.load(EXAMPLE))
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/'
                                    b'officeDocument/2006/relationships/image" Target="file:///etc/hostname" TargetMode="External"/></Relationships>')
            target.writestr(info, data)
    linked = client.post("/api/check", files={"tep": ("a.docx", out.getvalue())}).json()
    assert linked["report"]["errors"] == 0 and linked["pages"] == []
    assert linked["pages_note"].startswith("tệp trỏ tới tệp hay địa chỉ bên ngoài")


# -- limits ----------------------------------------------------------------------------------

def test_body_size_limit():
    with TestClient(create_app(start_engine=False, max_body=1000)) as small:
        big = small.post("/api/validate", json={"text": "a: " + "x" * 2000})
        assert big.status_code == 413 and big.json()["error"] == "yêu cầu quá lớn: hơn 0.001 MB"

        def chunks():  # no Content-Length: counted as it comes
            for _ in range(10):
                yield b"x" * 200

        chunked = small.post("/api/validate", content=chunks(), headers={"content-type": "application/json"})
        assert chunked.status_code == 413
        upload = small.post("/api/check", files={"tep": ("a.docx", b"x" * 5000)})
        assert upload.status_code == 413
        assert small.post("/api/validate", json={"text": "a: 1"}).status_code == 200


def test_other_hosts_are_refused():
    with TestClient(create_app(start_engine=False, allowed_hosts=["127.0.0.1", "localhost"]), base_url="http://127.0.0.1") as local:
        assert local.get("/").status_code == 200
        assert local.get("/", headers={"host": "ten-mien-la.example"}).status_code == 400


# -- one engine under twenty requests; nothing left after -----------------------------------

def _serve(app, port_holder: list, stop: threading.Event) -> None:
    import uvicorn

    config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="on")
    server = uvicorn.Server(config)

    def watch() -> None:
        while not server.started and not stop.is_set():
            stop.wait(0.05)
        if server.servers:
            port_holder.append(server.servers[0].sockets[0].getsockname()[1])
        stop.wait()
        server.should_exit = True

    threading.Thread(target=watch, daemon=True).start()
    server.run()


def test_twenty_concurrent_previews_on_one_engine_then_no_process():
    import httpx2

    app = create_app(workers=1)
    port: list[int] = []
    stop = threading.Event()
    thread = threading.Thread(target=_serve, args=(app, port, stop), daemon=True)
    thread.start()
    try:
        for _ in range(1200):  # until the server listens (LibreOffice starts first)
            if port or not thread.is_alive():
                break
            stop.wait(0.1)
        assert port, "server did not start"
        engine = app.state.congvan["work"].engine
        root = engine.root
        bodies = [{"data": {**FORM, "so": n, "trich_yeu": f"họp giao ban lần {n}"}} for n in range(1, 21)]
        with httpx2.Client(base_url=f"http://127.0.0.1:{port[0]}", timeout=600) as http:
            with concurrent.futures.ThreadPoolExecutor(20) as pool:
                answers = list(pool.map(lambda body: http.post("/api/preview", json=body), bodies))
            pdfs = [http.post("/api/download/pdf", json=bodies[i]) for i in (0, 19)]
        assert [a.status_code for a in answers] == [200] * 20
        assert all(len(a.json()["pages"]) == 1 for a in answers)
        # each answer is its own dispatch's page, not another request's
        assert len({a.json()["pages"][0] for a in answers}) == 20
        assert "lần 20" in PdfReader(io.BytesIO(pdfs[1].content)).pages[0].extract_text()
        pids = engine.processes()
        assert pids and all(_alive(pid) for pid in pids)
    finally:
        stop.set()
        thread.join(120)
    assert not thread.is_alive()
    assert not any(_alive(pid) for pid in pids)
    assert _processes_under(root) == []


def _descendants(pid: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for entry in filter(str.isdigit, os.listdir("/proc")):
        try:
            parent = int(Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(parent, []).append(int(entry))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def test_command_serves_and_stops_leaving_no_process():
    import httpx2

    command = [sys.executable, "-m", "congvan.cli", "serve", "--port", "0"]
    server = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        line = server.stderr.readline()
        assert line.startswith("Trang soạn công văn: http://127.0.0.1:"), line
        url = re.search(r"http://\S+", line)[0]
        with httpx2.Client(base_url=url, timeout=300) as http:
            assert http.get("/").status_code == 200
            assert http.post("/api/preview", json={"data": FORM}).status_code == 200
            # bound to 127.0.0.1: another host name pointed at it is refused
            assert http.get("/", headers={"host": "ten-mien-la.example"}).status_code == 400
        children = _descendants(server.pid)
        assert any(b"soffice" in Path(f"/proc/{pid}/cmdline").read_bytes() for pid in children if _alive(pid))
        server.send_signal(signal.SIGINT)  # Ctrl-C: stopped as every command stops
        assert server.wait(120) == 130
        assert server.stderr.read().strip() == "Đã dừng."
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
    assert [pid for pid in children if _alive(pid)] == []


def test_command_port_in_use():
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run([sys.executable, "-m", "congvan.cli", "serve", "--port", str(port)],
                              capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 2
    assert done.stderr.startswith(f"Lỗi: không mở được cổng {port} trên 127.0.0.1:")


# -- mail merge ------------------------------------------------------------------------------

MAU = ROOT / "examples" / "mau" / "moi-hop.yaml"
BANG = ROOT / "examples" / "mau" / "moi-hop.csv"


def _merge(client, table: bytes, name: str = "moi-hop.csv", fmt: str = "docx", template: str | None = None):
    answer = client.post("/api/merge", data={"mau": template or MAU.read_text(encoding="utf-8"), "dinh_dang": fmt},
                         files={"bang": (name, table)})
    return answer, [json.loads(line) for line in answer.text.splitlines()] if answer.status_code == 200 else []


def test_mail_merge_gives_a_zip_of_the_rows(client):
    answer, lines = _merge(client, BANG.read_bytes())
    assert answer.headers["content-type"].startswith("application/x-ndjson")
    rows = list(congvan.values.read_rows(BANG))
    assert lines[0] == {"tong": len(rows)}
    assert [m["xong"] for m in lines[1:-1]] == list(range(1, len(rows) + 1))
    final = lines[-1]
    assert final["loi"] == [] and final["ten"] == "tron-thu.zip"
    archive = zipfile.ZipFile(io.BytesIO(base64.b64decode(final["zip"])))
    names = archive.namelist()
    assert len(names) == len(rows) and names[0] == "215-STTTT-VP-2026-12-01.docx" and names[-1].startswith("du-thao-")
    # the same bytes as the command line makes for that row
    assert archive.read(names[0]) == congvan.render_docx(congvan.load(MAU, values=rows[0].values))


def test_mail_merge_pdf_and_a_bad_row(client):
    table = "so,don_vi,nguoi_nhan,kinh_phi\n9,Sở Tài chính,ông Giám đốc,1000000\nmười,Sở Nội vụ,bà Giám đốc,5\n"
    _, lines = _merge(client, table.encode(), "ds.csv", "docx,pdf")
    final = lines[-1]
    assert final["loi"] == ["ds.csv, dòng 3: mẫu, dòng 7, trường 'so': phải là số nguyên, không phải 'mười'"]
    assert lines[2]["loi"] == final["loi"] and lines[1]["loi"] == []
    archive = zipfile.ZipFile(io.BytesIO(base64.b64decode(final["zip"])))
    assert archive.namelist() == ["09-STTTT-VP-2026-12-01.docx", "09-STTTT-VP-2026-12-01.pdf"]
    assert "Sở Tài chính" in PdfReader(io.BytesIO(archive.read("09-STTTT-VP-2026-12-01.pdf"))).pages[0].extract_text()


def test_mail_merge_errors(client):
    wrong_kind, _ = _merge(client, b"a,b\n1,2\n", "ds.txt")
    assert wrong_kind.status_code == 422 and wrong_kind.json()["error"] == "ds.txt: bảng dữ liệu phải là tệp .csv hoặc .xlsx"
    empty, _ = _merge(client, b"so,don_vi\n", "ds.csv")
    assert empty.json()["error"] == "ds.csv: bảng không có dòng dữ liệu nào dưới dòng tiêu đề"
    shifted, _ = _merge(client, b"so,don_vi\n1,a,b\n", "ds.csv")
    assert shifted.json()["error"].startswith("ds.csv, dòng 2: dòng có 3 ô nhưng dòng tiêu đề chỉ có 2 cột")
    fmt, _ = _merge(client, BANG.read_bytes(), fmt="odt")
    assert fmt.json()["problems"][0]["message"] == "định dạng 'odt' không dùng được: docx, pdf hoặc docx,pdf"
    syntax, _ = _merge(client, BANG.read_bytes(), template="so: [\n")
    assert syntax.status_code == 422 and syntax.json()["problems"][0]["message"].startswith("lỗi cú pháp YAML")
    no_table = client.post("/api/merge", data={"mau": "a: 1"})
    assert no_table.status_code == 400 and no_table.json()["error"] == "chưa có bảng dữ liệu: gửi tệp .csv hoặc .xlsx trong trường 'bang'"
    # a variable of the row cannot name a file of the server either
    _, lines = _merge(client, b"so,don_vi,nguoi_nhan,kinh_phi,tep\n1,a,b,5,/etc/hostname\n", "ds.csv",
                      template=MAU.read_text(encoding="utf-8") + "layout: \"{{ tep }}\"\n")
    assert "trường 'layout': trang soạn thảo không đọc tệp trên máy chủ" in lines[-1]["loi"][0]


# -- files of their own: an electronic phụ lục (Mẫu 2.2), the văn bản kèm theo (Mẫu 1.3) -----

APPENDIX_TEXT = (ROOT / "examples" / "bao-cao-phu-luc-dien-tu.yaml").read_text(encoding="utf-8")
DECISION_TEXT = (ROOT / "examples" / "quyet-dinh-ban-hanh-quy-che.yaml").read_text(encoding="utf-8")


def _pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_electronic_appendix_is_offered_beside_the_document(client):
    cv = congvan.loads(APPENDIX_TEXT, "yaml")
    answer = client.post("/api/validate", json={"text": APPENDIX_TEXT}).json()
    title = "Phụ lục Danh sách dịch vụ công trực tuyến toàn trình"
    stem = "61-BC-STTTT-2024-12-20"
    assert answer["ok"] and answer["tep_rieng"] == [
        {"tep": "phu-luc", "ten": title, "docx": f"{stem}-phu-luc.docx", "pdf": f"{stem}-phu-luc.pdf"}]
    docx = client.post("/api/download/docx/phu-luc", json={"text": APPENDIX_TEXT})
    assert docx.status_code == 200 and docx.headers["content-disposition"].endswith(f"''{stem}-phu-luc.docx")
    assert docx.content == congvan.render_appendix_files(cv)[0][1]  # as the command line writes it
    pdf = client.post("/api/download/pdf/phu-luc", json={"text": APPENDIX_TEXT})
    assert pdf.status_code == 200 and pdf.headers["content-disposition"].endswith(f"''{stem}-phu-luc.pdf")
    text = _pdf_text(pdf.content)
    assert "DANH SÁCH DỊCH VỤ CÔNG TRỰC TUYẾN TOÀN TRÌNH" in text and "(Kèm theo Báo cáo số … ngày" in text
    assert PdfReader(io.BytesIO(pdf.content)).metadata["/Title"] == title
    # The document itself no longer carries it.
    main = _pdf_text(client.post("/api/download/pdf", json={"text": APPENDIX_TEXT}).content)
    assert "BÁO CÁO" in main and "DANH SÁCH DỊCH VỤ CÔNG" not in main


def test_attached_document_apart_on_request(client):
    cv = congvan.loads(DECISION_TEXT, "yaml")
    together = client.post("/api/validate", json={"text": DECISION_TEXT}).json()
    assert together["ok"] and together["tep_rieng"] == []
    body = {"text": DECISION_TEXT, "kem_theo_rieng": True}
    apart = client.post("/api/validate", json=body).json()
    assert [f["tep"] for f in apart["tep_rieng"]] == ["kem-theo"]
    assert apart["tep_rieng"][0]["ten"] == "QUY CHẾ Làm việc của Sở Thông tin và Truyền thông"
    from congvan.render import render_kem_theo_docx

    assert client.post("/api/download/docx/kem-theo", json=body).content == render_kem_theo_docx(cv)
    decision = client.post("/api/download/docx", json=body).content
    assert decision == congvan.render_docx(cv.model_copy(update={"van_ban_kem_theo": None}))
    assert client.post("/api/download/docx", json={"text": DECISION_TEXT}).content == congvan.render_docx(cv)
    pdf = client.post("/api/download/pdfa/kem-theo", json=body)
    assert pdf.status_code == 200 and pdfa_part(PdfReader(io.BytesIO(pdf.content))) == ("2", "B")
    text = _pdf_text(pdf.content)
    assert "QUY CHẾ" in text and "(Kèm theo Quyết định số …/QĐ-STTTT" in text and "QUYẾT ĐỊNH:" not in text
    assert PdfReader(io.BytesIO(pdf.content)).metadata["/Title"] == apart["tep_rieng"][0]["ten"]


def test_own_file_download_errors(client):
    none = client.post("/api/download/docx/kem-theo", json={"text": DECISION_TEXT})
    assert none.status_code == 404 and none.json()["error"] == "không có tệp riêng 'kem-theo' (có: dữ liệu không tạo tệp riêng nào)"
    other = client.post("/api/download/pdf/phu-luc-II", json={"text": APPENDIX_TEXT})
    assert other.status_code == 404 and other.json()["error"] == "không có tệp riêng 'phu-luc-II' (có: phu-luc)"
    fmt = client.post("/api/download/yaml/phu-luc", json={"text": APPENDIX_TEXT})
    assert fmt.status_code == 404 and fmt.json()["error"] == "không có định dạng 'yaml' cho tệp riêng: dùng docx, pdf, pdfa"
    wrong = client.post("/api/download/docx/phu-luc", json={"text": APPENDIX_TEXT.replace("ngay: 2024-12-20", "ngay: 31/02/2024")})
    assert wrong.status_code == 422 and wrong.json()["problems"][0]["field"] == "ngay"
