# What a framework's hello-world speed means for a real service: one request costs the
# framework's overhead PLUS the handler's own CPU time, so the real speed-up is smaller.
import sys


def times(slow_us, fast_us):
    """slow/fast as text with two decimals ("1.07x"), rounded half up, integers only."""
    hundredths = (200 * slow_us + fast_us) // (2 * fast_us)
    return f"{hundredths // 100}.{hundredths % 100:02d}x"


def main():
    lines = [line.strip() for line in sys.stdin if line.strip()]
    handler_us = int(lines[0].split(",")[1])
    overhead = {}
    for line in lines[1:]:
        name, us = line.split(",")
        overhead[name] = int(us)

    # CPU microseconds one request costs with each framework
    per_request = {name: us + handler_us for name, us in overhead.items()}
    slowest_overhead = max(overhead.values())
    slowest_request = max(per_request.values())

    print(f"handler {handler_us} us")
    for name in sorted(overhead, key=lambda n: (per_request[n], n)):
        rps = 1_000_000 // per_request[name]
        micro = times(slowest_overhead, overhead[name])
        real = times(slowest_request, per_request[name])
        print(f"{name} {rps} req/s/core, micro {micro}, real {real}")


main()
