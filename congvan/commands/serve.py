"""`congvan serve`: the local web page (Starlette, run by uvicorn)."""

from __future__ import annotations

import argparse
import socket
import sys

from ..explain import os_reason
from . import error

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def add_parser(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    p = commands.add_parser(
        "serve", help="mở trang soạn công văn trên trình duyệt (máy này)",
        description="Chạy trang soạn công văn trên máy này: điền biểu mẫu hoặc sửa YAML, xem trước các trang "
        "như khi in, tải DOCX, PDF, PDF/A và tệp dữ liệu, kéo thả tệp .docx để kiểm tra thể thức. "
        "Mặc định chỉ máy này mở được trang (127.0.0.1). Dừng bằng Ctrl-C.",
        epilog="Ví dụ:\n"
        "  congvan serve                     rồi mở http://127.0.0.1:8030/\n"
        "  congvan serve --port 9000",
    )
    p.add_argument("--port", type=int, default=8030, metavar="CỔNG", help="cổng của trang (mặc định: 8030; 0: cổng trống bất kỳ)")
    p.add_argument("--host", default="127.0.0.1", metavar="ĐỊA_CHỈ",
                   help="địa chỉ lắng nghe (mặc định: 127.0.0.1, chỉ máy này); 0.0.0.0 mở cho cả mạng")
    p.add_argument("--workers", type=int, default=1, metavar="N", help="số tiến trình LibreOffice chạy sẵn (mặc định: 1)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from ..serve import create_app

    hosts = None
    if args.host in LOOPBACK:
        # Bound to this machine: refuse any other Host header (a web page that points
        # a name of its own at 127.0.0.1 cannot reach the page's endpoints).
        hosts = ["127.0.0.1", "localhost", "[::1]"]
    family = socket.AF_INET6 if ":" in args.host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((args.host, args.port))
        sock.listen(128)  # requests wait in the queue while LibreOffice starts
    except OSError as exc:
        sock.close()
        error(f"không mở được cổng {args.port} trên {args.host}: {os_reason(exc)}")
        return 2
    port = sock.getsockname()[1]  # --port 0: the free port the system chose
    app = create_app(workers=max(1, args.workers), allowed_hosts=hosts)
    shown = f"[{args.host}]" if ":" in args.host else args.host
    config = uvicorn.Config(app, log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    print(f"Trang soạn công văn: http://{shown}:{port}/ (dừng: Ctrl-C)", file=sys.stderr, flush=True)
    server.run(sockets=[sock])
    return 0 if server.started else 2
