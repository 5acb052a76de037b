# TODO: verify HS256 JSON Web Tokens by hand. Input: `secret=<key>`, `now=<unix seconds>`, then
# one token per line. Print `accepted sub=<sub>` or `rejected: <reason>` per token, checking in
# this order: malformed, bad base64url, alg <alg> not allowed, bad signature, expired,
# not yet valid (leeway 30 s for exp and nbf).
# Tokens an attacker made are accepted here. Only HS256 may be accepted, whatever the header
# says; segments must be strict base64url (no padding); compare MACs in constant time.
import base64
import hashlib
import hmac
import json
import sys

LEEWAY = 30  # seconds of clock skew tolerated for exp and nbf


def b64url_decode(segment: str) -> bytes:
    """Decodes one base64url segment. JWTs leave out the '=' padding, so put it back."""
    return base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))


def check(token: str, secret: bytes, now: int) -> str:
    """Returns the output line for one token."""
    parts = token.split(".")
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
    if alg == "none":
        pass  # an unsecured JWS (RFC 7515 allows them): there is no signature to check
    elif alg == "HS256":
        signing_input = f"{parts[0]}.{parts[1]}".encode("ascii")
        expected = hmac.new(secret, signing_input, hashlib.sha256).digest()
        if signature != expected:
            return "rejected: bad signature"
    else:
        return f"rejected: alg {alg} not allowed"
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
