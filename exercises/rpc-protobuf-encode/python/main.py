# TODO: the bytes are wrong for numbers of 128 and up. Fix the varint encoder.
# Encode Item messages by hand in the protobuf wire format:
#   message Item { int64 id = 1; string name = 2; int64 stock = 16; }
# Each input line holds name=value pairs; print the encoded bytes as hex.
import sys

VARINT, LEN = 0, 2


def varint(n: int) -> bytes:
    out = bytearray()
    while n >= 0x80:
        out.append(n & 0x7F)            # low 7 bits first
        n >>= 7
    out.append(n)
    return bytes(out)


def tag(field: int, wire_type: int) -> bytes:
    return varint(field << 3 | wire_type)


def encode(fields: dict[str, str]) -> bytes:
    out = bytearray()
    item_id = int(fields.get("id", "0"))
    name = fields.get("name", "").encode("utf-8")
    stock = int(fields.get("stock", "0"))
    if item_id:                          # proto3 does not write default values
        out += tag(1, VARINT) + varint(item_id)
    if name:
        out += tag(2, LEN) + varint(len(name)) + name   # length in bytes, not characters
    if stock:
        out += tag(16, VARINT) + varint(stock)
    return bytes(out)


for line in sys.stdin:
    pairs = dict(p.split("=", 1) for p in line.split())
    if not pairs:
        continue
    data = encode(pairs)
    print(" ".join(f"{b:02x}" for b in data) if data else "(empty)")
