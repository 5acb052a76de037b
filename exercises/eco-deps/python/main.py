# TODO: each stdin line is "package: dep dep ..."; the first line's package is your service.
# Print "total N" (how many distinct packages the service pulls in, directly or not) and then,
# sorted by name, "package <- a,b" listing (sorted, once each) the packages of the closure
# that depend on it. The walk below follows every PATH through the graph: look at the total,
# and at the lines for packages that two others share.
import sys
from collections import defaultdict

graph = {}
root = None
for line in sys.stdin:
    if ":" not in line:
        continue
    name, deps = line.split(":", 1)
    graph[name.strip()] = deps.split()
    root = root or name.strip()

visits = []
needed_by = defaultdict(list)


def walk(pkg):
    for dep in graph.get(pkg, []):
        visits.append(dep)
        needed_by[dep].append(pkg)
        walk(dep)


walk(root)
print(f"total {len(visits)}")
for dep in sorted(needed_by):
    print(f"{dep} <- {','.join(sorted(needed_by[dep]))}")
