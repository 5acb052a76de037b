# The lab's reference service: GET /health and GET /items/{id}, JSON, on 127.0.0.1:$PORT.
# Standard library only. Tuned the way a fair benchmark needs: keep-alive on, Nagle off.
import json
import os
import re
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ITEM_PATH = re.compile(r"/items/([0-9]{1,9})")


class Handler(BaseHTTPRequestHandler):
    # HTTP/1.0 (the default) closes the connection after every reply.
    protocol_version = "HTTP/1.1"
    # Without this, each keep-alive reply waits ~40 ms for a delayed ACK.
    disable_nagle_algorithm = True

    def do_GET(self) -> None:
        if self.path == "/health":
            self.reply(200, {"status": "ok"})
            return
        match = ITEM_PATH.fullmatch(self.path)
        if match is None:
            self.reply(404, {"error": "not found"})
            return
        item_id = int(match.group(1))
        self.reply(200, {"id": item_id, "name": f"item-{item_id}", "price_cents": item_id * 100})

    def reply(self, status: int, payload: dict) -> None:
        body = json.dumps(payload).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


server = ThreadingHTTPServer(("127.0.0.1", int(os.environ["PORT"])), Handler)
server.daemon_threads = True
server.serve_forever()
