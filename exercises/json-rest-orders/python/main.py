# TODO: this /orders resource works, but some answers carry the wrong status
# code. Compare it with the status table in the task and fix the codes.
# Each line: METHOD PATH [name=value ...]; print "METHOD PATH -> STATUS [BODY]".
import re
import sys

ITEM = re.compile(r"/orders/([0-9]+)")
SKU = re.compile(r"[A-Za-z0-9]+")
QTY = re.compile(r"[1-9][0-9]{0,2}")
NOT_FOUND = (404, '{"error":"not found"}')
INVALID = (400, '{"error":"invalid order"}')

orders: dict[int, tuple[str, int]] = {}
next_id = 1


def order_json(order_id: int) -> str:
    sku, qty = orders[order_id]
    return '{"id":%d,"qty":%d,"sku":"%s"}' % (order_id, qty, sku)


def create(fields: dict[str, str]) -> tuple[int, str]:
    global next_id
    sku, qty = fields.get("sku", ""), fields.get("qty", "")
    if not SKU.fullmatch(sku) or not QTY.fullmatch(qty):
        return INVALID
    order_id, next_id = next_id, next_id + 1
    orders[order_id] = (sku, int(qty))
    return 200, order_json(order_id)


def handle(method: str, path: str, fields: dict[str, str]) -> tuple[int, str]:
    if path == "/orders":
        if method == "GET":
            return 200, "[" + ",".join(order_json(i) for i in sorted(orders)) + "]"
        if method == "POST":
            return create(fields)
        return NOT_FOUND
    match = ITEM.fullmatch(path)
    if not match:
        return NOT_FOUND
    if method not in ("GET", "DELETE"):
        return NOT_FOUND
    order_id = int(match.group(1))
    if order_id not in orders:
        return NOT_FOUND
    if method == "GET":
        return 200, order_json(order_id)
    del orders[order_id]
    return 204, ""


for line in sys.stdin:
    parts = line.split()
    if not parts:
        continue
    method, path = parts[0], parts[1]
    fields = dict(p.split("=", 1) for p in parts[2:])
    status, body = handle(method, path, fields)
    print(f"{method} {path} -> {status}" + (f" {body}" if body else ""))
