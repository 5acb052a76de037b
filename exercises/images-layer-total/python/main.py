# TODO: this program sums the layers of each image in a repo-info listing
# (stdin) and prints "<image> <total> MB". Its totals do not match the ones
# repo-info prints itself (python:3.11-slim-bookworm on amd64 is listed as
# "47.8 MB (47790358 bytes)"). Make them match.
import sys

BYTES_PER_MB = 1024 * 1024


def layer_bytes(line: str) -> int:
    # "Size: 28.2 MB (28232655 bytes)" or, under 1 KB, "Size: 250.0 B"
    if "(" in line:
        return int(line[line.index("(") + 1 :].split()[0])
    return int(line.split()[1].split(".")[0])


def format_mb(total: int) -> str:
    tenths = (total * 10 + BYTES_PER_MB // 2) // BYTES_PER_MB  # integers: no float rounding surprises
    return f"{tenths // 10}.{tenths % 10}"


def main() -> None:
    totals: dict[str, int] = {}  # dicts keep insertion order
    image = None
    for raw in sys.stdin:
        line = raw.strip()
        if line.startswith("### `"):
            image = line.split("`")[1]
            totals.setdefault(image, 0)
        elif line.startswith("Size:") and image is not None:
            totals[image] += layer_bytes(line)
    for name, total in totals.items():
        print(f"{name} {format_mb(total)} MB")


if __name__ == "__main__":
    main()
