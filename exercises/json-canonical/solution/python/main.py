# Canonical JSON: read "TYPE PATH VALUE" lines, build nested objects, print them with keys in
# RFC 8785 order (by UTF-16 code units), no spaces, and only the escapes RFC 8259 requires.
import sys

SHORT = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\f": "\\f",
         "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def quote(s: str) -> str:
    out = []
    for ch in s:
        if ch in SHORT:
            out.append(SHORT[ch])
        elif ch < " ":                      # the other control characters U+0000-U+001F
            out.append("\\u%04x" % ord(ch))
        else:
            out.append(ch)                  # <, &, é, / and emoji stay as they are
    return '"' + "".join(out) + '"'


def utf16_order(key: str) -> bytes:
    # RFC 8785 sorts keys by UTF-16 code units. Plain sorted() compares code points, which
    # differs for characters beyond U+FFFF (an emoji is D83D... in UTF-16, before U+E000).
    return key.encode("utf-16-be")


def encode(value) -> str:
    if isinstance(value, dict):
        members = (quote(k) + ":" + encode(value[k]) for k in sorted(value, key=utf16_order))
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
