# Read a multi-stage build (stdin): "FROM <image> AS <stage>" starts a stage,
# "layer <bytes> <comment>" adds a layer to the current stage, "#" lines are
# comments. Print "stage <name> <MB> MB" for every stage, then
# "shipped <name> <MB> MB" for the image that is pushed: the LAST stage only.
import sys

BYTES_PER_MB = 1_000_000


def format_mb(total: int) -> str:
    tenths = (total * 10 + BYTES_PER_MB // 2) // BYTES_PER_MB
    return f"{tenths // 10}.{tenths % 10}"


def main() -> None:
    stages: list[tuple[str, int]] = []  # (name, bytes) in build order
    for raw in sys.stdin:
        words = raw.split()
        if not words or words[0].startswith("#"):
            continue
        if words[0] == "FROM":
            stages.append((words[3], 0))
        elif words[0] == "layer":
            name, size = stages[-1]
            stages[-1] = (name, size + int(words[1]))

    for name, size in stages:
        print(f"stage {name} {format_mb(size)} MB")
    # Earlier stages only feed files to later ones through COPY --from;
    # their layers are not part of the pushed image.
    shipped_name, shipped_size = stages[-1]
    print(f"shipped {shipped_name} {format_mb(shipped_size)} MB")


if __name__ == "__main__":
    main()
