"""Real endpoints on 127.0.0.1 for alert delivery: a webhook receiver and a tiny SMTP server.

``WebhookReceiver`` answers POSTs as told (``status``, ``delay`` seconds before answering) and
keeps every body it was sent. ``SmtpServer`` speaks enough SMTP (EHLO/HELO, MAIL, RCPT, DATA,
RSET, NOOP, QUIT) for ``smtplib`` and keeps each message it accepted.
"""

from __future__ import annotations

import json
import socketserver
import threading
import time
from email import message_from_bytes
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class _Hook(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _HookServer

    def do_POST(self) -> None:
        owner = self.server.owner
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        with owner.lock:
            owner.attempts.append((time.monotonic(), body))
        if owner.delay:
            time.sleep(owner.delay)
        if owner.status < 300:
            with owner.lock:
                owner.received.append(json.loads(body))
        data = b"ok" if owner.status < 300 else b"broken"
        try:
            self.send_response(owner.status)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def log_message(self, format: str, *args: object) -> None:
        """Silence the per-request log line."""


class _HookServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    owner: WebhookReceiver


class WebhookReceiver:
    """A webhook endpoint on 127.0.0.1; set ``status`` / ``delay`` to misbehave."""

    def __init__(self, status: int = 200, delay: float = 0.0) -> None:
        self.status, self.delay = status, delay
        self.received: list[dict] = []
        self.attempts: list[tuple[float, bytes]] = []
        self.lock = threading.Lock()
        self._server = _HookServer(("127.0.0.1", 0), _Hook)
        self._server.owner = self
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/hook"
        self._thread = threading.Thread(target=self._server.serve_forever,
                                        kwargs={"poll_interval": 0.05}, daemon=True)

    def __enter__(self) -> WebhookReceiver:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()


class _Smtp(socketserver.StreamRequestHandler):
    server: _SmtpServer

    def reply(self, line: str) -> None:
        self.wfile.write(line.encode("ascii") + b"\r\n")
        self.wfile.flush()

    def handle(self) -> None:
        self.reply("220 127.0.0.1 sample SMTP server ready")
        sender, rcpts = "", []
        while line := self.rfile.readline():
            verb = line.decode("ascii", "replace").strip()
            upper = verb.upper()
            if upper.startswith(("EHLO", "HELO")):
                self.reply("250 127.0.0.1")
            elif upper.startswith("MAIL FROM:"):
                sender, rcpts = verb[10:].strip(" <>"), []
                self.reply("250 OK")
            elif upper.startswith("RCPT TO:"):
                rcpts.append(verb[8:].strip(" <>"))
                self.reply("250 OK")
            elif upper == "DATA":
                self.reply("354 end with <CRLF>.<CRLF>")
                lines = []
                while (chunk := self.rfile.readline()) not in (b".\r\n", b".\n", b""):
                    lines.append(chunk[1:] if chunk.startswith(b"..") else chunk)
                with self.server.owner.lock:
                    self.server.owner.messages.append(
                        (sender, tuple(rcpts), message_from_bytes(b"".join(lines))))
                self.reply("250 OK queued")
            elif upper in ("RSET", "NOOP"):
                self.reply("250 OK")
            elif upper == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("502 command not implemented")


class _SmtpServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True
    owner: SmtpServer


class SmtpServer:
    """An SMTP server on 127.0.0.1 keeping (sender, recipients, message) of each mail."""

    def __init__(self) -> None:
        self.messages: list[tuple[str, tuple[str, ...], Message]] = []
        self.lock = threading.Lock()
        self._server = _SmtpServer(("127.0.0.1", 0), _Smtp)
        self._server.owner = self
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever,
                                        kwargs={"poll_interval": 0.05}, daemon=True)

    def __enter__(self) -> SmtpServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
