// Weighted decision matrix: a CSV of "criterion,weight,<option>..." rows with 1-5 scores.
// Print "rank option total/max", highest total first; equal totals share a rank and are
// listed in alphabetical (ordinal) order.
using System.Globalization;
using static System.FormattableString;

if (Console.ReadLine()?.Trim().Split(',') is not [_, _, .. var options]) return;
var totals = options.ToDictionary(option => option, _ => 0);
var maxTotal = 0;
while (Console.ReadLine() is { } line)
{
    if (line.Trim().Split(',') is not [_, var weightText, .. var scores]) continue;
    var weight = int.Parse(weightText, CultureInfo.InvariantCulture);
    maxTotal += 5 * weight;
    for (var i = 0; i < options.Length; i++)
    {
        totals[options[i]] += weight * int.Parse(scores[i], CultureInfo.InvariantCulture);
    }
}

var ranking = totals.OrderByDescending(kv => kv.Value)
                    .ThenBy(kv => kv.Key, StringComparer.Ordinal);
foreach (var (option, total) in ranking)
{
    var rank = 1 + totals.Values.Count(other => other > total);
    Console.WriteLine(Invariant($"{rank} {option} {total}/{maxTotal}"));
}
