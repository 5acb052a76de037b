# WRONG (wall-clock): times with time.time, the wall clock, which the system may step while it measures; everything else is right.
# Benchmark the handler `price`. stdin: "calls N", then one request per line
# ("qty unit_cents discount_pct"). Parse first and warm up with N calls, both off the
# clock; then time N calls with a monotonic clock. Every result goes into the checksum.
# stdout: the Meter's report of what ran on and off the clock; stderr: ns per call.
import sys
import time


def price(qty: int, unit_cents: int, discount_pct: int) -> int:
    """The handler under test: what one order line costs, in cents."""
    return qty * unit_cents * (100 - discount_pct) // 100


class Meter:
    """Counts parses and handler calls, and which of them ran while its clock was running.
    start() and stop() work like a stopwatch: the time of every start..stop adds up."""

    def __init__(self, clock):
        self.clock = clock  # a function that returns seconds
        # What kind of clock it is, for the report: a benchmark needs one that only moves
        # forward. Python can say so (time.get_clock_info); the report shows it.
        names = [n for n in ("perf_counter", "monotonic", "process_time", "time")
                 if getattr(time, n) is clock]
        info = time.get_clock_info(names[0]) if names else None
        if info is None:
            self.clock_kind = "unknown (pass one of the time module's clocks)"
        elif info.monotonic and not info.adjustable:
            self.clock_kind = "monotonic"
        else:
            self.clock_kind = "adjustable: the system may step it while you measure"
        self.parsed = self.calls = 0
        self.parsed_on_clock = self.calls_on_clock = 0
        self.seconds = 0.0
        self._since = (0.0, 0, 0)

    def parse(self, line: str) -> tuple[int, int, int]:
        self.parsed += 1
        qty, unit_cents, discount_pct = map(int, line.split())
        return qty, unit_cents, discount_pct

    def call(self, request: tuple[int, int, int]) -> int:
        self.calls += 1
        return price(*request)

    def start(self) -> None:
        self._since = (self.clock(), self.parsed, self.calls)

    def stop(self) -> None:
        started, parsed, calls = self._since
        self.seconds += self.clock() - started
        self.parsed_on_clock += self.parsed - parsed
        self.calls_on_clock += self.calls - calls

    def report(self, requests: int, checksum: int) -> None:
        print(f"requests {requests}")
        print(f"checksum {checksum}")
        print(f"on the clock: {self.parsed_on_clock} parsed, {self.calls_on_clock} calls")
        print(f"off the clock: {self.parsed - self.parsed_on_clock} parsed,"
              f" {self.calls - self.calls_on_clock} calls")
        print(f"clock: {self.clock_kind}")
        per_call = self.seconds * 1e9 / max(self.calls_on_clock, 1)
        print(f"{per_call:.1f} ns per call on the clock", file=sys.stderr)


def run(meter: Meter, requests: list[tuple[int, int, int]], calls: int) -> int:
    """Calls the handler `calls` times, cycling through the requests; returns the sum of the results."""
    total = 0
    for i in range(calls):
        total += meter.call(requests[i % len(requests)])
    return total


def main() -> None:
    # perf_counter: monotonic, highest available resolution. The wall clock (time.time,
    # time.time_ns) may be stepped by NTP or an administrator while you measure.
    meter = Meter(time.time)

    # Setup, off the clock: reading and parsing the input is not the handler's work.
    lines = sys.stdin.read().splitlines()
    calls = int(lines[0].split()[1])
    requests = [meter.parse(line) for line in lines[1:] if line.strip()]

    checksum = run(meter, requests, calls)  # warm-up, off the clock

    meter.start()  # the clock covers the timed calls and nothing else
    checksum += run(meter, requests, calls)
    meter.stop()

    meter.report(len(requests), checksum)


if __name__ == "__main__":
    main()
