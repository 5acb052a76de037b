# Reference solution: the request succeeds only if every service is up, so the
# availabilities multiply. Each extra hop can only lower the result.
import sys

PPM = 1_000_000
MINUTES_PER_30_DAYS = 30 * 24 * 60


def parse_ppm(percent: str) -> int:
    """'99.95' -> 999500, '100' -> 1000000, without going through a float."""
    whole, _, frac = percent.partition(".")
    return int(whole) * 10_000 + int((frac + "0000")[:4])


def main() -> None:
    services = [line.split() for line in sys.stdin if line.strip()]
    chain = PPM
    for _name, percent in services:
        chain = chain * parse_ppm(percent) // PPM
    downtime = (PPM - chain) * MINUTES_PER_30_DAYS // PPM
    print(f"services {len(services)}")
    print(f"availability {chain // 10_000}.{chain % 10_000:04d}%")
    print(f"downtime {downtime} min per 30 days")


if __name__ == "__main__":
    main()
