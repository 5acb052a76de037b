// TODO: stdin is a CSV decision matrix: a header "criterion,weight,<option>,..." and one row per
// criterion with an integer weight and a 1-5 score per option. Print "rank option total/max"
// for every option, highest weighted total first. Equal totals share a rank and are listed in
// alphabetical (ordinal) order: "2 C# ..." before "2 Java ...". max is 5 * (sum of weights).
// Totals and ranks are right. What decides the order of two options with equal totals?
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

var ranking = totals.OrderByDescending(kv => kv.Value);
foreach (var (option, total) in ranking)
{
    var rank = 1 + totals.Values.Count(other => other > total);
    Console.WriteLine(Invariant($"{rank} {option} {total}/{maxTotal}"));
}
