// TODO: line 1 of stdin is "versions v1 v2 ..." (the published versions of one package).
// Every other line is a comma-separated list of constraints that must ALL hold
// (^ caret, ~ tilde, >=, <=, >, <, =). Print "<line> -> <highest matching version>",
// or "<line> -> CONFLICT" when no version satisfies them all.
// The operators are right. The comparisons are not: what is CompareOrdinal("1.10.0", "1.9.3")?
using System;
using System.Collections.Generic;
using System.Linq;

class Program
{
    static readonly string[] Ops = { "^", "~", ">=", "<=", ">", "<", "=" };

    static int[] Fields(string v)
    {
        return v.Split('.').Select(int.Parse).ToArray();
    }

    static string CaretUpper(string v)
    {
        int[] f = Fields(v);
        if (f[0] > 0) return (f[0] + 1) + ".0.0";
        if (f[1] > 0) return "0." + (f[1] + 1) + ".0";
        return "0.0." + (f[2] + 1);
    }

    static string TildeUpper(string v)
    {
        int[] f = Fields(v);
        return f[0] + "." + (f[1] + 1) + ".0";
    }

    static bool Allows(string constraint, string v)
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
        string bound = constraint;
        int c = string.CompareOrdinal(v, bound);
        switch (op)
        {
            case "^": return c >= 0 && string.CompareOrdinal(v, CaretUpper(bound)) < 0;
            case "~": return c >= 0 && string.CompareOrdinal(v, TildeUpper(bound)) < 0;
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
        List<string> versions = first.Skip(1).ToList();
        string line;
        while ((line = Console.In.ReadLine()) != null)
        {
            string wanted = line.Trim();
            if (wanted.Length == 0) continue;
            string[] constraints = wanted.Split(',');
            var matching = versions.Where(v => constraints.All(c => Allows(c.Trim(), v)))
                                   .OrderBy(v => v, StringComparer.Ordinal).ToList();
            string best = matching.Count > 0 ? matching[matching.Count - 1] : "CONFLICT";
            Console.WriteLine(wanted + " -> " + best);
        }
    }
}
