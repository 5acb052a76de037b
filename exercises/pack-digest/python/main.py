# TODO: each stdin line is "path:contents". Print "path bytes sha256:<hex>" for each,
# where bytes and the hash cover exactly the UTF-8 bytes of the contents.
# Not one of these hashes matches what sha256sum prints for the same contents, and every
# size is one too big. Which bytes are really being hashed?
import hashlib
import sys

for line in sys.stdin:
    path, contents = line.split(":", 1)
    data = contents.encode("utf-8")
    print(f"{path} {len(data)} sha256:{hashlib.sha256(data).hexdigest()}")
