# TODO: emit one compact JSON log line per incoming request. Line 1 of the input is
# "seed <16 hex>"; every other line is "<traceparent> <message>".
# Exact form: keys in the fixed order below, no spaces between tokens, strings
# escaped as JSON requires ("  \  and control characters) and nothing else escaped,
# so non-ASCII text and < > & appear as themselves.
# The log fields are right, but traceparent_out, the header this service sends
# downstream, just forwards the incoming one. Fix it so the downstream call
# becomes a child of THIS service's span.
import json
import sys

MASK64 = (1 << 64) - 1


class SpanIds:
    """Deterministic span ids: seed, seed+1, ... wrapping at 2**64, never all zero.
    (Real SDKs use random ids; a counter keeps this exercise's output fixed.)"""

    def __init__(self, seed):
        self.next_value = seed

    def new_id(self):
        while True:
            value = self.next_value
            self.next_value = (self.next_value + 1) & MASK64
            if value != 0:  # an all-zero span id is invalid
                return f"{value:016x}"


def main():
    lines = [line.rstrip("\n") for line in sys.stdin]
    ids = SpanIds(int(lines[0].split()[1], 16))
    for line in lines[1:]:
        if not line:
            continue
        header, message = line.split(" ", 1)
        _version, trace_id, parent_id, flags = header.split("-")
        sampled = int(flags, 16) & 0x01 == 0x01
        span_id = ids.new_id()
        record = {
            "trace_id": trace_id,
            "span_id": span_id,
            "parent_id": parent_id,
            "sampled": sampled,
            "traceparent_out": header,  # forward the header we received
            "msg": message,
        }
        print(json.dumps(record, ensure_ascii=False, separators=(",", ":")))


main()
