# WRONG (prefix-match): only the first len(expected) characters of the header are compared, so trailing garbage passes.
# Verify GitHub-style webhook signatures. The first input line is `secret=<shared secret>`;
# each further line is one delivery: `<id> <X-Hub-Signature-256 value, or -> <body as base64>`.
# The signature is HMAC-SHA256 over the body's exact bytes, compared in constant time.
import base64
import hashlib
import hmac
import sys


def verify(secret: bytes, header: str, body: bytes) -> str:
    """Returns `accepted` or `rejected: <reason>` for one delivery."""
    if header == "-":
        return "rejected: missing signature"
    if not header.startswith("sha256="):
        return "rejected: unsupported scheme"
    # Sign the bytes that arrived, not a tidied or re-serialised copy of them.
    expected = "sha256=" + hmac.new(secret, body, hashlib.sha256).hexdigest()
    # compare_digest does not stop at the first differing byte, so the time it takes
    # tells an attacker nothing about how much of a forged signature was right.
    if hmac.compare_digest(expected.encode("ascii"), header[: len(expected)].encode("utf-8")):
        return "accepted"
    return "rejected: bad signature"


def main() -> None:
    lines = sys.stdin.read().splitlines()
    secret = lines[0].removeprefix("secret=").encode("utf-8")
    for line in lines[1:]:
        if not line.strip():
            continue
        delivery_id, header, body_b64 = line.split(" ")
        body = base64.b64decode(body_b64, validate=True)
        print(delivery_id, verify(secret, header, body))


main()
