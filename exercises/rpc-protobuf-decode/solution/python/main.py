# Decode Item messages by hand from the protobuf wire format:
#   message Item { int64 id = 1; string name = 2; int64 stock = 16; }
# Each input line is one message as hex bytes. Unknown fields are skipped.
import sys


class Malformed(Exception):
    pass


def read_varint(data: bytes, pos: int) -> tuple[int, int]:
    value, shift = 0, 0
    for i in range(10):                       # a 64-bit varint has at most 10 bytes
        if pos >= len(data):
            raise Malformed
        b = data[pos]
        pos += 1
        value |= (b & 0x7F) << shift          # the first byte holds the LOWEST 7 bits
        shift += 7
        if b < 0x80:
            return value & 0xFFFFFFFFFFFFFFFF, pos
    raise Malformed


def decode(data: bytes) -> str:
    item = {"id": 0, "name": "", "stock": 0}  # proto3 defaults for absent fields
    skipped = []
    pos = 0
    while pos < len(data):
        key, pos = read_varint(data, pos)
        field, wire_type = key >> 3, key & 7
        if wire_type == 0:
            value, pos = read_varint(data, pos)
        elif wire_type == 2:
            size, pos = read_varint(data, pos)
            if pos + size > len(data):        # never trust a length prefix
                raise Malformed
            value, pos = data[pos:pos + size], pos + size
        elif wire_type in (1, 5):             # I64 and I32: fixed 8 or 4 bytes
            size = 8 if wire_type == 1 else 4
            if pos + size > len(data):
                raise Malformed
            value, pos = None, pos + size
        else:
            raise Malformed
        if (field, wire_type) == (1, 0):
            item["id"] = value                # the last value seen wins
        elif (field, wire_type) == (2, 2):
            item["name"] = value.decode("utf-8")
        elif (field, wire_type) == (16, 0):
            item["stock"] = value
        else:
            skipped.append(field)
    text = f'id={item["id"]} name="{item["name"]}" stock={item["stock"]}'
    if skipped:
        text += " skipped=" + ",".join(map(str, skipped))
    return text


for line in sys.stdin:
    if not line.strip():
        continue
    try:
        print(decode(bytes.fromhex(line)))
    except Malformed:
        print("malformed")
