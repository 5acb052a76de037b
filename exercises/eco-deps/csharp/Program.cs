// TODO: each stdin line is "package: dep dep ..."; the first line's package is your service.
// Print "total N" (how many distinct packages the service pulls in, directly or not) and then,
// sorted by name, "package <- a,b" listing (sorted, once each) the packages of the closure
// that depend on it. The walk below follows every PATH through the graph: look at the total,
// and at the lines for packages that two others share.
using System;
using System.Collections.Generic;

class Program
{
    static Dictionary<string, string[]> graph = new Dictionary<string, string[]>();
    static int visits = 0;
    static SortedDictionary<string, List<string>> neededBy =
        new SortedDictionary<string, List<string>>(StringComparer.Ordinal);

    static void Walk(string pkg)
    {
        string[] deps;
        if (!graph.TryGetValue(pkg, out deps)) return;
        foreach (string dep in deps)
        {
            visits++;
            List<string> users;
            if (!neededBy.TryGetValue(dep, out users))
            {
                users = new List<string>();
                neededBy[dep] = users;
            }
            users.Add(pkg);
            Walk(dep);
        }
    }

    static void Main()
    {
        string root = null;
        string line;
        while ((line = Console.In.ReadLine()) != null)
        {
            int colon = line.IndexOf(':');
            if (colon < 0) continue;
            string name = line.Substring(0, colon).Trim();
            graph[name] = line.Substring(colon + 1).Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
            if (root == null) root = name;
        }

        Walk(root);
        Console.WriteLine("total " + visits);
        foreach (var entry in neededBy)
        {
            entry.Value.Sort(StringComparer.Ordinal);
            Console.WriteLine(entry.Key + " <- " + string.Join(",", entry.Value));
        }
    }
}
