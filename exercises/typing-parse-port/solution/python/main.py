# Reference solution: decide what a port looks like first, then let int() convert it.
import sys


def parse_port(text: str) -> int:
    # str.isdigit() alone is True for "٨٠" and "²"; isascii() keeps it to 0-9.
    if not (text.isascii() and text.isdigit()):
        raise ValueError("not a number")
    port = int(text)  # digits only now; Python ints never overflow
    if not 1 <= port <= 65535:
        raise ValueError("out of range")
    return port


def main() -> None:
    for line in sys.stdin:
        text = line.rstrip("\n")
        try:
            print(f"ok {parse_port(text)}")
        except ValueError as err:
            print(f"error {err}")


if __name__ == "__main__":
    main()
