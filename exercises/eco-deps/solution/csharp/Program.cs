// Dependency closure: each stdin line is "package: dep dep ..."; the first line's package is the
// service. Print "total N" (distinct packages the service pulls in) and, sorted by name,
// "package <- dependents" listing which packages of the closure depend on it.
using System;
using System.Collections.Generic;

class Program
{
    static void Main()
    {
        var graph = new Dictionary<string, string[]>();
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

        var seen = new HashSet<string> { root };
        var queue = new Queue<string>();
        queue.Enqueue(root);
        var neededBy = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        while (queue.Count > 0)
        {
            string pkg = queue.Dequeue();
            string[] deps;
            if (!graph.TryGetValue(pkg, out deps)) continue;
            foreach (string dep in deps)
            {
                SortedSet<string> users;
                if (!neededBy.TryGetValue(dep, out users))
                {
                    users = new SortedSet<string>(StringComparer.Ordinal);
                    neededBy[dep] = users;
                }
                users.Add(pkg);
                if (seen.Add(dep)) // false when already seen: visit each package once
                {
                    queue.Enqueue(dep);
                }
            }
        }

        Console.WriteLine("total " + (seen.Count - 1));
        foreach (var entry in neededBy)
        {
            Console.WriteLine(entry.Key + " <- " + string.Join(",", entry.Value));
        }
    }
}
