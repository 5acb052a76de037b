// Print each framework's throughput relative to the slowest one, as a whole number
// rounded half up ("3x"), highest first, equal ratios in alphabetical order.
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
    .Select(r => (r.Name, Ratio: RatioHalfUp(r.Rps, slowest)))
    .OrderByDescending(r => r.Ratio)
    .ThenBy(r => r.Name, StringComparer.Ordinal);
foreach (var (name, ratio) in ratios)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} {ratio}x"));
}

// value / baseline rounded to the nearest integer, halves up, in exact long arithmetic.
static long RatioHalfUp(long value, long baseline) => (2 * value + baseline) / (2 * baseline);

record Result(string Name, long Rps);
