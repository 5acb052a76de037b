// Print each framework's throughput relative to the slowest one, as a whole number
// rounded half up ("3x"), highest first, equal ratios in alphabetical order.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

class Program
{
    // value / baseline rounded to the nearest integer, halves up, in exact long arithmetic.
    static long RatioHalfUp(long value, long baseline)
    {
        return (2 * value + baseline) / (2 * baseline);
    }

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
            .Select(r => new { Name = r.Key, Ratio = RatioHalfUp(r.Value, slowest) })
            .OrderByDescending(r => r.Ratio)
            .ThenBy(r => r.Name, StringComparer.Ordinal);
        foreach (var r in ratios)
        {
            Console.WriteLine(r.Name + " " + r.Ratio.ToString(CultureInfo.InvariantCulture) + "x");
        }
    }
}
