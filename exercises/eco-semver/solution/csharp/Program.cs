// Semver resolver: line 1 is "versions v1 v2 ..."; every other line is a comma-separated list
// of constraints that must all hold. Print "<line> -> <highest matching version>" or CONFLICT.
using System;
using System.Collections.Generic;
using System.Linq;

class Program
{
    static readonly string[] Ops = { "^", "~", ">=", "<=", ">", "<", "=" };

    // System.Version compares Major, Minor and Build numerically.
    static Version CaretUpper(Version v)
    {
        if (v.Major > 0) return new Version(v.Major + 1, 0, 0);
        if (v.Minor > 0) return new Version(0, v.Minor + 1, 0);
        return new Version(0, 0, v.Build + 1);
    }

    static bool Allows(string constraint, Version v)
    {
        string op = "=";
        foreach (string candidate in Ops)
        {
            if (constraint.StartsWith(candidate, StringComparison.Ordinal))
            {
                op = candidate;
                constraint = constraint.Substring(candidate.Length);
                break;
            }
        }
        var bound = Version.Parse(constraint);
        int c = v.CompareTo(bound);
        switch (op)
        {
            case "^": return c >= 0 && v < CaretUpper(bound);
            case "~": return c >= 0 && v < new Version(bound.Major, bound.Minor + 1, 0);
            case ">=": return c >= 0;
            case "<=": return c <= 0;
            case ">": return c > 0;
            case "<": return c < 0;
            default: return c == 0;
        }
    }

    static void Main()
    {
        string[] first = Console.In.ReadLine().Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
        List<Version> versions = first.Skip(1).Select(Version.Parse).ToList();
        string line;
        while ((line = Console.In.ReadLine()) != null)
        {
            string wanted = line.Trim();
            if (wanted.Length == 0) continue;
            string[] constraints = wanted.Split(',');
            var matching = versions.Where(v => constraints.All(c => Allows(c.Trim(), v))).ToList();
            string best = matching.Count > 0 ? matching.Max().ToString() : "CONFLICT";
            Console.WriteLine(wanted + " -> " + best);
        }
    }
}
