# TODO: stdin lists resolved dependencies as "name version sha256hex", in the order a tree walk
# found them, duplicates included. Print a lockfile: one "name@version sha256:<hex>" line per
# package, sorted by name in plain byte (code point) order, then "lock sha256:<hex>", the
# SHA-256 of all the lines above it (each ending in "\n").
# This version is the same on every run, yet the file changes when the walk order changes.
import hashlib
import sys

locked = {}
for line in sys.stdin:
    fields = line.split()
    if fields:
        name, version, digest = fields
        locked[name] = (version, digest)

# dicts keep insertion order, so the output is stable
text = "".join(f"{name}@{version} sha256:{digest}\n"
               for name, (version, digest) in locked.items())
sys.stdout.write(text)
print(f"lock sha256:{hashlib.sha256(text.encode('utf-8')).hexdigest()}")
