# Validate W3C traceparent headers, one per input line, exactly as the spec says:
# version-traceid-parentid-flags, LOWERCASE hex of lengths 2-32-16-2, version ff is
# invalid, an all-zero trace-id or parent-id is invalid. Version 00 has exactly four
# fields; a higher version may append more ("-..."), which we ignore.
import sys

LOWER_HEX = frozenset("0123456789abcdef")


def is_lower_hex(field, length):
    return len(field) == length and set(field) <= LOWER_HEX


def check(header):
    """Return the output line for one header."""
    parts = header.split("-")
    version = parts[0]
    if not is_lower_hex(version, 2) or version == "ff":
        return "invalid: bad version"
    if len(parts) < 4 or (version == "00" and len(parts) != 4):
        return "invalid: expected 4 fields"
    trace_id, parent_id, flags = parts[1], parts[2], parts[3]
    if not is_lower_hex(trace_id, 32):
        return "invalid: bad trace-id"
    if trace_id == "0" * 32:
        return "invalid: zero trace-id"
    if not is_lower_hex(parent_id, 16):
        return "invalid: bad parent-id"
    if parent_id == "0" * 16:
        return "invalid: zero parent-id"
    if not is_lower_hex(flags, 2):
        return "invalid: bad trace-flags"
    sampled = int(flags, 16) & 0x01 == 0x01  # only the lowest bit is defined
    return (f"valid version={version} trace_id={trace_id} parent_id={parent_id} "
            f"sampled={'true' if sampled else 'false'}")


def main():
    for line in sys.stdin:
        header = line.strip()
        if header:
            print(check(header))


main()
