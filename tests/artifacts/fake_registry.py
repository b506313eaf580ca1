"""A fake package registry on 127.0.0.1 for the refresh artefact (stdlib only): serves the
recorded documents in functions/refresh/fixtures at the paths the adapters request, the way
functions/refresh/tests/support does (a query string folded into the file name)."""

from __future__ import annotations

import re
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


def fixture_path(root: Path, raw_path: str) -> Path:
    path, _, query = raw_path.partition("?")
    relative = urllib.parse.unquote(path).lstrip("/")
    if query:
        relative += "__" + re.sub(r"[^A-Za-z0-9.-]", "_", query)
    return root / relative


class FakeRegistry:
    def __init__(self, root: Path) -> None:
        fixtures = root

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
                file = fixture_path(fixtures, self.path)
                if ".." in self.path or not file.is_file():
                    self.send_error(404)
                    return
                body = file.read_bytes()
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *_args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> "FakeRegistry":
        self.thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self.server.shutdown()
        self.server.server_close()
