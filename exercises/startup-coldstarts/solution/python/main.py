# Summarise an AWS Lambda log: invocations, cold starts, the P50 (nearest rank) and
# maximum of the cold starts' Init Duration, and the P50 of the warm Durations.
import sys


def field(fields, name):
    """The value of 'Name: 12.34 ms' in a REPORT line, as the logged text."""
    prefix = name + ": "
    for f in fields:
        if f.startswith(prefix):
            return f[len(prefix):].removesuffix(" ms")
    return None


def p50(values):
    """Nearest-rank median: the smallest value with at least half the values <= it."""
    ordered = sorted(values, key=float)  # compare as numbers, print the logged text
    return ordered[(len(ordered) + 1) // 2 - 1]


def main():
    inits, warm = [], []
    invocations = 0
    for line in sys.stdin:
        if not line.startswith("REPORT "):
            continue
        invocations += 1
        fields = line.rstrip("\n").split("\t")
        init = field(fields, "Init Duration")
        if init is None:
            warm.append(field(fields, "Duration"))
        else:
            inits.append(init)  # keep the logged text so we print it unchanged

    print(f"invocations {invocations}")
    print(f"cold_starts {len(inits)}")
    print(f"init_p50_ms {p50(inits)}")
    print(f"init_max_ms {max(inits, key=float)}")
    print(f"warm_p50_ms {p50(warm)}")


main()
