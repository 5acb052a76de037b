# TODO: each stdin line names a service and its availability in percent ("orders 99.9").
# One request calls every listed service in turn and fails if any one of them is down.
# Print how often the whole request succeeds (assume failures are independent):
#   services N
#   availability P%            P with exactly 4 decimals, e.g. 99.6503%
#   downtime M min per 30 days  M rounded down
# Work in whole parts per million (ppm): 99.95% is 999500 ppm. After each step, round the
# chain's ppm down to a whole number. This starter gets the combining rule wrong.
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
        # A chain is only as strong as its weakest link... isn't it?
        chain = min(chain, parse_ppm(percent))
    downtime = (PPM - chain) * MINUTES_PER_30_DAYS // PPM
    print(f"services {len(services)}")
    print(f"availability {chain // 10_000}.{chain % 10_000:04d}%")
    print(f"downtime {downtime} min per 30 days")


if __name__ == "__main__":
    main()
