// TODO: summarise the AWS Lambda log on stdin: count invocations and cold starts,
// and print the P50 (nearest rank) and maximum of the cold starts' Init Duration and
// the P50 of the warm invocations' Duration. The summary below comes out wrong:
// compare it with the expected output and find out why.
using System;
using System.Collections.Generic;
using System.Linq;

class Program
{
    // The value of "Name: 12.34 ms" in a REPORT line, as the logged text, or null.
    static string Field(string[] fields, string name)
    {
        string prefix = name + ": ";
        foreach (string f in fields)
        {
            if (f.StartsWith(prefix, StringComparison.Ordinal))
            {
                return f.Substring(prefix.Length).Replace(" ms", "");
            }
        }
        return null;
    }

    // The values in ascending order, leaving the input alone.
    static List<string> Sorted(List<string> values)
    {
        return values.OrderBy(v => v, StringComparer.Ordinal).ToList();
    }

    // Nearest-rank median: the smallest value with at least half the values <= it.
    static string P50(List<string> values)
    {
        List<string> s = Sorted(values);
        return s[(s.Count + 1) / 2 - 1];
    }

    static void Main()
    {
        var inits = new List<string>();
        var warm = new List<string>();
        int invocations = 0;
        string line;
        while ((line = Console.ReadLine()) != null)
        {
            if (!line.StartsWith("REPORT ", StringComparison.Ordinal))
            {
                continue;
            }
            invocations++;
            string[] fields = line.Split('\t');
            string init = Field(fields, "Init Duration");
            if (init != null)
            {
                inits.Add(init); // keep the logged text so we print it unchanged
            }
            else
            {
                warm.Add(Field(fields, "Duration"));
            }
        }

        Console.WriteLine("invocations " + invocations);
        Console.WriteLine("cold_starts " + inits.Count);
        Console.WriteLine("init_p50_ms " + P50(inits));
        Console.WriteLine("init_max_ms " + Sorted(inits).Last());
        Console.WriteLine("warm_p50_ms " + P50(warm));
    }
}
