# An /items service on 127.0.0.1:$PORT with the standard library's http.server.
import json
import os
import re
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ITEMS = {
    1: {"id": 1, "name": "keyboard", "price_cents": 4999},
    2: {"id": 2, "name": "mouse", "price_cents": 1999},
    3: {"id": 3, "name": "monitor", "price_cents": 18999},
}
ITEM_PATH = re.compile(r"/items/([0-9]{1,9})")


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/health":
            self.reply(200, {"status": "ok"})
            return
        match = ITEM_PATH.fullmatch(self.path)
        item = ITEMS.get(int(match.group(1))) if match else None
        if item is None:
            self.reply(404, {"error": "not found"})  # nothing lives at this URL
        else:
            self.reply(200, item)

    def reply(self, status: int, payload: dict) -> None:
        body = json.dumps(payload).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass  # no line per request on stderr


server = ThreadingHTTPServer(("127.0.0.1", int(os.environ["PORT"])), Handler)
server.serve_forever()
