"""A real HTTP server on 127.0.0.1 for tests: serves log files and misbehaves on request.

Paths: ``/logs/NAME`` serves a file (from ``files``, else from the ``root`` folder);
``/missing/NAME`` is a 404; ``/flaky/NAME`` answers 500 once, then the file;
``/broken/NAME`` always 500; ``/slow/NAME`` waits before answering; ``/truncated/NAME``
promises more bytes than it sends. Every request is counted by path.
"""

from __future__ import annotations

import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar


class LogServer:
    def __init__(self, slow_s: float = 3.0, root: Path | None = None) -> None:
        self.files: dict[str, bytes] = {}
        self.root = root
        self.stopping = threading.Event()
        self.requests: Counter[str] = Counter()
        self.slow_s = slow_s
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            routes: ClassVar[dict[str, str]] = {}

            def log_message(self, *args: object) -> None:
                return

            def do_GET(self) -> None:
                server.count(self.path)
                _, kind, name = ([*self.path.split("/", 2), "", ""])[:3]
                body = server.body(name)
                if kind == "missing" or body is None:
                    return self.reply(404, b"not found")
                if kind == "broken" or (kind == "flaky" and server.requests[self.path] == 1):
                    return self.reply(500, b"internal error")
                if kind == "slow" and server.stopping.wait(server.slow_s):
                    return None
                if kind == "truncated":
                    self.send_response(200)
                    self.send_header("Content-Length", str(len(body) + 10_000))
                    self.end_headers()
                    self.wfile.write(body)
                    self.wfile.flush()
                    self.close_connection = True
                    return None
                return self.reply(200, body)

            def reply(self, status: int, body: bytes) -> None:
                self.send_response(status)
                self.send_header("Content-Type", "text/plain; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    self.close_connection = True

        class Server(ThreadingHTTPServer):
            def handle_error(self, request: object, client_address: object) -> None:
                return  # a client that hung up early is part of the tests, not news

        self.httpd = Server(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def body(self, name: str) -> bytes | None:
        if name in self.files:
            return self.files[name]
        if self.root is not None and "/" not in name and (self.root / name).is_file():
            return (self.root / name).read_bytes()
        return None

    def count(self, path: str) -> None:
        with self._lock:
            self.requests[path] += 1

    @property
    def base(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, name: str, kind: str = "logs") -> str:
        return f"{self.base}/{kind}/{name}"

    def start(self) -> LogServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self.httpd.shutdown()
        self.httpd.server_close()
