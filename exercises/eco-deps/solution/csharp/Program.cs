// Dependency closure: each stdin line is "package: dep dep ..."; the first line's package is the
// service. Print "total N" (distinct packages the service pulls in) and, sorted by name,
// "package <- dependents" listing which packages of the closure depend on it.
using System.Globalization;

Dictionary<string, string[]> graph = new(StringComparer.Ordinal);
string? root = null;
while (Console.ReadLine() is { } line)
{
    int colon = line.IndexOf(':');
    if (colon < 0)
    {
        continue;
    }
    var name = line[..colon].Trim();
    graph[name] = line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
    root ??= name;
}
if (root is null)
{
    Console.WriteLine("total 0");
    return;
}

// Breadth-first over packages, not paths: each package is expanded once.
HashSet<string> seen = new(StringComparer.Ordinal) { root };
Queue<string> queue = new();
queue.Enqueue(root);
SortedDictionary<string, SortedSet<string>> neededBy = new(StringComparer.Ordinal);
while (queue.TryDequeue(out var pkg))
{
    foreach (var dep in graph.GetValueOrDefault(pkg, []))
    {
        if (!neededBy.TryGetValue(dep, out var users))
        {
            neededBy[dep] = users = new(StringComparer.Ordinal);
        }
        users.Add(pkg);
        if (seen.Add(dep)) // false when already seen: visit each package once
        {
            queue.Enqueue(dep);
        }
    }
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"total {seen.Count - 1}"));
foreach (var (dep, users) in neededBy)
{
    Console.WriteLine($"{dep} <- {string.Join(',', users)}");
}
