# TODO: read "framework,requests_per_second" rows from stdin (after a header line) and
# print each framework's speed relative to the slowest one as a whole number with an
# "x": rounded to the nearest integer, halves rounded UP (2.5 -> 3x). Highest ratio
# first; equal ratios in alphabetical order. Some ratios come out one too low.
import sys


def main():
    rows = [line.strip() for line in sys.stdin][1:]  # skip the header
    results = []
    for row in rows:
        if not row:
            continue
        name, rps = row.split(",")
        results.append((name, int(rps)))

    slowest = min(rps for _, rps in results)
    ratios = [(name, round(rps / slowest)) for name, rps in results]
    for name, ratio in sorted(ratios, key=lambda r: (-r[1], r[0])):
        print(f"{name} {ratio}x")


main()
