// TODO: summarise the AWS Lambda log on stdin: count invocations and cold starts,
// and print the P50 (nearest rank) and maximum of the cold starts' Init Duration and
// the P50 of the warm invocations' Duration. The summary below comes out wrong:
// compare it with the expected output and find out why.
using System.Globalization;

List<string> inits = [];
List<string> warm = [];
var invocations = 0;
while (Console.ReadLine() is { } line)
{
    if (!line.StartsWith("REPORT ", StringComparison.Ordinal))
    {
        continue;
    }
    invocations++;
    var fields = line.Split('\t');
    if (Field(fields, "Init Duration") is { } init)
    {
        inits.Add(init); // keep the logged text so we print it unchanged
    }
    else if (Field(fields, "Duration") is { } duration)
    {
        warm.Add(duration);
    }
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"invocations {invocations}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cold_starts {inits.Count}"));
Console.WriteLine($"init_p50_ms {P50(inits)}");
Console.WriteLine($"init_max_ms {Sorted(inits)[^1]}");
Console.WriteLine($"warm_p50_ms {P50(warm)}");

// The value of "Name: 12.34 ms" in a REPORT line, as the logged text, or null.
static string? Field(string[] fields, string name)
{
    var prefix = $"{name}: ";
    var field = fields.FirstOrDefault(f => f.StartsWith(prefix, StringComparison.Ordinal));
    return field?[prefix.Length..].Replace(" ms", "");
}

// The values in ascending order, leaving the input alone.
static List<string> Sorted(List<string> values) => [.. values.Order(StringComparer.Ordinal)];

// Nearest-rank median: the smallest value with at least half the values <= it.
static string P50(List<string> values)
{
    var s = Sorted(values);
    return s[(s.Count + 1) / 2 - 1];
}
