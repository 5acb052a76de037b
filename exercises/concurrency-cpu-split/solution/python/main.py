# Split CPU-bound work over worker processes. stdin: "n workers".
# Worker w sums f(x) = x*x % 1009 over [w*n//workers, (w+1)*n//workers) and returns
# its sum; the parent adds the sums up. Nothing is shared, so no update can be lost.
# stdout: "worker w [lo, hi) sum" per worker, then "total t".
# stderr: sequential vs parallel time (not graded).
import sys
import time
from concurrent.futures import ProcessPoolExecutor


def work(bounds: tuple[int, int]) -> int:
    lo, hi = bounds
    return sum(x * x % 1009 for x in range(lo, hi))


def main() -> None:
    n, workers = map(int, sys.stdin.read().split())
    ranges = [(w * n // workers, (w + 1) * n // workers) for w in range(workers)]

    t0 = time.perf_counter()
    sequential = work((0, n))
    t1 = time.perf_counter()
    # Separate processes, each with its own interpreter and its own GIL: they use
    # every core. They share no memory, so each returns its part and map hands the
    # parts back in input order.
    with ProcessPoolExecutor(max_workers=workers) as pool:
        parts = list(pool.map(work, ranges))
    t2 = time.perf_counter()

    for w, ((lo, hi), part) in enumerate(zip(ranges, parts)):
        print(f"worker {w} [{lo}, {hi}) {part}")
    print(f"total {sum(parts)}")
    print(
        f"sequential {(t1 - t0) * 1000:.0f} ms (total {sequential}),"
        f" {workers} processes {(t2 - t1) * 1000:.0f} ms",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
