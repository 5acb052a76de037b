# A quote service that asks a price service ($STUB_URL) with a 1 s deadline.
import json
import os
import re
import socket
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PRICES = os.environ["STUB_URL"] + "/price/"
QUOTE_PATH = re.compile(r"/quote/([A-Za-z0-9]+)")
DEADLINE_SECONDS = 1.0


def quote(sku: str) -> tuple[int, dict]:
    try:
        with urllib.request.urlopen(PRICES + sku, timeout=DEADLINE_SECONDS) as reply:
            return 200, {"sku": sku, "cents": int(reply.read())}
    except urllib.error.HTTPError as e:  # the dependency answered, with an error status
        if e.code == 404:
            return 404, {"error": "unknown sku"}
        return 502, {"error": "upstream failed"}
    except (TimeoutError, socket.timeout):
        return 504, {"error": "upstream timeout"}
    except urllib.error.URLError as e:  # connecting failed, or timed out while connecting
        if isinstance(e.reason, (TimeoutError, socket.timeout)):
            return 504, {"error": "upstream timeout"}
        return 502, {"error": "upstream failed"}
    except ValueError:  # not a number
        return 502, {"error": "upstream failed"}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        match = QUOTE_PATH.fullmatch(self.path)
        if match is None:
            self.reply(404, {"error": "not found"})
        else:
            self.reply(*quote(match.group(1)))

    def reply(self, status: int, payload: dict) -> None:
        body = json.dumps(payload).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


ThreadingHTTPServer(("127.0.0.1", int(os.environ["PORT"])), Handler).serve_forever()
