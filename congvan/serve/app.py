"""The page's HTTP side (Starlette): the page itself, and one POST endpoint per action.

    GET  /                     the page (HTML, JavaScript, CSS shipped in the package)
    GET  /api/schema           JSON Schema of the input (congvan.schema), the form is built from it
    GET  /api/mau              ready dispatches to start from; /api/mau/{ten}: one of them
    POST /api/validate         {"text", "format"} or {"data"} → problems per field, warnings, data and YAML
    POST /api/preview          same body → PNG pictures of the real PDF's pages
    POST /api/download/{fmt}   same body → docx, pdf, pdfa, yaml or json file
    POST /api/download/{fmt}/{tep}  same body → docx, pdf or pdfa of a file of its own the
                               data makes (validate lists them in `tep_rieng`: an electronic
                               phụ lục, Mẫu 2.2; with "kem_theo_rieng": true, the văn bản
                               kèm theo, Mẫu 1.3)
    POST /api/check            multipart `tep`: any DOCX → the `congvan check` report, page pictures
    POST /api/merge            multipart `mau` (a content template), `bang` (CSV/XLSX), `dinh_dang`:
                               progress as JSON lines, then a ZIP of one dispatch per row

Every body is bounded (`max_body`); JSON bodies must say `application/json`, which a
form of another web site cannot send. No request names a file of the server
(congvan.serve.inputs).
"""

from __future__ import annotations

import contextlib
import json
from functools import lru_cache
from pathlib import Path
from typing import Any, AsyncIterator, Awaitable, Callable
from urllib.parse import quote

import anyio
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response, StreamingResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import kinds
from ..check import UnreadableDocx, check_docx
from ..errors import CongVanError, InputError
from ..pdf import PdfEngine, SofficeMissing
from ..schema import input_schema
from . import inputs
from . import merge as merging
from .pages import data_url
from .work import NoEngine, Work, file_name, reaches_outside

HERE = Path(__file__).parent
STATIC = HERE / "static"
STARTERS = HERE / "mau"
MAX_BODY = 10_000_000  # one request: a data file, or a DOCX for check
CHECK_DPI = 50

DOWNLOADS = {
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx"),
    "pdf": ("application/pdf", ".pdf"),
    "pdfa": ("application/pdf", ".pdf"),
    "yaml": ("application/yaml", ".yaml"),
    "json": ("application/json", ".json"),
}


