# Print each framework's throughput relative to the slowest one, as a whole number
# rounded half up ("3x"), highest first, equal ratios in alphabetical order.
import sys


def ratio_half_up(value, base):
    """round(value / base) with halves going up, in exact integer arithmetic."""
    return (2 * value + base) // (2 * base)


def main():
    rows = [line.strip() for line in sys.stdin][1:]  # skip the header
    results = []
    for row in rows:
        if not row:
            continue
        name, rps = row.split(",")
        results.append((name, int(rps)))

    slowest = min(rps for _, rps in results)
    ratios = [(name, ratio_half_up(rps, slowest)) for name, rps in results]
    for name, ratio in sorted(ratios, key=lambda r: (-r[1], r[0])):
        print(f"{name} {ratio}x")


main()
