# Turn a dependency walk ("name version sha256hex" lines, duplicates allowed) into a lockfile:
# one "name@version sha256:<hex>" line per package, sorted by name in byte order, then
# "lock sha256:<hex>" of the lines above it.
import hashlib
import sys

locked = {}
for line in sys.stdin:
    fields = line.split()
    if fields:
        name, version, digest = fields
        locked[name] = (version, digest)

text = "".join(f"{name}@{version} sha256:{digest}\n"
               for name, (version, digest) in sorted(locked.items()))
sys.stdout.write(text)
print(f"lock sha256:{hashlib.sha256(text.encode('utf-8')).hexdigest()}")