def create_app(engine: PdfEngine | None = None, *, workers: int = 1, start_engine: bool = True,
               max_body: int = MAX_BODY, allowed_hosts: list[str] | None = None, dpi: int = 72) -> Starlette:
    """The page's application. `engine`: a running PdfEngine shared by every request
    (the caller closes it); without one, the app starts its own with `workers` workers
    when it starts and closes it when it stops (`start_engine=False`: no PDF at all)."""
    state: dict[str, Work] = {}

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        own: PdfEngine | None = None
        if engine is not None:
            state["work"] = Work(engine, dpi)
        elif start_engine:
            try:
                own = PdfEngine(workers=workers, timeout=60.0)
                await anyio.to_thread.run_sync(own.start)
                state["work"] = Work(own, dpi)
            except SofficeMissing as exc:
                state["work"] = Work(None, dpi, str(exc))
        else:
            state["work"] = Work(None, dpi)
        try:
            yield
        finally:
            if own is not None:
                await anyio.to_thread.run_sync(own.close)

    def work() -> Work:
        return state["work"]

    async def validate(request: Request) -> Response:
        body = await _json(request)
        try:
            data, lines = inputs.parse(body)
        except InputError as exc:
            return _problems(exc)
        out: dict[str, Any] = {"data": data}
        if not inputs.is_yaml_text(body):  # the form's data, JSON or TOML: the editor shows YAML
            out["text"] = inputs.dump(data)
        try:
            cv = await run_in_threadpool(inputs.dispatch, data, lines)
        except InputError as exc:
            return JSONResponse({**out, "ok": False, "problems": inputs.problems_of(exc), "warnings": []})
        warnings = await run_in_threadpool(work().warnings, cv, lines)
        own = [{"tep": tep, "ten": title, "docx": file_name(cv, f"-{tep}.docx"), "pdf": file_name(cv, f"-{tep}.pdf")}
               for tep, title in work().own_files(cv, _apart(body))]
        return JSONResponse({**out, "ok": True, "problems": [], "warnings": warnings, "loai": cv.loai, "tep_rieng": own})

    async def preview(request: Request) -> Response:
        cv = await _dispatch(request)
        if isinstance(cv, Response):
            return cv

        def pictures() -> list[str]:
            return [data_url(png) for png in work().pictures(work().pdf(cv))]

        pages = await run_in_threadpool(pictures)
        return JSONResponse({"ok": True, "pages": pages})

    async def download(request: Request) -> Response:
        fmt = request.path_params["fmt"]
        if fmt not in DOWNLOADS:
            raise HTTPException(404, f"không có định dạng '{fmt}': dùng {', '.join(DOWNLOADS)}")
        media, suffix = DOWNLOADS[fmt]
        if fmt in ("yaml", "json"):
            body = await _json(request)
            try:
                data, lines = inputs.parse(body)
                cv = await run_in_threadpool(inputs.dispatch, data, lines)
            except InputError as exc:
                return _problems(exc)
            if fmt == "json":
                content = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
            else:  # the text as typed, comments and all; the form's data as YAML
                content = body["text"] if inputs.is_yaml_text(body) else inputs.dump(data)
            return _attachment(content.encode("utf-8"), media, file_name(cv, suffix))
        cv = await _dispatch(request)
        if isinstance(cv, Response):
            return cv
        apart = _apart(await _json(request))
        if fmt == "docx":
            made = await run_in_threadpool(work().docx, cv, apart)
        else:
            made = await run_in_threadpool(work().pdf, cv, fmt == "pdfa", apart)
        return _attachment(made, media, file_name(cv, suffix))

    async def download_own(request: Request) -> Response:
        """A file of its own the data makes (an electronic phụ lục, the văn bản kèm theo)."""
        fmt, tep = request.path_params["fmt"], request.path_params["tep"]
        if fmt not in ("docx", "pdf", "pdfa"):
            raise HTTPException(404, f"không có định dạng '{fmt}' cho tệp riêng: dùng docx, pdf, pdfa")
        cv = await _dispatch(request)
        if isinstance(cv, Response):
            return cv
        made_apart = [name for name, _ in work().own_files(cv, _apart(await _json(request)))]
        if tep not in made_apart:  # a name from the data's own list, never a path
            listed = ", ".join(made_apart) or "dữ liệu không tạo tệp riêng nào"
            raise HTTPException(404, f"không có tệp riêng '{tep}' (có: {listed})")
        media, suffix = DOWNLOADS[fmt]
        if fmt == "docx":
            made = await run_in_threadpool(work().own_docx, cv, tep)
        else:
            made = await run_in_threadpool(work().pdf, cv, fmt == "pdfa", False, tep)
        return _attachment(made, media, file_name(cv, f"-{tep}{suffix}"))

    async def check(request: Request) -> Response:
        async with request.form(max_files=1, max_fields=4) as form:
            upload = form.get("tep")
            if upload is None or isinstance(upload, str):
                raise HTTPException(400, "chưa có tệp: gửi tệp .docx trong trường 'tep'")
            name = Path(upload.filename or "van-ban.docx").name
            content = await upload.read()
        try:
            report = await run_in_threadpool(check_docx, content, name)
        except UnreadableDocx as exc:
            return JSONResponse({"ok": False, "error": f"{name}: {exc}"}, status_code=422)
        out: dict[str, Any] = {"ok": report.ok, "report": report.as_dict(), "text": report.as_text(), "pages": []}
        if work().engine is None:
            out["pages_note"] = work().why_not
        elif reaches_outside(content):
            out["pages_note"] = "tệp trỏ tới tệp hay địa chỉ bên ngoài (ảnh liên kết, trường INCLUDE…): không vẽ trang"
        else:
            try:
                pngs = await run_in_threadpool(work().docx_pictures, content, CHECK_DPI)
                out["pages"] = [data_url(png) for png in pngs]
            except CongVanError as exc:
                out["pages_note"] = f"không vẽ được trang: {exc}"
        return JSONResponse(out)

    async def mail_merge(request: Request) -> Response:
        async with request.form(max_files=1, max_fields=4) as form:
            upload, template, chosen = form.get("bang"), form.get("mau"), form.get("dinh_dang") or "docx"
            if upload is None or isinstance(upload, str):
                raise HTTPException(400, "chưa có bảng dữ liệu: gửi tệp .csv hoặc .xlsx trong trường 'bang'")
            if not isinstance(template, str) or not isinstance(chosen, str):
                raise HTTPException(400, "chưa có mẫu nội dung: gửi văn bản tệp dữ liệu trong trường 'mau'")
            name = Path(upload.filename or "bang.csv").name
            content = await upload.read()
        try:
            formats = merging.formats_of(chosen)
            data, lines = inputs.parse({"text": template, "format": "yaml"})
        except InputError as exc:
            return _problems(exc)
        try:
            rows = await run_in_threadpool(merging.read_table, name, content)
        except InputError as exc:
            return JSONResponse({"ok": False, "error": str(exc)}, status_code=422)
        if "pdf" in formats and work().engine is None:
            raise NoEngine(work().why_not)
        lines_out = merging.merge(work(), data, lines, rows, name, formats)
        return StreamingResponse(lines_out, media_type="application/x-ndjson")

    async def _dispatch(request: Request) -> Any:
        body = await _json(request)
        try:
            data, lines = inputs.parse(body)
            return await run_in_threadpool(inputs.dispatch, data, lines)
        except InputError as exc:
            return _problems(exc)

    async def index(request: Request) -> Response:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    async def schema(request: Request) -> Response:
        return JSONResponse(_schema())

    async def starters(request: Request) -> Response:
        return JSONResponse({
            "mau": [{"ten": name, "mo_ta": line} for name, line in _starters().items()],
            "loai": [{"loai": key, "ten": kind.ten} for key, kind in kinds.KINDS.items()],
        })

    async def starter(request: Request) -> Response:
        name = request.path_params["ten"]
        if name not in _starters():  # a name from the list, never a path
            raise HTTPException(404, f"không có văn bản mẫu '{name}'")
        return JSONResponse({"ten": name, "text": (STARTERS / f"{name}.yaml").read_text(encoding="utf-8")})

    routes = [
        Route("/", index),
        Route("/api/schema", schema),
        Route("/api/mau", starters),
        Route("/api/mau/{ten}", starter),
        Route("/api/validate", validate, methods=["POST"]),
        Route("/api/preview", preview, methods=["POST"]),
        Route("/api/download/{fmt}", download, methods=["POST"]),
        Route("/api/download/{fmt}/{tep}", download_own, methods=["POST"]),
        Route("/api/check", check, methods=["POST"]),
        Route("/api/merge", mail_merge, methods=["POST"]),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    middleware = [Middleware(BodyLimit, most=max_body)]
    if allowed_hosts:
        middleware.append(Middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts))
    handlers: dict[Any, Callable[..., Awaitable[Response]]] = {
        HTTPException: _http_error, CongVanError: _server_error, Exception: _server_error}
    app = Starlette(routes=routes, middleware=middleware, lifespan=lifespan, exception_handlers=handlers)
    app.state.congvan = state  # the running Work (and its engine), for monitoring
    return app


