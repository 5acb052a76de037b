# WRONG (sequential): awaits each call before starting the next: 20 ms times the number of calls.
# Fan out `count` simulated calls (20 ms of pretend I/O each) at the same time, for
# n = first .. first+count-1 (stdin: "first count"), then print count, sum and the
# first five results in call order. Elapsed time goes to stderr: it is not graded.
import asyncio
import sys
import time


async def fake_call(n: int) -> int:
    await asyncio.sleep(0.02)  # the event loop runs other calls meanwhile
    return n * n


async def main() -> None:
    first, count = map(int, sys.stdin.read().split())
    start = time.perf_counter()
    # fake_call(n) binds n right now, so each coroutine keeps its own value.
    # (If you need callables to start later, bind early the same way:
    # functools.partial(fake_call, n), or lambda n=n: fake_call(n).)
    results = [await fake_call(n) for n in range(first, first + count)]  # one after another
    elapsed_ms = (time.perf_counter() - start) * 1000

    print(f"count {len(results)}")
    print(f"sum {sum(results)}")
    print(f"first5 {results[:5]}")  # gather keeps argument order
    print(f"elapsed {elapsed_ms:.0f} ms for {count} calls of 20 ms", file=sys.stderr)


if __name__ == "__main__":
    asyncio.run(main())
