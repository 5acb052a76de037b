# WRONG (lock-per-call): a new Lock on every pass excludes nobody.
# TODO: split CPU-bound work over workers. stdin: "n workers".
# Worker w sums f(x) = x*x % 1009 over [w*n//workers, (w+1)*n//workers), one block of
# 1,000 numbers at a time, and adds every block to a running total that all workers share.
# stdout: "worker w [lo, hi) sum" per worker, then "total t".
# Every worker's own sum is right, but the total is too small, and different on every
# run. Make it right, in the way Python spreads CPU-bound work.
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

BLOCK = 1_000
total = 0  # the running total, shared by every worker


def work(lo: int, hi: int) -> int:
    return sum(x * x % 1009 for x in range(lo, hi))


def worker(bounds: tuple[int, int]) -> int:
    global total
    lo, hi = bounds
    mine = 0
    for start in range(lo, hi, BLOCK):
        with threading.Lock():  # a new lock on every pass: nobody else ever waits for it
            current = total
            part = work(start, min(start + BLOCK, hi))
            total = current + part
        mine += part
    return mine


def main() -> None:
    n, workers = map(int, sys.stdin.read().split())
    ranges = [(w * n // workers, (w + 1) * n // workers) for w in range(workers)]

    t0 = time.perf_counter()
    sequential = work(0, n)
    t1 = time.perf_counter()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        parts = list(pool.map(worker, ranges))  # map keeps input order
    t2 = time.perf_counter()

    for w, ((lo, hi), part) in enumerate(zip(ranges, parts)):
        print(f"worker {w} [{lo}, {hi}) {part}")
    print(f"total {total}")
    print(
        f"sequential {(t1 - t0) * 1000:.0f} ms (total {sequential}),"
        f" {workers} threads {(t2 - t1) * 1000:.0f} ms",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