@lru_cache(maxsize=1)
def _schema() -> dict[str, Any]:
    return input_schema()


@lru_cache(maxsize=1)
def _starters() -> dict[str, str]:
    """Name → the first comment line of each ready dispatch."""
    out = {}
    for path in sorted(STARTERS.glob("*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        out[path.stem] = first.lstrip("# ").strip()
    return out


async def _json(request: Request) -> Any:
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "application/json":
        raise HTTPException(415, "yêu cầu phải gửi JSON (Content-Type: application/json)")
    try:
        return json.loads(await request.body())
    except (ValueError, RecursionError):
        raise HTTPException(400, "yêu cầu không phải JSON đọc được") from None


def _apart(body: Any) -> bool:
    """The body's option `kem_theo_rieng` (Mẫu 1.3, electronic): the văn bản kèm theo
    in a file of its own, as `render --kem-theo-rieng` writes it."""
    return isinstance(body, dict) and body.get("kem_theo_rieng") is True


def _problems(exc: InputError) -> Response:
    return JSONResponse({"ok": False, "problems": inputs.problems_of(exc)}, status_code=422)


def _attachment(content: bytes, media: str, name: str) -> Response:
    ascii_name = name.encode("ascii", "ignore").decode() or "cong-van"
    disposition = f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"
    return Response(content, media_type=media, headers={"Content-Disposition": disposition})


_STATUS = {404: "không có trang này", 405: "phương thức không được dùng ở địa chỉ này", 400: "yêu cầu không hợp lệ"}


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    detail = exc.detail if exc.detail and any(ord(c) > 127 for c in exc.detail) else _STATUS.get(exc.status_code, "yêu cầu không hợp lệ")
    return JSONResponse({"ok": False, "error": detail}, status_code=exc.status_code)


async def _server_error(request: Request, exc: Exception) -> Response:
    if isinstance(exc, NoEngine):
        return JSONResponse({"ok": False, "error": str(exc)}, status_code=503)
    if isinstance(exc, CongVanError):
        return JSONResponse({"ok": False, "error": str(exc)}, status_code=500)
    return JSONResponse({"ok": False, "error": f"lỗi máy chủ: {type(exc).__name__}"}, status_code=500)


class BodyLimit:
    """Refuse a request body over `most` bytes (413), whether or not it says its length."""

    def __init__(self, app: ASGIApp, most: int) -> None:
        self.app, self.most = app, most

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope.get("headers") or []).get(b"content-length", b"")
        if length.isdigit() and int(length) > self.most:
            await self._refuse(scope, send)
            return
        body = bytearray()
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body += message.get("body", b"")
            if len(body) > self.most:
                await self._refuse(scope, send)
                return
            if not message.get("more_body"):
                break
        replay: list[Message] = [{"type": "http.request", "body": bytes(body), "more_body": False}]

        async def again() -> Message:
            return replay.pop() if replay else await receive()

        await self.app(scope, again, send)

    async def _refuse(self, scope: Scope, send: Send) -> None:
        size = f"{self.most / 1_000_000:g} MB"
        response = JSONResponse({"ok": False, "error": f"yêu cầu quá lớn: hơn {size}"}, status_code=413)
        await response(scope, _disconnect, send)


async def _disconnect() -> Message:
    return {"type": "http.disconnect"}
