# TODO: this price service must answer with the exact bytes of the shared contract.
# Read one request line from stdin, e.g. "GET /price?sku=A1&qty=3", and print the status
# code on one line and a canonical JSON body on the next: keys sorted, no spaces, e.g.
#   200
#   {"in_stock":true,"name":"apple","qty":3,"sku":"A1","total_cents":360,"unit_cents":120}
# An unknown SKU prints 404 and {"error":"unknown sku"}.
# The lookup is right; the bytes are not. Compare your output with the expected output.
import json
import sys
from typing import NamedTuple
from urllib.parse import parse_qs, urlsplit


class Item(NamedTuple):
    name: str
    unit_cents: int
    in_stock: bool


PRICES = {
    "A1": Item("apple", 120, True),
    "B7": Item("pear", 95, False),
    "C3": Item("plum", 250, True),
}


def handle(request_line: str) -> tuple[int, dict[str, object]]:
    _method, target = request_line.split()[:2]
    query = parse_qs(urlsplit(target).query)
    sku = query["sku"][0]
    qty = int(query["qty"][0])
    item = PRICES.get(sku)
    if item is None:
        return 404, {"error": "unknown sku"}
    return 200, {
        "sku": sku,
        "name": item.name,
        "qty": qty,
        "unit_cents": item.unit_cents,
        "total_cents": item.unit_cents * qty,
        "in_stock": item.in_stock,
    }


def main() -> None:
    status, body = handle(sys.stdin.readline())
    print(status)
    print(json.dumps(body, sort_keys=True))


if __name__ == "__main__":
    main()
