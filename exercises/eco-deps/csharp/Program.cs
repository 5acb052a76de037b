// TODO: each stdin line is "package: dep dep ..."; the first line's package is your service.
// Print "total N" (how many distinct packages the service pulls in, directly or not) and then,
// sorted by name, "package <- a,b" listing (sorted, once each) the packages of the closure
// that depend on it. The walk below follows every PATH through the graph: look at the total,
// and at the lines for packages that two others share.
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

int visits = 0;
SortedDictionary<string, List<string>> neededBy = new(StringComparer.Ordinal);

void Walk(string pkg)
{
    foreach (var dep in graph.GetValueOrDefault(pkg, []))
    {
        visits++;
        if (!neededBy.TryGetValue(dep, out var users))
        {
            neededBy[dep] = users = [];
        }
        users.Add(pkg);
        Walk(dep);
    }
}

if (root is not null)
{
    Walk(root);
}
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"total {visits}"));
foreach (var (dep, users) in neededBy)
{
    users.Sort(StringComparer.Ordinal);
    Console.WriteLine($"{dep} <- {string.Join(',', users)}");
}
