# Print "path bytes sha256:<hex>" for every "path:contents" line on stdin.
import hashlib
import sys

for line in sys.stdin:
    path, contents = line.rstrip("\n").split(":", 1)
    data = contents.encode("utf-8")
    print(f"{path} {len(data)} sha256:{hashlib.sha256(data).hexdigest()}")
