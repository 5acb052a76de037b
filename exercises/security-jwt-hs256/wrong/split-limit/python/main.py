# WRONG (split-limit): split with a limit of 2 puts a fourth segment inside the third.
# Verify HS256 JSON Web Tokens by hand. Input: `secret=<key>`, `now=<unix seconds>`, then one
# token per line. Only HS256 is accepted, whatever the header says; segments must be strict
# base64url without padding; the MAC is compared in constant time; exp and nbf get 30 s leeway.
import base64
import hashlib
import hmac
import json
import re
import sys

LEEWAY = 30  # seconds of clock skew tolerated for exp and nbf
ALLOWED_ALGS = {"HS256"}  # decided by us, never by the token
BASE64URL = re.compile(r"[A-Za-z0-9_-]*")


def b64url_decode(segment: str) -> bytes:
    """Decodes one base64url segment as RFC 7515 defines it: URL-safe alphabet, no padding."""
    # urlsafe_b64decode alone would accept '=' padding, '+' and '/', and it silently
    # skips characters outside the alphabet. Check the grammar first.
    if not BASE64URL.fullmatch(segment) or len(segment) % 4 == 1:
        raise ValueError("not unpadded base64url")
    return base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))


def check(token: str, secret: bytes, now: int) -> str:
    """Returns the output line for one token."""
    parts = token.split(".", 2)
    if len(parts) != 3:
        return "rejected: malformed"
    try:
        header_raw, payload_raw, signature = (b64url_decode(p) for p in parts)
    except ValueError:
        return "rejected: bad base64url"
    try:
        header = json.loads(header_raw)
    except ValueError:
        return "rejected: malformed"
    alg = header.get("alg")
    if alg not in ALLOWED_ALGS:  # "none", "NONE", "HS512", ...: the header does not choose
        return f"rejected: alg {alg} not allowed"
    signing_input = f"{parts[0]}.{parts[1]}".encode("ascii")
    expected = hmac.new(secret, signing_input, hashlib.sha256).digest()
    if not hmac.compare_digest(signature, expected):
        return "rejected: bad signature"
    try:
        claims = json.loads(payload_raw)  # only now: the signature says these bytes are genuine
    except ValueError:
        return "rejected: malformed"
    if "exp" in claims and now >= claims["exp"] + LEEWAY:
        return "rejected: expired"
    if "nbf" in claims and now < claims["nbf"] - LEEWAY:
        return "rejected: not yet valid"
    return f"accepted sub={claims['sub']}"


def main() -> None:
    lines = sys.stdin.read().splitlines()
    secret = lines[0].removeprefix("secret=").encode("utf-8")
    now = int(lines[1].removeprefix("now="))
    for line in lines[2:]:
        token = line.strip()
        if token:
            print(check(token, secret, now))


main()
