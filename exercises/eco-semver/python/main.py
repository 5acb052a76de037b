# TODO: line 1 of stdin is "versions v1 v2 ..." (the published versions of one package).
# Every other line is a comma-separated list of constraints that must ALL hold
# (^ caret, ~ tilde, >=, <=, >, <, =). Print "<line> -> <highest matching version>",
# or "<line> -> CONFLICT" when no version satisfies them all.
# The operators are right. The comparisons are not: try "1.10.0" < "1.9.3" in a REPL.
import sys


def caret_upper(v):
    major, minor, patch = (int(part) for part in v.split("."))
    if major > 0:
        return f"{major + 1}.0.0"
    if minor > 0:
        return f"0.{minor + 1}.0"
    return f"0.0.{patch + 1}"


def tilde_upper(v):
    major, minor, _ = (int(part) for part in v.split("."))
    return f"{major}.{minor + 1}.0"


def allows(constraint, v):
    for op in ("^", "~", ">=", "<=", ">", "<", "="):
        if constraint.startswith(op):
            bound = constraint[len(op):]
            break
    else:
        op, bound = "=", constraint
    if op == "^":
        return bound <= v < caret_upper(bound)
    if op == "~":
        return bound <= v < tilde_upper(bound)
    return {">=": v >= bound, "<=": v <= bound, ">": v > bound,
            "<": v < bound, "=": v == bound}[op]


lines = sys.stdin.read().splitlines()
versions = lines[0].split()[1:]
for line in lines[1:]:
    if not line.strip():
        continue
    constraints = [c.strip() for c in line.split(",")]
    matching = [v for v in versions if all(allows(c, v) for c in constraints)]
    best = max(matching) if matching else "CONFLICT"
    print(f"{line.strip()} -> {best}")
