# TODO: read a multi-stage build (stdin): "FROM <image> AS <stage>" starts a
# stage, "layer <bytes> <comment>" adds a layer to the current stage, "#" lines
# are comments. The per-stage lines are right, but the "shipped" line reports
# far more than the image you would actually push. Fix it.
import sys

BYTES_PER_MB = 1_000_000


def format_mb(total: int) -> str:
    tenths = (total * 10 + BYTES_PER_MB // 2) // BYTES_PER_MB
    return f"{tenths // 10}.{tenths % 10}"


def main() -> None:
    stages: list[tuple[str, int]] = []  # (name, bytes) in build order
    image_bytes = 0  # everything the Dockerfile builds
    for raw in sys.stdin:
        words = raw.split()
        if not words or words[0].startswith("#"):
            continue
        if words[0] == "FROM":
            stages.append((words[3], 0))
        elif words[0] == "layer":
            size = int(words[1])
            name, so_far = stages[-1]
            stages[-1] = (name, so_far + size)
            image_bytes += size

    for name, size in stages:
        print(f"stage {name} {format_mb(size)} MB")
    print(f"shipped {stages[-1][0]} {format_mb(image_bytes)} MB")


if __name__ == "__main__":
    main()
