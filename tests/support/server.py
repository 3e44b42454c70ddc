"""A local HTTP server on 127.0.0.1 that serves fixtures and misbehaves on purpose.

Routes map a path to a handler; helpers build the usual ones (a page, a feed with ETag support,
a redirect loop, a drip of one byte at a time, an endless body, a status code). Every request is
counted in ``hits`` so tests can assert politeness and conditional GET.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Handler = Callable[[BaseHTTPRequestHandler], None]


class _RequestHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    server: _Server

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        owner = self.server.owner
        with owner.lock:
            owner.hits[path] += 1
            owner.log.append((time.monotonic(), path, self.headers.get("User-Agent", "")))
        route = owner.routes.get(path)
        try:
            if route is None:
                send(self, b"not found", status=404, content_type="text/plain")
            else:
                route(self)
        except (BrokenPipeError, ConnectionResetError, TimeoutError):
            self.close_connection = True

    def log_message(self, format: str, *args: object) -> None:
        """Silence the per-request log line."""


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128  # the default 5 drops connections opened at once
    owner: LocalServer


def send(
    handler: BaseHTTPRequestHandler, body: bytes, *, status: int = 200,
    content_type: str = "text/html; charset=utf-8", headers: dict[str, str] | None = None,
) -> None:
    """Write a whole response with a Content-Length."""
    handler.send_response(status)
    handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(len(body)))
    for key, value in (headers or {}).items():
        handler.send_header(key, value)
    handler.end_headers()
    handler.wfile.write(body)


class LocalServer:
    """A threaded server on 127.0.0.1:<free port>; use as a context manager."""

    def __init__(self) -> None:
        self.routes: dict[str, Handler] = {}
        self.hits: Counter[str] = Counter()
        self.log: list[tuple[float, str, str]] = []
        self.lock = threading.Lock()
        self._server = _Server(("127.0.0.1", 0), _RequestHandler)
        self._server.owner = self
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def __enter__(self) -> LocalServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    # --- route builders ----------------------------------------------------------------------

    def page(
        self, path: str, body: bytes | str, *, content_type: str = "text/html; charset=utf-8",
        status: int = 200, headers: dict[str, str] | None = None, delay: float = 0.0,
    ) -> None:
        """Serve fixed bytes (str is UTF-8 encoded), after ``delay`` seconds if given."""
        data = body.encode("utf-8") if isinstance(body, str) else body

        def handle(h: BaseHTTPRequestHandler) -> None:
            if delay:
                time.sleep(delay)
            send(h, data, status=status, content_type=content_type, headers=headers)

        self.routes[path] = handle

    def feed(
        self, path: str, body: bytes | str, *, etag: str | None = None,
        last_modified: str | None = None, content_type: str = "application/rss+xml",
    ) -> None:
        """Serve a feed that answers 304 when the client's validators match."""
        data = body.encode("utf-8") if isinstance(body, str) else body

        def handle(h: BaseHTTPRequestHandler) -> None:
            headers = {}
            if etag:
                headers["ETag"] = etag
            if last_modified:
                headers["Last-Modified"] = last_modified
            if (etag and h.headers.get("If-None-Match") == etag) or (
                last_modified and h.headers.get("If-Modified-Since") == last_modified
            ):
                h.send_response(304)
                for key, value in headers.items():
                    h.send_header(key, value)
                h.send_header("Content-Length", "0")
                h.end_headers()
                return
            send(h, data, content_type=content_type, headers=headers)

        self.routes[path] = handle

    def status(self, path: str, code: int, headers: dict[str, str] | None = None) -> None:
        """Answer with a bare status code."""
        self.page(path, f"status {code}", status=code, content_type="text/plain",
                  headers=headers)

    def redirect(self, path: str, to: str, code: int = 302) -> None:
        self.page(path, b"", status=code, headers={"Location": to})

    def drip(self, path: str, body: bytes, interval: float = 1.0) -> None:
        """Send the body one byte per ``interval`` seconds (a server that hangs a naive client)."""

        def handle(h: BaseHTTPRequestHandler) -> None:
            h.send_response(200)
            h.send_header("Content-Type", "text/html; charset=utf-8")
            h.send_header("Content-Length", str(len(body)))
            h.end_headers()
            for i in range(len(body)):
                h.wfile.write(body[i:i + 1])
                h.wfile.flush()
                time.sleep(interval)

        self.routes[path] = handle

    def endless(self, path: str, *, declare_length: int | None = None,
                chunk: int = 64 * 1024) -> None:
        """Stream zeros until the client hangs up (a multi-GB body never held in memory)."""
        block = b"<p>" + b"x" * (chunk - 7) + b"</p>\n"

        def handle(h: BaseHTTPRequestHandler) -> None:
            h.send_response(200)
            h.send_header("Content-Type", "text/html; charset=utf-8")
            if declare_length is not None:
                h.send_header("Content-Length", str(declare_length))
            else:
                h.send_header("Connection", "close")
            h.end_headers()
            h.close_connection = True
            sent = 0
            limit = declare_length or 4 * 1024**3
            while sent < limit:
                h.wfile.write(block)
                sent += len(block)

        self.routes[path] = handle
