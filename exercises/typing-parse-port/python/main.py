# TODO: read one candidate port per line from stdin and print, for each line:
#   "ok N" if the line is only ASCII digits 0-9 with a value from 1 to 65535,
#   "error not a number" if it is empty or has any other character (space, sign, "_", ...),
#   "error out of range" if it is all digits but 0 or above 65535.
# This starter trusts int(), which accepts more than a port number should.
import sys


def parse_port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise ValueError("not a number") from None
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
