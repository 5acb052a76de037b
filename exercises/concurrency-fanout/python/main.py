# TODO: stdin holds "first count". Fan out `count` simulated calls at once, one
# for each n = first, first+1, ..., first+count-1 (call n returns n*n), and print
#   count <number of results>
#   sum <sum of the results>
#   first5 [<the first five results, in call order>]
# The fan-out itself works, and is fast, but the numbers are wrong.
# Find out what each call is really called with, and fix it.
import asyncio
import sys
import time


async def fake_call(n: int) -> int:
    await asyncio.sleep(0.02)  # the event loop runs other calls meanwhile
    return n * n


async def main() -> None:
    first, count = map(int, sys.stdin.read().split())
    start = time.perf_counter()
    # Prepare the calls first, start them all together afterwards.
    calls = [lambda: fake_call(n) for n in range(first, first + count)]
    results = await asyncio.gather(*(call() for call in calls))
    elapsed_ms = (time.perf_counter() - start) * 1000

    print(f"count {len(results)}")
    print(f"sum {sum(results)}")
    print(f"first5 {results[:5]}")
    print(f"elapsed {elapsed_ms:.0f} ms for {count} calls of 20 ms", file=sys.stderr)


if __name__ == "__main__":
    asyncio.run(main())
