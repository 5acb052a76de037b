// Weighted decision matrix: a CSV of "criterion,weight,<option>..." rows with 1-5 scores.
// Print "rank option total/max", highest total first; equal totals share a rank and are
// listed in alphabetical (ordinal) order.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

class Program
{
    static void Main()
    {
        string[] options = Console.In.ReadLine().Trim().Split(',').Skip(2).ToArray();
        var totals = options.ToDictionary(o => o, o => 0);
        int maxTotal = 0;
        string line;
        while ((line = Console.In.ReadLine()) != null)
        {
            string[] cells = line.Trim().Split(',');
            if (cells.Length < 2) continue;
            int weight = int.Parse(cells[1], CultureInfo.InvariantCulture);
            maxTotal += 5 * weight;
            for (int i = 0; i < options.Length; i++)
            {
                totals[options[i]] += weight * int.Parse(cells[2 + i], CultureInfo.InvariantCulture);
            }
        }

        var ranking = totals.OrderByDescending(kv => kv.Value)
                            .ThenBy(kv => kv.Key, StringComparer.Ordinal);
        foreach (var kv in ranking)
        {
            int rank = 1 + totals.Values.Count(t => t > kv.Value);
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0} {1} {2}/{3}",
                rank, kv.Key, kv.Value, maxTotal));
        }
    }
}
