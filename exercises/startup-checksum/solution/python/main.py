# The kernel of a tiny benchmark: a checksum over n steps (n read from stdin) that wraps
# like a signed 64-bit integer. Timings go to stderr; only the checksum is graded.
import sys
import time

MASK = (1 << 64) - 1  # Python ints never overflow, so keep the low 64 bits ourselves
SIGN_BIT = 1 << 63


def to_int64(u):
    """Read 64 unsigned bits as a two's-complement signed number."""
    return u - (1 << 64) if u & SIGN_BIT else u


def kernel(n):
    """acc = acc * 31 + i * i for i in 0..n-1, wrapping like a 64-bit integer."""
    acc = 0
    for i in range(n):
        acc = (acc * 31 + i * i) & MASK
    return to_int64(acc)


def main():
    n = int(sys.stdin.readline())
    results = []
    for run in ("cold", "warm"):
        start = time.perf_counter()
        results.append(kernel(n))
        elapsed_ms = (time.perf_counter() - start) * 1000
        print(f"{run} run: {elapsed_ms:.1f} ms", file=sys.stderr)
    if results[0] != results[1]:
        sys.exit("the two runs disagree")
    print(f"checksum {results[0]}")


main()
