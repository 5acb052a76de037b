# Split CPU-bound work over worker threads. stdin: "n workers".
# Worker w sums f(x) = x*x % 1009 over [w*n//workers, (w+1)*n//workers).
# stdout: "worker w [lo, hi) sum" per worker, then "total t".
# stderr: sequential vs threaded time (not graded).
import sys
import time
from concurrent.futures import ThreadPoolExecutor


def work(bounds: tuple[int, int]) -> int:
    lo, hi = bounds
    return sum(x * x % 1009 for x in range(lo, hi))


def main() -> None:
    n, workers = map(int, sys.stdin.read().split())
    # Every x in [0, n) lands in exactly one range; sizes differ by at most one.
    ranges = [(w * n // workers, (w + 1) * n // workers) for w in range(workers)]

    t0 = time.perf_counter()
    sequential = work((0, n))
    t1 = time.perf_counter()
    # With the GIL, only one of these threads runs Python code at a time.
    with ThreadPoolExecutor(max_workers=workers) as pool:
        parts = list(pool.map(work, ranges))  # map keeps input order
    t2 = time.perf_counter()

    for w, ((lo, hi), part) in enumerate(zip(ranges, parts)):
        print(f"worker {w} [{lo}, {hi}) {part}")
    print(f"total {sum(parts)}")
    print(
        f"sequential {(t1 - t0) * 1000:.0f} ms (total {sequential}),"
        f" {workers} threads {(t2 - t1) * 1000:.0f} ms",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
