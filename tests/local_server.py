"""A web server on 127.0.0.1 for the fetch tests, started and stopped by the test (never another
address): fixed pages, a 404, a slow page, a big page, a PDF; it counts the requests it gets."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PAGE = """<html><head><title>Harbour reopens after storm</title>
<meta property="og:site_name" content="Coastal Tribune"></head>
<body><nav>Home | World | Sport</nav><article><h1>Harbour reopens after storm</h1>
<p>The harbour at Lowmouth reopened on Tuesday after a storm damaged 40 fishing boats and flooded
the quay, the port authority said.</p>
<p>Engineers spent three days clearing debris from the channel, and the first ferry left at
noon with 120 passengers on board.</p></article>
<footer>Copyright 2024 Coastal Tribune. All rights reserved.</footer></body></html>"""


class _Handler(BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - the http.server name
        self.requests.append(self.path)
        if self.path.startswith("/article"):
            self._send(200, "text/html; charset=utf-8", PAGE.encode())
        elif self.path == "/slow":
            time.sleep(2)
            self._send(200, "text/html", PAGE.encode())
        elif self.path == "/big":
            self._send(200, "text/html", b"<p>" + b"x" * 300_000 + b"</p>")
        elif self.path == "/report.pdf":
            self._send(200, "application/pdf", b"%PDF-1.4")
        else:
            self._send(404, "text/html", b"not here")

    def _send(self, status: int, kind: str, body: bytes) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def serve() -> Iterator[tuple[str, list[str]]]:
    """(base URL, list of requested paths) of a server running for the duration of the block."""
    handler = type("Handler", (_Handler,), {"requests": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", handler.requests
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
