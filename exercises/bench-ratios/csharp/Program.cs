// TODO: read "framework,requests_per_second" rows from stdin (after a header line)
// and print each framework's speed relative to the slowest one as a whole number
// with an "x": rounded to the nearest integer, halves rounded UP (2.5 -> 3x).
// Highest ratio first; equal ratios in alphabetical order. Some ratios come out
// one too low.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

class Program
{
    static void Main()
    {
        Console.ReadLine(); // skip the header
        var results = new List<KeyValuePair<string, long>>();
        string line;
        while ((line = Console.ReadLine()) != null)
        {
            line = line.Trim();
            if (line.Length == 0)
            {
                continue;
            }
            string[] parts = line.Split(',');
            results.Add(new KeyValuePair<string, long>(
                parts[0], long.Parse(parts[1], CultureInfo.InvariantCulture)));
        }

        long slowest = results.Min(r => r.Value);
        var ratios = results
            .Select(r => new { Name = r.Key, Ratio = (long)Math.Round((double)r.Value / slowest) })
            .OrderByDescending(r => r.Ratio)
            .ThenBy(r => r.Name, StringComparer.Ordinal);
        foreach (var r in ratios)
        {
            Console.WriteLine(r.Name + " " + r.Ratio.ToString(CultureInfo.InvariantCulture) + "x");
        }
    }
}
