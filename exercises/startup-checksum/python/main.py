# TODO: read n (the number of steps) from stdin and print the checksum a signed 64-bit
# integer would hold after n steps: the value Java's long, C#'s long and Go's int64
# produce for the same loop.
# Only stdout is graded; the timings go to stderr and may stay as they are.
import sys
import time

MASK = (1 << 64) - 1  # Python ints never overflow, so keep the low 64 bits ourselves


def kernel(n):
    """acc = acc * 31 + i * i for i in 0..n-1, wrapping like a 64-bit integer."""
    acc = 0
    for i in range(n):
        acc = (acc * 31 + i * i) & MASK
    return acc


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
