# TODO: make this print canonical JSON: keys sorted by UTF-16 code units (RFC 8785), no
# spaces, and exactly the escapes RFC 8259 requires inside strings (no more, no fewer).
# The input lines are "TYPE PATH VALUE"; see the task for the escaping table.
import sys


def quote(s: str) -> str:
    # Escape the quote and the backslash; everything else is copied as is.
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def encode(value) -> str:
    if isinstance(value, dict):
        members = (quote(k) + ":" + encode(value[k]) for k in sorted(value))
        return "{" + ",".join(members) + "}"
    if isinstance(value, int):
        return str(value)
    return quote(value)


def main() -> None:
    root: dict = {}
    for line in sys.stdin.read().split("\n"):
        if not line:
            continue
        kind, path, value = line.split(" ", 2)
        *parents, leaf = path.split(".")
        node = root
        for key in parents:
            node = node.setdefault(key, {})
        node[leaf] = int(value) if kind == "int" else value
    text = encode(root)
    print(text)
    print("bytes", len(text.encode("utf-8")))


main()
