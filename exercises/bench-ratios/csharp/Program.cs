// TODO: read "framework,requests_per_second" rows from stdin (after a header line)
// and print each framework's speed relative to the slowest one as a whole number
// with an "x": rounded to the nearest integer, halves rounded UP (2.5 -> 3x).
// Highest ratio first; equal ratios in alphabetical order. Some ratios come out
// one too low.
using System.Globalization;

Console.ReadLine(); // skip the header
List<Result> results = [];
while (Console.ReadLine() is { } line)
{
    if (line.Trim() is not { Length: > 0 } row)
    {
        continue;
    }
    var parts = row.Split(',');
    results.Add(new(parts[0], long.Parse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture)));
}

var slowest = results.Min(r => r.Rps);
var ratios = results
    .Select(r => (r.Name, Ratio: (long)Math.Round((double)r.Rps / slowest)))
    .OrderByDescending(r => r.Ratio)
    .ThenBy(r => r.Name, StringComparer.Ordinal);
foreach (var (name, ratio) in ratios)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} {ratio}x"));
}

record Result(string Name, long Rps);
