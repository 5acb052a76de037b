# Dependency closure: each stdin line is "package: dep dep ..."; the first line's package is the
# service. Print "total N" (distinct packages the service pulls in) and, sorted by name,
# "package <- dependents" listing which packages of the closure depend on it.
import sys
from collections import defaultdict, deque

graph = {}
root = None
for line in sys.stdin:
    if ":" not in line:
        continue
    name, deps = line.split(":", 1)
    graph[name.strip()] = deps.split()
    root = root or name.strip()

seen = {root}
queue = deque([root])
needed_by = defaultdict(set)
while queue:
    pkg = queue.popleft()
    for dep in graph.get(pkg, []):
        needed_by[dep].add(pkg)
        if dep not in seen:  # visit each package once, however many paths lead to it
            seen.add(dep)
            queue.append(dep)

print(f"total {len(seen) - 1}")
for dep in sorted(needed_by):
    print(f"{dep} <- {','.join(sorted(needed_by[dep]))}")
