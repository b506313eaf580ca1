"""A Lambda Runtime API emulator for one function process (stdlib only).

The real service hands a bootstrap one event per `GET /invocation/next` and takes its answer
on `POST /invocation/{id}/response` (or `/error`); a start-up failure goes to
`POST /init/error`. This emulator does the same for events queued by `invoke`, one at a time,
and notes when the first `next` arrives: the moment the runtime finished its own start-up.
Only the paths a Rust runtime uses (lambda_runtime) are served.
"""

from __future__ import annotations

import itertools
import json
import queue
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PREFIX = "/2018-06-01/runtime"
FUNCTION_ARN = "arn:aws:lambda:us-east-1:123456789012:function:stack-advisor-artifact-test"


@dataclass
class Outcome:
    """What the runtime answered to one event: its response document, or the error it reported."""

    response: dict | None = None
    error: str | None = None


class RuntimeApi:
    """Serves queued events to one runtime on 127.0.0.1 and collects its answers."""

    def __init__(self) -> None:
        self._events: queue.Queue[tuple[str, bytes] | None] = queue.Queue()
        self._outcomes: dict[str, queue.Queue[Outcome]] = {}
        self._ids = itertools.count(1)
        self.first_poll = threading.Event()
        self.first_poll_at: float | None = None
        self.init_error: str | None = None
        self._server = _Server(("127.0.0.1", 0), _handler_for(self))
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def address(self) -> str:
        host, port = self._server.server_address[:2]
        return f"{host}:{port}"

    def __enter__(self) -> RuntimeApi:
        self._thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self._events.put(None)  # releases a runtime still waiting on `next`
        self._server.shutdown()
        self._server.server_close()

    def invoke(self, event: bytes, timeout: float) -> Outcome:
        request_id = f"artifact-test-{next(self._ids)}"
        answer: queue.Queue[Outcome] = queue.Queue(maxsize=1)
        self._outcomes[request_id] = answer
        self._events.put((request_id, event))
        try:
            return answer.get(timeout=timeout)
        except queue.Empty:
            return Outcome(error=f"no answer within {timeout:.0f} s")
        finally:
            self._outcomes.pop(request_id, None)

    # Called from the server's threads.

    def _next_event(self) -> tuple[str, bytes] | None:
        if not self.first_poll.is_set():
            self.first_poll_at = time.perf_counter()
            self.first_poll.set()
        item = self._events.get()
        if item is None:
            self._events.put(None)
        return item

    def _answer(self, request_id: str, outcome: Outcome) -> bool:
        answer = self._outcomes.get(request_id)
        if answer is None:
            return False
        answer.put(outcome)
        return True

    def _failed_init(self, body: str) -> None:
        self.init_error = body
        self.first_poll.set()


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        pass  # a `next` still held when the process is stopped loses its connection: expected


def _handler_for(api: RuntimeApi) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *_args) -> None:
            pass

        def _reply(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
            self.send_response(status)
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            if self.path != f"{PREFIX}/invocation/next":
                return self._reply(404, b'{"errorType":"NotFound"}')
            item = api._next_event()
            if item is None:
                return self._reply(410, b'{"errorType":"ShuttingDown"}')
            request_id, event = item
            deadline_ms = int(time.time() * 1000) + 60_000
            self._reply(200, event, {
                "Lambda-Runtime-Aws-Request-Id": request_id,
                "Lambda-Runtime-Deadline-Ms": str(deadline_ms),
                "Lambda-Runtime-Invoked-Function-Arn": FUNCTION_ARN,
                "Lambda-Runtime-Trace-Id": "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=0",
            })

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            parts = self.path.removeprefix(PREFIX).strip("/").split("/")
            if parts == ["init", "error"]:
                api._failed_init(body.decode(errors="replace"))
                return self._reply(202, b'{"status":"OK"}')
            if len(parts) == 3 and parts[0] == "invocation" and parts[2] in ("response", "error"):
                if parts[2] == "response":
                    try:
                        outcome = Outcome(response=json.loads(body))
                    except ValueError:
                        outcome = Outcome(error=f"response is not JSON: {body[:200]!r}")
                else:
                    outcome = Outcome(error=body.decode(errors="replace"))
                if api._answer(parts[1], outcome):
                    return self._reply(202, b'{"status":"OK"}')
                return self._reply(400, b'{"errorType":"InvalidRequestID"}')
            self._reply(404, b'{"errorType":"NotFound"}')

    return Handler
