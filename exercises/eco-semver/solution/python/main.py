# Semver resolver: line 1 is "versions v1 v2 ..."; every other line is a comma-separated list
# of constraints that must all hold. Print "<line> -> <highest matching version>" or CONFLICT.
import sys


def parse(text):
    return tuple(int(part) for part in text.split("."))


def caret_upper(v):
    major, minor, patch = v
    if major > 0:
        return (major + 1, 0, 0)
    if minor > 0:
        return (0, minor + 1, 0)
    return (0, 0, patch + 1)


def allows(constraint, v):
    for op in ("^", "~", ">=", "<=", ">", "<", "="):
        if constraint.startswith(op):
            bound = parse(constraint[len(op):])
            break
    else:
        op, bound = "=", parse(constraint)
    if op == "^":
        return bound <= v < caret_upper(bound)
    if op == "~":
        return bound <= v < (bound[0], bound[1] + 1, 0)
    return {">=": v >= bound, "<=": v <= bound, ">": v > bound,
            "<": v < bound, "=": v == bound}[op]


lines = sys.stdin.read().splitlines()
versions = [parse(v) for v in lines[0].split()[1:]]
for line in lines[1:]:
    if not line.strip():
        continue
    constraints = [c.strip() for c in line.split(",")]
    matching = [v for v in versions if all(allows(c, v) for c in constraints)]
    best = ".".join(map(str, max(matching))) if matching else "CONFLICT"
    print(f"{line.strip()} -> {best}")
