"""moto's DynamoDB server, answering one request at a time.

DynamoDB applies a conditional write atomically. moto_server is threaded and checks a
ConditionExpression and then writes without a lock, so two writers racing with the same
If-Match can both pass the check (the race test caught exactly that). Serialising requests
restores the atomicity the real service guarantees; keep-alive connections still work,
because the server stays threaded and only request handling takes the lock.

usage: python3 moto_serial.py HOST PORT
"""

import sys
import threading

from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app
from werkzeug.serving import run_simple


def main() -> None:
    host, port = sys.argv[1], int(sys.argv[2])
    app = DomainDispatcherApplication(create_backend_app)
    lock = threading.Lock()

    def serialised(environ, start_response):
        with lock:
            # Drain the response inside the lock: the write happens while it is produced.
            return list(app(environ, start_response))

    run_simple(host, port, serialised, threaded=True)


if __name__ == "__main__":
    main()
