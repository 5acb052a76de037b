# TODO: split CPU-bound work over worker threads. stdin: "n workers".
# Each worker sums f(x) = x*x % 1009 over its own range of x; together the
# ranges must cover every x in [0, n) exactly once (see the task for the
# exact ranges). stdout: "worker w [lo, hi) sum" per worker, then "total t".
# The threads work, but for some inputs the total is too small. Fix the split.
import sys
import time
from concurrent.futures import ThreadPoolExecutor


def work(bounds: tuple[int, int]) -> int:
    lo, hi = bounds
    return sum(x * x % 1009 for x in range(lo, hi))


def main() -> None:
    n, workers = map(int, sys.stdin.read().split())
    size = n // workers
    ranges = [(w * size, w * size + size) for w in range(workers)]

    t0 = time.perf_counter()
    sequential = work((0, n))
    t1 = time.perf_counter()
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
