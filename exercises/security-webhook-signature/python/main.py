# TODO: verify GitHub-style webhook signatures. The first input line is `secret=<shared secret>`;
# each further line is one delivery: `<id> <X-Hub-Signature-256 value, or -> <body as base64>`.
# Print `<id> accepted` or `<id> rejected: <reason>` (missing signature, unsupported scheme,
# bad signature). The signature is HMAC-SHA256 over the body's exact bytes.
# Some genuine deliveries are rejected here, and some altered ones accepted. Find out which
# bytes this code signs, and while you are there, make the comparison constant-time.
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
    payload = body.decode("utf-8").strip()  # tidy the JSON before we look at it
    expected = "sha256=" + hmac.new(secret, payload.encode("utf-8"), hashlib.sha256).hexdigest()
    if header == expected:
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
